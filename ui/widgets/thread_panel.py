"""The thread panel: one thread beside the conversation, to read it and answer in it.

It opens from a thread's summary under its first message, or from a message's menu ("Open
thread", "Reply in thread", Ctrl+Shift+T), takes the keyboard focus into its answer box, and
closes with its button or Escape (the focus goes back to the message list). What is sent here
goes into the thread (``thread_root``); a reply to a message of the thread stays in the thread.
While the panel is open and the window active, the thread is marked read as replies arrive.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.models import ConversationId, Message
from app.runtime import Result
from ui.bridge import CoreBridge
from ui.core_text import core_text
from ui.models.thread_model import ThreadListModel
from ui.spoilers import guarded_body
from ui.widgets.composer import ComposerArea
from ui.widgets.message_view import MessageView


class ThreadPanel(QWidget):
    """Signals:

    ``closed()``: the person closed the panel.
    ``partActivated(str, object, object)``: a clickable part of a message (as MessageView's).
    ``menuRequested(object, QPoint)``: the actions of a message (Message, global position).
    ``notice(str, str)``: something to tell the person (text, level).
    """

    closed = Signal()
    partActivated = Signal(str, object, object)
    menuRequested = Signal(object, QPoint)
    notice = Signal(str, str)

    def __init__(self, bridge: CoreBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("threadPanel")
        self.setAccessibleName(self.tr("Thread"))
        self.bridge = bridge
        self.conversation: ConversationId | None = None
        self.model = ThreadListModel(bridge, self)
        bridge.events.connect(self.model.handle_events)

        self.title = QLabel(self.tr("Thread"))
        self.title.setObjectName("threadTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.close_button = QPushButton(self.tr("Close thread"))
        self.close_button.setObjectName("closeThread")
        self.close_button.setAccessibleName(self.tr("Close the thread"))
        self.close_button.clicked.connect(self.close_thread)
        self.status = QLabel()
        self.status.setObjectName("threadStatus")
        self.status.setWordWrap(True)
        self.model.loadingChanged.connect(self._loading)

        self.view = MessageView(self.model)
        self.view.setObjectName("threadMessages")
        self.view.setAccessibleName(self.tr("Messages of the thread"))
        self.view.partActivated.connect(self.partActivated)
        self.view.customContextMenuRequested.connect(self._context_menu_at)
        self.view.hoverAction.connect(self._hover_action)  # its bar offers only "more"
        self.composer_area = ComposerArea()
        self.composer_area.setObjectName("threadComposer")
        self.composer_area.composer.setAccessibleName(self.tr("Answer in the thread"))
        self.composer_area.composer.setPlaceholderText(self.tr("Answer in the thread…"))
        self.composer_area.composer.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self.composer_area.composer.submitted.connect(self._submitted)
        self.composer_area.composer.escapePressed.connect(self.close_thread)
        self.composer_area.attach_button.hide()
        # No mnemonics here: Alt+S / Alt+T / Alt+J belong to the conversation's own composer
        # (Enter sends in the thread).
        self.composer_area.attach_button.setText(self.tr("Attach…"))
        self.composer_area.send_button.setText(self.tr("Send"))
        self.composer_area.send_button.setAccessibleName(self.tr("Send in the thread"))
        self.composer_area.emoji_button.setText(self.tr("Emoji…"))  # Alt+J is the main one's

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.composer_area)
        for keys in ("Shift+F10", "Menu"):
            shortcut = QShortcut(QKeySequence(keys), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self._menu_key)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.view)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.close_thread)
        self._mark_read = QTimer(self)
        self._mark_read.setSingleShot(True)
        self._mark_read.setInterval(300)
        self._mark_read.timeout.connect(self.mark_read)
        self.model.arrived.connect(self._arrived)
        QWidget.setTabOrder(self.view, self.composer_area.composer)
        QWidget.setTabOrder(self.composer_area.composer, self.close_button)

    @property
    def root(self) -> str | None:
        return self.model.root

    def open_thread(self, conv: ConversationId, root: Message, *, answer: bool = False) -> None:
        """Show the thread under ``root``; ``answer`` puts the focus in the answer box."""
        if root.remote_id is None:
            return
        self.conversation = conv
        self.composer_area.cancel_mode()
        self.composer_area.set_enabled(True, can_attach=False)
        self.model.set_thread(conv, root.remote_id)
        who = root.sender_name or root.sender
        self.title.setText(self.tr("Thread started by {who}").format(who=who))
        self.setAccessibleDescription(
            self.tr("Thread started by {who}: {text}").format(
                who=who, text=guarded_body(root)[:120]
            )
        )
        self.show()
        (self.composer_area.composer if answer else self.view).setFocus()
        self.mark_read()

    @Slot()
    def close_thread(self) -> None:
        self.model.set_thread(None, None)
        self.conversation = None
        self.hide()
        self.closed.emit()

    def start_reply(self, msg: Message, quote: str) -> None:
        """Answer one message of the thread (a real reply, inside the thread)."""
        self.composer_area.start_reply(msg, quote)

    def set_own_id(self, own_id: str) -> None:
        self.view.message_delegate.own_id = own_id

    # -- sending -----------------------------------------------------------------------------

    @Slot(str)
    def _submitted(self, text: str) -> None:
        conv, root = self.conversation, self.root
        if conv is None or root is None or not text.strip():
            return
        reply = self.composer_area.reply_to
        self.composer_area.cancel_mode()
        self.bridge.call(
            self.bridge.core.messaging.send_message(
                conv, text, reply_to=reply.remote_id if reply else None, thread_root=root
            ),
            self._sent,
        )

    def _sent(self, done: Result[Any]) -> None:
        if not done.ok:
            self.notice.emit(
                core_text(done.error) or self.tr("The answer could not be sent."), "error"
            )

    # -- reading -----------------------------------------------------------------------------

    @Slot(int)
    def _arrived(self, count: int) -> None:
        if self.isVisible() and self.window().isActiveWindow():
            self._mark_read.start()

    @Slot()
    def mark_read(self) -> None:
        conv, root = self.conversation, self.root
        if conv is not None and root is not None:
            self.bridge.call(self.bridge.core.threads.mark_read(conv, root))

    @Slot(bool)
    def _loading(self, loading: bool) -> None:
        self.status.setText(self.tr("Loading the thread…") if loading else "")
        self.status.setVisible(loading)

    # -- the message menu --------------------------------------------------------------------

    @Slot()
    def _menu_key(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            rect = self.view.visualRect(index)
            self.menuRequested.emit(
                self.model.message(index.row()),
                self.view.viewport().mapToGlobal(rect.topLeft() + QPoint(20, 20)),
            )

    @Slot(str, object)
    def _hover_action(self, _action: str, msg: Message) -> None:
        """The hover bar's "more": the message's menu, under the bar."""
        bar = self.view.hover_bar
        self.menuRequested.emit(msg, bar.mapToGlobal(bar.rect().bottomLeft()))

    @Slot(QPoint)
    def _context_menu_at(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.menuRequested.emit(
                self.model.message(index.row()), self.view.viewport().mapToGlobal(pos)
            )
