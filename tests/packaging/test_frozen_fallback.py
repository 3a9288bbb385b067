"""A frozen bundle has no entry points; app.registry falls back to the built-in plugins there, and
only there (a normal install without them has none)."""

from __future__ import annotations

import importlib.metadata
import sys

import pytest

from app import registry
from app.cli import FRONTEND_GROUP
from app.registry import ENTRY_POINT_GROUP, BackendRegistry, entry_points


@pytest.fixture
def no_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    # app.registry imports importlib.metadata where it asks (not on the way to the window)
    monkeypatch.setattr(
        importlib.metadata, "entry_points", lambda **_: importlib.metadata.EntryPoints()
    )


def test_a_frozen_app_without_metadata_uses_the_built_in_plugins(
    no_metadata: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    backends = BackendRegistry.discover()
    assert backends.protocol_ids() == ["irc", "matrix", "xmpp"]
    (qt,) = entry_points(FRONTEND_GROUP)
    assert (qt.name, qt.value, qt.group) == ("qt", "ui.main:run", FRONTEND_GROUP)
    assert qt.load().__module__ == "ui.main"


def test_the_built_in_list_matches_the_packages_entry_points() -> None:
    """Only Chinwag's own entry points: an installed plugin (Delta Chat in CI) is not built in."""
    own = importlib.metadata.distribution("chinwag").entry_points
    installed = {
        group: {ep.name: ep.value for ep in own.select(group=group)}
        for group in (ENTRY_POINT_GROUP, FRONTEND_GROUP)
    }
    assert installed == registry.FROZEN_ENTRY_POINTS


def test_elsewhere_no_entry_points_means_no_plugins(no_metadata: None) -> None:
    assert not getattr(sys, "frozen", False)
    assert entry_points(ENTRY_POINT_GROUP) == []
    assert BackendRegistry.discover().protocol_ids() == []
