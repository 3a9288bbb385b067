"""Account workflows: add with a connection test, understandable errors, certificate trust,
edit, enable/disable, remove (keeping or deleting history), own presence."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from app.models import ConnectionState, ConversationId
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import save_screenshot
from tests.ui.helpers import sign_in, wait_for
from tests.ui.waits import UI_WAIT_MS
from ui.dialogs.account_dialog import AccountDialog
from ui.main_window import MainWindow


def fill(dialog: AccountDialog, **values: str) -> None:
    for name, value in values.items():
        edit = dialog.findChild(QLineEdit, f"field_{name}")
        assert edit is not None, name
        edit.setText(value)


def new_dialog(qtbot: QtBot, window: MainWindow) -> AccountDialog:
    window.add_account()
    dialog = window.account_dialog
    assert dialog is not None
    wait_for(qtbot, dialog.service.isEnabled)
    return dialog


def test_wrong_password_is_explained_and_nothing_is_added(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    dialog = new_dialog(qtbot, window)
    fill(dialog, user="alice", password="guess")
    dialog._submit()
    wait_for(qtbot, dialog.error.isVisible)
    assert "refused the sign-in" in dialog.error.text()
    assert "check the address and the password" in dialog.error.text()
    assert not dialog.anyway_button.isVisible()
    assert window.sidebar_model.rowCount() == 0
    save_screenshot(dialog, "account-dialog-error")


def test_unreachable_server_can_be_added_anyway(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    fake_server.reachable = False
    dialog = new_dialog(qtbot, window)
    fill(dialog, user="alice", password="wonderland")
    dialog.test_connection()
    wait_for(qtbot, dialog.error.isVisible)
    assert "cannot be reached" in dialog.error.text()
    assert dialog.anyway_button.isVisible()
    with qtbot.waitSignal(dialog.accepted, timeout=UI_WAIT_MS):
        dialog.anyway_button.click()
    wait_for(qtbot, lambda: window.sidebar_model.rowCount() == 1)


def test_untrusted_certificate_shows_fingerprint_and_can_be_trusted(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    fingerprint = "AB:CD:" + ":".join(["12"] * 30)
    fake_server.tls_fingerprint = fingerprint
    dialog = new_dialog(qtbot, window)
    fill(dialog, user="alice", password="wonderland")
    dialog.test_connection()
    wait_for(qtbot, dialog.error.isVisible)
    assert "certificate is not trusted" in dialog.error.text()
    assert fingerprint in dialog.error.text()
    assert dialog.trust_button.isVisible()
    dialog.trust_button.click()
    pinned = dialog.findChild(QLineEdit, "field_trusted_fingerprint")
    assert pinned is not None and pinned.text() == fingerprint
    dialog.test_connection()
    wait_for(qtbot, lambda: "Connected successfully" in dialog.status.text())
    with qtbot.waitSignal(dialog.accepted, timeout=UI_WAIT_MS):
        dialog._submit()
    wait_for(qtbot, lambda: "alice" in fake_server.online)


def test_edit_account_keeps_the_saved_password(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    window.sidebar.tree.setCurrentIndex(window.sidebar.proxy.index(0, 0))
    window.edit_account()
    dialog = window.account_dialog
    assert dialog is not None and dialog.account is not None
    wait_for(qtbot, dialog.ok_button.isEnabled)
    user = dialog.findChild(QLineEdit, "field_user")
    password = dialog.findChild(QLineEdit, "field_password")
    assert user is not None and user.text() == "alice"
    assert password is not None and password.text() == "" and "keep" in password.placeholderText()
    dialog.name_edit.setText("Alice at work")
    with qtbot.waitSignal(dialog.accepted, timeout=UI_WAIT_MS):
        dialog._submit()  # the test uses the stored password, then saves
    wait_for(qtbot, lambda: window.sidebar_model.account_name(account_id) == "Alice at work")
    wait_for(qtbot, lambda: "alice" in fake_server.online)


def test_disable_enable_and_reconnect_from_the_menu(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    window.sidebar.tree.setCurrentIndex(window.sidebar.proxy.index(0, 0))
    window.toggle_account()
    wait_for(
        qtbot, lambda: window.sidebar_model.account_state(account_id) is ConnectionState.DISABLED
    )
    assert "alice" not in fake_server.online
    accessible = window.sidebar_model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "disabled" in accessible
    window.toggle_account()
    wait_for(qtbot, lambda: "alice" in fake_server.online)


@pytest.mark.parametrize("keep", [True, False])
def test_remove_account_asks_about_history(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, profile: Path, keep: bool
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "bob", "remember me")
    wait_for(
        qtbot,
        lambda: window.sidebar_model.conversation_index(
            ConversationId(account_id, "bob")
        ).isValid(),
    )
    window.sidebar.tree.setCurrentIndex(window.sidebar.proxy.index(0, 0))
    window.remove_account()
    box = window.last_dialog
    assert isinstance(box, QMessageBox)
    assert "keep its history" in box.informativeText().lower()
    choice = next(b for b in box.buttons() if ("keep" in b.text()) == keep and "Remove" in b.text())
    choice.click()
    wait_for(qtbot, lambda: window.pages.currentIndex() == MainWindow.PAGE_FIRST_RUN)
    archived = list((profile / "data" / "archive").glob(f"{account_id}-*.sqlite3"))
    assert bool(archived) == keep
    assert not (profile / "data" / "accounts" / f"{account_id}.sqlite3").exists()


def test_own_presence_for_all_accounts(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    from app.models import PresenceState

    sign_in(qtbot, window, fake_server)
    sign_in(qtbot, window, fake_server, "bob")
    window.set_presence(PresenceState.AWAY, "lunch")
    wait_for(qtbot, lambda: fake_server.calls.count(("presence", ("away", "lunch"))) == 2)
