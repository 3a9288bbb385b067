"""The kit as a pytest plugin (entry point ``pytest11``: ``chinwag``): its marker and fixtures.

Installing Chinwag makes these available in any project's tests without a conftest import.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chinwag.testing.context import RecordingContext


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "chinwag_contract: a test of Chinwag's backend contract (chinwag.testing)"
    )


class RecordingContexts:
    """Makes :class:`RecordingContext`\\ s with their own folders under the test's tmp_path."""

    def __init__(self, root: Path) -> None:
        self._root = root
        self._n = 0

    def __call__(
        self,
        settings: dict[str, str | int | bool] | None = None,
        secrets: dict[str, str] | None = None,
        *,
        account_id: str = "",
        probe: bool = False,
    ) -> RecordingContext:
        self._n += 1
        name = account_id or f"acct{self._n}"
        return RecordingContext(
            name, dict(settings or {}), dict(secrets or {}), self._root / name, probe=probe
        )


@pytest.fixture
def recording_context(tmp_path: Path) -> RecordingContexts:
    """``recording_context(settings, secrets)`` → a :class:`RecordingContext` to build a
    backend's context from (``backend = MyBackend(rec.build())``)."""
    return RecordingContexts(tmp_path / "accounts")
