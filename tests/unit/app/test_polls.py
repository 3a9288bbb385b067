"""The rules of a poll's tally (app.polls): which votes count (MSC3381)."""

from __future__ import annotations

import pytest

from app import polls
from app.models import Poll, PollAnswer


def record(*, max_selections: int = 1, disclosed: bool = True) -> dict[str, object]:
    poll = Poll(
        "Lunch?",
        (PollAnswer("pizza", "Pizza"), PollAnswer("soup", "Soup"), PollAnswer("wings", "Wings")),
        disclosed=disclosed,
        max_selections=max_selections,
    )
    return polls.definition(poll)


def counts(state: dict[str, object]) -> dict[str, int]:
    return {a.id: a.votes for a in polls.tally(state).answers}  # type: ignore[arg-type]


def test_a_persons_latest_vote_counts() -> None:
    state = record()
    polls.add_vote(state, "@bob", 2000, ("soup",), own=False)
    polls.add_vote(state, "@bob", 1000, ("pizza",), own=False)  # older, arrived later
    polls.add_vote(state, "@carol", 1500, ("soup",), own=False)
    assert counts(state) == {"pizza": 0, "soup": 2, "wings": 0}
    assert polls.tally(state).voters == 2


def test_only_votes_on_or_before_the_end_count() -> None:
    state = record()
    polls.add_vote(state, "@bob", 1000, ("pizza",), own=False)
    polls.add_vote(state, "@bob", 3000, ("soup",), own=False)  # after the end: as if never sent
    polls.add_vote(state, "@carol", 2000, ("wings",), own=False)  # exactly at the end: counts
    assert polls.end(state, 2000)
    assert not polls.end(state, 2500)  # a later end changes nothing: the first one counts
    poll = polls.tally(state)
    assert poll.ended
    assert counts(state) == {"pizza": 1, "soup": 0, "wings": 1}


def test_an_earlier_end_arriving_later_wins() -> None:
    state = record()
    polls.add_vote(state, "@bob", 1500, ("soup",), own=False)
    polls.end(state, 3000)
    assert polls.end(state, 1000)
    assert counts(state) == {"pizza": 0, "soup": 0, "wings": 0}


def test_a_vote_taken_back_reverts_to_the_one_before_not_to_none() -> None:
    state = record()
    polls.add_vote(state, "@bob", 1000, ("pizza",), own=False, vote_id="$1")
    polls.add_vote(state, "@bob", 2000, ("soup",), own=False, vote_id="$2")
    polls.add_vote(state, "@carol", 1500, ("soup",), own=False, vote_id="$3")
    assert polls.voter_of(state, "$2") == "@bob" and polls.voter_of(state, "$9") is None
    assert polls.take_back(state, "$2")
    assert counts(state) == {"pizza": 1, "soup": 1, "wings": 0}
    assert not polls.take_back(state, "$2")  # gone already
    assert polls.take_back(state, "$1")
    assert counts(state) == {"pizza": 0, "soup": 1, "wings": 0}
    assert polls.tally(state).voters == 1 and "@bob" not in state["v"]  # type: ignore[operator]


def test_our_vote_applied_at_once_gives_way_to_its_echo() -> None:
    """The core applies our vote when the server accepts it (no id yet, our clock's time);
    the echo brings its id: a later redaction of it must not leave the copy counting."""
    state = record()
    polls.add_vote(state, "@me", 1000, ("pizza",), own=True, vote_id="$1")
    polls.add_vote(state, "@me", 5000, ("soup",), own=True)  # applied at once
    assert polls.add_vote(state, "@me", 4990, ("soup",), own=True, vote_id="$2")  # its echo
    assert len(state["v"]["@me"]) == 2  # type: ignore[index]
    assert polls.tally(state).mine == ("soup",)
    assert polls.take_back(state, "$2")
    assert polls.tally(state).mine == ("pizza",)
    # The echo may come before the core applies the vote: then the copy is not kept.
    assert polls.add_vote(state, "@me", 6000, ("wings",), own=True, vote_id="$3")
    assert not polls.add_vote(state, "@me", 6010, ("wings",), own=True)
    assert polls.take_back(state, "$3")
    assert polls.tally(state).mine == ("pizza",)


def test_a_vote_taken_back_after_the_end_leaves_the_counted_one() -> None:
    state = record()
    polls.add_vote(state, "@bob", 1000, ("pizza",), own=False, vote_id="$1")
    polls.add_vote(state, "@bob", 3000, ("soup",), own=False, vote_id="$late")
    polls.end(state, 2000)
    assert polls.take_back(state, "$late")
    assert counts(state) == {"pizza": 1, "soup": 0, "wings": 0}


def test_votes_older_than_the_poll_itself_count() -> None:
    """MSC3381: only the end bounds the votes, "even if those votes are from before the start
    event" (clock drift over federation): the record has no start time to compare with."""
    state = record()
    polls.add_vote(state, "@bob", -5000, ("wings",), own=False, vote_id="$early")
    assert counts(state)["wings"] == 1


def test_an_unknown_answer_spoils_the_vote_and_the_spoiled_latest_still_counts() -> None:
    state = record()
    polls.add_vote(state, "@bob", 1000, ("pizza",), own=False)
    polls.add_vote(state, "@bob", 2000, ("caviar", "pizza"), own=False)
    assert counts(state) == {"pizza": 0, "soup": 0, "wings": 0}
    assert polls.tally(state).voters == 0


def test_selections_are_cut_to_max_selections_then_repeats_count_once() -> None:
    state = record(max_selections=2)
    polls.add_vote(state, "@bob", 1000, ("soup", "soup", "wings"), own=False)
    assert counts(state) == {"pizza": 0, "soup": 1, "wings": 0}
    polls.add_vote(state, "@carol", 1000, ("pizza", "wings", "caviar"), own=False)  # cut first
    assert counts(state)["pizza"] == 1 and counts(state)["wings"] == 1


def test_an_empty_vote_takes_the_vote_back() -> None:
    state = record()
    polls.add_vote(state, "@me", 1000, ("pizza",), own=True)
    assert polls.tally(state).mine == ("pizza",)
    polls.add_vote(state, "@me", 2000, (), own=True)
    assert polls.tally(state).mine == ()
    assert counts(state)["pizza"] == 0


def test_a_replay_changes_nothing_and_votes_kept_per_person_are_bounded() -> None:
    state = record()
    assert polls.add_vote(state, "@bob", 1000, ("pizza",), own=False)
    assert not polls.add_vote(state, "@bob", 1000, ("pizza",), own=False)
    for ts in range(2000, 2000 + 50):
        polls.add_vote(state, "@bob", ts, ("soup",), own=False)
    assert len(state["v"]["@bob"]) == polls.MAX_VOTES_KEPT  # type: ignore[index]
    assert not polls.add_vote(state, "@bob", 10, ("wings",), own=False)  # older than all kept


def test_the_record_survives_json_and_a_broken_one_reads_as_no_poll() -> None:
    state = record(disclosed=False)
    polls.add_vote(state, "@me", 1000, ("wings",), own=True)
    poll = polls.poll_of(polls.dump(state))
    assert poll is not None and poll.mine == ("wings",) and not poll.results_shown
    assert [a.text for a in poll.answers] == ["Pizza", "Soup", "Wings"]
    for broken in ("", "{", "[]", '{"a": 3}', '{"a": [[1]]}'):
        assert polls.poll_of(broken) is None


@pytest.mark.parametrize("stored", [0, 21, "2", None])
def test_an_impossible_max_selections_reads_as_one(stored: object) -> None:
    state = record()
    state["max"] = stored
    assert polls.tally(state).max_selections == 1
