"""Browsing a service's public rooms and joining one: by keyboard, from the menu and from /list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.models import ConversationId, RoomListing
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import save_screenshot
from tests.ui.helpers import focus, open_conv, press, sign_in, type_text, wait_for
from ui.dialogs.room_directory_dialog import RoomDirectoryDialog
from ui.main_window import MainWindow

ROOMS = [
    RoomListing("#python", "#python", "Python help; no homework", 1830),
    RoomListing("#plants", "#plants", "Ferns, mosses and everything green", 42),
    RoomListing("#quiet", "#quiet"),
]


def test_browse_search_and_join_by_keyboard(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    fake_server.directory = list(ROOMS)
    account_id = sign_in(qtbot, window, fake_server)
    window.activateWindow()
    press(
        qtbot, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    wait_for(qtbot, lambda: isinstance(window.last_dialog, RoomDirectoryDialog))
    dialog = window.last_dialog
    assert isinstance(dialog, RoomDirectoryDialog)
    # Only accounts with a directory are offered; everything is listed before any search.
    wait_for(qtbot, lambda: dialog.model.rowCount() == 3)
    assert dialog.account.currentData() == account_id
    assert dialog.status.text() == "3 rooms"
    model = dialog.model
    assert model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "#python, 1830 members: Python help; no homework"
    )
    assert model.index(2, 0).data(Qt.ItemDataRole.AccessibleTextRole) == "#quiet"
    assert model.index(2, 1).data() == ""  # the service did not say how many
    save_screenshot(dialog, "room-directory")

    # Type to search (by topic too), Enter moves to the results, Enter joins the first.
    dialog.query.setFocus()
    wait_for(qtbot, lambda: focus(qtbot) is dialog.query)
    type_text(qtbot, "moss")
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: dialog.model.rowCount() == 1 and dialog.status.text() == "1 room")
    assert ("room_directory", ("moss",)) in fake_server.calls
    assert dialog.join_button.isEnabled()
    press(qtbot, Qt.Key.Key_Return)
    assert focus(qtbot) is dialog.table
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: dialog.result() == QDialog.DialogCode.Accepted)
    wait_for(qtbot, lambda: ("join", ("#plants", "")) in fake_server.calls)
    wait_for(qtbot, lambda: window.pane.conversation == ConversationId(account_id, "#plants"))


def test_list_command_opens_the_directory_with_the_words(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    fake_server.directory = list(ROOMS)
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "bob", "hello")
    open_conv(qtbot, window, ConversationId(account_id, "bob"))
    window.pane.composer_area.composer.setPlainText("/list python")
    window.pane.composer_area.composer.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: isinstance(window.last_dialog, RoomDirectoryDialog))
    dialog = window.last_dialog
    assert isinstance(dialog, RoomDirectoryDialog)
    assert dialog.query.text() == "python"
    wait_for(qtbot, lambda: dialog.model.rowCount() == 1)
    assert dialog.model.rooms[0].address == "#python"
    assert not fake_server.sent  # a command, not a message


def test_no_account_with_a_directory_says_so(qtbot: QtBot, window: MainWindow) -> None:
    window.browse_rooms()
    dialog = window.last_dialog
    assert isinstance(dialog, RoomDirectoryDialog)
    wait_for(qtbot, lambda: "None of your connected accounts" in dialog.status.text())
    assert dialog.account.count() == 0 and not dialog.join_button.isEnabled()
