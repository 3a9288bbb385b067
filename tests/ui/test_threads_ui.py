"""Threads in the window: the summary under a thread's first message, the thread panel opened
by mouse and by keyboard, answering in it, replies kept out of the main timeline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from app.models import ConversationId, ConversationKind, ThreadSummary
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import save_screenshot
from tests.ui.helpers import T0, focus, hover_in, open_conv, press, type_text
from tests.ui.helpers import wait_for as wait_for_5s
from tests.ui.test_messages_ui import click_part, layout_and_rect
from ui.main_window import MainWindow


def wait_for(qtbot: QtBot, predicate: Callable[[], object]) -> None:
    wait_for_5s(qtbot, predicate, timeout=20_000)  # a loaded machine is slow, never wrong


def thread_room(server: FakeServer) -> str:
    """#plans: a root with two replies in its thread, and a message after it."""
    server.threaded = True
    root = server.deliver(
        "alice", "#plans", "Shall we move the meeting?", sender="bob", sender_name="Bob",
        kind=ConversationKind.GROUP, timestamp=T0,
        thread=ThreadSummary(2, "carol", "Carol", "Thursday works", T0 + timedelta(minutes=2)),
    )  # fmt: skip
    for n, (who, text) in enumerate((("dave", "Tuesday?"), ("carol", "Thursday works"))):
        server.deliver(
            "alice", "#plans", text, sender=who, sender_name=who.capitalize(),
            kind=ConversationKind.GROUP, timestamp=T0 + timedelta(minutes=n + 1),
            thread_root=root,
        )  # fmt: skip
    server.deliver(
        "alice", "#plans", "Lunch is here", sender="bob", sender_name="Bob",
        kind=ConversationKind.GROUP, timestamp=T0 + timedelta(minutes=5),
    )  # fmt: skip
    return root


def test_a_thread_shows_as_a_summary_and_opens_in_the_panel(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    from tests.ui.helpers import sign_in

    account_id = sign_in(qtbot, window, fake_server)
    root = thread_room(fake_server)
    conv = ConversationId(account_id, "#plans")
    open_conv(qtbot, window, conv, rows=2)  # the two replies stay in their thread
    pane = window.pane
    bodies = [pane.model.message(r).body for r in range(2)]
    assert bodies == ["Shall we move the meeting?", "Lunch is here"]
    text = pane.model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "2 messages in thread, latest from Carol, Thursday works" in text
    layout, _rect = layout_and_rect(window, 0)
    assert layout is not None and layout.thread is not None
    save_screenshot(window, "thread-summary")

    # Made on first use (docs/performance.md, "Memory, session 9"), set up as the pane is.
    assert pane.findChild(QWidget, "threadPanel") is None
    click_part(qtbot, window, 0, layout.thread.center())
    panel = pane.thread_panel
    wait_for(qtbot, panel.isVisible)
    assert pane.findChild(QWidget, "threadPanel") is panel
    assert panel.view.message_delegate.own_id == pane.view.message_delegate.own_id
    assert panel.model.link_previews == pane.model.link_previews
    wait_for(qtbot, lambda: panel.width() >= 200 and pane.view.width() >= 200)
    wait_for(qtbot, lambda: panel.model.rowCount() == 3)
    assert [panel.model.message(r).body for r in range(3)] == [
        "Shall we move the meeting?",
        "Tuesday?",
        "Thursday works",
    ]
    assert ("thread", ("#plans", root)) in fake_server.calls  # asked the service too
    assert panel.title.text() == "Thread started by Bob"
    wait_for(qtbot, lambda: any(c[0] == "thread_read" for c in fake_server.calls))
    save_screenshot(window, "thread-panel")

    # Answer in the thread from the keyboard: the answer goes to the thread, not the timeline.
    panel.composer_area.composer.setFocus()
    type_text(qtbot, "Thursday it is")
    press(qtbot, Qt.Key.Key_Return)
    wait_for(
        qtbot, lambda: fake_server.sent and fake_server.sent[-1].message.body == "Thursday it is"
    )
    assert fake_server.sent[-1].message.thread_root == root
    wait_for(qtbot, lambda: panel.model.rowCount() == 4)
    assert pane.model.rowCount() == 2  # still only the root and the other message
    summary = pane.model.message(0).thread
    wait_for(qtbot, lambda: (pane.model.message(0).thread or summary).count == 3)
    assert pane.model.message(0).thread.participated  # type: ignore[union-attr]

    # The hover bar over a message of the thread: "more" opens the message's menu.
    window.activateWindow()
    hover_in(qtbot, panel.view, 1)
    bar = panel.view.hover_bar
    assert [a for a, b in bar.buttons.items() if b.isVisibleTo(bar)] == ["more"]
    bar.buttons["more"].click()
    wait_for(qtbot, lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert "&Copy text" in [a.text() for a in menu.actions()]
    menu.close()
    wait_for(qtbot, lambda: QApplication.activePopupWidget() is None)

    # Escape closes the panel; the focus goes back to the messages.
    panel.view.setFocus()
    press(qtbot, Qt.Key.Key_Escape)
    wait_for(qtbot, lambda: not panel.isVisible())
    assert focus(qtbot) is pane.view


def test_reply_in_thread_from_the_keyboard(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    from tests.ui.helpers import sign_in

    account_id = sign_in(qtbot, window, fake_server)
    thread_room(fake_server)
    conv = ConversationId(account_id, "#plans")
    open_conv(qtbot, window, conv, rows=2)
    pane = window.pane
    pane.view.setFocus()
    pane.view.setCurrentIndex(pane.model.index(1))  # "Lunch is here": no thread yet
    press(
        qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    panel = pane.thread_panel
    wait_for(qtbot, panel.isVisible)
    assert focus(qtbot) is panel.composer_area.composer
    assert panel.composer_area.composer.accessibleName() == "Answer in the thread"
    menu = pane.messages.message_menu(pane.model.message(0))
    names = [a.text() for a in menu.actions()]
    assert "Open &thread (2)" in names and "Reply in t&hread" in names
