"""Rooms: unread/highlight counts, direct chats, create/join/leave, invites, moderation, topic,
members with power levels, avatars (against Synapse, with a matrix-nio peer)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import quote

import nio  # type: ignore[import-untyped]
import pytest

from app import facts as f
from app.backend import Capability, FailureKind, OutgoingMessage
from app.models import ConversationId, ConversationKind, Role
from app.uri import TargetKind, UriIntent, parse_uri
from backends.matrix.backend import SECRET_TOKEN
from chinwag.testing import wait_until
from tests.integration.matrix.helpers import (
    Account,
    Peer,
    Session,
    connect,
    group_with,
    q,
    room_state,
)
from tests.integration.matrix.synapse import Synapse

pytestmark = pytest.mark.integration


def conv(session: Session, room_id: str) -> ConversationId:
    return ConversationId(session.rec.account_id, room_id)


async def own_m_direct(synapse: Synapse, session: Session) -> dict[str, list[str]]:
    status, body = await asyncio.to_thread(
        synapse.request,
        "GET",
        f"/_matrix/client/v3/user/{q(session.backend.own_id)}/account_data/m.direct",
        None,
        session.secrets.values[SECRET_TOKEN],
    )
    return body if status == 200 else {}


async def test_unread_and_highlight_counts_come_from_sync_and_reset_on_read(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    """/sync v3: the server's counts. (Sliding sync: see the next test.)"""
    room = await group_with(synapse, account, peer, name="Counting")
    session = await connect(
        synapse, account, tmp_path, settings={"homeserver": synapse.base_url, "sliding_sync": False}
    )
    try:
        await peer.say(room, "one")
        await peer.say(room, "two")
        last = await peer.say(
            room, f"hey {account.user_id}", **{"m.mentions": {"user_ids": [account.user_id]}}
        )
        counted = await session.wait(
            lambda x: (
                isinstance(x, f.ConversationUpdated)
                and x.conversation == room
                and x.unread_count == 3
                and x.mention_count == 1
            )
        )
        assert counted
        mention = await session.wait_message(f"hey {account.user_id}")
        assert mention.mentions_me and not mention.history

        await session.backend.send_read_marker(conv(session, room), last)
        cleared = await session.wait(
            lambda x: (
                isinstance(x, f.ConversationUpdated)
                and x.conversation == room
                and x.unread_count == 0
            )
        )
        assert cleared
    finally:
        await session.backend.disconnect()


async def test_with_sliding_sync_no_made_up_counts_and_our_read_marker_comes_back(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    """Synapse's sliding sync sends 0 for every room's notification counts: passed on, they would
    clear each unread count at every update. None are reported (the core counts live messages);
    a read marker comes back as ReadUpTo, as one set on another device does."""
    room = await group_with(synapse, account, peer, name="Counting")
    session = await connect(synapse, account, tmp_path)
    try:
        assert session.backend.sync_mode == "sliding"
        await peer.say(room, "one")
        last = await peer.say(
            room, f"hey {account.user_id}", **{"m.mentions": {"user_ids": [account.user_id]}}
        )
        mention = await session.wait_message(f"hey {account.user_id}")
        assert mention.mentions_me and not mention.history
        updates = [x for x in session.facts(f.ConversationUpdated) if x.conversation == room]
        assert updates and all(x.unread_count is None for x in updates)
        assert all(x.mention_count is None for x in updates)

        await session.backend.send_read_marker(conv(session, room), last)
        await session.wait(
            lambda x: isinstance(x, f.ReadUpTo) and x.conversation == room and x.remote_id == last
        )
    finally:
        await session.backend.disconnect()


async def test_a_direct_invite_becomes_a_direct_conversation_once_accepted(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    session = await connect(synapse, account, tmp_path)
    try:
        room = await peer.create_dm(account.user_id)
        invite = await session.wait(
            lambda x: isinstance(x, f.InviteReceived) and x.conversation == room
        )
        assert invite.inviter == peer.user_id
        assert invite.kind is ConversationKind.DIRECT

        outcome = await session.backend.answer_invite(conv(session, room), True)
        assert outcome.ok, outcome.failure
        assert await peer.membership(room, account.user_id) == "join"
        assert room in (await own_m_direct(synapse, session)).get(peer.user_id, [])

        await peer.say(room, "just us")
        message = await session.wait_message("just us")
        assert message.conversation == room
        assert message.conversation_kind is ConversationKind.DIRECT
        assert message.sender == peer.user_id
    finally:
        await session.backend.disconnect()


async def test_declining_an_invite_leaves_the_room(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    session = await connect(synapse, account, tmp_path)
    try:
        room = await peer.create_room(name="Not for me", invite=[account.user_id])
        invite = await session.wait(
            lambda x: isinstance(x, f.InviteReceived) and x.conversation == room
        )
        assert invite.kind is ConversationKind.GROUP
        outcome = await session.backend.answer_invite(conv(session, room), False)
        assert outcome.ok, outcome.failure
        assert await peer.membership(room, account.user_id) == "leave"
    finally:
        await session.backend.disconnect()


async def test_create_private_public_and_direct_rooms(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    session = await connect(synapse, account, tmp_path)
    backend = session.backend
    try:
        private = await backend.create_room("Planning")
        public = await backend.create_room("Open house", public=True)
        direct = await backend.open_direct(peer.user_id)
        assert private.ok and public.ok and direct.ok
        assert private.value and public.value and direct.value

        token = session.secrets.values[SECRET_TOKEN]
        rules = await room_state(synapse, token, private.value, "m.room.join_rules")
        assert rules["join_rule"] == "invite"
        # Anyone may join a public room, and it is listed in the directory.
        assert await peer.join(public.value) == public.value
        assert (await peer.state(public.value, "m.room.name"))["name"] == "Open house"
        status, listed = await peer.raw(
            "GET", f"/_matrix/client/v3/directory/list/room/{q(public.value)}"
        )
        assert status == 200 and listed["visibility"] == "public"
        # The direct chat invites the other person as a DM and is in our m.direct.
        invite = await room_state(synapse, token, direct.value, "m.room.member", peer.user_id)
        assert invite["membership"] == "invite" and invite["is_direct"] is True
        assert direct.value in (await own_m_direct(synapse, session))[peer.user_id]
        again = await backend.open_direct(peer.user_id)
        assert again.value == direct.value  # reused, not a second room
        # A conversation named by the person (as the core's open_direct makes it) goes to the DM.
        sent = await backend.send_message(
            ConversationId(session.rec.account_id, peer.user_id), OutgoingMessage("dm1", "hi you")
        )
        assert sent.ok, sent.failure
        await peer.join(direct.value)
        # New DMs and private rooms are end-to-end encrypted (as Element makes them); this peer
        # has no keys, so it sees the ciphertext event only.
        seen = await peer.wait_event(direct.value, lambda e: e.get("event_id") == sent.remote_id)
        assert seen["type"] == "m.room.encrypted" and "hi you" not in str(seen["content"])
        for encrypted_room in (direct.value, private.value):
            algorithm = await room_state(synapse, token, encrypted_room, "m.room.encryption")
            assert algorithm == {"algorithm": "m.megolm.v1.aes-sha2"}
        assert await room_state(synapse, token, public.value, "m.room.encryption") == {}

        kinds = {x.conversation: x.kind for x in session.facts(f.ConversationUpdated) if x.joined}
        assert kinds[private.value] is ConversationKind.GROUP
        assert kinds[direct.value] is ConversationKind.DIRECT
    finally:
        await backend.disconnect()


async def test_join_by_alias_and_by_id_then_leave(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    alias_local = synapse.unique_name("club")
    room = await peer.create_room(name="Club", alias=alias_local, preset=nio.RoomPreset.public_chat)
    other = await peer.create_room(name="Other", preset=nio.RoomPreset.public_chat)
    session = await connect(synapse, account, tmp_path)
    try:
        joined = await session.backend.join(f"#{alias_local}:{synapse.server_name}")
        assert joined.ok and joined.value == room
        by_id = await session.backend.join(other)
        assert by_id.ok and by_id.value == other
        assert await peer.membership(other, account.user_id) == "join"

        left = await session.backend.leave(conv(session, room), "bye")
        assert left.ok
        assert await peer.membership(room, account.user_id) == "leave"
        assert any(
            isinstance(x, f.ConversationLeft) and x.conversation == room for x in session.rec.facts
        )
        bad = await session.backend.join("#nothing-here:" + synapse.server_name)
        assert bad.failure is not None and bad.failure.kind is FailureKind.REJECTED
    finally:
        await session.backend.disconnect()


async def test_links_to_room_version_12_and_11_rooms_join_them(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    """Synapse makes room version 12 rooms, whose id names no server (``!<hash>``): their
    ``matrix:roomid/`` links were refused as invalid. Both kinds of id now open from a link."""
    new = await peer.create_room(name="New", preset=nio.RoomPreset.public_chat)
    old = await peer.create_room(name="Old", preset=nio.RoomPreset.public_chat, room_version="11")
    assert (await peer.state(new, "m.room.create")).get("room_version") == "12"
    assert ":" not in new and old.endswith(":" + synapse.server_name)
    session = await connect(synapse, account, tmp_path)
    try:
        for room, link in (
            (new, f"matrix:roomid/{quote(new[1:])}?via={quote(synapse.server_name)}"),
            (old, f"matrix:roomid/{quote(old[1:])}?action=join"),
        ):
            intent = parse_uri(link)
            assert isinstance(intent, UriIntent), intent
            assert intent.kind is TargetKind.ROOM and intent.address == room
            joined = await session.backend.join(intent.join_address)
            assert joined.ok and joined.value == room, joined.failure
            assert await peer.membership(room, account.user_id) == "join"
        await peer.say(new, "in a version 12 room")
        message = await session.wait_message("in a version 12 room")
        assert message.conversation == new
    finally:
        await session.backend.disconnect()


async def test_invite_kick_ban_and_topic_as_room_admin(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    session = await connect(synapse, account, tmp_path)
    backend = session.backend
    try:
        created = await backend.create_room("Moderated")
        assert created.value
        room = created.value
        c = conv(session, room)
        assert (await backend.invite(c, peer.user_id, "come in")).ok
        token = session.secrets.values[SECRET_TOKEN]
        invited = await room_state(synapse, token, room, "m.room.member", peer.user_id)
        assert invited["membership"] == "invite" and invited["reason"] == "come in"
        await peer.join(room)

        assert (await backend.set_topic(c, "Rules: be kind")).ok
        assert (await peer.state(room, "m.room.topic"))["topic"] == "Rules: be kind"
        topic = await session.wait(
            lambda x: (
                isinstance(x, f.ConversationUpdated)
                and x.conversation == room
                and x.topic == "Rules: be kind"
            )
        )
        assert topic

        assert (await backend.kick(c, peer.user_id, "cool down")).ok
        kicked = await room_state(synapse, token, room, "m.room.member", peer.user_id)
        assert kicked["membership"] == "leave" and kicked["reason"] == "cool down"
        assert (await backend.ban(c, peer.user_id, "spam")).ok
        banned = await room_state(synapse, token, room, "m.room.member", peer.user_id)
        assert banned["membership"] == "ban"
        assert (await backend.unban(c, peer.user_id)).ok
        unbanned = await room_state(synapse, token, room, "m.room.member", peer.user_id)
        assert unbanned["membership"] == "leave"
        caps = backend.capabilities(c)
        assert caps & Capability.KICK and caps & Capability.BAN and caps & Capability.TOPIC
    finally:
        await backend.disconnect()


async def test_member_list_with_power_levels_and_capabilities_without_power(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    room = await group_with(synapse, account, peer, name="Levels")
    levels = await peer.state(room, "m.room.power_levels")
    levels["users"][account.user_id] = 10
    await peer.put_state(room, "m.room.power_levels", levels)
    session = await connect(synapse, account, tmp_path)
    try:
        c = conv(session, room)
        outcome = await session.backend.fetch_members(c)
        assert outcome.ok and outcome.value == "2"
        complete = [x for x in session.facts(f.MembersChanged) if x.complete][-1]
        members = {m.native_id: m for m in complete.upserted}
        # Room version 12 (Synapse's default): the creator owns the room beyond power levels.
        assert members[peer.user_id].role is Role.OWNER
        assert members[peer.user_id].affiliation == "creator"
        assert members[account.user_id].role is Role.MEMBER
        assert members[account.user_id].affiliation == "10"
        # Without power, kicking, banning and changing the topic are not offered.
        caps = session.backend.capabilities(c)
        assert not caps & (Capability.KICK | Capability.BAN | Capability.TOPIC)
        assert caps & Capability.INVITE
        denied = await session.backend.set_topic(c, "mine now")
        assert denied.failure is not None and denied.failure.kind is FailureKind.REJECTED

        levels["users"][account.user_id] = 50
        await peer.put_state(room, "m.room.power_levels", levels)
        promoted = await session.wait(
            lambda x: (
                isinstance(x, f.MembersChanged)
                and any(
                    m.native_id == account.user_id and m.role is Role.MODERATOR for m in x.upserted
                )
            )
        )
        assert promoted
        await wait_until(lambda: session.backend.capabilities(c) & Capability.KICK)
        assert (await session.backend.set_topic(c, "moderators may")).ok
    finally:
        await session.backend.disconnect()


async def test_room_avatar_and_being_kicked(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    room = await group_with(synapse, account, peer, name="Pictures")
    session = await connect(synapse, account, tmp_path)
    try:
        avatar = f"mxc://{synapse.server_name}/avatarmedia"
        await peer.put_state(room, "m.room.avatar", {"url": avatar})
        await wait_until(lambda: session.backend.room_avatar(conv(session, room)) == avatar)

        resp = await peer.client.room_kick(room, account.user_id, "tidying up")
        assert isinstance(resp, nio.RoomKickResponse), resp
        left = await session.wait(
            lambda x: isinstance(x, f.ConversationLeft) and x.conversation == room
        )
        assert peer.user_id in left.reason and "tidying up" in left.reason
    finally:
        await session.backend.disconnect()


async def test_room_directory_lists_public_rooms_and_joins_by_alias(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    tag = synapse.unique_name("dir")
    alias_local = f"{tag}-plants"
    room = await peer.create_room(
        name=f"Plants {tag}",
        topic="Ferns and mosses",
        alias=alias_local,
        preset=nio.RoomPreset.public_chat,
        visibility=nio.RoomVisibility.public,
    )
    await peer.create_room(name=f"Hidden {tag}", preset=nio.RoomPreset.public_chat)  # unlisted
    session = await connect(synapse, account, tmp_path)
    backend = session.backend
    try:
        found = await backend.room_directory(tag)
        assert isinstance(found, tuple), found
        assert [r.name for r in found] == [f"Plants {tag}"]  # the unlisted room is not there
        (listed,) = found
        assert listed.address == f"#{alias_local}:{synapse.server_name}"  # what people share
        assert listed.topic == "Ferns and mosses"
        assert listed.members == 1
        by_topic = await backend.room_directory("mosses")
        assert isinstance(by_topic, tuple) and listed.address in [r.address for r in by_topic]
        joined = await backend.join(listed.address)
        assert joined.ok and joined.value == room
    finally:
        await backend.disconnect()
