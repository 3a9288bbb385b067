"""Fixtures of the window-to-server tests: the servers of the integration tests (one per
session, shared), a loop thread for the independent clients, and a throwaway profile."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.harness import LoopThread
from tests.integration.xmpp.server import prosody

__all__ = ["prosody"]


@pytest.fixture(scope="session")
def peer_loop() -> Iterator[LoopThread]:
    loop = LoopThread()
    yield loop
    loop.stop()
