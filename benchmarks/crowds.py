"""Crowds of raw clients for the member-scale benchmark: thousands of members in one room.

Each crowd runs on its own asyncio loop in a background thread, reads (and drops) whatever the
server sends so no socket backs up, and answers IRC PINGs. Joining N members one by one costs the
server N² notifications (every join is announced to everyone already there); the crowds avoid that
the way the servers allow, then open the room up before the client being measured joins:

- IRC: the channel is made an auditorium (InspIRCd's ``+u``: joins are not shown to other members)
  while the crowd joins, and ``-u`` afterwards, so the measured client's NAMES lists everyone.
- XMPP: the occupants join one after the other (N²/2 presences, which Prosody relays in seconds
  at 1,000; turning presence broadcast off and on again would make it re-send N² at once).
- Matrix: members are registered and joined over the client-server API by a pool of threads
  (Synapse has no N² here: clients fetch members when they ask).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import ssl
import threading
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import quote

from tests.integration.support import LOOPBACK

CONNECT_PARALLEL = 200


class Crowd:
    """A background asyncio loop holding many client connections; ``close()`` drops them."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.writers: list[asyncio.StreamWriter] = []
        self.tasks: list[asyncio.Task[None]] = []
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True, name="crowd")
        self.thread.start()

    def run(self, coro: Awaitable[Any], timeout: float) -> Any:
        return asyncio.run_coroutine_threadsafe(_wrap(coro), self.loop).result(timeout)

    async def gather(
        self, count: int, make: Callable[[int], Awaitable[None]], parallel: int = CONNECT_PARALLEL
    ) -> None:
        gate = asyncio.Semaphore(parallel)

        async def one(i: int) -> None:
            async with gate:
                await make(i)

        await asyncio.gather(*(one(i) for i in range(count)))

    def drain_forever(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.writers.append(writer)
        self.tasks.append(self.loop.create_task(self._drain(reader, writer)))

    async def _drain(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(Exception):
            tail = b""
            while data := await reader.read(65536):
                if b"PING" in data:  # IRC keepalive: answer it or the server drops us
                    for line in (tail + data).split(b"\r\n")[:-1]:
                        if line.startswith(b"PING"):
                            writer.write(b"PONG" + line[4:] + b"\r\n")
                tail = data[-600:]

    def close(self) -> None:
        async def shut() -> None:
            for task in self.tasks:
                task.cancel()
            for writer in self.writers:
                with contextlib.suppress(Exception):
                    writer.close()

        with contextlib.suppress(Exception):
            self.run(shut(), 60)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(30)


async def _wrap(coro: Awaitable[Any]) -> Any:
    return await coro


async def _read_until(reader: asyncio.StreamReader, marker: bytes, timeout: float = 60) -> bytes:
    data = b""
    async with asyncio.timeout(timeout):
        while marker not in data:
            chunk = await reader.read(65536)
            if not chunk:
                raise ConnectionError(f"closed before {marker!r}: {data[-300:]!r}")
            data += chunk
    return data


# -- IRC -----------------------------------------------------------------------------------------


def irc_crowd(port: int, channel: str, count: int, prefix: str = "m") -> Crowd:
    """``count`` registered clients in ``channel`` (which the caller made +u beforehand)."""
    crowd = Crowd()

    async def member(i: int) -> None:
        nick = f"{prefix}{i}"
        reader, writer = await asyncio.open_connection(LOOPBACK, port)
        writer.write(f"NICK {nick}\r\nUSER {nick} 0 * :crowd\r\n".encode())
        data = await _read_until(reader, f" 001 {nick} ".encode(), 120)
        for line in data.split(b"\r\n"):
            if line.startswith(b"PING"):
                writer.write(b"PONG" + line[4:] + b"\r\n")
        writer.write(f"JOIN {channel}\r\n".encode())
        await _read_until(reader, b" 366 ", 120)
        crowd.drain_forever(reader, writer)

    crowd.run(crowd.gather(count, member), 60 + count / 20)
    return crowd


def irc_churn(port: int, channel: str, count: int, prefix: str = "c") -> None:
    """``count`` fresh clients each join ``channel``, every third changes its nick, then each
    parts (even) or quits (odd): 2–3 member changes apiece, seen by the channel's operators
    only when it is an auditorium (``+u``, ``opcansee``), so the crowd is not told N times."""
    crowd = Crowd()

    async def churner(i: int) -> None:
        nick = f"{prefix}{i}"
        reader, writer = await asyncio.open_connection(LOOPBACK, port)
        writer.write(f"NICK {nick}\r\nUSER {nick} 0 * :churn\r\n".encode())
        data = await _read_until(reader, f" 001 {nick} ".encode(), 120)
        for line in data.split(b"\r\n"):
            if line.startswith(b"PING"):
                writer.write(b"PONG" + line[4:] + b"\r\n")
        writer.write(f"JOIN {channel}\r\n".encode())
        await _read_until(reader, b" 366 ", 120)
        if i % 3 == 0:
            writer.write(f"NICK {nick}n\r\n".encode())
            await _read_until(reader, f"{nick}n\r\n".encode(), 120)
        if i % 2:
            writer.write(b"QUIT :churn\r\n")
            with contextlib.suppress(Exception):
                async with asyncio.timeout(60):
                    while await reader.read(65536):
                        pass
        else:
            writer.write(f"PART {channel}\r\n".encode())
            await _read_until(reader, b" PART ", 120)
        writer.close()

    try:
        crowd.run(crowd.gather(count, churner, parallel=50), 120 + count / 5)
    finally:
        crowd.close()


# -- XMPP ----------------------------------------------------------------------------------------

_HEADER = (
    "<?xml version='1.0'?><stream:stream to='{domain}' xmlns='jabber:client' "
    "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>"
)


def xmpp_crowd(  # noqa: PLR0917
    port: int,
    accounts: list[tuple[str, str]],
    room_jid: str,
    count: int,
    ca_file: Path,
    prefix: str = "m",
) -> Crowd:
    """``count`` occupants of ``room_jid``: sessions spread over ``accounts`` (jid, password),
    each with its own resource and nick. No initial presence is sent (a session's presence would
    go to every other session of its account); the MUC join is directed presence."""
    crowd = Crowd()
    context = ssl.create_default_context(cafile=str(ca_file))

    async def occupant(i: int) -> None:
        jid, password = accounts[i % len(accounts)]
        user, domain = jid.split("@", 1)
        reader, writer = await asyncio.open_connection(LOOPBACK, port)
        writer.write(_HEADER.format(domain=domain).encode())
        await _read_until(reader, b"</stream:features>")
        writer.write(b"<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
        await _read_until(reader, b"<proceed")
        await writer.start_tls(context, server_hostname=domain)
        writer.write(_HEADER.format(domain=domain).encode())
        await _read_until(reader, b"</stream:features>")
        plain = base64.b64encode(f"\0{user}\0{password}".encode()).decode()
        writer.write(
            f"<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>{plain}</auth>".encode()
        )
        await _read_until(reader, b"<success")
        writer.write(_HEADER.format(domain=domain).encode())
        await _read_until(reader, b"</stream:features>")
        writer.write(
            f"<iq type='set' id='b'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
            f"<resource>{prefix}{i}</resource></bind></iq>".encode()
        )
        await _read_until(reader, b"</iq>")
        writer.write(
            f"<presence to='{room_jid}/{prefix}{i}'><x xmlns='http://jabber.org/protocol/muc'>"
            "<history maxstanzas='0'/></x></presence>".encode()
        )
        await _read_until(reader, b"110")  # our own presence in the room (status 110)
        crowd.drain_forever(reader, writer)

    crowd.run(crowd.gather(count, occupant, parallel=50), 120 + count * 1.5)  # N² presences
    return crowd


# -- Matrix --------------------------------------------------------------------------------------


def matrix_crowd(synapse: Any, room_id: str, count: int, workers: int = 6) -> float:
    """Register ``count`` users (shared-secret API: no login round trip) and join them to the
    room; returns the seconds it took."""
    started = time.monotonic()
    tag = synapse.unique_name("m")

    def member(i: int) -> None:
        token = _register(synapse, f"{tag}n{i}")
        status, answer = synapse.request(
            "POST", f"/_matrix/client/v3/rooms/{quote(room_id)}/join", {}, token
        )
        if status != 200:
            raise RuntimeError(f"crowd join {i}: {status} {answer}")

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(member, range(count)))
    return time.monotonic() - started


def _register(synapse: Any, localpart: str) -> str:
    import hashlib
    import hmac

    status, nonce = synapse.request("GET", "/_synapse/admin/v1/register")
    if status != 200:
        raise RuntimeError(f"register nonce: {status} {nonce}")
    password = "crowd-pw"
    parts = (nonce["nonce"], localpart, password, "notadmin")
    mac = hmac.new(
        synapse.shared_secret.encode(), b"\x00".join(p.encode() for p in parts), hashlib.sha1
    )
    body = {
        "nonce": nonce["nonce"],
        "username": localpart,
        "password": password,
        "admin": False,
        "mac": mac.hexdigest(),
    }
    status, answer = synapse.request("POST", "/_synapse/admin/v1/register", body)
    if status != 200:
        raise RuntimeError(f"register {localpart}: {status} {answer}")
    return str(answer["access_token"])
