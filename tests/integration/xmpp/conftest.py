"""Fixtures of the XMPP integration tests: the session's Prosody, fresh accounts, peers, backends."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from tests.integration.xmpp.helpers import Connected, connect, reconnect
from tests.integration.xmpp.peer import Peer
from tests.integration.xmpp.server import Account, ProsodyServer, prosody

__all__ = ["PeerFactory", "prosody"]

PeerFactory = Callable[..., Awaitable[Peer]]
"""``await peers()`` → a started peer on a fresh account; ``peers(account, resource=…)``."""


@pytest.fixture
def account(prosody: ProsodyServer) -> Callable[[str], Account]:
    return prosody.new_account


@pytest.fixture
async def peers(prosody: ProsodyServer) -> AsyncIterator[PeerFactory]:
    started: list[Peer] = []

    async def start(
        account: Account | None = None, resource: str = "peer", *, accept_subscriptions: bool = True
    ) -> Peer:
        peer = Peer(
            prosody,
            account or prosody.new_account("peer"),
            resource,
            accept_subscriptions=accept_subscriptions,
        )
        started.append(peer)
        return await peer.start()

    yield start
    for peer in started:
        await peer.stop()


class Backends:
    """Our backend instances of one test; every one is disconnected when the test ends."""

    def __init__(self, server: ProsodyServer, tmp_path: Path) -> None:
        self.server = server
        self.tmp_path = tmp_path
        self.opened: list[Connected] = []

    async def open(
        self, account: Account | None = None, **overrides: str | int | bool
    ) -> Connected:
        """Sign in (a fresh account unless one is given)."""
        account = account or self.server.new_account("me")
        conn = await connect(self.server, account, self.tmp_path, **overrides)
        self.opened.append(conn)
        return conn

    async def reopen(self, old: Connected) -> Connected:
        """A new instance on the same account state, as the core makes after a loss."""
        conn = await reconnect(old)
        self.opened.append(conn)
        return conn

    async def close_all(self) -> None:
        for conn in self.opened:
            await conn.backend.disconnect()


@pytest.fixture
async def xmpp(prosody: ProsodyServer, tmp_path: Path) -> AsyncIterator[Backends]:
    backends = Backends(prosody, tmp_path)
    yield backends
    await backends.close_all()
