"""Poll facts through the dispatcher into the store (app.dispatch_polls, app.store.polls)."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app import events as ev
from app import facts as f
from app.dispatch import AccountDispatcher
from app.models import ConversationKind, Poll, PollAnswer
from app.store.account_store import AccountStore
from app.store.polls import HOLDER_OF_VOTE

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
ROOM = "!r:hs"
POLL = Poll("Lunch?", (PollAnswer("p", "Pizza"), PollAnswer("s", "Soup")), disclosed=True)


@pytest.fixture
def dispatcher(tmp_path: Path) -> Iterator[AccountDispatcher]:
    store = AccountStore("a", tmp_path / "a.sqlite3")
    yield AccountDispatcher(
        store, now=lambda: NOW, logger=logging.LoggerAdapter(logging.getLogger("t"), {})
    )
    store.close()


def started(sender: str = "@alice:hs") -> list[f.Fact]:
    message = f.MessageReceived(
        ROOM,
        sender=sender,
        body="Lunch?\n1. Pizza\n2. Soup",
        conversation_kind=ConversationKind.GROUP,
        remote_id="$poll",
        timestamp=NOW,
    )
    return [message, f.PollStarted(ROOM, "$poll", POLL)]


def vote(sender: str, seconds: int, *ids: str, own: bool = False) -> f.PollVoted:
    return f.PollVoted(
        ROOM,
        "$poll",
        sender,
        NOW + timedelta(seconds=seconds),
        ids,
        own=own,
        remote_id=f"$v{seconds}",
    )


def stored_counts(dispatcher: AccountDispatcher) -> dict[str, int]:
    stored = dispatcher.store.message_by_remote_id(ROOM, "$poll")
    assert stored is not None and stored.poll is not None
    return {a.id: a.votes for a in stored.poll.answers}


def latest_poll(events: list[ev.Event]) -> Poll:
    updated = [e for e in events if isinstance(e, ev.MessagesUpdated)]
    poll = updated[-1].messages[-1].poll
    assert poll is not None
    return poll


def test_a_poll_is_stored_with_its_text_and_its_tally_follows_votes_and_the_end(
    dispatcher: AccountDispatcher,
) -> None:
    events = dispatcher.apply(started())
    poll = latest_poll(events)
    assert poll.question == "Lunch?" and [a.votes for a in poll.answers] == [0, 0]
    stored = dispatcher.store.message_by_remote_id(ROOM, "$poll")
    assert stored is not None and stored.poll == poll
    assert stored.body.startswith("Lunch?")  # the text form: what search and history read
    poll = latest_poll(
        dispatcher.apply([vote("@bob:hs", 1, "p"), vote("@me:hs", 2, "s", own=True)])
    )
    assert [a.votes for a in poll.answers] == [1, 1] and poll.mine == ("s",)
    dispatcher.apply([f.PollEnded(ROOM, "$poll", "@bob:hs", NOW + timedelta(seconds=3))])
    stored = dispatcher.store.message_by_remote_id(ROOM, "$poll")
    assert stored is not None and stored.poll is not None and not stored.poll.ended  # not his
    poll = latest_poll(
        dispatcher.apply([f.PollEnded(ROOM, "$poll", "@alice:hs", NOW + timedelta(seconds=3))])
    )
    assert poll.ended
    dispatcher.apply([vote("@carol:hs", 4, "p")])  # kept, but after the end: not counted
    stored = dispatcher.store.message_by_remote_id(ROOM, "$poll")
    assert stored is not None and stored.poll is not None
    assert [a.votes for a in stored.poll.answers] == [1, 1] and stored.poll.voters == 2


def test_a_replayed_start_keeps_the_votes(dispatcher: AccountDispatcher) -> None:
    dispatcher.apply(started())
    dispatcher.apply([vote("@bob:hs", 1, "p")])
    dispatcher.apply(started())
    stored = dispatcher.store.message_by_remote_id(ROOM, "$poll")
    assert stored is not None and stored.poll is not None
    assert stored.poll.answers[0].votes == 1


def test_a_vote_for_a_poll_not_stored_changes_nothing(dispatcher: AccountDispatcher) -> None:
    events = dispatcher.apply([vote("@bob:hs", 1, "p")])
    assert not [e for e in events if isinstance(e, ev.MessagesUpdated)]


def test_a_moderators_end_counts_another_persons_does_not(dispatcher: AccountDispatcher) -> None:
    dispatcher.apply(started())
    dispatcher.apply([f.PollEnded(ROOM, "$poll", "@carol:hs", NOW)])
    stored = dispatcher.store.message_by_remote_id(ROOM, "$poll")
    assert stored is not None and stored.poll is not None and not stored.poll.ended
    poll = latest_poll(dispatcher.apply([f.PollEnded(ROOM, "$poll", "@mod:hs", NOW, True)]))
    assert poll.ended


def test_a_redacted_vote_falls_back_to_the_voters_earlier_one(
    dispatcher: AccountDispatcher,
) -> None:
    """MSC3381: a redacted response no longer refers to the poll, so the voter's previous vote
    counts again (not the redacted one, and not none)."""
    dispatcher.apply(started())
    dispatcher.apply([vote("@bob:hs", 1, "p"), vote("@bob:hs", 2, "s", own=False)])
    assert stored_counts(dispatcher) == {"p": 0, "s": 1}
    poll = latest_poll(dispatcher.apply([f.MessageRetracted(ROOM, "$v2", by="@bob:hs")]))
    assert {a.id: a.votes for a in poll.answers} == {"p": 1, "s": 0} and poll.voters == 1
    poll = latest_poll(dispatcher.apply([f.MessageRetracted(ROOM, "$v1", by="@bob:hs")]))
    assert stored_counts(dispatcher) == {"p": 0, "s": 0} and poll.voters == 0


def test_only_the_voter_or_a_moderator_takes_a_vote_back(dispatcher: AccountDispatcher) -> None:
    dispatcher.apply(started())
    dispatcher.apply([vote("@bob:hs", 1, "p"), vote("@carol:hs", 2, "s")])
    events = dispatcher.apply([f.MessageRetracted(ROOM, "$v1", by="@carol:hs")])
    assert not [e for e in events if isinstance(e, ev.MessagesUpdated)]
    assert stored_counts(dispatcher) == {"p": 1, "s": 1}
    dispatcher.apply([f.MessageRetracted(ROOM, "$v1", by="@mod:hs", moderator=True)])
    assert stored_counts(dispatcher) == {"p": 0, "s": 1}


def test_a_redacted_own_vote_shows_our_earlier_choice(dispatcher: AccountDispatcher) -> None:
    dispatcher.apply(started())
    dispatcher.apply([vote("@me:hs", 1, "p", own=True), vote("@me:hs", 2, "s", own=True)])
    poll = latest_poll(dispatcher.apply([f.MessageRetracted(ROOM, "$v2", by="@me:hs")]))
    assert poll.mine == ("p",)


def test_a_redaction_of_something_unknown_changes_no_poll(dispatcher: AccountDispatcher) -> None:
    dispatcher.apply(started())
    dispatcher.apply([vote("@bob:hs", 1, "p")])
    events = dispatcher.apply([f.MessageRetracted(ROOM, "$nothing", by="@bob:hs")])
    assert not [e for e in events if isinstance(e, ev.MessagesUpdated)]
    assert stored_counts(dispatcher) == {"p": 1, "s": 0}


def test_a_redaction_finds_its_vote_by_key(dispatcher: AccountDispatcher, tmp_path: Path) -> None:
    """Most redactions name no stored message (a reaction after a restart): looking for a vote
    is one key read, not a scan of the conversation's messages or polls."""
    dispatcher.apply(started())
    dispatcher.apply([vote("@bob:hs", 1, "p")])
    with closing(sqlite3.connect(tmp_path / "a.sqlite3")) as conn:
        plan = conn.execute(f"EXPLAIN QUERY PLAN {HOLDER_OF_VOTE}", (ROOM, "$v1")).fetchall()
        assert conn.execute("SELECT vote_id FROM poll_votes").fetchall() == [("$v1",)]
    steps = [str(step[-1]) for step in plan]
    assert not [s for s in steps if s.startswith("SCAN")], steps
    dispatcher.apply([f.MessageRetracted(ROOM, "$v1", by="@bob:hs")])
    with closing(sqlite3.connect(tmp_path / "a.sqlite3")) as conn:
        assert conn.execute("SELECT vote_id FROM poll_votes").fetchall() == []
