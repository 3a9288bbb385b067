"""Accounts → "Signed-in sessions…": this session first and never offered for signing out;
another renamed through its dialog and signed out after a confirmation, by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.fakes.fake_backend import FakeServer
from tests.fakes.fake_signed_in import OWN_DEVICE
from tests.ui.conftest import save_screenshot
from tests.ui.helpers import focus, press, sign_in, type_text, wait_for
from ui.dialogs.signed_in_dialog import SignedInDialog
from ui.main_window import MainWindow


def test_rename_and_sign_out_another_session(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    sign_in(qtbot, window, fake_server)
    fake_server.signed_in["alice"] = {OWN_DEVICE: "Chinwag", "LAPTOP": "Old laptop"}
    labels = [a.text() for a in window.menuBar().actions()[1].menu().actions()]
    assert "Si&gned-in sessions…" in labels
    window.sidebar.tree.setFocus()
    window.sidebar.tree.setCurrentIndex(window.sidebar.proxy.index(0, 0))
    window.show_sessions()
    dialog = window.last_dialog
    assert isinstance(dialog, SignedInDialog)
    wait_for(qtbot, lambda: dialog.loaded)
    assert dialog.devices() == [OWN_DEVICE, "LAPTOP"]
    assert dialog.list.item(0).text().startswith("Chinwag (this session)\n")
    assert dialog.list.accessibleName() == "Sessions where this account is signed in"

    dialog.activateWindow()
    dialog.list.setFocus()
    wait_for(qtbot, lambda: focus(qtbot) is dialog.list)
    dialog.list.setCurrentRow(0)
    assert not dialog.sign_out_button.isEnabled()  # this session: removing the account does it
    assert dialog.rename_button.isEnabled()
    press(qtbot, Qt.Key.Key_Down)
    assert dialog.list.currentRow() == 1 and dialog.sign_out_button.isEnabled()

    press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # &Rename…
    wait_for(qtbot, lambda: isinstance(dialog.asking, QInputDialog))
    asking = dialog.asking
    assert isinstance(asking, QInputDialog) and asking.textValue() == "Old laptop"
    asking.setTextValue("")
    wait_for(qtbot, lambda: asking.isAncestorOf(focus(qtbot)) or focus(qtbot) is asking)
    type_text(qtbot, "Lost laptop")
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: ("rename_device", ("LAPTOP", "Lost laptop")) in fake_server.calls)
    wait_for(
        qtbot, lambda: dialog.list.count() == 2 and "Lost laptop" in dialog.list.item(1).text()
    )
    save_screenshot(dialog, "signed-in-sessions")

    dialog.activateWindow()
    dialog.list.setFocus()
    # Back from the rename (offscreen, no window manager re-activates the dialog: ask first).
    wait_for(qtbot, lambda: QApplication.focusWidget() is dialog.list)
    dialog.list.setCurrentRow(1)
    press(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # Sign &out…
    wait_for(qtbot, lambda: isinstance(dialog.asking, QMessageBox))
    box = dialog.asking
    assert isinstance(box, QMessageBox) and "Sign out 1 session?" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)  # safe default
    confirm = next(b for b in box.buttons() if b.text() == "Sign &out")
    confirm.click()
    wait_for(qtbot, lambda: ("sign_out_devices", ("LAPTOP",)) in fake_server.calls)
    wait_for(qtbot, lambda: dialog.devices() == [OWN_DEVICE])
    assert fake_server.signed_in["alice"] == {OWN_DEVICE: "Chinwag"}
