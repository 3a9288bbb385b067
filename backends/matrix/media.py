"""Files: uploads to the media repository (encrypted for encrypted rooms), downloads, thumbnails.

Downloads use the authenticated endpoint (``/_matrix/client/v1/media``, spec 1.11) with the
legacy ``/_matrix/media/v3`` path for older servers, and are bounded in size and in silence
(:meth:`MatrixHttp.download`). An encrypted file's key, IV and hash travel in its URL
(:func:`convert.encrypted_url`); its ciphertext is checked and decrypted after the download.
"""

from __future__ import annotations

import asyncio
import mimetypes
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import nio  # type: ignore[import-untyped]

from app.backend import Failure, FailureKind, Outcome
from app.i18n import CoreMessages
from app.models import Attachment, ConversationId
from backends.matrix import convert as cv
from backends.matrix.encryption import Encryption
from backends.matrix.http import MAX_DOWNLOAD_BYTES, q
from backends.matrix.session import MatrixSession, not_connected

MEDIA_V1 = "/_matrix/client/v1/media"  # authenticated media (spec 1.11, MSC3916)
MEDIA_LEGACY = "/_matrix/media/v3"
THUMBNAIL_MAX_BYTES = 10 * 1024 * 1024
Progress = Callable[[int, int], None]


class Media:
    """Uploads and downloads of one session."""

    def __init__(self, session: MatrixSession, encryption: Encryption) -> None:
        self.session = session
        self.encryption = encryption
        self._image_sizes: dict[str, tuple[int, int]] = {}  # uploaded URL → (width, height)

    def with_size(self, attachment: Attachment) -> Attachment:
        """The attachment with the image size we measured when uploading it (if we did)."""
        size = self._image_sizes.get(attachment.url)
        if size is None or attachment.width is not None:
            return attachment
        return Attachment(
            url=attachment.url,
            filename=attachment.filename,
            mime_type=attachment.mime_type,
            size=attachment.size,
            width=size[0],
            height=size[1],
            thumbnail_url=attachment.thumbnail_url,
        )

    async def upload(self, conv: ConversationId, path: Path, progress: Progress) -> Outcome:
        """Upload to the media repository; ``Outcome.value`` is the ``mxc://`` URL."""
        session = self.session
        if not session.connected():
            return Outcome(not_connected())
        try:
            size = path.stat().st_size
            head = await asyncio.to_thread(_read_head, path)
        except OSError as exc:
            return Outcome(
                Failure(FailureKind.CONFIG, CoreMessages.tr("The file cannot be read: %1").arg(exc))
            )
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        encrypt = await self._must_encrypt(conv.native_id)
        if isinstance(encrypt, Failure):
            return Outcome(encrypt)
        keys: dict[str, Any] = {}
        client = session.nio

        def provider(got_429: int, got_timeouts: int) -> AsyncIterator[bytes]:
            chunks = _read_chunks(path, size, progress)
            if not encrypt:
                return chunks
            keys.clear()  # a retry encrypts afresh, with new keys
            return encrypted_chunks(chunks, keys)

        async def upload() -> Any:
            resp, _ = await client.upload(
                provider,
                content_type="application/octet-stream" if encrypt else mime,
                filename=path.name,
                filesize=size,
            )
            return resp

        resp, failure = await session.api.call(upload())
        if failure is not None:
            return Outcome(failure)
        url = str(resp.content_uri)
        if encrypt:
            url = cv.encrypted_url(url, keys)  # AES-CTR key, IV and hash travel with the URL
            if not cv.split_encrypted_url(url)[1]:  # never a file nobody can decrypt
                return Outcome(
                    Failure(
                        FailureKind.PROTOCOL,
                        CoreMessages.tr(
                            "The file was not sent: its encryption did not finish. Try again."
                        ),
                        retryable=True,
                    )
                )
        dims = cv.image_size(head)
        if dims is not None:
            self._image_sizes[url] = dims
        progress(size, size)
        return Outcome(value=url)

    async def _must_encrypt(self, native_id: str) -> bool | Failure:
        """Whether a file for this conversation must be encrypted before it leaves us."""
        if not self.encryption.active:
            return False
        if native_id.startswith("@"):
            existing = self.session.existing_direct(native_id)
            if existing is None:
                return True  # the DM we would create is encrypted
            native_id = existing
        return await self.encryption.is_encrypted(native_id)

    async def download(
        self, url: str, dest: Path, progress: Progress | None, max_bytes: int | None
    ) -> Outcome:
        """Fetch ``mxc://`` media to ``dest`` (at most ``max_bytes``, else
        ``http.MAX_DOWNLOAD_BYTES``)."""
        return await self._media("download", url, dest, progress, {}, max_bytes=max_bytes)

    async def thumbnail(
        self,
        url: str,
        dest: Path,
        width: int,
        height: int,
        *,
        method: str = "scale",
        max_bytes: int | None = None,
    ) -> Outcome:
        """A server-made thumbnail of ``mxc://`` media (images), scaled to fit the box (or
        cropped to fill it: avatars); never more than :data:`THUMBNAIL_MAX_BYTES`."""
        query: dict[str, str | int] = {"width": width, "height": height, "method": method}
        limit = min(max_bytes or THUMBNAIL_MAX_BYTES, THUMBNAIL_MAX_BYTES)
        return await self._media("thumbnail", url, dest, None, query, max_bytes=limit)

    async def _media(
        self,
        kind: str,
        url: str,
        dest: Path,
        progress: Progress | None,
        query: dict[str, str | int],
        *,
        max_bytes: int | None,
    ) -> Outcome:
        if not self.session.connected():
            return Outcome(not_connected())
        http = self.session.api
        url, decryption = cv.split_encrypted_url(url)
        parsed = cv.parse_mxc(url)
        if parsed is None or decryption == {}:
            return Outcome(Failure(FailureKind.CONFIG, CoreMessages.tr("Not a Matrix media URL.")))
        if decryption is not None:  # an encrypted thumbnail is a whole (small) file
            return await self._encrypted_media(url, dest, progress, decryption, max_bytes)
        server, media_id = parsed
        suffix = f"/{kind}/{q(server)}/{q(media_id)}"
        limit = max_bytes if max_bytes is not None else MAX_DOWNLOAD_BYTES
        reply = await http.download(MEDIA_V1 + suffix, dest, progress, query=query, max_bytes=limit)
        if reply.status in (404, 405) and reply.errcode in ("M_UNRECOGNIZED", ""):
            legacy_query = {**query, "allow_redirect": "true"}
            reply = await http.download(
                MEDIA_LEGACY + suffix, dest, progress, query=legacy_query, max_bytes=limit
            )
        if not reply.ok:
            return Outcome(reply.failure())
        return Outcome(value=str(dest))

    async def _encrypted_media(
        self,
        url: str,
        dest: Path,
        progress: Progress | None,
        decryption: dict[str, Any],
        max_bytes: int | None,
    ) -> Outcome:
        """Download the ciphertext, check its SHA-256 and decrypt it (AES-CTR) into ``dest``."""
        sealed = dest.with_name(dest.name + ".enc")
        try:
            outcome = await self._media("download", url, sealed, progress, {}, max_bytes=max_bytes)
            if not outcome.ok:
                return outcome
            try:
                await asyncio.to_thread(_decrypt_file, sealed, dest, decryption)
            except (ValueError, KeyError, TypeError, nio.EncryptionError) as exc:
                return Outcome(
                    Failure(
                        FailureKind.PROTOCOL,
                        CoreMessages.tr("The encrypted file is damaged: %1").arg(exc),
                    )
                )
            return Outcome(value=str(dest))
        finally:
            sealed.unlink(missing_ok=True)


def _decrypt_file(sealed: Path, dest: Path, decryption: dict[str, Any]) -> None:
    from nio.crypto import decrypt_attachment  # type: ignore[import-untyped]  # noqa: PLC0415

    plain = decrypt_attachment(
        sealed.read_bytes(),
        decryption["key"]["k"],
        decryption["hashes"]["sha256"],
        decryption["iv"],
    )
    part = dest.with_name(dest.name + ".part")
    part.write_bytes(plain)
    part.replace(dest)


async def encrypted_chunks(
    chunks: AsyncIterator[bytes], keys: dict[str, Any]
) -> AsyncIterator[bytes]:
    """``chunks`` encrypted for an encrypted room, the decryption info put in ``keys`` before
    the last chunk is handed over.

    nio's own ``upload(encrypt=True)`` yields the info after the last chunk, and aiohttp's
    body writer asks for that only after the server has had every byte; the server's answer can
    come first (seen under load: the file went out as ``#e2e={}``, unreadable to everyone). So
    this reads one item ahead: the last chunk leaves once the info is kept.
    """
    pending: bytes | None = None
    async for item in nio.crypto.async_encrypt_attachment(chunks):
        if isinstance(item, dict):
            keys.update(item)
            continue
        if pending is not None:
            yield pending
        pending = item
    if pending is not None:
        yield pending


def _read_head(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(64 * 1024)


async def _read_chunks(path: Path, size: int, progress: Progress) -> AsyncIterator[bytes]:
    done = 0
    fh = await asyncio.to_thread(path.open, "rb")
    try:
        while True:
            chunk = await asyncio.to_thread(fh.read, 256 * 1024)
            if not chunk:
                break
            done += len(chunk)
            progress(done, size)
            yield chunk
    finally:
        await asyncio.to_thread(fh.close)
