"""What one can do with a single message: its menu and the actions in it.

Kept out of ConversationPane (one concern: the pane lays out the open conversation; this acts on
its messages). Every action lives in one per-message menu, opened by right click or from the
keyboard (menu key or Shift+F10), so no action needs a mouse; the main ones also have their own
keys on the message list. Enter on a message opens its attachment (or link).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QWidget

from app.backend import Capability, Outcome
from app.core import ConversationDetails
from app.models import ConversationId, Message, MessageKind, Trust
from app.runtime import Result
from ui import spoilers
from ui.bridge import CoreBridge
from ui.core_text import core_text
from ui.emoji_text import emoji_only
from ui.media.inline_media import InlineMedia
from ui.message_hover import MessageHover
from ui.models.message_model import MessageListModel
from ui.models.message_texts import DownloadState
from ui.moderation_actions import ModerationActions
from ui.poll_actions import PollActions
from ui.preferences import REMOTE_MEDIA, Preferences
from ui.widgets.composer import ComposerArea
from ui.widgets.emoji_picker import EmojiPicker
from ui.widgets.message_view import URL_PATTERN, MessageView

if TYPE_CHECKING:
    from ui.dialogs.image_viewer import ImageViewer
    from ui.widgets.thread_panel import ThreadPanel

QUICK_REACTIONS = ("👍", "❤️", "😂", "😮", "😢", "🎉")
REPLY_KEY = "Ctrl+R"
REACT_KEY = "Ctrl+Shift+R"
EDIT_KEY = "Ctrl+E"
TIME_KEY = "Ctrl+T"
THREAD_KEY = "Ctrl+Shift+T"
_SAFE_NAME = re.compile(r"[^\w.\-]+")

Call = Callable[..., None]
"""Runs a core command and says what went wrong: ``call(coro, success="")``."""


class MessageActions(QObject):
    """The actions on the open conversation's messages, for the pane that shows them.

    Signals: ``blockSenderRequested(object)``: block who sent a :class:`Message`.
    """

    blockSenderRequested = Signal(object)

    def __init__(
        self,
        bridge: CoreBridge,
        preferences: Preferences,
        model: MessageListModel,
        view: MessageView,
        composer_area: ComposerArea,
        *,
        details: Callable[[], ConversationDetails | None],
        call: Call,
        say_time: Callable[[Message], None],
        parent: QWidget,
        thread_panel: Callable[[], ThreadPanel],
        built_thread: Callable[[], ThreadPanel | None] = lambda: None,
        conversation: Callable[[], ConversationId | None],
        protocol_of: Callable[[str], str] = lambda _account_id: "",
        inline_media: InlineMedia | None = None,
    ) -> None:
        """``details``: the open conversation's details (capabilities, own id), None while
        they load; ``parent``: the widget the menus and dialogs open over; ``thread_panel``:
        where a thread is read and answered (made on first use), ``built_thread`` it if it was
        made; ``protocol_of``: an account's service (for links
        to messages)."""
        super().__init__(parent)
        self.bridge = bridge
        self.core = bridge.core
        self.preferences = preferences
        self.view = view
        self.model = model
        self.composer_area = composer_area
        self._details = details
        self._call = call
        self._say_time = say_time
        self._widget = parent
        self._thread_panel = thread_panel
        self._built_thread = built_thread
        self._conversation = conversation
        self._protocol_of = protocol_of
        self.reaction_picker: EmojiPicker | None = None
        self.image_viewer: ImageViewer | None = None
        self.never_box: QMessageBox | None = None
        self.inline_media = inline_media  # audio/video played in the list (ui.media)
        self.polls = PollActions(self.core, call, self)
        self.moderation = ModerationActions(self.core, call, parent)

        view.partActivated.connect(self.part_activated)
        view.messageActivated.connect(self.activate_message)
        view.customContextMenuRequested.connect(self.context_menu_at)
        self.hover = MessageHover(self)  # the hover bar's buttons run the actions below
        self.model.rowsInserted.connect(self.rows_inserted)
        composer_area.composer.editLastRequested.connect(self.edit_last)
        for keys in ("Shift+F10", "Menu"):
            shortcut = QShortcut(QKeySequence(keys), view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.open_message_menu)
        # The main message actions also have their own keys on the message list.
        keyed: tuple[tuple[str | QKeySequence.StandardKey, Any], ...] = (
            (TIME_KEY, self.say_time),
            (REPLY_KEY, self.reply),
            (REACT_KEY, self.pick_reaction),
            (EDIT_KEY, self.edit),
            (THREAD_KEY, self.reply_in_thread),
            (QKeySequence.StandardKey.Copy, self.copy),
            (QKeySequence.StandardKey.Delete, self.delete),
        )
        for sequence, action in keyed:
            shortcut = QShortcut(QKeySequence(sequence), view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(functools.partial(self._on_current, action))

    def say_time(self, msg: Message) -> None:
        """Ctrl+T: when the message was sent, spoken."""
        self._say_time(msg)

    @property
    def capabilities(self) -> Capability:
        details = self._details()
        return details.capabilities if details else Capability.NONE

    def rows_inserted(self, parent: Any, first: int, last: int) -> None:
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

    def _on_current(self, action: Any) -> None:
        """Run a message action on the message that has the keyboard focus, if allowed."""
        index = self.view.currentIndex()
        if not index.isValid():
            return
        msg = self.model.message(index.row())
        allowed = {a.data() for a in self.message_menu(msg).actions() if a.data()}
        name = getattr(action, "__name__", "")
        if name in allowed or name in ("copy", "say_time"):
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
            by_keyboard=True,
        )

    @Slot(QPoint)
    def context_menu_at(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.show_message_menu(
                self.model.message(index.row()), self.view.viewport().mapToGlobal(pos)
            )

    def message_menu(self, msg: Message) -> QMenu:
        """The actions for one message; only those the service and the message allow."""
        caps = self.capabilities
        menu = QMenu(self._widget)
        menu.setObjectName("messageMenu")
        confirmed = msg.remote_id is not None and not msg.retracted
        self.polls.add_to_menu(menu, msg, caps)
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
        if msg.thread is not None and msg.thread.count and msg.remote_id:
            _tag(
                menu.addAction(
                    self.tr("Open &thread ({count})").format(count=msg.thread.count),
                    lambda: self.open_thread(msg),
                ),
                "open_thread",
            )
        if confirmed and caps & Capability.THREADS:
            _tag(
                menu.addAction(
                    self.tr("Reply in t&hread"),
                    QKeySequence(THREAD_KEY),
                    lambda: self.reply_in_thread(msg),
                ),
                "reply_in_thread",
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
        self.moderation.add_to_menu(menu, msg, caps)
        menu.addAction(
            self.tr("&Copy text"),
            QKeySequence(QKeySequence.StandardKey.Copy),
            lambda: self.copy(msg),
        )
        link = self.permalink(msg)
        if link:
            menu.addAction(
                self.tr("Copy &link to the message"),
                lambda: QGuiApplication.clipboard().setText(link),
            )
        _tag(
            menu.addAction(
                self.tr("Say when it was &sent"), QKeySequence(TIME_KEY), lambda: self.say_time(msg)
            ),
            "say_time",
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
        if spoilers.is_hidden(msg):
            menu.addAction(self.tr("Re&veal spoiler"), lambda: self.reveal_spoiler(msg))
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

    def show_message_menu(
        self, msg: Message, global_pos: QPoint, by_keyboard: bool = False
    ) -> None:
        """Pop the menu up without a nested event loop; it takes the keyboard focus. Opened
        from the keyboard, its first action is highlighted at once, so a screen reader says
        where one is (Qt otherwise waits for an arrow key, and nothing is heard)."""
        menu = self.message_menu(msg)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.aboutToHide.connect(menu.close)
        menu.destroyed.connect(self._menu_closed)
        menu.popup(global_pos)
        if by_keyboard:
            first = next((a for a in menu.actions() if a.isEnabled() and not a.isSeparator()), None)
            if first is not None:
                menu.setActiveAction(first)

    @Slot()
    def _menu_closed(self) -> None:
        """Back to the message the menu was for (unless an action moved the focus on)."""
        focus = QApplication.focusWidget()
        if focus is None or not self._widget.window().isAncestorOf(focus):
            self._widget.window().activateWindow()
            self.view.setFocus(Qt.FocusReason.PopupFocusReason)

    def part_activated(self, kind: str, msg: Message, detail: Any) -> None:
        if kind == "link" and self.polls.is_poll_link(str(detail)):
            self.polls.link_activated(msg, str(detail))
        elif kind == "link":
            self.open_link(str(detail))
        elif kind == "attachment":
            self.attachment(msg, int(detail))
        elif kind == "react":
            self.toggle_reaction(msg, str(detail))
        elif kind == "retry":
            self.retry(msg)
        elif kind == "thread":
            self.open_thread(msg)
        elif kind == "spoiler":
            self.reveal_spoiler(msg)

    @Slot(object)
    def activate_message(self, msg: Message) -> None:
        """Enter on a message: open its attachment or its link; with several, choose from
        the message's menu (which lists them)."""
        links = _links(msg)
        if msg.poll is not None:
            self.open_message_menu()  # its answers are in the menu
        elif len(msg.attachments) == 1 and not links:
            self.attachment(msg, 0)
        elif len(links) == 1 and not msg.attachments:
            self.open_link(links[0])
        elif msg.attachments or links:
            self.open_message_menu()

    def reply_quote(self, msg: Message) -> str:
        """What the reply banner shows of ``msg``: its sender and the start of its text."""
        text = " ".join(self.model.display_body(msg).split())
        return f"{msg.sender_name or msg.sender}: {text[:80]}"

    def reply(self, msg: Message) -> None:
        quote = self.reply_quote(msg)
        panel = self._built_thread()
        if (
            panel is not None
            and panel.isVisible()
            and panel.root
            and panel.root in (msg.thread_root, msg.remote_id)
        ):
            panel.start_reply(msg, quote)  # a message of the open thread: answered there
            panel.composer_area.composer.setFocus()
            return
        self.composer_area.start_reply(msg, quote)

    def open_thread(self, msg: Message, *, answer: bool = False) -> None:
        """Show the thread ``msg`` starts (or is in) in the thread panel."""
        conv = self._conversation()
        if conv is None:
            return
        root: Message | None = msg
        if msg.thread_root is not None:
            built = self._built_thread()
            known = built.model.root_message if built is not None else None
            root = self.model.message_by_remote_id(msg.thread_root) or (
                known if known is not None and known.remote_id == msg.thread_root else None
            )
        if root is None or root.thread_root is not None or root.remote_id is None:
            return
        self._thread_panel().open_thread(conv, root, answer=answer)

    def reply_in_thread(self, msg: Message) -> None:
        """Answer in the thread ``msg`` starts (a new one if it has none yet)."""
        self.open_thread(msg, answer=True)

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
        details = self._details()
        own = details.own_id if details else ""
        mine = {r.key for r in msg.reactions if own in r.senders}
        mine ^= {key}
        self._call(self.core.messaging.react(msg.id, tuple(sorted(mine))))

    def pick_reaction(self, msg: Message) -> None:
        """Choose a reaction in the emoji picker: the recently used and the quick ones first,
        Enter takes the first of them, or search by name; a word that is no emoji's name is
        sent as it is (services allow words)."""
        recent = list(dict.fromkeys([*self.composer_area.recent_emoji, *QUICK_REACTIONS]))
        dialog = EmojiPicker(
            recent,
            self._widget,
            title=self.tr("React"),
            allow_text=True,
            recent_title=self.tr("&Recent and quick reactions"),
        )
        dialog.setObjectName("reactionPicker")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.picked.connect(functools.partial(self._reaction_picked, msg))
        dialog.finished.connect(self._picker_closed)
        self.reaction_picker = dialog
        dialog.open()

    def _reaction_picked(self, msg: Message, key: str) -> None:
        key = key.strip()
        if key:
            self.toggle_reaction(msg, key)
            if emoji_only(key, limit=1):  # a word is not kept among the recent emoji
                self.composer_area.remember_emoji(key)

    @Slot()
    def _picker_closed(self) -> None:
        self.reaction_picker = None
        self._widget.window().activateWindow()  # dialogs give the focus back to the message list
        self.view.setFocus()

    def permalink(self, msg: Message) -> str | None:
        """A link to ``msg`` others can open, where its service has them (Matrix)."""
        from app.uri import message_permalink  # noqa: PLC0415

        if not msg.remote_id:
            return None
        protocol = self._protocol_of(msg.id.account_id)
        return message_permalink(protocol, msg.conversation_id.native_id, msg.remote_id)

    def delete(self, msg: Message) -> None:
        if not (msg.outgoing and msg.remote_id and self.capabilities & Capability.RETRACTIONS):
            return
        answer = QMessageBox.question(
            self._widget,
            self.tr("Delete message"),
            self.tr("Delete this message for everyone in the conversation?"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._call(self.core.messaging.retract(msg.id))

    def reveal_spoiler(self, msg: Message) -> None:
        spoilers.reveal(msg)
        self.model.refresh_row(msg.local_id)

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
            attachment = msg.attachments[index]
            if self.inline_media is not None and self.inline_media.activate(msg, index):
                return
            if attachment.mime_type.startswith("image/"):
                self.view_image(Path(state.path), attachment.filename or Path(state.path).name)
            else:
                QDesktopServices.openUrl(QUrl.fromLocalFile(state.path))
        elif state is None or state.error:
            self.download(msg, index)

    def view_image(self, path: Path, name: str) -> ImageViewer:
        """The image viewer (zoom, save a copy) over the window; one at a time."""
        from ui.dialogs.image_viewer import ImageViewer  # noqa: PLC0415

        if self.image_viewer is not None:
            self.image_viewer.close()
        viewer = ImageViewer(path, name, self._widget.window())
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.finished.connect(self._viewer_closed)
        self.image_viewer = viewer
        viewer.show()
        return viewer

    @Slot()
    def _viewer_closed(self) -> None:
        self.image_viewer = None
        self._widget.window().activateWindow()
        self.view.setFocus()

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
        box = QMessageBox(self._widget)
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
            error = core_text(done.error) or (
                core_text(failure.message) if failure else self.tr("unknown error")
            )
            self.model.set_download(msg.local_id, index, DownloadState(error=error))

    def save_as(self, msg: Message, index: int) -> None:
        name = msg.attachments[index].filename or "file"
        path, _ = QFileDialog.getSaveFileName(self._widget, self.tr("Save attachment"), name)
        if path:
            self.download(msg, index, Path(path))


def _tag(action: Any, name: str) -> None:
    """Name a menu action after the method it runs (keyboard shortcuts check what is allowed)."""
    action.setData(name)


def _links(msg: Message) -> list[str]:
    """The message's links for its menu: none from a hidden spoiler (nor its reveal link)."""
    found = [m.group(0) for m in URL_PATTERN.finditer(spoilers.guarded_body(msg))]
    rich = spoilers.shown_html(msg)
    if rich:
        found += [u for u in re.findall(r'href="([^"]+)"', rich) if u != spoilers.SPOILER_URL]
    return list(dict.fromkeys(found))[:5]


def _short(url: str) -> str:
    return url if len(url) <= 50 else url[:47] + "…"
