"""A conversation's draft in the account store: kept across reopening, cleared, and a damaged
column read as no draft."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from app.models import ConversationKind, Draft, DraftMode
from app.store.account_store import AccountStore
from app.store.drafts import draft_of, dump_draft


def test_a_draft_survives_reopening_and_other_changes(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    s = AccountStore("a", path)
    s.ensure_conversation("#a", ConversationKind.GROUP)
    s.ensure_conversation("#b", ConversationKind.GROUP)
    draft = Draft("half a thought 🍅\nsecond line", DraftMode.REPLY, "local-7")
    s.update_conversation("#a", draft=draft)
    # Another change of the same row (a message counted as unread) keeps the draft.
    s.update_conversation("#a", unread_count=3)
    s.close()
    s = AccountStore("a", path)
    a, b = s.conversation("#a"), s.conversation("#b")
    assert a is not None and b is not None
    assert a.draft == draft and a.unread_count == 3
    assert b.draft is None
    s.update_conversation("#a", draft=None)
    s.close()
    s = AccountStore("a", path)
    a = s.conversation("#a")
    assert a is not None and a.draft is None
    assert s.db.execute("SELECT draft FROM conversations").fetchall() == [(None,), (None,)]
    s.close()


@pytest.mark.parametrize(
    "draft",
    [
        Draft(""),
        Draft("plain"),
        Draft("edited", DraftMode.EDIT, "m1"),
        Draft('quotes " and \\ and null \x00', DraftMode.REPLY, "m2"),
    ],
)
def test_round_trip(draft: Draft) -> None:
    assert draft_of(dump_draft(draft)) == draft


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, None),
        ("", None),
        ("not json", None),
        ("[1, 2]", None),
        ('{"text": 5}', None),
        ('{"text": "kept", "mode": "future-mode", "target": 9}', Draft("kept")),
    ],
)
def test_damaged_values_read_as_no_draft_or_the_text(
    raw: str | None, expected: Draft | None, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        assert draft_of(raw) == expected
    # A column that held something unreadable says so; no body text in the log line.
    assert bool(caplog.records) == (raw not in (None, "") and expected is None)


def test_a_damaged_column_does_not_stop_the_store_from_opening(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    s = AccountStore("a", path)
    s.ensure_conversation("#a", ConversationKind.GROUP)
    s.db.execute("UPDATE conversations SET draft='{broken'")
    s.close()
    s = AccountStore("a", path)
    a = s.conversation("#a")
    assert a is not None and a.draft is None
    s.close()
