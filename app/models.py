"""Unified models every backend translates its protocol into.

All models are frozen dataclasses: they cross threads (core → Qt) and are shared between the store,
the event bus and the UI, so nobody may mutate one in place; changes make a new value with
``dataclasses.replace``. Every identity is ``(account_id, native_id)`` so two accounts that know the
same address still hold two different contacts (the silo rule).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime

from app.frozen import fast_init

AccountId = str
"""Local, stable id of an account (chosen by the core when the account is added)."""


@dataclass(frozen=True, slots=True, order=True)
class ContactId:
    """A person or bot as one account sees them (JID, Matrix user id, IRC nick)."""

    account_id: AccountId
    native_id: str


@dataclass(frozen=True, slots=True, order=True)
class ConversationId:
    """A 1:1 chat or a room/channel within one account."""

    account_id: AccountId
    native_id: str


@fast_init
@dataclass(frozen=True, slots=True, order=True)
class MessageId:
    """A message by its *local* id, which exists before the service assigns a remote one."""

    account_id: AccountId
    native_id: str


class ConversationKind(enum.StrEnum):
    DIRECT = "direct"
    GROUP = "group"


class DeliveryState(enum.StrEnum):
    """Where an outgoing message is. Only ever moves forward, except into FAILED."""

    PENDING = "pending"
    SENT = "sent"
    DELIVERED = "delivered"
    READ = "read"
    FAILED = "failed"

    @property
    def rank(self) -> int:
        return _DELIVERY_RANK[self]


_DELIVERY_RANK = {
    DeliveryState.FAILED: -1,
    DeliveryState.PENDING: 0,
    DeliveryState.SENT: 1,
    DeliveryState.DELIVERED: 2,
    DeliveryState.READ: 3,
}


class MessageKind(enum.StrEnum):
    TEXT = "text"
    NOTICE = "notice"  # IRC NOTICE, Matrix m.notice: never answered automatically
    EMOTE = "emote"  # /me
    SYSTEM = "system"  # joins, topic changes … shown but not counted as unread


class Direction(enum.StrEnum):
    INCOMING = "in"
    OUTGOING = "out"


class PresenceState(enum.StrEnum):
    AVAILABLE = "available"
    CHAT = "chat"
    AWAY = "away"
    EXTENDED_AWAY = "xa"
    DO_NOT_DISTURB = "dnd"
    OFFLINE = "offline"
    UNKNOWN = "unknown"


class Role(enum.StrEnum):
    """A member's power in a group, mapped from MUC roles/affiliations, power levels or IRC modes."""

    OWNER = "owner"
    ADMIN = "admin"
    MODERATOR = "moderator"
    MEMBER = "member"
    VISITOR = "visitor"


class ConnectionState(enum.StrEnum):
    DISABLED = "disabled"
    OFFLINE = "offline"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    WAITING = "waiting"  # lost or unreachable; retrying after a backoff
    FAILED = "failed"  # needs the user (wrong password, bad certificate, bad settings)


class Trust(enum.StrEnum):
    """How far a message (or a whole conversation) can be trusted to be private and authentic."""

    NONE = "none"  # not end-to-end encrypted
    VERIFIED = "verified"  # encrypted, and every device involved is verified
    UNVERIFIED = "unverified"  # encrypted, but some device involved is not verified
    UNDECRYPTABLE = "undecryptable"  # encrypted, and the key has not arrived (yet)
    PLAINTEXT = "plaintext"  # sent unencrypted into an encrypted conversation: a warning
    UNREADABLE = "unreadable"  # encrypted, and it cannot be decrypted (no key will come)


class DeviceTrust(enum.StrEnum):
    VERIFIED = "verified"
    UNVERIFIED = "unverified"
    BLOCKED = "blocked"


class VerificationState(enum.StrEnum):
    REQUESTED = "requested"  # asked, waiting for the other side to accept
    READY = "ready"  # both sides agreed to verify
    COMPARE = "compare"  # the short authentication string is shown: do they match?
    DONE = "done"
    CANCELLED = "cancelled"


class NotifyLevel(enum.StrEnum):
    ALL = "all"
    MENTIONS = "mentions"
    NONE = "none"


class DraftMode(enum.StrEnum):
    """What a draft was being written as: a new message, a reply, or an edit of one's own."""

    NEW = "new"
    REPLY = "reply"
    EDIT = "edit"


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_millis(ts: datetime) -> int:
    if ts.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return int(ts.timestamp() * 1000)


def from_millis(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, UTC)


@dataclass(frozen=True, slots=True)
class Presence:
    state: PresenceState = PresenceState.UNKNOWN
    status: str = ""
    last_seen: datetime | None = None
    """When they were last active, where the service says (XMPP idle or last activity, Matrix
    ``last_active_ago``); None when it does not."""


@dataclass(frozen=True, slots=True)
class Account:
    """A configured sign-in to one service. Secrets are never part of it (they live in the keyring)."""

    id: AccountId
    protocol_id: str
    display_name: str
    settings: Mapping[str, str | int | bool] = field(default_factory=dict)
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class Contact:
    id: ContactId
    display_name: str = ""
    presence: Presence = Presence()
    groups: tuple[str, ...] = ()
    subscription: str = ""  # protocol-defined (XMPP: none/to/from/both); "" when not applicable
    blocked: bool = False

    @property
    def name(self) -> str:
        return self.display_name or self.id.native_id


@dataclass(frozen=True, slots=True)
class Member:
    """Someone in a group conversation, with the role they hold there."""

    conversation_id: ConversationId
    native_id: str  # occupant/nick/user id as the service names them in this room
    display_name: str = ""
    role: Role = Role.MEMBER
    affiliation: str = ""  # protocol detail shown as-is (MUC affiliation, power level)
    contact: ContactId | None = None  # the real identity, when the service reveals it
    presence: Presence = Presence(PresenceState.AVAILABLE)

    @property
    def name(self) -> str:
        return self.display_name or self.native_id


@dataclass(frozen=True, slots=True)
class Draft:
    """What was written in a conversation's composer and not sent yet. Kept with the
    conversation in its account's store, so neither switching rooms nor a killed app loses it
    (Gajim, Element and Nheko keep one per conversation too). An edit in progress is a draft as
    well (Element's drafts are new, reply or edit); ``target`` is the local id of the message
    replied to or edited, "" for a new message."""

    text: str
    mode: DraftMode = DraftMode.NEW
    target: str = ""


@dataclass(frozen=True, slots=True)
class Conversation:
    id: ConversationId
    kind: ConversationKind
    title: str = ""
    topic: str = ""
    unread_count: int = 0
    mention_count: int = 0
    last_activity: datetime | None = None
    encrypted: bool = False
    notify: NotifyLevel = NotifyLevel.ALL
    joined: bool = True
    trust: Trust = Trust.NONE
    spell_language: str = ""  # the composer's: "" the default, "off", or a tag like "de_DE"
    draft: Draft | None = None  # the composer's unsent text here, None when there is none

    @property
    def name(self) -> str:
        return self.title or self.id.native_id


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file or image. ``url`` is the service's reference; ``local_path`` is set once downloaded.

    Audio and video may say how long they play (``duration_ms``); a voice message (recorded to be
    heard, not a music file) says so with ``voice`` and may carry its ``waveform``: amplitudes
    0..1024 from start to end (Matrix MSC3245/MSC3246), drawn before the file is fetched."""

    url: str
    filename: str = ""
    mime_type: str = ""
    size: int | None = None
    width: int | None = None
    height: int | None = None
    thumbnail_url: str = ""
    local_path: str = ""
    duration_ms: int | None = None
    waveform: tuple[int, ...] = ()
    voice: bool = False


@dataclass(frozen=True, slots=True)
class Reaction:
    key: str  # the emoji or short text
    senders: tuple[str, ...]  # native ids of who reacted


@dataclass(frozen=True, slots=True)
class PollAnswer:
    """One answer a poll offers, with the votes it has (0 while the results are hidden)."""

    id: str  # the service's id of the answer, what a vote names
    text: str
    votes: int = 0


@dataclass(frozen=True, slots=True)
class Poll:
    """A poll a message carries (Matrix MSC3381): the question, its answers and the tally.

    The tally is worked out by the core (app.polls) from every vote it has seen, so ``votes``,
    ``voters`` and ``mine`` are what the rules count, not what the sender's client claimed.
    An undisclosed poll's counts are kept but only shown once it has ended."""

    question: str
    answers: tuple[PollAnswer, ...]
    disclosed: bool = False
    max_selections: int = 1
    ended: bool = False
    voters: int = 0  # people whose vote counts (a spoiled or empty vote does not)
    mine: tuple[str, ...] = ()  # the answer ids of our own vote that counts

    @property
    def results_shown(self) -> bool:
        return self.disclosed or self.ended


@dataclass(frozen=True, slots=True)
class ThreadSummary:
    """What a thread's first message shows under it: how many replies, and the latest one.

    ``count`` may be larger than the replies stored here: the service counts them all
    (Matrix bundles a thread's summary with its root)."""

    count: int
    latest_sender: str = ""
    latest_sender_name: str = ""
    latest_body: str = ""
    latest_timestamp: datetime | None = None
    participated: bool = False  # we replied in it (or started it)


@dataclass(frozen=True, slots=True)
class Moderation:
    """A room moderator removed the message: who (``by``: their id or nick, ``""`` when the
    service did not say) and why (``reason``, ``""`` when none was given)."""

    by: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Cursor:
    """A position in a conversation, for paging backwards: (server time in ms, store sequence)."""

    timestamp_ms: int
    seq: int


@fast_init
@dataclass(frozen=True, slots=True)
class Message:
    """One message as stored and shown.

    ``html`` is already sanitised (the core does it once, on the way in); ``body`` is the plain text
    every message has, used for search, notifications and screen readers.
    """

    id: MessageId
    conversation_id: ConversationId
    sender: str  # native id of the sender in this conversation
    sender_name: str
    timestamp: datetime  # server time when known, else the local receive time
    body: str
    direction: Direction = Direction.INCOMING
    kind: MessageKind = MessageKind.TEXT
    remote_id: str | None = None
    html: str | None = None
    attachments: tuple[Attachment, ...] = ()
    reply_to: str | None = None  # remote id of the message answered
    edited: bool = False
    retracted: bool = False
    delivery: DeliveryState = DeliveryState.SENT
    failure_reason: str = ""
    reactions: tuple[Reaction, ...] = ()
    mentions_me: bool = False
    ref_id: str | None = None  # a second id the service refers to it by (see facts.MessageReceived)
    trust: Trust = Trust.NONE
    seq: int = 0  # store sequence; 0 until persisted
    thread_root: str | None = None
    """Remote id of the thread's first message when this is a reply in a thread (shown in the
    thread, not in the conversation's main timeline)."""
    thread: ThreadSummary | None = None  # on a thread's first message: its replies
    poll: Poll | None = None  # a poll's question, answers and tally (``body``: its text form)
    moderation: Moderation | None = None  # on a message a room moderator removed: who and why
    occupant_id: str | None = None
    """Who wrote it in a room that vouches for it (XMPP XEP-0421): the same for one person under
    any nick, different for the next person who takes the nick."""

    @property
    def in_thread(self) -> bool:
        return self.thread_root is not None

    @property
    def local_id(self) -> str:
        return self.id.native_id

    @property
    def cursor(self) -> Cursor:
        return Cursor(to_millis(self.timestamp), self.seq)

    @property
    def outgoing(self) -> bool:
        return self.direction is Direction.OUTGOING

    def with_seq(self, seq: int) -> Message:
        """A copy with its store sequence set: ``replace(self, seq=seq)``, five times cheaper.

        The store gives every arriving message its ``seq`` (a flood: 20,000 copies), and
        ``dataclasses.replace`` re-checks every field and runs the frozen ``__init__`` (26 µs a
        message); this copies the slots straight through their descriptors. No field of
        ``Message`` has an ``__post_init__`` or validation a copy could skip.
        """
        new: Message = object.__new__(Message)
        for get, put in _MESSAGE_SLOTS:
            put(new, get(self))
        _SET_SEQ(new, seq)
        return new


def same_author(message: Message, sender: str, occupant_id: str | None) -> bool:
    """Whether ``sender`` (with the room's occupant id for them, if any) wrote ``message``.

    Where both carry an occupant id it decides: a nick passes from one person to the next
    (someone who takes a freed nick must not correct or delete the last holder's messages),
    and one person keeps their id under a new nick. Otherwise the sender ids must match."""
    if message.occupant_id and occupant_id:
        return message.occupant_id == occupant_id
    return message.sender == sender


_MESSAGE_SLOTS = tuple(
    (Message.__dict__[f.name].__get__, Message.__dict__[f.name].__set__)
    for f in fields(Message)
    if f.name != "seq"
)
_SET_SEQ = Message.__dict__["seq"].__set__


@dataclass(frozen=True, slots=True)
class Page:
    """A slice of a conversation, oldest first; ``before`` continues further back."""

    messages: tuple[Message, ...]
    before: Cursor | None  # pass back to get the previous page; None at the start of the store


@dataclass(frozen=True, slots=True)
class RoomListing:
    """A public room or channel a service lists in its directory (IRC LIST, MUC disco, Matrix
    public rooms); ``address`` is what joining it takes."""

    address: str
    name: str = ""
    topic: str = ""
    members: int | None = None  # None: the service does not say


@dataclass(frozen=True, slots=True)
class LinkPreview:
    """What a link leads to, as the service's preview of it says: a card under the message.

    Made by the service (the Matrix homeserver fetches the page), never by us: the person's
    address is not shown to every site a message links to. ``image_path`` is set once the
    preview's image (a small thumbnail) is on disk."""

    url: str
    title: str = ""
    description: str = ""
    site_name: str = ""
    image_url: str = ""  # the service's reference to the page's image (mxc://…)
    image_path: str = ""


@dataclass(frozen=True, slots=True)
class Space:
    """A group of rooms (a Matrix space): its rooms and sub-spaces, in the space's order.

    ``children`` are native ids; a child may be a room we are not in, or another space (a
    space may even list itself or its own parent: whoever walks the tree must stop)."""

    id: ConversationId
    title: str = ""
    topic: str = ""
    children: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SpaceRoom:
    """One room (or sub-space) of a space's hierarchy as the service lists it, joined or not;
    ``address`` is what joining it takes."""

    native_id: str
    address: str
    name: str = ""
    topic: str = ""
    members: int | None = None
    is_space: bool = False
    joined: bool = False
    parent: str = ""  # the space that lists it


@dataclass(frozen=True, slots=True)
class SpaceHierarchy:
    """What a space holds, as far as it was read: ``complete`` is False when the listing was
    cut short (a space of thousands of rooms is read only up to a limit)."""

    space: str
    rooms: tuple[SpaceRoom, ...]
    complete: bool = True


@dataclass(frozen=True, slots=True)
class Device:
    """One of a person's (or our own) devices, as end-to-end encryption knows it."""

    contact: str
    device_id: str
    display_name: str = ""
    fingerprint: str = ""  # the device's signing key, grouped for reading aloud
    trust: DeviceTrust = DeviceTrust.UNVERIFIED
    uri: str = ""  # for a QR code other apps scan to verify it (XMPP: ``xmpp:…?omemo-sid-…``)


@dataclass(frozen=True, slots=True)
class VerificationMethods:
    """How an account's devices are verified: interactively (Matrix SAS: both sides compare
    emojis) and/or by the user comparing fingerprints and marking devices (OMEMO)."""

    interactive: bool = False
    fingerprints: bool = False


@dataclass(frozen=True, slots=True)
class Verification:
    """An interactive verification (SAS) between us and someone's device."""

    id: str
    contact: str
    device_id: str = ""
    state: VerificationState = VerificationState.REQUESTED
    incoming: bool = False
    emojis: tuple[tuple[str, str], ...] = ()  # (emoji, its name) to compare
    decimals: tuple[int, ...] = ()
    reason: str = ""  # why it was cancelled
