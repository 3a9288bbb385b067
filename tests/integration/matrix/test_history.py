"""History: backfill through ``/messages`` page by page to the start of the room, with edits and
reactions of older messages applied (against Synapse)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import facts as f
from app.models import ConversationId
from tests.integration.matrix.helpers import Account, Peer, connect, group_with
from tests.integration.matrix.synapse import Synapse

pytestmark = pytest.mark.integration


async def test_backfill_pages_back_to_the_start_without_repeats(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    room = await group_with(synapse, account, peer, name="Archive")
    ids = [await peer.say(room, f"m{i}") for i in range(30)]
    session = await connect(synapse, account, tmp_path)
    try:
        await session.wait_message("m29")
        synced = [x for x in session.facts(f.MessageReceived) if x.conversation == room]
        assert [x.body for x in synced] == [f"m{i}" for i in range(10, 30)]  # the window of 20
        c = ConversationId(session.rec.account_id, room)
        oldest = synced[0].remote_id
        pages: list[list[str]] = []
        for _ in range(10):
            start = len(session.rec.facts)
            outcome = await session.backend.fetch_history(c, oldest, 5)
            assert outcome.ok, outcome.failure
            page = [
                x
                for x in session.rec.facts[start:]
                if isinstance(x, f.MessageReceived) and x.conversation == room
            ]
            assert all(x.history for x in page)
            pages.append([x.body for x in page])
            if page:
                oldest = page[0].remote_id
            if outcome.value == "end":
                break
        else:
            pytest.fail("never reached the start of the room")
        assert pages[0] == ["m5", "m6", "m7", "m8", "m9"]
        assert pages[1] == ["m0", "m1", "m2", "m3", "m4"]
        every = [x.remote_id for x in session.facts(f.MessageReceived) if x.conversation == room]
        assert sorted(every) == sorted(ids), "each message exactly once"
        finished = [x for x in session.facts(f.Progress) if x.task == f"history:{room}"]
        assert finished and finished[-1].finished
    finally:
        await session.backend.disconnect()


async def test_backfilled_messages_come_with_their_edits_and_reactions(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    room = await group_with(synapse, account, peer, name="Edited past")
    original = await peer.say(room, "first draft")
    await peer.send(
        room,
        {
            "msgtype": "m.text",
            "body": "* final text",
            "m.new_content": {"msgtype": "m.text", "body": "final text"},
            "m.relates_to": {"rel_type": "m.replace", "event_id": original},
        },
    )
    await peer.send(
        room,
        {"m.relates_to": {"rel_type": "m.annotation", "event_id": original, "key": "⭐"}},
        "m.reaction",
    )
    for i in range(22):
        await peer.say(room, f"filler {i}")
    session = await connect(synapse, account, tmp_path)
    try:
        await session.wait_message("filler 21")
        c = ConversationId(session.rec.account_id, room)
        oldest = next(
            x.remote_id for x in session.facts(f.MessageReceived) if x.conversation == room
        )
        start = len(session.rec.facts)
        outcome = await session.backend.fetch_history(c, oldest, 50)
        assert outcome.ok
        page = session.rec.facts[start:]
        first = next(
            i
            for i, x in enumerate(page)
            if isinstance(x, f.MessageReceived) and x.remote_id == original
        )
        assert getattr(page[first], "body", None) == "first draft"
        edit = next(
            i
            for i, x in enumerate(page)
            if isinstance(x, f.MessageReceived) and x.replaces == original
        )
        assert edit > first and getattr(page[edit], "body", None) == "final text"
        star = next(
            i for i, x in enumerate(page) if isinstance(x, f.ReactionChanged) and x.key == "⭐"
        )
        assert star > first
        edits = [x for x in page if isinstance(x, f.MessageReceived) and x.replaces]
        assert len(edits) == 1, "the edit event itself is not reported twice"
    finally:
        await session.backend.disconnect()
