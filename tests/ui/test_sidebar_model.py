"""The sidebar model keeps Qt's model contract, checked by Qt's own model tester, and both of
Qt's ``parent`` overloads: ``parent()`` is the QObject owner, ``parent(child)`` the tree parent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app import events as ev
from app.models import Account, Conversation, ConversationId, ConversationKind
from tests.fakes.fake_backend import FakeServer
from tests.ui.helpers import room, sign_in
from tests.ui.waits import UI_WAIT_MS
from ui.main_window import MainWindow
from ui.models.sidebar_model import SidebarModel, natural_key


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


def _titles(model: SidebarModel) -> list[str]:
    parent = model.index(0, 0)
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def test_rooms_without_activity_follow_in_natural_order_after_the_active_ones(
    qtbot: QtBot,
) -> None:
    model = SidebarModel()
    model.handle_events([ev.AccountsChanged((Account("a", "irc", "Libera"),))])
    names = ["#c30", "#c3", "#c29", "#C4", "#c100", "#b"]
    convs = tuple(Conversation(ConversationId("a", n), ConversationKind.GROUP) for n in names)
    model.handle_events([ev.ConversationsChanged(convs)])
    assert _titles(model) == ["#b", "#c3", "#C4", "#c29", "#c30", "#c100"]

    now = datetime(2026, 1, 1, tzinfo=UTC)
    active = (
        Conversation(ConversationId("a", "#c100"), ConversationKind.GROUP, last_activity=now),
        Conversation(
            ConversationId("a", "#c29"),
            ConversationKind.GROUP,
            last_activity=now + timedelta(minutes=1),
        ),
    )
    model.handle_events([ev.ConversationsChanged(active)])
    assert _titles(model) == ["#c29", "#c100", "#b", "#c3", "#C4", "#c30"]


@pytest.mark.parametrize(
    ("names", "ordered"),
    [
        (["a10", "a2", "a1"], ["a1", "a2", "a10"]),
        (["x", "X1", "x0"], ["x", "x0", "X1"]),
        (["2", "10", "1b", "1a"], ["1a", "1b", "2", "10"]),
    ],
)
def test_natural_key(names: list[str], ordered: list[str]) -> None:
    assert sorted(names, key=natural_key) == ordered
