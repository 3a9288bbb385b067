"""The tally of a poll: which votes count, by the rules of Matrix polls (MSC3381).

A poll's record is a small JSON object kept beside its message (the store's ``poll`` column,
as reactions and thread summaries are kept): the definition, and every person's latest few
votes with their server time, and when the poll ended. The tally is worked out from the record
each time it is read, because a vote may arrive after an end that is older than it (federation
delivers out of order) and must then not count, while the one before it must.

The rules: a person's latest vote (by server time) on or before the end counts, even if it is
spoiled (a vote taken back, by its redaction, no longer counts: the one before it does); a vote names at most ``max_selections`` answers (the rest are cut off), and names only
answers that exist, else it is spoiled (counts as no vote); a repeated answer counts once. The
first end (by server time) closes the poll; only its sender or a moderator may end it
(checked by the store).
Pure functions: no Qt, no SQLite, no protocol.
"""

from __future__ import annotations

import json
from typing import Any

from app.json_record import json_record
from app.models import Poll, PollAnswer

MAX_ANSWERS = 20  # MSC3381 truncates the answer list to 20
MAX_SELECTIONS = MAX_ANSWERS
MAX_TEXT = 1000  # characters kept of the question and of each answer
MAX_ID = 200  # characters of an answer id (longer ones are not a real client's)
MAX_VOTES_KEPT = 8
"""Votes kept per person: the latest counts, unless it came after the end (then the one before
it does); a person voting again and again must not grow the record."""
MAX_VOTERS = 10_000
"""People whose votes are kept; votes from more are dropped (logged by the caller)."""


def definition(poll: Poll) -> dict[str, Any]:
    """A new record for ``poll`` (its tally empty)."""
    return {
        "q": poll.question,
        "a": [[a.id, a.text] for a in poll.answers],
        "d": poll.disclosed,
        "max": poll.max_selections,
        "v": {},
        "end": None,
        "me": None,
    }


def load(raw: str | None) -> dict[str, Any] | None:
    """A record from its stored JSON (None: none, or not a record we wrote)."""
    return json_record(raw, "a", list)


def dump(state: dict[str, Any]) -> str:
    return json.dumps(state, ensure_ascii=False, separators=(",", ":"))


def add_vote(
    state: dict[str, Any],
    sender: str,
    ts: int,
    selections: tuple[str, ...],
    *,
    own: bool,
    vote_id: str = "",
) -> bool:
    """Keep ``sender``'s vote at server time ``ts`` (``vote_id``: its id, by which a redaction
    takes it back); False when it changes nothing (a replay, one older than all kept, or one
    voter too many)."""
    votes: dict[str, list[list[Any]]] = state.setdefault("v", {})
    kept = votes.get(sender)
    if kept is None:
        if len(votes) >= MAX_VOTERS:
            return False
        kept = votes[sender] = []
    entry: list[Any] = [ts, list(selections), vote_id] if vote_id else [ts, list(selections)]
    if entry in kept:
        return False
    if own and not vote_id and kept and len(kept[-1]) > 2 and kept[-1][1] == entry[1]:
        return False  # its echo came first: the copy would change nothing but outlive it
    if vote_id and own:
        # The service's echo of a vote we applied at once (no id then, our clock's time):
        # the copy gives way, so a redaction of the vote leaves no copy behind that counts.
        kept[:] = [e for e in kept if len(e) > 2 or e[1] != entry[1]]
    kept.append(entry)
    kept.sort(key=lambda e: e[0])  # stable: of two at the same time, the later arrival wins
    del kept[:-MAX_VOTES_KEPT]
    if entry not in kept:
        return False
    if own:
        state["me"] = sender
    return True


def voter_of(state: dict[str, Any], vote_id: str) -> str | None:
    """Who cast the kept vote ``vote_id`` (None: no such vote kept)."""
    for sender, kept in (state.get("v") or {}).items():
        if any(len(e) > 2 and e[2] == vote_id for e in kept):
            return str(sender)
    return None


def take_back(state: dict[str, Any], vote_id: str) -> bool:
    """Forget the vote ``vote_id`` (redacted: MSC3381 reverts the voter to their previous
    vote, or to none); False when it is not kept. Whether the redaction may take it back is
    the caller's to check (:func:`voter_of`)."""
    votes: dict[str, list[list[Any]]] = state.get("v") or {}
    for sender, kept in votes.items():
        left = [e for e in kept if not (len(e) > 2 and e[2] == vote_id)]
        if len(left) == len(kept):
            continue
        if left:
            votes[sender] = left
        else:
            del votes[sender]
        return True
    return False


def end(state: dict[str, Any], ts: int) -> bool:
    """Close the poll at server time ``ts`` (the earliest end counts); False if no change."""
    known = state.get("end")
    if isinstance(known, int) and known <= ts:
        return False
    state["end"] = ts
    return True


def counted(state: dict[str, Any], votes: list[list[Any]]) -> tuple[str, ...]:
    """The answers one person's votes count for: their latest on or before the end, cut to
    ``max_selections``, spoiled (nothing) if it names an answer that does not exist."""
    ended = state.get("end")
    valid = [v for v in votes if not isinstance(ended, int) or v[0] <= ended]
    if not valid:
        return ()
    ids = [str(i) for i in valid[-1][1]][: _max_selections(state)]
    answers = {a[0] for a in state["a"]}
    if any(i not in answers for i in ids):
        return ()
    return tuple(dict.fromkeys(ids))


def tally(state: dict[str, Any]) -> Poll:
    """The poll as shown: its answers with the votes that count."""
    counts: dict[str, int] = {str(a[0]): 0 for a in state["a"]}
    voters = 0
    votes: dict[str, list[list[Any]]] = state.get("v") or {}
    for person in votes.values():
        chosen = counted(state, person)
        if chosen:
            voters += 1
            for answer in chosen:
                counts[answer] += 1
    me = state.get("me")
    mine = counted(state, votes[me]) if isinstance(me, str) and me in votes else ()
    return Poll(
        question=str(state.get("q", "")),
        answers=tuple(PollAnswer(str(i), str(t), counts[str(i)]) for i, t in state["a"]),
        disclosed=bool(state.get("d")),
        max_selections=_max_selections(state),
        ended=isinstance(state.get("end"), int),
        voters=voters,
        mine=mine,
    )


def poll_of(raw: str | None) -> Poll | None:
    """The poll a stored message carries (None: not a poll, or a record that cannot be read)."""
    state = load(raw)
    if state is None:
        return None
    try:
        return tally(state)
    except (KeyError, TypeError, ValueError):
        return None


def _max_selections(state: dict[str, Any]) -> int:
    value = state.get("max")
    return value if isinstance(value, int) and 1 <= value <= MAX_SELECTIONS else 1
