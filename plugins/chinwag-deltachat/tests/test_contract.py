"""Chinwag's contract suite, run against this backend through its harness, as any plugin runs it.

The suite's tests are imported from Chinwag's ``tests/contract`` (the conformance kit that will
ship in the wheel replaces this import); ``harness`` is the fixture they ask for.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from dc_harness import DeltaChatHarness, open_harness
from tests.contract.test_backend_contract import (
    test_connects_and_disconnects_twice,
    test_only_facts_are_reported,
    test_passes_registry_validation,
    test_receives_text_in_any_language,
    test_sends_text,
    test_unreachable_server_is_retryable,
    test_wrong_password_is_an_auth_failure,
)

__all__ = [
    "test_connects_and_disconnects_twice",
    "test_only_facts_are_reported",
    "test_passes_registry_validation",
    "test_receives_text_in_any_language",
    "test_sends_text",
    "test_unreachable_server_is_retryable",
    "test_wrong_password_is_an_auth_failure",
]


@pytest.fixture
async def harness(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[DeltaChatHarness]:
    h = await open_harness(request, tmp_path)
    try:
        yield h
    finally:
        await h.close()
