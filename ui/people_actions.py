"""What a person does with people and rooms: the contact list's actions (chat, details, rename,
remove, block), the "Blocked" list, blocking a room member or a message's sender, and the "New
room" and "Room settings" dialogs.

Kept apart from the main window (which only wires menus to it) so neither grows past a screenful
of concerns; every action reaches the core through the bridge and says what went wrong.
"""

from __future__ import annotations

from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QPoint, Signal, Slot
from PySide6.QtWidgets import QDialog, QInputDialog, QMenu, QMessageBox, QWidget

from app.backend import Outcome
from app.models import Contact, ConversationId, Member, Message
from app.runtime import Result
from ui.bridge import CoreBridge
from ui.core_text import core_text
from ui.models.contact_model import ContactListModel
from ui.models.sidebar_model import SidebarModel

if TYPE_CHECKING:
    from ui.dialogs.blocked_dialog import BlockedDialog
    from ui.dialogs.contact_details_dialog import ContactDetailsDialog
    from ui.dialogs.new_room_dialog import NewRoomDialog
    from ui.dialogs.room_settings_dialog import RoomSettingsDialog

T = TypeVar("T")


class PeopleActions(QObject):
    """Signals:

    ``notice(str, str)``: something to tell the user (text, level).
    ``openConversation(object)``: show a conversation (a ConversationId).
    ``dialogOpened(object)``: a dialog was opened (the window tracks it and restores focus).
    ``addContactRequested(object)``: the add-contact form, for an account id (or None).
    """

    notice = Signal(str, str)
    openConversation = Signal(object)
    dialogOpened = Signal(object)
    addContactRequested = Signal(object)

    def __init__(
        self,
        bridge: CoreBridge,
        sidebar_model: SidebarModel,
        contacts: ContactListModel,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.core = bridge.core
        self.sidebar_model = sidebar_model
        self.contacts = contacts
        self.window = parent
        self.menu: QMenu | None = None
        contacts.accountAdded.connect(self.load_contacts)

    # -- the contact list --------------------------------------------------------------------

    @Slot(str)
    def load_contacts(self, account_id: str) -> None:
        self.bridge.call(
            self.core.contacts.list_contacts(account_id),
            lambda done: self.contacts.set_contacts(account_id, done.value) if done.ok else None,
        )

    @Slot(str, str)
    def chat_with(self, account_id: str, address: str) -> None:
        def opened(done: Result[Any]) -> None:
            if done.ok:
                self.openConversation.emit(done.value.id)
            else:
                self.notice.emit(core_text(done.error) or "", "error")

        self.bridge.call(self.core.conversations.open_direct(account_id, address), opened)

    def contact_menu(self, contact: Contact) -> QMenu:
        """The actions for one contact, each with a mnemonic (also the keyboard's way in)."""
        menu = QMenu(self.window)
        menu.setObjectName("contactMenu")
        account_id, address = contact.id.account_id, contact.id.native_id
        menu.addAction(self.tr("&Chat"), lambda: self.chat_with(account_id, address))
        menu.addAction(self.tr("&Details…"), lambda: self.details(account_id, address))
        if not contact.blocked:
            menu.addAction(self.tr("Re&name…"), lambda: self.rename(contact))
            menu.addAction(self.tr("&Remove…"), lambda: self.remove(contact))
            menu.addAction(
                self.tr("&Block…"), lambda: self.block(account_id, address, contact.name)
            )
        else:
            menu.addAction(
                self.tr("&Unblock"), lambda: self.set_blocked(account_id, address, False)
            )
        menu.addSeparator()
        menu.addAction(
            self.tr("&Add a contact…"), lambda: self.addContactRequested.emit(account_id)
        )
        menu.addAction(self.tr("Blocked &people…"), lambda: self.blocked_list(account_id))
        return menu

    @Slot(object, QPoint)
    def show_contact_menu(self, contact: Contact, where: QPoint) -> None:
        menu = self.contact_menu(contact)
        self.menu = menu
        menu.popup(where)

    def details(self, account_id: str, address: str) -> ContactDetailsDialog:
        from ui.dialogs.contact_details_dialog import ContactDetailsDialog  # noqa: PLC0415

        dialog = ContactDetailsDialog(self.bridge, account_id, address, self.window)
        self._open(dialog)
        return dialog

    def rename(self, contact: Contact) -> None:
        name, ok = QInputDialog.getText(
            self.window,
            self.tr("Rename contact"),
            self.tr("Name for {address}:").format(address=contact.id.native_id),
            text=contact.display_name,
        )
        if ok:
            self._call(
                self.core.contacts.rename_contact(contact.id.account_id, contact.id.native_id, name)
            )

    def remove(self, contact: Contact) -> None:
        answer = QMessageBox.question(
            self.window,
            self.tr("Remove contact"),
            self.tr(
                "Remove {name} from your contacts? You will no longer see each other's status."
            ).format(name=contact.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._call(
                self.core.contacts.remove_contact(contact.id.account_id, contact.id.native_id)
            )

    # -- blocking ----------------------------------------------------------------------------

    def block(self, account_id: str, address: str, name: str = "") -> None:
        """Ask, then block: their messages are no longer stored or shown, anywhere."""
        box = QMessageBox(self.window)
        box.setObjectName("blockBox")
        box.setWindowTitle(self.tr("Block"))
        box.setText(
            self.tr(
                "Block {name}? You will not get their messages, invitations or requests any "
                "more, and they are not told."
            ).format(name=name or address)
        )
        block = box.addButton(self.tr("&Block"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(
            lambda _r: (
                self.set_blocked(account_id, address, True)
                if box.clickedButton() is block
                else None
            )
        )
        self._open(box)

    def set_blocked(self, account_id: str, address: str, blocked: bool) -> None:
        self._call(
            self.core.contacts.set_blocked(account_id, address, blocked),
            self.tr("{who} is blocked.").format(who=address)
            if blocked
            else self.tr("{who} is no longer blocked.").format(who=address),
        )

    def block_member(self, member: Member) -> None:
        """Block a room member: by their real address where the room shows it."""
        address = member.contact.native_id if member.contact is not None else member.native_id
        self.block(member.conversation_id.account_id, address, member.name)

    def block_sender(self, msg: Message, members: tuple[Member, ...] = ()) -> None:
        """Block who wrote a message (in a room, the address behind their nick when known)."""
        member = next((m for m in members if m.native_id == msg.sender), None)
        if member is not None:
            self.block_member(member)
        else:
            self.block(msg.conversation_id.account_id, msg.sender, msg.sender_name)

    def blocked_list(self, account_id: str) -> BlockedDialog:
        from ui.dialogs.blocked_dialog import BlockedDialog  # noqa: PLC0415

        dialog = BlockedDialog(
            self.bridge, account_id, self.sidebar_model.account_name(account_id), self.window
        )
        self._open(dialog)
        return dialog

    # -- rooms -------------------------------------------------------------------------------

    def new_room(self, account_id: str | None = None) -> NewRoomDialog:
        from ui.dialogs.new_room_dialog import NewRoomDialog  # noqa: PLC0415

        accounts = [(a.id, a.display_name) for a in self.sidebar_model.accounts()]
        dialog = NewRoomDialog(self.bridge, accounts, self.window, account_id)
        dialog.created.connect(self._room_created)
        self._open(dialog)
        return dialog

    @Slot(str, str)
    def _room_created(self, account_id: str, native_id: str) -> None:
        self.openConversation.emit(ConversationId(account_id, native_id))

    def room_settings(
        self, conv: ConversationId, title: str, members: tuple[Member, ...]
    ) -> RoomSettingsDialog:
        from ui.dialogs.room_settings_dialog import RoomSettingsDialog  # noqa: PLC0415

        dialog = RoomSettingsDialog(self.bridge, conv, title, members, self.window)
        self._open(dialog)
        return dialog

    # -- plumbing ----------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        self.dialogOpened.emit(dialog)

    def _call(self, coro: Coroutine[Any, Any, T], success: str = "") -> None:
        def answered(done: Result[T]) -> None:
            if not done.ok:
                self.notice.emit(core_text(done.error) or self.tr("That did not work."), "error")
            elif isinstance(done.value, Outcome) and done.value.failure is not None:
                self.notice.emit(core_text(done.value.failure.message), "error")
            elif success:
                self.notice.emit(success, "info")

        self.bridge.call(coro, answered)
