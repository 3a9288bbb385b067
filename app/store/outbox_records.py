"""The outbox in the account store: messages accepted from the person but not yet sent.

Pure SQL over the store's connection; :class:`~app.store.account_store.AccountStore` delegates
here and :mod:`app.outbox` drives the sending.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

OUTBOX_QUEUED = "queued"
OUTBOX_IN_FLIGHT = "in_flight"


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    local_id: str
    conversation: str
    payload: Mapping[str, Any]
    state: str
    attempts: int
    created_ms: int


class OutboxRecords:
    """Reads and writes of the outbox over one account store's connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def add(
        self, local_id: str, conversation: str, payload: Mapping[str, Any], now_ms: int
    ) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO outbox (local_id, conversation, payload, state, attempts, created)"
            " VALUES (?, ?, ?, ?, 0, ?)",
            (local_id, conversation, json.dumps(payload), OUTBOX_QUEUED, now_ms),
        )

    def entries(self) -> list[OutboxEntry]:
        return [
            OutboxEntry(r[0], r[1], json.loads(r[2]), r[3], r[4], r[5])
            for r in self._conn.execute(
                "SELECT local_id, conversation, payload, state, attempts, created FROM outbox"
                " ORDER BY created, rowid"
            )
        ]

    def entry(self, local_id: str) -> OutboxEntry | None:
        r = self._conn.execute(
            "SELECT local_id, conversation, payload, state, attempts, created FROM outbox"
            " WHERE local_id=?",
            (local_id,),
        ).fetchone()
        return None if r is None else OutboxEntry(r[0], r[1], json.loads(r[2]), r[3], r[4], r[5])

    def mark(self, local_id: str, state: str) -> None:
        self._conn.execute(
            "UPDATE outbox SET state=?, attempts=attempts + ? WHERE local_id=?",
            (state, 1 if state == OUTBOX_IN_FLIGHT else 0, local_id),
        )

    def remove(self, local_id: str) -> bool:
        return self._conn.execute("DELETE FROM outbox WHERE local_id=?", (local_id,)).rowcount > 0
