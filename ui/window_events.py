"""What the main window itself does with the core's events (the models follow theirs): which page
shows (loading, first run, chat), notices, requests waiting for an answer, long work in the status
bar, and the window's title.

Kept apart from :class:`~ui.main_window.MainWindow` (one concern); the widgets it acts on arrive
through the constructor.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from app import events as ev
from app import priority
from ui.a11y.mode import ScreenReaderMode
from ui.conversation_pane import ConversationPane
from ui.core_text import TranslationContext, core_text
from ui.models.sidebar_model import SidebarModel
from ui.progress_line import ProgressLine
from ui.widgets.first_run import FirstRunPage
from ui.widgets.notice_bar import NoticeAction, NoticeBar
from ui.widgets.page_stack import PageStack
from ui.widgets.requests_panel import RequestsPanel
from ui.widgets.sidebar import Sidebar

_log = logging.getLogger(__name__)

# The texts stay in the window's translation context (what translators have always seen).
MainWindow = TranslationContext("MainWindow")

PAGE_LOADING, PAGE_FIRST_RUN, PAGE_CHAT = range(3)


class WindowEvents(QObject):
    def __init__(
        self,
        window: QWidget,
        *,
        pages: PageStack,
        first_run: FirstRunPage,
        sidebar: Sidebar,
        sidebar_model: SidebarModel,
        pane: ConversationPane,
        notices: NoticeBar,
        requests: RequestsPanel,
        progress: ProgressLine,
        screen_reader: ScreenReaderMode,
        open_in_browser: Callable[[str], None],
    ) -> None:
        """``window``: the one whose title is set; ``open_in_browser``: a sign-in that goes on
        in the browser."""
        super().__init__(window)
        self.window = window
        self.pages = pages
        self.first_run = first_run
        self.sidebar = sidebar
        self.sidebar_model = sidebar_model
        self.pane = pane
        self.notices = notices
        self.requests = requests
        self.progress = progress
        self.screen_reader = screen_reader
        self.open_in_browser = open_in_browser
        self.started = False
        self.account_count = 0

    @Slot(list)
    def handle_events(self, events: list[ev.Event]) -> None:
        for event in events:
            if isinstance(event, ev.CoreStarted):
                self.started = True
                self.choose_page()
                self.screen_reader.started()
                self.window.repaint()  # painted now, so "ready" below means usable
                priority.window_shown()  # the core's held back imports may go
                _log.info(
                    "main window ready: %d accounts, %d unread",
                    self.account_count,
                    self.sidebar_model.total_unread(),
                )
            elif isinstance(event, ev.AccountsChanged):
                self.account_count = len(event.accounts)
                self.choose_page()
            elif isinstance(event, ev.ConversationsRemoved):
                if self.pane.conversation in event.conversation_ids:
                    self.pane.open(None)
            elif isinstance(event, ev.PluginProblem):
                self.notices.show_notice(
                    MainWindow.tr("The plugin “{name}” could not be loaded: {reason}").format(
                        name=event.name, reason=event.reason
                    ),
                    "warning",
                )
            elif isinstance(event, ev.Notice):
                action = NoticeAction(event.action, event.account_id) if event.action else None
                self.notices.show_notice(core_text(event.text), event.level, action)
            elif isinstance(event, ev.OpenInBrowser):
                self.open_in_browser(event.url)
            elif isinstance(event, ev.ConnectionStateChanged) and event.detail == "soft_logout":
                self.notices.show_notice(
                    MainWindow.tr(
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
                self.progress.progress(event)
        self.update_title()

    def choose_page(self) -> None:
        if not self.started:
            self.pages.setCurrentIndex(PAGE_LOADING)
        elif self.account_count == 0:
            self.pages.setCurrentIndex(PAGE_FIRST_RUN)
            self.first_run.add_button.setFocus()
        elif self.pages.currentIndex() != PAGE_CHAT:
            self.pages.setCurrentIndex(PAGE_CHAT)
            self.sidebar.tree.setFocus()

    @Slot()
    def update_title(self) -> None:
        """ "(3) #python — Chinwag": the open conversation, and the unread count except in
        screen-reader mode (a screen reader speaks each change of the active window's title)."""
        conv = self.pane.conversation
        shown = self.sidebar_model.conversation(conv) if conv is not None else None
        title = (
            MainWindow.tr("{conversation} — Chinwag").format(conversation=shown.name)
            if shown
            else "Chinwag"
        )
        unread = self.sidebar_model.total_unread()
        if unread and not self.screen_reader.on:
            title = f"({unread}) {title}"
        if title != self.window.windowTitle():
            self.window.setWindowTitle(title)
