"""Shared fixtures: a throwaway profile, the fake service, in-memory secrets, a running core."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from hypothesis import settings

from app.core import Core
from tests.fakes.core_harness import make_core
from tests.fakes.fake_backend import FakeServer
from tests.fakes.memory_secrets import MemorySecrets

# Qt tests render offscreen unless a test (or the caller) picked a real display on purpose.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property-based tests: 100 examples each in a normal run (seconds, fit for CI); scripts/soak
# asks for many more with CHINWAG_HYPOTHESIS_PROFILE=soak.
settings.register_profile("default", max_examples=100, derandomize=False)
settings.register_profile("soak", max_examples=1_000)
settings.load_profile(os.environ.get("CHINWAG_HYPOTHESIS_PROFILE", "default"))


@pytest.fixture
def fake_server() -> FakeServer:
    return FakeServer(passwords={"alice": "wonderland", "bob": "builder"})


@pytest.fixture
def secrets() -> MemorySecrets:
    return MemorySecrets()


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    root = tmp_path / "profile"
    root.mkdir()
    return root


@pytest.fixture
async def core(
    profile: Path, fake_server: FakeServer, secrets: MemorySecrets
) -> AsyncIterator[Core]:
    core = make_core(profile, fake_server, secrets)
    await core.start()
    try:
        yield core
    finally:
        await core.stop()
