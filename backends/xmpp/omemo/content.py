"""Which parts of a message stanza OMEMO encrypts, and how a decrypted stanza is put back together.

Sending, the payload the messaging service built is split in two: what the server and every client
must see stays outside (ids, hints, receipts, markers, chat states); the rest — the body and what
says something about it (reply, correction, fallback, links) — goes into the OMEMO 2 envelope
(XEP-0420). OMEMO 0.3 encrypts only the body, so when a stanza also carries a 0.3 element the few
things those clients need next to it (a correction's or reply's reference) stay outside as well,
as Conversations, Dino and Gajim send them.

Receiving, the ``<encrypted>`` element is replaced by what it held, and everything outside that is
*not* transport is dropped first (XEP-0420: sensitive elements found outside the envelope MUST be
ignored), so a server cannot slip a plaintext body, link or rich text into an encrypted message.
All functions work on plain ElementTree elements, in place, and never raise for bad input.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

from backends.xmpp import ns
from backends.xmpp.ns import q

TWOMEMO = "urn:xmpp:omemo:2"
OLDMEMO = "eu.siacs.conversations.axolotl"
EME = "urn:xmpp:eme:0"
SCE = "urn:xmpp:sce:1"
ADDRESSES = "http://jabber.org/protocol/address"

FALLBACK_BODY = "This message is encrypted with OMEMO, which your chat app does not support."
"""The plain body next to an OMEMO 0.3 element, for clients without OMEMO (0.3 clients expect one;
a stanza with only an OMEMO 2 element carries none, as XEP-0420 asks)."""

TRANSPORT = frozenset(
    {
        ns.SID,  # origin-id, stanza-id
        ns.HINTS,
        ns.RECEIPTS,
        ns.MARKERS,
        ns.CHATSTATES,
        ns.DELAY,
        ns.MUC_USER,  # a room's own additions (real JID of the sender)
        EME,
        ADDRESSES,
    }
)
"""Namespaces that stay outside the encryption in both directions."""

LEGACY_REFERENCES = frozenset({ns.CORRECT, ns.REPLY, ns.FALLBACK})
"""What OMEMO 0.3 clients read next to the encrypted body (they cannot read it inside)."""

_THREAD = q(ns.CLIENT, "thread")


def split_payload(children: Iterable[ET.Element]) -> tuple[list[ET.Element], list[ET.Element]]:
    """(outside, inside) for a message payload: ``inside`` goes into the OMEMO 2 envelope.

    Out-of-band links never stay outside: they would show the file (and an ``aesgcm://`` link
    its key) to the servers; an ``aesgcm://`` one is dropped altogether (XEP-0454: the link in
    the body is the attachment).
    """
    outside: list[ET.Element] = []
    inside: list[ET.Element] = []
    for child in children:
        namespace = _namespace(child)
        if namespace in TRANSPORT or child.tag == _THREAD:
            outside.append(child)
        elif namespace == ns.OOB and _oob_url(child).startswith("aesgcm:"):
            continue
        else:
            inside.append(child)
    return outside, inside


def legacy_references(inside: Iterable[ET.Element]) -> list[ET.Element]:
    """Copies of what OMEMO 0.3 clients need outside, next to the encrypted body (a correction's
    or reply's reference and its fallback range); they cannot read it inside."""
    return [_copy(child) for child in inside if _namespace(child) in LEGACY_REFERENCES]


def strip_outside(message: ET.Element, *, keep: frozenset[str] = TRANSPORT) -> None:
    """Remove every child of ``message`` whose namespace is not in ``keep`` (bodies, rich text,
    links, the encrypted elements themselves, a stray plaintext SCE envelope …)."""
    for child in list(message):
        tag: object = child.tag
        if not isinstance(tag, str):  # a comment
            message.remove(child)
            continue
        if child.tag == _THREAD:
            continue
        if _namespace(child) not in keep:
            message.remove(child)


def restore_twomemo(message: ET.Element, content: Iterable[ET.Element]) -> None:
    """An OMEMO 2 stanza as if it had been sent in plain: transport outside, content inside."""
    strip_outside(message)
    message.extend(content)


def restore_oldmemo(message: ET.Element, body: str) -> None:
    """An OMEMO 0.3 stanza as if sent in plain: the decrypted body replaces the fallback; only
    transport and the references 0.3 clients send outside are kept."""
    strip_outside(message, keep=TRANSPORT | LEGACY_REFERENCES)
    body_el = ET.SubElement(message, q(ns.CLIENT, "body"))
    body_el.text = body


def replace_with_notice(message: ET.Element, text: str) -> None:
    """A message that cannot be read: only its transport and a body saying so remain."""
    strip_outside(message)
    body_el = ET.SubElement(message, q(ns.CLIENT, "body"))
    body_el.text = text


def empty(message: ET.Element) -> None:
    """A heartbeat or key-transport message (no content): nothing to show remains, so the
    conversion reports no message (its ids and receipts still count)."""
    strip_outside(message)


def encrypted_elements(message: ET.Element) -> dict[str, ET.Element]:
    """The OMEMO elements of a stanza by namespace (the first of each kind)."""
    found: dict[str, ET.Element] = {}
    for namespace in (TWOMEMO, OLDMEMO):
        element = message.find(q(namespace, "encrypted"))
        if element is not None:
            found[namespace] = element
    return found


def eme(namespace: str) -> ET.Element:
    """XEP-0380: which encryption a stanza carries, for clients that cannot read it."""
    name = "OMEMO" if namespace == OLDMEMO else "OMEMO 2"
    return ET.Element(q(EME, "encryption"), {"namespace": namespace, "name": name})


def _namespace(element: ET.Element) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag[1:].partition("}")[0] if tag.startswith("{") else ""


def _oob_url(element: ET.Element) -> str:
    url = element.find(q(ns.OOB, "url"))
    return (url.text or "").strip().lower() if url is not None else ""


def _copy(element: ET.Element) -> ET.Element:
    return ET.fromstring(ET.tostring(element))
