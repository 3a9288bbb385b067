"""The sidebar model keeps Qt's model contract, checked by Qt's own model tester, and both of
Qt's ``parent`` overloads: ``parent()`` is the QObject owner, ``parent(child)`` the tree parent."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.models import ConversationId
from tests.fakes.fake_backend import FakeServer
from tests.ui.helpers import room, sign_in
from tests.ui.waits import UI_WAIT_MS
from ui.main_window import MainWindow


def test_the_sidebar_model_passes_the_qt_model_tester_and_has_both_parents(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, qtmodeltester: ModelTester
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    room(fake_server, "alice", "#plants", [("bob", "hello")])
    room(fake_server, "alice", "#tea", [("carol", "hi")])
    model = window.sidebar_model
    conv = ConversationId(account_id, "#tea")
    qtbot.waitUntil(lambda: model.conversation_index(conv).isValid(), timeout=UI_WAIT_MS)

    qtmodeltester.check(model)

    assert model.parent() is window
    child = model.conversation_index(conv)
    account = model.parent(child)
    assert account.isValid() and account == model.index(account.row(), 0)
    assert child == model.index(child.row(), 0, account)
    assert not model.parent(account).isValid()
