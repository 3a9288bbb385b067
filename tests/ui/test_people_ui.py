"""The contact list (presence, groups, requests, blocked), its actions, the "Blocked" list and
blocking from a member or a message, by keyboard and read as a screen reader reads them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from app import facts as f
from app.models import (
    Contact,
    ContactId,
    ConversationId,
    ConversationKind,
    Member,
    Presence,
    PresenceState,
    Role,
)
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import save_screenshot
from tests.ui.helpers import focus, open_conv, press, sign_in, type_text, wait_for
from ui.dialogs.blocked_dialog import BlockedDialog
from ui.dialogs.contact_details_dialog import ContactDetailsDialog
from ui.main_window import MainWindow


def people(account_id: str) -> tuple[Contact, ...]:
    def c(native: str, name: str, groups: tuple[str, ...] = (), sub: str = "both") -> Contact:
        return Contact(ContactId(account_id, native), name, groups=groups, subscription=sub)

    return (
        c("bob@fake.local", "Bob", ("Friends",)),
        c("carol@fake.local", "Carol", ("Friends", "Work")),
        c("dan@fake.local", "Dan", ("Work",)),
        c("erin@fake.local", "Erin", sub="none+ask"),
    )


def contact_rows(window: MainWindow) -> list[str]:
    """Every row of the contact list as a screen reader reads it, indented by depth."""
    out: list[str] = []
    model = window.contact_list.proxy

    def walk(parent: object, depth: int) -> None:
        for row in range(model.rowCount(parent)):  # type: ignore[arg-type]
            index = model.index(row, 0, parent)  # type: ignore[arg-type]
            out.append("  " * depth + str(index.data(Qt.ItemDataRole.AccessibleTextRole)))
            walk(index, depth + 1)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex(), 0)
    return out


def signed_in_with_people(qtbot: QtBot, window: MainWindow, server: FakeServer) -> str:
    server.contacts["alice"] = []
    account_id = sign_in(qtbot, window, server)
    server.report("alice", f.ContactsChanged(people(account_id), complete=True))
    wait_for(qtbot, lambda: len(window.contact_model.contacts(account_id)) == 4)
    return account_id


def test_contacts_show_presence_groups_and_requests(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = signed_in_with_people(qtbot, window, fake_server)
    fake_server.report(
        "alice", f.PresenceChanged("bob@fake.local", Presence(PresenceState.AWAY, "at lunch"))
    )
    fake_server.report(
        "alice", f.PresenceChanged("carol@fake.local", Presence(PresenceState.AVAILABLE))
    )
    fake_server.report("alice", f.PresenceChanged("stranger@x", Presence(PresenceState.AVAILABLE)))
    # Both presences (reported one after the other, they may reach the window in two batches).
    wait_for(
        qtbot,
        lambda: (
            "    Bob (bob@fake.local), away, at lunch" in (rows := contact_rows(window))
            and "    Carol (carol@fake.local), available" in rows
        ),
    )
    window.activateWindow()
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # View → Contacts list
    assert window.left_tabs.currentIndex() == 1
    assert focus(qtbot) is window.contact_list.tree
    rows = contact_rows(window)
    assert rows[0] == "alice, 4 contacts"
    assert "  Contacts, 1 contact, 0 online" in rows
    assert "    Dan (dan@fake.local), offline" in rows
    assert (
        "    Erin (erin@fake.local), presence unknown, asked to see their status, waiting for them"
        in rows
    )
    assert "  Friends, 2 contacts, 2 online" in rows
    assert "    Bob (bob@fake.local), away, at lunch" in rows
    assert "    Carol (carol@fake.local), available" in rows
    assert sum("Carol" in r for r in rows) == 2  # in both of her groups
    assert not any("stranger" in r for r in rows)  # presence alone adds nobody
    save_screenshot(window, "contact-list")

    # A presence change updates the row in place: the keyboard stays on it.
    assert window.contact_list.select_contact(account_id, "bob@fake.local")
    current = window.contact_list.tree.currentIndex()
    fake_server.report(
        "alice", f.PresenceChanged("bob@fake.local", Presence(PresenceState.AVAILABLE))
    )
    wait_for(qtbot, lambda: "available" in str(window.contact_list.tree.currentIndex().data()))
    assert window.contact_list.tree.currentIndex() == current
    assert window.contact_list.current_contact().id.native_id == "bob@fake.local"  # type: ignore[union-attr]

    # The filter narrows; Enter goes to the list and starts a chat with the contact.
    window.contact_list.filter.setFocus()
    type_text(qtbot, "dan")
    wait_for(qtbot, lambda: not any("Bob" in r for r in contact_rows(window)))
    press(qtbot, Qt.Key.Key_Return)
    assert focus(qtbot) is window.contact_list.tree
    assert window.contact_list.current_contact().id.native_id == "dan@fake.local"  # type: ignore[union-attr]
    press(qtbot, Qt.Key.Key_Return)
    conv = ConversationId(account_id, "dan@fake.local")
    wait_for(qtbot, lambda: window.pane.conversation == conv)
    assert window.left_tabs.currentIndex() == 0
    assert focus(qtbot) is window.pane.composer_area.composer

    # Going offline: nobody is shown as available any more.
    fake_server.drop("alice", retryable=False)
    wait_for(qtbot, lambda: not any(", available" in r for r in contact_rows(window)))


def test_contact_menu_details_rename_remove_and_block(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = signed_in_with_people(qtbot, window, fake_server)
    window.show_tab(1)
    assert window.contact_list.select_contact(account_id, "bob@fake.local")
    press(qtbot, Qt.Key.Key_Menu)
    wait_for(qtbot, lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    labels = [a.text() for a in menu.actions() if a.text()]
    assert labels == [
        "&Chat",
        "&Details…",
        "Re&name…",
        "&Remove…",
        "&Block…",
        "&Add a contact…",
        "Blocked &people…",
    ]
    press(qtbot, Qt.Key.Key_D)  # the mnemonic: Details
    wait_for(qtbot, lambda: isinstance(window.last_dialog, ContactDetailsDialog))
    details = window.last_dialog
    assert isinstance(details, ContactDetailsDialog)
    wait_for(qtbot, lambda: details.loaded)
    text = details.text.toPlainText()
    assert "Address: bob@fake.local" in text and "Presence: away — at lunch" in text
    assert "  • phone — FakeChat 2.0" in text
    details.reject()

    # Block: asked first, then the contact moves to "Blocked".
    window.people.block(account_id, "bob@fake.local", "Bob")
    box = window.last_dialog
    assert isinstance(box, QMessageBox)
    assert "Block Bob?" in box.text()
    block = next(b for b in box.buttons() if b.text() == "&Block")
    block.click()
    wait_for(qtbot, lambda: ("block", ("bob@fake.local", True)) in fake_server.calls)
    wait_for(qtbot, lambda: "  Blocked, 1 contact, 0 online" in contact_rows(window))
    assert "    bob@fake.local, presence unknown, blocked" in contact_rows(window)


def test_blocked_list_blocks_by_address_refuses_everyone_and_unblocks(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = signed_in_with_people(qtbot, window, fake_server)
    window.sidebar.tree.setFocus()
    window.sidebar.tree.setCurrentIndex(window.sidebar.proxy.index(0, 0))
    window.blocked_people()
    dialog = window.last_dialog
    assert isinstance(dialog, BlockedDialog)
    wait_for(qtbot, lambda: dialog.pending == 0)
    assert dialog.blocked() == []
    assert dialog.list.item(0).text() == "Nobody is blocked."
    dialog.activateWindow()
    dialog.entry.setFocus()
    wait_for(qtbot, lambda: focus(qtbot) is dialog.entry)
    type_text(qtbot, "*!*@*")
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, dialog.problem.isVisible)
    assert dialog.problem.text() == "“*!*@*” would block everyone."
    assert not any(c[0] == "block" for c in fake_server.calls)
    dialog.entry.clear()
    type_text(qtbot, "spam@bad.example")
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: dialog.blocked() == ["spam@bad.example"])
    assert not dialog.problem.isVisible() and dialog.entry.text() == ""
    save_screenshot(dialog, "blocked-list")
    dialog.list.setCurrentRow(0)
    dialog.unblock_button.click()
    wait_for(qtbot, lambda: ("block", ("spam@bad.example", False)) in fake_server.calls)
    assert account_id


def test_block_a_member_and_a_message_sender(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    conv = ConversationId(account_id, "#room")
    fake_server.report(
        "alice",
        f.MembersChanged(
            "#room",
            (
                Member(conv, "mallory", "Mallory", contact=ContactId(account_id, "m@evil.example")),
                Member(conv, "alice", "Alice", role=Role.OWNER),
            ),
            complete=True,
        ),
    )
    fake_server.deliver("alice", "#room", "buy now", sender="mallory", kind=ConversationKind.GROUP)
    open_conv(qtbot, window, conv, rows=1)
    window.pane.header.members_button.setChecked(True)
    panel = window.pane.members
    wait_for(qtbot, panel.block_button.isVisible)
    panel.list.setCurrentIndex(panel.model.index(1, 0))  # by role: alice (owner), mallory
    assert panel.selected() is not None and panel.selected().native_id == "mallory"  # type: ignore[union-attr]
    panel.block_button.click()
    box = window.last_dialog
    assert isinstance(box, QMessageBox) and "Block Mallory?" in box.text()
    box.reject()

    # From the message's menu: the address behind the nick is what gets blocked.
    msg = window.pane.model.message(0)
    menu = window.pane.messages.message_menu(msg)
    action = next(a for a in menu.actions() if a.text().startswith("&Block"))
    assert action.text() == "&Block mallory…"
    action.trigger()
    box = window.last_dialog
    assert isinstance(box, QMessageBox)
    next(b for b in box.buttons() if b.text() == "&Block").click()
    wait_for(qtbot, lambda: ("block", ("m@evil.example", True)) in fake_server.calls)

    # The blocked member's next message is neither stored nor shown.
    fake_server.deliver("alice", "#room", "again", sender="mallory", kind=ConversationKind.GROUP)
    fake_server.deliver("alice", "#room", "hi all", sender="bob", kind=ConversationKind.GROUP)
    wait_for(qtbot, lambda: window.pane.model.rowCount() == 2)
    assert [window.pane.model.message(i).body for i in range(2)] == ["buy now", "hi all"]
