"""Members of the open group conversation, by role then name, with role and presence in words."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
)

from app.models import Member, PresenceState, Role

ModelIndex = QModelIndex | QPersistentModelIndex
MemberRole = Qt.ItemDataRole.UserRole + 1
_ROLE_ORDER = [Role.OWNER, Role.ADMIN, Role.MODERATOR, Role.MEMBER, Role.VISITOR]
_RANK = {role: rank for rank, role in enumerate(_ROLE_ORDER)}
_NO_CHILDREN = Qt.ItemFlag.ItemNeverHasChildren


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


class MemberListModel(QStringListModel):
    """The rows in :func:`sort_key` order. ``set_members`` replaces them all (a reset);
    ``change`` inserts, moves, updates and removes single rows, so a join in a room of
    thousands does not lose the selection; ``change_in_reset`` applies a burst of changes
    under one reset. A row is found by its member's id (``_by_id``) and its sort key (a
    bisection of ``_keys``), so a change costs the change, not the room.

    The rows themselves are the members' ids in Qt's own string list (C++): after a row is
    inserted or removed the view lays every row out again and asks ``index``/``rowCount`` per
    row, which stay in C++ (a Python ``rowCount`` was ~10,000 Python calls a change at 5,000
    members). Only ``data`` and ``flags``, asked for the rows in sight, are Python: the row's
    id, read from Qt's list, names the member, so a row always shows the member it holds,
    even while Qt moves or removes it."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._keys: list[tuple[int, str, str]] = []
        self._by_id: dict[str, Member] = {}
        self._arriving: tuple[int, Member] | None = None  # a row inserted, its id not yet set

    def set_members(self, members: Iterable[Member]) -> None:
        by_id = {m.native_id: m for m in members}
        self._keys = sorted(sort_key(m) for m in by_id.values())
        self._by_id = by_id
        self.setStringList([key[2] for key in self._keys])

    def change(self, upserted: Iterable[Member], removed: Iterable[str]) -> None:
        """Members who joined or changed, and who left (native ids), row by row."""
        for native_id in removed:
            self._remove(native_id)
        for member in upserted:
            self._upsert(member)

    def change_in_reset(self, upserted: Iterable[Member], removed: Iterable[str]) -> None:
        """As :meth:`change`, under one reset (a burst: cheaper than many row signals)."""
        keys, by_id = self._keys, self._by_id
        for native_id in removed:
            gone = by_id.pop(native_id, None)
            if gone is not None:
                del keys[bisect.bisect_left(keys, sort_key(gone))]
        for member in upserted:
            old = by_id.get(member.native_id)
            if old is not None:
                del keys[bisect.bisect_left(keys, sort_key(old))]
            by_id[member.native_id] = member
            bisect.insort(keys, sort_key(member))
        self.setStringList([key[2] for key in keys])

    def member(self, native_id: str) -> Member | None:
        return self._by_id.get(native_id)

    def conversation(self) -> Any:
        """The room the rows belong to (None while there are none)."""
        return self._by_id[self._keys[0][2]].conversation_id if self._keys else None

    def row_of(self, native_id: str) -> int:
        member = self._by_id.get(native_id)
        if member is None:
            return -1
        return bisect.bisect_left(self._keys, sort_key(member))

    def _remove(self, native_id: str) -> None:
        row = self.row_of(native_id)
        if row < 0:
            return
        self.removeRows(row, 1)  # the row still names its member while Qt announces it
        del self._keys[row]
        del self._by_id[native_id]

    def _upsert(self, member: Member) -> None:
        key = sort_key(member)
        native_id = member.native_id
        row = self.row_of(native_id)
        if row < 0:
            new = bisect.bisect_left(self._keys, key)
            self._keys.insert(new, key)
            self._by_id[native_id] = member
            self._arriving = (new, member)
            self.insertRows(new, 1)
            self._arriving = None
            # Its id into Qt's list; the row showed this member already, so nobody is told.
            blocked = self.blockSignals(True)
            self.setData(self.index(new), native_id)
            self.blockSignals(blocked)
            return
        self._by_id[native_id] = member
        if key != self._keys[row]:
            # Its place changed (a new role or name): moved, so a selected member stays selected.
            del self._keys[row]
            new = bisect.bisect_left(self._keys, key)  # its row once taken out of its old one
            self._keys.insert(new, key)
            destination = new + 1 if new >= row else new
            if destination not in (row, row + 1):
                self.moveRows(QModelIndex(), row, 1, QModelIndex(), destination)
            row = new
        self.dataChanged.emit(self.index(row), self.index(row))

    def members(self) -> list[Member]:
        by_id = self._by_id
        return [by_id[key[2]] for key in self._keys]

    def names(self) -> list[str]:
        by_id = self._by_id
        return [by_id[key[2]].name for key in self._keys]

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Chosen, never edited, dragged or dropped on (Qt's string list allows all three)."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | _NO_CHILDREN

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        native_id = super().data(index, Qt.ItemDataRole.DisplayRole)
        if native_id is None:  # not a row
            return None
        arriving = self._arriving
        if arriving is not None and arriving[0] == index.row():
            member: Member | None = arriving[1]
        else:
            member = self._by_id.get(native_id)
        if member is None:
            return None
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
