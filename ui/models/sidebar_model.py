"""The sidebar: accounts (each a visibly separate silo, with its connection state) and, under each,
its conversations sorted by activity with unread and mention counts.

Fed only by core events; it never asks the core anything, so it can never block.

While the person points at the list or has the keyboard focus in it, the order holds still
(:meth:`SidebarModel.hold_order`): a conversation that gets a message is not moved under the pointer
or the focus; the list re-sorts once they leave.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any, overload

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Slot,
)

from app import events as ev
from app.models import Account, ConnectionState, Conversation, ConversationId, ConversationKind
from ui.core_text import core_text
from ui.service_identity import server_of, service_description, service_name

ModelIndex = QModelIndex | QPersistentModelIndex

KindRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2
UnreadRole = Qt.ItemDataRole.UserRole + 3
MentionRole = Qt.ItemDataRole.UserRole + 4
StateRole = Qt.ItemDataRole.UserRole + 5
StateTextRole = Qt.ItemDataRole.UserRole + 6
ProtocolRole = Qt.ItemDataRole.UserRole + 7  # the row's service ("xmpp", "matrix", "irc")
ServerRole = Qt.ItemDataRole.UserRole + 8  # the account's server, "" when not known
DraftRole = Qt.ItemDataRole.UserRole + 9  # a conversation's unsent text (True with no text yet)
DRAFT_TOOLTIP_CHARS = 80


def state_text(state: ConnectionState) -> str:
    """A word for the state: the sidebar never relies on colour alone."""
    return {
        ConnectionState.DISABLED: QCoreApplication.translate("SidebarModel", "disabled"),
        ConnectionState.OFFLINE: QCoreApplication.translate("SidebarModel", "offline"),
        ConnectionState.CONNECTING: QCoreApplication.translate("SidebarModel", "connecting…"),
        ConnectionState.CONNECTED: QCoreApplication.translate("SidebarModel", "online"),
        ConnectionState.WAITING: QCoreApplication.translate("SidebarModel", "reconnecting…"),
        ConnectionState.FAILED: QCoreApplication.translate("SidebarModel", "needs attention"),
    }[state]


@dataclass
class _AccountNode:
    account: Account
    state: ConnectionState = ConnectionState.OFFLINE
    message: str = ""
    conversations: list[Conversation] = field(default_factory=list)


_DIGITS = re.compile(r"(\d+)")


_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
"""Every row's flags, made once: the tree asks each row's at every layout (enum ``|`` in Python
costs more than the rest of the call)."""


@functools.lru_cache(maxsize=4096)
def natural_key(name: str) -> tuple[str | int, ...]:
    """ "#c3" before "#c29" before "#c30": digit runs compare as numbers, text case-blind.
    ``re.split`` with a group alternates text and digits starting with text, so equal
    positions always hold the same type. Cached: every insert and re-sort asks it of each room
    (a quarter of a million times while 1,000 rooms arrive)."""
    parts = _DIGITS.split(name.casefold())
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts))


def _sort_key(conv: Conversation) -> tuple[int, float, tuple[str | int, ...]]:
    """Smallest first: the most recent activity on top, then rooms with none in natural name
    order (the same order every time, however the service listed them)."""
    if conv.last_activity is None:
        return (1, 0.0, natural_key(conv.name))
    return (0, -conv.last_activity.timestamp(), natural_key(conv.name))


def _draft_line(conv: Conversation) -> str:
    """The tooltip's line for an unsent draft: its start, as Element's "Draft:" preview."""
    if conv.draft is None:
        return ""
    text = " ".join(conv.draft.text.split())
    if len(text) > DRAFT_TOOLTIP_CHARS:
        text = text[: DRAFT_TOOLTIP_CHARS - 1] + "…"
    return QCoreApplication.translate("SidebarModel", "Draft: {text}").format(text=text)


class SidebarModel(QAbstractItemModel):
    """Two levels: accounts (internal id 0) and conversations (internal id = account row + 1)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._accounts: list[_AccountNode] = []
        self._holds: set[str] = set()
        self._unsorted: set[int] = set()  # account rows waiting for their re-sort

    def hold_order(self, reason: str, hold: bool) -> None:
        """Keep the conversations where they are while any reason holds ("pointer", "focus");
        re-sort what changed meanwhile when the last one lets go."""
        if hold:
            self._holds.add(reason)
            return
        self._holds.discard(reason)
        if not self._holds and self._unsorted:
            rows, self._unsorted = self._unsorted, set()
            for arow in sorted(rows):
                if arow < len(self._accounts):
                    self._resort(arow)

    @property
    def order_held(self) -> bool:
        return bool(self._holds)

    # -- Qt model API ----------------------------------------------------------------------

    def index(self, row: int, column: int = 0, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row < len(self._accounts):
                return self.createIndex(row, 0, 0)
            return QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        node = self._accounts[parent.row()]
        if row < len(node.conversations):
            return self.createIndex(row, 0, parent.row() + 1)
        return QModelIndex()

    # Qt overloads parent(): QObject.parent() (no argument) and the model's parent(child).
    @overload
    def parent(self) -> QObject | None: ...
    @overload
    def parent(self, child: ModelIndex, /) -> QModelIndex: ...
    def parent(self, child: ModelIndex | None = None) -> QObject | QModelIndex | None:
        if child is None:
            return super().parent()
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._accounts)
        if parent.internalId() == 0:
            return len(self._accounts[parent.row()].conversations)
        return 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._account_data(self._accounts[index.row()], role)
        node = self._accounts[index.internalId() - 1]
        if role == ProtocolRole:
            return node.account.protocol_id
        if role == ServerRole:
            return server_of(node.account)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            conv = node.conversations[index.row()]
            kind = (
                QCoreApplication.translate("SidebarModel", "group")
                if conv.kind is ConversationKind.GROUP
                else QCoreApplication.translate("SidebarModel", "direct")
            )
            return QCoreApplication.translate(
                "SidebarModel", "{kind} conversation on {service}, account {account}"
            ).format(
                kind=kind,
                service=service_description(node.account),
                account=node.account.display_name,
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            conv = node.conversations[index.row()]
            return "\n".join(
                p
                for p in (
                    conv.topic or conv.name,
                    service_name(node.account.protocol_id) + " · " + node.account.display_name,
                    _draft_line(conv),
                )
                if p
            )
        return self._conversation_data(node.conversations[index.row()], role)

    def _account_data(self, node: _AccountNode, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return node.account.display_name
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # Commas only: Orca reads parentheses and colons aloud at its default punctuation.
            server = server_of(node.account)
            text = (
                QCoreApplication.translate(
                    "SidebarModel", "{name}, {service} account at {server}, {state}"
                )
                if server
                else QCoreApplication.translate(
                    "SidebarModel", "{name}, {service} account, {state}"
                )
            )
            return text.format(
                name=node.account.display_name,
                service=service_name(node.account.protocol_id),
                server=server,
                state=state_text(node.state),
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(
                (
                    service_description(node.account),
                    core_text(node.message) or state_text(node.state),
                )
            )
        if role == ProtocolRole:
            return node.account.protocol_id
        if role == ServerRole:
            return server_of(node.account)
        if role == KindRole:
            return "account"
        if role == IdRole:
            return node.account.id
        if role == StateRole:
            return node.state
        if role == StateTextRole:
            return state_text(node.state)
        if role in (UnreadRole, MentionRole):
            return sum(
                c.unread_count if role == UnreadRole else c.mention_count
                for c in node.conversations
            )
        return None

    def _conversation_data(self, conv: Conversation, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return conv.name
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [conv.name]
            if conv.unread_count:
                parts.append(self.tr("%n unread", "", conv.unread_count))
            if conv.mention_count:
                parts.append(self.tr("%n mentioning you", "", conv.mention_count))
            if conv.draft is not None:
                parts.append(self.tr("unsent draft"))
            return ", ".join(parts)
        if role == KindRole:
            return "conversation"
        if role == IdRole:
            return conv.id
        if role == UnreadRole:
            return conv.unread_count
        if role == MentionRole:
            return conv.mention_count
        if role == DraftRole:
            return None if conv.draft is None else conv.draft.text or True
        return None

    # -- lookups ---------------------------------------------------------------------------

    def conversation_index(self, conv_id: ConversationId) -> QModelIndex:
        for arow, node in enumerate(self._accounts):
            if node.account.id != conv_id.account_id:
                continue
            for crow, conv in enumerate(node.conversations):
                if conv.id == conv_id:
                    return self.createIndex(crow, 0, arow + 1)
        return QModelIndex()

    def conversation(self, conv_id: ConversationId) -> Conversation | None:
        index = self.conversation_index(conv_id)
        if not index.isValid():
            return None
        return self._accounts[index.internalId() - 1].conversations[index.row()]

    def account_ids(self) -> list[str]:
        return [n.account.id for n in self._accounts]

    def accounts(self) -> list[Account]:
        return [n.account for n in self._accounts]

    def account(self, account_id: str) -> Account | None:
        row = self._node_row(account_id)
        return self._accounts[row].account if row >= 0 else None

    def account_name(self, account_id: str) -> str:
        account = self.account(account_id)
        return account.display_name if account else account_id

    def account_state(self, account_id: str) -> ConnectionState | None:
        row = self._node_row(account_id)
        return self._accounts[row].state if row >= 0 else None

    def conversations_of(self, account_id: str) -> list[Conversation]:
        row = self._node_row(account_id)
        return list(self._accounts[row].conversations) if row >= 0 else []

    def activity_rank(self, conv_id: ConversationId) -> float:
        conv = self.conversation(conv_id)
        if conv is None or conv.last_activity is None:
            return 0.0
        return conv.last_activity.timestamp()

    def total_unread(self) -> int:
        return sum(c.unread_count for n in self._accounts for c in n.conversations)

    # -- events ----------------------------------------------------------------------------

    @Slot(list)
    def handle_events(self, events: list[ev.Event]) -> None:
        for event in events:
            if isinstance(event, ev.AccountsChanged):
                self._set_accounts(event.accounts)
            elif isinstance(event, ev.ConnectionStateChanged):
                self._set_state(event)
            elif isinstance(event, ev.ConversationsChanged):
                self._upsert(event.conversations)
            elif isinstance(event, ev.ConversationsRemoved):
                self._remove(event.conversation_ids)

    def _node_row(self, account_id: str) -> int:
        for row, node in enumerate(self._accounts):
            if node.account.id == account_id:
                return row
        return -1

    def _set_accounts(self, accounts: tuple[Account, ...]) -> None:
        wanted = [a.id for a in accounts]
        # Remove accounts that went away (and their conversations).
        for row in reversed(range(len(self._accounts))):
            if self._accounts[row].account.id not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._accounts[row]
                self.endRemoveRows()
        for account in accounts:
            row = self._node_row(account.id)
            if row < 0:
                self.beginInsertRows(QModelIndex(), len(self._accounts), len(self._accounts))
                self._accounts.append(_AccountNode(account))
                self.endInsertRows()
            else:
                self._accounts[row].account = account
                idx = self.index(row)
                self.dataChanged.emit(idx, idx)

    def _set_state(self, event: ev.ConnectionStateChanged) -> None:
        row = self._node_row(event.account_id)
        if row < 0:
            return
        node = self._accounts[row]
        node.state = event.state
        node.message = event.message
        idx = self.index(row)
        self.dataChanged.emit(idx, idx)

    def _upsert(self, conversations: tuple[Conversation, ...]) -> None:
        by_account: dict[str, list[Conversation]] = {}
        for conv in conversations:
            by_account.setdefault(conv.id.account_id, []).append(conv)
        for account_id, convs in by_account.items():
            arow = self._node_row(account_id)
            if arow < 0:
                continue
            node = self._accounts[arow]
            parent = self.index(arow)
            positions = {c.id: i for i, c in enumerate(node.conversations)}
            new = [c for c in convs if c.id not in positions]
            touched = {c.id for c in convs}
            for conv in convs:
                if conv.id in positions:
                    node.conversations[positions[conv.id]] = conv
            if new and not node.conversations:
                # The account's first fill (at start, hundreds of rooms): one insert of the
                # whole sorted list, not one per row (each ran the proxy's filter and the
                # sidebar's slots in Python: docs/performance.md, "Rooms: 50, 200, 1,000").
                new.sort(key=_sort_key)
                self.beginInsertRows(parent, 0, len(new) - 1)
                node.conversations.extend(new)
                self.endInsertRows()
                new = []
            keys = [_sort_key(c) for c in node.conversations] if new else []
            for conv in sorted(new, key=_sort_key):
                # Where the order puts it, without moving the others (their order may be held).
                key = _sort_key(conv)
                row = next((i for i, k in enumerate(keys) if k > key), len(keys))
                self.beginInsertRows(parent, row, row)
                node.conversations.insert(row, conv)
                keys.insert(row, key)
                self.endInsertRows()
            if self._holds:
                self._unsorted.add(arow)
            else:
                self._resort(arow)
            # Only the rows that changed: during a flood every message updates its room's
            # unread count, and a range over the whole account repainted all of its rows.
            rows = [i for i, c in enumerate(node.conversations) if c.id in touched]
            if rows:
                self.dataChanged.emit(
                    self.index(rows[0], 0, parent), self.index(rows[-1], 0, parent)
                )
            self.dataChanged.emit(parent, parent)

    def _resort(self, arow: int) -> bool:
        """Put the account's conversations in order; True when the order changed."""
        node = self._accounts[arow]
        ordered = sorted(node.conversations, key=_sort_key)
        if [c.id for c in ordered] == [c.id for c in node.conversations]:
            node.conversations = ordered
            return False
        self.layoutAboutToBeChanged.emit()
        old_rows = {c.id: i for i, c in enumerate(node.conversations)}
        node.conversations = ordered
        old_indexes = []
        new_indexes = []
        for new_row, conv in enumerate(ordered):
            old_indexes.append(self.createIndex(old_rows[conv.id], 0, arow + 1))
            new_indexes.append(self.createIndex(new_row, 0, arow + 1))
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()
        return True

    def _remove(self, conversation_ids: tuple[ConversationId, ...]) -> None:
        for conv_id in conversation_ids:
            index = self.conversation_index(conv_id)
            if not index.isValid():
                continue
            arow = index.internalId() - 1
            self.beginRemoveRows(self.index(arow), index.row(), index.row())
            del self._accounts[arow].conversations[index.row()]
            self.endRemoveRows()
