"""Rooms you create and run: the "New room" dialog (fields by service, errors inside it) and the
room settings (setup, roles, bans, closing), driven by keyboard."""

from __future__ import annotations

import asyncio
import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app import facts as f
from app.backend import Failure, FailureKind, Outcome, RoomOptions
from app.models import ConversationId, Member, Role
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import save_screenshot
from tests.ui.helpers import (
    focus,
    open_new_room,
    press,
    results_of,
    sign_in,
    type_text,
    wait_for,
)
from ui.dialogs.room_settings_dialog import RoomSettingsDialog
from ui.main_window import MainWindow
from ui.widgets.room_options_form import ACCESS_INVITED, ACCESS_LISTED


def test_new_room_by_keyboard_with_errors_in_the_dialog(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    dialog = open_new_room(qtbot, window)
    fields = dialog.fields
    # Private by default, and so encrypted by default.
    assert fields.access.currentData() == ACCESS_INVITED
    assert fields.encrypted.isChecked()
    assert fields.name.isVisibleTo(dialog) and fields.password.isVisibleTo(dialog)
    for widget in (fields.name, fields.address, fields.topic, fields.access, fields.invite):
        assert widget.accessibleName()

    # Nothing typed: said in the dialog, which stays open.
    dialog.activateWindow()
    fields.name.setFocus()
    wait_for(qtbot, lambda: focus(qtbot) is fields.name)
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.error.text() == "Give the room a name or an address."
    assert dialog.isVisible()

    type_text(qtbot, "Garden club")
    fields.address.setFocus()
    type_text(qtbot, "taken")
    fields.topic.setFocus()
    type_text(qtbot, "Seeds and cuttings")
    fields.invite.setFocus()
    type_text(qtbot, "bob, carol")
    save_screenshot(dialog, "new-room-dialog")
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: dialog.error.isVisible() and "taken" in dialog.error.text())
    assert dialog.error.text() == "The address taken is taken."
    assert dialog.result() != QDialog.DialogCode.Accepted

    # Correct the address: created with every option, and the room opens.
    fields.address.setFocus()
    fields.address.selectAll()
    type_text(qtbot, "garden")
    assert not dialog.error.isVisible()  # cleared once the person changed a field
    fields.access.setCurrentIndex(fields.access.findData(ACCESS_LISTED))
    assert not fields.encrypted.isChecked()  # public: not encrypted unless asked
    fields.moderated.setChecked(True)
    finished = results_of(dialog)
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: finished == [QDialog.DialogCode.Accepted.value])
    created = [c[1][0] for c in fake_server.calls if c[0] == "create_room"]
    assert created[-1] == RoomOptions(
        public=True,
        name="Garden club",
        topic="Seeds and cuttings",
        address="garden",
        moderated=True,
        persistent=True,
        invite=("bob", "carol"),
    )
    wait_for(qtbot, lambda: window.pane.conversation == ConversationId(account_id, "garden"))


def test_room_settings_roles_bans_and_closing(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    dialog = open_new_room(qtbot, window)
    dialog.fields.name.setText("Plants")
    dialog.submit()
    conv = ConversationId(account_id, "plants")
    wait_for(qtbot, lambda: window.pane.conversation == conv)
    fake_server.report("alice", f.MembersChanged("plants", (Member(conv, "bob", "Bob"),)))
    wait_for(
        qtbot,
        lambda: (
            window.pane.details is not None
            and window.pane.member_count == 2
            and len(window.pane.current_members()) == 2
        ),
    )

    # From the header's "More" menu, as from Conversations → Room settings.
    window.pane.header.settings_action.trigger()
    wait_for(qtbot, lambda: isinstance(window.last_dialog, RoomSettingsDialog))
    settings = window.last_dialog
    assert isinstance(settings, RoomSettingsDialog)
    wait_for(qtbot, lambda: settings.settings is not None and settings.pending == 0)
    assert settings.fields.name.text() == "Plants"
    assert settings.save_button.isEnabled() and settings.close_room_button.isVisible()
    assert not settings.fields.address.isVisibleTo(settings)  # fixed once created
    save_screenshot(settings, "room-settings")

    settings.fields.name.setText("refused")
    settings.save()
    wait_for(qtbot, settings.problem.isVisible)
    assert settings.problem.text() == "The server refused the name."
    settings.fields.name.setText("Green things")
    settings.fields.name.textEdited.emit("Green things")
    settings.save()
    wait_for(qtbot, lambda: settings.status.text() == "The room's settings were saved.")
    assert not settings.problem.isVisible()
    wait_for(qtbot, lambda: window.sidebar_model.conversation(conv).name == "Green things")  # type: ignore[union-attr]

    # Roles: choose a person and a role.
    settings.tabs.setCurrentIndex(1)
    names = [settings.members.index(r, 0).data() for r in range(settings.members.rowCount())]
    row = next(i for i, n in enumerate(names) if n.startswith("Bob"))
    settings.member_list.setCurrentIndex(settings.members.index(row, 0))
    settings.role.setCurrentIndex(settings.role.findData(Role.MODERATOR.value))
    settings.give_role()
    wait_for(qtbot, lambda: ("set_role", ("plants", "bob", Role.MODERATOR)) in fake_server.calls)
    wait_for(qtbot, lambda: settings.status.text() == "Bob is now moderator.")
    wait_for(qtbot, lambda: settings.member_list.currentIndex().data() == "bob (moderator)")
    save_screenshot(settings, "room-settings-roles")

    # Bans: a mask that matches everyone is refused in the dialog; a real one is listed.
    settings.tabs.setCurrentIndex(2)
    settings.ban_entry.setText("*!*@*")
    settings.add_ban()
    wait_for(qtbot, settings.problem.isVisible)
    assert settings.problem.text() == "“*!*@*” would ban everyone, you included."
    settings.ban_entry.setText("*!*@spam.example")
    settings.add_ban()
    wait_for(
        qtbot,
        lambda: (
            settings.ban_list.count() == 1
            and settings.ban_list.item(0).data(Qt.ItemDataRole.UserRole) == "*!*@spam.example"
        ),
    )
    save_screenshot(settings, "room-settings-bans")
    settings.ban_list.setCurrentRow(0)
    settings.lift_ban()
    wait_for(qtbot, lambda: settings.ban_list.item(0).text() == "Nobody is banned.")

    # Closing asks first, then the room is left.
    settings.tabs.setCurrentIndex(0)
    finished = results_of(settings)
    settings.close_room()
    box = settings.confirm_box
    assert isinstance(box, QMessageBox)
    next(b for b in box.buttons() if b.text() == "Close the &room").click()
    wait_for(qtbot, lambda: ("close_room", ("plants",)) in fake_server.calls)
    wait_for(qtbot, lambda: finished == [QDialog.DialogCode.Accepted.value])
    wait_for(qtbot, lambda: not window.sidebar_model.conversation(conv).joined)  # type: ignore[union-attr]


def test_a_member_sees_settings_read_only(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.report(
        "alice",
        f.MembersChanged("#theirs", (Member(ConversationId(account_id, "#theirs"), "alice"),)),
    )
    conv = ConversationId(account_id, "#theirs")
    window.room_settings_of(conv)
    settings = window.last_dialog
    assert isinstance(settings, RoomSettingsDialog)
    wait_for(qtbot, lambda: settings.settings is not None and settings.pending == 0)
    assert not settings.save_button.isEnabled()
    assert not settings.fields.name.isEnabled()
    assert not settings.close_room_button.isVisible()
    assert not settings.ban_entry.isEnabled() and not settings.role_button.isEnabled()
    assert settings.status.text() == "Only the room's owners may change its settings."


def test_a_late_success_does_not_erase_a_newer_refusal(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """A slow command that succeeds after a quicker one was refused leaves the refusal shown
    (seen over XMPP: a role change's late answer erased a refused ban's error)."""
    account_id = sign_in(qtbot, window, fake_server)
    dialog = open_new_room(qtbot, window)
    dialog.fields.name.setText("Plants")
    dialog.submit()
    conv = ConversationId(account_id, "plants")
    wait_for(qtbot, lambda: window.pane.conversation == conv)
    window.room_settings_of(conv)
    settings = window.last_dialog
    assert isinstance(settings, RoomSettingsDialog)
    wait_for(qtbot, lambda: settings.settings is not None and settings.pending == 0)

    gate = threading.Event()

    async def slow_success() -> Outcome:
        while not gate.is_set():
            await asyncio.sleep(0.005)
        return Outcome()

    async def refusal() -> Outcome:
        return Outcome(Failure(FailureKind.REJECTED, "Refused by the server."))

    settings._run(slow_success(), lambda d: settings._outcome(d, "The slow one worked."))
    settings._run(refusal(), lambda d: settings._outcome(d, "never said"))
    wait_for(qtbot, lambda: settings.problem.isVisible() and settings.pending == 1)
    gate.set()
    wait_for(qtbot, lambda: settings.pending == 0)
    assert settings.status.text() == "The slow one worked."
    assert settings.problem.isVisible()
    assert settings.problem.text() == "Refused by the server."

    # A success started after the refusal does clear it.
    settings._run(slow_success(), lambda d: settings._outcome(d, "Newer and fine."))
    wait_for(qtbot, lambda: settings.pending == 0)
    assert settings.status.text() == "Newer and fine." and not settings.problem.isVisible()
