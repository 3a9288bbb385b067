"""Disk trouble on demand for a real SQLite file: ``max_page_count`` at the file's size makes SQLite
answer ``SQLITE_FULL`` ("database or disk is full") as soon as a write needs one page more;
:class:`FailAfterCommit` makes a transaction raise after its COMMIT went through (a failed fsync)."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from typing import Any


def fill_disk(conn: sqlite3.Connection) -> None:
    """No page more for ``conn``'s file (the WAL is folded in first, so the size is the file's)."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


def free_disk(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA max_page_count = 1073741823")


def io_error(
    message: str = "disk I/O error", code: int = sqlite3.SQLITE_IOERR_FSYNC
) -> sqlite3.Error:
    """What SQLite raises when the fsync after writing a transaction fails (``SQLITE_IOERR_FSYNC``):
    the WAL may hold the whole transaction all the same."""
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


class _FailingTransactions:
    """Makes the next ``times`` outermost transactions of ``store`` raise ``error``: inside the
    transaction after its writes (``inside``: SQLite rolls it back) or after its real COMMIT;
    ``undo`` gives the store its own ``transaction`` back."""

    inside = False

    def __init__(
        self,
        store: Any,
        times: int = 1,
        error: sqlite3.Error | None = None,
        before_raising: Callable[[], None] | None = None,
    ) -> None:
        self.store = store
        self.times = times
        self.error = error or self.default_error()
        self.before_raising = before_raising  # e.g. make the reads fail too
        self.raised = 0
        self._real = store.transaction
        store.transaction = self._transaction

    @staticmethod
    def default_error() -> sqlite3.Error:
        return io_error()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        outer = not self.store._conn.in_transaction
        with self._real():
            yield
            if self.inside:
                self._raise_if_due(outer)
        if not self.inside:
            self._raise_if_due(outer)

    def _raise_if_due(self, outer: bool) -> None:
        if not outer or self.raised >= self.times:
            return
        self.raised += 1
        if self.before_raising is not None:
            self.before_raising()
        raise self.error

    def undo(self) -> None:
        self.store.transaction = self._real


class FailAfterCommit(_FailingTransactions):
    """Makes the next ``times`` outermost transactions of ``store`` raise *after* their real
    COMMIT went through: what a failed fsync after SQLite wrote the WAL frame looks like to the
    caller (the transaction is on disk, yet COMMIT reported an error)."""


class FailBeforeCommit(_FailingTransactions):
    """Makes the next ``times`` outermost transactions of ``store`` raise ``error`` after their
    writes, inside the transaction: SQLite rolls them back for real, as when the disk fails
    while the transaction is being written. What the writes put in memory on the way (the
    store's conversation cache) is then ahead of the file."""

    inside = True

    @staticmethod
    def default_error() -> sqlite3.Error:
        return io_error(code=sqlite3.SQLITE_IOERR)
