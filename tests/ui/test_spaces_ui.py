"""Spaces in the window: the space filter over the conversation list (with unread counts per
space and sub-space), the rooms of a space to join, by keyboard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import facts as f
from app.models import ConversationId, ConversationKind, SpaceHierarchy, SpaceRoom
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import save_screenshot
from tests.ui.helpers import focus, press, sign_in
from tests.ui.helpers import wait_for as wait_for_5s
from ui.main_window import MainWindow


def wait_for(qtbot: QtBot, predicate: Callable[[], object]) -> None:
    wait_for_5s(qtbot, predicate, timeout=20_000)


def visible_conversations(window: MainWindow) -> list[str]:
    tree = window.sidebar.tree
    proxy = tree.model()
    names: list[str] = []
    for arow in range(proxy.rowCount()):
        parent = proxy.index(arow, 0)
        names.extend(str(proxy.index(r, 0, parent).data()) for r in range(proxy.rowCount(parent)))
    return names


def setup(qtbot: QtBot, window: MainWindow, server: FakeServer) -> str:
    account_id = sign_in(qtbot, window, server)
    for room in ("#garden", "#kitchen", "#cellar", "#elsewhere"):
        server.report("alice", f.ConversationUpdated(room, ConversationKind.GROUP, title=room))
    for room, n in (("#garden", 2), ("#cellar", 3), ("#elsewhere", 1)):
        for i in range(n):
            server.deliver("alice", room, f"news {i}", sender="bob", kind=ConversationKind.GROUP)
    # A space that lists itself (the store drops that) and a sub-space.
    home = ("#garden", "#kitchen", "!sub", "!home")
    server.report("alice", f.SpaceUpdated("!home", title="Home", children=home))
    server.report("alice", f.SpaceUpdated("!sub", title="Downstairs", children=("#cellar",)))
    wait_for(qtbot, window.space_filter.isVisible)
    wait_for(qtbot, lambda: window.space_filter.combo.count() == 3)
    return account_id


def test_the_space_filter_shows_a_space_and_its_unread(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = setup(qtbot, window, fake_server)
    combo = window.space_filter.combo
    wait_for(qtbot, lambda: combo.itemText(1) == "Home — 5 unread")
    assert combo.itemText(2) == "    Downstairs — 3 unread"
    assert combo.accessibleName() == "Space"
    assert "#elsewhere" in visible_conversations(window)

    combo.setFocus()
    press(qtbot, Qt.Key.Key_Down)  # keyboard: the first space
    wait_for(qtbot, lambda: window.space_filter.current == ConversationId(account_id, "!home"))
    assert sorted(visible_conversations(window)) == ["#cellar", "#garden", "#kitchen"]
    save_screenshot(window, "space-filter")
    press(qtbot, Qt.Key.Key_Down)  # the sub-space: only its room
    wait_for(qtbot, lambda: visible_conversations(window) == ["#cellar"])
    press(qtbot, Qt.Key.Key_Home)  # all conversations again
    wait_for(qtbot, lambda: len(visible_conversations(window)) == 4)

    # A message in a space's room raises its count.
    fake_server.deliver("alice", "#kitchen", "kettle", sender="bob", kind=ConversationKind.GROUP)
    wait_for(qtbot, lambda: combo.itemText(1) == "Home — 6 unread")


def test_the_rooms_of_a_space_to_join(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    setup(qtbot, window, fake_server)
    fake_server.hierarchies["!home"] = SpaceHierarchy(
        "!home",
        (
            SpaceRoom("#garden", "#garden", "Garden", members=4, joined=True, parent="!home"),
            SpaceRoom("!sub", "!sub", "Downstairs", is_space=True, parent="!home"),
            SpaceRoom("#wine", "#wine?via=x", "Wine", "Reds only", 2, parent="!sub"),
        ),
        complete=False,
    )
    window.space_filter.combo.setCurrentIndex(1)
    window.space_filter.explore.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    wait_for(qtbot, lambda: window.last_dialog is not None and window.last_dialog.isVisible())
    dialog = window.last_dialog
    rooms = dialog.list  # type: ignore[attr-defined]
    wait_for(qtbot, lambda: rooms.count() == 3)
    lines = [rooms.item(r).text() for r in range(3)]
    assert lines == ["Garden — joined", "Downstairs (space)", "    Wine"]
    spoken = rooms.item(2).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "Wine, 2 members, not joined: Reds only"
    assert "first 3" in dialog.status.text()  # type: ignore[attr-defined]
    save_screenshot(dialog, "space-rooms")
    dialog.activateWindow()  # (no window manager offscreen to activate it)
    wait_for(qtbot, lambda: focus(qtbot) is rooms)  # the list has the focus once loaded
    press(qtbot, Qt.Key.Key_End)
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: ("join", ("#wine?via=x", "")) in fake_server.calls)
    wait_for(qtbot, lambda: "You joined Wine." in dialog.status.text())  # type: ignore[attr-defined]


def test_spaces_that_list_each_other_are_walked_once(qtbot: QtBot) -> None:
    from app import events as ev
    from app.models import Space
    from ui.models.sidebar_model import SidebarModel
    from ui.models.space_model import MAX_NODES, SpaceTree

    sidebar = SidebarModel()
    tree = SpaceTree(sidebar)
    acct = "a"
    a, b = ConversationId(acct, "!a"), ConversationId(acct, "!b")
    many = tuple(f"!r{n}" for n in range(MAX_NODES * 2))
    tree.handle_events(
        [
            ev.SpacesChanged(
                acct, (Space(a, "A", children=("!b", "#x")), Space(b, "B", children=("!a", *many)))
            )
        ]
    )
    tree.handle_events([ev.AccountsChanged(())])  # (entries are listed per known account)
    for space in (a, b):  # each holds the other's rooms, and a walk stops at its bound
        rooms = tree.rooms(space)
        assert ConversationId(acct, "!r0") in rooms and len(rooms) < MAX_NODES
    assert ConversationId(acct, "#x") in tree.rooms(b)
    assert tree.unread(a) == (0, 0)
