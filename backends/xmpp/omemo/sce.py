"""XEP-0420 Stanza Content Encryption (``urn:xmpp:sce:1``): the ``<envelope>`` OMEMO 2 encrypts.

The sender puts the sensitive extension elements of a stanza into ``<content>``, adds affix
elements (``<rpad>``, ``<time>``, ``<from>``, ``<to>``) and encrypts the serialised envelope; the
receiver decrypts it, checks the affixes against the stanza around it, drops what only a server
may say, and puts the rest back into the stanza. This module is that envelope and nothing else: it
knows no OMEMO, no slixmpp and no network, so every rule is tested on its own
(``tests/unit/backends/xmpp/omemo/test_sce.py``).

Profile (XEP-0384 0.8+ §"SCE Profile", the only user so far):

- ``<rpad>``: always sent (random length, 0–:data:`RPAD_MAX` characters); never required of a sender
  and never rejected for its length (XEP-0420: longer paddings MUST NOT be rejected).
- ``<from>``: always sent; when present it must name the sender's bare JID, else the envelope is
  rejected.
- ``<to>``: always sent; required in group chats (so a server cannot turn a room message into a
  private one or back) and, when present, it must name the recipient's bare JID (the room's).
- ``<time>``: always sent (XEP-0082 DateTime); when present it must lie within
  :data:`TIME_PAST` before / :data:`TIME_FUTURE` after the time the stanza itself was sent (its
  delay stamp, else now). The double ratchet already refuses a replayed message key; this catches
  an old message re-wrapped later. The display time stays the server's (the store orders by it).
- Each affix at most once; unknown affixes (other profiles') are ignored.

Input is hostile: the plaintext is size-limited, must be well-formed, may carry no DTD, entity
declaration or processing instruction, and content children without a namespace or in a
namespace only a server may speak (:data:`SERVER_PROCESSED`, :data:`NEVER_FROM_CONTENT`) are
dropped, not obeyed.
"""

from __future__ import annotations

import secrets
import string
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from xml.parsers import expat

from slixmpp.jid import JID, InvalidJID

NS = "urn:xmpp:sce:1"
CLIENT = "jabber:client"
XML_NS = "http://www.w3.org/XML/1998/namespace"

MAX_ENVELOPE = 256 * 1024  # bytes of plaintext; a stanza is at most a few hundred KiB anyway
RPAD_MAX = 200  # XEP-0420: "random length between 0 and 200 characters"
TIME_PAST = timedelta(days=1)  # an envelope sealed this long before its stanza was sent: refused
TIME_FUTURE = timedelta(hours=1)  # a sender's clock may run this far ahead
_RPAD_ALPHABET = string.ascii_letters + string.digits + "-_.~!%^*"

SERVER_PROCESSED = frozenset(
    {
        "urn:xmpp:hints",  # XEP-0334: addressed to the server
        "http://jabber.org/protocol/address",  # XEP-0033: routing
        "urn:xmpp:eme:0",  # XEP-0380: says how the envelope is encrypted
    }
)
"""Namespaces XEP-0420 §7 keeps outside the envelope: never sent inside, ignored when found there."""

NEVER_FROM_CONTENT = frozenset(
    {
        "urn:xmpp:delay",  # a sender cannot date its message for the server
        "urn:xmpp:carbons:2",  # nor claim it is a carbon copy
        "urn:xmpp:forward:0",  # nor wrap another stanza in it
        "urn:xmpp:mam:2",  # nor pose as an archive result
        "http://jabber.org/protocol/muc#user",  # nor speak for a room (invitations, status codes)
        "http://jabber.org/protocol/pubsub#event",  # nor for a pubsub service
        "urn:xmpp:omemo:2",  # nor nest encryption
        "eu.siacs.conversations.axolotl",
        NS,
    }
)
"""Further namespaces whose elements only a server (or the encryption layer) may add to a stanza;
found inside ``<content>`` they are dropped like the server-processed ones."""

_STANZA_ID = "{urn:xmpp:sid:0}stanza-id"  # XEP-0359: the server's id, never the sender's
_CLIENT_ALLOWED = frozenset({"body", "subject", "thread"})


class SceError(ValueError):
    """An envelope that must be rejected; the text says why (for the log, not for a person)."""


@dataclass(frozen=True, slots=True)
class Envelope:
    """A decrypted envelope that passed the checks: its content and affixes."""

    content: tuple[ET.Element, ...]
    sender: str | None = None  # <from jid>, bare
    recipient: str | None = None  # <to jid>, bare
    stamp: datetime | None = None  # <time stamp>
    padding: int = 0  # length of <rpad>
    dropped: tuple[str, ...] = ()  # tags of content elements removed as not the sender's to say


# -- building ------------------------------------------------------------------------------------


def build(
    content: Iterable[ET.Element],
    *,
    sender: str,
    recipient: str,
    stamp: datetime | None = None,
    padding: int | None = None,
) -> bytes:
    """The serialised envelope for ``content`` (sender and recipient as bare JIDs).

    Raises ValueError for content that may not travel inside an envelope (a server-processed
    element, or one without a namespace): that is a bug of the caller, never input.
    """
    items = list(content)
    for item in items:
        problem = _forbidden(item)
        if problem:
            raise ValueError(f"{item.tag} cannot be encrypted: {problem}")
    envelope = ET.Element(f"{{{NS}}}envelope")
    holder = ET.SubElement(envelope, f"{{{NS}}}content")
    holder.extend(items)
    length = secrets.randbelow(RPAD_MAX + 1) if padding is None else padding
    ET.SubElement(envelope, f"{{{NS}}}rpad").text = "".join(
        secrets.choice(_RPAD_ALPHABET) for _ in range(length)
    )
    when = (stamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    ET.SubElement(envelope, f"{{{NS}}}time", stamp=when.strftime("%Y-%m-%dT%H:%M:%SZ"))
    ET.SubElement(envelope, f"{{{NS}}}to", jid=_bare(recipient) or recipient)
    ET.SubElement(envelope, f"{{{NS}}}from", jid=_bare(sender) or sender)
    return serialize(envelope)


def serialize(element: ET.Element) -> bytes:
    """``element`` as XML with default namespace declarations (``<envelope xmlns='…'>``), the
    shape every XMPP parser reads; ElementTree's own ``ns0:`` prefixes are valid but unusual."""
    out: list[str] = []
    _write(element, "", out)
    return "".join(out).encode("utf-8")


def _write(element: ET.Element, parent_ns: str, out: list[str]) -> None:
    namespace, name = _split(element.tag)
    parts = [name]
    if namespace != parent_ns:
        parts.append(f"xmlns={quoteattr(namespace)}")
    prefixes: dict[str, str] = {}
    for key, value in element.attrib.items():
        attr_ns, attr_name = _split(key)
        if not attr_ns:
            parts.append(f"{attr_name}={quoteattr(value)}")
        elif attr_ns == XML_NS:
            parts.append(f"xml:{attr_name}={quoteattr(value)}")
        else:
            prefix = prefixes.setdefault(attr_ns, f"a{len(prefixes)}")
            parts.append(f"{prefix}:{attr_name}={quoteattr(value)}")
    parts.extend(f"xmlns:{p}={quoteattr(n)}" for n, p in prefixes.items())
    out.append("<" + " ".join(parts))
    if element.text is None and len(element) == 0:
        out.append("/>")
    else:
        out.append(">")
        if element.text:
            out.append(escape(element.text))
        for child in element:
            if _is_element(child):  # comments and PIs are not copied
                _write(child, namespace, out)
            if child.tail:
                out.append(escape(child.tail))
        out.append(f"</{name}>")


def escape(text: str) -> str:
    """``xml.sax.saxutils.escape``: ``&``, ``<`` and ``>`` as entities. Written here because
    ``xml.sax.saxutils`` imports ``urllib.request`` and with it ``http.client`` and ``email``
    (0.9 MB in a process whose only account is XMPP; docs/performance.md, "Memory, session 9")."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(value: str) -> str:
    """``xml.sax.saxutils.quoteattr``: the value escaped (and its line ends and tabs as
    character references), in the quotes it does not contain (``"`` escaped if it has both)."""
    escaped = escape(value).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in escaped:
        return f'"{escaped}"'
    if "'" not in escaped:
        return f"'{escaped}'"
    return '"{}"'.format(escaped.replace('"', "&quot;"))


# -- opening ------------------------------------------------------------------------------------


def open_envelope(
    plaintext: bytes,
    *,
    sender: str,
    recipient: str,
    group: bool,
    sent: datetime | None = None,
) -> Envelope:
    """Check a decrypted envelope against the stanza it came in; raise :class:`SceError` if it
    must be rejected.

    ``sender`` and ``recipient`` are the bare JIDs the stanza says (in a room: the sender's real
    JID and the room), ``group`` whether it was a group chat message, ``sent`` when it was sent
    (the stanza's delay stamp; ``None``: now).
    """
    root = parse_xml(plaintext)
    if root.tag != f"{{{NS}}}envelope":
        raise SceError(f"not an SCE envelope: {root.tag}")
    affixes: dict[str, ET.Element] = {}
    contents: list[ET.Element] = []
    for child in root:
        if child.tag == f"{{{NS}}}content":
            contents.append(child)
            continue
        namespace, name = _split(child.tag)
        if namespace != NS:
            continue  # another profile's affix
        if name in affixes:
            raise SceError(f"more than one <{name}> affix")
        affixes[name] = child
    if len(contents) != 1:
        raise SceError(f"{len(contents)} <content> elements instead of one")
    claimed_from = _affix_jid(affixes.get("from"), "from")
    if claimed_from is not None and claimed_from != _bare(sender):
        raise SceError("the <from> affix names someone else than the sender")
    claimed_to = _affix_jid(affixes.get("to"), "to")
    if claimed_to is None and group:
        raise SceError("a group chat message without a <to> affix")
    if claimed_to is not None and claimed_to != _bare(recipient):
        raise SceError("the <to> affix names someone else than the recipient")
    stamp = None
    time_el = affixes.get("time")
    if time_el is not None:
        stamp = _parse_stamp(time_el.get("stamp"))
        if stamp is None:
            raise SceError("a <time> affix without a valid stamp")
        reference = sent or datetime.now(UTC)
        if stamp < reference - TIME_PAST or stamp > reference + TIME_FUTURE:
            raise SceError("the <time> affix is too far from when the stanza was sent")
    kept: list[ET.Element] = []
    dropped: list[str] = []
    for item in contents[0]:
        if not _is_element(item):
            continue  # a comment
        if _forbidden(item):
            dropped.append(item.tag)
        else:
            kept.append(item)
    rpad = affixes.get("rpad")
    return Envelope(
        content=tuple(kept),
        sender=claimed_from,
        recipient=claimed_to,
        stamp=stamp,
        padding=len(rpad.text or "") if rpad is not None else 0,
        dropped=tuple(dropped),
    )


def parse_xml(data: bytes) -> ET.Element:
    """Well-formed XML without DTD, entity declarations or processing instructions, at most
    :data:`MAX_ENVELOPE` bytes; :class:`SceError` otherwise."""
    if len(data) > MAX_ENVELOPE:
        raise SceError(f"an envelope of {len(data)} bytes is too large")

    def refuse(*_args: object) -> None:
        raise SceError("declarations and processing instructions are not allowed")

    checker = expat.ParserCreate()
    checker.StartDoctypeDeclHandler = refuse
    checker.EntityDeclHandler = refuse
    checker.ProcessingInstructionHandler = refuse
    try:
        checker.Parse(data, True)
        return ET.fromstring(data)
    except (expat.ExpatError, ET.ParseError) as exc:
        raise SceError(f"not well-formed XML: {exc}") from exc


# -- helpers ------------------------------------------------------------------------------------


def _forbidden(item: ET.Element) -> str:
    """Why ``item`` may not travel inside ``<content>`` ("" when it may)."""
    if not _is_element(item):
        return "not an element"
    namespace, name = _split(item.tag)
    if not namespace:
        return "no namespace"
    if namespace in SERVER_PROCESSED:
        return "processed by the server"
    if namespace in NEVER_FROM_CONTENT or item.tag == _STANZA_ID:
        return "only a server may say this"
    if namespace == CLIENT and name not in _CLIENT_ALLOWED:
        return "a stanza part, not content"
    return ""


def _is_element(item: ET.Element) -> bool:
    """Not a comment or processing instruction (whose ``tag`` is a function)."""
    tag: object = item.tag
    return isinstance(tag, str)


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        return namespace, name
    return "", tag


def _bare(text: str | None) -> str | None:
    if not text:
        return None
    try:
        bare = JID(text).bare
    except (InvalidJID, ValueError, TypeError):
        return None
    return bare or None


def _affix_jid(element: ET.Element | None, name: str) -> str | None:
    if element is None:
        return None
    bare = _bare(element.get("jid"))
    if bare is None:
        raise SceError(f"a <{name}> affix without a valid jid")
    return bare


def _parse_stamp(text: str | None) -> datetime | None:
    """XEP-0082 DateTime (``2004-01-25T06:05:00+01:00``, ``…Z``, optional fractions)."""
    if not text or "T" not in text:
        return None
    try:
        stamp = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is None:
        return None  # XEP-0082 DateTime requires a time zone
    return stamp.astimezone(UTC)
