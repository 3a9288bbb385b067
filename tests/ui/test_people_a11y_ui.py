"""Every control of the new views (contact list, New room, Room settings, Blocked, Details)
has a name a screen reader says, and Tab reaches every one of them."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QScrollBar,
    QTabBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app import facts as f
from app.models import ConversationId, Member
from tests.fakes.fake_backend import FakeServer
from tests.ui.helpers import sign_in, wait_for
from ui.dialogs.blocked_dialog import BlockedDialog
from ui.dialogs.contact_details_dialog import ContactDetailsDialog
from ui.dialogs.new_room_dialog import NewRoomDialog
from ui.dialogs.room_settings_dialog import RoomSettingsDialog
from ui.main_window import MainWindow


def controls(root: QWidget) -> list[QWidget]:
    """The widgets a keyboard user lands on (visible, enabled, taking Tab focus)."""
    found = []
    for widget in root.findChildren(QWidget):
        if (
            widget.isVisibleTo(root)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not isinstance(widget, (QScrollBar, QTabBar, QTabWidget))
            and not isinstance(widget.parent(), QAbstractScrollArea)  # viewports
        ):
            found.append(widget)
    return found


def unnamed(root: QWidget) -> list[str]:
    return [
        f"{type(w).__name__}:{w.objectName()}"
        for w in controls(root)
        if not w.accessibleName().strip()
    ]


def tab_reaches_all(qtbot: QtBot, root: QWidget) -> list[str]:
    """Press Tab around the window: which controls were never reached."""
    root.activateWindow()
    wanted = controls(root)
    first = wanted[0]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    wait_for(qtbot, lambda: QApplication.focusWidget() is first)
    seen: set[int] = set()
    for _ in range(len(wanted) * 3):
        current = QApplication.focusWidget()
        if current is not None:
            seen.add(id(current))
        qtbot.keyClick(current or root, Qt.Key.Key_Tab)
    return [f"{type(w).__name__}:{w.objectName()}" for w in wanted if id(w) not in seen]


def test_new_views_are_named_and_reachable(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    window.show_tab(1)
    assert unnamed(window.contact_list) == []

    new_room = window.people.new_room(account_id)
    assert isinstance(new_room, NewRoomDialog)
    wait_for(qtbot, new_room.create_button.isEnabled)
    assert unnamed(new_room) == []
    assert tab_reaches_all(qtbot, new_room) == []
    new_room.fields.name.setText("Club")
    new_room.submit()
    wait_for(qtbot, lambda: window.pane.conversation == ConversationId(account_id, "club"))
    # Created, the dialog closes itself and is deleted (no closed dialog stays in the tree).
    wait_for(qtbot, lambda: not shiboken6.isValid(new_room))

    conv = ConversationId(account_id, "club")
    fake_server.report("alice", f.MembersChanged("club", (Member(conv, "bob"),)))
    settings = window.people.room_settings(conv, "Club", ())
    assert isinstance(settings, RoomSettingsDialog)
    wait_for(qtbot, lambda: settings.settings is not None and settings.pending == 0)
    for tab in range(settings.tabs.count()):
        settings.tabs.setCurrentIndex(tab)
        assert unnamed(settings) == [], settings.tabs.tabText(tab)
        assert tab_reaches_all(qtbot, settings) == [], settings.tabs.tabText(tab)
    settings.close()

    blocked = window.people.blocked_list(account_id)
    assert isinstance(blocked, BlockedDialog)
    wait_for(qtbot, lambda: blocked.pending == 0)
    assert unnamed(blocked) == []
    assert tab_reaches_all(qtbot, blocked) == []
    blocked.close()

    details = window.people.details(account_id, "bob")
    assert isinstance(details, ContactDetailsDialog)
    wait_for(qtbot, lambda: details.loaded)
    assert unnamed(details) == []
    details.close()
