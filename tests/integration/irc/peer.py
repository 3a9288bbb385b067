"""The other person in an IRC test: a raw asyncio client, independent of the backend's code.

Deliberately naive (its own ten-line parser, no IRCv3 unless asked), so a bug in the backend's
protocol layer cannot hide behind the same bug here. Every line it receives is kept for assertions.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import ssl
from collections.abc import Callable
from dataclasses import dataclass

from tests.integration.support import LOOPBACK

_ids = itertools.count(1)


def unique_nick(prefix: str = "peer") -> str:
    """A nick no other test of the session uses (servers are shared)."""
    return f"{prefix}{next(_ids)}"


def unique_channel(prefix: str = "#room") -> str:
    return f"{prefix}{next(_ids)}"


@dataclass(frozen=True)
class Msg:
    raw: str
    tags: str
    source: str
    command: str
    params: tuple[str, ...]

    @property
    def nick(self) -> str:
        return self.source.split("!", 1)[0]


def parse(raw: str) -> Msg:
    tags = source = ""
    rest = raw
    if rest.startswith("@"):
        tags, _, rest = rest[1:].partition(" ")
    if rest.startswith(":"):
        source, _, rest = rest[1:].partition(" ")
    head, sep, trailing = rest.partition(" :")
    words = head.split()
    params = tuple(words[1:]) + ((trailing,) if sep else ())
    return Msg(raw, tags, source, words[0].upper() if words else "", params)


class Peer:
    """A connected, registered IRC client."""

    def __init__(self, nick: str) -> None:
        self.nick = nick
        self.lines: list[Msg] = []
        self.arrivals: list[float] = []  # loop time each line arrived, parallel to ``lines``
        self.raw_sizes: list[int] = []  # bytes of each line as received, CR LF included
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._task: asyncio.Task[None] | None = None
        self._changed = asyncio.Event()

    @classmethod
    async def connect(
        cls,
        port: int,
        nick: str | None = None,
        *,
        caps: tuple[str, ...] = (),
        tls: ssl.SSLContext | None = None,
    ) -> Peer:
        peer = cls(nick or unique_nick())
        peer._reader, peer._writer = await asyncio.open_connection(
            LOOPBACK, port, ssl=tls, server_hostname="localhost" if tls else None
        )
        peer._task = asyncio.get_running_loop().create_task(peer._read())
        if caps:
            await peer.send("CAP LS 302")
            await peer.send(f"CAP REQ :{' '.join(caps)}")
        await peer.send(f"NICK {peer.nick}")
        await peer.send(f"USER {peer.nick[:10]} 0 * :Test peer")
        if caps:
            await peer.wait_for(lambda m: m.command == "CAP" and m.params[1] in ("ACK", "NAK"))
            await peer.send("CAP END")
        await peer.wait_for(lambda m: m.command in ("376", "422"), timeout=20)
        return peer

    async def _read(self) -> None:
        assert self._reader is not None
        while True:
            raw = await self._reader.readline()
            if not raw:
                return
            line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
            self.raw_sizes.append(len(raw))
            msg = parse(line)
            if msg.command == "PING":
                await self.send("PONG :" + (msg.params[0] if msg.params else ""))
            self.arrivals.append(asyncio.get_running_loop().time())
            self.lines.append(msg)
            self._changed.set()

    async def send(self, line: str) -> None:
        await self.send_bytes(line.encode("utf-8") + b"\r\n")

    async def send_bytes(self, data: bytes) -> None:
        assert self._writer is not None
        self._writer.write(data)
        await self._writer.drain()

    async def privmsg(self, target: str, text: str) -> None:
        await self.send(f"PRIVMSG {target} :{text}")

    async def join(self, channel: str, key: str = "") -> None:
        seen = len(self.lines)  # a second join must not take the first one's reply
        await self.send(f"JOIN {channel} {key}".rstrip())
        await self.wait_for(
            lambda m: m.command == "366" and m.params[1].lower() == channel.lower(), start=seen
        )

    async def wait_for(
        self, predicate: Callable[[Msg], bool], timeout: float = 60.0, *, start: int = 0
    ) -> Msg:
        """The first line (from index ``start`` on) that matches, waiting for it if need be."""
        seen = start
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            for msg in self.lines[seen:]:
                if predicate(msg):
                    return msg
            seen = len(self.lines)
            remaining = deadline - loop.time()
            if remaining <= 0:
                tail = "\n".join(m.raw for m in self.lines[-15:])
                raise AssertionError(f"{self.nick}: no matching line in {timeout} s; last:\n{tail}")
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(min(remaining, 0.5)):
                    await self._changed.wait()

    async def wait_privmsg(
        self, text: str, *, sender: str | None = None, timeout: float = 60.0
    ) -> Msg:
        return await self.wait_for(
            lambda m: (
                m.command == "PRIVMSG"
                and m.params[-1] == text
                and (sender is None or m.nick.lower() == sender.lower())
            ),
            timeout,
        )

    def received(self, command: str) -> list[Msg]:
        return [m for m in self.lines if m.command == command]

    async def read_to_end(self, timeout: float = 60.0) -> None:
        """Wait until the server has closed the connection and every line it sent before is read
        (closing at once would drop lines still unread in the socket when the machine is busy)."""
        if self._task is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(asyncio.shield(self._task), timeout)

    async def close(self) -> None:
        if self._writer is not None and not self._writer.is_closing():
            with contextlib.suppress(Exception):
                self._writer.write(b"QUIT :bye\r\n")
                await self._writer.drain()
            self._writer.close()
            with contextlib.suppress(Exception):
                await self._writer.wait_closed()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
