"""History (XEP-0313): 1:1 and rooms, paged backwards, matching live copies by stanza-id (XEP-0359)."""

from __future__ import annotations

import uuid

import pytest

from app import facts as f
from app.backend import OutgoingMessage
from app.models import ConversationId
from backends.xmpp import history as archive_module
from chinwag.testing import wait_until
from tests.integration.xmpp.conftest import Backends, PeerFactory
from tests.integration.xmpp.helpers import Connected
from tests.integration.xmpp.peer import Peer
from tests.integration.xmpp.server import ProsodyServer

pytestmark = pytest.mark.integration


def history(me: Connected, conversation: str) -> list[f.MessageReceived]:
    return [m for m in me.of(f.MessageReceived) if m.history and m.conversation == conversation]


async def page(
    me: Connected, conversation: str, before: str | None, limit: int
) -> tuple[list[f.MessageReceived], str | None]:
    start = len(me.facts)
    outcome = await me.backend.fetch_history(
        ConversationId(me.rec.account_id, conversation), before, limit
    )
    assert outcome.ok, outcome.failure
    got = [x for x in me.facts[start:] if isinstance(x, f.MessageReceived)]
    assert all(m.history for m in got)
    return got, outcome.value


async def test_one_to_one_history_pages_backwards_to_the_start(
    xmpp: Backends, peers: PeerFactory
) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    for i in range(1, 26):
        peer.chat(me.account.jid, f"msg {i}")
    await me.wait(f.MessageReceived, lambda m: m.body == "msg 25")

    newest, end = await page(me, peer.jid, None, 10)
    assert [m.body for m in newest] == [f"msg {i}" for i in range(16, 26)]
    assert end is None
    older, end = await page(me, peer.jid, newest[0].remote_id, 10)
    assert [m.body for m in older] == [f"msg {i}" for i in range(6, 16)]
    oldest, end = await page(me, peer.jid, older[0].remote_id, 10)
    assert [m.body for m in oldest] == [f"msg {i}" for i in range(1, 6)]
    assert end == "end"
    assert all(m.sender == peer.jid and m.timestamp is not None for m in oldest)


async def test_archive_copies_carry_the_live_copys_remote_id(
    xmpp: Backends, peers: PeerFactory
) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    peer.chat(me.account.jid, "seen live")
    live = await me.wait(f.MessageReceived, lambda m: m.body == "seen live" and not m.history)
    archived, _ = await page(me, peer.jid, None, 5)
    assert [m.remote_id for m in archived if m.body == "seen live"] == [live.remote_id]


async def test_our_own_messages_come_back_as_ours(xmpp: Backends, peers: PeerFactory) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    c = ConversationId(me.rec.account_id, peer.jid)
    for i in range(3):
        await me.backend.send_message(c, OutgoingMessage(f"txn-own-{i}", f"mine {i}"))
    await peer.wait_body("mine 2")
    mine, _ = await page(me, peer.jid, None, 10)
    assert [(m.body, m.outgoing, m.txn_id, m.sender) for m in mine] == [
        (f"mine {i}", True, f"txn-own-{i}", me.account.jid) for i in range(3)
    ]


async def test_paging_from_one_of_our_own_messages(xmpp: Backends, peers: PeerFactory) -> None:
    """Our own 1:1 messages are known by the id we sent them with, not an archive id."""
    me = await xmpp.open()
    peer: Peer = await peers()
    for i in range(1, 6):
        peer.chat(me.account.jid, f"before {i}")
    await me.wait(f.MessageReceived, lambda m: m.body == "before 5")
    await me.backend.send_message(
        ConversationId(me.rec.account_id, peer.jid), OutgoingMessage("txn-anchor", "anchor")
    )
    await peer.wait_body("anchor")
    for i in range(1, 4):
        peer.chat(me.account.jid, f"after {i}")
    await me.wait(f.MessageReceived, lambda m: m.body == "after 3")
    older, end = await page(me, peer.jid, "txn-anchor", 3)
    assert [m.body for m in older] == ["before 3", "before 4", "before 5"]
    assert end is None


async def test_room_history_pages_backwards(xmpp: Backends, peers: PeerFactory) -> None:
    me = await xmpp.open()
    room = (await me.backend.create_room(f"hist-{uuid.uuid4().hex[:6]}", public=True)).value
    assert room
    peer: Peer = await peers()
    await peer.join_room(room, "pat")
    for i in range(1, 13):
        peer.chat(room, f"room {i}", mtype="groupchat")
    await me.wait(f.MessageReceived, lambda m: m.body == "room 12")
    live = {m.body: m.remote_id for m in me.of(f.MessageReceived) if not m.history}

    newest, end = await page(me, room, None, 5)
    assert [m.body for m in newest] == [f"room {i}" for i in range(8, 13)]
    assert all(m.sender == "pat" and m.remote_id == live[m.body] for m in newest)
    rest, end = await page(me, room, newest[0].remote_id, 50)
    assert [m.body for m in rest] == [f"room {i}" for i in range(1, 8)]
    assert end == "end"


async def test_paging_continues_after_a_restart_from_one_of_our_own_messages(
    xmpp: Backends, peers: PeerFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The oldest stored message is ours (stored under our id, not the archive's) and the new
    instance has no memory of its archive id: paging must still continue right before it."""
    me = await xmpp.open()
    peer: Peer = await peers()
    conv = ConversationId(me.rec.account_id, peer.jid)
    for i in range(1, 6):
        peer.chat(me.account.jid, f"before {i}")
    await me.wait(f.MessageReceived, lambda m: m.body == "before 5")
    await me.backend.send_message(conv, OutgoingMessage("txn-oldest", "ours"))
    await peer.wait_body("ours")
    for i in range(1, 4):
        peer.chat(me.account.jid, f"after {i}")
    await me.wait(f.MessageReceived, lambda m: m.body == "after 3")
    newest, _ = await page(me, peer.jid, None, 4)
    assert [m.body for m in newest] == ["ours", "after 1", "after 2", "after 3"]
    assert newest[0].remote_id == "txn-oldest"  # what the core now has as its oldest

    await me.backend.disconnect()
    monkeypatch.setattr(
        archive_module, "LOCATE_PAGES", 0
    )  # as if it were thousands of messages back
    again = await xmpp.reopen(me)
    older, end = await page(again, peer.jid, "txn-oldest", 3)
    assert [m.body for m in older] == ["before 3", "before 4", "before 5"]
    assert end is None


async def test_paging_after_a_restart_from_our_first_message_in_a_conversation(
    prosody: ProsodyServer,
    xmpp: Backends,
    peers: PeerFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another device talked to the peer before this one existed; our first message here is the
    core's oldest, and the archive has never shown us its archive id: page by its time."""
    account = prosody.new_account("me")
    phone: Peer = await peers(account, resource="phone")
    peer: Peer = await peers()
    for i in range(1, 4):
        phone.chat(peer.jid, f"phone {i}")
    await peer.wait_body("phone 3")
    me = await xmpp.open(account)
    services = me.backend._services
    assert services is not None
    await wait_until(
        lambda: account.jid in services.catchup.positions, what="a catch-up position"
    )  # at "phone 3"
    conv = ConversationId(me.rec.account_id, peer.jid)
    await me.backend.send_message(conv, OutgoingMessage("txn-first", "first from here"))
    await peer.wait_body("first from here")
    await me.backend.disconnect()

    monkeypatch.setattr(archive_module, "LOCATE_PAGES", 0)
    again = await xmpp.reopen(me)
    await again.wait(f.MessageReceived, lambda m: m.txn_id == "txn-first")  # caught up on it
    await again.backend.disconnect()
    third = await xmpp.reopen(again)  # knows nothing of its archive id now
    assert third.backend._session is not None and not len(third.backend._session.ids)
    older, end = await page(third, peer.jid, "txn-first", 10)
    assert [(m.body, m.outgoing) for m in older] == [(f"phone {i}", True) for i in range(1, 4)]
    assert end == "end"


async def test_an_unknown_anchor_is_a_failure_not_a_wrong_page(
    xmpp: Backends, peers: PeerFactory
) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    peer.chat(me.account.jid, "only message")
    await me.wait(f.MessageReceived, lambda m: m.body == "only message")
    outcome = await me.backend.fetch_history(
        ConversationId(me.rec.account_id, peer.jid), "no-such-message", 10
    )
    assert outcome.failure is not None and "find this point" in outcome.failure.message
