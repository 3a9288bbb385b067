"""When a conversation is encrypted, to whom, and how far it is trusted.

Rules (what Conversations and Gajim do by default):

- A 1:1 conversation is encrypted as soon as the other person has an OMEMO device (any version) —
  found when the conversation is opened, a message is sent, or an encrypted message arrives.
- A group chat is encrypted when OMEMO is possible there (XEP-0384 §7: a members-only,
  non-anonymous room, so every member's real address is known) and every member has an OMEMO
  device. The recipients are the room's members, admins and owners (its affiliation lists, when
  the room lets us read them) and everyone present with a known address.
- Once encrypted, a conversation stays encrypted (kept in ``ctx.state``): if a recipient later has
  no device that can read OMEMO, the message fails with words saying who — it is never sent in
  plain because something changed.
- Trust (``ConversationUpdated.trust``): VERIFIED when every device of every recipient, and our own
  other devices, is verified (distrusted ones take no part), else UNVERIFIED. Reported when it
  changes: after device lists change, after the user decides about a device, on joining.

New or changed devices of the people we talk to are announced as a notice in the conversation
with them (a snapshot of id → identity key per person lives in the encrypted OMEMO storage).
"""

from __future__ import annotations

import asyncio
import base64
import json
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from omemo.types import DeviceInformation

from app import facts as f
from app.backend import Failure, FailureKind
from app.i18n import CoreMessages
from app.models import ConversationKind, Trust
from backends.xmpp import convert, ns
from backends.xmpp.ns import q
from backends.xmpp.omemo import trust as trust_words
from backends.xmpp.omemo.engine import OmemoEngine
from backends.xmpp.session import IqFailure, XmppSession

STATE_KEY = "xmpp.omemo"
SEEN_KEY = "/chinwag/seen/"  # + bare JID: {device id: identity key (base64)} last announced
AFFILIATIONS = ("owner", "admin", "member")
TRUSTED = trust_words.TRUSTED
AFFILIATION_TTL = 60.0  # seconds an affiliation list is trusted before it is asked for again
FOLLOW_TIMEOUT = 10.0  # a person's server that does not answer must not hold a message long


class Rooms(Protocol):
    """What the policy needs to know about the rooms we are in."""

    def is_room(self, jid: str) -> bool: ...

    def real_jids(self, room: str) -> set[str]: ...


@dataclass(frozen=True, slots=True)
class Decision:
    """How one message to a conversation goes out."""

    encrypt: bool
    recipients: frozenset[str] = frozenset()  # bare JIDs besides ourselves
    failure: Failure | None = None


@dataclass(slots=True)
class _RoomInfo:
    possible: bool  # members-only and non-anonymous
    members: set[str] = field(default_factory=set)
    fetched: float = 0.0


class ConversationPolicy:
    """Which conversations are encrypted (sticky), their recipients and trust, device notices."""

    def __init__(self, session: XmppSession, engine: OmemoEngine, rooms: Rooms) -> None:
        self.session = session
        self.engine = engine
        self.rooms = rooms
        self.on: dict[str, bool] = {}  # conversations that are encrypted for good → is a room
        self._reported: dict[str, Trust] = {}
        self._room_info: dict[str, _RoomInfo] = {}
        self._generation: dict[str, int] = {}

    # -- persistence -------------------------------------------------------------------------

    async def load(self) -> None:
        raw = await self.session.ctx.state.get(STATE_KEY)
        try:
            data = json.loads(raw) if raw else {}
            self.on = {str(c): bool(group) for c, group in data.get("on", {}).items()}
        except (ValueError, TypeError, AttributeError):
            self.on = {}

    async def _save(self) -> None:
        data = {"on": dict(sorted(self.on.items()))}
        await self.session.ctx.state.set(STATE_KEY, json.dumps(data))

    def is_on(self, conversation: str) -> bool:
        return conversation in self.on

    # -- deciding ----------------------------------------------------------------------------

    async def decide(self, conversation: str, group: bool) -> Decision:
        """Encrypt or not, and to whom (the caller has waited for the engine)."""
        if not self.engine.ready:
            if self.is_on(conversation):
                problem = self.engine.problem or CoreMessages.tr("Encryption is still starting.")
                return Decision(False, failure=Failure(FailureKind.NETWORK, problem, True))
            return Decision(False)
        if "/" in conversation:  # a private message through a room: no real address to use
            return Decision(False)
        if group:
            return await self._decide_room(conversation)
        if conversation == self.session.own_jid:  # notes to self: for our other devices
            _, others = await self.engine.own()
            return Decision(bool(others), frozenset())
        await self._follow({conversation})
        if await self.engine.devices(conversation):
            return Decision(True, frozenset({conversation}))
        if self.is_on(conversation):
            return Decision(
                False,
                failure=Failure(
                    FailureKind.REJECTED,
                    CoreMessages.tr(
                        "%1 no longer has a device that can read encrypted messages, so this message was not sent."
                    ).arg(conversation),
                ),
            )
        return Decision(False)

    async def _decide_room(self, room: str) -> Decision:
        info = await self._room(room)
        was_on = self.is_on(room)
        if not info.possible:
            if was_on:
                reason = CoreMessages.tr(
                    "This room no longer allows encryption (it must be members-only and show addresses)."
                )
                return Decision(False, failure=Failure(FailureKind.REJECTED, reason))
            return Decision(False)
        recipients = await self.members(room)
        await self._follow(recipients)
        without = [r for r in sorted(recipients) if not await self.engine.devices(r)]
        if not without:
            return Decision(True, frozenset(recipients))
        if was_on:
            who = ", ".join(without[:3]) + (" …" if len(without) > 3 else "")
            reason = CoreMessages.tr(
                "Not every member can read encrypted messages (%1), so this message was not sent."
            ).arg(who)
            return Decision(False, failure=Failure(FailureKind.REJECTED, reason))
        return Decision(False)

    async def _follow(self, people: set[str]) -> None:
        """Make sure we know (and follow) their device lists, within :data:`FOLLOW_TIMEOUT`;
        after that what is known decides (a conversation that is already encrypted stays so)."""
        try:
            await asyncio.wait_for(self.engine.follow(people), FOLLOW_TIMEOUT)
        except TimeoutError:
            self.session.log.info("device lists did not come in time; deciding on what is known")

    async def _room(self, room: str) -> _RoomInfo:
        """Whether OMEMO is possible in ``room`` and its affiliated members (cached briefly)."""
        info = self._room_info.get(room)
        if info is not None and time.monotonic() - info.fetched < AFFILIATION_TTL:
            return info
        generation = self._generation.get(room, 0)
        try:
            result = await self.session.iq("get", room, ET.Element(q(ns.DISCO_INFO, "query")))
            features = convert.parse_disco_info(result.find(q(ns.DISCO_INFO, "query"))).features
        except IqFailure:
            features = frozenset()
        possible = "muc_membersonly" in features and "muc_nonanonymous" in features
        info = _RoomInfo(possible)
        if possible:
            for affiliation in AFFILIATIONS:
                info.members |= await self._affiliated(room, affiliation)
        info.fetched = time.monotonic()
        if self._generation.get(room, 0) == generation:  # not asked again meanwhile
            self._room_info[room] = info
        return info

    async def possible(self, room: str) -> bool:
        """Whether OMEMO is possible in ``room`` (members-only and non-anonymous)."""
        return (await self._room(room)).possible

    async def _affiliated(self, room: str, affiliation: str) -> set[str]:
        query = ET.Element(q(ns.MUC_ADMIN, "query"))
        ET.SubElement(query, q(ns.MUC_ADMIN, "item"), affiliation=affiliation)
        try:
            result = await self.session.iq("get", room, query)
        except IqFailure as exc:  # members may not read the lists in every room
            self.session.log.debug("no %s list of %s: %s", affiliation, room, exc.condition)
            return set()
        out: set[str] = set()
        found = result.find(q(ns.MUC_ADMIN, "query"))
        for item in found.findall(q(ns.MUC_ADMIN, "item")) if found is not None else []:
            member = convert.jid(item.get("jid"))
            if member is not None and member.user:
                out.add(member.bare)
        return out

    async def members(self, room: str) -> set[str]:
        """Everyone whose devices a message to ``room`` is encrypted to (ourselves excluded)."""
        info = await self._room(room)
        return (info.members | self.rooms.real_jids(room)) - {self.session.own_jid}

    def forget_room(self, room: str) -> None:
        """Membership or configuration may have changed: ask the room again next time (an
        answer still on its way is not kept)."""
        self._room_info.pop(room, None)
        self._generation[room] = self._generation.get(room, 0) + 1

    # -- state and trust ---------------------------------------------------------------------

    async def turn_on(self, conversation: str, group: bool) -> None:
        """From now on this conversation is encrypted (a message went or came encrypted)."""
        if conversation not in self.on and "/" not in conversation:
            self.on[conversation] = group
            await self._save()
        await self.report(conversation, group)

    async def report(self, conversation: str, group: bool) -> None:
        """Tell the core this encrypted conversation's trust, when it changed."""
        if conversation not in self.on or not self.engine.ready:
            return
        trust = await self.trust(conversation, group)
        if self._reported.get(conversation) is trust:
            return
        self._reported[conversation] = trust
        kind = ConversationKind.GROUP if group else ConversationKind.DIRECT
        self.session.report(f.ConversationUpdated(conversation, kind, encrypted=True, trust=trust))

    async def report_all(self) -> None:
        for conversation, group in sorted(self.on.items()):
            await self.report(conversation, group)

    async def trust(self, conversation: str, group: bool) -> Trust:
        people = await self.members(conversation) if group else {conversation}
        return await self.trust_of(people)

    async def trust_of(self, people: Iterable[str]) -> Trust:
        """The trust of a message encrypted to ``people`` (and our own other devices)."""
        levels: list[str] = []
        for person in people:
            levels.extend(d.trust_level_name for d in await self.engine.devices(person))
        _, others = await self.engine.own()
        levels.extend(d.trust_level_name for d in others)
        return trust_words.conversation_trust(levels)

    # -- new devices -------------------------------------------------------------------------

    async def note_devices(self, bare: str) -> None:
        """Announce what is new in ``bare``'s devices since we last looked, and update the trust
        of the conversations it touches."""
        if not self.engine.ready:
            return
        store = self.engine.storage
        assert store is not None
        own = self.session.own_jid
        if bare == own:
            _, devices = await self.engine.own()
        else:
            devices = await self.engine.devices(bare)
        now = {d.device_id: _b64(d.identity_key) for d in devices}
        raw = (await store.load(SEEN_KEY + bare)).maybe(None)
        before = {int(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else None
        if before != now:
            await store.store(SEEN_KEY + bare, {str(k): v for k, v in now.items()})
        by_id = {d.device_id: d for d in devices}
        # Blind trust holds while none of the person's devices is verified; after that a new
        # device waits for the user's decision and nothing is encrypted to it.
        blind = not any(d.trust_level_name == TRUSTED for d in devices)
        for change in trust_words.device_changes(bare, before, now):
            device = by_id[change.device_id]
            fingerprint = trust_words.fingerprint(device.identity_key)
            self.session.report(
                f.ServiceNotice(
                    _announcement(bare == own, bare, change.changed, fingerprint, blind),
                    conversation=None if bare == own else bare,
                )
            )
        if bare == own:
            await self.report_all()
            return
        for conversation, group in sorted(self.on.items()):
            if conversation == bare or group:
                await self.report(conversation, group)

    async def note_blind_trust(self, devices: Iterable[DeviceInformation]) -> None:
        for bare in sorted({d.bare_jid for d in devices}):
            await self.note_devices(bare)


def _b64(key: bytes) -> str:
    return base64.b64encode(key).decode("ascii")


def _announcement(own: bool, bare: str, changed: bool, fingerprint: str, blind: bool) -> str:
    if own and changed:
        text = CoreMessages.tr("One of your devices has a new identity key")
    elif own:
        text = CoreMessages.tr("A new device was added to your account")
    elif changed:
        text = CoreMessages.tr("A device of %1 has a new identity key").arg(bare)
    else:
        text = CoreMessages.tr("%1 has a new device").arg(bare)
    if blind:
        then = CoreMessages.tr(
            "Messages are encrypted to it; compare the fingerprint in Devices to verify it."
        )
    else:
        then = CoreMessages.tr(
            "Nothing is encrypted to it until you verify or distrust it in Devices."
        )
    return CoreMessages.tr("%1 (fingerprint %2). %3").arg(text, fingerprint, then)
