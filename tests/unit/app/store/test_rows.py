"""A system message's body keeps its translatable template through the store (body_text)."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.i18n import CoreMessages, Text
from app.models import (
    Account,
    ConversationId,
    ConversationKind,
    Message,
    MessageId,
    MessageKind,
)
from app.store.account_store import AccountStore
from app.store.archive import export_account, import_account

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
ROOM = "#tea"


@pytest.fixture
def store(tmp_path: Path) -> AccountStore:
    s = AccountStore("a", tmp_path / "a.sqlite3")
    s.ensure_conversation(ROOM, ConversationKind.GROUP, "#tea")
    return s


def message(n: int, body: str, kind: MessageKind = MessageKind.SYSTEM) -> Message:
    return Message(
        MessageId("a", f"l{n}"),
        ConversationId("a", ROOM),
        sender="carol",
        sender_name="carol",
        timestamp=T0 + timedelta(seconds=n),
        body=body,
        kind=kind,
        remote_id=f"r{n}",
    )


def bodies(store: AccountStore) -> list[str]:
    return [m.body for m in store.page(ROOM).messages]


def test_a_text_body_comes_back_as_the_text_it_was_made_from(
    store: AccountStore, tmp_path: Path
) -> None:
    kick = CoreMessages.tr("%1 was kicked by %2 (%3)").arg("bob", "carol", "100% %2 rude")
    inner = CoreMessages.tr("%1 has a new device").arg("bob@example.org")
    nested = CoreMessages.tr("%1 (fingerprint %2). %3").arg(inner, "ab cd", "Check it.")
    plural = CoreMessages.tr("%n file(s) from %1", "", 3).arg("ünïcode ☕")
    store.append([message(1, kick), message(2, nested), message(3, plural)])
    store.close()
    again = AccountStore("a", tmp_path / "a.sqlite3")  # from the disk, not a cache
    got = bodies(again)
    assert got == [
        "bob was kicked by carol (100% %2 rude)",
        "bob@example.org has a new device (fingerprint ab cd). Check it.",
        "3 files from ünïcode ☕",
    ]
    assert all(isinstance(b, Text) for b in got)
    first, second, third = (b for b in got if isinstance(b, Text))
    assert (first.template, first.args) == (
        "%1 was kicked by %2 (%3)",
        ("bob", "carol", "100% %2 rude"),
    )
    assert second.template == "%1 (fingerprint %2). %3"
    assert isinstance(second.args[0], Text) and second.args[0].template == "%1 has a new device"
    assert (third.template, third.n, third.args) == ("%n file(s) from %1", 3, ("ünïcode ☕",))


def test_what_a_person_wrote_stays_plain_even_when_it_equals_a_template(
    store: AccountStore,
) -> None:
    words = "bob was kicked by carol"
    store.append([message(1, words, MessageKind.TEXT), message(2, "%1 was kicked by %2")])
    got = bodies(store)
    assert got == [words, "%1 was kicked by %2"]
    assert not any(isinstance(b, Text) for b in got)
    column = store.db.execute("SELECT body_text FROM messages ORDER BY seq").fetchall()
    assert column == [(None,), (None,)]


def test_a_damaged_or_mismatched_record_falls_back_to_the_stored_body(
    store: AccountStore,
) -> None:
    store.append([message(1, CoreMessages.tr("%1 was kicked by %2").arg("bob", "carol"))])
    store.append([message(2, CoreMessages.tr("%1 was kicked by %2").arg("dan", "carol"))])
    store.db.execute("UPDATE messages SET body_text='{not json' WHERE local_id='l1'")
    store.db.execute("UPDATE messages SET body='changed' WHERE local_id='l2'")
    got = bodies(store)
    assert got == ["bob was kicked by carol", "changed"]
    assert not any(isinstance(b, Text) for b in got)


def test_an_edit_or_retraction_forgets_the_template(store: AccountStore) -> None:
    store.append([message(1, CoreMessages.tr("%1 was kicked by %2").arg("bob", "carol"))])
    assert store.apply_edit(ROOM, "r1", "new words", None, "carol") is not None
    assert bodies(store) == ["new words"] and not isinstance(bodies(store)[0], Text)
    column = store.db.execute("SELECT body_text FROM messages").fetchall()
    assert column == [(None,)]


def test_an_archive_carries_the_english_body(store: AccountStore, tmp_path: Path) -> None:
    store.append([message(1, CoreMessages.tr("%1 changed the topic to: %2").arg("carol", "tea"))])
    out = io.StringIO()
    assert export_account(store, Account("a", "irc", "A", {}), out) == 1
    target = AccountStore("b", tmp_path / "b.sqlite3")
    report = import_account(target, io.StringIO(out.getvalue()))
    assert (report.messages, report.skipped_lines) == (1, 0)
    assert [m.body for m in target.page(ROOM).messages] == ["carol changed the topic to: tea"]
