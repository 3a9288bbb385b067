"""Search: across every account (Ctrl+Shift+F) or within one conversation (Ctrl+F).

Each result says which account and conversation it belongs to, who wrote it and when; Enter opens
the conversation at that message, in context. Searching runs in the core's store thread, so typing
never waits for it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Slot
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from app.models import ConversationId, Message
from app.runtime import Result
from ui.bridge import CoreBridge
from ui.models.sidebar_model import SidebarModel

ModelIndex = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    def __init__(self, sidebar: SidebarModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._sidebar = sidebar
        self.results: list[Message] = []

    def set_results(self, results: list[Message]) -> None:
        self.beginResetModel()
        self.results = results
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.results)

    def label(self, msg: Message) -> str:
        conv = self._sidebar.conversation(msg.conversation_id)
        where = conv.name if conv else msg.conversation_id.native_id
        account = self._sidebar.account_name(msg.conversation_id.account_id)
        when = msg.timestamp.astimezone().strftime("%Y-%m-%d %H:%M")
        body = " ".join(msg.body.split())
        if len(body) > 120:
            body = body[:119] + "…"
        return f"{account} · {where} — {msg.sender_name or msg.sender}, {when}: {body}"

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.results):
            return None
        msg = self.results[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.label(msg)
        if role == Qt.ItemDataRole.UserRole:
            return msg
        return None


class SearchDialog(QDialog):
    def __init__(
        self,
        bridge: CoreBridge,
        sidebar: SidebarModel,
        parent: QWidget | None = None,
        conversation: ConversationId | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("searchDialog")
        self._bridge = bridge
        self.conversation = conversation
        self.chosen: Message | None = None
        if conversation is None:
            title = self.tr("Search all accounts")
        else:
            conv = sidebar.conversation(conversation)
            title = self.tr("Search in {name}").format(
                name=conv.name if conv else conversation.native_id
            )
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setAccessibleName(self.tr("Search for"))
        self.query.setPlaceholderText(self.tr("Words to find…"))
        self.query.setClearButtonEnabled(True)
        self.query.textChanged.connect(self._schedule)
        self.query.returnPressed.connect(self._return_pressed)
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.status.setAccessibleName(self.tr("Search status"))
        self.model = SearchResultsModel(sidebar, self)
        self.results = QListView()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Results"))
        self.results.setModel(self.model)
        self.results.setWordWrap(True)
        self.results.activated.connect(self._open)
        label = QLabel(self.tr("&Find:"))
        label.setBuddy(self.query)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.query)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.search)
        self._generation = 0
        self.resize(640, 480)

    @Slot()
    def _schedule(self) -> None:
        self._timer.start()

    @Slot()
    def search(self) -> None:
        text = self.query.text().strip()
        self._generation += 1
        generation = self._generation
        if not text:
            self.model.set_results([])
            self.status.setText("")
            return
        self.status.setText(self.tr("Searching…"))
        self._bridge.call(
            self._bridge.core.archive.search(text, 100, self.conversation),
            lambda done: self._found(done, generation),
        )

    def _found(self, done: Result[list[Message]], generation: int) -> None:
        if generation != self._generation:
            return
        results = list(done.value) if done.ok else []
        self.model.set_results(results)
        if not done.ok:
            text = done.error or self.tr("The search failed.")
        else:
            text = self.tr("%n result(s)", "", len(results))
        self.status.setText(text)
        self.status.setAccessibleDescription(text)
        if results:
            self.results.setCurrentIndex(self.model.index(0))

    @Slot()
    def _return_pressed(self) -> None:
        if self._timer.isActive() or not self.model.results:
            self._timer.stop()
            self.search()
            return
        self.results.setFocus()

    def _open(self, index: QModelIndex) -> None:
        msg = index.data(Qt.ItemDataRole.UserRole)
        if isinstance(msg, Message):
            self.chosen = msg
            self.accept()
