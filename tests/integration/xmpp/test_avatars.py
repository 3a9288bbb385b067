"""Avatars against Prosody: a contact's User Avatar (XEP-0084) pushed to us through our caps'
``+notify``, a vCard-only picture (XEP-0153) and a room's picture (XEP-0486, mod_vcard_muc)
fetched through vCard-temp, each picture checked byte for byte; a malformed hash is dropped."""

from __future__ import annotations

import base64
import hashlib
import os
import re

import pytest

from app import facts as f
from app.backend import AvatarImage, Failure
from tests.integration.xmpp.conftest import Backends, PeerFactory
from tests.integration.xmpp.server import ProsodyServer
from tests.integration.xmpp.test_rooms import peer_owned_room

pytestmark = pytest.mark.integration


def picture() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + os.urandom(300)


async def test_a_contacts_user_avatar_reaches_us_and_is_fetched(
    xmpp: Backends, peers: PeerFactory
) -> None:
    me = await xmpp.open()
    peer = await peers()
    assert (await me.backend.add_contact(peer.jid, "Pat")).ok
    await me.wait(f.ContactsChanged, lambda c: any(x.subscription == "to" for x in c.upserted))
    # Both ways, as between friends: our presence (with our caps) reaches the peer's server,
    # whose PEP service then knows we want avatar notifications.
    peer.send_xml(f"<presence to='{me.account.jid}' type='subscribe'/>")
    await me.wait(f.SubscriptionRequested)
    assert (await me.backend.answer_subscription(peer.jid, True)).ok

    data = picture()
    digest = hashlib.sha1(data).hexdigest()
    b64 = base64.b64encode(data).decode()
    await peer.iq(
        "set",
        None,
        "<pubsub xmlns='http://jabber.org/protocol/pubsub'><publish node='urn:xmpp:avatar:data'>"
        f"<item id='{digest}'><data xmlns='urn:xmpp:avatar:data'>{b64}</data></item>"
        "</publish></pubsub>",
    )
    await peer.iq(
        "set",
        None,
        "<pubsub xmlns='http://jabber.org/protocol/pubsub'><publish node='urn:xmpp:avatar:metadata'>"
        f"<item id='{digest}'><metadata xmlns='urn:xmpp:avatar:metadata'>"
        f"<info bytes='{len(data)}' id='{digest}' height='32' width='32' type='image/png'/>"
        "</metadata></item></publish></pubsub>",
    )
    fact = await me.wait(
        f.AvatarChanged, lambda a: a.entity == peer.jid and a.ref.startswith(digest)
    )
    assert fact.conversation == ""
    image = await me.backend.fetch_avatar(fact.ref)
    assert isinstance(image, AvatarImage) and image.data == data

    # Taken down: an empty metadata item says so.
    await peer.iq(
        "set",
        None,
        "<pubsub xmlns='http://jabber.org/protocol/pubsub'><publish node='urn:xmpp:avatar:metadata'>"
        "<item id='current'><metadata xmlns='urn:xmpp:avatar:metadata'/></item>"
        "</publish></pubsub>",
    )
    await me.wait(f.AvatarChanged, lambda a: a.entity == peer.jid and a.ref == "")


async def test_a_vcard_picture_in_presence_is_fetched(xmpp: Backends, peers: PeerFactory) -> None:
    me = await xmpp.open()
    peer = await peers()
    assert (await me.backend.add_contact(peer.jid, "Pat")).ok
    await me.wait(f.ContactsChanged, lambda c: any(x.subscription == "to" for x in c.upserted))
    data = picture()
    digest = hashlib.sha1(data).hexdigest()
    b64 = base64.b64encode(data).decode()
    await peer.iq(
        "set",
        None,
        f"<vCard xmlns='vcard-temp'><PHOTO><TYPE>image/png</TYPE><BINVAL>{b64}</BINVAL></PHOTO>"
        "</vCard>",
    )
    peer.send_xml(
        f"<presence><x xmlns='vcard-temp:x:update'><photo>{digest}</photo></x></presence>"
    )
    fact = await me.wait(
        f.AvatarChanged, lambda a: a.entity == peer.jid and a.ref.startswith(digest)
    )
    image = await me.backend.fetch_avatar(fact.ref)
    assert isinstance(image, AvatarImage) and image.data == data

    # A malformed hash says nothing (Prosody may put the right one in place of it).
    peer.send_xml(
        "<presence><x xmlns='vcard-temp:x:update'><photo>not-a-hash</photo></x></presence>"
    )
    peer.send_xml("<presence><status>marker</status></presence>")
    await me.wait(f.PresenceChanged, lambda p: p.presence.status == "marker")
    assert all(re.fullmatch(r"([0-9a-f]{40} \S+)?", a.ref) for a in me.of(f.AvatarChanged))
    bad = await me.backend.fetch_avatar(f"{'0' * 40} {peer.jid}")
    assert isinstance(bad, Failure)


async def test_a_rooms_picture_is_announced_on_join_and_fetched_from_its_vcard(
    xmpp: Backends, peers: PeerFactory, prosody: ProsodyServer
) -> None:
    me = await xmpp.open()
    peer = await peers()
    room = await peer_owned_room(prosody, peer, "pat")
    data = picture()
    digest = hashlib.sha1(data).hexdigest()
    b64 = base64.b64encode(data).decode()
    await peer.iq(
        "set",
        room,
        f"<vCard xmlns='vcard-temp'><PHOTO><TYPE>image/png</TYPE><BINVAL>{b64}</BINVAL></PHOTO>"
        "</vCard>",
    )
    assert (await me.backend.join(room, "sam")).ok
    fact = await me.wait(f.AvatarChanged, lambda a: a.entity == room and a.ref != "")
    assert fact.ref == f"{digest} {room}" and fact.conversation == ""
    image = await me.backend.fetch_avatar(fact.ref)
    assert isinstance(image, AvatarImage) and image.data == data

    # An occupant's picture is theirs inside this room only.
    peer.send_xml(
        f"<presence to='{room}/pat'><x xmlns='vcard-temp:x:update'><photo>{digest}</photo></x>"
        "</presence>"
    )
    occupant = await me.wait(f.AvatarChanged, lambda a: a.conversation == room and a.ref != "")
    assert occupant.entity == "pat" and occupant.ref.startswith(digest)
