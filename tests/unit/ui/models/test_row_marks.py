"""Where a group of messages starts: a nick's next holder is someone else (XEP-0421)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from app.models import ConversationId, Message, MessageId, to_millis
from ui.models.row_marks import RowMarks

T0 = datetime(2026, 12, 6, 12, tzinfo=UTC)


def _said(n: int, nick: str, occupant: str | None) -> Message:
    return Message(
        MessageId("a", f"l{n}"),
        ConversationId("a", "room@muc"),
        nick,
        nick,
        T0 + timedelta(seconds=n),
        f"words {n}",
        occupant_id=occupant,
    )


def _starts(messages: list[Message]) -> list[bool]:
    marks = RowMarks(lambda _day: "", lambda: True)  # no day separators
    marks.attach(messages, [(to_millis(m.timestamp), n) for n, m in enumerate(messages)])
    return [marks.starts_group(row) for row in range(len(messages))]


def test_the_same_nick_from_another_occupant_starts_a_group() -> None:
    alice = [_said(0, "alice", "occ-A"), _said(1, "alice", "occ-A"), _said(2, "alice", "occ-M")]
    assert _starts(alice) == [True, False, True]


def test_without_occupant_ids_the_nick_groups_as_before() -> None:
    plain = [_said(0, "alice", None), _said(1, "alice", None), _said(2, "bob", None)]
    assert _starts(plain) == [True, False, True]
    # one side without an id (stored before the room gave them): the nick decides
    assert _starts([plain[0], replace(plain[1], occupant_id="occ-A")]) == [True, False]


def test_a_new_nick_of_the_same_occupant_still_shows_its_name() -> None:
    assert _starts([_said(0, "alice", "occ-A"), _said(1, "alicia", "occ-A")]) == [True, True]
