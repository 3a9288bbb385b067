"""Chinwag's conformance kit (``chinwag.testing``, from the installed Chinwag) run against this
backend through its harness, exactly as any plugin author runs it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from chinwag.testing import BackendContract
from dc_harness import DeltaChatHarness, open_harness


class TestDeltaChat(BackendContract):
    @pytest.fixture
    async def harness(
        self, request: pytest.FixtureRequest, tmp_path: Path
    ) -> AsyncIterator[DeltaChatHarness]:
        h = await open_harness(request, tmp_path)
        try:
            yield h
        finally:
            await h.close()
