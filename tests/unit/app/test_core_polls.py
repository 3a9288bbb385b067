"""``core.polls``: votes, ends and new polls reach the service and the tally (against the fake)."""

from __future__ import annotations

import pytest

from app import facts as f
from app.core import Core
from app.models import ConnectionState, ConversationId, Message, Poll, PollAnswer
from tests.fakes.core_harness import settle, wait_for
from tests.fakes.fake_backend import FakeServer

POLL = Poll("Lunch?", (PollAnswer("p", "Pizza"), PollAnswer("s", "Soup")), disclosed=True)


@pytest.fixture
async def room(core: Core, fake_server: FakeServer) -> ConversationId:
    account = await core.accounts.add_account("fake", {"user": "alice"}, {"password": "wonderland"})
    await wait_for(lambda: core.sessions[account.id].state.state is ConnectionState.CONNECTED)
    assert (await core.rooms.join(account.id, "#garden")).ok
    await core.sessions[account.id].flushed()
    return ConversationId(account.id, "#garden")


async def stored_poll(
    core: Core, fake_server: FakeServer, room: ConversationId, sender: str
) -> Message:
    """A poll ``sender`` posts, once stored (waited for: the fake reports on its own)."""
    rid = fake_server.deliver(
        "alice", "#garden", "Lunch?\n1. Pizza\n2. Soup", sender=sender, outgoing=sender == "alice"
    )
    fake_server.report("alice", f.PollStarted("#garden", rid, POLL))
    for _ in range(1000):
        await settle(core, rounds=1)
        page = await core.conversations.fetch_page(room)
        found = [m for m in page.messages if m.remote_id == rid and m.poll is not None]
        if found:
            return found[0]
    raise AssertionError("the poll never reached the store")


async def test_a_vote_reaches_the_service_and_the_tally(
    core: Core, fake_server: FakeServer, room: ConversationId
) -> None:
    msg = await stored_poll(core, fake_server, room, "bob")
    assert (await core.polls.vote(msg.id, ("s",))).ok
    assert ("vote_poll", ("#garden", msg.remote_id, ("s",))) in fake_server.calls
    page = await core.conversations.fetch_page(room)
    now = next(m for m in page.messages if m.local_id == msg.local_id)
    assert now.poll is not None
    assert now.poll.mine == ("s",) and [a.votes for a in now.poll.answers] == [0, 1]


@pytest.mark.parametrize("choice", [("caviar",), ("p", "s")])
async def test_a_vote_the_poll_does_not_allow_is_refused_before_sending(
    core: Core, fake_server: FakeServer, room: ConversationId, choice: tuple[str, ...]
) -> None:
    msg = await stored_poll(core, fake_server, room, "bob")
    outcome = await core.polls.vote(msg.id, choice)
    assert not outcome.ok
    assert not [c for c in fake_server.calls if c[0] == "vote_poll"]


async def test_only_our_own_poll_can_be_ended_and_then_no_vote_is_taken(
    core: Core, fake_server: FakeServer, room: ConversationId
) -> None:
    theirs = await stored_poll(core, fake_server, room, "bob")
    assert not (await core.polls.end(theirs.id)).ok
    ours = await stored_poll(core, fake_server, room, "alice")
    assert ours.outgoing
    assert (await core.polls.end(ours.id)).ok
    assert ("end_poll", ("#garden", ours.remote_id)) in fake_server.calls
    assert not (await core.polls.vote(ours.id, ("p",))).ok


async def test_a_new_poll_needs_a_question_and_two_answers(
    core: Core, fake_server: FakeServer, room: ConversationId
) -> None:
    assert not (await core.polls.start(room, "Lunch?", ("Pizza", "  "))).ok
    assert (await core.polls.start(room, " Lunch? ", ("Pizza", "Soup", ""))).ok
    assert ("start_poll", ("#garden", "Lunch?", ("Pizza", "Soup"))) in fake_server.calls


async def test_slash_poll_in_the_composer_starts_one(
    core: Core, fake_server: FakeServer, room: ConversationId
) -> None:
    result = await core.commands.run(room, "/poll Where do we eat? | Noodles | Tacos ")
    assert result.outcome.ok
    assert (
        "start_poll",
        ("#garden", "Where do we eat?", ("Noodles", "Tacos")),
    ) in fake_server.calls
    usage = await core.commands.run(room, "/poll")
    assert usage.usage.startswith("/poll QUESTION")
    refused = await core.commands.run(room, "/poll Just a question")
    assert not refused.outcome.ok
