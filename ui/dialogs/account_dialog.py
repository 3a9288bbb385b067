"""Add an account: choose a service, then fill in the form its backend declares.

The form is generated from :class:`~app.backend.AccountField` descriptions, so a third-party backend
gets a dialog for free. Secret fields go to the core (and from there only to the keyring). Errors
(a missing field, a keyring that cannot be used) are shown in words inside the dialog.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Slot
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

from app.backend import AccountField, FieldKind
from app.core import BackendInfo
from app.events import RequestFinished
from ui.bridge import CoreBridge


class _FileField(QWidget):
    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(label)
        browse = QPushButton(self.tr("Browse…"))
        browse.setAccessibleName(self.tr("Choose a file for {label}").format(label=label))
        browse.clicked.connect(self._browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(browse)
        self.setFocusProxy(self.edit)

    @Slot()
    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a file"))
        if path:
            self.edit.setText(path)


class AccountDialog(QDialog):
    def __init__(self, bridge: CoreBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountDialog")
        self.setWindowTitle(self.tr("Add an account"))
        self.setAccessibleName(self.tr("Add an account"))
        self._bridge = bridge
        self._backends: list[BackendInfo] = []
        self._editors: dict[str, tuple[AccountField, QWidget]] = {}

        self.service = QComboBox()
        self.service.setObjectName("serviceChoice")
        self.service.setAccessibleName(self.tr("Service"))
        self.service.addItem(self.tr("Loading services…"))
        self.service.setEnabled(False)
        self.service.currentIndexChanged.connect(self._service_changed)
        service_label = QLabel(self.tr("&Service:"))
        service_label.setBuddy(self.service)

        self.form_host = QWidget()
        self.form_host.setAccessibleName(self.tr("Account details"))
        self.form = QFormLayout(self.form_host)

        self.error = QLabel()
        self.error.setObjectName("accountError")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Add account"))
        ok.setAccessibleName(self.tr("Add account"))
        ok.setEnabled(False)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(service_label)
        top.addWidget(self.service, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.form_host)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(460, 360)
        bridge.call(bridge.core.backends(), self._backends_loaded)

    # -- loading the services ------------------------------------------------------------

    def _backends_loaded(self, done: RequestFinished) -> None:
        self.service.clear()
        if not done.ok or not done.result:
            self.service.addItem(self.tr("No services available"))
            self._show_error(
                done.error
                or self.tr("No service plugins are installed, so no account can be added.")
            )
            return
        self._backends = list(done.result)  # type: ignore[call-overload]
        for info in self._backends:
            self.service.addItem(info.display_name, info.protocol_id)
        self.service.setEnabled(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
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
            label.setBuddy(editor)
            self.form.addRow(label, editor)
            self._editors[fld.name] = (fld, editor)
        self.error.hide()
        first = next(iter(self._editors.values()), None)
        if first is not None:
            first[1].setFocus()

    def _editor_for(self, fld: AccountField) -> QWidget:
        editor: QWidget
        if fld.kind is FieldKind.BOOLEAN:
            box = QCheckBox()
            box.setChecked(bool(fld.default))
            editor = box
        elif fld.kind is FieldKind.CHOICE:
            combo = QComboBox()
            combo.addItems(list(fld.choices))
            if fld.default in fld.choices:
                combo.setCurrentText(str(fld.default))
            editor = combo
        elif fld.kind is FieldKind.FILE:
            editor = _FileField(fld.label)
        else:
            line = QLineEdit()
            if fld.kind is FieldKind.PASSWORD:
                line.setEchoMode(QLineEdit.EchoMode.Password)
            if fld.kind is FieldKind.INTEGER:
                line.setValidator(QIntValidator(0, 2**31 - 1, line))
            if fld.default is not None and fld.kind is not FieldKind.PASSWORD:
                line.setText(str(fld.default))
            line.setPlaceholderText(fld.placeholder)
            editor = line
        editor.setObjectName(f"field_{fld.name}")
        editor.setAccessibleName(fld.label)
        if fld.help:
            editor.setToolTip(fld.help)
            editor.setAccessibleDescription(fld.help)
        return editor

    # -- submitting ------------------------------------------------------------------------

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
            if fld.required and (value is None or value == ""):
                problems.append(self.tr("{label} is required.").format(label=fld.label))
            elif (
                fld.pattern
                and isinstance(value, str)
                and value
                and not re.fullmatch(fld.pattern, value)
            ):
                problems.append(self.tr("{label} has the wrong form.").format(label=fld.label))
        return problems

    @Slot()
    def _submit(self) -> None:
        problems = self.local_problems()
        if problems:
            self._show_error("\n".join(problems))
            return
        row = self.service.currentIndex()
        if not 0 <= row < len(self._backends):
            return
        settings, secrets = self.values()
        self.buttons.setEnabled(False)
        self._bridge.call(
            self._bridge.core.add_account(self._backends[row].protocol_id, settings, secrets),
            self._added,
        )

    def _added(self, done: RequestFinished) -> None:
        self.buttons.setEnabled(True)
        if done.ok:
            self.accept()
        else:
            self._show_error(done.error or self.tr("The account could not be added."))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setAccessibleDescription(text)
        self.error.show()
