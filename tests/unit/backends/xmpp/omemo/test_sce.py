"""XEP-0420 envelopes (OMEMO's profile): built, checked and refused, one table row per rule."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from xml.sax import saxutils

import pytest

from backends.xmpp.omemo import sce

ME = "romeo@montague.lit"
PEER = "juliet@capulet.lit"
ROOM = "secret@conference.capulet.lit"
NOW = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
S = "urn:xmpp:sce:1"
C = "jabber:client"


def body(text: str) -> ET.Element:
    el = ET.Element(f"{{{C}}}body")
    el.text = text
    return el


def envelope(inner: str) -> bytes:
    return f"<envelope xmlns='{S}'>{inner}</envelope>".encode()


CONTENT = "<content><body xmlns='jabber:client'>hi</body></content>"
STAMP = "2026-07-01T11:59:00Z"


def opened(data: bytes, *, group: bool = False, recipient: str = PEER) -> sce.Envelope:
    return sce.open_envelope(data, sender=ME, recipient=recipient, group=group, sent=NOW)


# -- building ------------------------------------------------------------------------------------


def test_a_built_envelope_carries_every_affix_and_opens_again() -> None:
    reply = ET.Element("{urn:xmpp:reply:0}reply", id="x1", to=f"{PEER}/phone")
    data = sce.build([body("Hello <World> & co"), reply], sender=ME, recipient=PEER, stamp=NOW)
    text = data.decode()
    assert text.startswith(f'<envelope xmlns="{S}"><content><body xmlns="{C}">')
    assert "Hello &lt;World&gt; &amp; co" in text
    root = ET.fromstring(data)
    assert root.find(f"{{{S}}}time").get("stamp") == "2026-07-01T12:00:00Z"  # type: ignore[union-attr]
    assert root.find(f"{{{S}}}to").get("jid") == PEER  # type: ignore[union-attr]
    assert root.find(f"{{{S}}}from").get("jid") == ME  # type: ignore[union-attr]
    rpad = root.find(f"{{{S}}}rpad")
    assert rpad is not None and len(rpad.text or "") <= sce.RPAD_MAX
    env = opened(data)
    assert [e.tag for e in env.content] == [f"{{{C}}}body", "{urn:xmpp:reply:0}reply"]
    assert env.content[0].text == "Hello <World> & co"
    assert env.content[1].get("to") == f"{PEER}/phone"
    assert (env.sender, env.recipient, env.stamp) == (ME, PEER, NOW)


def test_padding_length_varies_and_is_random() -> None:
    lengths = {
        len(
            ET.fromstring(sce.build([body("x")], sender=ME, recipient=PEER)).findtext(
                f"{{{S}}}rpad"
            )
            or ""
        )
        for _ in range(40)
    }
    assert len(lengths) > 5 and max(lengths) <= sce.RPAD_MAX
    fixed = sce.build([body("x")], sender=ME, recipient=PEER, padding=0, stamp=NOW)
    assert opened(fixed).padding == 0


def test_full_jids_in_affixes_become_bare() -> None:
    data = sce.build([body("x")], sender=f"{ME}/orchard", recipient=f"{PEER}/balcony")
    root = ET.fromstring(data)
    assert root.find(f"{{{S}}}from").get("jid") == ME  # type: ignore[union-attr]
    assert root.find(f"{{{S}}}to").get("jid") == PEER  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "element",
    [
        ET.Element("{urn:xmpp:hints}store"),
        ET.Element("{urn:xmpp:eme:0}encryption", namespace="urn:xmpp:omemo:2"),
        ET.Element("{http://jabber.org/protocol/address}addresses"),
        ET.Element("{urn:xmpp:sid:0}stanza-id", id="1", by=ME),
        ET.Element("{urn:xmpp:delay}delay", stamp=STAMP),
        ET.Element("nonamespace"),
        ET.Element(f"{{{C}}}error"),
    ],
)
def test_what_only_a_server_may_say_is_never_built_in(element: ET.Element) -> None:
    with pytest.raises(ValueError, match="cannot be encrypted"):
        sce.build([element], sender=ME, recipient=PEER)


def test_serialisation_keeps_namespaced_attributes_and_skips_comments() -> None:
    el = ET.Element(f"{{{C}}}body", {"{http://www.w3.org/XML/1998/namespace}lang": "de"})
    el.text = "Hallo"
    el.append(ET.Comment("not copied"))
    odd = ET.Element("{urn:example:a}thing", {"{urn:example:b}flag": "1", "plain": "'q\""})
    again = ET.fromstring(sce.serialize(ET.Element("{urn:x}root")))
    assert again.tag == "{urn:x}root"
    data = sce.build([el, odd], sender=ME, recipient=PEER, stamp=NOW)
    env = opened(data)
    assert env.content[0].get("{http://www.w3.org/XML/1998/namespace}lang") == "de"
    assert env.content[0].text == "Hallo" and len(env.content[0]) == 0
    assert env.content[1].get("{urn:example:b}flag") == "1"
    assert env.content[1].get("plain") == "'q\""


# -- opening: what is accepted ------------------------------------------------------------------


def test_the_xep_0420_example_opens_with_its_links() -> None:
    data = envelope(
        "<content><body xmlns='jabber:client'>[...]</body><x xmlns='jabber:x:oob'>"
        "<url>https://en.wikipedia.org/wiki/Fight_Club#Plot</url></x></content>"
    )
    env = opened(data)
    assert [e.tag for e in env.content] == [f"{{{C}}}body", "{jabber:x:oob}x"]
    assert env.sender is None and env.recipient is None and env.stamp is None


@pytest.mark.parametrize(
    ("inner", "why"),
    [
        (CONTENT, "no affix at all: OMEMO only requires the sender to add them"),
        (CONTENT + "<rpad>" + "x" * 5000 + "</rpad>", "a longer padding is never refused"),
        (CONTENT + "<rpad/>", "an empty padding"),
        (CONTENT + f"<from jid='{ME.upper()}'/>", "JIDs compare as JIDs (case of the local part)"),
        (CONTENT + f"<to jid='{PEER}/phone'/>", "a full JID names the same account"),
        (CONTENT + "<time stamp='2026-07-01T13:59:00+02:00'/>", "any time zone"),
        (CONTENT + "<time stamp='2026-07-01T11:59:00.123456Z'/>", "fractions of a second"),
        (CONTENT + "<signature xmlns='urn:example:profile'/>", "another profile's affix"),
    ],
)
def test_accepted(inner: str, why: str) -> None:
    env = opened(envelope(inner))
    assert env.content[0].text == "hi", why


def test_the_checked_affixes_are_reported() -> None:
    env = opened(
        envelope(
            CONTENT + f"<rpad>abc</rpad><time stamp='{STAMP}'/><to jid='{PEER}'/><from jid='{ME}'/>"
        )
    )
    assert env.padding == 3 and env.sender == ME and env.recipient == PEER
    assert env.stamp == NOW - timedelta(minutes=1)


def test_a_group_message_names_its_room() -> None:
    env = opened(envelope(CONTENT + f"<to jid='{ROOM}'/>"), group=True, recipient=ROOM)
    assert env.recipient == ROOM


def test_time_is_checked_against_now_without_a_stanza_time() -> None:
    recent = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    data = envelope(CONTENT + f"<time stamp='{recent}'/>")
    assert sce.open_envelope(data, sender=ME, recipient=PEER, group=False).stamp is not None
    with pytest.raises(sce.SceError):
        sce.open_envelope(
            envelope(CONTENT + f"<time stamp='{STAMP}'/>"), sender=ME, recipient=PEER, group=False
        )


# -- opening: what is refused -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<content xmlns='urn:xmpp:sce:1'/>", "not an SCE envelope"),
        (f"<envelope xmlns='urn:xmpp:sce:0'>{CONTENT}</envelope>".encode(), "not an SCE"),
        (envelope(""), "0 <content>"),
        (envelope(CONTENT + CONTENT), "2 <content>"),
        (envelope(CONTENT + f"<from jid='{ME}'/><from jid='{ME}'/>"), "more than one <from>"),
        (envelope(CONTENT + "<rpad/><rpad/>"), "more than one <rpad>"),
        (envelope(CONTENT + f"<from jid='{PEER}'/>"), "<from> affix names someone else"),
        (envelope(CONTENT + "<from/>"), "<from> affix without a valid jid"),
        (envelope(CONTENT + "<from jid='@@'/>"), "<from> affix without a valid jid"),
        (envelope(CONTENT + f"<to jid='{ME}'/>"), "<to> affix names someone else"),
        (envelope(CONTENT + "<time stamp='2026-06-29T11:00:00Z'/>"), "too far"),
        (envelope(CONTENT + "<time stamp='2026-07-01T14:00:01Z'/>"), "too far"),
        (envelope(CONTENT + "<time stamp='yesterday'/>"), "without a valid stamp"),
        (envelope(CONTENT + "<time stamp='2026-07-01T11:59:00'/>"), "without a valid stamp"),
        (envelope(CONTENT + "<time/>"), "without a valid stamp"),
        (b"<envelope xmlns='urn:xmpp:sce:1'><content>", "not well-formed"),
        (b"not xml at all", "not well-formed"),
        (b"", "not well-formed"),
        (
            b"<?xml version='1.0'?><!DOCTYPE envelope [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;&a;'>]>"
            b"<envelope xmlns='urn:xmpp:sce:1'><content><body xmlns='jabber:client'>&b;</body>"
            b"</content></envelope>",
            "declarations",
        ),
        (
            b"<!DOCTYPE envelope SYSTEM 'file:///etc/passwd'><envelope xmlns='urn:xmpp:sce:1'/>",
            "declarations",
        ),
        (envelope("<?evil stuff?>" + CONTENT), "processing instructions"),
        (envelope(CONTENT + "<rpad>" + "x" * sce.MAX_ENVELOPE + "</rpad>"), "too large"),
    ],
)
def test_refused(data: bytes, message: str) -> None:
    with pytest.raises(sce.SceError, match=message):
        opened(data)


def test_a_group_message_without_its_room_is_refused() -> None:
    """Else a server could turn a private message into a room message (OMEMO's profile)."""
    with pytest.raises(sce.SceError, match="without a <to> affix"):
        opened(envelope(CONTENT), group=True, recipient=ROOM)
    with pytest.raises(sce.SceError, match="names someone else"):
        opened(envelope(CONTENT + f"<to jid='{ME}'/>"), group=True, recipient=ROOM)


# -- content rules ------------------------------------------------------------------------------


def test_server_processed_and_unsafe_content_is_dropped_not_obeyed() -> None:
    inner = (
        "<content>"
        "<body xmlns='jabber:client'>hi</body>"
        "<store xmlns='urn:xmpp:hints'/>"
        "<encryption xmlns='urn:xmpp:eme:0' namespace='x'/>"
        "<addresses xmlns='http://jabber.org/protocol/address'/>"
        "<stanza-id xmlns='urn:xmpp:sid:0' id='forged' by='romeo@montague.lit'/>"
        "<origin-id xmlns='urn:xmpp:sid:0' id='kept'/>"
        "<delay xmlns='urn:xmpp:delay' stamp='2001-01-01T00:00:00Z'/>"
        "<received xmlns='urn:xmpp:carbons:2'/>"
        "<forwarded xmlns='urn:xmpp:forward:0'/>"
        "<result xmlns='urn:xmpp:mam:2'/>"
        "<x xmlns='http://jabber.org/protocol/muc#user'><invite/></x>"
        "<event xmlns='http://jabber.org/protocol/pubsub#event'/>"
        "<encrypted xmlns='urn:xmpp:omemo:2'/>"
        "<encrypted xmlns='eu.siacs.conversations.axolotl'/>"
        "<envelope xmlns='urn:xmpp:sce:1'/>"
        "<error xmlns='jabber:client'/>"
        "<bare/>"
        "<reply xmlns='urn:xmpp:reply:0' id='m1'/>"
        "<!-- a comment -->"
        "</content>"
    )
    env = opened(envelope(inner))
    assert [e.tag for e in env.content] == [
        f"{{{C}}}body",
        "{urn:xmpp:sid:0}origin-id",
        "{urn:xmpp:reply:0}reply",
    ]
    assert len(env.dropped) == 15 and "{urn:xmpp:sid:0}stanza-id" in env.dropped


def test_escape_and_quoteattr_write_what_saxutils_writes() -> None:
    alphabet = "ab&<>\"'\n\r\t é;"
    rng = random.Random(16)
    samples = ["", "plain", "a&b<c>d", 'say "hi"', "it's", "both \" and '", "x\ny\rz\tw"]
    samples += [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(3000)
    ]
    for text in samples:
        assert sce.escape(text) == saxutils.escape(text), text
        assert sce.quoteattr(text) == saxutils.quoteattr(text), text


def test_the_xmpp_backend_leaves_saxutils_urllib_and_email_out() -> None:
    code = (
        "import json, sys; import backends.xmpp.backend; "
        "print(json.dumps([m for m in ('xml.sax.saxutils', 'urllib.request', 'email', "
        "'importlib.metadata') if m in sys.modules]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
