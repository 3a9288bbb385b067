"""Paging through history: a page goes in above what is read without moving it; each row's
size is answered from a cache that follows every change of what the row draws
(history_bench's figures, issue 16)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from app import events as ev
from app.models import ConversationId
from tests.fakes.fake_backend import FakeServer
from tests.ui.helpers import open_conv, sign_in, wait_for
from tests.ui.test_flood_ui import flood, laid_out_at_the_bottom
from ui.main_window import MainWindow
from ui.models.message_model import HISTORY_ROWS, PAGE_SIZE, MessageListModel
from ui.widgets import message_view
from ui.widgets.message_view import SIGHT_MARGIN, MessageView


def open_history(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, count: int = 150
) -> tuple[ConversationId, MessageView]:
    account_id = sign_in(qtbot, window, fake_server)
    flood(fake_server, 0, count)
    conv = ConversationId(account_id, "bob")
    # The newest line in: under load the flood's last messages may still be on their way
    # when the first page is read (then they follow it as new rows).
    open_conv(qtbot, window, conv)
    model = window.pane.model
    wait_for(qtbot, lambda: model.rowCount() and model.message(-1).body == f"line {count - 1}")
    view = window.pane.view
    wait_for(qtbot, lambda: laid_out_at_the_bottom(view))
    return conv, view


def in_sight(view: MessageView, row: int) -> bool:
    return view.visualRect(view.model().index(row, 0)).intersects(view.viewport().rect())


def model_of(view: MessageView) -> MessageListModel:
    model = view.model()
    assert isinstance(model, MessageListModel)
    return model


def test_a_page_goes_in_above_without_moving_what_is_read(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    _conv, view = open_history(qtbot, window, fake_server)
    model, bar = model_of(view), view.verticalScrollBar()
    delegate = view.message_delegate
    bar.setValue(bar.minimum() + 1)  # near the top, what is in sight laid out (settled)
    wait_for(qtbot, lambda: not {model.message(r).local_id for r in range(20)} & delegate.lazy)
    bar.setValue(bar.minimum())  # the top: the previous page is asked for
    read_id = model.message(2).local_id  # a row read near the top of the first page
    top_before = view.visualRect(model.index(2, 0)).top()

    wait_for(qtbot, lambda: model.rowCount() == 100)
    row = model.row_of(read_id)
    assert row == 52

    def settled() -> bool:
        """Rows around what is read laid out exactly (on the view's next turn)."""
        rows = range(row - SIGHT_MARGIN, row + SIGHT_MARGIN)
        return not {model.message(r).local_id for r in rows} & delegate.lazy

    wait_for(qtbot, settled)
    # The row read is where it was: the page is placed by it, not by its distance from the
    # bottom (a row below laid out meanwhile, an estimate made exact, moved it by the
    # estimate's error).
    assert view.visualRect(model.index(row, 0)).top() == top_before
    # The rows of the page far above are still estimates: not laid out.
    far = {model.message(r).local_id for r in range(30)}
    assert far <= delegate.lazy
    assert not far & {key[0] for key in delegate._layouts}


def test_the_cached_sizes_follow_an_edit_and_a_font_change(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    conv, view = open_history(qtbot, window, fake_server)
    model = model_of(view)
    last = model.rowCount() - 1
    index = model.index(last, 0)
    height = view.visualRect(index).height()
    msg = model.message(last)
    longer = replace(msg, body="\n".join(f"edited line {i}" for i in range(6)), edited=True)
    window.bridge.events.emit([ev.MessagesUpdated(conv, (longer,))])
    wait_for(qtbot, lambda: view.visualRect(model.index(last, 0)).height() > height + 40)

    taller = view.visualRect(model.index(last, 0)).height()
    font = QFont(view.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    view.setFont(font)
    wait_for(qtbot, lambda: view.visualRect(model.index(last, 0)).height() > taller + 20)


def test_read_far_back_the_newest_rows_leave_and_page_in_again(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """QListView asks every loaded row its size after each page: read far back, the window
    keeps HISTORY_ROWS and the newest leave at the bottom, then come back, all and in order,
    on scrolling down."""
    _conv, view = open_history(qtbot, window, fake_server, count=400)
    model, bar = model_of(view), view.verticalScrollBar()

    def bodies() -> list[str]:
        return [m.body for m in model.messages()]

    for _page in range(HISTORY_ROWS // PAGE_SIZE + 1):
        first = model.message(0).local_id
        bar.setValue(bar.minimum())
        wait_for(qtbot, lambda first=first: model.message(0).local_id != first)
    wait_for(qtbot, lambda: not model.at_latest and model.rowCount() == HISTORY_ROWS)
    assert "line 399" not in bodies()
    start = int(bodies()[0].split()[1])
    assert bodies() == [f"line {i}" for i in range(start, start + HISTORY_ROWS)]

    while not model.at_latest:  # scrolled down: they page in again
        count = model.rowCount()
        bar.setValue(bar.maximum())
        wait_for(qtbot, lambda count=count: model.rowCount() > count or model.at_latest)
    assert bodies() == [f"line {i}" for i in range(start, 400)]


def test_the_first_page_lays_out_only_what_can_be_in_sight(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """Opened at its newest row, the first page lays out the rows that fill the view from the
    newest up (and a margin above them); the rest are estimates until scrolled to."""
    _conv, view = open_history(qtbot, window, fake_server)
    model, delegate, bar = model_of(view), view.message_delegate, view.verticalScrollBar()
    shown = [r for r in range(model.rowCount()) if in_sight(view, r)]
    assert shown and shown[-1] == model.rowCount() - 1
    assert not {model.message(r).local_id for r in shown} & delegate.lazy
    # Rows more than the margin above what is in sight are estimates (one row of slack: the
    # window may settle a little taller after the page came).
    estimated = shown[0] - SIGHT_MARGIN - 1
    assert 0 < estimated <= model.rowCount() - view.rows_to_fill(1) - SIGHT_MARGIN
    laid = {key[0] for key in delegate._layouts}
    far = {model.message(r).local_id for r in range(estimated)}
    assert far <= delegate.lazy
    assert not far & laid

    bar.setValue(bar.minimum() + 1)  # scrolled up: what comes into sight is laid out

    def sight_laid_out() -> bool:
        shown = [r for r in range(model.rowCount()) if in_sight(view, r)]
        return bool(shown) and not {model.message(r).local_id for r in shown} & delegate.lazy

    wait_for(qtbot, sight_laid_out)
    assert any(in_sight(view, r) for r in range(estimated))


def test_read_far_back_the_page_and_the_trim_are_laid_out_together(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """Past HISTORY_ROWS the newest rows leave before QListView places the page, so that one
    relayout of every loaded row places both (their own relayout on the next turn cost one
    more per page), and what is read does not move."""
    _conv, view = open_history(qtbot, window, fake_server, count=400)
    model, bar = model_of(view), view.verticalScrollBar()
    delegate = view.message_delegate
    placed_at_trim: list[bool] = []

    def leaving(*_: object) -> None:
        # QListView's layout asks every row its size (and the first row alone, at other
        # times, for the scroll bar's step): the page's second row has none before it.
        placed_at_trim.append(model.message(1).local_id in delegate._hints)

    model.rowsAboutToBeRemoved.connect(leaving)
    for _page in range(HISTORY_ROWS // PAGE_SIZE + 1):
        bar.setValue(bar.minimum() + 1)  # near the top, what is in sight laid out (settled)
        wait_for(qtbot, lambda: not {model.message(r).local_id for r in range(20)} & delegate.lazy)
        first = model.message(0).local_id
        bar.setValue(bar.minimum())  # the top: the previous page is asked for
        read_id = model.message(2).local_id
        top_before = view.visualRect(model.index(2, 0)).top()
        wait_for(qtbot, lambda first=first: model.message(0).local_id != first)
        row = model.row_of(read_id)
        assert row == 2 + PAGE_SIZE

        def settled(row: int = row) -> bool:
            rows = range(row - SIGHT_MARGIN, row + SIGHT_MARGIN)
            return not {model.message(r).local_id for r in rows} & delegate.lazy

        wait_for(qtbot, settled)
        assert view.visualRect(model.index(row, 0)).top() == top_before
        wait_for(qtbot, lambda: model.rowCount() <= HISTORY_ROWS or bool(placed_at_trim))
    assert placed_at_trim and not any(placed_at_trim), placed_at_trim
    assert model.rowCount() == HISTORY_ROWS and not model.at_latest


def test_the_loading_line_lies_over_the_view_which_keeps_its_size(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """The "loading older messages" line comes and goes with every page. Above the view it made
    the view 20 px shorter, then taller, and QListView laid out every loaded row on each change;
    over the view's top rows, the view keeps its size and every row its layout."""
    _conv, view = open_history(qtbot, window, fake_server)
    delegate, line = view.message_delegate, window.pane.loading_label
    laid = {key: layout for key, (_view, layout) in delegate._layouts.items()}
    assert laid
    size, viewport = view.size(), view.viewport().geometry()
    model = window.pane.model
    model.loadingChanged.emit(True)  # as when a page is asked
    wait_for(qtbot, lambda: line.isVisibleTo(window))
    assert view.size() == size and view.viewport().geometry() == viewport
    # Over the top of the rows, as wide as they are.
    assert line.parentWidget() is view
    assert line.geometry().top() == viewport.top() and line.width() == viewport.width()
    assert 0 < line.height() < viewport.height() // 4
    model.loadingChanged.emit(False)  # as when it came
    wait_for(qtbot, lambda: not line.isVisibleTo(window))
    assert view.size() == size
    kept = {key: layout for key, (_view, layout) in delegate._layouts.items()}
    assert all(kept.get(key) is layout for key, layout in laid.items())
    assert laid_out_at_the_bottom(view)
    model.loadingChanged.emit(True)
    window.resize(window.width() + 40, window.height())  # shown, it follows the view's width
    wait_for(qtbot, lambda: line.width() == view.viewport().width() != viewport.width())


def test_read_far_back_the_current_message_does_not_leave(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """The newest rows stay while the current (selected) message is among them: Qt would move
    the current row to the last one kept and scroll there, away from what is read, and a
    screen reader would announce a message the reader never chose."""
    _conv, view = open_history(qtbot, window, fake_server, count=400)
    model, bar = model_of(view), view.verticalScrollBar()
    view.setCurrentIndex(model.index(model.rowCount() - 1, 0))
    current = model.message(-1).local_id
    for _page in range(HISTORY_ROWS // PAGE_SIZE + 1):
        first = model.message(0).local_id
        bar.setValue(bar.minimum())
        wait_for(qtbot, lambda first=first: model.message(0).local_id != first)
    assert model.rowCount() > HISTORY_ROWS
    assert model.message(view.currentIndex().row()).local_id == current
    assert bar.value() < bar.maximum() // 2  # still far back, where the reader is


def test_read_far_back_a_tall_view_keeps_a_page_below_what_is_in_sight(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rows kept read far back are HISTORY_ROWS, or more in a view showing so many rows
    that fewer would not leave a page below them: the newest rows still leave (a fixed bound
    kept every row loaded in such a view, and each page cost more than the last)."""
    monkeypatch.setattr(message_view, "HISTORY_ROWS", 60)  # the test's view shows ~20 rows
    _conv, view = open_history(qtbot, window, fake_server, count=400)
    model, bar = model_of(view), view.verticalScrollBar()
    for _page in range(5):
        # No current row (focus may have made one): the rows below it stay, by design.
        view.setCurrentIndex(QModelIndex())
        first = model.message(0).local_id
        bar.setValue(bar.minimum() + 1)  # (a move to the top even if the bar is there)
        bar.setValue(bar.minimum())
        wait_for(qtbot, lambda first=first: model.message(0).local_id != first)
        wait_for(qtbot, lambda: not model.loading)
    wait_for(qtbot, lambda: not model.at_latest)  # the newest left
    bottom = view.indexAt(QPoint(8, view.viewport().rect().bottom())).row()
    assert 60 < model.rowCount() < 5 * PAGE_SIZE
    assert model.rowCount() - 1 - bottom >= PAGE_SIZE


def test_the_pages_a_reader_asks_are_not_held_for_the_bridge_frame(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Older and newer pages are asked ``at_once``: the bridge delivers them as they come, not
    at the end of its 16 ms frame (the reader waits for them)."""
    _conv, view = open_history(qtbot, window, fake_server, count=400)
    model, bar, bridge = model_of(view), view.verticalScrollBar(), window.bridge
    asked: dict[str, list[bool]] = {}
    call = bridge.call

    def recording(coro: Any, on_done: Any = None, *, at_once: bool = False) -> Any:
        asked.setdefault(coro.__name__, []).append(at_once)
        return call(coro, on_done, at_once=at_once)

    monkeypatch.setattr(bridge, "call", recording)
    while model.at_latest:  # read far back until the newest rows leave
        view.setCurrentIndex(QModelIndex())  # (the rows below a current row stay)
        first = model.message(0).local_id
        bar.setValue(bar.minimum() + 1)  # (a move to the top even if the bar is there)
        bar.setValue(bar.minimum())
        wait_for(qtbot, lambda first=first: model.message(0).local_id != first)
    count = model.rowCount()
    bar.setValue(bar.maximum())  # then down again: a newer page
    wait_for(qtbot, lambda: model.rowCount() > count)
    assert asked["fetch_page"] and all(asked["fetch_page"])
    assert asked["fetch_newer"] and all(asked["fetch_newer"])
