"""The emoji picker: a search box over every emoji by name, the recently used ones first.

A dialog (not a bare popup) so a screen reader announces it and its parts: typing searches by
name ("thumbs", "heart"); Down or Enter moves into the results; arrow keys move between emoji,
each read by its name ("grinning face"); Enter or a click inserts one and closes; Escape closes.
Recent emoji are kept by whoever owns the picker (a preference), passed in and handed back.

Signals:
    picked(str): an emoji was chosen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from ui.a11y.widgets import ListFocus, announce_on_tab, name_clear_button
from ui.emoji_text import EmojiEntry, entry_for, search

ModelIndex = QModelIndex | QPersistentModelIndex
RECENT_MAX = 24
MAX_TEXT = 64  # a typed reaction is a word, not a message
CELL = 40


def remember(char: str, recent: list[str]) -> list[str]:
    """``recent`` with ``char`` moved to the front, at most :data:`RECENT_MAX` long."""
    return [char, *(c for c in recent if c != char)][:RECENT_MAX]


class EmojiListModel(QAbstractListModel):
    """Emoji to show, each read by its name."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: tuple[EmojiEntry, ...] = ()

    def set_entries(self, entries: tuple[EmojiEntry, ...]) -> None:
        self.beginResetModel()
        self._entries = entries
        self.endResetModel()

    def entries(self) -> tuple[EmojiEntry, ...]:
        return self._entries

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.char
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return entry.name
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.UserRole:
            return entry.char
        return None


class _SearchBox(QLineEdit):
    """Down or Enter moves into the results (Enter on one result picks it at once)."""

    down = Signal()
    enter = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class _Grid(QListView):
    """Enter picks the current emoji."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setGridSize(QSize(CELL, CELL))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        font = QFont(self.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.6)
        self.setFont(font)
        self.activated.connect(self._activated)
        self.clicked.connect(self._activated)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._activated(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        char = index.data(Qt.ItemDataRole.UserRole)
        if char:
            self.chosen.emit(str(char))


class EmojiPicker(QDialog):
    picked = Signal(str)

    def __init__(
        self,
        recent: list[str] | None = None,
        parent: QWidget | None = None,
        *,
        title: str = "",
        allow_text: bool = False,
        recent_title: str = "",
    ) -> None:
        """``allow_text``: Enter on a search that finds no emoji picks the text itself (a
        reaction may be a word)."""
        super().__init__(parent)
        self.setObjectName("emojiPicker")
        self.allow_text = allow_text
        self.setWindowTitle(title or self.tr("Insert emoji"))
        self.setAccessibleName(title or self.tr("Insert emoji"))
        self.search = _SearchBox()
        self.search.setObjectName("emojiSearch")
        self.search.setAccessibleName(self.tr("Search emoji"))
        self.search.setAccessibleDescription(
            self.tr(
                "Type part of a name. Down goes to the results; Enter takes the first, or with "
                "nothing typed the one used last."
            )
        )
        self.search.setPlaceholderText(self.tr("Search emoji…"))
        self.search.setClearButtonEnabled(True)
        name_clear_button(self.search, self.tr("Clear the search"))
        announce_on_tab(self.search)
        self.recent_label = QLabel(recent_title or self.tr("&Recently used"))
        self.recent_model = EmojiListModel(self)
        self.recent_view = _Grid()
        self.recent_view.setObjectName("recentEmoji")
        self.recent_view.setAccessibleName(self.tr("Recently used emoji"))
        self.recent_view.setModel(self.recent_model)
        self.recent_view.setFixedHeight(CELL + 8)
        self.recent_label.setBuddy(self.recent_view)
        self.recent_focus = ListFocus(self.recent_view, lambda: self.recent_model.index(0))
        self.results_label = QLabel(self.tr("&All emoji"))
        self.model = EmojiListModel(self)
        self.results = _Grid()
        self.results.setObjectName("emojiResults")
        self.results.setAccessibleName(self.tr("Emoji"))
        self.results.setModel(self.model)
        self.results_label.setBuddy(self.results)
        self.results_focus = ListFocus(self.results, lambda: self.model.index(0))
        self.empty = QLabel(
            self.tr("No emoji with that name. Enter uses the text itself.")
            if allow_text
            else self.tr("No emoji with that name.")
        )
        self.empty.setObjectName("emojiNone")
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent_view)
        layout.addWidget(self.results_label)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.empty)
        self.search.textChanged.connect(self._search)
        self.search.down.connect(self._into_results)
        self.search.enter.connect(self._pick_first)
        self.recent_view.chosen.connect(self._chosen)
        self.results.chosen.connect(self._chosen)
        QWidget.setTabOrder(self.search, self.recent_view)
        QWidget.setTabOrder(self.recent_view, self.results)
        self.resize(420, 380)
        self.set_recent(recent or [])
        self._search("")
        self.search.setFocus()

    def set_recent(self, recent: list[str]) -> None:
        entries = tuple(e for e in (entry_for(c) for c in recent) if e is not None)
        self.recent_model.set_entries(entries)
        shown = bool(entries) and not self.search.text().strip()
        self.recent_label.setVisible(shown)
        self.recent_view.setVisible(shown)

    @Slot(str)
    def _search(self, text: str) -> None:
        found = search(text)
        self.model.set_entries(found)
        searching = bool(text.strip())
        self.results_label.setText(
            self.tr("Results (%n)", "", len(found)) if searching else self.tr("&All emoji")
        )
        self.empty.setVisible(not found)
        has_recent = self.recent_model.rowCount() > 0
        self.recent_label.setVisible(has_recent and not searching)
        self.recent_view.setVisible(has_recent and not searching)
        if found:
            self.results.setCurrentIndex(self.model.index(0))

    @Slot()
    def _into_results(self) -> None:
        if self.model.rowCount():
            if not self.results.currentIndex().isValid():
                self.results.setCurrentIndex(self.model.index(0))
            self.results.setFocus(Qt.FocusReason.TabFocusReason)

    @Slot()
    def _pick_first(self) -> None:
        """Enter in the search: with nothing typed, the most recently used emoji (Enter twice
        repeats the last one); else the first result (or, where allowed, the text typed)."""
        text = self.search.text().strip()
        if not text and self.recent_model.rowCount():
            self._chosen(self.recent_model.entries()[0].char)
        elif self.model.rowCount():
            self._chosen(self.model.entries()[0].char)
        elif text and self.allow_text:
            self._chosen(text[:MAX_TEXT])

    @Slot(str)
    def _chosen(self, char: str) -> None:
        self.picked.emit(char)
        self.accept()
