"""The pacer of new rows during a flood: batches that come too fast wait and go in together,
in order; nothing is held while the view does not follow, nor after a quiet moment."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from app import events as ev
from app.models import ConversationId, Message, MessageId
from ui.models.live_pacer import FLOOD_INTERVAL, READING_RATE, LivePacer, merged

CONV = ConversationId("acc", "room")
OTHER = ConversationId("acc", "other")
SLOW = 1.0  # an interval no loaded machine takes between two statements of a test


def added(*bodies: str, live: bool = True, conv: ConversationId = CONV) -> ev.MessagesAdded:
    return ev.MessagesAdded(
        conv,
        tuple(
            Message(
                id=MessageId("acc", body),
                conversation_id=conv,
                sender="bob",
                sender_name="Bob",
                timestamp=datetime(2026, 12, 5, tzinfo=UTC),
                body=body,
            )
            for body in bodies
        ),
        live,
    )


def bodies(events: list[ev.MessagesAdded]) -> list[list[str]]:
    return [[m.body for m in event.messages] for event in events]


def test_a_batch_after_a_quiet_moment_goes_in_at_once(qtbot: QtBot) -> None:
    delivered: list[list[ev.MessagesAdded]] = []
    pacer = LivePacer(delivered.append)
    assert not pacer.offer(added("a"), steady=True)
    qtbot.wait(int(FLOOD_INTERVAL * 1000) + 50)  # a quiet moment (the interval is the point)
    assert not pacer.offer(added("b"), steady=True)
    assert delivered == [] and not pacer.holding


def test_batches_that_come_too_fast_go_in_together_in_order(qtbot: QtBot) -> None:
    delivered: list[list[ev.MessagesAdded]] = []
    pacer = LivePacer(delivered.append, interval=SLOW)
    assert not pacer.offer(added("a"), steady=True)
    assert pacer.offer(added("b", "c"), steady=True)
    assert pacer.offer(added("d"), steady=True)
    assert pacer.holding and delivered == []
    qtbot.waitUntil(lambda: bool(delivered), timeout=5000)
    assert len(delivered) == 1 and bodies(delivered[0]) == [["b", "c", "d"]]
    assert not pacer.holding


def test_nothing_is_held_when_the_view_does_not_follow_and_held_rows_go_first(
    qtbot: QtBot,
) -> None:
    delivered: list[list[ev.MessagesAdded]] = []
    pacer = LivePacer(delivered.append, interval=SLOW)
    pacer.offer(added("a"), steady=True)
    assert pacer.offer(added("b"), steady=True)
    # The user scrolled up: the next batch is added now, after what was held (order kept).
    assert not pacer.offer(added("c"), steady=False)
    assert bodies(delivered[0]) == [["b"]] and not pacer.holding


def test_flush_hands_over_at_once_and_drop_forgets(qtbot: QtBot) -> None:
    delivered: list[list[ev.MessagesAdded]] = []
    pacer = LivePacer(delivered.append, interval=SLOW)
    pacer.offer(added("a"), steady=True)
    pacer.offer(added("b"), steady=True)
    pacer.flush()  # e.g. an edit of "b" comes next: its row must exist
    assert bodies(delivered[0]) == [["b"]]
    pacer.offer(added("c"), steady=True)
    pacer.drop()  # another conversation was opened
    qtbot.wait(int(SLOW * 1000) + 300)  # past the interval: what was dropped never comes
    assert len(delivered) == 1 and not pacer.holding


def test_merged_keeps_live_and_catch_up_and_conversations_apart() -> None:
    events = [added("a"), added("b"), added("c", live=False), added("d", conv=OTHER)]
    assert bodies(merged(events)) == [["a", "b"], ["c"], ["d"]]
    assert [e.live for e in merged(events)] == [True, False, True]


def test_flooding_is_more_new_rows_a_second_than_anyone_reads() -> None:
    pacer = LivePacer(lambda _events: None)
    pacer.count(READING_RATE)
    assert not pacer.flooding
    pacer.count(1)
    assert pacer.flooding


def test_during_a_flood_rows_wait_for_a_screenful_or_the_pace(qtbot: QtBot) -> None:
    """A Matrix flood: two sync answers a second of a dozen rows each. In a flood they wait
    for a screenful of rows (then go in together) or FLOOD_PACE, not only the short interval."""
    delivered: list[list[ev.MessagesAdded]] = []
    pacer = LivePacer(delivered.append, interval=0.0, pace=SLOW)
    pacer.count(READING_RATE + 1)  # a flood is going on
    assert not pacer.offer(added("first"), steady=True, enough=4)  # after a quiet moment
    assert pacer.offer(added("a", "b"), steady=True, enough=4)  # held: the pace, not 0 s
    assert pacer.offer(added("c"), steady=True, enough=4) and delivered == []
    assert pacer.offer(added("d"), steady=True, enough=4)  # four rows: a screenful, in next
    qtbot.waitUntil(lambda: bool(delivered), timeout=5000)
    assert bodies(delivered[0]) == [["a", "b", "c", "d"]] and not pacer.holding
    assert pacer.offer(added("e"), steady=True, enough=4)
    qtbot.waitUntil(lambda: len(delivered) == 2, timeout=5000)  # the pace is over
    assert bodies(delivered[1]) == [["e"]]


def test_a_screenful_held_in_a_flood_goes_in_on_a_turn_of_its_own(qtbot: QtBot) -> None:
    """Not inside the delivery that completed it (that delivery's other work and the view's
    relayout and paint of the new rows were one long stall), yet without waiting for the pace;
    what comes before that turn goes in with it, and an explicit flush still goes at once."""
    delivered: list[list[ev.MessagesAdded]] = []
    pacer = LivePacer(delivered.append, interval=0.0, pace=3600.0)  # the pace never ends here
    pacer.count(READING_RATE + 1)
    assert not pacer.offer(added("first"), steady=True, enough=2)
    assert pacer.offer(added("a", "b"), steady=True, enough=2)
    assert delivered == [] and pacer.holding  # a screenful, but not inside this delivery
    assert pacer.offer(added("c"), steady=True, enough=2)  # the same delivery: it goes along
    qtbot.waitUntil(lambda: bool(delivered), timeout=5000)
    assert bodies(delivered[0]) == [["a", "b", "c"]] and not pacer.holding
    assert pacer.offer(added("d", "e"), steady=True, enough=2)
    pacer.flush()  # e.g. an edit of "e" comes next: its row must exist now
    assert bodies(delivered[1]) == [["d", "e"]] and not pacer.holding
