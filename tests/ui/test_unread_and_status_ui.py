"""What the window says must be true (issue 13): an unread count for the conversation you are
looking at is gone once you are back in the window, and a progress line ends even when there
was nothing to do."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app import facts as f
from app.models import ConversationId
from tests.fakes.fake_backend import FakeServer
from tests.ui.helpers import open_conv, sign_in, wait_for
from ui.main_window import MainWindow
from ui.models.sidebar_model import UnreadRole


def unread_of(window: MainWindow, conv: ConversationId) -> int:
    return int(window.sidebar_model.conversation_index(conv).data(UnreadRole) or 0)


def test_returning_to_the_window_reads_the_open_conversation(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    bob = ConversationId(account_id, "bob")
    fake_server.deliver("alice", "bob", "first", sender="bob")
    open_conv(qtbot, window, bob, rows=1)
    window.activateWindow()
    wait_for(qtbot, window.isActiveWindow)
    wait_for(qtbot, lambda: unread_of(window, bob) == 0)

    elsewhere = QWidget()  # the person is in another application
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    elsewhere.activateWindow()
    wait_for(qtbot, lambda: not window.isActiveWindow())
    fake_server.deliver("alice", "bob", "while you were away", sender="bob")
    wait_for(qtbot, lambda: unread_of(window, bob) == 1)
    assert window.windowTitle() == "(1) Chinwag"  # counted: nobody saw it yet

    window.activateWindow()  # back: the message is in front of them
    wait_for(qtbot, lambda: QApplication.activeWindow() is window)
    wait_for(qtbot, lambda: unread_of(window, bob) == 0)
    wait_for(qtbot, lambda: window.windowTitle() == "Chinwag")


def test_a_progress_with_nothing_to_do_ends(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    sign_in(qtbot, window, fake_server)
    fake_server.report("alice", f.Progress("initial-sync", "Loading your rooms", 0, None))
    wait_for(qtbot, lambda: "Loading your rooms (0)" in window.statusBar().currentMessage())
    fake_server.report("alice", f.Progress("initial-sync", "Loading your rooms", 0, 0))
    wait_for(qtbot, lambda: "Loading your rooms (0)" not in window.statusBar().currentMessage())
    assert not window.running
