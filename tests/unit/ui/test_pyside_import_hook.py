"""PySide6's import hook no longer keeps the source of every imported module in memory."""

from __future__ import annotations

import builtins
import linecache
import os
import subprocess
import sys
from pathlib import Path

import app.models
import ui
import ui.main_window
from ui import pyside_import_hook


def test_the_lighter_check_is_installed_and_answers_the_same_question() -> None:
    assert ui  # importing the package installed it
    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside is pyside_import_hook._mentions_pyside
    assert pyside_import_hook._mentions_pyside(ui.main_window)  # its source names PySide6
    assert not pyside_import_hook._mentions_pyside(app.models)
    assert not pyside_import_hook._mentions_pyside(sys)  # no source file at all


def test_a_module_imported_now_leaves_no_source_in_linecache() -> None:
    name = "tests.unit.ui._imported_after_pyside"
    sys.modules.pop(name, None)
    linecache.clearcache()
    module = builtins.__import__(name, fromlist=["MARKER"])  # as an import statement does
    assert module.MARKER == "PySide6 is mentioned here"
    assert module.__file__ not in linecache.cache


def test_malloc_arenas_are_capped_on_glibc() -> None:
    from ui.memory import limit_malloc_arenas

    assert limit_malloc_arenas() is sys.platform.startswith("linux")


def test_sources_read_before_the_patch_are_let_go() -> None:
    """A program that imports PySide6 before ``ui`` (the benchmarks did) had every module in
    between read into linecache by shiboken's own check: 7.5 MB of the window's memory."""
    code = (
        "import linecache, PySide6.QtCore, json, app.core;"
        "before = len(linecache.cache);"
        "import ui;"
        "print(before > 50, len(linecache.cache))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "0"]


def test_the_window_imports_neither_markdown_nor_segno_nor_test_support() -> None:
    """Idle memory: Python-Markdown loads with the first message sent, segno with the first QR
    code shown, and nothing of the plugin kit or pytest is part of the app."""
    code = (
        "import sys, ui.main, ui.main_window, ui.conversation_pane, ui.conversation_actions;"
        "print(sorted(m for m in ('markdown', 'segno', 'pytest', 'chinwag.testing')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_pysides_support_modules_are_compiled_once_and_kept(tmp_path: Path) -> None:
    """shiboken compiles its support modules from source at every start (30-40 ms): the second
    start takes their code from the dataclass-code file, and PySide6 works as before."""
    code = (
        "import sys;from pathlib import Path;from app import dataclass_code;"
        f"dataclass_code.install(Path({str(tmp_path / 'code.bin')!r}));"
        "import ui, builtins; before = builtins.compile;"
        "from PySide6.QtWidgets import QLabel;"
        "new = [k for k in dataclass_code._table.made];"
        "assert builtins.compile is before;"
        "assert 'shibokensupport.signature.loader' in sys.modules;"
        "dataclass_code.save();"
        "print(len(new))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        ).stdout.strip()
        for _ in range(2)
    ]
    assert int(runs[0]) >= 10  # the loader, parser, mapping, layout, …
    assert runs[1] == "0"


def test_the_window_imports_no_dialog_and_no_qtnetwork() -> None:
    """The first paint needs none of them (docs/performance.md, "The first window"): each
    dialog's module loads when it is first opened, QtNetwork after the first paint."""
    code = (
        "import sys, ui.main, ui.application;"
        "print(sorted(m for m in sys.modules if m.startswith(('ui.dialogs', 'PySide6.QtNetwork',"
        " 'ui.single_instance', 'ui.uri_handler', 'app.uri'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_pyi_generator_runs_only_when_used() -> None:
    """shiboken's ``.pyi`` generator is published as before, but its body (regular
    expressions, classes, ``argparse``) runs at its first use, not at ``import PySide6``;
    then it is the real module, under both of its names."""
    code = (
        "import sys, ui;from PySide6.QtWidgets import QLabel;"
        "m = sys.modules['shibokensupport.signature.lib.pyi_generator'];"
        "print('Formatter' in vars(m), 'argparse' in sys.modules);"
        "from PySide6.support.signature.lib.pyi_generator import Formatter, generate_pyi;"
        "print(Formatter.__module__, callable(generate_pyi), 'argparse' in sys.modules,"
        " '__getattr__' in vars(m));"
        "print(hasattr(m, 'no_such_name'))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.split() == [
        "False",
        "False",
        "shibokensupport.signature.lib.pyi_generator",
        "True",
        "True",
        "False",
        "False",
    ]


def test_the_signature_parser_compiles_its_pattern_at_first_use() -> None:
    """shiboken's signature parser makes its ``ArglistParser`` (one large regular expression) at
    the first signature parsed, not at ``import PySide6``; the signatures are PySide's own (the
    same as in a process where ``ui`` did not load PySide6)."""
    code = (
        "import sys, {first}PySide6.QtWidgets as W;"
        "p = sys.modules['shibokensupport.signature.parser'];"
        "print(type(p.arglistParser).__name__);"
        "from shibokensupport.signature import get_signature;"
        "print(get_signature(W.QBoxLayout.addWidget));print(get_signature(W.QWidget));"
        "print(p._parse_arglist('a, b=(1, 2), c=QSize(3, 4)'));"
        "print(type(p.arglistParser).__name__)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def run(first: str) -> list[str]:
        command = [sys.executable, "-c", code.format(first=first)]
        out = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
        return out.stdout.splitlines()

    hooked, shipped = run("ui, "), run("")
    assert hooked[0] == "_ArglistParserAtFirstUse" and shipped[0] == "ArglistParser"
    assert hooked[-1] == shipped[-1] == "ArglistParser"
    assert hooked[1:-1] == shipped[1:-1]
    assert "stretch: int" in hooked[1] and "parent:" in hooked[2]
    assert hooked[3] == "['a', 'b=(1, 2)', 'c=QSize(3, 4)']"
