"""The main window: sidebar (accounts and conversations), message view, composer.

A thin layer: it shows what the core's events say and turns user intent into core commands through
the bridge. It starts painted and usable before the core has opened a single store; a "loading"
page gives way to the first-run page (no accounts) or the chat page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import events as ev
from app.models import Conversation, ConversationId
from ui.bridge import CoreBridge
from ui.dialogs.account_dialog import AccountDialog
from ui.models.message_model import MessageListModel
from ui.models.sidebar_model import SidebarModel
from ui.widgets.composer import Composer
from ui.widgets.first_run import FirstRunPage
from ui.widgets.message_view import MessageView
from ui.widgets.notice_bar import NoticeBar
from ui.widgets.sidebar import Sidebar


class MainWindow(QMainWindow):
    PAGE_LOADING, PAGE_FIRST_RUN, PAGE_CHAT = range(3)

    def __init__(self, bridge: CoreBridge) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setAccessibleName(self.tr("Chinwag"))
        self.bridge = bridge
        self._started = False
        self._account_count = 0
        self._open: ConversationId | None = None
        self.account_dialog: AccountDialog | None = None

        self.sidebar_model = SidebarModel(self)
        self.message_model = MessageListModel(bridge, self)
        bridge.events.connect(self.sidebar_model.handle_events)
        bridge.events.connect(self.message_model.handle_events)
        bridge.events.connect(self._handle_events)

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
        self._build_menu()

        self._mark_read_timer = QTimer(self)
        self._mark_read_timer.setSingleShot(True)
        self._mark_read_timer.setInterval(300)
        self._mark_read_timer.timeout.connect(self._mark_open_read)
        self._update_title()
        self.resize(960, 640)

    # -- construction ----------------------------------------------------------------------

    def _build_chat_page(self) -> QWidget:
        self.sidebar = Sidebar(self.sidebar_model)
        self.sidebar.conversationActivated.connect(self.open_conversation)
        sidebar_label = QLabel(self.tr("&Conversations"))
        sidebar_label.setBuddy(self.sidebar)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addWidget(sidebar_label)
        left_layout.addWidget(self.sidebar, 1)

        self.header = QLabel(self.tr("No conversation open"))
        self.header.setObjectName("conversationHeader")
        self.header.setAccessibleName(self.tr("Conversation"))
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.message_view = MessageView(self.message_model)
        self.loading_label = QLabel(self.tr("Loading older messages…"))
        self.loading_label.setObjectName("historyLoading")
        self.loading_label.setAccessibleName(self.tr("Loading older messages"))
        self.loading_label.hide()
        self.message_model.loadingChanged.connect(self.loading_label.setVisible)
        self.composer = Composer()
        self.composer.submitted.connect(self.send)
        self.composer.escapePressed.connect(self.message_view.setFocus)
        self.send_button = QPushButton(self.tr("&Send"))
        self.send_button.setObjectName("sendButton")
        self.send_button.setAccessibleName(self.tr("Send message"))
        self.send_button.clicked.connect(self.composer.submit)
        composer_row = QHBoxLayout()
        composer_row.addWidget(self.composer, 1)
        composer_row.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)
        self._set_composer_enabled(False)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 6, 6, 6)
        right_layout.addWidget(self.header)
        right_layout.addWidget(self.loading_label)
        right_layout.addWidget(self.message_view, 1)
        right_layout.addLayout(composer_row)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("chatSplitter")
        splitter.setAccessibleName(self.tr("Chat"))
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 680])
        QWidget.setTabOrder(self.sidebar, self.message_view)
        QWidget.setTabOrder(self.message_view, self.composer)
        QWidget.setTabOrder(self.composer, self.send_button)
        return splitter

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Chinwag"))
        add = QAction(self.tr("&Add account…"), self)
        add.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_N))
        add.triggered.connect(self.add_account)
        menu.addAction(add)
        menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        self.add_account_action = add

    # -- user intent -----------------------------------------------------------------------

    @Slot()
    def add_account(self) -> None:
        dialog = AccountDialog(self.bridge, self)
        self.account_dialog = dialog
        dialog.open()

    @Slot(object)
    def open_conversation(self, conv_id: ConversationId) -> None:
        self._open = conv_id
        self.message_model.set_conversation(conv_id)
        self._show_header(self.sidebar_model.conversation(conv_id))
        self._set_composer_enabled(True)
        self.bridge.call(self.bridge.core.mark_read(conv_id))

    @Slot(str)
    def send(self, text: str) -> None:
        if self._open is None:
            return
        self.bridge.call(self.bridge.core.send_message(self._open, text), self._command_done)

    def _command_done(self, done: ev.RequestFinished) -> None:
        if not done.ok:
            self.notices.show_notice(done.error or self.tr("That did not work."), "error")

    @Slot()
    def _mark_open_read(self) -> None:
        if self._open is not None:
            self.bridge.call(self.bridge.core.mark_read(self._open))

    # -- events ----------------------------------------------------------------------------

    @Slot(list)
    def _handle_events(self, events: list[ev.Event]) -> None:
        for event in events:
            if isinstance(event, ev.CoreStarted):
                self._started = True
                self._choose_page()
            elif isinstance(event, ev.AccountsChanged):
                self._account_count = len(event.accounts)
                self._choose_page()
            elif isinstance(event, ev.ConversationsChanged):
                self._conversations_changed(event.conversations)
            elif isinstance(event, ev.ConversationsRemoved):
                if self._open in event.conversation_ids:
                    self._open = None
                    self._show_header(None)
                    self._set_composer_enabled(False)
            elif isinstance(event, ev.PluginProblem):
                self.notices.show_notice(
                    self.tr("The plugin “{name}” could not be loaded: {reason}").format(
                        name=event.name, reason=event.reason
                    ),
                    "warning",
                )
            elif isinstance(event, ev.Notice):
                self.notices.show_notice(event.text, event.level)
        self._update_title()

    def _conversations_changed(self, conversations: tuple[Conversation, ...]) -> None:
        for conv in conversations:
            if conv.id != self._open:
                continue
            self._show_header(conv)
            if conv.unread_count and self.isActiveWindow():
                self._mark_read_timer.start()

    def _choose_page(self) -> None:
        if not self._started:
            self.pages.setCurrentIndex(self.PAGE_LOADING)
        elif self._account_count == 0:
            self.pages.setCurrentIndex(self.PAGE_FIRST_RUN)
            self.first_run.setFocus()
        elif self.pages.currentIndex() != self.PAGE_CHAT:
            self.pages.setCurrentIndex(self.PAGE_CHAT)
            self.sidebar.setFocus()

    def _show_header(self, conv: Conversation | None) -> None:
        if conv is None:
            self.header.setText(self.tr("No conversation open"))
            return
        text = conv.name if not conv.topic else f"{conv.name} — {conv.topic}"
        self.header.setText(text)
        self.header.setAccessibleDescription(text)

    def _set_composer_enabled(self, enabled: bool) -> None:
        self.composer.setEnabled(enabled)
        self.send_button.setEnabled(enabled)

    def _update_title(self) -> None:
        unread = self.sidebar_model.total_unread()
        self.setWindowTitle(f"({unread}) Chinwag" if unread else "Chinwag")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.bridge.close()
        super().closeEvent(event)
