"""The sidebar's filter box, by keyboard: it narrows the conversations of every account (each
still under its own account), never opens or closes a conversation by itself, and Escape
clears it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.models import ConversationId
from tests.fakes.fake_backend import FakeServer
from tests.ui.helpers import focus, open_conv, press, room, sign_in, type_text, wait_for
from ui.main_window import MainWindow
from ui.models.sidebar_model import IdRole, KindRole

SHIFT = Qt.KeyboardModifier.ShiftModifier


def shown(window: MainWindow) -> dict[str, list[str]]:
    """What the sidebar shows: account name -> its conversations' names, top to bottom."""
    proxy = window.sidebar.proxy
    tree: dict[str, list[str]] = {}
    for arow in range(proxy.rowCount()):
        account = proxy.index(arow, 0)
        assert account.data(KindRole) == "account"
        tree[account.data()] = [
            proxy.index(crow, 0, account).data() for crow in range(proxy.rowCount(account))
        ]
    return tree


def test_filter_narrows_every_account_by_name_and_escape_clears_it(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    alice = sign_in(qtbot, window, fake_server, "alice")
    bob = sign_in(qtbot, window, fake_server, "bob")
    room(fake_server, "alice", "#plants", [("carol", "ferns")])
    room(fake_server, "alice", "#python", [("dan", "asyncio")])
    fake_server.deliver("alice", "erin", "hello alice")
    room(fake_server, "bob", "#Plantagenets", [("fay", "history")])
    fake_server.deliver("bob", "gus", "hello bob")
    wait_for(qtbot, lambda: len(window.sidebar.conversation_order()) == 5)
    everything = shown(window)
    assert sorted(everything) == ["alice", "bob"]
    open_conv(qtbot, window, ConversationId(alice, "erin"))

    # Keyboard: from the list, Shift+Tab reaches the filter box.
    window.sidebar.tree.setFocus()
    window.activateWindow()
    wait_for(qtbot, lambda: focus(qtbot) is window.sidebar.tree)
    press(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert focus(qtbot) is window.sidebar.filter
    assert window.sidebar.filter.accessibleName() == "Filter conversations"

    type_text(qtbot, "PL")  # case does not matter
    assert shown(window) == {"alice": ["#plants"], "bob": ["#Plantagenets"]}
    # Hiding the open conversation neither closes it nor opens another one.
    assert window.pane.conversation == ConversationId(alice, "erin")
    assert window.sidebar.current_conversation() is None

    type_text(qtbot, "ants")  # "plants": only one left
    assert shown(window) == {"alice": ["#plants"], "bob": []}

    # Escape clears the filter; everything is back, with the open conversation selected.
    press(qtbot, Qt.Key.Key_Escape)
    assert window.sidebar.filter.text() == ""
    assert shown(window) == everything
    assert focus(qtbot) is window.sidebar.filter
    assert window.sidebar.current_conversation() == ConversationId(alice, "erin")

    # Down goes from the filter to the first conversation it left, which opens.
    type_text(qtbot, "gus")
    assert shown(window) == {"alice": [], "bob": ["gus"]}
    press(qtbot, Qt.Key.Key_Down)
    assert focus(qtbot) is window.sidebar.tree
    wait_for(qtbot, lambda: window.pane.conversation == ConversationId(bob, "gus"))
    index = window.sidebar.tree.currentIndex()
    assert index.data(IdRole) == ConversationId(bob, "gus")
    assert index.parent().data() == "bob"  # still in its own account's group

    # Escape on an empty filter goes to the list without changing anything.
    press(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert focus(qtbot) is window.sidebar.filter
    press(qtbot, Qt.Key.Key_Escape)
    assert window.sidebar.filter.text() == ""
    press(qtbot, Qt.Key.Key_Escape)
    assert focus(qtbot) is window.sidebar.tree
    assert window.pane.conversation == ConversationId(bob, "gus")


def test_a_message_in_a_hidden_conversation_keeps_it_hidden_until_cleared(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    alice = sign_in(qtbot, window, fake_server)
    room(fake_server, "alice", "#plants", [("carol", "ferns")])
    fake_server.deliver("alice", "erin", "hello")
    wait_for(qtbot, lambda: len(window.sidebar.conversation_order()) == 2)
    window.sidebar.filter.setFocus()
    window.activateWindow()
    wait_for(qtbot, lambda: focus(qtbot) is window.sidebar.filter)
    type_text(qtbot, "plant")
    fake_server.deliver("alice", "erin", "are you there?")
    fake_server.deliver("alice", "zed", "new here")
    wait_for(
        qtbot,
        lambda: (
            (z := window.sidebar_model.conversation(ConversationId(alice, "zed"))) is not None
            and z.unread_count == 1
        ),
    )
    assert shown(window) == {"alice": ["#plants"]}
    press(qtbot, Qt.Key.Key_Escape)
    assert sorted(shown(window)["alice"]) == ["#plants", "erin", "zed"]
