"""The IRC backend: one instance is one connection of one account to one network.

What happens where:

* :mod:`backends.irc.transport` opens the socket (TLS verified by default), frames lines and paces
  what we write; :mod:`backends.irc.protocol` parses and formats lines; :mod:`backends.irc.convert`
  turns them into facts. This module is the state machine in between.
* Registration: ``CAP LS 302`` goes out *before* NICK/USER, so an IRCv3 server holds registration
  until ``CAP END``; we request the capabilities we understand, sign in with SASL (PLAIN or
  EXTERNAL) when offered, fall back to ``NickServ IDENTIFY`` otherwise, and try the alternate nicks
  when ours is taken. :meth:`IrcBackend.connect` returns once the server has welcomed us and sent
  its MOTD.
* Reconnecting is the core's job (DESIGN §4): a lost connection is reported as
  :class:`~app.facts.ConnectionLost` and the core creates a *new* instance. What must survive —
  the channels we are in (with their keys) and the watch list — lives in ``ctx.state``, so the new
  instance rejoins and re-watches on connect; the core's outbox then sends what was typed offline.
* Sending: with ``echo-message`` a message counts as sent only when the server echoes it back
  (tied to its transaction id by a ``labeled-response`` label, or by target and text), so
  :meth:`send_message` returns ``confirmed=False`` and a :class:`~app.facts.DeliveryUpdated`
  follows. Without it, a message is confirmed once written. IRC cannot de-duplicate a re-sent
  message, so ``IDEMPOTENT_SEND`` is never declared.
* Nothing the server sends can raise into the core: each line is handled inside its own guard and
  anything unusable becomes a logged :class:`~app.facts.BadInput`.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import re
import secrets
import time
from collections import deque
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, ClassVar

from app import facts as f
from app.backend import (
    AccountField,
    Backend,
    BackendContext,
    Capability,
    ConnectResult,
    Failure,
    FailureKind,
    FieldKind,
    Outcome,
    OutgoingMessage,
    SendResult,
    SupportsCommands,
    SupportsGroupChat,
    SupportsHistory,
    SupportsPresence,
    SupportsRoomDirectory,
    SupportsRoster,
)
from app.models import (
    Contact,
    ContactId,
    ConversationId,
    ConversationKind,
    DeliveryState,
    Member,
    MessageKind,
    Presence,
    PresenceState,
    RoomListing,
)
from backends.irc import commands, convert, ctcp, formatting, transport
from backends.irc.protocol import Line, format_line, parse_line, split_source
from backends.irc.ratelimit import TokenBucket
from backends.irc.text import decode, fold, split_text

NICK_PATTERN = r"[A-Za-z\[\]\\`_^{|}][A-Za-z0-9\[\]\\`_^{|}-]{0,31}"
FINGERPRINT_PATTERN = r"(?:[0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}"
AUTH_CHOICES = ("auto", "sasl-plain", "sasl-external", "nickserv", "none")

WANTED_CAPS = (
    "cap-notify",
    "server-time",
    "echo-message",
    "message-tags",
    "account-tag",
    "away-notify",
    "account-notify",
    "extended-join",
    "multi-prefix",
    "userhost-in-names",
    "batch",
    "labeled-response",
    "chghost",
    "invite-notify",
    "setname",
    "extended-monitor",
    "draft/chathistory",
    "chathistory",
)
JOIN_ERRORS = frozenset(
    {"403", "405", "437", "470", "471", "473", "474", "475", "476", "477", "479", "489", "520"}
)
REJOIN_REFUSED = frozenset({"403", "473", "474", "475", "476", "477", "479", "489", "520"})
"""Join errors that will not go away by themselves (full or busy channels are tried again)."""
SEND_ERRORS = frozenset({"401", "402", "403", "404", "406", "407", "411", "412", "413", "414"})
NICK_ERRORS = frozenset({"431", "432", "433", "436", "437"})
SASL_FAILED = frozenset({"902", "904", "905"})
NICKSERV_BAD = (
    "invalid password",
    "incorrect password",
    "password incorrect",
    "wrong password",
    "authentication failed",
    "is not a registered",
    "isn't registered",
    "is not registered",
)
NICKSERV_GOOD = ("you are now identified", "you are now logged in", "password accepted")
IRC_COMMANDS = ("away", "back", "ctcp", "mode", "nick", "notice", "quote", "raw", "whois")
"""Slash commands IRC adds to the generic ones every service has (/me, /join, /msg …)."""
FINGERPRINT_FIELD = "trusted_fingerprint"
"""``app.backend.TRUSTED_FINGERPRINT_FIELD``: the account dialog fills it to trust a certificate."""
_CHANNEL_KEY = "channels"
_WATCH_KEY = "watch"
CHANNEL_KEY_SECRET = "channel-key:"
"""Prefix of a channel key's name in the keyring (``channel-key:<folded channel>``)."""
MAX_OPEN_WHOIS = 16
MAX_OPEN_BATCHES = 64
MAX_MOTD_LINES = 1000


@dataclass
class _Channel:
    name: str  # as the server spells it
    members: dict[str, tuple[str, str]] = field(default_factory=dict)  # folded → (nick, prefixes)
    names: dict[str, tuple[str, str]] | None = None  # a NAMES reply being collected


@dataclass
class _PendingSend:
    """A message we sent while echo-message is on, waiting for its parts to come back."""

    txn_id: str
    conversation: str
    target: str  # folded
    parts: int
    echoed: int = 0
    remote_id: str | None = None
    failed: bool = False


@dataclass
class _WhoisBook:
    """WHOIS replies being collected, and who asked for them. Nothing in it outlives its
    request, and it stays small whatever the server sends (replies without their end)."""

    replies: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    """folded nick → numeric → params after our nick, until the end (318)."""
    asked: dict[str, str] = field(default_factory=dict)  # folded → conversation of a /whois
    answers: dict[str, str] = field(default_factory=dict)  # folded → summary, for that /whois
    internal: set[str] = field(default_factory=set)  # folded nicks we look up for ourselves


@dataclass
class _Batch:
    kind: str
    params: tuple[str, ...]
    label: str | None
    parent: str | None
    messages: int = 0


@dataclass
class _Waiter:
    """Resolves ``future`` with the first Outcome ``check`` returns for a line (or a label)."""

    check: Callable[[Line, str | None], Outcome | None]
    future: asyncio.Future[Outcome]


@dataclass(frozen=True, slots=True)
class ChannelListing:
    """One row of the server's channel list (LIST)."""

    name: str
    users: int
    topic: str


MAX_LISTED = 200_000  # rows of one LIST kept (Libera.Chat lists ~30,000); a flood stops there
LIST_FRESH = 300.0  # seconds a fetched channel list is reused for new searches


class IrcBackend(
    Backend,
    SupportsGroupChat,
    SupportsRoster,
    SupportsPresence,
    SupportsHistory,
    SupportsCommands,
    SupportsRoomDirectory,
):
    """IRC with IRCv3: SASL, echo-message, server-time, batches, labels, MONITOR, chathistory."""

    protocol_id = "irc"
    display_name = "IRC"
    account_fields = (
        AccountField(
            "server",
            "Server",
            required=True,
            placeholder="irc.libera.chat",
            help="The host name of the IRC network's server.",
        ),
        AccountField(
            "port",
            "Port",
            FieldKind.INTEGER,
            default=6697,
            help="6697 is the usual port for TLS; plain-text servers usually listen on 6667.",
        ),
        AccountField("nick", "Nickname", required=True, pattern=NICK_PATTERN),
        AccountField(
            "alt_nicks",
            "Alternate nicknames",
            help="Tried in order when your nickname is taken; separate them with spaces.",
        ),
        AccountField(
            "password",
            "Password",
            FieldKind.PASSWORD,
            secret=True,
            help="Your services (NickServ) account password: used for SASL, or for NickServ "
            "IDENTIFY where the server offers no SASL.",
        ),
        AccountField(
            "plain_text",
            "Connect without encryption (plain text)",
            FieldKind.BOOLEAN,
            default=False,
            help="Only for servers without TLS: anyone on the way can read what you send, "
            "passwords included.",
        ),
        AccountField(
            "account",
            "Account name",
            advanced=True,
            help="Your services account, when it differs from your nickname.",
        ),
        AccountField(
            "auth",
            "Sign-in method",
            FieldKind.CHOICE,
            default="auto",
            choices=AUTH_CHOICES,
            advanced=True,
            help="auto: SASL when the server offers it (EXTERNAL with a client certificate, "
            "else PLAIN), NickServ IDENTIFY otherwise.",
        ),
        AccountField(
            "server_password",
            "Server password",
            FieldKind.PASSWORD,
            secret=True,
            advanced=True,
            help="Sent with PASS before signing in (private servers, bouncers).",
        ),
        AccountField("username", "User name (ident)", advanced=True),
        AccountField("realname", "Real name", advanced=True),
        AccountField(
            "ca_file",
            "Trust this CA certificate",
            FieldKind.FILE,
            advanced=True,
            help="A PEM file, for networks whose certificate is signed by their own CA.",
        ),
        AccountField(
            FINGERPRINT_FIELD,
            "Trust this server certificate (SHA-256 fingerprint)",
            pattern=FINGERPRINT_PATTERN,
            advanced=True,
            help="Pins one certificate, e.g. a self-signed one, instead of checking its issuer.",
        ),
        AccountField(
            "client_cert",
            "Client certificate",
            FieldKind.FILE,
            advanced=True,
            help="A PEM certificate (with its key, or give the key below) for SASL EXTERNAL / "
            "CertFP.",
        ),
        AccountField("client_key", "Client certificate key", FieldKind.FILE, advanced=True),
        AccountField(
            "channels",
            "Join these channels",
            advanced=True,
            placeholder="#chinwag #python",
            help="Joined on every connect, besides the channels you were in last time.",
        ),
    )

    # Tunables (class attributes so a test or a network profile can subclass them).
    wanted_caps: ClassVar[tuple[str, ...]] = WANTED_CAPS
    send_burst: ClassVar[float] = 5
    send_rate: ClassVar[float] = 2.0  # lines per second after the burst
    ctcp_burst: ClassVar[float] = 3
    ctcp_rate: ClassVar[float] = 0.2  # CTCP answers per second after the burst
    registration_timeout: ClassVar[float] = 40.0
    tls_handshake_timeout: ClassVar[float] = 10.0
    motd_grace: ClassVar[float] = 5.0
    nickserv_timeout: ClassVar[float] = 10.0
    nickserv_check_timeout: ClassVar[float] = 5.0  # for the WHOIS that vets NickServ
    command_timeout: ClassVar[float] = 15.0
    ping_interval: ClassVar[float] = 90.0
    ping_timeout: ClassVar[float] = 60.0
    ison_interval: ClassVar[float] = 60.0
    version_reply: ClassVar[str] = "Chinwag (https://chinwag.invalid)"
    _listed: tuple[float, list[ChannelListing]] | None = None  # (when, the whole LIST), cached

    def __init__(self, ctx: BackendContext) -> None:
        super().__init__(ctx)
        self.log = ctx.logger
        self.info = convert.ServerInfo()
        self.caps_available: dict[str, str] = {}
        self.caps_enabled: set[str] = set()
        self.account: str | None = None  # services account we are logged in to
        self._settings = ctx.settings
        self._writer: transport.LineWriter | None = None
        self._read_task: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[object]] = set()
        self._timers: list[asyncio.TimerHandle] = []
        self._done: asyncio.Future[ConnectResult] | None = None
        self._shutdown_task: asyncio.Task[None] | None = None
        self._connected = False
        self._closing = False
        self._closed = False
        self._close_reason = ""
        self._registered = False
        self._cap_pending = 0
        self._cap_ended = False
        self._cap_ls_buffer: dict[str, str] = {}
        self._sasl_mechanism: str | None = None
        self._sasl_ok = False
        self._nickserv_stage = ""  # "checking" (is it the real one?), then "identifying"
        self._motd_done = False
        self._motd: list[str] = []
        self._password: str | None = None
        self._sent_server_password = False
        self._nick_candidates: deque[str] = deque()
        self._nick_tries = 0
        self._nick_requested: str | None = None
        self._own_user = ""
        self._own_host = ""
        self._channels: dict[str, _Channel] = {}
        self._remembered: dict[str, tuple[str, str]] = {}  # folded → (name, key)
        self._stored_keys: dict[str, str] = {}  # keyring name → channel key we put there
        self._watch: dict[str, str] = {}  # folded → nick as given
        self._online: dict[str, bool] = {}
        # folded nick → services account, only for people in one of our channels (so strangers
        # cannot grow it): from extended-join, account-notify and account-tag.
        self._accounts: dict[str, str] = {}
        self._away: dict[str, Presence] = {}  # folded nick → away (away-notify), same rule
        self._pending_by_label: dict[str, tuple[_PendingSend, int]] = {}
        self._pending_by_target: dict[str, deque[tuple[_PendingSend, str, str]]] = {}
        self._batches: dict[str, _Batch] = {}
        self._waiters: list[_Waiter] = []
        self._whois = _WhoisBook()
        self._list: list[ChannelListing] | None = None
        self._labels = itertools.count(1)
        self._last_rx = time.monotonic()
        self._ctcp_bucket = TokenBucket(self.ctcp_burst, self.ctcp_rate)
        self._handlers: dict[str, Callable[[Line], None]] = {
            "PING": self._on_ping,
            "PONG": lambda line: None,
            "CAP": self._on_cap,
            "AUTHENTICATE": self._on_authenticate,
            "PRIVMSG": self._on_message,
            "NOTICE": self._on_message,
            "TAGMSG": lambda line: None,
            "JOIN": self._on_join,
            "PART": self._on_part,
            "KICK": self._on_kick,
            "QUIT": self._on_quit,
            "NICK": self._on_nick,
            "TOPIC": self._on_topic,
            "MODE": self._on_mode,
            "INVITE": self._on_invite,
            "AWAY": self._on_away,
            "ACCOUNT": self._on_account,
            "CHGHOST": self._on_chghost,
            "BATCH": self._on_batch,
            "ERROR": self._on_error,
            "FAIL": self._on_standard_reply,
            "WARN": self._on_standard_reply,
            "NOTE": self._on_standard_reply,
            "ACK": lambda line: None,
            "SETNAME": lambda line: None,
        }

    # -- the account ---------------------------------------------------------------------------

    @classmethod
    def account_label(cls, settings: Mapping[str, str | int | bool]) -> str:
        nick, server = str(settings.get("nick", "")), str(settings.get("server", ""))
        return f"{nick} on {server}" if nick and server else nick or server or cls.display_name

    @classmethod
    def validate_settings(cls, settings: Mapping[str, str | int | bool]) -> dict[str, str]:
        problems: dict[str, str] = {}
        port = settings.get("port", 6697)
        if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
            problems["port"] = "The port must be a number from 1 to 65535."
        for name in str(settings.get("alt_nicks", "")).replace(",", " ").split():
            if not re.fullmatch(NICK_PATTERN, name):
                problems["alt_nicks"] = f"{name!r} is not a valid nickname."
        fingerprint = str(settings.get(FINGERPRINT_FIELD, ""))
        if fingerprint and not transport.normalise_fingerprint(fingerprint):
            problems[FINGERPRINT_FIELD] = "A SHA-256 fingerprint has 32 pairs of hex digits."
        for key in ("ca_file", "client_cert", "client_key"):
            value = str(settings.get(key, ""))
            if value and not transport.exists(value):
                problems[key] = f"No such file: {value}"
        auth = str(settings.get("auth", "auto"))
        if auth == "sasl-external" and not settings.get("client_cert"):
            problems["client_cert"] = "SASL EXTERNAL needs a client certificate."
        return problems

    def _setting(self, key: str, default: str = "") -> str:
        value = self._settings.get(key, default)
        return str(value).strip() if value is not None else default

    def capabilities(self, conv: ConversationId | None = None) -> Capability:
        caps = (
            Capability.GROUP_CHAT
            | Capability.ROSTER
            | Capability.PRESENCE
            | Capability.EMOTES
            | Capability.NOTICES
            | Capability.RICH_TEXT
            | Capability.COMMANDS
        )
        if conv is None or self.info.is_channel(conv.native_id):
            caps |= Capability.INVITE | Capability.KICK | Capability.TOPIC
        if self._history_enabled:
            caps |= Capability.HISTORY
        return caps

    @property
    def _history_enabled(self) -> bool:
        return bool({"draft/chathistory", "chathistory"} & self.caps_enabled) and (
            "batch" in self.caps_enabled
        )

    @property
    def _nickserv_pending(self) -> bool:
        """Registration waits until NickServ is done with us (or we decided not to use it)."""
        return self._nickserv_stage != ""

    @property
    def connected(self) -> bool:
        return self._connected and not self._closed

    # -- connecting ----------------------------------------------------------------------------

    async def connect(self) -> ConnectResult:
        try:
            return await self._connect()
        except asyncio.CancelledError:
            await self._shutdown()
            raise

    async def _connect(self) -> ConnectResult:
        host = self._setting("server")
        nick = self._setting("nick")
        if not host or not nick:
            return ConnectResult(Failure(FailureKind.CONFIG, "A server and a nickname are needed."))
        if not re.fullmatch(NICK_PATTERN, nick):
            return ConnectResult(Failure(FailureKind.CONFIG, f"{nick!r} is not a valid nickname."))
        try:
            port = int(self._settings.get("port", 6697))
        except (TypeError, ValueError):
            return ConnectResult(Failure(FailureKind.CONFIG, "The port must be a number."))
        plain = bool(self._settings.get("plain_text", False))
        tls = None
        if not plain:
            tls = transport.TlsOptions(
                ca_file=self._setting("ca_file"),
                fingerprint=self._setting(FINGERPRINT_FIELD),
                client_cert=self._setting("client_cert"),
                client_key=self._setting("client_key"),
            )
        self._password = await self.ctx.secrets.get("password")
        server_password = await self.ctx.secrets.get("server_password")
        auth = self._setting("auth", "auto") or "auto"
        if auth in ("sasl-plain", "nickserv") and not self._password:
            return ConnectResult(
                Failure(FailureKind.CONFIG, "This sign-in method needs a password.")
            )
        await self._load_state()
        self._nick_candidates = deque(
            n for n in self._setting("alt_nicks").replace(",", " ").split() if n
        )
        self.own_id = nick

        opened = await transport.open_connection(
            host, port, tls=tls, handshake_timeout=self.tls_handshake_timeout
        )
        if isinstance(opened, Failure):
            return ConnectResult(opened)
        reader, writer = opened
        loop = asyncio.get_running_loop()
        self._done = loop.create_future()
        self._writer = transport.LineWriter(writer, TokenBucket(self.send_burst, self.send_rate))
        self._writer.on_error = lambda exc: self._connection_closed(f"Connection lost: {exc}")
        self._writer.start()
        self._last_rx = time.monotonic()
        self._read_task = loop.create_task(self._read_loop(reader), name="irc-reader")

        self._send("CAP LS 302", urgent=True)
        if server_password:
            self._sent_server_password = True
            self._send(format_line("PASS", server_password), urgent=True)
        self._send(format_line("NICK", nick), urgent=True)
        username = (
            re.sub(r"[^A-Za-z0-9_-]", "", self._setting("username") or nick)[:10] or "chinwag"
        )
        realname = self._setting("realname") or nick
        self._send(format_line("USER", username, "0", "*", realname), urgent=True)

        try:
            async with asyncio.timeout(self.registration_timeout):
                result = await self._done
        except TimeoutError:
            result = ConnectResult(
                Failure(
                    FailureKind.NETWORK,
                    "The server did not finish signing us in.",
                    retryable=True,
                )
            )
        if not result.ok:
            await self._shutdown()
            return result
        if self._closed:  # lost between the welcome and here: already reported
            return ConnectResult(
                Failure(
                    FailureKind.NETWORK,
                    self._close_reason or "The connection was lost.",
                    retryable=True,
                )
            )
        self._connected = True
        self._after_registration()
        return result

    def _finish(self, result: ConnectResult) -> None:
        if self._done is not None and not self._done.done():
            self._done.set_result(result)

    def _fail(self, kind: FailureKind, message: str, *, retryable: bool = False) -> None:
        self._finish(ConnectResult(Failure(kind, message, retryable=retryable)))

    def _maybe_registered(self) -> None:
        if self._registered and self._motd_done and not self._nickserv_pending:
            self._finish(ConnectResult())

    def _after_registration(self) -> None:
        if self._watch:
            self.ctx.report(
                f.ContactsChanged(
                    tuple(
                        Contact(ContactId(self.ctx.account_id, folded), display_name=nick)
                        for folded, nick in self._watch.items()
                    ),
                    complete=True,
                )
            )
            self._watch_nicks(list(self._watch.values()))
        wanted = dict(self._remembered)
        for name in self._setting("channels").replace(",", " ").split():
            if self.info.is_channel(name):
                wanted.setdefault(self.info.fold(name), (name, ""))
        for name, key in wanted.values():
            self._send(format_line("JOIN", name, key) if key else format_line("JOIN", name))
        self._spawn(self._keepalive())
        if self.info.monitor is None:
            self._spawn(self._poll_ison())

    async def _load_state(self) -> None:
        try:
            channels = json.loads(await self.ctx.state.get(_CHANNEL_KEY) or "[]")
            watch = json.loads(await self.ctx.state.get(_WATCH_KEY) or "[]")
        except (ValueError, TypeError):
            self.log.warning("ignored unreadable saved IRC state")
            return
        migrate = False
        for item in channels if isinstance(channels, list) else []:
            name, key = "", ""
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                name = item["name"]
                if item.get("keyed") is True:
                    key = await self._stored_channel_key(name)
            elif (
                isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item)
            ):
                name, key = item  # the old format: the key in the clear, in the database
                migrate = True
            if name:
                self._remembered[self.info.fold(name)] = (name, key)
        for nick in watch if isinstance(watch, list) else []:
            if isinstance(nick, str) and nick:
                self._watch[self.info.fold(nick)] = nick
        if migrate:
            self.log.info("moving saved channel keys to the keyring")
            await self._save_state()

    async def _stored_channel_key(self, name: str) -> str:
        """A channel's key from the keyring ("" when there is none).

        The key's name holds the channel folded with the casemapping of the session that saved
        it, which the server has not told this one yet: try each mapping (usually one name).
        """
        mappings = (self.info.casemapping, "rfc1459", "ascii", "strict-rfc1459", "rfc7613")
        for secret in dict.fromkeys(CHANNEL_KEY_SECRET + fold(name, m) for m in mappings):
            try:
                key = await self.ctx.secrets.get(secret)
            except Exception as exc:
                self.log.warning(
                    "could not read a channel key from the keyring: %s", type(exc).__name__
                )
                return ""
            if key:
                self._stored_keys[secret] = key
                return key
        return ""

    async def _save_state(self) -> None:
        """The channels to rejoin and the watch list go to ``ctx.state``; channel keys are
        secrets and go to the keyring only (``channel-key:<folded channel>``), first, so the
        state never names a key that is nowhere."""
        wanted = {
            CHANNEL_KEY_SECRET + self.info.fold(name): key
            for name, key in self._remembered.values()
            if key
        }
        for secret, key in wanted.items():
            if self._stored_keys.get(secret) != key:
                self._stored_keys[secret] = key
                try:
                    await self.ctx.secrets.set(secret, key)
                except Exception as exc:
                    self._stored_keys.pop(secret, None)
                    self.log.warning(
                        "could not keep a channel key in the keyring: %s", type(exc).__name__
                    )
        for secret in [s for s in self._stored_keys if s not in wanted]:
            if self._stored_keys.pop(secret, None) is None:
                continue  # another save got there first
            try:
                await self.ctx.secrets.delete(secret)
            except Exception as exc:
                self.log.warning(
                    "could not delete a channel key from the keyring: %s", type(exc).__name__
                )
        channels = [{"name": name, "keyed": bool(key)} for name, key in self._remembered.values()]
        await self.ctx.state.set(_CHANNEL_KEY, json.dumps(channels))
        await self.ctx.state.set(_WATCH_KEY, json.dumps(list(self._watch.values())))

    def _persist(self) -> None:
        self._spawn(self._save_state(), name="irc-save")

    # -- disconnecting -------------------------------------------------------------------------

    async def disconnect(self) -> None:
        if self._shutdown_task is not None:
            with contextlib.suppress(Exception):
                await self._shutdown_task
            return
        if self._closed:
            return
        self._closing = True
        writer = self._writer
        if writer is not None and writer.usable and self._registered:
            writer.submit(format_line("QUIT", "Leaving"), urgent=True)
            await writer.flush(1.0)
        await self._shutdown()

    async def _shutdown(self) -> None:
        self._closing = True
        self._closed = True
        self._connected = False
        for timer in self._timers:
            timer.cancel()
        self._timers.clear()
        current = asyncio.current_task()
        read_task, self._read_task = self._read_task, None
        if read_task is not None and read_task is not current:
            read_task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await read_task
        # Let state writes finish (rejoin lists must not be lost); stop everything else.
        for task in list(self._tasks):
            if task is current:
                continue
            if task.get_name() == "irc-save":
                with contextlib.suppress(Exception):
                    async with asyncio.timeout(2):
                        await task
            else:
                task.cancel()
        for task in list(self._tasks):
            if task is not current:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
        writer, self._writer = self._writer, None
        if writer is not None:
            await writer.close()
        self._fail_waiters("The connection was closed.")
        self._finish(
            ConnectResult(
                Failure(FailureKind.NETWORK, "The connection was closed.", retryable=True)
            )
        )

    def _connection_closed(self, reason: str) -> None:
        """The socket ended (or failed); report it once, unless we were the ones closing it."""
        if self._closing or self._closed:
            return
        reason = self._close_reason or reason
        if self._done is not None and not self._done.done():
            self._fail(FailureKind.NETWORK, reason, retryable=True)
            return
        self._closed = True
        self._connected = False
        self._fail_waiters(reason)
        self.ctx.report(f.ConnectionLost(reason, retryable=True))
        self._shutdown_task = asyncio.get_running_loop().create_task(
            self._shutdown(), name="irc-shutdown"
        )

    def _fail_waiters(self, reason: str) -> None:
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.future.done():
                waiter.future.set_result(
                    Outcome(Failure(FailureKind.NOT_CONNECTED, reason, retryable=True))
                )

    # -- tasks and timers ----------------------------------------------------------------------

    def _spawn(self, coro: Coroutine[Any, Any, object], name: str = "irc-task") -> None:
        if self._closed and name != "irc-save":
            coro.close()  # nothing may outlive the connection (a save still may finish)
            return
        task: asyncio.Task[object] = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)

    def _task_done(self, task: asyncio.Task[object]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            self.log.error("IRC background task failed", exc_info=task.exception())

    def _later(self, delay: float, callback: Callable[[], None]) -> None:
        def guarded() -> None:
            try:
                callback()
            except Exception:
                self.log.exception("IRC timer failed")

        if not self._closed:
            self._timers.append(asyncio.get_running_loop().call_later(delay, guarded))

    async def _keepalive(self) -> None:
        """Ping a quiet server; give up (and report the loss) when it stays silent."""
        step = max(0.5, min(self.ping_interval, self.ping_timeout) / 3)
        pinged = False
        while not self._closed:
            await asyncio.sleep(step)
            quiet = time.monotonic() - self._last_rx
            if quiet < self.ping_interval:
                pinged = False
                continue
            if not pinged:
                self._send(format_line("PING", f"chinwag-{int(time.time())}"), urgent=True)
                pinged = True
            elif quiet > self.ping_interval + self.ping_timeout:
                self._connection_closed("The server stopped answering.")
                return

    # -- reading -------------------------------------------------------------------------------

    async def _read_loop(self, reader: asyncio.StreamReader) -> None:
        reason = "The server closed the connection."
        try:
            async for raw in transport.read_lines(reader, self._overlong):
                self._last_rx = time.monotonic()
                self._handle_raw(raw)
        except asyncio.CancelledError:
            raise
        except OSError as exc:
            reason = f"Connection lost: {exc.strerror or exc}"
        except Exception:
            self.log.exception("IRC reader failed")
            reason = "Connection lost (internal error)."
        self._connection_closed(reason)

    def _overlong(self, size: int) -> None:
        self.log.warning("dropped an overlong line (%d bytes)", size)
        self.ctx.report(f.BadInput("overlong IRC line", f"{size} bytes"))

    def _handle_raw(self, raw: bytes) -> None:
        try:
            text = decode(raw)
            line = parse_line(text)
            if line is None:
                if text.strip():
                    self.log.warning("dropped a malformed line")
                    self.ctx.report(f.BadInput("malformed IRC line", text[:200]))
                return
            self._dispatch(line)
        except Exception as exc:
            self.log.exception("failed to handle an IRC line")
            with contextlib.suppress(Exception):
                self.ctx.report(f.BadInput("IRC line we could not handle", repr(exc)[:200]))

    def _dispatch(self, line: Line) -> None:
        label = self._label_of(line)
        handler = self._handlers.get(line.command)
        if handler is not None:
            handler(line)
        elif line.command.isdigit():
            self._on_numeric(line, label)
        else:
            self.log.debug("ignored IRC command %s", line.command)
        if self._waiters:
            self._offer(line, label)

    def _offer(self, line: Line, label: str | None) -> None:
        for waiter in list(self._waiters):
            if waiter.future.done():
                self._waiters.remove(waiter)
                continue
            try:
                outcome = waiter.check(line, label)
            except Exception:
                self.log.exception("IRC waiter failed")
                outcome = Outcome(Failure(FailureKind.PROTOCOL, "Unexpected reply."))
            if outcome is not None:
                waiter.future.set_result(outcome)
                self._waiters.remove(waiter)

    def _label_of(self, line: Line) -> str | None:
        label = line.tags.get("label")
        if label:
            return label
        ref = line.tags.get("batch")
        seen = 0
        while ref and ref in self._batches and seen < 16:
            batch = self._batches[ref]
            if batch.label:
                return batch.label
            ref, seen = batch.parent, seen + 1
        return None

    def _batch_kinds(self, line: Line) -> list[_Batch]:
        found: list[_Batch] = []
        ref = line.tags.get("batch")
        while ref and ref in self._batches and len(found) < 16:
            batch = self._batches[ref]
            found.append(batch)
            ref = batch.parent
        return found

    # -- writing -------------------------------------------------------------------------------

    def _send(self, line: str, *, urgent: bool = False) -> asyncio.Future[bool]:
        writer = self._writer
        if writer is None:
            future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
            future.set_result(False)
            return future
        return writer.submit(line, urgent=urgent)

    def _new_label(self) -> str:
        return f"cw{next(self._labels)}{secrets.token_hex(2)}"

    async def _request(
        self,
        line_parts: tuple[str, ...],
        check: Callable[[Line, str | None], Outcome | None],
    ) -> Outcome:
        """Send a command and wait for the reply ``check`` recognises (or its label's reply)."""
        if not self.connected:
            return Outcome(Failure(FailureKind.NOT_CONNECTED, "Not connected.", retryable=True))
        label = self._new_label() if "labeled-response" in self.caps_enabled else None

        def checker(line: Line, got: str | None) -> Outcome | None:
            outcome = check(line, got)
            if outcome is not None or label is None or got != label:
                return outcome
            if line.command in {"BATCH", "ACK"}:
                return None if line.command == "BATCH" else Outcome()
            if _is_error(line):
                return Outcome(Failure(FailureKind.REJECTED, _error_text(line)))
            return None

        future: asyncio.Future[Outcome] = asyncio.get_running_loop().create_future()
        self._waiters.append(_Waiter(checker, future))
        tags = {"label": label} if label else None
        written = await self._send(format_line(*line_parts, tags=tags))
        if not written:
            future.cancel()
            return Outcome(Failure(FailureKind.NOT_CONNECTED, "Not connected.", retryable=True))
        try:
            async with asyncio.timeout(self.command_timeout):
                return await future
        except TimeoutError:
            return Outcome(
                Failure(FailureKind.NETWORK, "The server did not answer.", retryable=True)
            )
        finally:
            if future in (w.future for w in self._waiters):
                self._waiters = [w for w in self._waiters if w.future is not future]

    # -- registration --------------------------------------------------------------------------

    def _on_ping(self, line: Line) -> None:
        self._send(format_line("PONG", line.param(0, "")), urgent=True)

    def _on_cap(self, line: Line) -> None:
        sub = line.param(1).upper()
        args = line.params[2:]
        if sub == "LS":
            more = len(args) >= 2 and args[0] == "*"
            self._cap_ls_buffer.update(_parse_caps(args[-1] if args else ""))
            if more:
                return
            self.caps_available.update(self._cap_ls_buffer)
            self._cap_ls_buffer = {}
            if not self._registered:
                self._request_caps(registering=True)
        elif sub == "ACK":
            for name in (args[-1] if args else "").split():
                if name.startswith("-"):
                    self.caps_enabled.discard(name[1:])
                else:
                    self.caps_enabled.add(name)
            self._cap_answered()
        elif sub == "NAK":
            self.log.info("server refused capabilities: %s", args[-1] if args else "")
            self._cap_answered()
        elif sub == "NEW":
            new = _parse_caps(args[-1] if args else "")
            self.caps_available.update(new)
            wanted = [c for c in self.wanted_caps if c in new and c not in self.caps_enabled]
            if wanted:
                self._send(format_line("CAP", "REQ", " ".join(wanted)))
        elif sub == "DEL":
            for name in (args[-1] if args else "").split():
                self.caps_available.pop(name, None)
                self.caps_enabled.discard(name)

    def _choose_sasl(self) -> str | None:
        if "sasl" not in self.caps_available:
            return None
        offered = {m.upper() for m in self.caps_available["sasl"].split(",") if m}
        auth = self._setting("auth", "auto") or "auto"
        has_cert = bool(self._setting("client_cert"))
        if (auth == "sasl-external" or (auth == "auto" and has_cert)) and (
            not offered or "EXTERNAL" in offered
        ):
            return "EXTERNAL"
        if (
            auth in ("sasl-plain", "auto")
            and self._password
            and (not offered or "PLAIN" in offered)
        ):
            return "PLAIN"
        return None

    def _request_caps(self, *, registering: bool) -> None:
        wanted = [c for c in self.wanted_caps if c in self.caps_available]
        if "labeled-response" in wanted and "batch" not in wanted:
            wanted.remove("labeled-response")
        if registering:
            self._sasl_mechanism = self._choose_sasl()
            auth = self._setting("auth", "auto") or "auto"
            if auth.startswith("sasl-") and self._sasl_mechanism is None:
                self._fail(
                    FailureKind.CONFIG,
                    "The server does not offer the SASL sign-in this account is set to use.",
                )
                return
            if self._sasl_mechanism:
                wanted.append("sasl")
        if not wanted:
            self._cap_end()
            return
        chunk: list[str] = []
        for cap in wanted:
            if len(" ".join([*chunk, cap])) > 400:
                self._cap_pending += 1
                self._send(format_line("CAP", "REQ", " ".join(chunk)), urgent=True)
                chunk = []
            chunk.append(cap)
        if chunk:
            self._cap_pending += 1
            self._send(format_line("CAP", "REQ", " ".join(chunk)), urgent=True)

    def _cap_answered(self) -> None:
        if self._cap_pending <= 0:
            return
        self._cap_pending -= 1
        if self._cap_pending or self._registered:
            return
        if self._sasl_mechanism and "sasl" in self.caps_enabled:
            self._send(format_line("AUTHENTICATE", self._sasl_mechanism), urgent=True)
        else:
            self._cap_end()

    def _cap_end(self) -> None:
        if not self._cap_ended:
            self._cap_ended = True
            self._send("CAP END", urgent=True)

    def _on_authenticate(self, line: Line) -> None:
        if line.param(0) != "+" or not self._sasl_mechanism:
            return
        if self._sasl_mechanism == "EXTERNAL":
            self._send("AUTHENTICATE +", urgent=True)
            return
        account = self._setting("account") or self._setting("nick")
        payload = f"{account}\0{account}\0{self._password or ''}".encode()
        encoded = base64.b64encode(payload).decode("ascii")
        for start in range(0, len(encoded), 400):
            self._send(format_line("AUTHENTICATE", encoded[start : start + 400]), urgent=True)
        if len(encoded) % 400 == 0:
            self._send("AUTHENTICATE +", urgent=True)

    def _next_nick(self) -> str:
        self._nick_tries += 1
        if self._nick_candidates:
            return self._nick_candidates.popleft()
        base = self._setting("nick")[: max(1, self.info.nicklen - 4)]
        if self._nick_tries <= 3:
            return base + "_" * self._nick_tries
        return f"{base}{secrets.randbelow(10000):04d}"

    def _on_welcome(self, line: Line) -> None:
        self._registered = True
        self.own_id = line.param(0) or self.own_id
        welcome = line.param(-1).split()
        if welcome and "!" in welcome[-1] and "@" in welcome[-1]:
            _, self._own_user, self._own_host = split_source(welcome[-1])
        auth = self._setting("auth", "auto") or "auto"
        wants_nickserv = auth == "nickserv" or (
            auth == "auto" and bool(self._password) and not self._sasl_ok
        )
        if wants_nickserv and self._password and self.account is None:
            # Anyone may hold the nick "NickServ" where no services guard it: ask the server
            # who it is before handing it the password (see _nickserv_checked).
            self._nickserv_stage = "checking"
            self._whois.internal.add(self.info.fold("NickServ"))
            self._send(format_line("WHOIS", "NickServ"))
            self._later(self.nickserv_check_timeout, self._nickserv_check_timed_out)
        self._later(self.motd_grace, self._motd_timed_out)

    def _nickserv_checked(self, replies: Mapping[str, tuple[str, ...]]) -> None:
        """The WHOIS of NickServ is in: identify only to the network's own services."""
        if self._nickserv_stage != "checking":
            return
        if not convert.is_network_service(replies):
            self.log.warning("NickServ does not look like the network's services; not identifying")
            self._nickserv_not_trusted(
                "Your password was not sent to NickServ: the user with that nickname is not "
                "marked as the network's services, so it could be anyone."
            )
            return
        account = self._setting("account") or self._setting("nick")
        self._nickserv_stage = "identifying"
        self._send(format_line("PRIVMSG", "NickServ", f"IDENTIFY {account} {self._password}"))
        self._later(self.nickserv_timeout, self._nickserv_timed_out)

    def _nickserv_not_trusted(self, why: str) -> None:
        self._nickserv_stage = ""
        self.ctx.report(f.ServiceNotice(why))
        self._maybe_registered()

    def _nickserv_check_timed_out(self) -> None:
        if self._nickserv_stage == "checking":
            self.log.warning("no WHOIS answer about NickServ; not identifying")
            self._nickserv_not_trusted(
                "Your password was not sent to NickServ: the server did not say in time whether "
                "NickServ is the network's services."
            )

    def _no_nickserv(self, line: Line) -> bool:
        """A 401 about NickServ while we wanted it: sign in without identifying."""
        if not self._nickserv_pending or self.info.fold(line.param(1)) != self.info.fold(
            "NickServ"
        ):
            return False
        self.log.info("this network has no NickServ; signed in without identifying")
        self._nickserv_not_trusted("This network has no NickServ: signed in without identifying.")
        return True

    def _nickserv_timed_out(self) -> None:
        if self._nickserv_stage == "identifying":
            self.log.warning("NickServ did not confirm the identification; carrying on")
            self._nickserv_stage = ""
            self._maybe_registered()

    def _motd_timed_out(self) -> None:
        if not self._motd_done:
            self._motd_done = True
            self._maybe_registered()

    def _nickserv_answer(self, text: str) -> None:
        lowered = formatting.strip(text).lower()
        if any(p in lowered for p in NICKSERV_BAD):
            self._nickserv_stage = ""
            self._fail(FailureKind.AUTH, "NickServ did not accept the password.")
        elif any(p in lowered for p in NICKSERV_GOOD):
            self._nickserv_stage = ""
            self._maybe_registered()

    # -- numerics ------------------------------------------------------------------------------

    def _on_numeric(self, line: Line, label: str | None) -> None:
        if not self._on_registration_numeric(line):
            self._on_session_numeric(line, label)

    def _on_registration_numeric(self, line: Line) -> bool:
        """Numerics about signing in; False for everything else."""
        match line.command:
            case "001":
                self._on_welcome(line)
            case "005":
                params = line.params
                self.info.update(params[1:-1] if len(params) > 2 else params[1:])
            case "375":
                self._motd = []
            case "372":
                if len(self._motd) < MAX_MOTD_LINES:
                    self._motd.append(formatting.strip(line.param(-1)).removeprefix("- "))
            case "376" | "422":
                if self._motd:
                    self.ctx.report(f.ServiceNotice("\n".join(self._motd)))
                    self._motd = []
                self._motd_done = True
                self._maybe_registered()
            case "900":
                self.account = line.param(2) or None
                if self._nickserv_pending:  # signed in (by NickServ, or services saw our cert)
                    self._nickserv_stage = ""
                    self._maybe_registered()
            case "901":
                self.account = None
            case "903":
                self._sasl_ok = True
                self._cap_end()
            case "907":
                self._sasl_ok = True
                self._cap_end()
            case "904" | "905" | "902":
                if not self._registered:
                    self._fail(
                        FailureKind.AUTH,
                        "The server did not accept the account name or password (SASL).",
                    )
            case "906" | "908":
                self.log.info("SASL: %s", line.param(-1))
            case "464":
                self._fail(FailureKind.AUTH, "The server password was not accepted.")
            case "465":
                self._fail(FailureKind.REJECTED, f"Banned from this server: {line.param(-1)}")
            case "433" | "432" | "437" | "436" | "431" if not self._registered:
                new = self._next_nick()
                self.own_id = new
                self._send(format_line("NICK", new), urgent=True)
            case _:
                return False
        return True

    def _on_session_numeric(self, line: Line, label: str | None) -> None:
        code = line.command
        params = line.params
        if code == "401" and self._no_nickserv(line):
            return
        match code:
            case "353":
                self._on_names(line)
            case "366":
                self._on_names_end(line)
            case "332":
                channel = line.param(1)
                self.ctx.report(
                    f.ConversationUpdated(
                        self.info.fold(channel),
                        ConversationKind.GROUP,
                        title=channel,
                        topic=formatting.strip(line.param(-1)),
                    )
                )
            case "331":
                channel = line.param(1)
                self.ctx.report(
                    f.ConversationUpdated(self.info.fold(channel), ConversationKind.GROUP, topic="")
                )
            case "305":
                self.ctx.report(f.OwnPresenceChanged(Presence(PresenceState.AVAILABLE)))
            case "306":
                self.ctx.report(f.OwnPresenceChanged(Presence(PresenceState.AWAY)))
            case "730" | "731":
                self._on_monitor(line.param(-1), online=code == "730")
            case "303":
                self._on_ison(line.param(-1))
            case "734":
                self.ctx.report(f.ServiceNotice("The server's watch list is full."))
            case "321":
                self._list = []
            case "322":
                if self._list is not None and len(params) >= 3 and len(self._list) < MAX_LISTED:
                    try:
                        users = int(params[2])
                    except ValueError:
                        users = 0
                    self._list.append(
                        ChannelListing(params[1], users, convert.list_topic(line.param(-1)))
                    )
            case "310" | "311" | "312" | "313" | "317" | "319" | "330" | "338" | "671" | "301":
                self._on_whois_part(line)
            case "401" if self.info.fold(line.param(1)) in self._whois.asked:
                self._on_whois_part(line)
            case "318":
                self._on_whois_end(line)
            case _ if code in SEND_ERRORS and self._fail_pending_send(line, label):
                pass
            case _ if code in SASL_FAILED:
                pass
            case _ if _is_error(line):
                self._on_error_numeric(line, label)
            case _:
                self.log.debug("ignored numeric %s", code)

    def _on_error_numeric(self, line: Line, label: str | None) -> None:
        if not self._registered:
            self.log.info("error before registration: %s %s", line.command, line.param(-1))
            return
        folded = self.info.fold(line.param(1))
        if (
            line.command in REJOIN_REFUSED
            and folded in self._remembered
            and folded not in self._channels
        ):
            # A channel we meant to rejoin refuses us: forget it rather than retry forever.
            self._remembered.pop(folded, None)
            self._persist()
        if label is not None and any(w for w in self._waiters):
            return  # somebody asked; the waiter turns it into an Outcome
        conversation = None
        if len(line.params) >= 3 and (
            self.info.is_channel(line.param(1)) or line.command in SEND_ERRORS
        ):
            conversation = self.info.fold(line.param(1))
        self.ctx.report(f.ServiceNotice(_error_text(line), conversation=conversation))

    # -- messages ------------------------------------------------------------------------------

    def _is_server_source(self, source: str) -> bool:
        return not source or ("!" not in source and "." in source)

    def _on_message(self, line: Line) -> None:
        if len(line.params) < 2:
            self.ctx.report(f.BadInput(f"{line.command} without text"))
            return
        if line.command == "NOTICE" and self._is_server_source(line.source):
            if self._registered:
                self.ctx.report(f.ServiceNotice(formatting.strip(line.param(-1))))
            return
        sender = line.nick
        if "account" in line.tags:  # account-tag: kept fresh by every message
            self._note_account(sender, line.tags["account"])
        if (
            line.command == "NOTICE"
            and self._nickserv_stage == "identifying"
            and self.info.fold(sender) == self.info.fold("NickServ")
        ):
            self._nickserv_answer(line.param(-1))
        batches = self._batch_kinds(line)
        history = any(b.kind in ("chathistory", "draft/chathistory") for b in batches)
        for batch in batches:
            batch.messages += 1
        result = convert.message_from_line(line, self.info, self.own_id, history=history)
        if result is None:
            return
        if isinstance(result, convert.CtcpRequest):
            self._answer_ctcp(result)
            return
        if isinstance(result, convert.CtcpReply):
            self.ctx.report(
                f.ServiceNotice(
                    f"CTCP {result.reply.command} reply from {result.sender}: "
                    f"{formatting.strip(result.reply.args)}"
                )
            )
            return
        if result.outgoing and not history and self._match_echo(line, result, self._label_of(line)):
            return
        self.ctx.report(result)

    def _answer_ctcp(self, request: convert.CtcpRequest) -> None:
        if not self._ctcp_bucket.try_take():
            self.log.info("CTCP flood: dropped a %s request", request.request.command)
            self.ctx.report(f.BadInput("CTCP flood", request.request.command))
            return
        now_text = datetime.now(UTC).strftime("%a, %d %b %Y %H:%M:%S UTC")
        reply = ctcp.reply_for(request.request, version=self.version_reply, now_text=now_text)
        if reply is None:
            self.log.debug("ignored CTCP %s", request.request.command)
            return
        self._send(format_line("NOTICE", request.sender, reply))

    def _match_echo(self, line: Line, fact: f.MessageReceived, label: str | None) -> bool:
        """Our own message came back: confirm the outbox entry it belongs to, if any."""
        entry: tuple[_PendingSend, int] | None = None
        if label and label in self._pending_by_label:
            entry = self._pending_by_label.pop(label)
            target = entry[0].target
            queue = self._pending_by_target.get(target)
            if queue:
                for item in list(queue):
                    if item[0] is entry[0] and item[2] == label:
                        queue.remove(item)
                        break
        else:
            target = self.info.fold(self.info.strip_statusmsg(line.param(0)))
            queue = self._pending_by_target.get(target)
            text = line.param(1)
            if queue:
                # The same text, else the oldest: a server that rewrites text (colour stripping,
                # truncation) still echoes in the order we sent.
                item = next((i for i in queue if i[1] == text), queue[0])
                queue.remove(item)
                self._pending_by_label.pop(item[2], None)
                entry = (item[0], 0)
        if queue is not None and not queue:
            self._pending_by_target.pop(target, None)  # one entry per target we await, no more
        if entry is None:
            return False
        pending = entry[0]
        pending.echoed += 1
        if pending.remote_id is None:
            pending.remote_id = fact.remote_id
        if pending.echoed >= pending.parts and not pending.failed:
            self.ctx.report(
                f.DeliveryUpdated(
                    pending.conversation,
                    DeliveryState.SENT,
                    remote_id=pending.remote_id,
                    txn_id=pending.txn_id,
                )
            )
        return True

    def _fail_pending_send(self, line: Line, label: str | None) -> bool:
        """A send error: fail the message it belongs to (by label, else the oldest to that target)."""
        pending: _PendingSend | None = None
        if label and label in self._pending_by_label:
            pending = self._pending_by_label.pop(label)[0]
        else:
            target = self.info.fold(line.param(1))
            queue = self._pending_by_target.get(target)
            if queue:
                pending = queue[0][0]
        if pending is None:
            return False
        already_failed = pending.failed
        self._drop_pending(pending)
        if not already_failed:
            self.ctx.report(
                f.DeliveryUpdated(
                    pending.conversation,
                    DeliveryState.FAILED,
                    txn_id=pending.txn_id,
                    reason=_error_text(line),
                )
            )
        return True

    # -- channels ------------------------------------------------------------------------------

    def _is_me(self, nick: str) -> bool:
        return bool(nick) and self.info.fold(nick) == self.info.fold(self.own_id)

    def _member(self, folded_channel: str, nick: str, prefixes: str) -> Member:
        folded = self.info.fold(nick)
        made = convert.member(
            self.ctx.account_id,
            folded_channel,
            nick,
            prefixes,
            self.info,
            account=self._accounts.get(folded, ""),
        )
        away = self._away.get(folded)
        return made if away is None else replace(made, presence=away)

    def _member_fact(self, folded_channel: str, nick: str, prefixes: str) -> f.MembersChanged:
        return f.MembersChanged(
            folded_channel, upserted=(self._member(folded_channel, nick, prefixes),)
        )

    def _shares_channel(self, folded_nick: str) -> bool:
        return any(folded_nick in channel.members for channel in self._channels.values())

    def _note_account(self, nick: str, account: str | None) -> None:
        """Who ``nick`` is signed in as (``*`` or None: nobody); members show it."""
        folded = self.info.fold(nick)
        if not self._shares_channel(folded):
            self._accounts.pop(folded, None)
            return
        known = account if account and account != "*" else None
        if self._accounts.get(folded) == known:
            return
        if known is None:
            del self._accounts[folded]
        else:
            self._accounts[folded] = known
        for channel_folded, channel in self._channels.items():
            entry = channel.members.get(folded)
            if entry is not None:
                self.ctx.report(self._member_fact(channel_folded, *entry))

    def _on_account(self, line: Line) -> None:
        self._note_account(line.nick, line.param(0))

    def _prune_accounts(self) -> None:
        """Forget accounts and away states of people we no longer share a channel with."""
        for folded in [n for n in self._accounts if not self._shares_channel(n)]:
            del self._accounts[folded]
        for folded in [n for n in self._away if not self._shares_channel(n)]:
            del self._away[folded]

    def _forget_person(self, nick: str) -> None:
        folded = self.info.fold(nick)
        if not self._shares_channel(folded):
            self._accounts.pop(folded, None)
            self._away.pop(folded, None)

    def _on_join(self, line: Line) -> None:
        if not line.params:
            return
        name = line.params[0]
        folded = self.info.fold(name)
        nick, user, host = split_source(line.source)
        if self._is_me(nick):
            if user and host:
                self._own_user, self._own_host = user, host
            self._channels[folded] = _Channel(name)
            key = self._remembered.get(folded, (name, ""))[1]
            self._remembered[folded] = (name, key)
            self._persist()
            self.ctx.report(
                f.ConversationUpdated(folded, ConversationKind.GROUP, title=name, joined=True)
            )
            return
        channel = self._channels.get(folded)
        if channel is None:
            return
        channel.members[self.info.fold(nick)] = (nick, "")
        if len(line.params) >= 2 and line.params[1] != "*":  # extended-join: their account
            self._accounts[self.info.fold(nick)] = line.params[1]
        self.ctx.report(self._member_fact(folded, nick, ""))

    def _forget_channel(self, folded: str) -> None:
        self._channels.pop(folded, None)
        self._prune_accounts()
        if self._remembered.pop(folded, None) is not None:
            self._persist()

    def _on_part(self, line: Line) -> None:
        if not line.params:
            return
        folded = self.info.fold(line.params[0])
        nick = line.nick
        if self._is_me(nick):
            self._forget_channel(folded)
            self.ctx.report(f.ConversationLeft(folded, reason=line.param(1)))
            return
        channel = self._channels.get(folded)
        if channel is not None and channel.members.pop(self.info.fold(nick), None) is not None:
            self.ctx.report(f.MembersChanged(folded, removed=(nick,)))
            self._forget_person(nick)

    def _on_kick(self, line: Line) -> None:
        if len(line.params) < 2:
            return
        folded = self.info.fold(line.params[0])
        victim = line.params[1]
        reason = formatting.strip(line.param(2))
        by = line.nick
        text = f"{victim} was kicked by {by}" + (f" ({reason})" if reason else "")
        self.ctx.report(
            f.MessageReceived(
                conversation=folded,
                sender=by,
                body=text,
                conversation_kind=ConversationKind.GROUP,
                conversation_title=line.params[0],
                kind=MessageKind.SYSTEM,
                timestamp=convert.parse_server_time(line.tags.get("time")),
            )
        )
        if self._is_me(victim):
            self._forget_channel(folded)
            self.ctx.report(f.ConversationLeft(folded, reason=text))
            return
        channel = self._channels.get(folded)
        if channel is not None:
            channel.members.pop(self.info.fold(victim), None)
            self._forget_person(victim)
        self.ctx.report(f.MembersChanged(folded, removed=(victim,)))

    def _on_quit(self, line: Line) -> None:
        nick = line.nick
        folded_nick = self.info.fold(nick)
        for folded, channel in self._channels.items():
            if channel.members.pop(folded_nick, None) is not None:
                self.ctx.report(f.MembersChanged(folded, removed=(nick,)))
        self._accounts.pop(folded_nick, None)
        self._away.pop(folded_nick, None)
        if folded_nick in self._watch and self.info.monitor is None:
            self._set_online(folded_nick, False)

    def _on_nick(self, line: Line) -> None:
        old = line.nick
        new = line.param(0)
        if not new:
            return
        requested = self._nick_requested
        # InspIRCd answers a labeled NICK with the *new* nick as the source: still us.
        if self._is_me(old) or (
            requested and self.info.fold(old) == requested == self.info.fold(new)
        ):
            self._nick_requested = None
            old, self.own_id = self.own_id, new
        old_folded, new_folded = self.info.fold(old), self.info.fold(new)
        if old_folded in self._accounts:  # these stay with the person
            self._accounts[new_folded] = self._accounts.pop(old_folded)
        if old_folded in self._away:
            self._away[new_folded] = self._away.pop(old_folded)
        for folded, channel in self._channels.items():
            entry = channel.members.pop(old_folded, None)
            if entry is None:
                continue
            channel.members[new_folded] = (new, entry[1])
            member = self._member(folded, new, entry[1])
            self.ctx.report(f.MembersChanged(folded, upserted=(member,), removed=(old,)))

    def _on_topic(self, line: Line) -> None:
        if len(line.params) < 2:
            return
        name = line.params[0]
        folded = self.info.fold(name)
        topic = formatting.strip(line.params[1])
        self.ctx.report(f.ConversationUpdated(folded, ConversationKind.GROUP, topic=topic))
        history = any(
            b.kind in ("chathistory", "draft/chathistory") for b in self._batch_kinds(line)
        )
        self.ctx.report(
            f.MessageReceived(
                conversation=folded,
                sender=line.nick,
                body=f"{line.nick} changed the topic to: {topic}",
                conversation_kind=ConversationKind.GROUP,
                conversation_title=name,
                kind=MessageKind.SYSTEM,
                timestamp=convert.parse_server_time(line.tags.get("time")),
                remote_id=line.tags.get("msgid") or None,
                history=history,
            )
        )

    def _on_mode(self, line: Line) -> None:
        if len(line.params) < 2 or not self.info.is_channel(line.params[0]):
            return
        folded = self.info.fold(line.params[0])
        channel = self._channels.get(folded)
        if channel is None:
            return
        changed: dict[str, tuple[str, str]] = {}
        for change in convert.parse_mode_changes(line.params[1:], self.info):
            if change.mode not in self.info.prefix_modes or not change.arg:
                continue
            key = self.info.fold(change.arg)
            nick, prefixes = channel.members.get(key, (change.arg, ""))
            char = self.info.prefix_chars[self.info.prefix_modes.index(change.mode)]
            chars = set(prefixes)
            if change.adding:
                chars.add(char)
            else:
                chars.discard(char)
            entry = (nick, convert.sort_prefixes(chars, self.info))
            channel.members[key] = entry
            changed[key] = entry
        if changed:
            self.ctx.report(
                f.MembersChanged(
                    folded,
                    upserted=tuple(self._member(folded, n, p) for n, p in changed.values()),
                )
            )

    def _on_names(self, line: Line) -> None:
        if len(line.params) < 3:
            return
        channel_name = line.params[-2]
        channel = self._channels.get(self.info.fold(channel_name))
        if channel is None:
            return
        if channel.names is None:
            channel.names = {}
        for entry in convert.parse_names(line.params[-1], self.info):
            channel.names[self.info.fold(entry.nick)] = (entry.nick, entry.prefixes)

    def _on_names_end(self, line: Line) -> None:
        folded = self.info.fold(line.param(1))
        channel = self._channels.get(folded)
        if channel is None or channel.names is None:
            return
        channel.members, channel.names = channel.names, None
        self.ctx.report(
            f.MembersChanged(
                folded,
                upserted=tuple(
                    self._member(folded, nick, prefixes)
                    for nick, prefixes in channel.members.values()
                ),
                complete=True,
            )
        )

    def _on_invite(self, line: Line) -> None:
        if len(line.params) < 2:
            return
        if not self._is_me(line.params[0]):
            return  # invite-notify about somebody else
        channel = line.params[1]
        self.ctx.report(f.InviteReceived(self.info.fold(channel), inviter=line.nick))

    # -- people --------------------------------------------------------------------------------

    def _on_away(self, line: Line) -> None:
        nick = line.nick
        folded = self.info.fold(nick)
        message = line.params[0] if line.params else None
        presence = convert.presence_from_away(message)
        if self._shares_channel(folded):
            if presence.state is PresenceState.AWAY:
                self._away[folded] = presence
            else:
                self._away.pop(folded, None)
        for channel_folded, channel in self._channels.items():
            entry = channel.members.get(folded)
            if entry is not None:
                self.ctx.report(self._member_fact(channel_folded, *entry))
        if folded in self._watch:
            self.ctx.report(f.PresenceChanged(folded, presence))

    def _on_chghost(self, line: Line) -> None:
        if self._is_me(line.nick) and len(line.params) >= 2:
            self._own_user, self._own_host = line.params[0], line.params[1]

    def _watch_nicks(self, nicks: list[str]) -> None:
        if not nicks:
            return
        if self.info.monitor is not None:
            for start in range(0, len(nicks), 20):
                self._send(format_line("MONITOR", "+", ",".join(nicks[start : start + 20])))
        else:
            self._send(format_line("ISON", *nicks[:40]))

    def _set_online(self, folded: str, online: bool) -> None:
        if folded not in self._watch or self._online.get(folded) == online:
            return  # only the people we watch (the server may name others)
        self._online[folded] = online
        state = PresenceState.AVAILABLE if online else PresenceState.OFFLINE
        self.ctx.report(f.PresenceChanged(folded, Presence(state)))

    def _on_monitor(self, targets: str, *, online: bool) -> None:
        for nick in convert.monitor_targets(targets):
            self._set_online(self.info.fold(nick), online)

    def _on_ison(self, text: str) -> None:
        online = {self.info.fold(n) for n in text.split()}
        for folded in self._watch:
            self._set_online(folded, folded in online)

    async def _poll_ison(self) -> None:
        while not self._closed:
            await asyncio.sleep(self.ison_interval)
            if self._watch:
                self._watch_nicks(list(self._watch.values()))

    def _on_whois_part(self, line: Line) -> None:
        if len(line.params) < 2:
            return
        folded = self.info.fold(line.params[1])
        replies = self._whois.replies.get(folded)
        if replies is None:
            # Replies without their end (318) must not pile up: keep a few WHOIS at a time.
            replies = {}
            _bounded_insert(self._whois.replies, folded, replies, MAX_OPEN_WHOIS)
        if len(replies) < 32:
            replies[line.command] = line.params[1:]

    def _on_whois_end(self, line: Line) -> None:
        nick = line.param(1)
        folded = self.info.fold(nick)
        replies = self._whois.replies.pop(folded, {})
        if folded in self._whois.internal:  # ours (is NickServ genuine?), not the person's
            self._whois.internal.discard(folded)
            if folded == self.info.fold("NickServ"):
                self._nickserv_checked(replies)
            return
        asked = folded in self._whois.asked
        conversation = self._whois.asked.pop(folded, None) or None
        text = convert.whois_text(nick, replies)
        if asked:  # /whois waits for it (and takes it away); nobody waits for a /quote WHOIS
            self._whois.answers[folded] = text
        self.ctx.report(f.ServiceNotice(text, conversation))

    # -- batches, errors -----------------------------------------------------------------------

    def _on_batch(self, line: Line) -> None:
        ref = line.param(0)
        if ref.startswith("+") and len(ref) > 1:
            batch = _Batch(
                kind=line.param(1).lower(),
                params=line.params[2:],
                label=line.tags.get("label"),
                parent=line.tags.get("batch"),
            )
            _bounded_insert(self._batches, ref[1:], batch, MAX_OPEN_BATCHES)
        elif ref.startswith("-"):
            self._batches.pop(ref[1:], None)

    def _on_error(self, line: Line) -> None:
        text = line.param(0, "The server closed the connection.")
        self._close_reason = f"Disconnected by the server: {text}"
        if self._registered:
            return
        if self._sent_server_password or "password" in text.lower():
            # Servers say "Access denied" (InspIRCd) or "Bad password" for a wrong PASS.
            self._fail(
                FailureKind.AUTH,
                f"The server refused the server password: {text}",
            )
        else:
            self._fail(FailureKind.NETWORK, self._close_reason, retryable=True)

    def _on_standard_reply(self, line: Line) -> None:
        if line.command == "FAIL" and self._registered and line.param(0) != "CHATHISTORY":
            self.ctx.report(f.ServiceNotice(line.param(-1)))
        else:
            self.log.info("%s %s: %s", line.command, line.param(0), line.param(-1))

    # -- sending -------------------------------------------------------------------------------

    def _line_budget(self, command: str, target: str, action: bool) -> int:
        """Bytes left for text in one line, as the server relays it with our full prefix."""
        user = self._own_user or "x" * 10
        host = self._own_host or "x" * 63
        prefix = f":{self.own_id}!{user}@{host} "
        overhead = len(f"{prefix}{command} {target} :".encode()) + 2
        if action:
            overhead += len("\x01ACTION \x01")
        return max(16, 512 - overhead)

    def _text_lines(self, command: str, target: str, text: str, *, action: bool) -> list[str]:
        budget = self._line_budget(command, target, action)
        out: list[str] = []
        cleaned = text.replace("\0", "").replace("\r\n", "\n").replace("\r", "\n")
        for paragraph in cleaned.split("\n"):
            if not paragraph.strip():
                continue
            for piece in split_text(paragraph, budget):
                out.append(ctcp.build("ACTION", piece) if action else piece)
        return out

    async def send_message(self, conv: ConversationId, msg: OutgoingMessage) -> SendResult:
        if not self.connected:
            return SendResult(
                failure=Failure(FailureKind.NOT_CONNECTED, "Not connected.", retryable=True)
            )
        text = msg.body  # literal: slash commands reach us through run_command, not here
        if msg.html:
            text = formatting.from_html(msg.html) or text
        for attachment in msg.attachments:
            text += "\n" + attachment.url
        command = "NOTICE" if msg.kind is MessageKind.NOTICE else "PRIVMSG"
        return await self._send_text(
            conv.native_id,
            conv.native_id,
            text,
            command=command,
            action=msg.kind is MessageKind.EMOTE,
            txn_id=msg.txn_id,
        )

    async def _send_text(
        self,
        conversation: str,
        target: str,
        text: str,
        *,
        command: str = "PRIVMSG",
        action: bool = False,
        txn_id: str | None = None,
    ) -> SendResult:
        lines = self._text_lines(command, target, text, action=action)
        if not lines:
            return SendResult(
                failure=Failure(FailureKind.REJECTED, "IRC cannot send an empty message.")
            )
        echo = "echo-message" in self.caps_enabled and txn_id is not None
        labels = "labeled-response" in self.caps_enabled
        pending = None
        if echo and txn_id is not None:
            pending = _PendingSend(txn_id, conversation, self.info.fold(target), len(lines))
        futures = []
        for piece in lines:
            tags = None
            if pending is not None:
                label = self._new_label() if labels else ""
                if label:
                    tags = {"label": label}
                    self._pending_by_label[label] = (pending, 0)
                self._pending_by_target.setdefault(pending.target, deque()).append(
                    (pending, piece, label)
                )
            futures.append(self._send(format_line(command, target, piece, tags=tags)))
        written = sum(1 for ok in await asyncio.gather(*futures) if ok)
        if written < len(lines):
            if pending is not None:
                self._drop_pending(pending)
            if written == 0:  # nothing went out: sending it again later cannot duplicate it
                return SendResult(
                    failure=Failure(
                        FailureKind.NOT_CONNECTED, "The connection was lost.", retryable=True
                    )
                )
            # Some lines went out. Sending the whole message again would repeat them (and a
            # paste that got us killed for flooding would repeat on every reconnect): fail it
            # for good and let the person decide.
            return SendResult(
                failure=Failure(
                    FailureKind.NETWORK,
                    f"Partly sent: {written} of {len(lines)} lines went out before the "
                    "connection was lost.",
                )
            )
        if pending is not None:
            # Every line is out; a confirmation lost with the connection leaves the message
            # unconfirmed (in flight), which the core fails instead of sending again.
            return SendResult(confirmed=False)
        return SendResult()

    def _drop_pending(self, pending: _PendingSend) -> None:
        """Forget a message's outstanding echoes (its send failed)."""
        pending.failed = True
        for label, (item, _) in list(self._pending_by_label.items()):
            if item is pending:
                del self._pending_by_label[label]
        queue = self._pending_by_target.get(pending.target)
        if queue is not None:
            for entry in [e for e in queue if e[0] is pending]:
                queue.remove(entry)
            if not queue:
                del self._pending_by_target[pending.target]

    def command_names(self) -> tuple[str, ...]:
        return IRC_COMMANDS

    async def run_command(self, conv: ConversationId | None, name: str, args: str) -> Outcome:
        """An IRC command typed as ``/name args`` in ``conv`` (see :mod:`backends.irc.commands`).

        Understands the generic ones too (/join, /part, /me, /msg, /topic, /kick, /invite), so a
        front end may hand over any line; :meth:`command_names` lists only what IRC adds.
        """
        if not self.connected:
            return Outcome(Failure(FailureKind.NOT_CONNECTED, "Not connected.", retryable=True))
        parsed = commands.parse_input(f"/{name} {args}".rstrip(), self.info.chantypes)
        if isinstance(parsed, str):
            return Outcome(Failure(FailureKind.UNSUPPORTED, f"Unknown command /{name}."))
        here = conv.native_id if conv is not None else ""
        account_id = conv.account_id if conv is not None else self.ctx.account_id
        here_channel = here if self.info.is_channel(here) else ""

        def in_channel(channel: str | None) -> ConversationId | None:
            target = channel or here_channel
            return ConversationId(account_id, target) if target else None

        match parsed:
            case commands.Join(channel, key):
                return await self.join(channel, password=key)
            case commands.Part(channel, reason):
                where = in_channel(channel)
                return await self.leave(where, reason) if where else _usage("part")
            case commands.Me(text):
                if not here:
                    return _usage("me")
                return _sent(await self._send_text(here, here, text, action=True))
            case commands.Msg(target, text, notice):
                command = "NOTICE" if notice else "PRIVMSG"
                sent = await self._send_text(target, target, text, command=command)
                if sent.ok and "echo-message" not in self.caps_enabled:
                    self._report_own(target, text, MessageKind.NOTICE if notice else None)
                return _sent(sent)
            case commands.Nick(nick):
                return await self._change_nick(nick)
            case commands.Topic(channel, topic):
                where = in_channel(channel)
                if where is None:
                    return _usage("topic")
                if topic is None:
                    return _written(await self._send(format_line("TOPIC", where.native_id)))
                return await self.set_topic(where, topic)
            case commands.Whois(nick):
                return await self._whois_command(nick, here or None)
            case commands.Away(message):
                return await self.set_presence(convert.presence_from_away(message))
            case commands.Quote(raw):
                if parse_line(raw) is None or any(c in raw for c in "\r\n\0"):
                    return Outcome(Failure(FailureKind.REJECTED, "That is not a valid IRC line."))
                return _written(await self._send(raw))
            case commands.Kick(channel, nick, reason):
                where = in_channel(channel)
                return await self.kick(where, nick, reason) if where else _usage("kick")
            case commands.Invite(nick, channel):
                where = in_channel(channel)
                return await self.invite(where, nick) if where else _usage("invite")
            case commands.CtcpRequest(nick, command, ctcp_args):
                line = format_line("PRIVMSG", nick, ctcp.build(command, ctcp_args))
                return _written(await self._send(line))
            case commands.Mode(target, modes):
                where_name = target or here
                if not where_name:
                    return _usage("mode")
                words = modes.split()
                return _written(await self._send(format_line("MODE", where_name, *words)))
            case commands.Invalid(command_name, _):
                return _usage(command_name)
            case commands.Unknown(command_name):
                return Outcome(
                    Failure(
                        FailureKind.UNSUPPORTED,
                        f"Unknown command /{command_name}. Use /quote to send a raw IRC line.",
                    )
                )

    async def _whois_command(self, nick: str, conversation: str | None) -> Outcome:
        """WHOIS: the summary comes back as ``Outcome.value`` and as a service notice."""
        folded = self.info.fold(nick)
        self._whois.asked[folded] = conversation or ""

        def check(line: Line, label: str | None) -> Outcome | None:
            if line.command == "318" and self.info.fold(line.param(1)) == folded:
                return Outcome(value=self._whois.answers.pop(folded, ""))
            return None

        try:
            return await self._request(("WHOIS", nick), check)
        finally:  # unanswered (timeout, lost connection): leave nothing behind
            self._whois.asked.pop(folded, None)
            self._whois.answers.pop(folded, None)

    def _report_own(self, target: str, text: str, kind: MessageKind | None) -> None:
        """A message we sent elsewhere (``/msg``) on a server without echo-message."""
        folded = self.info.fold(target)
        self.ctx.report(
            f.MessageReceived(
                conversation=folded,
                sender=self.own_id,
                body=formatting.strip(text),
                conversation_kind=ConversationKind.GROUP
                if self.info.is_channel(target)
                else ConversationKind.DIRECT,
                conversation_title=target,
                html=formatting.to_html(text),
                kind=kind or MessageKind.TEXT,
                outgoing=True,
            )
        )

    async def _change_nick(self, nick: str) -> Outcome:
        folded = self.info.fold(nick)
        self._nick_requested = folded

        def check(line: Line, label: str | None) -> Outcome | None:
            if line.command == "NICK" and self.info.fold(line.param(0)) == folded:
                return Outcome(value=nick)
            if line.command in NICK_ERRORS:
                return Outcome(Failure(FailureKind.REJECTED, _error_text(line)))
            return None

        return await self._request(("NICK", nick), check)

    # -- SupportsGroupChat ---------------------------------------------------------------------

    async def join(self, room: str, nick: str = "", password: str = "") -> Outcome:
        name = room.strip()
        if not name or " " in name or "," in name:
            return Outcome(Failure(FailureKind.CONFIG, "That is not a channel name."))
        if not self.info.is_channel(name):
            name = "#" + name
        folded = self.info.fold(name)
        if folded in self._channels:
            return Outcome(value=folded)
        if password:
            self._remembered[folded] = (name, password)

        def check(line: Line, label: str | None) -> Outcome | None:
            if (
                line.command == "JOIN"
                and self._is_me(line.nick)
                and self.info.fold(line.param(0)) == folded
            ):
                return Outcome(value=folded)
            if line.command in JOIN_ERRORS and self.info.fold(line.param(1)) == folded:
                return Outcome(Failure(FailureKind.REJECTED, _error_text(line)))
            return None

        parts = ("JOIN", name, password) if password else ("JOIN", name)
        outcome = await self._request(parts, check)
        if not outcome.ok and password and folded not in self._channels:
            self._remembered.pop(folded, None)
        return outcome

    async def open_direct(self, contact: str) -> Outcome:
        """A query is named by the nick folded with the server's casemapping, as replies are."""
        nick = contact.strip()
        if not nick or self.info.is_channel(nick) or " " in nick:
            return Outcome(Failure(FailureKind.CONFIG, "That is not a nickname."))
        return Outcome(value=self.info.fold(nick))

    async def leave(self, conv: ConversationId, reason: str = "") -> Outcome:
        folded = self.info.fold(conv.native_id)
        if not self.info.is_channel(conv.native_id):
            return Outcome()  # a private query: nothing to leave on the server
        if folded not in self._channels:
            self._forget_channel(folded)
            self.ctx.report(f.ConversationLeft(folded))
            return Outcome()

        def check(line: Line, label: str | None) -> Outcome | None:
            if (
                line.command == "PART"
                and self._is_me(line.nick)
                and self.info.fold(line.param(0)) == folded
            ):
                return Outcome()
            if line.command in ("403", "442") and self.info.fold(line.param(1)) == folded:
                self._forget_channel(folded)
                self.ctx.report(f.ConversationLeft(folded))
                return Outcome()
            return None

        parts = ("PART", conv.native_id, reason) if reason else ("PART", conv.native_id)
        return await self._request(parts, check)

    async def set_topic(self, conv: ConversationId, topic: str) -> Outcome:
        folded = self.info.fold(conv.native_id)
        topic = topic.replace("\r", " ").replace("\n", " ")

        def check(line: Line, label: str | None) -> Outcome | None:
            if line.command == "TOPIC" and self.info.fold(line.param(0)) == folded:
                return Outcome()
            if (
                line.command in ("403", "442", "482", "477")
                and self.info.fold(line.param(1)) == folded
            ):
                return Outcome(Failure(FailureKind.REJECTED, _error_text(line)))
            return None

        return await self._request(("TOPIC", conv.native_id, topic), check)

    async def kick(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        folded = self.info.fold(conv.native_id)
        victim = self.info.fold(member)
        reason = reason.replace("\r", " ").replace("\n", " ")

        def check(line: Line, label: str | None) -> Outcome | None:
            if (
                line.command == "KICK"
                and self.info.fold(line.param(0)) == folded
                and self.info.fold(line.param(1)) == victim
            ):
                return Outcome()
            if line.command in ("401", "403", "441", "442", "482") and self.info.fold(
                line.param(1)
            ) in (folded, victim):
                return Outcome(Failure(FailureKind.REJECTED, _error_text(line)))
            return None

        parts = (
            ("KICK", conv.native_id, member, reason) if reason else ("KICK", conv.native_id, member)
        )
        return await self._request(parts, check)

    async def invite(self, conv: ConversationId, contact: str, reason: str = "") -> Outcome:
        folded = self.info.fold(conv.native_id)
        who = self.info.fold(contact)

        def check(line: Line, label: str | None) -> Outcome | None:
            if line.command == "341" and self.info.fold(line.param(1)) == who:
                return Outcome()
            if line.command in ("401", "403", "442", "443", "482") and self.info.fold(
                line.param(1)
            ) in (folded, who):
                return Outcome(Failure(FailureKind.REJECTED, _error_text(line)))
            return None

        return await self._request(("INVITE", contact, conv.native_id), check)

    async def room_directory(
        self, query: str = "", limit: int = 500
    ) -> tuple[RoomListing, ...] | Failure:
        """Channels whose name or topic contains ``query`` (case-insensitive), from the
        server's whole list — fetched once and reused for :data:`LIST_FRESH` seconds, so typing
        a search does not ask the server again each time."""
        now = time.monotonic()
        if self._listed is None or now - self._listed[0] > LIST_FRESH:
            listing = await self.list_channels()
            if isinstance(listing, Failure):
                return listing
            self._listed = (now, listing)
        needle = query.casefold()
        rows = [
            RoomListing(c.name, c.name, c.topic, c.users)
            for c in self._listed[1]
            if not needle or needle in c.name.casefold() or needle in c.topic.casefold()
        ]
        return tuple(rows[:limit])

    async def list_channels(self, pattern: str = "") -> list[ChannelListing] | Failure:
        """The server's channel list (LIST), sorted by the number of users, largest first."""

        def check(line: Line, label: str | None) -> Outcome | None:
            if line.command == "323":
                return Outcome()
            if _is_error(line) and line.command in ("416", "481"):
                return Outcome(Failure(FailureKind.REJECTED, _error_text(line)))
            return None

        self._list = []
        parts = ("LIST", pattern) if pattern else ("LIST",)
        outcome = await self._request(parts, check)
        listing, self._list = self._list or [], None
        if outcome.failure is not None:
            return outcome.failure
        return sorted(listing, key=lambda c: (-c.users, c.name))

    def members(self, channel: str) -> dict[str, str]:
        """Nick → prefixes for a channel we are in (for tests and tools; the core has its own)."""
        state = self._channels.get(self.info.fold(channel))
        return {} if state is None else dict(state.members.values())

    # -- SupportsRoster, SupportsPresence ------------------------------------------------------

    async def add_contact(self, contact: str, name: str = "", message: str = "") -> Outcome:
        nick = contact.strip()
        if not re.fullmatch(NICK_PATTERN, nick):
            return Outcome(Failure(FailureKind.CONFIG, "That is not a nickname."))
        folded = self.info.fold(nick)
        self._watch[folded] = nick
        await self._save_state()
        self.ctx.report(
            f.ContactsChanged((Contact(ContactId(self.ctx.account_id, folded), name or nick),))
        )
        if self.connected:
            self._watch_nicks([nick])
        return Outcome(value=folded)

    async def remove_contact(self, contact: str) -> Outcome:
        folded = self.info.fold(contact)
        nick = self._watch.pop(folded, contact)
        self._online.pop(folded, None)
        await self._save_state()
        if self.connected and self.info.monitor is not None:
            self._send(format_line("MONITOR", "-", nick))
        self.ctx.report(f.ContactsChanged(removed=(folded,)))
        return Outcome()

    async def set_presence(self, presence: Presence) -> Outcome:
        message = convert.away_message_for(presence)
        wanted = "305" if message is None else "306"

        def check(line: Line, label: str | None) -> Outcome | None:
            return Outcome() if line.command == wanted else None

        parts = ("AWAY",) if message is None else ("AWAY", message.replace("\n", " ") or "Away")
        return await self._request(parts, check)

    # -- SupportsHistory -----------------------------------------------------------------------

    async def fetch_history(
        self, conv: ConversationId, before_remote_id: str | None, limit: int
    ) -> Outcome:
        if not self._history_enabled:
            return Outcome(Failure(FailureKind.UNSUPPORTED, "This server keeps no history for us."))
        limit = max(1, min(limit, self.info.chathistory or limit))
        target = conv.native_id
        folded = self.info.fold(target)
        found: list[tuple[str, _Batch]] = []

        def check(line: Line, label: str | None) -> Outcome | None:
            if line.command == "BATCH":
                ref = line.param(0)
                if (
                    ref.startswith("+")
                    and not found
                    and line.param(1).lower() in ("chathistory", "draft/chathistory")
                    and self.info.fold(line.param(2)) == folded
                    and ref[1:] in self._batches
                ):
                    found.append((ref[1:], self._batches[ref[1:]]))
                elif ref.startswith("-") and found and ref[1:] == found[0][0]:
                    return Outcome(value="end" if found[0][1].messages < limit else None)
            if line.command == "FAIL" and line.param(0) == "CHATHISTORY":
                return Outcome(Failure(FailureKind.REJECTED, line.param(-1)))
            return None

        anchor = f"msgid={before_remote_id}" if before_remote_id else "*"
        subcommand = "BEFORE" if before_remote_id else "LATEST"
        return await self._request(("CHATHISTORY", subcommand, target, anchor, str(limit)), check)


def _bounded_insert(mapping: dict[str, Any], key: str, value: Any, limit: int) -> None:
    """``mapping[key] = value``, dropping the oldest entries to stay within ``limit``."""
    mapping.pop(key, None)
    while len(mapping) >= limit:
        del mapping[next(iter(mapping))]
    mapping[key] = value


def _parse_caps(text: str) -> dict[str, str]:
    caps: dict[str, str] = {}
    for item in text.split():
        name, _, value = item.partition("=")
        if name:
            caps[name] = value
    return caps


def _is_error(line: Line) -> bool:
    return line.command.isdigit() and line.command[0] in "45" and line.command not in ("900",)


def _error_text(line: Line) -> str:
    detail = line.param(-1)
    subject = line.param(1) if len(line.params) >= 3 else ""
    return f"{subject}: {detail}" if subject else detail or f"Error {line.command}"


def _usage(name: str) -> Outcome:
    usage = commands.USAGE.get(name, f"/{name}")
    return Outcome(Failure(FailureKind.REJECTED, f"Usage: {usage}"))


def _written(ok: bool) -> Outcome:
    if ok:
        return Outcome()
    return Outcome(Failure(FailureKind.NOT_CONNECTED, "Not connected.", retryable=True))


def _sent(result: SendResult) -> Outcome:
    return Outcome(result.failure, result.remote_id)
