"""One account's history on disk: a single SQLite file, the unit of export and deletion.

The store is synchronous and owned by one thread at a time (the core runs it in its database
worker, see :mod:`app.store.worker`), so its in-memory conversation cache stays the single source
of truth for conversation rows. Only :meth:`AccountStore.search` may be called from other threads
(the core's reader threads): it reads on a connection of its own. Opening never scans messages: it
reads the migration table and the (small) conversation table only.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.models import (
    AccountId,
    Attachment,
    Contact,
    Conversation,
    ConversationId,
    ConversationKind,
    Cursor,
    DeliveryState,
    Member,
    Message,
    MessageKind,
    Moderation,
    NotifyLevel,
    Page,
    Reaction,
    Trust,
    to_millis,
)
from app.store import schema
from app.store.atomic import atomic
from app.store.outbox_records import OUTBOX_IN_FLIGHT, OUTBOX_QUEUED, OutboxEntry, OutboxRecords
from app.store.people import PeopleRecords
from app.store.polls import PollRecords
from app.store.rows import (
    CONV_COLUMNS,
    MSG_COLUMNS,
    MSG_COLUMNS_M,
    UPDATE_CONVERSATION,
    conversation_from_row,
    conversation_params,
    dump_attachments,
    dump_reactions,
    insert_messages,
    message_from_row,
    retract_row,
)
from app.store.search import StoreSearch
from app.store.spaces import SpaceRecords
from app.store.terms import SearchTerms
from app.store.threads import ThreadRecords
from app.store.worker import Cancel

if TYPE_CHECKING:
    from sqlite_utils import Database

# Re-exported: the outbox names have always been importable from here.
__all__ = [
    "OUTBOX_IN_FLIGHT",
    "OUTBOX_QUEUED",
    "AccountStore",
    "OutboxEntry",
    "StoreError",
    "create_private_file",
]


class StoreError(Exception):
    """The store cannot be used (unreadable file, newer schema, disk full)."""


def create_private_file(path: Path) -> None:
    """Create ``path`` (and its folder) readable by the owner only, or tighten it if it exists."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    if stat.S_IMODE(path.stat().st_mode) != 0o600:
        path.chmod(0o600)


class AccountStore:
    """Messages, conversations, contacts, members, outbox and small state of one account."""

    def __init__(self, account_id: AccountId, path: Path) -> None:
        self.account_id = account_id
        self.path = path
        create_private_file(path)
        try:
            # Autocommit: a lone statement commits at once, and transaction() groups many in an
            # explicit BEGIN/COMMIT. (Python's implicit transactions would leave single writes
            # uncommitted, and turn the next transaction() into a savepoint that never commits.)
            conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            # SQLite gives -wal/-shm files the database's mode, so they stay 0600 too.
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")  # durable against an app crash in WAL mode
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=5000")
            conn.execute("PRAGMA temp_store=MEMORY")
            schema.apply(conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the store {path}: {exc}") from exc
        self._conn = conn
        self._db: Database | None = None
        self._by_row: dict[int, Conversation] = {}
        self._row_by_native: dict[str, int] = {}
        self.reload_conversations()
        self.terms = SearchTerms(conn)
        self.threads = ThreadRecords(conn, self._query_messages, MSG_COLUMNS)
        self.spaces = SpaceRecords(conn, account_id)
        self.polls = PollRecords(conn, self.message_by_remote_id)
        self.people = PeopleRecords(conn, account_id, self._row_by_native, self.transaction)
        self.outbox = OutboxRecords(conn)
        self.searcher = StoreSearch(path, account_id, self._by_row, self._row_by_native)

    def reload_conversations(self) -> None:
        """Re-read the conversation cache (after a rollback); a failed read leaves it as was."""
        rows = self._conn.execute(f"SELECT {CONV_COLUMNS} FROM conversations").fetchall()
        self._by_row.clear()
        self._row_by_native.clear()
        for row in rows:
            self._cache_conversation(row[0], self._conversation_from_row(row))

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        self.terms.close()
        self.searcher.close()
        with contextlib.suppress(sqlite3.Error):
            self._conn.execute("PRAGMA optimize")
        self._conn.close()

    @property
    def db(self) -> Database:
        """The connection as a sqlite-utils ``Database`` (imported on first use: tests, tools)."""
        if self._db is None:
            from sqlite_utils import Database  # noqa: PLC0415  (see app.store.schema)

            self._db = Database(self._conn, execute_plugins=False)
        return self._db

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes into one transaction (nested calls become savepoints)."""
        with atomic(self._conn):
            yield

    # -- conversations ---------------------------------------------------------------------

    def conversations(self) -> list[Conversation]:
        return list(self._by_row.values())

    def conversation(self, native_id: str) -> Conversation | None:
        row = self._row_by_native.get(native_id)
        return None if row is None else self._by_row[row]

    def ensure_conversation(
        self, native_id: str, kind: ConversationKind, title: str = ""
    ) -> tuple[Conversation, bool]:
        """The conversation, created if new; the flag says whether it was created."""
        existing = self.conversation(native_id)
        if existing is not None:
            return existing, False
        # Busy rooms would be unbearable otherwise: groups notify on mentions unless changed.
        notify = NotifyLevel.MENTIONS if kind is ConversationKind.GROUP else NotifyLevel.ALL
        cur = self._conn.execute(
            "INSERT INTO conversations (native_id, kind, title, notify) VALUES (?, ?, ?, ?)",
            (native_id, kind.value, title, notify.value),
        )
        conv = Conversation(
            ConversationId(self.account_id, native_id), kind, title=title, notify=notify
        )
        assert cur.lastrowid is not None
        self._cache_conversation(cur.lastrowid, conv)
        return conv, True

    def update_conversation(self, native_id: str, **changes: Any) -> Conversation:
        """Change fields of a conversation (``Conversation`` field names) and return the result."""
        row = self._row_by_native[native_id]
        conv = replace(self._by_row[row], **changes)
        self._conn.execute(UPDATE_CONVERSATION, conversation_params(conv, row))
        self._by_row[row] = conv
        return conv

    def mark_read(self, native_id: str) -> Conversation:
        row = self._row_by_native[native_id]
        last = self._conn.execute(
            "SELECT ts, seq FROM messages WHERE conversation=? ORDER BY ts DESC, seq DESC LIMIT 1",
            (row,),
        ).fetchone()
        with self.transaction():
            if last is not None:
                self._conn.execute(
                    "UPDATE conversations SET read_ts=?, read_seq=? WHERE id=?",
                    (last[0], last[1], row),
                )
            return self.update_conversation(native_id, unread_count=0, mention_count=0)

    def read_marker(self, native_id: str) -> Cursor | None:
        """Where the user last read up to (for the unread marker line)."""
        row = self._row_by_native.get(native_id)
        if row is None:
            return None
        ts, seq = self._conn.execute(
            "SELECT read_ts, read_seq FROM conversations WHERE id=?", (row,)
        ).fetchone()
        return Cursor(ts, seq) if seq else None

    def remove_conversation(self, native_id: str) -> None:
        """Delete a conversation with its messages and members."""
        row = self._row_by_native.pop(native_id, None)
        if row is None:
            return
        with self.transaction():
            self._conn.execute("DELETE FROM messages WHERE conversation=?", (row,))
            self._conn.execute("DELETE FROM conversations WHERE id=?", (row,))
        del self._by_row[row]
        self.people.forget_members(row)

    # -- messages: writing -----------------------------------------------------------------

    def next_seq(self) -> int:
        """The ``seq`` :meth:`append` gives the first message it is handed next (when nothing
        else is stored first)."""
        last = self._conn.execute("SELECT max(seq) FROM messages").fetchone()[0]
        return int(last or 0) + 1

    def append(self, messages: Sequence[Message]) -> list[Message]:
        """Insert messages whose conversation exists; replays (same remote or local id) are skipped.

        Returns the messages actually inserted, with their ``seq``: :meth:`next_seq` for the
        first one handed in and one more for each after it (a skipped one leaves a gap), so a
        caller may build them with it already (they come back as they are). An ``executemany``
        per 256 rows and one statement for their full-text index (schema 0004: not a trigger).
        Call inside :meth:`transaction` to batch.
        """
        if not messages:
            return []
        with self.transaction():
            return insert_messages(
                self._conn, self._row_by_native, messages, self.next_seq(), self.terms
            )

    def update_delivery(
        self,
        local_id: str,
        state: DeliveryState,
        *,
        remote_id: str | None = None,
        reason: str = "",
        force: bool = False,
    ) -> Message | None:
        """Move an outgoing message's state forward (or to FAILED); None if nothing changed.

        ``force`` allows going back (a failed message being retried).
        """
        msg = self.message_by_local_id(local_id)
        if msg is None:
            return None
        if not force and not _is_progress(msg.delivery, state):
            if remote_id and msg.remote_id is None:
                return self._set_remote_id(msg, remote_id)
            return None
        new_remote = msg.remote_id or remote_id
        try:
            self._conn.execute(
                "UPDATE messages SET delivery=?, failure=?, remote_id=? WHERE seq=?",
                (state.value, reason, new_remote, msg.seq),
            )
        except sqlite3.IntegrityError:
            # The same remote id already arrived as its own row (e.g. an echo raced the
            # confirmation): keep ours and drop the duplicate's claim to the id.
            new_remote = msg.remote_id
            self._conn.execute(
                "UPDATE messages SET delivery=?, failure=? WHERE seq=?",
                (state.value, reason, msg.seq),
            )
        return replace(msg, delivery=state, failure_reason=reason, remote_id=new_remote)

    def _set_remote_id(self, msg: Message, remote_id: str) -> Message | None:
        try:
            self._conn.execute("UPDATE messages SET remote_id=? WHERE seq=?", (remote_id, msg.seq))
        except sqlite3.IntegrityError:
            return None
        return replace(msg, remote_id=remote_id)

    def set_trust(self, local_id: str, trust: Trust) -> Message | None:
        """How one of our messages went end to end (the service says once it is sent)."""
        msg = self.message_by_local_id(local_id)
        if msg is None or msg.trust is trust:
            return None
        self._conn.execute("UPDATE messages SET trust=? WHERE seq=?", (trust.value, msg.seq))
        return replace(msg, trust=trust)

    def mark_outgoing_up_to(
        self, native_id: str, upto: Message, state: DeliveryState
    ) -> list[Message]:
        """Advance every outgoing message at or before ``upto`` to ``state`` (read markers)."""
        row = self._row_by_native[native_id]
        lower = [s.value for s in DeliveryState if 0 <= s.rank < state.rank]
        marks = ",".join("?" * len(lower))
        found = self._query_messages(
            f"SELECT {MSG_COLUMNS} FROM messages WHERE conversation=? AND outgoing=1"
            f" AND (ts, seq) <= (?, ?) AND delivery IN ({marks})",
            (row, to_millis(upto.timestamp), upto.seq, *lower),
        )
        if found:
            with self.transaction():
                self._conn.executemany(
                    "UPDATE messages SET delivery=? WHERE seq=?",
                    [(state.value, m.seq) for m in found],
                )
        return [replace(m, delivery=state) for m in found]

    def apply_edit(
        self, native_id: str, target_remote_id: str, body: str, html: str | None, sender: str
    ) -> Message | None:
        """Replace a message's body, if ``sender`` wrote it (nobody may edit someone else's)."""
        msg = self.message_by_remote_id(native_id, target_remote_id)
        if msg is None or msg.sender != sender:
            return None
        self._conn.execute(
            "UPDATE messages SET body=?, html=?, body_text=NULL, edited=1 WHERE seq=?",
            (body, html, msg.seq),
        )
        return replace(msg, body=body, html=html, edited=True)

    def replace_content(
        self,
        native_id: str,
        remote_id: str,
        *,
        body: str,
        html: str | None,
        kind: MessageKind,
        attachments: tuple[Attachment, ...],
        reply_to: str | None,
        trust: Trust,
    ) -> Message | None:
        """Put the real content of a message that could not be decrypted until now."""
        msg = self.message_by_remote_id(native_id, remote_id)
        if msg is None or msg.trust is not Trust.UNDECRYPTABLE:
            return None
        self._conn.execute(
            "UPDATE messages SET body=?, html=?, kind=?, attachments=?, reply_to=?, trust=?,"
            " body_text=NULL WHERE seq=?",
            (
                body,
                html,
                kind.value,
                dump_attachments(attachments),
                reply_to,
                trust.value,
                msg.seq,
            ),
        )
        return replace(
            msg,
            body=body,
            html=html,
            kind=kind,
            attachments=attachments,
            reply_to=reply_to,
            trust=trust,
        )

    def retract(
        self, native_id: str, remote_id: str, moderation: Moderation | None = None
    ) -> Message | None:
        """Remove a message's content, by its sender or (``moderation``) by a room moderator."""
        msg = self.message_by_remote_id(native_id, remote_id)
        return None if msg is None else retract_row(self._conn, msg, moderation)

    def change_reaction(
        self,
        native_id: str,
        target_remote_id: str,
        sender: str,
        *,
        add: Iterable[str] = (),
        remove: Iterable[str] = (),
        replace_all: bool = False,
    ) -> Message | None:
        msg = self.message_by_remote_id(native_id, target_remote_id)
        if msg is None:
            return None
        table: dict[str, list[str]] = {r.key: list(r.senders) for r in msg.reactions}
        if replace_all:
            for senders in table.values():
                if sender in senders:
                    senders.remove(sender)
        for key in remove:
            if sender in table.get(key, []):
                table[key].remove(sender)
        for key in add:
            senders = table.setdefault(key, [])
            if sender not in senders:
                senders.append(sender)
        reactions = tuple(Reaction(k, tuple(v)) for k, v in table.items() if v)
        if reactions == msg.reactions:
            return None
        self._conn.execute(
            "UPDATE messages SET reactions=? WHERE seq=?",
            (dump_reactions(reactions), msg.seq),
        )
        return replace(msg, reactions=reactions)

    def delete_older_than(self, cutoff_ms: int) -> int:
        """Delete messages with a server time before ``cutoff_ms``; returns how many."""
        deleted = 0
        with self.transaction():
            for row in list(self._by_row):
                cur = self._conn.execute(
                    "DELETE FROM messages WHERE conversation=? AND ts < ?", (row, cutoff_ms)
                )
                deleted += max(cur.rowcount, 0)
        return deleted

    # -- messages: reading -----------------------------------------------------------------

    def page(self, native_id: str, before: Cursor | None = None, limit: int = 50) -> Page:
        """Up to ``limit`` messages older than ``before`` (newest page when None), oldest first."""
        row = self._row_by_native.get(native_id)
        if row is None:
            return Page((), None)
        if before is None:
            found = self._query_messages(
                f"SELECT {MSG_COLUMNS} FROM messages WHERE conversation=?"
                " AND thread_root IS NULL ORDER BY ts DESC, seq DESC LIMIT ?",
                (row, limit),
            )
        else:
            found = self._query_messages(
                f"SELECT {MSG_COLUMNS} FROM messages WHERE conversation=? AND (ts, seq) < (?, ?)"
                " AND thread_root IS NULL ORDER BY ts DESC, seq DESC LIMIT ?",
                (row, before.timestamp_ms, before.seq, limit),
            )
        found.reverse()
        more = found[0].cursor if len(found) == limit and found else None
        return Page(tuple(found), more)

    def page_after(self, native_id: str, after: Cursor, limit: int = 50) -> Page:
        """Up to ``limit`` messages newer than ``after``, oldest first.

        ``Page.before`` is the cursor of the newest message returned when more may follow (None
        when the newest stored message is included), so a view can keep paging forward.
        """
        row = self._row_by_native.get(native_id)
        if row is None:
            return Page((), None)
        found = self._query_messages(
            f"SELECT {MSG_COLUMNS} FROM messages WHERE conversation=? AND (ts, seq) > (?, ?)"
            " AND thread_root IS NULL ORDER BY ts, seq LIMIT ?",
            (row, after.timestamp_ms, after.seq, limit),
        )
        more = found[-1].cursor if len(found) == limit else None
        return Page(tuple(found), more)

    def thread_page(
        self, native_id: str, root: str, before: Cursor | None = None, limit: int = 50
    ) -> Page:
        """A page of a thread's replies (the main timeline's pages leave them out)."""
        row = self._row_by_native.get(native_id)
        if row is None:
            return Page((), None)
        return self.threads.page(row, root, before, limit)

    def conversation_row(self, native_id: str) -> int | None:
        """The conversation's row id (for :attr:`threads`), None when it is not stored."""
        return self._row_by_native.get(native_id)

    def message_by_local_id(self, local_id: str) -> Message | None:
        found = self._query_messages(
            f"SELECT {MSG_COLUMNS} FROM messages WHERE local_id=?", (local_id,)
        )
        return found[0] if found else None

    def message_by_remote_id(self, native_id: str, remote_id: str) -> Message | None:
        """The message a service refers to by ``remote_id``: its remote id, else its second
        (``ref_id``) id, else — for our own messages — the local id we sent it under."""
        row = self._row_by_native.get(native_id)
        if row is None:
            return None
        for column in ("remote_id", "ref_id", "local_id"):
            found = self._query_messages(
                f"SELECT {MSG_COLUMNS} FROM messages WHERE conversation=? AND {column}=?",
                (row, remote_id),
            )
            if found:
                return found[0]
        return None

    def latest_incoming_remote_id(self, native_id: str) -> str | None:
        """The newest message from someone else that has a remote id (for read markers)."""
        row = self._row_by_native.get(native_id)
        if row is None:
            return None
        r = self._conn.execute(
            "SELECT remote_id FROM messages WHERE conversation=? AND outgoing=0"
            " AND remote_id IS NOT NULL ORDER BY ts DESC, seq DESC LIMIT 1",
            (row,),
        ).fetchone()
        return None if r is None else str(r[0])

    def oldest_remote_id(self, native_id: str) -> str | None:
        """The remote id of the oldest stored message that has one (where backfill continues)."""
        row = self._row_by_native.get(native_id)
        if row is None:
            return None
        r = self._conn.execute(
            "SELECT remote_id FROM messages WHERE conversation=? AND remote_id IS NOT NULL"
            " ORDER BY ts, seq LIMIT 1",
            (row,),
        ).fetchone()
        return None if r is None else str(r[0])

    def search(
        self,
        text: str,
        limit: int = 50,
        conversation: str | None = None,
        cancel: Cancel | None = None,
    ) -> list[Message]:
        """Messages matching every word of ``text``, most recently stored first: see
        :class:`~app.store.search.StoreSearch` (safe from any thread, on its own connection)."""
        return self.searcher.search(text, limit, conversation, cancel)

    def unread_activity(self, limit: int = 200) -> list[Message]:
        """Incoming messages not read yet that call for the person: those that mention them,
        and everything in direct conversations (the activity inbox), newest first."""
        return self._query_messages(
            f"SELECT {MSG_COLUMNS_M} FROM messages m JOIN conversations c"
            " ON m.conversation = c.id WHERE m.outgoing = 0 AND m.retracted = 0 AND c.joined = 1"
            " AND (m.mentions_me = 1 OR c.kind = ?) AND (m.ts, m.seq) > (c.read_ts, c.read_seq)"
            " ORDER BY m.ts DESC, m.seq DESC LIMIT ?",
            (ConversationKind.DIRECT.value, limit),
        )

    def iter_messages(
        self, batch: int = 1000, conversation: str | None = None
    ) -> Iterator[Message]:
        """Every message (of one conversation, if given) in storage order, streamed (export)."""
        last = 0
        where = ""
        extra: tuple[Any, ...] = ()
        if conversation is not None:
            row = self._row_by_native.get(conversation)
            if row is None:
                return
            where, extra = " AND conversation=?", (row,)
        while True:
            found = self._query_messages(
                f"SELECT {MSG_COLUMNS} FROM messages WHERE seq > ?{where} ORDER BY seq LIMIT ?",
                (last, *extra, batch),
            )
            if not found:
                return
            yield from found
            last = found[-1].seq

    def message_count(self, native_id: str | None = None) -> int:
        """Counts by scanning; for tools and tests, never called on the startup path."""
        if native_id is None:
            return int(self._conn.execute("SELECT count(*) FROM messages").fetchone()[0])
        row = self._row_by_native.get(native_id)
        if row is None:
            return 0
        return int(
            self._conn.execute(
                "SELECT count(*) FROM messages WHERE conversation=?", (row,)
            ).fetchone()[0]
        )

    # -- outbox (see app.store.outbox_records) -----------------------------------------------

    def outbox_add(
        self, local_id: str, conversation: str, payload: Mapping[str, Any], now_ms: int
    ) -> None:
        self.outbox.add(local_id, conversation, payload, now_ms)

    def outbox_entries(self) -> list[OutboxEntry]:
        return self.outbox.entries()

    def outbox_entry(self, local_id: str) -> OutboxEntry | None:
        return self.outbox.entry(local_id)

    def outbox_mark(self, local_id: str, state: str) -> None:
        self.outbox.mark(local_id, state)

    def outbox_remove(self, local_id: str) -> bool:
        return self.outbox.remove(local_id)

    # -- contacts and members (see app.store.people) -----------------------------------------

    def contacts(self) -> list[Contact]:
        return self.people.contacts()

    def contact(self, native_id: str) -> Contact | None:
        return self.people.contact(native_id)

    def upsert_contacts(self, contacts: Iterable[Contact], *, complete: bool = False) -> None:
        self.people.upsert_contacts(contacts, complete=complete)

    def remove_contacts(self, native_ids: Iterable[str]) -> None:
        self.people.remove_contacts(native_ids)

    def is_blocked(self, native_id: str) -> bool:
        return self.people.is_blocked(native_id)

    def is_contact(self, native_id: str) -> bool:
        return self.people.is_contact(native_id)

    def member_contact(self, native_id: str, member_id: str) -> str | None:
        """The real identity behind a member of a room, when the service revealed it."""
        return self.people.member_contact(native_id, member_id)

    def members(self, native_id: str) -> list[Member]:
        return self.people.members(native_id)

    def change_members(
        self,
        native_id: str,
        upserted: Iterable[Member],
        removed: Iterable[str] = (),
        *,
        complete: bool = False,
    ) -> None:
        self.people.change_members(native_id, upserted, removed, complete=complete)

    # -- small state -----------------------------------------------------------------------

    def get_state(self, key: str) -> str | None:
        r = self._conn.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return None if r is None else str(r[0])

    def set_state(self, key: str, value: str | None) -> None:
        with self.transaction():
            if value is None:
                self._conn.execute("DELETE FROM state WHERE key=?", (key,))
            else:
                self._conn.execute(
                    "INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)", (key, value)
                )

    # -- internals -------------------------------------------------------------------------

    def _cache_conversation(self, row: int, conv: Conversation) -> None:
        self._by_row[row] = conv
        self._row_by_native[conv.id.native_id] = row

    def _conversation_from_row(self, r: Sequence[Any]) -> Conversation:
        return conversation_from_row(self.account_id, r)

    def _query_messages(self, sql: str, params: Sequence[Any]) -> list[Message]:
        account, by_row = self.account_id, self._by_row
        return [
            message_from_row(account, by_row[r[1]].id, r) for r in self._conn.execute(sql, params)
        ]


def _is_progress(old: DeliveryState, new: DeliveryState) -> bool:
    if new is DeliveryState.FAILED:
        return old in (DeliveryState.PENDING,)
    if old is DeliveryState.FAILED:
        return False
    return new.rank > old.rank
