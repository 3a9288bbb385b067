"""XEP-0454 OMEMO media sharing: files encrypted with AES-256-GCM, shared as ``aesgcm://`` links.

The sender encrypts the file with a fresh 32-byte key and 12-byte IV (the 16-byte tag appended),
uploads the ciphertext through HTTP File Upload, and sends ``aesgcm://host/path#<iv><key>`` (hex)
inside an encrypted message. The link must never travel in plain (its fragment is the key), never
be opened by a browser, and is parsed strictly: only a message that *is* such a link (optionally
followed by one ``data:`` thumbnail line) counts as a shared file. Links with the 16-byte IVs older
Conversations and Gajim versions send are read too.

Files are encrypted and decrypted in pieces (a video is not held in memory), in a worker thread
(the core's loop keeps running), and a damaged or altered file fails on its tag: the partial
output is deleted, never handed over.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from app.i18n import CoreMessages

SCHEME = "aesgcm"
KEY_BYTES = 32
IV_BYTES = 12
TAG_BYTES = 16
CHUNK = 256 * 1024
_FRAGMENT = re.compile(r"^(?:[0-9a-fA-F]{24}|[0-9a-fA-F]{32})[0-9a-fA-F]{64}$")


class FileCryptoError(Exception):
    """A file could not be encrypted or decrypted (unreadable, or altered on the way)."""


@dataclass(frozen=True, slots=True)
class AesGcmLink:
    """What an ``aesgcm://`` link holds."""

    https_url: str  # where the ciphertext is downloaded from
    iv: bytes
    key: bytes

    @property
    def filename(self) -> str:
        parts = urlsplit(self.https_url)
        return unquote(parts.path.rstrip("/").rpartition("/")[2]) or parts.netloc

    def link(self) -> str:
        return make_link(self.https_url, self.iv, self.key)


def make_link(https_url: str, iv: bytes, key: bytes) -> str:
    """The ``aesgcm://`` form of an HTTPS download URL (XEP-0454: never of plain HTTP)."""
    parts = urlsplit(https_url)
    if parts.scheme != "https" or not parts.netloc:
        raise ValueError("only an https:// URL can become an aesgcm:// link")
    if len(key) != KEY_BYTES or len(iv) not in (IV_BYTES, 16):
        raise ValueError("wrong key or IV size")
    rest = https_url.split("://", 1)[1].split("#", 1)[0]
    return f"{SCHEME}://{rest}#{iv.hex()}{key.hex()}"


def parse_link(text: str) -> AesGcmLink | None:
    """An ``aesgcm://`` link, strictly (host, path, 88 or 96 hex digits); else None."""
    text = text.strip()
    if not text.lower().startswith(f"{SCHEME}://") or any(c.isspace() for c in text):
        return None
    rest, _, fragment = text[len(SCHEME) + 3 :].partition("#")
    if not _FRAGMENT.match(fragment):
        return None
    https_url = f"https://{rest}"
    parts = urlsplit(https_url)
    if not parts.hostname or not parts.path or parts.path == "/":
        return None
    raw = bytes.fromhex(fragment)
    return AesGcmLink(https_url, raw[:-KEY_BYTES], raw[-KEY_BYTES:])


def parse_body(body: str) -> AesGcmLink | None:
    """The shared file of a message body that is exactly a link, or a link and a ``data:``
    thumbnail on the next line (XEP-0454 §4); anything else is an ordinary message."""
    lines = body.strip().split("\n")
    if len(lines) > 2 or (len(lines) == 2 and not lines[1].strip().startswith("data:image/")):
        return None
    return parse_link(lines[0])


def new_secrets() -> tuple[bytes, bytes]:
    """(iv, key) for one file."""
    return secrets.token_bytes(IV_BYTES), secrets.token_bytes(KEY_BYTES)


def encrypted_size(size: int) -> int:
    return size + TAG_BYTES


def encrypt_file(source: Path, destination: Path, iv: bytes, key: bytes) -> None:
    """Write ``source`` encrypted (ciphertext, then the tag) to ``destination`` (mode 0600)."""
    encryptor = Cipher(algorithms.AES(key), modes.GCM(iv)).encryptor()
    try:
        with source.open("rb") as src, _private(destination) as dst:
            while piece := src.read(CHUNK):
                dst.write(encryptor.update(piece))
            dst.write(encryptor.finalize())
            dst.write(encryptor.tag)
    except OSError as exc:
        with contextlib.suppress(OSError):
            destination.unlink()
        raise FileCryptoError(f"Cannot encrypt the file: {exc.strerror or exc}") from exc


def decrypt_file(source: Path, destination: Path, iv: bytes, key: bytes) -> None:
    """Write the plaintext of ``source`` (ciphertext + tag) to ``destination``; on a wrong tag
    nothing is left at ``destination`` and :class:`FileCryptoError` says the file was altered."""
    try:
        size = source.stat().st_size
        if size < TAG_BYTES:
            raise FileCryptoError(
                CoreMessages.tr("The downloaded file is too short to be an encrypted file.")
            )
        with source.open("rb") as src:
            src.seek(size - TAG_BYTES)
            tag = src.read(TAG_BYTES)
            src.seek(0)
            decryptor = Cipher(algorithms.AES(key), modes.GCM(iv, tag)).decryptor()
            left = size - TAG_BYTES
            with _private(destination) as dst:
                while left > 0:
                    piece = src.read(min(CHUNK, left))
                    if not piece:
                        raise FileCryptoError(CoreMessages.tr("The downloaded file ended early."))
                    left -= len(piece)
                    dst.write(decryptor.update(piece))
                decryptor.finalize()
    except InvalidTag as exc:
        with contextlib.suppress(OSError):
            destination.unlink()
        raise FileCryptoError(
            CoreMessages.tr(
                "The file could not be decrypted: it was damaged or altered on the way."
            )
        ) from exc
    except FileCryptoError:
        with contextlib.suppress(OSError):
            destination.unlink()
        raise
    except OSError as exc:
        with contextlib.suppress(OSError):
            destination.unlink()
        raise FileCryptoError(f"Cannot decrypt the file: {exc.strerror or exc}") from exc


@contextlib.contextmanager
def _private(path: Path) -> Iterator[BinaryIO]:
    """A new file only we can read (an encrypted file's plaintext included)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        yield handle
