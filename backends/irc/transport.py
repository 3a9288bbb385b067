"""The socket under an IRC session: TLS (verified by default), line framing, paced writing.

Why our own layer on asyncio streams instead of ``irc.client_aio``: that client sends NICK/USER the
moment it connects (IRCv3 wants ``CAP LS 302`` first), decodes lines before we see their bytes (we
need the raw bytes for the UTF-8 → cp1252 fallback and to drop 10 kB lines before decoding them),
has no place for message tags on outgoing lines (labels), and gives no hook to tell an untrusted
certificate (show its fingerprint, let the user trust it) from an unreachable server. Each of those
is a few lines here.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import socket
import ssl
from collections import deque
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

from app.backend import Failure, FailureKind
from app.i18n import CoreMessages
from app.tls import system_trust
from backends.irc.ratelimit import TokenBucket

MAX_INCOMING_LINE = 8191 + 512
"""Tags budget plus the classic line: anything longer is not IRC and is dropped unread."""
READ_CHUNK = 65536


@dataclass(frozen=True, slots=True)
class TlsOptions:
    """How to trust the server (and, optionally, prove who we are with a client certificate)."""

    ca_file: str = ""
    fingerprint: str = ""  # SHA-256 of the server certificate, hex, colons optional
    client_cert: str = ""  # PEM with the certificate (and the key, unless client_key is given)
    client_key: str = ""


def normalise_fingerprint(value: str) -> str:
    """``aa:bb…``/``AABB…`` → ``AA:BB:…`` (empty if it is not 32 bytes of hex)."""
    digits = "".join(ch for ch in value if ch not in ": \t").upper()
    if len(digits) != 64 or any(ch not in "0123456789ABCDEF" for ch in digits):
        return ""
    return ":".join(digits[i : i + 2] for i in range(0, 64, 2))


def fingerprint_of(der: bytes) -> str:
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def _context(options: TlsOptions) -> ssl.SSLContext:
    if options.fingerprint:
        # A pinned certificate replaces the chain of trust: we compare it ourselves.
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    elif not options.client_cert:  # the process's shared context for this trust (app.tls)
        return system_trust(options.ca_file or None)
    else:
        context = ssl.create_default_context()
        if options.ca_file:
            context.load_verify_locations(cafile=options.ca_file)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    if options.client_cert:
        context.load_cert_chain(options.client_cert, options.client_key or None)
    return context


async def _peer_fingerprint(host: str, port: int, timeout: float) -> str:
    """The SHA-256 fingerprint of the certificate a server shows (no trust decision made)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        async with asyncio.timeout(timeout):
            _, writer = await asyncio.open_connection(host, port, ssl=context, server_hostname=host)
    except (OSError, TimeoutError, ssl.SSLError):
        return ""
    try:
        ssl_object = writer.get_extra_info("ssl_object")
        der = ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None
        return fingerprint_of(der) if der else ""
    finally:
        writer.close()
        with contextlib.suppress(Exception):
            await writer.wait_closed()


async def open_connection(
    host: str,
    port: int,
    *,
    tls: TlsOptions | None,
    timeout: float = 20.0,
    handshake_timeout: float = 10.0,
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter] | Failure:
    """A connected stream, or the reason there is none (as a value, never an exception).

    A TLS handshake that never completes is reported as a TLS failure of its own: it is what a
    plain-text port does with a ClientHello (it waits for a line that never ends).
    """
    context: ssl.SSLContext | None = None
    if tls is not None:
        try:
            context = _context(tls)
        except (OSError, ssl.SSLError, ValueError) as exc:
            return Failure(
                FailureKind.CONFIG, CoreMessages.tr("Cannot use the TLS settings: %1").arg(exc)
            )
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection(
                host,
                port,
                ssl=context,
                server_hostname=host if context is not None else None,
                ssl_handshake_timeout=handshake_timeout if context is not None else None,
                limit=READ_CHUNK,
            )
    except ssl.SSLCertVerificationError as exc:
        fingerprint = await _peer_fingerprint(host, port, timeout)
        return Failure(
            FailureKind.TLS,
            CoreMessages.tr("The server's certificate is not trusted (%1).").arg(
                exc.verify_message or exc.reason
            ),
            detail=fingerprint,
        )
    except ssl.SSLError as exc:
        return Failure(
            FailureKind.TLS,
            CoreMessages.tr("TLS failed: %1").arg(exc.reason or exc),
            retryable=True,
        )
    except ConnectionAbortedError as exc:
        if "handshake" not in str(exc).lower():
            return Failure(
                FailureKind.NETWORK,
                CoreMessages.tr("Connection aborted: %1").arg(exc),
                retryable=True,
            )
        return Failure(
            FailureKind.TLS,
            CoreMessages.tr(
                "The server did not start TLS. If this port is for plain-text connections, use the "
                "TLS port (usually 6697)."
            ),
            retryable=True,
        )
    except TimeoutError:
        return Failure(
            FailureKind.NETWORK,
            CoreMessages.tr("The server did not answer in time."),
            retryable=True,
        )
    except socket.gaierror as exc:
        return Failure(
            FailureKind.NETWORK,
            CoreMessages.tr("Cannot find %1: %2").arg(host, exc.strerror),
            retryable=True,
        )
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        return Failure(
            FailureKind.NETWORK,
            CoreMessages.tr("Cannot reach %1:%2: %3").arg(host, port, reason),
            retryable=True,
        )
    if tls is not None and tls.fingerprint:
        ssl_object = writer.get_extra_info("ssl_object")
        der = ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None
        seen = fingerprint_of(der) if der else ""
        if seen != normalise_fingerprint(tls.fingerprint):
            writer.close()
            return Failure(
                FailureKind.TLS,
                CoreMessages.tr(
                    "The server's certificate does not match the one you chose to trust."
                ),
                detail=seen,
            )
    return reader, writer


async def read_chunks(
    reader: asyncio.StreamReader, on_overlong: Callable[[int], None]
) -> AsyncIterator[list[bytes]]:
    """The complete lines of each read, in order, without CR LF (an empty list when a read
    ended no line). Overlong lines are skipped (``on_overlong`` hears their size).

    A list per read, not a line at a time: a flood is handled one chunk (up to
    :data:`READ_CHUNK` bytes, hundreds of lines) at a time, and ``bytes.split`` cuts it in C.
    """
    buffer = b""
    skipping = 0  # bytes of an overlong line seen so far (0: not skipping)
    while True:
        chunk = await reader.read(READ_CHUNK)
        if not chunk:
            return
        lines = (buffer + chunk if buffer else chunk).split(b"\n")
        buffer = lines.pop()  # what follows the last LF: a line not ended yet
        if skipping and lines:
            on_overlong(skipping + len(lines[0]))
            skipping = 0
            del lines[0]
        if skipping or len(buffer) > MAX_INCOMING_LINE:
            skipping += len(buffer)
            buffer = b""
        if lines and max(map(len, lines)) > MAX_INCOMING_LINE:
            kept = []
            for line in lines:
                if len(line) > MAX_INCOMING_LINE:
                    on_overlong(len(line))
                else:
                    kept.append(line)
            lines = kept
        yield [line.rstrip(b"\r") if line.endswith(b"\r") else line for line in lines]


async def read_lines(
    reader: asyncio.StreamReader, on_overlong: Callable[[int], None]
) -> AsyncIterator[bytes]:
    """Raw lines without CR LF, one at a time (see :func:`read_chunks`)."""
    async for lines in read_chunks(reader, on_overlong):
        for line in lines:
            yield line


class LineWriter:
    """Writes lines in order, paced by a token bucket; urgent lines (PONG, QUIT) skip the queue.

    :meth:`submit` never blocks and returns a future that becomes True once the line is handed to
    the socket (False if the connection went away first), so synchronous protocol handlers can
    answer without awaiting and commands can still wait for "written". True means "may have
    reached the server": it is set as soon as the transport accepted the bytes, before waiting
    for the buffer to drain, so a line that went out just before the connection failed is never
    counted as unsent (the sender must not repeat it).
    """

    def __init__(
        self,
        writer: asyncio.StreamWriter,
        bucket: TokenBucket,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._writer = writer
        self._bucket = bucket
        self._queue: deque[tuple[bytes, asyncio.Future[bool]]] = deque()
        self._urgent: deque[tuple[bytes, asyncio.Future[bool]]] = deque()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._current: asyncio.Future[bool] | None = None  # off the queue, waiting for its turn
        self._failed: BaseException | None = None
        self.on_error = on_error

    @property
    def usable(self) -> bool:
        return self._failed is None and not self._writer.is_closing()

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run(), name="irc-writer")

    def submit(self, line: str, *, urgent: bool = False) -> asyncio.Future[bool]:
        future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        if not self.usable:
            future.set_result(False)
            return future
        data = line.encode("utf-8", errors="replace") + b"\r\n"
        (self._urgent if urgent else self._queue).append((data, future))
        self._wake.set()
        return future

    async def _write(self, data: bytes, future: asyncio.Future[bool]) -> None:
        try:
            if self._writer.is_closing():
                raise ConnectionResetError("the connection is closing")
            self._writer.write(data)
        except BaseException:
            if not future.done():
                future.set_result(False)
            raise
        if not future.done():
            future.set_result(True)  # handed over: whatever happens next, it may arrive
        await self._writer.drain()

    async def _flush_urgent(self) -> None:
        while self._urgent:
            await self._write(*self._urgent.popleft())

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            while True:
                await self._flush_urgent()
                if not self._queue:
                    self._wake.clear()
                    await self._wake.wait()
                    continue
                data, self._current = self._queue.popleft()
                deadline = loop.time() + self._bucket.reserve()
                while (remaining := deadline - loop.time()) > 0:
                    self._wake.clear()
                    with contextlib.suppress(TimeoutError):
                        async with asyncio.timeout(remaining):
                            await self._wake.wait()
                    await self._flush_urgent()
                await self._write(data, self._current)
                self._current = None
        except asyncio.CancelledError:
            self._fail_all()
            raise
        except (OSError, RuntimeError, ssl.SSLError) as exc:
            self._failed = exc
            self._fail_all()
            if self.on_error is not None:
                self.on_error(exc)

    def _fail_all(self) -> None:
        """Every line not handed to the socket is unsent, the one waiting for its turn too."""
        current, self._current = self._current, None
        if current is not None and not current.done():
            current.set_result(False)
        for queue in (self._urgent, self._queue):
            while queue:
                _, future = queue.popleft()
                if not future.done():
                    future.set_result(False)

    async def close(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._fail_all()
        if not self._writer.is_closing():
            self._writer.close()
        with contextlib.suppress(Exception):
            async with asyncio.timeout(2):
                await self._writer.wait_closed()

    async def flush(self, timeout: float) -> None:
        """Wait (up to ``timeout``) until everything submitted so far is written."""
        pending = [fut for _, fut in (*self._urgent, *self._queue)]
        if self._current is not None:
            pending.append(self._current)
        if pending:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):
                    await asyncio.gather(*pending)


def exists(path: str) -> bool:
    return bool(path) and Path(path).expanduser().is_file()
