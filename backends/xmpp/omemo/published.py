"""What the server's PEP says about OMEMO devices, read without the OMEMO stack.

The stack (slixmpp-omemo, ``oldmemo``, ``twomemo`` and their XML schemas) costs ~23 MB and ~1.6 s
of CPU, so it is loaded only when needed (see :mod:`backends.xmpp.omemo.engine`). Until then, a few
plain pubsub requests answer what must be known: whether a person has an OMEMO device at all (a
1:1 conversation with them would be encrypted), and whether our own device is still published as
we left it — listed in both device lists, with both bundles, their pre-keys and our identity key —
so that others can go on encrypting to us while the stack is not loaded. Device-list notifications
that arrive meanwhile are read here too.

Formats (XEP-0384 0.8 for OMEMO 2; the 0.3 layout for ``eu.siacs.conversations.axolotl``):

- device lists: node ``urn:xmpp:omemo:2:devices``, ``<devices><device id=…/></devices>``; node
  ``eu.siacs.conversations.axolotl.devicelist``, ``<list><device id=…/></list>``;
- bundles: node ``urn:xmpp:omemo:2:bundles``, item id = device id, ``<bundle>`` with ``<ik>`` and
  ``<prekeys><pk id=…>``; node ``eu.siacs.conversations.axolotl.bundles:<device id>``,
  ``<bundle>`` with ``<prekeys><preKeyPublic preKeyId=…>``.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from backends.xmpp import convert
from backends.xmpp.ns import q
from backends.xmpp.omemo.content import OLDMEMO, TWOMEMO
from backends.xmpp.session import IqFailure, XmppSession

PUBSUB = "http://jabber.org/protocol/pubsub"
PUBSUB_EVENT = "http://jabber.org/protocol/pubsub#event"
NAMESPACES = (TWOMEMO, OLDMEMO)
DEVICE_LIST_NODES = {
    TWOMEMO: "urn:xmpp:omemo:2:devices",
    OLDMEMO: "eu.siacs.conversations.axolotl.devicelist",
}
NAMESPACE_OF_NODE = {node: namespace for namespace, node in DEVICE_LIST_NODES.items()}
PRE_KEYS = 100
"""python-omemo publishes 100 pre-keys and refills to 100 as soon as one is used (its refill
threshold is 99): fewer on the server means a bundle upload that did not happen."""
PROBE_TIMEOUT = 10.0
_MISSING = ("item-not-found",)


@dataclass(frozen=True, slots=True)
class DeviceListEvent:
    """A device-list notification: whose list, in which version, and the device ids in it."""

    bare: str
    namespace: str
    device_ids: frozenset[int]


def parse_device_list(payload: ET.Element | None, namespace: str) -> frozenset[int]:
    """The device ids in a device list's payload (``<devices>`` or ``<list>``)."""
    if payload is None:
        return frozenset()
    out: set[int] = set()
    for device in payload.findall(q(namespace, "device")):
        try:
            device_id = int(device.get("id", ""))
        except ValueError:
            continue
        if device_id > 0:
            out.add(device_id)
    return frozenset(out)


def _payload(item: ET.Element | None, namespace: str) -> ET.Element | None:
    if item is None:
        return None
    for child in item:
        if isinstance(child.tag, str) and child.tag.startswith(f"{{{namespace}}}"):
            return child
    return None


def device_list_event(message: ET.Element) -> DeviceListEvent | None:
    """The device-list notification a ``<message>`` carries, if it is one (XEP-0060 event)."""
    event = message.find(q(PUBSUB_EVENT, "event"))
    items = None if event is None else event.find(q(PUBSUB_EVENT, "items"))
    if items is None:
        return None
    namespace = NAMESPACE_OF_NODE.get(items.get("node", ""))
    sender = convert.jid(message.get("from"))
    if namespace is None or sender is None or not sender.user:
        return None
    item = items.find(q(PUBSUB_EVENT, "item"))
    ids = parse_device_list(_payload(item, namespace), namespace)
    return DeviceListEvent(sender.bare, namespace, ids)


async def _items(
    session: XmppSession, jid: str, node: str, item_id: str | None = None
) -> ET.Element | None:
    """The first item of ``node`` at ``jid`` (None: the node or the item does not exist)."""
    pubsub = ET.Element(q(PUBSUB, "pubsub"))
    items = ET.SubElement(pubsub, q(PUBSUB, "items"), node=node)
    if item_id is not None:
        ET.SubElement(items, q(PUBSUB, "item"), id=item_id)
    else:
        items.set("max_items", "1")
    try:
        result = await session.iq("get", jid, pubsub, timeout=PROBE_TIMEOUT)
    except IqFailure as exc:
        if exc.condition in _MISSING:
            return None
        if item_id is not None or exc.condition not in ("bad-request", "feature-not-implemented"):
            raise
        # Some services refuse max_items (slixmpp-omemo retries the same way).
        del items.attrib["max_items"]
        try:
            result = await session.iq("get", jid, pubsub, timeout=PROBE_TIMEOUT)
        except IqFailure as again:
            if again.condition in _MISSING:
                return None
            raise
    found = result.find(f"{q(PUBSUB, 'pubsub')}/{q(PUBSUB, 'items')}")
    return None if found is None else found.find(q(PUBSUB, "item"))


async def device_ids(session: XmppSession, bare: str, namespace: str) -> frozenset[int]:
    """The ids in ``bare``'s published device list of ``namespace`` (empty: none published).
    Raises :class:`IqFailure` when the server could not tell."""
    item = await _items(session, bare, DEVICE_LIST_NODES[namespace])
    return parse_device_list(_payload(item, namespace), namespace)


async def all_device_ids(session: XmppSession, bare: str) -> dict[str, frozenset[int]]:
    """Both versions' published device lists of ``bare``, asked at once."""
    found = await asyncio.gather(*(device_ids(session, bare, ns) for ns in NAMESPACES))
    return dict(zip(NAMESPACES, found, strict=True))


async def own_device_problem(session: XmppSession, device_id: int, identity_key: bytes) -> str:
    """Why our device is not published as python-omemo left it ("" when it is): missing from a
    device list, a bundle missing, short of pre-keys, or with another identity key. Anything
    the server will not answer counts as a problem too (the stack then checks it properly)."""
    own = session.own_jid
    try:
        lists, two, old = await asyncio.gather(
            all_device_ids(session, own),
            _items(session, own, "urn:xmpp:omemo:2:bundles", str(device_id)),
            _items(session, own, f"{OLDMEMO}.bundles:{device_id}"),
        )
    except IqFailure as exc:
        return f"the server did not answer about our devices ({exc.condition})"
    for namespace, ids in lists.items():
        if device_id not in ids:
            return f"this device is not in the {namespace} device list"
    two_bundle, old_bundle = _payload(two, TWOMEMO), _payload(old, OLDMEMO)
    if two_bundle is None or old_bundle is None:
        return "a bundle of this device is not published"
    two_keys = two_bundle.findall(f"{q(TWOMEMO, 'prekeys')}/{q(TWOMEMO, 'pk')}")
    old_keys = old_bundle.findall(f"{q(OLDMEMO, 'prekeys')}/{q(OLDMEMO, 'preKeyPublic')}")
    if min(len(two_keys), len(old_keys)) < PRE_KEYS:
        return f"a bundle has {min(len(two_keys), len(old_keys))} pre-keys, not {PRE_KEYS}"
    try:
        published = base64.b64decode((two_bundle.findtext(q(TWOMEMO, "ik")) or "").strip())
    except (binascii.Error, ValueError):
        published = b""
    if published != identity_key:
        return "the published identity key is not this device's"
    return ""
