"""Matrix poll events → facts (backends.matrix.polls), stable and unstable names, and the
contents we send."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from app import facts as f
from app.models import ConversationKind, from_millis
from backends.matrix import convert as cv
from backends.matrix import polls as mp

ROOM, ME, BOB, TS = "!r:hs", "@me:hs", "@bob:hs", 1_700_000_000_000


def ctx() -> cv.RoomContext:
    return cv.RoomContext(room_id=ROOM, kind=ConversationKind.GROUP, own_id=ME)


def event(content: Any, type: str, sender: Any = BOB, event_id: str = "$poll") -> dict[str, Any]:
    return {
        "event_id": event_id,
        "type": type,
        "sender": sender,
        "origin_server_ts": TS,
        "content": content,
    }


UNSTABLE_START = {  # what Element Web sends
    "org.matrix.msc3381.poll.start": {
        "question": {"org.matrix.msc1767.text": "Lunch?", "body": "Lunch?"},
        "kind": "org.matrix.msc3381.poll.disclosed",
        "max_selections": 1,
        "answers": [
            {"id": "p", "org.matrix.msc1767.text": "Pizza"},
            {"id": "s", "org.matrix.msc1767.text": "Soup"},
        ],
    },
    "org.matrix.msc1767.text": "Lunch?\n1. Pizza\n2. Soup",
}
STABLE_START = {  # the MSC's current form
    "m.poll": {
        "question": {"m.text": [{"body": "Lunch?"}]},
        "kind": "m.undisclosed",
        "max_selections": 5,
        "answers": [
            {"m.id": "p", "m.text": [{"mimetype": "text/html", "body": "<b>P</b>"}, {"body": "P"}]},
            {"m.id": "s", "m.text": [{"body": "S"}]},
        ],
    },
    "m.text": [{"body": "Lunch? P or S"}],
}


def start_facts(content: Any) -> tuple[f.MessageReceived, f.PollStarted]:
    facts = cv.convert_event(event(content, "org.matrix.msc3381.poll.start"), ctx())
    assert facts is not None and len(facts) == 2
    message, started = facts
    assert isinstance(message, f.MessageReceived) and isinstance(started, f.PollStarted)
    return message, started


def test_an_element_poll_becomes_a_message_with_its_fallback_and_the_poll() -> None:
    message, started = start_facts(UNSTABLE_START)
    assert message.body == "Lunch?\n1. Pizza\n2. Soup" and message.remote_id == "$poll"
    assert started.remote_id == "$poll" and started.conversation == ROOM
    poll = started.poll
    assert poll.question == "Lunch?" and poll.disclosed and poll.max_selections == 1
    assert [(a.id, a.text) for a in poll.answers] == [("p", "Pizza"), ("s", "Soup")]


def test_a_stable_poll_reads_plain_text_and_caps_max_selections_at_the_answers() -> None:
    facts = cv.convert_event(event(STABLE_START, "m.poll.start"), ctx())
    assert facts is not None
    started = facts[1]
    assert isinstance(started, f.PollStarted)
    assert [a.text for a in started.poll.answers] == ["P", "S"]
    assert not started.poll.disclosed and started.poll.max_selections == 2


def test_a_start_without_a_text_fallback_gets_one_made() -> None:
    content = {"org.matrix.msc3381.poll.start": UNSTABLE_START["org.matrix.msc3381.poll.start"]}
    message, _ = start_facts(content)
    assert message.body == "Lunch?\n1. Pizza\n2. Soup"


def test_answers_are_cut_to_twenty_and_bad_ones_dropped(caplog: pytest.LogCaptureFixture) -> None:
    block = dict(UNSTABLE_START["org.matrix.msc3381.poll.start"])  # type: ignore[arg-type]
    block["answers"] = [{"id": 7, "org.matrix.msc1767.text": "number id"}, "nonsense"] + [
        {"id": f"a{n}", "org.matrix.msc1767.text": f"A{n}"} for n in range(30)
    ]
    with caplog.at_level(logging.WARNING):
        _, started = start_facts({"org.matrix.msc3381.poll.start": block, "body": "x"})
    assert [a.id for a in started.poll.answers] == [f"a{n}" for n in range(20)]
    assert "malformed or repeated answer" in caplog.text and "first 20" in caplog.text


@pytest.mark.parametrize(
    "block",
    [
        {"question": {"body": "Q"}},  # no answers
        {"answers": [{"id": "a", "body": "A"}]},  # no question
        {"question": "Q", "answers": [{"id": "a", "body": "A"}]},  # question not an object
        {"question": {"body": "Q"}, "answers": [{"id": "a", "body": "A"}] * 2000},  # huge
        {"question": {"body": "Q"}, "answers": [{"id": ["a"], "body": "A"}]},  # no usable one
    ],
)
def test_a_malformed_poll_is_kept_as_its_text_only(
    block: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    content = {"org.matrix.msc3381.poll.start": block, "body": "fallback"}
    with caplog.at_level(logging.WARNING):
        facts = cv.convert_event(event(content, "org.matrix.msc3381.poll.start"), ctx())
    assert facts is not None and len(facts) == 1
    assert isinstance(facts[0], f.MessageReceived) and facts[0].body == "fallback"
    assert "dropped poll" in caplog.text
    content.pop("body")
    assert cv.convert_event(event(content, "m.poll.start"), ctx()) == []


def test_votes_under_both_names_and_own_votes() -> None:
    rel = {"rel_type": "m.reference", "event_id": "$poll"}
    unstable = {"m.relates_to": rel, "org.matrix.msc3381.poll.response": {"answers": ["p"]}}
    stable = {"m.relates_to": rel, "m.selections": ["s"]}
    a = cv.convert_event(event(unstable, "org.matrix.msc3381.poll.response", event_id="$v"), ctx())
    b = cv.convert_event(event(stable, "m.poll.response", sender=ME, event_id="$w"), ctx())
    assert a == [f.PollVoted(ROOM, "$poll", BOB, from_millis(TS), ("p",), False, "$v")]
    assert b == [f.PollVoted(ROOM, "$poll", ME, from_millis(TS), ("s",), True, "$w")]


def test_a_redacted_vote_is_reported_as_its_retraction() -> None:
    """A live redaction names the vote (the core then counts the voter's earlier vote); the
    vote itself, served redacted later (history), is no vote at all."""
    redaction = {"type": "m.room.redaction", "redacts": "$v", "content": {}}
    facts = cv.convert_event(event(redaction["content"], "m.room.redaction") | redaction, ctx())
    assert facts == [f.MessageRetracted(ROOM, "$v", by=BOB)]
    served = event({}, "m.poll.response", event_id="$v")
    served["unsigned"] = {"redacted_because": {"type": "m.room.redaction"}}
    assert cv.convert_event(served, ctx()) == []


@pytest.mark.parametrize(
    "content",
    [
        {"m.selections": ["p"]},  # no relation
        {"m.relates_to": {"rel_type": "m.annotation", "event_id": "$poll"}, "m.selections": []},
    ],
)
def test_a_vote_not_referring_to_a_poll_is_dropped_with_a_log_line(
    content: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        assert cv.convert_event(event(content, "m.poll.response", event_id="$v"), ctx()) == []
    assert "dropped poll" in caplog.text


@pytest.mark.parametrize(
    "content",
    [
        {"m.relates_to": {"rel_type": "m.reference", "event_id": "$poll"}, "m.selections": [1]},
        {"m.relates_to": {"rel_type": "m.reference", "event_id": "$poll"}, "m.selections": "p"},
        {"m.relates_to": {"rel_type": "m.reference", "event_id": "$poll"}},
    ],
)
def test_a_vote_with_unreadable_selections_is_a_spoiled_vote(
    content: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    """MSC3381: the latest vote counts "even if that event is invalid": it takes the voter's
    earlier vote back instead of being skipped (as Element does)."""
    with caplog.at_level(logging.INFO):
        facts = cv.convert_event(event(content, "m.poll.response", event_id="$v"), ctx())
    assert facts == [f.PollVoted(ROOM, "$poll", BOB, from_millis(TS), (), False, "$v")]
    assert "spoiled" in caplog.text


def test_a_long_selection_list_is_cut_before_it_is_read() -> None:
    """The MSC cuts the selections to ``max_selections`` first: what lies beyond the most a
    poll allows does not matter, however long the list."""
    rel = {"rel_type": "m.reference", "event_id": "$poll"}
    content = {"m.relates_to": rel, "m.selections": ["p"] * 20 + [1] * 5000}
    facts = cv.convert_event(event(content, "m.poll.response", event_id="$v"), ctx())
    assert facts == [f.PollVoted(ROOM, "$poll", BOB, from_millis(TS), ("p",) * 20, False, "$v")]


def test_an_end_and_what_we_send_reads_back() -> None:
    sent = mp.end_content("$poll", "The poll has ended")
    facts = cv.convert_event(event(sent, "org.matrix.msc3381.poll.end", event_id="$e"), ctx())
    assert facts == [f.PollEnded(ROOM, "$poll", BOB, from_millis(TS))]
    vote = mp.response_content("$poll", ["a1"])
    facts = cv.convert_event(event(vote, "org.matrix.msc3381.poll.response", event_id="$v"), ctx())
    assert facts is not None and isinstance(facts[0], f.PollVoted)
    assert facts[0].selections == ("a1",)
    start = mp.start_content("Tea or coffee?", ["Tea", "Coffee"])
    message, started = start_facts(start)
    assert message.body == "Tea or coffee?\n1. Tea\n2. Coffee"
    assert [(a.id, a.text) for a in started.poll.answers] == [("a1", "Tea"), ("a2", "Coffee")]


def test_an_end_says_whether_its_sender_may_redact_others() -> None:
    end = event(mp.end_content("$poll", "ended"), "m.poll.end", event_id="$e")
    moderators = cv.RoomContext(
        room_id=ROOM,
        kind=ConversationKind.GROUP,
        own_id=ME,
        may_redact=lambda user: user == BOB,
    )
    assert cv.convert_event(end, moderators) == [
        f.PollEnded(ROOM, "$poll", BOB, from_millis(TS), moderator=True)
    ]
    assert cv.convert_event(end, ctx()) == [
        f.PollEnded(ROOM, "$poll", BOB, from_millis(TS), moderator=False)
    ]
