"""Avatars over XMPP: User Avatar (XEP-0084) first, vCard-temp (XEP-0153/XEP-0054) as the
fallback, and room pictures (XEP-0486).

What tells us a picture changed:
- a PEP notification of ``urn:xmpp:avatar:metadata`` from a contact (we announce
  ``…metadata+notify`` in our entity capabilities, XEP-0115, so the server sends the last one
  on sign-in and every change after);
- ``vcard-temp:x:update`` in presence (XEP-0153): from a contact, from an occupant of a room
  (their picture inside that room), or from a room's own bare JID (XEP-0486; Prosody's
  mod_vcard_muc sends it on join and on change).

Each becomes an :class:`~app.facts.AvatarChanged` whose ref is ``"<sha1> <where to ask>"``;
the core asks :meth:`AvatarService.fetch` for refs it has not stored. A bare JID is asked for
its XEP-0084 data item first (checked against the SHA-1 it is named by) and for its vCard if
that fails; an occupant (whose real JID we may not know) and a room are asked for their vCard.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

from app import facts as f
from app.backend import AvatarImage, Failure, FailureKind
from app.i18n import CoreMessages
from backends.xmpp import bookmarks
from backends.xmpp.convert import jid
from backends.xmpp.ns import q
from backends.xmpp.session import IqFailure, XmppSession

AVATAR_DATA = "urn:xmpp:avatar:data"
AVATAR_METADATA = "urn:xmpp:avatar:metadata"
VCARD = "vcard-temp"
VCARD_UPDATE = "vcard-temp:x:update"
PUBSUB = "http://jabber.org/protocol/pubsub"
PUBSUB_EVENT = "http://jabber.org/protocol/pubsub#event"
MUC_USER = "http://jabber.org/protocol/muc#user"
CAPS_NODE = "https://chinwag.im/caps"
# Avatars, and our bookmarks changed on another device (XEP-0402).
NOTIFY_FEATURES = (f"{AVATAR_METADATA}+notify", bookmarks.NOTIFY)
AVATAR_TIMEOUT = 20.0

_SHA1 = re.compile(r"[0-9a-f]{40}")


def _hash(text: str | None) -> str | None:
    """A SHA-1 in lower-case hex, "" for an explicit "no picture", None when malformed."""
    value = (text or "").strip().lower()
    if not value:
        return ""
    return value if _SHA1.fullmatch(value) else None


def presence_avatar(pres: ET.Element, is_room: Callable[[str], bool]) -> f.AvatarChanged | None:
    """The avatar a presence announces (XEP-0153), or None when it says nothing about one.

    ``is_room`` tells a room's own presence (XEP-0486) apart from a contact's, and an occupant
    apart from a contact's device.
    """
    if pres.get("type") not in (None, "available"):
        return None
    update = pres.find(q(VCARD_UPDATE, "x"))
    if update is None:
        return None
    photo = update.find(q(VCARD_UPDATE, "photo"))
    if photo is None:  # "not ready to advertise": says nothing
        return None
    digest = _hash(photo.text)
    sender = jid(pres.get("from"))
    if digest is None or sender is None or not sender.bare:
        return None
    user = pres.find(q(MUC_USER, "x"))
    if sender.resource and (user is not None or is_room(sender.bare)):
        item = user.find(q(MUC_USER, "item")) if user is not None else None
        real = jid(item.get("jid")) if item is not None else None
        target = real.bare if real is not None and real.bare else sender.full
        ref = f"{digest} {target}" if digest else ""
        return f.AvatarChanged(sender.resource, ref, conversation=sender.bare)
    ref = f"{digest} {sender.bare}" if digest else ""
    return f.AvatarChanged(sender.bare, ref)


def pep_avatar(msg: ET.Element) -> f.AvatarChanged | None:
    """A User Avatar metadata notification (XEP-0084 §4.3), or None for any other message."""
    event = msg.find(q(PUBSUB_EVENT, "event"))
    if event is None:
        return None
    items = event.find(q(PUBSUB_EVENT, "items"))
    if items is None or items.get("node") != AVATAR_METADATA:
        return None
    sender = jid(msg.get("from"))
    if sender is None or not sender.bare:
        return None
    item = items.find(q(PUBSUB_EVENT, "item"))
    if item is None:
        return None
    metadata = item.find(q(AVATAR_METADATA, "metadata"))
    if metadata is None:
        return None
    infos = metadata.findall(q(AVATAR_METADATA, "info"))
    if not infos:  # an empty <metadata/>: the picture was taken down
        return f.AvatarChanged(sender.bare, "")
    # Prefer PNG (every client must publish one), else the first one published in-band.
    inband = [i for i in infos if not i.get("url")]
    chosen = next(
        (i for i in inband if i.get("type") == "image/png"), inband[0] if inband else None
    )
    digest = _hash(chosen.get("id") if chosen is not None else item.get("id"))
    if not digest:
        return None
    return f.AvatarChanged(sender.bare, f"{digest} {sender.bare}")


def vcard_photo(vcard: ET.Element | None) -> AvatarImage | None:
    if vcard is None:
        return None
    photo = vcard.find(q(VCARD, "PHOTO"))
    if photo is None:
        return None
    try:
        data = base64.b64decode("".join((photo.findtext(q(VCARD, "BINVAL")) or "").split()))
    except (binascii.Error, ValueError):
        return None
    return AvatarImage(data, (photo.findtext(q(VCARD, "TYPE")) or "").strip()) if data else None


class AvatarService:
    """Avatar facts from stanzas, and the pictures behind them on request."""

    def __init__(self, session: XmppSession) -> None:
        self.session = session

    def prepare(self, client: Any) -> None:
        """Entity capabilities with ``+notify`` for avatar metadata and bookmarks (the server's
        PEP service pushes notifications only to clients that say so in their caps)."""
        client.register_plugin("xep_0115", {"caps_node": CAPS_NODE})
        disco = client.plugin["xep_0030"]
        for feature in NOTIFY_FEATURES:
            disco.add_feature(feature)

    async def announce(self) -> None:
        """Compute our caps before the first presence leaves (it carries them)."""
        await self.session.client.plugin["xep_0030"].update_caps(broadcast=False)

    def on_presence(self, pres: ET.Element, is_room: Callable[[str], bool]) -> None:
        fact = presence_avatar(pres, is_room)
        if fact is not None:
            self.session.ctx.report(fact)

    def on_message(self, msg: ET.Element) -> bool:
        """Report a metadata notification; True when the message was one (nothing else in it)."""
        fact = pep_avatar(msg)
        if fact is None:
            return msg.find(q(PUBSUB_EVENT, "event")) is not None and _is_avatar_event(msg)
        self.session.ctx.report(fact)
        return True

    async def fetch(self, ref: str) -> AvatarImage | Failure:
        digest, _, target = ref.partition(" ")
        address = jid(target)
        if not _SHA1.fullmatch(digest) or address is None:
            return Failure(FailureKind.PROTOCOL, CoreMessages.tr("Not an XMPP avatar reference."))
        if not address.resource:
            image = await self._pep_data(address.bare, digest)
            if image is not None:
                return image
        try:
            result = await self.session.iq(
                "get", address.full, ET.Element(q(VCARD, "vCard")), timeout=AVATAR_TIMEOUT
            )
        except IqFailure as exc:
            return Failure(
                FailureKind.REJECTED,
                CoreMessages.tr("No picture was given: %1.").arg(exc.condition),
            )
        image = vcard_photo(result.find(q(VCARD, "vCard")))
        if image is None:
            return Failure(FailureKind.PROTOCOL, CoreMessages.tr("The vCard has no picture."))
        if hashlib.sha1(image.data, usedforsecurity=False).hexdigest() != digest:
            # XEP-0153: the hash names the picture; another one is not the one announced.
            return Failure(
                FailureKind.PROTOCOL, CoreMessages.tr("The picture does not match its hash.")
            )
        return image

    async def _pep_data(self, owner: str, digest: str) -> AvatarImage | None:
        pubsub = ET.Element(q(PUBSUB, "pubsub"))
        items = ET.SubElement(pubsub, q(PUBSUB, "items"), node=AVATAR_DATA)
        ET.SubElement(items, q(PUBSUB, "item"), id=digest)
        try:
            result = await self.session.iq("get", owner, pubsub, timeout=AVATAR_TIMEOUT)
        except IqFailure:
            return None
        for item in result.iter(q(PUBSUB, "item")):
            if item.get("id") != digest:
                continue
            try:
                data = base64.b64decode(
                    "".join((item.findtext(q(AVATAR_DATA, "data")) or "").split())
                )
            except (binascii.Error, ValueError):
                return None
            # XEP-0084: the item id is the SHA-1 of the image; anything else is not that picture.
            if hashlib.sha1(data, usedforsecurity=False).hexdigest() != digest:
                self.session.ctx.logger.info("an avatar did not match its hash; dropped")
                return None
            return AvatarImage(data)
        return None


def _is_avatar_event(msg: ET.Element) -> bool:
    items = msg.find(f"{q(PUBSUB_EVENT, 'event')}/{q(PUBSUB_EVENT, 'items')}")
    return items is not None and items.get("node") in (AVATAR_METADATA, AVATAR_DATA)
