"""Who listens to what on the AT-SPI registry, and how the answer reaches the window."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.a11y.probe import (
    ANNOUNCEMENT_EVENT,
    AssistiveTech,
    AssistiveTechWatch,
    registered_for,
)

ORCA_43 = [
    "Object:StateChanged:Focused",
    "Focus:",
    "Window:Activate:",
    "Object:StateChanged:Showing",
]


def test_orca_43_registers_no_announcement_listener() -> None:
    assert not registered_for(ORCA_43, ANNOUNCEMENT_EVENT)
    assert registered_for(ORCA_43, "Object:StateChanged:Focused")
    assert registered_for([*ORCA_43, "Object:Announcement:"], ANNOUNCEMENT_EVENT)
    assert registered_for(["Object:"], ANNOUNCEMENT_EVENT)  # every object event
    assert not registered_for(["Object:StateChanged:"], ANNOUNCEMENT_EVENT)


def test_the_watch_asks_off_the_gui_thread_and_reports_changes(
    qtbot: QtBot, qapp: QApplication
) -> None:
    answers = [AssistiveTech(screen_reader=True, announcements=False, known=True)]
    watch = AssistiveTechWatch(prober=lambda: answers[0])
    try:
        with qtbot.waitSignal(watch.changed, timeout=3000) as signal:
            watch.refresh(force=True)
        assert signal.args == [answers[0]]
        assert watch.current.screen_reader and not watch.current.announcements
    finally:
        watch.close()


def test_a_failing_probe_means_nothing_listens(qtbot: QtBot, qapp: QApplication) -> None:
    def broken() -> AssistiveTech:
        raise OSError("no bus")

    watch = AssistiveTechWatch(prober=broken)
    try:
        with qtbot.waitSignal(watch.changed, timeout=3000):
            watch.refresh(force=True)
        assert watch.current == AssistiveTech(known=True)
    finally:
        watch.close()
