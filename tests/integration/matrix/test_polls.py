"""Matrix polls against Synapse: a poll a peer posts (as Element sends it) shows in the store
with the tally of the peer's and our votes; our vote and our end reach the peer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.models import Message, Poll
from chinwag.testing import MemorySecretStore, wait_until
from tests.integration.matrix.helpers import (
    Account,
    Peer,
    element_poll,
    group_with,
    poll_vote,
)
from tests.integration.matrix.synapse import Synapse
from tests.integration.matrix.test_core import Running, add_account

pytestmark = pytest.mark.integration

QUESTION = "Where do we eat?"
ELEMENT_POLL = element_poll(QUESTION, {"noodles": "Noodles", "tacos": "Tacos", "salad": "Salad"})


async def poll_until(
    run: Running, room: str, poll_id: str, ok: Callable[[Poll], bool], timeout: float = 60.0
) -> Message:
    """The poll's message once its tally satisfies ``ok`` (read from the store, polled)."""

    async def poll() -> Message | None:
        return next((m for m in await run.messages(room) if m.remote_id == poll_id), None)

    return await wait_until(
        poll,
        timeout,
        check=lambda m: m is not None and m.poll is not None and ok(m.poll),
        what=f"the poll's expected tally in {room}",
    )


def counts(poll: Poll) -> dict[str, int]:
    return {a.id: a.votes for a in poll.answers}


async def test_a_peers_poll_is_shown_tallied_and_our_vote_reaches_the_peer(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    room = await group_with(synapse, account, peer, name="Lunch")
    run = await add_account(tmp_path / "profile", MemorySecretStore(), account, synapse.base_url)
    try:
        await run.connected()
        poll_id = await peer.send(room, ELEMENT_POLL, "org.matrix.msc3381.poll.start")
        await peer.send(room, poll_vote(poll_id, "salad"), "org.matrix.msc3381.poll.response")
        await peer.send(room, poll_vote(poll_id, "tacos"), "org.matrix.msc3381.poll.response")
        shown = await poll_until(run, room, poll_id, lambda p: counts(p)["tacos"] == 1)
        assert shown.body.startswith(QUESTION)  # its text: what search and history read
        assert shown.poll is not None and shown.poll.disclosed and not shown.poll.ended
        assert counts(shown.poll) == {"noodles": 0, "tacos": 1, "salad": 0}  # the latest counts

        outcome = await run.core.polls.vote(shown.id, ("noodles",))
        assert outcome.ok, outcome.failure
        ours = await peer.wait_event(
            room,
            lambda e: (
                e.get("type") == "org.matrix.msc3381.poll.response"
                and e.get("sender") == account.user_id
            ),
        )
        assert ours["content"]["org.matrix.msc3381.poll.response"]["answers"] == ["noodles"]
        assert ours["content"]["m.relates_to"] == {"rel_type": "m.reference", "event_id": poll_id}
        mine = await poll_until(run, room, poll_id, lambda p: p.mine == ("noodles",))
        assert mine.poll is not None
        assert counts(mine.poll) == {"noodles": 1, "tacos": 1, "salad": 0}
        assert mine.poll.voters == 2

        # The peer ends it; a vote after the end does not count.
        await peer.send(
            room,
            {
                "m.relates_to": {"rel_type": "m.reference", "event_id": poll_id},
                "org.matrix.msc3381.poll.end": {},
                "org.matrix.msc1767.text": "Ended poll",
            },
            "org.matrix.msc3381.poll.end",
        )
        await poll_until(run, room, poll_id, lambda p: p.ended)
        await peer.send(room, poll_vote(poll_id, "salad"), "org.matrix.msc3381.poll.response")
        await peer.say(room, "after the poll")
        await run.wait_message(room, "after the poll")
        ended = await poll_until(run, room, poll_id, lambda p: p.ended)
        assert ended.poll is not None
        assert counts(ended.poll) == {"noodles": 1, "tacos": 1, "salad": 0}
        refused = await run.core.polls.vote(ended.id, ("salad",))
        assert not refused.ok
    finally:
        await run.core.stop()


async def test_our_poll_reaches_the_peer_and_we_can_end_it(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    room = await group_with(synapse, account, peer, name="Ours")
    run = await add_account(tmp_path / "profile", MemorySecretStore(), account, synapse.base_url)
    try:
        await run.connected()
        started = await run.core.polls.start(run.conv(room), "Tea or coffee?", ("Tea", "Coffee"))
        assert started.ok, started.failure
        seen = await peer.wait_event(
            room, lambda e: e.get("type") == "org.matrix.msc3381.poll.start"
        )
        block = seen["content"]["org.matrix.msc3381.poll.start"]
        assert [a["org.matrix.msc1767.text"] for a in block["answers"]] == ["Tea", "Coffee"]
        poll_id = seen["event_id"]
        await peer.send(room, poll_vote(poll_id, "a2"), "org.matrix.msc3381.poll.response")
        ours = await poll_until(run, room, poll_id, lambda p: counts(p)["a2"] == 1)
        assert ours.outgoing
        ended = await run.core.polls.end(ours.id)
        assert ended.ok, ended.failure
        await peer.wait_event(
            room,
            lambda e: (
                e.get("type") == "org.matrix.msc3381.poll.end"
                and e.get("content", {}).get("m.relates_to", {}).get("event_id") == poll_id
            ),
        )
        final = await poll_until(run, room, poll_id, lambda p: p.ended)
        assert final.poll is not None and counts(final.poll) == {"a1": 0, "a2": 1}
    finally:
        await run.core.stop()


async def test_an_old_poll_fetched_from_history_counts_the_votes_sent_before(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    """A poll older than the first sync's page: its votes (one before we signed in, one live
    while the poll was not fetched) count once backfill brings it (the relations API)."""
    room = await group_with(synapse, account, peer, name="Old poll")
    poll_id = await peer.send(room, ELEMENT_POLL, "org.matrix.msc3381.poll.start")
    await peer.send(room, poll_vote(poll_id, "salad"), "org.matrix.msc3381.poll.response")
    for i in range(30):
        await peer.say(room, f"chatter {i}")
    run = await add_account(tmp_path / "profile", MemorySecretStore(), account, synapse.base_url)
    try:
        await run.connected()
        assert not [m for m in await run.messages(room) if m.remote_id == poll_id]
        second = await Peer.create(synapse, "voter")
        try:
            await peer.invite(room, second.user_id)
            await second.join(room)
            await second.send(room, poll_vote(poll_id, "tacos"), "org.matrix.msc3381.poll.response")
            await second.say(room, "voted")
            await run.wait_message(room, "voted")
        finally:
            await second.close()
        for _ in range(5):
            if [m for m in await run.messages(room) if m.remote_id == poll_id]:
                break
            assert (await run.core.conversations.fetch_remote_history(run.conv(room), 20)).ok
        shown = await poll_until(run, room, poll_id, lambda p: p.voters == 2)
        assert shown.poll is not None
        assert counts(shown.poll) == {"noodles": 0, "tacos": 1, "salad": 1}
    finally:
        await run.core.stop()


async def test_a_redacted_vote_gives_way_to_the_voters_earlier_one(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    """MSC3381: redacting a vote detaches it from the poll; the voter's previous vote counts
    again (here: tacos, then salad redacted, so tacos)."""
    room = await group_with(synapse, account, peer, name="Changed mind")
    run = await add_account(tmp_path / "profile", MemorySecretStore(), account, synapse.base_url)
    try:
        await run.connected()
        poll_id = await peer.send(room, ELEMENT_POLL, "org.matrix.msc3381.poll.start")
        await peer.send(room, poll_vote(poll_id, "tacos"), "org.matrix.msc3381.poll.response")
        second = await peer.send(
            room, poll_vote(poll_id, "salad"), "org.matrix.msc3381.poll.response"
        )
        await poll_until(run, room, poll_id, lambda p: counts(p)["salad"] == 1)
        await peer.redact(room, second)
        shown = await poll_until(run, room, poll_id, lambda p: counts(p)["salad"] == 0)
        assert shown.poll is not None
        assert counts(shown.poll) == {"noodles": 0, "tacos": 1, "salad": 0}
        assert shown.poll.voters == 1
    finally:
        await run.core.stop()
