"""The small bar of actions that appears over a message under the mouse (react, reply, edit,
copy text, delete, more), as in Element and Slack.

A pointer convenience only: every action is also in the message's menu (the menu key or
Shift+F10 on the selected message), so the buttons take no keyboard focus and the bar never
steals arrow keys from the list. Which actions show is asked per message (the service and the
message decide), so a button is never offered that would do nothing.

Signals:
    triggered(str, object): an action ("react", "reply", "edit", "copy", "delete", "more") on a
        Message.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from app.models import Message

ACTIONS = ("react", "reply", "edit", "copy", "delete", "more")


def _labels() -> dict[str, tuple[str, str]]:
    """Action → (glyph on the button, accessible name and tooltip)."""
    return {
        "react": ("☺", QCoreApplication.translate("HoverBar", "React")),
        "reply": ("↩", QCoreApplication.translate("HoverBar", "Reply")),
        "edit": ("✎", QCoreApplication.translate("HoverBar", "Edit")),
        "copy": ("❐", QCoreApplication.translate("HoverBar", "Copy text")),
        "delete": ("🗑", QCoreApplication.translate("HoverBar", "Delete for everyone")),
        "more": ("⋯", QCoreApplication.translate("HoverBar", "More actions")),
    }


class HoverBar(QFrame):
    triggered = Signal(str, object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("messageHoverBar")
        self.setAccessibleName(QCoreApplication.translate("HoverBar", "Message actions"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.actions_for: Callable[[Message], tuple[str, ...]] = lambda _msg: ("more",)
        self.message: Message | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        for action, (glyph, name) in _labels().items():
            button = QToolButton(self)
            button.setObjectName(f"hover_{action}")
            button.setText(glyph)
            button.setAccessibleName(name)
            button.setToolTip(name)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoRaise(True)
            button.clicked.connect(self._clicked)
            button.setProperty("action", action)
            layout.addWidget(button)
            self.buttons[action] = button
        self.hide()

    def show_for(self, msg: Message, row: QRect) -> None:
        """Over the top right corner of the message's row (viewport coordinates)."""
        allowed = set(self.actions_for(msg))
        if not allowed:
            self.hide_bar()
            return
        self.message = msg
        for action, button in self.buttons.items():
            button.setVisible(action in allowed)
        self.adjustSize()
        parent = self.parentWidget()
        right = (parent.width() if parent is not None else row.right()) - 6
        top = max(0, row.top() - self.height() // 3)
        self.move(QPoint(right - self.width(), top))
        self.show()
        self.raise_()

    @Slot()
    def hide_bar(self) -> None:
        self.message = None
        self.hide()

    @Slot()
    def _clicked(self) -> None:
        button = self.sender()
        if self.message is None or not isinstance(button, QToolButton):
            return
        self.triggered.emit(str(button.property("action")), self.message)
