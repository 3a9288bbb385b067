"""Typed events the core publishes for its front end(s).

Events are dispatched by class (never by string name) on :class:`app.bus.EventBus`. They describe
state after the core applied a fact or a command, so a front end only mirrors them: it never has to
re-derive unread counts or delivery states itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.models import (
    Account,
    AccountId,
    ConnectionState,
    Contact,
    Conversation,
    ConversationId,
    Member,
    Message,
    Presence,
    Space,
    Verification,
)


@dataclass(frozen=True, slots=True)
class Event:
    """Base of everything the core publishes."""


@dataclass(frozen=True, slots=True)
class CoreStarted(Event):
    """The store is open and the initial state has been published."""


@dataclass(frozen=True, slots=True)
class AccountsChanged(Event):
    """The full, ordered account list (small; sent whole on every change)."""

    accounts: tuple[Account, ...]


@dataclass(frozen=True, slots=True)
class ConnectionStateChanged(Event):
    account_id: AccountId
    state: ConnectionState
    message: str = ""  # for a person: why it failed, what is happening
    retry_in: float | None = None  # seconds until the next attempt (WAITING)
    failure_kind: str = ""
    detail: str = ""  # e.g. a certificate fingerprint to offer trusting


@dataclass(frozen=True, slots=True)
class ConversationsChanged(Event):
    """Conversations created or updated (title, unread, activity …)."""

    conversations: tuple[Conversation, ...]


@dataclass(frozen=True, slots=True)
class ConversationsRemoved(Event):
    conversation_ids: tuple[ConversationId, ...]


@dataclass(frozen=True, slots=True)
class SpacesChanged(Event):
    """Every space of one account (small; sent whole on every change)."""

    account_id: AccountId
    spaces: tuple[Space, ...]


@dataclass(frozen=True, slots=True)
class MessagesAdded(Event):
    """New messages of one conversation, oldest first. ``live`` is false for history fetches."""

    conversation_id: ConversationId
    messages: tuple[Message, ...]
    live: bool = True


@dataclass(frozen=True, slots=True)
class MessagesUpdated(Event):
    """Messages whose delivery state, body, reactions … changed."""

    conversation_id: ConversationId
    messages: tuple[Message, ...]


@dataclass(frozen=True, slots=True)
class ContactsChanged(Event):
    """Contacts added, changed or removed; with ``complete`` the list replaces what was known.
    With ``presence_only`` only the presence of known contacts moved (strangers' presence
    arrives so too: a contact list shows it only for the people it lists)."""

    account_id: AccountId
    upserted: tuple[Contact, ...] = ()
    removed: tuple[str, ...] = ()
    complete: bool = False
    presence_only: bool = False


@dataclass(frozen=True, slots=True)
class MembersChanged(Event):
    """A room's members. With ``complete`` the list was replaced: ``members`` is the whole
    list, show it afresh. Otherwise only what changed since the last such event: ``upserted``
    (joined or changed) and ``removed`` (native ids), ``members`` empty, so a member list
    changes those rows only and the event costs the change, not the room (a 5,000-member
    channel's joins and parts). ``count``: how many members there are after it, either way."""

    conversation_id: ConversationId
    members: tuple[Member, ...] = ()  # the whole list, with ``complete`` only
    upserted: tuple[Member, ...] = ()
    removed: tuple[str, ...] = ()
    complete: bool = True
    count: int = -1  # -1: len(members) (set so for a complete list)

    def __post_init__(self) -> None:
        if self.count < 0:
            object.__setattr__(self, "count", len(self.members))


@dataclass(frozen=True, slots=True)
class OwnPresenceChanged(Event):
    account_id: AccountId
    presence: Presence


@dataclass(frozen=True, slots=True)
class TypingChanged(Event):
    conversation_id: ConversationId
    typing: tuple[str, ...]  # display names currently typing


@dataclass(frozen=True, slots=True)
class SubscriptionRequested(Event):
    account_id: AccountId
    contact: str
    display_name: str = ""
    message: str = ""
    declining_blocks: bool = False  # see facts.SubscriptionRequested


@dataclass(frozen=True, slots=True)
class FileOffered(Event):
    """Someone not in the contacts offers a file: ask the user (``Core.answer_file_offer``)."""

    account_id: AccountId
    contact: str
    offer_id: str
    filename: str
    size: int | None = None


@dataclass(frozen=True, slots=True)
class InviteReceived(Event):
    conversation_id: ConversationId
    inviter: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class AvatarsChanged(Event):
    """Pictures stored on disk for an account: (conversation, entity) → image file, or ``""``
    when the picture was removed. Sent whole for the account at start, then as they change."""

    account_id: AccountId
    avatars: Mapping[tuple[str, str], str]


@dataclass(frozen=True, slots=True)
class VerificationChanged(Event):
    account_id: AccountId
    verification: Verification


@dataclass(frozen=True, slots=True)
class ProgressChanged(Event):
    account_id: AccountId
    task: str
    label: str
    done: int
    total: int | None


@dataclass(frozen=True, slots=True)
class Notice(Event):
    """Something a person should read: a service notice, a problem that needs them.

    ``action``: what the notice offers to do about it, one of the ``NOTICE_*`` names below
    (the window shows it as a button and sends the matching command for ``account_id``)."""

    text: str
    account_id: AccountId | None = None
    level: str = "info"  # info | warning | error
    action: str = ""


NOTICE_RETRY_SAVING = "retry-saving"
"""Try again now to save what the account's store refused for a while
(``core.accounts.retry_saving``)."""


@dataclass(frozen=True, slots=True)
class PreferencesChanged(Event):
    """All app preferences (small; sent whole at start and on every change)."""

    preferences: Mapping[str, object]


@dataclass(frozen=True, slots=True)
class PluginProblem(Event):
    """A backend plugin failed to load or validate. The rest of the app carries on."""

    name: str
    reason: str


@dataclass(frozen=True, slots=True)
class OpenInBrowser(Event):
    """A sign-in continues on a web page: the front end opens ``url`` in the system browser
    (single sign-on, a registration step only a page can do). ``account_id`` is empty while an
    account is being made."""

    url: str
    account_id: AccountId | str = ""
    reason: str = ""
