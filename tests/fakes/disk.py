"""A full disk on demand for a real SQLite file: ``max_page_count`` at the file's size makes SQLite
answer ``SQLITE_FULL`` ("database or disk is full") as soon as a write needs one page more."""

from __future__ import annotations

import sqlite3


def fill_disk(conn: sqlite3.Connection) -> None:
    """No page more for ``conn``'s file (the WAL is folded in first, so the size is the file's)."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


def free_disk(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA max_page_count = 1073741823")
