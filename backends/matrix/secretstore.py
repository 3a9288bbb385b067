"""Secret storage (SSSS) cryptography, pure: spec "Secret storage", ``m.secret_storage.v1.aes-hmac-sha2``.

Why: Element and every other current client keep the cross-signing private keys and the key
backup's key on the server, encrypted with one *secret storage key* that the person holds as a
recovery key (or derives from a passphrase). A new device — of any client — that is given that key
can then read them; a bare backup key cannot do that.

Each secret is encrypted with keys derived by HKDF-SHA256 (salt 32 zero bytes, info = the
secret's name): AES-256-CTR with a random 128-bit IV (bit 63 cleared) and an HMAC-SHA256 over the
ciphertext. A key description carries the same encryption of 32 zero bytes under the name ``""``
so a wrong key is recognised before anything is decrypted. No I/O here; see :mod:`.ssss`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

ALGORITHM = "m.secret_storage.v1.aes-hmac-sha2"
PBKDF2 = "m.pbkdf2"
KEY_SIZE = 32
PBKDF2_ITERATIONS = 500_000  # what Element uses
MAX_PBKDF2_ITERATIONS = 10_000_000  # a hostile key description must not keep us busy for hours
MAX_SECRET_CHARS = 64 * 1024
DEFAULT_KEY = "m.secret_storage.default_key"
KEY_PREFIX = "m.secret_storage.key."
MASTER = "m.cross_signing.master"
SELF_SIGNING = "m.cross_signing.self_signing"
USER_SIGNING = "m.cross_signing.user_signing"
BACKUP = "m.megolm_backup.v1"
SECRET_NAMES = (MASTER, SELF_SIGNING, USER_SIGNING, BACKUP)


def b64encode(data: bytes) -> str:
    """Padded standard base64, as matrix-js-sdk writes SSSS fields (both forms are read)."""
    return base64.b64encode(data).decode()


def b64decode(text: object) -> bytes | None:
    """Padded or unpadded standard base64; None when it is not base64 (never raises)."""
    if not isinstance(text, str):
        return None
    stripped = text.rstrip("=")
    try:
        return base64.b64decode(stripped + "=" * (-len(stripped) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None


def derive(key: bytes, name: str) -> tuple[bytes, bytes]:
    """The AES key and the HMAC key for the secret ``name`` (HKDF-SHA256, 64 bytes)."""
    # Imported here, not with the backend: the cryptography package is 6 MB of memory that
    # only secret storage needs (it was most of a 10 MB growth of the idle window).
    from cryptography.hazmat.primitives import hashes  # noqa: PLC0415
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF  # noqa: PLC0415

    out = HKDF(algorithm=hashes.SHA256(), length=64, salt=bytes(32), info=name.encode()).derive(key)
    return out[:32], out[32:]


def _ctr(aes_key: bytes, iv: bytes, data: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes  # noqa: PLC0415

    cipher = Cipher(algorithms.AES(aes_key), modes.CTR(iv)).encryptor()
    return cipher.update(data) + cipher.finalize()


def new_iv() -> bytes:
    iv = bytearray(secrets.token_bytes(16))
    iv[8] &= 0x7F  # the spec clears bit 63 so the counter never wraps (Android/Safari AES-CTR)
    return bytes(iv)


def encrypt(key: bytes, name: str, plaintext: bytes, iv: bytes | None = None) -> dict[str, str]:
    """``{"iv", "ciphertext", "mac"}`` of ``plaintext`` stored under the secret ``name``."""
    iv = iv if iv is not None else new_iv()
    aes_key, mac_key = derive(key, name)
    ciphertext = _ctr(aes_key, iv, plaintext)
    mac = hmac.new(mac_key, ciphertext, hashlib.sha256).digest()
    return {"iv": b64encode(iv), "ciphertext": b64encode(ciphertext), "mac": b64encode(mac)}


def decrypt(key: bytes, name: str, data: object) -> bytes | None:
    """The plaintext of one encrypted secret, or None when the MAC does not match or the data is
    malformed (never raises)."""
    if not isinstance(data, Mapping):
        return None
    iv, ciphertext, mac = (b64decode(data.get(k)) for k in ("iv", "ciphertext", "mac"))
    if iv is None or ciphertext is None or mac is None or len(iv) != 16:
        return None
    aes_key, mac_key = derive(key, name)
    if not hmac.compare_digest(hmac.new(mac_key, ciphertext, hashlib.sha256).digest(), mac):
        return None
    return _ctr(aes_key, iv, ciphertext)


def key_check(key: bytes, iv: bytes | None = None) -> dict[str, str]:
    """The ``iv`` and ``mac`` a key description carries: 32 zero bytes encrypted under ``""``."""
    sealed = encrypt(key, "", bytes(32), iv)
    return {"iv": sealed["iv"], "mac": sealed["mac"]}


@dataclass(frozen=True)
class KeyDescription:
    """What ``m.secret_storage.key.<id>`` says about one storage key (checked shape)."""

    key_id: str
    iv: bytes | None
    mac: bytes | None
    salt: str = ""
    iterations: int = 0
    bits: int = 256
    name: str = ""

    @property
    def has_passphrase(self) -> bool:
        return bool(self.salt) and self.iterations > 0


def parse_description(key_id: str, content: object) -> KeyDescription | None:
    """A key description we can use, or None (another algorithm, or malformed)."""
    if not isinstance(content, Mapping) or content.get("algorithm") != ALGORITHM:
        return None
    iv, mac = b64decode(content.get("iv")), b64decode(content.get("mac"))
    salt, iterations, bits = "", 0, 256
    passphrase = content.get("passphrase")
    if isinstance(passphrase, Mapping) and passphrase.get("algorithm") == PBKDF2:
        raw_salt, raw_iterations = passphrase.get("salt"), passphrase.get("iterations")
        raw_bits = passphrase.get("bits", 256)
        if (
            isinstance(raw_salt, str)
            and isinstance(raw_iterations, int)
            and 0 < raw_iterations <= MAX_PBKDF2_ITERATIONS
            and raw_bits == 256
        ):
            salt, iterations = raw_salt, raw_iterations
    name = content.get("name")
    return KeyDescription(
        key_id,
        iv if iv is not None and len(iv) == 16 else None,
        mac,
        salt,
        iterations,
        bits,
        name if isinstance(name, str) else "",
    )


def key_matches(key: bytes, description: KeyDescription) -> bool:
    """Whether ``key`` is the one ``description`` was made for (the zero-bytes MAC check).

    A description without ``iv``/``mac`` (very old clients) cannot be checked: False, since
    trusting an unchecked key would later import whatever an attacker stored."""
    if description.iv is None or description.mac is None:
        return False
    expected = b64decode(key_check(key, description.iv)["mac"])
    return expected is not None and hmac.compare_digest(expected, description.mac)


def passphrase_key(passphrase: str, salt: str, iterations: int) -> bytes:
    """The storage key of a passphrase (``m.pbkdf2``: PBKDF2-HMAC-SHA-512, 256 bits)."""
    return hashlib.pbkdf2_hmac("sha512", passphrase.encode(), salt.encode(), iterations, KEY_SIZE)


def new_key_id() -> str:
    return secrets.token_urlsafe(24)[:32]


def new_description(
    key: bytes, *, salt: str = "", iterations: int = 0, name: str = ""
) -> dict[str, Any]:
    """The content of ``m.secret_storage.key.<id>`` for a new storage key."""
    content: dict[str, Any] = {"algorithm": ALGORITHM, **key_check(key)}
    if name:
        content["name"] = name
    if salt:
        content["passphrase"] = {
            "algorithm": PBKDF2,
            "salt": salt,
            "iterations": iterations,
            "bits": 256,
        }
    return content


def encrypted_secret(key_id: str, key: bytes, name: str, value: str) -> dict[str, Any]:
    """The account data content for one secret encrypted with one storage key."""
    return {"encrypted": {key_id: encrypt(key, name, value.encode())}}


def open_secret(key_id: str, key: bytes, name: str, content: object) -> str | None:
    """The secret's text from its account data content, or None (not there, wrong key, bad)."""
    if not isinstance(content, Mapping):
        return None
    encrypted = content.get("encrypted")
    sealed = encrypted.get(key_id) if isinstance(encrypted, Mapping) else None
    plain = decrypt(key, name, sealed)
    if plain is None or len(plain) > MAX_SECRET_CHARS:
        return None
    try:
        return plain.decode()
    except UnicodeDecodeError:
        return None
