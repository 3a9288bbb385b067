"""Verifying a contact's device by comparing emojis (SAS), step by step, in words.

The dialog follows the core's VerificationChanged events for one verification: waiting for the
other side, then the emojis with their names (so they can be compared by voice or by a screen
reader), then the outcome.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import events as ev
from app.models import Verification, VerificationState
from ui.bridge import CoreBridge


class VerificationDialog(QDialog):
    def __init__(
        self,
        bridge: CoreBridge,
        account_id: str,
        verification: Verification,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("verificationDialog")
        self.setWindowTitle(self.tr("Verify {who}").format(who=verification.contact))
        self.setAccessibleName(self.windowTitle())
        self._bridge = bridge
        self.account_id = account_id
        self.verification = verification
        self.status = QLabel()
        self.status.setObjectName("verificationStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Verification status"))
        self.emoji_area = QWidget()
        self.emoji_area.setObjectName("verificationEmojis")
        self.emoji_grid = QGridLayout(self.emoji_area)
        self.match_button = QPushButton(self.tr("They &match"))
        self.match_button.setObjectName("verificationMatch")
        self.match_button.setAccessibleName(self.tr("The emojis match"))
        self.match_button.clicked.connect(lambda: self._confirm(True))
        self.mismatch_button = QPushButton(self.tr("They do&n't match"))
        self.mismatch_button.setObjectName("verificationMismatch")
        self.mismatch_button.setAccessibleName(self.tr("The emojis do not match"))
        self.mismatch_button.clicked.connect(lambda: self._confirm(False))
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.match_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.mismatch_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.setAccessibleName(self.tr("Cancel verification"))
        self.close_button.clicked.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.emoji_area)
        layout.addWidget(self.buttons)
        bridge.events.connect(self.handle_events)
        self.show_state(verification)

    @Slot(list)
    def handle_events(self, events: list[ev.Event]) -> None:
        for event in events:
            if (
                isinstance(event, ev.VerificationChanged)
                and event.account_id == self.account_id
                and event.verification.id == self.verification.id
            ):
                self.show_state(event.verification)

    def show_state(self, v: Verification) -> None:
        self.verification = v
        comparing = v.state is VerificationState.COMPARE and bool(v.emojis or v.decimals)
        self.match_button.setVisible(comparing)
        self.mismatch_button.setVisible(comparing)
        self.emoji_area.setVisible(comparing)
        finished = v.state in (VerificationState.DONE, VerificationState.CANCELLED)
        self.close_button.setText(self.tr("Close") if finished else self.tr("Cancel"))
        text = {
            VerificationState.REQUESTED: self.tr("Waiting for {who} to accept on their device…"),
            VerificationState.READY: self.tr("Both sides agreed. Preparing the emojis…"),
            VerificationState.COMPARE: self.tr(
                "Compare these emojis with the ones {who} sees, in the same order. Only "
                "confirm if they are identical."
            ),
            VerificationState.DONE: self.tr(
                "{who}'s device is verified. Messages from it are now trusted."
            ),
            VerificationState.CANCELLED: self.tr("The verification was stopped: {reason}"),
        }[v.state].format(who=v.contact, reason=v.reason or self.tr("no reason given"))
        self.status.setText(text)
        self.status.setAccessibleDescription(text)
        self._fill_emojis(v)

    def _fill_emojis(self, v: Verification) -> None:
        while self.emoji_grid.count():
            item = self.emoji_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 2.2)
        spoken = []
        for column, (emoji, name) in enumerate(v.emojis):
            glyph = QLabel(emoji)
            glyph.setFont(big)
            glyph.setAlignment(Qt.AlignmentFlag.AlignCenter)
            glyph.setAccessibleName(name)
            label = QLabel(name)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.emoji_grid.addWidget(glyph, 0, column)
            self.emoji_grid.addWidget(label, 1, column)
            spoken.append(name)
        if v.decimals and not v.emojis:
            numbers = QLabel(" ".join(str(n) for n in v.decimals))
            numbers.setFont(big)
            self.emoji_grid.addWidget(numbers, 0, 0)
            spoken.append(numbers.text())
        self.emoji_area.setAccessibleName(
            self.tr("Emojis: {names}").format(names=", ".join(spoken))
        )

    def _confirm(self, match: bool) -> None:
        self._bridge.call(
            self._bridge.core.encryption.confirm_verification(
                self.account_id, self.verification.id, match
            )
        )
        self.match_button.setEnabled(False)
        self.mismatch_button.setEnabled(False)

    def _cancel(self) -> None:
        if self.verification.state not in (VerificationState.DONE, VerificationState.CANCELLED):
            self._bridge.call(
                self._bridge.core.encryption.cancel_verification(
                    self.account_id, self.verification.id
                )
            )
        self.reject()
