"""The right-hand side of the window: one open conversation, with everything one can do in it.

Header (name, topic, encryption, members; actions gated by capabilities), the message view with a
"jump to latest" button and a history progress line, the member panel, and the composer. Message
actions (reply, react, edit, delete, copy, retry, download, open link) live in one per-message menu,
opened by right click or from the keyboard (menu key or Shift+F10), so no action needs a mouse.
"""

from __future__ import annotations

import functools
import logging
import re
import tempfile
from collections.abc import Coroutine
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import events as ev
from app.backend import Capability, Outcome
from app.commands import SlashResult, parse_slash, unescape_slash
from app.core import ConversationDetails
from app.formatting import markdown_to_html
from app.models import (
    ConversationId,
    ConversationKind,
    Member,
    Message,
    MessageId,
    MessageKind,
    NotifyLevel,
    Trust,
    Verification,
)
from app.runtime import Result
from ui.bridge import CoreBridge
from ui.dialogs.devices_dialog import DevicesDialog
from ui.models.message_model import DownloadState, MessageListModel
from ui.models.sidebar_model import SidebarModel
from ui.preferences import REMOTE_MEDIA, Preferences
from ui.widgets.composer import ComposerArea
from ui.widgets.conversation_header import ConversationHeader
from ui.widgets.member_panel import MemberPanel
from ui.widgets.message_view import URL_PATTERN, MessageView

_log = logging.getLogger(__name__)
QUICK_REACTIONS = ("👍", "❤️", "😂", "😮", "😢", "🎉")
REPLY_KEY = "Ctrl+R"
REACT_KEY = "Ctrl+Shift+R"
EDIT_KEY = "Ctrl+E"
_SAFE_NAME = re.compile(r"[^\w.\-]+")


class ConversationPane(QWidget):
    """Signals:

    ``notice(str, str)``: something to tell the user (text, level).
    ``openRequested(object)``: switch to another conversation (a ConversationId).
    ``searchRequested(object)``: search within a conversation (a ConversationId).
    ``verificationOpened(str, object)``: a verification started (account id, Verification).
    ``browseRequested(object, str)``: browse the room directory (account id, search text).
    ``settingsRequested(object)``: open a room's settings (a ConversationId).
    ``blockMemberRequested(object)``: block a room :class:`Member`.
    ``blockSenderRequested(object)``: block who sent a :class:`Message`.
    """

    notice = Signal(str, str)
    openRequested = Signal(object)
    searchRequested = Signal(object)
    verificationOpened = Signal(str, object)
    browseRequested = Signal(object, str)
    settingsRequested = Signal(object)
    blockMemberRequested = Signal(object)
    blockSenderRequested = Signal(object)

    def __init__(
        self,
        bridge: CoreBridge,
        sidebar_model: SidebarModel,
        preferences: Preferences,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conversationPane")
        self.bridge = bridge
        self.core = bridge.core
        self.sidebar_model = sidebar_model
        self.preferences = preferences
        self.conversation: ConversationId | None = None
        self.details: ConversationDetails | None = None
        self.reaction_picker: QInputDialog | None = None
        self.devices_dialog: DevicesDialog | None = None
        self.never_box: QMessageBox | None = None  # "never load images" asked about a click

        self.model = MessageListModel(bridge, self)
        bridge.events.connect(self.model.handle_events)
        bridge.events.connect(self.handle_events)

        self.header = ConversationHeader()
        self.header.membersToggled.connect(self._toggle_members)
        self.header.inviteRequested.connect(self.invite)
        self.header.topicRequested.connect(self.change_topic)
        self.header.leaveRequested.connect(self.leave)
        self.header.notifyChosen.connect(self.set_notify)
        self.header.exportRequested.connect(self.export)
        self.header.searchRequested.connect(self._search_here)
        self.header.verifyRequested.connect(self.verify_contact)
        self.header.settingsRequested.connect(self._settings)

        self.loading_label = QLabel(self.tr("Loading older messages…"))
        self.loading_label.setObjectName("historyLoading")
        self.loading_label.setAccessibleName(self.tr("Loading older messages"))
        self.loading_label.hide()
        self.model.loadingChanged.connect(self.loading_label.setVisible)

        self.view = MessageView(self.model)
        self.view.partActivated.connect(self._part_activated)
        self.view.customContextMenuRequested.connect(self._context_menu_at)
        self.jump_button = QPushButton(self.tr("Jump to lat&est"))
        self.jump_button.setObjectName("jumpToLatest")
        self.jump_button.setAccessibleName(self.tr("Jump to the latest messages"))
        self.jump_button.clicked.connect(self.jump_to_latest)
        self.jump_button.hide()
        self.model.atLatestChanged.connect(self._at_latest_changed)
        self.view.verticalScrollBar().valueChanged.connect(self._update_jump_button)
        self.model.rowsInserted.connect(self._rows_inserted)

        self.members = MemberPanel()
        self.members.kickRequested.connect(self.kick)
        self.members.banRequested.connect(self.ban)
        self.members.blockRequested.connect(self.blockMemberRequested)
        self.members.hide()

        self.composer_area = ComposerArea()
        composer = self.composer_area.composer
        composer.submitted.connect(self._submitted)
        composer.escapePressed.connect(self.view.setFocus)
        composer.editLastRequested.connect(self.edit_last)
        composer.typingChanged.connect(self._typing)
        composer.imagePasted.connect(self.send_image)
        composer.filesDropped.connect(self.send_files)
        self.composer_area.attachRequested.connect(self.attach)

        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.addWidget(self.loading_label)
        center_layout.addWidget(self.view, 1)
        center_layout.addWidget(self.jump_button, 0, Qt.AlignmentFlag.AlignRight)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("messagesAndMembers")
        splitter.addWidget(center)
        splitter.addWidget(self.members)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([600, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.composer_area)

        for keys in ("Shift+F10", "Menu"):
            shortcut = QShortcut(QKeySequence(keys), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.open_message_menu)
        # The main message actions also have their own keys on the message list.
        keyed: tuple[tuple[str | QKeySequence.StandardKey, Any], ...] = (
            (REPLY_KEY, self.reply),
            (REACT_KEY, self.pick_reaction),
            (EDIT_KEY, self.edit),
            (QKeySequence.StandardKey.Copy, self.copy),
            (QKeySequence.StandardKey.Delete, self.delete),
        )
        for sequence, action in keyed:
            shortcut = QShortcut(QKeySequence(sequence), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(functools.partial(self._on_current, action))
        self._mark_read_timer = QTimer(self)
        self._mark_read_timer.setSingleShot(True)
        self._mark_read_timer.setInterval(300)
        self._mark_read_timer.timeout.connect(self.mark_read)
        self.composer_area.set_enabled(False)
        QWidget.setTabOrder(self.view, composer)

    # -- opening -----------------------------------------------------------------------------

    def open(self, conv: ConversationId | None, at: MessageId | None = None) -> None:
        if conv != self.conversation:
            self.composer_area.cancel_mode()
            self.composer_area.set_typing(())
        self.conversation = conv
        self.details = None
        if conv is None:
            self.model.set_conversation(None)
            self.header.show_details(None)
            self.members.set_members((), can_kick=False)
            self.composer_area.set_enabled(False)
            return
        if at is not None:
            self.model.open_at(at, conv)
        else:
            self.model.set_conversation(conv)
        self.header.show_conversation(self.sidebar_model.conversation(conv))
        self.composer_area.set_enabled(True)
        self.refresh_details(first=True)  # marks it read once the old read marker is known

    def refresh_details(self, first: bool = False) -> None:
        conv = self.conversation
        if conv is None:
            return
        self.bridge.call(
            self.core.conversations.conversation_details(conv),
            lambda done: self._details_loaded(done, conv, first),
        )

    def _details_loaded(
        self, done: Result[ConversationDetails], conv: ConversationId, first: bool
    ) -> None:
        if conv != self.conversation or not done.ok:
            return
        details = done.value
        self.details = details
        if first:
            # Read the marker first, then mark read: asked together, they would race.
            self.model.set_read_marker(details.read_marker)
            self.mark_read()
        self.view.message_delegate.own_id = details.own_id
        self.model.set_encrypted(details.conversation.encrypted)
        self.header.show_details(details)
        caps = details.capabilities
        self.members.set_members(
            details.members,
            can_kick=bool(caps & Capability.KICK),
            can_ban=bool(caps & Capability.BAN),
            can_block=bool(caps & Capability.BLOCKING),
        )
        if details.conversation.kind is not ConversationKind.GROUP:
            self.members.hide()
            self.header.members_button.setChecked(False)
        self.composer_area.composer.set_completion_names([m.name for m in details.members])
        self.composer_area.set_enabled(True, can_attach=bool(caps & Capability.FILES))

    @property
    def capabilities(self) -> Capability:
        return self.details.capabilities if self.details else Capability.NONE

    def mark_read(self) -> None:
        if self.conversation is not None:
            self.bridge.call(self.core.conversations.mark_read(self.conversation))

    def window_activated(self) -> None:
        """The window is active again: the open conversation's unread messages are seen."""
        conv = self.conversation
        shown = self.sidebar_model.conversation(conv) if conv is not None else None
        if shown is not None and shown.unread_count:
            self._mark_read_timer.start()

    # -- events ------------------------------------------------------------------------------

    @Slot(list)
    def handle_events(self, events: list[ev.Event]) -> None:
        conv = self.conversation
        if conv is None:
            return
        refresh = False
        for event in events:
            if isinstance(event, ev.ConversationsChanged):
                for c in event.conversations:
                    if c.id == conv:
                        if self.details is not None:  # the encryption line may change too
                            self.details = replace(self.details, conversation=c)
                            self.header.show_details(self.details)
                        else:
                            self.header.show_conversation(c)
                        self.model.set_encrypted(c.encrypted)
                        if c.unread_count and self.window().isActiveWindow():
                            self._mark_read_timer.start()
            elif isinstance(event, ev.MembersChanged) and event.conversation_id == conv:
                if self.details is not None:  # the member count in the header follows
                    self.details = replace(self.details, members=event.members)
                    self.header.show_details(self.details)
                else:  # the details on their way may predate this change
                    refresh = True
                self.members.set_members(
                    event.members,
                    can_kick=bool(self.capabilities & Capability.KICK),
                    can_ban=bool(self.capabilities & Capability.BAN),
                    can_block=bool(self.capabilities & Capability.BLOCKING),
                )
                self.composer_area.composer.set_completion_names([m.name for m in event.members])
            elif isinstance(event, ev.TypingChanged) and event.conversation_id == conv:
                self.composer_area.set_typing(event.typing)
            elif (
                isinstance(event, ev.ConnectionStateChanged) and event.account_id == conv.account_id
            ):
                refresh = True
            elif isinstance(event, ev.ProgressChanged) and event.task.startswith("upload:"):
                self._upload_progress(event)
        if refresh:
            self.refresh_details()

    def _upload_progress(self, event: ev.ProgressChanged) -> None:
        if event.total is not None and event.done >= event.total:
            self.composer_area.set_progress("")
            return
        percent = f" {int(event.done * 100 / event.total)}%" if event.total else ""
        self.composer_area.set_progress(
            self.tr("Uploading {name}{percent}").format(name=event.label, percent=percent)
        )

    @Slot(bool)
    def _at_latest_changed(self, at_latest: bool) -> None:
        self._update_jump_button()

    @Slot()
    def _update_jump_button(self) -> None:
        bar = self.view.verticalScrollBar()
        away = bar.value() < bar.maximum() - bar.pageStep()
        self.jump_button.setVisible(not self.model.at_latest or away)

    @Slot()
    def jump_to_latest(self) -> None:
        if self.model.at_latest:
            self.view.scrollToBottom()
        else:
            self.model.jump_to_latest()
        self.jump_button.hide()
        self.view.setFocus()

    def _rows_inserted(self, parent: Any, first: int, last: int) -> None:
        """Fetch images of new rows by themselves only when the privacy setting says always."""
        if self.preferences.get(REMOTE_MEDIA) != "always":
            return
        for row in range(first, last + 1):
            msg = self.model.message(row)
            for i, attachment in enumerate(msg.attachments):
                if attachment.mime_type.startswith("image/") and not self.model.download_state(
                    msg.local_id, i
                ):
                    self.download(msg, i)

    # -- sending -----------------------------------------------------------------------------

    @Slot(str)
    def _submitted(self, text: str) -> None:
        conv = self.conversation
        if conv is None:
            return
        area = self.composer_area
        if area.editing is not None:
            target = area.editing
            area.cancel_mode()
            self._call(self.core.messaging.edit_message(target.id, text, markdown_to_html(text)))
            return
        if parse_slash(text) is not None:
            self.run_slash(conv, text)
            return
        reply = area.reply_to
        area.cancel_mode()
        body = unescape_slash(text)
        self._call(
            self.core.messaging.send_message(
                conv,
                body,
                html=markdown_to_html(body),  # the composer's formatting, for every service
                reply_to=reply.remote_id if reply else None,
            )
        )

    def run_slash(self, conv: ConversationId, text: str) -> None:
        """Hand a typed command to the core (``core.commands``, the one place that knows what it
        means) and do what its answer asks: open a conversation, browse rooms, show help."""
        self.bridge.call(
            self.core.commands.run(conv, text), lambda done: self._slash_done(done, conv)
        )

    def _slash_done(self, done: Result[SlashResult], conv: ConversationId) -> None:
        if not done.ok:
            self.notice.emit(done.error or self.tr("That did not work."), "error")
            return
        result = done.value
        if result.outcome.failure is not None:
            self.notice.emit(result.outcome.failure.message, "error")
        elif result.usage:
            self.notice.emit(self.tr("Usage: {usage}").format(usage=result.usage), "warning")
        elif result.unknown:
            self.notice.emit(
                self.tr("Unknown command /{name}. Type /help for the list.").format(
                    name=result.unknown
                ),
                "warning",
            )
        elif result.help:
            self.notice.emit("\n".join(result.help), "info")
        elif result.browse is not None:
            self.browseRequested.emit(conv.account_id, result.browse)
        elif result.open_conversation is not None:
            self.openRequested.emit(result.open_conversation)

    @Slot(bool)
    def _typing(self, typing: bool) -> None:
        if self.conversation is not None:
            self.bridge.call(self.core.messaging.set_typing(self.conversation, typing))

    @Slot()
    def attach(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        self.send_files([Path(p) for p in paths])

    @Slot(list)
    def send_files(self, paths: list[Path]) -> None:
        conv = self.conversation
        if conv is None:
            return
        if not self.capabilities & Capability.FILES:
            self.notice.emit(self.tr("This conversation cannot receive files."), "warning")
            return
        for path in paths:
            self._call(self.core.messaging.send_file(conv, path))

    @Slot(QImage)
    def send_image(self, image: QImage) -> None:
        folder = Path(tempfile.mkdtemp(prefix="chinwag-paste-"))
        path = folder / "pasted-image.png"
        if image.save(str(path)):  # the format follows the file name
            self.send_files([path])

    # -- message actions -----------------------------------------------------------------------

    def _on_current(self, action: Any) -> None:
        """Run a message action on the message that has the keyboard focus, if allowed."""
        index = self.view.currentIndex()
        if not index.isValid():
            return
        msg = self.model.message(index.row())
        allowed = {a.data() for a in self.message_menu(msg).actions() if a.data()}
        name = getattr(action, "__name__", "")
        if name in allowed or name == "copy":
            action(msg)

    @Slot()
    def open_message_menu(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        rect = self.view.visualRect(index)
        self.show_message_menu(
            self.model.message(index.row()),
            self.view.viewport().mapToGlobal(rect.topLeft() + QPoint(20, 20)),
        )

    @Slot(QPoint)
    def _context_menu_at(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.show_message_menu(
                self.model.message(index.row()), self.view.viewport().mapToGlobal(pos)
            )

    def message_menu(self, msg: Message) -> QMenu:
        """The actions for one message; only those the service and the message allow."""
        caps = self.capabilities
        menu = QMenu(self)
        menu.setObjectName("messageMenu")
        confirmed = msg.remote_id is not None and not msg.retracted
        if confirmed and caps & Capability.REPLIES:
            _tag(
                menu.addAction(self.tr("&Reply"), QKeySequence(REPLY_KEY), lambda: self.reply(msg)),
                "reply",
            )
        if confirmed and caps & Capability.REACTIONS:
            react = menu.addMenu(self.tr("Re&act"))
            react.menuAction().setData("pick_reaction")
            for key in QUICK_REACTIONS:
                react.addAction(key, functools.partial(self.toggle_reaction, msg, key))
            react.addAction(
                self.tr("Other…"), QKeySequence(REACT_KEY), lambda: self.pick_reaction(msg)
            )
        if confirmed and msg.outgoing and caps & Capability.EDITS:
            _tag(
                menu.addAction(self.tr("&Edit"), QKeySequence(EDIT_KEY), lambda: self.edit(msg)),
                "edit",
            )
        if confirmed and msg.outgoing and caps & Capability.RETRACTIONS:
            _tag(
                menu.addAction(
                    self.tr("&Delete for everyone…"),
                    QKeySequence(QKeySequence.StandardKey.Delete),
                    lambda: self.delete(msg),
                ),
                "delete",
            )
        menu.addAction(
            self.tr("&Copy text"),
            QKeySequence(QKeySequence.StandardKey.Copy),
            lambda: self.copy(msg),
        )
        for url in _links(msg):
            menu.addAction(
                self.tr("Open link {url}").format(url=_short(url)),
                functools.partial(self.open_link, url),
            )
        for i, attachment in enumerate(msg.attachments):
            name = attachment.filename or attachment.url
            state = self.model.download_state(msg.local_id, i)
            if state is not None and state.finished:
                menu.addAction(
                    self.tr("Open {name}").format(name=name),
                    functools.partial(self.attachment, msg, i),
                )
            else:
                menu.addAction(
                    self.tr("Download {name}").format(name=name),
                    functools.partial(self.download, msg, i),
                )
            menu.addAction(
                self.tr("Save {name} as…").format(name=name),
                functools.partial(self.save_as, msg, i),
            )
        if len(msg.body) > 4000:
            menu.addAction(
                self.tr("Show or hide the whole message"), lambda: self.view.toggle_expanded(msg)
            )
        if msg.outgoing and msg.delivery.value == "failed":
            menu.addAction(self.tr("&Retry sending"), lambda: self.retry(msg))
        if msg.trust is Trust.UNREADABLE and caps & Capability.ENCRYPTION:
            _tag(
                menu.addAction(
                    self.tr("Re&pair encryption with {who}").format(
                        who=msg.sender_name or msg.sender
                    ),
                    lambda: self.repair_encryption(msg),
                ),
                "repair_encryption",
            )
        if not msg.outgoing and msg.kind is not MessageKind.SYSTEM and caps & Capability.BLOCKING:
            menu.addSeparator()
            menu.addAction(
                self.tr("&Block {name}…").format(name=msg.sender_name or msg.sender),
                lambda: self.blockSenderRequested.emit(msg),
            )
        return menu

    def show_message_menu(self, msg: Message, global_pos: QPoint) -> None:
        """Pop the menu up without a nested event loop; it takes the keyboard focus."""
        menu = self.message_menu(msg)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.aboutToHide.connect(menu.close)
        menu.destroyed.connect(self._menu_closed)
        menu.popup(global_pos)

    @Slot()
    def _menu_closed(self) -> None:
        """Back to the message the menu was for (unless an action moved the focus on)."""
        focus = QApplication.focusWidget()
        if focus is None or not self.window().isAncestorOf(focus):
            self.window().activateWindow()
            self.view.setFocus(Qt.FocusReason.PopupFocusReason)

    def _part_activated(self, kind: str, msg: Message, detail: Any) -> None:
        if kind == "link":
            self.open_link(str(detail))
        elif kind == "attachment":
            self.attachment(msg, int(detail))
        elif kind == "react":
            self.toggle_reaction(msg, str(detail))
        elif kind == "retry":
            self.retry(msg)

    def reply(self, msg: Message) -> None:
        text = " ".join(self.model.display_body(msg).split())
        quote = f"{msg.sender_name or msg.sender}: {text[:80]}"
        self.composer_area.start_reply(msg, quote)

    def edit(self, msg: Message) -> None:
        self.composer_area.start_edit(msg)

    @Slot()
    def edit_last(self) -> None:
        if not self.capabilities & Capability.EDITS:
            return
        msg = self.model.last_own_message()
        if msg is not None:
            self.edit(msg)

    def toggle_reaction(self, msg: Message, key: str) -> None:
        own = self.details.own_id if self.details else ""
        mine = {r.key for r in msg.reactions if own in r.senders}
        mine ^= {key}
        self._call(self.core.messaging.react(msg.id, tuple(sorted(mine))))

    def pick_reaction(self, msg: Message) -> None:
        """Choose a reaction (or type one) in a small dialog; Enter takes the first."""
        dialog = QInputDialog(self)
        dialog.setObjectName("reactionPicker")
        dialog.setWindowTitle(self.tr("React"))
        dialog.setLabelText(self.tr("Reaction (choose or type an emoji or a word):"))
        dialog.setComboBoxItems(list(QUICK_REACTIONS))
        dialog.setComboBoxEditable(True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(functools.partial(self._reaction_picked, msg))
        dialog.finished.connect(self._picker_closed)
        self.reaction_picker = dialog
        dialog.open()

    def _reaction_picked(self, msg: Message, key: str) -> None:
        if key.strip():
            self.toggle_reaction(msg, key.strip())

    @Slot()
    def _picker_closed(self) -> None:
        self.reaction_picker = None
        self.window().activateWindow()  # dialogs give the focus back to the message list
        self.view.setFocus()

    def delete(self, msg: Message) -> None:
        if not (msg.outgoing and msg.remote_id and self.capabilities & Capability.RETRACTIONS):
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete message"),
            self.tr("Delete this message for everyone in the conversation?"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._call(self.core.messaging.retract(msg.id))

    def copy(self, msg: Message) -> None:
        QGuiApplication.clipboard().setText(self.model.display_body(msg))

    def retry(self, msg: Message) -> None:
        self._call(self.core.messaging.retry_message(msg.id))

    def repair_encryption(self, msg: Message) -> None:
        """New encryption sessions with the devices whose messages here could not be read."""
        self._call(
            self.core.encryption.repair_encryption(msg.conversation_id),
            success=self.tr(
                "New encryption sessions were started. Messages sent from now on can be read; "
                "ask for the unreadable ones again."
            ),
        )

    def open_link(self, url: str) -> None:
        QDesktopServices.openUrl(QUrl(url))

    def attachment(self, msg: Message, index: int) -> None:
        state = self.model.download_state(msg.local_id, index)
        if state is not None and state.finished:
            QDesktopServices.openUrl(QUrl.fromLocalFile(state.path))
        elif state is None or state.error:
            self.download(msg, index)

    def media_path(self, msg: Message, index: int) -> Path:
        attachment = msg.attachments[index]
        name = _SAFE_NAME.sub("_", attachment.filename or "file")[:80] or "file"
        folder = self.core.ctx.paths.cache_dir / "media" / msg.id.account_id
        return folder / f"{msg.local_id}-{index}-{name}"

    def download(self, msg: Message, index: int, destination: Path | None = None) -> None:
        if not self._may_fetch(msg, index, destination):
            return
        target = destination or self.media_path(msg, index)
        self.model.set_download(msg.local_id, index, DownloadState())
        self.bridge.call(
            self.core.messaging.download(msg.id, index, target),
            lambda done: self._downloaded(done, msg, index, target),
        )

    def _may_fetch(self, msg: Message, index: int, destination: Path | None) -> bool:
        """ "Never load images" means never, even on a click: the click offers to change the
        setting instead (and then fetches)."""
        attachment = msg.attachments[index]
        if self.preferences.get(REMOTE_MEDIA) != "never" or not attachment.mime_type.startswith(
            "image/"
        ):
            return True
        box = QMessageBox(self)
        box.setObjectName("neverLoadBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Images are never loaded"))
        box.setText(
            self.tr(
                "Your privacy setting says never to load images from the network, so "
                "{name} was not downloaded. Load images when you ask for them from now on?"
            ).format(name=attachment.filename or self.tr("this image"))
        )
        change = box.addButton(
            self.tr("&Load when I ask, and get this one"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(self.tr("&Keep never loading"), QMessageBox.ButtonRole.RejectRole)
        self.never_box = box

        def decided() -> None:
            self.never_box = None
            if box.clickedButton() is change:
                self.bridge.call(
                    self.core.preferences.set(REMOTE_MEDIA, "ask"),
                    lambda _done: self._fetch_after_change(msg, index, destination),
                )

        box.finished.connect(decided)
        box.open()
        return False

    def _fetch_after_change(self, msg: Message, index: int, destination: Path | None) -> None:
        if self.preferences.get(REMOTE_MEDIA) != "never":
            self.download(msg, index, destination)

    def _downloaded(self, done: Result[Outcome], msg: Message, index: int, target: Path) -> None:
        if done.ok and done.value.ok:
            size = target.stat().st_size if target.exists() else 0
            self.model.set_download(msg.local_id, index, DownloadState(size, size, str(target)))
        else:
            failure = done.value.failure if done.ok else None
            error = done.error or (failure.message if failure else self.tr("unknown error"))
            self.model.set_download(msg.local_id, index, DownloadState(error=error))

    def save_as(self, msg: Message, index: int) -> None:
        name = msg.attachments[index].filename or "file"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save attachment"), name)
        if path:
            self.download(msg, index, Path(path))

    # -- conversation actions ------------------------------------------------------------------

    @Slot(bool)
    def _toggle_members(self, shown: bool) -> None:
        self.members.setVisible(shown)
        if shown:
            self.members.setFocus()
            if self.conversation is not None:  # services that load members lazily: all now
                self._call(self.core.rooms.refresh_members(self.conversation))

    @Slot()
    def invite(self) -> None:
        if self.conversation is None:
            return
        who, ok = QInputDialog.getText(
            self, self.tr("Invite"), self.tr("Address of the person to invite:")
        )
        if ok and who.strip():
            self._call(self.core.rooms.invite(self.conversation, who.strip()))

    @Slot()
    def change_topic(self) -> None:
        if self.conversation is None or self.details is None:
            return
        topic, ok = QInputDialog.getText(
            self, self.tr("Topic"), self.tr("New topic:"), text=self.details.conversation.topic
        )
        if ok:
            self._call(self.core.rooms.set_topic(self.conversation, topic))

    @Slot()
    def leave(self) -> None:
        if self.conversation is None:
            return
        answer = QMessageBox.question(self, self.tr("Leave"), self.tr("Leave this conversation?"))
        if answer == QMessageBox.StandardButton.Yes:
            self._call(self.core.rooms.leave(self.conversation))

    @Slot(object)
    def kick(self, member: Member) -> None:
        if self.conversation is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Remove from room"),
            self.tr("Remove {name}? Reason (optional):").format(name=member.name),
        )
        if ok:
            self._call(self.core.rooms.kick(self.conversation, member.native_id, reason))

    @Slot(object)
    def ban(self, member: Member) -> None:
        if self.conversation is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Ban from room"),
            self.tr("Ban {name} (they cannot come back)? Reason (optional):").format(
                name=member.name
            ),
        )
        if ok:
            self._call(self.core.rooms.ban(self.conversation, member.native_id, reason))

    @Slot(str)
    def set_notify(self, level: str) -> None:
        if self.conversation is not None:
            self._call(self.core.conversations.set_notify(self.conversation, NotifyLevel(level)))

    @Slot()
    def export(self) -> None:
        if self.conversation is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export conversation"),
            "conversation.html",
            self.tr("Web page (*.html);;JSON Lines (*.jsonl)"),
        )
        if path:
            self._call(
                self.core.archive.export_conversation(self.conversation, Path(path)),
                success=self.tr("Conversation exported to {path}.").format(path=path),
            )

    @Slot()
    def verify_contact(self) -> None:
        """Verify the other person of a direct conversation (their devices, then emojis)."""
        conv, details = self.conversation, self.details
        if conv is None or details is None:
            return
        others = [m for m in details.members if m.native_id != details.own_id]
        contact = (
            others[0].contact.native_id
            if others and others[0].contact
            else others[0].native_id
            if others
            else conv.native_id
        )
        dialog = DevicesDialog(self.bridge, conv.account_id, contact, self, own=details.own_id)
        dialog.verifyRequested.connect(functools.partial(self.start_verification, contact))
        self.devices_dialog = dialog
        dialog.open()

    def start_verification(self, contact: str, device_id: str) -> None:
        conv = self.conversation
        if conv is None:
            return
        account_id = conv.account_id
        self.bridge.call(
            self.core.encryption.start_verification(account_id, contact, device_id),
            lambda done: self._verification_started(done, account_id, contact, device_id),
        )

    def _verification_started(
        self, done: Result[Outcome], account_id: str, contact: str, device_id: str
    ) -> None:
        outcome = done.value if done.ok else None
        if outcome is None or not outcome.ok or not outcome.value:
            message = done.error or (
                outcome.failure.message
                if outcome is not None and outcome.failure
                else self.tr("Could not verify.")
            )
            self.notice.emit(message, "error")
            return
        self.verificationOpened.emit(account_id, Verification(outcome.value, contact, device_id))

    @Slot()
    def _settings(self) -> None:
        if self.conversation is not None:
            self.settingsRequested.emit(self.conversation)

    @Slot()
    def _search_here(self) -> None:
        if self.conversation is not None:
            self.searchRequested.emit(self.conversation)

    # -- plumbing ------------------------------------------------------------------------------

    def _call(self, coro: Coroutine[Any, Any, object], success: str = "") -> None:
        """Run a command whose answer only matters if it failed (or to say ``success``)."""
        self.bridge.call(coro, lambda done: self._answered(done, success))

    def _answered(self, done: Result[object], success: str) -> None:
        if not done.ok:
            self.notice.emit(done.error or self.tr("That did not work."), "error")
        elif isinstance(done.value, Outcome) and done.value.failure is not None:
            self.notice.emit(done.value.failure.message, "error")
        elif success:
            self.notice.emit(success, "info")


def _tag(action: Any, name: str) -> None:
    """Name a menu action after the method it runs (keyboard shortcuts check what is allowed)."""
    action.setData(name)


def _links(msg: Message) -> list[str]:
    found = [m.group(0) for m in URL_PATTERN.finditer(msg.body)]
    if msg.html:
        found += re.findall(r'href="([^"]+)"', msg.html)
    return list(dict.fromkeys(found))[:5]


def _short(url: str) -> str:
    return url if len(url) <= 50 else url[:47] + "…"
