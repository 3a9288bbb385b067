"""XEP-0425 message moderation: a room moderator removes someone's message for everyone.

Only the room itself may say a message was moderated: the live notice comes from the room's bare
JID, and the tombstone that replaces the message in the room's archive comes from that archive.
Anything else claiming it (an occupant, a contact in a 1:1 chat) is forged and dropped as
:class:`~app.facts.BadInput`. Both wire formats are read:

- ``urn:xmpp:message-moderate:1``: ``<retract id="stanza-id" xmlns="urn:xmpp:message-retract:1">
  <moderated by="room/nick" xmlns="urn:xmpp:message-moderate:1"/><reason/></retract>``, and
  its tombstone ``<retracted xmlns="…retract:1"><moderated …/><reason/></retracted>``;
- ``urn:xmpp:message-moderate:0`` (Prosody's mod_muc_moderation in Debian 12):
  ``<apply-to id="stanza-id" xmlns="urn:xmpp:fasten:0"><moderated by="room/nick"
  xmlns="…moderate:0"><retract xmlns="…retract:0"/><reason/></moderated></apply-to>``, and its
  tombstone ``<moderated by="…" xmlns="…moderate:0"><retracted xmlns="…retract:0"/><reason/>
  </moderated>``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass

from app import facts as f
from backends.xmpp import ns
from backends.xmpp.ns import q

MAX_REASON_CHARS = 1000  # a longer reason is cut: it is shown in one line of the timeline


@dataclass(frozen=True, slots=True)
class Moderation:
    """What one moderation element says: which message (``None``: the tombstone's own), by whom
    (the moderator's nick in the room, ``""`` when unsaid) and why."""

    target: str | None
    moderator: str
    reason: str


def _reason(parent: ET.Element) -> str:
    for tag in (q(ns.MODERATE, "reason"), q(ns.MODERATE_0, "reason"), q(ns.RETRACT, "reason")):
        el = parent.find(tag)
        if el is not None:
            return " ".join((el.text or "").split())[:MAX_REASON_CHARS]
    return ""


def _nick(moderated: ET.Element) -> str:
    by = moderated.get("by", "")
    return by.partition("/")[2] or by


def find(msg: ET.Element) -> Moderation | None:
    """The moderation ``msg`` carries, if any; a malformed one (no target) is returned with
    ``target=""`` so the caller drops it with a log line rather than reading it as a message."""
    retract = msg.find(q(ns.RETRACT, "retract"))
    if retract is not None:
        moderated = retract.find(q(ns.MODERATE, "moderated"))
        if moderated is not None:
            return Moderation(retract.get("id", ""), _nick(moderated), _reason(retract))
    fasten = msg.find(q(ns.FASTEN, "apply-to"))
    if fasten is not None:
        moderated = fasten.find(q(ns.MODERATE_0, "moderated"))
        if moderated is not None:
            if moderated.find(q(ns.RETRACT_0, "retract")) is None:
                return Moderation("", "", "")  # moderation without retraction: not a removal
            return Moderation(fasten.get("id", ""), _nick(moderated), _reason(moderated))
    retracted = msg.find(q(ns.RETRACT, "retracted"))
    if retracted is not None:
        moderated = retracted.find(q(ns.MODERATE, "moderated"))
        if moderated is not None:
            return Moderation(None, _nick(moderated), _reason(retracted))
    moderated = msg.find(q(ns.MODERATE_0, "moderated"))
    if moderated is not None and moderated.find(q(ns.RETRACT_0, "retracted")) is not None:
        return Moderation(None, _nick(moderated), _reason(moderated))
    return None


def fact(
    found: Moderation,
    room: str,
    from_room: bool,
    archive_id: str | None,
    resolve: Callable[[str, str], str],
) -> f.Fact:
    """The fact of a moderation ``found`` in a message of ``room``: believed only when the room
    said it (``from_room``: the room's bare JID live, or the room's own archive, whose tombstone
    keeps the removed message's sender and archive id ``archive_id``)."""
    if found.target is None:  # a tombstone: only the room's archive holds one
        target = archive_id if archive_id is not None else ""
    elif from_room:
        target = found.target
    else:
        return f.BadInput("moderation", f"a moderation in {room} not sent by the room")
    if not target:
        return f.BadInput("moderation", f"a moderation in {room} without a message id")
    return f.MessageModerated(room, resolve(room, target), found.moderator, found.reason)
