"""A person's devices and whether each is verified; verify from here.

Two ways to verify, as the account's service allows (``core.encryption.verification_methods``):

- interactively (Matrix): start a verification with a device or the person, then compare emojis;
- by fingerprint (OMEMO): the selected device's fingerprint is shown in words and as a QR code
  (the ``xmpp:`` URI Conversations scans); after comparing it with what the other device shows,
  the user marks it verified, distrusts it, or takes the decision back.

Our own devices are listed after the person's, with this device first: its fingerprint and QR
code are what the other person compares with.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.backend import Outcome
from app.models import Device, DeviceTrust, VerificationMethods
from app.runtime import Result
from ui.bridge import CoreBridge
from ui.core_text import core_text
from ui.widgets.qr_code import QrCode


@dataclass(frozen=True, slots=True)
class _Row:
    device: Device
    own: bool  # one of our own devices
    this: bool  # the device this app runs on


class DevicesDialog(QDialog):
    """Signals: ``verifyRequested(str)``: verify a device interactively (``""``: all of the
    person's devices)."""

    verifyRequested = Signal(str)

    def __init__(
        self,
        bridge: CoreBridge,
        account_id: str,
        contact: str,
        parent: QWidget | None = None,
        own: str = "",
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.account_id = account_id
        self.contact = contact
        self.own = own if own != contact else ""
        self.methods = VerificationMethods()
        self.rows: list[_Row] = []
        self.setObjectName("devicesDialog")
        self.setWindowTitle(self.tr("Devices of {who}").format(who=contact))
        self.setAccessibleName(self.windowTitle())
        self.status = QLabel(self.tr("Loading devices…"))
        self.status.setObjectName("devicesStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Devices status"))
        self.list = QListWidget()
        self.list.setObjectName("devicesList")
        self.list.setAccessibleName(self.tr("Devices"))
        self.list.currentRowChanged.connect(self._selected)

        self.details = self._details_panel()
        self.verify_button = QPushButton(self.tr("&Verify selected device"))
        self.verify_button.setObjectName("verifyDevice")
        self.verify_button.setAccessibleName(self.tr("Verify the selected device"))
        self.verify_button.clicked.connect(self._verify_selected)
        self.verify_all = QPushButton(self.tr("Verify &person"))
        self.verify_all.setObjectName("verifyPerson")
        self.verify_all.setAccessibleName(self.tr("Verify this person on all devices"))
        self.verify_all.clicked.connect(lambda: self._verify(""))
        self.mark_verified = self._trust_button(
            self.tr("Fingerprints &match"),
            "markVerified",
            self.tr("The fingerprints match: mark the selected device as verified"),
            DeviceTrust.VERIFIED,
        )
        self.distrust = self._trust_button(
            self.tr("&Distrust"),
            "distrustDevice",
            self.tr("Distrust the selected device: nothing is encrypted to it any more"),
            DeviceTrust.BLOCKED,
        )
        self.undo = self._trust_button(
            self.tr("&Undo decision"),
            "undoTrust",
            self.tr("Take back the decision about the selected device"),
            DeviceTrust.UNVERIFIED,
        )
        for button in (
            self.verify_button,
            self.verify_all,
            self.mark_verified,
            self.distrust,
            self.undo,
        ):
            button.hide()  # until the account says how it verifies
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        for button in (
            self.verify_button,
            self.verify_all,
            self.mark_verified,
            self.distrust,
            self.undo,
        ):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        middle = QHBoxLayout()
        middle.addWidget(self.list, 3)
        middle.addWidget(self.details, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(middle, 1)
        layout.addWidget(buttons)
        self.resize(760, 420)
        bridge.call(bridge.core.encryption.verification_methods(account_id), self._methods_known)

    def _details_panel(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("deviceDetails")
        self.device_title = QLabel()
        self.device_title.setObjectName("deviceTitle")
        self.device_title.setWordWrap(True)
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("deviceFingerprint")
        self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.fingerprint.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.fingerprint.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.fingerprint.setAccessibleName(self.tr("Fingerprint"))
        self.qr = QrCode()
        self.qr.setAccessibleName(self.tr("QR code of the selected device's fingerprint"))
        self.qr_caption = QLabel(
            self.tr("Compare the fingerprint with the one the device shows, or scan this code.")
        )
        self.qr_caption.setWordWrap(True)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.device_title)
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.qr, 1, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.qr_caption)
        panel.hide()
        return panel

    def _trust_button(
        self, text: str, name: str, accessible: str, trust: DeviceTrust
    ) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.clicked.connect(lambda: self._decide(trust))
        return button

    # -- loading -----------------------------------------------------------------------------

    def _methods_known(self, done: Result[VerificationMethods]) -> None:
        if done.ok:
            self.methods = done.value
        interactive = self.methods.interactive
        self.verify_button.setVisible(interactive)
        self.verify_all.setVisible(interactive)
        for button in (self.mark_verified, self.distrust, self.undo):
            button.setVisible(self.methods.fingerprints)
        self.details.setVisible(self.methods.fingerprints)
        self.reload()

    def reload(self) -> None:
        core = self.bridge.core.encryption
        self.bridge.call(core.devices(self.account_id, self.contact), self._loaded)

    def _loaded(self, done: Result[tuple[Device, ...]]) -> None:
        if not done.ok:
            self.status.setText(
                core_text(done.error) or self.tr("The devices could not be listed.")
            )
            return
        theirs = [_Row(d, own=False, this=False) for d in done.value]
        if self.own and self.methods.fingerprints:
            core = self.bridge.core.encryption
            self.bridge.call(
                core.devices(self.account_id, self.own), lambda mine: self._show(theirs, mine)
            )
        else:
            self._show(theirs, None)

    def _show(self, theirs: list[_Row], mine: Result[tuple[Device, ...]] | None) -> None:
        rows = list(theirs)
        if mine is not None and mine.ok:
            rows += [_Row(d, own=True, this=i == 0) for i, d in enumerate(mine.value)]
        selected = self._current()
        self.rows = rows
        self.list.clear()
        for row in rows:
            self.list.addItem(self._item(row))
        devices = [r.device for r in theirs]
        verified = sum(1 for d in devices if d.trust is DeviceTrust.VERIFIED)
        text = self.tr("{verified} of {total} devices verified.").format(
            verified=verified, total=len(devices)
        )
        self.status.setText(text)
        self.status.setAccessibleDescription(text)
        if self.list.count():
            keep = next(
                (
                    i
                    for i, r in enumerate(rows)
                    if selected is not None
                    and (r.device.contact, r.device.device_id)
                    == (selected.device.contact, selected.device.device_id)
                ),
                0,
            )
            self.list.setCurrentRow(keep)
        self._selected(self.list.currentRow())

    def _trust_word(self, trust: DeviceTrust) -> str:
        return {
            DeviceTrust.VERIFIED: self.tr("verified"),
            DeviceTrust.UNVERIFIED: self.tr("not verified"),
            DeviceTrust.BLOCKED: self.tr("distrusted"),
        }[trust]

    def _name(self, device: Device) -> str:
        if device.display_name:
            return f"{device.display_name} ({device.device_id})"
        return self.tr("Device {id}").format(id=device.device_id)

    def _item(self, row: _Row) -> QListWidgetItem:
        device = row.device
        trust = self._trust_word(device.trust)
        name = self._name(device)
        if row.this:
            trust = self.tr("this device")
        if row.own:
            name = self.tr("Yours: {name}").format(name=name)
        text = f"{name} — {trust}"
        if device.fingerprint and not self.methods.fingerprints:  # else shown beside the list
            text += "\n" + device.fingerprint
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, device.device_id)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{name}, {trust}")
        return item

    # -- the selected device -----------------------------------------------------------------

    def _current(self) -> _Row | None:
        row = self.list.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    @Slot(int)
    def _selected(self, _row: int) -> None:
        current = self._current()
        if current is None:
            self.device_title.clear()
            self.fingerprint.clear()
            self.qr.set_text("")
            for button in (self.mark_verified, self.distrust, self.undo):
                button.setEnabled(False)
            return
        device = current.device
        title = self.tr("{name} of {who} — {trust}").format(
            name=self._name(device),
            who=device.contact,
            trust=self.tr("this device") if current.this else self._trust_word(device.trust),
        )
        self.device_title.setText(title)
        groups = device.fingerprint.split()
        lines = [" ".join(groups[i : i + 4]) for i in range(0, len(groups), 4)]
        self.fingerprint.setText("\n".join(lines))
        self.fingerprint.setAccessibleDescription(device.fingerprint)
        self.qr.set_text(device.uri)
        self.qr.setAccessibleDescription(
            self.tr("Encodes the address {uri}").format(uri=device.uri) if device.uri else ""
        )
        self.qr.setVisible(bool(device.uri))
        decidable = not current.this
        self.mark_verified.setEnabled(decidable and device.trust is not DeviceTrust.VERIFIED)
        self.distrust.setEnabled(decidable and device.trust is not DeviceTrust.BLOCKED)
        self.undo.setEnabled(decidable and device.trust is not DeviceTrust.UNVERIFIED)

    def _decide(self, trust: DeviceTrust) -> None:
        current = self._current()
        if current is None or current.this:
            return
        device = current.device
        self.bridge.call(
            self.bridge.core.encryption.set_device_trust(
                self.account_id, device.contact, device.device_id, trust
            ),
            self._decided,
        )

    def _decided(self, done: Result[Outcome]) -> None:
        if not done.ok:
            self.status.setText(core_text(done.error) or self.tr("That did not work."))
        elif done.value.failure is not None:
            self.status.setText(core_text(done.value.failure.message))
        else:
            self.reload()

    # -- interactive verification ------------------------------------------------------------

    @Slot()
    def _verify_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._verify(str(item.data(Qt.ItemDataRole.UserRole)))

    def _verify(self, device_id: str) -> None:
        self.verifyRequested.emit(device_id)
        self.accept()
