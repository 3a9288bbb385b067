"""Threads in the store: replies kept apart from the main timeline, and each root's summary.

A reply in a thread is an ordinary message row whose ``thread_root`` names the thread's first
message (its remote id). The root keeps a small JSON summary in its ``thread`` column:

- ``server``: the reply count the service last told (Matrix bundles it with the root), and
  ``live``: replies that arrived live since then, newer than the latest reply it counted
  (``server_ts``) — together what the service knows;
- ``stored``: replies stored here (a thread seen only in part has fewer);
- ``latest``: the newest reply (sender, name, start of its text, time); ``mine``: we took part.

The count shown is ``max(server + live, stored)``, so neither a summary that is behind nor
history fetched after it counts a reply twice. Pure SQL over the store's connection; the store
(:class:`~app.store.account_store.AccountStore`) owns the rows and calls in here.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from app.json_record import json_record
from app.models import Cursor, Message, Page, ThreadSummary, from_millis, to_millis

LATEST_CHARS = 200  # the start of the latest reply's text kept in the summary
Query = Callable[[str, Sequence[Any]], list[Message]]


def summary_of(raw: str | None) -> ThreadSummary | None:
    """The summary a root shows, from its stored JSON (None: not a thread's root)."""
    state = _load(raw)
    if state is None:
        return None
    latest = state.get("latest") or {}
    ts = latest.get("ts")
    return ThreadSummary(
        count=max(int(state.get("server", 0)) + int(state.get("live", 0)), int(state["stored"])),
        latest_sender=str(latest.get("sender", "")),
        latest_sender_name=str(latest.get("name", "")),
        latest_body=str(latest.get("body", "")),
        latest_timestamp=from_millis(ts) if isinstance(ts, int) else None,
        participated=bool(state.get("mine")),
    )


def _load(raw: str | None) -> dict[str, Any] | None:
    return json_record(raw, "stored", int)


def _latest(sender: str, name: str, body: str, ts: datetime | None) -> dict[str, Any]:
    return {
        "sender": sender,
        "name": name,
        "body": body[:LATEST_CHARS],
        "ts": to_millis(ts) if ts is not None else None,
    }


def _newer(a: dict[str, Any] | None, b: dict[str, Any] | None) -> dict[str, Any] | None:
    if a is None or b is None:
        return a or b
    return b if (b.get("ts") or 0) >= (a.get("ts") or 0) else a


class ThreadRecords:
    """Reads and updates of threads over one account store's connection."""

    def __init__(self, conn: sqlite3.Connection, query: Query, columns: str) -> None:
        self._conn = conn
        self._query = query  # SQL → messages, the store's own row conversion
        self._columns = columns  # the message columns that conversion reads
        self._has_threads: set[int] | None = None  # conversations holding thread replies

    # -- reading -----------------------------------------------------------------------------

    def page(self, conv_row: int, root: str, before: Cursor | None, limit: int) -> Page:
        """Up to ``limit`` replies of a thread older than ``before`` (newest when None), oldest
        first; the root itself is not among them."""
        if before is None:
            found = self._query(
                f"SELECT {self._columns} FROM messages WHERE conversation=? AND thread_root=?"
                " ORDER BY ts DESC, seq DESC LIMIT ?",
                (conv_row, root, limit),
            )
        else:
            found = self._query(
                f"SELECT {self._columns} FROM messages WHERE conversation=? AND thread_root=?"
                " AND (ts, seq) < (?, ?) ORDER BY ts DESC, seq DESC LIMIT ?",
                (conv_row, root, before.timestamp_ms, before.seq, limit),
            )
        found.reverse()
        more = found[0].cursor if len(found) == limit and found else None
        return Page(tuple(found), more)

    # -- writing -----------------------------------------------------------------------------

    def _state(self, conv_row: int, root: str) -> tuple[int, dict[str, Any], bool] | None:
        """The root's row (seq), its summary state, and whether that state was just counted
        from the stored replies (it had none); None when the root is not stored."""
        r = self._conn.execute(
            "SELECT seq, thread FROM messages WHERE conversation=? AND remote_id=?",
            (conv_row, root),
        ).fetchone()
        if r is None:
            return None
        state = _load(r[1])
        if state is not None:
            return int(r[0]), state, False
        return int(r[0]), self._counted(conv_row, root), True

    def _counted(self, conv_row: int, root: str) -> dict[str, Any]:
        """A fresh state from the replies stored (a root seen after some of its replies)."""
        r = self._conn.execute(
            "SELECT count(*), max(ts) FROM messages WHERE conversation=? AND thread_root=?",
            (conv_row, root),
        ).fetchone()
        state: dict[str, Any] = {"server": 0, "live": 0, "stored": int(r[0]), "mine": False}
        if r[0]:
            newest = self._query(
                f"SELECT {self._columns} FROM messages WHERE conversation=? AND thread_root=?"
                " ORDER BY ts DESC, seq DESC LIMIT 1",
                (conv_row, root),
            )
            if newest:
                m = newest[0]
                state["latest"] = _latest(m.sender, m.sender_name, m.body, m.timestamp)
            mine = self._conn.execute(
                "SELECT 1 FROM messages WHERE conversation=? AND thread_root=? AND outgoing=1"
                " LIMIT 1",
                (conv_row, root),
            ).fetchone()
            state["mine"] = mine is not None
        return state

    def _save(self, seq: int, state: dict[str, Any]) -> None:
        self._conn.execute(
            "UPDATE messages SET thread=? WHERE seq=?",
            (json.dumps(state, separators=(",", ":")), seq),
        )

    def replies_added(
        self, conv_row: int, root: str, replies: Sequence[Message], live: Sequence[Message]
    ) -> int | None:
        """New replies were stored (``live``: those that arrived live); returns the root's seq
        when its summary changed (None: the root is not stored yet)."""
        self._with_threads().add(conv_row)
        found = self._state(conv_row, root)
        if found is None:
            return None
        seq, state, counted = found
        if not counted:  # (a count just made includes them)
            state["stored"] = int(state.get("stored", 0)) + len(replies)
        counted_up_to = state.get("server_ts")
        state["live"] = int(state.get("live", 0)) + sum(
            1
            for m in live
            if not isinstance(counted_up_to, int) or to_millis(m.timestamp) > counted_up_to
        )
        newest = max(replies, key=lambda m: (m.timestamp, m.seq))
        state["latest"] = _newer(
            state.get("latest"),
            _latest(newest.sender, newest.sender_name, newest.body, newest.timestamp),
        )
        state["mine"] = bool(state.get("mine")) or any(m.outgoing for m in replies)
        self._save(seq, state)
        return seq

    def root_stored(self, conv_row: int, root: Message, server: ThreadSummary | None) -> bool:
        """A message was stored: when it is a thread's root (the service said so, or replies
        to it are here already), give it its summary. True when it got one."""
        if root.remote_id is None or (server is None and conv_row not in self._with_threads()):
            return False
        state = self._counted(conv_row, root.remote_id)
        if server is None and not state["stored"]:
            return False
        if server is not None:
            self._apply_server(state, server)
        self._save(root.seq, state)
        return True

    def server_summary(self, conv_row: int, root: str, server: ThreadSummary) -> int | None:
        """The service's summary of a thread arrived again; returns the root's seq if stored."""
        found = self._state(conv_row, root)
        if found is None:
            return None
        seq, state, _counted = found
        self._apply_server(state, server)
        self._save(seq, state)
        return seq

    def _apply_server(self, state: dict[str, Any], server: ThreadSummary) -> None:
        state["server"] = server.count
        state["live"] = 0
        state["server_ts"] = (
            to_millis(server.latest_timestamp) if server.latest_timestamp is not None else None
        )
        state["mine"] = bool(state.get("mine")) or server.participated
        if server.latest_timestamp is not None:
            state["latest"] = _newer(
                state.get("latest"),
                _latest(
                    server.latest_sender,
                    server.latest_sender_name,
                    server.latest_body,
                    server.latest_timestamp,
                ),
            )

    def holds_threads(self, conv_row: int) -> bool:
        """Whether the conversation holds thread replies (else no message of it is a root
        unless the service says so)."""
        return conv_row in self._with_threads()

    def _with_threads(self) -> set[int]:
        """Conversations that hold thread replies (read once, when first needed: opening the
        store reads no messages)."""
        if self._has_threads is None:
            self._has_threads = {
                int(r[0])
                for r in self._conn.execute(
                    "SELECT DISTINCT conversation FROM messages WHERE thread_root IS NOT NULL"
                )
            }
        return self._has_threads
