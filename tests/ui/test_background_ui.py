"""Chinwag keeps running with its window closed (Gajim, HexChat and Element do): closing hides
the window to the tray, messages keep arriving, the tray menu shows it again or quits, and
Ctrl+Q really quits. Without a tray, or with the preference off, closing quits as before.

The offscreen platform has no system tray, so these windows are told they have one
(``system_tray=True``): the QSystemTrayIcon is real, only never drawn. Qt's X11 fallback warns
that it cannot follow the (absent) tray window; that warning is the platform's, not ours.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from app.models import ConversationId
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import run_core, save_screenshot, start_core
from tests.ui.helpers import focus, press, sign_in, toggle_setting, wait_for
from tests.ui.waits import UI_WAIT_MS
from ui import autostart
from ui.application import start_minimized
from ui.bridge import CoreBridge
from ui.dialogs.settings_dialog import SettingsDialog
from ui.main_window import MainWindow
from ui.preferences import BACKGROUND_NOTICE_SHOWN, KEEP_RUNNING

pytestmark = pytest.mark.qt_log_ignore("systemTrayWindowChanged")

STILL_RUNNING = "Chinwag is still running"


@pytest.fixture
def tray_window(qtbot: QtBot, bridge: CoreBridge) -> Iterator[MainWindow]:
    """The main window on a desktop with a system tray."""
    win = MainWindow(bridge, system_tray=True)
    qtbot.addWidget(win)
    win.show()
    start_core(qtbot, bridge)
    yield win
    win.quit_app()  # (hidden windows are not closed by qtbot)


def notices(window: MainWindow) -> int:
    return sum(title == STILL_RUNNING for title, _body in window.notifications.sent)


def test_closing_hides_to_the_tray_and_messages_keep_arriving(
    qtbot: QtBot, tray_window: MainWindow, fake_server: FakeServer
) -> None:
    window = tray_window
    tray = window.notifications.tray
    assert tray is not None and tray.contextMenu() is window.background.menu
    sign_in(qtbot, window, fake_server)
    assert window.preferences.get(KEEP_RUNNING) is True  # on by default

    window.close()  # the window manager's close button
    assert not window.isVisible()
    assert not window.bridge.closed
    assert notices(window) == 1  # said once...
    wait_for(qtbot, lambda: window.preferences.get(BACKGROUND_NOTICE_SHOWN) is True)

    # ...and still connected: a message arrives and counts on the tray icon.
    fake_server.deliver("alice", "carol", "are you there?", sender="carol")
    wait_for(qtbot, lambda: window.notifications.tray_status.count == 1)
    assert window.notifications.sent[-1] == ("carol", "carol: are you there?")

    # The tray menu names what its first entry does, and shows the window again.
    window.background.update_menu()
    assert window.background.show_hide.text() == "&Show Chinwag"
    window.background.show_hide.trigger()
    assert window.isVisible()
    window.background.update_menu()
    assert window.background.show_hide.text() == "&Hide Chinwag"
    window.background.show_hide.trigger()
    assert not window.isVisible()

    # A click on the tray icon shows it too; its context menu does not.
    tray.activated.emit(QSystemTrayIcon.ActivationReason.Context)
    assert not window.isVisible()
    tray.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    assert window.isVisible()

    window.close()  # the second time, nothing more is said
    assert not window.isVisible()
    assert notices(window) == 1


def test_a_click_on_the_trays_message_opens_its_conversation(
    qtbot: QtBot, tray_window: MainWindow, fake_server: FakeServer
) -> None:
    """Without a notification service the tray's balloon message tells, and opens on a click."""
    window = tray_window
    tray = window.notifications.tray
    assert tray is not None and window.notifications.notifier is None
    alice = sign_in(qtbot, window, fake_server)
    window.close()
    fake_server.deliver("alice", "carol", "lunch?", sender="carol")
    wait_for(qtbot, lambda: ("carol", "carol: lunch?") in window.notifications.sent)
    assert window.pane.conversation is None
    tray.messageClicked.emit()
    assert window.isVisible()
    wait_for(qtbot, lambda: window.pane.conversation == ConversationId(alice, "carol"))


def test_ctrl_q_really_quits(qtbot: QtBot, tray_window: MainWindow) -> None:
    window = tray_window
    window.activateWindow()
    wait_for(qtbot, window.isActiveWindow)
    with qtbot.waitSignal(window.closed, timeout=UI_WAIT_MS):
        press(qtbot, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    assert window.bridge.closed  # the core is let go of, as before
    assert notices(window) == 0


def test_the_tray_menus_quit_really_quits(qtbot: QtBot, tray_window: MainWindow) -> None:
    window = tray_window
    window.close()
    assert not window.bridge.closed
    with qtbot.waitSignal(window.closed, timeout=UI_WAIT_MS):
        window.background.quit.trigger()
    assert window.bridge.closed


def test_with_the_preference_off_closing_quits(qtbot: QtBot, tray_window: MainWindow) -> None:
    window = tray_window
    window.activateWindow()
    toggle_setting(
        qtbot,
        window,
        "keepRunning",
        "Keep running in the background when the window is closed",
    )
    wait_for(qtbot, lambda: window.preferences.get(KEEP_RUNNING) is False)
    with qtbot.waitSignal(window.closed, timeout=UI_WAIT_MS):
        window.close()
    assert window.bridge.closed
    assert notices(window) == 0


def test_without_a_tray_closing_quits(qtbot: QtBot, window: MainWindow) -> None:
    assert window.notifications.tray is None  # (offscreen: no tray)
    dialog = open_settings(qtbot, window)
    box = dialog.keep_running
    assert not box.isEnabled() and not box.isChecked()  # says what happens: closing quits
    assert "no system tray" in box.accessibleDescription()
    save_screenshot(dialog, "settings-background-no-tray")
    press(qtbot, Qt.Key.Key_Escape)
    wait_for(qtbot, lambda: not dialog.isVisible())
    # Shown off, not switched off: on a desktop with a tray (the next login) it is on again.
    run_core(qtbot, window.bridge, window.core.conversations.list_conversations())
    assert window.core.preferences.get(KEEP_RUNNING, True) is True

    with qtbot.waitSignal(window.closed, timeout=UI_WAIT_MS):
        window.close()
    assert window.bridge.closed


def test_settings_page_with_the_background_choice(qtbot: QtBot, tray_window: MainWindow) -> None:
    window = tray_window
    dialog = open_settings(qtbot, window)
    assert dialog.keep_running.isEnabled() and dialog.keep_running.isChecked()
    save_screenshot(dialog, "settings-background")
    press(qtbot, Qt.Key.Key_Escape)


def test_start_at_login_writes_the_autostart_entry(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    entry = tmp_path / "config" / "autostart" / "chinwag.desktop"
    toggle_setting(qtbot, window, "startAtLogin", "Start Chinwag when I log in")
    assert entry.is_file()
    assert "--minimized" in entry.read_text(encoding="utf-8")
    window.activateWindow()
    toggle_setting(qtbot, window, "startAtLogin")
    assert not entry.exists()

    # Switched off in the desktop's own settings: shown off here.
    autostart.set_enabled(True, entry, ["chinwag"])
    entry.write_text(entry.read_text(encoding="utf-8") + "Hidden=true\n", encoding="utf-8")
    window.activateWindow()
    dialog = open_settings(qtbot, window)
    assert dialog.start_at_login is not None and not dialog.start_at_login.isChecked()
    press(qtbot, Qt.Key.Key_Escape)


def test_start_at_login_that_fails_stays_off_and_says_why(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    (tmp_path / "autostart").write_text("a file where the folder should be", encoding="utf-8")
    said: list[str] = []
    dialog = SettingsDialog(window.bridge, window.preferences, window, say=said.append)
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.start_at_login
    assert box is not None and not box.isChecked()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert not box.isChecked()
    assert said and said[-1].startswith("Could not change the start at login")
    assert box.toolTip() == said[-1]


def test_minimized_start_waits_in_the_tray(qtbot: QtBot, bridge: CoreBridge) -> None:
    window = MainWindow(bridge, system_tray=True)
    qtbot.addWidget(window)
    assert start_minimized(window, True)
    assert not start_minimized(window, False)
    start_core(qtbot, bridge)
    assert not window.isVisible()  # started, connected, and still in the tray
    window.background.show_hide.trigger()
    assert window.isVisible()
    window.quit_app()


def test_minimized_without_a_tray_shows_the_window(
    qtbot: QtBot, window: MainWindow, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="ui.application"):
        assert not start_minimized(window, True)
    assert "no system tray" in caplog.text


def open_settings(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    window.activateWindow()
    press(qtbot, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    wait_for(qtbot, lambda: isinstance(window.last_dialog, SettingsDialog))
    dialog = window.last_dialog
    assert isinstance(dialog, SettingsDialog)
    wait_for(qtbot, lambda: dialog.isAncestorOf(focus(qtbot)))
    return dialog
