"""Ctrl+I: the activity inbox, one list across every account and service.

Each row says what it is (mention, direct message, invitation, contact request), when, where
(conversation, service, account) and who, with their face. Enter opens it in its conversation
at that message (an invitation or request: the requests waiting for an answer); Delete marks it
read (its conversation: services track reading per conversation); "Mark all read" clears the
list. Reachable by keyboard alone, each row read out whole by a screen reader.

Signals:
    openRequested(object, object): open a conversation (ConversationId) at a message (or None).
    requestsRequested(): show the invitations and requests waiting for an answer.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models import ConversationId
from ui.a11y.widgets import ListFocus
from ui.avatars import AvatarStore
from ui.bridge import CoreBridge
from ui.models.activity_model import ActivityEntry, ActivityKind, ActivityModel, EntryRole
from ui.widgets.face_delegate import Face, FaceDelegate, ModelIndex, show_faces


def entry_face(index: ModelIndex) -> Face | None:
    entry = index.data(EntryRole)
    if not isinstance(entry, ActivityEntry):
        return None
    room = entry.conversation.native_id if entry.conversation is not None else ""
    inside = room if entry.kind is ActivityKind.MENTION else ""
    return Face(entry.account_id, entry.who, entry.who_name, inside)


class _List(QListView):
    """Enter opens, Delete marks read."""

    openPressed = Signal()
    deletePressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.openPressed.emit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Delete:
            self.deletePressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ActivityDialog(QDialog):
    openRequested = Signal(object, object)
    requestsRequested = Signal()

    def __init__(
        self,
        bridge: CoreBridge,
        model: ActivityModel,
        avatars: AvatarStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("activityDialog")
        self.setWindowTitle(self.tr("Activity"))
        self.setAccessibleName(self.tr("Activity in every account"))
        self._bridge = bridge
        self.model = model
        self.list = _List()
        self.list.setObjectName("activityList")
        self.list.setAccessibleName(self.tr("Mentions, direct messages, invitations and requests"))
        self.list.setAccessibleDescription(
            self.tr("Newest first. Enter opens one where it happened; Delete marks it read.")
        )
        self.list.setModel(model)
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list_focus = ListFocus(self.list, lambda: self.model.index(0))
        self.delegate = FaceDelegate(entry_face, self.list, colour_names=False)
        self.list.setItemDelegate(self.delegate)
        self.list.setIconSize(QSize(24, 24))
        if avatars is not None:
            show_faces(self.list, self.delegate, avatars)
        label = QLabel(self.tr("&Activity"))
        label.setBuddy(self.list)
        self.empty = QLabel(
            self.tr(
                "Nothing new. Mentions, direct messages, invitations and contact requests from "
                "every account appear here."
            )
        )
        self.empty.setObjectName("activityEmpty")
        self.empty.setWordWrap(True)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setObjectName("activityOpen")
        self.open_button.setAccessibleName(self.tr("Open the selected activity"))
        self.read_button = QPushButton(self.tr("Mark &read"))
        self.read_button.setObjectName("activityMarkRead")
        self.read_button.setAccessibleName(self.tr("Mark the selected activity read"))
        self.all_button = QPushButton(self.tr("Mark a&ll read"))
        self.all_button.setObjectName("activityMarkAllRead")
        self.all_button.setAccessibleName(self.tr("Mark all activity read"))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.read_button, self.all_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(self.open_current)
        self.read_button.clicked.connect(self.mark_current_read)
        self.all_button.clicked.connect(self.mark_all_read)
        self.list.openPressed.connect(self.open_current)
        self.list.deletePressed.connect(self.mark_current_read)
        self.list.activated.connect(self._activated)
        model.modelReset.connect(self._reset)
        self.finished.connect(self._closed)
        self.resize(560, 440)
        model.watch(True)
        self._reset()
        self.focus_list()

    def focus_list(self) -> None:
        """The keyboard on the list."""
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def current(self) -> ActivityEntry | None:
        entry = self.list.currentIndex().data(EntryRole)
        return entry if isinstance(entry, ActivityEntry) else None

    @Slot()
    def _reset(self) -> None:
        count = self.model.rowCount()
        # The list stays (empty, it is still where the keyboard lands and a screen reader
        # says "0 items"); the line under it says why.
        self.empty.setVisible(count == 0)
        for button in (self.open_button, self.read_button, self.all_button):
            button.setEnabled(count > 0)
        if count:
            self.list.setCurrentIndex(self.model.index(0))
        self.setWindowTitle(self.tr("Activity (%n)", "", count) if count else self.tr("Activity"))

    @Slot(QModelIndex)
    def _activated(self, _index: QModelIndex) -> None:
        self.open_current()

    @Slot()
    def open_current(self) -> None:
        entry = self.current()
        if entry is None:
            return
        self.accept()  # first: the window takes the keyboard back for what follows
        if entry.kind in (ActivityKind.INVITE, ActivityKind.REQUEST):
            self.requestsRequested.emit()
        elif entry.conversation is not None:
            self.openRequested.emit(entry.conversation, entry.message)

    @Slot()
    def mark_current_read(self) -> None:
        entry = self.current()
        if entry is not None:
            self._mark(entry)

    @Slot()
    def mark_all_read(self) -> None:
        done: set[ConversationId] = set()
        for entry in self.model.entries():
            if entry.conversation is not None and entry.conversation in done:
                continue
            self._mark(entry)
            if entry.conversation is not None:
                done.add(entry.conversation)

    def _mark(self, entry: ActivityEntry) -> None:
        if entry.kind in (ActivityKind.INVITE, ActivityKind.REQUEST):
            self.model.dismiss(entry)  # still answerable in the requests panel
            return
        if entry.conversation is not None:
            conv: ConversationId = entry.conversation
            self._bridge.call(self._bridge.core.conversations.mark_read(conv))

    @Slot()
    def _closed(self) -> None:
        self.model.watch(False)
