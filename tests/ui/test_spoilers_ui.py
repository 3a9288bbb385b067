"""A Matrix spoiler is drawn as a labelled block, and its words are not in the row's document or
its accessible name, until the reader reveals it from the message menu (by keyboard) or by a
click on the block; then they are, and only in that message."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QMenu, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from app.core import PREF_LINK_PREVIEWS
from app.models import ConversationId, LinkPreview
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import run_core
from tests.ui.helpers import open_conv, sign_in, text_point, wait_for
from ui.main_window import MainWindow
from ui.widgets.link_colours import recolour_links
from ui.widgets.message_view import MessageLayout, MessageView

SPOILER = 'Who did it? <span data-mx-spoiler="whodunit">The <b>butler</b></span>, of course.'


def _option(view: MessageView, row: int) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(view.model().index(row, 0))
    return option


def _layout(view: MessageView, row: int) -> MessageLayout:
    layout = view.message_delegate.layout_for(_option(view, row), view.model().index(row, 0))
    assert layout is not None and layout.document is not None
    return layout


def test_a_spoiler_stays_hidden_until_revealed_from_the_menu(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    body = "Who did it? The butler, of course."
    fake_server.deliver("alice", "bob", body, sender="bob", html=SPOILER)
    fake_server.deliver("alice", "bob", body, sender="bob", html=SPOILER)
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=2)
    view, model = window.pane.view, window.pane.model
    wait_for(qtbot, lambda: view.visualRect(model.index(0)).height() > 0)

    for row in (0, 1):
        text = _layout(view, row).document.toPlainText()  # type: ignore[union-attr]
        assert "butler" not in text and "Spoiler: whodunit" in text
        spoken = model.index(row).data(Qt.ItemDataRole.AccessibleTextRole)
        assert "butler" not in spoken and "Spoiler: whodunit" in spoken
    view.grab().save("/tmp/spoilers-hidden.png")

    # A click on the block is a "spoiler" part.
    layout = _layout(view, 0)
    assert layout.document is not None
    at = layout.body.topLeft() + text_point(layout.document, "Spoiler")
    kind, _detail = view.message_delegate.hit(_option(view, 0), model.index(0), at)
    assert kind == "spoiler"

    # By keyboard: the message menu reveals it.
    view.setFocus()
    view.setCurrentIndex(model.index(0))
    qtbot.keyClick(view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    wait_for(qtbot, lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert "Re&veal spoiler" in [a.text() for a in menu.actions()]
    qtbot.keyClick(menu, Qt.Key.Key_V)
    wait_for(qtbot, lambda: "butler" in model.index(0).data(Qt.ItemDataRole.AccessibleTextRole))
    wait_for(qtbot, lambda: "butler" in _layout(view, 0).document.toPlainText())  # type: ignore[union-attr]
    assert "Spoiler" not in _layout(view, 0).document.toPlainText()  # type: ignore[union-attr]
    assert "butler" not in _layout(view, 1).document.toPlainText()  # type: ignore[union-attr]
    assert not [
        a
        for a in window.pane.messages.message_menu(model.message(0)).actions()
        if "spoiler" in a.text()
    ]
    view.viewport().update()
    view.grab().save("/tmp/spoilers-revealed.png")


def test_a_selected_row_keeps_the_spoiler_block_readable(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "bob", "x", sender="bob", html=SPOILER.replace("of course", "see"))
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=1)
    view = window.pane.view
    wait_for(qtbot, lambda: view.visualRect(view.model().index(0, 0)).height() > 0)
    document = _layout(view, 0).document
    assert document is not None
    recolour_links(document, QColor(0, 0, 0))  # what a selection does to the row's links
    cursor = document.find("Spoiler")
    fmt = cursor.charFormat()
    assert fmt.foreground().color() != fmt.background().color()


def test_a_link_in_a_spoiler_is_not_in_the_menu_nor_previewed_until_revealed(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    hidden, other = "https://spoil.example/ending", "https://example.org/tea"
    # (a service that has previews: the fake says so when it knows one)
    fake_server.previews[other] = LinkPreview(other, "Tea")
    account_id = sign_in(qtbot, window, fake_server)
    run_core(qtbot, window.bridge, window.bridge.core.preferences.set(PREF_LINK_PREVIEWS, True))
    fake_server.deliver("alice", "bob", "hello", sender="bob")
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=1)
    rich = f'see <span data-mx-spoiler=""><a href="{hidden}">{hidden}</a></span>'
    fake_server.deliver("alice", "bob", f"see {hidden}", sender="bob", html=rich)
    fake_server.deliver("alice", "bob", f"and {other}", sender="bob")
    wait_for(qtbot, lambda: ("preview", (other,)) in fake_server.calls)
    assert ("preview", (hidden,)) not in fake_server.calls  # asked in order: it was passed by

    model = window.pane.model
    wait_for(qtbot, lambda: model.rowCount() == 3)
    texts = [a.text() for a in window.pane.messages.message_menu(model.message(1)).actions()]
    assert not [t for t in texts if "spoil.example" in t or "chinwag-spoiler" in t]
    assert "spoil.example" not in model.index(1).data(Qt.ItemDataRole.AccessibleTextRole)
    window.pane.messages.reveal_spoiler(model.message(1))
    texts = [a.text() for a in window.pane.messages.message_menu(model.message(1)).actions()]
    assert f"Open link {hidden}" in texts
