"""The dispatcher's facts about conversations, people and spaces (not messages): rooms
updated or left, members, contacts, presence, typing, requests and invites.

Each handler writes the store and adds events to the batch; presence and typing are kept in
memory only (stale the moment the connection drops). :class:`~app.dispatch.AccountDispatcher`
holds one and routes these facts here.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from app import events as ev
from app import facts as f
from app.dispatch_batch import Batch, MemberChange
from app.models import Contact, ContactId, ConversationId, ConversationKind, Presence, utc_now
from app.store.account_store import AccountStore

BLOCKING_KEY = "core.blocking"
"""The store's state key of who is blocked since when, and the spans they were blocked for."""

MAX_SPANS = 20
"""Spans kept per person (blocking and unblocking again and again must not grow the record)."""


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def _to_us(moment: datetime) -> int:
    """Exact, so a span read back ends where it ended (a message a moment before its end is
    still inside it)."""
    return (moment - _EPOCH) // _MICROSECOND


def _from_us(us: int) -> datetime:
    return _EPOCH + int(us) * _MICROSECOND


class PeopleFacts:
    """Handlers of the facts about conversations, people and spaces of one account."""

    def __init__(self, store: AccountStore, log: logging.LoggerAdapter[logging.Logger]) -> None:
        self.store = store
        self.log = log
        self.account_id = store.account_id
        self.presence: dict[str, Presence] = {}
        self.typing: dict[str, dict[str, str]] = {}
        # When someone was blocked, and the spans they were blocked for: a service may hand
        # over, once they are unblocked, what they sent meanwhile (a Matrix homeserver sends
        # the withheld events again after the ignore list changes; an archive is read after a
        # restart), and that stays unseen. Kept in the store (BLOCKING_KEY), read on first use.
        self._blocked_since: dict[str, datetime] = {}
        self._blocked_spans: dict[str, list[tuple[datetime, datetime]]] = {}
        self._blocking_loaded = False

    def handlers(self) -> dict[type[f.Fact], Callable[[Any, Batch], None]]:
        return {
            f.ConversationUpdated: self.on_conversation_updated,
            f.ConversationLeft: self.on_conversation_left,
            f.MembersChanged: self.on_members,
            f.ContactsChanged: self.on_contacts,
            f.PresenceChanged: self.on_presence,
            f.OwnPresenceChanged: self.on_own_presence,
            f.TypingChanged: self.on_typing,
            f.ReadUpTo: self.on_read_up_to,
            f.SubscriptionRequested: self.on_subscription,
            f.InviteReceived: self.on_invite,
            f.FileOffered: self.on_file_offer,
            f.SpaceUpdated: self.on_space_updated,
            f.SpaceLeft: self.on_space_left,
        }

    def on_conversation_updated(self, fact: f.ConversationUpdated, batch: Batch) -> None:
        conv, _ = self.store.ensure_conversation(fact.conversation, fact.kind, fact.title or "")
        changes: dict[str, Any] = {"kind": fact.kind}
        for name, value in (
            ("title", fact.title),
            ("topic", fact.topic),
            ("encrypted", fact.encrypted),
            ("joined", fact.joined),
            ("unread_count", fact.unread_count),
            ("mention_count", fact.mention_count),
            ("trust", fact.trust),
        ):
            if value is not None:
                changes[name] = value
        if any(getattr(conv, k) != v for k, v in changes.items()):
            self.store.update_conversation(fact.conversation, **changes)
        batch.touched[fact.conversation] = None

    def on_conversation_left(self, fact: f.ConversationLeft, batch: Batch) -> None:
        if self.store.conversation(fact.conversation) is not None:
            self.store.update_conversation(fact.conversation, joined=False)
            batch.touched[fact.conversation] = None

    def on_members(self, fact: f.MembersChanged, batch: Batch) -> None:
        if self.store.conversation(fact.conversation) is None:
            self.store.ensure_conversation(fact.conversation, ConversationKind.GROUP)
            batch.touched[fact.conversation] = None
        self.store.change_members(
            fact.conversation, fact.upserted, fact.removed, complete=fact.complete
        )
        change = batch.members.get(fact.conversation)
        if change is None:
            change = batch.members[fact.conversation] = MemberChange()
        change.add(fact.upserted, fact.removed, fact.complete)

    def on_contacts(self, fact: f.ContactsChanged, batch: Batch) -> None:
        self._note_blocking(fact)
        self.store.upsert_contacts(fact.upserted, complete=fact.complete)
        self.store.remove_contacts(fact.removed)
        upserted = tuple(
            replace(c, presence=self.presence.get(c.id.native_id, c.presence))
            for c in fact.upserted
        )
        batch.add(ev.ContactsChanged(self.account_id, upserted, fact.removed, fact.complete))

    def _note_blocking(self, fact: f.ContactsChanged) -> None:
        self._load_blocking()
        was = {c.id.native_id for c in self.store.contacts() if c.blocked}
        now = {c.id.native_id for c in fact.upserted if c.blocked}
        if not fact.complete:  # the rest stays as it was
            now |= was - {c.id.native_id for c in fact.upserted} - set(fact.removed)
        moment = utc_now()
        for who in now - was:
            self._blocked_since[who] = moment
        for who in was - now:
            since = self._blocked_since.pop(who, moment)
            spans = self._blocked_spans.setdefault(who, [])
            spans.append((since, moment))
            del spans[:-MAX_SPANS]
        if now != was:
            self.store.set_state(BLOCKING_KEY, self._blocking_record())

    def _load_blocking(self) -> None:
        """The spans kept by earlier runs; someone blocked before spans were kept counts as
        blocked since this run began (a span from the beginning of time would hide their
        older history for good once they are unblocked)."""
        if self._blocking_loaded:
            return
        self._blocking_loaded = True
        raw = self.store.get_state(BLOCKING_KEY)
        try:
            record = json.loads(raw) if raw else {}
            for who, entry in record.items():
                if entry.get("since") is not None:
                    self._blocked_since[who] = _from_us(entry["since"])
                spans = [(_from_us(a), _from_us(b)) for a, b in entry.get("spans", ())]
                if spans:
                    self._blocked_spans[who] = spans[-MAX_SPANS:]
        except (ValueError, TypeError, AttributeError, OverflowError):
            self.log.warning("the kept blocking spans were unreadable; starting without them")
            self._blocked_since.clear()
            self._blocked_spans.clear()
        unknown = [
            c.id.native_id
            for c in self.store.contacts()
            if c.blocked and c.id.native_id not in self._blocked_since
        ]
        if unknown:
            moment = utc_now()
            self._blocked_since.update(dict.fromkeys(unknown, moment))

    def _blocking_record(self) -> str:
        people = self._blocked_since.keys() | self._blocked_spans.keys()
        return json.dumps(
            {
                who: {
                    "since": _to_us(self._blocked_since[who])
                    if who in self._blocked_since
                    else None,
                    "spans": [[_to_us(a), _to_us(b)] for a, b in self._blocked_spans.get(who, ())],
                }
                for who in sorted(people)
            }
        )

    def was_ever_blocked(self, sender: str) -> bool:
        """Whether ``sender`` has spans of being blocked (else :meth:`sent_while_blocked` is
        False for every message of theirs)."""
        self._load_blocking()
        return bool(self._blocked_spans.get(sender))

    def sent_while_blocked(self, sender: str, when: datetime | None) -> bool:
        """Whether ``sender`` was blocked when the message was sent."""
        self._load_blocking()
        spans = self._blocked_spans.get(sender)
        if not spans or when is None:
            return False
        # A stamp in whole seconds (XMPP's live messages) means "within that second": the
        # message counts as sent while blocked only if the whole second lies in the span (one
        # sent just after unblocking must never be dropped).
        latest = when + timedelta(seconds=1) if when.microsecond == 0 else when
        return any(start <= when and latest <= end for start, end in spans)

    def on_presence(self, fact: f.PresenceChanged, batch: Batch) -> None:
        self.presence[fact.contact] = fact.presence
        contact = self.store.contact(fact.contact) or Contact(
            ContactId(self.account_id, fact.contact)
        )
        batch.add(
            ev.ContactsChanged(
                self.account_id, (replace(contact, presence=fact.presence),), presence_only=True
            )
        )

    def on_own_presence(self, fact: f.OwnPresenceChanged, batch: Batch) -> None:
        batch.add(ev.OwnPresenceChanged(self.account_id, fact.presence))

    def on_typing(self, fact: f.TypingChanged, batch: Batch) -> None:
        typing = self.typing.setdefault(fact.conversation, {})
        before = dict(typing)
        if fact.typing:
            typing[fact.sender] = self._name_of(fact.conversation, fact.sender)
        else:
            typing.pop(fact.sender, None)
        if typing != before:
            conv_id = ConversationId(self.account_id, fact.conversation)
            batch.add(ev.TypingChanged(conv_id, tuple(typing.values())))

    def on_read_up_to(self, fact: f.ReadUpTo, batch: Batch) -> None:
        if self.store.conversation(fact.conversation) is not None:
            self.store.mark_read(fact.conversation)
            batch.touched[fact.conversation] = None

    def on_subscription(self, fact: f.SubscriptionRequested, batch: Batch) -> None:
        if self.store.is_blocked(fact.contact):
            return
        batch.add(
            ev.SubscriptionRequested(
                self.account_id,
                fact.contact,
                fact.display_name,
                fact.message,
                fact.declining_blocks,
            )
        )

    def on_file_offer(self, fact: f.FileOffered, batch: Batch) -> None:
        if self.store.is_blocked(fact.contact):
            return
        batch.add(
            ev.FileOffered(self.account_id, fact.contact, fact.offer_id, fact.filename, fact.size)
        )

    def on_invite(self, fact: f.InviteReceived, batch: Batch) -> None:
        if self.store.is_blocked(fact.inviter):
            return
        conv_id = ConversationId(self.account_id, fact.conversation)
        batch.add(ev.InviteReceived(conv_id, fact.inviter, fact.reason))

    def on_space_updated(self, fact: f.SpaceUpdated, batch: Batch) -> None:
        if self.store.spaces.upsert(
            fact.space,
            title=fact.title,
            topic=fact.topic,
            children=fact.children,
            added=fact.added,
            removed=fact.removed,
        ):
            batch.spaces = True
        if self.store.conversation(fact.space) is not None:  # stored before it was known
            self.store.remove_conversation(fact.space)
            batch.add(ev.ConversationsRemoved((ConversationId(self.account_id, fact.space),)))

    def on_space_left(self, fact: f.SpaceLeft, batch: Batch) -> None:
        if self.store.spaces.remove(fact.space):
            batch.spaces = True

    def _name_of(self, conversation: str, sender: str) -> str:
        contact = self.store.contact(sender)
        return contact.name if contact else sender
