"""Simplified sliding sync (issue 18, item 3) against Synapse: 200 rooms listed by the first
answer, live messages, the extensions (receipts, typing, account data, to-device and end-to-end
encryption), leaving a room, and /sync v3 when the server lacks sliding sync."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from app import facts as f
from app.backend import OutgoingMessage
from app.models import ConversationId, ConversationKind, DeliveryState, Trust
from backends.matrix.sliding import PATH, STATE_POS
from chinwag.testing import wait_until
from tests.integration.matrix.e2e_helpers import CryptoPeer
from tests.integration.matrix.helpers import (
    Account,
    Peer,
    SharedState,
    connect,
    direct_chat,
    group_with,
    q,
)
from tests.integration.matrix.proxy import MisbehavingProxy, Rule, matches
from tests.integration.matrix.synapse import Synapse

pytestmark = pytest.mark.integration
ROOMS = 200


def conv(session: Any, room: str) -> ConversationId:
    return ConversationId(session.rec.account_id, room)


async def many_rooms(synapse: Synapse, account: Account, peer: Peer, count: int) -> list[str]:
    """``count`` rooms made by the peer, each joined by ``account`` (over the API, 4 at a time)."""
    token = await asyncio.to_thread(synapse.login, account.user_id, account.password)
    rooms: list[str] = []
    gate = asyncio.Semaphore(4)

    async def one(n: int) -> None:
        async with gate:
            status, made = await peer.raw(
                "POST",
                "/_matrix/client/v3/createRoom",
                {"name": f"Room {n:03d}", "preset": "public_chat"},
            )
            assert status == 200, made
            room = str(made["room_id"])
            status, joined = await asyncio.to_thread(
                synapse.request, "POST", f"/_matrix/client/v3/join/{q(room)}", {}, token
            )
            assert status == 200, joined
            rooms.append(room)

    await asyncio.gather(*(one(n) for n in range(count)))
    return rooms


async def test_two_hundred_rooms_are_listed_by_the_first_answer(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    rooms = await many_rooms(synapse, account, peer, ROOMS)
    session = await connect(synapse, account, tmp_path)
    try:
        assert session.backend.sync_mode == "sliding"
        # Everything reported before the first position was kept came from the first answer.
        first: list[f.Fact] = []
        for fact in session.rec.facts:
            if isinstance(fact, f.StateKept) and fact.key == STATE_POS:
                break
            first.append(fact)
        listed = {
            x.conversation: x.title
            for x in first
            if isinstance(x, f.ConversationUpdated) and x.joined
        }
        assert set(rooms) <= set(listed), f"{len(set(rooms) - set(listed))} rooms missing"
        assert all(listed[r] and listed[r].startswith("Room ") for r in rooms)
        # And the list stays live: a message in the oldest room arrives.
        await peer.say(rooms[0], "still here")
        got = await session.wait_message("still here")
        assert got.conversation == rooms[0] and not got.history
    finally:
        await session.backend.disconnect()


async def test_extensions_receipts_typing_account_data_and_leaving(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    room = await group_with(synapse, account, peer, name="Extensions")
    dm = await direct_chat(synapse, account, peer)
    session = await connect(synapse, account, tmp_path)
    try:
        assert session.backend.sync_mode == "sliding"
        kinds = {x.conversation: x.kind for x in session.facts(f.ConversationUpdated)}
        assert kinds.get(dm) is ConversationKind.DIRECT  # m.direct from account data
        sent = await session.backend.send_message(conv(session, room), OutgoingMessage("s1", "hi"))
        assert sent.ok and sent.remote_id
        # Typing and a read receipt of the peer arrive through the extensions.
        status, _ = await peer.raw(
            "PUT",
            f"/_matrix/client/v3/rooms/{q(room)}/typing/{q(peer.user_id)}",
            {"typing": True, "timeout": 30000},
        )
        assert status == 200
        await session.wait(
            lambda x: isinstance(x, f.TypingChanged) and x.sender == peer.user_id and x.typing
        )
        status, _ = await peer.raw(
            "POST", f"/_matrix/client/v3/rooms/{q(room)}/receipt/m.read/{q(sent.remote_id)}", {}
        )
        assert status == 200
        await session.wait(
            lambda x: (
                isinstance(x, f.DeliveryUpdated)
                and x.state is DeliveryState.READ
                and x.remote_id == sent.remote_id
            )
        )
        # Leaving (the peer removes us) is a left conversation.
        status, _ = await peer.raw(
            "POST",
            f"/_matrix/client/v3/rooms/{q(room)}/kick",
            {"user_id": session.backend.own_id, "reason": "tidying up"},
        )
        assert status == 200
        left = await session.wait(
            lambda x: isinstance(x, f.ConversationLeft) and x.conversation == room
        )
        assert isinstance(left, f.ConversationLeft) and "tidying up" in left.reason
    finally:
        await session.backend.disconnect()


async def test_an_encrypted_dm_through_the_to_device_and_e2ee_extensions(
    synapse: Synapse, account: Account, tmp_path: Path
) -> None:
    cpeer = await CryptoPeer.create(synapse, tmp_path / "peer-store")
    session = await connect(synapse, account, tmp_path)
    try:
        assert session.backend.sync_mode == "sliding"
        opened = await session.backend.open_direct(cpeer.user_id)
        assert opened.ok and opened.value, opened.failure
        room = opened.value
        await cpeer.wait_room(room)
        sent = await session.backend.send_message(
            conv(session, room), OutgoingMessage("e1", "over sliding sync")
        )
        assert sent.ok, sent.failure
        got = await cpeer.wait_text(room, "over sliding sync")
        assert got.decrypted
        await cpeer.say(room, "and back")  # its room key reaches us as a to-device message
        reply = await session.wait_message("and back")
        assert reply.trust is Trust.UNVERIFIED
    finally:
        await session.backend.disconnect()
        await cpeer.close()


async def test_a_server_without_sliding_sync_gets_v3(
    synapse: Synapse, account: Account, peer: Peer, proxy: MisbehavingProxy, tmp_path: Path
) -> None:
    room = await group_with(synapse, account, peer, name="Old server")
    rule = proxy.add(Rule(matches("POST", PATH), "404", times=1000))
    session = await connect(synapse, account, tmp_path, settings={"homeserver": proxy.url})
    try:
        assert rule.hits == 1  # asked once, then v3 for the session
        assert session.backend.sync_mode == "v3"
        await peer.say(room, "through v3")
        await session.wait_message("through v3")
        assert proxy.requests("/_matrix/client/v3/sync")
        assert rule.hits == 1
        await wait_until(lambda: session.state.values.get("since"), what="a v3 position kept")
    finally:
        await session.backend.disconnect()


async def test_a_position_the_server_does_not_know_starts_over_in_the_session(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    """A sliding sync position belongs to one device's connection: a new device (the keyring
    lost, the store kept) with the old position is answered M_UNKNOWN_POS, and starts over."""
    room = await group_with(synapse, account, peer, name="Start over")
    state = SharedState()
    first = await connect(synapse, account, tmp_path / "one", state=state)
    await first.backend.disconnect()
    old = state.values[STATE_POS]
    assert old
    again = await connect(synapse, account, tmp_path / "two", state=state)  # a new device
    try:
        await peer.say(room, "after starting over")
        got = await again.wait_message("after starting over")
        assert not got.history
        assert not again.facts(f.ConnectionLost)
        assert again.backend.sync_mode == "sliding"
        assert state.values[STATE_POS] and state.values[STATE_POS] != old
    finally:
        await again.backend.disconnect()
