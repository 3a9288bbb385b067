"""Server-side key backup (spec "Server-side key backups", ``m.megolm_backup.v1.curve25519-aes-sha2``).

Why: a new device cannot read old encrypted messages unless another device forwards the keys. With a
backup, every Megolm inbound session is stored on the server encrypted to a Curve25519 public key;
the private key is shown once as a *recovery key*, and a new device that is given it downloads and
imports the sessions.

matrix-nio 0.26 has no ``/room_keys`` support; vodozemac's ``PkEncryption`` / ``PkDecryption``
(libolm-compatible) do the encryption. The pure parts (recovery key encoding, encrypting and
decrypting one session, the upload body) do no I/O; :class:`KeyBackup` does the requests, keeps the
backup's private key only in the keyring (``ctx.secrets``) and what it uploaded in ``ctx.state``.

Trust: a session restored from the backup is treated like a forwarded key (never "verified"):
anyone who knows the backup's *public* key — the server included — can add sessions to it.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import vodozemac
from nio.crypto.sessions import InboundGroupSession  # type: ignore[import-untyped]

from app.backend import Failure, FailureKind, Outcome, SecretAccess, StateAccess
from app.i18n import CoreMessages
from backends.matrix.convert import ServiceLog
from backends.matrix.crosssign import b64, unb64
from backends.matrix.http import V3, MatrixHttp
from backends.matrix.niotypes import GroupSession, OlmMachine
from backends.matrix.verification import canonical_json

ALGORITHM = "m.megolm_backup.v1.curve25519-aes-sha2"
MEGOLM = "m.megolm.v1.aes-sha2"
PREFIX = b"\x8b\x01"
KEY_SIZE = 32
SECRET_BACKUP_KEY = "key_backup_key"
"""Keyring entry: the backup's Curve25519 private key (unpadded base64)."""
STATE_BACKUP = "key_backup"
"""``ctx.state``: JSON ``{"version": …, "sent": {session id prefix: first known index}}``."""
SENT_ID_LENGTH = 16  # 96 bits of the session id are plenty to tell sessions apart
UPLOAD_BATCH = 200
BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


# -- recovery keys ---------------------------------------------------------------------------------


def b58encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    out = ""
    while number:
        number, rest = divmod(number, 58)
        out = BASE58[rest] + out
    zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * zeros + out


def b58decode(text: str) -> bytes:
    """``ValueError`` names the first character that is not base58."""
    number = 0
    for char in text:
        digit = BASE58.find(char)
        if digit < 0:
            raise ValueError(char)
        number = number * 58 + digit
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    zeros = len(text) - len(text.lstrip("1"))
    return b"\0" * zeros + body


def _parity(data: bytes) -> int:
    parity = 0
    for byte in data:
        parity ^= byte
    return parity


def encode_recovery_key(key: bytes) -> str:
    """The spec's recovery key: base58 of ``0x8B 0x01 ‖ key ‖ parity``, in groups of four."""
    raw = PREFIX + key
    text = b58encode(raw + bytes([_parity(raw)]))
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def decode_recovery_key(text: str) -> bytes | Failure:
    """The 32-byte private key of a recovery key, or a Failure that says what is wrong with it."""
    compact = "".join(text.split())
    if not compact:
        return Failure(FailureKind.CONFIG, CoreMessages.tr("Enter the recovery key."))
    try:
        raw = b58decode(compact)
    except ValueError as exc:
        return Failure(
            FailureKind.CONFIG,
            CoreMessages.tr(
                "This is not a recovery key: it contains “%1”, which a recovery key never has."
            ).arg(exc),
        )
    if len(raw) != len(PREFIX) + KEY_SIZE + 1 or not raw.startswith(PREFIX):
        return Failure(
            FailureKind.CONFIG,
            CoreMessages.tr("This is not a recovery key (wrong length or start)."),
        )
    if _parity(raw) != 0:
        return Failure(
            FailureKind.CONFIG,
            CoreMessages.tr("The recovery key has a typo: its check character does not match."),
        )
    return raw[len(PREFIX) : -1]


def public_key_of(private: bytes) -> str:
    return str(vodozemac.Curve25519SecretKey.from_bytes(private).public_key().to_base64())


# -- one session -----------------------------------------------------------------------------------


def session_export(session: GroupSession) -> dict[str, Any]:
    """What the backup holds of a nio ``InboundGroupSession`` (spec ``BackedUpSessionData``)."""
    return {
        "algorithm": MEGOLM,
        "sender_key": str(session.sender_key),
        "sender_claimed_keys": {"ed25519": str(session.ed25519)},
        "forwarding_curve25519_key_chain": [str(k) for k in session.forwarding_chain],
        "session_key": session.export_session(session.first_known_index),
    }


def encrypt_session_data(public_key: str, payload: Mapping[str, Any]) -> dict[str, str]:
    """``session_data``: the payload encrypted to the backup's public key."""
    encryption = vodozemac.PkEncryption.from_key(
        vodozemac.Curve25519PublicKey.from_base64(public_key)
    )
    message = encryption.encrypt(canonical_json(payload).encode())
    return {
        "ephemeral": b64(bytes(message.ephemeral_key)),
        "ciphertext": b64(bytes(message.ciphertext)),
        "mac": b64(bytes(message.mac)),
    }


def decrypt_session_data(private: bytes, session_data: object) -> dict[str, Any] | None:
    """The payload of one backed-up session, or None when it cannot be read (never raises)."""
    if not isinstance(session_data, Mapping):
        return None
    parts = [session_data.get(k) for k in ("ciphertext", "mac", "ephemeral")]
    if not all(isinstance(p, str) for p in parts):
        return None
    try:
        ciphertext, mac, ephemeral = (unb64(str(p)) for p in parts)
        decryption = vodozemac.PkDecryption.from_key(
            vodozemac.Curve25519SecretKey.from_bytes(private)
        )
        plain = decryption.decrypt(vodozemac.Message(ciphertext, mac, ephemeral))
        payload = json.loads(plain)
    except (ValueError, TypeError):  # vodozemac's exceptions are ValueErrors, so is bad JSON
        return None
    return payload if isinstance(payload, dict) else None


def key_backup_data(session: GroupSession, public_key: str) -> dict[str, Any]:
    """One ``KeyBackupData`` for ``PUT /room_keys/keys``."""
    return {
        "first_message_index": int(session.first_known_index),
        "forwarded_count": len(session.forwarding_chain),
        "is_verified": False,
        "session_data": encrypt_session_data(public_key, session_export(session)),
    }


def upload_body(sessions: Iterable[GroupSession], public_key: str) -> dict[str, Any]:
    rooms: dict[str, Any] = {}
    for session in sessions:
        room = rooms.setdefault(str(session.room_id), {"sessions": {}})
        room["sessions"][str(session.id)] = key_backup_data(session, public_key)
    return {"rooms": rooms}


def session_from_backup(
    room_id: str, session_id: str, data: object, private: bytes
) -> InboundGroupSession | None:
    """A nio session from one backed-up ``KeyBackupData``, or None if it is unusable.

    The sender's key is added to the forwarding chain: like a forwarded key, a session from the
    backup is not proof that its sender sent it to us (anyone may add to a backup).
    """
    if not isinstance(data, Mapping):
        return None
    payload = decrypt_session_data(private, data.get("session_data"))
    if payload is None or payload.get("algorithm") != MEGOLM:
        return None
    sender_key = payload.get("sender_key")
    session_key = payload.get("session_key")
    claimed = payload.get("sender_claimed_keys")
    ed25519 = claimed.get("ed25519") if isinstance(claimed, Mapping) else None
    chain = payload.get("forwarding_curve25519_key_chain") or []
    if not (
        isinstance(sender_key, str)
        and isinstance(session_key, str)
        and isinstance(ed25519, str)
        and isinstance(chain, list)
        and all(isinstance(k, str) for k in chain)
    ):
        return None
    try:
        session = InboundGroupSession.import_session(
            session_key, ed25519, sender_key, room_id, [*chain, sender_key]
        )
    except (ValueError, TypeError):
        return None
    return session if session.id == session_id else None


@dataclass
class BackupState:
    """Which backup version we upload to and which sessions it already has."""

    version: str = ""
    sent: dict[str, int] | None = None

    @classmethod
    def parse(cls, text: str | None) -> BackupState:
        try:
            data = json.loads(text) if text else {}
        except ValueError:
            data = {}
        if not isinstance(data, dict) or not isinstance(data.get("version"), str):
            return cls()
        sent = data.get("sent")
        clean = (
            {k: v for k, v in sent.items() if isinstance(k, str) and isinstance(v, int)}
            if isinstance(sent, dict)
            else {}
        )
        return cls(data["version"], clean)

    def dump(self) -> str:
        return json.dumps({"version": self.version, "sent": self.sent or {}}, separators=(",", ":"))

    def needs(self, session: GroupSession) -> bool:
        index = (self.sent or {}).get(str(session.id)[:SENT_ID_LENGTH])
        return index is None or index > int(session.first_known_index)

    def mark(self, session: GroupSession) -> None:
        if self.sent is None:
            self.sent = {}
        self.sent[str(session.id)[:SENT_ID_LENGTH]] = int(session.first_known_index)


# -- the I/O ---------------------------------------------------------------------------------------


class KeyBackup:
    """The key backup of one session: create, keep uploading, restore."""

    def __init__(
        self,
        http: MatrixHttp,
        secrets: SecretAccess,
        state: StateAccess,
        log: ServiceLog,
        *,
        olm: OlmMachine,
        sign_auth_data: Callable[[dict[str, Any]], dict[str, Any]],
    ) -> None:
        self.http = http
        self.secrets = secrets
        self.state = state
        self.log = log
        self.olm = olm
        self.sign_auth_data = sign_auth_data
        self.private: bytes | None = None
        self.public = ""
        self.tracking = BackupState()
        self.lock = asyncio.Lock()

    @property
    def active(self) -> bool:
        return self.private is not None and bool(self.tracking.version)

    async def load(self) -> None:
        """Pick up the backup this account uploads to (if any) from the keyring and state."""
        secret = await self.secrets.get(SECRET_BACKUP_KEY)
        tracking = BackupState.parse(await self.state.get(STATE_BACKUP))
        try:
            private = unb64(secret) if secret else None
        except ValueError:
            private = None
        if private is None or len(private) != KEY_SIZE or not tracking.version:
            return
        self.private, self.public, self.tracking = private, public_key_of(private), tracking

    async def _stop(self, why: str) -> None:
        self.log.info("key backup stopped: %s", why)
        self.private, self.public, self.tracking = None, "", BackupState()
        await self.state.set(STATE_BACKUP, None)

    async def _current_version(self) -> dict[str, Any] | Failure | None:
        reply = await self.http.request("GET", f"{V3}/room_keys/version", timeout=30)
        if reply.ok:
            return reply.body
        if reply.status == 404 and reply.errcode == "M_NOT_FOUND":
            return None
        return reply.failure()

    async def create(self) -> Outcome:
        """A new backup version on the server; ``Outcome.value`` is its recovery key."""
        async with self.lock:
            secret = vodozemac.Curve25519SecretKey()
            private = bytes(secret.to_bytes())
            public = str(secret.public_key().to_base64())
            auth_data = self.sign_auth_data({"public_key": public})
            reply = await self.http.request(
                "POST",
                f"{V3}/room_keys/version",
                body={"algorithm": ALGORITHM, "auth_data": auth_data},
                timeout=30,
            )
            version = reply.body.get("version") if reply.ok else None
            if not isinstance(version, str) or not version:
                return Outcome(reply.failure() if not reply.ok else _bad_answer())
            await self.secrets.set(SECRET_BACKUP_KEY, b64(private))
            self.private, self.public, self.tracking = private, public, BackupState(version, {})
            await self.state.set(STATE_BACKUP, self.tracking.dump())
            self.log.info("key backup version %s created", version)
            failure = await self._upload_new()
        if failure is not None:
            self.log.info("the first key backup upload failed (retried after sync)")
        return Outcome(value=encode_recovery_key(private))

    async def upload_new(self) -> None:
        """Back up the sessions the backup does not have yet (after each sync)."""
        if not self.active:
            return
        async with self.lock:
            await self._upload_new()

    async def _upload_new(self) -> Failure | None:
        if not self.active:
            return None
        todo = [s for s in self.olm.inbound_group_store if self.tracking.needs(s)]
        for start in range(0, len(todo), UPLOAD_BATCH):
            batch = todo[start : start + UPLOAD_BATCH]
            reply = await self.http.request(
                "PUT",
                f"{V3}/room_keys/keys",
                query={"version": self.tracking.version},
                body=upload_body(batch, self.public),
                timeout=60,
            )
            if not reply.ok:
                if reply.errcode in ("M_WRONG_ROOM_KEYS_VERSION", "M_NOT_FOUND"):
                    await self._stop("the backup was replaced or deleted on another device")
                return reply.failure()
            for session in batch:
                self.tracking.mark(session)
            await self.state.set(STATE_BACKUP, self.tracking.dump())
            self.log.debug("backed up %d room keys", len(batch))
        return None

    async def restore(self, recovery_key: str) -> tuple[Outcome, int]:
        """Import every session of the server's current backup; (outcome, sessions imported).

        The recovery key must belong to that backup. Afterwards this device keeps backing up to it.
        """
        private = decode_recovery_key(recovery_key)
        if isinstance(private, Failure):
            return Outcome(private), 0
        return await self.restore_with(private)

    async def restore_with(self, private: bytes) -> tuple[Outcome, int]:
        """:meth:`restore` with the backup's private key itself (from secret storage)."""
        current = await self._current_version()
        if isinstance(current, Failure):
            return Outcome(current), 0
        if current is None:
            return Outcome(
                Failure(
                    FailureKind.REJECTED, CoreMessages.tr("There is no key backup on the server.")
                )
            ), 0
        version = current.get("version")
        auth_data = current.get("auth_data")
        public = auth_data.get("public_key") if isinstance(auth_data, Mapping) else None
        if current.get("algorithm") != ALGORITHM or not isinstance(version, str):
            return Outcome(
                Failure(
                    FailureKind.UNSUPPORTED,
                    CoreMessages.tr("The key backup uses a method Chinwag does not know."),
                )
            ), 0
        if public != public_key_of(private):
            return Outcome(
                Failure(
                    FailureKind.REJECTED,
                    CoreMessages.tr(
                        "This recovery key does not belong to the key backup on the server."
                    ),
                )
            ), 0
        reply = await self.http.request(
            "GET", f"{V3}/room_keys/keys", query={"version": version}, timeout=120
        )
        if not reply.ok:
            return Outcome(reply.failure()), 0
        async with self.lock:
            tracking = (
                self.tracking if self.tracking.version == version else BackupState(version, {})
            )
            imported, unreadable = self._import(reply.body, private, tracking)
            await self.secrets.set(SECRET_BACKUP_KEY, b64(private))
            self.private, self.public, self.tracking = private, str(public), tracking
            await self.state.set(STATE_BACKUP, tracking.dump())
        if unreadable:
            self.log.info("%d backed-up keys could not be read", unreadable)
        self.log.info("restored %d room keys from key backup version %s", imported, version)
        return Outcome(value=str(imported)), imported

    def _import(
        self, body: Mapping[str, Any], private: bytes, tracking: BackupState
    ) -> tuple[int, int]:
        store = self.olm.inbound_group_store
        imported = unreadable = 0
        rooms = body.get("rooms")
        for room_id, room in rooms.items() if isinstance(rooms, Mapping) else ():
            sessions = room.get("sessions") if isinstance(room, Mapping) else None
            if not isinstance(room_id, str) or not isinstance(sessions, Mapping):
                continue
            for session_id, data in sessions.items():
                session = (
                    session_from_backup(room_id, session_id, data, private)
                    if isinstance(session_id, str)
                    else None
                )
                if session is None:
                    unreadable += 1
                    continue
                tracking.mark(session)
                known = store.get(room_id, session.sender_key, session.id)
                if known is not None and known.first_known_index <= session.first_known_index:
                    continue
                store.add(session)
                self.olm.save_inbound_group_session(session)
                imported += 1
        return imported, unreadable


def _bad_answer() -> Failure:
    return Failure(
        FailureKind.PROTOCOL,
        CoreMessages.tr("The server's answer about the key backup was unusable."),
    )
