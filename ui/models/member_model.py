"""Members of the open group conversation, by role then name, with role and presence in words."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.models import Member, PresenceState, Role

ModelIndex = QModelIndex | QPersistentModelIndex
MemberRole = Qt.ItemDataRole.UserRole + 1
_ROLE_ORDER = [Role.OWNER, Role.ADMIN, Role.MODERATOR, Role.MEMBER, Role.VISITOR]
_RANK = {role: rank for rank, role in enumerate(_ROLE_ORDER)}


def sort_key(member: Member) -> tuple[int, str, str]:
    """By role, then name; the id keeps two people of one name in a fixed order (a row found
    again by this key, and the same order as a full reload)."""
    return (_RANK[member.role], member.name.casefold(), member.native_id)


def role_text(role: Role) -> str:
    return {
        Role.OWNER: QCoreApplication.translate("MemberListModel", "owner"),
        Role.ADMIN: QCoreApplication.translate("MemberListModel", "admin"),
        Role.MODERATOR: QCoreApplication.translate("MemberListModel", "moderator"),
        Role.MEMBER: QCoreApplication.translate("MemberListModel", "member"),
        Role.VISITOR: QCoreApplication.translate("MemberListModel", "visitor"),
    }[role]


def presence_text(state: PresenceState) -> str:
    return {
        PresenceState.AVAILABLE: QCoreApplication.translate("MemberListModel", "available"),
        PresenceState.CHAT: QCoreApplication.translate("MemberListModel", "free to chat"),
        PresenceState.AWAY: QCoreApplication.translate("MemberListModel", "away"),
        PresenceState.EXTENDED_AWAY: QCoreApplication.translate(
            "MemberListModel", "away for a while"
        ),
        PresenceState.DO_NOT_DISTURB: QCoreApplication.translate(
            "MemberListModel", "do not disturb"
        ),
        PresenceState.OFFLINE: QCoreApplication.translate("MemberListModel", "offline"),
        PresenceState.UNKNOWN: QCoreApplication.translate("MemberListModel", "presence unknown"),
    }[state]


class MemberListModel(QAbstractListModel):
    """The rows in :func:`sort_key` order. ``set_members`` replaces them all (a reset);
    ``change`` inserts, moves, updates and removes single rows, so a join in a room of
    thousands neither lays out every row again nor loses the selection; ``change_in_reset``
    applies a burst of changes under one reset. A row is found by its member's id (``_by_id``)
    and its sort key (a bisection of ``_keys``), so a change costs the change, not the room
    (the lists' inserts and deletes are one memmove)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._members: list[Member] = []
        self._keys: list[tuple[int, str, str]] = []
        self._by_id: dict[str, Member] = {}

    def set_members(self, members: Iterable[Member]) -> None:
        self.beginResetModel()
        self._members = sorted(members, key=sort_key)
        self._keys = [sort_key(m) for m in self._members]
        self._by_id = {m.native_id: m for m in self._members}
        self.endResetModel()

    def change(self, upserted: Iterable[Member], removed: Iterable[str]) -> None:
        """Members who joined or changed, and who left (native ids), row by row."""
        for native_id in removed:
            self._remove(native_id)
        for member in upserted:
            self._upsert(member)

    def change_in_reset(self, upserted: Iterable[Member], removed: Iterable[str]) -> None:
        """As :meth:`change`, under one reset (a burst: cheaper than many row signals)."""
        self.beginResetModel()
        for native_id in removed:
            self._remove(native_id, signal=False)
        for member in upserted:
            self._upsert(member, signal=False)
        self.endResetModel()

    def member(self, native_id: str) -> Member | None:
        return self._by_id.get(native_id)

    def conversation(self) -> Any:
        """The room the rows belong to (None while there are none)."""
        return self._members[0].conversation_id if self._members else None

    def row_of(self, native_id: str) -> int:
        member = self._by_id.get(native_id)
        if member is None:
            return -1
        return bisect.bisect_left(self._keys, sort_key(member))

    def _remove(self, native_id: str, signal: bool = True) -> None:
        row = self.row_of(native_id)
        if row < 0:
            return
        if signal:
            self.beginRemoveRows(QModelIndex(), row, row)
        del self._members[row]
        del self._keys[row]
        del self._by_id[native_id]
        if signal:
            self.endRemoveRows()

    def _upsert(self, member: Member, signal: bool = True) -> None:
        key = sort_key(member)
        row = self.row_of(member.native_id)
        if row < 0:
            new = bisect.bisect_left(self._keys, key)
            if signal:
                self.beginInsertRows(QModelIndex(), new, new)
            self._members.insert(new, member)
            self._keys.insert(new, key)
            self._by_id[member.native_id] = member
            if signal:
                self.endInsertRows()
            return
        self._by_id[member.native_id] = member
        if key == self._keys[row]:
            self._members[row] = member
            if signal:
                self.dataChanged.emit(self.index(row), self.index(row))
            return
        # Its place changed (a new role or name): moved, so a selected member stays selected.
        old = self._keys.pop(row)
        new = bisect.bisect_left(self._keys, key)  # its row once taken out of its old one
        self._keys.insert(row, old)
        destination = new + 1 if new >= row else new
        moving = signal and destination not in (row, row + 1)
        if moving:
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        del self._members[row]
        del self._keys[row]
        self._members.insert(new, member)
        self._keys.insert(new, key)
        if moving:
            self.endMoveRows()
        if signal:
            self.dataChanged.emit(self.index(new), self.index(new))

    def members(self) -> list[Member]:
        return list(self._members)

    def names(self) -> list[str]:
        return [m.name for m in self._members]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._members)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._members):
            return None
        member = self._members[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if member.role in (Role.MEMBER,):
                return member.name
            return f"{member.name} ({role_text(member.role)})"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return (
                f"{member.name}, {role_text(member.role)}, {presence_text(member.presence.state)}"
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return member.affiliation or role_text(member.role)
        if role == MemberRole:
            return member
        return None
