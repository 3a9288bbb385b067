"""Setting up secure storage from the Accounts menu (against the fake): a generated recovery key
by default, or a passphrase typed twice; refusals said next to the fields; all by keyboard, every
control named for a screen reader."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.core.encryption import PASSPHRASE_MIN_LENGTH
from chinwag.testing import MemorySecretStore
from tests.fakes.core_harness import files_containing
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import save_screenshot
from tests.ui.helpers import focus, press, results_of, sign_in, type_text, wait_for
from ui.dialogs.secure_storage_dialog import SecureStorageDialog
from ui.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier
PHRASE = "correct horse battery staple"


def backups(server: FakeServer) -> list[tuple[object, ...]]:
    return [args for call, args in server.calls if call == "backup"]


@pytest.fixture
def dialog(qtbot: QtBot, window: MainWindow, fake_server: FakeServer) -> SecureStorageDialog:
    """The dialog, opened from the Accounts menu with the account selected."""
    sign_in(qtbot, window, fake_server)
    window.sidebar.tree.setCurrentIndex(window.sidebar.proxy.index(0, 0))
    window.set_up_key_backup()
    wait_for(qtbot, lambda: isinstance(window.last_dialog, SecureStorageDialog))
    found = window.last_dialog
    assert isinstance(found, SecureStorageDialog)
    wait_for(qtbot, lambda: found.isVisible() and found.isActiveWindow())
    return found


def choose_passphrase(qtbot: QtBot, dialog: SecureStorageDialog, first: str, again: str) -> None:
    """Alt+U, then Tab into the fields and type, as a keyboard user does."""
    press(qtbot, Qt.Key.Key_U, ALT)
    wait_for(qtbot, dialog.use_passphrase.isChecked)  # a mnemonic clicks after a moment
    assert dialog.passphrase.isEnabled()
    press(qtbot, Qt.Key.Key_Tab)
    assert focus(qtbot) is dialog.passphrase
    type_text(qtbot, first)
    press(qtbot, Qt.Key.Key_Tab)
    assert focus(qtbot) is dialog.repeat
    type_text(qtbot, again)


def key_box(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    wait_for(qtbot, lambda: isinstance(window.last_dialog, QMessageBox))
    box = window.last_dialog
    assert isinstance(box, QMessageBox)
    return box


def test_a_recovery_key_is_generated_by_default(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, dialog: SecureStorageDialog
) -> None:
    assert dialog.generate.isChecked()
    assert not dialog.passphrase.isEnabled() and not dialog.repeat.isEnabled()
    save_screenshot(dialog, "secure-storage-choice")
    press(qtbot, Qt.Key.Key_Return)
    box = key_box(qtbot, window)
    assert backups(fake_server) == [("",)]
    assert box.informativeText() == "EsTc 1234 5678 9abc"
    assert "shown only now" in box.text() and "passphrase" not in box.text()


def test_a_passphrase_typed_twice_sets_up_and_the_recovery_key_is_still_shown(
    qtbot: QtBot,
    window: MainWindow,
    fake_server: FakeServer,
    dialog: SecureStorageDialog,
    secrets: MemorySecretStore,
    profile: Path,
) -> None:
    closed = results_of(dialog)
    choose_passphrase(qtbot, dialog, PHRASE, PHRASE)
    assert dialog.passphrase.echoMode() is QLineEdit.EchoMode.Password
    assert dialog.repeat.echoMode() is QLineEdit.EchoMode.Password
    press(qtbot, Qt.Key.Key_Return)
    box = key_box(qtbot, window)
    assert backups(fake_server) == [(PHRASE,)]
    assert closed == [1]
    assert box.informativeText() == "EsTc 1234 5678 9abc"
    assert "your passphrase opens it" in box.text() and "shown only now" in box.text()
    assert files_containing(profile, PHRASE.encode()) == []
    assert not any(PHRASE in value for value in secrets.values.values())


def test_a_short_passphrase_is_refused_next_to_its_field(
    qtbot: QtBot, fake_server: FakeServer, dialog: SecureStorageDialog
) -> None:
    choose_passphrase(qtbot, dialog, "short one", "short one")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.error.isVisible()
    assert f"at least {PASSPHRASE_MIN_LENGTH} characters" in dialog.error.text()
    assert focus(qtbot) is dialog.passphrase
    assert dialog.passphrase.accessibleDescription() == dialog.error.text()
    assert dialog.isVisible() and backups(fake_server) == []
    type_text(qtbot, "x")  # typing again clears the complaint
    assert not dialog.error.isVisible()


def test_different_passphrases_are_refused(
    qtbot: QtBot, fake_server: FakeServer, dialog: SecureStorageDialog
) -> None:
    choose_passphrase(qtbot, dialog, PHRASE, PHRASE + "!")
    press(qtbot, Qt.Key.Key_Return)
    assert "differ" in dialog.error.text() and dialog.error.isVisible()
    assert focus(qtbot) is dialog.repeat
    assert dialog.isVisible() and backups(fake_server) == []
    # Spaces at the ends would not survive restoring (what is typed there is trimmed).
    dialog.passphrase.setText(" " + PHRASE)
    dialog.repeat.setText(" " + PHRASE)
    press(qtbot, Qt.Key.Key_Return)
    assert "space" in dialog.error.text() and backups(fake_server) == []


def test_escape_cancels_and_nothing_is_set_up(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, dialog: SecureStorageDialog
) -> None:
    closed = results_of(dialog)
    press(qtbot, Qt.Key.Key_U, ALT)
    wait_for(qtbot, dialog.use_passphrase.isChecked)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, PHRASE)
    press(qtbot, Qt.Key.Key_Escape)
    wait_for(qtbot, lambda: closed == [0])
    assert backups(fake_server) == []
    assert not isinstance(window.last_dialog, QMessageBox)


def test_while_the_server_works_the_dialog_says_so_and_cannot_be_dismissed(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, dialog: SecureStorageDialog
) -> None:
    """Escape then would lose the recovery key the server is about to be given."""
    fake_server.hold = threading.Event()
    closed = results_of(dialog)
    choose_passphrase(qtbot, dialog, PHRASE, PHRASE)
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: backups(fake_server) == [(PHRASE,)])
    assert dialog.busy and dialog.progress.isVisible()
    assert "deriving a key from a passphrase" in dialog.progress.text()
    assert not dialog.set_up_button.isEnabled() and not dialog.cancel_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and closed == []
    fake_server.hold.set()
    box = key_box(qtbot, window)
    assert closed == [1] and box.informativeText() == "EsTc 1234 5678 9abc"


def test_a_refusal_of_the_service_is_said_in_the_dialog(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, dialog: SecureStorageDialog
) -> None:
    fake_server.backup_refusal = "This account already has secure storage."
    choose_passphrase(qtbot, dialog, PHRASE, PHRASE)
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, dialog.error.isVisible)
    assert dialog.error.text() == "This account already has secure storage."
    assert dialog.isVisible() and not dialog.busy and not dialog.progress.isVisible()
    assert dialog.passphrase.isEnabled() and dialog.set_up_button.isEnabled()
    assert dialog.passphrase.text() == PHRASE  # kept to try again
    assert backups(fake_server) == [(PHRASE,)]
    save_screenshot(dialog, "secure-storage-refused")


def test_every_control_is_named_and_reached_by_its_own_key(
    qtbot: QtBot, dialog: SecureStorageDialog
) -> None:
    controls = [
        w for w in dialog.findChildren(QWidget) if isinstance(w, QAbstractButton | QLineEdit)
    ]
    assert {w.accessibleName() for w in controls} == {
        "Generate a recovery key",
        "Use a passphrase",
        "Passphrase",
        "Repeat passphrase",
        "Set up",
        "Cancel",
    }
    assert dialog.accessibleName() == "Set up secure storage"
    # Each field's label takes the focus to it; no two mnemonics alike.
    buddies = {
        label.buddy(): label.text() for label in dialog.findChildren(QLabel) if label.buddy()
    }
    assert set(buddies) == {dialog.passphrase, dialog.repeat}
    texts = [*buddies.values()] + [b.text() for b in dialog.findChildren(QAbstractButton)]
    keys = [t[t.index("&") + 1].lower() for t in texts if "&" in t]
    assert len(keys) == len(set(keys)) == len(texts) - 1, texts  # Cancel is Escape
    press(qtbot, Qt.Key.Key_U, ALT)
    wait_for(qtbot, dialog.use_passphrase.isChecked)
    press(qtbot, Qt.Key.Key_R, ALT)
    assert focus(qtbot) is dialog.repeat
    press(qtbot, Qt.Key.Key_A, ALT)
    assert focus(qtbot) is dialog.passphrase
    press(qtbot, Qt.Key.Key_G, ALT)
    wait_for(qtbot, dialog.generate.isChecked)
    assert not dialog.passphrase.isEnabled()
    # Tab goes from the choice past the disabled fields to the buttons.
    dialog.generate.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert focus(qtbot) in (dialog.set_up_button, dialog.cancel_button)


def test_screenshot_of_the_passphrase_choice(qtbot: QtBot, dialog: SecureStorageDialog) -> None:
    choose_passphrase(qtbot, dialog, PHRASE, "correct horse")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.error.isVisible()
    path = save_screenshot(dialog, "secure-storage-dialog")
    assert path.stat().st_size > 0


def restore(qtbot: QtBot, window: MainWindow) -> tuple[QInputDialog, QLineEdit]:
    """The restore prompt, opened from the Accounts menu with the account selected."""
    window.sidebar.tree.setCurrentIndex(window.sidebar.proxy.index(0, 0))
    window.restore_key_backup()
    wait_for(qtbot, lambda: isinstance(window.last_dialog, QInputDialog))
    prompt = window.last_dialog
    assert isinstance(prompt, QInputDialog)
    wait_for(qtbot, lambda: prompt.isVisible() and prompt.isActiveWindow())
    field = prompt.findChild(QLineEdit)
    assert isinstance(field, QLineEdit)
    return prompt, field


def test_the_restore_prompt_masks_what_is_typed_and_restores_with_it_trimmed(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    sign_in(qtbot, window, fake_server)
    prompt, field = restore(qtbot, window)
    assert prompt.accessibleName() == "Restore from key backup"
    assert field.echoMode() is QLineEdit.EchoMode.Password
    assert focus(qtbot) is field
    type_text(qtbot, f" {PHRASE} ")
    assert PHRASE not in field.displayText()  # what the screen shows is masked
    save_screenshot(prompt, "restore-key-prompt")
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: ("restore", (PHRASE,)) in fake_server.calls)
    wait_for(qtbot, lambda: not shiboken6.isValid(prompt))  # closed and deleted


def test_escape_or_an_empty_restore_prompt_restores_nothing(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    sign_in(qtbot, window, fake_server)
    prompt, _ = restore(qtbot, window)
    type_text(qtbot, "   ")
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: not shiboken6.isValid(prompt))  # closed and deleted
    prompt, _ = restore(qtbot, window)
    type_text(qtbot, PHRASE)
    press(qtbot, Qt.Key.Key_Escape)
    wait_for(qtbot, lambda: not shiboken6.isValid(prompt))  # closed and deleted
    assert not [call for call, _ in fake_server.calls if call == "restore"]
