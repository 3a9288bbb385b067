"""XEP-0421 occupant ids against Prosody (0.12 builds them into its MUC, on by default): the
room's id for a person stays with them across a nick change, differs between two people, replaces
one a sender wrote, and comes with a retraction, so the core can tell who removed what."""

from __future__ import annotations

import uuid

import pytest

from app import facts as f
from app.backend import RoomOptions
from tests.integration.xmpp.conftest import Backends, PeerFactory
from tests.integration.xmpp.peer import Peer, _codes
from tests.integration.xmpp.server import ProsodyServer

pytestmark = pytest.mark.integration

OCC = "urn:xmpp:occupant-id:0"


async def test_one_person_keeps_the_rooms_id_across_a_nick_change(
    prosody: ProsodyServer, xmpp: Backends, peers: PeerFactory
) -> None:
    me = await xmpp.open()
    pat: Peer = await peers()
    quinn: Peer = await peers()
    created = await me.backend.create_room_with(RoomOptions(name=f"occ-{uuid.uuid4().hex[:6]}"))
    room = created.value
    assert created.ok and room
    await pat.join_room(room, "pat")
    await quinn.join_room(room, "quinn")

    # a forged id of pat's own making: the room replaces it with its own
    pat.chat(room, "one", mtype="groupchat", extra=f"<occupant-id xmlns='{OCC}' id='forged'/>")
    one = await me.wait(f.MessageReceived, lambda m: m.body == "one")
    pat.send_xml(f"<presence to='{room}/patricia'/>")  # a nick change
    await pat.wait_presence(lambda p: p.get("from") == f"{room}/patricia" and 110 in _codes(p))
    pat.chat(room, "two", mtype="groupchat")
    two = await me.wait(f.MessageReceived, lambda m: m.body == "two")
    quinn.chat(room, "three", mtype="groupchat")
    three = await me.wait(f.MessageReceived, lambda m: m.body == "three")

    assert (one.sender, two.sender, three.sender) == ("pat", "patricia", "quinn")
    assert one.occupant_id and one.occupant_id != "forged"
    assert two.occupant_id == one.occupant_id  # the same person under a new nick
    assert three.occupant_id and three.occupant_id != one.occupant_id

    # pat, now patricia, deletes the first message (XEP-0424): the room says who, by id
    assert one.remote_id
    pat.chat(
        room,
        None,
        mtype="groupchat",
        extra=f"<retract xmlns='urn:xmpp:message-retract:1' id='{one.remote_id}'/>",
    )
    gone = await me.wait(f.MessageRetracted, lambda r: r.remote_id == one.remote_id)
    assert (gone.by, gone.occupant_id) == ("patricia", one.occupant_id)
