"""A scripted IRC server on a loopback socket, for what no real server will send on cue.

InspIRCd never relays a 10 kB line, a line of garbage bytes or an unknown numeric, and version 3
offers no chathistory. This fake does whatever a test tells it to: it registers the client with
the capabilities it is told to offer, records every line it gets, and sends raw bytes on demand.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from backends.irc import IrcBackend
from chinwag.testing import RecordingContext


@dataclass
class Script:
    caps: str = ""  # offered in CAP LS; empty: answer CAP with 421 (no CAP support at all)
    isupport: str = "CASEMAPPING=rfc1459 CHANTYPES=# PREFIX=(ov)@+ NETWORK=Scripted"
    welcome: bool = True  # send 001… after registration
    ls_in_parts: bool = False  # multi-line CAP LS (302 continuation)
    sasl_accept: str | None = None  # the base64 payload that succeeds
    nick_taken: set[str] = field(default_factory=set)
    whois: dict[str, list[str]] | None = None
    """Folded nick → reply lines to a WHOIS (``{me}`` is the client's nick; 318 is added).
    None: WHOIS goes unanswered; a nick not listed gets 401."""
    identify_password: str | None = None  # NickServ IDENTIFY with it succeeds (900), else fails
    channel_keys: dict[str, str] = field(default_factory=dict)  # channel → key JOIN needs (+k)


class ScriptedServer:
    def __init__(self, script: Script | None = None) -> None:
        self.script = script or Script()
        self.received: list[str] = []
        self.port = 0
        self.nick = ""
        self.connections = 0
        self._server: asyncio.Server | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._changed = asyncio.Event()
        self._registered = False
        self._cap_negotiating = False
        self._user = False

    async def start(self) -> ScriptedServer:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        self._writer = writer
        task = asyncio.get_running_loop().create_task(self._read(reader))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _read(self, reader: asyncio.StreamReader) -> None:
        while raw := await reader.readline():
            line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
            self.received.append(line)
            self._changed.set()
            await self._react(line)

    async def _react(self, line: str) -> None:
        words = line.split(" ")
        if line.startswith("@"):
            words = words[1:]
        command = words[0].upper() if words else ""
        s = self.script
        if command == "CAP" and len(words) > 1:
            if not s.caps:
                await self.send(":scripted.test 421 * CAP :Unknown command")
                return
            sub = words[1].upper()
            if sub == "LS":
                self._cap_negotiating = True
                if s.ls_in_parts:
                    first, _, rest = s.caps.partition(" ")
                    await self.send(f":scripted.test CAP * LS * :{first}")
                    await self.send(f":scripted.test CAP * LS :{rest}")
                else:
                    await self.send(f":scripted.test CAP * LS :{s.caps}")
            elif sub == "REQ":
                wanted = line.split(" :", 1)[1] if " :" in line else words[2]
                await self.send(f":scripted.test CAP * ACK :{wanted}")
            elif sub == "END":
                self._cap_negotiating = False
                await self._maybe_welcome()
        elif command == "NICK" and len(words) > 1:
            wanted = words[1].lstrip(":")
            if wanted in s.nick_taken:
                await self.send(f":scripted.test 433 * {wanted} :Nickname is already in use")
                return
            self.nick = wanted
            await self._maybe_welcome()
        elif command == "USER":
            self._user = True
            await self._maybe_welcome()
        elif command == "AUTHENTICATE" and len(words) > 1:
            if words[1] in ("PLAIN", "EXTERNAL"):
                await self.send("AUTHENTICATE +")
            elif s.sasl_accept is not None and words[1] == s.sasl_accept:
                await self.send(f":scripted.test 900 {self.nick} {self.nick}!u@h acct :Logged in")
                await self.send(f":scripted.test 903 {self.nick} :SASL authentication successful")
            else:
                await self.send(f":scripted.test 904 {self.nick} :SASL authentication failed")
        elif command == "JOIN" and len(words) > 1 and self._registered:
            await self._join(words[1], words[2] if len(words) > 2 else "")
        elif command == "WHOIS" and len(words) > 1 and s.whois is not None:
            await self._whois(words[-1].lstrip(":"))
        elif command == "PRIVMSG" and len(words) > 2 and words[1].lower() == "nickserv":
            await self._nickserv(line.split(" :", 1)[-1])
        elif command == "PING" and self._registered:
            await self.send(f":scripted.test PONG scripted.test :{words[-1].lstrip(':')}")

    async def _join(self, channels: str, keys: str) -> None:
        given = keys.split(",")
        for i, channel in enumerate(channels.split(",")):
            key = given[i] if i < len(given) else ""
            wanted = self.script.channel_keys.get(channel.lower())
            if wanted is not None and key != wanted:
                await self.send(f":scripted.test 475 {self.nick} {channel} :Cannot join (+k)")
                continue
            await self.send(f":{self.nick}!u@host.test JOIN {channel}")
            await self.send(f":scripted.test 353 {self.nick} = {channel} :{self.nick}")
            await self.send(f":scripted.test 366 {self.nick} {channel} :End of /NAMES list.")

    async def _whois(self, nick: str) -> None:
        assert self.script.whois is not None
        replies = self.script.whois.get(nick.lower())
        if replies is None:
            await self.send(f":scripted.test 401 {self.nick} {nick} :No such nick")
        for reply in replies or ():
            await self.send(f":scripted.test {reply.format(me=self.nick)}")
        await self.send(f":scripted.test 318 {self.nick} {nick} :End of /WHOIS list.")

    async def _nickserv(self, text: str) -> None:
        words = text.split()
        if not words or words[0].upper() != "IDENTIFY":
            return
        source = ":NickServ!NickServ@services.scripted"
        if words[-1] == self.script.identify_password:
            account = words[1] if len(words) > 2 else self.nick
            await self.send(f":scripted.test 900 {self.nick} {self.nick}!u@h {account} :Logged in")
            await self.send(f"{source} NOTICE {self.nick} :You are now identified for {account}.")
        else:
            await self.send(f"{source} NOTICE {self.nick} :Invalid password for {self.nick}.")

    async def _maybe_welcome(self) -> None:
        if self._registered or self._cap_negotiating or not self.nick or not self._user:
            return
        if not self.script.welcome:
            return
        self._registered = True
        n = self.nick
        await self.send(f":scripted.test 001 {n} :Welcome to the script {n}!u@host.test")
        await self.send(f":scripted.test 005 {n} {self.script.isupport} :are supported")
        await self.send(f":scripted.test 376 {n} :End of MOTD")

    async def send(self, line: str | bytes) -> None:
        assert self._writer is not None
        data = line if isinstance(line, bytes) else line.encode("utf-8") + b"\r\n"
        self._writer.write(data)
        await self._writer.drain()

    async def wait_for(self, predicate: Callable[[str], bool], timeout: float = 30.0) -> str:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        seen = 0
        while True:
            for line in self.received[seen:]:
                if predicate(line):
                    return line
            seen = len(self.received)
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(f"the client never sent it; got {self.received[-10:]}")
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(remaining):
                    await self._changed.wait()

    def drop(self) -> None:
        if self._writer is not None:
            self._writer.transport.abort()

    async def close(self) -> None:
        self.drop()
        if self._server is not None:
            self._server.close()
        for task in list(self._tasks):
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task


IRCV3 = "server-time message-tags batch echo-message"


class Quick(IrcBackend):
    """The backend at a pace and with timeouts that suit a loopback script."""

    send_burst = 50
    send_rate = 200.0
    motd_grace = 0.5
    registration_timeout = 3.0
    command_timeout = 3.0


def make(
    server: ScriptedServer, tmp_path: Path, cls: type[IrcBackend] = Quick, **settings: Any
) -> tuple[IrcBackend, RecordingContext]:
    secrets = settings.pop("secrets", {})
    rec = RecordingContext(
        "acct",
        {"server": "127.0.0.1", "port": server.port, "nick": "me", "plain_text": True, **settings},
        secrets,
        tmp_path / "files",
    )
    return cls(rec.build(asyncio.get_running_loop())), rec


async def connected(
    server: ScriptedServer, tmp_path: Path, cls: type[IrcBackend] = Quick, **settings: Any
) -> tuple[IrcBackend, RecordingContext]:
    backend, rec = make(server, tmp_path, cls, **settings)
    result = await backend.connect()
    assert result.ok, result.failure
    return backend, rec
