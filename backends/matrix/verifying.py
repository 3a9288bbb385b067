"""Device verification (SAS) as the person drives it, and the devices list they verify from.

:mod:`.verification` is the pure state machine; this service feeds it the to-device messages of
each sync answer, sends what it answers, applies what a finished SAS proved (a device trusted in
nio's store; a master key or our own other device signed through cross-signing) and reports each
flow's state as :class:`~app.facts.VerificationChanged`.
"""

from __future__ import annotations

import uuid
from typing import Any

from app import facts as f
from app.backend import Failure, FailureKind, Outcome
from app.i18n import CoreMessages
from app.models import Device, DeviceTrust
from backends.matrix import convert as cv
from backends.matrix.encryption import CryptoParts, Encryption, guarded
from backends.matrix.http import V3, q
from backends.matrix.secretshare import SecretSharing
from backends.matrix.session import DEVICE_NAME, MatrixSession

try:
    from backends.matrix import crypto as e2e
    from backends.matrix import verification as sas
except ImportError:  # pragma: no cover - without matrix-nio[e2e] nothing here is reachable
    pass


class DeviceVerification:
    """SAS flows of one session, with the messages they still have to send."""

    def __init__(self, session: MatrixSession, encryption: Encryption) -> None:
        self.session = session
        self.encryption = encryption
        self.log = session.log
        self._to_send: list[sas.Outgoing] = []  # waiting for the sync loop
        self._own_devices_verified: list[str] = []  # ours, proven by SAS: to sign (cross-signing)
        self.sharing = SecretSharing(session, encryption)

    def _parts(self) -> tuple[CryptoParts | None, Failure | None]:
        failure = self.encryption.ready()
        return (self.encryption.parts if failure is None else None), failure

    # -- the sync answer ---------------------------------------------------------------------------

    def handle_events(self, body: dict[str, Any]) -> None:
        """Feed the answer's ``m.key.verification.*`` to-device messages to their flows."""
        parts = self.encryption.parts
        if parts is None:
            return
        self.sharing.handle_events(body)
        for event in cv.events_of(body.get("to_device")):
            etype = cv.get_str(event, "type") or ""
            sender = cv.get_str(event, "sender")
            content = cv.get_dict(event, "content")
            if not etype.startswith("m.key.verification.") or sender is None or content is None:
                continue
            device = content.get("from_device")
            if isinstance(device, str) and parts.e2e.device(sender, device) is None:
                parts.e2e.olm.users_for_key_query.add(sender)  # its key is needed for the MAC
            if not parts.cross.book.knows(sender):
                parts.cross.wanted[sender] = None  # their master key too (cross-signing)
            try:
                flow, out = parts.verifications.handle(etype, sender, content)
            except Exception:
                self.log.exception("bad verification message from %s", sender)
                self.session.report(f.BadInput("matrix verification message", etype))
                continue
            self._to_send.extend(out)
            if flow is not None:
                self.session.report(f.VerificationChanged(flow.snapshot()))
        self._apply_verified()

    async def after_sync(self) -> None:
        """Sign what SAS proved, then send the flows' queued messages."""
        await guarded(self._after_verifications(), "signing after verification", self.log)
        await self._flush()
        await guarded(self.sharing.after_sync(), "secret sharing", self.log)

    def _apply_verified(self) -> None:
        """Devices a finished SAS proved: trusted in nio's store (and outbound keys re-shared)."""
        parts = self.encryption.parts
        if parts is None:
            return
        verified, parts.verifications.verified = parts.verifications.verified, []
        for user_id, device_id in verified:
            device = parts.e2e.device(user_id, device_id)
            if device is not None:
                parts.e2e.verify(device)
                self.log.info("verified device %s of %s", device_id, user_id)
            if user_id == self.session.own_id:
                self._own_devices_verified.append(device_id)
        if verified:
            self.encryption.update_trust()

    async def _after_verifications(self) -> None:
        """What SAS proved, signed: a person's master key (user-signing key), our own other
        devices (self-signing key) — so the trust reaches every device of ours and theirs."""
        parts = self.encryption.parts
        if parts is None:
            return
        verifications = parts.verifications
        masters, verifications.masters_verified = verifications.masters_verified, []
        own, self._own_devices_verified = self._own_devices_verified, []
        for user_id, master in masters:
            await parts.cross.master_verified(user_id, master)
        for device_id in own:
            await parts.cross.sign_own_device(device_id)
        if own:
            self.sharing.want_secrets()
        if masters or own:
            self.encryption.update_trust()

    async def _flush(self) -> None:
        pending, self._to_send = self._to_send, []
        for message in pending:
            await self._send_to_device(
                message.type, {message.user: dict.fromkeys(message.devices, message.content)}
            )

    async def _send_to_device(
        self, event_type: str, messages: dict[str, dict[str, Any]]
    ) -> Failure | None:
        path = f"{V3}/sendToDevice/{q(event_type)}/{uuid.uuid4().hex}"
        reply = await self.session.api.request("PUT", path, body={"messages": messages}, timeout=30)
        if not reply.ok:
            self.log.info("to-device %s not sent: %s", event_type, reply.failure().message)
            return reply.failure()
        return None

    # -- what the person asks ----------------------------------------------------------------------

    async def _query_devices(self, parts: CryptoParts, user_id: str) -> Failure | None:
        """Make sure nio has ``user_id``'s device list (a key query if it never asked)."""
        olm = parts.e2e.olm
        queried = False
        if user_id not in olm.tracked_users or user_id in olm.users_for_key_query:
            olm.users_for_key_query.add(user_id)
            _resp, failure = await self.session.api.call(self.session.nio.keys_query())
            if failure is not None:
                return failure
            queried = True
        if queried or not parts.cross.book.knows(user_id):
            await parts.cross.refresh([user_id])  # cross-signing keys: nio drops them
        return None

    async def devices(self, contact: str) -> tuple[Device, ...] | Failure:
        """``contact``'s devices (ours with our own id) and how far we trust each."""
        parts, failure = self._parts()
        if parts is None:
            return failure or Failure(FailureKind.UNSUPPORTED, CoreMessages.tr("No encryption."))
        if cv.parse_user_id(contact) is None:
            return Failure(
                FailureKind.CONFIG, CoreMessages.tr("A Matrix ID looks like @name:example.org.")
            )
        failure = await self._query_devices(parts, contact)
        if failure is not None:
            return failure
        found = [
            Device(
                contact=contact,
                device_id=str(d.id),
                display_name=str(d.display_name or ""),
                fingerprint=e2e.fingerprint(str(d.ed25519)),
                trust=parts.e2e.device_trust(d),
            )
            for d in parts.e2e.devices_of(contact)
        ]
        if contact == self.session.own_id:
            found.insert(
                0,
                Device(
                    contact=contact,
                    device_id=str(self.session.nio.device_id),
                    display_name=f"{DEVICE_NAME} (this device)",
                    fingerprint=e2e.fingerprint(parts.e2e.ed25519),
                    trust=DeviceTrust.VERIFIED,
                ),
            )
        return tuple(found)

    async def start(self, contact: str, device_id: str = "") -> Outcome:
        """SAS with one device of ``contact`` (started at once, as every client understands), or
        a request to all of them (``m.key.verification.request``; the first to answer wins)."""
        parts, failure = self._parts()
        if parts is None:
            return Outcome(failure)
        failure = await self._query_devices(parts, contact)
        if failure is not None:
            return Outcome(failure)
        await parts.cross.refresh([contact])  # their master key, for the MAC check
        mine = str(self.session.nio.device_id)
        known = [str(d.id) for d in parts.e2e.devices_of(contact) if str(d.id) != mine]
        if device_id:
            if device_id not in known:
                return Outcome(
                    Failure(
                        FailureKind.REJECTED,
                        CoreMessages.tr("%1 has no device %2.").arg(contact, device_id),
                    )
                )
            flow, out = parts.verifications.start_direct(contact, device_id)
        else:
            if not known:
                return Outcome(
                    Failure(
                        FailureKind.REJECTED,
                        CoreMessages.tr("%1 has no device to verify.").arg(contact),
                    )
                )
            flow, out = parts.verifications.request(contact, tuple(known))
        self._to_send.extend(out)
        await self._flush()
        self.session.report(f.VerificationChanged(flow.snapshot()))
        return Outcome(value=flow.id)

    async def accept(self, verification_id: str) -> Outcome:
        parts, failure = self._parts()
        if parts is None:
            return Outcome(failure)
        return await self._step(parts, verification_id, parts.verifications.accept(verification_id))

    async def confirm(self, verification_id: str, match: bool) -> Outcome:
        parts, failure = self._parts()
        if parts is None:
            return Outcome(failure)
        out = parts.verifications.confirm(verification_id, match)
        return await self._step(parts, verification_id, out)

    async def cancel(self, verification_id: str) -> Outcome:
        parts, failure = self._parts()
        if parts is None:
            return Outcome(failure)
        return await self._step(parts, verification_id, parts.verifications.cancel(verification_id))

    async def _step(self, parts: CryptoParts, flow_id: str, out: list[sas.Outgoing]) -> Outcome:
        flow = parts.verifications.flows.get(flow_id)
        if flow is None:
            return Outcome(Failure(FailureKind.REJECTED, CoreMessages.tr("No such verification.")))
        self._to_send.extend(out)
        await self._flush()
        self._apply_verified()
        await guarded(self._after_verifications(), "signing after verification", self.log)
        self.session.report(f.VerificationChanged(flow.snapshot()))
        return Outcome(value=flow.id)
