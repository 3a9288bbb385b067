"""Write packaging/constraints.txt: the exact version of every Python package a development install
needs (Chinwag, all its extras, the Delta Chat plugin), as installed in the environment that runs
this: the versions the tests passed with.

    .venv/bin/python packaging/update_constraints.py

``scripts/setup`` installs with ``pip install -c packaging/constraints.txt``, so a clean clone (CI)
gets these versions, not whatever PyPI released since; the Flatpak manifest takes its versions
from the same file (packaging/flatpak/generate_python_modules.py). To move to newer releases:

    .venv/bin/python -m pip install -U --upgrade-strategy eager -e '.[test]'
    .venv/bin/python packaging/update_constraints.py
    scripts/test                                             # all green, then:
    .venv/bin/python packaging/flatpak/generate_python_modules.py

It also writes packaging/synapse-constraints.txt, the test homeserver's venv
(.cache/synapse-venv, made by scripts/setup-synapse) as it is, when there is one.

The list is the closure of the requirements in both pyproject.toml files, following the installed
packages' metadata, for this interpreter and platform (a package that only another platform or
Python version needs is not pinned), less pip, setuptools and wheel.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

from packaging.markers import default_environment
from packaging.utils import canonicalize_name

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PLUGIN = ROOT / "plugins" / "chinwag-deltachat" / "pyproject.toml"
OWN = ("chinwag", "chinwag-deltachat")  # installed from this checkout, never from PyPI
# The installer's own (sqlite-utils and PyInstaller require them): they come with the venv, and a
# pin would have pip replace itself in the middle of an install.
TOOLS = ("pip", "setuptools", "wheel")
SYNAPSE_VENV = ROOT / ".cache" / "synapse-venv"
SYNAPSE_OUT = ROOT / "packaging" / "synapse-constraints.txt"
SYNAPSE_HEADER = """\
# The test homeserver's venv (scripts/setup-synapse): Synapse and everything it runs on, at the
# versions the tests pass with, so that a Synapse release cannot break a clean clone's tests.
# Written by packaging/update_constraints.py from .cache/synapse-venv (to try a newer Synapse:
# SYNAPSE_VERSION=x.y.z scripts/setup-synapse, run the Matrix tests, then refresh this file).
"""
HEADER = """\
# Exact versions of every Python package a development install of Chinwag needs (the project, its
# extras test, testing and deltachat, the Delta Chat plugin): the versions the tests pass with.
# scripts/setup installs with `pip install -c packaging/constraints.txt`; the Flatpak manifest
# (packaging/flatpak/python3-modules.json) uses the same versions.
# Written by packaging/update_constraints.py (its docstring says how to move to newer releases).
"""


def generator() -> ModuleType:
    """packaging/flatpak/generate_python_modules.py, which knows how to walk the requirements
    (loaded by path: this folder's name is the PyPI library ``packaging``'s too)."""
    path = HERE / "flatpak" / "generate_python_modules.py"
    spec = importlib.util.spec_from_file_location("generate_python_modules", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pins() -> dict[str, str]:
    """Canonical name → installed version of everything a development install needs."""
    gen = generator()
    pyproject = ROOT / "pyproject.toml"
    extras = tomllib.loads(pyproject.read_text())["project"]["optional-dependencies"]
    requirements = [
        *gen.project_requirements(pyproject, extras),
        *gen.project_requirements(PLUGIN, ["test"]),
    ]
    env = {k: str(v) for k, v in default_environment().items()}
    found: dict[str, str] = gen.closure(requirements, env=env, provided=(*OWN, *TOOLS))
    return found


def synapse_pins(venv: Path = SYNAPSE_VENV) -> list[str]:
    """``name==version`` of everything in the test homeserver's venv, less the installer's own."""
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "freeze", "--all", "--exclude-editable"],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [line.strip() for line in done.stdout.splitlines() if "==" in line]
    return sorted(
        (line for line in lines if canonicalize_name(line.split("==")[0]) not in TOOLS),
        key=str.lower,
    )


def main() -> None:
    found = pins()
    out = ROOT / "packaging" / "constraints.txt"
    out.write_text(HEADER + "".join(f"{name}=={version}\n" for name, version in found.items()))
    print(f"{out.relative_to(ROOT)}: {len(found)} packages", file=sys.stderr)
    if (SYNAPSE_VENV / "bin" / "python").exists():
        lines = synapse_pins()
        SYNAPSE_OUT.write_text(SYNAPSE_HEADER + "".join(f"{line}\n" for line in lines))
        print(f"{SYNAPSE_OUT.relative_to(ROOT)}: {len(lines)} packages", file=sys.stderr)


if __name__ == "__main__":
    main()
