"""Ctrl+K: type part of a name, Enter opens that conversation (any account, most recent first)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from app.models import ConversationId
from ui.models.sidebar_model import SidebarModel


class QuickSwitcher(QDialog):
    def __init__(self, sidebar: SidebarModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickSwitcher")
        self.setWindowTitle(self.tr("Go to conversation"))
        self.setAccessibleName(self.tr("Go to conversation"))
        self.chosen: ConversationId | None = None
        self._entries: list[tuple[str, ConversationId]] = []
        for account_id in sidebar.account_ids():
            for conv in sidebar.conversations_of(account_id):
                entry = f"{conv.name} — {sidebar.account_name(account_id)}"
                if conv.unread_count:
                    entry += " " + self.tr("(%n unread)", "", conv.unread_count)
                self._entries.append((entry, conv.id))
        self._entries.sort(key=lambda e: -sidebar.activity_rank(e[1]))
        self.filter = QLineEdit()
        self.filter.setObjectName("switcherFilter")
        self.filter.setAccessibleName(self.tr("Conversation name"))
        self.filter.setPlaceholderText(self.tr("Type part of a name…"))
        self.filter.textChanged.connect(self._refilter)
        self.filter.installEventFilter(self)
        self.model = QStringListModel(self)
        self.list = QListView()
        self.list.setObjectName("switcherList")
        self.list.setAccessibleName(self.tr("Matching conversations"))
        self.list.setModel(self.model)
        self.list.activated.connect(self._accept_index)
        label = QLabel(self.tr("&Go to:"))
        label.setBuddy(self.filter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        self.resize(420, 360)
        self._visible: list[ConversationId] = []
        self._refilter("")

    @Slot(str)
    def _refilter(self, text: str) -> None:
        needle = text.casefold().strip()
        shown = [(label, conv) for label, conv in self._entries if needle in label.casefold()]
        self._visible = [conv for _, conv in shown]
        self.model.setStringList([label for label, _ in shown])
        if shown:
            self.list.setCurrentIndex(self.model.index(0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.list.currentIndex().row() + (1 if event.key() == Qt.Key.Key_Down else -1)
                if 0 <= row < self.model.rowCount():
                    self.list.setCurrentIndex(self.model.index(row))
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._accept_index(self.list.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def _accept_index(self, index: object) -> None:
        row = getattr(index, "row", lambda: -1)()
        if 0 <= row < len(self._visible):
            self.chosen = self._visible[row]
            self.accept()
