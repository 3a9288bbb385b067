"""One transaction over a store's connection, nested calls as savepoints.

What sqlite-utils' ``Database.atomic()`` does, written out so opening a store does not import
sqlite-utils (0.1 s at start; it is imported only when a migration is pending, see
:mod:`app.store.schema`).
"""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
from collections.abc import Iterator

_names = itertools.count()


@contextlib.contextmanager
def atomic(conn: sqlite3.Connection) -> Iterator[None]:
    """Group writes into one transaction (a savepoint inside one already open): a failure rolls
    back, unless it already ended the transaction itself (a ``RAISE(ROLLBACK)``), and is raised
    again."""
    if conn.in_transaction:
        savepoint = f"chinwag_{next(_names)}"
        conn.execute(f"SAVEPOINT {savepoint}")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            raise
        conn.execute(f"RELEASE SAVEPOINT {savepoint}")
        return
    conn.execute("BEGIN")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        _roll_back(conn)
        raise


def _roll_back(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:  # not if the failure ended the transaction itself
        conn.execute("ROLLBACK")
