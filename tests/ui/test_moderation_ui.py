"""A room moderator removes someone's message from its menu, by keyboard, with a reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMenu
from pytestqt.qtbot import QtBot

from app.backend import Capability
from app.models import ConversationId
from tests.fakes.fake_backend import FakeServer
from tests.ui.helpers import open_conv, room, sign_in, wait_for
from ui.main_window import MainWindow


def test_a_moderator_removes_a_message_by_keyboard_with_a_reason(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.conversation_caps["#tea"] = Capability.GROUP_CHAT | Capability.MODERATION
    fake_server.conversation_caps["#cafe"] = Capability.GROUP_CHAT
    room(fake_server, "alice", "#tea", [("bob", "buy cheap pills")])
    room(fake_server, "alice", "#cafe", [("bob", "buy cheap pills")])
    open_conv(qtbot, window, ConversationId(account_id, "#cafe"), rows=1)
    model = window.pane.model
    # Not a moderator here: no such entry.
    menu = window.pane.messages.message_menu(model.message(0))
    assert "moderate" not in {a.data() for a in menu.actions()}
    menu.setParent(None)  # type: ignore[call-overload]

    open_conv(qtbot, window, ConversationId(account_id, "#tea"), rows=1)
    rid = model.message(0).remote_id
    view = window.pane.view
    view.setFocus()
    view.setCurrentIndex(model.index(0))
    qtbot.keyClick(view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    wait_for(qtbot, lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert menu.objectName() == "messageMenu"
    assert "moderate" in {a.data() for a in menu.actions()}
    qtbot.keyClick(menu, Qt.Key.Key_M)  # Re&move as moderator…
    wait_for(qtbot, lambda: window.findChild(QInputDialog, "moderateDialog") is not None)
    dialog = window.findChild(QInputDialog, "moderateDialog")
    assert dialog.accessibleName() == "Remove message"
    line = dialog.findChild(QLineEdit)
    wait_for(qtbot, line.hasFocus)
    qtbot.keyClicks(line, "spam")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: ("moderate", ("#tea", rid, "spam")) in fake_server.calls)
    wait_for(qtbot, lambda: model.message(0).retracted)
    assert model.display_body(model.message(0)) == "Removed by alice: spam"
    assert "moderate" not in {
        a.data() for a in window.pane.messages.message_menu(model.message(0)).actions()
    }
