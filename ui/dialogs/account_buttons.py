"""The account dialog's buttons: what they are called on each page, and which of them show.

Kept apart from :class:`~ui.dialogs.account_dialog.AccountDialog` so the dialog holds the flow
(probe, sign up, test, save) and this holds the labels and the accessible names that follow it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QDialogButtonBox, QHBoxLayout, QPushButton


class AccountButtons(QObject):
    """The primary row (Sign in or Save, Create account, Cancel) and the secondary row (Back,
    Test connection, Add anyway). ``editing`` is true when the dialog edits a saved account."""

    def __init__(self, editing: bool, parent: QObject | None = None) -> None:
        # Translated in the dialog's context: the strings were the dialog's before this split.
        super().__init__(parent)
        self.editing = editing
        self.box = QDialogButtonBox()
        self.ok = self.box.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("accountOk")
        self.ok.setEnabled(False)
        self.ok.setDefault(True)
        self.create = self.box.addButton(
            QCoreApplication.translate("AccountDialog", "&Create account"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.create.setObjectName("createAccount")
        self.create.setAccessibleName(
            QCoreApplication.translate("AccountDialog", "Create a new account")
        )
        self.create.setAccessibleDescription(
            QCoreApplication.translate(
                "AccountDialog", "Makes a new account on the server with this address and password."
            )
        )
        self.create.hide()
        # Secondary actions sit on their own row, so "Create account" stands beside "Sign in".
        self.test = QPushButton(QCoreApplication.translate("AccountDialog", "&Test connection"))
        self.test.setObjectName("testConnection")
        self.test.setAccessibleName(QCoreApplication.translate("AccountDialog", "Test connection"))
        self.test.setEnabled(False)
        self.anyway = QPushButton(QCoreApplication.translate("AccountDialog", "Add &anyway"))
        self.anyway.setObjectName("addAnyway")
        self.anyway.setAccessibleName(
            QCoreApplication.translate("AccountDialog", "Add the account anyway")
        )
        self.anyway.hide()
        self.back = QPushButton(QCoreApplication.translate("AccountDialog", "&Back"))
        self.back.setObjectName("signUpBack")
        self.back.setAccessibleName(
            QCoreApplication.translate("AccountDialog", "Back to the account details")
        )
        self.back.hide()
        cancel = self.box.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(QCoreApplication.translate("AccountDialog", "Cancel"))
        self.secondary = QHBoxLayout()
        self.secondary.addWidget(self.back)
        self.secondary.addWidget(self.test)
        self.secondary.addWidget(self.anyway)
        self.secondary.addStretch(1)
        self.show_page(sign_up=False, can_sign_up=False)

    def actions(self) -> tuple[QPushButton, ...]:
        """The buttons a busy dialog disables (Cancel stays)."""
        return (self.ok, self.test, self.anyway, self.create, self.back)

    def show_page(self, *, sign_up: bool, can_sign_up: bool) -> None:
        """The server's sign-up questions, or the account details (``can_sign_up``: the service
        makes accounts and this is a new one)."""
        self.back.setVisible(sign_up)
        self.test.setVisible(not sign_up)
        self.anyway.hide()
        self.create.setVisible(not sign_up and can_sign_up and not self.editing)
        if sign_up:
            self.ok.setText(QCoreApplication.translate("AccountDialog", "&Create account"))
            self.ok.setAccessibleName(
                QCoreApplication.translate(
                    "AccountDialog", "Send the answers and create the account"
                )
            )
        else:
            self.ok.setText(
                QCoreApplication.translate("AccountDialog", "&Save")
                if self.editing
                else QCoreApplication.translate("AccountDialog", "&Sign in")
            )
            self.ok.setAccessibleName(
                QCoreApplication.translate("AccountDialog", "Save account")
                if self.editing
                else QCoreApplication.translate("AccountDialog", "Sign in and add the account")
            )
