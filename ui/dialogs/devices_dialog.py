"""A person's devices and whether each is verified; start a verification from here."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
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

from app.models import Device, DeviceTrust
from app.runtime import Result
from ui.bridge import CoreBridge


class DevicesDialog(QDialog):
    """Signals: ``verifyRequested(str)``: verify a device (``""`` for all of the person's)."""

    verifyRequested = Signal(str)

    def __init__(
        self, bridge: CoreBridge, account_id: str, contact: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("devicesDialog")
        self.setWindowTitle(self.tr("Devices of {who}").format(who=contact))
        self.setAccessibleName(self.windowTitle())
        self.contact = contact
        self.status = QLabel(self.tr("Loading devices…"))
        self.status.setObjectName("devicesStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Devices status"))
        self.list = QListWidget()
        self.list.setObjectName("devicesList")
        self.list.setAccessibleName(self.tr("Devices"))
        self.verify_button = QPushButton(self.tr("&Verify selected device"))
        self.verify_button.setObjectName("verifyDevice")
        self.verify_button.setAccessibleName(self.tr("Verify the selected device"))
        self.verify_button.clicked.connect(self._verify_selected)
        self.verify_all = QPushButton(self.tr("Verify &person"))
        self.verify_all.setObjectName("verifyPerson")
        self.verify_all.setAccessibleName(self.tr("Verify this person on all devices"))
        self.verify_all.clicked.connect(lambda: self._verify(""))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.verify_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.verify_all, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(480, 320)
        bridge.call(bridge.core.encryption.devices(account_id, contact), self._loaded)

    def _loaded(self, done: Result[tuple[Device, ...]]) -> None:
        if not done.ok:
            self.status.setText(done.error or self.tr("The devices could not be listed."))
            return
        devices = done.value
        self.list.clear()
        for device in devices:
            self.list.addItem(self._item(device))
        verified = sum(1 for d in devices if d.trust is DeviceTrust.VERIFIED)
        text = self.tr("{verified} of {total} devices verified.").format(
            verified=verified, total=len(devices)
        )
        self.status.setText(text)
        self.status.setAccessibleDescription(text)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _item(self, device: Device) -> QListWidgetItem:
        trust = {
            DeviceTrust.VERIFIED: self.tr("verified"),
            DeviceTrust.UNVERIFIED: self.tr("not verified"),
            DeviceTrust.BLOCKED: self.tr("blocked"),
        }[device.trust]
        name = device.display_name or device.device_id
        text = f"{name} ({device.device_id}) — {trust}"
        if device.fingerprint:
            text += "\n" + device.fingerprint
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, device.device_id)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{name}, {trust}")
        return item

    @Slot()
    def _verify_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._verify(str(item.data(Qt.ItemDataRole.UserRole)))

    def _verify(self, device_id: str) -> None:
        self.verifyRequested.emit(device_id)
        self.accept()
