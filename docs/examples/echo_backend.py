"""A complete, minimal Chinwag backend: an "echo" service that answers every message.

It is the example of docs/backends.md and is exercised by tests/unit/test_docs_example.py, so it
keeps working as the interface evolves. Install it like any plugin, with an entry point:

    [project.entry-points."chinwag.backends"]
    echo = "echo_backend:EchoBackend"
"""

from __future__ import annotations

import asyncio
import itertools

from app.api import (
    AccountField,
    Backend,
    Capability,
    ConnectResult,
    ConversationId,
    ConversationKind,
    ConversationUpdated,
    Failure,
    FailureKind,
    FieldKind,
    MessageReceived,
    OutgoingMessage,
    SendResult,
)


class EchoBackend(Backend):
    protocol_id = "echo"
    display_name = "Echo (example)"
    account_fields = (
        AccountField("name", "Your name", required=True),
        AccountField(
            "password",
            "Password",
            FieldKind.PASSWORD,
            secret=True,
            help="Any non-empty password; 'wrong' is refused.",
        ),
    )

    def __init__(self, ctx):  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self._ids = itertools.count(1)
        self._connected = False

    async def connect(self) -> ConnectResult:
        password = await self.ctx.secrets.get("password")
        if password == "wrong":
            return ConnectResult(
                Failure(FailureKind.AUTH, "The echo service refused the password.")
            )
        self._connected = True
        self.own_id = str(self.ctx.settings["name"])
        self.ctx.report(ConversationUpdated("echo", ConversationKind.DIRECT, title="Echo"))
        return ConnectResult()

    async def disconnect(self) -> None:
        self._connected = False

    def capabilities(self, conv: ConversationId | None = None) -> Capability:
        return Capability.NONE

    async def send_message(self, conv: ConversationId, msg: OutgoingMessage) -> SendResult:
        if not self._connected:
            return SendResult(
                failure=Failure(FailureKind.NOT_CONNECTED, "Offline.", retryable=True)
            )
        asyncio.get_running_loop().call_later(0.01, self._answer, conv.native_id, msg.body)
        return SendResult(remote_id=f"echo-{next(self._ids)}")  # confirmed: it may leave the outbox

    def _answer(self, conversation: str, body: str) -> None:
        self.ctx.report(
            MessageReceived(
                conversation=conversation,
                sender="echo",
                sender_name="Echo",
                body=body[::-1],
                remote_id=f"echo-{next(self._ids)}",
            )
        )
