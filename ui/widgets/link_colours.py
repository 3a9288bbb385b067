"""The colour of links in the message view's rows, selected or not.

Qt's HTML parser gives every anchor the application palette's link colour when a document is
made (``setHtml``), not when it is drawn: the paint context's palette never reaches it. So a
selected row drew its links (URLs, mentions, a poll's answers) blue on the selection's blue,
2.9:1 in Fusion's palette. The delegate keeps each row's document and changes its links'
colour here when the row's state asks for another (a selection is one row at a time: rare).

Selected, links take the palette's highlighted-text colour, underlined, so they still read as
links without colour. Where that colour does not reach :data:`MIN_CONTRAST` against the
highlight, black or white (whichever reads better) does; in high contrast the palette's own
pair is used as it is (the system's choice, never second-guessed).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette, QTextDocument

from ui.identity_colors import contrast_ratio
from ui.theme import is_high_contrast

MIN_CONTRAST = 4.5  # WCAG 2 AA for normal text
BLACK = QColor(0, 0, 0)
WHITE = QColor(255, 255, 255)


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21)."""
    return contrast_ratio((a.redF(), a.greenF(), a.blueF()), (b.redF(), b.greenF(), b.blueF()))


def link_colour(palette: QPalette, selected: bool) -> QColor:
    """The colour a row's links are drawn in."""
    if not selected:
        return palette.color(QPalette.ColorRole.Link)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    text = palette.color(QPalette.ColorRole.HighlightedText)
    if is_high_contrast(palette) or contrast(text, highlight) >= MIN_CONTRAST:
        return text
    on_black = contrast(BLACK, highlight)
    on_white = contrast(WHITE, highlight)
    return BLACK if on_black >= on_white else WHITE


def parsed_link_rgba() -> int:
    """The colour the HTML parser gave the links of a document made just now."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Link).rgba()


def recolour_links(document: QTextDocument, colour: QColor) -> None:
    """Draw every link (an anchor with an address) of ``document`` in ``colour``, underlined;
    the document is not undone (no undo stack) and its size does not change."""
    # Imported here: touching QTextCharFormat makes its and QTextFormat's enums, 4-5 ms the
    # start need not spend (tests/unit/ui/test_start_enums.py); this runs at a selection.
    from PySide6.QtGui import QTextCharFormat, QTextCursor  # noqa: PLC0415

    document.setUndoRedoEnabled(False)
    links: list[tuple[int, int]] = []  # found first: a change splits and merges fragments
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isAnchor() and fmt.anchorHref():
                links.append((fragment.position(), fragment.position() + fragment.length()))
            it += 1
        block = block.next()
    tone = QTextCharFormat()
    tone.setForeground(colour)
    tone.setFontUnderline(True)
    cursor = QTextCursor(document)
    for start, end in links:
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(tone)
