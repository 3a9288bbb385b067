"""Members of the open group conversation, by role then name, with role and presence in words."""

from __future__ import annotations

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
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._members: list[Member] = []

    def set_members(self, members: tuple[Member, ...] | list[Member]) -> None:
        self.beginResetModel()
        self._members = sorted(
            members, key=lambda m: (_ROLE_ORDER.index(m.role), m.name.casefold())
        )
        self.endResetModel()

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
