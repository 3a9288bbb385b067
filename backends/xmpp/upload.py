"""The HTTP half of file sharing: PUT a file to an XEP-0363 slot, GET an attachment, with progress.

A few lines of HTTP/1.1 over asyncio streams instead of an HTTP library: the transfer must trust the
server exactly as the XMPP connection does (CA file or pinned fingerprint), and progress must be
reported per chunk, which is simplest when we move the chunks ourselves.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from backends.xmpp.tls import fingerprint_of_der

CHUNK = 64 * 1024
TIMEOUT = 120.0
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
        raise UploadError("The server offered an unencrypted upload address; refusing.")
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
        async with asyncio.timeout(TIMEOUT):
            reader, writer = await asyncio.open_connection(
                parts.hostname, parts.port or 443, ssl=ssl_context, server_hostname=parts.hostname
            )
            try:
                _check_pin(writer, pinned)
                writer.write(head)
                done = 0
                progress(0, size)
                with path.open("rb") as src:
                    while chunk := await asyncio.to_thread(src.read, CHUNK):
                        writer.write(chunk)
                        await writer.drain()
                        done += len(chunk)
                        progress(done, size)
                status_line = await reader.readline()
            finally:
                writer.close()
                with contextlib.suppress(OSError, ssl.SSLError):
                    await writer.wait_closed()
    except UploadError:
        raise
    except ssl.SSLCertVerificationError as exc:
        raise UploadError(f"The upload server's certificate is not trusted: {exc}") from exc
    except (OSError, TimeoutError, ssl.SSLError) as exc:
        raise UploadError(f"The upload failed: {exc}", retryable=True) from exc
    status = _status(status_line)
    if status not in (200, 201):
        raise UploadError(
            f"The upload server answered {status_line.decode(errors='replace').strip() or 'nothing'}.",
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
) -> None:
    """Download ``url`` into ``destination`` (written beside it first, then moved into place)."""
    for _ in range(MAX_REDIRECTS + 1):
        location = await _get_once(url, destination, ssl_context, pinned, progress)
        if location is None:
            return
        url = location
    raise UploadError("Too many redirections.")


async def _get_once(
    url: str,
    destination: Path,
    ssl_context: ssl.SSLContext,
    pinned: str,
    progress: Callable[[int, int], None],
) -> str | None:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise UploadError("Only https links are downloaded.")
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    request = (
        f"GET {target} HTTP/1.1\r\nHost: {parts.netloc}\r\nUser-Agent: Chinwag\r\n"
        "Accept-Encoding: identity\r\nConnection: close\r\n\r\n"
    ).encode()
    partial = destination.with_name(destination.name + ".part")
    try:
        async with asyncio.timeout(TIMEOUT):
            reader, writer = await asyncio.open_connection(
                parts.hostname, parts.port or 443, ssl=ssl_context, server_hostname=parts.hostname
            )
            try:
                _check_pin(writer, pinned)
                writer.write(request)
                head = await reader.readuntil(b"\r\n\r\n")
                if len(head) > MAX_HEADER_BYTES:
                    raise UploadError("The server sent an oversized answer.")
                status, headers = _parse_head(head)
                if status in (301, 302, 303, 307, 308) and headers.get("location"):
                    return urljoin(url, headers["location"])
                if status != 200:
                    raise UploadError(f"The server answered {status}.", retryable=status >= 500)
                await _receive_body(reader, headers, partial, progress)
            finally:
                writer.close()
                with contextlib.suppress(OSError, ssl.SSLError):
                    await writer.wait_closed()
    except UploadError:
        partial.unlink(missing_ok=True)
        raise
    except ssl.SSLCertVerificationError as exc:
        partial.unlink(missing_ok=True)
        raise UploadError(f"The file server's certificate is not trusted: {exc}") from exc
    except (OSError, TimeoutError, ssl.SSLError, asyncio.IncompleteReadError) as exc:
        partial.unlink(missing_ok=True)
        raise UploadError(f"The download failed: {exc}", retryable=True) from exc
    partial.replace(destination)
    return None


def _parse_head(head: bytes) -> tuple[int, dict[str, str]]:
    lines = head.decode("iso-8859-1").split("\r\n")
    status = _status(lines[0].encode("iso-8859-1"))
    if status is None:
        raise UploadError("The server did not answer in HTTP.")
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
) -> None:
    length = int(headers["content-length"]) if headers.get("content-length", "").isdigit() else 0
    chunked = "chunked" in headers.get("transfer-encoding", "").lower()
    done = 0
    with partial.open("wb") as out:
        progress(0, length)
        while True:
            if chunked:
                size = int((await reader.readline()).split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    break
                chunk = await reader.readexactly(size)
                await reader.readline()
            else:
                chunk = await reader.read(min(CHUNK, length - done) if length else CHUNK)
                if not chunk:
                    break
            await asyncio.to_thread(out.write, chunk)
            done += len(chunk)
            progress(done, length or done)
            if length and done >= length:
                break
    if length and done < length:
        raise UploadError("The download ended early.", retryable=True)


def _check_pin(writer: asyncio.StreamWriter, pinned: str) -> None:
    if not pinned:
        return
    ssl_object = writer.get_extra_info("ssl_object")
    der = ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None
    seen = fingerprint_of_der(der) if der else ""
    if seen != pinned:
        raise UploadError(
            "The upload server's certificate does not match the pinned fingerprint.",
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
