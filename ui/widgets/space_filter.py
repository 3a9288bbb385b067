"""The space filter over the conversation list: "All conversations" or one space (with its
sub-spaces), each with its unread count, and a button to see the rooms a space holds.

A combo box: one keyboard stop, read by a screen reader as "Space, Home — 3 unread", its
entries indented by how deep a sub-space sits. Hidden while no account is in a space.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from app.models import ConversationId
from ui.models.space_model import SpaceEntry, SpaceTree


class SpaceFilter(QWidget):
    """Signals:

    ``filterChanged(object)``: show only these conversations (a frozenset of
    ConversationId), or all of them (None).
    ``exploreRequested(object, str)``: show the rooms of a space (its ConversationId, title).
    """

    filterChanged = Signal(object)
    exploreRequested = Signal(object, str)

    def __init__(self, tree: SpaceTree, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spaceFilter")
        self.tree = tree
        self.combo = QComboBox()
        self.combo.setObjectName("spaceChoice")
        self.combo.setAccessibleName(self.tr("Space"))
        self.combo.setAccessibleDescription(
            self.tr("Shows only the conversations of one space and its sub-spaces.")
        )
        self.combo.currentIndexChanged.connect(self._chosen)
        label = QLabel(self.tr("Space"))  # (no letter free: Tab reaches it)
        label.setBuddy(self.combo)
        self.explore = QPushButton(self.tr("Rooms…"))
        self.explore.setObjectName("exploreSpace")
        self.explore.setAccessibleName(self.tr("Rooms in this space"))
        self.explore.setToolTip(self.tr("Rooms in this space, to join"))
        self.explore.clicked.connect(self._explore)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.explore)
        self._entries: list[SpaceEntry] = []
        self._current: ConversationId | None = None
        tree.changed.connect(self.refresh)
        self.refresh()

    @property
    def current(self) -> ConversationId | None:
        """The space chosen (None: all conversations)."""
        return self._current

    @Slot()
    def refresh(self) -> None:
        """Rebuild the entries (names and unread counts), keeping the choice."""
        self._entries = self.tree.entries()
        self.setVisible(bool(self._entries))
        self.combo.blockSignals(True)
        try:
            self.combo.clear()
            self.combo.addItem(self.tr("All conversations"))
            index = 0
            for i, entry in enumerate(self._entries, start=1):
                self.combo.addItem(self._text(entry))
                if entry.space.id == self._current:
                    index = i
            self.combo.setCurrentIndex(index)
        finally:
            self.combo.blockSignals(False)
        if index == 0 and self._current is not None:  # the chosen space is gone
            self._set(None)
        elif self._current is not None:
            self.filterChanged.emit(self.tree.rooms(self._current))  # its rooms may change
        self.explore.setEnabled(self._current is not None)

    def _text(self, entry: SpaceEntry) -> str:
        name = entry.space.title or entry.space.id.native_id
        text = "    " * entry.depth + name
        if entry.mentions:
            return self.tr("{name} — %n unread, mentions you", "", entry.unread).format(name=text)
        if entry.unread:
            return self.tr("{name} — %n unread", "", entry.unread).format(name=text)
        return text

    @Slot(int)
    def _chosen(self, index: int) -> None:
        entry = self._entries[index - 1] if 0 < index <= len(self._entries) else None
        self._set(entry.space.id if entry is not None else None)

    def _set(self, space: ConversationId | None) -> None:
        self._current = space
        self.explore.setEnabled(space is not None)
        self.filterChanged.emit(self.tree.rooms(space) if space is not None else None)

    def choose(self, space: ConversationId | None) -> None:
        """Choose a space (None: all conversations), as the combo box would."""
        for i, entry in enumerate(self._entries, start=1):
            if entry.space.id == space:
                self.combo.setCurrentIndex(i)
                return
        self.combo.setCurrentIndex(0)

    @Slot()
    def _explore(self) -> None:
        for entry in self._entries:
            if entry.space.id == self._current:
                self.exploreRequested.emit(entry.space.id, entry.space.title)
                return
