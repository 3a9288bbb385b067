"""Rooms we create and run (XEP-0045 owner and admin use cases) against Prosody, checked by a peer:
created with options (members-only, password, moderated, description, invitees), settings read
and changed, roles, the outcast list, destroying; contact details; outgoing message styling."""

from __future__ import annotations

import uuid

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
from app.formatting import markdown_to_html
from app.models import ConversationId, PresenceState, Role
from chinwag.testing import wait_until
from tests.integration.xmpp.conftest import Backends, PeerFactory
from tests.integration.xmpp.helpers import Connected
from tests.integration.xmpp.peer import Peer, _codes, body_of
from tests.integration.xmpp.server import ProsodyServer

pytestmark = pytest.mark.integration

MUC_USER = "{http://jabber.org/protocol/muc#user}"
DISCO = "{http://jabber.org/protocol/disco#info}"


def c(me: Connected, room: str) -> ConversationId:
    return ConversationId(me.rec.account_id, room)


async def features_of(peer: Peer, room: str) -> set[str]:
    info = await peer.iq("get", room, "<query xmlns='http://jabber.org/protocol/disco#info'/>")
    return {x.get("var", "") for x in info.iter(f"{DISCO}feature")}


async def test_create_with_options_invites_and_reads_settings(
    prosody: ProsodyServer, xmpp: Backends, peers: PeerFactory
) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    local = f"plans-{uuid.uuid4().hex[:6]}"
    options = RoomOptions(
        name="Secret plans",
        topic="Only for us",
        address=local,
        invite_only=True,
        password="s3cret",
        moderated=True,
        persistent=True,
        invite=(peer.jid,),
    )
    assert me.backend.room_features & RoomFeature.PASSWORD
    outcome = await me.backend.create_room_with(options)
    assert outcome.ok, outcome.failure
    room = outcome.value
    assert room == f"{local}@{prosody.muc}"
    await me.wait(f.ConversationUpdated, lambda u: u.title == "Secret plans")

    # The peer, independently: invited through the room, and the room is set up as asked.
    invite = await peer.wait_message(lambda m: m.find(f"{MUC_USER}x/{MUC_USER}invite") is not None)
    assert invite.get("from") == room
    features = await features_of(peer, room)
    assert {"muc_membersonly", "muc_passwordprotected", "muc_moderated", "muc_persistent"} <= (
        features
    )
    assert "muc_hidden" in features
    own = await peer.join_room(room, "pat", password="s3cret")
    assert 110 in _codes(own)
    subject = await peer.wait_message(lambda m: m.find("{jabber:client}subject") is not None)
    assert subject.findtext("{jabber:client}subject") == "Only for us"

    settings = await me.backend.room_settings(c(me, room))
    assert isinstance(settings, RoomSettings), settings
    assert settings.options.name == "Secret plans"
    assert settings.options.topic == "Only for us"
    assert settings.options.invite_only and settings.options.moderated
    assert settings.options.password == "s3cret"
    assert settings.can_ban and settings.can_close
    assert settings.roles[0] is Role.OWNER
    assert settings.editable & RoomFeature.NAME

    changed = RoomOptions(
        name="Open plans", topic="Now for all", public=True, persistent=True, moderated=False
    )
    assert (await me.backend.configure_room(c(me, room), changed)).ok
    await me.wait(f.ConversationUpdated, lambda u: u.title == "Open plans")
    features = await features_of(peer, room)
    assert "muc_public" in features and "muc_open" in features and "muc_unsecured" in features


async def test_roles_bans_and_destroy(
    prosody: ProsodyServer, xmpp: Backends, peers: PeerFactory
) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    room = (
        await me.backend.create_room_with(RoomOptions(name=f"club-{uuid.uuid4().hex[:6]}"))
    ).value
    assert room
    await peer.join_room(room, "pat")
    await me.wait(f.MembersChanged, lambda m: any(x.native_id == "pat" for x in m.upserted))

    assert (await me.backend.set_role(c(me, room), "pat", Role.MODERATOR)).ok
    await me.wait(
        f.MembersChanged,
        lambda m: any(x.native_id == "pat" and x.role is Role.MODERATOR for x in m.upserted),
    )
    assert (await me.backend.set_role(c(me, room), "pat", Role.ADMIN)).ok
    await me.wait(
        f.MembersChanged,
        lambda m: any(x.native_id == "pat" and x.affiliation == "admin" for x in m.upserted),
    )
    assert (await me.backend.set_role(c(me, room), "pat", Role.MEMBER)).ok
    await me.wait(
        f.MembersChanged,
        lambda m: any(x.native_id == "pat" and x.affiliation == "member" for x in m.upserted),
    )

    # Banning by nick: the room turns them out (301) and lists their address.
    assert (await me.backend.ban(c(me, room), "pat", "enough")).ok
    await peer.wait_presence(
        lambda p: p.get("type") == "unavailable" and 301 in _codes(p) and 110 in _codes(p)
    )
    bans = await me.backend.ban_list(c(me, room))
    assert isinstance(bans, tuple) and [b.mask for b in bans] == [peer.jid]
    assert (await me.backend.unban(c(me, room), peer.jid)).ok
    assert await me.backend.ban_list(c(me, room)) == ()
    await peer.join_room(room, "pat2")  # welcome again (a new nick: a new self-presence)

    unknown = await me.backend.ban(c(me, room), "nobody-here")
    assert unknown.failure is not None and unknown.failure.kind is FailureKind.REJECTED

    assert (await me.backend.close_room(c(me, room), "we are done")).ok
    gone = await peer.wait_presence(
        lambda p: (
            p.get("type") == "unavailable" and p.find(f"{MUC_USER}x/{MUC_USER}destroy") is not None
        )
    )
    assert gone.findtext(f"{MUC_USER}x/{MUC_USER}destroy/{MUC_USER}reason") == "we are done"
    await me.wait(f.ConversationLeft, lambda x: x.conversation == room)


async def test_an_existing_room_is_not_taken_over(
    prosody: ProsodyServer, xmpp: Backends, peers: PeerFactory
) -> None:
    peer: Peer = await peers()
    local = f"theirs-{uuid.uuid4().hex[:6]}"
    await peer.join_room(f"{local}@{prosody.muc}", "pat")
    me = await xmpp.open()
    outcome = await me.backend.create_room_with(RoomOptions(name="Mine", address=local))
    assert outcome.failure is not None
    assert "already exists" in outcome.failure.message
    bad = await me.backend.create_room_with(RoomOptions(address="no spaces@@here"))
    assert bad.failure is not None and bad.failure.kind is FailureKind.REJECTED


async def test_contact_details_list_devices_and_clients(
    prosody: ProsodyServer, xmpp: Backends, peers: PeerFactory
) -> None:
    me = await xmpp.open()
    peer = Peer(prosody, prosody.new_account("peer"), "phone")
    peer.client.register_plugin("xep_0092", {"software_name": "PeerChat", "version": "1.2"})
    await peer.start()
    try:
        assert (await me.backend.add_contact(peer.jid, "Pat")).ok
        await wait_until(
            lambda: any(
                isinstance(x, f.PresenceChanged)
                and x.contact == peer.jid
                and x.presence.state is PresenceState.AVAILABLE
                for x in me.facts
            ),
            what="the peer's presence",
        )
        details = await me.backend.contact_details(peer.jid)
        assert isinstance(details, ContactDetails), details
        assert details.online
        clients = [(e.id, e.client.split(" (")[0]) for e in details.endpoints]
        assert clients == [("phone", "PeerChat 1.2")]
        assert isinstance(await me.backend.contact_details("not an address"), Failure)
        refused = await me.backend.set_blocked("bob", True)
        assert refused.failure is not None and "not an XMPP address" in refused.failure.message
    finally:
        await peer.stop()


async def test_composer_formatting_goes_out_as_message_styling(
    prosody: ProsodyServer, xmpp: Backends, peers: PeerFactory
) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    typed = "**bold** and _italic_ and `code`"
    html = markdown_to_html(typed)
    message = OutgoingMessage("styled-1", typed, html=html)
    assert (await me.backend.send_message(c(me, peer.jid), message)).ok
    got = await peer.wait_message(lambda m: body_of(m) is not None)
    assert body_of(got) == "*bold* and _italic_ and `code`"
    assert got.find("{http://jabber.org/protocol/xhtml-im}html") is None

    peer.chat(me.account.jid, "a *strong* word")
    fact = await me.wait(f.MessageReceived, lambda m: m.body == "a *strong* word")
    assert fact.html is not None and "<strong>*strong*</strong>" in fact.html
