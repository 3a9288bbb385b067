"""Read receipts (ours and theirs), typing notifications and presence (against Synapse)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import nio  # type: ignore[import-untyped]
import pytest

from app import facts as f
from app.backend import OutgoingMessage
from app.models import ConversationId, DeliveryState, Presence, PresenceState
from backends.matrix import presencepoll
from tests.integration.matrix.helpers import (
    Account,
    Peer,
    Session,
    connect,
    direct_chat,
    group_with,
)
from tests.integration.matrix.synapse import Synapse

pytestmark = pytest.mark.integration


@pytest.fixture
async def chat(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> AsyncIterator[tuple[Session, str]]:
    room = await group_with(synapse, account, peer, name="Signals")
    session = await connect(synapse, account, tmp_path)
    try:
        yield session, room
    finally:
        await session.backend.disconnect()


def conv(session: Session, room: str) -> ConversationId:
    return ConversationId(session.rec.account_id, room)


def ephemeral(body: dict[str, Any], room: str, kind: str) -> list[dict[str, Any]]:
    joined = body.get("rooms", {}).get("join", {}).get(room, {})
    return [e for e in joined.get("ephemeral", {}).get("events", []) if e.get("type") == kind]


async def test_we_send_read_receipts(chat: tuple[Session, str], peer: Peer) -> None:
    session, room = chat
    event_id = await peer.say(room, "did you read this?")
    await session.wait_message("did you read this?")
    await session.backend.send_read_marker(conv(session, room), event_id)

    def read_by_us(body: dict[str, Any]) -> bool:
        return any(
            session.backend.own_id in e["content"].get(event_id, {}).get("m.read", {})
            for e in ephemeral(body, room, "m.receipt")
        )

    assert await peer.sync_until(read_by_us)


async def test_their_read_receipts_mark_our_messages_read(
    chat: tuple[Session, str], peer: Peer
) -> None:
    session, room = chat
    sent = await session.backend.send_message(
        conv(session, room), OutgoingMessage("rr1", "read me")
    )
    assert sent.remote_id
    resp = await peer.client.room_read_markers(room, sent.remote_id, sent.remote_id)
    assert isinstance(resp, nio.RoomReadMarkersResponse), resp
    update = await session.wait(
        lambda x: isinstance(x, f.DeliveryUpdated) and x.remote_id == sent.remote_id
    )
    assert update.state is DeliveryState.READ and update.up_to


async def test_typing_both_ways(chat: tuple[Session, str], peer: Peer) -> None:
    session, room = chat
    await peer.client.room_typing(room, True, 10_000)
    started = await session.wait(lambda x: isinstance(x, f.TypingChanged) and x.typing)
    assert started.sender == peer.user_id and started.conversation == room
    await peer.client.room_typing(room, False)
    stopped = await session.wait(lambda x: isinstance(x, f.TypingChanged) and not x.typing)
    assert stopped.sender == peer.user_id

    await session.backend.send_typing(conv(session, room), True)

    def we_type(body: dict[str, Any]) -> bool:
        return any(
            session.backend.own_id in e["content"]["user_ids"]
            for e in ephemeral(body, room, "m.typing")
        )

    assert await peer.sync_until(we_type)


@pytest.mark.parametrize("sliding", [False, True], ids=["v3", "sliding"])
async def test_presence_both_ways(
    synapse: Synapse,
    account: Account,
    peer: Peer,
    tmp_path: Path,
    sliding: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Presence is shown (and synced) for the other person of a direct chat only.
    await direct_chat(synapse, account, peer)
    # Sliding sync carries no presence: it is asked for on a schedule (shortened here).
    monkeypatch.setattr(presencepoll, "INTERVAL", 1.0)
    session = await connect(
        synapse,
        account,
        tmp_path,
        settings={"homeserver": synapse.base_url, "sliding_sync": sliding},
    )
    try:
        assert session.backend.sync_mode == ("sliding" if sliding else "v3")
        await presence_both_ways(session, peer)
    finally:
        await session.backend.disconnect()


async def presence_both_ways(session: Session, peer: Peer) -> None:
    await peer.client.set_presence("unavailable", "at lunch")
    theirs = await session.wait(
        lambda x: (
            isinstance(x, f.PresenceChanged)
            and x.contact == peer.user_id
            and x.presence.state is PresenceState.AWAY
        )
    )
    assert theirs.presence.status == "at lunch"

    outcome = await session.backend.set_presence(Presence(PresenceState.DO_NOT_DISTURB, "focus"))
    assert outcome.ok, outcome.failure
    resp = await peer.client.get_presence(session.backend.own_id)
    assert (resp.presence, resp.status_msg) == ("unavailable", "focus")
    # The sync loop keeps what we chose instead of marking us online again.
    await session.wait(
        lambda x: isinstance(x, f.OwnPresenceChanged) and x.presence.state is PresenceState.AWAY
    )
    resp = await peer.client.get_presence(session.backend.own_id)
    assert (resp.presence, resp.status_msg) == ("unavailable", "focus")
