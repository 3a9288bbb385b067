"""OMEMO for one XMPP connection, as the rest of the backend sees it.

The messaging service asks :meth:`OmemoService.seal` before a message leaves; the backend hands
encrypted live stanzas to :meth:`OmemoService.later` and archive pages to
:meth:`OmemoService.decrypt_results` before they are converted; the conversion asks
:meth:`OmemoService.trust_of`. The adapter's device commands (list devices with fingerprints,
verify or distrust one, repair a broken session) end here too.

The OMEMO stack is loaded only when something needs it (see :mod:`~backends.xmpp.omemo.engine`).
Until then what may be encrypted is decided without it: a conversation that is encrypted for good
loads it, a private message through a room never does, a room only when OMEMO is possible there
(members-only and non-anonymous: a disco request), a 1:1 conversation only when the person has
published an OMEMO device list (:mod:`~backends.xmpp.omemo.published`, asked once every
:data:`PROBE_TTL`). Device-list notifications that arrive meanwhile are read here: our own list
without this device, or a change for someone whose conversation is encrypted, loads the stack;
any other is refreshed once it is loaded. The parts:

- :class:`~backends.xmpp.omemo.engine.OmemoEngine`: plugin, encrypted storage, session manager;
- :class:`~backends.xmpp.omemo.policy.ConversationPolicy`: which conversations are encrypted, to
  whom, their trust, device notices;
- :class:`~backends.xmpp.omemo.receive.Decryptor` and :class:`~backends.xmpp.omemo.send.Encryptor`.
"""

from __future__ import annotations

import asyncio
import time
import xml.etree.ElementTree as ET
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Protocol

from app.backend import Failure, FailureKind, Outcome
from app.i18n import CoreMessages
from app.models import Device, DeviceTrust, Trust
from backends.xmpp import convert
from backends.xmpp.omemo import published
from backends.xmpp.omemo import trust as trust_words
from backends.xmpp.omemo.engine import OmemoEngine
from backends.xmpp.omemo.policy import ConversationPolicy
from backends.xmpp.omemo.receive import Decryptor
from backends.xmpp.omemo.send import Encryptor, Sealed
from backends.xmpp.session import IqFailure, XmppSession

THIS_DEVICE = "This device"
PROBE_TTL = 600.0  # seconds a person's published device lists are taken as read (unloaded only)
PROBE_TIMEOUT = 10.0
NO_LIST = (  # no device list we may read there: no OMEMO device to encrypt to
    "service-unavailable",
    "feature-not-implemented",
    "forbidden",
    "not-authorized",
    "not-allowed",
    "registration-required",
)


class Rooms(Protocol):
    """What OMEMO needs from the room service."""

    def is_room(self, jid: str) -> bool: ...

    def real_jids(self, room: str) -> set[str]: ...

    def real_jid(self, room: str, nick: str) -> str | None: ...


class OmemoService:
    """Encryption, decryption and device trust of one connection."""

    def __init__(self, session: XmppSession, rooms: Rooms) -> None:
        self.session = session
        self.rooms = rooms
        self.engine = OmemoEngine(session)
        self.policy = ConversationPolicy(session, self.engine, rooms)
        reflections: OrderedDict[str, dict[str, bytes]] = OrderedDict()
        self.receiver = Decryptor(session, self.engine, self.policy, rooms.real_jid)
        self.receiver.sent_in_rooms = reflections
        self.sender = Encryptor(session, self.engine, self.policy, reflections)
        self.engine.on_blindly_trusted = self.policy.note_blind_trust
        self.engine.on_device_list = self._device_list_changed
        self.engine.on_started = self._started
        self._stale: set[str] = set()  # device lists announced while the stack was not loaded
        self._probed: dict[str, tuple[float, bool]] = {}  # bare → (when, has an OMEMO device)

    # -- life --------------------------------------------------------------------------------

    async def prepare(self) -> None:
        """Before the stream starts: state and storage (the stack comes when it is needed)."""
        await self.policy.load()
        await self.engine.prepare()

    async def signed_in(self) -> None:
        """After signing in, in the background: the stack now only if our device must be
        published (:meth:`OmemoEngine.signed_in`)."""
        await self.engine.signed_in()

    async def _started(self) -> None:
        """The stack is loaded: the device lists of encrypted conversations, and those announced
        while it was not, are downloaded again (a change announced before the plugin was there
        had no one to hear it); then the trust of encrypted conversations."""
        stale, self._stale = self._stale, set()
        people = {c for c, group in self.policy.on.items() if not group} | stale
        await self.engine.follow(people, refresh=True)
        for bare in sorted(stale):
            await self.policy.note_devices(bare)
        await self.policy.report_all()

    async def stop(self) -> None:
        await self.engine.stop()

    @property
    def available(self) -> bool:
        """OMEMO can be used here (the stack is loaded on demand)."""
        return self.engine.usable

    # -- whether the stack is needed ---------------------------------------------------------

    async def may_encrypt(self, conversation: str, group: bool) -> bool:
        """Whether a message to ``conversation`` may be encrypted, so the stack must decide: asked
        without loading it (always yes once it is loading or loaded)."""
        if self.engine.loading or self.engine.ready:
            return True
        if self.policy.is_on(conversation):
            return True
        if not self.engine.usable or "/" in conversation:
            return False
        if group:
            return await self.policy.possible(conversation)
        return await self._has_devices(conversation)

    async def _has_devices(self, bare: str) -> bool:
        """Whether ``bare`` has published an OMEMO device (for ourselves: another than this one).
        A list the server refuses to show us counts as none (OMEMO clients publish theirs open
        to anyone, and the stack could not read it either); when the server cannot tell (no
        answer), yes: the stack then decides on what it knows."""
        cached = self._probed.get(bare)
        if cached is not None and time.monotonic() - cached[0] < PROBE_TTL:
            return cached[1]
        asked = [published.device_ids(self.session, bare, n) for n in published.NAMESPACES]
        try:
            answers = await asyncio.wait_for(
                asyncio.gather(*asked, return_exceptions=True), PROBE_TIMEOUT
            )
        except TimeoutError:
            return True
        own = self.engine.own_device_id if bare == self.session.own_jid else None
        found = False
        for answer in answers:
            if isinstance(answer, IqFailure) and answer.condition in NO_LIST:
                continue
            if isinstance(answer, BaseException):
                return True
            found = found or bool(answer - {own})
        self._probed[bare] = (time.monotonic(), found)
        return found

    def on_device_list(self, message: ET.Element) -> bool:
        """A device-list notification while the stack is not ready (once it is, the plugin hears
        them): True when ``message`` was one. Our own list without this device loads the stack
        (it publishes the device again: others must be able to encrypt to us), and so does any
        change of ours or of someone whose conversation is encrypted (the change is announced);
        the others are downloaded again once the stack is loaded."""
        if self.engine.ready:
            return False
        event = published.device_list_event(message)
        if event is None:
            return False
        self._probed.pop(event.bare, None)
        self._stale.add(event.bare)
        if event.bare == self.session.own_jid:
            if event.device_ids != self.engine.own_published.get(event.namespace):
                self.engine.load(f"our {event.namespace} device list changed")
        elif self.policy.on.get(event.bare) is False:  # an encrypted 1:1 conversation
            self.engine.load(f"a device list of {event.bare} changed")
        return True

    # -- receiving ---------------------------------------------------------------------------

    def trust_of(self, message: ET.Element) -> Trust:
        return self.receiver.trust_of(message)

    def encrypted(self, stanza: ET.Element) -> bool:
        return self.receiver.encrypted(stanza)

    @property
    def busy(self) -> bool:
        return self.receiver.busy

    def later(self, stanza: ET.Element, then: Callable[[ET.Element], None]) -> None:
        self.receiver.later(stanza, then)

    async def decrypt_results(self, results: list[ET.Element], archive: str) -> None:
        await self.receiver.decrypt_results(results, archive)

    # -- sending -----------------------------------------------------------------------------

    async def seal(
        self, to: str, group: bool, txn: str, body: str | None, children: Sequence[ET.Element]
    ) -> Sealed | Failure | None:
        if not await self.may_encrypt(to, group):
            return self.sender.plain(body, children)
        return await self.sender.seal(to, group, txn, body, children)

    async def will_encrypt(self, conversation: str, group: bool) -> bool | Failure:
        """Whether a message (an uploaded file) to ``conversation`` will be encrypted."""
        if not await self.may_encrypt(conversation, group):
            return False
        await self.engine.wait_ready(reason=f"a file goes to {conversation}")
        decision = await self.policy.decide(conversation, group)
        return decision.failure if decision.failure is not None else decision.encrypt

    def joined(self, room: str) -> None:
        """A room was joined: its members may have changed. Evaluated at once when the stack is
        loaded; otherwise when it is opened or written to."""
        self.policy.forget_room(room)
        if self.engine.loading or self.engine.ready:
            self.session.spawn(self.evaluate(room, True), f"omemo {room}")

    async def evaluate(self, conversation: str, group: bool) -> None:
        """Encrypt ``conversation`` from now on if everyone in it can read OMEMO (a 1:1
        conversation was opened, a room joined or shown); report its state either way. The stack
        is loaded only when the conversation may be encrypted (:meth:`may_encrypt`)."""
        if group:
            self.policy.forget_room(conversation)
        if not await self.may_encrypt(conversation, group):
            return
        if await self.engine.wait_ready(reason=f"{conversation} may be encrypted") is None:
            return
        decision = await self.policy.decide(conversation, group)
        if decision.encrypt:
            await self.policy.turn_on(conversation, group)
        else:
            await self.policy.report(conversation, group)

    # -- devices and trust -------------------------------------------------------------------

    async def devices(self, contact: str) -> tuple[Device, ...] | Failure:
        if await self.engine.wait_ready(reason="the devices are shown") is None:
            return _unavailable(self.engine.problem)
        bare = _bare(contact)
        if bare is None:
            return Failure(
                FailureKind.CONFIG, CoreMessages.tr("%1 is not an XMPP address.").arg(repr(contact))
            )
        own = self.session.own_jid
        if bare == own:
            this, others = await self.engine.own()
            shown = [(this, True), *((d, False) for d in others)]
        else:
            await self.engine.follow({bare})
            shown = [(d, False) for d in await self.engine.devices(bare)]
        return tuple(
            Device(
                contact=bare,
                device_id=str(device.device_id),
                display_name=THIS_DEVICE if this_one else (device.label or ""),
                fingerprint=trust_words.fingerprint(device.identity_key),
                trust=(
                    DeviceTrust.VERIFIED
                    if this_one
                    else trust_words.device_trust(device.trust_level_name)
                ),
                uri=trust_words.device_uri(bare, device.device_id, device.identity_key),
            )
            for device, this_one in shown
        )

    async def set_trust(self, contact: str, device_id: str, trust: DeviceTrust) -> Outcome:
        """The user compared a device's fingerprint (verified), distrusts it, or takes that back."""
        if await self.engine.wait_ready(reason="a device's trust is set") is None:
            return Outcome(_unavailable(self.engine.problem))
        bare = _bare(contact)
        if bare is None:
            return Outcome(
                Failure(
                    FailureKind.CONFIG,
                    CoreMessages.tr("%1 is not an XMPP address.").arg(repr(contact)),
                )
            )
        if bare == self.session.own_jid:
            this, candidates = await self.engine.own()
            if device_id == str(this.device_id):
                return Outcome(
                    Failure(FailureKind.REJECTED, CoreMessages.tr("This device is always trusted."))
                )
        else:
            candidates = await self.engine.devices(bare)
        device = next((d for d in candidates if str(d.device_id) == device_id), None)
        if device is None:
            return Outcome(Failure(FailureKind.REJECTED, CoreMessages.tr("No such device.")))
        await self.engine.manager.set_trust(bare, device.identity_key, trust_words.level_for(trust))
        await self.policy.report_all()
        return Outcome()

    async def repair(self, conversation: str) -> Outcome:
        """Replace the sessions with the devices whose messages failed in ``conversation``
        (all of the other person's devices when none is known): XEP-0384 leaves this to the
        user, never to an automatic reaction."""
        if await self.engine.wait_ready(reason="a session is repaired") is None:
            return Outcome(_unavailable(self.engine.problem))
        manager = self.engine.manager
        targets = self.receiver.broken.pop(conversation, set())
        if not targets and not self.rooms.is_room(conversation) and "/" not in conversation:
            targets = {(conversation, d.device_id) for d in await self.engine.devices(conversation)}
        if not targets:
            return Outcome(
                Failure(
                    FailureKind.REJECTED,
                    CoreMessages.tr("No broken encryption session is known here."),
                )
            )
        repaired = 0
        for bare, device_id in sorted(targets):
            device = next(
                (d for d in await self.engine.devices(bare) if d.device_id == device_id), None
            )
            if device is None:
                continue
            failed = await manager.replace_sessions(device)
            for namespace, problem in failed.items():
                self.session.log.info("session replacement failed (%s): %r", namespace, problem)
            repaired += 1
        return Outcome(value=str(repaired))

    async def _device_list_changed(self, bare: str) -> None:
        await self.policy.note_devices(bare)


def _bare(text: str) -> str | None:
    found = convert.jid(text)
    return found.bare if found is not None and found.domain else None


def _unavailable(problem: str) -> Failure:
    return Failure(
        FailureKind.UNSUPPORTED,
        problem or CoreMessages.tr("Encryption is not available right now."),
    )
