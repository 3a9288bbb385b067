"""The incoming pipeline: fact → privacy filter → find/create conversation → de-duplicate → persist
→ typed events (libpurple's ``serv_got_im``, once for every service).

:class:`AccountDispatcher` is synchronous and runs on the database worker thread: it applies a
whole batch of facts in one transaction and returns the events to publish. Per-message work is
small (one sanitiser call, one INSERT), and events are coalesced per batch, so a flood of 10,000
messages becomes a handful of events rather than 10,000 signals.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import logging
import os
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from app import events as ev
from app import facts as f
from app.commit_check import CommitCheck
from app.dispatch_batch import Batch
from app.dispatch_commands import CommandWrites
from app.dispatch_people import PeopleFacts
from app.dispatch_polls import PollFacts
from app.highlights import HighlightWords
from app.models import (
    ConversationId,
    ConversationKind,
    DeliveryState,
    Direction,
    Message,
    MessageId,
    MessageKind,
    Moderation,
    ThreadSummary,
    Trust,
    same_author,
)
from app.priority import give_way
from app.sanitize import sanitize_html
from app.save_retry import RowFailed, Saved, poison_notice, save_in_order
from app.store.account_store import AccountStore

GIVE_WAY_EVERY = 256
"""Messages of a batch between two points where the store thread gives way to the GUI thread
(a millisecond or two of work)."""
MAX_BODY_CHARS = 1_000_000  # stored whole up to here; the view truncates with "show more"
SERVER_CONVERSATION = ":server"
"""Native id of each account's "Server messages" conversation (no JID, room id or nick can be it)."""

_ENCRYPTED = frozenset({Trust.VERIFIED, Trust.UNVERIFIED})
# Members read once for the loops over every message of a batch (``Direction.INCOMING`` goes
# through the enum's class machinery: 0.3 µs in Python 3.11).
_INCOMING, _SENT, _NO_TRUST, _SYSTEM = (
    Direction.INCOMING,
    DeliveryState.SENT,
    Trust.NONE,
    MessageKind.SYSTEM,
)


def backend_state_key(key: str) -> str:
    """Where a backend's ``ctx.state`` key lives in the store's state table (its namespace)."""
    return f"backend.{key}"


@dataclass
class PrivacyPolicy:
    """Who may start a conversation with us. Blocked contacts are always dropped."""

    only_contacts: bool = False


@dataclass(eq=False)
class StateWrite:
    """A backend's state value (a resume position) queued behind the facts reported before it.

    Applied in the same transaction as those facts; ``committed`` says whether that transaction
    went through. ``done`` belongs to the event loop and is never touched on the store thread.
    """

    key: str
    value: str | None
    done: asyncio.Future[None] | None = None
    committed: bool = False


def _reloaded(store: AccountStore) -> bool:
    """Read the conversation cache again after a rollback; False if that failed too (the
    disk): it may then hold rooms the rollback undid (their messages would trip the foreign
    key; a lone one be dropped as refused), so it is read before the next transaction."""
    try:
        store.reload_conversations()
    except sqlite3.Error:
        return False
    return True


def new_local_id() -> str:
    """A fresh local id: 128 random bits in hex (what ``uuid.uuid4().hex`` gave, six times
    cheaper: a flood makes one per message)."""
    return os.urandom(16).hex()


def new_local_ids(count: int) -> list[str]:
    """``count`` fresh local ids from one read of the system's randomness."""
    if count == 1:
        return [new_local_id()]
    digits = os.urandom(16 * count).hex()
    return [digits[i : i + 32] for i in range(0, 32 * count, 32)]


class AccountDispatcher:
    """Applies one account's facts and commands to its store; returns what changed as events.

    Lives on the database worker thread together with the store. Presence and typing are kept in
    memory only: they are stale the moment the connection drops.
    """

    def __init__(
        self,
        store: AccountStore,
        *,
        privacy: PrivacyPolicy | None = None,
        highlights: HighlightWords | None = None,
        now: Callable[[], datetime],
        logger: logging.LoggerAdapter[logging.Logger],
    ) -> None:
        self.store = store
        self.account_id = store.account_id
        self.privacy = privacy or PrivacyPolicy()
        self.highlights = highlights or HighlightWords()  # replaced whole when they change
        self.now = now
        self.log = logger
        self.people = PeopleFacts(store, logger)
        self.presence = self.people.presence  # the same dicts: readers look here
        self.typing = self.people.typing
        self.bad_input = 0
        self._pending: list[tuple[Message, bool, bool]] = []  # message, history, id unique
        self._blocked: dict[tuple[str, str], bool] = {}  # (conversation, sender), see apply
        self._summaries: dict[str, ThreadSummary] = {}  # pending local id → service's summary
        self._stale_cache = False  # the conversation cache must be read again (_reloaded)
        self._commits = CommitCheck(store, logger)  # a COMMIT that raised: saved or not?
        self.commands = CommandWrites(
            store,
            logger,
            self.now,
            threads_stored=self._threads_stored,
            confirm=self._confirm,
            rolled_back=self._rolled_back,
        )
        """The writes of commands (the outbox, read marks): app.dispatch_commands."""
        self._polls = PollFacts(store, logger)
        self._handlers: dict[type[f.Fact], Callable[[Any, Batch], None]] = {
            f.DeliveryUpdated: self._on_delivery,
            f.MessageDecrypted: self._on_decrypted,
            f.ThreadUpdated: self._on_thread_updated,
            f.VerificationChanged: self._on_verification,
            f.MessageRetracted: self._on_retracted,
            f.MessageModerated: self._on_moderated,
            f.ReactionChanged: self._on_reaction,
            f.ReactionsReplaced: self._on_reactions_replaced,
            f.ServiceNotice: self._on_notice,
            f.StateKept: self._on_state_kept,
            f.BadInput: self._on_bad_input,
            f.Progress: self._on_progress,
            **self.people.handlers(),
            **self._polls.handlers(),
        }

    # -- facts -----------------------------------------------------------------------------

    def apply(self, facts: Sequence[f.Fact | StateWrite]) -> list[ev.Event]:
        """:meth:`save`, for callers that cannot keep what is not saved: that raises."""
        saved = self.save(facts)
        if saved.error is not None:
            raise saved.error
        return saved.events + poison_notice(saved, self.account_id)

    def save(self, facts: Sequence[f.Fact | StateWrite]) -> Saved[f.Fact | StateWrite]:
        """Apply a batch (:func:`~app.save_retry.save_in_order`: split around what the store
        refuses every time; what a transient failure left unsaved is returned, in order)."""
        return save_in_order(self._apply_once, facts, self.log)

    def _apply_once(self, facts: list[f.Fact | StateWrite]) -> list[ev.Event]:
        """One transaction (state writes after the facts before them, ``committed`` with them);
        on ``sqlite3.Error`` rolled back, the caches reset, re-raised. A buggy fact is skipped.
        A COMMIT that raised after reaching the disk counts as saved (app.commit_check): the
        facts of one found so only now are left out, its events given with these."""
        earlier, rest = self._commits.settle(facts)
        if facts and not rest:
            return earlier
        return earlier + self._transaction(rest)

    def _transaction(self, facts: list[f.Fact | StateWrite]) -> list[ev.Event]:
        batch = Batch()
        writes: list[StateWrite] = []
        token = self._commits.token()
        committing = False
        self._blocked.clear()
        try:
            if self._stale_cache:  # the reload after the last rollback failed (_reloaded)
                self.store.reload_conversations()
                self._stale_cache = False
            with self.store.transaction():
                for fact in facts:
                    if not isinstance(fact, f.MessageReceived | f.MessagesReceived):
                        self._blocked.clear()  # it may change who is blocked or who is who
                    if isinstance(fact, StateWrite):
                        self._flush(batch)
                        self.store.set_state(fact.key, fact.value)
                        writes.append(fact)
                        continue
                    try:
                        if isinstance(fact, f.MessagesReceived):
                            self._on_messages(fact, batch)
                            continue
                        if isinstance(fact, f.MessageReceived):
                            self._on_message(fact, batch)
                            continue
                        self._flush(batch)
                        handler = self._handlers.get(type(fact))
                        if handler is None:
                            self.log.warning("no handler for fact %s", type(fact).__name__)
                        else:
                            handler(fact, batch)
                    except sqlite3.Error:
                        raise
                    except Exception as exc:
                        if isinstance(fact, f.MessagesReceived) and len(fact.messages) > 1:
                            raise RowFailed(exc) from exc  # split: it costs only its row
                        self.log.exception("dropped fact %s after an error", type(fact).__name__)
                self._flush(batch)
                self._commits.mark(token)
                committing = True  # what raises from here on is the COMMIT
        except sqlite3.Error as exc:
            self._pending.clear()
            self._summaries.clear()
            done = functools.partial(self._committed, batch, writes)
            if not (committing and self._commits.committed_anyway(token, exc, facts, done)):
                self._rolled_back()
                raise
        return self._committed(batch, writes)

    def _rolled_back(self) -> bool:
        """A transaction failed: the conversation cache may be ahead of the disk (_reloaded).
        Whether it was read again (else it is before the next transaction)."""
        self._stale_cache = not _reloaded(self.store)
        return not self._stale_cache

    def _committed(self, batch: Batch, writes: list[StateWrite]) -> list[ev.Event]:
        for write in writes:
            write.committed = True
        return batch.finish(self.store)

    def _on_message(self, fact: f.MessageReceived, batch: Batch) -> None:
        store = self.store
        own = store.message_by_local_id(fact.txn_id) if fact.outgoing and fact.txn_id else None
        if own is not None and own.conversation_id.native_id == fact.conversation:
            # Our own message coming back (echo-message, carbon of ours, sync): a confirmation.
            self._flush(batch)
            self._confirm(own.local_id, fact.remote_id, DeliveryState.SENT, batch)
            return
        kept_apart = False  # a correction shown as a message of its own, marked "edited"
        if fact.replaces is not None:
            self._flush(batch)
            target = store.message_by_remote_id(fact.conversation, fact.replaces)
            if target is not None and target.trust in _ENCRYPTED and fact.trust not in _ENCRYPTED:
                # A correction in plain must not pass for the encrypted message it replaces: it
                # stays a message of its own (marked "not encrypted" in an encrypted conversation).
                self.log.info(
                    "a correction without encryption of an encrypted message was kept apart"
                )
                kept_apart = True
            elif target is not None:
                edited = self._apply_edit(fact, target)
                if edited is None:
                    self.log.warning("dropped a correction of a message its sender did not write")
                    return
                batch.add(ev.MessagesUpdated(edited.conversation_id, (edited,)))
                return
            # The original is not here (not fetched yet): keep the text as a message of its own.
        when = aware(fact.timestamp, self.log)
        if not fact.outgoing and self._blocked_sender(fact.conversation, fact.sender):
            self.log.debug("dropped a message from a blocked sender")
            return
        if not fact.outgoing and self.people.sent_while_blocked(fact.sender, when):
            self.log.info("dropped a message its sender sent while blocked, handed over later")
            return
        conv = store.conversation(fact.conversation)
        if conv is None:
            if (
                self.privacy.only_contacts
                and fact.conversation_kind is ConversationKind.DIRECT
                and not fact.outgoing
                and not store.is_contact(fact.sender)
            ):
                self.log.info("dropped a message from someone not in the contact list")
                return
            conv, _ = store.ensure_conversation(
                fact.conversation, fact.conversation_kind, fact.conversation_title
            )
            batch.touched[conv.id.native_id] = None
        body = fact.body if len(fact.body) <= MAX_BODY_CHARS else fact.body[:MAX_BODY_CHARS]
        message = Message(
            id=MessageId(self.account_id, fact.txn_id or new_local_id()),
            conversation_id=conv.id,
            sender=fact.sender,
            sender_name=fact.sender_name,
            timestamp=when or self.now(),
            body=body,
            html=sanitize_html(fact.html),
            direction=Direction.OUTGOING if fact.outgoing else Direction.INCOMING,
            kind=fact.kind,
            remote_id=fact.remote_id,
            attachments=fact.attachments,
            reply_to=fact.reply_to,
            edited=kept_apart,  # a correction of a message we lack is just its text
            delivery=DeliveryState.SENT,
            mentions_me=not fact.outgoing
            and (fact.mentions_me or (fact.kind is not _SYSTEM and self.highlights.matches(body))),
            ref_id=fact.ref_id if fact.ref_id != fact.remote_id else None,
            trust=fact.trust,
            thread_root=fact.thread_root if fact.thread_root != fact.remote_id else None,
            occupant_id=fact.occupant_id,
        )
        if fact.thread is not None:
            self._summaries[message.local_id] = fact.thread
        self._pending.append((message, fact.history, fact.remote_id_unique))

    def _on_messages(self, fact: f.MessagesReceived, batch: Batch) -> None:
        """Plain incoming messages (see :class:`~app.facts.MessagesReceived`): for each, what
        :meth:`_on_message` does with such a message, with what they share worked out once."""
        store = self.store
        native = fact.conversation
        conv = store.conversation(native)
        people = self.people
        account_id = self.account_id
        now: datetime | None = None
        history = fact.history
        pending = self._pending
        ids = new_local_ids(len(fact.messages))
        # Built with the seq the store will give them (see AccountStore.append), so it need not
        # copy each one to set it; a wrong guess only costs that copy. After a message built so,
        # the next one's is known without asking.
        last = pending[-1][0].seq if pending else 0
        seq = last + 1 if last else store.next_seq() + len(pending)
        senders: dict[str, bool] = {}  # not blocked now → ever blocked (check each message then)
        highlights = self.highlights if self.highlights else None
        for index, m in enumerate(fact.messages):
            if index and not index % GIVE_WAY_EVERY:
                give_way()  # a flood: the window draws first (app.priority)
            sender, timestamp = m.sender, m.timestamp
            if timestamp is not None and timestamp.tzinfo is None:
                timestamp = aware(timestamp, self.log)
            careful = senders.get(sender)
            if careful is None:
                if self._blocked_sender(native, sender):
                    self.log.debug("dropped a message from a blocked sender")
                    continue  # asked again for their next message: it is remembered
                careful = senders[sender] = people.was_ever_blocked(sender)
            if careful and people.sent_while_blocked(sender, timestamp):
                self.log.info("dropped a message its sender sent while blocked, handed over later")
                continue
            if conv is None:
                if (
                    self.privacy.only_contacts
                    and fact.conversation_kind is ConversationKind.DIRECT
                    and not store.is_contact(sender)
                ):
                    self.log.info("dropped a message from someone not in the contact list")
                    continue
                conv, _ = store.ensure_conversation(
                    native, fact.conversation_kind, fact.conversation_title
                )
                batch.touched[native] = None
            if timestamp is None:
                timestamp = now = now or self.now()
            body = m.body if len(m.body) <= MAX_BODY_CHARS else m.body[:MAX_BODY_CHARS]
            pending.append(
                (
                    Message(
                        MessageId(account_id, ids[index]),
                        conv.id,
                        sender,
                        m.sender_name,
                        timestamp,
                        body,
                        _INCOMING,
                        m.kind,
                        m.remote_id,
                        sanitize_html(m.html) if m.html else None,
                        (),
                        m.reply_to,
                        False,
                        False,
                        _SENT,
                        "",
                        (),
                        m.mentions_me
                        or (
                            highlights is not None
                            and m.kind is not _SYSTEM
                            and highlights.matches(body)
                        ),
                        None,
                        _NO_TRUST,
                        seq,
                    ),
                    history,
                    True,
                )
            )
            seq += 1

    def _blocked_sender(self, conversation: str, sender: str) -> bool:
        """Blocked by their id, or (in a room) by the real identity behind their nick.

        Remembered within a run of messages of one batch (two queries per message were a tenth
        of a flood's cost); any other fact forgets it.
        """
        key = (conversation, sender)
        known = self._blocked.get(key)
        if known is None:
            store = self.store
            known = store.is_blocked(sender)
            if not known:
                real = store.member_contact(conversation, sender)
                known = real is not None and real != sender and store.is_blocked(real)
            self._blocked[key] = known
        return known

    def _apply_edit(self, fact: f.MessageReceived, target: Message) -> Message | None:
        assert fact.replaces is not None
        # Our own edit from another device: same person, maybe under another id.
        mine = fact.outgoing and target.outgoing
        # Else only its writer may; in a room that vouches for who is who, by occupant id.
        if not mine and not same_author(target, fact.sender, fact.occupant_id):
            return None
        edited = self.store.apply_edit(
            fact.conversation, fact.replaces, fact.body, sanitize_html(fact.html), target.sender
        )
        if (
            edited is not None
            and edited.trust is Trust.VERIFIED
            and fact.trust is not Trust.VERIFIED
        ):
            edited = self.store.set_trust(edited.local_id, fact.trust) or edited
        return edited

    def _flush(self, batch: Batch) -> None:
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        history = {m.local_id for m, h, _ in pending if h}
        inserted = self.store.append([m for m, _, _ in pending])
        if len(inserted) < len(pending):
            apart = kept_apart(self.store, self.log, pending, inserted)
            if apart:
                inserted.extend(self.store.append(apart))
        inserted = self._threads_stored(inserted, history, batch)
        counts: dict[str, list[int]] = {}
        latest: dict[str, datetime] = {}
        # One MessagesAdded per run of one conversation (live or not), in order: what coalescing
        # one event per message made of them, without making them.
        run: list[Message] = []
        run_native = ""
        run_live = True
        typing_by_conv = self.typing
        for msg in inserted:
            native = msg.conversation_id.native_id
            live = not history or msg.local_id not in history
            if run and (native != run_native or live != run_live):
                batch.add(ev.MessagesAdded(run[0].conversation_id, tuple(run), live=run_live))
                run = []
            run_native, run_live = native, live
            run.append(msg)
            if live and msg.direction is _INCOMING and msg.kind is not _SYSTEM:
                c = counts.get(native)
                if c is None:
                    c = counts[native] = [0, 0]
                c[0] += 1
                if msg.mentions_me:
                    c[1] += 1
            ts = msg.timestamp
            known = latest.get(native)
            if known is None or ts > known:
                latest[native] = ts
            typing = typing_by_conv.get(native)
            if typing and typing.pop(msg.sender, None) is not None:
                batch.add(ev.MessagesAdded(msg.conversation_id, tuple(run), live=live))
                run = []
                batch.add(ev.TypingChanged(msg.conversation_id, tuple(typing.values())))
        if run:
            batch.add(ev.MessagesAdded(run[0].conversation_id, tuple(run), live=run_live))
        for native, ts in latest.items():
            conv = self.store.conversation(native)
            assert conv is not None
            unread, mentions = counts.get(native, (0, 0))
            last = conv.last_activity if conv.last_activity and conv.last_activity > ts else ts
            self.store.update_conversation(
                native,
                unread_count=conv.unread_count + unread,
                mention_count=conv.mention_count + mentions,
                last_activity=last,
            )
            batch.touched[native] = None

    def _threads_stored(
        self, inserted: list[Message], history: set[str], batch: Batch
    ) -> list[Message]:
        """Thread summaries after new messages were stored: a new root gets one (from the
        service, or counted from replies stored before it), a stored root counts its new
        replies. Returns ``inserted`` with the new roots' summaries in place."""
        summaries, self._summaries = self._summaries, {}
        threads = self.store.threads
        out: list[Message] = []
        new_roots: set[tuple[str, str]] = set()
        replies: dict[tuple[str, str], list[Message]] = {}
        plain: dict[str, bool] = {}  # conversation → holds no threads (nothing to count there)
        for msg in inserted:
            native = msg.conversation_id.native_id
            if msg.thread_root is None and msg.local_id not in summaries:
                # Neither a reply nor a root the service summed up: only a root if replies to
                # it are stored already, which needs a conversation with threads. A flood's
                # every message; asked once per conversation.
                quiet = plain.get(native)
                if quiet is None:
                    row = self.store.conversation_row(native)
                    quiet = plain[native] = row is None or not threads.holds_threads(row)
                if quiet:
                    out.append(msg)
                    continue
            row = self.store.conversation_row(native)
            stored = msg
            if row is None:
                pass
            elif msg.thread_root is not None:
                replies.setdefault((native, msg.thread_root), []).append(msg)
            elif threads.root_stored(row, msg, summaries.get(msg.local_id)):
                stored = self.store.message_by_local_id(msg.local_id) or msg
                if msg.remote_id:
                    new_roots.add((native, msg.remote_id))
            out.append(stored)
        for (native, root), msgs in replies.items():
            row = self.store.conversation_row(native)
            if row is None or (native, root) in new_roots:
                continue  # a root stored in this batch counted its replies already
            live = [m for m in msgs if m.local_id not in history]
            if threads.replies_added(row, root, msgs, live) is not None:
                updated = self.store.message_by_remote_id(native, root)
                if updated is not None:
                    batch.add(ev.MessagesUpdated(updated.conversation_id, (updated,)))
        return out

    def _on_thread_updated(self, fact: f.ThreadUpdated, batch: Batch) -> None:
        row = self.store.conversation_row(fact.conversation)
        if row is None:
            return
        if self.store.threads.server_summary(row, fact.root_remote_id, fact.summary) is None:
            return
        updated = self.store.message_by_remote_id(fact.conversation, fact.root_remote_id)
        if updated is not None:
            batch.add(ev.MessagesUpdated(updated.conversation_id, (updated,)))

    def _confirm(
        self, local_id: str, remote_id: str | None, state: DeliveryState, batch: Batch
    ) -> None:
        updated = self.store.update_delivery(local_id, state, remote_id=remote_id)
        self.store.outbox_remove(local_id)
        if updated is not None:
            batch.add(ev.MessagesUpdated(updated.conversation_id, (updated,)))

    def _on_delivery(self, fact: f.DeliveryUpdated, batch: Batch) -> None:
        msg = self.store.message_by_local_id(fact.txn_id) if fact.txn_id else None
        if msg is not None and msg.conversation_id.native_id != fact.conversation:
            msg = None  # someone elsewhere who learnt our id must not change our message
        if msg is None and fact.remote_id:
            msg = self.store.message_by_remote_id(fact.conversation, fact.remote_id)
        if msg is None:
            self.log.debug("delivery update for an unknown message")
            return
        if fact.up_to and fact.state in (DeliveryState.DELIVERED, DeliveryState.READ):
            changed = self.store.mark_outgoing_up_to(fact.conversation, msg, fact.state)
            if changed:
                batch.add(ev.MessagesUpdated(msg.conversation_id, tuple(changed)))
            return
        if not msg.outgoing:
            return
        updated = self.store.update_delivery(
            msg.local_id, fact.state, remote_id=fact.remote_id, reason=fact.reason
        )
        if fact.state is not DeliveryState.PENDING:
            self.store.outbox_remove(msg.local_id)
        if updated is not None:
            batch.add(ev.MessagesUpdated(updated.conversation_id, (updated,)))

    def _on_decrypted(self, fact: f.MessageDecrypted, batch: Batch) -> None:
        updated = self.store.replace_content(
            fact.conversation,
            fact.remote_id,
            body=fact.body[:MAX_BODY_CHARS],
            html=sanitize_html(fact.html),
            kind=fact.kind,
            attachments=fact.attachments,
            reply_to=fact.reply_to,
            trust=fact.trust,
        )
        if updated is not None:
            batch.add(ev.MessagesUpdated(updated.conversation_id, (updated,)))

    def _on_verification(self, fact: f.VerificationChanged, batch: Batch) -> None:
        batch.add(ev.VerificationChanged(self.account_id, fact.verification))

    def _on_retracted(self, fact: f.MessageRetracted, batch: Batch) -> None:
        target = self.store.message_by_remote_id(fact.conversation, fact.remote_id)
        if target is None:
            self._polls.on_redacted(fact, batch)  # a vote is no message
            return
        moderation = None
        # Only its sender may retract a message ("by" empty: the service vouches for it), or a
        # room moderator (the backend checked), whose removal says so.
        if fact.by and not same_author(target, fact.by, fact.occupant_id):
            if not fact.moderator:
                return
            moderation = Moderation(fact.by, fact.reason)
        updated = self.store.retract(fact.conversation, fact.remote_id, moderation)
        if updated is not None:
            batch.add(ev.MessagesUpdated(updated.conversation_id, (updated,)))

    def _on_moderated(self, fact: f.MessageModerated, batch: Batch) -> None:
        """A room moderator removed a message (the backend checked the room said so)."""
        moderation = Moderation(fact.moderator, fact.reason)
        updated = self.store.retract(fact.conversation, fact.remote_id, moderation)
        if updated is not None:
            batch.add(ev.MessagesUpdated(updated.conversation_id, (updated,)))

    def _on_reaction(self, fact: f.ReactionChanged, batch: Batch) -> None:
        updated = self.store.change_reaction(
            fact.conversation,
            fact.target_remote_id,
            fact.sender,
            add=(fact.key,) if fact.added else (),
            remove=() if fact.added else (fact.key,),
        )
        if updated is not None:
            batch.add(ev.MessagesUpdated(updated.conversation_id, (updated,)))

    def _on_reactions_replaced(self, fact: f.ReactionsReplaced, batch: Batch) -> None:
        updated = self.store.change_reaction(
            fact.conversation, fact.target_remote_id, fact.sender, add=fact.keys, replace_all=True
        )
        if updated is not None:
            batch.add(ev.MessagesUpdated(updated.conversation_id, (updated,)))

    def _on_notice(self, fact: f.ServiceNotice, batch: Batch) -> None:
        """Server text (MOTD, WHOIS replies, errors) is kept as system messages: in its
        conversation when it names one we have, else in the account's "Server messages"."""
        native = fact.conversation
        if native is None or self.store.conversation(native) is None:
            native = SERVER_CONVERSATION
            if self.store.conversation(native) is None:
                self.store.ensure_conversation(native, ConversationKind.GROUP, "Server messages")
                batch.touched[native] = None
        self._pending.append(
            (
                Message(
                    id=MessageId(self.account_id, new_local_id()),
                    conversation_id=ConversationId(self.account_id, native),
                    sender=SERVER_CONVERSATION,
                    sender_name="Server",
                    timestamp=self.now(),
                    body=fact.text
                    if len(fact.text) <= MAX_BODY_CHARS
                    else fact.text[:MAX_BODY_CHARS],
                    kind=MessageKind.SYSTEM,
                ),
                False,
                True,
            )
        )

    def _on_state_kept(self, fact: f.StateKept, batch: Batch) -> None:
        self.store.set_state(backend_state_key(fact.key), fact.value)

    def _on_bad_input(self, fact: f.BadInput, batch: Batch) -> None:
        self.bad_input += 1
        self.log.warning("dropped bad input: %s", fact.what)
        self.log.debug("bad input detail: %s", fact.detail)

    def _on_progress(self, fact: f.Progress, batch: Batch) -> None:
        batch.add(ev.ProgressChanged(self.account_id, fact.task, fact.label, fact.done, fact.total))


def aware(when: datetime | None, log: logging.LoggerAdapter[logging.Logger]) -> datetime | None:
    """``when``, read as UTC if it has no time zone (a backend's bug: the store keeps only aware
    times, and refusing the row would cost the whole transaction its messages), with a log line."""
    if when is None or when.tzinfo is not None:
        return when
    log.warning("a message's time came without a time zone; read as UTC")
    return when.replace(tzinfo=UTC)


def kept_apart(
    store: AccountStore,
    log: logging.LoggerAdapter[logging.Logger],
    pending: list[tuple[Message, bool, bool]],
    inserted: list[Message],
) -> list[Message]:
    """Messages the store skipped because another message has their remote id, which are
    not replays of it: they come back under an id of their own, never dropped silently.

    A replay is the same sender's message again; when the sender chose the id (not the
    service), it must also say the same thing (unless it was corrected or retracted since).
    """
    stored = {m.local_id for m in inserted}
    apart: list[Message] = []
    for msg, _, unique in pending:
        if msg.local_id in stored or msg.remote_id is None:
            continue
        native = msg.conversation_id.native_id
        existing = store.message_by_remote_id(native, msg.remote_id)
        if existing is None or existing.remote_id != msg.remote_id:
            continue  # skipped for its local id: our own message seen again
        if existing.sender == msg.sender and (
            unique or existing.body == msg.body or existing.edited or existing.retracted
        ):
            continue  # the same message again (history fetched twice, a restart …)
        digest = hashlib.sha256(f"{msg.sender}\0{msg.body}".encode()).hexdigest()[:16]
        log.warning(
            "two different messages carry the id %r; the later one is kept as %r",
            msg.remote_id,
            f"{msg.remote_id}~{digest}",
        )
        apart.append(replace(msg, remote_id=f"{msg.remote_id}~{digest}"))
    return apart
