"""The message list: one item per message, painted by a delegate, paged at both ends.

Each item's accessible text is built from the parts the person chose to hear (the model provides
it, see ui/a11y/verbosity.py), so a screen reader walks the list message by message: arrow keys
move with focus events, Home/End go to the first loaded and the newest message, Enter opens a
message's attachment or link, the menu key its actions. Everything drawn comes from the palette (high-contrast
themes keep working) and every state has words: delivery state, "(edited)", "new messages", the
failure reason with "Retry". Clickable parts (links, attachments, reactions, retry, "show more")
are also reachable from the keyboard through the per-message menu (see MainWindow).
"""

from __future__ import annotations

import html
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QLine,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QCursor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QImageReader,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.models import Attachment, DeliveryState, LinkPreview, Message, MessageKind
from app.priority import ui_busy, ui_working
from ui.a11y.widgets import ListFocus
from ui.avatars import AvatarStore
from ui.bidi import isolate
from ui.core_text import core_text
from ui.emoji_text import big_emoji
from ui.media.support import caption_is_name, media_kind, media_title
from ui.models.message_model import (
    HISTORY_ROWS,
    PAGE_SIZE,
    MessageListModel,
    MessageRole,
    RowView,
)
from ui.models.message_texts import DownloadState
from ui.models.poll_texts import poll_html
from ui.spoilers import SPOILER_URL, shown_html
from ui.theme import link_colour
from ui.widgets.hover_bar import HoverBar
from ui.widgets.link_colours import parsed_link_rgba, recolour_links

ModelIndex = QModelIndex | QPersistentModelIndex
PAD = 8
GAP = 3
THUMB_MAX = QSize(320, 240)
MAX_LAYOUTS = 4000  # laid-out messages kept (each holds a QTextDocument)
SIGHT_MARGIN = 3  # rows above and below the view laid out with those in sight
MAX_SHOWN_CHARS = 4000  # longer bodies are cut, with "Show more" (the whole text is stored)
MORE_URL = "chinwag:more"
PREVIEW_WIDTH = 420  # a link preview card at most this wide
PREVIEW_IMAGE = 64  # its thumbnail, drawn at most this many pixels square
MAX_PREVIEW_PIXELS = 4096 * 4096  # a preview image claiming more is not decoded
FACE = 32  # a sender's face beside the first message of a group
BIG_EMOJI_SCALE = 2.4  # a message of a few emoji and nothing else is drawn this much larger
# Combined flags made once: each ``|`` of two Qt enums is a Python enum operation, and paint()
# runs for every row in sight on each repaint.
LEFT_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT_MIDDLE = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# A row's panel (selection, hover, focus) is drawn by the style only in these states: in others
# QStyle draws nothing for it (no background brush is set), and asking cost a call per row.
PANEL_STATES = (
    QStyle.StateFlag.State_Selected
    | QStyle.StateFlag.State_MouseOver
    | QStyle.StateFlag.State_HasFocus
).value
SELECTED = QStyle.StateFlag.State_Selected.value
RIGHT_TO_LEFT = Qt.LayoutDirection.RightToLeft
ITALIC_KINDS = frozenset((MessageKind.EMOTE, MessageKind.NOTICE, MessageKind.SYSTEM))
URL_PATTERN = re.compile(r"(?:https?|ftp|xmpp|matrix|ircs?|mailto):[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")


def linkify(text: str) -> str:
    """Escape plain text for rich display and turn URLs into links."""
    out = []
    last = 0
    for match in URL_PATTERN.finditer(text):
        out.append(html.escape(text[last : match.start()]))
        url = match.group(0)
        out.append(f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>')
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out).replace("\n", "<br>")


def plain_blocks(text: str) -> str:
    """Plain text as rich text, each line its own block (not joined by ``<br>``): Qt gives every
    block its own direction from its first strong character, so an Arabic line after an
    English one is laid out right to left, whatever the first line or the window's direction."""
    return "".join(f"<div>{linkify(line) or '&nbsp;'}</div>" for line in text.split("\n"))


def body_html(msg: Message, shown: str, expanded: bool) -> str:
    """The rich text to draw for a message: its sanitised HTML, or its linkified plain body."""
    if msg.retracted:
        return f"<i>{html.escape(shown)}</i>"
    cut = not expanded and len(shown) > MAX_SHOWN_CHARS
    if msg.html and not cut and msg.kind is not MessageKind.EMOTE:
        rich = shown_html(msg) or msg.html  # spoilers hidden until revealed
    else:
        rich = plain_blocks(shown[:MAX_SHOWN_CHARS] if cut else shown)
    if cut:
        rest = len(shown) - MAX_SHOWN_CHARS
        label = html.escape(
            QCoreApplication.translate("MessageDelegate", "Show more ({n} more characters)").format(
                n=rest
            )
        )
        rich += f'… <a href="{MORE_URL}">{label}</a>'
    if msg.kind in ITALIC_KINDS:
        rich = f"<i>{rich}</i>"
    return rich


def is_plain(msg: Message, shown: str) -> bool:
    """Whether ``shown`` is drawn as it is (no markup, no link, not cut, not in italics): then
    it goes into its document as plain text, which skips the HTML parser (a third of a rich
    text's layout)."""
    return (
        not msg.html
        and not msg.retracted
        and msg.kind not in ITALIC_KINDS
        and len(shown) <= MAX_SHOWN_CHARS
        and URL_PATTERN.search(shown) is None
    )


class SafeDocument(QTextDocument):
    """A text document that never loads anything: no files, no network, only text."""

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        return None


def human_size(size: int | None) -> str:
    if size is None:
        return ""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return ""


@dataclass
class MessageLayout:
    """Where each part of one message goes, relative to the item's top-left corner."""

    height: int = 0
    day: QRect | None = None
    unread: QRect | None = None
    header: QRect | None = None
    face: QRect | None = None  # the sender's picture, beside the first message of a group
    meta: QRect | None = None  # time/state of a message that continues a group
    reply: QRect | None = None
    body: QRect = field(default_factory=QRect)
    document: QTextDocument | None = None
    attachments: list[tuple[int, QRect, str, QPixmap | None]] = field(default_factory=list)
    reactions: list[tuple[str, QRect, str]] = field(default_factory=list)
    thread: QRect | None = None  # the thread summary (opens the thread)
    preview: QRect | None = None  # the card of a link preview (opens the link)
    failure: QRect | None = None
    # What paint() writes, worked out once per layout (see plan_texts):
    day_rule: Rule | None = None
    unread_rule: Rule | None = None
    name: tuple[QRect, str] | None = None  # the sender, elided
    meta_text: tuple[QRect, Qt.AlignmentFlag, str] | None = None  # time, delivery, …
    reply_text: tuple[QRect, QRect, str, QFont] | None = None  # bar, text, elided, italic font
    frame: QRect | None = None  # around a highlighted message
    body_at: QPoint = field(default_factory=QPoint)  # the body's top left corner
    body_clip: QRectF | None = None  # the body's area from there (None: no body drawn)
    links: int | None = None  # the colour (rgba) the body's links have now (None: no links)


Rule = tuple[QLine, QLine, QRect, str]
"""A day's or "new messages" rule: the line left and right of its words, and the words."""


def rule(rect: QRect, text: str, metrics: QFontMetrics) -> Rule:
    text_w = metrics.horizontalAdvance(text) + 16
    mid = rect.center().y()
    left_end = rect.left() + (rect.width() - text_w) // 2
    return (
        QLine(rect.left(), mid, left_end, mid),
        QLine(left_end + text_w, mid, rect.right(), mid),
        QRect(left_end, rect.top(), text_w, rect.height()),
        text,
    )


def plan_texts(
    layout: MessageLayout,
    view: RowView,
    fonts: tuple[QFont, QFont, QFontMetrics, QFontMetrics],
    width: int,
    rtl: bool,
) -> None:
    """Where the header, time, reply and rules are written and in which words, worked out once
    per layout rather than on every paint: every Qt call from Python costs microseconds in
    PySide6 (a ``QRect.adjusted`` 2-7 µs), and a repaint of the rows in sight made hundreds."""
    font, _bold, _metrics, bold_metrics = fonts
    if layout.day is not None:
        layout.day_rule = rule(layout.day, view.day, bold_metrics)
    if layout.unread is not None:
        words = QCoreApplication.translate("MessageDelegate", "New messages")
        layout.unread_rule = rule(layout.unread, words, bold_metrics)
    meta_text = meta_line(view)
    if layout.header is not None:
        sender = view.sender
        sender_w = min(bold_metrics.horizontalAdvance(sender) + 4, layout.header.width() // 2)
        name_rect, rest = leading(layout.header, sender_w, rtl)
        elided = bold_metrics.elidedText(sender, Qt.TextElideMode.ElideRight, sender_w)
        layout.name = (name_rect, isolate(elided))
        layout.meta_text = (
            rest.adjusted(0 if rtl else PAD, 0, -PAD if rtl else 0, 0),
            LEFT_MIDDLE,
            meta_text,
        )
    elif layout.meta is not None:
        layout.meta_text = (layout.meta, RIGHT_MIDDLE, meta_text)
    if layout.reply is not None:
        bar, rest = leading(layout.reply, 3, rtl)
        italic = QFont(font)
        italic.setItalic(True)
        reply = QFontMetrics(italic).elidedText(
            "↪ " + view.reply, Qt.TextElideMode.ElideRight, layout.reply.width() - 8
        )
        layout.reply_text = (
            bar,
            rest.adjusted(0 if rtl else 5, 0, -5 if rtl else 0, 0),
            reply,
            italic,
        )
    body = layout.body
    if body.height():
        layout.body_at = body.topLeft()
        layout.body_clip = QRectF(0, 0, body.width(), body.height())
    if view.highlight:
        top = (layout.header or layout.body).top() - 2
        layout.frame = QRect(2, top, width - 4, layout.height - top - 2)


def estimated_height(view: RowView, metrics: QFontMetrics, width: int, faces: bool) -> int:
    """About how tall a row will be, without laying its text out (a rich-text document per row
    is what makes a page of history slow): its lines from the width of its text."""
    line = metrics.height()
    inner = max(width - 2 * PAD - (FACE + PAD if faces else 0), 120)
    y = GAP + (line + 10 if view.day else 0) + (line + 6 if view.unread_marker else 0)
    y += (line + GAP if view.group_start else 0) + (line + 6 if view.reply else 0)
    # From the number of characters, not their advance: measuring a line shapes it (17-200 µs
    # a row, a tenth of a page of history), and an estimate is made exact when it comes into
    # sight anyway. Wide characters (CJK, emoji) count twice.
    char = max(1, metrics.averageCharWidth())
    parts = view.shown[:MAX_SHOWN_CHARS].split("\n")[:200]
    lines = sum(max(1, -(-char * text_length(part) // inner)) for part in parts)
    y += lines * line + GAP + len(view.msg.attachments) * (line + 6 + GAP)
    y += (line + 4 + GAP if view.msg.reactions else 0) + (line + 6 + GAP if view.thread else 0)
    if view.preview is not None:
        y += max(PREVIEW_IMAGE + 8, 3 * line + 12) + GAP
    return y + GAP


def text_length(text: str) -> int:
    """``text``'s length in average characters: one that is wide (from U+1100 on: CJK, emoji
    and the like) counts twice."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for c in text if c >= "\u1100")


def leading(rect: QRect, size: int, rtl: bool) -> tuple[QRect, QRect]:
    """The first ``size`` pixels of ``rect`` in reading order (its left, or its right edge in a
    right-to-left window) and the rest."""
    if rtl:
        return (
            QRect(rect.right() - size + 1, rect.top(), size, rect.height()),
            rect.adjusted(0, 0, -size, 0),
        )
    return QRect(rect.left(), rect.top(), size, rect.height()), rect.adjusted(size, 0, 0, 0)


def mirror(layout: MessageLayout, width: int) -> None:
    """Flip a layout made left to right for a right-to-left window: the face on the right, the
    text beside it, the time on the left. The painter draws text right-aligned there by itself
    (it takes the view's direction), and each body paragraph keeps its own direction."""

    def flip(rect: QRect) -> QRect:
        return QRect(width - rect.x() - rect.width(), rect.y(), rect.width(), rect.height())

    for name in ("day", "unread", "header", "face", "meta", "reply", "thread", "preview"):
        rect = getattr(layout, name)
        if rect is not None:
            setattr(layout, name, flip(rect))
    if layout.failure is not None:
        layout.failure = flip(layout.failure)
    layout.body = flip(layout.body)
    layout.attachments = [(i, flip(r), text, pix) for i, r, text, pix in layout.attachments]
    layout.reactions = [(key, flip(r), text) for key, r, text in layout.reactions]


def attachment_text(
    name: str,
    size: int | None,
    state: DownloadState | None,
    image: bool = False,
    media: bool = False,
) -> str:
    """An attachment's line: its kind, name and size, then what a click does or how far its
    download is."""
    size_text = human_size(size)
    kind = (
        QCoreApplication.translate("MessageDelegate", "Image")
        if image
        else QCoreApplication.translate("MessageDelegate", "File")
    )
    base = (name if media else f"{kind}: {name}") + (f" ({size_text})" if size_text else "")
    if state is None:
        return base + " — " + QCoreApplication.translate("MessageDelegate", "Download")
    if state.error:
        return (
            base
            + " — "
            + QCoreApplication.translate("MessageDelegate", "download failed: {error}").format(
                error=state.error
            )
        )
    if state.finished:
        return base + " — " + QCoreApplication.translate("MessageDelegate", "Open")
    if state.total:
        percent = int(state.done * 100 / state.total)
        return (
            base
            + " — "
            + QCoreApplication.translate("MessageDelegate", "downloading {percent}%").format(
                percent=percent
            )
        )
    return base + " — " + QCoreApplication.translate("MessageDelegate", "downloading…")


def meta_line(view: RowView) -> str:
    """The line under a message: time, delivery, "edited", trust."""
    msg = view.msg
    parts = [view.time]
    if view.delivery:
        parts.append(view.delivery)
    if msg.edited:
        parts.append(QCoreApplication.translate("MessageDelegate", "edited"))
    if view.trust:
        parts.append(view.trust)
    return " · ".join(parts)


class MessageDelegate(QStyledItemDelegate):
    """Lays out and paints one message; answers "what is under this point?" for clicks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # (local id, width, expanded, font, direction) → (the row view it was made from, the layout)
        self._layouts: OrderedDict[tuple[Any, ...], tuple[RowView, MessageLayout]] = OrderedDict()
        self._pixmaps: dict[str, QPixmap] = {}
        self.expanded: set[str] = set()
        self.own_id = ""
        self.avatars: AvatarStore | None = None
        # The room an inline player needs over an attachment (ui.media.inline_media), if any.
        self.media_size: Callable[[Attachment, DownloadState | None], QSize | None] | None = None
        # The view's model, set by the view: a row's view in one Python call, without asking
        # the index for its model (a relayout asks every row's size, each a call from C++).
        self.model: MessageListModel | None = None
        self._font: QFont | None = None  # the last font seen, and its key (QFont.key() is slow)
        self._font_key = ""
        self._last_width = 0  # the width rows were last laid out at
        self._fonts: tuple[QFont, QFont, QFontMetrics, QFontMetrics] | None = None
        self._contexts: dict[tuple[int, bool], QAbstractTextDocumentLayout.PaintContext] = {}
        self.lazy: set[str] = set()
        """Rows (local ids) sized by an estimate until they come into sight: a page of history
        goes in above what is shown, and laying out its rich texts at once made paging slow."""
        self.came_into_sight: Callable[[], None] | None = None  # the view then sizes them
        self._estimates: dict[str, tuple[RowView, int, int]] = {}  # id → (view, width, height)
        self._hints: dict[str, tuple[RowView, int, QSize]] = {}
        """Each row's last answer to ``sizeHint`` (id → (view, width, size)): QListView asks
        every loaded row its size after each page of history, and answering from here is one
        dict look-up instead of a layout cache's key, font and direction checks per row."""
        self._leaving: list[tuple[RowView, MessageLayout]] = []  # freed soon (forget_missing)
        self._free_timer = QTimer(self)
        self._free_timer.setSingleShot(True)
        self._free_timer.setInterval(0)  # a timer, not a queued call: after what is posted
        self._free_timer.timeout.connect(self._leaving.clear)

    def clear_cache(self) -> None:
        self._layouts.clear()
        self._estimates.clear()
        self._hints.clear()

    def forget_hints(self, local_ids: Iterable[str]) -> None:
        """These rows are sized anew (an estimated row came into sight, or goes out of it)."""
        hints = self._hints
        for local_id in local_ids:
            hints.pop(local_id, None)

    def forget_missing(self, present: Callable[[str], bool]) -> None:
        """Drop the layouts of messages that left the model.

        Each layout holds a QTextDocument (10-20 KB of C++ heap). During a flood the model keeps
        only the newest rows, but the rows it dropped stayed here up to MAX_LAYOUTS: a 5,000
        message MUC flood kept ~90 MB after it was over (the peers benchmark, issue 16).
        """
        stale = [key for key in self._layouts if not present(key[0])]
        if stale:
            # Freeing a document costs about as much as laying it out (a screenful: ~3 ms), and
            # rows leave in the turn that adds the flood's new ones, with their relayout and
            # paint to come: they are freed on a turn of their own (issue 16).
            self._leaving.extend(self._layouts.pop(key) for key in stale)
            if not self._free_timer.isActive():
                self._free_timer.start()
        self.lazy.difference_update([i for i in self.lazy if not present(i)])
        for local_id in [i for i in self._estimates if i not in self.lazy]:
            del self._estimates[local_id]
        for local_id in [i for i in self._hints if not present(i)]:
            del self._hints[local_id]

    # -- layout ----------------------------------------------------------------------------

    def row_view(self, index: ModelIndex) -> RowView | None:
        """The row's :class:`RowView`, in one call to our model (no per-role round trips)."""
        model = self.model
        if model is None:
            found = index.model()
            if not isinstance(found, MessageListModel):
                return None
            model = found
        return model.row_view(index.row())

    def _font_key_of(self, font: QFont) -> str:
        """``font.key()``, remembered for the last font (the same for every row of a view)."""
        if self._font is None or font != self._font:
            self._font, self._font_key = QFont(font), font.key()
        return self._font_key

    def layout_for(
        self, option: QStyleOptionViewItem, index: ModelIndex, view: RowView | None = None
    ) -> MessageLayout | None:
        view = view or self.row_view(index)
        if view is None:
            return None
        given = option.rect.width()
        if given > 0:
            self._last_width = given
        width = max(given, 240)
        local_id = view.msg.local_id
        font_key = self._font_key_of(option.font)
        key = (local_id, width, local_id in self.expanded, font_key, option.direction)
        cached = self._layouts.get(key)
        # The model hands out a new view whenever anything drawn changed: same object, same
        # drawing (comparing by identity keeps this cheap; a relayout asks for every row).
        if cached is not None and cached[0] is view:
            self._layouts.move_to_end(key)
            return cached[1]
        layout = self._compute(option, view, width)
        self._layouts[key] = (view, layout)
        self._layouts.move_to_end(key)
        if len(self._layouts) > MAX_LAYOUTS:  # least recently used first: no relayout storms
            self._layouts.popitem(last=False)
        return layout

    def _compute(self, option: QStyleOptionViewItem, view: RowView, width: int) -> MessageLayout:
        msg = view.msg
        downloads = dict(view.downloads)
        fonts = self._paint_fonts(option.font)
        font, metrics = fonts[0], fonts[2]
        line = metrics.height()
        full = width - 2 * PAD
        # With faces, every message of a group lines up right of its sender's picture.
        left = PAD + (FACE + PAD if self.avatars is not None else 0)
        inner = width - left - PAD
        layout = MessageLayout()
        y = GAP
        if view.day:
            layout.day = QRect(PAD, y, full, line + 6)
            y += line + 10
        if view.unread_marker:
            layout.unread = QRect(PAD, y, full, line + 4)
            y += line + 6
        meta_text = meta_line(view)
        if view.group_start:
            if self.avatars is not None:
                layout.face = QRect(PAD, y, FACE, FACE)
            layout.header = QRect(left, y, inner, line)
            y += line + GAP
            body_width = inner
        else:
            meta_w = metrics.horizontalAdvance(meta_text) + PAD
            layout.meta = QRect(left + inner - meta_w + PAD, y, meta_w, line)
            body_width = max(inner - meta_w, 120)
        if view.reply:
            layout.reply = QRect(left, y, inner, line + 4)
            y += line + 6
        doc = SafeDocument()
        doc.setDocumentMargin(0)
        if big_emoji(msg):
            big = QFont(font)
            if font.pointSizeF() > 0:
                big.setPointSizeF(font.pointSizeF() * BIG_EMOJI_SCALE)
            else:
                big.setPixelSize(round(font.pixelSize() * BIG_EMOJI_SCALE))
            doc.setDefaultFont(big)
            doc.setPlainText(view.shown)
        elif is_plain(msg, view.shown) and (msg.poll is None or msg.retracted):
            doc.setDefaultFont(font)
            doc.setPlainText(view.shown)  # each line its own block, as plain_blocks makes them
        else:
            doc.setDefaultFont(font)
            if msg.poll is not None and not msg.retracted:
                rich = poll_html(msg.poll)  # its answers are links: a click votes
            else:
                rich = body_html(msg, view.shown, msg.local_id in self.expanded)
            doc.setHtml(rich)
            if "href" in rich:  # links: paint() gives them the colour the row's state asks
                layout.links = parsed_link_rgba()
        doc.setTextWidth(body_width)
        layout.document = doc
        shows_body = (msg.body or msg.retracted or not msg.attachments) and not (
            not msg.retracted and caption_is_name(msg)
        )
        body_h = int(doc.size().height()) if shows_body else 0
        layout.body = QRect(left, y, body_width, body_h)
        y += body_h + (GAP if body_h else 0)
        if layout.face is not None:
            y = max(y, layout.face.bottom() + 1 + GAP)
        for i, attachment in enumerate(msg.attachments):
            state = downloads.get(i)
            pixmap = None
            if state is not None and state.finished and attachment.mime_type.startswith("image/"):
                pixmap = self._thumbnail(state.path)
            slot = self.media_size(attachment, state) if self.media_size is not None else None
            label = attachment_text(
                media_title(attachment),
                attachment.size,
                state,
                image=attachment.mime_type.startswith("image/"),
                media=media_kind(attachment) is not None,
            )
            if slot is not None:  # a player lies over it: nothing drawn here
                rect, label = QRect(left, y, min(inner, slot.width()), slot.height()), ""
            elif pixmap is not None:
                rect = QRect(left, y, pixmap.width(), pixmap.height() + line + 2)
            else:
                rect = QRect(left, y, min(inner, metrics.horizontalAdvance(label) + 16), line + 6)
            layout.attachments.append((i, rect, label, pixmap))
            y += rect.height() + GAP
        if msg.reactions:
            x = left
            for reaction in msg.reactions:
                mine = self.own_id in reaction.senders
                text = f"{reaction.key} {len(reaction.senders)}" + (" ✓" if mine else "")
                w = metrics.horizontalAdvance(text) + 14
                layout.reactions.append((reaction.key, QRect(x, y, w, line + 4), text))
                x += w + 4
            y += line + 4 + GAP
        if view.preview is not None:
            height = max(PREVIEW_IMAGE + 8, 3 * line + 12)
            layout.preview = QRect(PAD, y, min(inner, PREVIEW_WIDTH), height)
            y += height + GAP
        if view.thread:
            layout.thread = QRect(PAD, y, inner, line + 6)
            y += line + 6 + GAP
        if msg.outgoing and msg.delivery is DeliveryState.FAILED:
            layout.failure = QRect(left, y, inner, line + 4)
            y += line + 4 + GAP
        layout.height = y + GAP
        rtl = option.direction == RIGHT_TO_LEFT
        if rtl:
            mirror(layout, width)
        plan_texts(layout, view, fonts, width, rtl)
        return layout

    def _thumbnail(self, path: str) -> QPixmap | None:
        pixmap = self._pixmaps.get(path)
        if pixmap is None:
            loaded = QPixmap(path)
            if loaded.isNull():
                return None
            pixmap = (
                loaded.scaled(
                    THUMB_MAX,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
                if loaded.width() > THUMB_MAX.width() or loaded.height() > THUMB_MAX.height()
                else loaded
            )
            if len(self._pixmaps) > 200:
                self._pixmaps.clear()
            self._pixmaps[path] = pixmap
        return pixmap

    # -- Qt delegate API -------------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        ui_working()  # a relayout: the busy threads give way until it is done (app.priority)
        view = self.row_view(index)
        if view is None:
            return super().sizeHint(option, index)
        width = option.rect.width()
        if width <= 0 and self._last_width > 0:
            # QListView asks the first row's size with no width after each layout, only for
            # the scroll bar's step: answer at the width the rows were just laid out at (a
            # layout at a made-up width was a new rich-text document per relayout in a flood).
            option = QStyleOptionViewItem(option)
            option.rect = QRect(0, 0, self._last_width, 0)
            width = self._last_width
        local_id = view.msg.local_id
        hint = self._hints.get(local_id)
        # The same view object means the same drawing (see layout_for); fonts, direction and
        # "show more" clear the whole cache when they change.
        if hint is not None and hint[0] is view and hint[1] == width:
            return hint[2]
        size = self._size_of(option, index, view, width)
        self._hints[local_id] = (view, width, size)
        return size

    def _size_of(
        self, option: QStyleOptionViewItem, index: ModelIndex, view: RowView, width: int
    ) -> QSize:
        if self.lazy and view.msg.local_id in self.lazy:
            width = max(width, 240)
            known = self._estimates.get(view.msg.local_id)
            if known is None or known[0] is not view or known[1] != width:
                metrics = self._paint_fonts(option.font)[2]
                height = estimated_height(view, metrics, width, self.avatars is not None)
                known = self._estimates[view.msg.local_id] = (view, width, height)
            return QSize(width, known[2])
        layout = self.layout_for(option, index, view)
        if layout is None:
            return super().sizeHint(option, index)
        return QSize(width, layout.height)

    def _paint_fonts(self, font: QFont) -> tuple[QFont, QFont, QFontMetrics, QFontMetrics]:
        """The row font, its bold and their metrics, made once per font (not per row painted)."""
        cached = self._fonts
        if cached is None or font != cached[0]:
            plain = QFont(font)
            bold = QFont(font)
            bold.setBold(True)
            cached = self._fonts = (plain, bold, QFontMetrics(plain), QFontMetrics(bold))
        return cached

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        ui_working()
        view = self.row_view(index)
        layout = self.layout_for(option, index, view) if view is not None else None
        if view is None or layout is None:
            super().paint(painter, option, index)
            return
        msg = view.msg
        if msg.local_id in self.lazy and self.came_into_sight is not None:
            self.came_into_sight()  # painted at its estimated size: the view sizes it now
        # Not initStyleOption(): that would ask the model for a dozen roles (each a round trip
        # through C++) only to draw the selection under the row.
        state = option.state.value
        if state & PANEL_STATES:
            widget = option.widget
            style = widget.style() if widget is not None else QApplication.style()
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget
            )
        selected = state & SELECTED
        palette = option.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_color = palette.color(text_role)
        link_color = text_color if selected else palette.color(QPalette.ColorRole.Link)
        painter.save()
        painter.translate(option.rect.topLeft())
        font, bold, metrics, _bold_metrics = self._paint_fonts(option.font)
        painter.setFont(font)
        painter.setPen(text_color)

        if layout.day_rule is not None:
            self._draw_rule(painter, layout.day_rule, bold, text_color)
        if layout.unread_rule is not None:
            self._draw_rule(painter, layout.unread_rule, bold, link_color)
        if layout.frame is not None:
            pen = QPen(palette.color(QPalette.ColorRole.Highlight))
            pen.setWidth(2)
            painter.setPen(pen)
            painter.drawRect(layout.frame)
            painter.setPen(text_color)
        if layout.face is not None and self.avatars is not None:
            conv = msg.conversation_id
            painter.drawPixmap(
                layout.face.topLeft(),
                self.avatars.pixmap(
                    conv.account_id,
                    msg.sender,
                    view.sender,
                    FACE,
                    conversation=conv.native_id,
                    ratio=painter.device().devicePixelRatioF(),
                ),
            )
        if layout.name is not None:
            if self.avatars is not None and not selected:
                painter.setPen(
                    self.avatars.name_color(msg.conversation_id.account_id, msg.sender, palette)
                )
            painter.setFont(bold)
            painter.drawText(layout.name[0], LEFT_MIDDLE, layout.name[1])
            painter.setPen(text_color)
            painter.setFont(font)
        if layout.meta_text is not None:
            painter.drawText(*layout.meta_text)
        if layout.reply_text is not None:
            bar, rest, reply, italic = layout.reply_text
            painter.fillRect(bar, link_color)
            painter.setFont(italic)
            painter.drawText(rest, LEFT_MIDDLE, reply)
            painter.setFont(font)
        if layout.document is not None and layout.body_clip is not None:
            if layout.links is not None:
                tone = link_colour(palette, bool(selected))
                if tone.rgba() != layout.links:
                    recolour_links(layout.document, tone)
                    layout.links = tone.rgba()
            painter.save()
            painter.translate(layout.body_at)
            context = self._paint_context(palette, bool(selected), text_color, link_color)
            context.clip = layout.body_clip
            layout.document.documentLayout().draw(painter, context)
            painter.restore()
        for _i, rect, label, pixmap in layout.attachments:
            if not label:  # an inline player's slot
                continue
            if pixmap is not None:
                painter.drawPixmap(rect.topLeft(), pixmap)
                painter.drawText(
                    QRect(
                        rect.left(),
                        rect.top() + pixmap.height() + 2,
                        rect.width() + 200,
                        metrics.height(),
                    ),
                    Qt.AlignmentFlag.AlignLeft,
                    label,
                )
            else:
                painter.setPen(QPen(text_color))
                painter.drawRoundedRect(rect, 4, 4)
                painter.drawText(
                    rect.adjusted(8, 0, -4, 0),
                    LEFT_MIDDLE,
                    metrics.elidedText(label, Qt.TextElideMode.ElideMiddle, rect.width() - 12),
                )
        for _key, rect, text in layout.reactions:
            painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        if layout.preview is not None and view.preview is not None:
            self._draw_preview(painter, layout.preview, view.preview, option)
        if layout.thread is not None:
            self._draw_thread(painter, layout.thread, view.thread, option)
        if layout.failure is not None:
            reason = core_text(msg.failure_reason) or QCoreApplication.translate(
                "MessageDelegate", "The message could not be sent."
            )
            text = "⚠ " + reason + " — " + QCoreApplication.translate("MessageDelegate", "Retry")
            painter.drawText(
                layout.failure,
                LEFT_MIDDLE,
                metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, layout.failure.width()),
            )
        painter.restore()

    def _paint_context(
        self, palette: QPalette, selected: bool, text: Any, link: Any
    ) -> QAbstractTextDocumentLayout.PaintContext:
        """The context a body is drawn with, made once per palette and selection state."""
        key = (palette.cacheKey(), selected)
        context = self._contexts.get(key)
        if context is None:
            if len(self._contexts) > 8:
                self._contexts.clear()
            context = self._contexts[key] = QAbstractTextDocumentLayout.PaintContext()
            context.palette.setColor(QPalette.ColorRole.Text, text)
            context.palette.setColor(QPalette.ColorRole.Link, link)
        return context

    def _draw_preview(
        self, painter: QPainter, rect: QRect, preview: LinkPreview, option: QStyleOptionViewItem
    ) -> None:
        """A link preview card: the image (a small thumbnail, if any) on the left, the site,
        the title in bold and the start of the description; all of it opens the link."""
        painter.save()
        painter.setPen(option.palette.color(QPalette.ColorRole.Mid))
        painter.drawRoundedRect(rect.adjusted(0, 0, -1, -1), 6, 6)
        x = rect.left() + 8
        pixmap = self._preview_pixmap(preview.image_path) if preview.image_path else None
        if pixmap is not None:
            top = rect.top() + (rect.height() - pixmap.height()) // 2
            painter.drawPixmap(x, top, pixmap)
            x += PREVIEW_IMAGE + 8
        text_rect = QRect(x, rect.top() + 4, rect.right() - x - 6, rect.height() - 8)
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        color = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        painter.setPen(color)
        y = text_rect.top()
        if preview.site_name:
            painter.drawText(
                QRect(text_rect.left(), y, text_rect.width(), line),
                Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(
                    preview.site_name, Qt.TextElideMode.ElideRight, text_rect.width()
                ),
            )
            y += line
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        title = preview.title or preview.url
        painter.drawText(
            QRect(text_rect.left(), y, text_rect.width(), line),
            Qt.AlignmentFlag.AlignLeft,
            QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        y += line
        painter.setFont(option.font)
        if preview.description and y + line <= text_rect.bottom() + 2:
            painter.drawText(
                QRect(text_rect.left(), y, text_rect.width(), line),
                Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(
                    preview.description, Qt.TextElideMode.ElideRight, text_rect.width()
                ),
            )
        painter.restore()

    def _preview_pixmap(self, path: str) -> QPixmap | None:
        """A preview's thumbnail, decoded straight to at most PREVIEW_IMAGE pixels square; an
        image claiming more than MAX_PREVIEW_PIXELS is not decoded at all."""
        key = "preview:" + path
        pixmap = self._pixmaps.get(key)
        if pixmap is not None:
            return pixmap
        reader = QImageReader(path)
        size = reader.size()
        if not size.isValid() or size.width() * size.height() > MAX_PREVIEW_PIXELS:
            return None
        reader.setScaledSize(
            size.scaled(PREVIEW_IMAGE, PREVIEW_IMAGE, Qt.AspectRatioMode.KeepAspectRatio)
        )
        image = reader.read()
        if image.isNull():
            return None
        if len(self._pixmaps) > 200:
            self._pixmaps.clear()
        pixmap = self._pixmaps[key] = QPixmap.fromImage(image)
        return pixmap

    @staticmethod
    def _draw_thread(
        painter: QPainter, rect: QRect, text: str, option: QStyleOptionViewItem
    ) -> None:
        """The thread summary: a bar on the left and the words in the link colour (it opens
        the thread; the words say what it is, the colour is not the only sign)."""
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        link = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Link
        )
        rtl = option.direction == Qt.LayoutDirection.RightToLeft
        bar, _rest = leading(rect.adjusted(0, 2, 0, -2), 3, rtl)
        painter.fillRect(bar, link)
        painter.setPen(link)
        metrics = QFontMetrics(option.font)
        label = "🧵 " + text
        painter.drawText(
            rect.adjusted(0, 0, -10, 0) if rtl else rect.adjusted(10, 0, 0, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(label, Qt.TextElideMode.ElideRight, rect.width() - 10),
        )
        painter.restore()

    @staticmethod
    def _draw_rule(painter: QPainter, parts: Rule, font: QFont, color: Any) -> None:
        left, right, text_rect, text = parts
        painter.save()
        painter.setFont(font)
        painter.setPen(color)
        painter.drawLine(left)
        painter.drawLine(right)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    # -- hit testing -----------------------------------------------------------------------

    def hit(
        self, option: QStyleOptionViewItem, index: ModelIndex, point: QPoint
    ) -> tuple[str, Any]:
        """What a click at ``point`` (item coordinates) means: ("link", url), ("attachment", i),
        ("react", key), ("thread", None), ("retry", None), ("more", None),
        ("spoiler", None) or ("", None)."""
        layout = self.layout_for(option, index)
        if layout is None:
            return "", None
        if layout.document is not None and layout.body.contains(point):
            local = QPointF(point - layout.body.topLeft())
            anchor = layout.document.documentLayout().anchorAt(local)
            if anchor:
                if anchor in (MORE_URL, SPOILER_URL):
                    return ("more" if anchor == MORE_URL else "spoiler"), None
                return "link", anchor
        for i, rect, _label, _pixmap in layout.attachments:
            if rect.contains(point):
                return "attachment", i
        for key, rect, _text in layout.reactions:
            if rect.contains(point):
                return "react", key
        if layout.thread is not None and layout.thread.contains(point):
            return "thread", None
        view = self.row_view(index)
        preview = view.preview if view is not None else None
        if layout.preview is not None and preview is not None and layout.preview.contains(point):
            return "link", preview.url
        if layout.failure is not None and layout.failure.contains(point):
            return "retry", None
        return "", None


class MessageView(QListView):
    """Follows new messages while at the bottom; asks for older ones at the top and newer ones
    at the bottom (after a search opened the conversation further back).

    Signals: ``partActivated(str, object, object)``: a clickable part was used — (kind,
    message, detail) with kind one of link / attachment / react / retry / more.
    ``messageActivated(object)``: Enter on a message (open what it carries).
    ``hoverAction(str, object)``: an action of the hover bar ("react", "reply", "edit", "copy",
    "delete", "more") on a Message.
    """

    partActivated = Signal(str, object, object)
    messageActivated = Signal(object)
    hoverAction = Signal(str, object)
    _trim_in_layout = 0  # rows kept when the newest leave in the page's layout (doItemsLayout)

    def __init__(self, model: MessageListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageView")
        # No description: a screen reader would read it on every visit (the keys are in F1).
        self.setAccessibleName(self.tr("Messages"))
        self.message_delegate = MessageDelegate(self)
        self.message_delegate.model = model
        self.setItemDelegate(self.message_delegate)
        self.setModel(model)
        self._model = model
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there: a scroll bar that appears once the first page fills the view would
        # narrow every row and make the whole page be laid out twice.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setMouseTracking(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._follow = True
        model.follow_live = True
        self._keep_from_bottom: int | None = None
        self._anchor: tuple[str, int] | None = None  # see _first_in_sight
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._scrolled)
        bar.rangeChanged.connect(self._range_changed)
        model.rowsAboutToBeInserted.connect(self._before_insert)
        model.rowsInserted.connect(self._inserted)
        self._above_full_view = False  # rows go in at the top of a view they already fill
        self._bottom_before = -1  # the last row in sight before a page went in above
        self._settling = self._settle_asked = False
        self.message_delegate.came_into_sight = self._ask_settle
        bar.valueChanged.connect(self._settle_sight)
        model.rowsRemoved.connect(self._removed)
        model.modelReset.connect(self._reset)
        model.messagesAppended.connect(self._appended)
        model.targetLoaded.connect(self._show_target)
        self.viewport().installEventFilter(self)
        self.hover_bar = HoverBar(self.viewport())
        self.hover_bar.triggered.connect(self._hover_triggered)
        bar.valueChanged.connect(self.hover_bar.hide_bar)
        model.modelReset.connect(self.hover_bar.hide_bar)
        self.list_focus = ListFocus(self, self._newest_in_sight)
        self._end_pending = False
        model.modelReset.connect(self._select_newest_if_asked)
        model.messagesAppended.connect(self._select_newest_if_asked)

    def set_avatars(self, avatars: AvatarStore) -> None:
        """Senders' faces beside the first message of each group, names in their colours."""
        self.message_delegate.avatars = avatars
        self.message_delegate.clear_cache()
        avatars.updated.connect(self._avatars_updated)
        self.scheduleDelayedItemsLayout()
        self.viewport().update()

    @Slot(str)
    def _avatars_updated(self, _account_id: str) -> None:
        self.viewport().update()

    @property
    def following(self) -> bool:
        return self._follow

    def current_message(self) -> Message | None:
        index = self.list_focus.current()
        return index.data(MessageRole) if index.isValid() else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            msg = self.current_message()
            if msg is not None:
                self.messageActivated.emit(msg)
            event.accept()
            return
        if key == Qt.Key.Key_Home and plain:
            if self._model.rowCount():
                self.setCurrentIndex(self._model.index(0))
            event.accept()
            return
        if key == Qt.Key.Key_End and plain:
            self.go_to_newest()
            event.accept()
            return
        super().keyPressEvent(event)

    def go_to_newest(self) -> None:
        """End: the newest message of the conversation, fetching it if the window holds older
        ones (opened at a search hit, or read far up during a flood)."""
        if self._model.at_latest:
            if self._model.rowCount():
                self.setCurrentIndex(self._model.index(self._model.rowCount() - 1))
            return
        self._end_pending = True
        self._model.jump_to_latest()

    @Slot()
    def _select_newest_if_asked(self) -> None:
        if self._end_pending and self._model.rowCount():
            self._end_pending = False
            QTimer.singleShot(0, self, self._select_newest)

    @Slot()
    def _select_newest(self) -> None:
        count = self._model.rowCount()
        if count:
            self.setCurrentIndex(self._model.index(count - 1))
            self.scrollToBottom()

    def attachment_rect(self, index: QModelIndex, attachment: int) -> QRect | None:
        """Where attachment number ``attachment`` of a row is drawn, in viewport coordinates."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        rect = self.visualRect(index)
        option.rect = rect
        layout = self.message_delegate.layout_for(option, index)
        for i, part, _label, _pixmap in layout.attachments if layout is not None else ():
            if i == attachment:
                return part.translated(rect.topLeft())
        return None

    def part_at(self, point: QPoint) -> tuple[str, Any, Message | None]:
        index = self.indexAt(point)
        if not index.isValid():
            return "", None, None
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        rect = self.visualRect(index)
        option.rect = rect
        kind, detail = self.message_delegate.hit(option, index, point - rect.topLeft())
        return kind, detail, index.data(MessageRole)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport():
            if event.type() == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
                point = event.position().toPoint()
                kind, _detail, _msg = self.part_at(point)
                shape = Qt.CursorShape.PointingHandCursor if kind else Qt.CursorShape.ArrowCursor
                self.viewport().setCursor(shape)
                self._hover(point)
            elif event.type() == QEvent.Type.Leave:
                inside = self.hover_bar.geometry().contains(
                    self.viewport().mapFromGlobal(QCursor.pos())
                )
                if not inside:
                    self.hover_bar.hide_bar()
            elif (
                event.type() == QEvent.Type.MouseButtonRelease
                and isinstance(event, QMouseEvent)
                and event.button() == Qt.MouseButton.LeftButton
            ):
                kind, detail, msg = self.part_at(event.position().toPoint())
                if kind and msg is not None:
                    if kind == "more":
                        self.toggle_expanded(msg)
                    else:
                        self.partActivated.emit(kind, msg, detail)
                    return True
        return super().eventFilter(watched, event)

    def _hover(self, point: QPoint) -> None:
        """The hover bar over the message under the pointer (hidden between messages)."""
        index = self.indexAt(point)
        msg = index.data(MessageRole) if index.isValid() else None
        if not isinstance(msg, Message):
            self.hover_bar.hide_bar()
            return
        if self.hover_bar.isVisible() and self.hover_bar.message is msg:
            return  # (a new version of the message, e.g. with a reaction, is shown again)
        rect = self.visualRect(index)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = rect
        layout = self.message_delegate.layout_for(option, index)
        if layout is not None:  # over the message itself, not its day or "new messages" rule
            rect.setTop(rect.top() + (layout.header or layout.body).top())
        self.hover_bar.show_for(msg, rect)

    @Slot(str, object)
    def _hover_triggered(self, action: str, msg: Message) -> None:
        """The message as it is now (a reaction or an edit may have replaced it since the bar
        appeared)."""
        row = self._model.row_of(msg.local_id)
        if row >= 0:
            self.hoverAction.emit(action, self._model.message(row))

    def toggle_expanded(self, msg: Message) -> None:
        expanded = self.message_delegate.expanded
        expanded.symmetric_difference_update({msg.local_id})
        self.message_delegate.clear_cache()
        self.scheduleDelayedItemsLayout()
        self.viewport().update()

    def _set_follow(self, follow: bool) -> None:
        """Follow the newest messages (or not); the model keeps a short window while we do."""
        self._follow = self._model.follow_live = follow

    @Slot(int)
    def _scrolled(self, value: int) -> None:
        bar = self.verticalScrollBar()
        at_bottom = value >= bar.maximum() - 4
        self._set_follow(at_bottom and self._model.at_latest)
        if value <= bar.minimum() and self._model.rowCount() > 0:
            self._model.load_older()
        if at_bottom and not self._model.at_latest:
            self._model.load_newer()

    @Slot(QModelIndex, int, int)
    def _before_insert(self, parent: QModelIndex, first: int, last: int) -> None:
        self._above_full_view = False
        self._bottom_before = -1
        if first == 0 and self._model.rowCount() > 0:
            bar = self.verticalScrollBar()
            self._keep_from_bottom = bar.maximum() - bar.value()
            self._above_full_view = bar.maximum() > 0
            self._anchor = self._first_in_sight()
            bottom = self.indexAt(QPoint(PAD, self.viewport().rect().bottom()))
            self._bottom_before = bottom.row() if bottom.isValid() else -1

    def _first_in_sight(self) -> tuple[str, int] | None:
        """The first row in sight (its local id) and where its top is: a page of history is
        placed by it. Its distance from the bottom is not enough: a row below that is laid out
        meanwhile (an estimate made exact) would move the reader's place by the estimate's
        error. Not the first row, though: the page above may take its day or its sender away
        (they go on above it): the row after it keeps its place."""
        index = self.indexAt(QPoint(PAD, self.viewport().rect().top()))
        if not index.isValid():
            return None
        if index.row() == 0 and self._model.rowCount() > 1:
            index = self._model.index(1)
        return self._model.message(index.row()).local_id, self.visualRect(index).top()

    @Slot(QModelIndex, int, int)
    def _inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        """Rows out of sight are sized by estimate and laid out when they come into sight (see
        :meth:`_settle_sight`): a page of history above a full view, and the older rows of a
        batch appended at the bottom of a view that follows a flood."""
        model = self._model
        if self._above_full_view and first == 0:
            # The page's last rows are laid out now: the row read keeps its place, but the one
            # above it may lose its day or sender to the page and show a row or two of it, and
            # the margin above those; laying them out once in sight cost a second relayout.
            self._estimate(range(first, last + 1 - 2 * SIGHT_MARGIN))
            if self._bottom_before >= 0:
                # Read far back: the newest rows leave in the layout that places the page,
                # not in one of their own after it (see doItemsLayout).
                bottom = self._bottom_before + last + 1
                self._trim_in_layout = self._history_keep(bottom) if self._may_trim(bottom) else 0
        elif first == 0 and last == model.rowCount() - 1 and self._follow and model.at_latest:
            # The first page, shown at its newest row: only what is in sight is laid out (the
            # rows that fill the view from the newest up, and a margin); the rest are sized by
            # estimate, and laid out when scrolled to.
            self._estimate(range(0, last + 1 - self._rows_filling(last) - SIGHT_MARGIN))
        elif first > 0 and last == model.rowCount() - 1 and self._follow:
            # Appended while following (a flood): rows more than a screenful above the newest
            # are out of sight, whatever their size. They are sized by estimate too.
            self._estimate(range(first, last + 1 - self.rows_near_sight()))
        self._above_full_view = False

    def _rows_filling(self, last: int) -> int:
        """How many rows from ``last`` up fill the view, each laid out now at the view's width
        (the layouts are kept: the view's own layout next finds them). As many of the smallest
        rows as would fill it were about twice as many rich-text layouts as a page shows."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = QRect(0, 0, self.viewport().width(), 0)
        height, filled, rows = self.viewport().height(), 0, 0
        limit = self.rows_to_fill(1)
        while rows < limit and last - rows >= 0 and filled < height:
            layout = self.message_delegate.layout_for(option, self._model.index(last - rows))
            filled += layout.height if layout is not None else 0
            rows += 1
        return rows

    def _estimate(self, rows: range) -> None:
        if not rows:
            return
        ids = [self._model.message(row).local_id for row in rows]
        self.message_delegate.lazy.update(ids)
        self.message_delegate.forget_hints(ids)

    def _ask_settle(self) -> None:
        if not self._settle_asked:
            self._settle_asked = True
            QTimer.singleShot(0, self, self._settle_sight)

    @Slot()
    def _settle_sight(self, _value: int = 0) -> None:
        """Lay out the rows that came into sight with an estimated size, keeping in place what
        the reader looks at (the newest row when following, else the first exact row)."""
        self._settle_asked = False
        lazy = self.message_delegate.lazy
        if not lazy or self._settling:
            return
        if self.state() == QAbstractItemView.State.ExpandingState:
            self._ask_settle()  # scrolled by a layout under way (QListView's): after it
            return
        self._settling = True
        try:
            if self._keep_from_bottom is not None:
                # A page went in above and is not placed yet (that is QListView's next layout):
                # what is in sight now is where the page will be, not what the reader looks at.
                self.executeDelayedItemsLayout()
            for _round in range(4):  # sized rows may bring other estimated ones into sight
                rows = self._rows_in_sight(margin=SIGHT_MARGIN)
                ids = [self._model.message(row).local_id for row in rows]
                if not lazy.intersection(ids):
                    return
                exact = [
                    row for row, local_id in zip(rows, ids, strict=True) if local_id not in lazy
                ]
                anchor = self._model.index(rows[-1] if self._follow or not exact else exact[0])
                before = self.visualRect(anchor).top()
                lazy.difference_update(ids)
                self.message_delegate.forget_hints(ids)
                self.doItemsLayout()
                moved = self.visualRect(anchor).top() - before
                if moved:
                    bar = self.verticalScrollBar()
                    bar.setValue(bar.value() + moved)
        finally:
            self._settling = False

    def _rows_in_sight(self, margin: int) -> list[int]:
        count = self._model.rowCount()
        if count == 0:
            return []
        area = self.viewport().rect()
        top = self.indexAt(QPoint(PAD, area.top()))
        if not top.isValid():
            # Rows went in and QListView has not placed them yet: its old positions know no row
            # here, and "from the first row" settled a whole page of history at once.
            self.executeDelayedItemsLayout()
            top = self.indexAt(QPoint(PAD, area.top()))
        bottom = self.indexAt(QPoint(PAD, area.bottom()))
        first = top.row() if top.isValid() else 0
        last = bottom.row() if bottom.isValid() else count - 1
        return list(range(max(0, first - margin), min(count, last + margin + 1)))

    @Slot(QModelIndex, int, int)
    def _removed(self, parent: QModelIndex, first: int, last: int) -> None:
        self._forget_missing()

    def _forget_missing(self) -> None:
        model = self._model
        self.message_delegate.forget_missing(lambda local_id: model.row_of(local_id) >= 0)

    @Slot(int, int)
    def _range_changed(self, minimum: int, maximum: int) -> None:
        bar = self.verticalScrollBar()
        if self._keep_from_bottom is not None:
            keep, self._keep_from_bottom = self._keep_from_bottom, None  # before: setValue
            anchor, self._anchor = self._anchor, None
            row = self._model.row_of(anchor[0]) if anchor is not None else -1
            if anchor is not None and row >= 0:  # the row read stays where it was
                moved = self.visualRect(self._model.index(row)).top() - anchor[1]
                bar.setValue(bar.value() + moved)  # may lay out rows in sight (re-entering)
                if self._model.rowCount() > HISTORY_ROWS:  # once this layout is over
                    QTimer.singleShot(0, self, self._drop_far_below)
            else:
                bar.setValue(maximum - keep)
        elif self._follow and self._model.at_latest:  # opened further back: stay there
            bar.setValue(maximum)

    @Slot()
    def _drop_far_below(self) -> None:
        """Read far back: the newest rows leave the model (they page in again on scrolling
        down), so that each page costs the same, not more with every page read (QListView asks
        every loaded row its size after each page). Only rows well out of sight leave."""
        bottom = self.indexAt(QPoint(PAD, self.viewport().rect().bottom()))
        if bottom.isValid() and self._may_trim(bottom.row()):
            self._model.trim(self._history_keep(bottom.row()), newest=True)

    @staticmethod
    def _history_keep(bottom: int) -> int:
        """Rows kept read far back, the last row in sight being ``bottom``: HISTORY_ROWS, or
        more in a view so tall that fewer would not leave a page below what is in sight."""
        return max(HISTORY_ROWS, bottom + 1 + PAGE_SIZE)

    def _may_trim(self, bottom: int) -> bool:
        """Whether the newest rows may leave, the last row in sight being ``bottom``: read far
        back (not following), a page or more below what is in sight, and not the current row
        (Qt would move the current row to the last one kept and scroll to it, away from what
        is read)."""
        current, keep = self.currentIndex(), self._history_keep(bottom)
        return (
            not self._follow
            and self._model.rowCount() > keep
            and (not current.isValid() or current.row() < keep)
        )

    @Slot()
    def _appended(self) -> None:
        if self._follow and self._model.at_latest:
            QTimer.singleShot(0, self, self._follow_to_bottom)  # cancelled if the view goes away

    @Slot()
    def _follow_to_bottom(self) -> None:
        if self._follow and self._model.at_latest:
            self.scrollToBottom()

    @Slot(int)
    def _show_target(self, row: int) -> None:
        self._set_follow(False)
        index = self._model.index(row)
        self.setCurrentIndex(index)
        QTimer.singleShot(
            0, self, lambda: self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        )

    @Slot()
    def _reset(self) -> None:
        self._set_follow(True)
        self._keep_from_bottom = self._anchor = None
        self._trim_in_layout = 0
        self.message_delegate.expanded.clear()
        self._forget_missing()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LayoutDirectionChange):
            self.message_delegate.clear_cache()  # the rows' sizes change with them
        super().changeEvent(event)

    def doItemsLayout(self) -> None:
        with ui_busy():  # the busy threads give way meanwhile (app.priority)
            if keep := self._trim_in_layout:
                # A page went in above, far back: the newest rows leave now, so that one
                # relayout of the loaded rows places the page and the trim (their own, on the
                # next turn, asked every row its size again). QListView's layout after the
                # removal is still pending: the one below is it.
                self._trim_in_layout = 0
                if not self._follow and self._model.rowCount() > keep:
                    self._model.trim(keep, newest=True)
            super().doItemsLayout()

    def paintEvent(self, event: QPaintEvent) -> None:
        with ui_busy():
            super().paintEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Only when narrower or wider: taller or shorter (the pane's "loading" line comes and
        # goes with every page of history), no row changes its size, and dropping every row's
        # layout made each page lay out every loaded row anew, twice.
        if event.size().width() != event.oldSize().width():
            self.message_delegate.clear_cache()
        super().resizeEvent(event)
        self._model.flood_rows = self.rows_to_fill(2)

    def rows_near_sight(self) -> int:
        """Rows from the newest up that a view at the newest row shows or lays out around what
        it shows: a screenful of the smallest rows, one more partly shown at the top, and the
        margin. Estimating one of them cost a second relayout of the batch (settling it)."""
        return self._model.flood_rows // 2 + 1 + SIGHT_MARGIN

    def rows_to_fill(self, screens: int) -> int:
        """How many of the smallest rows (one line, no sender) fill the view ``screens`` times:
        kept during a flood, they always fill it, whatever the messages."""
        smallest = QFontMetrics(self.font()).height() + 3 * GAP
        return max(20, screens * self.viewport().height() // max(1, smallest) + 1)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self._current_in_sight()
        super().focusInEvent(event)

    def _newest_in_sight(self) -> QModelIndex:
        count = self._model.rowCount()
        if count == 0:
            return QModelIndex()
        area = self.viewport().rect()
        index = self.indexAt(QPoint(PAD, area.bottom() - 1))
        if not index.isValid():  # the messages do not fill the view
            index = self._model.index(count - 1)
        return index

    def _current_in_sight(self) -> None:
        """Arriving by keyboard, start at the message one was on if it is in sight, else at
        the newest in sight — not at the oldest one loaded (Qt's default, far above the screen).
        It is selected, so the screen reader reads it on arrival."""
        current = self.currentIndex()
        if current.isValid() and self.visualRect(current).intersects(self.viewport().rect()):
            return
        index = self._newest_in_sight()
        if index.isValid():
            selection = self.selectionModel()
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
