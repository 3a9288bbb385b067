"""The sidebar view: accounts with their state in words, conversations with unread badges."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt, Signal, Slot
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from app.models import ConversationId
from ui.models.sidebar_model import (
    IdRole,
    KindRole,
    MentionRole,
    SidebarModel,
    StateTextRole,
    UnreadRole,
)

ModelIndex = QModelIndex | QPersistentModelIndex


class SidebarDelegate(QStyledItemDelegate):
    """Draws the default item, then the account state or the unread count on the right."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        kind = index.data(KindRole)
        if kind == "account":
            label = index.data(StateTextRole) or ""
        else:
            unread = index.data(UnreadRole) or 0
            mentions = index.data(MentionRole) or 0
            # "@" marks a mention in text, so the badge does not rely on its colour.
            label = ("@ " if mentions else "") + (str(unread) if unread else "")
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        font = QFont(opt.font)
        if kind == "account" or (kind == "conversation" and index.data(UnreadRole)):
            font.setBold(True)
        opt.font = font
        label_w = QFontMetrics(opt.font).horizontalAdvance(label) + 18 if label else 0
        opt.rect = opt.rect.adjusted(0, 0, -label_w, 0)
        super().paint(painter, opt, index)
        if not label:
            return
        painter.save()
        badge = QRect(
            option.rect.right() - label_w,
            option.rect.top() + 2,
            label_w - 4,
            option.rect.height() - 4,
        )
        if kind == "conversation":
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(option.palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
            painter.setPen(option.palette.color(QPalette.ColorRole.HighlightedText))
        else:
            painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        painter.setFont(opt.font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()


class Sidebar(QTreeView):
    """Signals:

    ``conversationActivated(object)``: a :class:`ConversationId` was chosen.
    ``accountActivated(str)``: an account row was chosen.
    """

    conversationActivated = Signal(object)
    accountActivated = Signal(str)

    def __init__(self, model: SidebarModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName(self.tr("Accounts and conversations"))
        self.setAccessibleDescription(
            self.tr("Each account with its conversations, most recently active first.")
        )
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setItemDelegate(SidebarDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformRowHeights(True)
        self.setExpandsOnDoubleClick(False)
        model.rowsInserted.connect(self._expand_new_accounts)
        self.selectionModel().currentChanged.connect(self._current_changed)

    @Slot(QModelIndex, int, int)
    def _expand_new_accounts(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            for row in range(first, last + 1):
                self.expand(self.model().index(row, 0))

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid():
            return
        if current.data(KindRole) == "conversation":
            self.conversationActivated.emit(current.data(IdRole))
        else:
            self.accountActivated.emit(current.data(IdRole))

    def select_conversation(self, conv_id: ConversationId) -> None:
        model = self.model()
        assert isinstance(model, SidebarModel)
        index = model.conversation_index(conv_id)
        if index.isValid():
            self.setCurrentIndex(index)
