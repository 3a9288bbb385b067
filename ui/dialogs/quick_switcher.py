"""Ctrl+K: type part of a name, Enter opens that conversation (any account, most recent first).

For a screen reader: typing says how many conversations match and the first one ("3 matches,
first #python, Libera"); Down moves the focus into the list (each item then speaks as it is
reached), Up from its top or any typing goes back to the name field.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from app.models import ConversationId, ConversationKind
from ui.a11y.widgets import ListFocus, announce_on_tab, name
from ui.models.sidebar_model import SidebarModel


class QuickSwitcher(QDialog):
    def __init__(
        self,
        sidebar: SidebarModel,
        parent: QWidget | None = None,
        say: Callable[..., None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("quickSwitcher")
        self.setWindowTitle(self.tr("Go to conversation"))
        self.setAccessibleName(self.tr("Go to conversation"))
        self.chosen: ConversationId | None = None
        self._say = say
        self._entries: list[tuple[str, ConversationId]] = []
        many_accounts = len(sidebar.account_ids()) > 1
        for account_id in sidebar.account_ids():
            for conv in sidebar.conversations_of(account_id):
                entry = conv.name
                if conv.kind is ConversationKind.DIRECT:
                    entry = self.tr("{name}, direct").format(name=entry)
                if many_accounts:
                    entry = self.tr("{name}, {account}").format(
                        name=entry, account=sidebar.account_name(account_id)
                    )
                if conv.unread_count:
                    entry += ", " + self.tr("%n unread", "", conv.unread_count)
                self._entries.append((entry, conv.id))
        self._entries.sort(key=lambda e: -sidebar.activity_rank(e[1]))
        self.filter = QLineEdit()
        self.filter.setObjectName("switcherFilter")
        name(self.filter, self.tr("Conversation name"))
        self.filter.setPlaceholderText(self.tr("Type part of a name…"))
        self.filter.textChanged.connect(self._refilter)
        self.filter.installEventFilter(self)
        announce_on_tab(self.filter)
        self.model = QStringListModel(self)
        self.list = QListView()
        self.list.setObjectName("switcherList")
        name(self.list, self.tr("Matching conversations"))
        self.list.setModel(self.model)
        self.list.activated.connect(self._accept_index)
        self.list.installEventFilter(self)
        self.list_focus = ListFocus(self.list, lambda: self.model.index(0))
        label = QLabel(self.tr("&Go to:"))
        label.setBuddy(self.filter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        self.resize(420, 360)
        self._visible: list[ConversationId] = []
        self._refilter("", speak=False)

    @Slot(str)
    def _refilter(self, text: str, speak: bool = True) -> None:
        needle = text.casefold().strip()
        shown = [(label, conv) for label, conv in self._entries if needle in label.casefold()]
        self._visible = [conv for _, conv in shown]
        self.model.setStringList([label for label, _ in shown])
        if shown:
            self.list_focus.select(self.model.index(0))
        if speak and self._say is not None:
            if shown:
                said = self.tr("%n conversation(s) found, first {entry}", "", len(shown)).format(
                    entry=shown[0][0]
                )
            else:
                said = self.tr("No conversation found")
            self._say(said, key="switcher", delay=0.4)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.filter:
            if key == Qt.Key.Key_Down and self.model.rowCount():
                self.list.setFocus(Qt.FocusReason.TabFocusReason)  # its item is then spoken
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._accept_index(self.list_focus.current())
                return True
        elif watched is self.list:
            if key == Qt.Key.Key_Up and self.list.currentIndex().row() <= 0:
                self.filter.setFocus(Qt.FocusReason.BacktabFocusReason)
                return True
            text = event.text()
            if (
                text
                and text.isprintable()
                and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
            ):
                self.filter.setFocus(Qt.FocusReason.OtherFocusReason)
                self.filter.insert(text)
                return True
        return super().eventFilter(watched, event)

    def _accept_index(self, index: object) -> None:
        row = getattr(index, "row", lambda: -1)()
        if 0 <= row < len(self._visible):
            self.chosen = self._visible[row]
            self.accept()
