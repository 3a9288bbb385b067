"""packaging/constraints.txt pins every Python package a development install needs, so that
``scripts/setup`` on a clean clone (CI) installs the versions the tests pass with instead of
whatever PyPI released last."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import tomllib
import warnings
from pathlib import Path
from types import ModuleType

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.packaging.builds import ROOT

CONSTRAINTS = ROOT / "packaging" / "constraints.txt"
PYPROJECTS = (ROOT / "pyproject.toml", ROOT / "plugins" / "chinwag-deltachat" / "pyproject.toml")
OWN = {"chinwag", "chinwag-deltachat"}


def load(path: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.rsplit("/", 1)[1][:-3], ROOT / path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pins(path: Path = CONSTRAINTS) -> dict[str, str]:
    generator = load("packaging/flatpak/generate_python_modules.py")
    result: dict[str, str] = generator.constraints(path)
    return result


def requirements() -> list[Requirement]:
    """Every requirement in both pyproject.toml files: dependencies and every extra."""
    found = []
    for path in PYPROJECTS:
        project = tomllib.loads(path.read_text())["project"]
        texts = list(project.get("dependencies", []))
        for extra in project.get("optional-dependencies", {}).values():
            texts += extra
        found += [Requirement(t) for t in texts]
    return found


def test_every_dependency_in_pyproject_is_pinned_at_a_version_it_allows() -> None:
    pinned = pins()
    wrong = []
    for req in requirements():
        name = canonicalize_name(req.name)
        if name in OWN:
            continue
        version = pinned.get(name)
        if version is None:
            wrong.append(f"{req}: not pinned")
        elif not req.specifier.contains(Version(version), prereleases=True):
            wrong.append(f"{req}: pinned at {version}")
    assert wrong == [], "run packaging/update_constraints.py"


def test_what_the_dependencies_require_is_pinned_too() -> None:
    """The whole closure (as installed here), not only the direct requirements: a release of a
    package two levels down breaks a clean install as well."""
    closure = load("packaging/update_constraints.py").pins()
    assert {"vodozemac", "pygments", "packaging"} <= set(closure)  # extras, test tools' needs
    missing = sorted(set(closure) - set(pins()))
    assert missing == [], "run packaging/update_constraints.py"


def test_the_pins_are_the_installed_versions_and_nothing_of_ours() -> None:
    """Checkout packages and the installer are never pinned; the environment the tests run in
    should have the pinned versions (after ``scripts/setup`` it does): only warned, since a
    developer trying a newer release has a newer one until the constraints are refreshed."""
    pinned = pins()
    assert not set(pinned) & (OWN | {"pip", "setuptools", "wheel"})
    assert len(pinned) > 50 and all(Version(v) for v in pinned.values())
    drifted = []
    for name, version in pinned.items():
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue  # needed on another platform or Python only
        if installed != version:
            drifted.append(f"{name} {installed} (pinned {version})")
    if drifted:
        warnings.warn(
            "installed versions differ from packaging/constraints.txt: " + ", ".join(drifted),
            stacklevel=1,
        )


def test_setup_installs_with_the_constraints() -> None:
    """Through PIP_CONSTRAINT, which (unlike -c) also pins what pip installs into the isolated
    environment it builds the editable installs in."""
    setup = (ROOT / "scripts" / "setup").read_text()
    installs = [line for line in setup.splitlines() if "pip install" in line]
    assert len(installs) == 2 and all('PIP_CONSTRAINT="$pinned" ' in line for line in installs)
    assert "constraints=packaging/constraints.txt" in setup
    assert "build_constraints=packaging/build-constraints.txt" in setup
    assert 'pinned="$constraints $build_constraints"' in setup


def test_the_build_backend_is_pinned_at_versions_both_projects_allow() -> None:
    pinned = pins(ROOT / "packaging" / "build-constraints.txt")
    assert set(pinned) == {"setuptools", "wheel"}
    for path in PYPROJECTS:
        for text in tomllib.loads(path.read_text())["build-system"]["requires"]:
            req = Requirement(text)
            version = pinned.get(canonicalize_name(req.name))
            assert version is not None, f"{path}: {req} is not pinned"
            assert req.specifier.contains(Version(version)), f"{path}: {req} pinned at {version}"


def test_the_test_homeserver_is_pinned_too() -> None:
    """Synapse (its own venv, scripts/setup-synapse) with the extras the tests use."""
    pinned = pins(ROOT / "packaging" / "synapse-constraints.txt")
    assert {"matrix-synapse", "twisted", "authlib", "beautifulsoup4"} <= set(pinned)
    assert not set(pinned) & {"pip", "setuptools", "wheel"}
    setup = (ROOT / "scripts" / "setup-synapse").read_text()
    assert "constraints=packaging/synapse-constraints.txt" in setup
    assert 'pins=(-c "$constraints")' in setup and '"${pins[@]}"' in setup
