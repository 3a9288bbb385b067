"""The right-hand side of the window: one open conversation, with everything one can do in it.

Header (name, topic, encryption, members; actions gated by capabilities), the message view with a
"jump to latest" button and a history progress line, the member panel, and the composer. The pane
lays these out, follows the open conversation (its details, events, read state) and sends what is
written; its collaborators do the rest:

- ui/message_actions.py (``pane.messages``): the per-message menu and its actions (reply, react,
  edit, delete, copy, retry, download, open link), by mouse or keyboard;
- ui/conversation_actions.py (``pane.conversation_actions``): what the header and the member panel
  do (invite, topic, leave, kick, ban, notifications, export, verify);
- ui/a11y/conversation_voice.py (``pane.voice``): what the conversation says to a screen reader.
"""

from __future__ import annotations

import logging
import re
import tempfile
from collections.abc import Coroutine
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage, QTextCursor
from PySide6.QtWidgets import (
    QFileDialog,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import events as ev
from app.backend import Capability, Outcome
from app.commands import SlashResult, parse_slash, unescape_slash
from app.core import PREF_LINK_PREVIEWS, ConversationDetails
from app.models import (
    ConversationId,
    ConversationKind,
    Member,
    MessageId,
)
from app.runtime import Result
from ui.a11y.conversation_voice import ConversationVoice
from ui.a11y.widgets import tab_chain
from ui.bridge import CoreBridge
from ui.composer_drafts import ComposerDrafts
from ui.conversation_actions import ConversationActions
from ui.core_text import core_text
from ui.media.inline_media import InlineMedia
from ui.media.voice_control import VoiceMessageControl
from ui.message_actions import MessageActions
from ui.models.message_model import MessageListModel
from ui.models.sidebar_model import SidebarModel
from ui.preferences import SPELL_CHECK, Preferences
from ui.widgets.composer import ComposerArea
from ui.widgets.conversation_header import ConversationHeader
from ui.widgets.member_panel import MemberPanel
from ui.widgets.message_view import MessageView
from ui.widgets.spelling import ConversationSpelling, SpellChecker
from ui.widgets.viewport_overlay import ViewportOverlay

if TYPE_CHECKING:
    from ui.widgets.thread_panel import ThreadPanel

_log = logging.getLogger(__name__)
QUICK_REACTIONS = ("👍", "❤️", "😂", "😮", "😢", "🎉")
REPLY_KEY = "Ctrl+R"
REACT_KEY = "Ctrl+Shift+R"
EDIT_KEY = "Ctrl+E"
TIME_KEY = "Ctrl+T"
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
    ``conversationShown()``: another conversation (or none) is shown; its name may differ.
    """

    notice = Signal(str, str)
    conversationShown = Signal()
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
        self.member_count = 0  # the open room's, kept with its member changes

        self.model = MessageListModel(bridge, self)
        bridge.events.connect(self.model.handle_events)
        preferences.changed.connect(self._preferences_changed)
        bridge.events.connect(self.handle_events)

        self.header = ConversationHeader()

        self.view = MessageView(self.model)
        # Over the view's top rows, not above the view: the view keeps its height, so QListView
        # does not lay out every loaded row when a page is asked and again when it comes.
        self.loading_label = ViewportOverlay(self.tr("Loading older messages…"), self.view)
        self.loading_label.setObjectName("historyLoading")
        self.loading_label.setAccessibleName(self.tr("Loading older messages"))
        self.model.loadingChanged.connect(self.loading_label.setVisible)
        self.jump_button = QPushButton(self.tr("Jump to lat&est"))
        self.jump_button.setObjectName("jumpToLatest")
        self.jump_button.setAccessibleName(self.tr("Jump to the latest messages"))
        self.jump_button.clicked.connect(self.jump_to_latest)
        self.jump_button.hide()
        self.model.atLatestChanged.connect(self._at_latest_changed)
        self.view.verticalScrollBar().valueChanged.connect(self._update_jump_button)

        self._thread_panel: ThreadPanel | None = None  # built when a thread is first opened
        self._preferences_changed()

        self.members = MemberPanel()
        self.members.blockRequested.connect(self.blockMemberRequested)
        self.members.hide()

        self.composer_area = ComposerArea()
        composer = self.composer_area.composer
        composer.set_completion_source(self.members.model.names)
        composer.submitted.connect(self._submitted)
        composer.escapePressed.connect(self.view.setFocus)
        composer.typingChanged.connect(self._typing)
        composer.imagePasted.connect(self.send_image)
        composer.filesDropped.connect(self.send_files)
        self.composer_area.attachRequested.connect(self.attach)
        self.voice_messages = VoiceMessageControl(self, bridge, lambda: self.conversation)
        self.voice_messages.problem.connect(self.notice)
        self.composer_area.add_voice_control(self.voice_messages.button, self.voice_messages.row)
        self.spelling = ConversationSpelling(
            SpellChecker(self.core.ctx.paths.personal_words),
            (composer,),  # and the thread panel's, once built
            enabled=lambda: bool(preferences.get(SPELL_CHECK)),
            choice_of=self._spell_language,
            save=self._save_spell_language,
            parent=self,
        )
        preferences.changed.connect(self.spelling.preferences_changed)

        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.addWidget(self.view, 1)
        center_layout.addWidget(self.jump_button, 0, Qt.AlignmentFlag.AlignRight)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("messagesAndMembers")
        splitter.addWidget(center)
        splitter.addWidget(self.members)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([600, 200])
        self._splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.composer_area)

        self.voice = ConversationVoice(
            preferences,
            sidebar_model,
            self.model,
            self.header,
            regions=(composer, self.view),
            set_preference=lambda key, value: self._call(self.core.preferences.set(key, value)),
        )
        self.inline_media = InlineMedia(self.view, self.model)
        # What is done with a message, and with the conversation from its header and members.
        self.messages = MessageActions(
            bridge,
            preferences,
            self.model,
            self.view,
            self.composer_area,
            details=lambda: self.details,
            call=self._call,
            say_time=self.voice.say_time,
            parent=self,
            thread_panel=lambda: self.thread_panel,
            built_thread=lambda: self._thread_panel,
            conversation=lambda: self.conversation,
            protocol_of=self._protocol_of,
            inline_media=self.inline_media,
        )
        self.messages.blockSenderRequested.connect(self.blockSenderRequested)
        self.drafts = ComposerDrafts(
            bridge, self.composer_area, sidebar_model, self.messages.reply_quote, self
        )
        self.conversation_actions = ConversationActions(
            bridge,
            self.header,
            self.members,
            conversation=lambda: self.conversation,
            details=lambda: self.details,
            call=self._call,
            parent=self,
        )
        actions = self.conversation_actions
        actions.notice.connect(self.notice)
        actions.verificationOpened.connect(self.verificationOpened)
        actions.settingsRequested.connect(self.settingsRequested)
        actions.searchRequested.connect(self.searchRequested)
        self._mark_read_timer = QTimer(self)
        self._mark_read_timer.setSingleShot(True)
        self._mark_read_timer.setInterval(300)
        self._mark_read_timer.timeout.connect(self.mark_read)
        self.composer_area.set_enabled(False)
        self._tab_order()

    def first_in_tab_order(self) -> QWidget:
        return self.header.members_button

    def tab_order(self) -> list[QWidget]:
        """Reading order: header buttons, messages, "jump to latest", members, then the
        composer area (the reply banner's Cancel above the composer, Attach, Emoji and Send
        after)."""
        area = self.composer_area
        return [
            *self.header.tab_order(),
            self.view,
            self.jump_button,
            self.members.list,
            self.members.kick_button,
            self.members.ban_button,
            self.members.block_button,
            area.cancel_button,
            self.voice_messages.cancel_button,
            self.voice_messages.send_button,
            area.composer,
            area.attach_button,
            self.voice_messages.button,
            area.emoji_button,
            area.send_button,
        ]

    def _tab_order(self) -> None:
        tab_chain(self.tab_order())

    @property
    def thread_panel(self) -> ThreadPanel:
        """The thread panel, built the first time a thread is opened: most conversations never
        show one, and built with the window it held ~0.3 MB (a second message view and composer)
        and its model took every event of the core (docs/performance.md, "Memory, session 9")."""
        if self._thread_panel is None:
            from ui.widgets.thread_panel import ThreadPanel  # noqa: PLC0415  (see above)

            panel = self._thread_panel = ThreadPanel(self.bridge)
            panel.hide()
            panel.notice.connect(self.notice)
            panel.closed.connect(self.view.setFocus)
            panel.partActivated.connect(self.messages.part_activated)
            panel.menuRequested.connect(self.messages.show_message_menu)
            panel.model.link_previews = bool(self.preferences.get(PREF_LINK_PREVIEWS))
            if self.details is not None:
                panel.set_own_id(self.details.own_id)
            self.spelling.add(panel.composer_area.composer)
            sizes = self._splitter.sizes()
            self._splitter.insertWidget(1, panel)
            self._splitter.setSizes([sizes[0], 320, sizes[-1]])
        return self._thread_panel

    # -- opening -----------------------------------------------------------------------------

    @Slot()
    def _preferences_changed(self, _values: object = None) -> None:
        on = bool(self.preferences.get(PREF_LINK_PREVIEWS))
        self.model.link_previews = on  # (new rows ask; the open page is asked again on reopen)
        if self._thread_panel is not None:
            self._thread_panel.model.link_previews = on

    def open(self, conv: ConversationId | None, at: MessageId | None = None) -> None:
        switched = conv != self.conversation
        if switched:
            self.drafts.leave()  # before the reply or edit is cancelled: they are in the draft
            self.inline_media.stop_all()
            self.voice_messages.offer(False)
            self.composer_area.cancel_mode()
            self.composer_area.set_typing(())
            if self._thread_panel is not None and self._thread_panel.isVisible():
                self._thread_panel.close_thread()
        self.conversation = conv
        if switched:
            self.drafts.enter(conv)
        self.details = None
        self.voice.shown(conv)
        self.spelling.open(conv)
        if conv is None:
            self.model.set_conversation(None)
            self.header.show_details(None)
            self.members.set_members((), can_kick=False)
            self.composer_area.set_enabled(False)
            self.conversationShown.emit()
            return
        if at is not None:
            self.model.open_at(at, conv)
        else:
            self.model.set_conversation(conv)
        self.header.show_conversation(self.sidebar_model.conversation(conv))
        self.composer_area.set_enabled(True)
        self.refresh_details(first=True)  # marks it read once the old read marker is known
        self.conversationShown.emit()

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
        if self._thread_panel is not None:
            self._thread_panel.set_own_id(details.own_id)
        self.model.set_encrypted(details.conversation.encrypted)
        self.member_count = len(details.members)
        self.header.show_details(details, self.member_count)
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
        self.spelling.set_known([m.name for m in details.members])
        self.composer_area.set_enabled(True, can_attach=bool(caps & Capability.FILES))
        self.voice_messages.offer(
            bool(caps & Capability.VOICE_MESSAGES),
            self.tr("Voice messages cannot be sent on this service"),
        )

    def _save_spell_language(self, conv: ConversationId, value: str) -> None:
        self.bridge.call(
            self.core.conversations.set_spell_language(conv, value),
            lambda done: self._spell_language_saved(done, conv),
        )

    def _spell_language_saved(self, done: Result[object], conv: ConversationId) -> None:
        if not done.ok:  # the choice shown goes back to the stored one
            self.spelling.not_saved(conv)
        self._answered(done, "")

    def _spell_language(self, conv: ConversationId) -> str:
        shown = self.sidebar_model.conversation(conv)
        return shown.spell_language if shown is not None else ""

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
        changes: list[ev.MembersChanged] = []
        for event in events:
            if isinstance(event, ev.ConversationsChanged):
                for c in event.conversations:
                    if c.id == conv:
                        if self.details is not None:  # the encryption line may change too
                            self.details = replace(self.details, conversation=c)
                            self.header.show_details(self.details, self.member_count)
                        else:
                            self.header.show_conversation(c)
                        self.model.set_encrypted(c.encrypted)
                        if c.unread_count and self.window().isActiveWindow():
                            self._mark_read_timer.start()
            elif isinstance(event, ev.MembersChanged) and event.conversation_id == conv:
                changes.append(event)
            elif isinstance(event, ev.TypingChanged) and event.conversation_id == conv:
                self.composer_area.set_typing(event.typing)
            elif (
                isinstance(event, ev.ConnectionStateChanged) and event.account_id == conv.account_id
            ):
                refresh = True
            elif isinstance(event, ev.ProgressChanged) and event.task.startswith("upload:"):
                self._upload_progress(event)
        if changes and self._members_changed(changes):
            refresh = True
        if refresh:
            self.refresh_details()

    def _members_changed(self, changes: list[ev.MembersChanged]) -> bool:
        """The member changes of one delivery (at most one a frame: see ui.bridge), merged and
        shown at once; True if the conversation's details should be asked again. A change
        costs its members, not the room's: rows, names for completion and spell check and the
        count change by what changed."""
        assert self.conversation is not None
        count = changes[-1].count  # how many there are after the last of them
        refresh = self.details is None  # the details on their way may predate this change
        rights = {
            "can_kick": bool(self.capabilities & Capability.KICK),
            "can_ban": bool(self.capabilities & Capability.BAN),
            "can_block": bool(self.capabilities & Capability.BLOCKING),
        }
        last_whole = max((i for i, c in enumerate(changes) if c.complete), default=-1)
        if last_whole >= 0:  # the list was replaced: what came before it is moot
            whole = changes[last_whole].members
            self.members.set_members(whole, **rights)
            self.spelling.set_known([m.name for m in whole])
            changes = changes[last_whole + 1 :]
        merged: dict[str, Member | None] = {}  # the last word on each member
        for change in changes:
            merged.update((native_id, None) for native_id in change.removed)
            merged.update((m.native_id, m) for m in change.upserted)
        if merged:
            model = self.members.model
            before = [m.name for i in merged if (m := model.member(i)) is not None]
            upserted = tuple(m for m in merged.values() if m is not None)
            in_step = self.members.change_members(
                self.conversation,
                upserted,
                tuple(i for i, m in merged.items() if m is None),
                count,
                **rights,
            )
            self.spelling.change_known([m.name for m in upserted], before)
            refresh = refresh or not in_step  # a change missed: the whole list again
        if self.details is not None:  # the count in the header follows
            self.member_count = count
            self.header.show_details(self.details, self.member_count)
        return refresh

    def current_members(self) -> tuple[Member, ...]:
        """The open room's members as the member list now shows them (the loaded details'
        list is not kept up to date with every join and part)."""
        return tuple(self.members.model.members()) if self.details is not None else ()

    def _upload_progress(self, event: ev.ProgressChanged) -> None:
        if event.total is not None and event.done >= event.total:
            self.composer_area.set_progress("")
            return
        percent = f" {int(event.done * 100 / event.total)}%" if event.total else ""
        self.composer_area.set_progress(
            self.tr("Uploading {name}{percent}").format(
                name=core_text(event.label), percent=percent
            )
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

    # -- sending -----------------------------------------------------------------------------

    @Slot(str)
    def _submitted(self, text: str) -> None:
        conv = self.conversation
        if conv is None:
            return
        self._send(conv, text)
        self.drafts.sent()

    def _send(self, conv: ConversationId, text: str) -> None:
        area = self.composer_area
        mentions = self._picked_members(area.composer.picked_names)
        if area.editing is not None:
            target = area.editing
            area.cancel_mode()
            self._call(
                self.core.messaging.edit_message(target.id, text, markdown=True, mentions=mentions)
            )
            return
        if parse_slash(text) is not None:
            self.run_slash(conv, text)
            return
        reply = area.reply_to
        area.cancel_mode()
        body = unescape_slash(text)
        self.bridge.call(
            self.core.messaging.send_message(
                conv,
                body,
                markdown=True,  # the composer's formatting, rendered by the core for every service
                reply_to=reply.remote_id if reply else None,
                mentions=mentions,
            ),
            lambda done: self._sent(done, conv, text),
        )

    def _picked_members(self, names: tuple[str, ...]) -> tuple[str, ...]:
        """The members (native ids) whose names were picked by Tab completion; two members of
        one name are both meant, as far as anyone can tell from the text."""
        if not names:
            return ()
        wanted = set(names)
        return tuple(m.native_id for m in self.members.model.members() if m.name in wanted)

    def _sent(self, done: Result[MessageId], conv: ConversationId, text: str) -> None:
        """A message the core could not take (the store cannot save it) is not lost with the
        cleared box: it comes back there, if the box is still empty, for sending again."""
        composer = self.composer_area.composer
        if not done.ok and self.conversation == conv and not composer.toPlainText().strip():
            composer.setPlainText(text)
            composer.moveCursor(QTextCursor.MoveOperation.End)
        self._answered(done, "")

    def run_slash(self, conv: ConversationId, text: str) -> None:
        """Hand a typed command to the core (``core.commands``, the one place that knows what it
        means) and do what its answer asks: open a conversation, browse rooms, show help."""
        self.bridge.call(
            self.core.commands.run(conv, text), lambda done: self._slash_done(done, conv)
        )

    def _slash_done(self, done: Result[SlashResult], conv: ConversationId) -> None:
        if not done.ok:
            self.notice.emit(core_text(done.error) or self.tr("That did not work."), "error")
            return
        result = done.value
        if result.outcome.failure is not None:
            self.notice.emit(core_text(result.outcome.failure.message), "error")
        elif result.usage:
            self.notice.emit(
                self.tr("Usage: {usage}").format(usage=core_text(result.usage)), "warning"
            )
        elif result.unknown:
            self.notice.emit(
                self.tr("Unknown command /{name}. Type /help for the list.").format(
                    name=result.unknown
                ),
                "warning",
            )
        elif result.help:
            self.notice.emit("\n".join(map(core_text, result.help)), "info")
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

    # -- plumbing ------------------------------------------------------------------------------

    def _protocol_of(self, account_id: str) -> str:
        account = self.sidebar_model.account(account_id)
        return account.protocol_id if account is not None else ""

    def _call(self, coro: Coroutine[Any, Any, object], success: str = "") -> None:
        """Run a command whose answer only matters if it failed (or to say ``success``)."""
        self.bridge.call(coro, lambda done: self._answered(done, success))

    def _answered(self, done: Result[object], success: str) -> None:
        if not done.ok:
            self.notice.emit(core_text(done.error) or self.tr("That did not work."), "error")
        elif isinstance(done.value, Outcome) and done.value.failure is not None:
            self.notice.emit(core_text(done.value.failure.message), "error")
        elif success:
            self.notice.emit(success, "info")
