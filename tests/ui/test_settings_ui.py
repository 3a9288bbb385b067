"""Privacy settings changed in the settings dialog reach the service's side (read receipts,
messages from strangers), and own presence set for one account only — all by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from app.core import PREF_ONLY_CONTACTS, PREF_SEND_RECEIPTS
from app.models import ConversationId, PresenceState
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import run_core
from tests.ui.helpers import focus, open_conv, press, sign_in, toggle_setting, wait_for
from ui.main_window import MainWindow
from ui.models.sidebar_model import IdRole

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def test_read_receipts_off_sends_none(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    carol_rid = fake_server.deliver("alice", "carol", "read me", sender="carol")
    bob_rid = fake_server.deliver("alice", "bob", "read me too", sender="bob")

    def unread(name: str) -> int:
        conv = window.sidebar_model.conversation(ConversationId(account_id, name))
        return conv.unread_count if conv is not None else -1

    wait_for(qtbot, lambda: unread("carol") == 1 and unread("bob") == 1)
    # On (the default): reading a conversation tells the service.
    open_conv(qtbot, window, ConversationId(account_id, "carol"))
    wait_for(qtbot, lambda: ("read", ("carol", carol_rid)) in fake_server.calls)

    toggle_setting(qtbot, window, "sendReceipts")
    wait_for(qtbot, lambda: window.preferences.get(PREF_SEND_RECEIPTS) is False)
    open_conv(qtbot, window, ConversationId(account_id, "bob"))
    wait_for(qtbot, lambda: unread("bob") == 0)  # read here...
    run_core(
        qtbot, window.bridge, window.bridge.core.conversations.list_conversations()
    )  # (the core caught up)
    assert ("read", ("bob", bob_rid)) not in fake_server.calls  # ...but not told
    assert [c for c in fake_server.calls if c[0] == "read"] == [("read", ("carol", carol_rid))]


def test_only_contacts_drops_a_strangers_message(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    run_core(
        qtbot, window.bridge, window.bridge.core.contacts.add_contact(account_id, "carol", "Carol")
    )
    toggle_setting(qtbot, window, "onlyContacts")
    wait_for(qtbot, lambda: window.preferences.get(PREF_ONLY_CONTACTS) is True)

    def known(name: str) -> bool:
        return window.sidebar_model.conversation(ConversationId(account_id, name)) is not None

    fake_server.deliver("alice", "mallory", "cheap watches", sender="mallory")
    fake_server.deliver("alice", "carol", "lunch?", sender="carol")
    wait_for(qtbot, lambda: known("carol"))  # the contact's message, after the stranger's
    assert not known("mallory")
    assert window.notifications.tray_status.count == 1
    assert window.windowTitle() == "(1) Chinwag"

    # Off again: strangers may write.
    toggle_setting(qtbot, window, "onlyContacts")
    wait_for(qtbot, lambda: window.preferences.get(PREF_ONLY_CONTACTS) is False)
    fake_server.deliver("alice", "mallory", "hello?", sender="mallory")
    wait_for(qtbot, lambda: known("mallory"))


def menu_keys(qtbot: QtBot, *letters: Qt.Key) -> None:
    """Alt+A opens the Accounts menu; each letter then picks by mnemonic (submenus too)."""
    press(qtbot, Qt.Key.Key_A, ALT)
    wait_for(qtbot, lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    for letter in letters:
        press(qtbot, letter)
    wait_for(qtbot, lambda: QApplication.activePopupWidget() is None)


def test_own_presence_for_one_account_from_the_status_menu(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    alice = sign_in(qtbot, window, fake_server, "alice")
    bob = sign_in(qtbot, window, fake_server, "bob")
    wait_for(qtbot, lambda: window.sidebar.proxy.rowCount() == 2)
    tree = window.sidebar.tree
    tree.setFocus()
    window.activateWindow()
    wait_for(qtbot, lambda: focus(qtbot) is tree)
    press(qtbot, Qt.Key.Key_End)  # the last account: bob (no conversations yet)
    assert tree.currentIndex().data(IdRole) == bob

    assert window.presence_all.isChecked()
    menu_keys(qtbot, Qt.Key.Key_S, Qt.Key.Key_C)  # My status → Apply to all accounts: off
    assert not window.presence_all.isChecked()
    menu_keys(qtbot, Qt.Key.Key_S, Qt.Key.Key_W)  # My status → Away
    wait_for(qtbot, lambda: "bob" in fake_server.presence)
    assert fake_server.presence["bob"].state is PresenceState.AWAY
    assert "alice" not in fake_server.presence

    # The other account, chosen in the sidebar, gets its own.
    press(qtbot, Qt.Key.Key_Home)
    assert tree.currentIndex().data(IdRole) == alice
    menu_keys(qtbot, Qt.Key.Key_S, Qt.Key.Key_D)  # Do not disturb
    wait_for(qtbot, lambda: "alice" in fake_server.presence)
    assert fake_server.presence["alice"].state is PresenceState.DO_NOT_DISTURB
    assert fake_server.presence["bob"].state is PresenceState.AWAY

    # Back to all accounts at once.
    menu_keys(qtbot, Qt.Key.Key_S, Qt.Key.Key_C)
    assert window.presence_all.isChecked()
    menu_keys(qtbot, Qt.Key.Key_S, Qt.Key.Key_A)  # Available
    wait_for(
        qtbot,
        lambda: all(p.state is PresenceState.AVAILABLE for p in fake_server.presence.values()),
    )
