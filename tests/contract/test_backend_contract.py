"""The built-in backends (and the fake) run the shipped conformance kit exactly as a plugin author
runs it: a class inheriting :class:`chinwag.testing.BackendContract`, given a ``harness`` fixture
(here parametrised over ``tests/contract/harnesses``, see conftest.py)."""

from __future__ import annotations

from chinwag.testing import BackendContract


class TestBuiltInBackends(BackendContract):
    pass
