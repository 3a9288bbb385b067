"""What a person does with an account from the Accounts menu: add, edit, enable or disable,
reconnect and remove it, their own presence and status message, and the encryption key backup.

Kept apart from the main window (one concern; the window wires the menu to it). The account
acted on is the one selected in the sidebar, or the only one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from app import events as ev
from app.models import Account, Presence, PresenceState
from app.runtime import Result
from ui.bridge import CoreBridge
from ui.command_runner import CommandRunner
from ui.models.sidebar_model import SidebarModel
from ui.widgets.notice_bar import NoticeAction, NoticeBar
from ui.widgets.sidebar import Sidebar

if TYPE_CHECKING:
    from ui.dialogs.account_dialog import AccountDialog


class AccountActions(QObject):
    def __init__(
        self,
        bridge: CoreBridge,
        sidebar: Sidebar,
        sidebar_model: SidebarModel,
        *,
        notices: NoticeBar,
        commands: CommandRunner,
        show_dialog: Callable[[QDialog], None],
        parent: QWidget,
    ) -> None:
        """``show_dialog`` opens a dialog over the window; ``parent``: the window."""
        super().__init__(parent)
        self.bridge = bridge
        self.core = bridge.core
        self.sidebar = sidebar
        self.sidebar_model = sidebar_model
        self.notices = notices
        self.commands = commands
        self._show_dialog = show_dialog
        self._widget = parent
        self.account_dialog: AccountDialog | None = None  # the last one opened (tests drive it)
        notices.actionRequested.connect(self.notice_action)

    def current(self) -> Account | None:
        """The account selected in the sidebar, or the only one."""
        account_id = self.sidebar.current_account()
        accounts = self.sidebar_model.accounts()
        if account_id is None and len(accounts) == 1:
            return accounts[0]
        return self.sidebar_model.account(account_id) if account_id else None

    def need(self) -> Account | None:
        """The current account, or None after saying that one must be selected."""
        account = self.current()
        if account is None:
            self.notices.show_notice(self.tr("Select an account in the sidebar first."), "info")
        return account

    def add(self) -> None:
        self._open_dialog(None)

    def edit(self) -> None:
        account = self.need()
        if account is not None:
            self._open_dialog(account)

    def _open_dialog(self, account: Account | None) -> None:
        from ui.dialogs.account_dialog import AccountDialog  # noqa: PLC0415

        dialog = AccountDialog(self.bridge, self._widget, account)
        self.account_dialog = dialog
        self._show_dialog(dialog)

    def toggle(self) -> None:
        account = self.need()
        if account is not None:
            self.commands.call(
                self.core.accounts.set_account_enabled(account.id, not account.enabled)
            )

    @Slot(object)
    def notice_action(self, action: NoticeAction) -> None:
        """What a notice offered, chosen by the person: sent to the core for its account."""
        if action.kind == ev.NOTICE_RETRY_SAVING and action.account_id:
            self.bridge.call(
                self.core.accounts.retry_saving(action.account_id), self._retried_saving
            )

    def _retried_saving(self, done: Result[bool]) -> None:
        """How the try went is said by the core's notices; here only that nothing waited."""
        if self.commands.report(done) and not done.value:
            self.notices.show_notice(self.tr("Nothing is waiting to be saved any more."), "info")

    def reconnect(self) -> None:
        account = self.need()
        if account is not None:
            self.commands.call(self.core.accounts.reconnect(account.id))

    def remove(self) -> None:
        account = self.need()
        if account is None:
            return
        box = QMessageBox(self._widget)
        box.setObjectName("removeAccountBox")
        box.setWindowTitle(self.tr("Remove account"))
        box.setText(
            self.tr(
                "Remove the account “{name}”? You will be signed out and its "
                "password removed from the keyring."
            ).format(name=account.display_name)
        )
        box.setInformativeText(self.tr("Keep its history on this computer?"))
        keep = box.addButton(self.tr("Remove, &keep history"), QMessageBox.ButtonRole.AcceptRole)
        delete = box.addButton(
            self.tr("Remove and &delete history"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)

        def done() -> None:
            clicked = box.clickedButton()
            if clicked in (keep, delete):
                self.commands.call(
                    self.core.accounts.remove_account(account.id, keep_history=clicked is keep)
                )

        box.finished.connect(done)
        self._show_dialog(box)

    def set_presence(self, state: PresenceState, status: str = "", everywhere: bool = True) -> None:
        """Our presence on every account, or (``everywhere`` False) on the current one."""
        account = None if everywhere else self.need()
        if account is None and not everywhere:
            return
        self.commands.call(
            self.core.accounts.set_presence(
                Presence(state, status), account.id if account else None
            )
        )

    def set_status_message(self, everywhere: bool = True) -> None:
        text, ok = QInputDialog.getText(
            self._widget, self.tr("Status message"), self.tr("What should others see?")
        )
        if ok:
            self.set_presence(PresenceState.AVAILABLE, text, everywhere)

    # -- signed-in sessions --------------------------------------------------------------------

    def show_sessions(self) -> None:
        """Where the account is signed in (Matrix devices); rename or sign out the others."""
        from ui.dialogs.signed_in_dialog import SignedInDialog  # noqa: PLC0415

        account = self.need()
        if account is not None:
            self._show_dialog(
                SignedInDialog(self.bridge, account.id, account.display_name, self._widget)
            )

    # -- key backup ----------------------------------------------------------------------------

    def set_up_key_backup(self) -> None:
        """Ask how the secure storage should open (a generated recovery key or a passphrase);
        the dialog sets it up, then the recovery key is shown once."""
        from ui.dialogs.secure_storage_dialog import SecureStorageDialog  # noqa: PLC0415

        account = self.need()
        if account is not None:
            dialog = SecureStorageDialog(self.bridge, account.id, self._widget)
            dialog.created.connect(self._backup_created)
            self._show_dialog(dialog)

    @Slot(str, bool)
    def _backup_created(self, key: str, with_passphrase: bool) -> None:
        box = QMessageBox(self._widget)
        box.setObjectName("recoveryKeyBox")
        box.setWindowTitle(self.tr("Your recovery key"))
        if with_passphrase:
            text = self.tr(
                "Secure storage is set up: your passphrase opens it on a new device, here or "
                "in other apps such as Element. This recovery key opens it too, should you "
                "forget the passphrase: keep it somewhere safe, such as a password manager. "
                "It is shown only now."
            )
        else:
            text = self.tr(
                "Keep this recovery key somewhere safe, such as a password manager. "
                "It is shown only now; with it, a new device can read your old "
                "encrypted messages and take over your verified identity. It opens "
                "this account's secure storage in other apps too, such as Element."
            )
        box.setText(text)
        box.setInformativeText(key)
        box.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        copy = box.addButton(self.tr("&Copy"), QMessageBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(key))
        box.addButton(QMessageBox.StandardButton.Ok)
        self._show_dialog(box)

    def restore_key_backup(self) -> None:
        account = self.need()
        if account is None:
            return
        # Masked like any password field: a recovery key or passphrase opens every encrypted
        # message, so it is not shown to whoever looks at (or records) the screen.
        dialog = QInputDialog(self._widget)
        dialog.setObjectName("restoreKeyDialog")
        dialog.setWindowTitle(self.tr("Restore from key backup"))
        dialog.setLabelText(self.tr("Recovery key or secure storage passphrase:"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.setAccessibleName(self.tr("Restore from key backup"))

        def chosen(text: str) -> None:
            if text.strip():
                self.commands.call(
                    self.core.encryption.restore_key_backup(account.id, text.strip()),
                    success=self.tr("Secure storage opened and keys restored from the backup."),
                )

        dialog.textValueSelected.connect(chosen)
        self._show_dialog(dialog)
