"""Runs the contract suite once per harness module in ``tests/contract/harnesses``."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.contract import harnesses
from tests.contract.harness import ContractHarness

HARNESSES = sorted(m.name for m in pkgutil.iter_modules(harnesses.__path__))


@pytest.fixture(params=HARNESSES)
async def harness(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[ContractHarness]:
    module = importlib.import_module(f"tests.contract.harnesses.{request.param}")
    h = await module.open_harness(request, tmp_path)
    try:
        yield h
    finally:
        await h.close()
