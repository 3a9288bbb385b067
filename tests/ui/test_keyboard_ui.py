"""The keyboard paths of the main window driven by real key presses (not method calls): menu
mnemonics, Ctrl+F, Alt+Up/Down, Alt+Shift+Up/Down, Shift+F6, and older history loaded by
scrolling to the top."""

from __future__ import annotations

import threading
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot

from app import facts as f
from app.models import ConversationId, ConversationKind
from tests.fakes.fake_backend import FakeServer
from tests.ui.helpers import T0, focus, open_conv, press, room, sign_in, type_text, wait_for
from ui.dialogs.search_dialog import SearchDialog
from ui.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def mnemonic(text: str) -> str:
    """The letter after a single "&" ("&&" is a literal ampersand), lower case, or ""."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].casefold()
            i += 1
        i += 1
    return ""


def clashes(menu: QMenu) -> list[str]:
    """Mnemonics used twice in one menu (the second never triggers: Qt only cycles between
    them), then the same for every submenu."""
    found: list[str] = []
    seen: dict[str, str] = {}
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        key = mnemonic(action.text())
        if key and key in seen:
            found.append(f"{menu.title() or menu.objectName()}: {seen[key]!r} / {action.text()!r}")
        elif key:
            seen[key] = action.text()
        if action.menu() is not None:
            found += clashes(action.menu())
    return found


def test_every_menu_has_distinct_mnemonics(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    room(fake_server, "alice", "#plants", [("carol", "hello")])
    open_conv(qtbot, window, ConversationId(account_id, "#plants"))
    bar = window.menuBar()
    tops = [a for a in bar.actions() if a.menu() is not None]
    keys = [mnemonic(a.text()) for a in tops]
    assert len(set(keys)) == len(keys), keys
    problems = [p for a in tops for p in clashes(a.menu())]
    problems += clashes(window.pane.header.menu)
    problems += clashes(window.pane.messages.message_menu(window.pane.model.message(0)))
    assert problems == [], "\n".join(problems)


def window_mnemonics(window: MainWindow, page: QWidget) -> list[tuple[str, str]]:
    """Alt+letter keys of one page (shown or not: buttons come and go) plus the menu bar's."""
    keys = [(mnemonic(a.text()), a.text()) for a in window.menuBar().actions()]
    for root in (page, window.notices):
        for button in root.findChildren(QAbstractButton):
            keys.append((mnemonic(button.text()), button.text()))
        for label in root.findChildren(QLabel):
            if label.buddy() is not None:
                keys.append((mnemonic(label.text()), label.text()))
    return [(k, text) for k, text in keys if k]


def test_window_mnemonics_are_not_shared(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """Two controls with the same Alt+letter in one window: Qt then only moves the focus
    between them, so neither works (the Attach button once shared Alt+A with the Accounts
    menu)."""
    wait_for(qtbot, lambda: window.pages.currentIndex() == MainWindow.PAGE_FIRST_RUN)
    for page in (window.first_run, window.pages.widget(MainWindow.PAGE_CHAT)):
        keys = window_mnemonics(window, page)
        letters = [k for k, _ in keys]
        shared = sorted({f"{k}: {t}" for k, t in keys if letters.count(k) > 1})
        assert shared == [], "\n".join(shared)


def four_conversations(server: FakeServer) -> None:
    """Newest activity first in the sidebar: #plants, bob, carol, zoe; all unread."""
    server.deliver("alice", "zoe", "hi from zoe", timestamp=T0)
    server.deliver("alice", "carol", "hi from carol", timestamp=T0 + timedelta(hours=1))
    server.deliver("alice", "bob", "hi from bob", timestamp=T0 + timedelta(hours=2))
    room(
        server,
        "alice",
        "#plants",
        [("dan", "The fern needs water"), ("erin", "and the cactus does not")],
        start=T0 + timedelta(hours=3),
    )


def test_conversation_steps_search_and_regions_by_real_keys(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    four_conversations(fake_server)

    def conv(name: str) -> ConversationId:
        return ConversationId(account_id, name)

    def unread(name: str) -> int:
        found = window.sidebar_model.conversation(conv(name))
        return found.unread_count if found is not None else -1

    wait_for(qtbot, lambda: len(window.sidebar.conversation_order()) == 4)
    assert [c.native_id for c in window.sidebar.conversation_order()] == [
        "#plants",
        "bob",
        "carol",
        "zoe",
    ]
    open_conv(qtbot, window, conv("#plants"))
    window.activateWindow()
    press(qtbot, Qt.Key.Key_L, CTRL)  # Ctrl+L: to the composer
    wait_for(qtbot, lambda: focus(qtbot) is window.pane.composer_area.composer)

    # Alt+Down / Alt+Up: next / previous conversation, even while writing. Each is read
    # once it is open.
    wait_for(qtbot, lambda: unread("#plants") == 0)
    press(qtbot, Qt.Key.Key_Down, ALT)
    wait_for(qtbot, lambda: window.pane.conversation == conv("bob") and unread("bob") == 0)
    press(qtbot, Qt.Key.Key_Down, ALT)
    wait_for(qtbot, lambda: window.pane.conversation == conv("carol") and unread("carol") == 0)
    press(qtbot, Qt.Key.Key_Up, ALT)
    wait_for(qtbot, lambda: window.pane.conversation == conv("bob"))
    assert focus(qtbot) is window.pane.composer_area.composer  # still writing
    assert unread("zoe") == 1

    # Alt+Shift+Down: the next conversation with unread messages (skipping read ones).
    press(qtbot, Qt.Key.Key_Down, ALT | SHIFT)
    wait_for(qtbot, lambda: window.pane.conversation == conv("zoe"))
    wait_for(qtbot, lambda: unread("zoe") == 0)
    # Alt+Shift+Up: the previous unread one, round the end of the list.
    room(fake_server, "alice", "#plants", [("dan", "ping")], start=T0 + timedelta(hours=4))
    wait_for(qtbot, lambda: unread("#plants") == 1)
    press(qtbot, Qt.Key.Key_Up, ALT | SHIFT)
    wait_for(qtbot, lambda: window.pane.conversation == conv("#plants"))

    # Ctrl+F: find in this conversation; the query has the focus; Escape closes it.
    wait_for(qtbot, lambda: window.pane.details is not None)
    press(qtbot, Qt.Key.Key_F, CTRL)
    wait_for(qtbot, lambda: isinstance(window.last_dialog, SearchDialog))
    dialog = window.last_dialog
    assert isinstance(dialog, SearchDialog) and "#plants" in dialog.windowTitle()
    wait_for(qtbot, lambda: focus(qtbot).objectName() == "searchQuery")
    type_text(qtbot, "fern")
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: dialog.model.rowCount() == 1)
    assert "The fern needs water" in dialog.model.index(0).data()
    press(qtbot, Qt.Key.Key_Escape)
    wait_for(qtbot, lambda: not dialog.isVisible())

    # Shift+F6: the previous region, round and round (sidebar, composer, messages).
    window.pane.composer_area.composer.setFocus()
    wait_for(qtbot, lambda: focus(qtbot) is window.pane.composer_area.composer)
    seen = []
    for _ in range(3):
        press(qtbot, Qt.Key.Key_F6, SHIFT)
        seen.append(focus(qtbot).objectName())
    assert seen == ["sidebar", "messageView", "composer"]
    press(qtbot, Qt.Key.Key_F6)  # from the composer, the first F6 reaches the messages
    assert focus(qtbot).objectName() == "messageView"


def test_scrolling_to_the_top_loads_older_history_with_a_progress_line(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.archive["#old"] = [
        f.MessageReceived(
            "#old",
            "dan",
            f"archived {i}",
            ConversationKind.GROUP,
            remote_id=f"a{i}",
            timestamp=T0 - timedelta(days=1, minutes=-i),
            history=True,
        )
        for i in range(30)
    ]
    room(fake_server, "alice", "#old", [("dan", f"recent {i}") for i in range(30)])
    open_conv(qtbot, window, ConversationId(account_id, "#old"), rows=30)
    view, loading = window.pane.view, window.pane.loading_label
    bar = view.verticalScrollBar()
    wait_for(qtbot, lambda: bar.maximum() > 0 and bar.value() == bar.maximum())
    assert not loading.isVisibleTo(window)
    fake_server.hold = threading.Event()  # the server answers only when the test says so
    bar.setValue(bar.minimum())  # as if dragged (or wheeled, or Page Up) to the very top
    wait_for(qtbot, lambda: any(c[0] == "history" for c in fake_server.calls))
    wait_for(qtbot, lambda: loading.isVisibleTo(window))
    assert loading.text() == "Loading older messages…"
    fake_server.hold.set()
    wait_for(qtbot, lambda: window.pane.model.rowCount() == 60)
    wait_for(qtbot, lambda: not loading.isVisibleTo(window))
    assert window.pane.model.message(0).body == "archived 0"
    # The view keeps its place: the message that was at the top is still the one at the top.
    first_before = window.pane.model.index(30)
    wait_for(qtbot, lambda: abs(view.visualRect(first_before).top()) < 30)


def test_page_up_from_the_keyboard_reaches_older_messages(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """Without a mouse: Home in the message list goes to the top, which loads more."""
    account_id = sign_in(qtbot, window, fake_server)
    for i in range(80):
        fake_server.deliver(
            "alice", "bob", f"note {i}", sender="bob", timestamp=T0 + timedelta(minutes=i)
        )
    conv = ConversationId(account_id, "bob")
    wait_for(
        qtbot, lambda: getattr(window.sidebar_model.conversation(conv), "unread_count", 0) == 80
    )
    open_conv(qtbot, window, conv, rows=50)  # the newest page
    window.pane.view.setFocus()
    window.activateWindow()
    wait_for(qtbot, lambda: focus(qtbot) is window.pane.view)
    # Arriving in the list, the keyboard starts at the newest message in sight (not at the
    # oldest one loaded, off screen), so Up reads backwards from there.
    current = window.pane.view.current_message()
    assert current is not None and current.body == "note 79"
    press(qtbot, Qt.Key.Key_Up)
    assert window.pane.view.current_message().body == "note 78"
    press(qtbot, Qt.Key.Key_Home)
    wait_for(qtbot, lambda: window.pane.model.rowCount() == 80)
    assert QApplication.focusWidget() is window.pane.view
