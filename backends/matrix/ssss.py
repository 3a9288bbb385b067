"""Secret storage on the server (SSSS) for one session: set it up, open it with a recovery key.

Why: the account's cross-signing private keys and the key backup's key must reach every device of
the person, of any client. They are kept in account data (``m.cross_signing.*``,
``m.megolm_backup.v1``) encrypted with the storage key named by ``m.secret_storage.default_key``;
the person holds that key as a recovery key or a passphrase. The cryptography is in
:mod:`.secretstore`.

Keys read from the storage are trusted only when they match the public keys the server publishes
for the account (a server that rewrote the account data could otherwise hand us its own keys).
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Mapping
from typing import Any

from app.backend import Failure, FailureKind, Outcome, SecretAccess
from backends.matrix import crosssign as xs
from backends.matrix import keybackup as kb
from backends.matrix import secretstore as ss
from backends.matrix.convert import ServiceLog
from backends.matrix.http import V3, MatrixHttp, q

CROSS_SIGNING_SECRETS = {
    ss.MASTER: xs.MASTER,
    ss.SELF_SIGNING: xs.SELF_SIGNING,
    ss.USER_SIGNING: xs.USER_SIGNING,
}
"""Secret name in the storage → cross-signing usage."""


class NoStorage(Exception):
    """The account has no secret storage (or none this client can read)."""


class SecretStorage:
    """The account's secret storage: set up (with what this device holds) and opened."""

    def __init__(
        self,
        http: MatrixHttp,
        secrets_: SecretAccess,
        log: ServiceLog,
        *,
        user_id: str,
        cross: xs.CrossSigning,
        backup: kb.KeyBackup,
    ) -> None:
        self.http = http
        self.secrets = secrets_
        self.log = log
        self.user_id = user_id
        self.cross = cross
        self.backup = backup

    # -- account data ----------------------------------------------------------------------------

    def _path(self, event_type: str) -> str:
        return f"{V3}/user/{q(self.user_id)}/account_data/{q(event_type)}"

    async def _get(self, event_type: str) -> dict[str, Any] | Failure | None:
        """The account data of ``event_type``; None when the account has none."""
        reply = await self.http.request("GET", self._path(event_type), timeout=30)
        if reply.ok:
            return reply.body
        if reply.status == 404:
            return None
        return reply.failure()

    async def _put(self, event_type: str, content: Mapping[str, Any]) -> Failure | None:
        reply = await self.http.request("PUT", self._path(event_type), body=content, timeout=30)
        return None if reply.ok else reply.failure()

    async def default_key(self) -> ss.KeyDescription | Failure | None:
        """The description of the account's default storage key, if it has one we can use."""
        default = await self._get(ss.DEFAULT_KEY)
        if default is None or isinstance(default, Failure):
            return default
        key_id = default.get("key")
        if not isinstance(key_id, str) or not key_id:
            return None
        content = await self._get(ss.KEY_PREFIX + key_id)
        if content is None or isinstance(content, Failure):
            return content
        return ss.parse_description(key_id, content)

    # -- set up ----------------------------------------------------------------------------------

    async def set_up(self, passphrase: str = "") -> Outcome:
        """A new storage key holding our cross-signing keys and the backup key (a backup is
        made first when there is none); ``Outcome.value`` is its recovery key.

        An account whose storage another client made is not replaced unless this device holds
        every secret in it: the person would lose what only the old storage had."""
        await self.cross.set_up_keys()
        held = self._held_cross_signing()
        existing = await self.default_key()
        if isinstance(existing, Failure):
            return Outcome(existing)
        if existing is not None and len(held) < len(CROSS_SIGNING_SECRETS):
            return Outcome(
                Failure(
                    FailureKind.REJECTED,
                    "This account already has secure storage made on another device. "
                    "Enter its recovery key instead of making a new one.",
                )
            )
        if self.backup.private is None:
            made = await self.backup.create()
            if made.failure is not None:
                return made
        if passphrase:
            salt = secrets.token_urlsafe(24)
            iterations = ss.PBKDF2_ITERATIONS
            key = await asyncio.to_thread(ss.passphrase_key, passphrase, salt, iterations)
            description = ss.new_description(key, salt=salt, iterations=iterations)
        else:
            key = secrets.token_bytes(ss.KEY_SIZE)
            description = ss.new_description(key)
        key_id = ss.new_key_id()
        values = dict(held)
        if self.backup.private is not None:
            values[ss.BACKUP] = xs.b64(self.backup.private)
        failure = await self._put(ss.KEY_PREFIX + key_id, description)
        for name, value in values.items():
            failure = failure or await self._put(
                name, ss.encrypted_secret(key_id, key, name, value)
            )
        failure = failure or await self._put(ss.DEFAULT_KEY, {"key": key_id})
        if failure is not None:
            self.log.info("secret storage not set up: %s", failure.message)
            return Outcome(failure)
        self.log.info("secret storage %s set up with %d secrets", key_id, len(values))
        return Outcome(value=kb.encode_recovery_key(key))

    def _held_cross_signing(self) -> dict[str, str]:
        """Our private cross-signing keys that match the account's published ones."""
        out: dict[str, str] = {}
        for name, usage in CROSS_SIGNING_SECRETS.items():
            key = self.cross.book.signing_key(usage)
            if key is not None:
                out[name] = key.secret()
        return out

    # -- open --------------------------------------------------------------------------------------

    async def storage_key(self, text: str) -> tuple[str, bytes] | Failure:
        """The default storage key's id and the key itself from a recovery key or passphrase.

        ``NoStorage`` when the account has no storage we can read."""
        description = await self.default_key()
        if isinstance(description, Failure):
            return description
        if description is None:
            raise NoStorage
        decoded = kb.decode_recovery_key(text)
        if isinstance(decoded, Failure):
            if not description.has_passphrase:
                return decoded
            decoded = await asyncio.to_thread(
                ss.passphrase_key, text, description.salt, description.iterations
            )
        if not ss.key_matches(decoded, description):
            return Failure(
                FailureKind.REJECTED,
                "This recovery key or passphrase does not belong to this account's secure storage.",
            )
        return description.key_id, decoded

    async def read(self, key_id: str, key: bytes, name: str) -> str | None:
        content = await self._get(name)
        if content is None or isinstance(content, Failure):
            return None
        value = ss.open_secret(key_id, key, name, content)
        if value is None:
            self.log.info("secret %s could not be read with the storage key", name)
        return value

    async def unlock(self, text: str) -> tuple[Outcome, int]:
        """Open the storage, take the cross-signing keys that match the published ones and the
        backup key, and restore the backup (``Outcome.value``: keys imported).

        Raises ``NoStorage`` when the account has none (the caller tries a bare backup key)."""
        opened = await self.storage_key(text)
        if isinstance(opened, Failure):
            return Outcome(opened), 0
        key_id, key = opened
        taken = await self.adopt_cross_signing(
            {name: await self.read(key_id, key, name) for name in CROSS_SIGNING_SECRETS}
        )
        backup_text = await self.read(key_id, key, ss.BACKUP)
        private = _backup_key(backup_text)
        if private is None:
            self.log.info("secret storage opened (%d cross-signing keys), no backup key", taken)
            return Outcome(value="0"), 0
        return await self.backup.restore_with(private)

    async def adopt_cross_signing(self, found: Mapping[str, str | None]) -> int:
        """Keep the private keys (by secret name) whose public half is the account's; sign this
        device with them. Returns how many were kept."""
        failure = await self.cross.refresh([self.user_id])
        own = self.cross.book.own
        if failure is not None or own is None:
            return 0
        published = {xs.MASTER: own.master, xs.SELF_SIGNING: own.self_signing}
        published[xs.USER_SIGNING] = own.user_signing
        kept = 0
        for name, text in found.items():
            usage = CROSS_SIGNING_SECRETS.get(name)
            key = xs.SigningKey.from_secret(text)
            if usage is None or key is None:
                continue
            if not published[usage] or key.public != published[usage]:
                self.log.warning("the stored %s key is not the account's; ignored", usage)
                continue
            await self.secrets.set(xs.SECRET_KEYS[usage], key.secret())
            kept += 1
        if kept:
            await self.cross.set_up_keys()  # loads them and signs this device
            self.log.info("took %d cross-signing keys from secret storage", kept)
        return kept


def _backup_key(text: str | None) -> bytes | None:
    raw = ss.b64decode(text) if text else None
    return raw if raw is not None and len(raw) == kb.KEY_SIZE else None
