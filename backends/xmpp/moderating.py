"""Removing someone's message as a room moderator (XEP-0425), and what one room lets us do.

The request goes to the room, naming the message by the room's XEP-0359 stanza-id (our
``remote_id`` of a room message), in the form the room advertised in its disco#info:
``urn:xmpp:message-moderate:1`` (``<moderate id=…><retract/><reason/></moderate>``) or the older
``:0`` that Prosody's mod_muc_moderation in Debian 12 speaks (wrapped in XEP-0422 fastening).
The room then tells every occupant (:mod:`backends.xmpp.moderation` reads that).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from app.backend import Capability, Failure, FailureKind, Outcome
from app.i18n import CoreMessages
from app.models import ConversationId
from backends.xmpp import ns
from backends.xmpp.ns import q
from backends.xmpp.rooms import RoomService
from backends.xmpp.session import IqFailure, ServerFeatures, XmppSession

MAX_REASON_CHARS = 1000


def request(version: str, target: str, reason: str) -> ET.Element:
    """The IQ payload asking the room to remove message ``target`` (its stanza-id)."""
    reason = reason.strip()[:MAX_REASON_CHARS]
    if version == ns.MODERATE_0:
        outer = ET.Element(q(ns.FASTEN, "apply-to"), id=target)
        moderate = ET.SubElement(outer, q(ns.MODERATE_0, "moderate"))
        ET.SubElement(moderate, q(ns.RETRACT_0, "retract"))
    else:
        outer = moderate = ET.Element(q(ns.MODERATE, "moderate"), id=target)
        ET.SubElement(moderate, q(ns.RETRACT, "retract"))
    if reason:
        ET.SubElement(moderate, q(version, "reason")).text = reason
    return outer


def _failure(exc: IqFailure) -> Failure:
    if exc.condition in ("forbidden", "not-allowed", "not-authorized"):
        return Failure(
            FailureKind.REJECTED,
            CoreMessages.tr("Could not remove the message: you are not a moderator of this room."),
        )
    if exc.condition == "item-not-found":
        return Failure(
            FailureKind.REJECTED,
            CoreMessages.tr("Could not remove the message: the room no longer has it."),
        )
    return exc.failure(CoreMessages.tr("Could not remove the message"))


async def moderate(session: XmppSession, conv: ConversationId, target: str, reason: str) -> Outcome:
    """Ask the room ``conv`` to remove message ``target`` for everyone, saying ``reason``."""
    room = conv.native_id
    version = session.features.room_moderation.get(room, "")
    if not version:
        return Outcome(
            Failure(
                FailureKind.UNSUPPORTED,
                CoreMessages.tr("This room does not let moderators remove messages."),
            )
        )
    try:
        await session.iq("set", room, request(version, target, reason))
    except IqFailure as exc:
        return Outcome(_failure(exc))
    return Outcome()


def room_capabilities(
    caps: Capability, features: ServerFeatures, rooms: RoomService, conv: ConversationId
) -> Capability:
    """``caps`` narrowed to one room: its archive, and removing others' messages (when it
    offers that and we are one of its moderators)."""
    room = conv.native_id
    if features.room_mam.get(room, True):
        caps |= Capability.HISTORY
    else:
        caps &= ~Capability.HISTORY
    if features.room_moderation.get(room) and rooms.own_standing(room)[1] == "moderator":
        caps |= Capability.MODERATION
    return caps
