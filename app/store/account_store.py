"""One account's history on disk: a single SQLite file, the unit of export and deletion.

The store is synchronous and owned by one thread at a time (the core runs it in its database
worker, see :mod:`app.store.worker`), so its in-memory conversation cache stays the single source
of truth for conversation rows. Opening never scans messages: it reads the migration table and the
(small) conversation table only.
"""

from __future__ import annotations

import contextlib
import enum
import json
import os
import sqlite3
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from sqlite_utils import Database

from app.models import (
    AccountId,
    Attachment,
    Contact,
    ContactId,
    Conversation,
    ConversationId,
    ConversationKind,
    Cursor,
    DeliveryState,
    Direction,
    Member,
    Message,
    MessageId,
    MessageKind,
    NotifyLevel,
    Page,
    Reaction,
    Role,
    Trust,
    from_millis,
    to_millis,
)
from app.store.fts import fts_query
from app.store.schema import MIGRATIONS

OUTBOX_QUEUED = "queued"
OUTBOX_IN_FLIGHT = "in_flight"

_MSG_COLUMNS = (
    "seq, conversation, local_id, remote_id, sender, sender_name, ts, body, html, kind, outgoing,"
    " delivery, failure, reply_to, edited, retracted, mentions_me, attachments, reactions, ref_id,"
    " trust"
)
_MSG_COLUMNS_M = ", ".join("m." + c.strip() for c in _MSG_COLUMNS.split(","))
_CONV_COLUMNS = (
    "id, native_id, kind, title, topic, unread, mentions, last_activity, encrypted, notify, joined,"
    " trust"
)
_INSERT_MESSAGE = (
    "INSERT OR IGNORE INTO messages (conversation, local_id, remote_id, sender, sender_name, ts,"
    " body, html, kind, outgoing, delivery, failure, reply_to, edited, retracted, mentions_me,"
    " attachments, reactions, ref_id, trust) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)


class StoreError(Exception):
    """The store cannot be used (unreadable file, newer schema, disk full)."""


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    local_id: str
    conversation: str
    payload: Mapping[str, Any]
    state: str
    attempts: int
    created_ms: int


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
            self.db = Database(conn, execute_plugins=False)
            MIGRATIONS.apply(self.db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the store {path}: {exc}") from exc
        self._conn = conn
        self._by_row: dict[int, Conversation] = {}
        self._row_by_native: dict[str, int] = {}
        self.reload_conversations()

    def reload_conversations(self) -> None:
        """Re-read the conversation cache (after a rolled-back transaction)."""
        self._by_row.clear()
        self._row_by_native.clear()
        for row in self._conn.execute(f"SELECT {_CONV_COLUMNS} FROM conversations"):
            self._cache_conversation(row[0], self._conversation_from_row(row))

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._conn.execute("PRAGMA optimize")
        self._conn.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes into one transaction (nested calls become savepoints)."""
        with self.db.atomic():
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
        self._conn.execute(
            "UPDATE conversations SET kind=?, title=?, topic=?, unread=?, mentions=?,"
            " last_activity=?, encrypted=?, notify=?, joined=?, trust=? WHERE id=?",
            (
                conv.kind.value,
                conv.title,
                conv.topic,
                conv.unread_count,
                conv.mention_count,
                None if conv.last_activity is None else to_millis(conv.last_activity),
                int(conv.encrypted),
                conv.notify.value,
                int(conv.joined),
                conv.trust.value,
                row,
            ),
        )
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

    # -- messages: writing -----------------------------------------------------------------

    def append(self, messages: Sequence[Message]) -> list[Message]:
        """Insert messages whose conversation exists; replays (same remote or local id) are skipped.

        Returns the messages actually inserted, with their ``seq``. Call inside
        :meth:`transaction` to batch.
        """
        inserted: list[Message] = []
        execute = self._conn.execute
        rows = self._row_by_native
        with self.transaction():
            for msg in messages:
                conv_row = rows[msg.conversation_id.native_id]
                cur = execute(_INSERT_MESSAGE, self._message_params(conv_row, msg))
                if cur.rowcount == 1:
                    assert cur.lastrowid is not None
                    inserted.append(replace(msg, seq=cur.lastrowid))
        return inserted

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
            f"SELECT {_MSG_COLUMNS} FROM messages WHERE conversation=? AND outgoing=1"
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
            "UPDATE messages SET body=?, html=?, edited=1 WHERE seq=?", (body, html, msg.seq)
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
            "UPDATE messages SET body=?, html=?, kind=?, attachments=?, reply_to=?, trust=?"
            " WHERE seq=?",
            (
                body,
                html,
                kind.value,
                _dump_attachments(attachments),
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

    def retract(self, native_id: str, remote_id: str) -> Message | None:
        msg = self.message_by_remote_id(native_id, remote_id)
        if msg is None:
            return None
        self._conn.execute(
            "UPDATE messages SET body='', html=NULL, attachments=NULL, retracted=1 WHERE seq=?",
            (msg.seq,),
        )
        return replace(msg, body="", html=None, attachments=(), retracted=True)

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
            (_dump_reactions(reactions), msg.seq),
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
                f"SELECT {_MSG_COLUMNS} FROM messages WHERE conversation=?"
                " ORDER BY ts DESC, seq DESC LIMIT ?",
                (row, limit),
            )
        else:
            found = self._query_messages(
                f"SELECT {_MSG_COLUMNS} FROM messages WHERE conversation=? AND (ts, seq) < (?, ?)"
                " ORDER BY ts DESC, seq DESC LIMIT ?",
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
            f"SELECT {_MSG_COLUMNS} FROM messages WHERE conversation=? AND (ts, seq) > (?, ?)"
            " ORDER BY ts, seq LIMIT ?",
            (row, after.timestamp_ms, after.seq, limit),
        )
        more = found[-1].cursor if len(found) == limit else None
        return Page(tuple(found), more)

    def message_by_local_id(self, local_id: str) -> Message | None:
        found = self._query_messages(
            f"SELECT {_MSG_COLUMNS} FROM messages WHERE local_id=?", (local_id,)
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
                f"SELECT {_MSG_COLUMNS} FROM messages WHERE conversation=? AND {column}=?",
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

    def search(self, text: str, limit: int = 50, conversation: str | None = None) -> list[Message]:
        """Messages matching every word of ``text``, most recently stored first."""
        query = fts_query(text)
        if not query:
            return []
        try:
            if conversation is None:
                return self._query_messages(
                    f"SELECT {_MSG_COLUMNS} FROM messages WHERE seq IN ("
                    " SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?"
                    " ORDER BY rowid DESC LIMIT ?) ORDER BY seq DESC",
                    (query, limit),
                )
            row = self._row_by_native.get(conversation)
            if row is None:
                return []
            return self._query_messages(
                f"SELECT {_MSG_COLUMNS_M} FROM messages_fts f JOIN messages m ON m.seq = f.rowid"
                " WHERE messages_fts MATCH ? AND m.conversation = ? ORDER BY m.seq DESC LIMIT ?",
                (query, row, limit),
            )
        except sqlite3.OperationalError:
            return []  # a query FTS5 still rejects is "no results", not a crash

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
                f"SELECT {_MSG_COLUMNS} FROM messages WHERE seq > ?{where} ORDER BY seq LIMIT ?",
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

    # -- outbox ----------------------------------------------------------------------------

    def outbox_add(
        self, local_id: str, conversation: str, payload: Mapping[str, Any], now_ms: int
    ) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO outbox (local_id, conversation, payload, state, attempts, created)"
            " VALUES (?, ?, ?, ?, 0, ?)",
            (local_id, conversation, json.dumps(payload), OUTBOX_QUEUED, now_ms),
        )

    def outbox_entries(self) -> list[OutboxEntry]:
        return [
            OutboxEntry(r[0], r[1], json.loads(r[2]), r[3], r[4], r[5])
            for r in self._conn.execute(
                "SELECT local_id, conversation, payload, state, attempts, created FROM outbox"
                " ORDER BY created, rowid"
            )
        ]

    def outbox_entry(self, local_id: str) -> OutboxEntry | None:
        r = self._conn.execute(
            "SELECT local_id, conversation, payload, state, attempts, created FROM outbox"
            " WHERE local_id=?",
            (local_id,),
        ).fetchone()
        return None if r is None else OutboxEntry(r[0], r[1], json.loads(r[2]), r[3], r[4], r[5])

    def outbox_mark(self, local_id: str, state: str) -> None:
        self._conn.execute(
            "UPDATE outbox SET state=?, attempts=attempts + ? WHERE local_id=?",
            (state, 1 if state == OUTBOX_IN_FLIGHT else 0, local_id),
        )

    def outbox_remove(self, local_id: str) -> bool:
        return self._conn.execute("DELETE FROM outbox WHERE local_id=?", (local_id,)).rowcount > 0

    # -- contacts and members --------------------------------------------------------------

    def contacts(self) -> list[Contact]:
        return [
            self._contact_from_row(r)
            for r in self._conn.execute(
                "SELECT native_id, display_name, groups, subscription, blocked FROM contacts"
                " ORDER BY native_id"
            )
        ]

    def contact(self, native_id: str) -> Contact | None:
        r = self._conn.execute(
            "SELECT native_id, display_name, groups, subscription, blocked FROM contacts"
            " WHERE native_id=?",
            (native_id,),
        ).fetchone()
        return None if r is None else self._contact_from_row(r)

    def _contact_from_row(self, r: Sequence[Any]) -> Contact:
        return Contact(
            ContactId(self.account_id, r[0]),
            display_name=r[1],
            groups=tuple(json.loads(r[2])),
            subscription=r[3],
            blocked=bool(r[4]),
        )

    def upsert_contacts(self, contacts: Iterable[Contact], *, complete: bool = False) -> None:
        with self.transaction():
            if complete:
                self._conn.execute("DELETE FROM contacts")
            self._conn.executemany(
                "INSERT OR REPLACE INTO contacts (native_id, display_name, groups, subscription,"
                " blocked) VALUES (?, ?, ?, ?, ?)",
                [
                    (
                        c.id.native_id,
                        c.display_name,
                        json.dumps(list(c.groups)),
                        c.subscription,
                        int(c.blocked),
                    )
                    for c in contacts
                ],
            )

    def remove_contacts(self, native_ids: Iterable[str]) -> None:
        self._conn.executemany("DELETE FROM contacts WHERE native_id=?", [(n,) for n in native_ids])

    def is_blocked(self, native_id: str) -> bool:
        r = self._conn.execute(
            "SELECT blocked FROM contacts WHERE native_id=?", (native_id,)
        ).fetchone()
        return bool(r and r[0])

    def is_contact(self, native_id: str) -> bool:
        return (
            self._conn.execute("SELECT 1 FROM contacts WHERE native_id=?", (native_id,)).fetchone()
            is not None
        )

    def member_contact(self, native_id: str, member_id: str) -> str | None:
        """The real identity behind a member of a room, when the service revealed it."""
        row = self._row_by_native.get(native_id)
        if row is None:
            return None
        r = self._conn.execute(
            "SELECT contact FROM members WHERE conversation=? AND native_id=?", (row, member_id)
        ).fetchone()
        return None if r is None or r[0] is None else str(r[0])

    def members(self, native_id: str) -> list[Member]:
        row = self._row_by_native.get(native_id)
        if row is None:
            return []
        conv_id = ConversationId(self.account_id, native_id)
        return [
            Member(
                conv_id,
                r[0],
                display_name=r[1],
                role=_parse_enum(Role, r[2], Role.MEMBER),
                affiliation=r[3],
                contact=None if r[4] is None else ContactId(self.account_id, r[4]),
            )
            for r in self._conn.execute(
                "SELECT native_id, display_name, role, affiliation, contact FROM members"
                " WHERE conversation=? ORDER BY native_id",
                (row,),
            )
        ]

    def change_members(
        self,
        native_id: str,
        upserted: Iterable[Member],
        removed: Iterable[str] = (),
        *,
        complete: bool = False,
    ) -> None:
        row = self._row_by_native[native_id]
        with self.transaction():
            if complete:
                self._conn.execute("DELETE FROM members WHERE conversation=?", (row,))
            self._conn.executemany(
                "DELETE FROM members WHERE conversation=? AND native_id=?",
                [(row, n) for n in removed],
            )
            self._conn.executemany(
                "INSERT OR REPLACE INTO members (conversation, native_id, display_name, role,"
                " affiliation, contact) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (
                        row,
                        m.native_id,
                        m.display_name,
                        m.role.value,
                        m.affiliation,
                        None if m.contact is None else m.contact.native_id,
                    )
                    for m in upserted
                ],
            )

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
        return Conversation(
            ConversationId(self.account_id, r[1]),
            _parse_enum(ConversationKind, r[2], ConversationKind.DIRECT),
            title=r[3],
            topic=r[4],
            unread_count=r[5],
            mention_count=r[6],
            last_activity=None if r[7] is None else from_millis(r[7]),
            encrypted=bool(r[8]),
            notify=_parse_enum(NotifyLevel, r[9], NotifyLevel.ALL),
            joined=bool(r[10]),
            trust=_parse_enum(Trust, r[11], Trust.NONE),
        )

    def _query_messages(self, sql: str, params: Sequence[Any]) -> list[Message]:
        convert = self._message_from_row
        return [convert(r) for r in self._conn.execute(sql, params)]

    def _message_from_row(self, r: Sequence[Any]) -> Message:
        conv = self._by_row[r[1]]
        return Message(
            id=MessageId(self.account_id, r[2]),
            conversation_id=conv.id,
            remote_id=r[3],
            sender=r[4],
            sender_name=r[5],
            timestamp=from_millis(r[6]),
            body=r[7],
            html=r[8],
            kind=_parse_enum(MessageKind, r[9], MessageKind.TEXT),
            direction=Direction.OUTGOING if r[10] else Direction.INCOMING,
            delivery=_parse_enum(DeliveryState, r[11], DeliveryState.SENT),
            failure_reason=r[12],
            reply_to=r[13],
            edited=bool(r[14]),
            retracted=bool(r[15]),
            mentions_me=bool(r[16]),
            attachments=_load_attachments(r[17]),
            reactions=_load_reactions(r[18]),
            ref_id=r[19],
            trust=_parse_enum(Trust, r[20], Trust.NONE),
            seq=r[0],
        )

    @staticmethod
    def _message_params(conv_row: int, m: Message) -> tuple[Any, ...]:
        return (
            conv_row,
            m.id.native_id,
            m.remote_id,
            m.sender,
            m.sender_name,
            to_millis(m.timestamp),
            m.body,
            m.html,
            m.kind.value,
            int(m.direction is Direction.OUTGOING),
            m.delivery.value,
            m.failure_reason,
            m.reply_to,
            int(m.edited),
            int(m.retracted),
            int(m.mentions_me),
            _dump_attachments(m.attachments),
            _dump_reactions(m.reactions),
            m.ref_id,
            m.trust.value,
        )


def _is_progress(old: DeliveryState, new: DeliveryState) -> bool:
    if new is DeliveryState.FAILED:
        return old in (DeliveryState.PENDING,)
    if old is DeliveryState.FAILED:
        return False
    return new.rank > old.rank


_E = TypeVar("_E", bound=enum.Enum)


def _parse_enum(enum_cls: type[_E], value: str, default: _E) -> _E:
    """Unknown values (a newer version wrote them) fall back instead of failing the whole read."""
    try:
        return enum_cls(value)
    except ValueError:
        return default


def _dump_attachments(items: tuple[Attachment, ...]) -> str | None:
    if not items:
        return None
    return json.dumps([{k: v for k, v in _attachment_dict(a).items() if v} for a in items])


def _attachment_dict(a: Attachment) -> dict[str, Any]:
    return {
        "url": a.url,
        "filename": a.filename,
        "mime_type": a.mime_type,
        "size": a.size,
        "width": a.width,
        "height": a.height,
        "thumbnail_url": a.thumbnail_url,
        "local_path": a.local_path,
    }


def _load_attachments(raw: str | None) -> tuple[Attachment, ...]:
    if not raw:
        return ()
    return tuple(Attachment(**item) for item in json.loads(raw))


def _dump_reactions(reactions: tuple[Reaction, ...]) -> str | None:
    if not reactions:
        return None
    return json.dumps({r.key: list(r.senders) for r in reactions}, ensure_ascii=False)


def _load_reactions(raw: str | None) -> tuple[Reaction, ...]:
    if not raw:
        return ()
    return tuple(Reaction(k, tuple(v)) for k, v in json.loads(raw).items())
