"""Write python3-modules.json: every Python package Chinwag needs in the Flatpak, pinned by hash.

    .venv/bin/python packaging/flatpak/generate_python_modules.py

The list is the dependency closure of Chinwag's requirements (read from pyproject.toml, as on
Linux), less what the Flatpak runtime and base provide (PySide6 and shiboken6 come from the PySide
BaseApp; pip from the runtime's Python), at the versions of packaging/constraints.txt (the
versions the tests pass with, and what scripts/setup installs): the manifest and a development
install agree. The closure follows the installed packages' metadata, so run it from the project's
venv after ``packaging/update_constraints.py``. Each package is a wheel for the runtime's Python:
one file for pure-Python packages, one per architecture (x86_64, aarch64) for compiled ones —
Rust and C extensions then need no compiler extension in the SDK. A pure-Python package published
only as an sdist (atomicwrites) comes as that sdist, built by pip inside the SDK. Every file is
fetched once with pip, to record its sha256 and its public address (PyPI's paths are the file's
BLAKE2b-256 digest). Re-run it after changing the dependencies; tests/packaging/test_flatpak.py
says when it is due.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import re
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_sdist_filename, parse_wheel_filename

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUTPUT = HERE / "python3-modules.json"
CONSTRAINTS = ROOT / "packaging" / "constraints.txt"
RUNTIME_PYTHON = "3.12"  # org.kde.Platform 6.9 (freedesktop 24.08)
PROVIDED = {"chinwag", "pyside6-essentials", "pyside6-addons", "shiboken6", "pip"}
ARCHES = {
    "x86_64": [f"manylinux_2_{n}_x86_64" for n in range(17, 40)] + ["manylinux2014_x86_64"],
    "aarch64": [f"manylinux_2_{n}_aarch64" for n in range(17, 40)] + ["manylinux2014_aarch64"],
}
FILES_HOST = "https://files.pythonhosted.org/packages"
MARKER_ENV = {
    "sys_platform": "linux",
    "platform_system": "Linux",
    "os_name": "posix",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
    "python_version": RUNTIME_PYTHON,
    "python_full_version": f"{RUNTIME_PYTHON}.0",
    "platform_machine": "x86_64",
    "extra": "",
}


def wanted(req: Requirement, extras: frozenset[str], env: Mapping[str, str] = MARKER_ENV) -> bool:
    """Whether a requirement applies in ``env`` (Linux), for a package asked for with ``extras``."""
    if req.marker is None:
        return True
    return any(req.marker.evaluate({**env, "extra": e}) for e in {"", *extras})


def project_requirements(
    pyproject: Path = ROOT / "pyproject.toml", extras: Iterable[str] = ()
) -> list[Requirement]:
    """A project's requirements, with those of ``extras``, from its pyproject.toml (the installed
    metadata of an editable install is as old as the last ``pip install -e``)."""
    project = tomllib.loads(pyproject.read_text())["project"]
    texts = list(project.get("dependencies", []))
    for extra in extras:
        texts += project["optional-dependencies"][extra]
    return [Requirement(text) for text in texts]


def closure(
    requirements: Iterable[Requirement] | None = None,
    env: Mapping[str, str] = MARKER_ENV,
    provided: Iterable[str] = PROVIDED,
) -> dict[str, str]:
    """Canonical name → installed version, for ``requirements`` (Chinwag's own by default) and
    everything they require in ``env``, following extras (``matrix-nio[e2e]`` brings
    vodozemac); less ``provided`` and what only they require."""
    found: dict[str, str] = {}
    seen: set[tuple[str, frozenset[str]]] = set()
    skip = {canonicalize_name(n) for n in provided}
    roots = project_requirements() if requirements is None else requirements
    todo = [(r.name, frozenset(r.extras)) for r in roots if wanted(r, frozenset(), env)]
    while todo:
        name, extras = todo.pop()
        name = canonicalize_name(name)
        if (name, extras) in seen or name in skip:  # what is provided brings its own
            continue
        seen.add((name, extras))
        dist = importlib.metadata.distribution(name)
        found[name] = dist.version
        for text in dist.requires or []:
            req = Requirement(text)
            if wanted(req, extras, env):
                todo.append((req.name, frozenset(req.extras)))
    return dict(sorted(found.items()))


def constraints(path: Path = CONSTRAINTS) -> dict[str, str]:
    """Canonical name → version of a constraints file's ``name==version`` lines."""
    pins: dict[str, str] = {}
    for raw in path.read_text().splitlines():
        text = raw.split("#", 1)[0].strip()
        if text:
            match = re.fullmatch(r"([A-Za-z0-9._-]+)\s*==\s*([^\s;]+)", text)
            if match is None:
                raise ValueError(f"{path.name}: not name==version: {text!r}")
            pins[canonicalize_name(match[1])] = match[2]
    return pins


def download(pins: dict[str, str], platforms: list[str], dest: Path) -> list[Path]:
    # A wheel where there is one; the few pure-Python packages published only as an sdist
    # (atomicwrites) come as that, and pip builds them inside the SDK.
    args = [sys.executable, "-m", "pip", "download", "--no-deps", "--prefer-binary"]
    args += ["--python-version", RUNTIME_PYTHON, "--implementation", "cp", "--dest", str(dest)]
    for abi in (f"cp{RUNTIME_PYTHON.replace('.', '')}", "abi3", "none"):
        args += ["--abi", abi]
    for platform in platforms:
        args += ["--platform", platform]
    args += [f"{name}=={version}" for name, version in pins.items()]
    subprocess.run(args, check=True)
    return sorted(p for p in dest.iterdir() if p.name.endswith((".whl", ".tar.gz", ".zip")))


def source(path: Path, arch: str | None) -> dict[str, object]:
    data = path.read_bytes()
    blake = hashlib.blake2b(data, digest_size=32).hexdigest()
    entry: dict[str, object] = {
        "type": "file",
        "url": f"{FILES_HOST}/{blake[:2]}/{blake[2:4]}/{blake[4:]}/{path.name}",
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    if arch is not None:
        entry["only-arches"] = [arch]
    return entry


def module(name: str, sources: list[dict[str, object]]) -> dict[str, object]:
    return {
        "name": f"python3-{name}",
        "buildsystem": "simple",
        "build-commands": [
            'pip3 install --verbose --exists-action=i --no-index --find-links="file://${PWD}" '
            f'--prefix=${{FLATPAK_DEST}} "{name}" --no-build-isolation --no-deps'
        ],
        "sources": sources,
    }


def main() -> None:
    pinned, needed = constraints(), closure()
    missing = sorted(set(needed) - set(pinned))
    if missing:
        raise SystemExit(f"not in {CONSTRAINTS.name}: {', '.join(missing)} (update it first)")
    pins = {name: pinned[name] for name in needed}
    by_name: dict[str, list[dict[str, object]]] = {name: [] for name in pins}
    with tempfile.TemporaryDirectory() as tmp:
        for arch, platforms in ARCHES.items():
            folder = Path(tmp) / arch
            folder.mkdir()
            for wheel in download(pins, platforms, folder):
                if wheel.name.endswith(".whl"):
                    name = canonicalize_name(parse_wheel_filename(wheel.name)[0])
                else:
                    name = canonicalize_name(parse_sdist_filename(wheel.name)[0])
                pure = not wheel.name.endswith(".whl") or wheel.name.endswith("-none-any.whl")
                if pure and by_name[name]:
                    continue  # the same file for every architecture
                by_name[name].append(source(wheel, None if pure else arch))
    missing = [n for n, s in by_name.items() if not s]
    if missing:
        raise SystemExit(f"no wheel for: {', '.join(missing)}")
    doc = {
        "name": "python3-modules",
        "buildsystem": "simple",
        "build-commands": [],
        "modules": [module(name, by_name[name]) for name in pins],
    }
    OUTPUT.write_text(json.dumps(doc, indent=2) + "\n")
    count = sum(len(s) for s in by_name.values())
    print(f"{OUTPUT.name}: {len(pins)} packages, {count} files")


if __name__ == "__main__":
    main()
