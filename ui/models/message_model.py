"""The open conversation's messages, loaded lazily a page at a time from the store.

The model never holds a whole conversation: it starts with the newest page and asks the core for
the previous page when the view reaches the top; when the store has nothing older it asks the
service for history (which arrives as ordinary events). Every request is asynchronous, through the
bridge, so scrolling never waits on SQLite or the network.
"""

from __future__ import annotations

import bisect
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
    Slot,
)

from app import events as ev
from app.backend import Outcome
from app.models import ConversationId, Cursor, DeliveryState, Message, MessageKind, Page
from ui.bridge import CoreBridge

ModelIndex = QModelIndex | QPersistentModelIndex

MessageRole = Qt.ItemDataRole.UserRole + 1
SenderRole = Qt.ItemDataRole.UserRole + 2
TimeTextRole = Qt.ItemDataRole.UserRole + 3
DeliveryRole = Qt.ItemDataRole.UserRole + 4
DeliveryTextRole = Qt.ItemDataRole.UserRole + 5
LocalIdRole = Qt.ItemDataRole.UserRole + 6

PAGE_SIZE = 50


def tr(text: str) -> str:
    return QCoreApplication.translate("MessageListModel", text)


def delivery_text(msg: Message) -> str:
    """The delivery state in words (never shown by an icon or colour alone)."""
    if not msg.outgoing:
        return ""
    return {
        DeliveryState.PENDING: tr("sending…"),
        DeliveryState.SENT: tr("sent"),
        DeliveryState.DELIVERED: tr("delivered"),
        DeliveryState.READ: tr("read"),
        DeliveryState.FAILED: tr("failed"),
    }[msg.delivery]


def _key(msg: Message) -> tuple[int, int]:
    cursor = msg.cursor
    return (cursor.timestamp_ms, cursor.seq)


class MessageListModel(QAbstractListModel):
    """Signals:

    ``loadingChanged(bool)``: a page (or server history) is being fetched.
    ``conversationChanged()``: another conversation was opened.
    ``messagesAppended()``: new messages arrived at the bottom (the view may follow them).
    """

    loadingChanged = Signal(bool)
    conversationChanged = Signal()
    messagesAppended = Signal()

    def __init__(self, bridge: CoreBridge, parent: Any = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._page_size = page_size
        self._conversation: ConversationId | None = None
        self._messages: list[Message] = []
        self._keys: list[tuple[int, int]] = []
        self._rows: dict[str, int] = {}
        self._before: Cursor | None = None
        self._store_exhausted = False
        self._server_exhausted = False
        self._loading = False
        self._generation = 0
        self._locale = QLocale()

    # -- public API ------------------------------------------------------------------------

    @property
    def conversation(self) -> ConversationId | None:
        return self._conversation

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def at_start(self) -> bool:
        """Nothing older exists, neither stored nor on the server."""
        return self._store_exhausted and self._server_exhausted

    def message(self, row: int) -> Message:
        return self._messages[row]

    def set_conversation(self, conv: ConversationId | None) -> None:
        if conv == self._conversation:
            return
        self._generation += 1
        self.beginResetModel()
        self._conversation = conv
        self._messages, self._keys, self._rows = [], [], {}
        self._before = None
        self._store_exhausted = self._server_exhausted = False
        self.endResetModel()
        self._set_loading(False)
        self.conversationChanged.emit()
        if conv is not None:
            self._request_page(None)

    def load_older(self) -> None:
        """Fetch the previous page (from the store, else from the server's history)."""
        if self._conversation is None or self._loading or self.at_start:
            return
        if not self._store_exhausted:
            self._request_page(self._before)
            return
        generation = self._generation
        self._set_loading(True)
        self._bridge.call(
            self._bridge.core.fetch_remote_history(self._conversation, self._page_size),
            lambda done: self._remote_history_done(done, generation),
        )

    # -- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._messages)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._messages):
            return None
        msg = self._messages[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display_body(msg)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.accessible_text(msg)
        if role == MessageRole:
            return msg
        if role == SenderRole:
            return msg.sender_name or msg.sender
        if role == TimeTextRole:
            return self.time_text(msg)
        if role == DeliveryRole:
            return msg.delivery
        if role == DeliveryTextRole:
            return delivery_text(msg)
        if role == LocalIdRole:
            return msg.local_id
        if role == Qt.ItemDataRole.ToolTipRole and msg.delivery is DeliveryState.FAILED:
            return msg.failure_reason
        return None

    def time_text(self, msg: Message) -> str:
        local = msg.timestamp.astimezone()
        qtime = QTime(local.hour, local.minute, local.second)
        return self._locale.toString(qtime, QLocale.FormatType.ShortFormat)

    def accessible_text(self, msg: Message) -> str:
        """What a screen reader says: "sender, time: message", then its state."""
        text = tr("{sender}, {time}: {body}").format(
            sender=msg.sender_name or msg.sender,
            time=self.time_text(msg),
            body=self._display_body(msg),
        )
        state = delivery_text(msg)
        if state:
            text += " (" + state + ")"
        if msg.edited:
            text += " " + tr("(edited)")
        return text

    @staticmethod
    def _display_body(msg: Message) -> str:
        if msg.retracted:
            return tr("This message was deleted.")
        if msg.kind is MessageKind.EMOTE:
            return f"* {msg.sender_name or msg.sender} {msg.body}"
        return msg.body

    # -- events ----------------------------------------------------------------------------

    @Slot(list)
    def handle_events(self, events: list[ev.Event]) -> None:
        conv = self._conversation
        if conv is None:
            return
        for event in events:
            if isinstance(event, ev.MessagesAdded) and event.conversation_id == conv:
                self._insert(event.messages)
            elif isinstance(event, ev.MessagesUpdated) and event.conversation_id == conv:
                self._update(event.messages)
            elif isinstance(event, ev.ConversationsRemoved) and conv in event.conversation_ids:
                self.set_conversation(None)

    # -- internals -------------------------------------------------------------------------

    def _request_page(self, before: Cursor | None) -> None:
        assert self._conversation is not None
        generation = self._generation
        self._set_loading(True)
        self._bridge.call(
            self._bridge.core.fetch_page(self._conversation, before, self._page_size),
            lambda done: self._page_loaded(done, generation),
        )

    def _page_loaded(self, done: ev.RequestFinished, generation: int) -> None:
        if generation != self._generation:
            return  # the user moved on to another conversation meanwhile
        self._set_loading(False)
        if not done.ok or not isinstance(done.result, Page):
            self._store_exhausted = True
            return
        page = done.result
        self._before = page.before
        self._store_exhausted = page.before is None
        self._insert(page.messages)

    def _remote_history_done(self, done: ev.RequestFinished, generation: int) -> None:
        if generation != self._generation:
            return
        self._set_loading(False)
        outcome = done.result
        if (
            not done.ok
            or not isinstance(outcome, Outcome)
            or not outcome.ok
            or outcome.value == "end"
        ):
            self._server_exhausted = True

    def _insert(self, messages: tuple[Message, ...]) -> None:
        fresh = [m for m in messages if m.local_id not in self._rows]
        if not fresh:
            return
        fresh.sort(key=_key)
        appended = False
        if not self._keys or _key(fresh[0]) >= self._keys[-1]:
            first = len(self._messages)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            for msg in fresh:
                self._rows[msg.local_id] = len(self._messages)
                self._messages.append(msg)
                self._keys.append(_key(msg))
            self.endInsertRows()
            appended = True
        elif _key(fresh[-1]) <= self._keys[0]:
            self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
            self._messages[0:0] = fresh
            self._keys[0:0] = [_key(m) for m in fresh]
            self.endInsertRows()
            self._reindex()
        else:
            for msg in fresh:  # interleaved (late history, clock skew): one at a time
                key = _key(msg)
                row = bisect.bisect_right(self._keys, key)
                self.beginInsertRows(QModelIndex(), row, row)
                self._messages.insert(row, msg)
                self._keys.insert(row, key)
                self.endInsertRows()
            self._reindex()
        if appended:
            self.messagesAppended.emit()

    def _update(self, messages: tuple[Message, ...]) -> None:
        for msg in messages:
            row = self._rows.get(msg.local_id)
            if row is None:
                continue
            self._messages[row] = msg
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def _reindex(self) -> None:
        self._rows = {m.local_id: i for i, m in enumerate(self._messages)}

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loadingChanged.emit(loading)
