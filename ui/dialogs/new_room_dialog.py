"""The "New room" dialog: which account, then the room's setup as that service allows it.

The dialog stays open until the service has created the room; a refusal (an address taken, a
name the server will not have, people who could not be invited) is said inside it, next to the
fields, so the person can correct and try again.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.backend import Outcome, RoomFeature
from app.runtime import Result
from ui.bridge import CoreBridge
from ui.core_text import core_text
from ui.widgets.problem_label import ProblemLabel
from ui.widgets.room_options_form import RoomOptionsForm


class NewRoomDialog(QDialog):
    """Signals: ``created(str, str)``: the room exists (account id, its native id)."""

    created = Signal(str, str)

    def __init__(
        self,
        bridge: CoreBridge,
        accounts: list[tuple[str, str]],
        parent: QWidget | None = None,
        account_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newRoomDialog")
        self.setWindowTitle(self.tr("New room"))
        self.setAccessibleName(self.tr("New room"))
        self.bridge = bridge
        self.busy = False
        self.account = QComboBox()
        self.account.setObjectName("newRoomAccount")
        self.account.setAccessibleName(self.tr("Account"))
        for aid, name in accounts:
            self.account.addItem(name, aid)
        if account_id is not None:
            self.account.setCurrentIndex(max(self.account.findData(account_id), 0))
        self.account.currentIndexChanged.connect(self._account_changed)
        top = QFormLayout()
        label = QLabel(self.tr("&Account:"))
        label.setBuddy(self.account)
        top.addRow(label, self.account)
        self.fields = RoomOptionsForm(creating=True)
        self.fields.changed.connect(self._clear_error)
        self.note = QLabel()
        self.note.setObjectName("newRoomNote")
        self.note.setWordWrap(True)
        self.note.hide()
        self.error = ProblemLabel("newRoomError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton(
            self.tr("&Create"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setObjectName("createRoomButton")
        self.create_button.setDefault(True)
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
            if isinstance(button, QPushButton) and button is not self.create_button:
                button.setAutoDefault(False)  # Enter in a field creates, never cancels
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.fields)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.create_button.setEnabled(False)  # until the account's abilities are known
        self._account_changed()

    def account_id(self) -> str:
        return str(self.account.currentData() or "")

    # -- the account's abilities -------------------------------------------------------------

    @Slot()
    def _account_changed(self) -> None:
        account_id = self.account_id()
        self.create_button.setEnabled(False)
        if not account_id:
            self.fields.set_features(RoomFeature.NONE)
            self._say(self.tr("Add an account first."))
            return
        self.bridge.call(
            self.bridge.core.rooms.room_features(account_id),
            lambda done: self._features_known(done, account_id),
        )

    def _features_known(self, done: Result[RoomFeature], account_id: str) -> None:
        if account_id != self.account_id():
            return
        features = done.value if done.ok else RoomFeature.NONE
        self.fields.set_features(features)
        self.create_button.setEnabled(bool(features))
        self.create_button.setDefault(bool(features))  # Enter creates (not Cancel)
        if not features:
            self._say(
                self.tr(
                    "This account cannot create rooms right now (it is not connected, "
                    "or its service has no rooms)."
                )
            )
        else:
            self.note.hide()

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.show()

    # -- creating ----------------------------------------------------------------------------

    @Slot()
    def submit(self) -> None:
        if self.busy:
            return
        options = self.fields.options()
        if not options.name and not options.address:
            self.show_error(self.tr("Give the room a name or an address."))
            self.fields.name.setFocus()
            return
        account_id = self.account_id()
        self.busy = True
        self.create_button.setEnabled(False)
        self.create_button.setText(self.tr("Creating…"))
        self.bridge.call(
            self.bridge.core.rooms.create_room(account_id, options=options),
            lambda done: self._answered(done, account_id),
        )

    def _answered(self, done: Result[Outcome], account_id: str) -> None:
        self.busy = False
        self.create_button.setEnabled(True)
        self.create_button.setDefault(True)
        self.create_button.setText(self.tr("&Create"))
        if not done.ok:
            self.show_error(core_text(done.error) or self.tr("The room could not be created."))
            return
        outcome = done.value
        if outcome.value:
            self.created.emit(account_id, outcome.value)
        if outcome.failure is not None:  # the room may exist (and be open) all the same
            self.show_error(core_text(outcome.failure.message))
            return
        self.accept()

    def show_error(self, text: str) -> None:
        self.error.say(text)

    @Slot()
    def _clear_error(self) -> None:
        self.error.clear_problem()
