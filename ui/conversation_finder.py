"""The ways to reach a conversation or a person from the main window: the quick switcher,
search (here or everywhere), starting a direct conversation, joining or browsing rooms, and
adding a contact.

Kept apart from the main window (one concern; the window wires its menus and the pane's
requests to it). A chosen conversation is shown through ``show_conversation``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QDialog, QWidget

from app.backend import Outcome
from app.models import Conversation, ConversationId, Message
from app.runtime import Result
from ui.bridge import CoreBridge
from ui.command_runner import CommandRunner
from ui.conversation_pane import ConversationPane
from ui.core_text import core_text
from ui.models.sidebar_model import SidebarModel
from ui.widgets.notice_bar import NoticeBar
from ui.widgets.sidebar import Sidebar

if TYPE_CHECKING:
    from ui.dialogs.form_dialog import FormDialog
    from ui.dialogs.quick_switcher import QuickSwitcher
    from ui.dialogs.search_dialog import SearchDialog


class ConversationFinder(QObject):
    def __init__(
        self,
        bridge: CoreBridge,
        sidebar: Sidebar,
        sidebar_model: SidebarModel,
        pane: ConversationPane,
        *,
        notices: NoticeBar,
        commands: CommandRunner,
        show_dialog: Callable[[QDialog], None],
        show_conversation: Callable[[ConversationId, Message | None], None],
        say: Callable[[str], None],
        parent: QWidget,
    ) -> None:
        """``show_conversation(id, at)`` selects and opens a conversation (at a message);
        ``say`` speaks through the screen reader; ``parent``: the window."""
        super().__init__(parent)
        self.bridge = bridge
        self.core = bridge.core
        self.sidebar = sidebar
        self.sidebar_model = sidebar_model
        self.pane = pane
        self.notices = notices
        self.commands = commands
        self._show_dialog = show_dialog
        self._show_conversation = show_conversation
        self._say = say
        self._widget = parent

    def quick_switch(self) -> None:
        from ui.dialogs.quick_switcher import QuickSwitcher  # noqa: PLC0415

        dialog = QuickSwitcher(self.sidebar_model, self._widget, self._say)
        dialog.accepted.connect(lambda: self._switched(dialog))
        self._show_dialog(dialog)

    def _switched(self, dialog: QuickSwitcher) -> None:
        if dialog.chosen is not None:
            self._show_conversation(dialog.chosen, None)
            self.pane.composer_area.composer.setFocus()

    def search_here(self) -> None:
        """In the open conversation, or everywhere when none is open."""
        self.search_in(self.pane.conversation)

    @Slot(object)
    def search_in(self, conversation: ConversationId | None) -> None:
        from ui.dialogs.search_dialog import SearchDialog  # noqa: PLC0415

        dialog = SearchDialog(
            self.bridge, self.sidebar_model, self._widget, conversation, self._say
        )
        dialog.accepted.connect(lambda: self._search_chosen(dialog))
        self._show_dialog(dialog)

    def _search_chosen(self, dialog: SearchDialog) -> None:
        msg = dialog.chosen
        if msg is not None:
            self._show_conversation(msg.conversation_id, msg)
            self.pane.view.setFocus()

    def start_conversation(self) -> None:
        dialog = self._form(
            self.tr("Start a conversation"), [("who", self.tr("Address or nick"), True)]
        )
        dialog.accepted.connect(
            lambda: self.bridge.call(
                self.core.conversations.open_direct(dialog.account_id(), dialog.value("who")),
                self._direct_started,
            )
        )

    def _direct_started(self, done: Result[Conversation]) -> None:
        if self.commands.report(done):
            self._show_conversation(done.value.id, None)
            self.pane.composer_area.composer.setFocus()

    def join_room(self) -> None:
        dialog = self._form(
            self.tr("Join a room"),
            [
                ("room", self.tr("Room address or channel"), True),
                ("nick", self.tr("Nickname"), False),
                ("password", self.tr("Password"), False),
            ],
        )
        dialog.edits["password"].setEchoMode(dialog.edits["password"].EchoMode.Password)
        dialog.accepted.connect(
            lambda: self.commands.call(
                self.core.rooms.join(
                    dialog.account_id(),
                    dialog.value("room"),
                    dialog.value("nick"),
                    dialog.value("password"),
                )
            )
        )

    @Slot(object, str)
    def browse_rooms(self, account_id: str | None, query: str) -> None:
        from ui.dialogs.room_directory_dialog import RoomDirectoryDialog  # noqa: PLC0415

        dialog = RoomDirectoryDialog(
            self.bridge, self.sidebar_model, self._widget, account_id, query
        )
        dialog.joinRequested.connect(self.join_listed)
        self._show_dialog(dialog)

    @Slot(str, str)
    def join_listed(self, account_id: str, address: str) -> None:
        """Join a room chosen in the directory, then open it."""

        def joined(done: Result[Outcome]) -> None:
            if self.commands.report(done):
                native = done.value.value or address
                self._show_conversation(ConversationId(account_id, native), None)

        self.bridge.call(self.core.rooms.join(account_id, address), joined)

    @Slot(object)
    def add_contact(self, account_id: str | None) -> None:
        dialog = self._form(
            self.tr("Add a contact"),
            [
                ("who", self.tr("Address"), True),
                ("name", self.tr("Name"), False),
            ],
        )
        dialog.wait_for_answer()  # an address the service refuses is said in the dialog

        def answered(done: Result[Outcome]) -> None:
            failure = done.value.failure if done.ok else None
            dialog.answered(
                core_text(done.error) or (core_text(failure.message) if failure else "")
            )
            if done.ok and failure is None:
                self.notices.show_notice(self.tr("Contact request sent."), "info")

        dialog.submitted.connect(
            lambda: self.bridge.call(
                self.core.contacts.add_contact(
                    dialog.account_id(), dialog.value("who"), dialog.value("name")
                ),
                answered,
            )
        )
        if account_id is not None and dialog.account is not None:
            dialog.account.setCurrentIndex(max(dialog.account.findData(account_id), 0))

    def _form(self, title: str, fields: list[tuple[str, str, bool]]) -> FormDialog:
        from ui.dialogs.form_dialog import FormDialog  # noqa: PLC0415

        accounts = [(a.id, a.display_name) for a in self.sidebar_model.accounts()]
        dialog = FormDialog(title, fields, accounts, self._widget)
        current = self.sidebar.current_account()
        if current is not None and dialog.account is not None:
            dialog.account.setCurrentIndex(max(dialog.account.findData(current), 0))
        self._show_dialog(dialog)
        return dialog
