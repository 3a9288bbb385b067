"""An account's "Blocked" list: whom it blocks, blocking someone by address (or, on IRC, by a
``nick!user@host`` mask), and unblocking. Blocked people's messages are neither stored nor
notified; on XMPP and Matrix the server keeps the list, so every device obeys it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import events as ev
from app.backend import Outcome
from app.models import Contact
from app.runtime import Result
from ui.bridge import CoreBridge
from ui.core_text import core_text
from ui.widgets.problem_label import ProblemLabel


class BlockedDialog(QDialog):
    def __init__(
        self, bridge: CoreBridge, account_id: str, account_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("blockedDialog")
        self.setWindowTitle(self.tr("Blocked on {account}").format(account=account_name))
        self.setAccessibleName(self.windowTitle())
        self.bridge = bridge
        self.account_id = account_id
        self.pending = 0
        self.problem = ProblemLabel("blockedProblem")
        self.list = QListWidget()
        self.list.setObjectName("blockedList")
        self.list.setAccessibleName(self.tr("Blocked people"))
        list_label = QLabel(self.tr("&Blocked:"))
        list_label.setBuddy(self.list)
        self.entry = QLineEdit()
        self.entry.setObjectName("blockEntry")
        self.entry.setAccessibleName(self.tr("Address or mask to block"))
        self.entry.setPlaceholderText(
            self.tr("An address, or on IRC a mask such as *!*@spam.example")
        )
        self.entry.returnPressed.connect(self.block)
        self.entry.textEdited.connect(lambda _t: self.problem.clear_problem())
        entry_label = QLabel(self.tr("&Address or mask:"))
        entry_label.setBuddy(self.entry)
        self.block_button = QPushButton(self.tr("Bl&ock"))
        self.block_button.setObjectName("blockButton")
        self.block_button.setAccessibleName(self.tr("Block this address or mask"))
        self.block_button.clicked.connect(self.block)
        self.unblock_button = QPushButton(self.tr("&Unblock"))
        self.unblock_button.setObjectName("unblockButton")
        self.unblock_button.setAccessibleName(self.tr("Unblock the selected person"))
        self.unblock_button.clicked.connect(self.unblock)
        form = QFormLayout()
        form.addRow(entry_label, self.entry)
        row = QHBoxLayout()
        row.addWidget(self.block_button)
        row.addWidget(self.unblock_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(list_label)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        bridge.events.connect(self._events)
        self.resize(420, 360)
        self.reload()

    def blocked(self) -> list[str]:
        return [
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).data(Qt.ItemDataRole.UserRole)
        ]

    def reload(self) -> None:
        self.pending += 1
        self.bridge.call(self.bridge.core.contacts.blocked(self.account_id), self._loaded)

    def _loaded(self, done: Result[list[Contact]]) -> None:
        self.pending -= 1
        if not done.ok:
            self.problem.say(core_text(done.error) or "")
            return
        current = self.list.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.list.clear()
        for contact in sorted(done.value, key=lambda c: c.name.casefold()):
            address = contact.id.native_id
            text = address if contact.name == address else f"{contact.name} ({address})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, address)
            self.list.addItem(item)
            if address == keep:
                self.list.setCurrentItem(item)
        if not done.value:
            empty = QListWidgetItem(self.tr("Nobody is blocked."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)

    @Slot(list)
    def _events(self, events: list[ev.Event]) -> None:
        if any(
            isinstance(e, ev.ContactsChanged)
            and e.account_id == self.account_id
            and not e.presence_only
            for e in events
        ):
            self.reload()

    @Slot()
    def block(self) -> None:
        who = self.entry.text().strip()
        if not who:
            self.problem.say(self.tr("Type an address or a mask to block."))
            return
        self._set(who, True)

    @Slot()
    def unblock(self) -> None:
        item = self.list.currentItem()
        who = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not who:
            self.problem.say(self.tr("Choose someone in the list first."))
            return
        self._set(str(who), False)

    def _set(self, who: str, blocked: bool) -> None:
        self.pending += 1

        def answered(done: Result[Outcome]) -> None:
            self.pending -= 1
            failure = done.value.failure if done.ok else None
            if not done.ok or failure is not None:
                self.problem.say(
                    core_text(done.error) or (core_text(failure.message) if failure else "")
                )
                return
            self.problem.clear_problem()
            if blocked:
                self.entry.clear()
            self.reload()

        self.bridge.call(
            self.bridge.core.contacts.set_blocked(self.account_id, who, blocked), answered
        )
