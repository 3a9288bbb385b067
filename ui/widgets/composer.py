"""Where the user writes: multiline, Enter sends, Shift+Enter breaks the line."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy, QWidget


class Composer(QPlainTextEdit):
    """Signals:

    ``submitted(str)``: the user pressed Enter with some text (already cleared from the box).
    ``escapePressed()``: the user wants to leave the composer.
    """

    submitted = Signal(str)
    escapePressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self.setAccessibleName(self.tr("Message"))
        self.setAccessibleDescription(
            self.tr("Type a message. Enter sends it, Shift+Enter starts a new line.")
        )
        self.setPlaceholderText(self.tr("Write a message…"))
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._fit_height)
        self._fit_height()

    @Slot()
    def _fit_height(self) -> None:
        """Grow with the text from two to eight lines, then scroll."""
        lines = max(2, min(8, int(self.document().size().height())))
        margins = self.contentsMargins().top() + self.contentsMargins().bottom()
        doc_margin = int(self.document().documentMargin() * 2)
        self.setFixedHeight(lines * self.fontMetrics().lineSpacing() + margins + doc_margin + 4)

    def submit(self) -> None:
        text = self.toPlainText()
        if not text.strip():
            return
        self.clear()
        self.submitted.emit(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            else:
                self.submit()
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self.escapePressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)
