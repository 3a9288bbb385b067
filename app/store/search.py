"""Full-text search of one account's store, on a connection of its own.

Kept apart from :class:`~app.store.account_store.AccountStore`, which one thread owns: a search
may run on any of the core's reader threads (:meth:`app.store.worker.StoreWorker.read`) beside
that thread, so the accounts' stores are searched at once and neither a search nor a write waits
for the other. It sees what was committed when it began. A query stopped by a
:class:`~app.store.worker.Cancel` finds nothing.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from pathlib import Path
from typing import Any

from app.models import AccountId, Conversation, Message
from app.store.fts import fts_query, fts_words, quoted
from app.store.rows import MSG_COLUMNS, MSG_COLUMNS_M, message_from_row
from app.store.terms import create_tokenizer_tables, expand, is_complete, tokens_of
from app.store.worker import Cancel, Cancelled

EXPAND_MOST = 30
"""A typed prefix is searched as the whole words it begins when it begins at most this many
(see :meth:`StoreSearch.query`); beyond, as FTS5's prefix query. Measured in a store of
2,000,000 messages (``scale_micro.py crossover``): each word of the ``OR`` costs about 0.12 ms
when it is rare (162 words 19.9 ms against the prefix query's 0.23 ms), while a prefix of common
words costs the prefix query hundreds of ms ("t", 13 words: 445 ms against 2.6 ms). The count
alone cannot tell the two apart, so it caps what expanding can cost (~3.6 ms a store)."""


class StoreSearch:
    """The search connection of one store (opened by the first search) and its queries.

    ``by_row`` and ``row_by_native`` are the store's conversation cache, read here without a
    lock: a conversation created while a search runs may be missing from its results."""

    def __init__(
        self,
        path: Path,
        account_id: AccountId,
        by_row: dict[int, Conversation],
        row_by_native: dict[str, int],
    ) -> None:
        self.path = path
        self.account_id = account_id
        self._by_row = by_row
        self._row_by_native = row_by_native
        self._reader: sqlite3.Connection | None = None
        self._tokenizer: sqlite3.Connection | None = None
        self._terms_complete = False
        self.expand_most = EXPAND_MOST
        self._lock = threading.Lock()  # one query at a time on the reader connection
        self._closed = False

    def search(
        self,
        text: str,
        limit: int = 50,
        conversation: str | None = None,
        cancel: Cancel | None = None,
    ) -> list[Message]:
        """Messages matching every word of ``text``, most recently stored first."""
        if not fts_words(text)[0]:
            return []
        params: tuple[Any, ...]
        if conversation is None:
            sql, params = (
                f"SELECT {MSG_COLUMNS} FROM messages WHERE seq IN ("
                " SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?"
                " ORDER BY rowid DESC LIMIT ?) ORDER BY seq DESC",
                (limit,),
            )
        else:
            row = self._row_by_native.get(conversation)
            if row is None:
                return []
            sql, params = (
                f"SELECT {MSG_COLUMNS_M} FROM messages_fts f JOIN messages m ON m.seq = f.rowid"
                " WHERE messages_fts MATCH ? AND m.conversation = ? ORDER BY m.seq DESC LIMIT ?",
                (row, limit),
            )
        with self._lock:
            if self._closed:
                return []
            conn = self._reader or self._open()

            # Each step on its own: an interrupt that lands between two statements is lost
            # (SQLite forgets it when none runs), and the next step's check catches it.
            def guard() -> contextlib.AbstractContextManager[None]:
                return cancel.running(conn) if cancel is not None else contextlib.nullcontext()

            try:
                with guard():
                    conn.execute("BEGIN")  # one snapshot: the terms and the rows they match
                try:
                    with guard():
                        query = self.query(conn, text)
                    with guard():
                        rows = conn.execute(sql, (query, *params)).fetchall() if query else []
                finally:
                    if conn.in_transaction:
                        with contextlib.suppress(sqlite3.Error):
                            conn.execute("ROLLBACK")  # it only read
            except Cancelled:
                return []
            except sqlite3.OperationalError:
                # Interrupted by ``cancel``, or a query FTS5 still rejects: no results, no crash.
                return []
        found = []
        for r in rows:
            conv = self._by_row.get(r[1])  # missing only in a race with a new conversation
            if conv is not None:
                found.append(message_from_row(self.account_id, conv.id, r))
        return found

    def query(self, conn: sqlite3.Connection, text: str) -> str:
        """The FTS5 query for ``text`` (:func:`~app.store.fts.fts_query`), its last word, when
        typed as a prefix, replaced by the ``OR`` of the whole words it begins
        (:mod:`app.store.terms`): the same rows, found lazily. Kept as a prefix while the term
        table is incomplete or the prefix begins more than :attr:`expand_most` words. "" when
        it can match nothing."""
        plain = fts_query(text)
        words, prefix = fts_words(text)
        if not prefix:
            return plain
        if not self._terms_complete:
            self._terms_complete = is_complete(conn)
            if not self._terms_complete:
                return plain
        if self._tokenizer is None:
            self._tokenizer = sqlite3.connect(":memory:", check_same_thread=False)
            create_tokenizer_tables(self._tokenizer, detail="full")
        tokens = tokens_of(self._tokenizer, words[-1])
        if not tokens:
            return plain
        terms = expand(conn, tokens[-1], self.expand_most)
        if terms is None:
            return plain
        if not terms:
            return ""  # no stored word begins so: the prefix query would find nothing either
        lead = " ".join([*tokens[:-1], ""])
        alternatives = " OR ".join(quoted(lead + term) for term in terms)
        return " AND ".join([*(quoted(w) for w in words[:-1]), f"({alternatives})"])

    def _open(self) -> sqlite3.Connection:
        """Read-only, any thread (one at a time, under the lock). A small page cache: a search
        reads each page once, and the operating system caches the file anyway."""
        conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA query_only=ON")
        conn.execute("PRAGMA busy_timeout=5000")
        conn.execute("PRAGMA temp_store=MEMORY")
        conn.execute("PRAGMA cache_size=-512")
        self._reader = conn
        return conn

    def close(self) -> None:
        """A search still running ends now, with no results; none starts after this."""
        self._closed = True
        reader = self._reader
        if reader is not None:
            reader.interrupt()
        with self._lock:
            if self._reader is not None:
                self._reader.close()
                self._reader = None
            if self._tokenizer is not None:
                self._tokenizer.close()
                self._tokenizer = None
