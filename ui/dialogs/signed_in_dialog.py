"""An account's signed-in sessions (Element's "Sessions"): where the account is signed in, when
and from where each was last seen; rename one, or sign others out (a lost laptop, a friend's
computer). This app's own session is listed first and cannot be signed out here (removing the
account does that). Everything goes through ``core.signed_in``."""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.backend import Outcome, SignedInDevice
from app.runtime import Result
from ui.bridge import CoreBridge
from ui.core_text import core_text
from ui.widgets.problem_label import ProblemLabel

DEVICE_ROLE = Qt.ItemDataRole.UserRole
CURRENT_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2


class SignedInDialog(QDialog):
    def __init__(
        self, bridge: CoreBridge, account_id: str, account_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signedInDialog")
        self.setWindowTitle(self.tr("Sessions of {account}").format(account=account_name))
        self.setAccessibleName(self.windowTitle())
        self.bridge = bridge
        self.account_id = account_id
        self.pending = 0
        self.loaded = False
        self.asking: QDialog | None = None  # the rename or confirmation on screen (tests)
        self.problem = ProblemLabel("signedInProblem")
        self.list = QListWidget()
        self.list.setObjectName("signedInList")
        self.list.setAccessibleName(self.tr("Sessions where this account is signed in"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        list_label = QLabel(self.tr("&Signed in on:"))
        list_label.setBuddy(self.list)
        self.rename_button = QPushButton(self.tr("&Rename…"))
        self.rename_button.setObjectName("renameSession")
        self.rename_button.setAccessibleName(self.tr("Rename the selected session"))
        self.rename_button.clicked.connect(self.rename)
        self.sign_out_button = QPushButton(self.tr("Sign &out…"))
        self.sign_out_button.setObjectName("signOutSessions")
        self.sign_out_button.setAccessibleName(self.tr("Sign out the selected sessions"))
        self.sign_out_button.clicked.connect(self.sign_out)
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.refresh_button.setObjectName("refreshSessions")
        self.refresh_button.setAccessibleName(self.tr("Refresh the list of sessions"))
        self.refresh_button.clicked.connect(self.reload)
        row = QHBoxLayout()
        row.addWidget(self.rename_button)
        row.addWidget(self.sign_out_button)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(list_label)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(460, 380)
        self._selection_changed()
        self.reload()

    # -- the list ------------------------------------------------------------------------------

    def devices(self) -> list[str]:
        return [str(self.list.item(i).data(DEVICE_ROLE)) for i in range(self.list.count())]

    def selected(self) -> list[QListWidgetItem]:
        return [item for item in self.list.selectedItems() if item.data(DEVICE_ROLE)]

    @Slot()
    def reload(self) -> None:
        self.pending += 1
        self.bridge.call(self.bridge.core.signed_in.devices(self.account_id), self._loaded)

    def _loaded(self, done: Result[tuple[SignedInDevice, ...]]) -> None:
        self.pending -= 1
        if not done.ok:
            self.problem.say(core_text(done.error) or "")
            return
        keep = {item.data(DEVICE_ROLE) for item in self.selected()}
        current = self.list.currentItem()
        keep_current = current.data(DEVICE_ROLE) if current is not None else None
        self.list.clear()
        for device in done.value:
            item = QListWidgetItem(self._describe(device))
            item.setData(DEVICE_ROLE, device.device_id)
            item.setData(CURRENT_ROLE, device.current)
            item.setData(NAME_ROLE, device.name)
            self.list.addItem(item)
            item.setSelected(device.device_id in keep)
            if device.device_id == keep_current:
                self.list.setCurrentItem(item, self.list.selectionModel().SelectionFlag.NoUpdate)
        self.loaded = True
        self._selection_changed()

    def _describe(self, device: SignedInDevice) -> str:
        name = device.name or self.tr("Unnamed session")
        head = self.tr("{name} (this session)").format(name=name) if device.current else name
        details = [device.device_id]
        if device.last_seen is not None:
            local = device.last_seen.astimezone()
            when = QLocale().toString(
                QDateTime(
                    QDate(local.year, local.month, local.day),
                    QTime(local.hour, local.minute),
                ),
                QLocale.FormatType.ShortFormat,
            )
            details.append(self.tr("last seen {when}").format(when=when))
        if device.last_address:
            details.append(self.tr("from {address}").format(address=device.last_address))
        return f"{head}\n{' · '.join(details)}"

    @Slot()
    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.rename_button.setEnabled(len(chosen) == 1)
        self.sign_out_button.setEnabled(
            bool(chosen) and not any(item.data(CURRENT_ROLE) for item in chosen)
        )

    # -- actions -------------------------------------------------------------------------------

    @Slot()
    def rename(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            self.problem.say(self.tr("Choose one session to rename."))
            return
        device_id = str(chosen[0].data(DEVICE_ROLE))
        dialog = QInputDialog(self)
        dialog.setObjectName("renameSessionDialog")
        dialog.setWindowTitle(self.tr("Rename session"))
        dialog.setAccessibleName(dialog.windowTitle())
        dialog.setLabelText(self.tr("Name of this session, as your other apps list it:"))
        dialog.setTextValue(str(chosen[0].data(NAME_ROLE) or ""))
        dialog.textValueSelected.connect(
            lambda name: self._call(
                self.bridge.core.signed_in.rename(self.account_id, device_id, name)
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        self.asking = dialog
        dialog.open()

    @Slot()
    def sign_out(self) -> None:
        chosen = self.selected()
        if not chosen or any(item.data(CURRENT_ROLE) for item in chosen):
            self.problem.say(
                self.tr("Choose other sessions than this one: removing the account signs it out.")
            )
            return
        ids = tuple(str(item.data(DEVICE_ROLE)) for item in chosen)
        box = QMessageBox(self)
        box.setObjectName("confirmSignOut")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Sign out sessions"))
        box.setAccessibleName(box.windowTitle())
        box.setText(
            self.tr(
                "Sign out %n session(s)? They can no longer read or send messages until they "
                "sign in again; encrypted messages they alone hold the keys to are lost to them.",
                "",
                len(ids),
            )
        )
        confirm = box.addButton(self.tr("Sign &out"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def done() -> None:
            if box.clickedButton() is confirm:
                self._call(self.bridge.core.signed_in.sign_out(self.account_id, ids))

        box.finished.connect(done)
        box.finished.connect(box.deleteLater)
        self.asking = box
        box.open()

    def _call(self, command: Coroutine[Any, Any, Outcome]) -> None:
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
            self.reload()

        self.bridge.call(command, answered)
