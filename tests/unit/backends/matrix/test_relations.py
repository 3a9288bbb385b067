"""Threads in Matrix events (``m.thread``): which thread a message is in, the summary a root
carries, what we send, and hostile shapes (a missing root, a broken summary)."""

from __future__ import annotations

from typing import Any

import pytest

from app import facts as f
from app.models import Trust
from backends.matrix import convert as cv
from backends.matrix import relations as rel
from tests.unit.backends.matrix.test_convert import BOB, ME, TS, ctx, event, only_message


def thread_reply(root: str = "$root", **rel_extra: Any) -> dict[str, Any]:
    return {
        "msgtype": "m.text",
        "body": "in thread",
        "m.relates_to": {"rel_type": "m.thread", "event_id": root, **rel_extra},
    }


def summary_unsigned(
    count: Any, latest: dict[str, Any] | None, mine: Any = False
) -> dict[str, Any]:
    thread: dict[str, Any] = {"count": count, "current_user_participated": mine}
    if latest is not None:
        thread["latest_event"] = latest
    return {"m.relations": {"m.thread": thread}}


def test_a_root_carries_the_servers_summary() -> None:
    latest = event({"msgtype": "m.text", "body": "> <@x:y> q\n\nlatest words"}, sender=BOB)
    latest["origin_server_ts"] = TS + 5000
    root = event({"msgtype": "m.text", "body": "root"}, unsigned=summary_unsigned(7, latest))
    message = only_message(cv.convert_event(root, ctx()))
    assert message.thread_root is None
    summary = message.thread
    assert summary is not None
    assert summary.count == 7
    assert (summary.latest_sender, summary.latest_sender_name) == (BOB, "Bob")
    assert summary.latest_body == "latest words"  # the reply fallback is not the text
    assert summary.latest_timestamp is not None and not summary.participated


@pytest.mark.parametrize(
    ("unsigned", "count"),
    [
        (summary_unsigned(-1, None), None),  # a negative count is no summary
        (summary_unsigned("7", None), None),
        (summary_unsigned(True, None), None),
        ({"m.relations": {"m.thread": "x"}}, None),
        ({"m.relations": []}, None),
        (summary_unsigned(2, {"type": "m.room.encrypted", "sender": ME}), 2),
    ],
)
def test_broken_summaries_are_dropped_not_fatal(
    unsigned: dict[str, Any], count: int | None
) -> None:
    root = event({"msgtype": "m.text", "body": "root"}, unsigned=unsigned)
    message = only_message(cv.convert_event(root, ctx()))
    assert message.body == "root"
    if count is None:
        assert message.thread is None
    else:
        assert message.thread is not None and message.thread.count == count
        assert message.thread.latest_body == rel.ENCRYPTED_LATEST  # could not be read
        assert message.thread.participated  # the latest reply is ours


def test_a_reply_to_a_missing_root_stays_in_the_main_timeline() -> None:
    missing = ctx(root_known=lambda root: root != "$gone")
    message = only_message(cv.convert_event(event(thread_reply("$gone")), missing))
    assert message.thread_root is None and message.reply_to == "$gone"
    kept = only_message(cv.convert_event(event(thread_reply("$root")), missing))
    assert kept.thread_root == "$root" and kept.reply_to is None


def test_an_encrypted_reply_keeps_its_thread_until_decrypted() -> None:
    content = {
        "algorithm": "m.megolm.v1.aes-sha2",
        "ciphertext": "x",
        "m.relates_to": {"rel_type": "m.thread", "event_id": "$root"},
    }
    facts = cv.convert_event(event(content, type="m.room.encrypted"), ctx())
    message = only_message(facts)
    assert message.trust is Trust.UNDECRYPTABLE and message.thread_root == "$root"


def test_what_we_send_in_a_thread() -> None:
    assert rel.thread_relation("$root", "$last", None) == {
        "rel_type": "m.thread",
        "event_id": "$root",
        "is_falling_back": True,
        "m.in_reply_to": {"event_id": "$last"},
    }
    assert rel.thread_relation("$root", None, None)["m.in_reply_to"] == {"event_id": "$root"}
    real = rel.thread_relation("$root", "$last", "$that")
    assert real["is_falling_back"] is False and real["m.in_reply_to"] == {"event_id": "$that"}


def test_thread_roots_of_a_page_of_anything() -> None:
    page: list[Any] = [
        event(thread_reply("$a")),
        event(thread_reply("$b"), type="m.room.encrypted"),
        event(thread_reply("not-an-id")),
        event({"m.relates_to": "x"}),
        "junk",
        {"content": None},
    ]
    assert rel.thread_roots(page) == {"$a", "$b"}
    assert rel.thread_roots("junk") == set()
    assert not [
        x
        for x in cv.convert_event(event(thread_reply("$a")), ctx()) or []
        if isinstance(x, f.BadInput)
    ]
