"""A dialog's line for what went wrong: shown next to the fields, readable by keyboard, and
announced to a screen reader the moment it appears (the focus stays where the person was)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class ProblemLabel(QLabel):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(self.tr("Problem"))
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.hide()

    def say(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleDescription(text)
        self.show()
        # imported here: QAccessible's enums are built when the class is first touched (~5 ms)
        from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent  # noqa: PLC0415

        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, text))

    def clear_problem(self) -> None:
        self.clear()
        self.hide()
