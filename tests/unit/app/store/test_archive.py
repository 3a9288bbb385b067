"""JSON Lines export and import: a round trip keeps everything; damage loses only the bad line."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.models import (
    Account,
    Attachment,
    Contact,
    ContactId,
    ConversationId,
    ConversationKind,
    DeliveryState,
    Direction,
    Message,
    MessageId,
    Reaction,
)
from app.store.account_store import AccountStore
from app.store.archive import ArchiveError, export_account, import_account

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
ACCOUNT = Account("src", "xmpp", "Alice", {"jid": "alice@example.org"})


def filled_store(path: Path) -> AccountStore:
    store = AccountStore("src", path)
    store.ensure_conversation("bob@example.org", ConversationKind.DIRECT, "Bob")
    store.ensure_conversation("room@muc.example.org", ConversationKind.GROUP, "Room")
    store.update_conversation("room@muc.example.org", topic="Tea ☕")
    store.upsert_contacts(
        [Contact(ContactId("src", "bob@example.org"), "Bob", groups=("Friends",))]
    )
    messages = [
        Message(
            MessageId("src", f"l{i}"),
            ConversationId("src", "bob@example.org" if i % 2 else "room@muc.example.org"),
            sender="bob@example.org",
            sender_name="Bob",
            timestamp=T0 + timedelta(minutes=i),
            body=f"Nachricht {i} — ✓",
            remote_id=f"r{i}",
            direction=Direction.OUTGOING if i % 3 == 0 else Direction.INCOMING,
            delivery=DeliveryState.READ if i % 3 == 0 else DeliveryState.SENT,
            html="<b>bold</b>" if i == 4 else None,
            attachments=(Attachment("https://x/y.png", "y.png", "image/png", 10),)
            if i == 5
            else (),
            reactions=(Reaction("👍", ("carol",)),) if i == 6 else (),
            edited=i == 7,
        )
        for i in range(25)
    ]
    store.append(messages)
    return store


def test_round_trip(tmp_path: Path) -> None:
    store = filled_store(tmp_path / "src.sqlite3")
    out = io.StringIO()
    assert export_account(store, ACCOUNT, out) == 25
    lines = out.getvalue().splitlines()
    header = json.loads(lines[0])
    assert header["type"] == "chinwag-account-export" and header["protocol_id"] == "xmpp"
    assert all(json.loads(line)["type"] for line in lines[1:])

    target = AccountStore("dst", tmp_path / "dst.sqlite3")
    report = import_account(target, io.StringIO(out.getvalue()))
    assert (report.messages, report.skipped_lines) == (25, 0)
    assert report.header.settings == {"jid": "alice@example.org"}
    for conv in ("bob@example.org", "room@muc.example.org"):
        original = [
            (
                m.local_id,
                m.body,
                m.timestamp,
                m.delivery,
                m.html,
                m.attachments,
                m.reactions,
                m.edited,
                m.direction,
            )
            for m in store.page(conv, None, 100).messages
        ]
        copied = [
            (
                m.local_id,
                m.body,
                m.timestamp,
                m.delivery,
                m.html,
                m.attachments,
                m.reactions,
                m.edited,
                m.direction,
            )
            for m in target.page(conv, None, 100).messages
        ]
        assert copied == original
    room = target.conversation("room@muc.example.org")
    assert room is not None and room.topic == "Tea ☕" and room.kind is ConversationKind.GROUP
    assert [c.groups for c in target.contacts()] == [("Friends",)]
    # Importing the same file again adds nothing.
    again = import_account(target, io.StringIO(out.getvalue()))
    assert again.messages == 0
    store.close()
    target.close()


def test_damaged_lines_are_skipped(tmp_path: Path) -> None:
    store = filled_store(tmp_path / "src.sqlite3")
    out = io.StringIO()
    export_account(store, ACCOUNT, out)
    lines = out.getvalue().splitlines()
    lines[5] = "{not json"
    lines[6] = json.dumps({"type": "message", "conversation": "x"})  # missing fields
    lines.insert(7, json.dumps({"type": "alien"}))
    target = AccountStore("dst", tmp_path / "dst.sqlite3")
    report = import_account(target, io.StringIO("\n".join(lines)))
    assert report.skipped_lines == 3
    assert report.messages == 23
    store.close()
    target.close()


@pytest.mark.parametrize(
    "first_line",
    [
        "",
        "garbage",
        json.dumps({"type": "something-else"}),
        json.dumps({"type": "chinwag-account-export", "version": 99}),
    ],
)
def test_not_an_export(tmp_path: Path, first_line: str) -> None:
    target = AccountStore("dst", tmp_path / "dst.sqlite3")
    with pytest.raises(ArchiveError):
        import_account(target, io.StringIO(first_line + "\n"))
    target.close()
