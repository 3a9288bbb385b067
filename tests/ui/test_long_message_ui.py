"""A huge message is stored whole but shown cut, with "Show more" (by mouse or from the message
menu by keyboard); showing all of it and hiding it again changes only that row."""

from __future__ import annotations

from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from app.models import ConversationId
from tests.fakes.fake_backend import FakeServer
from tests.ui.helpers import open_conv, sign_in, text_point, wait_for
from ui.main_window import MainWindow
from ui.widgets.message_view import MAX_SHOWN_CHARS

HUGE = "word " * 40_000  # 200,000 characters


def test_a_huge_body_is_cut_with_show_more_and_expands(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "bob", HUGE, sender="bob")
    fake_server.deliver("alice", "bob", "short one after it", sender="bob")
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=2)
    view, model = window.pane.view, window.pane.model
    assert model.message(0).body == HUGE  # stored and delivered whole
    index = model.index(0)
    wait_for(qtbot, lambda: view.visualRect(index).height() > 0)

    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    layout = view.message_delegate.layout_for(option, index)
    assert layout is not None and layout.document is not None
    text = layout.document.toPlainText()
    more = len(HUGE) - MAX_SHOWN_CHARS
    assert f"Show more ({more} more characters)" in text
    assert len(text) < MAX_SHOWN_CHARS + 100
    cut_height = view.visualRect(index).height()

    # The link is what a click on "Show more" hits.
    at = text_point(layout.document, "Show more")
    kind, _detail = view.message_delegate.hit(option, index, layout.body.topLeft() + at)
    assert kind == "more"

    # By keyboard: the message menu has the same action.
    menu = window.pane.messages.message_menu(model.message(0))
    (toggle,) = [a for a in menu.actions() if a.text() == "Show or hide the whole message"]
    toggle.trigger()
    wait_for(qtbot, lambda: view.visualRect(index).height() > 10 * cut_height)
    toggle.trigger()
    wait_for(qtbot, lambda: view.visualRect(index).height() == cut_height)
    assert not [
        a
        for a in window.pane.messages.message_menu(model.message(1)).actions()
        if "whole" in a.text()
    ]
