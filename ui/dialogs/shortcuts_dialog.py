"""F1: the keys of the window, in one list a screen reader reads item by item.

The hints that used to sit in the composer's and the message list's descriptions live here: a
screen reader reads a description every time the focus comes back, which soon wears one out.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListView, QVBoxLayout, QWidget

from ui.a11y.widgets import ListFocus, name


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        title = self.tr("Keyboard shortcuts")
        self.setWindowTitle(title)
        name(self, title)
        keys = [
            (self.tr("Ctrl+K"), self.tr("go to a conversation by name")),
            (self.tr("Ctrl+I"), self.tr("activity of every account, mentions and requests")),
            (self.tr("Ctrl+Q"), self.tr("quit (closing the window may keep Chinwag in the tray)")),
            (self.tr("F6, Shift+F6"), self.tr("next or previous region")),
            (self.tr("Alt+Up, Alt+Down"), self.tr("previous or next conversation")),
            (self.tr("Alt+Shift+Up, Alt+Shift+Down"), self.tr("previous or next unread")),
            (self.tr("Ctrl+L"), self.tr("write a message")),
            (self.tr("Enter"), self.tr("in the message field, send")),
            (self.tr("Shift+Enter"), self.tr("in the message field, a new line")),
            (self.tr("Up"), self.tr("in an empty message field, edit your last message")),
            (self.tr("Tab"), self.tr("in the message field, complete a name")),
            (self.tr("Ctrl+;"), self.tr("in the message field, insert an emoji")),
            (
                self.tr("Menu key, Shift+F10"),
                self.tr("in the message field, spelling suggestions and language"),
            ),
            (self.tr("Escape"), self.tr("from the message field, to the messages")),
            (self.tr("Up, Down"), self.tr("in the messages, one message at a time")),
            (self.tr("Home, End"), self.tr("in the messages, the first loaded and the newest")),
            (self.tr("Enter"), self.tr("on a message, open its attachment or link")),
            (self.tr("Menu key, Shift+F10"), self.tr("on a message, all it offers")),
            (self.tr("Ctrl+R"), self.tr("on a message, reply")),
            (self.tr("Ctrl+Shift+R"), self.tr("on a message, react")),
            (self.tr("Ctrl+E"), self.tr("on your message, edit")),
            (self.tr("Ctrl+C"), self.tr("on a message, copy its text")),
            (self.tr("Delete"), self.tr("on your message, delete it for everyone")),
            (self.tr("Ctrl+T"), self.tr("on a message, say when it was sent")),
            (self.tr("Ctrl+End"), self.tr("jump to the latest messages")),
            (self.tr("Ctrl+F, Ctrl+Shift+F"), self.tr("search here, search everywhere")),
        ]
        self.model = QStringListModel(
            [self.tr("{keys}, {what}").format(keys=k, what=w) for k, w in keys], self
        )
        self.list = QListView()
        self.list.setObjectName("shortcutsList")
        name(self.list, title)
        self.list.setModel(self.model)
        ListFocus(self.list, lambda: self.model.index(0))
        label = QLabel(self.tr("&Keys:"))
        label.setBuddy(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        name(buttons.button(QDialogButtonBox.StandardButton.Close), self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(520, 480)
        self.list.setFocus()
