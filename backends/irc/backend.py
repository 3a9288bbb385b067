"""The IRC backend: one instance is one connection of one account to one network.

This class only wires the services and answers the core's interface; the work happens in:

* :mod:`~backends.irc.session` — the wire: reading and dispatching lines, writing them, labels,
  batches, requests awaiting their reply; :mod:`~backends.irc.transport` opens the socket (TLS
  verified by default) and paces what we write; :mod:`~backends.irc.protocol` parses lines.
* :mod:`~backends.irc.signin` — CAP, SASL, the nick, NickServ; :mod:`~backends.irc.settings` —
  the account's fields and tunables; :mod:`~backends.irc.state` — what the next connection needs.
* :mod:`~backends.irc.messaging`, :mod:`~backends.irc.channels`, :mod:`~backends.irc.people`,
  :mod:`~backends.irc.history` — messages, channels, the watch list and WHOIS, chathistory;
  :mod:`~backends.irc.members` — who is in our channels, shared by the last three.

Reconnecting is the core's job (DESIGN §4): a lost connection is reported as
:class:`~app.facts.ConnectionLost` and the core creates a *new* instance, which rejoins and
re-watches from the saved state on connect; the core's outbox then sends what was typed offline.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
from collections import deque
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import ClassVar

from app.backend import (
    Backend,
    BackendContext,
    BanEntry,
    Capability,
    ConnectResult,
    ContactDetails,
    Credentials,
    Failure,
    FailureKind,
    Outcome,
    OutgoingMessage,
    RoomOptions,
    RoomSettings,
    SendResult,
    SignUpForm,
    SupportsBanning,
    SupportsBlocking,
    SupportsCommands,
    SupportsContactDetails,
    SupportsFileOffers,
    SupportsFiles,
    SupportsGroupChat,
    SupportsHistory,
    SupportsInvites,
    SupportsKicking,
    SupportsPresence,
    SupportsReactions,
    SupportsRoomAdmin,
    SupportsRoomCreation,
    SupportsRoomDirectory,
    SupportsRoster,
    SupportsSignUp,
    SupportsTopic,
    SupportsTyping,
)
from app.i18n import CoreMessages
from app.models import ConversationId, MessageKind, Presence, Role, RoomListing
from backends.irc import commands, convert, ctcp, formatting, register, transport
from backends.irc import settings as account_settings
from backends.irc.admin import ROOM_FEATURES, RoomAdmin
from backends.irc.channels import ChannelListing, Channels
from backends.irc.files import URL_PREFIX, DccFiles
from backends.irc.history import History
from backends.irc.ignore import Ignore
from backends.irc.members import Membership
from backends.irc.messaging import Messaging, PendingSend
from backends.irc.people import People
from backends.irc.protocol import format_line, parse_line
from backends.irc.session import IrcSession, not_connected, written
from backends.irc.settings import (
    FINGERPRINT_FIELD,
    NICK_PATTERN,
    WANTED_CAPS,
    Settings,
    Tunables,
)
from backends.irc.signin import SignIn
from backends.irc.state import SavedState
from backends.irc.tags import REACT, REPLY, TYPING, ClientTags

__all__ = ["WANTED_CAPS", "ChannelListing", "IrcBackend"]

IRC_COMMANDS = (
    "away",
    "back",
    "ctcp",
    "dehalfop",
    "deop",
    "devoice",
    "halfop",
    "mode",
    "nick",
    "notice",
    "op",
    "quote",
    "raw",
    "voice",
    "whois",
)
"""Slash commands IRC adds to the generic ones every service has (/me, /join, /msg …)."""
_TUNABLES = tuple(field.name for field in dataclasses.fields(Tunables))


class IrcBackend(
    Backend,
    SupportsGroupChat,
    SupportsInvites,
    SupportsKicking,
    SupportsBanning,
    SupportsTopic,
    SupportsRoster,
    SupportsPresence,
    SupportsHistory,
    SupportsCommands,
    SupportsRoomDirectory,
    SupportsTyping,
    SupportsReactions,
    SupportsBlocking,
    SupportsFiles,
    SupportsFileOffers,
    SupportsRoomCreation,
    SupportsRoomAdmin,
    SupportsContactDetails,
    SupportsSignUp,
):
    """IRC with IRCv3: SASL, echo-message, server-time, batches, labels, MONITOR, chathistory,
    client tags (typing, replies, reactions)."""

    protocol_id = "irc"
    send_features = Capability.REPLIES  # with the +draft/reply tag, when the server allows it
    display_name = "IRC"
    account_fields = account_settings.ACCOUNT_FIELDS
    room_features = ROOM_FEATURES

    # Tunables (class attributes so a test or a network profile can subclass them).
    wanted_caps: ClassVar[tuple[str, ...]] = Tunables.wanted_caps
    send_burst: ClassVar[float] = Tunables.send_burst
    send_rate: ClassVar[float] = Tunables.send_rate
    ctcp_burst: ClassVar[float] = Tunables.ctcp_burst
    ctcp_rate: ClassVar[float] = Tunables.ctcp_rate
    registration_timeout: ClassVar[float] = Tunables.registration_timeout
    tls_handshake_timeout: ClassVar[float] = Tunables.tls_handshake_timeout
    motd_grace: ClassVar[float] = Tunables.motd_grace
    nickserv_timeout: ClassVar[float] = Tunables.nickserv_timeout
    nickserv_check_timeout: ClassVar[float] = Tunables.nickserv_check_timeout
    command_timeout: ClassVar[float] = Tunables.command_timeout
    ping_interval: ClassVar[float] = Tunables.ping_interval
    ping_timeout: ClassVar[float] = Tunables.ping_timeout
    ison_interval: ClassVar[float] = Tunables.ison_interval
    version_reply: ClassVar[str] = Tunables.version_reply
    dcc_timeout: ClassVar[float] = Tunables.dcc_timeout
    dcc_resume_timeout: ClassVar[float] = Tunables.dcc_resume_timeout

    def __init__(self, ctx: BackendContext) -> None:
        super().__init__(ctx)
        self.log = ctx.logger
        self._settings = Settings(ctx.settings)
        self._registration: register.NickServRegistration | None = None
        tunables = Tunables(**{name: getattr(self, name) for name in _TUNABLES})
        session = self._session = IrcSession(ctx.report, ctx.logger, tunables)
        self._saved = SavedState(ctx.state, ctx.secrets, session.info, ctx.logger, session.spawn)
        self._ignore = Ignore(
            session, self._saved, ctx.account_id, contacts_only=self._settings.flag("contacts_only")
        )
        self._members = Membership(ctx.account_id, session.info, session.report)
        self._people = People(session, self._members, self._saved, ctx.account_id)
        self._signin = SignIn(session, self._settings, self._people)
        self._files = DccFiles(session, self._saved, self._settings, ctx.data_dir / "dcc")
        self._messaging = Messaging(session, self._members, self._files.on_ctcp)
        self._channels = Channels(session, self._members, self._saved, self._settings)
        self._history = History(session)
        self._admin = RoomAdmin(session, self._channels, self._members, self._saved)
        self._tags = ClientTags(session)

    # -- what the core and the tests read ------------------------------------------------------

    @property
    def own_id(self) -> str:
        return self._session.me.nick

    @own_id.setter
    def own_id(self, value: str) -> None:
        self._session.me.nick = value

    @property
    def info(self) -> convert.ServerInfo:
        return self._session.info

    @property
    def caps_enabled(self) -> set[str]:
        return self._session.caps.enabled

    @property
    def caps_available(self) -> dict[str, str]:
        return self._session.caps.available

    @property
    def account(self) -> str | None:
        """The services account we are logged in to."""
        return self._session.me.account

    @property
    def connected(self) -> bool:
        return self._session.usable

    @property
    def _accounts(self) -> dict[str, str]:
        return self._members.accounts

    @property
    def _pending_by_label(self) -> dict[str, tuple[PendingSend, int]]:
        return self._messaging.pending_by_label

    @property
    def _pending_by_target(self) -> dict[str, deque[tuple[PendingSend, str, str]]]:
        return self._messaging.pending_by_target

    def members(self, channel: str) -> dict[str, str]:
        """Nick → prefixes for a channel we are in (for tests and tools; the core has its own)."""
        return self._channels.members(channel)

    # -- the account ---------------------------------------------------------------------------

    @classmethod
    def account_label(cls, settings: Mapping[str, str | int | bool]) -> str:
        return account_settings.account_label(settings, cls.display_name)

    @classmethod
    def validate_settings(cls, settings: Mapping[str, str | int | bool]) -> dict[str, str]:
        return account_settings.problems(settings)

    def capabilities(self, conv: ConversationId | None = None) -> Capability:
        caps = Capability.GROUP_CHAT | Capability.COMMANDS | Capability.BLOCKING
        if conv is None or self.info.is_channel(conv.native_id):
            caps |= Capability.INVITE | Capability.KICK | Capability.TOPIC | Capability.BAN
        if conv is None or not self.info.is_channel(conv.native_id):
            caps |= Capability.FILES  # DCC: person to person
        if self._history.enabled:
            caps |= Capability.HISTORY
        # Client tags ride on message-tags: without it they are off, not faked. Edits have no
        # IRC form, so EDITS is never declared.
        for tag, flag in ((TYPING, Capability.TYPING), (REPLY, Capability.REPLIES)):
            if self._tags.allowed(tag):
                caps |= flag
        if self._tags.allowed(REACT) and self._tags.allowed(REPLY):
            caps |= Capability.REACTIONS
        return caps

    # -- connecting ----------------------------------------------------------------------------

    async def connect(self) -> ConnectResult:
        try:
            return await self._connect()
        except asyncio.CancelledError:
            await self._session.shutdown()
            raise

    async def _connect(self) -> ConnectResult:
        settings = self._settings
        host = settings.text("server")
        nick = settings.text("nick")
        if not host or not nick:
            return ConnectResult(
                Failure(FailureKind.CONFIG, CoreMessages.tr("A server and a nickname are needed."))
            )
        if not re.fullmatch(NICK_PATTERN, nick):
            return ConnectResult(
                Failure(
                    FailureKind.CONFIG,
                    CoreMessages.tr("%1 is not a valid nickname.").arg(repr(nick)),
                )
            )
        try:
            port = int(settings.raw("port", 6697))
        except (TypeError, ValueError):
            return ConnectResult(
                Failure(FailureKind.CONFIG, CoreMessages.tr("The port must be a number."))
            )
        tls = None
        if not settings.flag("plain_text"):
            tls = transport.TlsOptions(
                ca_file=settings.text("ca_file"),
                fingerprint=settings.text(FINGERPRINT_FIELD),
                client_cert=settings.text("client_cert"),
                client_key=settings.text("client_key"),
            )
        password = await self.ctx.secrets.get("password")
        server_password = await self.ctx.secrets.get("server_password")
        if settings.auth in ("sasl-plain", "nickserv") and not password:
            return ConnectResult(
                Failure(
                    FailureKind.CONFIG, CoreMessages.tr("This sign-in method needs a password.")
                )
            )
        await self._saved.load()
        session = self._session
        session.me.nick = nick
        opened = await transport.open_connection(
            host, port, tls=tls, handshake_timeout=session.tunables.tls_handshake_timeout
        )
        if isinstance(opened, Failure):
            return ConnectResult(opened)
        session.start(*opened)
        self._signin.start(nick, password, server_password)
        assert session.signed_in is not None
        try:
            async with asyncio.timeout(session.tunables.registration_timeout):
                result = await session.signed_in
        except TimeoutError:
            result = ConnectResult(
                Failure(
                    FailureKind.NETWORK,
                    CoreMessages.tr("The server did not finish signing us in."),
                    retryable=True,
                )
            )
        if not result.ok:
            await session.shutdown()
            return result
        if session.closed:  # lost between the welcome and here: already reported
            return ConnectResult(
                Failure(
                    FailureKind.NETWORK,
                    session.close_reason or CoreMessages.tr("The connection was lost."),
                    retryable=True,
                )
            )
        session.connected = True
        self._ignore.start()
        self._people.start()
        self._channels.rejoin()
        session.spawn(session.keepalive())
        return result

    # -- registering the nick with NickServ ------------------------------------------------------

    async def sign_up(
        self, answers: Mapping[str, str | bool]
    ) -> SignUpForm | Credentials | Failure:
        if self._registration is None:
            made = await register.begin(self.ctx)
            if isinstance(made, Failure):
                return made
            self._registration = made
        return await self._registration.step(answers)

    async def cancel_sign_up(self) -> None:
        registration, self._registration = self._registration, None
        if registration is not None:
            await registration.close()

    async def disconnect(self) -> None:
        await self.cancel_sign_up()
        self._tags.stop()
        self._files.stop()
        await self._session.quit("Leaving")

    # -- sending -------------------------------------------------------------------------------

    async def send_message(self, conv: ConversationId, msg: OutgoingMessage) -> SendResult:
        if not self.connected:
            return SendResult(
                failure=Failure(
                    FailureKind.NOT_CONNECTED, CoreMessages.tr("Not connected."), retryable=True
                )
            )
        text = msg.body  # literal: slash commands reach us through run_command, not here
        if msg.html:
            text = formatting.from_html(msg.html) or text
        sent_by_dcc = [a for a in msg.attachments if a.url.startswith(URL_PREFIX)]
        if sent_by_dcc and text.strip() in {a.filename for a in sent_by_dcc}:
            return SendResult()  # the DCC offer was the message: the file has arrived
        for attachment in msg.attachments:
            if attachment not in sent_by_dcc:
                text += "\n" + attachment.url
        command = "NOTICE" if msg.kind is MessageKind.NOTICE else "PRIVMSG"
        tags = {REPLY: msg.reply_to} if msg.reply_to and self._tags.allowed(REPLY) else None
        return await self._messaging.send_text(
            conv.native_id,
            conv.native_id,
            text,
            command=command,
            action=msg.kind is MessageKind.EMOTE,
            txn_id=msg.txn_id,
            tags=tags,
        )

    # -- SupportsFiles, SupportsFileOffers ------------------------------------------------------

    async def upload(
        self, conv: ConversationId, path: Path, progress: Callable[[int, int], None]
    ) -> Outcome:
        """Offer the file by DCC to the person of a private conversation; done once it arrived."""
        if not self.connected:
            return not_connected()
        return await self._files.upload(conv.native_id, path, progress)

    async def download(
        self, url: str, destination: Path, progress: Callable[[int, int], None]
    ) -> Outcome:
        return await self._files.download(url, destination, progress)

    async def answer_file_offer(self, offer_id: str, accept: bool) -> Outcome:
        return self._files.answer(offer_id, accept)

    # -- SupportsTyping, SupportsReactions -----------------------------------------------------

    async def send_typing(self, conv: ConversationId, typing: bool) -> None:
        await self._tags.send_typing(conv, typing)

    async def react(
        self, conv: ConversationId, target_remote_id: str, keys: tuple[str, ...]
    ) -> Outcome:
        return await self._tags.react(conv, target_remote_id, keys)

    # -- SupportsCommands ----------------------------------------------------------------------

    def command_names(self) -> tuple[str, ...]:
        return IRC_COMMANDS

    async def run_command(self, conv: ConversationId | None, name: str, args: str) -> Outcome:
        """One of IRC's own commands (:data:`IRC_COMMANDS`) typed as ``/name args`` in ``conv``.

        The generic ones (/join, /part, /me, /msg, /topic, /kick, /invite) mean the same for every
        service and are carried out by the core (``app.commands``); they never come here.
        """
        if name.lower() not in IRC_COMMANDS:
            return Outcome(
                Failure(
                    FailureKind.UNSUPPORTED,
                    CoreMessages.tr(
                        "/%1 is not one of IRC's own commands (Chinwag carries out its generic ones itself). Use /quote to send a raw IRC line."
                    ).arg(name),
                )
            )
        if not self.connected:
            return not_connected()
        parsed = commands.parse_input(f"/{name} {args}".rstrip(), self.info.chantypes)
        if isinstance(parsed, str):
            return Outcome(
                Failure(FailureKind.UNSUPPORTED, CoreMessages.tr("Unknown command /%1.").arg(name))
            )
        here = conv.native_id if conv is not None else ""
        send = self._session.send
        match parsed:
            case commands.Msg(target, text, notice):
                command = "NOTICE" if notice else "PRIVMSG"
                sent = await self._messaging.send_text(target, target, text, command=command)
                if sent.ok and "echo-message" not in self.caps_enabled:
                    kind = MessageKind.NOTICE if notice else None
                    self._messaging.report_own(target, text, kind)
                return _sent(sent)
            case commands.Nick(nick):
                return await self._people.change_nick(nick)
            case commands.Whois(nick):
                return await self._people.whois_command(nick, here or None)
            case commands.Away(message):
                return await self.set_presence(convert.presence_from_away(message))
            case commands.Quote(raw):
                if parse_line(raw) is None or any(c in raw for c in "\r\n\0"):
                    return Outcome(
                        Failure(
                            FailureKind.REJECTED, CoreMessages.tr("That is not a valid IRC line.")
                        )
                    )
                return written(await send(raw))
            case commands.CtcpRequest(nick, command, ctcp_args):
                return written(
                    await send(format_line("PRIVMSG", nick, ctcp.build(command, ctcp_args)))
                )
            case commands.Mode(_, _) if name.lower() in commands.PREFIX_MODE_COMMANDS and not (
                here and self.info.is_channel(here)
            ):
                return Outcome(
                    Failure(
                        FailureKind.REJECTED,
                        CoreMessages.tr("/%1 works in a channel: type it there.").arg(name),
                    )
                )
            case commands.Mode(target, modes):
                where_name = target or here
                if not where_name:
                    return _usage("mode")
                return written(await send(format_line("MODE", where_name, *modes.split())))
            case commands.Invalid(command_name, _):
                return _usage(command_name)
            case _:  # /notice is IRC's; the generic commands never come here (see above)
                return Outcome(
                    Failure(
                        FailureKind.UNSUPPORTED,
                        CoreMessages.tr(
                            "Unknown command /%1. Use /quote to send a raw IRC line."
                        ).arg(name),
                    )
                )

    # -- SupportsGroupChat, SupportsRoomDirectory ----------------------------------------------

    async def join(self, room: str, nick: str = "", password: str = "") -> Outcome:
        return await self._channels.join(room, password)

    async def open_direct(self, contact: str) -> Outcome:
        """A query is named by the nick folded with the server's casemapping, as replies are."""
        nick = contact.strip()
        if not nick or self.info.is_channel(nick) or " " in nick:
            return Outcome(Failure(FailureKind.CONFIG, CoreMessages.tr("That is not a nickname.")))
        return Outcome(value=self.info.fold(nick))

    async def leave(self, conv: ConversationId, reason: str = "") -> Outcome:
        return await self._channels.leave(conv, reason)

    async def set_topic(self, conv: ConversationId, topic: str) -> Outcome:
        return await self._channels.set_topic(conv, topic)

    async def kick(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        return await self._channels.kick(conv, member, reason)

    async def invite(self, conv: ConversationId, contact: str, reason: str = "") -> Outcome:
        return await self._channels.invite(conv, contact)

    async def create_room(self, name: str, *, public: bool = False) -> Outcome:
        """Join a channel that does not exist yet (we become its operator); +s unless public."""
        return await self._admin.create_room(name, public=public)

    async def ban(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        return await self._admin.ban(conv, member, reason)

    async def unban(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        return await self._admin.unban(conv, member, reason)

    async def create_room_with(self, options: RoomOptions) -> Outcome:
        return await self._admin.create_room_with(self.ctx.account_id, options)

    # -- SupportsRoomAdmin ---------------------------------------------------------------------

    async def room_settings(self, conv: ConversationId) -> RoomSettings | Failure:
        return await self._admin.room_settings(conv)

    async def configure_room(self, conv: ConversationId, options: RoomOptions) -> Outcome:
        return await self._admin.configure_room(conv, options)

    async def set_role(self, conv: ConversationId, member: str, role: Role) -> Outcome:
        return await self._admin.set_role(conv, member, role)

    async def ban_list(self, conv: ConversationId) -> tuple[BanEntry, ...] | Failure:
        return await self._admin.ban_list(conv)

    async def room_directory(
        self, query: str = "", limit: int = 500
    ) -> tuple[RoomListing, ...] | Failure:
        return await self._channels.room_directory(query, limit)

    async def list_channels(self, pattern: str = "") -> list[ChannelListing] | Failure:
        return await self._channels.list_channels(pattern)

    # -- SupportsRoster, SupportsPresence, SupportsHistory -------------------------------------

    async def add_contact(self, contact: str, name: str = "", message: str = "") -> Outcome:
        added = await self._people.add_contact(contact, name)
        if added.ok:
            self._ignore.accept([contact.strip()], True)
        return added

    async def remove_contact(self, contact: str) -> Outcome:
        self._ignore.accept([contact.strip()], False)
        return await self._people.remove_contact(contact)

    async def rename_contact(self, contact: str, name: str) -> Outcome:
        return await self._people.rename_contact(contact, name)

    async def set_presence(self, presence: Presence) -> Outcome:
        return await self._people.set_presence(presence)

    async def contact_details(self, contact: str) -> ContactDetails | Failure:
        """WHOIS, typed: who they are, where, since when, away or not."""
        return await self._people.details(contact)

    async def set_blocked(self, contact: str, blocked: bool) -> Outcome:
        """Ignore a nick or a ``nick!user@host`` mask (``Outcome.value``: the mask)."""
        return await self._ignore.set_blocked(contact, blocked)

    async def fetch_history(
        self, conv: ConversationId, before_remote_id: str | None, limit: int
    ) -> Outcome:
        return await self._history.fetch(conv, before_remote_id, limit)


def _usage(name: str) -> Outcome:
    usage = commands.USAGE.get(name, f"/{name}")
    return Outcome(Failure(FailureKind.REJECTED, CoreMessages.tr("Usage: %1").arg(usage)))


def _sent(result: SendResult) -> Outcome:
    return Outcome(result.failure, result.remote_id)
