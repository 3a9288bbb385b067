"""Fixtures of the Matrix integration tests: the session's Synapse, a peer, our account."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.integration.matrix.helpers import Account, Peer, new_account
from tests.integration.matrix.sso_provider import auth_stack  # noqa: F401  (a fixture)
from tests.integration.matrix.synapse import Synapse, ensure_plugin


def pytest_configure(config: pytest.Config) -> None:
    # The ``synapse`` fixture lives in a plugin module shared with the contract harness, so one
    # pytest session starts one server whichever suites it runs.
    ensure_plugin(config)


@pytest.fixture
async def peer(synapse: Synapse) -> AsyncIterator[Peer]:
    p = await Peer.create(synapse)
    try:
        yield p
    finally:
        await p.close()


@pytest.fixture
async def account(synapse: Synapse) -> Account:
    return await new_account(synapse)
