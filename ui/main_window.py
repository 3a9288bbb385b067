"""The main window: sidebar (accounts and their conversations), the open conversation, menus.

A thin layer: it shows what the core's events say and turns user intent into core commands through
the bridge. It starts painted and usable before the core has opened a single store; a "loading"
page gives way to the first-run page (no accounts) or the chat page.

Everything is reachable from the keyboard: the menus (with mnemonics) hold every action, Ctrl+K
jumps to a conversation, F6 / Shift+F6 move between the regions, Alt+Up/Down between
conversations and Alt+Shift+Up/Down between unread ones.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeGuard, TypeVar

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import events as ev
from app.backend import Outcome
from app.models import (
    Account,
    Conversation,
    ConversationId,
    Message,
    Presence,
    PresenceState,
    Verification,
    VerificationState,
)
from app.runtime import Done, Result
from ui.archive_actions import ArchiveActions
from ui.bridge import CoreBridge
from ui.conversation_pane import ConversationPane
from ui.dialogs.account_dialog import AccountDialog
from ui.dialogs.account_form import open_link
from ui.dialogs.form_dialog import FormDialog
from ui.dialogs.quick_switcher import QuickSwitcher
from ui.dialogs.room_directory_dialog import RoomDirectoryDialog
from ui.dialogs.search_dialog import SearchDialog
from ui.dialogs.settings_dialog import SettingsDialog
from ui.dialogs.verification_dialog import VerificationDialog
from ui.models.contact_model import ContactListModel
from ui.models.sidebar_model import SidebarModel
from ui.notifications import Announcer, NotificationCenter, Notifier
from ui.people_actions import PeopleActions
from ui.preferences import TEXT_SCALE, THEME, Preferences
from ui.theme import ThemeManager
from ui.widgets.contact_list import ContactList
from ui.widgets.first_run import FirstRunPage
from ui.widgets.notice_bar import NoticeBar
from ui.widgets.requests_panel import Request, RequestsPanel
from ui.widgets.sidebar import Sidebar

_log = logging.getLogger(__name__)
T = TypeVar("T")


class MainWindow(QMainWindow):
    PAGE_LOADING, PAGE_FIRST_RUN, PAGE_CHAT = range(3)

    def __init__(self, bridge: CoreBridge, notifier: Notifier | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setAccessibleName(self.tr("Chinwag"))
        self.bridge = bridge
        self.core = bridge.core
        self._started = False
        self._account_count = 0
        self.account_dialog: AccountDialog | None = None
        self.url_opener: Callable[[str], bool] = open_link
        """Opens a sign-in page in the system browser (tests put a recorder here)."""
        self.last_dialog: Any = None  # the most recent dialog (tests drive it)
        # Long operations still running, (account id, task) -> the status line they show.
        self.running: dict[tuple[str, str], str] = {}

        self.preferences = Preferences(self)
        self.sidebar_model = SidebarModel(self)
        self.contact_model = ContactListModel(self)
        bridge.events.connect(self.preferences.handle_events)
        bridge.events.connect(self.sidebar_model.handle_events)
        bridge.events.connect(self.contact_model.handle_events)
        self.people = PeopleActions(bridge, self.sidebar_model, self.contact_model, self)
        self.archive = ArchiveActions(self)
        app = QApplication.instance()
        self.theme = ThemeManager(app) if isinstance(app, QApplication) else None
        self.preferences.changed.connect(self._preferences_changed)

        self.notices = NoticeBar()
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        self.pages.setAccessibleName(self.tr("Main area"))
        loading = QLabel(self.tr("Opening your conversations…"))
        loading.setObjectName("loadingPage")
        loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        loading.setAccessibleName(self.tr("Loading"))
        self.first_run = FirstRunPage()
        self.first_run.addAccountRequested.connect(self.add_account)
        self.pages.addWidget(loading)
        self.pages.addWidget(self.first_run)
        self.pages.addWidget(self._build_chat_page())

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notices)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.statusBar().setAccessibleName(self.tr("Status and progress"))

        self.people.notice.connect(self.notices.show_notice)
        self.people.openConversation.connect(self._open_and_write)
        self.people.dialogOpened.connect(self._show_dialog)
        self.people.addContactRequested.connect(self.add_contact_to)
        self.announcer = Announcer(self.pane.view)
        self.notifications = NotificationCenter(
            self, self.sidebar_model, self.preferences, notifier, self.announcer
        )
        self.notifications.activated.connect(self._raise)
        bridge.events.connect(self.notifications.handle_events)
        bridge.events.connect(self._handle_events)
        self._build_menus()
        self._build_shortcuts()
        self._update_title()
        self.resize(1040, 680)

    # -- construction ----------------------------------------------------------------------

    def _build_chat_page(self) -> QWidget:
        self.sidebar = Sidebar(self.sidebar_model)
        self.sidebar.conversationActivated.connect(self.open_conversation)
        self.sidebar.enterPressed.connect(self._go_read)
        self.requests = RequestsPanel()
        self.requests.answered.connect(self._answer_request)
        self.contact_list = ContactList(self.contact_model)
        self.contact_list.chatRequested.connect(self.people.chat_with)
        self.contact_list.menuRequested.connect(self.people.show_contact_menu)
        self.contact_list.addRequested.connect(self.add_contact_to)
        self.left_tabs = QTabWidget()
        self.left_tabs.setObjectName("leftTabs")
        self.left_tabs.setAccessibleName(self.tr("Conversations and contacts"))
        # No Alt+letter on the tabs (their letters are all taken); Ctrl+1 and Ctrl+2 switch.
        self.left_tabs.addTab(self.sidebar, self.tr("Conversations"))
        self.left_tabs.addTab(self.contact_list, self.tr("Contacts"))
        self.left_tabs.setTabToolTip(0, self.tr("Conversations (Ctrl+1)"))
        self.left_tabs.setTabToolTip(1, self.tr("Contacts (Ctrl+2)"))
        left = QWidget()
        left.setObjectName("leftColumn")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.requests)
        left_layout.addWidget(self.left_tabs, 1)
        self.pane = ConversationPane(self.bridge, self.sidebar_model, self.preferences)
        self.pane.notice.connect(self.notices.show_notice)
        self.pane.openRequested.connect(self.show_conversation)
        self.pane.searchRequested.connect(self.search_in)
        self.pane.browseRequested.connect(self.browse_rooms_of)
        self.pane.verificationOpened.connect(self.open_verification)
        self.pane.settingsRequested.connect(self.room_settings_of)
        self.pane.blockMemberRequested.connect(self.people.block_member)
        self.pane.blockSenderRequested.connect(self._block_sender)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("chatSplitter")
        splitter.setAccessibleName(self.tr("Chat"))
        splitter.addWidget(left)
        splitter.addWidget(self.pane)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([290, 750])
        QWidget.setTabOrder(self.sidebar.filter, self.sidebar.tree)
        QWidget.setTabOrder(self.sidebar.tree, self.pane.view)
        QWidget.setTabOrder(self.pane.view, self.pane.composer_area.composer)
        return splitter

    def _action(self, menu: Any, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        main = bar.addMenu(self.tr("&Chinwag"))
        self.add_account_action = self._action(
            main, self.tr("&Add account…"), self.add_account, "Ctrl+N"
        )
        self._action(main, self.tr("&Settings…"), self.open_settings, "Ctrl+,")
        main.addSeparator()
        self._action(main, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        accounts = bar.addMenu(self.tr("&Accounts"))
        self._action(accounts, self.tr("&Edit account…"), self.edit_account)
        self._action(accounts, self.tr("Enable or &disable account"), self.toggle_account)
        self._action(accounts, self.tr("&Reconnect"), self.reconnect_account)
        self._action(accounts, self.tr("Re&move account…"), self.remove_account)
        accounts.addSeparator()
        status = accounts.addMenu(self.tr("My &status"))
        for state, label in (
            (PresenceState.AVAILABLE, self.tr("&Available")),
            (PresenceState.AWAY, self.tr("A&way")),
            (PresenceState.EXTENDED_AWAY, self.tr("Away for a w&hile")),
            (PresenceState.DO_NOT_DISTURB, self.tr("&Do not disturb")),
        ):
            self._action(status, label, lambda _=False, s=state: self.set_presence(s))
        self._action(status, self.tr("Status &message…"), self.set_status_message)
        self.presence_all = QAction(self.tr("Apply to all a&ccounts"), self)
        self.presence_all.setCheckable(True)
        self.presence_all.setChecked(True)
        status.addSeparator()
        status.addAction(self.presence_all)
        accounts.addSeparator()
        self._action(accounts, self.tr("Blocked &people…"), self.blocked_people)
        accounts.addSeparator()
        self._action(accounts, self.tr("E&xport account history…"), self.export_account)
        self._action(accounts, self.tr("&Import history…"), self.import_history)
        self._action(accounts, self.tr("Delete &old history…"), self.prune_history)
        accounts.addSeparator()
        self._action(accounts, self.tr("Set up &key backup…"), self.set_up_key_backup)
        self._action(accounts, self.tr("Restore keys from &backup…"), self.restore_key_backup)

        convs = bar.addMenu(self.tr("C&onversations"))
        self._action(convs, self.tr("&Go to conversation…"), self.quick_switch, "Ctrl+K")
        self._action(
            convs, self.tr("&Start a conversation…"), self.start_conversation, "Ctrl+Shift+N"
        )
        self._action(convs, self.tr("&Join a room…"), self.join_room, "Ctrl+J")
        self._action(convs, self.tr("&Browse rooms…"), self.browse_rooms, "Ctrl+Shift+J")
        self._action(convs, self.tr("Add a &contact…"), self.add_contact)
        self._action(convs, self.tr("New &room…"), self.new_room, "Ctrl+Shift+O")
        self._action(convs, self.tr("Room se&ttings…"), self.room_settings)
        convs.addSeparator()
        self._action(convs, self.tr("&Find in conversation…"), self.search_here, "Ctrl+F")
        self._action(convs, self.tr("Search &everywhere…"), self.search_everywhere, "Ctrl+Shift+F")
        convs.addSeparator()
        self._action(convs, self.tr("&Previous conversation"), lambda: self.step(-1), "Alt+Up")
        self._action(convs, self.tr("&Next conversation"), lambda: self.step(1), "Alt+Down")
        self._action(
            convs, self.tr("Previous &unread"), lambda: self.step(-1, True), "Alt+Shift+Up"
        )
        self._action(convs, self.tr("Ne&xt unread"), lambda: self.step(1, True), "Alt+Shift+Down")

        view = bar.addMenu(self.tr("&View"))
        self._action(view, self.tr("Next &region"), lambda: self.cycle_region(1), "F6")
        self._action(view, self.tr("Previous r&egion"), lambda: self.cycle_region(-1), "Shift+F6")
        self._action(view, self.tr("Jump to &latest"), self.pane.jump_to_latest, "Ctrl+End")
        view.addSeparator()
        self._action(view, self.tr("&Conversations list"), lambda: self.show_tab(0), "Ctrl+1")
        self._action(view, self.tr("C&ontacts list"), lambda: self.show_tab(1), "Ctrl+2")

    def _build_shortcuts(self) -> None:
        focus_composer = QShortcut(QKeySequence("Ctrl+L"), self)
        focus_composer.activated.connect(self.pane.composer_area.composer.setFocus)

    # -- regions and moving around ---------------------------------------------------------

    def regions(self) -> list[QWidget]:
        regions: list[QWidget] = [
            self.contact_list.tree if self.left_tabs.currentIndex() == 1 else self.sidebar.tree,
            self.pane.view,
            self.pane.composer_area.composer,
        ]
        if self.pane.members.isVisible():
            regions.append(self.pane.members.list)
        if self.requests.isVisible():
            regions.insert(0, self.requests)
        return regions

    def cycle_region(self, delta: int) -> None:
        regions = [r for r in self.regions() if r.isVisible() and r.isEnabled()]
        if not regions:
            return
        focus = QApplication.focusWidget()
        current = next(
            (
                i
                for i, r in enumerate(regions)
                if focus is not None and (focus is r or r.isAncestorOf(focus))
            ),
            -1,
        )
        target = regions[(current + delta) % len(regions)]
        if target is self.requests:
            target.focusNextChild()
            buttons = target.findChildren(QWidget)
            focusable = [b for b in buttons if b.focusPolicy() != Qt.FocusPolicy.NoFocus]
            (focusable[0] if focusable else target).setFocus(Qt.FocusReason.TabFocusReason)
        else:
            target.setFocus(Qt.FocusReason.TabFocusReason)

    def step(self, delta: int, unread_only: bool = False) -> None:
        self.sidebar.step(delta, unread_only)

    @Slot()
    def _go_read(self) -> None:
        if self.sidebar.current_conversation() is not None:
            self.pane.view.setFocus()
            last = self.pane.model.rowCount() - 1
            if last >= 0:
                self.pane.view.setCurrentIndex(self.pane.model.index(last))

    # -- conversations -----------------------------------------------------------------------

    @Slot(object)
    def open_conversation(self, conv_id: ConversationId) -> None:
        if conv_id == self.pane.conversation:
            return
        self.pane.open(conv_id)
        self.notifications.open_conversation = conv_id

    @Slot(object)
    def show_conversation(self, conv_id: ConversationId, at: Message | None = None) -> None:
        """Select a conversation in the sidebar (it may be new) and open it."""
        self.sidebar.select_conversation(conv_id)
        if at is not None or self.pane.conversation != conv_id:
            self.pane.open(conv_id, at.id if at is not None else None)
            self.notifications.open_conversation = conv_id

    @Slot()
    def quick_switch(self) -> None:
        dialog = QuickSwitcher(self.sidebar_model, self)
        dialog.accepted.connect(lambda: self._switched(dialog))
        self._show_dialog(dialog)

    def _switched(self, dialog: QuickSwitcher) -> None:
        if dialog.chosen is not None:
            self.show_conversation(dialog.chosen)
            self.pane.composer_area.composer.setFocus()

    @Slot()
    def search_here(self) -> None:
        if self.pane.conversation is not None:
            self.search_in(self.pane.conversation)
        else:
            self.search_everywhere()

    @Slot()
    def search_everywhere(self) -> None:
        self.search_in(None)

    @Slot(object)
    def search_in(self, conversation: ConversationId | None) -> None:
        dialog = SearchDialog(self.bridge, self.sidebar_model, self, conversation)
        dialog.accepted.connect(lambda: self._search_chosen(dialog))
        self._show_dialog(dialog)

    def _search_chosen(self, dialog: SearchDialog) -> None:
        msg = dialog.chosen
        if msg is not None:
            self.show_conversation(msg.conversation_id, at=msg)
            self.pane.view.setFocus()

    @Slot()
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
        if self._report(done):
            self.show_conversation(done.value.id)
            self.pane.composer_area.composer.setFocus()

    @Slot()
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
            lambda: self._call(
                self.core.rooms.join(
                    dialog.account_id(),
                    dialog.value("room"),
                    dialog.value("nick"),
                    dialog.value("password"),
                )
            )
        )

    @Slot()
    def browse_rooms(self) -> None:
        self.browse_rooms_of(self.sidebar.current_account(), "")

    @Slot(object, str)
    def browse_rooms_of(self, account_id: str | None, query: str) -> None:
        dialog = RoomDirectoryDialog(self.bridge, self.sidebar_model, self, account_id, query)
        dialog.joinRequested.connect(self.join_listed)
        self._show_dialog(dialog)

    @Slot(str, str)
    def join_listed(self, account_id: str, address: str) -> None:
        """Join a room chosen in the directory, then open it."""

        def joined(done: Result[Outcome]) -> None:
            if self._report(done):
                native = done.value.value or address
                self.show_conversation(ConversationId(account_id, native))

        self.bridge.call(self.core.rooms.join(account_id, address), joined)

    @Slot()
    def add_contact(self) -> None:
        self.add_contact_to(None)

    @Slot(object)
    def add_contact_to(self, account_id: str | None) -> None:
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
            dialog.answered(done.error or (failure.message if failure else ""))
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
        accounts = [(a.id, a.display_name) for a in self.sidebar_model.accounts()]
        dialog = FormDialog(title, fields, accounts, self)
        current = self.sidebar.current_account()
        if current is not None and dialog.account is not None:
            dialog.account.setCurrentIndex(max(dialog.account.findData(current), 0))
        self._show_dialog(dialog)
        return dialog

    # -- people and rooms (PeopleActions does the work) ------------------------------------

    def show_tab(self, index: int) -> None:
        """Conversations (0) or contacts (1) in the left column, with the focus on its list."""
        self.left_tabs.setCurrentIndex(index)
        (self.contact_list.tree if index == 1 else self.sidebar.tree).setFocus()

    @Slot()
    def new_room(self) -> None:
        self.people.new_room(self._current_account_id())

    @Slot()
    def room_settings(self) -> None:
        if self.pane.conversation is None:
            self.notices.show_notice(self.tr("Open a room first."), "info")
            return
        self.room_settings_of(self.pane.conversation)

    @Slot(object)
    def room_settings_of(self, conv: ConversationId) -> None:
        details = self.pane.details if self.pane.conversation == conv else None
        title = details.conversation.name if details is not None else conv.native_id
        members = details.members if details is not None else ()
        self.people.room_settings(conv, title, members)

    @Slot()
    def blocked_people(self) -> None:
        account = self._need_account()
        if account is not None:
            self.people.blocked_list(account.id)

    @Slot(object)
    def _block_sender(self, msg: Message) -> None:
        details = self.pane.details
        self.people.block_sender(msg, details.members if details is not None else ())

    @Slot(object)
    def _open_and_write(self, conv: ConversationId) -> None:
        self.show_tab(0)
        self.show_conversation(conv)
        self.pane.composer_area.composer.setFocus()

    def _current_account_id(self) -> str | None:
        if self.left_tabs.currentIndex() == 1:
            return self.contact_list.current_account()
        account = self._current_account()
        return account.id if account is not None else None

    @Slot(str, object)
    def open_verification(self, account_id: str, verification: Verification) -> None:
        dialog = VerificationDialog(self.bridge, account_id, verification, self)
        self._show_dialog(dialog)

    @Slot()
    def set_up_key_backup(self) -> None:
        account = self._need_account()
        if account is not None:
            self.bridge.call(
                self.core.encryption.create_key_backup(account.id), self._backup_created
            )

    def _backup_created(self, done: Result[Outcome]) -> None:
        if not self._report(done):
            return
        key = done.value.value or ""
        box = QMessageBox(self)
        box.setObjectName("recoveryKeyBox")
        box.setWindowTitle(self.tr("Your recovery key"))
        box.setText(
            self.tr(
                "Keep this recovery key somewhere safe, such as a password manager. "
                "It is shown only now; with it, a new device can read your old "
                "encrypted messages."
            )
        )
        box.setInformativeText(key)
        box.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        copy = box.addButton(self.tr("&Copy"), QMessageBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(key))
        box.addButton(QMessageBox.StandardButton.Ok)
        self._show_dialog(box)

    @Slot()
    def restore_key_backup(self) -> None:
        account = self._need_account()
        if account is None:
            return
        key, ok = QInputDialog.getText(
            self, self.tr("Restore from key backup"), self.tr("Recovery key:")
        )
        if ok and key.strip():
            self._call(
                self.core.encryption.restore_key_backup(account.id, key.strip()),
                success=self.tr("Keys restored from the backup."),
            )

    @Slot(object, bool)
    def _answer_request(self, request: Request, accept: bool) -> None:
        if request.kind == "verification":
            if accept:
                self._call(
                    self.core.encryption.accept_verification(request.account_id, request.target)
                )
                who = request.text.split(" wants ")[0]
                self.open_verification(
                    request.account_id,
                    Verification(request.target, who, incoming=True, state=VerificationState.READY),
                )
            else:
                self._call(
                    self.core.encryption.cancel_verification(request.account_id, request.target)
                )
            return
        if request.kind == "subscription":
            self._call(
                self.core.contacts.answer_subscription(request.account_id, request.target, accept)
            )
        elif request.kind == "file":
            self._call(
                self.core.messaging.answer_file_offer(request.account_id, request.target, accept)
            )
        else:
            conv = RequestsPanel.conversation_of(request)
            self._call(self.core.rooms.answer_invite(conv, accept))

    # -- accounts ------------------------------------------------------------------------------

    def _current_account(self) -> Account | None:
        account_id = self.sidebar.current_account()
        accounts = self.sidebar_model.accounts()
        if account_id is None and len(accounts) == 1:
            return accounts[0]
        return self.sidebar_model.account(account_id) if account_id else None

    def open_in_browser(self, url: str) -> None:
        """A sign-in continues in the browser (single sign-on, a CAPTCHA page)."""
        if not self.url_opener(url):
            self.notices.show_notice(
                self.tr("Open this address in your web browser to continue: {url}").format(url=url),
                "warning",
            )

    def _need_account(self) -> Account | None:
        account = self._current_account()
        if account is None:
            self.notices.show_notice(self.tr("Select an account in the sidebar first."), "info")
        return account

    @Slot()
    def add_account(self) -> None:
        dialog = AccountDialog(self.bridge, self)
        self.account_dialog = dialog
        self._show_dialog(dialog)

    def _show_dialog(self, dialog: QDialog) -> None:
        """Open a window-modal dialog; when it closes, the keyboard focus comes back here."""
        self.last_dialog = dialog
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    @Slot()
    def _dialog_closed(self) -> None:
        self.activateWindow()
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            if self.pages.currentIndex() == self.PAGE_CHAT:
                target: QWidget = (
                    self.pane.composer_area.composer
                    if self.pane.conversation is not None
                    else self.sidebar.tree
                )
                target.setFocus()
            elif self.pages.currentIndex() == self.PAGE_FIRST_RUN:
                self.first_run.setFocus()

    @Slot()
    def edit_account(self) -> None:
        account = self._need_account()
        if account is None:
            return
        dialog = AccountDialog(self.bridge, self, account)
        self.account_dialog = dialog
        self._show_dialog(dialog)

    @Slot()
    def toggle_account(self) -> None:
        account = self._need_account()
        if account is not None:
            self._call(self.core.accounts.set_account_enabled(account.id, not account.enabled))

    @Slot()
    def reconnect_account(self) -> None:
        account = self._need_account()
        if account is not None:
            self._call(self.core.accounts.reconnect(account.id))

    @Slot()
    def remove_account(self) -> None:
        account = self._need_account()
        if account is None:
            return
        box = QMessageBox(self)
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
        self.last_dialog = box

        def done() -> None:
            clicked = box.clickedButton()
            if clicked in (keep, delete):
                self._call(
                    self.core.accounts.remove_account(account.id, keep_history=clicked is keep)
                )

        box.finished.connect(done)
        box.open()

    def set_presence(self, state: PresenceState, status: str = "") -> None:
        account = None if self.presence_all.isChecked() else self._need_account()
        if account is None and not self.presence_all.isChecked():
            return
        self._call(
            self.core.accounts.set_presence(
                Presence(state, status), account.id if account else None
            )
        )

    @Slot()
    def set_status_message(self) -> None:
        text, ok = QInputDialog.getText(
            self, self.tr("Status message"), self.tr("What should others see?")
        )
        if ok:
            self.set_presence(PresenceState.AVAILABLE, text)

    # -- the archive (ArchiveActions does the work) ---------------------------------------

    @Slot()
    def export_account(self) -> None:
        account = self._need_account()
        if account is not None:
            self.archive.export(account)

    @Slot()
    def import_history(self) -> None:
        """Import an export, or a history kept when an account was removed."""
        self.archive.import_history()

    @Slot()
    def prune_history(self) -> None:
        """Delete old messages of the selected account only (the account's own menu)."""
        account = self._need_account()
        if account is not None:
            self.archive.prune(account)

    @Slot()
    def open_settings(self) -> None:
        dialog = SettingsDialog(self.bridge, self.preferences, self)
        self._show_dialog(dialog)

    # -- events ----------------------------------------------------------------------------

    @Slot(list)
    def _handle_events(self, events: list[ev.Event]) -> None:
        for event in events:
            if isinstance(event, ev.CoreStarted):
                self._started = True
                self._choose_page()
                self.repaint()  # painted now, so "ready" below means usable
                _log.info(
                    "main window ready: %d accounts, %d unread",
                    self._account_count,
                    self.sidebar_model.total_unread(),
                )
            elif isinstance(event, ev.AccountsChanged):
                self._account_count = len(event.accounts)
                self._choose_page()
            elif isinstance(event, ev.ConversationsRemoved):
                if self.pane.conversation in event.conversation_ids:
                    self.pane.open(None)
            elif isinstance(event, ev.PluginProblem):
                self.notices.show_notice(
                    self.tr("The plugin “{name}” could not be loaded: {reason}").format(
                        name=event.name, reason=event.reason
                    ),
                    "warning",
                )
            elif isinstance(event, ev.Notice):
                self.notices.show_notice(event.text, event.level)
            elif isinstance(event, ev.OpenInBrowser):
                self.open_in_browser(event.url)
            elif isinstance(event, ev.ConnectionStateChanged) and event.detail == "soft_logout":
                self.notices.show_notice(
                    self.tr(
                        "{account}: the server ended the session. Sign in again with Edit "
                        "account; your messages and encryption keys are kept."
                    ).format(account=self.sidebar_model.account_name(event.account_id)),
                    "warning",
                )
            elif isinstance(
                event, (ev.SubscriptionRequested, ev.VerificationChanged, ev.FileOffered)
            ):
                self.requests.handle(event, self.sidebar_model.account_name(event.account_id))
            elif isinstance(event, ev.InviteReceived):
                account_id = event.conversation_id.account_id
                self.requests.handle(event, self.sidebar_model.account_name(account_id))
            elif isinstance(event, ev.ProgressChanged) and not event.task.startswith(
                ("download:", "upload:")
            ):
                self._progress(event)
        self._update_title()

    def _progress(self, event: ev.ProgressChanged) -> None:
        """Long work in the status bar: "alice: Exporting 500 of 2000", then "… done"."""
        key = (event.account_id, event.task)
        account = self.sidebar_model.account_name(event.account_id)
        if event.total is not None and event.done >= event.total:  # 0 of 0 is done too
            self.running.pop(key, None)
            self._show_progress(
                self.tr("{account}: {label} done").format(account=account, label=event.label)
            )
            return
        if event.total:
            text = self.tr("{account}: {label} {done} of {total}").format(
                account=account, label=event.label, done=event.done, total=event.total
            )
        else:
            text = self.tr("{account}: {label} ({done})").format(
                account=account, label=event.label, done=event.done
            )
        self.running[key] = text
        self._show_progress()

    def _end_progress(self, account_id: str, task: str) -> None:
        """A command whose progress has no known total has finished: stop showing it."""
        if self.running.pop((account_id, task), None) is not None:
            self._show_progress()

    def _show_progress(self, finished: str = "") -> None:
        """The newest running task; else what just finished, for a few seconds; else nothing."""
        bar = self.statusBar()
        if self.running:
            bar.showMessage(list(self.running.values())[-1])
        elif finished:
            bar.showMessage(finished, 5000)
        else:
            bar.clearMessage()

    def _choose_page(self) -> None:
        if not self._started:
            self.pages.setCurrentIndex(self.PAGE_LOADING)
        elif self._account_count == 0:
            self.pages.setCurrentIndex(self.PAGE_FIRST_RUN)
            self.first_run.setFocus()
        elif self.pages.currentIndex() != self.PAGE_CHAT:
            self.pages.setCurrentIndex(self.PAGE_CHAT)
            self.sidebar.setFocus()

    @Slot(dict)
    def _preferences_changed(self, values: dict[str, Any]) -> None:
        if self.theme is not None:
            self.theme.apply(str(values.get(THEME, "system")), int(values.get(TEXT_SCALE, 100)))
            self.pane.view.message_delegate.clear_cache()
            self.notifications.refresh_icon()

    def _update_title(self) -> None:
        unread = self.sidebar_model.total_unread()
        self.setWindowTitle(f"({unread}) Chinwag" if unread else "Chinwag")

    @Slot()
    def _raise(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    # -- plumbing --------------------------------------------------------------------------

    def _call(
        self,
        coro: Coroutine[Any, Any, T],
        success: str = "",
        success_fn: Callable[[T], str] | None = None,
        finished: Callable[[], None] | None = None,
    ) -> None:
        """Run a command; say what went wrong, or ``success`` (or ``success_fn(value)``)."""

        def answered(done: Result[T]) -> None:
            if finished is not None:
                finished()
            if self._report(done) and (success or success_fn):
                self.notices.show_notice(success_fn(done.value) if success_fn else success, "info")

        self.bridge.call(coro, answered)

    def _report(self, done: Result[T]) -> TypeGuard[Done[T]]:
        """Whether the command worked; if not, say why in the notice bar."""
        if not done.ok:
            self.notices.show_notice(done.error or self.tr("That did not work."), "error")
            return False
        if isinstance(done.value, Outcome) and done.value.failure is not None:
            self.notices.show_notice(done.value.failure.message, "error")
            return False
        return True

    # For the action classes that act on this window (ArchiveActions).
    run = _call
    report = _report
    show_dialog = _show_dialog
    end_progress = _end_progress

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            # Back in the window: what arrived meanwhile in the open conversation is in front
            # of the person now (it was counted as unread while they were elsewhere).
            self.pane.window_activated()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.bridge.close()
        super().closeEvent(event)
