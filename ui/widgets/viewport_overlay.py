"""A line of text laid over the top of a list's rows, such as "Loading older messages…".

Shown in the pane's layout above the message view, the line made the view 20 px shorter when a
page of history was asked and taller again when it came: QListView laid out every loaded row on
each of those height changes, two relayouts per page in the window (docs/performance.md,
branches view4 and history5). Over the viewport, the view keeps its size. The line lets clicks
through to the rows under it, and keeps its accessible name (it is a label shown and hidden, as
before).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QLabel


class ViewportOverlay(QLabel):
    """A label over the top edge of ``area``'s viewport, as wide as it, following its size."""

    def __init__(self, text: str, area: QAbstractScrollArea) -> None:
        super().__init__(text, area)
        self._area = area
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMargin(2)
        self.setAutoFillBackground(True)  # readable over the rows under it
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        # The viewport's own resize (the area's comes before the viewport is placed anew).
        area.viewport().installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def setVisible(self, visible: bool) -> None:
        if visible:
            self._place()
            self.raise_()
        super().setVisible(visible)

    def _place(self) -> None:
        viewport = self._area.viewport().geometry()
        self.setGeometry(
            viewport.left(), viewport.top(), viewport.width(), self.sizeHint().height()
        )
