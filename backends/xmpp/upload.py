"""The HTTP half of file sharing: PUT a file to an XEP-0363 slot, GET an attachment, with progress.

A few lines of HTTP/1.1 over asyncio streams instead of an HTTP library: the transfer must trust the
server exactly as the XMPP connection does (CA file or pinned fingerprint), and progress must be
reported per chunk, which is simplest when we move the chunks ourselves.

The server on the other end may be anyone's (a link in a message), so nothing it says is trusted:
a download is refused beyond a size cap (whatever its headers claim, chunk by chunk), data is read
in pieces of at most :data:`CHUNK` bytes straight to disk, a malformed answer is an
:class:`UploadError`, and a server that stops sending for :data:`READ_TIMEOUT` seconds ends the
transfer (a slow but moving transfer may take as long as it needs).
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import TypeVar
from urllib.parse import urljoin, urlsplit

from app.i18n import CoreMessages
from backends.xmpp.tls import fingerprint_of_der

T = TypeVar("T")

CHUNK = 64 * 1024
CONNECT_TIMEOUT = 30.0  # TCP and TLS handshake
READ_TIMEOUT = 60.0  # each read or write of the transfer
MAX_DOWNLOAD = 100 * 1024 * 1024  # bytes, when the server advertises no smaller limit
ALLOWED_HEADERS = ("authorization", "cookie", "expires")  # XEP-0363 §5


class UploadError(Exception):
    """The PUT did not succeed; ``retryable`` says whether trying again may help."""

    def __init__(self, message: str, *, retryable: bool = False, fingerprint: str = "") -> None:
        super().__init__(message)
        self.retryable = retryable
        self.fingerprint = fingerprint


async def put_file(
    url: str,
    path: Path,
    *,
    content_type: str,
    headers: Mapping[str, str],
    ssl_context: ssl.SSLContext,
    pinned: str,
    progress: Callable[[int, int], None],
) -> None:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise UploadError(
            CoreMessages.tr("The server offered an unencrypted upload address; refusing.")
        )
    size = path.stat().st_size
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    lines = [
        f"PUT {target} HTTP/1.1",
        f"Host: {parts.netloc}",
        f"Content-Length: {size}",
        f"Content-Type: {content_type}",
        "Connection: close",
        "User-Agent: Chinwag",
    ]
    for name, value in headers.items():
        if name.lower() in ALLOWED_HEADERS and "\n" not in value and "\r" not in value:
            lines.append(f"{name}: {value}")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode()
    try:
        reader, writer = await _open(parts.hostname, parts.port or 443, ssl_context)
        try:
            _check_pin(writer, pinned)
            writer.write(head)
            done = 0
            progress(0, size)
            with path.open("rb") as src:
                while chunk := await asyncio.to_thread(src.read, CHUNK):
                    writer.write(chunk)
                    await _io(writer.drain())
                    done += len(chunk)
                    progress(done, size)
            status_line = await _io(reader.readline())
        finally:
            await _close(writer)
    except UploadError:
        raise
    except ssl.SSLCertVerificationError as exc:
        raise UploadError(f"The upload server's certificate is not trusted: {exc}") from exc
    except (OSError, TimeoutError, ssl.SSLError) as exc:
        raise UploadError(f"The upload failed: {_reason(exc)}", retryable=True) from exc
    except (ValueError, asyncio.LimitOverrunError) as exc:
        raise UploadError(CoreMessages.tr("The upload server sent a malformed answer.")) from exc
    status = _status(status_line)
    if status not in (200, 201):
        raise UploadError(
            CoreMessages.tr("The upload server answered %1.").arg(
                status_line.decode(errors="replace").strip() or "nothing"
            ),
            retryable=status is not None and status >= 500,
        )


MAX_REDIRECTS = 3
MAX_HEADER_BYTES = 64 * 1024


async def get_file(
    url: str,
    destination: Path,
    *,
    ssl_context: ssl.SSLContext,
    pinned: str,
    progress: Callable[[int, int], None],
    max_size: int = MAX_DOWNLOAD,
) -> None:
    """Download ``url`` into ``destination`` (written beside it first, then moved into place).

    More than ``max_size`` bytes is refused, whatever the server announces."""
    for _ in range(MAX_REDIRECTS + 1):
        location = await _get_once(
            url,
            destination,
            ssl_context=ssl_context,
            pinned=pinned,
            progress=progress,
            max_size=max_size,
        )
        if location is None:
            return
        url = location
    raise UploadError(CoreMessages.tr("Too many redirections."))


async def _get_once(
    url: str,
    destination: Path,
    *,
    ssl_context: ssl.SSLContext,
    pinned: str,
    progress: Callable[[int, int], None],
    max_size: int,
) -> str | None:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise UploadError(CoreMessages.tr("Only https links are downloaded."))
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    request = (
        f"GET {target} HTTP/1.1\r\nHost: {parts.netloc}\r\nUser-Agent: Chinwag\r\n"
        "Accept-Encoding: identity\r\nConnection: close\r\n\r\n"
    ).encode()
    partial = destination.with_name(destination.name + ".part")
    try:
        reader, writer = await _open(parts.hostname, parts.port or 443, ssl_context)
        try:
            _check_pin(writer, pinned)
            writer.write(request)
            head = await _io(reader.readuntil(b"\r\n\r\n"))
            if len(head) > MAX_HEADER_BYTES:
                raise UploadError(CoreMessages.tr("The server sent an oversized answer."))
            status, headers = _parse_head(head)
            if status in (301, 302, 303, 307, 308) and headers.get("location"):
                return urljoin(url, headers["location"])
            if status != 200:
                raise UploadError(
                    CoreMessages.tr("The server answered %1.").arg(status), retryable=status >= 500
                )
            await _receive_body(reader, headers, partial, progress, max_size)
        finally:
            await _close(writer)
    except UploadError:
        partial.unlink(missing_ok=True)
        raise
    except ssl.SSLCertVerificationError as exc:
        partial.unlink(missing_ok=True)
        raise UploadError(f"The file server's certificate is not trusted: {exc}") from exc
    except (OSError, TimeoutError, ssl.SSLError, asyncio.IncompleteReadError) as exc:
        partial.unlink(missing_ok=True)
        raise UploadError(f"The download failed: {_reason(exc)}", retryable=True) from exc
    except (ValueError, asyncio.LimitOverrunError) as exc:
        partial.unlink(missing_ok=True)
        raise UploadError(CoreMessages.tr("The file server sent a malformed answer.")) from exc
    partial.replace(destination)
    return None


async def _open(
    host: str, port: int, ssl_context: ssl.SSLContext
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    async with asyncio.timeout(CONNECT_TIMEOUT):
        return await asyncio.open_connection(host, port, ssl=ssl_context, server_hostname=host)


async def _close(writer: asyncio.StreamWriter) -> None:
    writer.close()
    with contextlib.suppress(OSError, ssl.SSLError, TimeoutError):
        async with asyncio.timeout(5):
            await writer.wait_closed()


async def _io(step: Awaitable[T]) -> T:
    """One read or write of a transfer, which must make progress within :data:`READ_TIMEOUT`."""
    return await asyncio.wait_for(step, READ_TIMEOUT)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError):
        return "the server stopped answering"
    return str(exc) or type(exc).__name__


def _parse_head(head: bytes) -> tuple[int, dict[str, str]]:
    lines = head.decode("iso-8859-1").split("\r\n")
    status = _status(lines[0].encode("iso-8859-1"))
    if status is None:
        raise UploadError(CoreMessages.tr("The server did not answer in HTTP."))
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return status, headers


async def _receive_body(
    reader: asyncio.StreamReader,
    headers: Mapping[str, str],
    partial: Path,
    progress: Callable[[int, int], None],
    max_size: int,
) -> None:
    """Stream the body to ``partial``: fixed length, chunked, or up to the end of the connection."""
    length = int(headers["content-length"]) if headers.get("content-length", "").isdigit() else 0
    chunked = "chunked" in headers.get("transfer-encoding", "").lower()
    if length > max_size:
        raise UploadError(_too_large(max_size))
    done = 0
    with partial.open("wb") as out:

        async def keep(piece: bytes) -> None:
            nonlocal done
            done += len(piece)
            if done > max_size:
                raise UploadError(_too_large(max_size))
            await asyncio.to_thread(out.write, piece)
            progress(done, length or done)

        progress(0, length)
        if chunked:
            while size := _chunk_size(await _io(reader.readline())):
                if done + size > max_size:
                    raise UploadError(_too_large(max_size))
                while size:
                    piece = await _io(reader.read(min(CHUNK, size)))
                    if not piece:
                        raise UploadError(
                            CoreMessages.tr("The download ended early."), retryable=True
                        )
                    size -= len(piece)
                    await keep(piece)
                if await _io(reader.readline()) not in (b"\r\n", b"\n"):
                    raise UploadError(CoreMessages.tr("The file server sent a malformed answer."))
        else:
            while not length or done < length:
                piece = await _io(reader.read(min(CHUNK, length - done) if length else CHUNK))
                if not piece:
                    break
                await keep(piece)
    if length and done < length:
        raise UploadError(CoreMessages.tr("The download ended early."), retryable=True)


def _chunk_size(line: bytes) -> int:
    """The size on a chunk's first line (hexadecimal, maybe with extensions after ``;``)."""
    if not line.endswith(b"\n"):
        raise UploadError(CoreMessages.tr("The download ended early."), retryable=True)
    text = line.split(b";")[0].strip()
    if not text or len(text) > 16 or not all(c in b"0123456789abcdefABCDEF" for c in text):
        raise UploadError(CoreMessages.tr("The file server sent a malformed answer."))
    return int(text, 16)


def _too_large(max_size: int) -> str:
    return CoreMessages.tr("The file is larger than %1 MiB; not downloaded.").arg(
        max_size // (1024 * 1024)
    )


def _check_pin(writer: asyncio.StreamWriter, pinned: str) -> None:
    if not pinned:
        return
    ssl_object = writer.get_extra_info("ssl_object")
    der = ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None
    seen = fingerprint_of_der(der) if der else ""
    if seen != pinned:
        raise UploadError(
            CoreMessages.tr(
                "The upload server's certificate does not match the pinned fingerprint."
            ),
            fingerprint=seen,
        )


def _status(line: bytes) -> int | None:
    parts = line.split()
    if len(parts) >= 2 and parts[0].startswith(b"HTTP/"):
        try:
            return int(parts[1])
        except ValueError:
            return None
    return None
