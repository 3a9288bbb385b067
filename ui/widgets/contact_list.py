"""The contact list: a filter box over each account's people by group, with their presence in
words. Enter starts a chat; the menu key (or Shift+F10, or a right click) opens the contact's
actions (chat, details, rename, remove, block); the "Add contact" button adds one to the chosen
account."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.models import Contact
from ui.a11y.widgets import name_clear_button
from ui.models.contact_model import AccountRole, ContactListModel, ContactRole, KindRole
from ui.widgets.sidebar import FilterBox


class _ContactTree(QTreeView):
    """Enter on a contact is "start a chat" (not Qt's expand/collapse)."""

    enterPressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enterPressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ContactList(QWidget):
    """Signals:

    ``chatRequested(str, str)``: start a chat (account id, contact address).
    ``menuRequested(object, QPoint)``: show the actions for a :class:`Contact` at a global point.
    ``addRequested(object)``: add a contact (to this account id, or None: ask which).
    """

    chatRequested = Signal(str, str)
    menuRequested = Signal(object, QPoint)
    addRequested = Signal(object)

    def __init__(self, model: ContactListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactArea")
        self.source = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = FilterBox()
        self.filter.setObjectName("contactFilter")
        self.filter.setAccessibleName(self.tr("Filter contacts"))
        self.filter.setAccessibleDescription(
            self.tr(
                "Shows only the people whose name, address or presence contains the text. "
                "Escape clears it; Down or Enter goes to the list."
            )
        )
        self.filter.setPlaceholderText(self.tr("Filter contacts…"))
        self.filter.setClearButtonEnabled(True)
        name_clear_button(self.filter, self.tr("Clear the filter"))
        self.filter.textChanged.connect(self._filter_changed)
        self.filter.listRequested.connect(self._to_list)
        self.tree = _ContactTree(self)
        self.tree.setObjectName("contactList")
        self.tree.setAccessibleName(self.tr("Contacts"))
        self.tree.setAccessibleDescription(
            self.tr(
                "Each account's people by group, with their presence. Enter starts a chat; "
                "the menu key opens more actions."
            )
        )
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu_at)
        self.tree.doubleClicked.connect(self._activated)
        self.tree.enterPressed.connect(self._chat_current)
        self.proxy.rowsInserted.connect(self._expand_new)
        for keys in ("Shift+F10", "Menu"):
            shortcut = QShortcut(QKeySequence(keys), self.tree)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.open_menu)
        self.add_button = QPushButton(self.tr("Ne&w contact…"))
        self.add_button.setObjectName("addContactButton")
        self.add_button.setAccessibleName(self.tr("Add a contact"))
        self.add_button.clicked.connect(self._add)
        label = QLabel(self.tr("&Your contacts"))
        label.setBuddy(self.tree)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(label)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        # No focus proxy: the column would then report "focused" along with its list.
        QWidget.setTabOrder(self.filter, self.tree)
        QWidget.setTabOrder(self.tree, self.add_button)

    # -- reading -----------------------------------------------------------------------------

    def current_contact(self) -> Contact | None:
        index = self.tree.currentIndex()
        contact = index.data(ContactRole) if index.isValid() else None
        return contact if isinstance(contact, Contact) else None

    def current_account(self) -> str | None:
        index = self.tree.currentIndex()
        account = index.data(AccountRole) if index.isValid() else None
        return str(account) if account else None

    def select_contact(self, account_id: str, native_id: str) -> bool:
        """Make a contact current (the first row that shows them)."""
        for index in self._contact_indexes():
            contact = index.data(ContactRole)
            if contact.id.account_id == account_id and contact.id.native_id == native_id:
                self.tree.setCurrentIndex(index)
                return True
        return False

    def _contact_indexes(self) -> list[QModelIndex]:
        found: list[QModelIndex] = []
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                if index.data(KindRole) == "contact":
                    found.append(index)
                else:
                    stack.append(index)
        return found

    # -- slots -------------------------------------------------------------------------------

    @Slot(str)
    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.tree.expandAll()

    @Slot()
    def _to_list(self) -> None:
        if self.current_contact() is None:
            first = self._contact_indexes()
            if first:
                self.tree.setCurrentIndex(first[0])
        self.tree.setFocus(Qt.FocusReason.TabFocusReason)

    @Slot(QModelIndex, int, int)
    def _expand_new(self, parent: QModelIndex, first: int, last: int) -> None:
        """Accounts and groups open as they appear: people are what the list is for."""
        for row in range(first, last + 1):
            index = self.proxy.index(row, 0, parent)
            if index.data(KindRole) != "contact":
                self.tree.expand(index)

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        contact = index.data(ContactRole)
        if isinstance(contact, Contact):
            self.chatRequested.emit(contact.id.account_id, contact.id.native_id)

    @Slot()
    def _chat_current(self) -> None:
        index = self.tree.currentIndex()
        if index.isValid() and index.data(KindRole) != "contact":
            self.tree.setExpanded(index, not self.tree.isExpanded(index))
            return
        self._activated(index)

    @Slot()
    def open_menu(self) -> None:
        index = self.tree.currentIndex()
        contact = self.current_contact()
        if contact is None:
            return
        rect = self.tree.visualRect(index)
        self.menuRequested.emit(
            contact, self.tree.viewport().mapToGlobal(rect.topLeft() + QPoint(20, 10))
        )

    @Slot(QPoint)
    def _menu_at(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        contact = index.data(ContactRole) if index.isValid() else None
        if isinstance(contact, Contact):
            self.tree.setCurrentIndex(index)
            self.menuRequested.emit(contact, self.tree.viewport().mapToGlobal(pos))

    @Slot()
    def _add(self) -> None:
        self.addRequested.emit(self.current_account())
