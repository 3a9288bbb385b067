"""Shared steps for UI workflow tests: an account signed in, conversations filled, waiting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.models import Account, ConversationId, ConversationKind
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import run_core
from ui.main_window import MainWindow

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def sign_in(qtbot: QtBot, window: MainWindow, server: FakeServer, user: str = "alice") -> str:
    password = server.passwords[user]
    account = run_core(
        qtbot,
        window.bridge,
        window.bridge.core.add_account("fake", {"user": user}, {"password": password}),
    )
    assert isinstance(account, Account)
    qtbot.waitUntil(lambda: user in server.online, timeout=5000)
    qtbot.waitUntil(lambda: window.pages.currentIndex() == MainWindow.PAGE_CHAT, timeout=5000)
    return account.id


def open_conv(
    qtbot: QtBot, window: MainWindow, conv: ConversationId, rows: int | None = None
) -> None:
    qtbot.waitUntil(lambda: window.sidebar_model.conversation_index(conv).isValid(), timeout=5000)
    window.sidebar.select_conversation(conv)
    if rows is not None:
        qtbot.waitUntil(lambda: window.pane.model.rowCount() == rows, timeout=5000)
    qtbot.waitUntil(
        lambda: window.pane.details is not None and window.pane.details.conversation.id == conv,
        timeout=5000,
    )


def room(
    server: FakeServer,
    user: str,
    name: str,
    lines: list[tuple[str, str]],
    start: datetime = T0,
    **extra: object,
) -> None:
    for i, (sender, body) in enumerate(lines):
        server.deliver(
            user,
            name,
            body,
            sender=sender,
            sender_name=sender.capitalize(),
            kind=ConversationKind.GROUP,
            timestamp=start + timedelta(minutes=i),
            **extra,
        )


def wait_rows(qtbot: QtBot, window: MainWindow, n: int) -> None:
    qtbot.waitUntil(lambda: window.pane.model.rowCount() == n, timeout=5000)


def focus(qtbot: QtBot) -> QWidget:
    """Where a key press goes: an open popup menu first, else the focused widget.

    The offscreen platform has no window manager: when a dialog or menu window is destroyed,
    nothing re-activates the main window (every real window manager does). Do what it would.
    """
    widget = QApplication.activePopupWidget() or QApplication.focusWidget()
    if widget is None:
        visible = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w.objectName() == "mainWindow"
        ]
        if visible:
            visible[0].activateWindow()
            qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
            widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(
    qtbot: QtBot, key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key press as a keyboard user makes it: to whatever has the focus."""
    qtbot.keyClick(focus(qtbot), key, mods)


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focus(qtbot), text)


def wait_for(qtbot: QtBot, predicate: Callable[[], object], timeout: int = 5000) -> None:
    qtbot.waitUntil(lambda: bool(predicate()), timeout=timeout)


def row_data(window: MainWindow, row: int, role: int) -> object:
    index: QModelIndex = window.pane.model.index(row)
    return index.data(role)
