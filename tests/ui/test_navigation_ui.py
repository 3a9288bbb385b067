"""Finding things and moving around: search, the quick switcher, regions, conversation steps,
notifications and announcements, archive, settings — and the keyboard-only journey."""

from __future__ import annotations

import asyncio
import json
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu
from pytestqt.qtbot import QtBot

from app import facts as f
from app.models import ConversationId, ConversationKind, Member, Message, NotifyLevel
from app.runtime import Done
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import run_core, save_screenshot
from tests.ui.helpers import (
    T0,
    focus,
    open_conv,
    press,
    room,
    sign_in,
    type_text,
    wait_for,
)
from tests.ui.waits import UI_WAIT_MS
from ui.dialogs.quick_switcher import QuickSwitcher
from ui.dialogs.search_dialog import SearchDialog
from ui.main_window import MainWindow


class RecordingNotifier:
    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def notify(self, title: str, body: str, target: object = None) -> None:
        self.shown.append((title, body))


@pytest.fixture
def notifier() -> RecordingNotifier:
    return RecordingNotifier()


@pytest.fixture
def window(qtbot: QtBot, bridge, notifier: RecordingNotifier) -> MainWindow:  # type: ignore[no-untyped-def]
    from app import events as ev
    from tests.ui.conftest import has_event

    win = MainWindow(bridge, notifier)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(
        bridge.events, timeout=UI_WAIT_MS, check_params_cb=has_event(ev.CoreStarted)
    ):
        bridge.start()
    return win


def busy_history(server: FakeServer) -> None:
    for i in range(80):
        server.deliver(
            "alice",
            "bob",
            f"note {i}",
            sender="bob",
            sender_name="Bob",
            timestamp=T0 + timedelta(minutes=i),
        )
    room(
        server,
        "alice",
        "#plants",
        [("carol", "The fern needs water"), ("dan", "and the cactus does not")],
        start=T0 + timedelta(hours=3),
    )
    plants = ConversationId(server.online["alice"].ctx.account_id, "#plants")
    server.report(
        "alice",
        f.MembersChanged(
            "#plants", tuple(Member(plants, n) for n in ("alice", "carol", "dan")), complete=True
        ),
    )


def test_global_search_labels_results_and_opens_them_in_context(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    busy_history(fake_server)
    wait_for(
        qtbot,
        lambda: (
            window.sidebar_model.conversation(ConversationId(account_id, "#plants")) is not None
        ),
    )
    window.search_everywhere()
    dialog = window.last_dialog
    assert isinstance(dialog, SearchDialog)
    dialog.query.setText("note 12")
    dialog.search()
    wait_for(qtbot, lambda: dialog.model.rowCount() >= 1)
    label = dialog.model.index(0).data()
    assert label.startswith("alice · bob — Bob, ") and label.endswith(": note 12")
    save_screenshot(dialog, "search-results")
    dialog.query.setText("water")
    dialog.search()
    wait_for(
        qtbot, lambda: dialog.model.rowCount() == 1 and "#plants" in dialog.model.index(0).data()
    )
    dialog.query.setText("note 12")
    dialog.search()
    wait_for(
        qtbot, lambda: dialog.model.rowCount() >= 1 and "note 12" in dialog.model.index(0).data()
    )
    dialog.results.activated.emit(dialog.model.index(0))
    model = window.pane.model
    wait_for(
        qtbot,
        lambda: (
            window.pane.conversation == ConversationId(account_id, "bob") and model.rowCount() > 0
        ),
    )
    wait_for(qtbot, lambda: window.pane.view.currentIndex().isValid())
    current = window.pane.view.currentIndex().row()
    assert model.message(current).body == "note 12"
    assert not model.at_latest  # opened back in time
    assert window.pane.jump_button.isVisibleTo(window)
    window.pane.jump_button.click()
    wait_for(
        qtbot,
        lambda: (
            model.at_latest
            and model.rowCount() > 0
            and model.message(model.rowCount() - 1).body == "note 79"
        ),
    )


def test_a_newer_search_cancels_the_one_in_flight_whose_answer_never_shows(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in(qtbot, window, fake_server)
    busy_history(fake_server)
    archive = window.bridge.core.archive
    real = archive.search
    began = threading.Event()
    stopped: list[str] = []

    async def search(text: str, limit: int = 50, conversation: object = None) -> list[Message]:
        if text == "note":  # a slow search, as over a huge history
            began.set()
            try:
                await asyncio.sleep(30)
            except asyncio.CancelledError:
                stopped.append(text)
                raise
        return await real(text, limit, conversation)  # type: ignore[arg-type]

    monkeypatch.setattr(archive, "search", search)
    window.search_everywhere()
    dialog = window.last_dialog
    assert isinstance(dialog, SearchDialog)
    dialog.query.setText("note")
    dialog.search()
    assert began.wait(5)
    dialog.query.setText("water")
    dialog.search()
    wait_for(qtbot, lambda: stopped == ["note"])  # cancelled in the core, not left to run
    wait_for(qtbot, lambda: dialog.model.rowCount() == 1)
    assert "#plants" in dialog.model.index(0).data()
    newest = list(dialog.model.results)
    # An answer that still comes for an older search (cancelled too late) is not shown.
    dialog._found(Done([]), generation=dialog._generation - 1)
    assert dialog.model.results == newest
    # A space after the last word: the word is finished and matched whole.
    dialog.query.setText("wat ")
    dialog.search()
    wait_for(qtbot, lambda: dialog.status.text() == "0 results")
    dialog.query.setText("water ")
    dialog.search()
    wait_for(qtbot, lambda: dialog.model.rowCount() == 1)


def test_search_within_one_conversation(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    busy_history(fake_server)
    fake_server.deliver("alice", "erin", "a note from erin")
    open_conv(qtbot, window, ConversationId(account_id, "erin"))
    window.search_here()
    dialog = window.last_dialog
    assert isinstance(dialog, SearchDialog) and "erin" in dialog.windowTitle()
    dialog.query.setText("note")
    dialog.search()
    wait_for(qtbot, lambda: dialog.model.rowCount() == 1)


def test_quick_switcher_regions_and_conversation_steps(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    busy_history(fake_server)
    fake_server.deliver("alice", "zoe", "hi", timestamp=T0 - timedelta(days=1))
    wait_for(qtbot, lambda: len(window.sidebar.conversation_order()) == 3)
    order = window.sidebar.conversation_order()
    assert order[0].native_id == "#plants"  # the most recent activity first
    window.quick_switch()
    switcher = window.last_dialog
    assert isinstance(switcher, QuickSwitcher)
    switcher.filter.setText("zo")
    assert switcher.model.rowCount() == 1
    qtbot.keyClick(switcher.filter, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: window.pane.conversation == ConversationId(account_id, "zoe"))
    wait_for(
        qtbot,
        lambda: (
            window.sidebar_model.conversation(ConversationId(account_id, "zoe")).unread_count == 0
        ),
    )
    # Alt+Up / Alt+Down walk the sidebar; Alt+Shift+Down finds the next unread one.
    window.step(-1)
    assert window.pane.conversation == ConversationId(account_id, "bob")
    wait_for(
        qtbot,
        lambda: (
            window.sidebar_model.conversation(ConversationId(account_id, "bob")).unread_count == 0
        ),
    )
    window.step(1, unread_only=True)
    assert window.pane.conversation == ConversationId(account_id, "#plants")
    # F6 cycles the regions.
    window.sidebar.tree.setFocus()
    seen = []
    for _ in range(3):
        window.cycle_region(1)
        seen.append(QApplication.focusWidget().objectName())
    # Sidebar → composer → messages: from the composer one key reaches the messages.
    assert seen == ["composer", "messageView", "sidebar"]
    window.cycle_region(-1)
    assert QApplication.focusWidget().objectName() == "messageView"


def test_message_menu_from_the_keyboard(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "bob", "Lunch?", sender="bob")
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=1)
    window.pane.view.setFocus()
    window.pane.view.setCurrentIndex(window.pane.model.index(0))
    menu = window.pane.messages.message_menu(window.pane.model.message(0))
    labels = [a.text() for a in menu.actions()]
    assert labels[:3] == ["&Reply", "Re&act", "&Copy text"]
    assert "&Edit" not in labels  # not ours
    menu.actions()[0].trigger()
    assert window.pane.composer_area.reply_to is not None
    assert "Replying to bob: Lunch?" in window.pane.composer_area.banner.text()


def test_notifications_follow_the_conversation_setting(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, notifier: RecordingNotifier
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "bob", "psst", sender="bob", sender_name="Bob")
    wait_for(qtbot, lambda: notifier.shown)
    assert notifier.shown == [("bob", "Bob: psst")]
    room(fake_server, "alice", "#crowd", [("x", "chatter")])  # groups: mentions only
    fake_server.deliver(
        "alice",
        "#crowd",
        "alice, look!",
        sender="y",
        sender_name="Y",
        kind=ConversationKind.GROUP,
        mentions_me=True,
    )
    wait_for(qtbot, lambda: len(notifier.shown) == 2)
    assert notifier.shown[1] == ("#crowd", "Y: alice, look!")
    run_core(
        qtbot,
        window.bridge,
        window.bridge.core.conversations.set_notify(
            ConversationId(account_id, "bob"), NotifyLevel.NONE
        ),
    )
    fake_server.deliver("alice", "bob", "quiet now", sender="bob")
    wait_for(
        qtbot,
        lambda: (
            window.sidebar_model.conversation(ConversationId(account_id, "bob")).unread_count == 2
        ),
    )
    assert len(notifier.shown) == 2
    assert window.windowTitle() == "(4) Chinwag"
    # The open conversation's new messages are read aloud instead of notified.
    open_conv(qtbot, window, ConversationId(account_id, "#crowd"))
    window.pane.header.notify_actions[NotifyLevel.ALL].trigger()
    wait_for(
        qtbot,
        lambda: (
            window.sidebar_model.conversation(ConversationId(account_id, "#crowd")).notify
            is NotifyLevel.ALL
        ),
    )
    room(fake_server, "alice", "#crowd", [("z", "fresh news")], start=T0 + timedelta(days=400))
    wait_for(qtbot, lambda: "Z, fresh news." in " ".join(window.announcer.spoken))


def test_export_and_prune_from_the_menus(
    qtbot: QtBot,
    window: MainWindow,
    fake_server: FakeServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    busy_history(fake_server)
    open_conv(qtbot, window, ConversationId(account_id, "bob"))
    target = tmp_path / "alice.jsonl"
    monkeypatch.setattr(
        "ui.archive_actions.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "")
    )
    window.export_account()
    wait_for(qtbot, target.exists)
    lines = target.read_text().splitlines()
    assert json.loads(lines[0])["type"] == "chinwag-account-export" and len(lines) > 80
    page = tmp_path / "bob.html"
    monkeypatch.setattr(
        "ui.conversation_actions.QFileDialog.getSaveFileName", lambda *a, **k: (str(page), "")
    )
    window.pane.conversation_actions.export()
    wait_for(qtbot, page.exists)
    assert "note 79" in page.read_text()
    window.prune_history()  # the selected account's own history (one account here)
    dialog = window.last_dialog
    assert isinstance(dialog, QInputDialog) and "“alice”" in dialog.labelText()
    dialog.setIntValue(0)
    dialog.accept()
    wait_for(qtbot, lambda: any("old message" in n for n in window.notices.notices))


def test_settings_dark_theme_text_size_and_privacy(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    busy_history(fake_server)
    open_conv(qtbot, window, ConversationId(account_id, "#plants"))
    wait_for(qtbot, lambda: window.pane.header.info.text() == "Not encrypted · 3 members")
    base_size = QApplication.font().pointSizeF()
    window.open_settings()
    dialog = window.last_dialog
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.text_scale.setValue(130)
    dialog.send_typing.setChecked(False)
    wait_for(
        qtbot,
        lambda: (
            window.preferences.get("ui.theme") == "dark"
            and window.preferences.get("ui.text_scale") == 130
        ),
    )
    window_color = QApplication.palette().color(QPalette.ColorRole.Window)
    assert window_color.lightness() < 60
    assert QApplication.font().pointSizeF() == pytest.approx(base_size * 1.3, rel=0.05)
    dialog.accept()
    # The header's title stays larger than the text, at any text size (the widgets learn of
    # the new application font a little later).
    size = QApplication.font().pointSizeF()
    title = window.pane.header.title
    wait_for(qtbot, lambda: abs(title.font().pointSizeF() - size * 1.15) < 0.2)
    save_screenshot(window, "dark-theme")
    wait_for(qtbot, lambda: window.preferences.get("privacy.send_typing") is False)
    box = window.pane.composer_area.composer
    box.setFocus()
    qtbot.keyClicks(box, "hush")
    qtbot.wait(50)
    assert not [c for c in fake_server.calls if c[0] == "typing"]
    config = json.loads((window.core.ctx.paths.config_file).read_text())
    assert config["preferences"]["ui.theme"] == "dark"
    window.theme.apply("system", 100)  # leave the app as other tests expect it


def test_an_error_is_shown_in_words(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    sign_in(qtbot, window, fake_server, "alice")
    fake_server.passwords["bob"] = "builder"
    run_core(
        qtbot,
        window.bridge,
        window.bridge.core.accounts.add_account("fake", {"user": "bob"}, {"password": "wrong"}),
    )
    wait_for(
        qtbot,
        lambda: any(a == "bob" for a in [n.display_name for n in window.sidebar_model.accounts()]),
    )
    row = next(i for i, a in enumerate(window.sidebar_model.accounts()) if a.display_name == "bob")
    wait_for(
        qtbot,
        lambda: (
            "needs attention"
            in window.sidebar_model.index(row).data(Qt.ItemDataRole.AccessibleTextRole)
        ),
    )
    assert "Wrong user name or password" in window.sidebar_model.index(row).data(
        Qt.ItemDataRole.ToolTipRole
    )
    window.notices.show_notice("Could not save incoming messages (disk full).", "error")
    save_screenshot(window, "error")


def test_keyboard_only_journey(qtbot: QtBot, window: MainWindow, fake_server: FakeServer) -> None:
    """Add an account, find a conversation, read it, reply, react and search — keys only."""
    window.activateWindow()
    qtbot.waitUntil(lambda: focus(qtbot) is not None, timeout=3000)
    # Add an account: the first-run button has the focus; Enter opens the dialog.
    assert focus(qtbot) is window.first_run.add_button
    press(qtbot, Qt.Key.Key_Return)
    wait_for(
        qtbot,
        lambda: window.account_dialog is not None and window.account_dialog.service.isEnabled(),
    )
    # Focus lands on the first field of the service once the services have loaded.
    wait_for(qtbot, lambda: focus(qtbot).objectName() == "field_user")
    type_text(qtbot, "alice")
    press(qtbot, Qt.Key.Key_Tab)
    assert focus(qtbot).objectName() == "field_password"
    type_text(qtbot, "wonderland")
    press(qtbot, Qt.Key.Key_Return)  # Add account: tests the connection, then saves
    wait_for(qtbot, lambda: window.pages.currentIndex() == MainWindow.PAGE_CHAT)
    account_id = window.sidebar_model.account_ids()[0]
    wait_for(qtbot, lambda: "alice" in fake_server.online)
    fake_server.deliver(
        "alice", "bob", "Are you coming to the picnic?", sender="bob", sender_name="Bob"
    )
    room(fake_server, "alice", "#picnic", [("carol", "Bring plates")])
    wait_for(qtbot, lambda: len(window.sidebar.conversation_order()) == 2)

    # Find the conversation with Ctrl+K, typing part of its name.
    press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    wait_for(qtbot, lambda: focus(qtbot).objectName() == "switcherFilter")
    type_text(qtbot, "bob")
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: window.pane.conversation == ConversationId(account_id, "bob"))
    wait_for(qtbot, lambda: window.pane.model.rowCount() == 1 and window.pane.details is not None)

    # Read it: the composer has the focus; Escape goes to the messages, arrows move.
    wait_for(qtbot, lambda: focus(qtbot) is window.pane.composer_area.composer)
    press(qtbot, Qt.Key.Key_Escape)
    assert focus(qtbot) is window.pane.view
    press(qtbot, Qt.Key.Key_End)
    current = window.pane.view.currentIndex()
    assert "Bob, " in current.data(Qt.ItemDataRole.AccessibleTextRole)

    # React: Ctrl+Shift+R on the message opens the picker; Enter takes the first reaction.
    press(
        qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    wait_for(
        qtbot,
        lambda: (
            window.pane.messages.reaction_picker is not None
            and window.pane.messages.reaction_picker.isAncestorOf(focus(qtbot))
        ),
    )
    press(qtbot, Qt.Key.Key_Return)
    rid = window.pane.model.message(0).remote_id
    wait_for(qtbot, lambda: ("react", ("bob", rid, ("👍",))) in fake_server.calls)

    # The same actions are in the message menu (Shift+F10); Escape closes it.
    press(qtbot, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    wait_for(qtbot, lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    labels = [a.text() for a in QApplication.activePopupWidget().actions()]
    assert labels[:3] == ["&Reply", "Re&act", "&Copy text"]
    press(qtbot, Qt.Key.Key_Escape)
    wait_for(qtbot, lambda: QApplication.activePopupWidget() is None)

    # Reply: Shift+F6 back to the composer, type, Enter.
    wait_for(qtbot, lambda: focus(qtbot) is window.pane.view)
    press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert focus(qtbot) is window.pane.composer_area.composer
    type_text(qtbot, "Yes, with cake!")
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: [r.message.body for r in fake_server.sent] == ["Yes, with cake!"])

    # Search everywhere with Ctrl+Shift+F and open the hit with Enter.
    press(
        qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    wait_for(qtbot, lambda: focus(qtbot).objectName() == "searchQuery")
    dialog = window.last_dialog
    type_text(qtbot, "plates")
    press(qtbot, Qt.Key.Key_Return)  # search now; the focus follows to the first result
    wait_for(qtbot, lambda: dialog.model.rowCount() == 1)
    wait_for(qtbot, lambda: focus(qtbot) is dialog.results)
    press(qtbot, Qt.Key.Key_Return)  # open it
    wait_for(qtbot, lambda: window.pane.conversation == ConversationId(account_id, "#picnic"))
