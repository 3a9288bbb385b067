"""Add or edit an account: choose a service, then fill in the form its backend declares.

The form is generated from :class:`~app.backend.AccountField` descriptions, so a third-party backend
gets a dialog for free. Before saving, the dialog tries the connection and explains problems in
words: a wrong password, a server that cannot be found, or a certificate it does not trust — then it
shows the certificate's fingerprint and offers to trust it. Only "the server cannot be reached" may
be saved anyway (it may be down for a moment). Secrets go to the core, and from there only to the
keyring; editing leaves a password field empty to keep the saved one.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.backend import (
    TRUSTED_FINGERPRINT_FIELD,
    AccountField,
    Failure,
    FailureKind,
    FieldKind,
    Outcome,
)
from app.core import BackendInfo
from app.models import Account
from app.runtime import Result
from ui.a11y.widgets import announce_on_tab, tab_chain
from ui.bridge import CoreBridge


class _FileField(QWidget):
    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(label)
        self.browse = QPushButton(self.tr("Browse…"))
        self.browse.setAccessibleName(self.tr("Choose a file for {label}").format(label=label))
        self.browse.clicked.connect(self._browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse)
        # No focus proxy: the row would then report "focused" along with its field.

    @Slot()
    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a file"))
        if path:
            self.edit.setText(path)


class AccountDialog(QDialog):
    def __init__(
        self, bridge: CoreBridge, parent: QWidget | None = None, account: Account | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accountDialog")
        self.account = account
        title = self.tr("Edit account") if account else self.tr("Add an account")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._bridge = bridge
        self._backends: list[BackendInfo] = []
        self._editors: dict[str, tuple[AccountField, QWidget]] = {}
        self._busy = False

        self.service = QComboBox()
        self.service.setObjectName("serviceChoice")
        self.service.setAccessibleName(self.tr("Service"))
        self.service.addItem(self.tr("Loading services…"))
        self.service.setEnabled(False)
        self.service.currentIndexChanged.connect(self._service_changed)
        service_label = QLabel(self.tr("&Service:"))
        service_label.setBuddy(self.service)

        self.name_edit = QLineEdit(account.display_name if account else "")
        self.name_edit.setObjectName("accountName")
        # Not "Account name": IRC's services account is called that (two fields, one name).
        self.name_edit.setAccessibleName(self.tr("Name in the sidebar"))
        self.name_edit.setPlaceholderText(self.tr("Shown in the sidebar (optional)"))
        announce_on_tab(self.name_edit)
        name_label = QLabel(self.tr("&Name:"))
        name_label.setBuddy(self.name_edit)

        self.form_host = QWidget()
        self.form_host.setAccessibleName(self.tr("Account details"))
        self.form = QFormLayout(self.form_host)

        self.error = QLabel()
        self.error.setObjectName("accountError")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.hide()
        self.status = QLabel()
        self.status.setObjectName("accountStatus")
        self.status.setAccessibleName(self.tr("Connection test"))
        self.status.hide()
        self.trust_button = QPushButton(self.tr("&Trust this certificate"))
        self.trust_button.setObjectName("trustButton")
        self.trust_button.setAccessibleName(self.tr("Trust this certificate"))
        self.trust_button.clicked.connect(self._trust)
        self.trust_button.hide()
        self._fingerprint = ""

        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(
            self.tr("&Save") if account else self.tr("&Add account"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.ok_button.setObjectName("accountOk")
        self.ok_button.setAccessibleName(
            self.tr("Save account") if account else self.tr("Add account")
        )
        self.ok_button.setEnabled(False)
        self.test_button = self.buttons.addButton(
            self.tr("&Test connection"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.test_button.setObjectName("testConnection")
        self.test_button.setAccessibleName(self.tr("Test connection"))
        self.test_button.setEnabled(False)
        self.test_button.clicked.connect(self.test_connection)
        self.anyway_button = self.buttons.addButton(
            self.tr("Add &anyway"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.anyway_button.setObjectName("addAnyway")
        self.anyway_button.setAccessibleName(self.tr("Add the account anyway"))
        self.anyway_button.clicked.connect(self._save)
        self.anyway_button.hide()
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        top = QFormLayout()
        top.addRow(service_label, self.service)
        bottom = QFormLayout()
        bottom.addRow(name_label, self.name_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.form_host)
        layout.addLayout(bottom)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.trust_button)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(500, 420)
        bridge.call(bridge.core.accounts.backends(), self._backends_loaded)

    # -- loading the services ------------------------------------------------------------

    def _backends_loaded(self, done: Result[list[BackendInfo]]) -> None:
        self.service.clear()
        if not done.ok or not done.value:
            self.service.addItem(self.tr("No services available"))
            self._show_error(
                done.error
                or self.tr("No service plugins are installed, so no account can be added.")
            )
            return
        backends = done.value
        if self.account is not None:
            backends = [b for b in backends if b.protocol_id == self.account.protocol_id]
        self._backends = backends
        self.service.blockSignals(True)  # build the form once, below
        for info in self._backends:
            self.service.addItem(info.display_name, info.protocol_id)
        self.service.blockSignals(False)
        self.service.setEnabled(self.account is None)  # editing keeps its service
        self.ok_button.setEnabled(bool(backends))
        self.test_button.setEnabled(bool(backends))
        self._service_changed(0)

    @Slot(int)
    def _service_changed(self, row: int) -> None:
        if not 0 <= row < len(self._backends):
            return
        while self.form.rowCount():
            self.form.removeRow(0)
        self._editors.clear()
        info = self._backends[row]
        advanced_added = False
        for fld in info.fields:
            if fld.advanced and not advanced_added:
                heading = QLabel(self.tr("Advanced"))
                heading.setAccessibleName(self.tr("Advanced settings"))
                self.form.addRow(heading)
                advanced_added = True
            editor = self._editor_for(fld)
            label = QLabel(fld.label + (" *" if fld.required else "") + ":")
            label.setBuddy(editor.edit if isinstance(editor, _FileField) else editor)
            self.form.addRow(label, editor)
            self._editors[fld.name] = (fld, editor)
        self._clear_messages()
        order: list[QWidget] = [self.service]  # tab order: service, its fields, the name
        for _fld, editor in self._editors.values():
            order += [editor.edit, editor.browse] if isinstance(editor, _FileField) else [editor]
        order.append(self.name_edit)
        if len(order) > 2:
            # New rows are shown on the next event loop turn; focus them once they are.
            QTimer.singleShot(0, order[1], order[1].setFocus)
        tab_chain(order)

    def _editor_for(self, fld: AccountField) -> QWidget:
        current = self.account.settings.get(fld.name) if self.account else None
        value = current if current is not None else fld.default
        editor: QWidget
        if fld.kind is FieldKind.BOOLEAN:
            box = QCheckBox()
            box.setChecked(bool(value))
            editor = box
        elif fld.kind is FieldKind.CHOICE:
            combo = QComboBox()
            combo.addItems(list(fld.choices))
            if value in fld.choices:
                combo.setCurrentText(str(value))
            editor = combo
        elif fld.kind is FieldKind.FILE:
            file_field = _FileField(fld.label)
            if value:
                file_field.edit.setText(str(value))
            editor = file_field
        else:
            line = QLineEdit()
            if fld.kind is FieldKind.PASSWORD or fld.secret:
                line.setEchoMode(QLineEdit.EchoMode.Password)
                if self.account is not None:
                    line.setPlaceholderText(self.tr("Leave empty to keep the saved one"))
            if fld.kind is FieldKind.INTEGER:
                line.setValidator(QIntValidator(0, 2**31 - 1, line))
            if value is not None and not fld.secret:
                line.setText(str(value))
            if not line.placeholderText():
                line.setPlaceholderText(fld.placeholder)
            editor = line
        for line_edit in [editor, *editor.findChildren(QLineEdit)]:
            if isinstance(line_edit, QLineEdit):
                announce_on_tab(line_edit)
        editor.setObjectName(f"field_{fld.name}")
        editor.setAccessibleName(fld.label)
        if fld.help:
            editor.setToolTip(fld.help)
            editor.setAccessibleDescription(fld.help)
        return editor

    # -- values ----------------------------------------------------------------------------

    @property
    def protocol_id(self) -> str:
        row = self.service.currentIndex()
        return self._backends[row].protocol_id if 0 <= row < len(self._backends) else ""

    def values(self) -> tuple[dict[str, Any], dict[str, str]]:
        settings: dict[str, Any] = {}
        secrets: dict[str, str] = {}
        for name, (fld, editor) in self._editors.items():
            value: Any
            if isinstance(editor, QCheckBox):
                value = editor.isChecked()
            elif isinstance(editor, QComboBox):
                value = editor.currentText()
            elif isinstance(editor, _FileField):
                value = editor.edit.text().strip()
            else:
                assert isinstance(editor, QLineEdit)
                value = editor.text() if fld.secret else editor.text().strip()
            if fld.secret:
                if value:
                    secrets[name] = str(value)
            elif value != "":
                settings[name] = value
        return settings, secrets

    def local_problems(self) -> list[str]:
        settings, secrets = self.values()
        problems = []
        for name, (fld, _editor) in self._editors.items():
            value = secrets.get(name) if fld.secret else settings.get(name)
            missing = value is None or value == ""
            if fld.required and missing and not (fld.secret and self.account is not None):
                problems.append(self.tr("{label} is required.").format(label=fld.label))
            elif (
                fld.pattern
                and isinstance(value, str)
                and value
                and not re.fullmatch(fld.pattern, value)
            ):
                problems.append(self.tr("{label} has the wrong form.").format(label=fld.label))
        return problems

    # -- testing and saving ------------------------------------------------------------------

    @Slot()
    def test_connection(self, then_save: bool = False) -> None:
        problems = self.local_problems()
        if problems:
            self._show_error("\n".join(problems))
            return
        settings, secrets = self.values()
        self._clear_messages()
        self._set_busy(True, self.tr("Testing the connection…"))
        self._bridge.call(
            self._bridge.core.accounts.test_connection(
                self.protocol_id,
                settings,
                secrets,
                account_id=self.account.id if self.account else None,
            ),
            functools.partial(self._tested, then_save=then_save),
        )

    def _tested(self, done: Result[Outcome], then_save: bool) -> None:
        self._set_busy(False)
        if not done.ok:
            self._show_error(done.error or self.tr("The connection could not be tested."))
            return
        failure = done.value.failure
        if failure is None:
            self._show_status(self.tr("Connected successfully."))
            if then_save:
                self._save()
            return
        self._show_failure(failure)

    def _show_failure(self, failure: Failure) -> None:
        explanations = {
            FailureKind.AUTH: self.tr(
                "The server refused the sign-in: check the address and the password."
            ),
            FailureKind.NETWORK: self.tr(
                "The server cannot be reached: check the address, the "
                "port and your network. It may also be down for a "
                "moment."
            ),
            FailureKind.TLS: self.tr(
                "The server's certificate is not trusted, so the connection could be intercepted."
            ),
            FailureKind.CONFIG: self.tr("The settings are not usable."),
        }
        text = explanations.get(failure.kind, self.tr("The connection failed."))
        text += "\n" + failure.message
        self.trust_button.hide()
        self.anyway_button.setVisible(failure.kind is FailureKind.NETWORK and self.account is None)
        if failure.kind is FailureKind.TLS and failure.detail:
            self._fingerprint = failure.detail
            text += "\n\n" + self.tr(
                "Its fingerprint (SHA-256) is:\n{fp}\nTrust it only if it matches the one your "
                "server's administrator gave you."
            ).format(fp=failure.detail)
            self.trust_button.setVisible(TRUSTED_FINGERPRINT_FIELD in self._editors)
        self._show_error(text)

    @Slot()
    def _trust(self) -> None:
        entry = self._editors.get(TRUSTED_FINGERPRINT_FIELD)
        if entry is None or not self._fingerprint:
            return
        editor = entry[1]
        if isinstance(editor, QLineEdit):
            editor.setText(self._fingerprint)
        self.trust_button.hide()
        self._show_status(self.tr("Certificate trusted for this account. Test or save again."))

    @Slot()
    def _submit(self) -> None:
        if not self._busy:
            self.test_connection(then_save=True)

    @Slot()
    def _save(self) -> None:
        problems = self.local_problems()
        if problems:
            self._show_error("\n".join(problems))
            return
        settings, secrets = self.values()
        core = self._bridge.core
        name = self.name_edit.text().strip()
        self._set_busy(True, self.tr("Saving…"))
        if self.account is None:
            coro = core.accounts.add_account(self.protocol_id, settings, secrets, display_name=name)
        else:
            coro = core.accounts.update_account(
                self.account.id, settings=settings, secrets=secrets, display_name=name or None
            )
        self._bridge.call(coro, self._saved)

    def _saved(self, done: Result[Account]) -> None:
        self._set_busy(False)
        if done.ok:
            self.accept()
        else:
            self._show_error(done.error or self.tr("The account could not be saved."))

    # -- messages --------------------------------------------------------------------------

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        for button in (self.ok_button, self.test_button, self.anyway_button):
            button.setEnabled(not busy)
        if text:
            self._show_status(text)

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleDescription(text)
        self.status.show()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setAccessibleDescription(text)
        self.error.show()
        self.status.hide()

    def _clear_messages(self) -> None:
        self.error.hide()
        self.status.hide()
        self.trust_button.hide()
        self.anyway_button.hide()
