"""Fixtures of the IRC integration tests: the session's servers, a peer, a backend factory."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from tests.integration.irc.helpers import BackendFactory, make_factory
from tests.integration.irc.peer import Peer
from tests.integration.irc.servers import IrcServer, ensure_plugin


def pytest_configure(config: pytest.Config) -> None:
    # The server fixtures live in a plugin module shared with the contract harness, so one pytest
    # session starts each server once, whichever suites it runs.
    ensure_plugin(config)


@pytest.fixture(params=["inspircd", "ngircd"])
def any_server(request: pytest.FixtureRequest) -> IrcServer:
    """The basic tests run against both: InspIRCd with IRCv3, ngIRCd without."""
    server: IrcServer = request.getfixturevalue(f"{request.param}_server")
    return server


@pytest.fixture
async def backends(tmp_path: Path) -> AsyncIterator[BackendFactory]:
    factory = make_factory(tmp_path)
    try:
        yield factory
    finally:
        await factory.close_all()


@pytest.fixture
async def peers() -> AsyncIterator[Callable[..., Awaitable[Peer]]]:
    opened: list[Peer] = []

    async def open_peer(server: IrcServer, nick: str | None = None, **kwargs: object) -> Peer:
        peer = await Peer.connect(server.port, nick, **kwargs)  # type: ignore[arg-type]
        opened.append(peer)
        return peer

    try:
        yield open_peer
    finally:
        for peer in opened:
            await peer.close()
