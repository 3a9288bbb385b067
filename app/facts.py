"""Facts: what a backend reports about its service, in unified terms.

A backend never decides what to store, count or show; it states what happened ("message M arrived in
room R", "contact C went away") through ``BackendContext.report`` and the core's dispatch pipeline does
the rest, once, for every service. Facts carry native ids only: the account is implied by the context
that reported them, so a backend cannot speak for another silo.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from app.frozen import fast_init
from app.models import (
    Attachment,
    Contact,
    ConversationKind,
    DeliveryState,
    Member,
    MessageKind,
    Poll,
    Presence,
    ThreadSummary,
    Trust,
    Verification,
)


@dataclass(frozen=True, slots=True)
class Fact:
    """Base of everything a backend may report."""


@fast_init
@dataclass(frozen=True, slots=True)
class MessageReceived(Fact):
    """A message appeared in a conversation: live, from history, or sent by us elsewhere.

    ``html`` is the service's rich body as received; the core sanitises it, so a backend must never
    pre-trust it. ``outgoing`` marks our own messages (carbons, echoes, other devices); if
    ``txn_id`` is one of ours the fact confirms the outbox entry instead of adding a copy.
    """

    conversation: str
    sender: str
    body: str
    conversation_kind: ConversationKind = ConversationKind.DIRECT
    conversation_title: str = ""
    sender_name: str = ""
    remote_id: str | None = None
    timestamp: datetime | None = None  # server time; None means "now"
    html: str | None = None
    kind: MessageKind = MessageKind.TEXT
    attachments: tuple[Attachment, ...] = ()
    reply_to: str | None = None
    replaces: str | None = None  # remote id of the message this one corrects
    outgoing: bool = False
    txn_id: str | None = None
    history: bool = False  # from an archive/backfill: never unread, never notified
    mentions_me: bool = False
    trust: Trust = Trust.NONE
    ref_id: str | None = None
    """A second id others may use to refer to this message (XMPP: the sender's id, while
    ``remote_id`` is the archive's stanza-id). Corrections, replies, reactions and retractions
    are matched against ``remote_id``, then ``ref_id``, then our own local id."""
    thread_root: str | None = None  # remote id of the thread's first message (a reply in it)
    thread: ThreadSummary | None = None
    """On a thread's first message: the service's own summary of its replies (Matrix bundles
    it), which counts replies not stored here."""
    occupant_id: str | None = None
    """A room's own id for the sender, the same under any nick (XMPP XEP-0421); only from a
    room that vouches for it (strips anyone else's)."""
    remote_id_unique: bool = True
    """The service vouches that ``remote_id`` names this one message (a server-assigned id).
    False when the sender chose it (an XMPP id attribute or origin-id): then a different message
    under the same id is kept apart instead of being taken for a replay."""


class Received(NamedTuple):
    """One message of a :class:`MessagesReceived`: the fields of a :class:`MessageReceived` that
    differ from message to message (a tuple: a flood makes one per line)."""

    sender: str
    body: str
    sender_name: str = ""
    remote_id: str | None = None
    timestamp: datetime | None = None
    html: str | None = None
    kind: MessageKind = MessageKind.TEXT
    reply_to: str | None = None
    mentions_me: bool = False

    def fact(
        self,
        conversation: str,
        conversation_kind: ConversationKind,
        conversation_title: str,
        *,
        outgoing: bool = False,
        history: bool = False,
    ) -> MessageReceived:
        """This message as a :class:`MessageReceived` in the conversation given (one place that
        spells the fields out, for the batch and for a backend's message read alone)."""
        return MessageReceived(
            conversation=conversation,
            sender=self.sender,
            body=self.body,
            conversation_kind=conversation_kind,
            conversation_title=conversation_title,
            sender_name=self.sender_name,
            remote_id=self.remote_id,
            timestamp=self.timestamp,
            html=self.html,
            kind=self.kind,
            reply_to=self.reply_to,
            outgoing=outgoing,
            history=history,
            mentions_me=self.mentions_me,
        )


@dataclass(frozen=True, slots=True)
class MessagesReceived(Fact):
    """Messages of one conversation that arrived together (one read of a busy socket), oldest
    first: the same as a :class:`MessageReceived` for each, with the conversation's fields and
    ``history`` shared and every field a :class:`Received` leaves out at its default. So only
    *plain* messages fit (:meth:`fits`): incoming, without ``txn_id``, ``replaces``, attachments,
    a thread, a ``ref_id`` or encryption. The core stores them in one go, which is what a flood
    needs; anything else is reported on its own, in order."""

    conversation: str
    conversation_kind: ConversationKind
    conversation_title: str
    messages: tuple[Received, ...]
    history: bool = False

    @staticmethod
    def fits(fact: MessageReceived) -> bool:
        """Whether ``fact`` says nothing a :class:`MessagesReceived` cannot."""
        return (
            not fact.outgoing
            and fact.txn_id is None
            and fact.replaces is None
            and not fact.attachments
            and fact.trust is Trust.NONE
            and fact.ref_id is None
            and fact.thread_root is None
            and fact.thread is None
            and fact.remote_id_unique
        )

    @staticmethod
    def row(fact: MessageReceived) -> Received:
        """The :class:`Received` of a fact that :meth:`fits`."""
        return Received(
            fact.sender,
            fact.body,
            fact.sender_name,
            fact.remote_id,
            fact.timestamp,
            fact.html,
            fact.kind,
            fact.reply_to,
            fact.mentions_me,
        )

    def each(self) -> list[MessageReceived]:
        """The :class:`MessageReceived` each message stands for, in order."""
        return [
            m.fact(
                self.conversation,
                self.conversation_kind,
                self.conversation_title,
                history=self.history,
            )
            for m in self.messages
        ]


@dataclass(frozen=True, slots=True)
class MessageDecrypted(Fact):
    """A message stored as undecryptable (its key arrived late) can now be read: its content
    replaces the placeholder in place (no new message, not counted as unread again)."""

    conversation: str
    remote_id: str
    body: str
    trust: Trust
    html: str | None = None
    kind: MessageKind = MessageKind.TEXT
    attachments: tuple[Attachment, ...] = ()
    reply_to: str | None = None


@dataclass(frozen=True, slots=True)
class ThreadUpdated(Fact):
    """The service's summary of a thread changed (a reply arrived, was removed, or the
    summary came with its first message again)."""

    conversation: str
    root_remote_id: str
    summary: ThreadSummary


@dataclass(frozen=True, slots=True)
class VerificationChanged(Fact):
    """An interactive verification started, moved on (emojis to compare), ended or failed."""

    verification: Verification


@dataclass(frozen=True, slots=True)
class DeliveryUpdated(Fact):
    """An outgoing message moved on: the server confirmed it, the peer received or read it, or it failed.

    Identify it by ``txn_id`` (our local id) or ``remote_id``. With ``up_to`` every earlier outgoing
    message in the conversation reaches the state too (XEP-0333 markers, Matrix read receipts).
    """

    conversation: str
    state: DeliveryState
    remote_id: str | None = None
    txn_id: str | None = None
    up_to: bool = False
    reason: str = ""


@dataclass(frozen=True, slots=True)
class MessageRetracted(Fact):
    """A message removed for everyone. Only its sender may (``by`` empty: the service vouches),
    unless ``moderator``: the backend checked that ``by`` may remove others' messages in the room
    (a Matrix redaction by someone with the power level to redact), which then shows as a
    moderator's removal with its ``reason``."""

    conversation: str
    remote_id: str
    by: str = ""
    moderator: bool = False
    reason: str = ""
    occupant_id: str | None = None  # the room's id for ``by`` (see MessageReceived.occupant_id)


@dataclass(frozen=True, slots=True)
class MessageModerated(Fact):
    """A room moderator removed someone's message for everyone (XEP-0425); the backend reports it
    only when the room itself says so. ``moderator`` is their name in the room ("" if unsaid)."""

    conversation: str
    remote_id: str
    moderator: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class ReactionChanged(Fact):
    """One sender added or removed one reaction (Matrix annotations, IRC +draft/react)."""

    conversation: str
    target_remote_id: str
    sender: str
    key: str
    added: bool = True


@dataclass(frozen=True, slots=True)
class ReactionsReplaced(Fact):
    """A sender's whole reaction set on a message (XEP-0444 sends the full set each time)."""

    conversation: str
    target_remote_id: str
    sender: str
    keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PollStarted(Fact):
    """The message ``remote_id`` (reported just before, with the poll's text form as its body)
    is a poll: its question and answers (``poll``'s tally is empty)."""

    conversation: str
    remote_id: str
    poll: Poll


@dataclass(frozen=True, slots=True)
class PollVoted(Fact):
    """A vote in a poll: ``selections`` as sent (the core applies the rules: app.polls).
    ``own``: the vote is ours (from this or another of our devices). ``remote_id``: the vote's
    own id, so its removal (a :class:`MessageRetracted` naming it) takes it back."""

    conversation: str
    target_remote_id: str
    sender: str
    timestamp: datetime  # the server's time: which vote is latest, and before the end
    selections: tuple[str, ...]
    own: bool = False
    remote_id: str = ""


@dataclass(frozen=True, slots=True)
class PollEnded(Fact):
    """Someone ended a poll: its sender's end counts, or a moderator's (``moderator``: the
    sender may redact others' messages there, MSC3381); any other is ignored by the core."""

    conversation: str
    target_remote_id: str
    sender: str
    timestamp: datetime
    moderator: bool = False


@dataclass(frozen=True, slots=True)
class ConversationUpdated(Fact):
    """A conversation exists or changed. ``None`` fields are left as they were."""

    conversation: str
    kind: ConversationKind
    title: str | None = None
    topic: str | None = None
    encrypted: bool | None = None
    joined: bool | None = None
    unread_count: int | None = None  # only when the service counts for us (Matrix)
    mention_count: int | None = None
    trust: Trust | None = None  # encrypted conversations: are all the devices verified?


@dataclass(frozen=True, slots=True)
class ConversationLeft(Fact):
    conversation: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class MembersChanged(Fact):
    """Members joined, changed or left; with ``complete`` the list replaces what was known."""

    conversation: str
    upserted: tuple[Member, ...] = ()
    removed: tuple[str, ...] = ()
    complete: bool = False


@dataclass(frozen=True, slots=True)
class ContactsChanged(Fact):
    upserted: tuple[Contact, ...] = ()
    removed: tuple[str, ...] = ()
    complete: bool = False


@dataclass(frozen=True, slots=True)
class PresenceChanged(Fact):
    contact: str
    presence: Presence


@dataclass(frozen=True, slots=True)
class OwnPresenceChanged(Fact):
    presence: Presence


@dataclass(frozen=True, slots=True)
class TypingChanged(Fact):
    conversation: str
    sender: str
    typing: bool


@dataclass(frozen=True, slots=True)
class ReadUpTo(Fact):
    """We read the conversation up to a message on another device: unread counts drop."""

    conversation: str
    remote_id: str | None = None


@dataclass(frozen=True, slots=True)
class SubscriptionRequested(Fact):
    """Someone asks to see our presence / add us; the user decides.

    ``declining_blocks``: on this service saying no blocks the sender (Delta Chat's contact
    requests), so the window offers "Block" rather than "Decline"."""

    contact: str
    display_name: str = ""
    message: str = ""
    declining_blocks: bool = False


@dataclass(frozen=True, slots=True)
class FileOffered(Fact):
    """Someone not in the contacts offers a file (IRC DCC): the user decides whether to see it.

    Answered through the backend's ``SupportsFileOffers``; accepted, the offer arrives as an
    ordinary message with the file attached."""

    contact: str
    offer_id: str
    filename: str
    size: int | None = None


@dataclass(frozen=True, slots=True)
class InviteReceived(Fact):
    conversation: str
    inviter: str
    reason: str = ""
    password: str = ""
    kind: ConversationKind = ConversationKind.GROUP


@dataclass(frozen=True, slots=True)
class ConnectionLost(Fact):
    """The session ended without us asking. The core decides whether and when to reconnect."""

    reason: str
    retryable: bool = True


@dataclass(frozen=True, slots=True)
class Progress(Fact):
    """Long work the user should see moving (initial sync, history fetch, upload)."""

    task: str
    label: str
    done: int
    total: int | None = None  # None: unknown amount

    @property
    def finished(self) -> bool:
        return self.total is not None and self.done >= self.total


@dataclass(frozen=True, slots=True)
class ServiceNotice(Fact):
    """Text from the service itself (MOTD, server notices, errors worth showing)."""

    text: str
    conversation: str | None = None


@dataclass(frozen=True, slots=True)
class SpaceUpdated(Fact):
    """A space exists or changed (``None`` fields are left as they were). A space is no
    conversation: a conversation of the same id is removed."""

    space: str
    title: str | None = None
    topic: str | None = None
    children: tuple[str, ...] | None = None  # all of them (replaces what was known)
    added: tuple[str, ...] = ()  # or changes to what was known
    removed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SpaceLeft(Fact):
    space: str


@dataclass(frozen=True, slots=True)
class StateKept(Fact):
    """A small value the backend keeps across restarts (as ``ctx.state.set`` does), stored in
    the same transaction as the facts reported before it: a sync position saved together with
    everything it covers, so a crash can never keep one without the other. ``None`` deletes."""

    key: str
    value: str | None


@dataclass(frozen=True, slots=True)
class AvatarChanged(Fact):
    """Someone's (or a room's) picture is ``ref`` now; ``ref == ""``: they have none.

    ``entity`` is a contact, user or conversation id; with ``conversation`` it is a member
    known only inside that room (an XMPP occupant's nickname), never mixed up with a contact
    of the same name. ``ref`` is opaque to the core and passed back to
    :meth:`~app.backend.SupportsAvatars.fetch_avatar`."""

    entity: str
    ref: str
    conversation: str = ""


@dataclass(frozen=True, slots=True)
class BadInput(Fact):
    """Something the backend could not parse; logged and counted, never shown as a message."""

    what: str
    detail: str = ""
