"""Multi-device and resumption: carbons (XEP-0280) show what our other devices sent and received;
stream management (XEP-0198) resumes the stream in a new backend instance after a loss."""

from __future__ import annotations

import json
import uuid

import pytest

from app import facts as f
from app.backend import OutgoingMessage
from app.models import ConversationId
from chinwag.testing import wait_until
from tests.integration.xmpp.conftest import Backends, PeerFactory
from tests.integration.xmpp.helpers import Connected
from tests.integration.xmpp.peer import Peer
from tests.integration.xmpp.server import ProsodyServer

pytestmark = pytest.mark.integration


def drop_connection(me: Connected) -> None:
    """The network goes away under the backend (no stream close: the server may hibernate it)."""
    session = me.backend._session
    assert session is not None and session.client.transport is not None
    session.client.transport.abort()


async def test_carbons_show_what_another_device_sent_and_received(
    prosody: ProsodyServer,
    xmpp: Backends,
    peers: PeerFactory,
) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    phone: Peer = await peers(me.account, resource="phone")
    phone.chat(
        peer.jid,
        "sent from my phone",
        stanza_id="phone-1",
        extra="<origin-id xmlns='urn:xmpp:sid:0' id='phone-1'/>",
    )
    mine = await me.wait(f.MessageReceived, lambda m: m.body == "sent from my phone")
    assert mine.outgoing and mine.conversation == peer.jid and mine.txn_id == "phone-1"
    assert mine.sender == me.account.jid

    peer.chat(phone.full_jid, "only to your phone")
    copy = await me.wait(f.MessageReceived, lambda m: m.body == "only to your phone")
    assert not copy.outgoing and copy.sender == peer.jid
    # The phone answers its own receipts; we must not answer for it.
    assert not [m for m in peer.messages if m.find("{urn:xmpp:receipts}received") is not None]


async def test_lost_connection_is_reported_and_the_stream_resumes_in_a_new_instance(
    prosody: ProsodyServer,
    xmpp: Backends,
    peers: PeerFactory,
) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    room = (await me.backend.create_room(f"resume-{uuid.uuid4().hex[:6]}", public=True)).value
    assert room
    await peer.join_room(room, "pat")
    session = me.backend._session
    assert session is not None
    sm_id = session.client.plugin["xep_0198"].sm_id
    assert sm_id

    drop_connection(me)
    lost = await me.wait(f.ConnectionLost)
    assert lost.retryable
    await me.backend.disconnect()  # the core tears the old instance down
    peer.chat(me.account.jid, "while you were away")
    peer.chat(room, "room while away", mtype="groupchat")
    peer.presences.clear()

    start = len(me.facts)
    again = await xmpp.reopen(me)
    resumed = again.backend._session
    assert resumed is not None and resumed.client.plugin["xep_0198"].sm_id == sm_id
    later = me.facts[start:]
    assert not [x for x in later if isinstance(x, f.ContactsChanged) and x.complete]  # no re-sync
    await again.wait(f.MessageReceived, lambda m: m.body == "while you were away")
    await again.wait(f.MessageReceived, lambda m: m.body == "room while away")
    # Still in the room: nobody saw us leave or join again, and we can talk at once.
    result = await again.backend.send_message(
        ConversationId(me.rec.account_id, room), OutgoingMessage("txn-resumed", "still here")
    )
    assert result.ok
    await peer.wait_body("still here")
    assert not [p for p in peer.presences if (p.get("from") or "").endswith(f"/{me.account.user}")]


async def test_a_stream_that_cannot_be_resumed_starts_fresh(
    prosody: ProsodyServer,
    xmpp: Backends,
    peers: PeerFactory,
) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    room = (await me.backend.create_room(f"fresh-{uuid.uuid4().hex[:6]}", public=True)).value
    assert room
    await peer.join_room(room, "pat")
    drop_connection(me)
    await me.wait(f.ConnectionLost)
    await me.backend.disconnect()
    stream = me.backend.ledger.stream
    assert stream is not None  # saved for resumption…
    expired = {"sm_id": "no-such-stream", "jid": stream.jid, "handled": 0, "seq": 0, "last_ack": 0}
    await me.ctx.state.set("xmpp.stream", json.dumps(expired))  # …but the server forgot it
    start = len(me.facts)
    again = await xmpp.reopen(me)
    assert [x for x in me.facts[start:] if isinstance(x, f.ContactsChanged) and x.complete]
    services = again.backend._services
    assert services is not None
    await wait_until(lambda: room in services.rooms.joined_nicks(), what="rejoined")
    await peer.wait_presence(
        lambda p: p.get("from") == f"{room}/{me.account.user}" and p.get("type") is None
    )
