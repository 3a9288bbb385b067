"""The main window's menu bar and its window-wide keys.

Kept apart from the main window (one concern: which command sits where, under which key).
The window hands itself in as :class:`WindowCommands`, the commands the menus run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMenu

from app.models import PresenceState


class WindowCommands(Protocol):
    """What the menus run (the main window provides them)."""

    def add_account(self) -> None: ...
    def open_settings(self) -> None: ...
    def quit_app(self) -> None: ...
    def edit_account(self) -> None: ...
    def toggle_account(self) -> None: ...
    def reconnect_account(self) -> None: ...
    def remove_account(self) -> None: ...
    def set_presence(self, state: PresenceState, status: str = "") -> None: ...
    def set_status_message(self) -> None: ...
    def blocked_people(self) -> None: ...
    def export_account(self) -> None: ...
    def import_history(self) -> None: ...
    def prune_history(self) -> None: ...
    def show_sessions(self) -> None: ...
    def set_up_key_backup(self) -> None: ...
    def restore_key_backup(self) -> None: ...
    def quick_switch(self) -> None: ...
    def show_activity(self) -> None: ...
    def start_conversation(self) -> None: ...
    def join_room(self) -> None: ...
    def browse_rooms(self) -> None: ...
    def add_contact(self) -> None: ...
    def new_room(self) -> None: ...
    def room_settings(self) -> None: ...
    def search_here(self) -> None: ...
    def search_everywhere(self) -> None: ...
    def step(self, delta: int, unread_only: bool = False) -> None: ...
    def cycle_region(self, delta: int) -> None: ...
    def jump_to_latest(self) -> None: ...
    def show_tab(self, index: int) -> None: ...
    def show_shortcuts(self) -> None: ...
    def focus_composer(self) -> None: ...


class WindowMenus(QObject):
    """Builds the menu bar of ``window``; ``presence_all`` is the "Apply to all accounts"
    check of My status."""

    def __init__(self, window: QMainWindow, commands: WindowCommands) -> None:
        super().__init__(window)
        self._window = window
        c = commands
        bar = window.menuBar()
        main = bar.addMenu(self.tr("&Chinwag"))
        self.add_account_action = self._action(
            main, self.tr("&Add account…"), c.add_account, "Ctrl+N"
        )
        self._action(main, self.tr("&Settings…"), c.open_settings, "Ctrl+,")
        main.addSeparator()
        # Ctrl+Q on every desktop (Qt's standard Quit key is none on Windows and offscreen):
        # with Chinwag kept running in the tray, closing the window no longer quits.
        self._action(main, self.tr("&Quit"), c.quit_app, "Ctrl+Q")

        accounts = bar.addMenu(self.tr("&Accounts"))
        self._action(accounts, self.tr("&Edit account…"), c.edit_account)
        self._action(accounts, self.tr("Enable or &disable account"), c.toggle_account)
        self._action(accounts, self.tr("&Reconnect"), c.reconnect_account)
        self._action(accounts, self.tr("Re&move account…"), c.remove_account)
        accounts.addSeparator()
        status = accounts.addMenu(self.tr("My &status"))
        for state, label in (
            (PresenceState.AVAILABLE, self.tr("&Available")),
            (PresenceState.AWAY, self.tr("A&way")),
            (PresenceState.EXTENDED_AWAY, self.tr("Away for a w&hile")),
            (PresenceState.DO_NOT_DISTURB, self.tr("&Do not disturb")),
        ):
            self._action(status, label, lambda _=False, s=state: c.set_presence(s))
        self._action(status, self.tr("Status &message…"), c.set_status_message)
        self.presence_all = QAction(self.tr("Apply to all a&ccounts"), window)
        self.presence_all.setCheckable(True)
        self.presence_all.setChecked(True)
        status.addSeparator()
        status.addAction(self.presence_all)
        accounts.addSeparator()
        self._action(accounts, self.tr("Blocked &people…"), c.blocked_people)
        accounts.addSeparator()
        self._action(accounts, self.tr("E&xport account history…"), c.export_account)
        self._action(accounts, self.tr("&Import history…"), c.import_history)
        self._action(accounts, self.tr("Delete &old history…"), c.prune_history)
        accounts.addSeparator()
        self._action(accounts, self.tr("Si&gned-in sessions…"), c.show_sessions)
        self._action(accounts, self.tr("Set up &key backup…"), c.set_up_key_backup)
        self._action(accounts, self.tr("Restore keys from &backup…"), c.restore_key_backup)

        convs = bar.addMenu(self.tr("C&onversations"))
        self._action(convs, self.tr("&Go to conversation…"), c.quick_switch, "Ctrl+K")
        self._action(convs, self.tr("&Activity in every account…"), c.show_activity, "Ctrl+I")
        self._action(convs, self.tr("&Start a conversation…"), c.start_conversation, "Ctrl+Shift+N")
        self._action(convs, self.tr("&Join a room…"), c.join_room, "Ctrl+J")
        self._action(convs, self.tr("&Browse rooms…"), c.browse_rooms, "Ctrl+Shift+J")
        self._action(convs, self.tr("Add a &contact…"), c.add_contact)
        self._action(convs, self.tr("New &room…"), c.new_room, "Ctrl+Shift+O")
        self._action(convs, self.tr("Room se&ttings…"), c.room_settings)
        convs.addSeparator()
        self._action(convs, self.tr("&Find in conversation…"), c.search_here, "Ctrl+F")
        self._action(convs, self.tr("Search &everywhere…"), c.search_everywhere, "Ctrl+Shift+F")
        convs.addSeparator()
        self._action(convs, self.tr("&Previous conversation"), lambda: c.step(-1), "Alt+Up")
        self._action(convs, self.tr("&Next conversation"), lambda: c.step(1), "Alt+Down")
        self._action(convs, self.tr("Previous &unread"), lambda: c.step(-1, True), "Alt+Shift+Up")
        self._action(convs, self.tr("Ne&xt unread"), lambda: c.step(1, True), "Alt+Shift+Down")

        view = bar.addMenu(self.tr("&View"))
        self._action(view, self.tr("Next &region"), lambda: c.cycle_region(1), "F6")
        self._action(view, self.tr("Previous r&egion"), lambda: c.cycle_region(-1), "Shift+F6")
        self._action(view, self.tr("Jump to &latest"), c.jump_to_latest, "Ctrl+End")
        view.addSeparator()
        self._action(view, self.tr("&Conversations list"), lambda: c.show_tab(0), "Ctrl+1")
        self._action(view, self.tr("C&ontacts list"), lambda: c.show_tab(1), "Ctrl+2")

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Keyboard shortcuts"), c.show_shortcuts, "F1")

        focus_composer = QShortcut(QKeySequence("Ctrl+L"), window)
        focus_composer.activated.connect(c.focus_composer)

    def _action(
        self, menu: QMenu, text: str, slot: Callable[..., Any], shortcut: Any = None
    ) -> QAction:
        action = QAction(text, self._window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action
