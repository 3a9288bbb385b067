"""What the window says must be true (issue 13): an unread count for the conversation you are
looking at is gone once you are back in the window, a progress line ends even when there was
nothing to do, and the message window holds the rows it says it holds however events arrive."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app import events as ev
from app import facts as f
from app.models import ConversationId
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import run_core
from tests.ui.helpers import T0, open_conv, sign_in, wait_for
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
    assert window.windowTitle() == "(1) bob — Chinwag"  # counted: nobody saw it yet

    window.activateWindow()  # back: the message is in front of them
    wait_for(qtbot, lambda: QApplication.activeWindow() is window)
    wait_for(qtbot, lambda: unread_of(window, bob) == 0)
    wait_for(qtbot, lambda: window.windowTitle() == "bob — Chinwag")


def test_a_progress_with_nothing_to_do_ends(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    sign_in(qtbot, window, fake_server)
    fake_server.report("alice", f.Progress("initial-sync", "Loading your rooms", 0, None))
    wait_for(qtbot, lambda: "Loading your rooms (0)" in window.statusBar().currentMessage())
    fake_server.report("alice", f.Progress("initial-sync", "Loading your rooms", 0, 0))
    wait_for(qtbot, lambda: "Loading your rooms (0)" not in window.statusBar().currentMessage())
    assert not window.running


def test_messages_announced_before_the_first_page_do_not_widen_the_window(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """The race behind a flaky test (issue 13): a frame can cut the core's batch of events in
    two, so the conversation's summary (its unread count) arrives before the messages it counts.
    Opened in between, the window got those messages *and* its first page: 68 rows, not 50."""
    account_id = sign_in(qtbot, window, fake_server)
    bob = ConversationId(account_id, "bob")
    for i in range(120):
        fake_server.deliver(
            "alice", "bob", f"Message {i}", sender="bob", timestamp=T0 + timedelta(minutes=i)
        )
    wait_for(qtbot, lambda: unread_of(window, bob) == 120)
    stored = run_core(
        qtbot, window.bridge, window.bridge.core.conversations.fetch_page(bob, None, 200)
    )
    assert len(stored.messages) == 120
    late = ev.MessagesAdded(bob, stored.messages[52:], live=True)  # the second half of a batch
    window.sidebar.select_conversation(bob)
    model = window.pane.model
    assert model.conversation == bob and model.loading and model.rowCount() == 0
    window.bridge.events.emit([late])  # before the page's answer
    wait_for(qtbot, lambda: not model.loading)
    assert model.rowCount() == 50
    assert (model.message(0).body, model.message(49).body) == ("Message 70", "Message 119")
    # Loaded, the same: what is older than the first row stays in the store until paged in.
    window.bridge.events.emit([ev.MessagesAdded(bob, stored.messages[10:12], live=True)])
    assert model.rowCount() == 50 and model.message(0).body == "Message 70"
    model.load_older()
    wait_for(qtbot, lambda: model.rowCount() == 100)
    assert model.message(0).body == "Message 20"
