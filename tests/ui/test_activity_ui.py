"""The activity inbox (Ctrl+I): mentions, direct messages, invitations and contact requests from
every account in one list, newest first, each saying its service and account; opened where it
happened; marked read one by one or all at once; by keyboard alone."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import facts as f
from app.models import ConversationId, ConversationKind
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import save_screenshot
from tests.ui.helpers import T0, add_account_as, press, wait_for
from ui.dialogs.activity_dialog import ActivityDialog
from ui.main_window import MainWindow
from ui.models.activity_model import ActivityKind, EntryRole


def spoken(dialog: ActivityDialog) -> list[str]:
    model = dialog.model
    return [
        str(model.index(r).data(Qt.ItemDataRole.AccessibleTextRole))
        for r in range(model.rowCount())
    ]


def open_inbox(qtbot: QtBot, window: MainWindow) -> ActivityDialog:
    window.activateWindow()
    window.sidebar.tree.setFocus()
    wait_for(qtbot, lambda: QApplication.focusWidget() is window.sidebar.tree)
    press(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    wait_for(qtbot, lambda: window.activity.dialog is not None)
    dialog = window.activity.dialog
    assert dialog is not None
    wait_for(qtbot, dialog.isVisible)
    wait_for(
        qtbot,
        lambda: (
            QApplication.focusWidget() in (dialog.list, dialog.all_button)
            or dialog.isAncestorOf(QApplication.focusWidget())
        ),
    )
    return dialog


def test_one_inbox_across_accounts_opened_in_context_and_marked_read(
    qtbot: QtBot, services_window: MainWindow, fake_server: FakeServer
) -> None:
    window = services_window
    xmpp = add_account_as(qtbot, window, fake_server, "xmpp", "alice", "Home")
    matrix = add_account_as(qtbot, window, fake_server, "matrix", "bob", "Work")
    fake_server.deliver(
        "alice",
        "carol@example.org",
        "are you free tonight?",
        sender="carol@example.org",
        sender_name="Carol",
        timestamp=T0,
    )
    for i, (body, mention) in enumerate(
        [("morning all", False), ("@bob can you review this?", True), ("thanks", False)]
    ):
        fake_server.deliver(
            "bob",
            "!dev:example.org",
            body,
            sender="@dan:example.org",
            sender_name="Dan",
            kind=ConversationKind.GROUP,
            mentions_me=mention,
            timestamp=T0 + timedelta(minutes=1 + i),
        )
    dev = ConversationId(matrix.id, "!dev:example.org")
    wait_for(qtbot, lambda: window.sidebar_model.conversation(dev) is not None)
    fake_server.report("alice", f.SubscriptionRequested("erin@example.org", "Erin", "hi!"))
    wait_for(qtbot, lambda: len(window.requests.requests) == 1)

    dialog = open_inbox(qtbot, window)
    assert dialog.accessibleName() == "Activity in every account"
    assert dialog.list.accessibleName() == "Mentions, direct messages, invitations and requests"
    wait_for(qtbot, lambda: dialog.model.rowCount() == 3)
    kinds = [dialog.model.index(r).data(EntryRole).kind for r in range(3)]
    # The request came last (now); then the mention (09:02), then the direct message (09:00).
    assert kinds == [ActivityKind.REQUEST, ActivityKind.MENTION, ActivityKind.DIRECT]
    said = spoken(dialog)
    assert said[0].startswith("Contact request") and "Erin wants to add you" in said[0]
    assert "XMPP, Home" in said[0]
    assert said[1].startswith("Mention") and "Matrix, Work" in said[1]
    assert "Dan: @bob can you review this?" in said[1]
    assert said[2].startswith("Direct message") and "XMPP, Home" in said[2]
    assert "Carol: are you free tonight?" in said[2]
    assert QApplication.focusWidget() is dialog.list
    save_screenshot(dialog, "activity-inbox")

    # Down to the mention, Enter: its room opens at that message.
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: window.activity.dialog is None)
    wait_for(
        qtbot,
        lambda: window.pane.details is not None and window.pane.details.conversation.id == dev,
    )
    wait_for(
        qtbot,
        lambda: (
            (m := window.pane.view.current_message()) is not None
            and m.body == "@bob can you review this?"
        ),
    )
    # Reading the room there takes its mention off the inbox.
    dialog = open_inbox(qtbot, window)
    wait_for(
        qtbot,
        lambda: (
            [e.kind for e in dialog.model.entries()] == [ActivityKind.REQUEST, ActivityKind.DIRECT]
        ),
    )

    # Delete marks one read (the direct message: its conversation is read everywhere).
    dialog.list.setCurrentIndex(dialog.model.index(1))
    press(qtbot, Qt.Key.Key_Delete)
    wait_for(qtbot, lambda: [e.kind for e in dialog.model.entries()] == [ActivityKind.REQUEST])
    carol = ConversationId(xmpp.id, "carol@example.org")
    wait_for(qtbot, lambda: window.sidebar_model.conversation(carol).unread_count == 0)

    # The request is answered in the requests panel: Enter goes there.
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: window.activity.dialog is None)
    wait_for(qtbot, lambda: window.requests.isAncestorOf(QApplication.focusWidget()))


def test_mark_all_read_empties_the_inbox(
    qtbot: QtBot, services_window: MainWindow, fake_server: FakeServer
) -> None:
    window = services_window
    irc = add_account_as(qtbot, window, fake_server, "irc", "alice", "Libera")
    for i in range(3):
        fake_server.deliver(
            "alice",
            f"nick{i}",
            f"hello {i}",
            sender=f"nick{i}",
            timestamp=T0 + timedelta(minutes=i),
        )
    fake_server.deliver(
        "alice",
        "#chat",
        "alice: ping",
        sender="tim",
        kind=ConversationKind.GROUP,
        mentions_me=True,
        timestamp=T0 + timedelta(minutes=5),
    )
    wait_for(qtbot, lambda: len(window.sidebar_model.conversations_of(irc.id)) == 4)
    dialog = open_inbox(qtbot, window)
    wait_for(qtbot, lambda: dialog.model.rowCount() == 4)
    assert all("IRC, Libera" in s for s in spoken(dialog))
    assert dialog.all_button.accessibleName() == "Mark all activity read"
    dialog.all_button.click()
    wait_for(qtbot, lambda: dialog.model.rowCount() == 0)
    wait_for(qtbot, dialog.empty.isVisible)
    assert not dialog.read_button.isEnabled()
    assert window.sidebar_model.total_unread() == 0
    # Something new arrives while it is open: it shows up.
    fake_server.deliver("alice", "nick9", "still there?", sender="nick9")
    wait_for(qtbot, lambda: dialog.model.rowCount() == 1)
    press(qtbot, Qt.Key.Key_Escape)
    wait_for(qtbot, lambda: window.activity.dialog is None)
