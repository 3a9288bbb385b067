"""Files: HTTP File Upload (XEP-0363) — ask the upload service for a slot, then PUT the file —
and downloading attachments (XEP-0066 links) when the person asks for one.

The resulting GET URL is what the core sends as the attachment (with XEP-0066 out-of-band data).
A pinned certificate only stands for our own server: links to anywhere else are verified normally.
"""

from __future__ import annotations

import mimetypes
import ssl
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from app.backend import Failure, FailureKind, Outcome
from app.i18n import CoreMessages
from backends.xmpp import ns, stanzas
from backends.xmpp.ns import q
from backends.xmpp.session import IqFailure, XmppSession
from backends.xmpp.tls import build_context
from backends.xmpp.upload import MAX_DOWNLOAD, UploadError, get_file, put_file


class FileService:
    """Uploads through the server's XEP-0363 service, trusting it as the XMPP connection does."""

    def __init__(self, session: XmppSession, ssl_context: ssl.SSLContext) -> None:
        self.session = session
        self.ssl_context = ssl_context

    async def upload(
        self,
        path: Path,
        progress: Callable[[int, int], None],
        *,
        name: str | None = None,
        content_type: str | None = None,
    ) -> Outcome:
        """Upload ``path`` (announced as ``name``, by default its own name)."""
        session = self.session
        name = name or path.name
        service = session.features.upload_service
        if not service:
            return Outcome(
                Failure(
                    FailureKind.UNSUPPORTED, CoreMessages.tr("This server offers no file upload.")
                )
            )
        try:
            size = path.stat().st_size
        except OSError as exc:
            return Outcome(
                Failure(FailureKind.REJECTED, CoreMessages.tr("Cannot read the file: %1").arg(exc))
            )
        limit = session.features.upload_max_size
        if limit is not None and size > limit:
            return Outcome(
                Failure(
                    FailureKind.REJECTED,
                    CoreMessages.tr("The file is too large for this server (at most %1 KiB).").arg(
                        limit // 1024
                    ),
                )
            )
        content_type = content_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
        try:
            result = await session.iq(
                "get", service, stanzas.upload_request(name, size, content_type)
            )
        except IqFailure as exc:
            return Outcome(exc.failure("The server refused the upload"))
        slot = result.find(q(ns.UPLOAD, "slot"))
        put = None if slot is None else slot.find(q(ns.UPLOAD, "put"))
        get = None if slot is None else slot.find(q(ns.UPLOAD, "get"))
        put_url = None if put is None else put.get("url")
        get_url = None if get is None else get.get("url")
        if put is None or not put_url or not get_url:
            return Outcome(
                Failure(
                    FailureKind.PROTOCOL, CoreMessages.tr("The upload service sent no address.")
                )
            )
        headers = {
            h.get("name", ""): (h.text or "")
            for h in put.findall(q(ns.UPLOAD, "header"))
            if h.get("name")
        }
        try:
            await put_file(
                put_url,
                path,
                content_type=content_type,
                headers=headers,
                ssl_context=self.ssl_context,
                pinned=session.settings.fingerprint,
                progress=progress,
            )
        except UploadError as exc:
            kind = FailureKind.TLS if exc.fingerprint else FailureKind.NETWORK
            return Outcome(Failure(kind, str(exc), exc.retryable, detail=exc.fingerprint))
        return Outcome(value=get_url)

    async def download(
        self, url: str, destination: Path, progress: Callable[[int, int], None]
    ) -> Outcome:
        settings = self.session.settings
        host = (urlsplit(url).hostname or "").lower()
        upload_host = urlsplit(f"//{self.session.features.upload_service}").hostname or ""
        ours = host in {settings.domain, settings.host.lower(), upload_host} - {""}
        limit = MAX_DOWNLOAD
        if ours:
            context, pinned = self.ssl_context, settings.fingerprint
            limit = self.session.features.upload_max_size or MAX_DOWNLOAD  # nothing bigger fits
        else:
            context, pinned = build_context(settings.ca_file, ""), ""
        try:
            await get_file(
                url,
                destination,
                ssl_context=context,
                pinned=pinned,
                progress=progress,
                max_size=limit,
            )
        except UploadError as exc:
            kind = FailureKind.TLS if exc.fingerprint else FailureKind.NETWORK
            return Outcome(Failure(kind, str(exc), exc.retryable, detail=exc.fingerprint))
        return Outcome(value=str(destination))
