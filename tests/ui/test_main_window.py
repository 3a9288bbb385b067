"""The app shell driven like a user would, over the fake service, with the core on its thread."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app import events as ev
from app.models import Account, ConversationId, ConversationKind, DeliveryState
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import run_core, save_screenshot
from tests.ui.waits import UI_WAIT_MS
from ui.bridge import CoreBridge
from ui.main_window import MainWindow
from ui.models.message_model import LIVE_ROWS, DeliveryRole, DeliveryTextRole
from ui.models.sidebar_model import MentionRole, UnreadRole


def add_alice(qtbot: QtBot, window: MainWindow, server: FakeServer) -> str:
    account = run_core(
        qtbot,
        window.bridge,
        window.bridge.core.accounts.add_account(
            "fake", {"user": "alice"}, {"password": "wonderland"}
        ),
    )
    assert isinstance(account, Account)
    qtbot.waitUntil(lambda: "alice" in server.online, timeout=UI_WAIT_MS)
    return account.id


def unread_of(window: MainWindow, conv: ConversationId) -> int:
    return int(window.sidebar_model.conversation_index(conv).data(UnreadRole) or 0)


def test_empty_profile_shows_first_run(qtbot: QtBot, window: MainWindow) -> None:
    assert window.pages.currentIndex() == MainWindow.PAGE_FIRST_RUN
    assert window.first_run.add_button.isVisible()
    assert window.windowTitle() == "Chinwag"
    save_screenshot(window, "first-run")


def test_add_account_through_the_dialog(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.mouseClick(window.first_run.add_button, Qt.MouseButton.LeftButton)
    dialog = window.account_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.service.isEnabled, timeout=UI_WAIT_MS)
    assert dialog.service.currentData() == "fake"
    user = dialog.findChild(QLineEdit, "field_user")
    password = dialog.findChild(QLineEdit, "field_password")
    assert user is not None and password is not None
    assert password.echoMode() is QLineEdit.EchoMode.Password
    # A missing password is caught in the dialog, in words.
    user.setText("alice")
    dialog._submit()
    assert dialog.error.isVisible() and "Password is required" in dialog.error.text()
    password.setText("wonderland")
    save_screenshot(dialog, "account-dialog")
    with qtbot.waitSignal(dialog.accepted, timeout=UI_WAIT_MS):
        dialog._submit()  # tests the connection first, then saves
    qtbot.waitUntil(lambda: window.pages.currentIndex() == MainWindow.PAGE_CHAT, timeout=UI_WAIT_MS)
    assert window.sidebar_model.rowCount() == 1
    account_index = window.sidebar_model.index(0)
    assert account_index.data() == "alice"
    qtbot.waitUntil(lambda: "online" in account_index.data(Qt.ItemDataRole.AccessibleTextRole))


def test_dialog_shows_core_errors(qtbot: QtBot, window: MainWindow) -> None:
    window.add_account()
    dialog = window.account_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.service.isEnabled, timeout=UI_WAIT_MS)
    user = dialog.findChild(QLineEdit, "field_user")
    password = dialog.findChild(QLineEdit, "field_password")
    assert user is not None and password is not None
    user.setText("UPPER CASE")  # the fake backend only accepts lowercase user names
    password.setText("x")
    dialog._submit()
    assert "wrong form" in dialog.error.text()


def test_receive_send_delivery_unread_and_paging(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = add_alice(qtbot, window, fake_server)
    bob = ConversationId(account_id, "bob")
    carol = ConversationId(account_id, "carol")
    start = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    for i in range(120):
        fake_server.deliver(
            "alice",
            "bob",
            f"Message {i} from Bob",
            sender="bob",
            sender_name="Bob",
            timestamp=start + timedelta(minutes=i),
        )
    fake_server.deliver(
        "alice", "carol", "Hi alice, are you there?", sender="carol", mentions_me=True
    )
    qtbot.waitUntil(
        lambda: unread_of(window, bob) == 120 and unread_of(window, carol) == 1, timeout=UI_WAIT_MS
    )
    assert window.sidebar_model.conversation_index(carol).data(MentionRole) == 1
    assert window.windowTitle() == "(121) Chinwag"
    # Carol wrote last, so she is first.
    assert window.sidebar_model.index(0, 0, window.sidebar_model.index(0)).data() == "carol"

    window.sidebar.select_conversation(bob)
    model = window.pane.model
    qtbot.waitUntil(lambda: model.rowCount() == 50, timeout=UI_WAIT_MS)
    assert model.message(49).body == "Message 119 from Bob"
    qtbot.waitUntil(lambda: unread_of(window, bob) == 0, timeout=UI_WAIT_MS)
    assert window.windowTitle() == "(1) bob — Chinwag"  # the open conversation is named

    # Scrolling to the top pages back through the store, 50 at a time, never all at once.
    model.load_older()
    qtbot.waitUntil(lambda: model.rowCount() == 100, timeout=UI_WAIT_MS)
    assert model.message(0).body == "Message 20 from Bob"
    model.load_older()
    qtbot.waitUntil(lambda: model.rowCount() == 120, timeout=UI_WAIT_MS)
    assert model.message(0).body == "Message 0 from Bob"

    # Send: the message appears at once as "sending…", then "sent", then "delivered".
    fake_server.confirm = "later"
    window.pane.composer_area.composer.setFocus()
    qtbot.keyClicks(window.pane.composer_area.composer, "Bonjour Bob, ")
    window.pane.composer_area.composer.insertPlainText("ça va ?")  # QTest can only type ASCII
    qtbot.keyClick(window.pane.composer_area.composer, Qt.Key.Key_Return)
    assert window.pane.composer_area.composer.toPlainText() == ""
    # (Following the newest messages, the window keeps LIVE_ROWS of them; the rest page back.)
    qtbot.waitUntil(
        lambda: model.message(model.rowCount() - 1).body == "Bonjour Bob, ça va ?",
        timeout=UI_WAIT_MS,
    )
    assert model.rowCount() == min(121, LIVE_ROWS)
    newest = model.rowCount() - 1
    last = model.index(newest)
    assert last.data(DeliveryRole) == DeliveryState.PENDING
    assert last.data(DeliveryTextRole) == "sending…"
    qtbot.waitUntil(lambda: len(fake_server.sent) == 1, timeout=UI_WAIT_MS)
    fake_server.confirm_sent(fake_server.sent[0])
    qtbot.waitUntil(
        lambda: model.index(newest).data(DeliveryRole) == DeliveryState.SENT, timeout=UI_WAIT_MS
    )
    fake_server.receipt(fake_server.sent[0], DeliveryState.DELIVERED)
    qtbot.waitUntil(
        lambda: model.index(newest).data(DeliveryRole) == DeliveryState.DELIVERED,
        timeout=UI_WAIT_MS,
    )
    assert "delivered" in model.index(newest).data(Qt.ItemDataRole.AccessibleTextRole)
    window.pane.view.scrollToBottom()
    save_screenshot(window, "conversation")


def test_shift_enter_breaks_the_line_without_sending(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = add_alice(qtbot, window, fake_server)
    run_core(qtbot, window.bridge, window.bridge.core.conversations.open_direct(account_id, "bob"))
    qtbot.waitUntil(
        lambda: window.sidebar_model.conversation_index(
            ConversationId(account_id, "bob")
        ).isValid(),
        timeout=UI_WAIT_MS,
    )
    window.sidebar.select_conversation(ConversationId(account_id, "bob"))
    qtbot.keyClicks(window.pane.composer_area.composer, "line one")
    qtbot.keyClick(
        window.pane.composer_area.composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.keyClicks(window.pane.composer_area.composer, "line two")
    assert window.pane.composer_area.composer.toPlainText() == "line one\nline two"
    qtbot.keyClick(window.pane.composer_area.composer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(fake_server.sent) == 1, timeout=UI_WAIT_MS)
    assert fake_server.sent[0].message.body == "line one\nline two"


def test_accessible_text_reads_sender_time_message(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = add_alice(qtbot, window, fake_server)
    fake_server.deliver(
        "alice",
        "bob",
        "Guten Morgen",
        sender="bob",
        sender_name="Bob",
        timestamp=datetime(2026, 11, 21, 8, 5, tzinfo=UTC),
    )
    conv = ConversationId(account_id, "bob")
    qtbot.waitUntil(
        lambda: window.sidebar_model.conversation_index(conv).isValid(), timeout=UI_WAIT_MS
    )
    window.sidebar.select_conversation(conv)
    qtbot.waitUntil(lambda: window.pane.model.rowCount() == 1, timeout=UI_WAIT_MS)
    text = window.pane.model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    # Sender, text, then the time as speech says it (no colon: Orca reads colons aloud).
    assert text.startswith("Bob, Guten Morgen. ") and text.endswith(", 8 05")
    qtbot.waitUntil(  # opened, so read
        lambda: (
            window.sidebar_model.conversation_index(conv).data(Qt.ItemDataRole.AccessibleTextRole)
            == "bob"
        ),
        timeout=UI_WAIT_MS,
    )


def test_every_control_has_an_accessible_name(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    add_alice(qtbot, window, fake_server)
    qtbot.waitUntil(lambda: window.pages.currentIndex() == MainWindow.PAGE_CHAT, timeout=UI_WAIT_MS)
    window.add_account()
    dialog = window.account_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.service.isEnabled, timeout=UI_WAIT_MS)
    unnamed = []
    for root in (window, dialog):
        for widget in root.findChildren(QWidget):
            interactive = isinstance(widget, (QAbstractButton, QComboBox)) or (
                widget.focusPolicy() != Qt.FocusPolicy.NoFocus
                and not widget.objectName().startswith("qt_")
                and widget.isVisibleTo(root)
            )
            if interactive and widget.isVisibleTo(root) and not widget.accessibleName():
                unnamed.append(f"{type(widget).__name__}({widget.objectName()})")
    assert unnamed == []


def test_keyboard_focus_order(qtbot: QtBot, window: MainWindow, fake_server: FakeServer) -> None:
    add_alice(qtbot, window, fake_server)
    qtbot.waitUntil(lambda: window.pages.currentIndex() == MainWindow.PAGE_CHAT, timeout=UI_WAIT_MS)
    chain = []
    widget: QWidget = window.sidebar.tree
    for _ in range(4):  # as Tab goes: what can take the focus and is shown
        widget = widget.nextInFocusChain()
        while widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisible():
            widget = widget.nextInFocusChain()
        chain.append(widget.objectName())
    assert chain[:2] == ["messageView", "composer"]


def test_plugin_problem_is_shown(qtbot: QtBot, window: MainWindow, bridge: CoreBridge) -> None:
    bridge.core.bus.publish(ev.PluginProblem("broken", "import failed: ModuleNotFoundError"))
    qtbot.waitUntil(window.notices.isVisible, timeout=UI_WAIT_MS)
    assert "broken" in window.notices.label.text()
    assert "ModuleNotFoundError" in window.notices.label.text()
    save_screenshot(window, "plugin-problem")
    qtbot.mouseClick(window.notices.dismiss, Qt.MouseButton.LeftButton)
    assert not window.notices.isVisible()


def test_bridge_coalesces_a_flood_into_few_batches(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = add_alice(qtbot, window, fake_server)
    batches: list[int] = []
    window.bridge.events.connect(lambda batch: batches.append(len(batch)))
    for i in range(2000):
        fake_server.deliver("alice", "flood", f"line {i}", kind=ConversationKind.GROUP)
    conv = ConversationId(account_id, "flood")
    qtbot.waitUntil(lambda: unread_of(window, conv) == 2000, timeout=UI_WAIT_MS)
    assert len(batches) < 100, batches
