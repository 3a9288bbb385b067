"""The adapter interface every service plugin implements.

A backend is small: it signs in, reports facts, and carries out commands. Everything that is the same
for all services (storing, de-duplicating, counting unread, reconnecting with backoff, the outbox)
lives in the core, so it exists once.

The required base is :class:`Backend`; optional abilities are the ``Supports*`` interfaces. What a
backend can do (its :class:`Capability` flags) follows from the interfaces it implements
(:func:`declared_capabilities`); :meth:`Backend.capabilities` may only narrow that, per conversation
or for the moment (a server without an archive, a room where we lack the power), and the core reads
the two together through :func:`effective_capabilities`.
Expected failures (wrong password, server unreachable, permission denied) are *values*
(:class:`Failure`), never exceptions; an exception escaping a backend is a bug and is logged as one.
See ``docs/backends.md`` for a walkthrough.
"""

from __future__ import annotations

import abc
import enum
import functools
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import ClassVar, Protocol, TypeVar

from app.facts import Fact
from app.i18n import CoreMessages
from app.models import (
    Attachment,
    ConversationId,
    DeliveryState,
    Device,
    DeviceTrust,
    LinkPreview,
    MessageKind,
    Presence,
    Role,
    RoomListing,
    SpaceHierarchy,
    Trust,
)

M = TypeVar("M")

API_VERSION = 2
"""Bumped when the interface changes incompatibly; the registry rejects other versions and the
person is told which plugin and why (``PluginProblem``). 2: capabilities follow from the
interfaces, ``BackendContext.extra`` is gone (``BackendContext.network``), eight unread
capability flags are gone, and slash commands are read by the core alone (``app.commands``)."""

TRUSTED_FINGERPRINT_FIELD = "trusted_fingerprint"
"""Name of the account field holding a pinned certificate fingerprint ("AA:BB:…", SHA-256).

A backend that supports pinning declares a field with this name; when a connection fails with
``FailureKind.TLS`` and the fingerprint in ``Failure.detail``, the account dialog offers to trust it
by filling this field."""


class Capability(enum.Flag):
    """What a service (or one conversation of it) can do. The UI hides or greys out the rest.

    A backend does not list these: each follows from an interface it implements (see
    :func:`declared_capabilities`), except the two about ``send_message`` itself, which a backend
    declares in :attr:`Backend.send_features`. Every flag here is read by the core or the UI."""

    NONE = 0
    GROUP_CHAT = enum.auto()  # SupportsGroupChat
    INVITE = enum.auto()  # SupportsInvites
    KICK = enum.auto()  # SupportsKicking
    BAN = enum.auto()  # SupportsBanning
    TOPIC = enum.auto()  # SupportsTopic
    TYPING = enum.auto()  # SupportsTyping
    READ_RECEIPTS = enum.auto()  # SupportsReceipts
    HISTORY = enum.auto()  # SupportsHistory
    FILES = enum.auto()  # SupportsFiles
    EDITS = enum.auto()  # SupportsEdits
    REACTIONS = enum.auto()  # SupportsReactions
    RETRACTIONS = enum.auto()  # SupportsRetraction
    ENCRYPTION = enum.auto()  # SupportsVerification or SupportsDeviceTrust
    BLOCKING = enum.auto()  # SupportsBlocking
    COMMANDS = enum.auto()  # SupportsCommands
    REPLIES = enum.auto()  # send_features: OutgoingMessage.reply_to is honoured
    IDEMPOTENT_SEND = enum.auto()
    """send_features: re-sending with the same transaction id is delivered once (Matrix
    txn_id), so the outbox may retry a message whose fate is unknown."""
    THREADS = enum.auto()
    """Replies in threads: read a thread apart from the main timeline, answer in it."""
    LINK_PREVIEWS = enum.auto()
    """The service makes link previews for us (Matrix: the homeserver fetches the page)."""
    VOICE_MESSAGES = enum.auto()
    """send_features: an attachment marked ``voice`` is sent as a voice message the other side
    plays inline (Matrix MSC3245; XMPP: an uploaded audio file, as Conversations sends)."""
    POLLS = enum.auto()  # SupportsPolls
    MODERATION = enum.auto()  # SupportsModeration: we may remove others' messages here


SEND_FEATURES = Capability.REPLIES | Capability.IDEMPOTENT_SEND | Capability.VOICE_MESSAGES
"""The flags a backend declares itself (:attr:`Backend.send_features`): no interface has them."""


class FieldKind(enum.StrEnum):
    TEXT = "text"
    PASSWORD = "password"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    CHOICE = "choice"
    FILE = "file"


@dataclass(frozen=True, slots=True)
class AccountField:
    """One input of the account dialog. ``secret`` fields go to the keyring, never to a file."""

    name: str
    label: str
    kind: FieldKind = FieldKind.TEXT
    required: bool = False
    default: str | int | bool | None = None
    secret: bool = False
    help: str = ""
    placeholder: str = ""
    choices: tuple[str, ...] = ()
    pattern: str = ""  # a regular expression the whole value must match (text fields)
    advanced: bool = False


class FailureKind(enum.StrEnum):
    AUTH = "auth"  # wrong credentials: retrying will not help
    NETWORK = "network"  # unreachable, reset, timed out: retry later
    TLS = "tls"  # certificate not trusted; ``detail`` holds the fingerprint
    CONFIG = "config"  # settings are invalid
    PROTOCOL = "protocol"  # the server said something we could not use
    RATE_LIMITED = "rate_limited"
    NOT_CONNECTED = "not_connected"
    REJECTED = "rejected"  # the server refused (permissions, unknown room …)
    UNSUPPORTED = "unsupported"


@dataclass(frozen=True, slots=True)
class Failure:
    """An expected failure, described for a person (``message``) and for the core (the rest)."""

    kind: FailureKind
    message: str
    retryable: bool = False
    detail: str = ""
    retry_after: float | None = None  # seconds, when the server said so
    field: str = ""
    """The account field the failure is about (a wrong password → ``"password"``), so the
    account dialog shows it beside that field; empty when it is about no one field."""


@dataclass(frozen=True, slots=True)
class ConnectResult:
    failure: Failure | None = None

    @property
    def ok(self) -> bool:
        return self.failure is None


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """What the user wants sent. ``txn_id`` is stable across retries: use it as the service's
    transaction/stanza id so a retry after a lost connection is recognised, not duplicated."""

    txn_id: str
    body: str
    html: str | None = None
    kind: MessageKind = MessageKind.TEXT
    reply_to: str | None = None
    attachments: tuple[Attachment, ...] = ()
    thread_root: str | None = None  # remote id of the thread's first message, to answer in it
    mentions: tuple[str, ...] = ()
    """Native ids of the members the person picked by name (the composer's completion): the
    service notifies them, where it can (Matrix ``m.mentions`` and pills)."""
    replaced_body: str = ""
    """Edits only: the text being corrected, so a service can tell what the edit newly says
    (Matrix notifies only those an edit newly mentions)."""


@dataclass(frozen=True, slots=True)
class SendResult:
    """The outcome of handing a message to the service.

    ``confirmed``: the service acknowledged it (it may leave the outbox). When a confirmation arrives
    later (stream-management ack, IRC echo-message) return ``confirmed=False`` and report a
    :class:`~app.facts.DeliveryUpdated` with the ``txn_id`` when it comes.
    """

    remote_id: str | None = None
    confirmed: bool = True
    state: DeliveryState = DeliveryState.SENT
    failure: Failure | None = None
    trust: Trust | None = None
    """How the message went end to end, when the service encrypted it (None: as stored)."""

    @property
    def ok(self) -> bool:
        return self.failure is None


@dataclass(frozen=True, slots=True)
class Outcome:
    """Result of any other command: ``value`` on success (e.g. a new room's native id)."""

    failure: Failure | None = None
    value: str | None = None

    @property
    def ok(self) -> bool:
        return self.failure is None


class SecretAccess(Protocol):
    """This account's secrets in the system keyring. Blocking I/O happens off the core loop."""

    async def get(self, key: str) -> str | None: ...

    async def set(self, key: str, value: str) -> None: ...

    async def delete(self, key: str) -> None: ...


class StateAccess(Protocol):
    """Small per-account values a backend must keep across restarts (sync tokens, device ids).

    Stored by the core in the account's store, so the backend never touches the database.
    """

    async def get(self, key: str) -> str | None: ...

    async def set(self, key: str, value: str | None) -> None: ...


@dataclass(frozen=True, slots=True)
class NetworkSettings:
    """How this machine reaches the network, the same for every backend and account.

    The person's system decides by default; the core sets it from its own context
    (``CoreContext.network``), which is how the tests point XMPP discovery at the DNS server and
    HTTPS site they run on loopback. A backend that looks services up honours it."""

    dns_servers: tuple[str, ...] = ()
    """DNS servers ("ip" or "ip:port") to ask instead of the system's resolver."""
    discovery_https_port: int = 443
    """The HTTPS port of well-known discovery documents (XMPP host-meta)."""


@dataclass(frozen=True)
class BackendContext:
    """Everything a backend gets from the core: its account and the ways to talk back."""

    account_id: str
    settings: Mapping[str, str | int | bool]
    secrets: SecretAccess
    state: StateAccess
    report: Callable[[Fact], None]
    """Report a fact. Call it from the core's event loop thread (the one running the backend)."""
    report_threadsafe: Callable[[Fact], None]
    """Report from any other thread (a protocol library running its own thread)."""
    logger: logging.LoggerAdapter[logging.Logger]
    data_dir: Path
    """A private folder for files the backend keeps (encryption keys …); deleted with the account."""
    network: NetworkSettings = field(default_factory=NetworkSettings)
    """DNS servers and discovery ports to use instead of the system's (see the class)."""
    probe: bool = False
    """A connection test ("test connection" in the account dialog): sign in to prove the settings
    work, then leave nothing behind on the server (no extra device, no keys) or on disk."""


class Backend(abc.ABC):
    """The required base of every service plugin.

    One instance serves one account for one session: the core creates it, calls :meth:`connect`,
    and creates a fresh instance after a :meth:`disconnect`.
    """

    api_version: ClassVar[int] = API_VERSION
    protocol_id: ClassVar[str]
    display_name: ClassVar[str]
    account_fields: ClassVar[Sequence[AccountField]]
    send_features: ClassVar[Capability] = Capability.NONE
    """What ``send_message`` honours beyond text: ``REPLIES``, ``IDEMPOTENT_SEND`` (only these)."""

    own_id: str = ""
    """Our own native id on the service (JID, user id, current nick), once known."""

    def __init__(self, ctx: BackendContext) -> None:
        self.ctx = ctx

    @abc.abstractmethod
    async def connect(self) -> ConnectResult:
        """Sign in. Return once the session is usable, or with the reason it is not."""

    @abc.abstractmethod
    async def disconnect(self) -> None:
        """Close the session politely. Must be safe to call twice and on a dead connection."""

    @abc.abstractmethod
    async def send_message(self, conv: ConversationId, msg: OutgoingMessage) -> SendResult:
        """Send a message; see :class:`SendResult` for when it counts as confirmed."""

    def capabilities(self, conv: ConversationId | None = None) -> Capability:
        """What can be done now, for the account (``conv=None``) or one conversation.

        By default everything the implemented interfaces declare. Override only to *narrow*
        (``declared_capabilities(type(self)) & ~…``): the core ignores any flag the backend's
        interfaces do not back (:func:`effective_capabilities`)."""
        return declared_capabilities(type(self))

    async def open_direct(self, contact: str) -> Outcome:
        """The native id of the 1:1 conversation with ``contact`` (``Outcome.value``).

        By default the contact's own id. Override where they differ: Matrix talks to a person
        in a (possibly new) room, IRC folds the nick's case.
        """
        return Outcome(value=contact)

    async def conversation_opened(self, conv: ConversationId) -> None:
        """The person opened ``conv`` in the window (asked again when its details are).

        A backend may get ready what that conversation needs, in the background: the XMPP
        backend loads its OMEMO stack for an encrypted one, so the trust shown is current.
        Nothing by default. Must return at once and may be called more than once.
        """
        return None

    @classmethod
    def account_label(cls, settings: Mapping[str, str | int | bool]) -> str:
        """A short human name for an account with these settings (default: the first field)."""
        if cls.account_fields:
            return str(settings.get(cls.account_fields[0].name, "")) or cls.display_name
        return cls.display_name

    @classmethod
    def validate_settings(cls, settings: Mapping[str, str | int | bool]) -> dict[str, str]:
        """Field name → problem, beyond what :class:`AccountField` declares. Empty when valid."""
        return {}


class SupportsGroupChat(abc.ABC):
    """Being in rooms: joining, leaving, answering invitations. Running them is separate:
    :class:`SupportsInvites`, :class:`SupportsKicking`, :class:`SupportsBanning`,
    :class:`SupportsTopic`, :class:`SupportsRoomCreation`, :class:`SupportsRoomAdmin`."""

    @abc.abstractmethod
    async def join(self, room: str, nick: str = "", password: str = "") -> Outcome:
        """Join a room/channel; ``Outcome.value`` is its native id."""

    @abc.abstractmethod
    async def leave(self, conv: ConversationId, reason: str = "") -> Outcome: ...

    async def create_room(self, name: str, *, public: bool = False) -> Outcome:
        """The plain form of creating a room, used only without :class:`SupportsRoomCreation`."""
        return Outcome(
            Failure(FailureKind.UNSUPPORTED, CoreMessages.tr("This service cannot create rooms."))
        )

    async def answer_invite(self, conv: ConversationId, accept: bool) -> Outcome:
        if accept:
            return await self.join(conv.native_id)
        return Outcome()

    async def fetch_members(self, conv: ConversationId) -> Outcome:
        """Report the complete member list (for services that load members lazily)."""
        return Outcome()


class SupportsInvites(abc.ABC):
    """Inviting someone into a room (flag ``INVITE``)."""

    @abc.abstractmethod
    async def invite(self, conv: ConversationId, contact: str, reason: str = "") -> Outcome: ...


class SupportsKicking(abc.ABC):
    """Removing someone from a room (flag ``KICK``)."""

    @abc.abstractmethod
    async def kick(self, conv: ConversationId, member: str, reason: str = "") -> Outcome: ...


class SupportsBanning(abc.ABC):
    """Keeping someone out of a room (flag ``BAN``): ``member`` is a member id, an address or
    (IRC) a mask."""

    @abc.abstractmethod
    async def ban(self, conv: ConversationId, member: str, reason: str = "") -> Outcome: ...

    @abc.abstractmethod
    async def unban(self, conv: ConversationId, member: str, reason: str = "") -> Outcome: ...


class SupportsTopic(abc.ABC):
    """Changing a room's topic, subject or description (flag ``TOPIC``)."""

    @abc.abstractmethod
    async def set_topic(self, conv: ConversationId, topic: str) -> Outcome: ...


class RoomFeature(enum.Flag):
    """Which :class:`RoomOptions` a service honours, so a dialog shows only those."""

    NONE = 0
    NAME = enum.auto()
    TOPIC = enum.auto()  # a topic, subject or description
    ADDRESS = enum.auto()  # a chosen address (MUC local part, Matrix alias, IRC channel)
    PUBLIC = enum.auto()  # listed in the service's room directory
    INVITE_ONLY = enum.auto()  # members / invited people only
    KNOCK = enum.auto()  # others may ask to join
    PASSWORD = enum.auto()
    PERSISTENT = enum.auto()  # stays when the last person leaves
    MODERATED = enum.auto()  # only people with a voice (or a role) may speak
    ENCRYPTED = enum.auto()  # end-to-end encrypted
    INVITEES = enum.auto()  # people invited as it is created


@dataclass(frozen=True, slots=True)
class RoomOptions:
    """How a room we create or run is set up. A service uses what its :class:`RoomFeature`
    flags say it honours (IRC channel modes: not ``public`` is +s, ``password`` +k,
    ``invite_only`` +i, ``moderated`` +m; a MUC's configuration form; Matrix ``createRoom``)."""

    public: bool = False
    password: str = ""
    invite_only: bool = False
    moderated: bool = False
    name: str = ""
    topic: str = ""
    address: str = ""  # "" lets the service (or the name) choose
    persistent: bool = True
    knock: bool = False
    encrypted: bool = False
    invite: tuple[str, ...] = ()  # addresses of people to invite once it exists


@dataclass(frozen=True, slots=True)
class RoomSettings:
    """A room as it is set up now, and what we may change in it (for a settings dialog)."""

    options: RoomOptions
    editable: RoomFeature = RoomFeature.NONE  # what our power in the room lets us change
    roles: tuple[Role, ...] = ()  # the roles we may give (most powerful first)
    can_ban: bool = False
    can_close: bool = False  # destroy (MUC), close (Matrix: everyone out, no way back in)


@dataclass(frozen=True, slots=True)
class BanEntry:
    """One entry of a room's ban list: a mask (IRC ``nick!user@host``) or an address."""

    mask: str
    set_by: str = ""
    set_at: datetime | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Endpoint:
    """One place someone is signed in from (an XMPP resource, a Matrix device)."""

    id: str
    name: str = ""  # a device's display name
    client: str = ""  # software and version, where the service tells (XEP-0092)
    presence: Presence | None = None


@dataclass(frozen=True, slots=True)
class ContactDetails:
    """What the service tells about someone, for a details view (IRC: WHOIS; XMPP: their
    resources and clients; Matrix: their profile and devices)."""

    address: str  # IRC: nick!user@host; XMPP: bare JID; Matrix: user id
    online: bool = True
    real_name: str = ""  # IRC real name; the profile's display name elsewhere
    account: str = ""  # the services account they are signed in to
    server: str = ""
    channels: tuple[str, ...] = ()
    idle_seconds: int | None = None
    signed_on: datetime | None = None
    away: str = ""  # their away message, when away
    secure: bool = False  # connected with TLS
    operator: bool = False  # a network operator
    presence: Presence | None = None
    endpoints: tuple[Endpoint, ...] = ()


class SupportsRoomCreation(abc.ABC):
    """Creating a room with its options set from the start (a MUC configured before it
    unlocks, Matrix ``createRoom`` with its preset and invitees, an IRC channel and its modes)."""

    room_features: ClassVar[RoomFeature] = RoomFeature.NAME

    @abc.abstractmethod
    async def create_room_with(self, options: RoomOptions) -> Outcome:
        """Create a room we own; ``Outcome.value`` is its native id. A room that already
        exists (someone else's) is refused, never silently joined."""


class SupportsRoomAdmin(abc.ABC):
    """Running a room: its settings, people's roles and the ban list."""

    @abc.abstractmethod
    async def room_settings(self, conv: ConversationId) -> RoomSettings | Failure:
        """How the room is set up now and what we may change."""

    @abc.abstractmethod
    async def configure_room(self, conv: ConversationId, options: RoomOptions) -> Outcome:
        """Change the room to ``options`` (only what differs need be sent)."""

    @abc.abstractmethod
    async def set_role(self, conv: ConversationId, member: str, role: Role) -> Outcome:
        """Give ``member`` (a member id, or an address for someone not in the room) exactly
        ``role``, taking away higher ones."""

    @abc.abstractmethod
    async def ban_list(self, conv: ConversationId) -> tuple[BanEntry, ...] | Failure: ...


class SupportsRoomClosing(abc.ABC):
    """Ending a room for everyone, where the service allows (MUC destroy; Matrix: everyone
    removed and the room closed to joins)."""

    @abc.abstractmethod
    async def close_room(self, conv: ConversationId, reason: str = "") -> Outcome: ...


class SupportsContactDetails(abc.ABC):
    @abc.abstractmethod
    async def contact_details(self, contact: str) -> ContactDetails | Failure: ...


class SupportsRoster(abc.ABC):
    @abc.abstractmethod
    async def add_contact(self, contact: str, name: str = "", message: str = "") -> Outcome: ...

    @abc.abstractmethod
    async def remove_contact(self, contact: str) -> Outcome: ...

    async def rename_contact(self, contact: str, name: str) -> Outcome:
        return Outcome(
            Failure(
                FailureKind.UNSUPPORTED, CoreMessages.tr("This service cannot rename contacts.")
            )
        )

    async def answer_subscription(self, contact: str, accept: bool) -> Outcome:
        return Outcome(
            Failure(FailureKind.UNSUPPORTED, CoreMessages.tr("This service has no subscriptions."))
        )


class SupportsPresence(abc.ABC):
    @abc.abstractmethod
    async def set_presence(self, presence: Presence) -> Outcome: ...


class SupportsTyping(abc.ABC):
    @abc.abstractmethod
    async def send_typing(self, conv: ConversationId, typing: bool) -> None: ...


class SupportsReceipts(abc.ABC):
    @abc.abstractmethod
    async def send_read_marker(self, conv: ConversationId, remote_id: str) -> None: ...


class SupportsHistory(abc.ABC):
    @abc.abstractmethod
    async def fetch_history(
        self, conv: ConversationId, before_remote_id: str | None, limit: int
    ) -> Outcome:
        """Report up to ``limit`` older messages as facts (``history=True``).

        ``Outcome.value`` is ``"end"`` when the start of the conversation was reached.
        """


class SupportsFiles(abc.ABC):
    @abc.abstractmethod
    async def upload(
        self, conv: ConversationId, path: Path, progress: Callable[[int, int], None]
    ) -> Outcome:
        """Upload a file; ``Outcome.value`` is the URL to send in an attachment."""

    async def download(
        self, url: str, destination: Path, progress: Callable[[int, int], None]
    ) -> Outcome:
        """Fetch an attachment into ``destination`` (only ever called when the user allows)."""
        return Outcome(
            Failure(FailureKind.UNSUPPORTED, CoreMessages.tr("This service cannot download files."))
        )


class SupportsFileOffers(abc.ABC):
    """Files offered person to person that the user accepts first (IRC DCC from strangers):
    offers arrive as :class:`~app.facts.FileOffered`."""

    @abc.abstractmethod
    async def answer_file_offer(self, offer_id: str, accept: bool) -> Outcome: ...


class SupportsVerification(abc.ABC):
    """End-to-end encryption: devices and interactive (SAS) verification.

    Progress is reported as :class:`~app.facts.VerificationChanged` facts (the emojis to compare
    arrive with ``VerificationState.COMPARE``); incoming requests arrive the same way with
    ``incoming=True``.
    """

    @abc.abstractmethod
    async def devices(self, contact: str) -> tuple[Device, ...] | Failure:
        """The known devices of ``contact`` (our own id for ours), with their trust."""

    @abc.abstractmethod
    async def start_verification(self, contact: str, device_id: str = "") -> Outcome:
        """Ask ``contact`` (one device, or all) to verify; ``Outcome.value`` is its id."""

    @abc.abstractmethod
    async def accept_verification(self, verification_id: str) -> Outcome: ...

    @abc.abstractmethod
    async def confirm_verification(self, verification_id: str, match: bool) -> Outcome:
        """The user compared the emojis: they match (trust the device) or not (cancel)."""

    @abc.abstractmethod
    async def cancel_verification(self, verification_id: str) -> Outcome: ...


class SupportsDeviceTrust(abc.ABC):
    """End-to-end encryption whose devices the user verifies by comparing fingerprints (OMEMO):
    no interactive protocol, the user marks a device verified, distrusts it, or takes that back.
    A session that broke (messages from a device cannot be decrypted) can be repaired on request.
    """

    @abc.abstractmethod
    async def devices(self, contact: str) -> tuple[Device, ...] | Failure:
        """The known devices of ``contact`` (our own id for ours), with fingerprints and trust."""

    @abc.abstractmethod
    async def set_device_trust(self, contact: str, device_id: str, trust: DeviceTrust) -> Outcome:
        """The user's decision about one device (VERIFIED after comparing, BLOCKED to
        distrust it, UNVERIFIED to take a decision back)."""

    @abc.abstractmethod
    async def repair_encryption(self, conv: ConversationId) -> Outcome:
        """Start new encryption sessions with the devices whose messages in ``conv`` could not
        be decrypted; only ever on the user's request."""


class SupportsRoomDirectory(abc.ABC):
    """A list of public rooms to browse and join (IRC's channel list, a MUC service's rooms,
    a Matrix server's public room directory)."""

    @abc.abstractmethod
    async def room_directory(
        self, query: str = "", limit: int = 500
    ) -> tuple[RoomListing, ...] | Failure:
        """Rooms matching ``query`` (all when empty), the most popular first, at most
        ``limit``."""


class SupportsKeyBackup(abc.ABC):
    """Server-side key backup, so a new device can read old encrypted messages."""

    @abc.abstractmethod
    async def create_key_backup(self, passphrase: str = "") -> Outcome:
        """Start backing up keys; ``Outcome.value`` is the recovery key to show once.

        With a ``passphrase`` (checked by the core: see ``app.core.encryption``) the storage
        key is derived from it, so the passphrase opens the storage on a new device; the
        recovery key returned is that same key, the fallback when the passphrase is forgotten.
        The passphrase is neither logged nor kept."""

    @abc.abstractmethod
    async def restore_key_backup(self, recovery_key: str) -> Outcome: ...


class SupportsLogout(abc.ABC):
    """Services where signing in leaves something on the server (a Matrix device) that
    removing the account must end. Called before the account's secrets are deleted, on the
    connected backend or on a fresh, unconnected one."""

    @abc.abstractmethod
    async def logout(self) -> Outcome: ...


@dataclass(frozen=True, slots=True)
class SignedInDevice:
    """One of our own sign-ins on the service (a Matrix device), as the server lists it."""

    device_id: str
    name: str = ""
    last_seen: datetime | None = None
    last_address: str = ""  # the IP address the server last saw it from
    current: bool = False  # this app's own sign-in


class SupportsSignedInDevices(abc.ABC):
    """Our sign-ins elsewhere, as Element's "Sessions": list them, rename them, and sign out
    the ones we no longer use or trust (a lost laptop). Signing out may ask the person to
    confirm (the account's password, or single sign-on in the browser)."""

    @abc.abstractmethod
    async def signed_in_devices(self) -> tuple[SignedInDevice, ...] | Failure: ...

    @abc.abstractmethod
    async def rename_device(self, device_id: str, name: str) -> Outcome: ...

    @abc.abstractmethod
    async def sign_out_devices(self, device_ids: tuple[str, ...]) -> Outcome:
        """Never this app's own sign-in (that is removing the account, :class:`SupportsLogout`)."""


class SupportsCommands(abc.ABC):
    """Slash commands only this service understands (IRC's /quote, /whois …)."""

    @abc.abstractmethod
    def command_names(self) -> tuple[str, ...]:
        """Lower-case names without the slash."""

    @abc.abstractmethod
    async def run_command(self, conv: ConversationId | None, name: str, args: str) -> Outcome: ...


class SupportsEdits(abc.ABC):
    @abc.abstractmethod
    async def edit_message(
        self, conv: ConversationId, target_remote_id: str, msg: OutgoingMessage
    ) -> SendResult: ...


class SupportsReactions(abc.ABC):
    @abc.abstractmethod
    async def react(
        self, conv: ConversationId, target_remote_id: str, keys: tuple[str, ...]
    ) -> Outcome:
        """Set our reactions on a message to exactly ``keys``."""


class SupportsPolls(abc.ABC):
    """Polls (Matrix MSC3381): vote in one, end one we started, start one.

    Like reactions, a vote or an end is sent at once (not through the outbox): it is the
    latest state of a choice, and failing is reported to the person, who may choose again."""

    @abc.abstractmethod
    async def vote_poll(
        self, conv: ConversationId, poll_remote_id: str, answer_ids: tuple[str, ...]
    ) -> Outcome:
        """Send our vote: exactly ``answer_ids`` (empty takes our vote back)."""

    @abc.abstractmethod
    async def end_poll(self, conv: ConversationId, poll_remote_id: str) -> Outcome: ...

    @abc.abstractmethod
    async def start_poll(
        self,
        conv: ConversationId,
        question: str,
        answers: tuple[str, ...],
        *,
        disclosed: bool = True,
        max_selections: int = 1,
    ) -> SendResult: ...


class SupportsRetraction(abc.ABC):
    @abc.abstractmethod
    async def retract(self, conv: ConversationId, target_remote_id: str) -> Outcome: ...


class SupportsModeration(abc.ABC):
    """A room moderator removes someone else's message for everyone (XMPP XEP-0425). The
    service then tells every occupant, us included: the store changes when that comes back."""

    @abc.abstractmethod
    async def moderate(
        self, conv: ConversationId, target_remote_id: str, reason: str
    ) -> Outcome: ...


class SupportsThreads(abc.ABC):
    """Threads: replies gathered under a first message (Matrix ``m.thread``). Sending in one
    is :attr:`OutgoingMessage.thread_root`; replies arrive with ``thread_root`` set."""

    @abc.abstractmethod
    async def fetch_thread(self, conv: ConversationId, root_remote_id: str, limit: int) -> Outcome:
        """Report a thread's first message and up to ``limit`` of its newest replies
        (``history=True``); ``Outcome.value`` is ``"end"`` when every reply was reported."""

    @abc.abstractmethod
    async def send_thread_read_marker(
        self, conv: ConversationId, root_remote_id: str, remote_id: str
    ) -> None:
        """We read a thread up to ``remote_id`` (Matrix: a threaded read receipt where the
        server knows them, else an ordinary one)."""


class SupportsSpaces(abc.ABC):
    """Spaces: groups of rooms (Matrix ``m.space``). The spaces one is in arrive as
    :class:`~app.facts.SpaceUpdated`; what one holds, joined or not, is asked here."""

    @abc.abstractmethod
    async def space_hierarchy(
        self, space: ConversationId, limit: int = 1000
    ) -> SpaceHierarchy | Failure:
        """The rooms and sub-spaces of ``space`` (at most ``limit``), to browse and join."""


class SupportsLinkPreviews(abc.ABC):
    """Link previews made by the service (Matrix: the homeserver's ``preview_url``)."""

    @abc.abstractmethod
    async def link_preview(self, url: str) -> LinkPreview | Failure:
        """The service's preview of ``url`` (an http(s) link)."""

    @abc.abstractmethod
    async def preview_image(self, preview: LinkPreview, dest: Path) -> Outcome:
        """Fetch a small thumbnail of the preview's image to ``dest`` (bounded in size)."""


class SupportsBlocking(abc.ABC):
    """Blocking people: their messages, invitations and requests never reach us. A blocked
    person is reported as a contact with ``blocked=True`` (the account's "Blocked" list)."""

    @abc.abstractmethod
    async def set_blocked(self, contact: str, blocked: bool) -> Outcome:
        """``contact``: an address, or (IRC) a ``nick!user@host`` mask."""


@dataclass(frozen=True, slots=True)
class AvatarImage:
    """A picture as the service gave it (PNG, JPEG, GIF or WebP bytes)."""

    data: bytes
    mime_type: str = ""


class SupportsAvatars(abc.ABC):
    """Pictures of people and rooms. The backend reports :class:`~app.facts.AvatarChanged`
    with an opaque ``ref`` that changes whenever the picture does (an XMPP hash, a Matrix
    ``mxc://`` URL); the core keeps a copy per account on disk and asks for the bytes only for
    a ref it has not stored yet."""

    @abc.abstractmethod
    async def fetch_avatar(self, ref: str) -> AvatarImage | Failure:
        """The picture ``ref`` names; small (a thumbnail where the service makes them)."""


# -- signing in and signing up ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FormField:
    """One input of a form a service sends while an account is made (XEP-0077 data forms,
    Matrix user-interactive auth stages, NickServ's e-mail): filled in by the person, returned
    by ``name`` in the answers."""

    name: str
    label: str
    kind: FieldKind = FieldKind.TEXT
    required: bool = False
    value: str = ""
    choices: tuple[str, ...] = ()
    help: str = ""
    media: bytes = b""
    """An image to show beside the field (a CAPTCHA), of ``media_type``."""
    media_type: str = ""
    link: str = ""
    """A page to read before answering (the terms), opened in the browser."""


@dataclass(frozen=True, slots=True)
class SignUpForm:
    """One step of making an account: what to fill in. ``errors`` maps a field name to what
    was wrong with the last answer ("" for the form as a whole). ``url``: a step only a web
    page can do (a CAPTCHA the app cannot show, the server's own sign-up page) — open it, then
    answer the form again (empty answers continue)."""

    title: str
    instructions: str = ""
    fields: tuple[FormField, ...] = ()
    errors: Mapping[str, str] = field(default_factory=dict)
    url: str = ""


@dataclass(frozen=True, slots=True)
class Credentials:
    """What a finished sign-up or browser sign-in leaves: the account's settings and the
    secrets that go to the keyring (never to a file)."""

    settings: Mapping[str, str | int | bool]
    secrets: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class IdentityProvider:
    """A single sign-on provider a server offers ("Sign in with …")."""

    id: str
    name: str
    brand: str = ""


@dataclass(frozen=True, slots=True)
class SignInMethods:
    """How an account can sign in on its server, found before asking for anything."""

    password: bool = True
    providers: tuple[IdentityProvider, ...] = ()
    browser: bool = False
    """The server signs in only through its web page (OAuth 2.0 / OIDC, no password)."""
    sign_up: bool = False
    server: str = ""
    """The server that was found (shown to the person)."""


class SupportsSignUp(abc.ABC):
    """Making a new account on the service from the app.

    Runs on an instance made for the sign-up (its settings are what the person typed so far).
    The first call gets ``{}`` and returns the first form; each answer returns the next form
    (another stage, a fresh CAPTCHA, or the same form with ``errors``), the new account's
    :class:`Credentials`, or a :class:`Failure` (the server refuses new accounts, a step the
    app cannot do). :meth:`cancel_sign_up` ends it early.
    """

    @abc.abstractmethod
    async def sign_up(
        self, answers: Mapping[str, str | bool]
    ) -> SignUpForm | Credentials | Failure: ...

    async def cancel_sign_up(self) -> None:
        """Close whatever the sign-up keeps open (a stream, a listener)."""
        return None


class SupportsBrowserSignIn(abc.ABC):
    """Sign-in through a web page in the system browser (single sign-on, OAuth 2.0)."""

    @abc.abstractmethod
    async def sign_in_methods(self) -> SignInMethods | Failure:
        """Ask the server how one signs in there (before anything is saved)."""

    @abc.abstractmethod
    async def sign_in_with_browser(
        self, provider_id: str, open_url: Callable[[str], None]
    ) -> Credentials | Failure:
        """Open ``open_url(url)`` on the provider's page and wait for the browser to come back;
        the credentials are those of the signed-in session (a soft-logged-out account keeps its
        device)."""


_INTERFACE_CAPABILITIES: tuple[tuple[type, Capability], ...] = (
    (SupportsGroupChat, Capability.GROUP_CHAT),
    (SupportsInvites, Capability.INVITE),
    (SupportsKicking, Capability.KICK),
    (SupportsBanning, Capability.BAN),
    (SupportsTopic, Capability.TOPIC),
    (SupportsTyping, Capability.TYPING),
    (SupportsReceipts, Capability.READ_RECEIPTS),
    (SupportsHistory, Capability.HISTORY),
    (SupportsFiles, Capability.FILES),
    (SupportsEdits, Capability.EDITS),
    (SupportsReactions, Capability.REACTIONS),
    (SupportsRetraction, Capability.RETRACTIONS),
    (SupportsModeration, Capability.MODERATION),
    (SupportsPolls, Capability.POLLS),
    (SupportsVerification, Capability.ENCRYPTION),
    (SupportsDeviceTrust, Capability.ENCRYPTION),
    (SupportsBlocking, Capability.BLOCKING),
    (SupportsCommands, Capability.COMMANDS),
    (SupportsThreads, Capability.THREADS),
    (SupportsLinkPreviews, Capability.LINK_PREVIEWS),
)


@functools.cache
def declared_capabilities(backend_cls: type[Backend]) -> Capability:
    """Everything ``backend_cls`` can do at best: one flag per interface it implements, and its
    :attr:`Backend.send_features`."""
    caps = backend_cls.send_features & SEND_FEATURES
    for interface, flag in _INTERFACE_CAPABILITIES:
        if issubclass(backend_cls, interface):
            caps |= flag
    return caps


def effective_capabilities(backend: Backend, conv: ConversationId | None = None) -> Capability:
    """What the core and the UI may use: what the backend says now, within what it declares."""
    return declared_capabilities(type(backend)) & backend.capabilities(conv)


def as_capable(backend: Backend | None, mixin: type[M]) -> M | None:
    """``backend`` viewed as an optional mixin it implements, else None.

    A plain ``isinstance`` would do at run time; this keeps type checkers (which cannot intersect
    two ABCs with abstract methods) able to follow the narrowing.
    """
    return backend if isinstance(backend, mixin) else None
