"""Details of one person as their service tells them: presence, devices and the clients they
run (XMPP), profile and devices (Matrix), WHOIS (IRC). Shown as read-only text a screen reader
reads line by line, with a Copy button."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.backend import ContactDetails
from app.runtime import Result
from ui.bridge import CoreBridge
from ui.core_text import core_text
from ui.models.contact_model import seen_text
from ui.models.member_model import presence_text


def details_lines(details: ContactDetails) -> list[str]:
    """The details as lines of "Label: value" (only what the service said)."""
    lines = [
        QCoreApplication.translate("ContactDetailsDialog", "Address: {address}").format(
            address=details.address
        )
    ]
    if details.real_name:
        lines.append(
            QCoreApplication.translate("ContactDetailsDialog", "Name: {name}").format(
                name=details.real_name
            )
        )
    if details.presence is not None:
        text = presence_text(details.presence.state)
        if details.presence.status:
            text += f" — {details.presence.status}"
        lines.append(
            QCoreApplication.translate("ContactDetailsDialog", "Presence: {presence}").format(
                presence=text
            )
        )
        if details.presence.last_seen is not None:
            lines.append(seen_text(details.presence.last_seen).capitalize())
    elif not details.online:
        lines.append(QCoreApplication.translate("ContactDetailsDialog", "Presence: offline"))
    if details.away:
        lines.append(
            QCoreApplication.translate("ContactDetailsDialog", "Away: {message}").format(
                message=details.away
            )
        )
    if details.account:
        lines.append(
            QCoreApplication.translate(
                "ContactDetailsDialog", "Signed in to the account {account}"
            ).format(account=details.account)
        )
    if details.server:
        lines.append(
            QCoreApplication.translate("ContactDetailsDialog", "Server: {server}").format(
                server=details.server
            )
        )
    if details.channels:
        lines.append(
            QCoreApplication.translate("ContactDetailsDialog", "In: {channels}").format(
                channels=", ".join(details.channels)
            )
        )
    if details.idle_seconds is not None:
        minutes = details.idle_seconds // 60
        lines.append(_Plurals().idle(minutes))
    if details.signed_on is not None:
        stamp = details.signed_on.astimezone().strftime("%Y-%m-%d %H:%M")
        lines.append(
            QCoreApplication.translate("ContactDetailsDialog", "Connected since {when}").format(
                when=stamp
            )
        )
    if details.secure:
        lines.append(QCoreApplication.translate("ContactDetailsDialog", "Connected securely (TLS)"))
    if details.operator:
        lines.append(QCoreApplication.translate("ContactDetailsDialog", "A network operator"))
    if details.endpoints:
        lines.append(QCoreApplication.translate("ContactDetailsDialog", "Devices:"))
        for endpoint in details.endpoints:
            parts = [endpoint.name or endpoint.id]
            if endpoint.name and endpoint.name != endpoint.id:
                parts.append(f"({endpoint.id})")
            if endpoint.client:
                parts.append("— " + endpoint.client)
            if endpoint.presence is not None:
                parts.append("— " + presence_text(endpoint.presence.state))
            lines.append("  • " + " ".join(parts))
    return lines


class _Plurals(QObject):
    def idle(self, minutes: int) -> str:
        return self.tr("Idle for %n minute(s)", "", minutes)


class ContactDetailsDialog(QDialog):
    def __init__(
        self, bridge: CoreBridge, account_id: str, contact: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contactDetailsDialog")
        self.setWindowTitle(self.tr("About {who}").format(who=contact))
        self.setAccessibleName(self.windowTitle())
        self.loaded = False
        self.text = QPlainTextEdit()
        self.text.setObjectName("contactDetailsText")
        self.text.setAccessibleName(self.tr("Details"))
        self.text.setReadOnly(True)
        self.text.setPlainText(self.tr("Asking the service…"))
        label = QLabel(self.tr("&Details:"))
        label.setBuddy(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("&Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.setAccessibleName(self.tr("Copy the details"))
        copy.clicked.connect(lambda: QApplication.clipboard().setText(self.text.toPlainText()))
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(460, 320)
        bridge.call(bridge.core.contacts.details(account_id, contact), self._answered)

    def _answered(self, done: Result[ContactDetails]) -> None:
        self.loaded = True
        if not done.ok:
            self.text.setPlainText(
                self.tr("The service did not tell: {reason}").format(reason=core_text(done.error))
            )
            return
        self.text.setPlainText("\n".join(details_lines(done.value)))
