"""The left column's two views (conversations, contacts), one shown at a time, chosen with a
pair of toggle buttons above them, Ctrl+1 / Ctrl+2 or the View menu.

Not a QTabWidget: Qt reports a tab bar's current tab as "focused" whether or not the bar has
the focus, so a screen reader heard two objects claim the focus at once (the composer and the
"Conversations" tab). The buttons take no Tab stop (the keys and the menu reach both views, and
Tab goes straight from the conversation to the list's filter).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.page_stack import PageStack


class ViewSwitcher(QWidget):
    """Signals: ``currentChanged(int)``."""

    currentChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = PageStack()  # not a QStackedWidget: see PageStack
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.idClicked.connect(self.setCurrentIndex)
        self.buttons: list[QPushButton] = []
        self._bar = QHBoxLayout()
        self._bar.setContentsMargins(6, 0, 0, 0)
        self._bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._bar)
        layout.addWidget(self.stack, 1)

    def add_view(self, widget: QWidget, label: str, keys: str) -> None:
        """``label`` names the button; ``keys`` ("Ctrl+1") are said in its description."""
        button = QPushButton(label)
        button.setObjectName(f"viewButton{len(self.buttons)}")
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAccessibleName(label)
        button.setToolTip(f"{label} ({keys})")
        button.setAccessibleDescription(keys)
        self.group.addButton(button, len(self.buttons))
        self._bar.insertWidget(len(self.buttons), button)
        self.buttons.append(button)
        self.stack.addWidget(widget)
        self.buttons[self.stack.currentIndex()].setChecked(True)

    def currentIndex(self) -> int:
        return self.stack.currentIndex()

    def setCurrentIndex(self, index: int) -> None:
        if index == self.stack.currentIndex() or not 0 <= index < len(self.buttons):
            return
        self.stack.setCurrentIndex(index)
        self.buttons[index].setChecked(True)
        self.currentChanged.emit(index)
