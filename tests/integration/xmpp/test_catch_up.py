"""Catching up after a fresh sign-in (XEP-0313): messages that went to another of our devices, or
were posted in a room beyond its join history, while this backend was away arrive once, and count
as unread unless our other device evidently read them."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from app import facts as f
from chinwag.testing import wait_until
from tests.integration.xmpp.conftest import Backends, PeerFactory
from tests.integration.xmpp.helpers import Connected
from tests.integration.xmpp.peer import Peer
from tests.integration.xmpp.server import ProsodyServer

pytestmark = pytest.mark.integration

SETTLE = 1.0  # seconds a duplicate would need to show up on loopback


def received(me: Connected, body: str) -> list[f.MessageReceived]:
    return [m for m in me.of(f.MessageReceived) if m.body == body]


async def away(me: Connected) -> None:
    """Close this backend's stream cleanly: the next instance cannot resume it."""
    await me.backend.disconnect()
    assert me.backend.ledger.stream is None


async def test_a_message_our_other_device_got_while_we_were_away_arrives_once_as_unread(
    xmpp: Backends, peers: PeerFactory
) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    phone: Peer = await peers(me.account, resource="phone")  # keeps the account online
    peer.chat(me.account.jid, "before we left")
    await me.wait(f.MessageReceived, lambda m: m.body == "before we left")
    await away(me)

    peer.chat(me.account.jid, "while you were away")
    await phone.wait_body("while you were away")  # delivered to the phone: no offline copy

    again = await xmpp.reopen(me)
    got = await again.wait(f.MessageReceived, lambda m: m.body == "while you were away")
    assert got.conversation == peer.jid and got.sender == peer.jid and not got.outgoing
    assert not got.history  # new to us: unread, notified
    assert got.remote_id and got.timestamp is not None
    await asyncio.sleep(SETTLE)
    assert len(received(again, "while you were away")) == 1
    assert len(received(again, "before we left")) == 1  # what we had is not fetched again


async def test_a_message_with_nobody_online_arrives_once_through_offline_storage(
    xmpp: Backends, peers: PeerFactory
) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    peer.chat(me.account.jid, "first")
    await me.wait(f.MessageReceived, lambda m: m.body == "first")
    await away(me)
    peer.chat(me.account.jid, "to nobody")  # offline storage and the archive both keep it
    await asyncio.sleep(0.3)
    again = await xmpp.reopen(me)
    got = await again.wait(f.MessageReceived, lambda m: m.body == "to nobody")
    assert not got.history
    await asyncio.sleep(SETTLE)
    assert len(received(again, "to nobody")) == 1


async def test_what_our_other_device_read_is_not_unread_here(
    xmpp: Backends, peers: PeerFactory
) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    phone: Peer = await peers(me.account, resource="phone")
    peer.chat(me.account.jid, "hello?")
    await me.wait(f.MessageReceived, lambda m: m.body == "hello?")
    await away(me)

    peer.chat(me.account.jid, "are you there?")
    last_id = peer.chat(me.account.jid, "ping")
    await phone.wait_body("ping")
    phone.chat(  # the phone shows them: its displayed marker is archived as ours
        peer.jid,
        None,
        extra=f"<displayed xmlns='urn:xmpp:chat-markers:0' id='{last_id}'/>"
        "<store xmlns='urn:xmpp:hints'/>",
    )
    await asyncio.sleep(0.2)
    peer.chat(me.account.jid, "after you read")
    await phone.wait_body("after you read")

    again = await xmpp.reopen(me)
    newest = await again.wait(f.MessageReceived, lambda m: m.body == "after you read")
    assert not newest.history
    read_there = {m.body: m.history for m in again.of(f.MessageReceived)}
    assert read_there["are you there?"] is True and read_there["ping"] is True
    assert any(isinstance(x, f.ReadUpTo) and x.conversation == peer.jid for x in again.facts)


async def test_a_reply_from_our_other_device_marks_what_it_answered_as_read(
    xmpp: Backends, peers: PeerFactory
) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    phone: Peer = await peers(me.account, resource="phone")
    await away(me)
    peer.chat(me.account.jid, "lunch?")
    await phone.wait_body("lunch?")
    phone.chat(peer.jid, "yes!", extra="<origin-id xmlns='urn:xmpp:sid:0' id='phone-yes'/>")
    await peer.wait_body("yes!")
    peer.chat(me.account.jid, "12:30 then")
    await phone.wait_body("12:30 then")

    again = await xmpp.reopen(me)
    await again.wait(f.MessageReceived, lambda m: m.body == "12:30 then")
    by_body = {m.body: m for m in again.of(f.MessageReceived)}
    assert by_body["lunch?"].history is True
    assert by_body["yes!"].outgoing and by_body["yes!"].txn_id == "phone-yes"
    assert by_body["12:30 then"].history is False


async def test_room_messages_beyond_the_join_history_arrive_once(
    prosody: ProsodyServer, xmpp: Backends, peers: PeerFactory
) -> None:
    peer: Peer = await peers()
    room = f"catchup-{uuid.uuid4().hex[:8]}@{prosody.muc}"
    await peer.join_room(room, "pat")
    me = await xmpp.open()
    assert (await me.backend.join(room, "sam")).ok
    peer.chat(room, "before", mtype="groupchat")
    await me.wait(f.MessageReceived, lambda m: m.body == "before")
    await away(me)
    await peer.wait_presence(lambda p: p.get("from") == f"{room}/sam" and p.get("type"))

    texts = [f"while away {i}" for i in range(1, 26)]  # more than the 20 of a join history
    for text in texts:
        peer.chat(room, text, mtype="groupchat")
    await peer.wait_message(lambda m: m.findtext("{jabber:client}body") == texts[-1])

    seen_before = len(me.facts)  # both instances report into the same recording
    again = await xmpp.reopen(me)
    await again.wait(f.MessageReceived, lambda m: m.body == texts[-1], timeout=20)
    await asyncio.sleep(SETTLE)
    got = [
        m
        for m in again.facts[seen_before:]
        if isinstance(m, f.MessageReceived) and m.conversation == room
    ]
    assert [m.body for m in got] == texts  # in order, each once, nothing from before again
    assert all(not m.history and m.sender == "pat" and m.remote_id for m in got)
    assert again.backend._services is not None
    assert again.backend._services.catchup.positions[room].archive_id == got[-1].remote_id


async def test_positions_follow_live_messages(xmpp: Backends, peers: PeerFactory) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    for text in ("one", "two"):
        peer.chat(me.account.jid, text)
    two = await me.wait(f.MessageReceived, lambda m: m.body == "two")
    services = me.backend._services
    assert services is not None
    await wait_until(
        lambda: (
            services.catchup.positions.get(me.account.jid) is not None
            and services.catchup.positions[me.account.jid].archive_id == two.remote_id
        ),
        what="the catch-up position at the second message",
    )
    await me.backend.disconnect()
    saved = await me.ctx.state.get("xmpp.catchup")
    assert saved is not None and two.remote_id is not None and two.remote_id in saved
