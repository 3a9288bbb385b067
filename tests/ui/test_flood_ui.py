"""A flood into the open conversation: the view shows the newest messages without laying out
every line ever received, and nothing is lost — older lines page back in from the store."""

from __future__ import annotations

import itertools
import time
from dataclasses import replace
from datetime import timedelta

from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from app import events as ev
from app.models import ConversationId, MessageId
from tests.fakes.fake_backend import FakeServer
from tests.ui.helpers import T0, open_conv, sign_in, wait_for
from ui.main_window import MainWindow
from ui.models.live_pacer import FLOOD_INTERVAL
from ui.models.message_model import LIVE_ROWS, MAX_WINDOW
from ui.widgets.message_view import SIGHT_MARGIN, MessageView

FLOOD = 1000


def open_bob(qtbot: QtBot, window: MainWindow, fake_server: FakeServer) -> list[int]:
    """Signed in, the conversation with bob open with one line in it; the list that collects
    the model's ``arrived`` counts from now on."""
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "bob", "line -1", sender="bob", timestamp=T0 - timedelta(1))
    conv = ConversationId(account_id, "bob")
    open_conv(qtbot, window, conv, rows=1)
    arrived: list[int] = []
    window.pane.model.arrived.connect(arrived.append)
    return arrived


def flood(server: FakeServer, start: int, count: int) -> None:
    for i in range(start, start + count):
        server.deliver(
            "alice", "bob", f"line {i}", sender="bob", timestamp=T0 + timedelta(seconds=i)
        )


def test_while_following_the_window_keeps_the_newest_and_pages_the_rest_back(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    arrived = open_bob(qtbot, window, fake_server)
    model, view = window.pane.model, window.pane.view
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


def laid_out_at_the_bottom(view: MessageView) -> bool:
    """The view has laid its rows out and shows the newest at the bottom."""
    model, bar = view.model(), view.verticalScrollBar()
    newest = model.index(model.rowCount() - 1, 0)
    return (
        bar.maximum() > 0
        and bar.value() == bar.maximum()
        and view.visualRect(newest).intersects(view.viewport().rect())
    )


def test_following_a_flood_keeps_only_rows_that_fill_the_view_twice(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """Each kept row is asked its size on every relayout: a flood keeps what fills the view
    twice over (with the smallest rows), and a message after the flood goes in as before."""
    arrived = open_bob(qtbot, window, fake_server)
    model, view = window.pane.model, window.pane.view
    flood(fake_server, 0, FLOOD)
    wait_for(qtbot, lambda: sum(arrived) == FLOOD, timeout=20000)
    wait_for(qtbot, lambda: laid_out_at_the_bottom(view))
    kept = model.rowCount()
    assert kept <= view.rows_to_fill(2) < LIVE_ROWS
    assert [m.body for m in model.messages()] == [f"line {i}" for i in range(FLOOD - kept, FLOOD)]
    # Once the flood is over (a second without one), a message goes in and nothing leaves.
    wait_for(qtbot, lambda: not model._pacer.flooding)
    fake_server.deliver(
        "alice", "bob", "after", sender="bob", timestamp=T0 + timedelta(seconds=FLOOD)
    )
    wait_for(qtbot, lambda: model.message(model.rowCount() - 1).body == "after")
    assert model.rowCount() == kept + 1
    wait_for(qtbot, lambda: laid_out_at_the_bottom(view))
    assert view.following


def test_batches_reach_the_view_at_a_bounded_pace(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """Twenty bursts in quick succession: the view gets at most one batch of rows per
    FLOOD_INTERVAL (each batch is a relayout and a repaint), and every line is there in order."""
    arrived = open_bob(qtbot, window, fake_server)
    model, view = window.pane.model, window.pane.view
    inserts: list[float] = []
    model.rowsInserted.connect(lambda *_args: inserts.append(time.monotonic()))
    begin = time.monotonic()
    for burst in range(20):
        flood(fake_server, burst * 5, 5)
        qtbot.wait(10)  # the bursts' own pace (the point of the test), not a wait for a result
    wait_for(qtbot, lambda: sum(arrived) == 100, timeout=20000)
    elapsed = time.monotonic() - begin
    assert len(inserts) <= elapsed / FLOOD_INTERVAL + 2
    assert all(b - a >= FLOOD_INTERVAL * 0.9 for a, b in itertools.pairwise(inserts[1:]))
    wait_for(qtbot, lambda: laid_out_at_the_bottom(view))
    bodies = [m.body for m in model.messages()]
    assert bodies == [f"line {i}" for i in range(100 - len(bodies), 100)]


def test_an_append_lays_out_only_the_new_row(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """Nothing a row draws depends on the rows after it: the row above an append keeps its
    layout (a rich-text document), and no row is laid out at a width the view does not have
    (QListView asks the first row's size without a width, for its scroll step)."""
    account_id = sign_in(qtbot, window, fake_server)
    flood(fake_server, 0, 30)
    conv = ConversationId(account_id, "bob")
    open_conv(qtbot, window, conv, rows=30)
    model, view = window.pane.model, window.pane.view
    wait_for(qtbot, lambda: laid_out_at_the_bottom(view))
    delegate = view.message_delegate
    above = model.message(29).local_id
    before = {key: entry[1] for key, entry in delegate._layouts.items() if key[0] == above}
    assert before
    fake_server.deliver("alice", "bob", "new", sender="bob", timestamp=T0 + timedelta(seconds=30))
    wait_for(qtbot, lambda: model.rowCount() == 31)
    wait_for(qtbot, lambda: laid_out_at_the_bottom(view))
    view.viewport().repaint()
    after = {key: entry[1] for key, entry in delegate._layouts.items() if key[0] == above}
    assert after == before and all(after[key] is before[key] for key in before)
    widths = {key[1] for key in delegate._layouts}
    assert widths == {view.visualRect(model.index(0)).width()}


def test_a_page_of_history_is_laid_out_when_it_comes_into_sight(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """Paging back (history_bench): the 50 rows that go in above what is shown are sized by an
    estimate, not laid out; scrolled to, they are laid out and drawn at their exact size, and
    what was in sight stays in place while the page goes in."""
    account_id = sign_in(qtbot, window, fake_server)
    flood(fake_server, 0, 150)
    conv = ConversationId(account_id, "bob")
    open_conv(qtbot, window, conv, rows=50)
    model, view = window.pane.model, window.pane.view
    wait_for(qtbot, lambda: laid_out_at_the_bottom(view))
    delegate, bar = view.message_delegate, view.verticalScrollBar()
    bar.setValue(bar.minimum())  # the top: the previous page is asked for
    wait_for(qtbot, lambda: model.rowCount() == 100)
    shown = model.index(50)  # the first row before: still in sight (the page went in above)
    wait_for(qtbot, lambda: view.visualRect(shown).intersects(view.viewport().rect()))
    laid_out = {key[0] for key in delegate._layouts}
    # Out of sight: no rich-text layout yet (the page's last rows are: they border what is read).
    page = [model.message(row).local_id for row in range(50 - 2 * SIGHT_MARGIN)]
    assert not laid_out.intersection(page)
    assert set(page) <= delegate.lazy

    target = model.index(20)
    view.scrollTo(target, view.ScrollHint.PositionAtCenter)
    wait_for(qtbot, lambda: view.visualRect(target).intersects(view.viewport().rect()))
    view.viewport().repaint()

    def exact_in_sight() -> bool:
        """In sight now: laid out, and each row exactly that tall (the view settles the rows
        that came into sight on its next turn of the event loop)."""
        for row in range(15, 26):
            index = model.index(row)
            rect = view.visualRect(index)
            if not rect.intersects(view.viewport().rect()):
                continue
            option = QStyleOptionViewItem()
            view.initViewItemOption(option)
            option.rect = rect
            layout = delegate.layout_for(option, index)
            if layout is None or rect.height() != layout.height:
                return False
            if model.message(row).local_id in delegate.lazy:
                return False
        return True

    wait_for(qtbot, exact_in_sight)


def test_a_batch_taller_than_the_view_lays_out_only_its_last_screenful(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """Following the newest messages, the rows of a batch more than a screenful above its last
    are out of sight: sized by estimate, laid out only if scrolled to."""
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "bob", "line -1", sender="bob", timestamp=T0 - timedelta(1))
    conv = ConversationId(account_id, "bob")
    open_conv(qtbot, window, conv, rows=1)
    model, view = window.pane.model, window.pane.view
    wait_for(qtbot, lambda: view.visualRect(model.index(0)).isValid())
    template = model.message(0)
    count = model.flood_rows
    batch = tuple(
        replace(
            template,
            id=MessageId(account_id, f"batch-{i}"),
            body=f"batch line {i}",
            timestamp=T0 + timedelta(seconds=i),
            seq=template.seq + 1 + i,
        )
        for i in range(count)
    )
    window.bridge.events.emit([ev.MessagesAdded(conv, batch, live=True)])
    wait_for(qtbot, lambda: model.message(model.rowCount() - 1).body == f"batch line {count - 1}")
    wait_for(qtbot, lambda: laid_out_at_the_bottom(view))
    view.viewport().repaint()
    laid_out = {key[0] for key in view.message_delegate._layouts}
    screen = view.rows_near_sight()
    # More than a screenful above the last, and than the rows laid out around what is in sight.
    far = [f"batch-{i}" for i in range(count - screen)]
    assert not laid_out.intersection(far)
    assert set(far) <= view.message_delegate.lazy
    assert f"batch-{count - 1}" in laid_out  # the newest is laid out and in sight


def test_a_flood_batch_out_of_time_order_keeps_its_newest_in_time_order(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """A batch of thousands keeps only the newest rows, by time (then store order), whatever
    order the service delivered them in (server-time lets a line come after a newer one)."""
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "bob", "line -1", sender="bob", timestamp=T0 - timedelta(1))
    conv = ConversationId(account_id, "bob")
    open_conv(qtbot, window, conv, rows=1)
    model = window.pane.model
    template = model.message(0)
    count = 3000
    order = [(i * 7919) % count for i in range(count)]  # every second of the batch, shuffled
    batch = tuple(
        replace(
            template,
            id=MessageId(account_id, f"late-{n}"),
            body=f"at {second}",
            timestamp=T0 + timedelta(seconds=second),
            seq=template.seq + 1 + n,
        )
        for n, second in enumerate(order)
    )
    arrived: list[int] = []
    model.arrived.connect(arrived.append)
    window.bridge.events.emit([ev.MessagesAdded(conv, batch, live=True)])
    wait_for(qtbot, lambda: sum(arrived) == count)
    kept = [m.body for m in model.messages()]
    assert kept[-1] == f"at {count - 1}"
    assert kept == [f"at {s}" for s in range(count - len(kept), count)]
