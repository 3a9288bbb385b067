"""1:1 chat: text, receipts (XEP-0184), markers (XEP-0333), typing (XEP-0085), corrections
(XEP-0308), replies (XEP-0461), reactions (XEP-0444), retraction (XEP-0424) — sent and shown."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from app import facts as f
from app.backend import OutgoingMessage
from app.models import ConversationId, DeliveryState, MessageKind
from tests.integration.xmpp.conftest import Backends, PeerFactory
from tests.integration.xmpp.helpers import Connected
from tests.integration.xmpp.peer import Peer, body_of

pytestmark = pytest.mark.integration

SID = "{urn:xmpp:sid:0}"


def attr(el: ET.Element, child: str, name: str) -> str | None:
    found = el.find(child)
    return None if found is None else found.get(name)


def conv(me: Connected, peer: Peer) -> ConversationId:
    return ConversationId(me.rec.account_id, peer.jid)


async def pair(xmpp: Backends, peers: PeerFactory) -> tuple[Connected, Peer]:
    return await xmpp.open(), await peers()


async def received_from(me: Connected, peer: Peer, body: str) -> f.MessageReceived:
    return await me.wait(f.MessageReceived, lambda m: m.body == body and m.sender == peer.jid)


async def test_text_both_ways_with_stable_ids(xmpp: Backends, peers: PeerFactory) -> None:
    me, peer = await pair(xmpp, peers)
    text = "Grüße aus Köln — 你好 — привет — 👋🏽 <b>not html</b> & more"
    peer.chat(me.account.jid, text, stanza_id="peer-1")
    got = await received_from(me, peer, text)
    assert got.conversation == peer.jid and not got.outgoing
    assert got.remote_id and got.remote_id != "peer-1"  # our archive's stanza-id (XEP-0359)

    result = await me.backend.send_message(conv(me, peer), OutgoingMessage("txn-text-1", text))
    assert result.ok and result.remote_id == "txn-text-1"
    wire = await peer.wait_body(text)
    assert wire.get("id") == "txn-text-1"
    origin = wire.find(f"{SID}origin-id")
    assert origin is not None and origin.get("id") == "txn-text-1"


async def test_stream_management_ack_confirms_a_sent_message(
    xmpp: Backends, peers: PeerFactory
) -> None:
    me, peer = await pair(xmpp, peers)
    result = await me.backend.send_message(conv(me, peer), OutgoingMessage("txn-ack", "ack me"))
    assert result.ok and not result.confirmed  # handed over; the XEP-0198 ack comes later
    sent = await me.wait(f.DeliveryUpdated, lambda d: d.txn_id == "txn-ack")
    assert sent.state is DeliveryState.SENT and sent.conversation == peer.jid


async def test_delivery_receipts_both_ways(xmpp: Backends, peers: PeerFactory) -> None:
    me, peer = await pair(xmpp, peers)
    await me.backend.send_message(conv(me, peer), OutgoingMessage("txn-rcpt", "did you get it?"))
    wire = await peer.wait_body("did you get it?")
    assert wire.find("{urn:xmpp:receipts}request") is not None
    peer.chat(me.account.jid, None, extra="<received xmlns='urn:xmpp:receipts' id='txn-rcpt'/>")
    delivered = await me.wait(f.DeliveryUpdated, lambda d: d.state is DeliveryState.DELIVERED)
    assert delivered.txn_id == "txn-rcpt" and delivered.conversation == peer.jid

    peer.chat(
        me.account.jid,
        "please confirm",
        stanza_id="ask-1",
        extra="<request xmlns='urn:xmpp:receipts'/>",
    )
    receipt = await peer.wait_message(lambda m: m.find("{urn:xmpp:receipts}received") is not None)
    assert attr(receipt, "{urn:xmpp:receipts}received", "id") == "ask-1"


async def test_displayed_markers_both_ways(xmpp: Backends, peers: PeerFactory) -> None:
    me, peer = await pair(xmpp, peers)
    await me.backend.send_message(conv(me, peer), OutgoingMessage("txn-mark", "read this"))
    wire = await peer.wait_body("read this")
    assert wire.find("{urn:xmpp:chat-markers:0}markable") is not None
    peer.chat(
        me.account.jid, None, extra="<displayed xmlns='urn:xmpp:chat-markers:0' id='txn-mark'/>"
    )
    read = await me.wait(f.DeliveryUpdated, lambda d: d.state is DeliveryState.READ)
    assert read.up_to and read.txn_id == "txn-mark"

    peer.chat(
        me.account.jid,
        "mark me",
        stanza_id="their-7",
        extra="<markable xmlns='urn:xmpp:chat-markers:0'/>",
    )
    got = await received_from(me, peer, "mark me")
    assert got.remote_id is not None
    await me.backend.send_read_marker(
        conv(me, peer), got.remote_id
    )  # the core passes our remote id
    marker = await peer.wait_message(
        lambda m: m.find("{urn:xmpp:chat-markers:0}displayed") is not None
    )
    # …but the peer must see the id *it* gave the message.
    assert attr(marker, "{urn:xmpp:chat-markers:0}displayed", "id") == "their-7"


async def test_typing_both_ways(xmpp: Backends, peers: PeerFactory) -> None:
    me, peer = await pair(xmpp, peers)
    peer.chat(
        me.account.jid, None, extra="<composing xmlns='http://jabber.org/protocol/chatstates'/>"
    )
    assert (await me.wait(f.TypingChanged)).typing
    peer.chat(me.account.jid, None, extra="<paused xmlns='http://jabber.org/protocol/chatstates'/>")
    await me.wait(f.TypingChanged, lambda t: not t.typing and t.sender == peer.jid)

    await me.backend.send_typing(conv(me, peer), True)
    state = await peer.wait_message(
        lambda m: m.find("{http://jabber.org/protocol/chatstates}composing") is not None
    )
    assert state.find("{urn:xmpp:hints}no-store") is not None
    await me.backend.send_typing(conv(me, peer), False)
    await peer.wait_message(
        lambda m: m.find("{http://jabber.org/protocol/chatstates}active") is not None
    )


async def test_corrections_both_ways(xmpp: Backends, peers: PeerFactory) -> None:
    me, peer = await pair(xmpp, peers)
    peer.chat(me.account.jid, "teh typo", stanza_id="orig-1")
    original = await received_from(me, peer, "teh typo")
    peer.chat(
        me.account.jid,
        "the typo",
        stanza_id="fix-1",
        extra="<replace xmlns='urn:xmpp:message-correct:0' id='orig-1'/>",
    )
    fixed = await received_from(me, peer, "the typo")
    assert fixed.replaces == original.remote_id  # the correction points at what we stored

    c = conv(me, peer)
    await me.backend.send_message(c, OutgoingMessage("txn-orig", "helo"))
    await peer.wait_body("helo")
    result = await me.backend.edit_message(c, "txn-orig", OutgoingMessage("txn-edit", "hello"))
    assert result.ok
    edit = await peer.wait_body("hello")
    assert attr(edit, "{urn:xmpp:message-correct:0}replace", "id") == "txn-orig"


async def test_replies_both_ways(xmpp: Backends, peers: PeerFactory) -> None:
    me, peer = await pair(xmpp, peers)
    c = conv(me, peer)
    await me.backend.send_message(c, OutgoingMessage("txn-q", "lunch?"))
    await peer.wait_body("lunch?")
    peer.chat(
        me.account.jid,
        "> lunch?\nyes!",
        extra=(
            f"<reply xmlns='urn:xmpp:reply:0' to='{me.account.jid}' id='txn-q'/>"
            "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:reply:0'>"
            "<body start='0' end='9'/></fallback>"
        ),
    )
    answer = await me.wait(f.MessageReceived, lambda m: m.reply_to is not None)
    assert answer.body == "yes!" and answer.reply_to == "txn-q"

    peer.chat(me.account.jid, "when?", stanza_id="their-q")
    question = await received_from(me, peer, "when?")
    assert question.remote_id is not None
    await me.backend.send_message(
        c, OutgoingMessage("txn-a", "at noon", reply_to=question.remote_id)
    )
    wire = await peer.wait_body("at noon")
    reply = wire.find("{urn:xmpp:reply:0}reply")
    assert reply is not None and reply.get("id") == "their-q" and reply.get("to") == peer.jid


async def test_reactions_both_ways(xmpp: Backends, peers: PeerFactory) -> None:
    me, peer = await pair(xmpp, peers)
    c = conv(me, peer)
    await me.backend.send_message(c, OutgoingMessage("txn-r", "party?"))
    await peer.wait_body("party?")
    peer.chat(
        me.account.jid,
        None,
        extra="<reactions xmlns='urn:xmpp:reactions:0' id='txn-r'><reaction>🎉</reaction>"
        "<reaction>👍</reaction></reactions>",
    )
    reacted = await me.wait(f.ReactionsReplaced)
    assert (reacted.target_remote_id, reacted.sender, reacted.keys) == (
        "txn-r",
        peer.jid,
        ("🎉", "👍"),
    )

    peer.chat(me.account.jid, "cake!", stanza_id="their-cake")
    cake = await received_from(me, peer, "cake!")
    assert cake.remote_id is not None
    assert (await me.backend.react(c, cake.remote_id, ("😋",))).ok
    wire = await peer.wait_message(lambda m: m.find("{urn:xmpp:reactions:0}reactions") is not None)
    reactions = wire.find("{urn:xmpp:reactions:0}reactions")
    assert reactions is not None and reactions.get("id") == "their-cake"
    assert [r.text for r in reactions] == ["😋"]


async def test_retraction_both_ways(xmpp: Backends, peers: PeerFactory) -> None:
    me, peer = await pair(xmpp, peers)
    c = conv(me, peer)
    peer.chat(
        me.account.jid,
        "oops, wrong chat",
        stanza_id="their-oops",
        extra="<origin-id xmlns='urn:xmpp:sid:0' id='their-oops'/>",
    )
    oops = await received_from(me, peer, "oops, wrong chat")
    peer.chat(
        me.account.jid,
        "This person attempted to retract a previous message, but it's unsupported by your client.",
        extra="<retract xmlns='urn:xmpp:message-retract:1' id='their-oops'/>"
        "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:message-retract:1'/>",
    )
    retracted = await me.wait(f.MessageRetracted)
    assert retracted.remote_id == oops.remote_id and retracted.by == peer.jid
    assert not [m for m in me.of(f.MessageReceived) if "attempted to retract" in m.body]

    await me.backend.send_message(c, OutgoingMessage("txn-x", "regret"))
    await peer.wait_body("regret")
    assert (await me.backend.retract(c, "txn-x")).ok
    wire = await peer.wait_message(
        lambda m: m.find("{urn:xmpp:message-retract:1}retract") is not None
    )
    assert attr(wire, "{urn:xmpp:message-retract:1}retract", "id") == "txn-x"
    assert wire.find("{urn:xmpp:hints}store") is not None


async def test_emote(xmpp: Backends, peers: PeerFactory) -> None:
    me, peer = await pair(xmpp, peers)
    await me.backend.send_message(
        conv(me, peer), OutgoingMessage("txn-me", "waves", kind=MessageKind.EMOTE)
    )
    assert body_of(await peer.wait_body("/me waves")) == "/me waves"
    peer.chat(me.account.jid, "/me nods")
    assert (await received_from(me, peer, "/me nods")).kind is MessageKind.EMOTE
