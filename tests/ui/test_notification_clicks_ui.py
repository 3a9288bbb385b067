"""A click on a desktop notification opens its conversation, bringing the window back from the
tray: the real D-Bus notifier (ui/desktop_notifier.py) against a notification server on the tests'
private session bus (tests/fakes/notification_service.py), which clicks as GNOME Shell does."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.models import ConversationId
from tests.fakes.fake_backend import FakeServer
from tests.fakes.notification_service import FakeNotificationServer, Shown
from tests.ui.conftest import start_core
from tests.ui.helpers import sign_in, wait_for
from ui.bridge import CoreBridge
from ui.desktop_notifier import FreedesktopNotifier
from ui.main_window import MainWindow

# The window has a (never drawn) tray to hide in: see tests/ui/test_background_ui.py.
pytestmark = pytest.mark.qt_log_ignore("systemTrayWindowChanged")


@pytest.fixture
def server() -> Iterator[FakeNotificationServer]:
    with FakeNotificationServer() as running:
        yield running


@pytest.fixture
def notified_window(
    qtbot: QtBot, bridge: CoreBridge, server: FakeNotificationServer
) -> Iterator[MainWindow]:
    notifier = FreedesktopNotifier()
    win = MainWindow(bridge, notifier, system_tray=True)
    qtbot.addWidget(win)
    win.show()
    start_core(qtbot, bridge)
    yield win
    win.quit_app()
    notifier.close()


def shown_about(server: FakeNotificationServer, summary: str) -> Shown | None:
    return next((s for s in server.shown if s.summary == summary), None)


def test_a_click_opens_the_conversation_from_the_tray(
    qtbot: QtBot,
    notified_window: MainWindow,
    server: FakeNotificationServer,
    fake_server: FakeServer,
) -> None:
    window = notified_window
    alice = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "carol", "lunch?", sender="carol")
    fake_server.deliver("alice", "bob", "psst", sender="bob")
    wait_for(qtbot, lambda: shown_about(server, "carol") and shown_about(server, "bob"))
    carol, bob = shown_about(server, "carol"), shown_about(server, "bob")
    assert carol is not None and bob is not None
    assert (bob.app_name, bob.body) == ("Chinwag", "bob: psst")
    assert bob.actions == ["default", "Open conversation"]  # a click on it runs "default"

    window.close()  # to the tray; the notice about it has nothing to open
    assert not window.isVisible()
    wait_for(qtbot, lambda: shown_about(server, "Chinwag is still running"))
    notice = shown_about(server, "Chinwag is still running")
    assert notice is not None and notice.actions == []

    opened: list[object] = []
    window.notifications.openRequested.connect(opened.append)
    # Clicks that are not on one of ours, or not its default action, open nothing; they come
    # first, so by the time bob's click is handled they have been too (one connection, in order).
    server.click(Shown(999, bob.sender, "other app", "x", "y", ["default", "Open"]))
    server.click(carol, "reply")
    server.click(notice)
    server.click(bob)
    wait_for(qtbot, lambda: window.isVisible() and window.pane.conversation is not None)
    assert window.pane.conversation == ConversationId(alice, "bob")
    assert window.sidebar.current_conversation() == ConversationId(alice, "bob")
    assert opened == [ConversationId(alice, "bob")]

    # An expired notification is still in the desktop's list and opens; bob's, clicked (so
    # closed), is gone: a second click on it opens nothing.
    window.close()
    fake_server.deliver("alice", "dan", "ping", sender="dan")
    wait_for(qtbot, lambda: shown_about(server, "dan"))
    dan = shown_about(server, "dan")
    assert dan is not None
    server.expire(dan)
    server.click(bob)
    server.click(dan)
    wait_for(qtbot, lambda: window.isVisible() and len(opened) == 2)
    assert opened == [ConversationId(alice, "bob"), ConversationId(alice, "dan")]
    wait_for(qtbot, lambda: window.pane.conversation == ConversationId(alice, "dan"))


def test_without_a_notification_server_nothing_breaks(
    qtbot: QtBot, bridge: CoreBridge, fake_server: FakeServer, caplog: pytest.LogCaptureFixture
) -> None:
    """No server owns the name: the notification is dropped (logged), the window goes on."""
    notifier = FreedesktopNotifier()
    window = MainWindow(bridge, notifier)
    qtbot.addWidget(window)
    window.show()
    start_core(qtbot, bridge)
    try:
        sign_in(qtbot, window, fake_server)
        with caplog.at_level(logging.DEBUG, logger="ui.desktop_notifier"):
            fake_server.deliver("alice", "carol", "lunch?", sender="carol")
            wait_for(qtbot, lambda: "desktop notification not shown" in caplog.text)
        assert window.notifications.sent == [("carol", "carol: lunch?")]
        with FakeNotificationServer() as server:  # a server that comes later is used
            fake_server.deliver("alice", "carol", "hello?", sender="carol")
            wait_for(qtbot, lambda: shown_about(server, "carol"))
            assert [s.body for s in server.shown] == ["carol: hello?"]
    finally:
        notifier.close()
