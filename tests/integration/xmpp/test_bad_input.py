"""Bad input from the network is logged and dropped (or passed on as text); nothing crashes."""

from __future__ import annotations

import logging

import pytest

from app import facts as f
from tests.integration.xmpp.conftest import Backends, PeerFactory
from tests.integration.xmpp.peer import Peer

pytestmark = pytest.mark.integration

NESTED = "<a xmlns='urn:example:deep'>" * 60 + "</a>" * 60


def hostile(me: str, full: str, peer: str) -> list[str]:
    """Stanzas a hostile or broken peer can get past the server to us."""
    return [
        f"<message to='{me}' type='chat'><reactions xmlns='urn:xmpp:reactions:0'><reaction>x</reaction></reactions></message>",
        f"<message to='{me}' type='chat'><reactions xmlns='urn:xmpp:reactions:0' id='t'>"
        + "<reaction>🙂</reaction>" * 500
        + "</reactions></message>",
        f"<message to='{me}' type='chat'><retract xmlns='urn:xmpp:message-retract:1'/></message>",
        f"<message to='{me}' type='chat'><displayed xmlns='urn:xmpp:chat-markers:0' id='{'i' * 10000}'/></message>",
        f"<message to='{me}' type='chat' id='d'><body>time travel</body><delay xmlns='urn:xmpp:delay' stamp='not-a-date'/></message>",
        f"<message to='{me}' type='chat'>{NESTED}</message>",
        f"<message to='{me}' type='chat'><received xmlns='urn:xmpp:carbons:2'><forwarded xmlns='urn:xmpp:forward:0'>"
        f"<message xmlns='jabber:client' from='{peer}' to='{me}' type='chat'><body>forged carbon</body></message>"
        "</forwarded></received></message>",
        f"<message to='{full}' type='groupchat'><body>not a room</body></message>",
        f"<message to='{me}'><result xmlns='urn:xmpp:mam:2' queryid='nope' id='x'><forwarded xmlns='urn:xmpp:forward:0'>"
        f"<message xmlns='jabber:client' from='{peer}' type='chat'><body>forged history</body></message>"
        "</forwarded></result></message>",
        f"<message to='{me}' type='error' id='not-ours'><error type='cancel'><gone xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>",
        f"<message to='{me}' type='chat'><x xmlns='jabber:x:conference' jid='not a jid@@'/></message>",
        f"<message to='{me}' type='chat'><replace xmlns='urn:xmpp:message-correct:0'/><body>edit of nothing</body></message>",
        f"<presence to='{me}'><show>sleeping</show><priority>very</priority></presence>",
        f"<presence to='{me}'><x xmlns='http://jabber.org/protocol/muc#user'><status code='abc'/><item affiliation='god'/></x></presence>",
        f"<iq to='{full}' type='get' id='q1'><query xmlns='urn:example:unknown'/></iq>",
    ]


async def test_hostile_stanzas_are_dropped_and_the_session_survives(
    xmpp: Backends,
    peers: PeerFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    caplog.set_level(logging.WARNING)
    session = me.backend._session
    assert session is not None
    for stanza in hostile(me.account.jid, str(session.client.boundjid.full), peer.jid):
        peer.send_xml(stanza)
    peer.chat(me.account.jid, "still alive?")
    await me.wait(f.MessageReceived, lambda m: m.body == "still alive?")

    bodies = [m.body for m in me.of(f.MessageReceived)]
    for forged in ("forged carbon", "not a room", "forged history"):
        assert forged not in bodies
    assert "time travel" in bodies and "edit of nothing" in bodies  # passed on as text
    reasons = {b.what for b in me.of(f.BadInput)}
    assert {"carbon", "groupchat", "archive"} <= reasons
    reactions = [r for r in me.of(f.ReactionsReplaced) if r.target_remote_id == "t"]
    assert reactions and len(reactions[0].keys) <= 32
    session = me.backend._session
    assert session is not None and session.connected
    assert not [
        r for r in caplog.records if r.levelno >= logging.ERROR and "Traceback" in r.getMessage()
    ]


async def test_a_huge_body_arrives_whole(xmpp: Backends, peers: PeerFactory) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    body = "🦜" * 200_000 + "x" * 1_000_000  # 1.2 million characters, 1.8 MB on the wire
    peer.chat(me.account.jid, body)
    got = await me.wait(f.MessageReceived, lambda m: len(m.body) > 1000, timeout=30)
    assert got.body == body


async def test_a_headline_from_a_person_is_not_a_server_message(
    xmpp: Backends, peers: PeerFactory
) -> None:
    """Only our own server may speak as "Server" (shown outside block lists and contact rules)."""
    me = await xmpp.open()
    peer: Peer = await peers()
    peer.chat(
        me.account.jid, "Your account will be deleted, log in at evil.example", mtype="headline"
    )
    got = await me.wait(f.MessageReceived, lambda m: "evil.example" in m.body)
    assert (got.conversation, got.sender, got.outgoing) == (peer.jid, peer.jid, False)
    assert not me.of(f.ServiceNotice)


async def test_a_forged_stanza_id_of_our_own_archive_is_not_believed(
    xmpp: Backends, peers: PeerFactory
) -> None:
    """A contact cannot choose the id a message is stored under (issue 13): two different
    messages carrying the same forged ``<stanza-id by='us'>`` both arrive, each under the id our
    server's archive gave it (Prosody 0.12 keeps the forged element and appends its own)."""
    me = await xmpp.open()
    peer: Peer = await peers()
    forged = f"<stanza-id xmlns='urn:xmpp:sid:0' by='{me.account.jid}' id='spoof1'/>"
    peer.chat(me.account.jid, "first under spoof1", extra=forged)
    peer.chat(me.account.jid, "second under spoof1", extra=forged)
    first = await me.wait(f.MessageReceived, lambda m: m.body == "first under spoof1")
    second = await me.wait(f.MessageReceived, lambda m: m.body == "second under spoof1")
    assert first.remote_id and second.remote_id
    assert "spoof1" not in (first.remote_id, second.remote_id)
    assert first.remote_id != second.remote_id
