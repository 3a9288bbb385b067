"""Secret sharing between the person's own devices (spec "Sharing": ``m.secret.request`` and
``m.secret.send``).

Why: a device the person just verified should get the cross-signing keys and the backup key
without typing the recovery key, as Element does. We ask all our devices after verifying one of
ours; we answer only our own devices that are verified, and only over Olm (a secret never travels
in the clear). A secret that arrives is taken only in answer to our own request, only from a
verified device of ours, and (cross-signing keys) only when it matches the published public key.
"""

from __future__ import annotations

import secrets
import uuid
from typing import TYPE_CHECKING, Any

from app.backend import Failure
from app.models import DeviceTrust
from backends.matrix import convert as cv
from backends.matrix import crosssign as xs
from backends.matrix import keybackup as kb
from backends.matrix import secretstore as ss
from backends.matrix.http import V3, q
from backends.matrix.session import MatrixSession

if TYPE_CHECKING:
    from backends.matrix.encryption import Encryption

REQUEST = "m.secret.request"
SEND = "m.secret.send"
MAX_ANSWERS_PER_SYNC = 20
MAX_OPEN_REQUESTS = 40
MAX_ANSWER_ROUNDS = 3  # syncs an answer waits for the asking device's keys before it is dropped


class SecretSharing:
    """Ask for and answer secret requests among our own devices."""

    def __init__(self, session: MatrixSession, encryption: Encryption) -> None:
        self.session = session
        self.encryption = encryption
        self.log = session.log
        self._asked: dict[str, str] = {}  # request id → secret name (our open requests)
        self._want = False
        self._answers: dict[tuple[str, str], tuple[str, int]] = {}
        """(device id, request id) → (secret name, rounds waited): requests to answer."""

    # -- incoming ------------------------------------------------------------------------------

    def handle_events(self, body: dict[str, Any]) -> None:
        """Note our own devices' ``m.secret.request`` to-device messages (and cancellations)."""
        own = self.session.own_id
        for event in cv.events_of(body.get("to_device")):
            if cv.get_str(event, "type") != REQUEST or cv.get_str(event, "sender") != own:
                continue
            content = cv.get_dict(event, "content") or {}
            device = cv.get_str(content, "requesting_device_id")
            request_id = cv.get_str(content, "request_id")
            action = cv.get_str(content, "action")
            if not device or not request_id or device == self.session.nio.device_id:
                continue
            if action == "request_cancellation":
                self._answers.pop((device, request_id), None)
                continue
            name = cv.get_str(content, "name")
            full = len(self._answers) >= MAX_ANSWERS_PER_SYNC
            if action == "request" and name in ss.SECRET_NAMES and not full:
                self._answers[(device, request_id)] = (name, 0)

    def want_secrets(self) -> None:
        """One of our devices was verified: ask our devices for the secrets we lack."""
        self._want = True

    async def after_sync(self) -> None:
        parts = self.encryption.parts
        if parts is None:
            return
        if self._want:
            self._want = False
            await self._request_missing()
        if self._answers:
            await self._answer()
        received, parts.e2e.secret_sends = parts.e2e.secret_sends, []
        for sender, sender_key, content in received:
            await self._take(sender, sender_key, content)

    # -- asking --------------------------------------------------------------------------------

    def _held(self) -> dict[str, str]:
        """The secrets this device holds (name → text), cross-signing keys only when they are
        the account's."""
        parts = self.encryption.parts
        if parts is None:
            return {}
        out: dict[str, str] = {}
        for name, usage in (
            (ss.MASTER, xs.MASTER),
            (ss.SELF_SIGNING, xs.SELF_SIGNING),
            (ss.USER_SIGNING, xs.USER_SIGNING),
        ):
            key = parts.cross.book.signing_key(usage)
            if key is not None:
                out[name] = key.secret()
        if parts.backup.private is not None:
            out[ss.BACKUP] = xs.b64(parts.backup.private)
        return out

    async def _request_missing(self) -> None:
        held = self._held()
        own = self.session.own_id
        device_id = str(self.session.nio.device_id)
        for name in ss.SECRET_NAMES:
            if name in held or len(self._asked) >= MAX_OPEN_REQUESTS:
                continue  # (an earlier request, unanswered while unverified, stays valid)
            request_id = secrets.token_hex(12)
            self._asked[request_id] = name
            content = {
                "name": name,
                "action": "request",
                "requesting_device_id": device_id,
                "request_id": request_id,
            }
            await self._to_device(REQUEST, {own: {"*": content}})
            self.log.info("asked our other devices for %s", name)

    async def _cancel(self, request_id: str) -> None:
        content = {
            "action": "request_cancellation",
            "requesting_device_id": str(self.session.nio.device_id),
            "request_id": request_id,
        }
        await self._to_device(REQUEST, {self.session.own_id: {"*": content}})

    # -- answering -----------------------------------------------------------------------------

    async def _answer(self) -> None:
        parts = self.encryption.parts
        assert parts is not None
        own = self.session.own_id
        todo, self._answers = self._answers, {}
        held = self._held()
        for (device_id, request_id), (name, rounds) in todo.items():
            device = parts.e2e.device(own, device_id)
            if device is None:
                parts.e2e.olm.users_for_key_query.add(own)
                if rounds + 1 < MAX_ANSWER_ROUNDS:
                    self._answers[(device_id, request_id)] = (name, rounds + 1)
                continue
            if parts.e2e.device_trust(device) is not DeviceTrust.VERIFIED:
                self.log.info("did not share %s with our unverified device %s", name, device_id)
                continue
            secret = held.get(name)
            if secret is None:
                continue
            if await self._send_secret(device, request_id, secret):
                self.log.info("shared %s with our verified device %s", name, device_id)

    async def _send_secret(self, device: Any, request_id: str, secret: str) -> bool:
        """``m.secret.send`` to one device, Olm-encrypted (a session is claimed if needed)."""
        parts = self.encryption.parts
        assert parts is not None
        olm: Any = parts.e2e.olm
        session = olm.session_store.get(device.curve25519)
        if session is None:
            _resp, failure = await self.session.api.call(
                self.session.nio.keys_claim({str(device.user_id): [str(device.id)]})
            )
            session = olm.session_store.get(device.curve25519) if failure is None else None
        if session is None:
            self.log.info("no Olm session with device %s; secret not sent", device.id)
            return False
        sealed = olm._olm_encrypt(
            session, device, SEND, {"request_id": request_id, "secret": secret}
        )
        failure = await self._to_device(
            "m.room.encrypted", {str(device.user_id): {str(device.id): sealed}}
        )
        return failure is None

    # -- receiving -----------------------------------------------------------------------------

    async def _take(self, sender: str, sender_key: str, content: dict[str, Any]) -> None:
        parts = self.encryption.parts
        assert parts is not None
        request_id = cv.get_str(content, "request_id") or ""
        secret = cv.get_str(content, "secret")
        name = self._asked.get(request_id)
        if name is None or secret is None or sender != self.session.own_id:
            self.log.info("ignored a secret we did not ask for")
            return
        device = next((d for d in parts.e2e.devices_of(sender) if d.curve25519 == sender_key), None)
        if device is None or parts.e2e.device_trust(device) is not DeviceTrust.VERIFIED:
            self.log.warning("ignored a secret from a device of ours that is not verified")
            return
        del self._asked[request_id]
        await self._cancel(request_id)  # the other devices need not answer any more
        if name == ss.BACKUP:
            private = ss.b64decode(secret)
            if private is None or len(private) != kb.KEY_SIZE:
                self.log.warning("the backup key we were sent is malformed")
                return
            outcome, imported = await parts.backup.restore_with(private)
            if outcome.failure is not None:
                self.log.info("the backup key we were sent: %s", outcome.failure.message)
            else:
                self.log.info("got the backup key; %d keys restored", imported)
            return
        await parts.storage.adopt_cross_signing({name: secret})

    async def _to_device(self, event_type: str, messages: dict[str, Any]) -> Failure | None:
        path = f"{V3}/sendToDevice/{q(event_type)}/{uuid.uuid4().hex}"
        reply = await self.session.api.request("PUT", path, body={"messages": messages}, timeout=30)
        if not reply.ok:
            self.log.info("to-device %s not sent: %s", event_type, reply.failure().message)
            return reply.failure()
        return None
