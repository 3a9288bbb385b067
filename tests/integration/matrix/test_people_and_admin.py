"""People and rooms we run on Matrix, against Synapse, checked by a matrix-nio peer: direct-chat
partners as contacts with presence and details, blocking through ``m.ignored_user_list`` (the
server stops their events), rooms created with their options, settings, power levels, bans and
closing."""

from __future__ import annotations

import uuid
from pathlib import Path

import nio  # type: ignore[import-untyped]
import pytest

from app import facts as f
from app.backend import (
    ContactDetails,
    Failure,
    FailureKind,
    OutgoingMessage,
    RoomFeature,
    RoomOptions,
    RoomSettings,
)
from app.models import ConversationId, PresenceState, Role
from backends.matrix.admin import create_body
from tests.integration.matrix.helpers import Account, Peer, connect, q
from tests.integration.matrix.synapse import Synapse

pytestmark = pytest.mark.integration


def test_create_body_is_what_the_options_say() -> None:
    body = create_body(
        RoomOptions(
            name="Plans",
            topic="Secret",
            address="#plans:example.org",
            invite_only=True,
            knock=True,
            encrypted=True,
            invite=("@bob:example.org", "@me:example.org"),
        ),
        "@me:example.org",
        encryption=True,
    )
    assert body["preset"] == "private_chat" and body["visibility"] == "private"
    assert body["room_alias_name"] == "plans"
    assert body["invite"] == ["@bob:example.org"]
    assert [e["type"] for e in body["initial_state"]] == ["m.room.join_rules", "m.room.encryption"]
    assert create_body(RoomOptions(name="x", public=True), "@me:x", encryption=True) == {
        "preset": "public_chat",
        "visibility": "public",
        "name": "x",
    }


async def test_contacts_presence_details_and_blocking(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    session = await connect(synapse, account, tmp_path)
    backend = session.backend
    try:
        assert (await backend.add_contact(peer.user_id, "Pat")).ok
        listed = await session.wait(
            lambda x: (
                isinstance(x, f.ContactsChanged)
                and any(c.id.native_id == peer.user_id for c in x.upserted)
            )
        )
        contact = next(c for c in listed.upserted if c.id.native_id == peer.user_id)
        assert contact.display_name == "Pat" and not contact.blocked
        room = next(r for r, u in backend._session.direct.items() if u == peer.user_id)
        await peer.join(room)
        await peer.raw(
            "PUT",
            f"/_matrix/client/v3/presence/{q(peer.user_id)}/status",
            {"presence": "unavailable", "status_msg": "at lunch"},
        )
        away = await session.wait(
            lambda x: (
                isinstance(x, f.PresenceChanged)
                and x.contact == peer.user_id
                and x.presence.state is PresenceState.AWAY
            )
        )
        assert away.presence.status == "at lunch"

        details = await backend.contact_details(peer.user_id)
        assert isinstance(details, ContactDetails), details
        assert details.address == peer.user_id and details.presence is not None
        assert details.presence.state is PresenceState.AWAY
        assert isinstance(await backend.contact_details("not-an-id"), Failure)

        # Blocked server-side: the peer's account data is not ours, so we check the effect —
        # Synapse stops sending their messages, and the list marks them blocked.
        assert (await backend.set_blocked(peer.user_id, True)).ok
        await session.wait(
            lambda x: (
                isinstance(x, f.ContactsChanged)
                and any(c.id.native_id == peer.user_id and c.blocked for c in x.upserted)
            )
        )
        await peer.say(room, "you will not see this")
        await peer.say(room, "nor this")
        # Our own message after theirs: once its echo is back, theirs were (not) delivered.
        conv = ConversationId(session.rec.account_id, room)
        assert (await backend.send_message(conv, OutgoingMessage("after-block", "mine"))).ok
        await session.wait(lambda x: isinstance(x, f.MessageReceived) and x.body == "mine")
        assert (await backend.set_blocked(peer.user_id, False)).ok
        await peer.say(room, "but this")
        await session.wait_message("but this")
        bodies = [m.body for m in session.facts(f.MessageReceived)]
        assert "you will not see this" not in bodies and "nor this" not in bodies

        refused = await backend.set_blocked("bob", True)
        assert refused.failure is not None and refused.failure.kind is FailureKind.CONFIG
    finally:
        await backend.disconnect()


async def test_rooms_created_with_options_and_run(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    session = await connect(synapse, account, tmp_path)
    backend = session.backend
    try:
        assert backend.room_features & RoomFeature.KNOCK
        alias = f"floor{uuid.uuid4().hex[:6]}"
        options = RoomOptions(
            name="Floor",
            topic="Built here",
            address=alias,
            invite_only=True,
            invite=(peer.user_id,),
        )
        created = await backend.create_room_with(options)
        assert created.ok, created.failure
        room = created.value
        assert room is not None
        taken = await backend.create_room_with(RoomOptions(name="Again", address=alias))
        assert taken.failure is not None and "already taken" in taken.failure.message

        # The peer, independently: invited, and the room is what was asked.
        await peer.join(room)
        assert await peer.membership(room, peer.user_id) == "join"
        assert (await peer.state(room, "m.room.join_rules"))["join_rule"] == "invite"
        assert (await peer.state(room, "m.room.topic"))["topic"] == "Built here"

        conv = ConversationId(session.rec.account_id, room)
        settings = await backend.room_settings(conv)
        assert isinstance(settings, RoomSettings), settings
        assert settings.options.name == "Floor" and settings.options.invite_only
        assert settings.options.address == f"#{alias}:{synapse.server_name}"
        assert settings.can_ban and settings.can_close
        assert Role.ADMIN in settings.roles and settings.editable & RoomFeature.NAME

        changed = RoomOptions(name="Floor 2", topic="Now open", public=True, invite_only=False)
        assert (await backend.configure_room(conv, changed)).ok
        assert (await peer.state(room, "m.room.name"))["name"] == "Floor 2"
        assert (await peer.state(room, "m.room.join_rules"))["join_rule"] == "public"
        status, listed = await peer.raw("GET", f"/_matrix/client/v3/directory/list/room/{q(room)}")
        assert status == 200 and listed["visibility"] == "public"

        assert (await backend.set_role(conv, peer.user_id, Role.MODERATOR)).ok
        levels = await peer.state(room, "m.room.power_levels")
        assert levels["users"][peer.user_id] == 50

        assert (await backend.ban(conv, peer.user_id, "spam")).ok
        bans = await backend.ban_list(conv)
        assert isinstance(bans, tuple)
        assert [(b.mask, b.reason, b.set_by) for b in bans] == [
            (peer.user_id, "spam", backend.own_id)
        ]
        assert (await backend.unban(conv, peer.user_id)).ok
        assert await backend.ban_list(conv) == ()

        await peer.join(room)
        assert (await backend.close_room(conv, "done")).ok
        assert await peer.membership(room, peer.user_id) == "leave"
        # Closed for good: the peer cannot come back in.
        rejoin = await peer.client.join(room)
        assert isinstance(rejoin, nio.JoinError), rejoin
        await session.wait(lambda x: isinstance(x, f.ConversationLeft) and x.conversation == room)
    finally:
        await backend.disconnect()
