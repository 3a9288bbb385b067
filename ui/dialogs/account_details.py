"""The account dialog's first page: the service, its fields, and what a test of them found.

Only widgets live here; what they do is the dialog's (:mod:`ui.dialogs.account_dialog`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.models import Account
from ui.a11y.widgets import announce_on_tab
from ui.dialogs.account_form import Disclosure, FieldForm
from ui.dialogs.sso_providers import SsoProviders


class AccountDetailsPage(QWidget):
    """The service, the address and password (``basic``), sign-in buttons for identity
    providers, the collapsed advanced settings, and the status, problem and trust lines."""

    def __init__(self, account: Account | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = QComboBox()
        self.service.setObjectName("serviceChoice")
        self.service.setAccessibleName(self.tr("Service"))
        self.service.addItem(self.tr("Loading services…"))
        self.service.setEnabled(False)
        service_label = QLabel(self.tr("&Service:"))
        service_label.setBuddy(self.service)

        self.basic = FieldForm(fixed_rows=1)  # one column of labels, the service's included
        self.basic.layout_.addRow(service_label, self.service)
        self.basic.setObjectName("basicFields")
        self.basic.setAccessibleName(self.tr("Account details"))
        self.server_found = QLabel()
        self.server_found.setObjectName("serverFound")
        self.server_found.setWordWrap(True)
        self.server_found.setTextFormat(Qt.TextFormat.PlainText)
        self.server_found.hide()
        self.sso_box = SsoProviders()

        self.advanced_form = FieldForm(fixed_rows=1)  # the name in the sidebar, then the service's
        self.advanced_form.setObjectName("advancedFields")
        self.advanced_form.setAccessibleName(self.tr("Advanced settings"))
        self.name_edit = QLineEdit(account.display_name if account else "")
        self.name_edit.setObjectName("accountName")
        # Not "Account name": IRC's services account is called that (two fields, one name).
        self.name_edit.setAccessibleName(self.tr("Name in the sidebar"))
        self.name_edit.setPlaceholderText(self.tr("Shown in the sidebar (optional)"))
        announce_on_tab(self.name_edit)
        name_label = QLabel(self.tr("&Name in the sidebar:"))
        name_label.setBuddy(self.name_edit)
        self.advanced_form.layout_.addRow(name_label, self.name_edit)
        self.advanced = Disclosure(self.tr("&Advanced"), self.advanced_form)

        self.error = QLabel()
        self.error.setObjectName("accountError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.hide()
        self.status = QLabel()
        self.status.setObjectName("accountStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Connection test"))
        self.status.hide()
        self.trust_button = QPushButton(self.tr("&Trust this certificate"))
        self.trust_button.setObjectName("trustButton")
        self.trust_button.setAccessibleName(self.tr("Trust this certificate"))
        self.trust_button.hide()

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.basic)
        column.addWidget(self.server_found)
        column.addWidget(self.sso_box)
        column.addWidget(self.advanced)
        column.addWidget(self.status)
        column.addWidget(self.error)
        column.addWidget(self.trust_button)
        column.addStretch(1)
