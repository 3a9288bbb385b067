"""The message list: one item per message, painted by a light delegate, paged on scroll-up.

Each item's accessible text reads "sender, time: message" (the model provides it), so a screen
reader walks the list message by message. Delivery state is written out in words next to the
time; nothing is conveyed by colour alone, and all colours come from the palette (high contrast
themes keep working).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.models import DeliveryState, Message
from ui.models.message_model import (
    DeliveryTextRole,
    MessageListModel,
    MessageRole,
    SenderRole,
    TimeTextRole,
)

ModelIndex = QModelIndex | QPersistentModelIndex
PAD = 6
GAP = 2
MAX_SHOWN_CHARS = 4000  # longer bodies are shown cut, with a note (the whole text is stored)


def shown_body(text: str) -> str:
    if len(text) <= MAX_SHOWN_CHARS:
        return text
    return (
        text[:MAX_SHOWN_CHARS]
        + "…\n"
        + QApplication.translate(
            "MessageDelegate", "[message truncated; {n} more characters]"
        ).format(n=len(text) - MAX_SHOWN_CHARS)
    )


class MessageDelegate(QStyledItemDelegate):
    """Paints a header (sender, time, delivery state) above the wrapped body."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sizes: dict[tuple[str, int, int, bool], QSize] = {}

    def clear_cache(self) -> None:
        self._sizes.clear()

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        body = QFont(option.font)
        bold = QFont(option.font)
        bold.setBold(True)
        return body, bold

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        msg: Message | None = index.data(MessageRole)
        if msg is None:
            return super().sizeHint(option, index)
        width = max(option.rect.width(), 200)
        text = shown_body(index.data(Qt.ItemDataRole.DisplayRole) or "")
        key = (msg.local_id, width, hash(text), msg.edited)
        cached = self._sizes.get(key)
        if cached is not None:
            return cached
        body_font, bold_font = self._fonts(option)
        header_h = QFontMetrics(bold_font).height()
        body_rect = QFontMetrics(body_font).boundingRect(
            QRect(0, 0, width - 2 * PAD, 1_000_000), Qt.TextFlag.TextWordWrap, text
        )
        size = QSize(width, PAD + header_h + GAP + body_rect.height() + PAD)
        if len(self._sizes) > 5000:
            self._sizes.clear()
        self._sizes[key] = size
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        msg: Message | None = index.data(MessageRole)
        if msg is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(role))
        body_font, bold_font = self._fonts(opt)
        rect = opt.rect.adjusted(PAD, PAD, -PAD, -PAD)
        header_h = QFontMetrics(bold_font).height()

        sender = index.data(SenderRole) or ""
        painter.setFont(bold_font)
        sender_w = min(QFontMetrics(bold_font).horizontalAdvance(sender), rect.width() // 2)
        painter.drawText(
            QRect(rect.left(), rect.top(), sender_w, header_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(bold_font).elidedText(sender, Qt.TextElideMode.ElideRight, sender_w),
        )
        details = [index.data(TimeTextRole) or ""]
        state = index.data(DeliveryTextRole)
        if state:
            details.append(state)
        if msg.edited:
            details.append(QApplication.translate("MessageDelegate", "edited"))
        painter.setFont(body_font)
        if msg.delivery is DeliveryState.FAILED:
            details[-1] = "⚠ " + details[-1]
        painter.drawText(
            QRect(rect.left() + sender_w + 2 * PAD, rect.top(), rect.width(), header_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            " · ".join(details),
        )
        body = shown_body(index.data(Qt.ItemDataRole.DisplayRole) or "")
        painter.drawText(
            QRect(rect.left(), rect.top() + header_h + GAP, rect.width(), rect.height()),
            Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            body,
        )
        painter.restore()


class MessageView(QListView):
    """Follows new messages while at the bottom; asks for older ones at the top."""

    def __init__(self, model: MessageListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageView")
        self.setAccessibleName(self.tr("Messages"))
        self.setAccessibleDescription(
            self.tr("Messages of the open conversation, oldest first. Scroll up for older ones.")
        )
        self._delegate = MessageDelegate(self)
        self.setItemDelegate(self._delegate)
        self.setModel(model)
        self._model = model
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._follow = True
        self._keep_from_bottom: int | None = None
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._scrolled)
        bar.rangeChanged.connect(self._range_changed)
        model.rowsAboutToBeInserted.connect(self._before_insert)
        model.modelReset.connect(self._reset)
        model.messagesAppended.connect(self._appended)

    @Slot(int)
    def _scrolled(self, value: int) -> None:
        bar = self.verticalScrollBar()
        self._follow = value >= bar.maximum() - 4
        if value <= bar.minimum() and self._model.rowCount() > 0:
            self._model.load_older()

    @Slot(QModelIndex, int, int)
    def _before_insert(self, parent: QModelIndex, first: int, last: int) -> None:
        if first == 0 and self._model.rowCount() > 0:
            bar = self.verticalScrollBar()
            self._keep_from_bottom = bar.maximum() - bar.value()

    @Slot(int, int)
    def _range_changed(self, minimum: int, maximum: int) -> None:
        bar = self.verticalScrollBar()
        if self._keep_from_bottom is not None:
            bar.setValue(maximum - self._keep_from_bottom)
            self._keep_from_bottom = None
        elif self._follow:
            bar.setValue(maximum)

    @Slot()
    def _appended(self) -> None:
        if self._follow:
            QTimer.singleShot(0, self, self.scrollToBottom)  # cancelled if the view goes away

    @Slot()
    def _reset(self) -> None:
        self._follow = True
        self._keep_from_bottom = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._delegate.clear_cache()
        super().resizeEvent(event)
