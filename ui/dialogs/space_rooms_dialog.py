"""The rooms a space holds, to join: its hierarchy as the service lists it.

Each row reads "Name, sub-space, 12 members, joined: topic"; rooms of a sub-space are indented
below it. Enter or "Join" joins the chosen room through the servers the space names for it. A
space of thousands of rooms is listed up to a limit, and the dialog says so.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.backend import Outcome
from app.models import ConversationId, SpaceHierarchy, SpaceRoom
from app.runtime import Result
from ui.bridge import CoreBridge
from ui.core_text import core_text

MAX_DEPTH = 8


def ordered(hierarchy: SpaceHierarchy) -> list[tuple[SpaceRoom, int]]:
    """The rooms with how deep each sits, each sub-space followed by its own rooms (each room
    once; a loop of spaces does not repeat)."""
    by_parent: dict[str, list[SpaceRoom]] = {}
    for room in hierarchy.rooms:
        by_parent.setdefault(room.parent or hierarchy.space, []).append(room)
    out: list[tuple[SpaceRoom, int]] = []
    seen: set[str] = {hierarchy.space}

    def walk(parent: str, depth: int) -> None:
        for room in by_parent.get(parent, []):
            if room.native_id in seen:
                continue
            seen.add(room.native_id)
            out.append((room, depth))
            if room.is_space and depth < MAX_DEPTH:
                walk(room.native_id, depth + 1)

    walk(hierarchy.space, 0)
    out.extend((r, 0) for r in hierarchy.rooms if r.native_id not in seen)  # orphans last
    return out


class SpaceRoomsDialog(QDialog):
    """The rooms of one space; joining one keeps the dialog open (to join several)."""

    def __init__(
        self, bridge: CoreBridge, space: ConversationId, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("spaceRoomsDialog")
        self.setWindowTitle(self.tr("Rooms in {space}").format(space=title or space.native_id))
        self._bridge = bridge
        self._space = space
        self.status = QLabel(self.tr("Loading the rooms of the space…"))
        self.status.setObjectName("spaceRoomsStatus")
        self.status.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("spaceRooms")
        self.list.setAccessibleName(self.tr("Rooms in the space"))
        self.list.itemActivated.connect(lambda _item: self.join_current())
        self.list.currentItemChanged.connect(lambda *_: self._update_button())
        label = QLabel(self.tr("&Rooms"))
        label.setBuddy(self.list)
        self.join_button = QPushButton(self.tr("&Join"))
        self.join_button.setObjectName("joinSpaceRoom")
        self.join_button.clicked.connect(self.join_current)
        self.join_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.join_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():  # Return on a room joins it: no default to close on
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(520, 420)
        bridge.call(bridge.core.spaces.hierarchy(space), self._loaded)

    def _loaded(self, done: Result[SpaceHierarchy]) -> None:
        if not done.ok:
            self.status.setText(self.tr("The rooms could not be listed: {error}").format(
                error=core_text(done.error) or ""))  # fmt: skip
            return
        hierarchy = done.value
        self.list.clear()
        for room, depth in ordered(hierarchy):
            item = QListWidgetItem("    " * depth + self._line(room))
            item.setData(Qt.ItemDataRole.UserRole, room)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self._spoken(room))
            self.list.addItem(item)
        count = len(hierarchy.rooms)
        if not hierarchy.complete:
            self.status.setText(
                self.tr("The space holds more rooms than can be listed; here are the first %n.",
                        "", count))  # fmt: skip
        elif count:
            self.status.setText(self.tr("%n room(s) in this space.", "", count))
        else:
            self.status.setText(self.tr("This space holds no rooms you can see."))
        if count:
            self.list.setCurrentRow(0)
            self.list.setFocus()

    def _line(self, room: SpaceRoom) -> str:
        parts = [room.name or room.native_id]
        if room.is_space:
            parts.append(self.tr("(space)"))
        if room.joined:
            parts.append(self.tr("— joined"))
        return " ".join(parts)

    def _spoken(self, room: SpaceRoom) -> str:
        parts = [room.name or room.native_id]
        if room.is_space:
            parts.append(self.tr("sub-space"))
        if room.members is not None:
            parts.append(self.tr("%n member(s)", "", room.members))
        parts.append(self.tr("joined") if room.joined else self.tr("not joined"))
        text = ", ".join(parts)
        return f"{text}: {room.topic}" if room.topic else text

    def current_room(self) -> SpaceRoom | None:
        item = self.list.currentItem()
        room = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return room if isinstance(room, SpaceRoom) else None

    def _update_button(self) -> None:
        room = self.current_room()
        self.join_button.setEnabled(room is not None and not room.joined)

    @Slot()
    def join_current(self) -> None:
        room = self.current_room()
        if room is None or room.joined:
            return
        self.join_button.setEnabled(False)
        self.status.setText(self.tr("Joining {name}…").format(name=room.name or room.native_id))
        self._bridge.call(
            self._bridge.core.spaces.join(self._space.account_id, room),
            lambda done: self._joined(done, room),
        )

    def _joined(self, done: Result[Outcome], room: SpaceRoom) -> None:
        name = room.name or room.native_id
        if done.ok and done.value.ok:
            self.status.setText(self.tr("You joined {name}.").format(name=name))
            for row in range(self.list.count()):
                item = self.list.item(row)
                if item.data(Qt.ItemDataRole.UserRole) == room:
                    joined = replace(room, joined=True)
                    item.setData(Qt.ItemDataRole.UserRole, joined)
                    item.setText(item.text() + " " + self.tr("— joined"))
                    item.setData(Qt.ItemDataRole.AccessibleTextRole, self._spoken(joined))
            return
        failure = done.value.failure if done.ok else None
        reason = (
            core_text(failure.message) if failure is not None else (core_text(done.error) or "")
        )
        self.status.setText(self.tr("{name} could not be joined: {reason}").format(
            name=name, reason=reason))  # fmt: skip
        self._update_button()
