"""The sync loop: first-sync progress, resuming from the stored since-token, lazy-loaded members,
429 ``retry_after``, and a lost connection ending the session (against Synapse)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from app import facts as f
from app.models import ConversationId, ConversationKind
from backends.matrix.backend import SECRET_TOKEN, STATE_SINCE, SYNC_TASK
from backends.matrix.sliding import STATE_POS as SLIDING_POS
from chinwag.testing import wait_until
from tests.integration.matrix.helpers import (
    Account,
    Peer,
    SharedSecrets,
    SharedState,
    connect,
    direct_chat,
    group_with,
    join_as,
    new_account,
    q,
)
from tests.integration.matrix.proxy import MisbehavingProxy, Rule, matches
from tests.integration.matrix.synapse import Synapse

pytestmark = pytest.mark.integration


async def test_first_sync_shows_progress_and_the_joined_rooms(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    group = await group_with(synapse, account, peer, name="Book club")
    await peer.put_state(group, "m.room.topic", {"topic": "Chapter 3 on Friday"})
    dm = await direct_chat(synapse, account, peer)
    await peer.say(group, "hello club")

    session = await connect(synapse, account, tmp_path)
    try:
        progress = session.facts(f.Progress)
        assert progress[0].task == SYNC_TASK and progress[0].total is None
        assert progress[-1].finished and progress[-1].total == 2
        updates = {x.conversation: x for x in session.facts(f.ConversationUpdated) if x.joined}
        assert updates[group].kind is ConversationKind.GROUP
        assert updates[group].title == "Book club"
        assert updates[group].topic == "Chapter 3 on Friday"
        assert updates[dm].kind is ConversationKind.DIRECT
        # The DM has no name: it is called after the other person.
        assert updates[dm].title == peer.user_id.split(":")[0][1:]
        # Messages from before this device existed are history: never unread or notified.
        hello = await session.wait_message("hello club")
        assert hello.history
        assert hello.conversation_title == "Book club"
    finally:
        await session.backend.disconnect()


# Both ways of syncing: /sync v3, and simplified sliding sync (what Synapse serves by default).
MODES = pytest.mark.parametrize(
    ("sliding", "position_key", "method"),
    [(False, STATE_SINCE, "GET"), (True, SLIDING_POS, "POST")],
    ids=["v3", "sliding"],
)


@MODES
async def test_a_restart_resumes_from_the_stored_since_token(
    synapse: Synapse,
    account: Account,
    peer: Peer,
    tmp_path: Path,
    sliding: bool,
    position_key: str,
    method: str,
) -> None:
    room = await group_with(synapse, account, peer)
    seen = await peer.say(room, "before the restart")
    secrets = SharedSecrets({"password": account.password})
    state = SharedState()
    settings: dict[str, str | int | bool] = {
        "homeserver": synapse.base_url,
        "sliding_sync": sliding,
    }
    first = await connect(
        synapse, account, tmp_path, secrets=secrets, state=state, settings=settings
    )
    await first.wait_message("before the restart")
    assert first.backend.sync_mode == ("sliding" if sliding else "v3")
    await first.backend.disconnect()
    assert state.values[position_key]

    missed = await peer.say(room, "while you were away")
    second = await connect(
        synapse, account, tmp_path, secrets=secrets, state=state, settings=settings
    )
    try:
        assert second.backend.resumed
        fact = await second.wait_message("while you were away")
        assert fact.remote_id == missed
        assert not fact.history  # missed while offline: unread, unlike a first sync
        assert not any(
            isinstance(x, f.MessageReceived) and x.remote_id == seen for x in second.rec.facts
        ), "a resumed sync must not start over"
        assert second.facts(f.Progress)[0].label == "Catching up"
    finally:
        await second.backend.disconnect()


async def test_members_are_lazy_loaded_and_the_full_list_comes_on_request(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    room = await group_with(synapse, account, peer, name="Quiet crowd")
    silent = [await new_account(synapse, "silent") for _ in range(3)]
    for other in silent:
        await peer.invite(room, other.user_id)
        await join_as(synapse, other, room)
    for i in range(25):  # push the silent members' joins out of the timeline window
        await peer.say(room, f"talk {i}")

    session = await connect(synapse, account, tmp_path)
    try:
        await session.wait_message("talk 24")
        synced = {
            m.native_id
            for x in session.facts(f.MembersChanged)
            if x.conversation == room
            for m in x.upserted
        }
        assert peer.user_id in synced
        assert not synced & {a.user_id for a in silent}, "members were not lazy-loaded"

        outcome = await session.backend.fetch_members(ConversationId(session.rec.account_id, room))
        assert outcome.ok and outcome.value == "5"
        complete = [x for x in session.facts(f.MembersChanged) if x.complete][-1]
        assert {m.native_id for m in complete.upserted} == {
            peer.user_id,
            account.user_id,
            *(a.user_id for a in silent),
        }
    finally:
        await session.backend.disconnect()


@MODES
async def test_a_429_on_sync_is_honoured_without_ending_the_session(
    synapse: Synapse,
    account: Account,
    peer: Peer,
    proxy: MisbehavingProxy,
    tmp_path: Path,
    sliding: bool,
    position_key: str,
    method: str,
) -> None:
    room = await group_with(synapse, account, peer)
    session = await connect(
        synapse, account, tmp_path, settings={"homeserver": proxy.url, "sliding_sync": sliding}
    )
    try:
        before = len(proxy.requests("/sync", method))
        rule = proxy.add(Rule(matches(method, "/sync"), "429", retry_after_ms=1500))
        await peer.say(room, "wake the long poll")  # the current sync returns; the next gets 429
        await session.wait_message("wake the long poll")
        await wait_until(lambda: rule.hits == 1, what="the 429 answer")
        await peer.say(room, "after the pause")
        await session.wait_message("after the pause", timeout=20)
        limited_at = rule.hit_times[0]
        after = [t for t in proxy.requests("/sync", method)[before:] if t > limited_at]
        assert after, "no sync after the 429"
        assert after[0] - limited_at >= 1.4, "the next sync did not wait for retry_after_ms"
        assert not session.facts(f.ConnectionLost)
    finally:
        await session.backend.disconnect()


async def test_losing_the_server_reports_a_retryable_connection_loss(
    synapse: Synapse, account: Account, proxy: MisbehavingProxy, tmp_path: Path
) -> None:
    session = await connect(synapse, account, tmp_path, settings={"homeserver": proxy.url})
    try:
        await proxy.down()
        lost = await session.wait(lambda x: isinstance(x, f.ConnectionLost), timeout=20)
        assert isinstance(lost, f.ConnectionLost) and lost.retryable
        await asyncio.sleep(0)
        assert len(session.facts(f.ConnectionLost)) == 1  # and the loop stopped
    finally:
        await session.backend.disconnect()


async def test_a_revoked_token_ends_the_session_and_is_forgotten(
    synapse: Synapse, account: Account, tmp_path: Path
) -> None:
    session = await connect(synapse, account, tmp_path)
    try:
        token = session.secrets.values[SECRET_TOKEN]
        status, _ = await asyncio.to_thread(
            synapse.request, "POST", "/_matrix/client/v3/logout", {}, token
        )
        assert status == 200
        lost = await session.wait(lambda x: isinstance(x, f.ConnectionLost), timeout=45)
        assert isinstance(lost, f.ConnectionLost) and lost.retryable
        assert SECRET_TOKEN not in session.secrets.values  # the next attempt signs in afresh
    finally:
        await session.backend.disconnect()


async def test_direct_chats_follow_m_direct_changes(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    room = await group_with(synapse, account, peer)
    session = await connect(synapse, account, tmp_path)
    try:
        token = session.secrets.values[SECRET_TOKEN]
        status, _ = await asyncio.to_thread(
            synapse.request,
            "PUT",
            f"/_matrix/client/v3/user/{q(account.user_id)}/account_data/m.direct",
            {peer.user_id: [room]},
            token,
        )
        assert status == 200
        update = await session.wait(
            lambda x: (
                isinstance(x, f.ConversationUpdated)
                and x.conversation == room
                and x.kind is ConversationKind.DIRECT
            )
        )
        assert update
    finally:
        await session.backend.disconnect()
