"""Which parts of a stanza are encrypted, and how decrypted stanzas are put back together."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from backends.xmpp.omemo import content

C = "{jabber:client}"


def stanza(inner: str) -> ET.Element:
    return ET.fromstring(f"<message xmlns='jabber:client' type='chat'>{inner}</message>")


def tags(elements: list[ET.Element] | ET.Element) -> list[str]:
    return [e.tag for e in elements]


PAYLOAD = (
    "<origin-id xmlns='urn:xmpp:sid:0' id='txn'/>"
    "<request xmlns='urn:xmpp:receipts'/>"
    "<markable xmlns='urn:xmpp:chat-markers:0'/>"
    "<active xmlns='http://jabber.org/protocol/chatstates'/>"
    "<thread>t1</thread>"
    "<reply xmlns='urn:xmpp:reply:0' id='m1'/>"
    "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:reply:0'><body start='0' end='3'/></fallback>"
    "<replace xmlns='urn:xmpp:message-correct:0' id='m0'/>"
    "<x xmlns='jabber:x:oob'><url>https://example.org/a.png</url></x>"
    "<x xmlns='jabber:x:oob'><url>aesgcm://example.org/b.png#00</url></x>"
)


def test_transport_stays_outside_and_content_goes_in() -> None:
    outside, inside = content.split_payload(list(stanza(PAYLOAD)))
    assert tags(outside) == [
        "{urn:xmpp:sid:0}origin-id",
        "{urn:xmpp:receipts}request",
        "{urn:xmpp:chat-markers:0}markable",
        "{http://jabber.org/protocol/chatstates}active",
        f"{C}thread",
    ]
    assert tags(inside) == [
        "{urn:xmpp:reply:0}reply",
        "{urn:xmpp:fallback:0}fallback",
        "{urn:xmpp:message-correct:0}replace",
        "{jabber:x:oob}x",  # the https link; the aesgcm one is the body's
    ]
    assert inside[-1].findtext("{jabber:x:oob}url") == "https://example.org/a.png"


def test_omemo_03_clients_get_references_outside_as_copies() -> None:
    _, inside = content.split_payload(list(stanza(PAYLOAD)))
    extra = content.legacy_references(inside)
    assert tags(extra) == [
        "{urn:xmpp:reply:0}reply",
        "{urn:xmpp:fallback:0}fallback",
        "{urn:xmpp:message-correct:0}replace",
    ]
    assert all(a is not b for a, b in zip(extra, inside, strict=False))


HOSTILE_OUTSIDE = (
    "<body>fallback text the server could have changed</body>"
    "<html xmlns='http://jabber.org/protocol/xhtml-im'><body xmlns='http://www.w3.org/1999/xhtml'>"
    "<b>injected</b></body></html>"
    "<x xmlns='jabber:x:oob'><url>https://evil.example/x</url></x>"
    "<reply xmlns='urn:xmpp:reply:0' id='forged'/>"
    "<envelope xmlns='urn:xmpp:sce:1'><content><body xmlns='jabber:client'>plain</body></content></envelope>"
    "<stanza-id xmlns='urn:xmpp:sid:0' id='s1' by='me@example.org'/>"
    "<delay xmlns='urn:xmpp:delay' stamp='2026-01-01T00:00:00Z'/>"
    "<store xmlns='urn:xmpp:hints'/>"
    "<encryption xmlns='urn:xmpp:eme:0' namespace='urn:xmpp:omemo:2'/>"
    "<encrypted xmlns='urn:xmpp:omemo:2'><header sid='1'/></encrypted>"
    "<!-- note -->"
)


def test_an_omemo2_stanza_keeps_only_transport_outside() -> None:
    message = stanza(HOSTILE_OUTSIDE)
    body = ET.Element(f"{C}body")
    body.text = "the real text"
    content.restore_twomemo(message, [body])
    assert tags(message) == [
        "{urn:xmpp:sid:0}stanza-id",
        "{urn:xmpp:delay}delay",
        "{urn:xmpp:hints}store",
        "{urn:xmpp:eme:0}encryption",
        f"{C}body",
    ]
    assert message.findtext(f"{C}body") == "the real text"


def test_an_omemo03_stanza_gets_its_body_and_keeps_its_references() -> None:
    message = stanza(HOSTILE_OUTSIDE + "<encrypted xmlns='eu.siacs.conversations.axolotl'/>")
    content.restore_oldmemo(message, "decrypted")
    assert message.findall(f"{C}body")[0].text == "decrypted"
    assert len(message.findall(f"{C}body")) == 1
    assert message.find("{urn:xmpp:reply:0}reply") is not None  # 0.3 sends it outside
    assert message.find("{http://jabber.org/protocol/xhtml-im}html") is None
    assert message.find("{jabber:x:oob}x") is None
    assert not content.encrypted_elements(message)


def test_notices_and_heartbeats() -> None:
    message = stanza(HOSTILE_OUTSIDE)
    content.replace_with_notice(message, "could not be decrypted")
    assert [b.text for b in message.findall(f"{C}body")] == ["could not be decrypted"]
    assert message.find("{http://jabber.org/protocol/xhtml-im}html") is None
    heartbeat = stanza(HOSTILE_OUTSIDE)
    content.empty(heartbeat)
    assert heartbeat.find(f"{C}body") is None and not content.encrypted_elements(heartbeat)
    assert heartbeat.find("{urn:xmpp:sid:0}stanza-id") is not None


def test_encrypted_elements_and_names() -> None:
    both = stanza(
        "<encrypted xmlns='urn:xmpp:omemo:2'/><encrypted xmlns='eu.siacs.conversations.axolotl'/>"
    )
    assert sorted(content.encrypted_elements(both)) == [content.OLDMEMO, content.TWOMEMO]
    assert content.encrypted_elements(stanza("<body>plain</body>")) == {}
    assert content.eme(content.OLDMEMO).get("name") == "OMEMO"
    assert content.eme(content.TWOMEMO).get("namespace") == "urn:xmpp:omemo:2"
