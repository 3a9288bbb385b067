"""The IRC backend in the contract suite, against the session's InspIRCd + Atheme.

"Us" signs in with SASL to a pre-registered services account over verified TLS; the other person
is an independent raw client (``tests.integration.irc.peer``). The server fixture is shared with
the IRC integration tests: its module registers as a plugin, so one session starts one server.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from backends.irc import IrcBackend
from chinwag.testing.support import free_port
from tests.integration.irc.peer import Peer, unique_channel, unique_nick
from tests.integration.irc.servers import PASSWORD, IrcServer, ensure_plugin


class IrcHarness:
    backend_class = IrcBackend

    def __init__(self, server: IrcServer, peer: Peer) -> None:
        assert server.tls is not None and server.tls_port is not None
        self.server = server
        self.peer = peer
        self.nick = unique_nick("Contract")
        self._base: dict[str, str | int | bool] = {
            "server": server.host,
            "port": server.tls_port,
            "nick": self.nick,
            "account": "contract",
            "ca_file": str(server.tls.ca_cert),
        }

    def settings(self) -> tuple[dict[str, str | int | bool], dict[str, str]]:
        return dict(self._base), {"password": PASSWORD}

    def with_wrong_password(self) -> tuple[dict[str, str | int | bool], dict[str, str]]:
        return dict(self._base), {"password": "certainly not " + PASSWORD}

    def unreachable(self) -> tuple[dict[str, str | int | bool], dict[str, str]]:
        return {**self._base, "port": free_port()}, {"password": PASSWORD}

    @property
    def peer_conversation(self) -> str:
        return self.peer.nick.lower()  # the folded nick: see backends/irc/convert.py

    @property
    def peer_address(self) -> str:
        return self.peer.nick

    async def room_to_join(self) -> str:
        """A channel the peer is in."""
        channel = unique_channel("#contract")
        await self.peer.join(channel)
        return channel

    async def peer_send(self, text: str) -> None:
        await self.peer.privmsg(self.nick, text)

    async def peer_wait_for(self, text: str, timeout: float = 60.0) -> None:
        await self.peer.wait_privmsg(text, sender=self.nick, timeout=timeout)

    async def peer_take_file(self, name: str, timeout: float = 60.0) -> bytes:
        """The peer accepts our DCC SEND offer of ``name``: connects to us and reads it all,
        acknowledging as it goes (the classic DCC protocol)."""
        offer = await self.peer.wait_for(
            lambda m: m.command == "PRIVMSG" and m.params[-1].startswith(f"\x01DCC SEND {name} "),
            timeout,
        )
        _, _, _, ip, port, size = offer.params[-1].strip("\x01").split(" ")
        host = ".".join(str((int(ip) >> s) & 255) for s in (24, 16, 8, 0))
        reader, writer = await asyncio.open_connection(host, int(port))
        data = b""
        try:
            while len(data) < int(size):
                chunk = await asyncio.wait_for(reader.read(65536), timeout)
                if not chunk:
                    break
                data += chunk
                writer.write(len(data).to_bytes(4, "big"))
                await writer.drain()
        finally:
            writer.close()
        return data

    async def close(self) -> None:
        await self.peer.close()


async def open_harness(request: pytest.FixtureRequest, tmp_path: Path) -> IrcHarness:
    del tmp_path
    ensure_plugin(request.config)
    server: IrcServer = request.getfixturevalue("inspircd_server")
    peer = await Peer.connect(server.port, unique_nick("ContractPeer"))
    return IrcHarness(server, peer)
