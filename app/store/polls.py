"""Polls in the store: each poll's record (definition, votes, end) in its message's ``poll``
column, as JSON (see :mod:`app.polls` for the record and the rules of the tally).

Like reactions, a vote or an end for a message that is not stored (yet) is dropped; the Matrix
backend reports a poll's votes again, after the poll, when it fetches it from history.
The store (:class:`~app.store.account_store.AccountStore`) owns the rows and calls in here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from app import polls
from app.models import Message, Poll

MessageLookup = Callable[[str, str], Message | None]
HOLDER_OF_VOTE = (
    "SELECT m.remote_id, m.poll FROM poll_votes AS v"
    " JOIN conversations AS c ON c.id = v.conversation JOIN messages AS m ON m.seq = v.seq"
    " WHERE c.native_id=? AND v.vote_id=? AND m.poll IS NOT NULL"
)
"""The poll whose record holds a vote, by the vote's id (the ``poll_votes`` table)."""


class PollRecords:
    """Reads and updates of poll records over one account store's connection."""

    def __init__(self, conn: sqlite3.Connection, message_by_remote_id: MessageLookup) -> None:
        self._conn = conn
        self._message = message_by_remote_id

    def define(self, native_id: str, remote_id: str, poll: Poll) -> Message | None:
        """Make the stored message ``remote_id`` a poll; a poll defined already keeps its
        record (a replay of the start must not forget the votes). The message as it is now,
        or None when nothing changed."""
        msg = self._message(native_id, remote_id)
        if msg is None or msg.poll is not None or msg.retracted:  # removed: stays removed
            return None
        return self._save(msg, polls.definition(poll))

    def vote(
        self,
        native_id: str,
        target_remote_id: str,
        sender: str,
        ts: int,
        selections: tuple[str, ...],
        *,
        own: bool = False,
        vote_id: str = "",
    ) -> Message | None:
        """Keep a vote; the poll's message as it is now, or None (no such poll, no change)."""
        found = self._record(native_id, target_remote_id)
        if found is None:
            return None
        msg, state = found
        if not polls.add_vote(state, sender, ts, selections, own=own, vote_id=vote_id):
            return None
        if vote_id:
            self._conn.execute(
                "INSERT OR IGNORE INTO poll_votes (conversation, vote_id, seq)"
                " SELECT conversation, ?, seq FROM messages WHERE seq=?",
                (vote_id, msg.seq),
            )
        return self._save(msg, state)

    def take_back(
        self, native_id: str, vote_id: str, by: str, *, moderator: bool = False
    ) -> Message | None:
        """A redaction of ``vote_id``: if it is a vote kept here, and ``by`` cast it (or is a
        moderator, or empty: the service vouches), the voter's earlier vote counts again. The
        poll's message as it is now, or None (no such vote, or not theirs to take back)."""
        row = self._conn.execute(HOLDER_OF_VOTE, (native_id, vote_id)).fetchone()
        state = polls.load(row[1]) if row is not None else None
        voter = polls.voter_of(state, vote_id) if state is not None else None
        if state is None or voter is None:
            return None
        if by and by != voter and not moderator:
            return None
        msg = self._message(native_id, row[0]) if row[0] else None
        if msg is None or not polls.take_back(state, vote_id):
            return None
        self._conn.execute("DELETE FROM poll_votes WHERE vote_id=? AND seq=?", (vote_id, msg.seq))
        return self._save(msg, state)

    def end(
        self,
        native_id: str,
        target_remote_id: str,
        sender: str,
        ts: int,
        *,
        moderator: bool = False,
    ) -> Message | None:
        """End a poll at ``ts``: only its own sender or a moderator may (see :mod:`app.polls`)."""
        found = self._record(native_id, target_remote_id)
        if found is None:
            return None
        msg, state = found
        if (sender != msg.sender and not moderator) or not polls.end(state, ts):
            return None
        return self._save(msg, state)

    def _record(self, native_id: str, remote_id: str) -> tuple[Message, dict[str, Any]] | None:
        msg = self._message(native_id, remote_id)
        if msg is None or msg.poll is None:
            return None
        row = self._conn.execute("SELECT poll FROM messages WHERE seq=?", (msg.seq,)).fetchone()
        state = polls.load(row[0]) if row is not None else None
        return None if state is None else (msg, state)

    def _save(self, msg: Message, state: dict[str, Any]) -> Message:
        self._conn.execute("UPDATE messages SET poll=? WHERE seq=?", (polls.dump(state), msg.seq))
        return replace(msg, poll=polls.tally(state))
