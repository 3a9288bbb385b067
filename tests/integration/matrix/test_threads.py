"""Threads (issue 18, item 4) against Synapse: replies land in their thread with the reply
fallback understood, our answers carry ``m.thread`` with the fallback, a thread is read back
from the server with its summary, receipts are threaded, and a root that is missing (not
visible to us) or redacted is handled."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from app import facts as f
from app.backend import OutgoingMessage
from app.models import ConversationId
from chinwag.testing import wait_until
from tests.integration.matrix.helpers import (
    Account,
    Peer,
    Session,
    connect,
    group_with,
    join_as,
)
from tests.integration.matrix.synapse import Synapse

pytestmark = pytest.mark.integration


def in_thread(root: str, latest: str, body: str, *, fallback: bool = True) -> dict[str, Any]:
    """What Element sends for a reply in a thread (with the reply fallback)."""
    return {
        "msgtype": "m.text",
        "body": body,
        "m.relates_to": {
            "rel_type": "m.thread",
            "event_id": root,
            "is_falling_back": fallback,
            "m.in_reply_to": {"event_id": latest},
        },
    }


@pytest.fixture
async def chat(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> AsyncIterator[tuple[Session, str]]:
    room = await group_with(synapse, account, peer, name="Threads")
    session = await connect(synapse, account, tmp_path)
    try:
        yield session, room
    finally:
        await session.backend.disconnect()


def conv(session: Session, room: str) -> ConversationId:
    return ConversationId(session.rec.account_id, room)


async def test_replies_in_a_thread_and_our_answer_in_it(
    chat: tuple[Session, str], peer: Peer
) -> None:
    session, room = chat
    root = await peer.say(room, "shall we meet?")
    first = await peer.send(room, in_thread(root, root, "tuesday?"))
    second = await peer.send(room, in_thread(root, first, "or wednesday", fallback=False))
    got = await session.wait_message("or wednesday")
    assert got.thread_root == root and got.reply_to == first  # a real reply inside the thread
    fell_back = await session.wait_message("tuesday?")
    assert fell_back.thread_root == root and fell_back.reply_to is None
    root_fact = await session.wait_message("shall we meet?")
    assert root_fact.thread_root is None

    sent = await session.backend.send_message(
        conv(session, room), OutgoingMessage("thr1", "wednesday it is", thread_root=root)
    )
    assert sent.ok, sent.failure
    event = await peer.wait_text(room, "wednesday it is")
    relation = event["content"]["m.relates_to"]
    assert relation == {
        "rel_type": "m.thread",
        "event_id": root,
        "is_falling_back": True,
        "m.in_reply_to": {"event_id": second},  # the fallback points at the latest reply
    }
    echo = await session.wait_message("wednesday it is")
    assert echo.thread_root == root and echo.outgoing


async def test_a_thread_is_read_back_with_the_servers_summary(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    room = await group_with(synapse, account, peer, name="Read back")
    root = await peer.say(room, "the root")
    latest = root
    for n in range(4):
        latest = await peer.send(room, in_thread(root, latest, f"reply {n}"))
    for n in range(30):  # push the thread out of the first sync's timeline
        await peer.say(room, f"filler {n}")
    session = await connect(synapse, account, tmp_path)
    try:
        outcome = await session.backend.fetch_thread(conv(session, room), root, 50)
        assert outcome.ok and outcome.value == "end"
        roots = [x for x in session.facts(f.MessageReceived) if x.remote_id == root and x.thread]
        assert roots, "the root came without the server's thread summary"
        summary = roots[-1].thread
        assert summary is not None and summary.count == 4
        assert summary.latest_body == "reply 3" and not summary.participated
        replies = [x for x in session.facts(f.MessageReceived) if x.thread_root == root]
        assert [x.body for x in replies] == [f"reply {n}" for n in range(4)]
        assert all(x.history for x in replies)
    finally:
        await session.backend.disconnect()


async def test_read_receipts_inside_a_thread_are_threaded(
    chat: tuple[Session, str], peer: Peer
) -> None:
    session, room = chat
    root = await peer.say(room, "receipts root")
    reply = await peer.send(room, in_thread(root, root, "read me in the thread"))
    await session.wait_message("read me in the thread")
    await session.backend.send_thread_read_marker(conv(session, room), root, reply)
    me = session.backend.own_id

    def threaded(answer: dict[str, Any]) -> bool:
        ephemeral = answer.get("rooms", {}).get("join", {}).get(room, {}).get("ephemeral", {})
        for event in ephemeral.get("events", []):
            if event.get("type") != "m.receipt":
                continue
            mine = event["content"].get(reply, {}).get("m.read", {}).get(me)
            if mine is not None:
                return bool(mine.get("thread_id") == root)
        return False

    assert await peer.sync_until(threaded)


async def test_a_root_we_cannot_see_leaves_its_replies_in_the_main_timeline(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    """History visibility "joined": the root was sent before we joined, so the server will not
    show it to us (a missing root, as far as we can tell)."""
    room = await peer.create_room(
        name="Before my time",
        initial_state=[
            {
                "type": "m.room.history_visibility",
                "state_key": "",
                "content": {"history_visibility": "joined"},
            }
        ],
    )
    root = await peer.say(room, "before you came")
    await peer.invite(room, account.user_id)
    await join_as(synapse, account, room)
    session = await connect(synapse, account, tmp_path)
    try:
        await peer.send(room, in_thread(root, root, "a reply you can see"))
        got = await session.wait_message("a reply you can see")
        assert got.thread_root is None and got.reply_to == root
        assert not [x for x in session.facts(f.MessageReceived) if x.remote_id == root]
        # Another reply to the same missing root is not fetched again.
        await peer.send(room, in_thread(root, root, "and another"))
        again = await session.wait_message("and another")
        assert again.thread_root is None
    finally:
        await session.backend.disconnect()


async def test_a_redacted_root_keeps_its_thread(
    chat: tuple[Session, str], peer: Peer, synapse: Synapse, account: Account, tmp_path: Path
) -> None:
    session, room = chat
    root = await peer.say(room, "soon gone")
    await peer.send(room, in_thread(root, root, "reply under a deleted root"))
    await session.wait_message("reply under a deleted root")
    await peer.redact(room, root)
    await session.wait(lambda x: isinstance(x, f.MessageRetracted) and x.remote_id == root)
    # A fresh session reads the thread back: the root is there, deleted, the reply under it.
    await session.backend.disconnect()
    fresh = await connect(synapse, account, tmp_path / "again")
    try:
        outcome = await fresh.backend.fetch_thread(conv(fresh, room), root, 10)
        assert outcome.ok
        await wait_until(
            lambda: [x for x in fresh.facts(f.MessageRetracted) if x.remote_id == root],
            what="the root reported as deleted",
        )
        # (the first sync and the thread page may both bring it; the store keeps one)
        replies = {x.body for x in fresh.facts(f.MessageReceived) if x.thread_root == root}
        assert replies == {"reply under a deleted root"}
    finally:
        await fresh.backend.disconnect()
