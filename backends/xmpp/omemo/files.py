"""Encrypted file sharing (XEP-0454) on top of the HTTP upload and download of
:class:`~backends.xmpp.files.FileService`.

Uploading encrypts the file into a private temporary file (ciphertext and tag), uploads that under
the original name as ``application/octet-stream`` and returns the ``aesgcm://`` link to send.
Downloading fetches the ciphertext beside the destination, decrypts it into place and checks its
tag: a file altered on the server or on the way is a failure, and nothing is left behind.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
from collections.abc import Callable
from pathlib import Path

from app.backend import Failure, FailureKind, Outcome
from app.i18n import CoreMessages
from backends.xmpp.files import FileService
from backends.xmpp.omemo import aesgcm

OCTET_STREAM = "application/octet-stream"


class EncryptedFiles:
    """XEP-0454 uploads and downloads for one connection."""

    def __init__(self, files: FileService, scratch: Path) -> None:
        self.files = files
        self.scratch = scratch  # a private folder of the account for ciphertext in transit

    async def upload(self, path: Path, progress: Callable[[int, int], None]) -> Outcome:
        """Encrypt and upload ``path``; ``Outcome.value`` is the ``aesgcm://`` link."""
        iv, key = aesgcm.new_secrets()
        self.scratch.mkdir(mode=0o700, parents=True, exist_ok=True)
        sealed = self.scratch / f"upload-{secrets.token_hex(8)}.enc"
        try:
            await asyncio.to_thread(aesgcm.encrypt_file, path, sealed, iv, key)
            outcome = await self.files.upload(
                sealed, progress, name=path.name, content_type=OCTET_STREAM
            )
        except aesgcm.FileCryptoError as exc:
            return Outcome(Failure(FailureKind.REJECTED, str(exc)))
        finally:
            with contextlib.suppress(OSError):
                sealed.unlink()
        if not outcome.ok or not outcome.value:
            return outcome
        try:
            return Outcome(value=aesgcm.make_link(outcome.value, iv, key))
        except ValueError:
            return Outcome(
                Failure(
                    FailureKind.PROTOCOL,
                    CoreMessages.tr(
                        "The upload service gave no https:// address, so the file cannot be shared "
                        "encrypted."
                    ),
                )
            )

    async def download(
        self, url: str, destination: Path, progress: Callable[[int, int], None]
    ) -> Outcome:
        """Fetch an ``aesgcm://`` attachment and decrypt it into ``destination``."""
        link = aesgcm.parse_link(url)
        if link is None:
            return Outcome(
                Failure(
                    FailureKind.REJECTED,
                    CoreMessages.tr("This is not a valid encrypted file link."),
                )
            )
        sealed = destination.with_name(f".{destination.name}.{secrets.token_hex(4)}.enc")
        try:
            outcome = await self.files.download(link.https_url, sealed, progress)
            if not outcome.ok:
                return outcome
            await asyncio.to_thread(aesgcm.decrypt_file, sealed, destination, link.iv, link.key)
        except aesgcm.FileCryptoError as exc:
            return Outcome(Failure(FailureKind.REJECTED, str(exc)))
        finally:
            with contextlib.suppress(OSError):
                sealed.unlink()
        return Outcome(value=str(destination))
