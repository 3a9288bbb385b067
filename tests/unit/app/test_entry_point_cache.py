"""The entry points kept between starts (app.entry_point_cache) answer as importlib.metadata
would, and are asked again when a folder on sys.path changes."""

from __future__ import annotations

import importlib.metadata
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import entry_point_cache, registry

GROUP = "chinwag.test-kept"


def add_dist(site: Path, name: str, entries: str) -> None:
    dist = site / f"{name}-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(f"[{GROUP}]\n{entries}\n")


def touch_later(folder: Path) -> None:
    """What adding a distribution's folder does to its parent's time, made certain (two
    changes within one tick of the kernel's file clock would keep the same time)."""
    stat = folder.stat()
    os.utime(folder, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    importlib.invalidate_caches()
    yield folder
    entry_point_cache.uninstall()


def test_a_second_start_answers_from_the_file_the_same(site: Path, tmp_path: Path) -> None:
    add_dist(site, "kept_one", "alpha = os.path:join\nbeta = json")
    kept = tmp_path / "kept.bin"
    assert entry_point_cache.install(kept)
    first = registry.entry_points(GROUP)
    assert first and not any(isinstance(ep, entry_point_cache.KeptEntryPoint) for ep in first)
    assert kept.exists()

    entry_point_cache.uninstall()  # as a new process would start
    assert entry_point_cache.install(kept)
    second = registry.entry_points(GROUP)
    assert all(isinstance(ep, entry_point_cache.KeptEntryPoint) for ep in second)
    assert [(ep.name, ep.value) for ep in second] == [(ep.name, ep.value) for ep in first]
    assert [ep.load() for ep in second] == [ep.load() for ep in first]
    assert second[0].load() is os.path.join


def test_a_distribution_installed_since_is_found(site: Path, tmp_path: Path) -> None:
    add_dist(site, "kept_one", "alpha = os.path:join")
    kept = tmp_path / "kept.bin"
    entry_point_cache.install(kept)
    assert [ep.name for ep in registry.entry_points(GROUP)] == ["alpha"]
    add_dist(site, "kept_two", "gamma = os:getcwd")
    touch_later(site)
    entry_point_cache.uninstall()
    entry_point_cache.install(kept)
    assert sorted(ep.name for ep in registry.entry_points(GROUP)) == ["alpha", "gamma"]


def test_without_install_importlib_is_asked_every_time(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_dist(site, "kept_one", "alpha = os.path:join")
    asked: list[str] = []
    real = importlib.metadata.entry_points

    def counting(**kwargs: str) -> importlib.metadata.EntryPoints:
        asked.append(kwargs["group"])
        return real(**kwargs)

    monkeypatch.setattr(importlib.metadata, "entry_points", counting)
    assert entry_point_cache.lookup(GROUP) is None
    registry.entry_points(GROUP)
    registry.entry_points(GROUP)
    assert asked == [GROUP, GROUP]


def test_an_unreadable_file_is_replaced(site: Path, tmp_path: Path) -> None:
    add_dist(site, "kept_one", "alpha = os.path:join")
    kept = tmp_path / "kept.bin"
    kept.write_bytes(entry_point_cache.MAGIC + b"\x00garbage")
    assert entry_point_cache.install(kept)
    assert [ep.name for ep in registry.entry_points(GROUP)] == ["alpha"]
    entry_point_cache.uninstall()
    entry_point_cache.install(kept)
    assert entry_point_cache.lookup(GROUP) == [
        entry_point_cache.KeptEntryPoint("alpha", "os.path:join", GROUP)
    ]


def test_a_kept_value_that_names_nothing_fails_to_load() -> None:
    with pytest.raises(ValueError, match="not an entry point"):
        entry_point_cache.KeptEntryPoint("x", "not a module!", GROUP).load()
    with pytest.raises(ModuleNotFoundError):
        entry_point_cache.KeptEntryPoint("x", "no_such_module_anywhere:thing", GROUP).load()


def test_entry_points_rewritten_in_place_are_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A legacy editable install (``setup.py develop``): the project folder is on sys.path and
    its ``.egg-info`` is rewritten in place when its entry points change; no folder on sys.path
    changes its time (nothing is added or removed there)."""
    project = tmp_path / "project"
    egg = project / "kept_dev.egg-info"
    egg.mkdir(parents=True)
    (egg / "PKG-INFO").write_text("Metadata-Version: 2.1\nName: kept_dev\nVersion: 1.0\n")
    points = egg / "entry_points.txt"
    points.write_text(f"[{GROUP}]\nalpha = os.path:join\n")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    sys.path.insert(0, str(project))
    try:
        importlib.invalidate_caches()
        kept = tmp_path / "kept.bin"
        entry_point_cache.install(kept)
        assert [ep.name for ep in registry.entry_points(GROUP)] == ["alpha"]
        times = {p: p.stat().st_mtime_ns for p in (project, egg)}
        points.write_text(f"[{GROUP}]\nalpha = os.path:join\ngamma = os:getcwd\n")
        touch_later(points)  # a later run of the command: a later time, certainly
        for folder, mtime in times.items():
            os.utime(folder, ns=(mtime, mtime))
        entry_point_cache.uninstall()
        entry_point_cache.install(kept)
        assert sorted(ep.name for ep in registry.entry_points(GROUP)) == ["alpha", "gamma"]
    finally:
        sys.path.remove(str(project))
        entry_point_cache.uninstall()


def test_a_distribution_installed_while_looking_is_found_next_time(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pip installs a plugin while chinwag starts: the answer read before the install must not
    be kept under the folder's time after it (it would be taken as current for good)."""
    add_dist(site, "kept_one", "alpha = os.path:join")
    kept = tmp_path / "kept.bin"
    entry_point_cache.install(kept)
    real = importlib.metadata.entry_points

    def racing(**kwargs: str) -> importlib.metadata.EntryPoints:
        found = real(**kwargs)
        add_dist(site, "kept_two", "gamma = os:getcwd")  # lands just after the read
        touch_later(site)
        return found

    monkeypatch.setattr(importlib.metadata, "entry_points", racing)
    assert [ep.name for ep in registry.entry_points(GROUP)] == ["alpha"]
    monkeypatch.setattr(importlib.metadata, "entry_points", real)
    entry_point_cache.uninstall()
    entry_point_cache.install(kept)
    assert sorted(ep.name for ep in registry.entry_points(GROUP)) == ["alpha", "gamma"]
