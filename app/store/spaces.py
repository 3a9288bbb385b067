"""Spaces in the store: one small row per space with its children, read whole (an account has
a handful of spaces, each listing at most :data:`MAX_CHILDREN` rooms)."""

from __future__ import annotations

import json
import sqlite3

from app.models import AccountId, ConversationId, Space

MAX_CHILDREN = 5_000


class SpaceRecords:
    """The spaces of one account store."""

    def __init__(self, conn: sqlite3.Connection, account_id: AccountId) -> None:
        self._conn = conn
        self._account_id = account_id

    def all(self) -> list[Space]:
        return [
            self._space(r)
            for r in self._conn.execute(
                "SELECT native_id, title, topic, children FROM spaces ORDER BY native_id"
            )
        ]

    def get(self, native_id: str) -> Space | None:
        r = self._conn.execute(
            "SELECT native_id, title, topic, children FROM spaces WHERE native_id=?",
            (native_id,),
        ).fetchone()
        return None if r is None else self._space(r)

    def upsert(
        self,
        native_id: str,
        *,
        title: str | None = None,
        topic: str | None = None,
        children: tuple[str, ...] | None = None,
        added: tuple[str, ...] = (),
        removed: tuple[str, ...] = (),
    ) -> bool:
        """Create or change a space (``None`` leaves a field; ``added``/``removed`` change the
        children known); True when anything changed."""
        old = self.get(native_id)
        kept = children if children is not None else (old.children if old else ())
        gone = set(removed)
        kept = tuple(c for c in (*kept, *added) if c not in gone)
        new = Space(
            ConversationId(self._account_id, native_id),
            title if title is not None else (old.title if old else ""),
            topic if topic is not None else (old.topic if old else ""),
            tuple(dict.fromkeys(c for c in kept if c != native_id))[:MAX_CHILDREN],
        )
        if new == old:
            return False
        self._conn.execute(
            "INSERT OR REPLACE INTO spaces (native_id, title, topic, children) VALUES (?,?,?,?)",
            (native_id, new.title, new.topic, json.dumps(list(new.children))),
        )
        return True

    def remove(self, native_id: str) -> bool:
        cur = self._conn.execute("DELETE FROM spaces WHERE native_id=?", (native_id,))
        return cur.rowcount > 0

    def _space(self, r: tuple[str, str, str, str]) -> Space:
        try:
            children = json.loads(r[3])
        except ValueError:
            children = []
        kept = (
            tuple(c for c in children if isinstance(c, str)) if isinstance(children, list) else ()
        )
        return Space(ConversationId(self._account_id, r[0]), r[1], r[2], kept)
