"""Right to left: under Arabic or Hebrew the window is mirrored (ui.application sets the direction
from the locale; tests/unit/ui/test_translations.py starts the app under ar_EG and he_IL), and text
of both directions is laid out by its own first strong letter, not by the window's direction."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlock
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from app.models import ConversationId, ConversationKind
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import save_screenshot
from tests.ui.helpers import add_account_as, message_face, open_conv, wait_for
from ui.bidi import FSI, PDI
from ui.main_window import MainWindow
from ui.widgets.message_view import MessageLayout, MessageView

ARABIC_THEN_ENGLISH = "مرحبا بالجميع\nSee you on Saturday"
ENGLISH_THEN_ARABIC = "Lovely, Layla! شكرا"


@pytest.fixture
def right_to_left(qapp: QApplication) -> Iterator[None]:
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        yield
    finally:
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def layout_of(view: MessageView, row: int) -> tuple[MessageLayout, int]:
    index = view.model().index(row, 0)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    layout = view.message_delegate.layout_for(option, index)
    assert layout is not None and layout.document is not None
    return layout, option.rect.width()


def blocks(layout: MessageLayout) -> list[QTextBlock]:
    assert layout.document is not None
    found, block = [], layout.document.begin()
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


def open_garden(qtbot: QtBot, window: MainWindow, server: FakeServer) -> ConversationId:
    account = add_account_as(qtbot, window, server, "matrix", "alice", "@alice:example.org")
    for who, name, body in (
        ("layla", "ليلى", ARABIC_THEN_ENGLISH),
        ("bernadette", "Bernadette", ENGLISH_THEN_ARABIC),
    ):
        server.deliver(
            "alice", "#garden", body, sender=who, sender_name=name, kind=ConversationKind.GROUP
        )
    conv = ConversationId(account.id, "#garden")
    open_conv(qtbot, window, conv, rows=2)
    return conv


def test_each_paragraph_of_a_message_takes_its_own_direction(
    qtbot: QtBot, services_window: MainWindow, fake_server: FakeServer
) -> None:
    """In a left-to-right window too: an Arabic line right to left, the English line after it
    left to right (each line its own block, not one block joined by <br>)."""
    open_garden(qtbot, services_window, fake_server)
    layout, _width = layout_of(services_window.pane.view, 0)
    first, second = blocks(layout)
    assert first.text() == "مرحبا بالجميع" and second.text() == "See you on Saturday"
    assert first.textDirection() == Qt.LayoutDirection.RightToLeft
    assert second.textDirection() == Qt.LayoutDirection.LeftToRight
    (mixed,) = blocks(layout_of(services_window.pane.view, 1)[0])
    assert mixed.textDirection() == Qt.LayoutDirection.LeftToRight  # starts in English


def test_the_message_list_is_mirrored_in_a_right_to_left_window(
    qtbot: QtBot, services_window: MainWindow, fake_server: FakeServer, right_to_left: None
) -> None:
    window = services_window
    assert window.isRightToLeft()
    open_garden(qtbot, window, fake_server)
    view = window.pane.view
    layout, width = layout_of(view, 0)
    assert layout.face is not None and layout.header is not None
    # The face at the right edge, the name and the text to its left.
    assert layout.face.left() > width // 2
    assert layout.header.right() < layout.face.left()
    assert layout.body.right() < layout.face.left()
    # ... and painted there (the picture's colour where the mirrored layout says).
    assert message_face(view, 0) is not None
    # Paragraph directions are still the text's own, not the window's.
    first, second = blocks(layout)
    assert first.textDirection() == Qt.LayoutDirection.RightToLeft
    assert second.textDirection() == Qt.LayoutDirection.LeftToRight
    save_screenshot(window, "right-to-left-messages")


def test_the_same_rows_are_not_mirrored_left_to_right(
    qtbot: QtBot, services_window: MainWindow, fake_server: FakeServer
) -> None:
    """The control: the face on the left in a left-to-right window (a cached layout is per
    direction, so switching does not reuse the other's)."""
    open_garden(qtbot, services_window, fake_server)
    layout, width = layout_of(services_window.pane.view, 0)
    assert layout.face is not None and layout.face.right() < width // 2
    assert layout.body.left() > layout.face.right()


def test_names_in_the_sidebar_are_isolated_in_a_right_to_left_window(
    qtbot: QtBot, services_window: MainWindow, fake_server: FakeServer, right_to_left: None
) -> None:
    """ "@alice:example.org" and "#garden" would otherwise show their leading sign at the end
    of the row; isolated, each is laid out by its own first letter."""
    window = services_window
    conv = open_garden(qtbot, window, fake_server)
    model = window.sidebar_model
    option = QStyleOptionViewItem()
    window.sidebar.tree.initViewItemOption(option)
    account_row = window.sidebar.proxy.mapFromSource(model.index(0, 0))
    window.sidebar.delegate.initStyleOption(option, account_row)
    assert option.text.startswith(f"{FSI}@alice:example.org{PDI}")
    option = QStyleOptionViewItem()
    window.sidebar.tree.initViewItemOption(option)
    conv_row = window.sidebar.proxy.mapFromSource(model.conversation_index(conv))
    window.sidebar.delegate.initStyleOption(option, conv_row)
    wait_for(qtbot, lambda: "#garden" in option.text)
    assert option.text == f"{FSI}#garden{PDI}"
