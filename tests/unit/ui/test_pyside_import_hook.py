"""PySide6's import hook no longer keeps the source of every imported module in memory."""

from __future__ import annotations

import builtins
import linecache
import sys

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
