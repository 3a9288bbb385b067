"""OMEMO keys and sessions at rest: python-omemo's key-value storage, encrypted under a keyring key.

python-omemo keeps everything it must remember — our identity key, signed pre-key and pre-keys,
every double-ratchet session, the device lists and identity keys of others, trust decisions — as
JSON values under string keys. :class:`EncryptedStorage` keeps each value in its own small file in
``ctx.data_dir/omemo/`` (mode 0700; deleted with the account):

- the file's *name* is an HMAC of the key (so the folder does not list whose sessions we hold);
- its *content* is ``version ‖ nonce ‖ AES-256-GCM(value)``, the key's name as associated data
  (a file renamed to another key's name does not decrypt);
- it is written to a temporary file, flushed to disk and renamed over the old one, so a crash
  leaves the old value or the new one, never half of either (a ratchet that went back would
  re-use message keys);
- the 32-byte key is made on first use and lives **only in the system keyring**
  (:data:`SECRET_NAME`, beside the account's password). A copy of the folder without the keyring
  is unreadable.

A canary value written with the first key tells a lost or different keyring key from a damaged
file: when it does not decrypt the whole folder is moved aside (``omemo.unreadable-<time>``) and
this installation starts as a new OMEMO device — as the Matrix backend does with its Olm store.
File work runs on one worker thread, in order, so the core's loop never waits on a disk flush.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import hashlib
import hmac
import json
import os
import secrets
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from omemo.storage import Just, Maybe, Nothing, Storage, StorageException
from omemo.types import JSONType

from app.backend import SecretAccess

SECRET_NAME = "omemo_storage_key"
FOLDER = "omemo"
_VERSION = b"\x01"
_NONCE = 12
_CANARY = "/chinwag/canary"
T = TypeVar("T")


class KeyringRefused(Exception):
    """The keyring did not keep a new storage key."""


class UnreadableStore(Exception):
    """The stored keys cannot be decrypted with the keyring's key (lost, or another one)."""


class EncryptedStorage(Storage):
    """python-omemo's storage interface over encrypted files (see the module docstring)."""

    def __init__(self, folder: Path, key: bytes) -> None:
        super().__init__()
        if len(key) != 32:
            raise ValueError("the storage key must be 32 bytes")
        self.folder = folder
        self._names = hmac.new(key, b"chinwag omemo file names", hashlib.sha256).digest()
        self._aead = AESGCM(hmac.new(key, b"chinwag omemo values", hashlib.sha256).digest())
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="omemo-store")

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    async def open(
        cls, data_dir: Path, secrets_access: SecretAccess, log: Callable[[str], None]
    ) -> EncryptedStorage:
        """The account's store, its key taken from (or first put into) the keyring.

        An existing folder the key cannot read is moved aside and a new, empty store begins.
        """
        folder = data_dir / FOLDER
        stored = await secrets_access.get(SECRET_NAME)
        key = _decode_key(stored)
        if key is None:
            if stored:
                log("the keyring's OMEMO storage key is malformed; starting a new OMEMO device")
            key = secrets.token_bytes(32)
            encoded = base64.b64encode(key).decode("ascii")
            await secrets_access.set(SECRET_NAME, encoded)
            if await secrets_access.get(SECRET_NAME) != encoded:
                # A keyring that does not keep the key (or "test connection", which stores
                # nothing) would make a new OMEMO device every time: no OMEMO then.
                raise KeyringRefused("the keyring did not keep the OMEMO storage key")
            if _has_files(folder):
                _move_aside(folder, log)
        store = cls(folder, key)
        try:
            await store.check()
        except UnreadableStore:
            await store.close()
            _move_aside(folder, log)
            store = cls(folder, key)
            await store.check()
        return store

    async def check(self) -> None:
        """Create the folder and the canary, or prove the key reads what is there."""
        await self._run(self._prepare)

    def _prepare(self) -> None:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            self.folder.chmod(0o700)
        path = self._path(_CANARY)
        if path.exists():
            try:
                self._read(_CANARY)
            except StorageException as exc:
                raise UnreadableStore(str(exc)) from exc
        elif _has_files(self.folder):
            raise UnreadableStore("the folder has keys but no canary")
        else:
            self._write(_CANARY, "chinwag")

    async def close(self) -> None:
        """Finish pending writes and end the worker thread."""
        await asyncio.get_running_loop().run_in_executor(None, self._worker.shutdown, True)

    # -- python-omemo's interface ------------------------------------------------------------

    async def _load(self, key: str) -> Maybe[JSONType]:
        return await self._run(lambda: self._read(key))

    async def _store(self, key: str, value: JSONType) -> None:
        await self._run(lambda: self._write(key, value))

    async def _delete(self, key: str) -> None:
        await self._run(lambda: self._path(key).unlink(missing_ok=True))

    # -- files -------------------------------------------------------------------------------

    def _path(self, key: str) -> Path:
        name = hmac.new(self._names, key.encode("utf-8"), hashlib.sha256).hexdigest()[:40]
        return self.folder / name

    def _read(self, key: str) -> Maybe[JSONType]:
        path = self._path(key)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return Nothing()
        except OSError as exc:
            raise StorageException(f"cannot read an OMEMO value: {exc}") from exc
        if len(raw) < 1 + _NONCE + 16 or raw[:1] != _VERSION:
            raise StorageException("an OMEMO value file is damaged")
        try:
            plain = self._aead.decrypt(raw[1 : 1 + _NONCE], raw[1 + _NONCE :], key.encode())
            value: JSONType = json.loads(plain)
        except (InvalidTag, ValueError) as exc:
            raise StorageException("an OMEMO value file does not decrypt") from exc
        return Just(value)

    def _write(self, key: str, value: JSONType) -> None:
        nonce = secrets.token_bytes(_NONCE)
        plain = json.dumps(value, separators=(",", ":")).encode("utf-8")
        data = _VERSION + nonce + self._aead.encrypt(nonce, plain, key.encode())
        path = self._path(key)
        temporary = path.with_name(path.name + ".tmp")
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise StorageException(f"cannot write an OMEMO value: {exc}") from exc

    async def _run(self, work: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._worker, work)


def _decode_key(stored: str | None) -> bytes | None:
    if not stored:
        return None
    try:
        key = base64.b64decode(stored, validate=True)
    except (binascii.Error, ValueError):
        return None
    return key if len(key) == 32 else None


def _has_files(folder: Path) -> bool:
    try:
        return any(folder.iterdir())
    except OSError:
        return False


def _move_aside(folder: Path, log: Callable[[str], None]) -> None:
    if not folder.exists():
        return
    target = folder.with_name(f"{folder.name}.unreadable-{int(time.time())}-{secrets.token_hex(3)}")
    folder.rename(target)
    log(f"the OMEMO keys could not be read with the keyring's key; kept them in {target.name}")
