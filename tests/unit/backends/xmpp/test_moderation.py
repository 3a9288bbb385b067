"""XEP-0425 moderation as it comes off the wire: believed only from the room, both formats."""

from __future__ import annotations

import asyncio
import xml.etree.ElementTree as ET
from typing import cast

import pytest

from app import facts as f
from app.backend import Capability, Outcome
from app.models import ConversationId
from backends.xmpp import convert, moderating
from backends.xmpp.rooms import RoomService
from backends.xmpp.session import IqFailure, ServerFeatures, XmppSession
from tests.unit.backends.xmpp.test_convert import CTX, ME, PEER, ROOM, only, xml

MOD1 = "urn:xmpp:message-moderate:1"
MOD0 = "urn:xmpp:message-moderate:0"
RETRACT1 = "urn:xmpp:message-retract:1"
RETRACT0 = "urn:xmpp:message-retract:0"
FASTEN = "urn:xmpp:fasten:0"

# What Prosody's mod_muc_moderation (Debian 12) broadcasts, and the newer XEP-0425 notice.
NOTICE_0 = f"""<message from='{{sender}}' to='{ME}/c' type='groupchat' id='n1'>
  <apply-to xmlns='{FASTEN}' id='r-1'><moderated xmlns='{MOD0}' by='{ROOM}/boss'>
  <retract xmlns='{RETRACT0}'/><reason>spam  and
  abuse</reason></moderated></apply-to></message>"""
NOTICE_1 = f"""<message from='{{sender}}' to='{ME}/c' type='groupchat' id='n2'>
  <retract xmlns='{RETRACT1}' id='r-1'><moderated xmlns='{MOD1}' by='{ROOM}/boss'>
  <occupant-id xmlns='urn:xmpp:occupant-id:0' id='x'/></moderated><reason>spam</reason>
  </retract><body>This message has been moderated.</body></message>"""


@pytest.mark.parametrize(
    ("stanza", "reason"), [(NOTICE_0, "spam and abuse"), (NOTICE_1, "spam")], ids=["v0", "v1"]
)
def test_the_rooms_notice_removes_the_message(stanza: str, reason: str) -> None:
    fact = only(convert.parse_message(xml(stanza.format(sender=ROOM)), CTX))
    assert fact == f.MessageModerated(ROOM, "r-1", "boss", reason)


@pytest.mark.parametrize("stanza", [NOTICE_0, NOTICE_1], ids=["v0", "v1"])
def test_an_occupant_claiming_a_moderation_is_dropped(stanza: str) -> None:
    fact = only(convert.parse_message(xml(stanza.format(sender=f"{ROOM}/mallory")), CTX))
    assert isinstance(fact, f.BadInput) and fact.what == "moderation"


@pytest.mark.parametrize("stanza", [NOTICE_0, NOTICE_1], ids=["v0", "v1"])
def test_a_contact_claiming_a_moderation_in_a_chat_is_dropped(stanza: str) -> None:
    chat = stanza.format(sender=f"{PEER}/x").replace("groupchat", "chat")
    fact = only(convert.parse_message(xml(chat), CTX))
    assert isinstance(fact, f.BadInput) and fact.what == "moderation"


def test_a_room_we_are_not_in_cannot_moderate() -> None:
    stanza = NOTICE_0.format(sender="other@muc.example.org")
    fact = only(convert.parse_message(xml(stanza), CTX))
    assert isinstance(fact, f.BadInput) and fact.what == "groupchat"


@pytest.mark.parametrize(
    "stanza",
    [
        f"""<message from='{ROOM}' type='groupchat'><apply-to xmlns='{FASTEN}'>
            <moderated xmlns='{MOD0}' by='{ROOM}/boss'><retract xmlns='{RETRACT0}'/></moderated>
            </apply-to></message>""",
        f"""<message from='{ROOM}' type='groupchat'><retract xmlns='{RETRACT1}'>
            <moderated xmlns='{MOD1}' by='{ROOM}/boss'/></retract></message>""",
        f"""<message from='{ROOM}' type='groupchat'><apply-to xmlns='{FASTEN}' id='r-1'>
            <moderated xmlns='{MOD0}' by='{ROOM}/boss'/></apply-to></message>""",
        f"""<message from='{ROOM}' type='groupchat'><retracted xmlns='{RETRACT1}'>
            <moderated xmlns='{MOD1}' by='{ROOM}/boss'/></retracted></message>""",
    ],
    ids=["v0-no-id", "v1-no-id", "v0-not-a-retraction", "tombstone-live"],
)
def test_a_malformed_moderation_is_dropped(stanza: str) -> None:
    fact = only(convert.parse_message(xml(stanza), CTX))
    assert isinstance(fact, f.BadInput) and fact.what == "moderation"


def _archived(inner: str, archive_id: str = "r-1", archive_of: str = ROOM) -> convert.ParsedMessage:
    result = xml(
        f"""<result xmlns='urn:xmpp:mam:2' id='{archive_id}'>
        <forwarded xmlns='urn:xmpp:forward:0'><delay xmlns='urn:xmpp:delay'
        stamp='2026-12-06T10:00:00Z'/>{inner}</forwarded></result>"""
    )
    return convert.parse_archived(result, archive_of, CTX)


# The tombstones that replace the removed message in the room's archive (same id and sender).
TOMBSTONE_0 = f"""<message from='{ROOM}/alice' type='groupchat' id='g1'>
  <moderated xmlns='{MOD0}' by='{ROOM}/boss'><retracted xmlns='{RETRACT0}'
  stamp='2026-12-06T10:01:00Z'/><reason>spam</reason></moderated></message>"""
TOMBSTONE_1 = f"""<message from='{ROOM}/alice' type='groupchat' id='g1'>
  <retracted xmlns='{RETRACT1}' stamp='2026-12-06T10:01:00Z'><moderated xmlns='{MOD1}'
  by='{ROOM}/boss'/><reason>spam</reason></retracted></message>"""


@pytest.mark.parametrize("stanza", [TOMBSTONE_0, TOMBSTONE_1], ids=["v0", "v1"])
def test_the_rooms_archive_tombstone_removes_the_message(stanza: str) -> None:
    fact = only(_archived(stanza))
    assert fact == f.MessageModerated(ROOM, "r-1", "boss", "spam")


def test_the_archived_notice_counts_too() -> None:
    fact = only(_archived(NOTICE_1.format(sender=ROOM), archive_id="r-9"))
    assert fact == f.MessageModerated(ROOM, "r-1", "boss", "spam")


def test_a_tombstone_in_our_own_archive_is_dropped() -> None:
    chat = TOMBSTONE_0.replace(f"{ROOM}/alice", f"{PEER}/x").replace("groupchat", "chat")
    fact = only(_archived(chat, archive_of=ME))
    assert isinstance(fact, f.BadInput) and fact.what == "moderation"


def test_a_moderation_without_a_moderator_is_kept_unnamed() -> None:
    stanza = f"""<message from='{ROOM}' type='groupchat'><retract xmlns='{RETRACT1}' id='r-2'>
        <moderated xmlns='{MOD1}'/></retract></message>"""
    assert only(convert.parse_message(xml(stanza), CTX)) == f.MessageModerated(ROOM, "r-2")


# -- asking the room -----------------------------------------------------------------------------


class RoomStub:
    """What :func:`moderating.moderate` uses of a session: the room's features and one IQ."""

    def __init__(self, version: str, error: str = "") -> None:
        self.features = ServerFeatures(room_moderation={ROOM: version})
        self.error = error
        self.sent: list[tuple[str, str | None, str]] = []

    async def iq(self, itype: str, to: str | None, payload: ET.Element) -> ET.Element:
        self.sent.append((itype, to, ET.tostring(payload, encoding="unicode")))
        if self.error:
            raise IqFailure(self.error)
        return ET.Element("iq")


def _moderate(stub: RoomStub, reason: str = "spam") -> Outcome:
    conv = ConversationId("acc", ROOM)
    return asyncio.run(moderating.moderate(cast(XmppSession, stub), conv, "r-1", reason))


def test_the_request_takes_the_form_prosody_reads() -> None:
    stub = RoomStub(MOD0)
    assert _moderate(stub).ok
    ((itype, to, payload),) = stub.sent
    assert (itype, to) == ("set", ROOM)
    el = ET.fromstring(payload)
    assert el.tag == f"{{{FASTEN}}}apply-to" and el.get("id") == "r-1"
    moderate = el.find(f"{{{MOD0}}}moderate")
    assert moderate is not None and moderate.find(f"{{{RETRACT0}}}retract") is not None
    assert moderate.findtext(f"{{{MOD0}}}reason") == "spam"


def test_the_current_request_names_the_message_in_moderate() -> None:
    stub = RoomStub(MOD1)
    assert _moderate(stub, reason="  ").ok
    el = ET.fromstring(stub.sent[0][2])
    assert el.tag == f"{{{MOD1}}}moderate" and el.get("id") == "r-1"
    assert el.find(f"{{{RETRACT1}}}retract") is not None
    assert el.find(f"{{{MOD1}}}reason") is None  # no reason given: none sent


@pytest.mark.parametrize(
    ("version", "error", "says"),
    [
        (MOD0, "forbidden", "not a moderator"),
        (MOD0, "item-not-found", "no longer has it"),
        (MOD1, "internal-server-error", "internal server error"),
        ("", "", "does not let moderators"),
    ],
)
def test_a_refusal_is_a_clear_failure(version: str, error: str, says: str) -> None:
    stub = RoomStub(version, error)
    outcome = _moderate(stub)
    assert not outcome.ok and outcome.failure is not None and says in outcome.failure.message
    assert len(stub.sent) == (1 if version else 0)


class StandingStub:
    def __init__(self, role: str) -> None:
        self.role = role

    def own_standing(self, room: str) -> tuple[str | None, str]:
        return ("member", self.role) if room == ROOM else (None, "")


@pytest.mark.parametrize(
    ("advertised", "role", "offered"),
    [
        (MOD0, "moderator", True),
        (MOD1, "moderator", True),
        ("", "moderator", False),
        (MOD0, "participant", False),
        (MOD1, "visitor", False),
    ],
)
def test_removing_is_offered_to_moderators_of_rooms_that_allow_it(
    advertised: str, role: str, offered: bool
) -> None:
    features = ServerFeatures(room_moderation={ROOM: advertised})
    rooms = cast(RoomService, StandingStub(role))
    caps = moderating.room_capabilities(
        Capability.GROUP_CHAT, features, rooms, ConversationId("acc", ROOM)
    )
    assert bool(caps & Capability.MODERATION) is offered
    assert caps & Capability.HISTORY  # an archive is assumed until the room says otherwise
