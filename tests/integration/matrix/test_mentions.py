"""Mentions we send notify the person named (against Synapse, which applies the spec's push rules).

An event that carries ``m.mentions`` is no longer matched against the legacy "display name in the
body" rules (spec 1.7, MSC3952): the peer is highlighted only if it lists them. The peer's own
/sync counts (``unread_notifications``) are the server's verdict."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import nio  # type: ignore[import-untyped]
import pytest

from app import facts as f
from app.backend import OutgoingMessage
from app.models import ConversationId
from tests.integration.matrix.helpers import Account, Peer, Session, connect, group_with, wait_until
from tests.integration.matrix.synapse import Synapse

pytestmark = pytest.mark.integration

PEER_NAME = "Bob Peer"


@pytest.fixture
async def chat(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> AsyncIterator[tuple[Session, str]]:
    resp = await peer.client.set_displayname(PEER_NAME)
    assert isinstance(resp, nio.ProfileSetDisplayNameResponse), resp
    room = await group_with(synapse, account, peer, name="Mentions")
    session = await connect(synapse, account, tmp_path)
    try:
        rooms = session.backend._session
        await wait_until(  # our session knows the peer's name in the room before we write it
            lambda: (
                getattr(rooms.room(room).members.get(peer.user_id), "displayname", None)
                == PEER_NAME
            ),
            what="the peer's display name in the room",
        )
        yield session, room
    finally:
        await session.backend.disconnect()


def conv(session: Session, room: str) -> ConversationId:
    return ConversationId(session.rec.account_id, room)


async def send(session: Session, room: str, text: str, **extra: Any) -> str:
    result = await session.backend.send_message(
        conv(session, room), OutgoingMessage(txn_id=f"t-{text}", body=text, **extra)
    )
    assert result.ok, result.failure
    assert result.remote_id
    return result.remote_id


async def peer_counts(peer: Peer, room: str, notified: int) -> dict[str, int]:
    """The peer's ``unread_notifications`` for ``room`` once ``notified`` messages count."""

    def counts(answer: dict[str, Any]) -> dict[str, int] | None:
        joined = answer.get("rooms", {}).get("join", {}).get(room, {})
        unread = joined.get("unread_notifications", {})
        return unread if unread.get("notification_count", 0) >= notified else None

    return dict(await peer.sync_until(counts))


async def test_a_name_written_at_the_start_highlights_that_member_and_nothing_else_does(
    chat: tuple[Session, str], peer: Peer
) -> None:
    session, room = chat
    await send(session, room, "just saying")
    await send(session, room, "Bob is not here, peer neither")  # a name in passing
    mention = await send(session, room, f"{PEER_NAME}: hi")
    counts = await peer_counts(peer, room, 3)
    assert counts["notification_count"] == 3
    assert counts["highlight_count"] == 1  # the mention; not the plain messages
    event = await peer.wait_event(room, lambda e: e.get("event_id") == mention)
    content = event["content"]
    assert content["m.mentions"] == {"user_ids": [peer.user_id]}
    assert content["body"] == f"{PEER_NAME}: hi"
    assert content["formatted_body"] == (
        f'<a href="https://matrix.to/#/{peer.user_id}">{PEER_NAME}</a>: hi'
    )


async def test_a_name_picked_by_completion_and_a_reply_highlight(
    chat: tuple[Session, str], peer: Peer
) -> None:
    session, room = chat
    await send(session, room, f"thanks {PEER_NAME}", mentions=(peer.user_id,))
    question = await peer.say(room, "a question")
    await session.wait(lambda x: isinstance(x, f.MessageReceived) and x.remote_id == question)
    await send(session, room, "an answer", reply_to=question)
    counts = await peer_counts(peer, room, 2)
    assert counts["highlight_count"] == 2


async def test_an_edit_that_adds_a_mention_highlights(
    chat: tuple[Session, str], peer: Peer
) -> None:
    session, room = chat
    first = await send(session, room, "hello all")
    edited = await session.backend.edit_message(
        conv(session, room),
        first,
        OutgoingMessage(txn_id="t-edit", body=f"hello {PEER_NAME}", mentions=(peer.user_id,)),
    )
    assert edited.ok, edited.failure
    counts = await peer_counts(peer, room, 2)
    assert counts["highlight_count"] == 1
    event = await peer.wait_event(room, lambda e: e.get("event_id") == edited.remote_id)
    assert event["content"]["m.mentions"] == {"user_ids": [peer.user_id]}
    assert event["content"]["m.new_content"]["m.mentions"] == {"user_ids": [peer.user_id]}


async def test_room_mention_only_with_the_power_to_notify_the_room(
    chat: tuple[Session, str], peer: Peer, account: Account
) -> None:
    session, room = chat
    rooms = session.backend._session
    await wait_until(lambda: rooms.room(room).power_levels_known, what="the power levels")
    await send(session, room, "@room lunch?")  # our level 0 < notifications.room (50)
    levels = await peer.state(room, "m.room.power_levels")
    levels.setdefault("users", {})[account.user_id] = 50
    await peer.put_state(room, "m.room.power_levels", levels)
    await wait_until(
        lambda: rooms.room(room).may_notify_room(account.user_id), what="our new power level"
    )
    second = await send(session, room, "@room lunch!")
    counts = await peer_counts(peer, room, 2)
    assert counts["highlight_count"] == 1
    event = await peer.wait_event(room, lambda e: e.get("event_id") == second)
    assert event["content"]["m.mentions"] == {"room": True}


async def test_an_incoming_pill_shows_the_members_display_name(
    chat: tuple[Session, str], peer: Peer
) -> None:
    session, room = chat
    link = f'<a href="https://matrix.to/#/{peer.user_id}">{peer.user_id}</a>'
    await peer.send(
        room,
        {
            "msgtype": "m.text",
            "body": f"{peer.user_id} is me",
            "format": "org.matrix.custom.html",
            "formatted_body": f"{link} is me",
            "m.mentions": {},
        },
    )
    message = await session.wait_message(f"{peer.user_id} is me")
    assert message.html == (f'<a href="https://matrix.to/#/{peer.user_id}">{PEER_NAME}</a> is me')
