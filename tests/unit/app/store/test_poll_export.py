"""A poll in an export: its question, answers and tally (and whether it ended), in JSON Lines
and in the readable HTML copy; an undisclosed poll still open keeps its counts out."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.models import (
    Account,
    ConversationId,
    ConversationKind,
    Message,
    MessageId,
    Poll,
    PollAnswer,
    to_millis,
)
from app.store.account_store import AccountStore
from app.store.archive import export_account, import_account
from app.store.html_export import write_html

T0 = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
ROOM = "!lunch:hs"
ACCOUNT = Account("src", "matrix", "Me", {"user_id": "@me:hs"})


def poll(disclosed: bool) -> Poll:
    answers = (PollAnswer("p", "Pizza <hot>"), PollAnswer("s", "Soup"), PollAnswer("w", "Wings"))
    return Poll("Lunch & where?", answers, disclosed=disclosed)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[AccountStore]:
    s = AccountStore("src", tmp_path / "src.sqlite3")
    s.ensure_conversation(ROOM, ConversationKind.GROUP, "Lunch")
    yield s
    s.close()


def add_poll(store: AccountStore, remote_id: str, *, disclosed: bool, end: bool) -> None:
    message = Message(
        MessageId("src", f"l{remote_id}"),
        ConversationId("src", ROOM),
        sender="@alice:hs",
        sender_name="Alice",
        timestamp=T0,
        body="Lunch & where?\n1. Pizza <hot>\n2. Soup\n3. Wings",
        remote_id=remote_id,
    )
    store.append([message])
    store.polls.define(ROOM, remote_id, poll(disclosed))
    ts = to_millis(T0)
    store.polls.vote(ROOM, remote_id, "@bob:hs", ts + 1, ("p",), vote_id=f"{remote_id}b")
    store.polls.vote(ROOM, remote_id, "@carol:hs", ts + 2, ("p",), vote_id=f"{remote_id}c")
    store.polls.vote(ROOM, remote_id, "@me:hs", ts + 3, ("s",), own=True, vote_id=f"{remote_id}m")
    if end:
        store.polls.end(ROOM, remote_id, "@alice:hs", ts + 4)
        store.polls.vote(ROOM, remote_id, "@dan:hs", ts + 5, ("w",))  # too late: not counted


def test_json_lines_keep_the_question_answers_tally_and_end(store: AccountStore) -> None:
    add_poll(store, "$ended", disclosed=False, end=True)
    add_poll(store, "$hidden", disclosed=False, end=False)
    out = io.StringIO()
    assert export_account(store, ACCOUNT, out) == 2
    records = {
        r["remote_id"]: r
        for r in map(json.loads, out.getvalue().splitlines()[1:])
        if r["type"] == "message"
    }
    assert records["$ended"]["poll"] == {
        "question": "Lunch & where?",
        "answers": [
            {"id": "p", "text": "Pizza <hot>", "votes": 2},
            {"id": "s", "text": "Soup", "votes": 1},
            {"id": "w", "text": "Wings", "votes": 0},
        ],
        "disclosed": False,
        "max_selections": 1,
        "ended": True,
        "voters": 3,
        "mine": ["s"],
    }
    hidden = records["$hidden"]["poll"]
    assert not hidden["ended"] and "voters" not in hidden
    assert all("votes" not in a for a in hidden["answers"])  # undisclosed, open: not revealed
    # An import still reads the file: the poll comes back as its text form.
    target = AccountStore("dst", store.path.with_name("dst.sqlite3"))
    try:
        assert import_account(target, io.StringIO(out.getvalue())).skipped_lines == 0
        copied = target.message_by_remote_id(ROOM, "$ended")
        assert copied is not None and copied.body.startswith("Lunch & where?")
    finally:
        target.close()


def test_the_html_copy_shows_the_tally_escaped_and_whether_it_ended(store: AccountStore) -> None:
    add_poll(store, "$ended", disclosed=False, end=True)
    add_poll(store, "$open", disclosed=True, end=False)
    add_poll(store, "$hidden", disclosed=False, end=False)
    conv = store.conversation(ROOM)
    assert conv is not None
    messages = {m.remote_id: m for m in store.iter_messages(conversation=ROOM)}
    pages = {}
    for remote_id, message in messages.items():
        out = io.StringIO()
        assert write_html(out, "Lunch", [(conv, [message])]) == 1
        pages[remote_id] = out.getvalue()
    ended = pages["$ended"]
    assert "Poll: <b>Lunch &amp; where?</b>" in ended
    assert "<li>Pizza &lt;hot&gt; — 2 votes</li>" in ended and "<hot>" not in ended
    assert "<li>Soup — 1 vote (your choice)</li>" in ended and "<li>Wings — 0 votes</li>" in ended
    assert "(ended, 3 voters)" in ended
    assert "(open, 3 voters)" in pages["$open"] and "— 2 votes" in pages["$open"]
    hidden = pages["$hidden"]
    assert "votes" not in hidden and "results are shown when it ends" in hidden
    assert "<li>Soup (your choice)</li>" in hidden


def test_a_removed_poll_is_exported_without_it(store: AccountStore) -> None:
    """Removed before removals cleared the record too (stores of the previous version): the
    export does not bring the question and answers back."""
    add_poll(store, "$gone", disclosed=True, end=False)
    store.retract(ROOM, "$gone")
    store.db.execute("UPDATE messages SET poll=? WHERE remote_id='$gone'", ('{"a": []}',))
    out = io.StringIO()
    export_account(store, ACCOUNT, out)
    record = json.loads(out.getvalue().splitlines()[-1])
    assert record["retracted"] and "poll" not in record and record["body"] == ""
