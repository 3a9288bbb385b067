"""The conformance kit for backend plugins, shipped in Chinwag's wheel.

An author writes a *harness* (:class:`ContractHarness`: settings of a working account and a
second person on the same service) and a test class that inherits :class:`BackendContract`::

    from chinwag.testing import BackendContract

    class TestMyService(BackendContract):
        @pytest.fixture
        async def harness(self, tmp_path):
            h = MyHarness(...)
            yield h
            await h.close()

pytest then runs the whole contract against the backend: the basics every backend honours, and
one test per optional interface the backend implements (history paging, files, rooms, receipts,
edits, reactions, retractions, presence, roster, blocking). A test of an interface the backend
does not implement is skipped, and only then. The kit is also a pytest plugin (entry point
``pytest11``: ``chinwag``) offering the fixtures ``recording_context`` and ``fact_waiter``.

:class:`RecordingContext`, :class:`MemoryState` and :class:`MemorySecrets` drive a backend without
the core, for an author's own tests; :class:`MemorySecretStore` stands in for the system keyring
when the plugin runs under Chinwag's real core. :mod:`chinwag.testing.support` has what tests
against real servers on loopback need: ``require_binary`` and ``require_module`` (which fail
under ``CI=true`` instead of skipping), ``in_ci``, ``free_port`` and ``make_tls_files``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from chinwag.testing.context import (
        MemorySecrets,
        MemorySecretStore,
        MemoryState,
        RecordingContext,
    )
    from chinwag.testing.contract import BackendContract
    from chinwag.testing.harness import ContractHarness, SeesAtPeer, Settings, TakesFiles
    from chinwag.testing.waiting import wait_until

# Each name is imported from its module on first use (PEP 562), so a program that only needs
# MemorySecretStore (the benchmarks, the screenshot maker) does not import pytest and the
# contract with it: that was 10 MB and 90 modules in every benchmark's "window alone".
_HOME = {
    "BackendContract": "contract",
    "ContractHarness": "harness",
    "MemorySecretStore": "context",
    "MemorySecrets": "context",
    "MemoryState": "context",
    "RecordingContext": "context",
    "SeesAtPeer": "harness",
    "Settings": "harness",
    "TakesFiles": "harness",
    "wait_until": "waiting",
}

__all__ = [
    "BackendContract",
    "ContractHarness",
    "MemorySecretStore",
    "MemorySecrets",
    "MemoryState",
    "RecordingContext",
    "SeesAtPeer",
    "Settings",
    "TakesFiles",
    "wait_until",
]


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOME])
