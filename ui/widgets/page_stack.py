"""Pages shown one at a time, that a screen reader passes over in silence.

QStackedWidget reaches AT-SPI as a "layered pane", which Orca names (with or without a name)
each time the focus comes back into the window; a plain widget is a "filler", which it skips.
Hidden pages are not "showing", so they are out of the reader's way too.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget


class PageStack(QWidget):
    """The part of QStackedWidget's API the window uses: addWidget, setCurrentIndex,
    currentIndex, currentWidget, widget."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages: list[QWidget] = []
        self._current = -1
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def addWidget(self, page: QWidget) -> int:
        self._pages.append(page)
        self._layout.addWidget(page)
        if self._current < 0:
            self._current = 0
        else:
            page.hide()
        return len(self._pages) - 1

    def currentIndex(self) -> int:
        return self._current

    def widget(self, index: int) -> QWidget | None:
        return self._pages[index] if 0 <= index < len(self._pages) else None

    def currentWidget(self) -> QWidget | None:
        return self._pages[self._current] if 0 <= self._current < len(self._pages) else None

    def setCurrentIndex(self, index: int) -> None:
        if not 0 <= index < len(self._pages) or index == self._current:
            return
        self._pages[index].show()
        if 0 <= self._current < len(self._pages):
            self._pages[self._current].hide()
        self._current = index
