"""Group chat (XEP-0045): join with nick and password, create (Prosody keeps a new room locked until
its owner configures it), invite (XEP-0249 direct and mediated) and receive invites, topic, members
with roles and affiliations, kick, leave, nick clash, rejoin after reconnect."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any, cast

import pytest

from app import facts as f
from app.backend import FailureKind, OutgoingMessage, SupportsRoomCreation
from app.models import ConversationId, ConversationKind, Role
from backends.xmpp import XmppBackend
from tests.integration.xmpp.conftest import Backends, PeerFactory
from tests.integration.xmpp.helpers import Connected, recording
from tests.integration.xmpp.peer import Peer, _codes, body_of
from tests.integration.xmpp.server import ProsodyServer

pytestmark = pytest.mark.integration

MUC_USER = "{http://jabber.org/protocol/muc#user}"


def room_name(prosody: ProsodyServer) -> str:
    return f"room-{uuid.uuid4().hex[:8]}@{prosody.muc}"


def c(me: Connected, room: str) -> ConversationId:
    return ConversationId(me.rec.account_id, room)


async def peer_owned_room(
    prosody: ProsodyServer, peer: Peer, nick: str = "pat", **config: str
) -> str:
    """A room the peer created and configured (owner), with extra config fields."""
    room = room_name(prosody)
    await peer.join_room(room, nick)
    if config:
        await configure(peer, room, **config)
    return room


async def configure(peer: Peer, room: str, **config: str) -> None:
    fields = "".join(f"<field var='{k}'><value>{v}</value></field>" for k, v in config.items())
    await peer.iq(
        "set",
        room,
        "<query xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' type='submit'>"
        "<field var='FORM_TYPE'><value>http://jabber.org/protocol/muc#roomconfig</value></field>"
        f"{fields}</x></query>",
    )


async def test_join_members_roles_messages_topic_and_leave(
    prosody: ProsodyServer,
    xmpp: Backends,
    peers: PeerFactory,
) -> None:
    peer: Peer = await peers()
    room = await peer_owned_room(prosody, peer, "pat")
    peer.send_xml(f"<message to='{room}' type='groupchat'><subject>Welcome all</subject></message>")
    me = await xmpp.open()

    outcome = await me.backend.join(room, "sam")
    assert outcome.ok and outcome.value == room
    joined = await me.wait(f.ConversationUpdated, lambda u: u.joined is True)
    assert joined.kind is ConversationKind.GROUP
    members = await me.wait(f.MembersChanged, lambda m: m.complete)
    roles = {m.native_id: (m.role, m.affiliation) for m in members.upserted}
    assert roles["pat"] == (Role.OWNER, "owner")
    assert "sam" in roles
    topic = await me.wait(f.ConversationUpdated, lambda u: u.topic is not None)
    assert topic.topic == "Welcome all"

    peer.chat(room, "hello sam", mtype="groupchat")
    got = await me.wait(f.MessageReceived, lambda m: m.body == "hello sam")
    assert (got.conversation, got.sender, got.conversation_kind) == (
        room,
        "pat",
        ConversationKind.GROUP,
    )
    assert got.mentions_me and got.remote_id

    result = await me.backend.send_message(c(me, room), OutgoingMessage("txn-room-1", "hi pat"))
    assert result.ok
    await peer.wait_body("hi pat")
    echo = await me.wait(f.MessageReceived, lambda m: m.txn_id == "txn-room-1")
    assert echo.outgoing and echo.remote_id and echo.conversation == room  # the room's stanza-id

    refused = await me.backend.set_topic(c(me, room), "Sam was here")
    assert refused.failure is not None and refused.failure.kind is FailureKind.REJECTED
    await configure(peer, room, **{"muc#roomconfig_changesubject": "1"})
    assert (await me.backend.set_topic(c(me, room), "Sam was here")).ok
    await peer.wait_message(lambda m: m.findtext("{jabber:client}subject") == "Sam was here")

    peer.send_xml(f"<presence to='{room}/pat' type='unavailable'/>")
    await me.wait(f.MembersChanged, lambda m: "pat" in m.removed)

    assert (await me.backend.leave(c(me, room), "bye")).ok
    await me.wait(f.ConversationLeft, lambda x: x.conversation == room)


async def test_create_room_is_unlocked_configured_and_invites_mediated(
    prosody: ProsodyServer,
    xmpp: Backends,
    peers: PeerFactory,
) -> None:
    me = await xmpp.open()
    assert isinstance(me.backend, SupportsRoomCreation)  # API 2: the interface is the capability
    outcome = await me.backend.create_room("Secret plans", public=False)
    assert outcome.ok, outcome.failure
    room = outcome.value
    assert room is not None and room.startswith("secret-plans@")
    await me.wait(f.ConversationUpdated, lambda u: u.title == "Secret plans")

    peer: Peer = await peers()
    # Members-only: a stranger may not enter…
    peer.send_xml(
        f"<presence to='{room}/pat'><x xmlns='http://jabber.org/protocol/muc'/></presence>"
    )
    refused = await peer.wait_presence(lambda p: p.get("type") == "error")
    assert (
        refused.find(
            "{jabber:client}error/{urn:ietf:params:xml:ns:xmpp-stanzas}registration-required"
        )
        is not None
    )

    # …until invited: a mediated invitation (through the room) also grants membership.
    assert (await me.backend.invite(c(me, room), peer.jid, "come in")).ok
    invite = await peer.wait_message(lambda m: m.find(f"{MUC_USER}x/{MUC_USER}invite") is not None)
    assert invite.get("from") == room
    assert invite.findtext(f"{MUC_USER}x/{MUC_USER}invite/{MUC_USER}reason") == "come in"
    own = await peer.join_room(room, "pat")
    assert 110 in _codes(own)
    await me.wait(f.MembersChanged, lambda m: any(x.native_id == "pat" for x in m.upserted))


async def test_public_room_invites_directly(
    prosody: ProsodyServer,
    xmpp: Backends,
    peers: PeerFactory,
) -> None:
    me = await xmpp.open()
    room = (await me.backend.create_room(f"open-{uuid.uuid4().hex[:6]}", public=True)).value
    assert room
    peer: Peer = await peers()
    assert (await me.backend.invite(c(me, room), peer.jid, "all welcome")).ok
    invite = await peer.wait_message(lambda m: m.find("{jabber:x:conference}x") is not None)
    x = invite.find("{jabber:x:conference}x")
    assert x is not None and x.get("jid") == room and x.get("reason") == "all welcome"
    assert (invite.get("from") or "").startswith(me.account.jid)
    await peer.join_room(room, "pat")  # no membership needed


async def test_joining_a_new_room_unlocks_it_for_others(
    prosody: ProsodyServer,
    xmpp: Backends,
    peers: PeerFactory,
) -> None:
    me = await xmpp.open()
    room = room_name(prosody)
    assert (await me.backend.join(room, "first")).ok  # created by joining (status 201)
    peer: Peer = await peers()
    own = await peer.join_room(room, "second")  # a locked room would refuse this
    assert 110 in _codes(own)


async def test_receive_direct_and_mediated_invites_and_accept(
    prosody: ProsodyServer,
    xmpp: Backends,
    peers: PeerFactory,
) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    room = await peer_owned_room(
        prosody,
        peer,
        "pat",
        **{"muc#roomconfig_passwordprotectedroom": "1", "muc#roomconfig_roomsecret": "sesame"},
    )
    peer.chat(
        me.account.jid,
        None,
        mtype="normal",
        extra=f"<x xmlns='jabber:x:conference' jid='{room}' password='sesame' reason='chat?'/>",
    )
    invite = await me.wait(f.InviteReceived)
    assert (invite.conversation, invite.inviter, invite.reason, invite.password) == (
        room,
        peer.jid,
        "chat?",
        "sesame",
    )
    outcome = await me.backend.answer_invite(c(me, room), True)  # uses the invitation's password
    assert outcome.ok, outcome.failure

    other = await peer_owned_room(prosody, peer, "pat", **{"muc#roomconfig_membersonly": "1"})
    peer.send_xml(
        f"<message to='{other}'><x xmlns='http://jabber.org/protocol/muc#user'>"
        f"<invite to='{me.account.jid}'><reason>members only</reason></invite></x></message>"
    )
    mediated = await me.wait(f.InviteReceived, lambda i: i.conversation == other)
    # A semi-anonymous room names the inviter by their place in it, not their address.
    assert mediated.inviter == f"{other}/pat" and mediated.reason == "members only"
    assert (await me.backend.answer_invite(c(me, other), True)).ok


async def test_password_protected_room(
    prosody: ProsodyServer,
    xmpp: Backends,
    peers: PeerFactory,
) -> None:
    peer: Peer = await peers()
    room = await peer_owned_room(
        prosody,
        peer,
        "pat",
        **{"muc#roomconfig_passwordprotectedroom": "1", "muc#roomconfig_roomsecret": "s3cret"},
    )
    me = await xmpp.open()
    wrong = await me.backend.join(room, "sam", "guess")
    assert wrong.failure is not None and wrong.failure.kind is FailureKind.REJECTED
    assert "password" in wrong.failure.message
    assert (await me.backend.join(room, "sam", "s3cret")).ok


async def test_nick_clash_picks_another_nick(
    prosody: ProsodyServer,
    xmpp: Backends,
    peers: PeerFactory,
) -> None:
    peer: Peer = await peers()
    room = await peer_owned_room(prosody, peer, "sam")
    me = await xmpp.open()
    assert (await me.backend.join(room, "sam")).ok
    members = await me.wait(f.MembersChanged, lambda m: m.complete)
    assert {m.native_id for m in members.upserted} == {"sam", "sam_2"}
    await me.backend.send_message(c(me, room), OutgoingMessage("txn-nick", "which sam?"))
    wire = await peer.wait_body("which sam?")
    assert wire.get("from") == f"{room}/sam_2"


async def test_kick_and_being_kicked(
    prosody: ProsodyServer,
    xmpp: Backends,
    peers: PeerFactory,
) -> None:
    me = await xmpp.open()
    room = (await me.backend.create_room(f"mod-{uuid.uuid4().hex[:6]}", public=True)).value
    assert room
    peer: Peer = await peers()
    await peer.join_room(room, "troll")
    await me.wait(f.MembersChanged, lambda m: any(x.native_id == "troll" for x in m.upserted))
    assert (await me.backend.kick(c(me, room), "troll", "be nice")).ok
    kicked = await peer.wait_presence(lambda p: p.get("type") == "unavailable" and 307 in _codes(p))
    assert kicked.get("from") == f"{room}/troll"
    await me.wait(f.MembersChanged, lambda m: "troll" in m.removed)

    # Now the other way round: in the peer's room, we are the one kicked.
    other = await peer_owned_room(prosody, peer, "boss")
    assert (await me.backend.join(other, "sam")).ok
    await peer.wait_presence(lambda p: p.get("from") == f"{other}/sam")
    await peer.iq(
        "set",
        other,
        "<query xmlns='http://jabber.org/protocol/muc#admin'><item nick='sam' role='none'>"
        "<reason>bye</reason></item></query>",
    )
    left = await me.wait(f.ConversationLeft, lambda x: x.conversation == other)
    assert "kicked" in left.reason and "bye" in left.reason
    failed = await me.backend.send_message(c(me, other), OutgoingMessage("txn-after-kick", "hey"))
    assert failed.failure is not None  # not silently sent into a room we are not in


async def test_kick_without_rights_is_refused(
    prosody: ProsodyServer,
    xmpp: Backends,
    peers: PeerFactory,
) -> None:
    peer: Peer = await peers()
    room = await peer_owned_room(prosody, peer, "boss")
    me = await xmpp.open()
    assert (await me.backend.join(room, "sam")).ok
    outcome = await me.backend.kick(c(me, room), "boss")
    assert outcome.failure is not None and outcome.failure.kind is FailureKind.REJECTED


async def test_rejoin_after_reconnect(
    prosody: ProsodyServer,
    xmpp: Backends,
    peers: PeerFactory,
) -> None:
    peer: Peer = await peers()
    room = await peer_owned_room(prosody, peer, "pat")
    me = await xmpp.open()
    assert (await me.backend.join(room, "sam")).ok
    await peer.wait_presence(lambda p: p.get("from") == f"{room}/sam" and p.get("type") is None)
    await me.backend.disconnect()
    await peer.wait_presence(
        lambda p: p.get("from") == f"{room}/sam" and p.get("type") == "unavailable"
    )
    peer.presences.clear()

    again = await xmpp.reopen(me)  # a new instance on the same account state, fresh stream
    await peer.wait_presence(lambda p: p.get("from") == f"{room}/sam" and p.get("type") is None)
    await again.wait(f.MembersChanged, lambda m: m.complete and m.conversation == room)
    result = await again.backend.send_message(c(again, room), OutgoingMessage("txn-back", "back!"))
    assert result.ok
    assert body_of(await peer.wait_body("back!")) == "back!"


async def test_room_message_confirmation_by_echo(
    prosody: ProsodyServer,
    xmpp: Backends,
    peers: PeerFactory,
) -> None:
    me = await xmpp.open()
    room = (await me.backend.create_room(f"echo-{uuid.uuid4().hex[:6]}", public=True)).value
    assert room
    result = await me.backend.send_message(c(me, room), OutgoingMessage("txn-echo", "echo?"))
    assert result.ok and result.remote_id is None  # the room's stanza-id comes with the echo
    # The echo is the confirmation: outgoing, with our txn id (the core confirms the outbox entry).
    echo = await me.wait(f.MessageReceived, lambda m: m.txn_id == "txn-echo")
    assert echo.outgoing and echo.remote_id
    assert not me.backend.ledger.pending  # nothing left waiting for a stream-management ack


PASSWORD_ROOM = {"muc#roomconfig_passwordprotectedroom": "1", "muc#roomconfig_roomsecret": "s3cret"}


def state_text(me: Connected) -> str:
    values: dict[str, str] = cast(Any, me.ctx.state).values
    return json.dumps(values)


async def test_room_passwords_live_in_the_keyring_not_the_state(
    prosody: ProsodyServer,
    xmpp: Backends,
    peers: PeerFactory,
) -> None:
    peer: Peer = await peers()
    room = await peer_owned_room(prosody, peer, "pat", **PASSWORD_ROOM)
    me = await xmpp.open()
    assert (await me.backend.join(room, "sam", "s3cret")).ok
    assert await me.ctx.secrets.get(f"room-password:{room}") == "s3cret"
    assert room in state_text(me) and "s3cret" not in state_text(me)

    await me.backend.disconnect()
    peer.presences.clear()
    again = await xmpp.reopen(me)  # rejoins with the password from the keyring
    await peer.wait_presence(lambda p: p.get("from") == f"{room}/sam" and p.get("type") is None)
    await again.wait(f.MembersChanged, lambda m: m.complete and m.conversation == room)
    assert "s3cret" not in state_text(again)

    assert (await again.backend.leave(c(again, room))).ok
    assert await again.ctx.secrets.get(f"room-password:{room}") is None  # gone with the room
    assert room not in state_text(again)


async def test_a_room_password_kept_by_an_older_version_moves_to_the_keyring(
    prosody: ProsodyServer,
    xmpp: Backends,
    peers: PeerFactory,
    tmp_path: Path,
) -> None:
    peer: Peer = await peers()
    room = await peer_owned_room(prosody, peer, "pat", **PASSWORD_ROOM)
    account = prosody.new_account("me")
    rec, ctx = recording(prosody, account, tmp_path)
    await ctx.state.set("xmpp.rooms", json.dumps({room: {"nick": "sam", "password": "s3cret"}}))
    backend = XmppBackend(ctx)
    assert (await backend.connect()).ok
    me = Connected(backend, rec, ctx, account)
    xmpp.opened.append(me)
    assert await ctx.secrets.get(f"room-password:{room}") == "s3cret"
    saved = json.loads(await ctx.state.get("xmpp.rooms") or "{}")
    assert saved == {room: {"nick": "sam", "has_password": True}}
    # … and the rejoin used it.
    await peer.wait_presence(lambda p: p.get("from") == f"{room}/sam" and p.get("type") is None)
    await me.wait(f.ConversationUpdated, lambda u: u.conversation == room and u.joined is True)


async def test_room_directory_lists_public_rooms_with_description_and_occupants(
    prosody: ProsodyServer,
    xmpp: Backends,
    peers: PeerFactory,
) -> None:
    tag = uuid.uuid4().hex[:6]
    peer: Peer = await peers()
    listed = await peer_owned_room(
        prosody,
        peer,
        **{
            "muc#roomconfig_roomname": f"Plants {tag}",
            "muc#roomconfig_roomdesc": "Ferns and mosses",  # Prosody 0.12 lists no subject
            "muc#roomconfig_publicroom": "1",
        },
    )
    hidden = await peer_owned_room(
        prosody,
        peer,
        **{"muc#roomconfig_roomname": f"Hidden {tag}", "muc#roomconfig_publicroom": "0"},
    )
    me = await xmpp.open()

    found = await me.backend.room_directory(tag)
    assert isinstance(found, tuple), found
    assert [r.address for r in found] == [listed]  # the hidden room is not listed
    (room,) = found
    assert room.name == f"Plants {tag}"
    assert room.topic == "Ferns and mosses"
    assert room.members == 1
    assert hidden not in [r.address for r in await me.backend.room_directory("")]  # type: ignore[union-attr]
    by_subject = await me.backend.room_directory("MOSSES")
    assert isinstance(by_subject, tuple) and listed in [r.address for r in by_subject]
    assert (await me.backend.join(room.address, "me")).ok  # what the directory lists joins
