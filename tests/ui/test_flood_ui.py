"""A flood into the open conversation: the view shows the newest messages without laying out
every line ever received, and nothing is lost — older lines page back in from the store."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from app.models import ConversationId
from tests.fakes.fake_backend import FakeServer
from tests.ui.helpers import T0, open_conv, sign_in, wait_for
from ui.main_window import MainWindow
from ui.models.message_model import LIVE_ROWS, MAX_WINDOW

FLOOD = 1000


def flood(server: FakeServer, start: int, count: int) -> None:
    for i in range(start, start + count):
        server.deliver(
            "alice", "bob", f"line {i}", sender="bob", timestamp=T0 + timedelta(seconds=i)
        )


def test_while_following_the_window_keeps_the_newest_and_pages_the_rest_back(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "bob", "line -1", sender="bob", timestamp=T0 - timedelta(1))
    conv = ConversationId(account_id, "bob")
    open_conv(qtbot, window, conv, rows=1)
    model, view = window.pane.model, window.pane.view
    arrived: list[int] = []
    model.arrived.connect(arrived.append)
    flood(fake_server, 0, FLOOD)

    wait_for(qtbot, lambda: sum(arrived) == FLOOD, timeout=20000)
    assert model.rowCount() <= LIVE_ROWS  # never every line: one screenful or so is laid out
    assert model.message(model.rowCount() - 1).body == f"line {FLOOD - 1}"
    assert [m.body for m in model.messages()] == [
        f"line {i}" for i in range(FLOOD - model.rowCount(), FLOOD)
    ]
    bar = view.verticalScrollBar()
    newest = model.index(model.rowCount() - 1)
    # Laid out (the view does it on its next turn of the event loop) and still following the
    # newest: the last row is in sight at the bottom.
    wait_for(
        qtbot,
        lambda: (
            bar.maximum() > 0
            and bar.value() == bar.maximum()
            and view.visualRect(newest).intersects(view.viewport().rect())
        ),
    )
    assert view.following

    # Scrolling to the top brings the lines that left the window back, in order.
    first = model.message(0).body
    before = int(first.split()[1]) - 1
    bar.setValue(bar.minimum())
    wait_for(qtbot, lambda: model.message(0).body != first)
    bodies = [m.body for m in model.messages()]
    assert bodies.index(first) > 0
    assert bodies[bodies.index(first) - 1] == f"line {before}"


def test_a_flood_leaves_no_layouts_of_rows_that_left_the_window(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """Each layout holds a QTextDocument: those of trimmed rows must go (memory after a flood)."""
    account_id = sign_in(qtbot, window, fake_server)
    conv = ConversationId(account_id, "bob")
    fake_server.deliver("alice", "bob", "line -1", sender="bob", timestamp=T0 - timedelta(1))
    open_conv(qtbot, window, conv, rows=1)
    model, view = window.pane.model, window.pane.view
    arrived: list[int] = []
    model.arrived.connect(arrived.append)
    for start in range(0, FLOOD, 100):  # in bursts, so rows are laid out and then trimmed
        flood(fake_server, start, 100)
        wait_for(qtbot, lambda start=start: sum(arrived) == start + 100, timeout=20000)
        qtbot.wait_until(
            lambda: view.verticalScrollBar().value() == view.verticalScrollBar().maximum()
        )
        # and the newest row is in sight (laid out: rows come in batches at a bounded pace, and
        # the view lays them out on its next turn of the event loop)
        newest = model.index(model.rowCount() - 1)
        qtbot.wait_until(
            lambda newest=newest: view.visualRect(newest).intersects(view.viewport().rect())
        )
    laid_out = {key[0] for key in view.message_delegate._layouts}
    assert laid_out  # the rows on screen were laid out
    assert all(model.row_of(local_id) >= 0 for local_id in laid_out)
    assert len(view.message_delegate._layouts) <= 2 * model.rowCount()  # a width or two each


def test_reading_further_up_during_a_flood_stops_the_window_from_growing(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    flood(fake_server, 0, 120)
    conv = ConversationId(account_id, "bob")
    wait_for(
        qtbot,
        lambda: (
            (c := window.sidebar_model.conversation(conv)) is not None and c.unread_count == 120
        ),
    )
    open_conv(qtbot, window, conv, rows=50)
    model, view, pane = window.pane.model, window.pane.view, window.pane
    bar = view.verticalScrollBar()
    wait_for(qtbot, lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)  # the user reads further up
    assert not view.following and not model.follow_live
    arrived: list[int] = []
    model.arrived.connect(arrived.append)
    flood(fake_server, 120, MAX_WINDOW - 20)
    wait_for(qtbot, lambda: sum(arrived) == MAX_WINDOW - 20)
    assert not model.at_latest  # full already: the window stopped growing
    # The rest in a batch of its own after the window filled: it is counted all the same.
    flood(fake_server, 120 + MAX_WINDOW - 20, 20)

    wait_for(qtbot, lambda: sum(arrived) == MAX_WINDOW, timeout=30000)
    assert model.rowCount() <= MAX_WINDOW
    assert not model.at_latest  # the newest wait for the user to come back down
    wait_for(qtbot, pane.jump_button.isVisible)
    pane.jump_to_latest()
    last = f"line {120 + MAX_WINDOW - 1}"
    wait_for(qtbot, lambda: model.rowCount() and model.message(model.rowCount() - 1).body == last)
    assert model.at_latest
