"""Browse the public rooms of a service and join one (IRC's channel list, an XMPP server's group
chat service, a Matrix server's room directory).

Only accounts whose service has a directory are offered. Searching runs in the core (the network
answers when it answers), so typing never waits; an answer to an older search is dropped. Each row
reads "name, N members: topic" to a screen reader; Enter or "Join" joins the chosen room.

Signals: ``joinRequested(str, str)`` — account id and the room's address, once the user chose one.
"""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models import AccountId, RoomListing
from app.runtime import Result
from ui.a11y.widgets import name_clear_button
from ui.bridge import CoreBridge
from ui.core_text import core_text
from ui.models.sidebar_model import SidebarModel

ModelIndex = QModelIndex | QPersistentModelIndex


class RoomListModel(QAbstractTableModel):
    """Rows of a directory answer: name, members, topic, address."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rooms: list[RoomListing] = []

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Members"), self.tr("Topic"), self.tr("Address")]

    def set_rooms(self, rooms: list[RoomListing]) -> None:
        self.beginResetModel()
        self.rooms = rooms
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rooms)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def spoken(self, room: RoomListing) -> str:
        name = room.name or room.address
        if room.members is None:
            head = name
        else:
            head = self.tr("{name}, %n member(s)", "", room.members).format(name=name)
        return f"{head}: {room.topic}" if room.topic else head

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rooms):
            return None
        room = self.rooms[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return room.name or room.address
            if column == 1:
                return "" if room.members is None else str(room.members)
            if column == 2:
                return " ".join(room.topic.split())
            return room.address
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.spoken(room)
        if role == Qt.ItemDataRole.ToolTipRole:
            return room.topic or room.address
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return room
        return None


class RoomDirectoryDialog(QDialog):
    joinRequested = Signal(str, str)

    def __init__(
        self,
        bridge: CoreBridge,
        sidebar: SidebarModel,
        parent: QWidget | None = None,
        account_id: str | None = None,
        query: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("roomDirectoryDialog")
        self._bridge = bridge
        self._sidebar = sidebar
        self._wanted_account = account_id
        title = self.tr("Browse rooms")
        self.setWindowTitle(title)
        self.setAccessibleName(title)

        self.account = QComboBox()
        self.account.setObjectName("directoryAccount")
        self.account.setAccessibleName(self.tr("Account"))
        self.account.currentIndexChanged.connect(self.search)
        self.query = QLineEdit(query)
        self.query.setObjectName("directoryQuery")
        self.query.setAccessibleName(self.tr("Search rooms"))
        self.query.setPlaceholderText(self.tr("Name or topic…"))
        self.query.setClearButtonEnabled(True)
        name_clear_button(self.query, self.tr("Clear the search"))
        self.query.textChanged.connect(self._schedule)
        self.query.returnPressed.connect(self._return_pressed)
        form = QFormLayout()
        for text, widget in ((self.tr("&Account:"), self.account), (self.tr("&Find:"), self.query)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)

        self.status = QLabel()
        self.status.setObjectName("directoryStatus")
        self.status.setAccessibleName(self.tr("Search status"))
        self.status.setWordWrap(True)
        self.model = RoomListModel(self)
        self.table = QTableView()
        self.table.setObjectName("directoryRooms")
        self.table.setAccessibleName(self.tr("Rooms"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(self._join_index)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.join_button = QPushButton(self.tr("&Join"))
        self.join_button.setObjectName("directoryJoin")
        self.join_button.setEnabled(False)
        self.join_button.clicked.connect(self.join_selected)
        buttons.addButton(self.join_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            # Enter belongs to the search field (search) and the table (join), never to
            # whichever button the dialog would make its default.
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.search)
        self._generation = 0
        self.resize(760, 520)
        self._set_status(self.tr("Looking for accounts with a room directory…"))
        bridge.call(bridge.core.rooms.room_directory_accounts(), self._accounts_found)

    # -- accounts --------------------------------------------------------------------------

    def _accounts_found(self, done: Result[list[AccountId]]) -> None:
        ids = list(done.value) if done.ok else []
        self.account.blockSignals(True)
        for account_id in ids:
            self.account.addItem(self._sidebar.account_name(account_id), account_id)
        if self._wanted_account is not None:
            self.account.setCurrentIndex(max(self.account.findData(self._wanted_account), 0))
        self.account.blockSignals(False)
        if not ids:
            self._set_status(
                self.tr("None of your connected accounts has a room directory to browse.")
            )
            return
        self.search()

    def account_id(self) -> str | None:
        data = self.account.currentData()
        return data if isinstance(data, str) else None

    # -- searching -------------------------------------------------------------------------

    @Slot()
    def _schedule(self) -> None:
        self._timer.start()

    @Slot()
    def search(self) -> None:
        self._timer.stop()
        account_id = self.account_id()
        if account_id is None:
            return
        self._generation += 1
        generation = self._generation
        self._set_status(self.tr("Searching…"))
        self._bridge.call(
            self._bridge.core.rooms.room_directory(account_id, self.query.text()),
            functools.partial(self._found, generation=generation),
        )

    def _found(self, done: Result[tuple[RoomListing, ...]], generation: int) -> None:
        if generation != self._generation:
            return  # an answer to an older search
        rooms = list(done.value) if done.ok else []
        self.model.set_rooms(rooms)
        if not done.ok:
            self._set_status(
                core_text(done.error) or self.tr("The room list could not be fetched.")
            )
            return
        self._set_status(self.tr("%n room(s)", "", len(rooms)))
        if rooms:
            self.table.selectRow(0)

    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleDescription(text)

    @Slot()
    def _return_pressed(self) -> None:
        if self._timer.isActive() or not self.model.rooms:
            self.search()
        else:
            self.table.setFocus()

    # -- joining ---------------------------------------------------------------------------

    @Slot()
    def _selection_changed(self) -> None:
        self.join_button.setEnabled(self.selected() is not None)

    def selected(self) -> RoomListing | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        room = rows[0].data(Qt.ItemDataRole.UserRole)
        return room if isinstance(room, RoomListing) else None

    @Slot(QModelIndex)
    def _join_index(self, index: QModelIndex) -> None:
        self.table.selectRow(index.row())
        self.join_selected()

    @Slot()
    def join_selected(self) -> None:
        room, account_id = self.selected(), self.account_id()
        if room is None or account_id is None:
            return
        self.joinRequested.emit(account_id, room.address)
        self.accept()
