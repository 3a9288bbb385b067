"""Shown when there is no account yet: says what Chinwag is and offers to add one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class FirstRunPage(QWidget):
    """Signals:

    ``addAccountRequested()``: the user wants to add their first account.
    """

    addAccountRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRun")
        self.setAccessibleName(self.tr("Welcome"))
        title = QLabel(self.tr("Welcome to Chinwag"))
        title.setObjectName("firstRunTitle")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setAccessibleName(self.tr("Welcome to Chinwag"))
        intro = QLabel(
            self.tr(
                "Chat on XMPP, Matrix and IRC from one window. Each account stays separate: "
                "its contacts and conversations are never mixed with another's.\n\n"
                "To begin, add the account you use most. You can add more later."
            )
        )
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro.setAccessibleName(self.tr("Introduction"))
        self.add_button = QPushButton(self.tr("Add a&n account…"))
        self.add_button.setObjectName("firstRunAdd")
        self.add_button.setAccessibleName(self.tr("Add an account"))
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.addAccountRequested)
        # A fixed-width column: a word-wrapped label given only an alignment in a layout gets
        # its one-line height and is cut off.
        column = QWidget()
        column.setMaximumWidth(540)
        column_layout = QVBoxLayout(column)
        column_layout.addWidget(title)
        column_layout.addSpacing(12)
        column_layout.addWidget(intro)
        column_layout.addSpacing(18)
        column_layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 4)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addLayout(row)
        layout.addStretch(3)
