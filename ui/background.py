"""Keeping Chinwag running with its window closed, as Gajim, HexChat and Element do: messages
keep arriving (and notifying) while the window is away.

Closing the window hides it when the person wants that (the "keep running" preference, on by
default) and the desktop has a system tray to bring it back from; without a tray, closing quits
as it always did, since nothing would be left to show the window again. The tray icon's menu
offers Show/Hide and Quit; Quit (also Ctrl+Q in the window) really quits, and the core then
closes as before (outbox and stores flushed by ``ui.application``). The first time the window
hides, one notice says Chinwag is still running, and where to quit it (once: remembered in the
preferences).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from ui.notifications import NotificationCenter
from ui.preferences import BACKGROUND_NOTICE_SHOWN, KEEP_RUNNING, Preferences

_log = logging.getLogger(__name__)


class Background(QObject):
    """What closing the window does, and the tray icon's menu.

    Signals: ``quitRequested()``: Quit was chosen in the tray menu (the window quits).
    """

    quitRequested = Signal()

    def __init__(
        self,
        window: QMainWindow,
        notifications: NotificationCenter,
        preferences: Preferences,
        remember: Callable[[str, Any], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._notifications = notifications
        self._preferences = preferences
        self._remember = remember
        self.quitting = False
        """Set once the person chose Quit: the next close is for good."""
        self._noticed = False
        self.menu = QMenu(window)
        self.menu.setObjectName("trayMenu")
        self.menu.setAccessibleName(self.tr("Chinwag"))
        self.show_hide = QAction(self.tr("&Hide Chinwag"), self)
        self.show_hide.setObjectName("trayShowHide")
        self.show_hide.triggered.connect(self.toggle)
        self.quit = QAction(self.tr("&Quit"), self)
        self.quit.setObjectName("trayQuit")
        self.quit.triggered.connect(self.quitRequested)
        self.menu.addAction(self.show_hide)
        self.menu.addSeparator()
        self.menu.addAction(self.quit)
        self.menu.aboutToShow.connect(self.update_menu)
        tray = notifications.tray
        if tray is not None:
            tray.setContextMenu(self.menu)

    def keeps_running(self) -> bool:
        """Whether closing the window leaves Chinwag running (needs a tray to come back from)."""
        return self._notifications.tray is not None and bool(self._preferences.get(KEEP_RUNNING))

    def hide_instead_of_closing(self) -> bool:
        """Called as the window is asked to close: hides it and returns True when Chinwag is
        to keep running; False when the close should go ahead (and Chinwag quit)."""
        if self.quitting or not self.keeps_running():
            return False
        self._window.hide()
        _log.info("window closed: Chinwag keeps running in the background")
        self._notice_once()
        return True

    @Slot()
    def update_menu(self) -> None:
        """Name the toggle after what it will do (Show when hidden or minimised, else Hide)."""
        if self._hidden():
            self.show_hide.setText(self.tr("&Show Chinwag"))
        else:
            self.show_hide.setText(self.tr("&Hide Chinwag"))

    @Slot()
    def toggle(self) -> None:
        if self._hidden():
            window = self._window
            window.showNormal()
            window.raise_()
            window.activateWindow()
        else:
            self._window.hide()
        self.update_menu()

    def _hidden(self) -> bool:
        return not self._window.isVisible() or self._window.isMinimized()

    def _notice_once(self) -> None:
        if self._noticed or self._preferences.get(BACKGROUND_NOTICE_SHOWN):
            return
        self._noticed = True
        self._notifications.tell(
            self.tr("Chinwag is still running"),
            self.tr(
                "Messages keep arriving while the window is closed. To quit, choose Quit in "
                "the menu of Chinwag's icon in the system tray."
            ),
        )
        self._remember(BACKGROUND_NOTICE_SHOWN, True)
