"""The main window: sidebar (accounts and their conversations), the open conversation, menus.

A thin layer: it shows what the core's events say and turns user intent into core commands through
the bridge. It is painted and usable whether or not the core has started (the app starts the core
first, see ui.main; the bridge hands over what it published meanwhile): a "loading" page gives
way to the first-run page (no accounts) or the chat page once the core says it has started.

Everything is reachable from the keyboard: the menus (with mnemonics) hold every action, Ctrl+K
jumps to a conversation, F6 / Shift+F6 move between the regions, Alt+Up/Down between
conversations and Alt+Shift+Up/Down between unread ones, F1 lists the keys. What a screen reader
hears is described in docs/accessibility.md (ui/a11y/ holds the machinery).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.models import (
    ConversationId,
    Message,
    PresenceState,
    Verification,
    VerificationState,
)
from ui.a11y.announcer import Announcer
from ui.a11y.mode import ScreenReaderMode
from ui.a11y.probe import AssistiveTechWatch
from ui.a11y.speech import Speech
from ui.a11y.widgets import delete_when_closed
from ui.account_actions import AccountActions
from ui.activity_actions import ActivityActions
from ui.archive_actions import ArchiveActions
from ui.background import Background
from ui.bridge import CoreBridge
from ui.command_runner import CommandRunner
from ui.conversation_finder import ConversationFinder
from ui.conversation_pane import ConversationPane
from ui.desktop_notifier import Notifier
from ui.look import WindowParts, wire_look
from ui.models.contact_model import ContactListModel
from ui.models.sidebar_model import SidebarModel
from ui.models.space_model import SpaceTree
from ui.notifications import NotificationCenter
from ui.people_actions import PeopleActions
from ui.preferences import TEXT_SCALE, THEME, Preferences
from ui.progress_line import ProgressLine
from ui.theme import ThemeManager
from ui.widgets.contact_list import ContactList
from ui.widgets.first_run import FirstRunPage
from ui.widgets.notice_bar import NoticeBar
from ui.widgets.page_stack import PageStack
from ui.widgets.requests_panel import Request, RequestsPanel
from ui.widgets.sidebar import Sidebar
from ui.widgets.space_filter import SpaceFilter
from ui.widgets.view_switcher import ViewSwitcher
from ui.window_events import PAGE_CHAT, PAGE_FIRST_RUN, PAGE_LOADING, WindowEvents
from ui.window_focus import WindowFocus
from ui.window_menus import WindowMenus

if TYPE_CHECKING:
    from ui.dialogs.account_dialog import AccountDialog

T = TypeVar("T")


def open_link(url: str) -> bool:
    """Open a sign-in page in the system browser (the dialogs' module loads when first used:
    no dialog is imported before the window's first paint, docs/performance.md)."""
    from ui.dialogs.account_form import open_link as open_in_browser  # noqa: PLC0415

    return open_in_browser(url)


class MainWindow(QMainWindow):
    PAGE_LOADING, PAGE_FIRST_RUN, PAGE_CHAT = PAGE_LOADING, PAGE_FIRST_RUN, PAGE_CHAT  # the pages

    closed = Signal()
    """The window closed for good (not hidden to the tray): Chinwag is quitting."""

    def __init__(
        self,
        bridge: CoreBridge,
        notifier: Notifier | None = None,
        *,
        system_tray: bool | None = None,
    ) -> None:
        """``system_tray``: whether the desktop shows tray icons (``None``: ask Qt)."""
        super().__init__()
        self.setObjectName("mainWindow")
        # No accessible name: the frame is then named by its title, which names the open
        # conversation (a screen reader says it when the window becomes active again).
        self.setWindowTitle("Chinwag")
        self.bridge = bridge
        self.core = bridge.core
        self.url_opener: Callable[[str], bool] = open_link
        """Opens a sign-in page in the system browser (tests put a recorder here)."""
        self.last_dialog: Any = None  # the most recent dialog (tests drive it)

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
        self.commands = CommandRunner(bridge, self.notices, self)
        self.pages = PageStack()
        self.pages.setObjectName("pages")  # unnamed: Orca would say "Main area" on every return
        loading = QLabel(self.tr("Opening your conversations…"))
        loading.setObjectName("loadingPage")
        loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        loading.setAccessibleName(self.tr("Loading"))
        self.first_run = FirstRunPage()
        self.first_run.addAccountRequested.connect(self.add_account)
        self.pages.addWidget(loading)
        self.pages.addWidget(self.first_run)
        self.pages.addWidget(self._build_chat_page())
        self.focus_order = WindowFocus(
            notices=self.notices,
            requests=self.requests,
            sidebar=self.sidebar,
            contact_list=self.contact_list,
            left_tabs=self.left_tabs,
            pane=self.pane,
        )

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notices)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.statusBar().setAccessibleName(self.tr("Status and progress"))
        self.progress = ProgressLine(self.statusBar(), self.sidebar_model)
        self.running = self.progress.running  # long work still running (tests look)
        # For the action classes that act on this window (ArchiveActions).
        self.run = self.commands.call
        self.report = self.commands.report
        self.end_progress = self.progress.end
        self.show_dialog = self._show_dialog

        self.assistive_tech = AssistiveTechWatch(self)
        self.speech = Speech(self, self.assistive_tech)
        self.announcer = Announcer(self.speech, self)
        self.pane.voice.announcer = self.announcer
        self.screen_reader = ScreenReaderMode(
            lambda key, value: self.bridge.call(self.core.preferences.set(key, value)),
            self.assistive_tech,
            self,
        )
        self.preferences.changed.connect(self.screen_reader.preferences_changed)
        self.screen_reader.changed.connect(self._screen_reader_changed)
        self.screen_reader.offer.connect(self._show_dialog)
        self.notices.shown.connect(self.announcer.say)
        self.people.notice.connect(self.notices.show_notice)
        self.people.openConversation.connect(self._open_and_write)
        self.people.dialogOpened.connect(self._show_dialog)
        self.people.addContactRequested.connect(self.add_contact_to)
        self.accounts = AccountActions(
            bridge,
            self.sidebar,
            self.sidebar_model,
            notices=self.notices,
            commands=self.commands,
            show_dialog=self._show_dialog,
            parent=self,
        )
        self.finder = ConversationFinder(
            bridge,
            self.sidebar,
            self.sidebar_model,
            self.pane,
            notices=self.notices,
            commands=self.commands,
            show_dialog=self._show_dialog,
            show_conversation=self.show_conversation,
            say=self.announcer.say,
            parent=self,
        )
        self.pane.searchRequested.connect(self.finder.search_in)
        self.pane.browseRequested.connect(self.finder.browse_rooms)
        self.notifications = NotificationCenter(
            self,
            self.sidebar_model,
            self.preferences,
            notifier,
            self.announcer,
            system_tray=system_tray,
        )
        self.notifications.activated.connect(self._raise)
        self.notifications.openRequested.connect(self._open_from_notification)
        self.background = Background(
            self, self.notifications, self.preferences, self._set_preference
        )
        self.background.quitRequested.connect(self.quit_app)
        bridge.events.connect(self.notifications.handle_events)
        self.window_events = WindowEvents(
            self,
            pages=self.pages,
            first_run=self.first_run,
            sidebar=self.sidebar,
            sidebar_model=self.sidebar_model,
            pane=self.pane,
            notices=self.notices,
            requests=self.requests,
            progress=self.progress,
            screen_reader=self.screen_reader,
            open_in_browser=self.open_in_browser,
        )
        self.pane.conversationShown.connect(self.window_events.update_title)
        bridge.events.connect(self.window_events.handle_events)
        parts = WindowParts(
            self.sidebar,
            self.contact_list,
            self.pane.header,
            self.pane.view,
            self.pane.members,
            self.pane.composer_area,
        )
        self.avatars = wire_look(bridge, self.sidebar_model, self.preferences, parts, self)
        self.activity = ActivityActions(
            bridge, self.sidebar_model, self.avatars, self, present=self._show_dialog
        )
        self.activity.openConversation.connect(self.show_conversation)
        self.activity.requestsWanted.connect(self._show_requests)
        self.menus = WindowMenus(self, self)
        self.presence_all = self.menus.presence_all
        self.add_account_action = self.menus.add_account_action
        self.window_events.update_title()
        self.resize(1040, 680)

    # -- construction ----------------------------------------------------------------------

    def _build_chat_page(self) -> QWidget:
        self.sidebar = Sidebar(self.sidebar_model)
        self.sidebar.conversationActivated.connect(self.open_conversation)
        self.sidebar.enterPressed.connect(self._go_read)
        self.requests = RequestsPanel()
        self.requests.answered.connect(self._answer_request)
        self.space_tree = SpaceTree(self.sidebar_model, self)
        self.bridge.events.connect(self.space_tree.handle_events)
        self.space_filter = SpaceFilter(self.space_tree)
        self.space_filter.filterChanged.connect(self.sidebar.show_only)
        self.space_filter.exploreRequested.connect(self.explore_space)
        self.contact_list = ContactList(self.contact_model)
        self.contact_list.chatRequested.connect(self.people.chat_with)
        self.contact_list.menuRequested.connect(self.people.show_contact_menu)
        self.contact_list.addRequested.connect(self.add_contact_to)
        self.left_tabs = ViewSwitcher()
        self.left_tabs.setObjectName("leftTabs")
        conversations = QWidget()
        conversations.setObjectName("conversationsTab")
        tab_layout = QVBoxLayout(conversations)
        tab_layout.setContentsMargins(0, 0, 0, 0)
        tab_layout.addWidget(self.space_filter)  # shown once the account is in a space
        tab_layout.addWidget(self.sidebar, 1)
        # No Alt+letter on the buttons (their letters are all taken); Ctrl+1 and Ctrl+2 switch.
        self.left_tabs.add_view(conversations, self.tr("Conversations"), "Ctrl+1")
        self.left_tabs.add_view(self.contact_list, self.tr("Contacts"), "Ctrl+2")
        left = QWidget()
        left.setObjectName("leftColumn")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.requests)
        left_layout.addWidget(self.left_tabs, 1)
        self.pane = ConversationPane(self.bridge, self.sidebar_model, self.preferences)
        self.pane.notice.connect(self.notices.show_notice)
        self.pane.openRequested.connect(self.show_conversation)
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
        # Tab in reading order: the sidebar, then the conversation (see ConversationPane).
        QWidget.setTabOrder(self.space_filter.combo, self.space_filter.explore)
        QWidget.setTabOrder(self.space_filter.explore, self.sidebar.filter)
        QWidget.setTabOrder(self.sidebar.filter, self.sidebar.tree)
        QWidget.setTabOrder(self.sidebar.tree, self.pane.first_in_tab_order())
        return splitter

    def jump_to_latest(self) -> None:
        self.pane.jump_to_latest()

    def focus_composer(self) -> None:
        self.pane.composer_area.composer.setFocus()

    # -- regions and moving around ---------------------------------------------------------

    def regions(self) -> list[QWidget]:
        """The F6 cycle (see :meth:`WindowFocus.regions`)."""
        return self.focus_order.regions()

    def tab_order(self) -> list[QWidget]:
        """Tab and Shift+Tab on the chat page, in reading order, round and round."""
        return self.focus_order.tab_order()

    def focusNextPrevChild(self, next: bool) -> bool:
        if self.pages.currentIndex() == self.PAGE_CHAT:
            target = self.focus_order.next_target(QApplication.focusWidget(), next)
            if target is not None:
                reason = (
                    Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
                )
                target.setFocus(reason)
                return True
        return super().focusNextPrevChild(next)

    def cycle_region(self, delta: int) -> None:
        self.focus_order.cycle(self.focusWidget(), delta)

    def step(self, delta: int, unread_only: bool = False) -> None:
        self.sidebar.step(delta, unread_only)

    @Slot()
    def show_activity(self) -> None:
        """Ctrl+I: the activity inbox of every account."""
        self.activity.show()

    @Slot()
    def _show_requests(self) -> None:
        self.activateWindow()
        self.show_tab(0)
        if not self.requests.focus_first():
            self.notices.show_notice(self.tr("Nothing is waiting for an answer."))

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

    # The ways to reach a conversation or a person (ConversationFinder does the work).

    @Slot()
    def quick_switch(self) -> None:
        self.finder.quick_switch()

    @Slot()
    def show_shortcuts(self) -> None:
        from ui.dialogs.shortcuts_dialog import ShortcutsDialog  # noqa: PLC0415 (on first use)

        self._show_dialog(ShortcutsDialog(self))

    @Slot()
    def search_here(self) -> None:
        self.finder.search_here()

    @Slot()
    def search_everywhere(self) -> None:
        self.finder.search_in(None)

    @Slot()
    def start_conversation(self) -> None:
        self.finder.start_conversation()

    @Slot()
    def join_room(self) -> None:
        self.finder.join_room()

    @Slot()
    def browse_rooms(self) -> None:
        self.finder.browse_rooms(self.sidebar.current_account(), "")

    @Slot(object, str)
    def explore_space(self, space: ConversationId, title: str) -> None:
        """The rooms a space holds, to join."""
        from ui.dialogs.space_rooms_dialog import SpaceRoomsDialog  # noqa: PLC0415

        self._show_dialog(SpaceRoomsDialog(self.bridge, space, title, self))

    @Slot()
    def add_contact(self) -> None:
        self.finder.add_contact(None)

    @Slot(object)
    def add_contact_to(self, account_id: str | None) -> None:
        self.finder.add_contact(account_id)

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
        members = self.pane.current_members() if details is not None else ()
        self.people.room_settings(conv, title, members)

    @Slot()
    def blocked_people(self) -> None:
        account = self.accounts.need()
        if account is not None:
            self.people.blocked_list(account.id)

    @Slot(object)
    def _block_sender(self, msg: Message) -> None:
        self.people.block_sender(msg, self.pane.current_members())

    @Slot(object)
    def _open_and_write(self, conv: ConversationId) -> None:
        self.show_tab(0)
        self.show_conversation(conv)
        self.pane.composer_area.composer.setFocus()

    def _current_account_id(self) -> str | None:
        if self.left_tabs.currentIndex() == 1:
            return self.contact_list.current_account()
        account = self.accounts.current()
        return account.id if account is not None else None

    @Slot(str, object)
    def open_verification(self, account_id: str, verification: Verification) -> None:
        from ui.dialogs.verification_dialog import VerificationDialog  # noqa: PLC0415

        dialog = VerificationDialog(self.bridge, account_id, verification, self)
        self._show_dialog(dialog)

    @Slot()
    def show_sessions(self) -> None:
        self.accounts.show_sessions()

    def set_up_key_backup(self) -> None:
        self.accounts.set_up_key_backup()

    @Slot()
    def restore_key_backup(self) -> None:
        self.accounts.restore_key_backup()

    @Slot(object, bool)
    def _answer_request(self, request: Request, accept: bool) -> None:
        if request.kind == "verification":
            if accept:
                self.commands.call(
                    self.core.encryption.accept_verification(request.account_id, request.target)
                )
                who = request.text.split(" wants ")[0]
                self.open_verification(
                    request.account_id,
                    Verification(request.target, who, incoming=True, state=VerificationState.READY),
                )
            else:
                self.commands.call(
                    self.core.encryption.cancel_verification(request.account_id, request.target)
                )
            return
        if request.kind == "subscription":
            self.commands.call(
                self.core.contacts.answer_subscription(request.account_id, request.target, accept)
            )
        elif request.kind == "file":
            self.commands.call(
                self.core.messaging.answer_file_offer(request.account_id, request.target, accept)
            )
        else:
            conv = RequestsPanel.conversation_of(request)
            self.commands.call(self.core.rooms.answer_invite(conv, accept))

    # -- accounts ------------------------------------------------------------------------------

    # AccountActions does the work; the account is the one selected in the sidebar.

    @property
    def account_dialog(self) -> AccountDialog | None:
        """The account dialog opened last (tests drive it)."""
        return self.accounts.account_dialog

    def open_in_browser(self, url: str) -> None:
        """A sign-in continues in the browser (single sign-on, a CAPTCHA page)."""
        if not self.url_opener(url):
            self.notices.show_notice(
                self.tr("Open this address in your web browser to continue: {url}").format(url=url),
                "warning",
            )

    @Slot()
    def add_account(self) -> None:
        self.accounts.add()

    @Slot(object)
    def _show_dialog(self, dialog: QDialog) -> None:
        """Open a window-modal dialog; when it closes, the keyboard focus comes back here and
        the dialog is deleted (a closed dialog must not linger in the accessibility tree)."""
        self.last_dialog = dialog
        if dialog.parent() is None:
            dialog.setParent(self, dialog.windowFlags())
        dialog.finished.connect(self._dialog_closed)
        delete_when_closed(dialog)
        dialog.open()
        dialog.activateWindow()  # a window manager would; and the screen reader follows it

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
                self.first_run.add_button.setFocus()

    @Slot()
    def edit_account(self) -> None:
        self.accounts.edit()

    @Slot()
    def toggle_account(self) -> None:
        self.accounts.toggle()

    @Slot()
    def reconnect_account(self) -> None:
        self.accounts.reconnect()

    @Slot()
    def remove_account(self) -> None:
        self.accounts.remove()

    def set_presence(self, state: PresenceState, status: str = "") -> None:
        self.accounts.set_presence(state, status, everywhere=self.presence_all.isChecked())

    @Slot()
    def set_status_message(self) -> None:
        self.accounts.set_status_message(everywhere=self.presence_all.isChecked())

    # -- the archive (ArchiveActions does the work) ---------------------------------------

    @Slot()
    def export_account(self) -> None:
        account = self.accounts.need()
        if account is not None:
            self.archive.export(account)

    @Slot()
    def import_history(self) -> None:
        """Import an export, or a history kept when an account was removed."""
        self.archive.import_history()

    @Slot()
    def prune_history(self) -> None:
        """Delete old messages of the selected account only (the account's own menu)."""
        account = self.accounts.need()
        if account is not None:
            self.archive.prune(account)

    @Slot()
    def open_settings(self) -> None:
        from ui.dialogs.settings_dialog import SettingsDialog  # noqa: PLC0415

        dialog = SettingsDialog(
            self.bridge,
            self.preferences,
            self,
            accounts=[(a.id, a.display_name) for a in self.sidebar_model.accounts()],
            system_tray=self.notifications.tray is not None,
            set_mode=self.screen_reader.answer,
            say=self.announcer.say,
        )
        self._show_dialog(dialog)

    # -- preferences and state (the core's events: WindowEvents) ----------------------------

    @Slot(dict)
    def _preferences_changed(self, values: dict[str, Any]) -> None:
        if self.theme is not None:
            self.theme.apply(str(values.get(THEME, "system")), int(values.get(TEXT_SCALE, 100)))
            self.pane.view.message_delegate.clear_cache()
            self.notifications.refresh_icon()

    def _set_preference(self, key: str, value: Any) -> None:
        self.bridge.call(self.core.preferences.set(key, value))

    @Slot(bool)
    def _screen_reader_changed(self, on: bool) -> None:
        self.pane.voice.set_screen_reader_mode(on)
        self.window_events.update_title()

    @Slot()
    def _raise(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    @Slot(object)
    def _open_from_notification(self, conv_id: ConversationId) -> None:
        """A notification was clicked: its conversation, in front (from the tray if hidden)."""
        self._raise()
        self.show_conversation(conv_id)

    # -- plumbing --------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            # Back in the window: what arrived meanwhile in the open conversation is in front
            # of the person now (it was counted as unread while they were elsewhere).
            self.pane.window_activated()
        super().changeEvent(event)

    @Slot()
    def quit_app(self) -> None:
        """Quit Chinwag (Ctrl+Q, the tray's Quit): close for good, even when closing the
        window would only hide it."""
        self.background.quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.pane.drafts.flush()  # queued on the core before it stops (ui.application)
        if self.background.hide_instead_of_closing():
            event.ignore()
            return
        self.bridge.close()
        super().closeEvent(event)
        self.closed.emit()
