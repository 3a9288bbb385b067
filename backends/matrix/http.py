"""The wire under the Matrix backend: raw client-server API calls and nio calls, as values.

matrix-nio owns the HTTP session (and, with end-to-end encryption, the keys), so sending, uploading
and signing in go through its methods; the sync loop, history and room administration use
:meth:`MatrixHttp.request`, which returns the decoded JSON untouched so that :mod:`.convert` sees
exactly what the server sent. Either way a transport problem or an error answer comes back as a
:class:`~app.backend.Failure`, never as an exception (nio is configured to raise on the first
timeout and to hand 429 answers back instead of sleeping, so the backend decides).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import ssl
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import aiohttp
import nio  # type: ignore[import-untyped]

from app.backend import Failure, FailureKind
from app.i18n import CoreMessages
from backends.matrix.convert import Log, error_failure
from backends.matrix.niotypes import NioClient

V3 = "/_matrix/client/v3"  # the client-server API prefix
V1 = "/_matrix/client/v1"  # where newer endpoints live (relations, authenticated media)
CHUNK = 256 * 1024
MAX_DOWNLOAD_BYTES = 100 * 1024 * 1024
"""Downloads stop here unless the caller allows more (the advertised size, when known, wins)."""
DOWNLOAD_CONNECT_TIMEOUT = 30.0
DOWNLOAD_READ_TIMEOUT = 60.0
Query = Mapping[str, str | int] | Sequence[tuple[str, str | int]]
"""Query parameters: a mapping, or pairs when a name repeats (``via=a&via=b``)."""


def q(part: str) -> str:
    """One path segment, percent-encoded (room ids contain ``!`` and ``:``, event ids ``$``)."""
    return quote(part, safe="")


@dataclass(frozen=True)
class Reply:
    """An answer of the client-server API: status and JSON body, or why there was none."""

    status: int
    body: dict[str, Any] = field(default_factory=dict)
    retry_after: str | None = None  # the Retry-After header, if any
    transport: Failure | None = None  # set when no answer arrived at all

    @property
    def ok(self) -> bool:
        return self.transport is None and 200 <= self.status < 300

    def failure(self, *, login: bool = False) -> Failure:
        if self.transport is not None:
            return self.transport
        return error_failure(self.status, self.body, self.retry_after, login=login)

    @property
    def errcode(self) -> str:
        value = self.body.get("errcode")
        return value if isinstance(value, str) else ""


def network_failure(exc: BaseException) -> Failure:
    text = str(exc) or type(exc).__name__
    return Failure(
        FailureKind.NETWORK,
        CoreMessages.tr("The homeserver cannot be reached (%1).").arg(text),
        retryable=True,
        detail=text,
    )


async def tls_fingerprint(url: str, timeout: float = 10.0) -> str:
    """SHA-256 of the certificate ``url``'s server presents (uppercase hex with colons), or ""."""
    parts = urlsplit(url)
    host = parts.hostname
    if not host:
        return ""
    port = parts.port or 443
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    writer: asyncio.StreamWriter | None = None
    try:
        async with asyncio.timeout(timeout):
            _, writer = await asyncio.open_connection(host, port, ssl=context, server_hostname=host)
        ssl_object = writer.get_extra_info("ssl_object")
        der = ssl_object.getpeercert(binary_form=True) if ssl_object else None
        if not der:
            return ""
        return ":".join(f"{b:02X}" for b in hashlib.sha256(der).digest())
    except (OSError, TimeoutError, ssl.SSLError):
        return ""
    finally:
        if writer is not None:
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()


async def tls_failure(url: str, exc: BaseException) -> Failure:
    fingerprint = await tls_fingerprint(url)
    return Failure(
        FailureKind.TLS,
        CoreMessages.tr(
            "The homeserver's certificate is not trusted. Check the server, or add its CA "
            "certificate in the account's advanced settings."
        ),
        detail=fingerprint or str(exc),
    )


TRANSPORT_ERRORS = (aiohttp.ClientError, TimeoutError, OSError)


def _pin_failure(got: str) -> Failure:
    return Failure(
        FailureKind.TLS,
        CoreMessages.tr("The homeserver's certificate is not the one trusted for this account."),
        detail=got,
    )


def nio_failure(resp: object, *, login: bool = False) -> Failure:
    """A nio ``ErrorResponse`` as a Failure (nio keeps the HTTP answer in ``transport_response``)."""
    transport = getattr(resp, "transport_response", None)
    status = int(getattr(transport, "status", 0) or 0) or 400
    header = transport.headers.get("Retry-After") if transport is not None else None
    body = {
        "errcode": getattr(resp, "status_code", None),
        "error": getattr(resp, "message", ""),
        "retry_after_ms": getattr(resp, "retry_after_ms", None),
    }
    return error_failure(status, body, header, login=login)


class MatrixHttp:
    """Requests on the nio client's HTTP session, with our access token."""

    def __init__(self, client: NioClient, log: Log) -> None:
        self.client = client
        self.log = log
        self.refresh: Callable[[], Awaitable[Failure | None]] | None = None
        """Renews the access token (:class:`~backends.matrix.tokens.TokenKeeper.refresh`)."""

    @property
    def homeserver(self) -> str:
        return str(self.client.homeserver)

    async def _transport_failure(self, exc: BaseException) -> Failure:
        if isinstance(exc, aiohttp.ServerFingerprintMismatch):
            return _pin_failure(":".join(f"{b:02X}" for b in exc.got))
        if isinstance(exc, aiohttp.ClientConnectorCertificateError | ssl.SSLCertVerificationError):
            return await tls_failure(self.homeserver, exc)
        pinned = self.client.ssl
        if isinstance(pinned, aiohttp.Fingerprint) and isinstance(
            exc, aiohttp.ClientConnectorError
        ):
            # With several addresses (localhost: ::1 and 127.0.0.1) aiohttp reports the last
            # connection error, not the mismatch: look at the certificate ourselves.
            got = await tls_fingerprint(self.homeserver)
            if got and bytes.fromhex(got.replace(":", "")) != pinned.fingerprint:
                return _pin_failure(got)
        return network_failure(exc)

    def _headers(self, auth: bool, content_type: str = "application/json") -> dict[str, str]:
        headers = {"Content-Type": content_type}
        token = self.client.access_token
        if auth and token:
            headers["Authorization"] = f"Bearer {token}"
        return headers

    async def request(
        self,
        method: str,
        path: str,
        *,
        query: Query | None = None,
        body: Mapping[str, Any] | None = None,
        timeout: float = 60.0,
        auth: bool = True,
    ) -> Reply:
        """One request; with a refresh token, an access token the server no longer knows
        (``M_UNKNOWN_TOKEN``) is renewed and the request sent once more."""
        reply = await self._request(
            method, path, query=query, body=body, timeout=timeout, auth=auth
        )
        if (
            auth
            and self.refresh is not None
            and reply.status == 401
            and reply.errcode == "M_UNKNOWN_TOKEN"
            and await self.refresh() is None
        ):
            reply = await self._request(
                method, path, query=query, body=body, timeout=timeout, auth=auth
            )
        return reply

    async def _request(
        self,
        method: str,
        path: str,
        *,
        query: Query | None,
        body: Mapping[str, Any] | None,
        timeout: float,
        auth: bool,
    ) -> Reply:
        url = path + ("?" + urlencode(query) if query else "")
        data = None if body is None else json.dumps(body)
        try:
            resp = await self.client.send(method, url, data, self._headers(auth), timeout=timeout)
            try:
                raw = await resp.read()
            finally:
                resp.release()
        except asyncio.CancelledError:
            raise
        except TRANSPORT_ERRORS as exc:
            return Reply(0, transport=await self._transport_failure(exc))
        parsed: object = {}
        if raw:
            try:
                parsed = json.loads(raw)
            except ValueError:
                parsed = {}
        return Reply(
            int(resp.status),
            parsed if isinstance(parsed, dict) else {},
            resp.headers.get("Retry-After"),
        )

    async def call(
        self, awaitable: Awaitable[Any], *, login: bool = False
    ) -> tuple[Any, Failure | None]:
        """Await a nio method; its error response or a transport error becomes a Failure."""
        try:
            resp = await awaitable
        except asyncio.CancelledError:
            raise
        except TRANSPORT_ERRORS as exc:
            return None, await self._transport_failure(exc)
        if isinstance(resp, nio.ErrorResponse):
            return resp, nio_failure(resp, login=login)
        return resp, None

    async def download(
        self,
        path: str,
        dest: Path,
        progress: Callable[[int, int], None] | None = None,
        *,
        query: Mapping[str, str | int] | None = None,
        max_bytes: int = MAX_DOWNLOAD_BYTES,
    ) -> Reply:
        """Stream a media download to ``dest`` (written to a ``.part`` name, then renamed).

        Bounded: connecting may take ``DOWNLOAD_CONNECT_TIMEOUT`` s and the server may stay silent
        for at most ``DOWNLOAD_READ_TIMEOUT`` s between two chunks (a slow but moving download is
        fine); more than ``max_bytes`` — or more than the server announced — is refused with a
        ``REJECTED`` failure and the partial file removed.
        """
        url = path + ("?" + urlencode(query) if query else "")
        part = dest.with_name(dest.name + ".part")
        timeout = aiohttp.ClientTimeout(
            total=None, sock_connect=DOWNLOAD_CONNECT_TIMEOUT, sock_read=DOWNLOAD_READ_TIMEOUT
        )
        try:
            resp = await self.client.send("GET", url, None, self._headers(True), timeout=timeout)
            try:
                if resp.status != 200:
                    raw = await resp.content.read(64 * 1024)
                    try:
                        parsed = json.loads(raw) if raw else {}
                    except ValueError:
                        parsed = {}
                    return Reply(
                        int(resp.status),
                        parsed if isinstance(parsed, dict) else {},
                        resp.headers.get("Retry-After"),
                    )
                total = int(resp.content_length or 0)
                if total > max_bytes:
                    return _too_big(total, max_bytes)
                limit = total or max_bytes
                done = 0
                dest.parent.mkdir(parents=True, exist_ok=True)
                with part.open("wb") as out:
                    async for chunk in resp.content.iter_chunked(CHUNK):
                        done += len(chunk)
                        if done > limit:
                            out.close()
                            part.unlink(missing_ok=True)
                            return _too_big(done, limit)
                        await asyncio.to_thread(out.write, chunk)
                        if progress is not None:
                            progress(done, total or done)
                part.replace(dest)
                return Reply(200, {"content_type": resp.content_type or "", "size": done})
            finally:
                resp.release()
        except asyncio.CancelledError:
            part.unlink(missing_ok=True)
            raise
        except TRANSPORT_ERRORS as exc:
            part.unlink(missing_ok=True)
            return Reply(0, transport=await self._transport_failure(exc))


def _too_big(size: int, limit: int) -> Reply:
    return Reply(
        413,
        transport=Failure(
            FailureKind.REJECTED,
            CoreMessages.tr("The file is larger than allowed (%1 bytes; at most %2).").arg(
                size, limit
            ),
            detail="M_TOO_LARGE",
        ),
    )
