"""The XMPP backend in the contract suite, against the session's real Prosody on loopback.

The other person is a plain slixmpp client (:class:`tests.integration.xmpp.peer.Peer`).
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from backends.xmpp import XmppBackend
from chinwag.testing.support import free_port
from tests.integration.xmpp.peer import Peer
from tests.integration.xmpp.server import ProsodyServer, shared_prosody


class XmppHarness:
    backend_class = XmppBackend

    def __init__(self, server: ProsodyServer) -> None:
        self.server = server
        self.me = server.new_account("contract")
        self.peer = Peer(server, server.new_account("contractpeer"))

    def settings(self) -> tuple[dict[str, str | int | bool], dict[str, str]]:
        return self.server.settings(self.me), {"password": self.me.password}

    def with_wrong_password(self) -> tuple[dict[str, str | int | bool], dict[str, str]]:
        return self.server.settings(self.me), {"password": self.me.password + "-wrong"}

    def unreachable(self) -> tuple[dict[str, str | int | bool], dict[str, str]]:
        return self.server.settings(self.me, port=free_port()), {"password": self.me.password}

    @property
    def peer_conversation(self) -> str:
        return self.peer.jid

    @property
    def peer_address(self) -> str:
        return self.peer.jid

    async def room_to_join(self) -> str:
        """A room the peer made (and is in), on the server's MUC service."""
        room = f"contract-{uuid.uuid4().hex[:8]}@{self.server.muc}"
        await self.peer.join_room(room, "peer")
        return room

    async def peer_send(self, text: str) -> None:
        self.peer.chat(self.me.jid, text)

    async def peer_wait_for(self, text: str, timeout: float = 60.0) -> None:
        await self.peer.wait_body(text, timeout)

    async def close(self) -> None:
        await self.peer.stop()


async def open_harness(request: pytest.FixtureRequest, tmp_path: Path) -> XmppHarness:
    del tmp_path
    harness = XmppHarness(shared_prosody(request))
    await harness.peer.start()
    return harness
