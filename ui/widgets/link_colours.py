"""The colour of links in the message view's rows, selected or not.

Qt's HTML parser gives every anchor the application palette's link colour when a document is
made (``setHtml``), not when it is drawn: the paint context's palette never reaches it. So a
selected row drew its links (URLs, mentions, a poll's answers) blue on the selection's blue,
2.3:1 in Fusion's palette. The delegate keeps each row's document and changes its links'
colour here when the row's state asks for another (a selection is one row at a time: rare).

Which colour: :func:`ui.theme.link_colour` (the palette's highlighted text, or black or white
where that does not reach 4.5:1; in high contrast the palette's own pair).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette, QTextDocument

from ui.identity_colors import contrast_ratio


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21)."""
    return contrast_ratio((a.redF(), a.greenF(), a.blueF()), (b.redF(), b.greenF(), b.blueF()))


def parsed_link_rgba() -> int:
    """The colour the HTML parser gave the links of a document made just now."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Link).rgba()


def recolour_links(document: QTextDocument, colour: QColor) -> None:
    """Draw every link (an anchor with an address) of ``document`` in ``colour``, underlined;
    the document is not undone (no undo stack) and its size does not change."""
    # Imported here: touching QTextCharFormat makes its and QTextFormat's enums, 4-5 ms the
    # start need not spend (tests/unit/ui/test_start_enums.py); this runs at a selection.
    from PySide6.QtCore import Qt  # noqa: PLC0415
    from PySide6.QtGui import QTextCharFormat, QTextCursor  # noqa: PLC0415

    no_brush = Qt.BrushStyle.NoBrush

    document.setUndoRedoEnabled(False)
    links: list[tuple[int, int]] = []  # found first: a change splits and merges fragments
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            # (a spoiler's block, the one anchor with a background, keeps its own colours)
            if fmt.isAnchor() and fmt.anchorHref() and fmt.background().style() == no_brush:
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
