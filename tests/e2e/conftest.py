"""Fixtures of the window-to-server tests: the servers of the integration tests (one per
session, shared), a loop thread for the independent clients, and a throwaway profile."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.harness import LoopThread
from tests.integration.irc.servers import ensure_plugin
from tests.integration.matrix.synapse import ensure_plugin as ensure_synapse
from tests.integration.xmpp.server import prosody

__all__ = ["prosody"]


def pytest_configure(config: pytest.Config) -> None:
    # The IRC servers (InspIRCd + Atheme) and Synapse are plugins shared with the integration
    # tests, so one session starts each once whichever suites it runs.
    ensure_plugin(config)
    ensure_synapse(config)


@pytest.fixture(scope="session")
def peer_loop() -> Iterator[LoopThread]:
    loop = LoopThread()
    yield loop
    loop.stop()
