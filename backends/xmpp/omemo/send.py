"""Encrypting an outgoing message: one stanza that reaches every device in the newest OMEMO
version it speaks.

python-omemo encrypts the content once per version and the message key once per device: a device
that announces OMEMO 2 gets the XEP-0420 envelope (body, reply, correction, links), a device that
only announces OMEMO 0.3 gets the body. Both elements travel in the same stanza, with the XEP-0334
store hint (there may be no plain body for the archive to key on) and XEP-0380 names; a plain
fallback body only when a 0.3 element is present (0.3 clients and servers expect one; XEP-0420
forbids it otherwise). Receipts, markers, chat states and ids stay outside.
"""

from __future__ import annotations

import asyncio
import xml.etree.ElementTree as ET
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from omemo.message import Message, PlainKeyMaterial
from omemo.session_manager import EncryptionError, NoEligibleDevices

from app.backend import Failure, FailureKind
from app.i18n import CoreMessages
from app.models import Trust
from backends.xmpp import ns
from backends.xmpp.ns import q
from backends.xmpp.omemo import content, sce
from backends.xmpp.omemo.engine import OmemoEngine
from backends.xmpp.omemo.policy import ConversationPolicy
from backends.xmpp.session import XmppSession

TWOMEMO = content.TWOMEMO
OLDMEMO = content.OLDMEMO
MAX_REFLECTIONS = 500  # room messages whose plaintext we keep until the room echoes them
REFETCH_TIMEOUT = 15.0  # a second look at device lists must not hold a message long
PLAIN_KEY = CoreMessages.tr(
    "A file that was encrypted for this conversation cannot be sent without encryption."
)


@dataclass(frozen=True, slots=True)
class Sealed:
    """What goes into the stanza instead of the plain body and payload."""

    body: str | None
    children: list[ET.Element]
    trust: Trust


class Encryptor:
    """Seals outgoing messages for the conversations the policy says are encrypted."""

    def __init__(
        self,
        session: XmppSession,
        engine: OmemoEngine,
        policy: ConversationPolicy,
        reflections: OrderedDict[str, dict[str, bytes]],
    ) -> None:
        self.session = session
        self.engine = engine
        self.policy = policy
        self.reflections = reflections  # txn id → plaintexts, for our room messages' echoes

    async def _encrypt(
        self, recipients: frozenset[str], plaintexts: dict[str, bytes]
    ) -> tuple[dict[Message, PlainKeyMaterial], frozenset[EncryptionError]]:
        """python-omemo's encrypt, tried once more after a fresh look at the device lists when
        nobody could be encrypted to: a list we hold may be stale, or a bundle download timed
        out on a busy server."""
        manager = self.engine.manager
        try:
            return await manager.encrypt(
                recipients, plaintexts, backend_priority_order=list(plaintexts)
            )
        except NoEligibleDevices as exc:
            self.session.log.info(
                "no device of %s to encrypt to; fetching their device lists again",
                ", ".join(sorted(exc.bare_jids)),
            )
            await self._refetch(exc.bare_jids)
        return await manager.encrypt(
            recipients, plaintexts, backend_priority_order=list(plaintexts)
        )

    async def _refetch(self, people: frozenset[str]) -> None:
        try:
            await asyncio.wait_for(self.engine.follow(set(people), refresh=True), REFETCH_TIMEOUT)
        except TimeoutError:
            self.session.log.info("device lists did not come again in time")

    @staticmethod
    def plain(body: str | None, children: Sequence[ET.Element]) -> Failure | None:
        """A message that goes out unencrypted: None (send it as it is), or a failure for one that
        carries an encrypted file's key."""
        if _carries_key(body, children):
            return Failure(FailureKind.REJECTED, PLAIN_KEY)
        return None

    async def seal(
        self,
        to: str,
        group: bool,
        txn: str,
        body: str | None,
        children: Sequence[ET.Element],
    ) -> Sealed | Failure | None:
        """The encrypted form of a message, a failure, or None: send it as it is."""
        await self.engine.wait_ready(reason=f"a message goes to {to}")
        decision = await self.policy.decide(to, group)
        if decision.failure is not None:
            return decision.failure
        if not decision.encrypt:
            return self.plain(body, children)
        own = self.session.own_jid
        outside, inside = content.split_payload(children)
        payload: list[ET.Element] = []
        if body:
            body_el = ET.Element(q(ns.CLIENT, "body"))
            body_el.text = body
            payload.append(body_el)
        payload.extend(inside)
        plaintexts = {TWOMEMO: sce.build(payload, sender=own, recipient=to)}
        if body:
            plaintexts[OLDMEMO] = body.encode("utf-8")
        # The OMEMO stack is loaded by now (the engine loads it before it is ready).
        import oldmemo.etree  # noqa: PLC0415
        import twomemo.etree  # noqa: PLC0415

        from backends.xmpp.omemo.plugin import NewDevicesUndecided  # noqa: PLC0415

        try:
            messages, errors = await self._encrypt(decision.recipients, plaintexts)
        except NoEligibleDevices as exc:
            who = ", ".join(sorted(exc.bare_jids))
            return Failure(
                FailureKind.REJECTED,
                CoreMessages.tr(
                    "%1 has no device this message may be encrypted to (all are distrusted or unreachable), so it was not sent."
                ).arg(who),
            )
        except NewDevicesUndecided as exc:
            people = sorted({d.bare_jid for d in exc.devices})
            for person in people:
                await self.policy.note_devices(person)
            return Failure(
                FailureKind.REJECTED,
                CoreMessages.tr(
                    "%1 has a new device you have not decided about. Verify or distrust it in Devices, then send again."
                ).arg(", ".join(people)),
            )
        except Exception as exc:
            self.session.log.warning("encrypting a message failed", exc_info=True)
            return Failure(
                FailureKind.PROTOCOL,
                CoreMessages.tr("The message could not be encrypted: %1").arg(exc),
            )
        for error in errors:
            self.session.log.info(
                "a device of %s was left out: %r", error.bare_jid, error.exception
            )
        if not messages:
            return Failure(
                FailureKind.REJECTED,
                CoreMessages.tr("There is no device to encrypt this message to."),
            )
        encrypted: list[ET.Element] = []
        used: list[str] = []
        for message in sorted(messages, key=lambda m: m.namespace != TWOMEMO):
            if message.namespace == TWOMEMO:
                encrypted.append(twomemo.etree.serialize_message(message))
            else:
                encrypted.append(oldmemo.etree.serialize_message(message))
            used.append(message.namespace)
        legacy = OLDMEMO in used
        if legacy:
            outside.extend(content.legacy_references(inside))
        stanza_children = [
            *outside,
            *encrypted,
            ET.Element(q(ns.HINTS, "store")),
            *(content.eme(namespace) for namespace in used),
        ]
        if group:
            self.reflections[txn] = plaintexts
            while len(self.reflections) > MAX_REFLECTIONS:
                self.reflections.popitem(last=False)
        trust = await self.policy.trust_of(decision.recipients)
        await self.policy.turn_on(to, group)
        return Sealed(content.FALLBACK_BODY if legacy else None, stanza_children, trust)


def _carries_key(body: str | None, children: Sequence[ET.Element]) -> bool:
    """An ``aesgcm://`` link (whose fragment is a key) must never go out in plain."""
    if body and "aesgcm://" in body.lower():
        return True
    return any(
        (url.text or "").strip().lower().startswith("aesgcm:")
        for child in children
        for url in child.iter(q(ns.OOB, "url"))
    )
