"""The whole terms of a store's full-text index, so a typed prefix can be searched as its words.

FTS5 answers a prefix query (``"coffee"*``) by merging the rows of every term that begins with it
before it can return the newest 50: its cost follows the rows that contain the word (11 ms per
store of 2,000,000 messages, 310 ms for "t"). The same words matched whole, as an ``OR`` of
``"coffee"``, ``"coffees"`` …, are read lazily from the newest row and cost 0.4 ms. FTS5's own
term list (``fts5vocab``) costs 8.5 ms a lookup, so the store keeps one of its own, the
``search_terms`` table (schema 0009):

- **Exactly the tokenizer's terms.** No stored text is tokenized in Python: the terms of new
  rows are read back from SQLite's own tokenizer (the bodies put through a temporary,
  contentless FTS5 table with the store's tokenizer, read through ``fts5vocab``), and a store
  that has history already is filled from its full-text index itself (:class:`TermsBuild`).
  Only a typed word of ASCII letters and digits skips SQLite (:func:`tokens_of`).
- **Kept where rows change**: :meth:`SearchTerms.add_from` after each appended batch, in its
  transaction, and a temporary trigger on every change of a body (an edit), in its statement.
  Deleting or redacting a message leaves its terms behind: a stale term only adds a word that
  matches no row to the ``OR``, which changes no result.
- **Used only when complete** (the row :data:`COMPLETE`): until the background build of
  an existing store has finished, search keeps the prefix query.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from app.store.schema import FTS_TOKENIZER

log = logging.getLogger(__name__)

COMPLETE = ""
"""A row of ``search_terms`` that says the table is complete: every stored row's terms are in
it. The tokenizer never makes an empty term, and no prefix search reads it."""

_TOKENS = "chinwag_tokens"
_TOKENS_VOCAB = "chinwag_tokens_vocab"
BUILD_CHUNK = 2000
"""Terms written per transaction by the background build: a few milliseconds each, so the
store thread's own writes never wait long for it."""


def create_tokenizer_tables(conn: sqlite3.Connection, *, detail: str = "none") -> None:
    """Temporary (in-memory) tables that run the store's tokenizer on text: a contentless FTS5
    table with the same tokenizer, and its term list. ``detail='full'`` keeps each token's
    position (for :func:`tokens_of`)."""
    conn.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{_TOKENS} USING fts5(body, content='',"
        f" detail={detail}, columnsize=0, tokenize='{FTS_TOKENIZER}')"
    )
    conn.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{_TOKENS_VOCAB}"
        f" USING fts5vocab(temp, {_TOKENS}, instance)"
    )


def tokens_of(conn: sqlite3.Connection, text: str) -> list[str]:
    """``text`` as the store's tokenizer splits and folds it, in order (on a connection where
    :func:`create_tokenizer_tables` made the tables with ``detail='full'``)."""
    if text.isascii() and text.isalnum():
        return [text.lower()]  # ASCII letters and digits: one token, folded to lower case
    conn.execute(f"INSERT INTO temp.{_TOKENS}({_TOKENS}) VALUES ('delete-all')")
    conn.execute(f"INSERT INTO temp.{_TOKENS}(rowid, body) VALUES (1, ?)", (text,))
    rows = conn.execute(f"SELECT term FROM temp.{_TOKENS_VOCAB} ORDER BY offset").fetchall()
    return [term for (term,) in rows]


def prefix_end(prefix: str) -> str | None:
    """The least string above every string that begins with ``prefix`` (None: no bound). Code
    point order is UTF-8 byte order, SQLite's BINARY collation and FTS5's term order."""
    chars = list(prefix)
    while chars:
        code = ord(chars[-1]) + 1
        if code == 0xD800:  # surrogates are not characters
            code = 0xE000
        if code <= 0x10FFFF:
            chars[-1] = chr(code)
            return "".join(chars)
        chars.pop()
    return None


class SearchTerms:
    """The term table of one store, kept by the thread that owns the store's connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._build: TermsBuild | None = None
        create_tokenizer_tables(conn)
        # An edit's new words (any change of a body on this connection: an edit, a message
        # decrypted late) join the table in the same statement. A TEMP trigger may use the
        # temporary tokenizer; it is no part of the file, so other connections do not run it.
        conn.execute(
            "CREATE TEMP TRIGGER IF NOT EXISTS chinwag_terms_on_edit"
            " AFTER UPDATE OF body ON main.messages BEGIN"
            f" INSERT INTO {_TOKENS}(rowid, body) VALUES (new.seq, new.body);"
            f" INSERT OR IGNORE INTO search_terms(term) SELECT DISTINCT term"
            f" FROM temp.{_TOKENS_VOCAB};"
            f" INSERT INTO {_TOKENS}({_TOKENS}) VALUES ('delete-all');"
            " END"
        )

    def add_from(self, first_seq: int) -> None:
        """Add the terms of every message from ``first_seq`` on (a batch just appended)."""
        self._add(f"SELECT seq, body FROM messages WHERE seq >= {int(first_seq)}")

    def build_in_background(self, path: Path, lock: threading.Lock, delay: float = 10.0) -> None:
        """Fill the table from the full-text index (:class:`TermsBuild`, which does nothing if it
        is complete); any thread. The build stops when the store closes (:meth:`close`)."""
        if self._build is None:
            self._build = TermsBuild(path, lock, delay)
            self._build.start()

    @property
    def building(self) -> bool:
        """Whether a background build was started (and not stopped) for this store."""
        return self._build is not None

    def close(self) -> None:
        if self._build is not None:
            self._build.stop()
            self._build = None

    def complete(self) -> bool:
        """Whether every stored row's terms are in the table."""
        return is_complete(self._conn)

    def _add(self, select: str) -> None:
        conn = self._conn
        conn.execute(f"INSERT INTO temp.{_TOKENS}(rowid, body) {select}")
        conn.execute(
            f"INSERT OR IGNORE INTO search_terms(term) SELECT DISTINCT term FROM temp.{_TOKENS_VOCAB}"
        )
        conn.execute(f"INSERT INTO temp.{_TOKENS}({_TOKENS}) VALUES ('delete-all')")


def is_complete(conn: sqlite3.Connection) -> bool:
    """Whether the store's term table is complete (see :data:`COMPLETE`)."""
    found = conn.execute("SELECT 1 FROM search_terms WHERE term = ?", (COMPLETE,)).fetchone()
    return found is not None


def expand(conn: sqlite3.Connection, prefix: str, most: int) -> list[str] | None:
    """The stored terms that begin with ``prefix`` (a token), in order; None when more than
    ``most`` do (the prefix query is then the cheaper one)."""
    end = prefix_end(prefix)
    if end is None:
        rows = conn.execute(
            "SELECT term FROM search_terms WHERE term >= ? LIMIT ?", (prefix, most + 1)
        ).fetchall()
    else:
        rows = conn.execute(
            "SELECT term FROM search_terms WHERE term >= ? AND term < ? LIMIT ?",
            (prefix, end, most + 1),
        ).fetchall()
    if len(rows) > most:
        return None
    return [term for (term,) in rows]


def refill(conn: sqlite3.Connection) -> None:
    """Make the table the full-text index's words, at once, and complete: for tools that write
    rows around :meth:`AccountStore.append` and then rebuild the index (benchmark profiles)."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.chinwag_index_terms"
        " USING fts5vocab(main, messages_fts, row)"
    )
    conn.execute("DELETE FROM search_terms")
    conn.execute("INSERT INTO search_terms(term) SELECT term FROM temp.chinwag_index_terms")
    conn.execute("INSERT INTO search_terms(term) VALUES (?)", (COMPLETE,))


class TermsBuild:
    """Fills the term table of a store that has history from its full-text index, on a thread
    of its own at the lowest CPU priority, after ``delay`` seconds (start comes first).

    It reads FTS5's term list (``fts5vocab``) and the newest ``seq`` in one read transaction
    (one snapshot), writes the terms in short transactions, then marks the table complete: rows
    stored after that snapshot, and edits, added their own terms (:class:`SearchTerms`), so
    nothing is missed. ``lock`` lets only one store build at a time."""

    def __init__(
        self,
        path: Path,
        lock: threading.Lock,
        delay: float = 10.0,
        on_done: Callable[[], None] | None = None,
    ) -> None:
        self.path = path
        self._lock = lock
        self._delay = delay
        self._on_done = on_done
        self._stop = threading.Event()
        self._conn: sqlite3.Connection | None = None
        self._thread = threading.Thread(target=self._run, name="chinwag-terms", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop at once (the table stays incomplete; the next start builds it again)."""
        self._stop.set()
        conn = self._conn
        if conn is not None:
            conn.interrupt()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        with contextlib.suppress(OSError, AttributeError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)  # this thread only
        if self._stop.wait(self._delay):
            return
        with self._lock:
            if self._stop.is_set():
                return
            try:
                self._build()
            except sqlite3.Error as exc:
                if not self._stop.is_set():
                    log.warning("search terms of %s not built: %s", self.path.name, exc)
                return
        if self._on_done is not None and not self._stop.is_set():
            self._on_done()

    def _build(self) -> None:
        conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._conn = conn
        try:
            conn.execute("PRAGMA busy_timeout=5000")
            conn.execute("PRAGMA temp_store=MEMORY")
            if is_complete(conn):
                return
            conn.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.chinwag_index_terms"
                " USING fts5vocab(main, messages_fts, row)"
            )
            writer = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            try:
                writer.execute("PRAGMA busy_timeout=5000")
                conn.execute("BEGIN")  # one snapshot for the term list
                cursor = conn.execute("SELECT term FROM temp.chinwag_index_terms")
                while not self._stop.is_set():
                    chunk = cursor.fetchmany(BUILD_CHUNK)
                    if not chunk:
                        break
                    with _write(writer):
                        writer.executemany(
                            "INSERT OR IGNORE INTO search_terms(term) VALUES (?)", chunk
                        )
                conn.execute("COMMIT")
                if self._stop.is_set():
                    return
                with _write(writer):
                    writer.execute(
                        "INSERT OR IGNORE INTO search_terms(term) VALUES (?)", (COMPLETE,)
                    )
                log.info("search terms of %s built", self.path.name)
            finally:
                writer.close()
        finally:
            self._conn = None
            conn.close()


@contextlib.contextmanager
def _write(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
