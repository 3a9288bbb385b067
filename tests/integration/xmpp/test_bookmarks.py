"""Bookmarks (XEP-0402) against Prosody's PEP: another client of the SAME account (a plain
slixmpp client writing literal XML) and our backend keep one list of rooms to join."""

from __future__ import annotations

import asyncio
import xml.etree.ElementTree as ET
from xml.sax.saxutils import quoteattr

import pytest

from app import facts as f
from app.models import ConversationId
from tests.integration.xmpp.conftest import Backends, PeerFactory
from tests.integration.xmpp.peer import Peer
from tests.integration.xmpp.server import ProsodyServer
from tests.integration.xmpp.test_rooms import configure, peer_owned_room

pytestmark = pytest.mark.integration

B = "urn:xmpp:bookmarks:1"
PS = "http://jabber.org/protocol/pubsub"


async def publish(phone: Peer, room: str, autojoin: bool, nick: str) -> None:
    """What Conversations or Gajim sends (XEP-0402 §3.2)."""
    await phone.iq(
        "set",
        None,
        f"<pubsub xmlns='{PS}'><publish node='{B}'><item id={quoteattr(room)}>"
        f"<conference xmlns='{B}' autojoin='{'true' if autojoin else 'false'}'>"
        f"<nick>{nick}</nick></conference></item></publish>"
        "<publish-options><x xmlns='jabber:x:data' type='submit'>"
        f"<field var='FORM_TYPE' type='hidden'><value>{PS}#publish-options</value></field>"
        "<field var='pubsub#persist_items'><value>true</value></field>"
        "<field var='pubsub#max_items'><value>max</value></field>"
        "<field var='pubsub#send_last_published_item'><value>never</value></field>"
        "<field var='pubsub#access_model'><value>whitelist</value></field>"
        "</x></publish-options></pubsub>",
    )


async def bookmark_of(phone: Peer, room: str) -> ET.Element | None:
    """The other client reads our bookmarks node: ``room``'s ``<conference>``, if any."""
    try:
        result = await phone.iq("get", None, f"<pubsub xmlns='{PS}'><items node='{B}'/></pubsub>")
    except Exception:  # no node yet
        return None
    for item in result.iter(f"{{{PS}}}item"):
        if item.get("id") == room:
            return item.find(f"{{{B}}}conference")
    return None


async def wait_bookmark(phone: Peer, room: str, autojoin: str) -> ET.Element:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 60
    while True:
        conference = await bookmark_of(phone, room)
        if conference is not None and conference.get("autojoin") == autojoin:
            return conference
        assert loop.time() < deadline, f"no bookmark of {room} with autojoin={autojoin}"
        await asyncio.sleep(0.05)


async def test_another_device_bookmarking_a_room_makes_us_join_it_and_unbookmarking_leave(
    prosody: ProsodyServer, xmpp: Backends, peers: PeerFactory
) -> None:
    me = await xmpp.open()
    owner = await peers()
    room = await peer_owned_room(prosody, owner)
    phone = await peers(me.account, resource="phone")
    await publish(phone, room, True, "from-phone")
    await me.wait(f.ConversationUpdated, lambda u: u.conversation == room and u.joined is True)
    session = me.backend._session
    assert session is not None and session.room_nicks[room] == "from-phone"
    # The join did not publish anything new: the bookmark is still the phone's.
    conference = await bookmark_of(phone, room)
    assert conference is not None and conference.findtext(f"{{{B}}}nick") == "from-phone"

    await publish(phone, room, False, "from-phone")  # left on the phone
    await me.wait(f.ConversationLeft, lambda x: x.conversation == room)
    assert room not in session.room_nicks
    kept = await bookmark_of(phone, room)
    assert kept is not None and kept.get("autojoin") == "false"  # still listed elsewhere


async def test_bookmarks_with_autojoin_are_joined_at_sign_in(
    prosody: ProsodyServer, xmpp: Backends, peers: PeerFactory
) -> None:
    account = prosody.new_account("me")
    owner = await peers()
    wanted = await peer_owned_room(prosody, owner)
    not_wanted = await peer_owned_room(prosody, owner)
    phone = await peers(account, resource="phone")
    await publish(phone, wanted, True, "nick-a")
    await publish(phone, not_wanted, False, "nick-b")
    me = await xmpp.open(account)
    await me.wait(f.ConversationUpdated, lambda u: u.conversation == wanted and u.joined is True)
    session = me.backend._session
    assert session is not None and session.room_nicks[wanted] == "nick-a"
    assert not_wanted not in session.room_nicks


async def test_joining_publishes_a_bookmark_without_the_password_and_leaving_turns_autojoin_off(
    prosody: ProsodyServer, xmpp: Backends, peers: PeerFactory
) -> None:
    me = await xmpp.open()
    owner = await peers()
    room = await peer_owned_room(prosody, owner)
    await configure(
        owner,
        room,
        **{"muc#roomconfig_passwordprotectedroom": "1", "muc#roomconfig_roomsecret": "s3cret"},
    )
    phone = await peers(me.account, resource="phone")
    joined = await me.backend.join(room, "mine", "s3cret")
    assert joined.ok, joined.failure
    conference = await wait_bookmark(phone, room, "true")
    assert conference.findtext(f"{{{B}}}nick") == "mine"
    assert conference.find(f"{{{B}}}password") is None
    assert "s3cret" not in ET.tostring(conference, encoding="unicode")
    config = await phone.iq(
        "get", None, f"<pubsub xmlns='{PS}#owner'><configure node='{B}'/></pubsub>"
    )
    access = {
        fl.get("var"): fl.findtext("{jabber:x:data}value")
        for fl in config.iter("{jabber:x:data}field")
    }
    assert access.get("pubsub#access_model") == "whitelist"

    left = await me.backend.leave(ConversationId(me.rec.account_id, room))
    assert left.ok
    kept = await wait_bookmark(phone, room, "false")
    assert kept.findtext(f"{{{B}}}nick") == "mine"
