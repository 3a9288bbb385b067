"""Delta Chat (chat over e-mail) as a Chinwag backend: the façade that wires the services.

The Delta Chat core (``deltachat-rpc-server``, Rust) does the e-mail work: IMAP and SMTP, Autocrypt
end-to-end encryption, groups, read receipts, SecureJoin. One core process runs per account, with
its database in the account's private ``data_dir``; this backend starts it, signs in
(:mod:`.signin`), and turns its events into facts (:mod:`.events`). It imports only
``app.api``.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from app.api import (
    Backend,
    BackendContext,
    Capability,
    ConnectionLost,
    ConnectResult,
    ConversationId,
    Failure,
    FailureKind,
    Outcome,
    OutgoingMessage,
    RoomFeature,
    RoomOptions,
    SendResult,
    ServiceNotice,
    SupportsBlocking,
    SupportsCommands,
    SupportsEdits,
    SupportsFiles,
    SupportsGroupChat,
    SupportsHistory,
    SupportsInvites,
    SupportsKicking,
    SupportsReactions,
    SupportsReceipts,
    SupportsRetraction,
    SupportsRoomCreation,
    SupportsRoster,
    SupportsTopic,
)
from chinwag_deltachat import convert, settings
from chinwag_deltachat.chats import ChatDirectory
from chinwag_deltachat.events import EventTranslator
from chinwag_deltachat.files import FileService
from chinwag_deltachat.history import HistoryService
from chinwag_deltachat.messaging import MessageService
from chinwag_deltachat.rooms import RoomService
from chinwag_deltachat.rpc import CoreError, CoreProcess
from chinwag_deltachat.signin import SignIn
from chinwag_deltachat.trust import TrustBook

_BASE_CAPS = (
    Capability.GROUP_CHAT
    | Capability.READ_RECEIPTS
    | Capability.HISTORY
    | Capability.FILES
    | Capability.EDITS
    | Capability.REPLIES
    | Capability.REACTIONS
    | Capability.RETRACTIONS
    | Capability.BLOCKING
    | Capability.COMMANDS
)
_GROUP_ONLY = Capability.INVITE | Capability.KICK | Capability.TOPIC
COMMANDS = ("invitelink",)
"""``/invite WHO`` is Chinwag's own (add someone to this group), so the link has its own name."""


class _Services:
    """The parts of one signed-in session (built together, dropped together)."""

    def __init__(self, backend: DeltaChatBackend, core: CoreProcess, account: int) -> None:
        ctx = backend.ctx
        self.core = core
        self.account = account
        self.sent: dict[int, str] = {}
        self.chats = ChatDirectory(core, account)
        self.trust = TrustBook(ctx.state)
        self.events = EventTranslator(
            core,
            account,
            account_id=ctx.account_id,
            own_address=backend.own_id,
            chats=self.chats,
            trust=self.trust,
            report=ctx.report,
            log=ctx.logger,
            sent=self.sent,
        )
        self.files = FileService(
            core,
            account,
            ctx.data_dir / "outgoing",
            settings.max_file_bytes(ctx.settings),
        )
        self.messages = MessageService(core, account, self.chats, self.files, self.sent)
        self.history = HistoryService(self.chats, self.events, ctx.state)
        self.rooms = RoomService(core, account, self.chats, self.events)


class DeltaChatBackend(
    Backend,
    SupportsGroupChat,
    SupportsInvites,
    SupportsKicking,
    SupportsTopic,
    SupportsRoomCreation,
    SupportsRoster,
    SupportsReceipts,
    SupportsHistory,
    SupportsFiles,
    SupportsEdits,
    SupportsReactions,
    SupportsRetraction,
    SupportsBlocking,
    SupportsCommands,
):
    """One Delta Chat account (an e-mail address) for one session."""

    protocol_id = "deltachat"
    send_features = Capability.REPLIES
    display_name = "Delta Chat (chat over e-mail)"
    account_fields = settings.FIELDS
    room_features = (
        RoomFeature.NAME | RoomFeature.TOPIC | RoomFeature.ENCRYPTED | RoomFeature.INVITEES
    )

    def __init__(self, ctx: BackendContext) -> None:
        super().__init__(ctx)
        self._core: CoreProcess | None = None
        self._s: _Services | None = None
        self._pump: asyncio.Task[None] | None = None
        self._closing = False

    @classmethod
    def validate_settings(cls, values: Mapping[str, str | int | bool]) -> dict[str, str]:
        return settings.validate(values)

    # -- lifecycle -------------------------------------------------------------------------

    async def connect(self) -> ConnectResult:
        ctx = self.ctx
        password = await ctx.secrets.get("password")
        if not password:
            return ConnectResult(Failure(FailureKind.AUTH, "Enter the e-mail password."))
        self.own_id = settings.address(ctx.settings)
        core_dir = ctx.data_dir / "deltachat"
        core_dir.mkdir(parents=True, exist_ok=True)
        core_dir.chmod(0o700)  # the core's database holds the mail login too
        self._core = core = CoreProcess(core_dir / "accounts", core_dir / "core.log")
        try:
            await core.start()
        except CoreError as exc:
            await self._stop_core()
            return ConnectResult(Failure(FailureKind.CONFIG, exc.message))
        signin = SignIn(core, ctx.logger)
        outcome = await signin.sign_in(ctx.settings, password)
        if isinstance(outcome, Failure):
            await self._stop_core()
            return ConnectResult(outcome)
        self._s = s = _Services(self, core, outcome)
        await s.trust.load()
        queue: asyncio.Queue[dict[str, Any] | None] = asyncio.Queue()
        loop = asyncio.get_running_loop()
        core.pump_events(outcome, lambda event: loop.call_soon_threadsafe(queue.put_nowait, event))
        failure = await signin.go_online(outcome)
        if failure is not None:
            await self.disconnect()
            return ConnectResult(failure)
        await s.history.catch_up()
        await s.events.report_contacts()
        self._pump = asyncio.create_task(self._follow(queue), name="deltachat-events")
        return ConnectResult()

    async def _follow(self, queue: asyncio.Queue[dict[str, Any] | None]) -> None:
        assert self._s is not None
        events = self._s.events
        while True:
            event = await queue.get()
            if event is None:
                if not self._closing:
                    self.ctx.logger.warning("the Delta Chat core stopped")
                    self.ctx.report(ConnectionLost("The Delta Chat core stopped.", retryable=True))
                return
            try:
                await events.handle(event)
            except Exception:  # a bug in one event must not stop the next ones
                self.ctx.logger.exception("failed to handle a Delta Chat event")

    async def disconnect(self) -> None:
        self._closing = True
        pump, self._pump = self._pump, None
        if pump is not None:
            pump.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await pump
        if self._s is not None:
            with contextlib.suppress(Exception):
                await self._s.history.remember()
        self._s = None
        await self._stop_core()

    async def _stop_core(self) -> None:
        core, self._core = self._core, None
        if core is not None:
            await core.stop()

    def capabilities(self, conv: ConversationId | None = None) -> Capability:
        if conv is None:
            return _BASE_CAPS | _GROUP_ONLY
        info = self._s.chats.cached_for(conv.native_id) if self._s is not None else None
        caps = _BASE_CAPS
        if info is not None and not info.encrypted:
            # The core deletes only encrypted mail for all; a correction of unencrypted mail is
            # sent but the other person's core does not apply it (seen at a peer core).
            caps &= ~(Capability.RETRACTIONS | Capability.EDITS)
        if convert.parse_chat_native_id(conv.native_id) is None:
            return caps  # 1:1
        if info is not None and info.chat_type != "Group":
            return caps  # mailing lists and broadcasts have no members to manage
        return caps | _GROUP_ONLY

    def _services(self) -> _Services | Failure:
        if self._s is None:
            return Failure(FailureKind.NOT_CONNECTED, "Not connected.", retryable=True)
        return self._s

    async def _guard(self, action: Callable[[_Services], Any]) -> Outcome:
        s = self._services()
        if isinstance(s, Failure):
            return Outcome(s)
        try:
            result = await action(s)
        except CoreError as exc:
            return Outcome(Failure(FailureKind.REJECTED, exc.message))
        return result if isinstance(result, Outcome) else Outcome()

    # -- messages --------------------------------------------------------------------------

    async def send_message(self, conv: ConversationId, msg: OutgoingMessage) -> SendResult:
        s = self._services()
        if isinstance(s, Failure):
            return SendResult(failure=s)
        return await s.messages.send(conv, msg)

    async def open_direct(self, contact: str) -> Outcome:
        address, _ = convert.parse_direct_native_id(contact)
        if not convert.looks_like_address(address):
            return Outcome(Failure(FailureKind.REJECTED, f"{contact} is not an e-mail address."))
        return Outcome(value=address)

    async def edit_message(
        self, conv: ConversationId, target_remote_id: str, msg: OutgoingMessage
    ) -> SendResult:
        s = self._services()
        if isinstance(s, Failure):
            return SendResult(failure=s)
        return await s.messages.edit(conv, target_remote_id, msg)

    async def react(
        self, conv: ConversationId, target_remote_id: str, keys: tuple[str, ...]
    ) -> Outcome:
        return await self._guard(lambda s: s.messages.react(target_remote_id, keys))

    async def retract(self, conv: ConversationId, target_remote_id: str) -> Outcome:
        return await self._guard(lambda s: s.messages.retract(target_remote_id))

    async def send_read_marker(self, conv: ConversationId, remote_id: str) -> None:
        if self._s is not None:
            with contextlib.suppress(CoreError):
                await self._s.messages.mark_read(conv, remote_id)

    async def fetch_history(
        self, conv: ConversationId, before_remote_id: str | None, limit: int
    ) -> Outcome:
        return await self._guard(lambda s: s.history.fetch(conv, before_remote_id, limit))

    # -- files -----------------------------------------------------------------------------

    async def upload(
        self, conv: ConversationId, path: Path, progress: Callable[[int, int], None]
    ) -> Outcome:
        return await self._guard(lambda s: s.files.upload(path, progress))

    async def download(
        self, url: str, destination: Path, progress: Callable[[int, int], None]
    ) -> Outcome:
        return await self._guard(lambda s: s.files.download(url, destination, progress))

    # -- groups ----------------------------------------------------------------------------

    async def join(self, room: str, nick: str = "", password: str = "") -> Outcome:
        return await self._guard(lambda s: s.rooms.join(room))

    async def leave(self, conv: ConversationId, reason: str = "") -> Outcome:
        return await self._guard(lambda s: s.rooms.leave(conv))

    async def create_room(self, name: str, *, public: bool = False) -> Outcome:
        return await self._guard(lambda s: s.rooms.create(name))

    async def create_room_with(self, options: RoomOptions) -> Outcome:
        """A Delta Chat group: its name, description (the topic), whether it is encrypted,
        and the people in it from the start. Groups are never public and have no password."""
        return await self._guard(
            lambda s: s.rooms.create(
                options.name,
                encrypted=options.encrypted,
                description=options.topic,
                invite=options.invite,
            )
        )

    async def invite(self, conv: ConversationId, contact: str, reason: str = "") -> Outcome:
        return await self._guard(lambda s: s.rooms.add_member(conv, contact))

    async def kick(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        return await self._guard(lambda s: s.rooms.remove_member(conv, member))

    async def set_topic(self, conv: ConversationId, topic: str) -> Outcome:
        return await self._guard(lambda s: s.rooms.set_description(conv, topic))

    # -- contacts --------------------------------------------------------------------------

    async def add_contact(self, contact: str, name: str = "", message: str = "") -> Outcome:
        return await self._guard(lambda s: s.rooms.add_contact(contact, name))

    async def remove_contact(self, contact: str) -> Outcome:
        return await self._guard(lambda s: s.rooms.remove_contact(contact))

    async def rename_contact(self, contact: str, name: str) -> Outcome:
        return await self._guard(lambda s: s.rooms.rename_contact(contact, name))

    async def answer_subscription(self, contact: str, accept: bool) -> Outcome:
        """A contact request (the first mail from someone we never wrote to): accept it, or
        decline it by blocking them, as Delta Chat's own apps do."""
        return await self._guard(lambda s: s.rooms.answer_request(contact, accept))

    async def set_blocked(self, contact: str, blocked: bool) -> Outcome:
        return await self._guard(lambda s: s.rooms.set_blocked(contact, blocked))

    # -- commands --------------------------------------------------------------------------

    def command_names(self) -> tuple[str, ...]:
        return COMMANDS

    async def run_command(self, conv: ConversationId | None, name: str, args: str) -> Outcome:
        """``/invitelink``: our SecureJoin invite link (the group's, in a group): whoever opens it
        in Delta Chat gets our key out of band, verified, and starts an encrypted chat."""
        if name != "invitelink":
            return Outcome(Failure(FailureKind.UNSUPPORTED, f"Unknown command /{name}."))

        async def invite(s: _Services) -> Outcome:
            outcome = await s.rooms.invite_link(conv)
            if outcome.ok and outcome.value:
                self.ctx.report(
                    ServiceNotice(
                        f"Invite link (open it in Delta Chat, or /join it here): {outcome.value}",
                        conv.native_id if conv is not None else None,
                    )
                )
            return outcome

        return await self._guard(invite)
