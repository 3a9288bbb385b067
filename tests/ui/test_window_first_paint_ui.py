"""The window's first paint lets the core import the backends it held back (app.priority)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app import events as ev
from app import priority
from ui.main_window import MainWindow


def test_the_window_says_when_it_has_painted_and_the_held_imports_go(
    qtbot: QtBot, window: MainWindow
) -> None:
    priority.window_coming()
    try:
        assert not priority._window_shown.is_set()
        window.window_events.handle_events([ev.CoreStarted()])
        assert priority._window_shown.is_set()
    finally:
        priority.window_shown()
