"""Downloading attachments from a server that lies: sizes beyond the cap are refused (whatever the
headers claim), malformed answers are failures rather than crashes, and a stalled server times out
per read while a slow but moving one may take as long as it needs."""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from app.backend import Outcome
from backends.xmpp import upload
from tests.integration.support import LOOPBACK
from tests.integration.xmpp.conftest import Backends
from tests.integration.xmpp.helpers import Connected
from tests.integration.xmpp.server import ProsodyServer

pytestmark = pytest.mark.integration

Answer = Callable[[asyncio.StreamWriter], Awaitable[None]]
MIB = 1024 * 1024


class LyingFileServer:
    """HTTPS on loopback with the test CA's certificate; answers every request with ``answer``."""

    def __init__(self, prosody: ProsodyServer) -> None:
        self.context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.context.load_cert_chain(prosody.tls.cert, prosody.tls.key)
        self.answer: Answer = ok_answer(b"")
        self.port = 0
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, LOOPBACK, 0, ssl=self.context)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)  # type: ignore[arg-type]
        try:
            await reader.readuntil(b"\r\n\r\n")
            await self.answer(writer)
            await writer.drain()
        except (OSError, ssl.SSLError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    async def stop(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    def url(self, host: str = "localhost") -> str:
        return f"https://{host}:{self.port}/share/file.bin"


def ok_answer(body: bytes) -> Answer:
    async def answer(writer: asyncio.StreamWriter) -> None:
        writer.write(f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\n\r\n".encode())
        writer.write(body)

    return answer


def raw_answer(*parts: bytes, pause: float = 0.0, then_wait: float = 0.0) -> Answer:
    async def answer(writer: asyncio.StreamWriter) -> None:
        for part in parts:
            writer.write(part)
            await writer.drain()
            if pause:
                await asyncio.sleep(pause)
        if then_wait:
            await asyncio.sleep(then_wait)

    return answer


@pytest.fixture
async def lying(prosody: ProsodyServer) -> AsyncIterator[LyingFileServer]:
    server = LyingFileServer(prosody)
    await server.start()
    yield server
    await server.stop()


async def fetch(me: Connected, url: str, target: Path) -> tuple[Outcome, list[tuple[int, int]]]:
    progress: list[tuple[int, int]] = []
    async with asyncio.timeout(30):
        outcome = await me.backend.download(url, target, lambda d, t: progress.append((d, t)))
    return outcome, progress


HEAD_CHUNKED = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"


async def test_an_honest_chunked_answer_is_stored(
    xmpp: Backends, lying: LyingFileServer, tmp_path: Path
) -> None:
    me = await xmpp.open()
    lying.answer = raw_answer(
        HEAD_CHUNKED, b"5\r\nhello\r\n", b"6;ext=1\r\n world\r\n", b"0\r\n\r\n"
    )
    target = tmp_path / "hello.txt"
    outcome, progress = await fetch(me, lying.url(), target)
    assert outcome.ok, outcome.failure
    assert target.read_bytes() == b"hello world" and progress[-1] == (11, 11)


@pytest.mark.parametrize(
    ("case", "answer", "says"),
    [
        (
            "a length above our server's advertised maximum (10 MiB)",
            raw_answer(
                f"HTTP/1.1 200 OK\r\nContent-Length: {11 * MIB}\r\n\r\n".encode(),
                b"x" * 1000,
                then_wait=5,
            ),
            "larger",
        ),
        (
            "a chunk claiming 4 GiB",
            raw_answer(HEAD_CHUNKED, b"100000000\r\n", b"x" * 1000, then_wait=5),
            "larger",
        ),
        (
            "a chunk size that is not hexadecimal",
            raw_answer(HEAD_CHUNKED, b"zz\r\nhi\r\n"),
            "malformed",
        ),
        ("a negative chunk size", raw_answer(HEAD_CHUNKED, b"-5\r\nhello\r\n"), "malformed"),
        (
            "a head that never ends",
            raw_answer(b"HTTP/1.1 200 OK\r\nX-Junk: " + b"a" * 70_000),
            "malformed",
        ),
        (
            "a chunk size line that never ends",
            raw_answer(HEAD_CHUNKED, b"1" * 70_000, then_wait=5),
            "malformed",
        ),
        ("garbage instead of HTTP", raw_answer(b"SSH-2.0-OpenSSH\r\n\r\n"), "HTTP"),
    ],
    ids=lambda x: x if isinstance(x, str) else "",
)
async def test_lies_are_failures_not_crashes(
    xmpp: Backends,
    lying: LyingFileServer,
    tmp_path: Path,
    case: str,
    answer: Answer,
    says: str,
) -> None:
    me = await xmpp.open()
    lying.answer = answer
    target = tmp_path / "file.bin"
    outcome, _ = await fetch(me, lying.url(), target)
    assert outcome.failure is not None, case
    assert says in outcome.failure.message, outcome.failure.message
    assert not target.exists() and not (tmp_path / "file.bin.part").exists()


async def test_a_body_without_length_is_cut_at_the_cap(
    xmpp: Backends, lying: LyingFileServer, tmp_path: Path
) -> None:
    """No length, no chunks: read until the server closes, but never past the cap (here our own
    server's advertised 10 MiB, since the link points at our domain)."""
    me = await xmpp.open()
    head = b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n"
    lying.answer = raw_answer(head, *([b"y" * MIB] * 12))
    target = tmp_path / "endless.bin"
    outcome, progress = await fetch(me, lying.url(), target)
    assert outcome.failure is not None and "larger than 10 MiB" in outcome.failure.message
    assert max(d for d, _ in progress) <= 10 * MIB
    assert not target.exists() and not (tmp_path / "endless.bin.part").exists()


async def test_without_an_advertised_maximum_the_general_cap_applies(
    xmpp: Backends, lying: LyingFileServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    me = await xmpp.open()
    assert me.backend._session is not None
    me.backend._session.features.upload_max_size = None  # a server that states no limit
    monkeypatch.setattr("backends.xmpp.files.MAX_DOWNLOAD", 2 * MIB)
    lying.answer = ok_answer(b"z" * MIB)
    target = tmp_path / "one.bin"
    outcome, _ = await fetch(me, lying.url(), target)
    assert outcome.ok, outcome.failure
    assert target.stat().st_size == MIB
    lying.answer = ok_answer(b"z" * (3 * MIB))
    outcome, _ = await fetch(me, lying.url(), tmp_path / "three.bin")
    assert outcome.failure is not None and "larger than 2 MiB" in outcome.failure.message


async def test_a_stalled_server_times_out_but_a_slow_one_finishes(
    xmpp: Backends, lying: LyingFileServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    me = await xmpp.open()
    monkeypatch.setattr(upload, "READ_TIMEOUT", 0.5)
    pieces = [bytes([65 + i]) * 1000 for i in range(8)]
    head = f"HTTP/1.1 200 OK\r\nContent-Length: {8000}\r\n\r\n".encode()
    lying.answer = raw_answer(head, *pieces, pause=0.25)  # 2 s in all, never 0.5 s silent
    target = tmp_path / "slow.bin"
    outcome, _ = await fetch(me, lying.url(), target)
    assert outcome.ok, outcome.failure
    assert target.read_bytes() == b"".join(pieces)

    lying.answer = raw_answer(head, pieces[0], then_wait=10)  # then silence
    loop = asyncio.get_running_loop()
    started = loop.time()
    outcome, _ = await fetch(me, lying.url(), tmp_path / "stalled.bin")
    assert outcome.failure is not None and outcome.failure.retryable
    assert "stopped answering" in outcome.failure.message
    assert loop.time() - started < 5
