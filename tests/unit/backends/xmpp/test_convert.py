"""Stanza → facts, one table row per rule (DESIGN §8.7). Stanzas are written as they come off the wire."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import pytest

from app import facts as f
from app.models import (
    ConversationKind,
    DeliveryState,
    MessageKind,
    Presence,
    PresenceState,
    Role,
    Trust,
)
from backends.xmpp import convert

ME = "me@example.org"
PEER = "peer@example.org"
ROOM = "room@muc.example.org"
CTX = convert.Context(
    account_id="acc",
    own_jid=ME,
    rooms={ROOM: "mynick"},
    resolve=lambda conv, ref: {"peer-orig-1": "sid-1"}.get(ref, ref),
    stamping=frozenset({ME, ROOM}),  # both said they add XEP-0359 ids (disco#info)
)


def xml(text: str) -> ET.Element:
    """Parse a stanza as slixmpp hands it over (default namespace jabber:client)."""
    return ET.fromstring(
        text.replace("<message ", "<message xmlns='jabber:client' ", 1).replace(
            "<presence ", "<presence xmlns='jabber:client' ", 1
        )
    )


def only(parsed: convert.ParsedMessage) -> f.Fact:
    assert len(parsed.facts) == 1, parsed.facts
    return parsed.facts[0]


# -- messages ------------------------------------------------------------------------------------

MESSAGE_CASES: list[tuple[str, str, f.Fact | None]] = [
    (
        "1:1 text with our archive's stanza-id",
        f"""<message from='{PEER}/phone' to='{ME}/c' type='chat' id='m1'>
              <body>Grüße 你好</body><origin-id xmlns='urn:xmpp:sid:0' id='o1'/>
              <stanza-id xmlns='urn:xmpp:sid:0' by='{ME}' id='sid-9'/></message>""",
        f.MessageReceived(PEER, PEER, "Grüße 你好", remote_id="sid-9", ref_id="o1"),
    ),
    (
        "a forged stanza-id of our archive before the server's own: the server's (last) counts",
        f"""<message from='{PEER}/phone' to='{ME}/c' type='chat' id='m2'><body>y</body>
              <stanza-id xmlns='urn:xmpp:sid:0' by='{ME}' id='spoof1'/>
              <stanza-id xmlns='urn:xmpp:sid:0' by='{ME}' id='sid-10'/></message>""",
        f.MessageReceived(PEER, PEER, "y", remote_id="sid-10", ref_id="m2"),
    ),
    (
        "a stanza-id claimed by someone else is ignored",
        f"""<message from='{PEER}/phone' to='{ME}' type='chat' id='m1'><body>x</body>
              <stanza-id xmlns='urn:xmpp:sid:0' by='{PEER}' id='forged'/></message>""",
        f.MessageReceived(PEER, PEER, "x", remote_id="m1", remote_id_unique=False),
    ),
    (
        "room message: sender is the nick, remote id the room's stanza-id",
        f"""<message from='{ROOM}/alice' to='{ME}/c' type='groupchat' id='g1'>
              <body>hello</body><stanza-id xmlns='urn:xmpp:sid:0' by='{ROOM}' id='r-1'/></message>""",
        f.MessageReceived(
            ROOM, "alice", "hello", ConversationKind.GROUP, remote_id="r-1", ref_id="g1"
        ),
    ),
    (
        "room message mentioning our nick",
        f"""<message from='{ROOM}/alice' type='groupchat' id='g2'><body>hi MyNick!</body>
              <stanza-id xmlns='urn:xmpp:sid:0' by='{ROOM}' id='r-2'/></message>""",
        f.MessageReceived(
            ROOM,
            "alice",
            "hi MyNick!",
            ConversationKind.GROUP,
            remote_id="r-2",
            mentions_me=True,
            ref_id="g2",
        ),
    ),
    (
        "the room echoes our own message: outgoing, our txn id, its stanza-id",
        f"""<message from='{ROOM}/mynick' type='groupchat' id='txn-7'><body>mine</body>
              <origin-id xmlns='urn:xmpp:sid:0' id='txn-7'/>
              <stanza-id xmlns='urn:xmpp:sid:0' by='{ROOM}' id='r-3'/></message>""",
        f.MessageReceived(
            ROOM,
            ME,
            "mine",
            ConversationKind.GROUP,
            remote_id="r-3",
            outgoing=True,
            txn_id="txn-7",
            ref_id="txn-7",
        ),
    ),
    (
        "room history replayed on join (delayed) counts as history",
        f"""<message from='{ROOM}/alice' type='groupchat' id='g3'><body>old</body>
              <delay xmlns='urn:xmpp:delay' from='{ROOM}' stamp='2024-05-01T10:00:00Z'/>
              <stanza-id xmlns='urn:xmpp:sid:0' by='{ROOM}' id='r-4'/></message>""",
        f.MessageReceived(
            ROOM,
            "alice",
            "old",
            ConversationKind.GROUP,
            remote_id="r-4",
            timestamp=datetime(2024, 5, 1, 10, tzinfo=UTC),
            history=True,
            ref_id="g3",
        ),
    ),
    (
        "groupchat from a room we are not in is dropped",
        """<message from='other@muc.example.org/x' type='groupchat'><body>spam</body></message>""",
        f.BadInput("groupchat", "a room message from a room we are not in"),
    ),
    (
        "room subject",
        f"""<message from='{ROOM}/alice' type='groupchat'><subject>New topic</subject></message>""",
        f.ConversationUpdated(ROOM, ConversationKind.GROUP, topic="New topic"),
    ),
    (
        "carbon of what we sent from another device",
        f"""<message from='{ME}' to='{ME}/c' type='chat'><sent xmlns='urn:xmpp:carbons:2'>
              <forwarded xmlns='urn:xmpp:forward:0'><message xmlns='jabber:client'
                from='{ME}/phone' to='{PEER}' type='chat' id='p1'><body>from my phone</body>
                <origin-id xmlns='urn:xmpp:sid:0' id='p1'/></message></forwarded></sent></message>""",
        f.MessageReceived(
            PEER,
            ME,
            "from my phone",
            remote_id="p1",
            outgoing=True,
            txn_id="p1",
            remote_id_unique=False,
        ),
    ),
    (
        "carbon received on another device",
        f"""<message from='{ME}' to='{ME}/c' type='chat'><received xmlns='urn:xmpp:carbons:2'>
              <forwarded xmlns='urn:xmpp:forward:0'><message xmlns='jabber:client'
                from='{PEER}/x' to='{ME}/phone' type='chat' id='q1'><body>to phone</body>
                </message></forwarded></received></message>""",
        f.MessageReceived(PEER, PEER, "to phone", remote_id="q1", remote_id_unique=False),
    ),
    (
        "a carbon from anyone but our own account is forged",
        f"""<message from='{PEER}' to='{ME}/c' type='chat'><sent xmlns='urn:xmpp:carbons:2'>
              <forwarded xmlns='urn:xmpp:forward:0'><message xmlns='jabber:client'
                from='{ME}/phone' to='{PEER}' type='chat'><body>fake</body></message>
              </forwarded></sent></message>""",
        f.BadInput("carbon", f"a carbon copy claimed by '{PEER}'"),
    ),
    (
        "delivery receipt (XEP-0184)",
        f"""<message from='{PEER}/x' type='chat'><received xmlns='urn:xmpp:receipts' id='t1'/></message>""",
        f.DeliveryUpdated(PEER, DeliveryState.DELIVERED, remote_id="t1", txn_id="t1"),
    ),
    (
        "displayed marker (XEP-0333) reads everything up to it",
        f"""<message from='{PEER}/x' type='chat'><displayed xmlns='urn:xmpp:chat-markers:0' id='t2'/></message>""",
        f.DeliveryUpdated(PEER, DeliveryState.READ, remote_id="t2", txn_id="t2", up_to=True),
    ),
    (
        "our own displayed marker from another device: read there",
        f"""<message from='{ME}' type='chat'><sent xmlns='urn:xmpp:carbons:2'>
              <forwarded xmlns='urn:xmpp:forward:0'><message xmlns='jabber:client'
                from='{ME}/phone' to='{PEER}' type='chat'>
                <displayed xmlns='urn:xmpp:chat-markers:0' id='peer-orig-1'/></message>
              </forwarded></sent></message>""",
        f.ReadUpTo(PEER, "sid-1"),
    ),
    (
        "typing",
        f"""<message from='{PEER}/x' type='chat'><composing xmlns='http://jabber.org/protocol/chatstates'/></message>""",
        f.TypingChanged(PEER, PEER, True),
    ),
    (
        "stopped typing",
        f"""<message from='{PEER}/x' type='chat'><paused xmlns='http://jabber.org/protocol/chatstates'/></message>""",
        f.TypingChanged(PEER, PEER, False),
    ),
    (
        "correction (XEP-0308) refers to the corrected message by our remote id",
        f"""<message from='{PEER}/x' type='chat' id='c2'><body>fixed</body>
              <replace xmlns='urn:xmpp:message-correct:0' id='peer-orig-1'/></message>""",
        f.MessageReceived(
            PEER, PEER, "fixed", remote_id="c2", replaces="sid-1", remote_id_unique=False
        ),
    ),
    (
        "reply (XEP-0461) with its quoted fallback removed",
        f"""<message from='{PEER}/x' type='chat' id='r9'><body>&gt; quoted\\nanswer</body>
              <reply xmlns='urn:xmpp:reply:0' to='{ME}' id='peer-orig-1'/>
              <fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:reply:0'><body start='0' end='9'/></fallback>
            </message>""".replace("\\n", "\n"),
        f.MessageReceived(
            PEER, PEER, "answer", remote_id="r9", reply_to="sid-1", remote_id_unique=False
        ),
    ),
    (
        "reactions (XEP-0444): the whole set, duplicates and oversize keys dropped",
        f"""<message from='{PEER}/x' type='chat'><reactions xmlns='urn:xmpp:reactions:0' id='t3'>
              <reaction>👍</reaction><reaction>👍</reaction><reaction>❤️</reaction>
              <reaction>{"x" * 100}</reaction><reaction> </reaction></reactions></message>""",
        f.ReactionsReplaced(PEER, "t3", PEER, ("👍", "❤️")),
    ),
    (
        "retraction (XEP-0424)",
        f"""<message from='{PEER}/x' type='chat'><retract xmlns='urn:xmpp:message-retract:1' id='peer-orig-1'/>
              <body>This person attempted to retract…</body></message>""",
        f.MessageRetracted(PEER, "sid-1", PEER),
    ),
    (
        "retraction in its older, fastened form",
        f"""<message from='{PEER}/x' type='chat'><apply-to xmlns='urn:xmpp:fasten:0' id='old-1'>
              <retract xmlns='urn:xmpp:message-retract:0'/></apply-to></message>""",
        f.MessageRetracted(PEER, "old-1", PEER),
    ),
    (
        "a message error marks our message failed",
        f"""<message from='{PEER}' type='error' id='txn-1'><error type='cancel'>
              <service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>""",
        f.DeliveryUpdated(PEER, DeliveryState.FAILED, txn_id="txn-1", reason="service unavailable"),
    ),
    (
        "direct invitation (XEP-0249)",
        f"""<message from='{PEER}/x' to='{ME}'><x xmlns='jabber:x:conference' jid='{ROOM}'
              password='sesame' reason='join us'/></message>""",
        f.InviteReceived(ROOM, PEER, "join us", "sesame"),
    ),
    (
        "mediated invitation (XEP-0045)",
        f"""<message from='{ROOM}' to='{ME}'><x xmlns='http://jabber.org/protocol/muc#user'>
              <invite from='{PEER}/x'><reason>come</reason></invite><password>pw</password></x></message>""",
        f.InviteReceived(ROOM, PEER, "come", "pw"),
    ),
    (
        "mediated invitation as Prosody relays it (legacy element and body added)",
        f"""<message from='{ROOM}' to='{ME}'><x xmlns='http://jabber.org/protocol/muc#user'>
              <invite from='{PEER}/x'><reason>hi</reason></invite></x>
              <x xmlns='jabber:x:conference' jid='{ROOM}'>hi</x>
              <body>{PEER}/x invited you to the room {ROOM} (hi)</body></message>""",
        f.InviteReceived(ROOM, PEER, "hi", ""),
    ),
    (
        "mediated invitation from an occupant of a semi-anonymous room",
        f"""<message from='{ROOM}' to='{ME}'><x xmlns='http://jabber.org/protocol/muc#user'>
              <invite from='{ROOM}/pat'/></x></message>""",
        f.InviteReceived(ROOM, f"{ROOM}/pat", "", ""),
    ),
    (
        "a headline from our own server is a service notice",
        """<message from='example.org' type='headline'><body>Maintenance at 10</body></message>""",
        f.ServiceNotice("Maintenance at 10"),
    ),
    (
        "a message from our own server itself is a service notice",
        """<message from='example.org' type='normal'><body>Welcome!</body></message>""",
        f.ServiceNotice("Welcome!"),
    ),
    (
        "our own server with a resource is still our server",
        """<message from='example.org/announce' type='normal'><body>Restart</body></message>""",
        f.ServiceNotice("Restart"),
    ),
    (
        "another server is an ordinary sender, not the Server",
        """<message from='evil.example' type='normal' id='s1'><body>Reset your password</body>
           </message>""",
        f.MessageReceived(
            "evil.example",
            "evil.example",
            "Reset your password",
            remote_id="s1",
            remote_id_unique=False,
        ),
    ),
    (
        "a headline from another server is an ordinary message",
        """<message from='evil.example' type='headline' id='s2'><body>Click here</body></message>""",
        f.MessageReceived(
            "evil.example", "evil.example", "Click here", remote_id="s2", remote_id_unique=False
        ),
    ),
    (
        "a subdomain of our server (a service) is not the Server either",
        """<message from='news.example.org' type='headline' id='s3'><body>Feed item</body>
           </message>""",
        f.MessageReceived(
            "news.example.org",
            "news.example.org",
            "Feed item",
            remote_id="s3",
            remote_id_unique=False,
        ),
    ),
    (
        "a headline from a person is an ordinary message from them",
        f"""<message from='{PEER}/bot' type='headline' id='h1'><body>Alert</body></message>""",
        f.MessageReceived(PEER, PEER, "Alert", remote_id="h1", remote_id_unique=False),
    ),
    (
        "a headline without a body from someone else is dropped",
        f"""<message from='{PEER}/bot' type='headline' id='h2'>
              <event xmlns='http://jabber.org/protocol/pubsub#event'/></message>""",
        None,
    ),
    (
        "a server message without a body is dropped",
        """<message from='example.org' type='headline'/>""",
        None,
    ),
    (
        "/me is an emote",
        f"""<message from='{PEER}/x' type='chat' id='e1'><body>/me waves</body></message>""",
        f.MessageReceived(
            PEER, PEER, "/me waves", remote_id="e1", kind=MessageKind.EMOTE, remote_id_unique=False
        ),
    ),
    (
        "an invalid address is bad input, not our own message",
        """<message from='a@b@c' type='chat'><body>who?</body></message>""",
        f.BadInput("message", "an address that is not a valid JID"),
    ),
    (
        "unknown payload only: nothing to report",
        f"""<message from='{PEER}/x' type='chat'><foo xmlns='urn:example:unknown'><bar/></foo></message>""",
        None,
    ),
    (
        "reactions without a target are ignored",
        f"""<message from='{PEER}/x' type='chat'><reactions xmlns='urn:xmpp:reactions:0'>
              <reaction>👍</reaction></reactions></message>""",
        None,
    ),
    (
        "a marker without an id is ignored",
        f"""<message from='{PEER}/x' type='chat'><displayed xmlns='urn:xmpp:chat-markers:0'/></message>""",
        None,
    ),
]


@pytest.mark.parametrize(
    ("stanza", "expected"), [c[1:] for c in MESSAGE_CASES], ids=[c[0] for c in MESSAGE_CASES]
)
def test_message(stanza: str, expected: f.Fact | None) -> None:
    parsed = convert.parse_message(xml(stanza), CTX)
    if expected is None:
        assert parsed.facts == []
    else:
        assert only(parsed) == expected


def test_stanza_ids_are_believed_only_from_an_archive_that_said_it_adds_them() -> None:
    """XEP-0359 §7: an entity that never announced urn:xmpp:sid:0 strips nobody's claims, so a
    contact could choose the id (and a drop as a "duplicate", or our archive position)."""
    stanza = xml(
        f"""<message from='{PEER}/phone' to='{ME}/c' type='chat' id='m1'><body>x</body>
              <stanza-id xmlns='urn:xmpp:sid:0' by='{ME}' id='spoof1'/></message>"""
    )
    silent = dataclasses.replace(CTX, stamping=frozenset())
    parsed = convert.parse_message(stanza, silent)
    assert only(parsed) == f.MessageReceived(
        PEER, PEER, "x", remote_id="m1", remote_id_unique=False
    )
    assert parsed.archived is None  # nor does it move the catch-up position
    believed = convert.parse_message(stanza, CTX)
    assert believed.archived == convert.ArchiveMark(ME, "spoof1", None)
    room = xml(
        f"""<message from='{ROOM}/alice' to='{ME}/c' type='groupchat' id='g1'><body>hi</body>
              <stanza-id xmlns='urn:xmpp:sid:0' by='{ROOM}' id='r-1'/></message>"""
    )
    fact = only(convert.parse_message(room, silent))
    assert isinstance(fact, f.MessageReceived)
    assert (fact.remote_id, fact.remote_id_unique) == ("g1", False)


def test_the_service_we_connected_to_counts_as_our_server() -> None:
    stanza = xml("""<message from='xmpp.example.net' type='headline'><body>Hi</body></message>""")
    ctx = dataclasses.replace(CTX, servers=frozenset({"xmpp.example.net"}))
    assert convert.parse_message(stanza, ctx).facts == [f.ServiceNotice("Hi")]
    assert isinstance(only(convert.parse_message(stanza, CTX)), f.MessageReceived)


def test_an_archived_server_message_is_not_a_notice_again() -> None:
    result = ET.fromstring(
        """<result xmlns='urn:xmpp:mam:2' id='A9'><forwarded xmlns='urn:xmpp:forward:0'>
             <message xmlns='jabber:client' from='example.org' type='headline'>
               <body>Old news</body></message></forwarded></result>"""
    )
    assert convert.parse_archived(result, ME, CTX).facts == []


def test_receipt_request_is_answered_only_for_live_incoming_chat() -> None:
    stanza = f"""<message from='{PEER}/phone' type='chat' id='m5'><body>hi</body>
                 <request xmlns='urn:xmpp:receipts'/></message>"""
    parsed = convert.parse_message(xml(stanza), CTX)
    assert (parsed.receipt_to, parsed.receipt_id) == (f"{PEER}/phone", "m5")
    carbon = f"""<message from='{ME}' type='chat'><received xmlns='urn:xmpp:carbons:2'>
                 <forwarded xmlns='urn:xmpp:forward:0'>{stanza.replace("<message ", "<message xmlns='jabber:client' ")}
                 </forwarded></received></message>"""
    assert convert.parse_message(xml(carbon), CTX).receipt_to is None  # the other device answers


def test_one_stanza_can_carry_a_message_and_a_chat_state() -> None:
    stanza = f"""<message from='{PEER}/x' type='chat' id='m6'><body>done</body>
                 <active xmlns='http://jabber.org/protocol/chatstates'/></message>"""
    kinds = [type(x) for x in convert.parse_message(xml(stanza), CTX).facts]
    assert kinds == [f.TypingChanged, f.MessageReceived]


def test_ids_of_a_message_are_linked_for_later_references() -> None:
    stanza = f"""<message from='{PEER}/x' type='chat' id='m7'><body>x</body>
                 <origin-id xmlns='urn:xmpp:sid:0' id='orig-7'/>
                 <stanza-id xmlns='urn:xmpp:sid:0' by='{ME}' id='sid-7'/></message>"""
    link = convert.parse_message(xml(stanza), CTX).link
    assert link == convert.IdLink(PEER, "orig-7", "sid-7", "sid-7", PEER)


@pytest.mark.parametrize(
    ("url", "filename"),
    [
        ("https://up.example.org/a/b/R%C3%A9sum%C3%A9.pdf", "Résumé.pdf"),
        ("http://up.example.org/x/", "x"),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
    ],
)
def test_out_of_band_links_become_attachments(url: str, filename: str | None) -> None:
    stanza = f"""<message from='{PEER}/x' type='chat' id='m8'><body>{url}</body>
                 <x xmlns='jabber:x:oob'><url>{url}</url></x></message>"""
    fact = only(convert.parse_message(xml(stanza), CTX))
    assert isinstance(fact, f.MessageReceived)
    if filename is None:
        assert fact.attachments == ()
    else:
        assert [(a.url, a.filename) for a in fact.attachments] == [(url, filename)]


AESGCM_LINK = "aesgcm://up.example.org/x/photo%201.jpg#" + "ab" * 12 + "cd" * 32


def test_trust_comes_from_the_decryption_never_from_the_stanza() -> None:
    stanza = f"""<message from='{PEER}/x' type='chat' id='e1'><body>{AESGCM_LINK}</body>
                 <trust xmlns='urn:chinwag' level='verified'/></message>"""
    plain = only(convert.parse_message(xml(stanza), CTX))
    assert isinstance(plain, f.MessageReceived)
    assert plain.trust is Trust.NONE
    # XEP-0454: a bare aesgcm link is a file only in an encrypted message
    assert plain.body == AESGCM_LINK and plain.attachments == ()

    element = xml(stanza)
    decrypted = dataclasses.replace(
        CTX, trust=lambda m: Trust.VERIFIED if m is element else Trust.NONE
    )
    fact = only(convert.parse_message(element, decrypted))
    assert isinstance(fact, f.MessageReceived)
    assert fact.trust is Trust.VERIFIED
    assert fact.body == "photo 1.jpg"  # the key stays out of the text
    assert [(a.url, a.filename, a.mime_type) for a in fact.attachments] == [
        (AESGCM_LINK, "photo 1.jpg", "image/jpeg")
    ]


def test_an_aesgcm_link_among_words_stays_words() -> None:
    element = xml(
        f"<message from='{PEER}/x' type='chat' id='e2'><body>see {AESGCM_LINK}</body></message>"
    )
    ctx = dataclasses.replace(CTX, trust=lambda _m: Trust.UNVERIFIED)
    fact = only(convert.parse_message(element, ctx))
    assert isinstance(fact, f.MessageReceived)
    assert fact.attachments == () and fact.trust is Trust.UNVERIFIED


def test_rich_text_is_passed_on_raw_for_the_core_to_sanitise() -> None:
    stanza = f"""<message from='{PEER}/x' type='chat' id='h1'><body>hi</body>
        <html xmlns='http://jabber.org/protocol/xhtml-im'><body xmlns='http://www.w3.org/1999/xhtml'>
        <p onclick='steal()'>hi <script>alert(1)</script><img src='https://t.example/x.png'/></p>
        </body></html></message>"""
    fact = only(convert.parse_message(xml(stanza), CTX))
    assert isinstance(fact, f.MessageReceived)
    assert fact.body == "hi"
    assert fact.html is not None
    assert '<p onclick="steal()">' in fact.html and "<script>" in fact.html
    assert "xmlns" not in fact.html


def test_a_huge_body_is_passed_on_whole() -> None:
    body = "ä" * 1_500_000
    stanza = f"<message from='{PEER}/x' type='chat' id='big'><body>{body}</body></message>"
    fact = only(convert.parse_message(xml(stanza), CTX))
    assert isinstance(fact, f.MessageReceived) and len(fact.body) == 1_500_000


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("2024-02-03T04:05:06Z", datetime(2024, 2, 3, 4, 5, 6, tzinfo=UTC)),
        ("2024-02-03T04:05:06.123+02:00", datetime(2024, 2, 3, 2, 5, 6, 123000, tzinfo=UTC)),
        ("yesterday", None),
        ("", None),
    ],
)
def test_delayed_delivery_timestamp(stamp: str, expected: datetime | None) -> None:
    stanza = f"""<message from='{PEER}/x' type='chat' id='d1'><body>x</body>
                 <delay xmlns='urn:xmpp:delay' stamp='{stamp}'/></message>"""
    fact = only(convert.parse_message(xml(stanza), CTX))
    assert isinstance(fact, f.MessageReceived) and fact.timestamp == expected


# -- archive -------------------------------------------------------------------------------------


def _result(inner: str, archive_id: str = "A1") -> ET.Element:
    return ET.fromstring(
        f"""<result xmlns='urn:xmpp:mam:2' queryid='q' id='{archive_id}'>
              <forwarded xmlns='urn:xmpp:forward:0'>
                <delay xmlns='urn:xmpp:delay' stamp='2024-01-01T00:00:00Z'/>
                {inner.replace("<message ", "<message xmlns='jabber:client' ", 1)}
              </forwarded></result>"""
    )


ARCHIVE_CASES: list[tuple[str, str, str, f.Fact]] = [
    (
        "someone's message in our archive: history, with the archive id",
        ME,
        f"<message from='{PEER}/x' to='{ME}' type='chat' id='m1'><body>old</body></message>",
        f.MessageReceived(
            PEER,
            PEER,
            "old",
            remote_id="A1",
            timestamp=datetime(2024, 1, 1, tzinfo=UTC),
            history=True,
            ref_id="m1",
        ),
    ),
    (
        "our own message in our archive: outgoing, our txn id (it confirms or de-duplicates)",
        ME,
        f"""<message from='{ME}/c' to='{PEER}' type='chat' id='txn-1'><body>mine</body>
              <origin-id xmlns='urn:xmpp:sid:0' id='txn-1'/></message>""",
        f.MessageReceived(
            PEER,
            ME,
            "mine",
            remote_id="txn-1",
            timestamp=datetime(2024, 1, 1, tzinfo=UTC),
            outgoing=True,
            txn_id="txn-1",
            history=True,
            remote_id_unique=False,
        ),
    ),
    (
        "a room's archive",
        ROOM,
        f"<message from='{ROOM}/alice' type='groupchat' id='g'><body>then</body></message>",
        f.MessageReceived(
            ROOM,
            "alice",
            "then",
            ConversationKind.GROUP,
            remote_id="A1",
            timestamp=datetime(2024, 1, 1, tzinfo=UTC),
            history=True,
            ref_id="g",
        ),
    ),
    (
        "a room archive result claiming another room is forged",
        ROOM,
        "<message from='other@muc.example.org/x' type='groupchat'><body>x</body></message>",
        f.BadInput("archive", "a room archive result from another room"),
    ),
]


@pytest.mark.parametrize(
    ("archive", "inner", "expected"),
    [c[1:] for c in ARCHIVE_CASES],
    ids=[c[0] for c in ARCHIVE_CASES],
)
def test_archived(archive: str, inner: str, expected: f.Fact) -> None:
    assert only(convert.parse_archived(_result(inner), archive, CTX)) == expected


def test_archive_result_without_a_message_is_bad_input() -> None:
    result = ET.fromstring(
        "<result xmlns='urn:xmpp:mam:2' id='x'><forwarded xmlns='urn:xmpp:forward:0'/></result>"
    )
    assert isinstance(only(convert.parse_archived(result, ME, CTX)), f.BadInput)


def test_archive_fin() -> None:
    iq = ET.fromstring(
        """<iq xmlns='jabber:client' type='result'><fin xmlns='urn:xmpp:mam:2' complete='true'>
             <set xmlns='http://jabber.org/protocol/rsm'><first>a</first><last>b</last></set>
           </fin></iq>"""
    )
    assert convert.parse_mam_fin(iq) == convert.ArchivePage(True, "a", "b")


# -- presence ------------------------------------------------------------------------------------

PRESENCE_CASES: list[tuple[str, str, convert.PresenceEvent | None]] = [
    (
        "available, away with a status",
        f"""<presence from='{PEER}/phone'><show>away</show><status>lunch</status>
              <priority>5</priority></presence>""",
        convert.ContactPresence(PEER, "phone", 5, Presence(PresenceState.AWAY, "lunch")),
    ),
    (
        "do not disturb",
        f"<presence from='{PEER}/pc'><show>dnd</show></presence>",
        convert.ContactPresence(PEER, "pc", 0, Presence(PresenceState.DO_NOT_DISTURB)),
    ),
    (
        "gone",
        f"<presence from='{PEER}/pc' type='unavailable'><status>bye</status></presence>",
        convert.ContactPresence(PEER, "pc", 0, Presence(PresenceState.OFFLINE, "bye")),
    ),
    (
        "subscription request with a nick and a message",
        f"""<presence from='{PEER}' type='subscribe'><nick xmlns='http://jabber.org/protocol/nick'>Pat</nick>
              <status>It is me</status></presence>""",
        convert.SubscriptionPresence(PEER, "subscribe", "Pat", "It is me"),
    ),
    (
        "error",
        f"""<presence from='{ROOM}/mynick' type='error'><error type='cancel'>
              <conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></presence>""",
        convert.PresenceError(f"{ROOM}/mynick", "conflict"),
    ),
    ("no sender", "<presence/>", None),
    ("probe", f"<presence from='{PEER}' type='probe'/>", None),
]


@pytest.mark.parametrize(
    ("stanza", "expected"), [c[1:] for c in PRESENCE_CASES], ids=[c[0] for c in PRESENCE_CASES]
)
def test_presence(stanza: str, expected: convert.PresenceEvent | None) -> None:
    assert convert.parse_presence(xml(stanza), CTX) == expected


def test_occupant_presence_with_role_and_real_jid() -> None:
    stanza = f"""<presence from='{ROOM}/alice'><x xmlns='http://jabber.org/protocol/muc#user'>
                 <item affiliation='owner' role='moderator' jid='{PEER}/x'/></x></presence>"""
    event = convert.parse_presence(xml(stanza), CTX)
    assert isinstance(event, convert.OccupantPresence)
    assert event.member is not None
    assert (event.member.native_id, event.member.role, event.member.affiliation) == (
        "alice",
        Role.OWNER,
        "owner",
    )
    assert event.member.contact is not None and event.member.contact.native_id == PEER
    assert not event.is_self


@pytest.mark.parametrize(
    ("affiliation", "role", "expected"),
    [
        ("owner", "moderator", Role.OWNER),
        ("admin", "moderator", Role.ADMIN),
        ("none", "moderator", Role.MODERATOR),
        ("member", "participant", Role.MEMBER),
        ("none", "visitor", Role.VISITOR),
    ],
)
def test_room_roles(affiliation: str, role: str, expected: Role) -> None:
    assert convert.role_of(affiliation, role) is expected


def test_kicked_and_nick_change() -> None:
    kicked = f"""<presence from='{ROOM}/mynick' type='unavailable'>
                 <x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='none'>
                 <reason>spam</reason></item><status code='307'/><status code='110'/></x></presence>"""
    event = convert.parse_presence(xml(kicked), CTX)
    assert isinstance(event, convert.OccupantPresence)
    assert event.member is None and event.is_self and 307 in event.codes and event.reason == "spam"
    renamed = f"""<presence from='{ROOM}/alice' type='unavailable'>
                  <x xmlns='http://jabber.org/protocol/muc#user'><item nick='alicia'/>
                  <status code='303'/></x></presence>"""
    event = convert.parse_presence(xml(renamed), CTX)
    assert isinstance(event, convert.OccupantPresence) and event.new_nick == "alicia"


@pytest.mark.parametrize(
    ("resources", "expected"),
    [
        ([], Presence(PresenceState.OFFLINE)),
        ([(0, Presence(PresenceState.AWAY))], Presence(PresenceState.AWAY)),
        (
            [(0, Presence(PresenceState.AWAY)), (0, Presence(PresenceState.AVAILABLE, "hi"))],
            Presence(PresenceState.AVAILABLE, "hi"),
        ),
        (
            [(10, Presence(PresenceState.DO_NOT_DISTURB)), (0, Presence(PresenceState.CHAT))],
            Presence(PresenceState.DO_NOT_DISTURB),
        ),
    ],
)
def test_best_presence_of_several_devices(
    resources: list[tuple[int, Presence]], expected: Presence
) -> None:
    assert convert.best_presence(resources) == expected


# -- roster, blocking, disco ---------------------------------------------------------------------


def test_roster_items() -> None:
    query = ET.fromstring(
        f"""<query xmlns='jabber:iq:roster'>
              <item jid='{PEER}' name='Pat' subscription='both'><group>Friends</group><group>Friends</group></item>
              <item jid='new@example.org' subscription='none' ask='subscribe'/>
              <item jid='gone@example.org' subscription='remove'/>
              <item jid='a@b@c'/>
              <item jid='odd@example.org' subscription='bogus'/>
            </query>"""
    )
    items = convert.parse_roster(query)
    assert items == [
        convert.RosterItem(PEER, "Pat", ("Friends",), "both"),
        convert.RosterItem("new@example.org", "", (), "none", ask=True),
        convert.RosterItem("gone@example.org", "", (), "remove"),
        convert.RosterItem("odd@example.org", "", (), "none"),
    ]
    contact = convert.contact_of(items[1], items[1].jid, "acc", blocked=True)
    assert contact.subscription == "none+ask" and contact.blocked


def test_block_list_and_disco() -> None:
    blocklist = ET.fromstring(
        "<blocklist xmlns='urn:xmpp:blocking'><item jid='a@x'/><item jid='nonsense@@'/></blocklist>"
    )
    assert convert.parse_block_items(blocklist) == ["a@x"]
    info = convert.parse_disco_info(
        ET.fromstring(
            """<query xmlns='http://jabber.org/protocol/disco#info'>
                 <identity category='store' type='file' name='Upload'/>
                 <feature var='urn:xmpp:http:upload:0'/>
                 <x xmlns='jabber:x:data' type='result'>
                   <field var='FORM_TYPE'><value>urn:xmpp:http:upload:0</value></field>
                   <field var='max-file-size'><value>1024</value></field></x></query>"""
        )
    )
    assert ("store", "file") in info.identities
    assert info.fields["urn:xmpp:http:upload:0"]["max-file-size"] == "1024"
    assert info.name == "Upload"


def test_room_items_keep_rooms_and_drop_what_is_not_one() -> None:
    query = ET.fromstring(
        "<query xmlns='http://jabber.org/protocol/disco#items'>"
        "<item jid='plants@muc.example.org' name='Plants'/>"
        "<item jid='quiet@muc.example.org'/>"
        "<item jid='muc.example.org' name='the service itself'/>"
        "<item name='no address'/>"
        "<item jid='bad@@jid' name='broken'/>"
        "</query>"
    )
    rooms = convert.parse_room_items(query)
    assert [(r.address, r.name) for r in rooms] == [
        ("plants@muc.example.org", "Plants"),
        ("quiet@muc.example.org", "quiet"),
    ]
    assert convert.parse_room_items(None) == []


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"muc#roominfo_occupants": "12", "muc#roominfo_description": "d"}, ("d", 12)),
        ({"muc#roominfo_subject": "s", "muc#roominfo_description": "d"}, ("s", None)),
        ({"muc#roominfo_occupants": "many"}, ("", None)),
        ({}, ("", None)),
    ],
)
def test_room_listing_takes_what_disco_info_adds(
    fields: dict[str, str], expected: tuple[str, int | None]
) -> None:
    room = convert.parse_room_items(
        ET.fromstring(
            "<query xmlns='http://jabber.org/protocol/disco#items'>"
            "<item jid='plants@muc.example.org'/></query>"
        )
    )[0]
    info = convert.DiscoInfo(name="Plants", fields={convert.ROOM_INFO: fields})
    listed = convert.room_listing(room, info)
    assert listed.name == "Plants"
    topic, members = expected
    assert listed.topic == topic
    assert listed.members == members


def test_occupant_ids_are_read_only_from_a_room_that_gives_them() -> None:
    """XEP-0421 §4: a room that advertises occupant ids replaces the sender's own; in any other
    room the element is whatever the sender wrote (it could name someone else)."""
    said = f"""<message from='{ROOM}/alice' type='groupchat' id='g1'><body>hi</body>
              <occupant-id xmlns='urn:xmpp:occupant-id:0' id='occ-A'/></message>"""
    vouching = dataclasses.replace(CTX, occupant_ids=frozenset({ROOM}))
    fact = only(convert.parse_message(xml(said), vouching))
    assert isinstance(fact, f.MessageReceived) and fact.occupant_id == "occ-A"
    fact = only(convert.parse_message(xml(said), CTX))  # the room never said it gives them
    assert isinstance(fact, f.MessageReceived) and fact.occupant_id is None
    huge = said.replace("occ-A", "x" * (convert.MAX_OCCUPANT_ID + 1))
    fact = only(convert.parse_message(xml(huge), vouching))
    assert isinstance(fact, f.MessageReceived) and fact.occupant_id is None
    retraction = f"""<message from='{ROOM}/alicia' type='groupchat' id='g2'>
              <retract xmlns='urn:xmpp:message-retract:1' id='g1'/>
              <occupant-id xmlns='urn:xmpp:occupant-id:0' id='occ-A'/></message>"""
    assert only(convert.parse_message(xml(retraction), vouching)) == f.MessageRetracted(
        ROOM, "g1", "alicia", occupant_id="occ-A"
    )


def test_a_spoiler_marks_the_whole_body_with_its_hint() -> None:
    stanza = f"""<message from='{PEER}/x' type='chat' id='s1'><body>Bruce &amp; &lt;i&gt;Alfred&lt;/i&gt;
is Batman</body><spoiler xmlns='urn:xmpp:spoiler:0'>Batman</spoiler></message>"""
    fact = only(convert.parse_message(xml(stanza), CTX))
    assert isinstance(fact, f.MessageReceived)
    assert fact.body == "Bruce & <i>Alfred</i>\nis Batman"  # the text itself is kept
    assert fact.html == (
        '<span data-mx-spoiler="Batman">Bruce &amp; &lt;i&gt;Alfred&lt;/i&gt;<br>is Batman</span>'
    )
    plain = f"""<message from='{PEER}/x' type='chat' id='s2'><body>*b* no hint</body>
        <spoiler xmlns='urn:xmpp:spoiler:0'/></message>"""
    styled = only(convert.parse_message(xml(plain), CTX))
    assert isinstance(styled, f.MessageReceived)
    assert styled.html is not None
    assert styled.html.startswith('<span data-mx-spoiler="">') and "<strong>" in styled.html
