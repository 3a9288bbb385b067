"""Shared fixtures: a throwaway profile, the fake service, in-memory secrets, a running core."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import settings

from app.core import Core
from chinwag.testing import MemorySecretStore
from tests.fakes.core_harness import make_core
from tests.fakes.fake_backend import FakeServer

# Qt tests render offscreen unless a test (or the caller) picked a real display on purpose.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property-based tests: 100 examples each in a normal run, the same examples every run
# (derandomized: a suite run never fails by the luck of the draw, and on a loaded 2-core machine a
# per-example deadline would be timing, not behaviour, so the normal run has a loose one);
# scripts/soak asks for 1,000 fresh random examples with a 2 s per-example deadline, which catches
# anything that goes exponential, with CHINWAG_HYPOTHESIS_PROFILE=soak.
settings.register_profile(
    "default", max_examples=100, derandomize=True, deadline=timedelta(seconds=30)
)
settings.register_profile(
    "soak", max_examples=1_000, derandomize=False, deadline=timedelta(seconds=2)
)
settings.load_profile(os.environ.get("CHINWAG_HYPOTHESIS_PROFILE", "default"))


@pytest.fixture
def fake_server() -> FakeServer:
    return FakeServer(passwords={"alice": "wonderland", "bob": "builder"})


@pytest.fixture
def secrets() -> MemorySecretStore:
    return MemorySecretStore()


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    root = tmp_path / "profile"
    root.mkdir()
    return root


@pytest.fixture
async def core(
    profile: Path, fake_server: FakeServer, secrets: MemorySecretStore
) -> AsyncIterator[Core]:
    core = make_core(profile, fake_server, secrets)
    await core.start()
    try:
        yield core
    finally:
        await core.stop()
