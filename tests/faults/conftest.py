"""Fixtures of the fault tests: a profile folder per app process, and stopping what was started."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from tests.faults.harness import AppProcess

AppFactory = Callable[..., AppProcess]


@pytest.fixture
async def apps(tmp_path: Path) -> AsyncIterator[AppFactory]:
    """``apps(spec)`` → an app process on a fresh profile (not started); all stopped at the end."""
    made: list[AppProcess] = []

    def make(spec: dict[str, Any], name: str = "app") -> AppProcess:
        app = AppProcess(tmp_path / f"{name}{len(made)}", spec)
        made.append(app)
        return app

    yield make
    for app in made:
        await app.stop(timeout=15)
