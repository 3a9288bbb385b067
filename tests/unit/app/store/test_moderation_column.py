"""A moderator's removal has columns of its own (0013_moderation): old marked rows move there,
``failure`` means only a send failure, and the note survives the store and an export."""

from __future__ import annotations

import io
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from app.models import (
    Account,
    ConversationId,
    ConversationKind,
    DeliveryState,
    Direction,
    Message,
    MessageId,
    Moderation,
)
from app.store.account_store import AccountStore
from app.store.archive import export_account, import_account
from app.store.schema import migrations

_OLD_ROWS = [
    # local id, remote id, retracted, failure as the previous version wrote it
    ("l1", "r1", 1, "\x1eboss\x1fspam"),
    ("l2", "r2", 1, "\x1eboss\x1f"),  # no reason given
    ("l3", "r3", 1, "\x1e\x1f"),  # the room did not say who
    ("l4", "r4", 1, ""),  # the sender's own deletion
    ("l5", None, 0, "You are not allowed to write here."),  # a real send failure
    ("l6", "r6", 1, "\x1ea\x1fwhy: this\x1fand that"),  # the separator inside the reason
]


def _old_store(path: Path) -> None:
    db = Database(sqlite3.connect(path, isolation_level=None), execute_plugins=False)
    migrations().apply(db, stop_before="0013_moderation")
    db.execute("INSERT INTO conversations (native_id, kind) VALUES ('room@muc', 'group')")
    for local, remote, retracted, failure in _OLD_ROWS:
        db.execute(
            "INSERT INTO messages (conversation, local_id, remote_id, sender, ts, body, retracted,"
            " failure, delivery, outgoing) VALUES (1, ?, ?, 'alice', 0, '', ?, ?, ?, ?)",
            (local, remote, retracted, failure, "failed" if remote is None else "sent", 0),
        )
    db.conn.close()


def test_marked_rows_move_to_their_own_columns_and_failure_is_a_failure_again(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    _old_store(path)
    store = AccountStore("a", path)
    by_local = {m.local_id: m for m in store.page("room@muc").messages}
    assert by_local["l1"].moderation == Moderation("boss", "spam")
    assert by_local["l2"].moderation == Moderation("boss", "")
    assert by_local["l3"].moderation == Moderation("", "")
    assert by_local["l4"].moderation is None
    assert by_local["l5"].moderation is None
    assert by_local["l6"].moderation == Moderation("a", "why: this\x1fand that")
    assert {m.local_id: m.failure_reason for m in by_local.values()} == {
        "l1": "",
        "l2": "",
        "l3": "",
        "l4": "",
        "l5": "You are not allowed to write here.",
        "l6": "",
    }
    assert store.db.execute(
        "SELECT count(*) FROM messages WHERE failure LIKE char(30) || '%'"
    ).fetchone() == (0,)
    store.close()


def _message(local: str, remote: str) -> Message:
    return Message(
        MessageId("a", local),
        ConversationId("a", "room@muc"),
        "alice",
        "Alice",
        datetime(2026, 12, 6, 12, tzinfo=UTC),
        f"text of {local}",
        remote_id=remote,
    )


def test_a_removal_keeps_who_and_why_without_touching_a_send_failure(tmp_path: Path) -> None:
    store = AccountStore("a", tmp_path / "a.sqlite3")
    store.ensure_conversation("room@muc", ConversationKind.GROUP)
    store.append([_message("l1", "r1"), _message("l2", "r2")])
    removed = store.retract("room@muc", "r1", Moderation("boss", "spam"))
    assert removed is not None and removed.moderation == Moderation("boss", "spam")
    own = store.retract("room@muc", "r2")
    assert own is not None and own.moderation is None
    store.close()
    store = AccountStore("a", tmp_path / "a.sqlite3")
    first, second = store.page("room@muc").messages
    assert (first.retracted, first.moderation, first.failure_reason) == (
        True,
        Moderation("boss", "spam"),
        "",
    )
    assert (second.retracted, second.moderation) == (True, None)
    store.close()


def test_an_export_carries_the_note_and_an_older_exports_mark_is_read(tmp_path: Path) -> None:
    source = AccountStore("a", tmp_path / "a.sqlite3")
    source.ensure_conversation("room@muc", ConversationKind.GROUP)
    failed = Message(
        MessageId("a", "l3"),
        ConversationId("a", "room@muc"),
        "me",
        "Me",
        datetime(2026, 12, 6, 12, 1, tzinfo=UTC),
        "mine",
        direction=Direction.OUTGOING,
        delivery=DeliveryState.FAILED,
        failure_reason="refused",
    )
    source.append([_message("l1", "r1"), failed])
    source.retract("room@muc", "r1", Moderation("boss", "spam"))
    out = io.StringIO()
    export_account(source, Account("a", "xmpp", "Alice", {}), out)
    source.close()
    text = out.getvalue()
    assert "\\u001e" not in text and '"moderation": {"by": "boss", "reason": "spam"}' in text
    # the previous version wrote the note into "failure", marked
    old = text.replace('"l1"', '"l9"').replace('"r1"', '"r9"')
    old = old.replace(
        '"moderation": {"by": "boss", "reason": "spam"}', '"failure": "\\u001eold\\u001fflood"'
    )
    target = AccountStore("b", tmp_path / "b.sqlite3")
    import_account(target, io.StringIO(text))
    import_account(target, io.StringIO(old))
    by_local = {m.local_id: m for m in target.page("room@muc").messages}
    assert by_local["l1"].moderation == Moderation("boss", "spam")
    assert (by_local["l9"].moderation, by_local["l9"].failure_reason) == (
        Moderation("old", "flood"),
        "",
    )
    assert (by_local["l3"].moderation, by_local["l3"].failure_reason) == (None, "refused")
    target.close()
