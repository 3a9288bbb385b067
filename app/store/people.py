"""Contacts and room members in the account store: the roster and who is in each room.

Pure SQL over the store's connection; :class:`~app.store.account_store.AccountStore` owns the
conversation rows (``rows``, its live native id → row map) and its transactions, and delegates here.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any

from app.models import AccountId, Contact, ContactId, ConversationId, Member, Role
from app.store.rows import parse_enum


class PeopleRecords:
    """Reads and writes of contacts and members over one account store's connection."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        account_id: AccountId,
        rows: Mapping[str, int],
        transaction: Callable[[], AbstractContextManager[None]],
    ) -> None:
        self._conn = conn
        self._account_id = account_id
        self._rows = rows  # native id → conversation row, kept current by the store
        self._transaction = transaction
        # Members per conversation row, kept with every change once counted: a count is a
        # scan of the room's rows in SQLite (1.6 ms at 5,000), too dear once per batch.
        self._member_counts: dict[int, int] = {}

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
            ContactId(self._account_id, r[0]),
            display_name=r[1],
            groups=tuple(json.loads(r[2])),
            subscription=r[3],
            blocked=bool(r[4]),
        )

    def upsert_contacts(self, contacts: Iterable[Contact], *, complete: bool = False) -> None:
        with self._transaction():
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
        row = self._rows.get(native_id)
        if row is None:
            return None
        r = self._conn.execute(
            "SELECT contact FROM members WHERE conversation=? AND native_id=?", (row, member_id)
        ).fetchone()
        return None if r is None or r[0] is None else str(r[0])

    def member_count(self, native_id: str) -> int:
        row = self._rows.get(native_id)
        if row is None:
            return 0
        count = self._member_counts.get(row)
        if count is None:
            (count,) = self._conn.execute(
                "SELECT COUNT(*) FROM members WHERE conversation=?", (row,)
            ).fetchone()
            self._member_counts[row] = count
        return count

    def forget_members(self, row: int) -> None:
        """The conversation row was deleted (its members with it): its count is stale."""
        self._member_counts.pop(row, None)

    def as_stored(self, native_id: str, member: Member) -> Member:
        """``member`` as :meth:`members` reads it back once stored (what the store keeps of
        it), so a change reported from the facts equals the list read afresh."""
        return Member(
            ConversationId(self._account_id, native_id),
            member.native_id,
            display_name=member.display_name,
            role=member.role,
            affiliation=member.affiliation,
            contact=None
            if member.contact is None
            else ContactId(self._account_id, member.contact.native_id),
        )

    def members(self, native_id: str) -> list[Member]:
        row = self._rows.get(native_id)
        if row is None:
            return []
        conv_id = ConversationId(self._account_id, native_id)
        return [
            Member(
                conv_id,
                r[0],
                display_name=r[1],
                role=parse_enum(Role, r[2], Role.MEMBER),
                affiliation=r[3],
                contact=None if r[4] is None else ContactId(self._account_id, r[4]),
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
        row = self._rows[native_id]
        upserted = list(upserted)
        count = 0 if complete else self._member_counts.get(row)
        self._member_counts.pop(row, None)  # until the transaction is through
        with self._transaction():
            if complete:
                self._conn.execute("DELETE FROM members WHERE conversation=?", (row,))
            leaving = [(row, n) for n in removed]
            gone = (
                self._conn.executemany(
                    "DELETE FROM members WHERE conversation=? AND native_id=?", leaving
                ).rowcount
                if leaving
                else 0
            )
            if count is not None:
                count += len(self._new_members(row, {m.native_id for m in upserted})) - gone
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
        if count is not None:
            self._member_counts[row] = count

    def _new_members(self, row: int, ids: set[str]) -> set[str]:
        """Which of ``ids`` are not members of the room yet (a look-up per id, not a scan)."""
        if not ids:
            return set()
        known: set[str] = set()
        listed = list(ids)
        for start in range(0, len(listed), 500):  # SQLite's bound parameters, with room
            chunk = listed[start : start + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT native_id FROM members WHERE conversation=? AND native_id IN ({marks})"
            known.update(r[0] for r in self._conn.execute(sql, (row, *chunk)))
        return ids - known
