"""Where the user writes.

Multiline; Enter sends, Shift+Enter breaks the line; Up in an empty composer edits the last
message; Tab completes member names (and moves focus on when there is nothing to complete); Esc
cancels a reply or edit, then leaves the composer; the menu key or Shift+F10 opens its menu at
the text cursor (spell check adds to it: ui/widgets/spelling.py). Pasted images and dropped
files become attachments. Typing notifications are emitted as "started" and "stopped" (after 5 s
idle).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.models import Message
from ui.widgets.emoji_picker import EmojiPicker, remember

TYPING_IDLE_MS = 5000


class Composer(QPlainTextEdit):
    """Signals:

    ``submitted(str)``: Enter with some text (already cleared from the box).
    ``escapePressed()``: Esc with no reply/edit to cancel: leave the composer.
    ``cancelRequested()``: Esc while replying or editing.
    ``editLastRequested()``: Up in an empty composer.
    ``typingChanged(bool)``: the user started or stopped typing.
    ``imagePasted(QImage)``: an image was pasted.
    ``filesDropped(list)``: files (``Path``) were dropped or pasted.
    """

    submitted = Signal(str)
    escapePressed = Signal()
    cancelRequested = Signal()
    editLastRequested = Signal()
    typingChanged = Signal(bool)
    imagePasted = Signal(QImage)
    filesDropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        # "Message to #python" once a conversation is open (ConversationPane). No description:
        # a screen reader reads it each time the focus comes back (the keys are under F1).
        self.setAccessibleName(self.tr("Message"))
        self.setPlaceholderText(self.tr("Write a message…"))
        self.setTabChangesFocus(False)
        self.setAcceptDrops(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.mode_active = False  # replying or editing: Esc cancels that first
        self._names: Callable[[], Iterable[str]] = list
        self._completion: tuple[int, str, list[str], int] | None = None
        self._completed: list[str] = []  # names Tab inserted into the text being written
        self.picked_names: tuple[str, ...] = ()
        """The names Tab completion inserted that the message just submitted still holds (read
        in a ``submitted`` slot: the members picked, whom the service may notify)."""
        self._typing = False
        self._quiet = False  # putting a draft back: not typing
        # what spell check adds to the context menu (ui/widgets/spelling.py): (menu, the text
        # cursor at the word the menu is for)
        self.extend_context_menu: Callable[[QMenu, QTextCursor], None] | None = None
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(TYPING_IDLE_MS)
        self._idle.timeout.connect(self._stopped_typing)
        self.textChanged.connect(self._fit_height)
        self.textChanged.connect(self._text_changed)
        self._fit_height()

    def set_completion_names(self, names: Iterable[str]) -> None:
        kept = tuple(names)
        self._names = lambda: kept

    def set_completion_source(self, names: Callable[[], Iterable[str]]) -> None:
        """Where Tab finds the names it completes, asked at each Tab (a member list of
        thousands changing row by row is not copied on every join and part)."""
        self._names = names

    def submit(self) -> None:
        text = self.toPlainText()
        if not text.strip():
            return
        self.picked_names = tuple(n for n in dict.fromkeys(self._completed) if n in text)
        self._completed.clear()
        self.clear()
        self._stopped_typing()
        self.submitted.emit(text)

    def put_text(self, text: str) -> None:
        """Show ``text`` (a conversation's draft, or nothing) as if it had been there all
        along: the cursor at its end, and no typing notification for it."""
        self._quiet = True
        try:
            self.setPlainText(text)
            self.moveCursor(QTextCursor.MoveOperation.End)
        finally:
            self._quiet = False

    def stop_typing(self) -> None:
        """Say now that typing stopped (leaving the conversation it was typed in)."""
        self._stopped_typing()

    @Slot()
    def _fit_height(self) -> None:
        """Grow with the text from two to eight lines, then scroll."""
        lines = max(2, min(8, int(self.document().size().height())))
        margins = self.contentsMargins().top() + self.contentsMargins().bottom()
        doc_margin = int(self.document().documentMargin() * 2)
        self.setFixedHeight(lines * self.fontMetrics().lineSpacing() + margins + doc_margin + 4)

    @Slot()
    def _text_changed(self) -> None:
        if self._quiet:
            return
        if self.toPlainText().strip():
            if not self._typing:
                self._typing = True
                self.typingChanged.emit(True)
            self._idle.start()
        else:
            self._stopped_typing()

    @Slot()
    def _stopped_typing(self) -> None:
        self._idle.stop()
        if self._typing:
            self._typing = False
            self.typingChanged.emit(False)

    # -- keys ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        if key != Qt.Key.Key_Tab:
            self._completion = None
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if mods & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            else:
                self.submit()
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            if self.mode_active:
                self.cancelRequested.emit()
            else:
                self.escapePressed.emit()
            event.accept()
            return
        if (
            key == Qt.Key.Key_Up
            and not self.toPlainText()
            and mods == Qt.KeyboardModifier.NoModifier
        ):
            self.editLastRequested.emit()
            event.accept()
            return
        if key == Qt.Key.Key_Tab and mods == Qt.KeyboardModifier.NoModifier:
            if not self._complete():
                self._move_focus(forward=True)
            event.accept()
            return
        if key == Qt.Key.Key_Backtab:
            self._move_focus(forward=False)
            event.accept()
            return
        if key == Qt.Key.Key_Menu or (
            key == Qt.Key.Key_F10 and mods == Qt.KeyboardModifier.ShiftModifier
        ):  # not every platform turns these keys into a context menu event
            at = self.cursorRect().center()
            reason = QContextMenuEvent.Reason.Keyboard
            self.contextMenuEvent(QContextMenuEvent(reason, at, self.viewport().mapToGlobal(at)))
            return
        super().keyPressEvent(event)

    def _move_focus(self, forward: bool) -> None:
        """Tab out of the composer (a text edit's own focusNextChild refuses to): the window
        decides where Tab goes when it knows (MainWindow.tab_order), else the focus chain."""
        window = self.window()
        if window is not self and window.focusNextPrevChild(forward):
            return
        widget: QWidget | None = self
        for _ in range(200):
            assert widget is not None
            widget = widget.nextInFocusChain() if forward else widget.previousInFocusChain()
            if widget is None or widget is self:
                return
            if (
                widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.focusProxy() is None
            ):
                widget.setFocus(
                    Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
                )
                return

    def _complete(self) -> bool:
        """Complete (or cycle) the member name before the cursor; False if there is none."""
        cursor = self.textCursor()
        if self._completion is not None:
            start, prefix, matches, i = self._completion
            inserted = matches[i] + (": " if start == 0 else " ")
            if self.toPlainText()[start : cursor.position()] != inserted:
                self._completion = None  # the text changed since: start afresh
        if self._completion is not None:
            i = (i + 1) % len(matches)
            if self._completed:
                self._completed.pop()  # cycling: the name shown replaces the one before
        else:
            text = self.toPlainText()[: cursor.position()]
            start = len(text) - len(text.split(" ")[-1].split("\n")[-1])
            prefix = text[start:]
            if not prefix:
                return False
            folded = prefix.casefold()
            matches = sorted(
                {n for n in self._names() if n.casefold().startswith(folded)}, key=str.casefold
            )
            if not matches:
                return False
            i = 0
        suffix = ": " if start == 0 else " "
        cursor.setPosition(start)
        cursor.setPosition(self.textCursor().position(), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(matches[i] + suffix)
        self.setTextCursor(cursor)
        self._completion = (start, prefix, matches, i)
        self._completed.append(matches[i])
        return True

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """The standard menu and what spell check adds, without a nested event loop; opened
        from the keyboard it is for the word at the text cursor, its first item highlighted."""
        menu = self.createStandardContextMenu(event.pos())
        menu.setObjectName("composerMenu")
        by_mouse = event.reason() == QContextMenuEvent.Reason.Mouse
        if self.extend_context_menu is not None:
            cursor = self.cursorForPosition(event.pos()) if by_mouse else self.textCursor()
            self.extend_context_menu(menu, cursor)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())
        if not by_mouse:  # as the Down key would: highlighted, a submenu not opened yet
            down = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)
            QApplication.sendEvent(menu, down)
        event.accept()

    # -- pasting and dropping --------------------------------------------------------------

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasImage() or source.hasUrls() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasImage():
            image = source.imageData()
            if isinstance(image, QImage) and not image.isNull():
                self.imagePasted.emit(image)
                return
        files = _local_files(source)
        if files:
            self.filesDropped.emit(files)
            return
        super().insertFromMimeData(source)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_files(event.mimeData()):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        files = _local_files(event.mimeData())
        if files:
            self.filesDropped.emit(files)
            event.acceptProposedAction()
            return
        super().dropEvent(event)


def _local_files(source: QMimeData) -> list[Path]:
    return (
        [Path(u.toLocalFile()) for u in source.urls() if u.isLocalFile()]
        if source.hasUrls()
        else []
    )


class ComposerArea(QWidget):
    """The composer with its reply/edit banner, typing line, upload progress and buttons.

    Signals: ``attachRequested()``: the user wants to pick a file.
    ``recentEmojiChanged(list)``: an emoji was inserted; the recently used ones, newest first
    (for the owner to keep).
    ``modeChanged()``: a reply or an edit started or ended (part of the draft, as the text is).
    """

    attachRequested = Signal()
    recentEmojiChanged = Signal(list)
    modeChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composerArea")
        self.reply_to: Message | None = None
        self.editing: Message | None = None
        self.banner = QLabel()
        self.banner.setObjectName("composerBanner")
        self.banner.setAccessibleName(self.tr("Reply or edit"))
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("composerCancel")
        self.cancel_button.setAccessibleName(self.tr("Cancel reply or edit"))
        self.cancel_button.clicked.connect(self.cancel_mode)
        banner_row = QWidget()
        banner_row.setObjectName("composerBannerRow")
        banner_layout = QHBoxLayout(banner_row)
        banner_layout.setContentsMargins(0, 0, 0, 0)
        banner_layout.addWidget(self.banner, 1)
        banner_layout.addWidget(self.cancel_button)
        self.banner_row = banner_row
        banner_row.hide()

        self.typing_label = QLabel()
        self.typing_label.setObjectName("typingLabel")
        self.typing_label.setAccessibleName(self.tr("Who is typing"))
        self.typing_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("uploadProgress")
        self.progress_label.setAccessibleName(self.tr("Upload progress"))
        self.progress_label.hide()

        self.composer = Composer()
        self.composer.cancelRequested.connect(self.cancel_mode)
        self.attach_button = QPushButton(self.tr("A&ttach…"))
        self.attach_button.setObjectName("attachButton")
        self.attach_button.setAccessibleName(self.tr("Attach a file"))
        self.attach_button.clicked.connect(self.attachRequested)
        self.recent_emoji: list[str] = []
        self.emoji_picker: EmojiPicker | None = None
        self.emoji_button = QPushButton(self.tr("Emo&ji…"))
        self.emoji_button.setObjectName("emojiButton")
        self.emoji_button.setAccessibleName(self.tr("Insert emoji"))
        self.emoji_button.setToolTip(self.tr("Insert emoji (Ctrl+;)"))
        self.emoji_button.clicked.connect(self.open_emoji_picker)
        emoji_key = QShortcut(QKeySequence("Ctrl+;"), self.composer)
        emoji_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        emoji_key.activated.connect(self.open_emoji_picker)
        self.send_button = QPushButton(self.tr("&Send"))
        self.send_button.setObjectName("sendButton")
        self.send_button.setAccessibleName(self.tr("Send message"))
        self.send_button.clicked.connect(self.composer.submit)
        row = QHBoxLayout()
        row.addWidget(self.composer, 1)
        buttons = QVBoxLayout()
        self._buttons = buttons
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.emoji_button)
        buttons.addWidget(self.send_button)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(banner_row)
        layout.addLayout(row)
        bottom = QHBoxLayout()
        bottom.addWidget(self.typing_label, 1)
        bottom.addWidget(self.progress_label)
        layout.addLayout(bottom)

    def add_voice_control(self, button: QWidget, row: QWidget) -> None:
        """The Record button under Attach, and the recording row above the text (ui.media)."""
        self._buttons.insertWidget(1, button)
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(1, row)

    def set_recent_emoji(self, recent: list[str]) -> None:
        self.recent_emoji = [c for c in recent if isinstance(c, str)]

    @Slot()
    def open_emoji_picker(self) -> None:
        """The picker over the window; the chosen emoji goes in at the cursor."""
        if not self.composer.isEnabled():
            return
        picker = EmojiPicker(self.recent_emoji, self)
        picker.picked.connect(self._insert_emoji)
        picker.finished.connect(self._picker_closed)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.emoji_picker = picker
        picker.open()

    @Slot(str)
    def _insert_emoji(self, char: str) -> None:
        self.composer.insertPlainText(char)
        self.remember_emoji(char)

    def remember_emoji(self, char: str) -> None:
        """``char`` was just used (inserted or reacted with): first among the recent ones."""
        self.recent_emoji = remember(char, self.recent_emoji)
        self.recentEmojiChanged.emit(list(self.recent_emoji))

    @Slot()
    def _picker_closed(self) -> None:
        self.emoji_picker = None
        self.window().activateWindow()  # as a window manager would, when a dialog closes
        self.composer.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_enabled(self, enabled: bool, can_attach: bool = True) -> None:
        """Attach is shown only where files can be sent (like the header's actions: hidden,
        not greyed out, so Tab and the screen reader meet only what works here)."""
        self.composer.setEnabled(enabled)
        self.send_button.setEnabled(enabled)
        self.emoji_button.setEnabled(enabled)
        self.attach_button.setEnabled(enabled and can_attach)
        self.attach_button.setVisible(can_attach)

    def start_reply(self, msg: Message, quote: str) -> None:
        self.resume_reply(msg, quote)
        self.composer.setFocus()

    def start_edit(self, msg: Message) -> None:
        self.resume_edit(msg)
        self.composer.setPlainText(msg.body)
        self.composer.moveCursor(QTextCursor.MoveOperation.End)
        self.composer.setFocus()

    def resume_reply(self, msg: Message, quote: str) -> None:
        """Reply to ``msg`` with what the box holds (a draft put back): the focus stays."""
        self.editing = None
        self.reply_to = msg
        self._show_banner(self.tr("Replying to {quote}").format(quote=quote))

    def resume_edit(self, msg: Message) -> None:
        """Edit ``msg`` into what the box holds (a draft put back): the focus stays."""
        self.reply_to = None
        self.editing = msg
        self._show_banner(self.tr("Editing your message (Escape cancels)"))

    @Slot()
    def cancel_mode(self) -> None:
        was_editing = self.editing is not None
        was_active = was_editing or self.reply_to is not None
        self.reply_to = None
        self.editing = None
        self.banner_row.hide()
        self.composer.mode_active = False
        if was_editing:
            self.composer.clear()
        if was_active:
            self.modeChanged.emit()

    def _show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setAccessibleDescription(text)
        self.banner_row.show()
        self.composer.mode_active = True
        self.modeChanged.emit()

    def set_typing(self, names: tuple[str, ...]) -> None:
        if not names:
            text = ""
        elif len(names) == 1:
            text = self.tr("{name} is typing…").format(name=names[0])
        elif len(names) <= 3:
            text = self.tr("{names} are typing…").format(names=", ".join(names))
        else:
            text = self.tr("Several people are typing…")
        self.typing_label.setText(text)

    def set_progress(self, text: str) -> None:
        self.progress_label.setText(text)
        self.progress_label.setVisible(bool(text))
