"""The layering rule, enforced: app/ imports no Qt, backend or protocol library; ui/ no backend.

Walks every module's AST (including imports inside functions), so a lazy import cannot sneak past.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL_LIBRARIES = ("slixmpp", "nio", "irc", "aiohttp")  # (jaraco comes with keyring too)
QT = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "qasync")


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            names.add(str(node.args[0].value))
    return names


def offenders(package: str, forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for name in imported_modules(path):
            top = name.split(".")[0]
            if top in forbidden:
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
    return bad


def test_core_imports_no_qt_backend_or_protocol_library() -> None:
    assert offenders("app", (*QT, *PROTOCOL_LIBRARIES, "backends", "ui")) == []


def test_ui_imports_no_backend_or_protocol_library() -> None:
    assert offenders("ui", ("backends", *PROTOCOL_LIBRARIES)) == []


def test_backends_import_no_qt_ui_or_sqlite() -> None:
    assert offenders("backends", (*QT, "ui", "sqlite3", "sqlite_utils")) == []


@pytest.mark.parametrize("forbidden", ["PySide6", "backends"])
def test_the_checker_itself_catches_a_violation(tmp_path: Path, forbidden: str) -> None:
    module = tmp_path / "m.py"
    module.write_text(f"def f():\n    import {forbidden}.x\n")
    assert f"{forbidden}.x" in imported_modules(module)


def test_importing_the_core_loads_no_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys, app.core, app.runtime, app.cli; "
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        f"{(*QT, *PROTOCOL_LIBRARIES)!r}]; print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


CORE = ROOT / "app" / "core"
CORE_SHARED = {"services", "not_saved"}  # what every group builds on (not_saved: a write refused)
CORE_GROUPS = {p.stem for p in CORE.glob("*.py")} - {"__init__", "facade", *CORE_SHARED}


def test_core_command_groups_depend_only_on_the_shared_services() -> None:
    """No group imports another (nor the package, which imports them all): each is built from
    ``CoreServices`` alone, so the command API has no import cycles and a new concern is a new
    module. The services import no group."""
    assert {"accounts", "messaging", "rooms", "contacts", "encryption", "archive"} <= CORE_GROUPS
    bad = []
    for stem in (*CORE_GROUPS, *CORE_SHARED):
        for name in imported_modules(CORE / f"{stem}.py"):
            if name == "app.core" or name.removeprefix("app.core.") in CORE_GROUPS:
                bad.append(f"app/core/{stem}.py imports {name}")
    assert bad == []


SHIPPED = ("app", "backends", "ui", "chinwag", "plugins")


def test_no_shipped_class_reaches_600_lines() -> None:
    """The house rule (no class over about 600 lines, split by concern) for every package that
    ships, not only the core: a class that grows past it is split, not waved through."""
    long = []
    for package in SHIPPED:
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.ClassDef):
                    length = (node.end_lineno or node.lineno) - node.lineno + 1
                    if length >= 600:
                        where = path.relative_to(ROOT)
                        long.append(f"{where}: {node.name} has {length} lines")
    assert long == []


PLUGINS = ROOT / "plugins"


def plugin_offenders() -> list[str]:
    """Out-of-tree plugins (``plugins/*``) are written only against ``app.api``: nothing else
    from ``app``, and nothing from the in-tree backends or the UI."""
    bad = []
    for path in sorted(PLUGINS.rglob("*.py")):
        if "tests" in path.relative_to(PLUGINS).parts:
            continue  # a plugin's tests may drive the core the way our own tests do
        for name in imported_modules(path):
            top = name.split(".")[0]
            if (top == "app" and name != "app.api") or top in ("backends", "ui", *QT):
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
    return bad


def test_plugins_import_only_the_public_api() -> None:
    assert any(PLUGINS.rglob("*.py")), "no plugin found under plugins/"
    assert plugin_offenders() == []


def test_the_public_api_exports_what_it_names() -> None:
    import app.api

    missing = [name for name in app.api.__all__ if not hasattr(app.api, name)]
    assert missing == []
    assert app.api.Backend.api_version == app.api.API_VERSION


def test_the_public_api_holds_every_interface_and_fact() -> None:
    """A class added to the interface or the facts is part of the plugins' surface too."""
    import app.api

    public = set()
    for module in ("backend", "facts"):
        tree = ast.parse((ROOT / "app" / f"{module}.py").read_text())
        public |= {n.name for n in tree.body if isinstance(n, ast.ClassDef)}
    assert sorted(public - set(app.api.__all__)) == []
