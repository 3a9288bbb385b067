"""The built-in backends' harnesses for the conformance kit (``chinwag.testing``): one module per
backend in ``tests/contract/harnesses``, each with an ``open_harness`` function."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from chinwag.testing import ContractHarness
from tests.contract import harnesses

HARNESSES = sorted(m.name for m in pkgutil.iter_modules(harnesses.__path__))


@pytest.fixture(params=HARNESSES)
async def harness(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[ContractHarness]:
    module = importlib.import_module(f"tests.contract.harnesses.{request.param}")
    h = await module.open_harness(request, tmp_path)
    try:
        yield h
    finally:
        await h.close()
