"""Loads the conformance kit's pytest plugin from this checkout when Chinwag is not installed with
its entry points (a PYTHONPATH run, or an install older than the kit). Installed, the
``pytest11`` entry point has already loaded it as ``chinwag``, and this does nothing."""

from __future__ import annotations

import pytest

import chinwag.testing.plugin as kit


def pytest_configure(config: pytest.Config) -> None:
    if not config.pluginmanager.has_plugin("chinwag"):
        config.pluginmanager.register(kit, "chinwag")
