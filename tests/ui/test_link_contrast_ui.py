"""Links on a selected row read against the selection: a URL, a mention and a poll's answers
are drawn in a colour with at least 4.5:1 contrast (WCAG AA) to the highlight, underlined; in
high contrast, the palette's own highlighted-text colour. Measured on the grabbed pixels."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import facts as f
from app.models import ConversationId, Poll, PollAnswer
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import save_screenshot
from tests.ui.helpers import T0, open_conv, row_layout, sign_in, wait_for
from ui.main_window import MainWindow
from ui.theme import HIGH_CONTRAST_PROPERTY, link_colour
from ui.widgets.link_colours import contrast

URL = "https://example.org/menu"
MENTION = "Alice Mention"
POLL = Poll("Where do we eat?", (PollAnswer("n", "Noodles"), PollAnswer("t", "Tacos")))


def rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def text_rect(window: MainWindow, row: int, text: str) -> QRect:
    """Where ``text`` is drawn in the row (viewport coordinates)."""
    layout, rect = row_layout(window, row)
    assert layout is not None and layout.document is not None
    cursor = layout.document.find(text)
    assert not cursor.isNull(), f"{text!r} is not drawn"
    block = cursor.block()
    top_left = layout.document.documentLayout().blockBoundingRect(block).topLeft()
    line = block.layout().lineForTextPosition(cursor.selectionStart() - block.position())
    x0 = line.cursorToX(cursor.selectionStart() - block.position())[0]
    x1 = line.cursorToX(cursor.selectionEnd() - block.position())[0]
    at = rect.topLeft() + layout.body_at + top_left.toPoint()
    return QRect(
        at + QPoint(int(x0), int(line.y())), at + QPoint(int(x1), int(line.y() + line.height()))
    )


def ink(image: QImage, rect: QRect, background: QColor) -> QColor:
    """The text's own colour: of the pixels in ``rect``, the one that differs most from the
    background (glyph stems and the underline are covered fully, their edges blend)."""
    best, distance = background, -1
    for y in range(rect.top(), rect.bottom() + 1):
        for x in range(rect.left(), rect.right() + 1):
            c = image.pixelColor(x, y)
            d = sum((a - b) ** 2 for a, b in zip(rgb(c), rgb(background), strict=True))
            if d > distance:
                best, distance = c, d
    return best


@pytest.fixture
def high_contrast(qapp: QApplication) -> Iterator[None]:
    qapp.setProperty(HIGH_CONTRAST_PROPERTY, True)
    yield
    qapp.setProperty(HIGH_CONTRAST_PROPERTY, False)


def show_rows(qtbot: QtBot, window: MainWindow, fake_server: FakeServer) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver(
        "alice", "bob", f"menu at {URL}", timestamp=T0, html=f'menu at <a href="{URL}">{URL}</a>'
    )
    fake_server.deliver(
        "alice",
        "bob",
        f"hi {MENTION}",
        timestamp=T0,
        html=f'hi <a href="https://matrix.to/#/@alice:hs">{MENTION}</a>',
    )
    rid = fake_server.deliver(
        "alice", "bob", "Where do we eat?\n1. Noodles\n2. Tacos", timestamp=T0
    )
    fake_server.report("alice", f.PollStarted("bob", rid, POLL))
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=3)
    wait_for(qtbot, lambda: window.pane.model.message(2).poll is not None)


def contrasts(qtbot: QtBot, window: MainWindow, name: str) -> dict[str, tuple[QColor, float]]:
    """Each link's colour and its contrast to the background of its row, the row selected."""
    view = window.pane.view
    view.setFocus()
    found = {}
    for row, text in ((0, URL), (1, MENTION), (2, "Noodles")):
        view.setCurrentIndex(window.pane.model.index(row))
        wait_for(qtbot, lambda row=row: view.currentIndex().row() == row)
        rect = text_rect(window, row, text)
        image = view.viewport().grab().toImage()
        row_rect = view.visualRect(window.pane.model.index(row))
        background = image.pixelColor(row_rect.right() - 3, row_rect.bottom() - 2)
        assert rgb(background) == rgb(view.palette().color(QPalette.ColorRole.Highlight))
        colour = ink(image, rect, background)
        found[text] = (colour, contrast(colour, background))
        save_screenshot(view.viewport(), f"{name}_{row}")
    return found


@pytest.mark.parametrize("theme", ["system", "dark", "high-contrast"])
def test_links_on_a_selected_row_read_against_the_highlight(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, theme: str
) -> None:
    assert window.theme is not None
    window.theme.apply(theme, 100)
    try:
        show_rows(qtbot, window, fake_server)
        found = contrasts(qtbot, window, f"selected_link_{theme}")
        assert all(ratio >= 4.5 for _colour, ratio in found.values()), found
        view = window.pane.view
        palette = view.palette()
        if theme == "high-contrast":  # the palette's own pair, as it is
            on_it = rgb(palette.color(QPalette.ColorRole.HighlightedText))
            assert all(rgb(colour) == on_it for colour, _ratio in found.values()), found
        # Row 2 is selected now: the URL's row is drawn as before, in the palette's link colour.
        image = view.viewport().grab().toImage()
        row_rect = view.visualRect(window.pane.model.index(0))
        background = image.pixelColor(row_rect.right() - 3, row_rect.bottom() - 2)
        colour = ink(image, text_rect(window, 0, URL), background)
        assert rgb(colour) == rgb(palette.color(QPalette.ColorRole.Link))
    finally:
        window.theme.apply("system", 100)  # leave the app as other tests expect it


def palette_with(highlight: QColor, on_it: QColor) -> QPalette:
    palette = QPalette(QGuiApplication.palette())
    palette.setColor(QPalette.ColorRole.Highlight, highlight)
    palette.setColor(QPalette.ColorRole.HighlightedText, on_it)
    return palette


@pytest.mark.parametrize(
    ("highlight", "on_it", "drawn"),
    [
        (QColor(255, 230, 120), QColor(255, 255, 255), QColor(0, 0, 0)),  # white on yellow: 1.3
        (QColor(40, 40, 90), QColor(90, 90, 140), QColor(255, 255, 255)),
        (QColor(76, 141, 246), QColor(0, 0, 0), QColor(0, 0, 0)),  # our dark theme's: 6.4
        (QColor(48, 140, 198), QColor(255, 255, 255), QColor(0, 0, 0)),  # Fusion's white: 3.7
    ],
)
def test_a_selected_links_colour_reaches_aa_against_the_highlight(
    qapp: QApplication, highlight: QColor, on_it: QColor, drawn: QColor
) -> None:
    colour = link_colour(palette_with(highlight, on_it), selected=True)
    assert rgb(colour) == rgb(drawn)
    assert contrast(colour, highlight) >= 4.5
    unselected = link_colour(palette_with(highlight, on_it), selected=False)
    assert rgb(unselected) == rgb(QGuiApplication.palette().color(QPalette.ColorRole.Link))


def test_in_high_contrast_the_palettes_own_pair_is_kept(high_contrast: None) -> None:
    palette = palette_with(QColor(255, 230, 120), QColor(255, 255, 255))
    assert rgb(link_colour(palette, selected=True)) == (255, 255, 255)
