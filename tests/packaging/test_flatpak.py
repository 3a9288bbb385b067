"""The Flatpak manifest cannot be built here (the runtime comes from the network), so it is linted:
valid YAML/JSON, the keys flatpak-builder needs, every Python module pinned with a sha256, no
dependency left out, and permissions that are enough and no more."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from packaging.utils import canonicalize_name, parse_sdist_filename, parse_wheel_filename

from tests.packaging.builds import ROOT, require_module

FLATPAK = ROOT / "packaging" / "flatpak"
MANIFEST = FLATPAK / "org.chinwag.Chinwag.yml"
APP_ID = "org.chinwag.Chinwag"
NEEDED_ARGS = {
    "--share=network",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--share=ipc",
    "--talk-name=org.freedesktop.secrets",
    "--talk-name=org.freedesktop.Notifications",
}
FORBIDDEN_ARGS = re.compile(
    r"^--(filesystem=(host|host-os|host-etc|home|/|~)(:.*)?|socket=(session-bus|system-bus|x11)"
    r"|device=all|talk-name=org\.freedesktop\.Flatpak|own-name=.*)$"
)
ARCHES = {"x86_64", "aarch64"}


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "generate_python_modules", FLATPAK / "generate_python_modules.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    require_module("yaml")
    import yaml

    data = yaml.safe_load(MANIFEST.read_text())
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def python_modules(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    included = [m for m in manifest["modules"] if isinstance(m, str)]
    assert included == ["python3-modules.json"]
    doc = json.loads((FLATPAK / included[0]).read_text())
    assert doc["name"] == "python3-modules"
    return list(doc["modules"])


def pins_of(modules: list[dict[str, Any]]) -> dict[str, str]:
    pins: dict[str, str] = {}
    for module in modules:
        for src in module["sources"]:
            filename = src["url"].rsplit("/", 1)[1]
            if filename.endswith(".whl"):
                name, version, _, _ = parse_wheel_filename(filename)
            else:
                name, version = parse_sdist_filename(filename)
            assert pins.setdefault(name, str(version)) == str(version), src["url"]
    return pins


def test_the_manifest_has_what_flatpak_builder_needs(manifest: dict[str, Any]) -> None:
    assert manifest["id"] == APP_ID
    assert (manifest["runtime"], manifest["sdk"]) in (
        ("org.kde.Platform", "org.kde.Sdk"),
        ("org.freedesktop.Platform", "org.freedesktop.Sdk"),
    )
    assert isinstance(manifest["runtime-version"], str)  # '6.9', not the float 6.9
    if "base" in manifest:
        assert isinstance(manifest["base-version"], str)
    assert manifest["command"] == "chinwag"  # the [project.gui-scripts] name
    app = [m for m in manifest["modules"] if isinstance(m, dict) and m["name"] == "chinwag"]
    assert len(app) == 1
    commands = "\n".join(app[0]["build-commands"])
    assert "--no-index" in commands  # flatpak-builder builds offline
    for installed in (
        f"share/applications/{APP_ID}.desktop",
        f"share/metainfo/{APP_ID}.metainfo.xml",
        "share/icons",
    ):
        assert installed in commands, installed
    (source,) = app[0]["sources"]
    assert source["type"] == "dir" and (MANIFEST.parent / source["path"]).resolve() == ROOT


def test_finish_args_are_enough_and_no_more(manifest: dict[str, Any]) -> None:
    args = manifest["finish-args"]
    assert all(isinstance(a, str) and a.startswith("--") for a in args), args
    assert len(args) == len(set(args)), "duplicate finish-args"
    assert set(args) >= NEEDED_ARGS, NEEDED_ARGS - set(args)
    too_much = [a for a in args if FORBIDDEN_ARGS.match(a)]
    assert too_much == [], f"more access than a chat client needs: {too_much}"


def test_every_python_module_is_pinned_by_hash(python_modules: list[dict[str, Any]]) -> None:
    assert python_modules
    for module in python_modules:
        assert module["name"].startswith("python3-") and module["buildsystem"] == "simple"
        (command,) = module["build-commands"]
        assert "pip3 install" in command and "--no-index" in command, command
        assert "--no-deps" in command, command
        assert module["sources"], module["name"]
        arches: set[str] = set()
        for src in module["sources"]:
            assert src["type"] == "file"
            assert re.fullmatch(r"https://\S+\.(whl|tar\.gz)", src["url"]), src["url"]
            assert re.fullmatch(r"[0-9a-f]{64}", src["sha256"]), src
            filename = src["url"].rsplit("/", 1)[1]
            if filename.endswith(".whl"):
                name, version, _, tags = parse_wheel_filename(filename)
                pure = any(t.platform == "any" for t in tags)
            else:  # an sdist: only for pure-Python packages, which publish no wheel
                name, version = parse_sdist_filename(filename)
                pure = True
            assert f'"{name}"' in command or f'"{module["name"][8:]}"' in command, command
            assert str(version), src["url"]
            only = src.get("only-arches")
            if only is None:
                assert pure, f"{src['url']} is not pure"
            else:
                assert set(only) <= ARCHES and len(only) == 1, only
                arches.update(only)
        assert arches in (set(), ARCHES), f"{module['name']}: wheels for {arches} only"


def test_no_dependency_is_left_out(python_modules: list[dict[str, Any]]) -> None:
    """Chinwag's own dependencies, extras included, and what each of them requires on Linux,
    are all listed."""
    generator = load_generator()
    pins = pins_of(python_modules)
    provided = {canonicalize_name(n) for n in generator.PROVIDED}
    needed = generator.closure()
    assert "vodozemac" in needed  # through matrix-nio[e2e]: extras are followed
    assert {"emoji", "hsluv"} <= set(needed)  # read from pyproject.toml, not older metadata
    missing = set(needed) - set(pins) - provided
    assert missing == set(), f"{sorted(missing)}: run packaging/flatpak/generate_python_modules.py"


def test_the_manifest_has_the_versions_of_the_constraints_file(
    python_modules: list[dict[str, Any]],
) -> None:
    """The Flatpak ships what a development install has and the tests pass with: the versions of
    packaging/constraints.txt, whatever PyPI released since."""
    generator = load_generator()
    constrained = generator.constraints()
    pins = pins_of(python_modules)
    differ = [
        f"{name} {version} (constraints: {constrained.get(name, 'not pinned')})"
        for name, version in sorted(pins.items())
        if constrained.get(name) != version
    ]
    assert differ == [], "run packaging/flatpak/generate_python_modules.py"


def test_the_constraints_file_is_read_strictly(tmp_path: Path) -> None:
    generator = load_generator()
    good = tmp_path / "good.txt"
    good.write_text("# a comment\n\nPyYAML==6.0.4  # why\nmatrix_nio == 0.26.0\n")
    assert generator.constraints(good) == {"pyyaml": "6.0.4", "matrix-nio": "0.26.0"}
    bad = tmp_path / "bad.txt"
    bad.write_text("pyyaml>=6\n")
    with pytest.raises(ValueError, match="not name==version"):
        generator.constraints(bad)


def test_the_manifest_is_documented() -> None:
    text = (ROOT / "docs" / "install.md").read_text()
    assert "flatpak-builder" in text and MANIFEST.name in text
