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


def test_a_message_repaints_its_own_row_not_the_whole_account(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """A flood updates one room's unread count per message: only that row is announced."""
    account_id = sign_in(qtbot, window, fake_server)
    names = ["#a", "#b", "#c", "#d"]
    for name in names:
        room(fake_server, "alice", name, [("bob", f"hello {name}")])
    model = window.sidebar_model
    convs = [ConversationId(account_id, n) for n in names]
    qtbot.waitUntil(lambda: all(model.conversation_index(c).isValid() for c in convs), timeout=5000)
    newest = ConversationId(account_id, "#d")  # the most recent: it stays first when sorted
    changed: list[tuple[int, int, bool]] = []
    model.dataChanged.connect(
        lambda top, bottom, _roles=(): changed.append(
            (top.row(), bottom.row(), top.parent().isValid())
        )
    )
    room(fake_server, "alice", "#d", [("bob", "again")])
    qtbot.waitUntil(lambda: model.conversation(newest).unread_count == 2, timeout=5000)
    row = model.conversation_index(newest).row()
    conversation_rows = [(top, bottom) for top, bottom, child in changed if child]
    assert conversation_rows and all(r == (row, row) for r in conversation_rows)


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


def test_an_accounts_first_fill_is_one_insert_in_order_and_later_rooms_one_row_each(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    """At start the core lists hundreds of rooms at once: they arrive as one insert (each insert
    runs the proxy's filter and the sidebar's slots in Python), sorted as row by row would."""
    model = SidebarModel()
    model.handle_events([ev.AccountsChanged((Account("a", "irc", "Libera"),))])
    qtmodeltester.check(model)
    inserts: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserts.append((first, last)))
    now = datetime(2026, 1, 1, tzinfo=UTC)
    convs = tuple(
        Conversation(
            ConversationId("a", f"#r{i}"),
            ConversationKind.GROUP,
            last_activity=now + timedelta(minutes=i) if i % 7 == 0 else None,
        )
        for i in range(300, 0, -1)
    )
    model.handle_events([ev.ConversationsChanged(convs)])

    assert inserts == [(0, 299)]
    active = sorted((i for i in range(1, 301) if i % 7 == 0), reverse=True)
    idle = [i for i in range(1, 301) if i % 7]
    assert _titles(model) == [f"#r{i}" for i in active + idle]

    inserts.clear()
    model.handle_events(
        [
            ev.ConversationsChanged(
                (Conversation(ConversationId("a", "#r1b"), ConversationKind.GROUP),)
            )
        ]
    )
    assert inserts == [(len(active) + 1, len(active) + 1)]  # right after #r1, no reorder
    assert _titles(model)[len(active) : len(active) + 3] == ["#r1", "#r1b", "#r2"]
