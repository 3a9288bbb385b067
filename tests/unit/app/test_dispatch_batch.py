"""``MessagesReceived`` (issue 16): a batch of plain messages is stored exactly as each of them
reported alone would be — the same rows, seqs, counts and events — with blocked senders,
replays, strangers and the time of arrival all handled the same; and the store's one-statement
insert keeps a replay's gap and indexes what it stored."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import events as ev
from app import facts as f
from app.dispatch import AccountDispatcher, PrivacyPolicy, StateWrite
from app.models import (
    Contact,
    ContactId,
    ConversationId,
    ConversationKind,
    Member,
    Message,
    MessageId,
    MessageKind,
)
from app.session import MAX_BATCH, AccountSession
from app.store.account_store import AccountStore
from tests.fakes.disk import fill_disk, free_disk

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
LOG = logging.LoggerAdapter(logging.getLogger("test.batch"), {})
KINDS = {
    "#r": ConversationKind.GROUP,
    "bob": ConversationKind.DIRECT,
    "eve": ConversationKind.DIRECT,
}


def batched(facts: Sequence[f.Fact]) -> list[f.Fact]:
    """``facts`` with each run of fitting messages to one conversation as one MessagesReceived
    (what the IRC session does with a chunk)."""
    out: list[f.Fact] = []
    run: list[f.MessageReceived] = []

    def close() -> None:
        if run:
            first = run[0]
            out.append(
                f.MessagesReceived(
                    first.conversation,
                    first.conversation_kind,
                    first.conversation_title,
                    tuple(f.MessagesReceived.row(m) for m in run),
                    first.history,
                )
            )
            run.clear()

    for fact in facts:
        if isinstance(fact, f.MessageReceived) and f.MessagesReceived.fits(fact):
            key = (fact.conversation, fact.conversation_kind, fact.conversation_title, fact.history)
            if run and key != (
                run[0].conversation,
                run[0].conversation_kind,
                run[0].conversation_title,
                run[0].history,
            ):
                close()
            run.append(fact)
            continue
        close()
        out.append(fact)
    close()
    return out


def dispatcher(path: Path, only_contacts: bool = False) -> AccountDispatcher:
    store = AccountStore("a", path)
    return AccountDispatcher(
        store, privacy=PrivacyPolicy(only_contacts), now=lambda: NOW, logger=LOG
    )


def stored(d: AccountDispatcher) -> dict[str, Any]:
    """Everything the store holds of the messages, but their random local ids."""
    convs = sorted(d.store.conversations(), key=lambda c: c.id.native_id)
    return {
        c.id.native_id: (
            c.kind,
            c.title,
            c.unread_count,
            c.mention_count,
            c.last_activity,
            [_row(m) for m in d.store.page(c.id.native_id, limit=10_000).messages],
        )
        for c in convs
    }


def _row(m: Message) -> tuple[Any, ...]:
    return (
        m.seq,
        m.sender,
        m.sender_name,
        m.body,
        m.html,
        m.remote_id,
        m.timestamp,
        m.kind,
        m.reply_to,
        m.mentions_me,
        m.direction,
        m.trust,
    )


def _events(events: list[ev.Event]) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for e in events:
        if isinstance(e, ev.MessagesAdded):
            out.append(("added", e.conversation_id, e.live, [_row(m) for m in e.messages]))
        elif isinstance(e, ev.ConversationsChanged):
            out.append(("convs", sorted(c.id.native_id for c in e.conversations)))
        else:
            out.append((type(e).__name__,))
    return out


def _slices(facts: list[f.Fact], sizes: list[int]) -> Iterator[list[f.Fact]]:
    start = 0
    for size in sizes:
        yield facts[start : start + size]
        start += size
    if start < len(facts):
        yield facts[start:]


MALLORY = ContactId("a", "mallory")


@st.composite
def scenario(draw: st.DrawFn) -> f.Fact:
    what = draw(st.integers(0, 11))
    if what == 0:
        return f.ContactsChanged((Contact(MALLORY, blocked=draw(st.booleans())),))
    if what == 1:  # "m2" is mallory, or stops being her
        real = draw(st.sampled_from([MALLORY, None]))
        member = Member(ConversationId("a", "#r"), "m2", contact=real)
        return f.MembersChanged("#r", upserted=(member,))
    if what == 2:  # ours, from elsewhere: never batched, in between
        return f.MessageReceived("#r", "me", "mine", ConversationKind.GROUP, outgoing=True)
    conv = draw(st.sampled_from(sorted(KINDS)))
    sender = (
        conv
        if KINDS[conv] is ConversationKind.DIRECT
        else draw(st.sampled_from(["ann", "m2", "mallory", "zed"]))
    )
    n = draw(st.integers(0, 30))
    return f.MessageReceived(
        conv,
        sender,
        draw(st.sampled_from(["hi", "x" * 20, "hello there"])) + f" {n}",
        KINDS[conv],
        conversation_title=conv.upper(),
        sender_name=draw(st.sampled_from(["", sender.title()])),
        remote_id=draw(st.sampled_from([None, f"id{n % 7}"])),
        timestamp=draw(st.sampled_from([None, NOW - timedelta(minutes=n)])),
        html=draw(st.sampled_from([None, "<b>hi</b>", "<script>x</script>ok"])),
        kind=draw(st.sampled_from([MessageKind.TEXT, MessageKind.EMOTE])),
        reply_to=draw(st.sampled_from([None, "id1"])),
        history=draw(st.booleans()),
        mentions_me=draw(st.booleans()),
    )


SETUP = [  # #r exists, and its member "m2" is mallory (blocked by her real identity)
    f.MessageReceived("#r", "ann", "welcome", ConversationKind.GROUP, conversation_title="#R"),
    f.MembersChanged("#r", upserted=(Member(ConversationId("a", "#r"), "m2", contact=MALLORY),)),
]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    st.lists(scenario(), max_size=40),
    st.lists(st.integers(1, 15), max_size=6),
    st.booleans(),
    st.integers(0, 10_000),
)
def test_a_batch_is_stored_as_its_messages_would_be_one_by_one(
    tmp_path_factory: Any, facts: list[f.Fact], sizes: list[int], only_contacts: bool, n: int
) -> None:
    facts = [*SETUP, *facts]
    root: Path = tmp_path_factory.mktemp(f"batch{n}")
    alone, together = (
        dispatcher(root / "alone.db", only_contacts),
        dispatcher(root / "together.db", only_contacts),
    )
    events_alone = [e for part in _slices(facts, sizes) for e in alone.apply(part)]
    events_together = [e for part in _slices(facts, sizes) for e in together.apply(batched(part))]
    try:
        assert stored(together) == stored(alone)
        assert _events(events_together) == _events(events_alone)
    finally:
        alone.store.close()
        together.store.close()


def test_a_batch_drops_the_blocked_and_strangers_and_keeps_the_rest_in_order(
    tmp_path: Path,
) -> None:
    d = dispatcher(tmp_path / "a.db", only_contacts=True)
    d.apply([f.ContactsChanged((Contact(MALLORY, blocked=True),))])
    rows = tuple(
        f.Received(sender, f"{sender} {i}", remote_id=f"r{i}")
        for i, sender in enumerate(["ann", "mallory", "ann", "zed"])
    )
    events = d.apply([f.MessagesReceived("#r", ConversationKind.GROUP, "#R", rows)])
    assert [m.body for m in d.store.page("#r").messages] == ["ann 0", "ann 2", "zed 3"]
    added = [e for e in events if isinstance(e, ev.MessagesAdded)]
    assert len(added) == 1 and [m.seq for m in added[0].messages] == [1, 2, 3]
    # A stranger's direct messages: nothing is stored, no conversation made.
    stranger = f.MessagesReceived("eve", ConversationKind.DIRECT, "eve", (f.Received("eve", "hi"),))
    assert d.apply([stranger]) == []
    assert d.store.conversation("eve") is None


def test_a_replay_inside_a_batch_leaves_a_gap_and_the_index_has_what_was_stored(
    tmp_path: Path,
) -> None:
    d = dispatcher(tmp_path / "a.db")
    d.apply([f.MessageReceived("#r", "ann", "first", ConversationKind.GROUP, remote_id="r1")])
    rows = (
        f.Received("ann", "second zebra", remote_id="r2"),
        f.Received("ann", "first", remote_id="r1"),  # already stored: skipped
        f.Received("bo", "third zebra", remote_id="r3"),
        f.Received("bo", "third zebra", remote_id="r3"),  # the same one twice in a batch
    )
    d.apply([f.MessagesReceived("#r", ConversationKind.GROUP, "#r", rows)])
    messages = d.store.page("#r").messages
    assert [(m.seq, m.body) for m in messages] == [
        (1, "first"),
        (2, "second zebra"),
        (4, "third zebra"),
    ]
    found = d.store.search("zebra")
    assert sorted(m.seq for m in found) == [2, 4]
    # The next message takes the seq after the newest, gap or not.
    d.apply([f.MessageReceived("#r", "ann", "next", ConversationKind.GROUP)])
    assert d.store.page("#r").messages[-1].seq == 5


def test_append_returns_messages_that_carry_their_seq_as_they_are(tmp_path: Path) -> None:
    store = AccountStore("a", tmp_path / "a.db")
    store.ensure_conversation("#r", ConversationKind.GROUP, "#r")
    conv = ConversationId("a", "#r")

    def message(local: str, seq: int = 0) -> Message:
        return Message(MessageId("a", local), conv, "ann", "", NOW, local, seq=seq)

    guessed = message("m1", seq=store.next_seq())
    unguessed = message("m2")
    wrong = message("m3", seq=99)
    inserted = store.append([guessed, unguessed, wrong])
    assert [m.seq for m in inserted] == [1, 2, 3]
    assert inserted[0] is guessed and inserted[1] is not unguessed
    assert store.message_by_local_id("m3") is not None
    assert store.message_by_local_id("m3").seq == 3  # type: ignore[union-attr]
    assert store.next_seq() == 4
    store.close()


def test_nulls_are_stored_as_nulls_and_text_that_looks_like_zero_as_text(tmp_path: Path) -> None:
    store = AccountStore("a", tmp_path / "a.db")
    store.ensure_conversation("#r", ConversationKind.GROUP, "#r")
    conv = ConversationId("a", "#r")
    plain = Message(MessageId("a", "p"), conv, "ann", "", NOW, "plain")
    zeros = Message(MessageId("a", "z"), conv, "ann", "", NOW, "0", remote_id="0", html="0")
    store.append([plain, zeros])
    rows = store.db.execute(
        "SELECT local_id, remote_id, html, reply_to, attachments, reactions, ref_id,"
        " thread_root, body_text, typeof(remote_id) FROM messages ORDER BY seq"
    ).fetchall()
    assert rows == [
        ("p", None, None, None, None, None, None, None, None, "null"),
        ("z", "0", "0", None, None, None, None, None, None, "text"),
    ]
    store.close()


def test_the_queue_is_drained_in_transactions_of_about_max_batch_messages() -> None:
    session = AccountSession.__new__(AccountSession)
    big = f.MessagesReceived(
        "#r",
        ConversationKind.GROUP,
        "#r",
        tuple(f.Received("a", "x") for _ in range(MAX_BATCH // 2)),
    )
    small = f.ServiceNotice("hi")
    write = StateWrite("k", "v")
    session._facts = [small, big, big, write, big, small]
    first = session._next_batch()
    assert first == [small, big, big]  # reached MAX_BATCH with the second big one
    assert session._next_batch() == [write, big, small]
    assert session._facts == []
    session._facts = [f.MessagesReceived("#r", ConversationKind.GROUP, "#r", big.messages * 3)]
    assert len(session._next_batch()) == 1  # one fact is never cut


def test_what_someone_sent_while_blocked_stays_unseen_in_a_batch(tmp_path: Path) -> None:
    d = dispatcher(tmp_path / "a.db")
    d.apply([f.ContactsChanged((Contact(MALLORY, blocked=True),))])
    meanwhile = datetime.now(UTC)
    d.apply([f.ContactsChanged((Contact(MALLORY, blocked=False),), complete=True)])
    after = datetime.now(UTC) + timedelta(seconds=1)
    rows = (
        f.Received("mallory", "while blocked", timestamp=meanwhile),
        f.Received("ann", "someone else meanwhile", timestamp=meanwhile),
        f.Received("mallory", "after", timestamp=after),
        f.Received("mallory", "no time given"),
    )
    d.apply([f.MessagesReceived("#r", ConversationKind.GROUP, "#r", rows)])
    assert sorted(m.body for m in d.store.page("#r").messages) == [
        "after",
        "no time given",
        "someone else meanwhile",
    ]


def test_a_time_without_a_zone_costs_no_message_of_its_batch(tmp_path: Path) -> None:
    """A backend's naive timestamp (a plugin's bug) is read as UTC with a log line; before, the
    store refused the row and every message of the transaction went with it (the fact after
    them blamed and dropped, or the whole batch raised out of ``apply``)."""
    d = dispatcher(tmp_path / "a.db")
    naive = datetime(2026, 11, 21, 11, 0)  # no tzinfo
    rows = tuple(
        f.Received("ann", f"zebra {i}", timestamp=naive if i == 280 else NOW) for i in range(300)
    )
    events = d.apply(
        [
            f.MessagesReceived("#r", ConversationKind.GROUP, "#r", rows),
            f.ServiceNotice("after them"),
            f.MessageReceived("#r", "bo", "zebra alone", ConversationKind.GROUP, timestamp=naive),
        ]
    )
    messages = d.store.page("#r", limit=1000).messages
    assert len(messages) == 301
    assert {m.timestamp for m in messages if m.body in ("zebra 280", "zebra alone")} == {
        naive.replace(tzinfo=UTC)
    }
    assert len(d.store.search("zebra", limit=1000)) == 301
    added = [m.body for e in events if isinstance(e, ev.MessagesAdded) for m in e.messages]
    assert len(added) == 302 and added[-2:] == ["after them", "zebra alone"]  # nothing blamed
    d.store.close()


def test_a_store_failure_mid_batch_is_reported_and_leaves_nothing_half_done(
    tmp_path: Path,
) -> None:
    """SQLite failing inside a batch's insert (the disk full once the first rows took the file's
    last free pages): the transaction is all or nothing (no row of it, no index entry, no
    event), the batch comes back whole to be kept (app.save_retry; a caller that cannot keep
    it is told by the error), and the next batch is stored whole with seqs and index in step.
    (A row the store refuses every time costs only itself: tests/unit/app/test_save_retry.py.)"""
    d = dispatcher(tmp_path / "a.db")
    d.apply([f.MessageReceived("#r", "ann", "before zebra", ConversationKind.GROUP)])
    fill_disk(d.store._conn)
    rows = tuple(f.Received("ann", f"zebra {i} " + "x" * 600) for i in range(400))
    facts: list[f.Fact | StateWrite] = [
        f.MessagesReceived("#r", ConversationKind.GROUP, "#r", rows),
        f.MessageReceived("bob", "bob", "zebra hi", ConversationKind.DIRECT),
    ]
    saved = d.save(facts)
    assert saved.error is not None and "disk is full" in str(saved.error)
    assert saved.unsaved == facts and saved.events == []
    with pytest.raises(sqlite3.OperationalError, match="disk is full"):
        d.apply(facts)
    assert [m.body for m in d.store.page("#r", limit=1000).messages] == ["before zebra"]
    assert d.store.conversation("bob") is None
    assert [m.body for m in d.store.search("zebra")] == ["before zebra"]
    free_disk(d.store._conn)
    events = d.apply([f.MessagesReceived("#r", ConversationKind.GROUP, "#r", rows[:3])])
    assert [m.seq for e in events if isinstance(e, ev.MessagesAdded) for m in e.messages] == [
        2,
        3,
        4,
    ]
    assert len(d.store.search("zebra")) == 4
    d.store.close()
