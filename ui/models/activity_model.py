"""The activity inbox: what calls for the person across every account and service, newest first.

Mentions and direct messages come from the stores (``core.conversations.activity``: incoming,
not read yet), so they survive a restart and leave the inbox exactly when their conversation is
read anywhere in the window. Invitations and contact requests come from the core's events as
they arrive and stay until answered or dismissed. The list reloads (coalesced) when messages
arrive or conversations change, only while someone is looking at it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    QTimer,
    Signal,
    Slot,
)

from app import events as ev
from app.models import ConversationId, ConversationKind, Message
from app.runtime import Result
from ui.bridge import CoreBridge
from ui.models.sidebar_model import SidebarModel
from ui.service_identity import service_name
from ui.spoilers import guarded_body

ModelIndex = QModelIndex | QPersistentModelIndex
EntryRole = Qt.ItemDataRole.UserRole + 1
RELOAD_MS = 250


class ActivityKind(enum.StrEnum):
    MENTION = "mention"
    DIRECT = "direct"
    INVITE = "invite"
    REQUEST = "request"


@dataclass(frozen=True, slots=True)
class ActivityEntry:
    kind: ActivityKind
    account_id: str
    who: str  # the sender's (or inviter's) id, for the face
    who_name: str
    text: str
    when: datetime | None
    conversation: ConversationId | None = None  # where it happened (a room for an invite)
    message: Message | None = None


def kind_text(kind: ActivityKind) -> str:
    return {
        ActivityKind.MENTION: QCoreApplication.translate("ActivityModel", "Mention"),
        ActivityKind.DIRECT: QCoreApplication.translate("ActivityModel", "Direct message"),
        ActivityKind.INVITE: QCoreApplication.translate("ActivityModel", "Invitation"),
        ActivityKind.REQUEST: QCoreApplication.translate("ActivityModel", "Contact request"),
    }[kind]


class ActivityModel(QAbstractListModel):
    """Signals: ``loaded()``: the list was (re)loaded from the stores."""

    loaded = Signal()

    def __init__(self, bridge: CoreBridge, sidebar: SidebarModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._sidebar = sidebar
        self._messages: list[ActivityEntry] = []
        self._pending: list[ActivityEntry] = []  # invitations and requests, newest first
        self._entries: list[ActivityEntry] = []
        self.watching = False
        self._loading = False
        self._again = False
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(RELOAD_MS)
        self._reload.timeout.connect(self.refresh)

    # -- loading ---------------------------------------------------------------------------

    def watch(self, on: bool) -> None:
        """Keep the list current (while the inbox is shown); starting loads it."""
        self.watching = on
        if on:
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        self._bridge.call(self._bridge.core.conversations.activity(), self._loaded)

    def _loaded(self, done: Result[list[Message]]) -> None:
        self._loading = False
        if done.ok:
            self._messages = [self._from_message(m) for m in done.value]
            self._rebuild()
            self.loaded.emit()
        if self._again:
            self._again = False
            self.refresh()

    def _from_message(self, msg: Message) -> ActivityEntry:
        conv = self._sidebar.conversation(msg.conversation_id)
        direct = conv is not None and conv.kind is ConversationKind.DIRECT
        return ActivityEntry(
            ActivityKind.DIRECT if direct and not msg.mentions_me else ActivityKind.MENTION,
            msg.id.account_id,
            msg.sender,
            msg.sender_name or msg.sender,
            guarded_body(msg),
            msg.timestamp,
            msg.conversation_id,
            msg,
        )

    def _rebuild(self) -> None:
        self.beginResetModel()
        entries = self._messages + self._pending
        entries.sort(key=lambda e: e.when.timestamp() if e.when else 0.0, reverse=True)
        self._entries = entries
        self.endResetModel()

    @Slot(list)
    def handle_events(self, events: list[ev.Event]) -> None:
        changed = False
        for event in events:
            if isinstance(event, ev.InviteReceived):
                conv = event.conversation_id
                known = self._sidebar.conversation(conv)
                self._pending.append(
                    ActivityEntry(
                        ActivityKind.INVITE,
                        conv.account_id,
                        event.inviter,
                        event.inviter,
                        known.name if known is not None else conv.native_id,
                        datetime.now().astimezone(),
                        conv,
                    )
                )
                changed = True
            elif isinstance(event, ev.SubscriptionRequested):
                self._pending.append(
                    ActivityEntry(
                        ActivityKind.REQUEST,
                        event.account_id,
                        event.contact,
                        event.display_name or event.contact,
                        event.message,
                        datetime.now().astimezone(),
                    )
                )
                changed = True
            elif self._affects_messages(event) and self.watching and not self._reload.isActive():
                self._reload.start()
        if changed:
            self._rebuild()

    @staticmethod
    def _affects_messages(event: ev.Event) -> bool:
        if isinstance(event, ev.MessagesAdded):
            return event.live
        return isinstance(event, ev.ConversationsChanged | ev.ConversationsRemoved)

    def dismiss(self, entry: ActivityEntry) -> None:
        """An invitation or request handled elsewhere (or set aside): off the list."""
        if entry in self._pending:
            self._pending.remove(entry)
            self._rebuild()

    # -- reading ---------------------------------------------------------------------------

    def entries(self) -> list[ActivityEntry]:
        return list(self._entries)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def where(self, entry: ActivityEntry) -> str:
        """ "Garden club · XMPP, alice@example.org": the place, the service and the account."""
        account = self._sidebar.account(entry.account_id)
        service = service_name(account.protocol_id) if account else ""
        account_name = account.display_name if account else entry.account_id
        place = ""
        if entry.conversation is not None and entry.kind is not ActivityKind.INVITE:
            conv = self._sidebar.conversation(entry.conversation)
            place = conv.name if conv is not None else entry.conversation.native_id
        label = f"{service}, {account_name}" if service else account_name
        return f"{place} · {label}" if place else label

    def headline(self, entry: ActivityEntry) -> str:
        if entry.kind is ActivityKind.INVITE:
            return QCoreApplication.translate(
                "ActivityModel", "{who} invites you to {room}"
            ).format(who=entry.who_name, room=entry.text)
        if entry.kind is ActivityKind.REQUEST:
            return QCoreApplication.translate(
                "ActivityModel", "{who} wants to add you as a contact"
            ).format(who=entry.who_name)
        return f"{entry.who_name}: {entry.text}"

    def time_text(self, entry: ActivityEntry) -> str:
        if entry.when is None:
            return ""
        local = entry.when.astimezone()
        locale = QLocale()
        fmt = QLocale.FormatType.ShortFormat
        time = locale.toString(QTime(local.hour, local.minute), fmt)
        if local.date() == datetime.now().astimezone().date():
            return time
        day = locale.toString(QDate(local.year, local.month, local.day), fmt)
        return f"{day} {time}"

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.headline(entry).replace("\n", " ")
            if len(text) > 200:
                text = text[:200] + "…"
            return (
                f"{kind_text(entry.kind)} · {self.time_text(entry)} · {self.where(entry)}\n{text}"
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return QCoreApplication.translate(
                "ActivityModel", "{kind}, {when}, {where}: {what}"
            ).format(
                kind=kind_text(entry.kind),
                when=self.time_text(entry),
                where=self.where(entry),
                what=self.headline(entry),
            )
        if role == EntryRole:
            return entry
        return None
