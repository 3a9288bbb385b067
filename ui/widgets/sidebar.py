"""The sidebar: a filter box over accounts (with their service, server and state in words) and
their conversations (with faces and unread badges), plus keyboard moves to the previous/next
(unread) conversation.

The open conversation is the selected item, also while the focus is elsewhere, so entering the
list speaks it; the order holds still while the pointer or the focus is in the list, and when it
re-sorts otherwise the open conversation stays in view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.models import ConversationId
from app.priority import ui_busy
from ui.a11y.widgets import ListFocus, announce_on_tab, name, name_clear_button
from ui.avatars import AvatarStore, untinted_icon
from ui.bidi import isolate_where_needed
from ui.models.sidebar_model import (
    DraftRole,
    IdRole,
    KindRole,
    MentionRole,
    ProtocolRole,
    ServerRole,
    SidebarModel,
    StateTextRole,
    UnreadRole,
)
from ui.service_identity import service_icon

ModelIndex = QModelIndex | QPersistentModelIndex
AVATAR = 24
SERVICE_ICON = 18


def badge_size(size: int) -> int:
    return max(8, size * 5 // 12)


def with_badge(face: QPixmap, badge: QPixmap, size: int) -> QPixmap:
    """``face`` with the service's ``badge`` in its lower right corner."""
    ratio = face.devicePixelRatio()
    out = QPixmap(face)
    side = badge.width() / ratio
    painter = QPainter(out)
    painter.drawPixmap(round(size - side), round(size - side), badge)
    painter.end()
    return out


class SidebarDelegate(QStyledItemDelegate):
    """Draws each row with its picture (an account: its service's badge; a conversation: its
    face with the service's badge), then the account state or the unread count on the right,
    and before that count "Draft" in italics where unsent text waits (in words, not a colour).
    The open conversation looks selected even while the list has no selection (see
    ListFocus)."""

    def __init__(self, chosen: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chosen = chosen
        self.avatars: AvatarStore | None = None
        self._faces: dict[tuple[int, int], QPixmap] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        """Tall enough for the bold badge text and the face, with a margin."""
        size = super().sizeHint(option, index)
        bold = QFont(option.font)
        bold.setBold(True)
        return QSize(size.width(), max(size.height(), QFontMetrics(bold).height() + 6, AVATAR + 6))

    def initStyleOption(self, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        super().initStyleOption(option, index)
        kind = index.data(KindRole)
        protocol = str(index.data(ProtocolRole) or "")
        ratio = option.widget.devicePixelRatioF() if option.widget is not None else 1.0
        rtl = option.direction == Qt.LayoutDirection.RightToLeft
        if kind == "account":
            server = str(index.data(ServerRole) or "")
            name = isolate_where_needed(option.text, rtl)
            if server and server.casefold() not in option.text.casefold():
                name = f"{name} · {isolate_where_needed(server, rtl)}"
            option.text = name
            option.icon = untinted_icon(service_icon(protocol, SERVICE_ICON, ratio))
            option.decorationSize = QSize(SERVICE_ICON, SERVICE_ICON)
        elif kind == "conversation" and self.avatars is not None:
            conv = index.data(IdRole)
            if not isinstance(conv, ConversationId):
                return
            face = self.avatars.pixmap(
                conv.account_id, conv.native_id, option.text, AVATAR, ratio=ratio
            )
            badge = service_icon(protocol, badge_size(AVATAR), ratio)
            key = (face.cacheKey(), badge.cacheKey())
            shown = self._faces.get(key)
            if shown is None:
                if len(self._faces) > 500:
                    self._faces.clear()
                shown = self._faces[key] = with_badge(face, badge, AVATAR)
            option.icon = untinted_icon(shown)
            option.decorationSize = QSize(AVATAR, AVATAR)
            option.text = isolate_where_needed(option.text, rtl)
        else:
            return
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        kind = index.data(KindRole)
        unread = 0
        if kind == "account":
            label = index.data(StateTextRole) or ""
        else:
            unread = index.data(UnreadRole) or 0
            mentions = index.data(MentionRole) or 0
            # "@" marks a mention in text, so the badge does not rely on its colour.
            label = ("@ " if mentions else "") + (str(unread) if unread else "")
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        if kind == "conversation" and index.data(IdRole) == self._chosen():
            opt.state |= QStyle.StateFlag.State_Selected
        font = QFont(opt.font)
        if kind == "account" or (kind == "conversation" and unread):
            font.setBold(True)
        opt.font = font
        label_w = QFontMetrics(opt.font).horizontalAdvance(label) + 18 if label else 0
        draft = self.tr("Draft") if kind == "conversation" and index.data(DraftRole) else ""
        draft_font, draft_w = option.font, 0
        if draft:  # (rare: a font made and measured only then, not for every row of a flood)
            draft_font = QFont(option.font)
            draft_font.setItalic(True)
            draft_w = QFontMetrics(draft_font).horizontalAdvance(draft) + 8
        opt.rect = opt.rect.adjusted(0, 0, -label_w - draft_w, 0)
        # What QStyledItemDelegate.paint does, without its second initStyleOption (a dozen
        # roles asked again through Python, for the row of a flooded room on every batch).
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if draft:
            painter.save()  # (beside the selection's highlight, like the badge: never on it)
            painter.setPen(option.palette.color(QPalette.ColorRole.Text))
            painter.setFont(draft_font)
            area = QRect(opt.rect.right() + 1, option.rect.top(), draft_w, option.rect.height())
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, draft)
            painter.restore()
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


class ConversationFilter(QSortFilterProxyModel):
    """Keeps every account row; hides conversations whose name does not contain the filter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._allowed: frozenset[ConversationId] | None = None  # a space's conversations

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.casefold().strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_allowed(self, allowed: frozenset[ConversationId] | None) -> None:
        """Show only these conversations (a space's), or all (None)."""
        if allowed == self._allowed:
            return
        self.beginFilterChange()
        self._allowed = allowed
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        if not source_parent.isValid() or (self._allowed is None and not self._text):
            return True  # no filter: every row, without asking the model (1,000 rows at start)
        index = self.sourceModel().index(source_row, 0, source_parent)
        if self._allowed is not None and index.data(IdRole) not in self._allowed:
            return False
        return not self._text or self._text in str(index.data() or "").casefold()


class FilterBox(QLineEdit):
    """The filter line. Escape clears it (or, when empty, goes to the list); Down and Enter go
    to the list.

    Signals: ``listRequested()``: move on to the (filtered) list.
    """

    listRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        if key in (Qt.Key.Key_Escape, Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.listRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class SidebarTree(QTreeView):
    """The tree of accounts and conversations: Enter opens, and its paint counts as the GUI
    thread's busy work (a flooded room's row is repainted on every batch: app.priority)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        with ui_busy():
            super().paintEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            parent = self.parent()
            if isinstance(parent, Sidebar):
                parent.enterPressed.emit()
                event.accept()
                return
        super().keyPressEvent(event)


class Sidebar(QWidget):
    """Signals:

    ``conversationActivated(object)``: a :class:`ConversationId` was chosen.
    ``accountActivated(str)``: an account row was chosen.
    ``enterPressed()``: Enter on the list (go read the chosen conversation).
    """

    conversationActivated = Signal(object)
    accountActivated = Signal(str)
    enterPressed = Signal()

    def __init__(self, model: SidebarModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebarArea")
        self.source = model
        self.proxy = ConversationFilter(self)
        self.proxy.setSourceModel(model)
        self._chosen: ConversationId | None = None  # the conversation last chosen here
        self._filtering = False
        self.filter = FilterBox()
        self.filter.setObjectName("sidebarFilter")
        self.filter.setAccessibleName(self.tr("Filter conversations"))
        # Short: a screen reader reads it at every visit.
        self.filter.setAccessibleDescription(self.tr("Down goes to the list"))
        self.filter.setPlaceholderText(self.tr("Filter conversations…"))
        self.filter.setClearButtonEnabled(True)
        name_clear_button(self.filter, self.tr("Clear the filter"))
        announce_on_tab(self.filter)
        self.filter.textChanged.connect(self._filter_changed)
        self.filter.listRequested.connect(self._to_list)
        self.tree = SidebarTree(self)
        self.tree.setObjectName("sidebar")
        name(self.tree, self.tr("Accounts and conversations"))
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.delegate = SidebarDelegate(lambda: self._chosen, self.tree)
        self.tree.setItemDelegate(self.delegate)
        self.tree.setIconSize(QSize(AVATAR, AVATAR))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)
        self.proxy.rowsInserted.connect(self._expand_new_accounts)
        self.proxy.layoutChanged.connect(self.tree.expandAll)
        self._chosen_was_shown = False
        self.proxy.layoutAboutToBeChanged.connect(self._before_resort)
        self.proxy.layoutChanged.connect(self._after_resort)
        self.proxy.rowsAboutToBeInserted.connect(self._before_resort)
        self.proxy.rowsInserted.connect(self._after_resort)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.list_focus = ListFocus(self.tree, self._first_shown, tree=True)
        self.tree.installEventFilter(self)
        self.tree.viewport().installEventFilter(self)
        label = QLabel(self.tr("Co&nversations"))
        label.setBuddy(self.tree)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(label)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Hold the order while the pointer is over the list or the focus is in it."""
        kind = event.type()
        if watched is self.tree.viewport() and kind in (QEvent.Type.Enter, QEvent.Type.Leave):
            self.source.hold_order("pointer", kind == QEvent.Type.Enter)
        elif watched is self.tree and kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.source.hold_order("focus", kind == QEvent.Type.FocusIn)
        return False

    def _first_shown(self) -> QModelIndex:
        """Where to start in the list with nothing current: the open conversation, else the
        first row (an account: entering the list opens nothing by itself)."""
        if self._chosen is not None:
            index = self.proxy.mapFromSource(self.source.conversation_index(self._chosen))
            if index.isValid():
                return index
        return self.proxy.index(0, 0)

    @Slot(object)
    def show_only(self, allowed: frozenset[ConversationId] | None) -> None:
        """Show only a space's conversations (None: all), keeping the selection as filtering
        by text does."""
        self._refilter(lambda: self.proxy.set_allowed(allowed))

    def set_avatars(self, avatars: AvatarStore) -> None:
        """Draw conversations with their faces from ``avatars`` (repainting as they arrive)."""
        self.delegate.avatars = avatars
        avatars.updated.connect(self._avatars_updated)
        self.tree.viewport().update()

    @Slot(str)
    def _avatars_updated(self, _account_id: str) -> None:
        self.tree.viewport().update()

    def _chosen_index(self) -> QModelIndex:
        if self._chosen is None:
            return QModelIndex()
        return self.proxy.mapFromSource(self.source.conversation_index(self._chosen))

    def _chosen_in_view(self) -> bool:
        index = self._chosen_index()
        return index.isValid() and self.tree.visualRect(index).intersects(
            self.tree.viewport().rect()
        )

    @Slot()
    def _before_resort(self) -> None:
        self._chosen_was_shown = self._chosen_was_shown or self._chosen_in_view()

    @Slot()
    def _after_resort(self) -> None:
        """A conversation moved up (new activity) or one arrived: keep the open one in view if
        it was (never pull the list back when the person had scrolled away from it)."""
        if self._chosen_was_shown:
            self._chosen_was_shown = False
            index = self._chosen_index()
            if index.isValid():
                self.tree.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    @Slot(str)
    def _filter_changed(self, text: str) -> None:
        self._refilter(lambda: self.proxy.set_text(text))

    def _refilter(self, apply: Callable[[], None]) -> None:
        """Filter without opening anything: hiding the open conversation must not move the
        selection on to (and so open) a neighbour."""
        self._filtering = True
        try:
            apply()
            self.tree.expandAll()
            shown = QModelIndex()
            if self._chosen is not None:
                shown = self.proxy.mapFromSource(self.source.conversation_index(self._chosen))
            if shown.isValid():
                self.list_focus.select(shown)
            else:
                self.tree.clearSelection()
                self.list_focus.remembered = QPersistentModelIndex()
        finally:
            self._filtering = False

    @Slot()
    def _to_list(self) -> None:
        """From the filter to the list, on the open conversation or else the first one shown."""
        if self.current_conversation() is None:
            order = self.conversation_order()
            if order:
                self.select_conversation(order[0])
        self.tree.setFocus(Qt.FocusReason.TabFocusReason)
        self.list_focus.enter()  # the tree has announced itself: its item now

    @Slot(QModelIndex, int, int)
    def _expand_new_accounts(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            for row in range(first, last + 1):
                self.tree.expand(self.proxy.index(row, 0))

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid() or self._filtering:
            return
        self._activate(current)

    def _activate(self, index: QModelIndex) -> None:
        if index.data(KindRole) == "conversation":
            self._chosen = index.data(IdRole)
            self.tree.viewport().update()  # the delegate marks the open conversation
            self.conversationActivated.emit(index.data(IdRole))
        else:
            self.accountActivated.emit(index.data(IdRole))

    def select_conversation(self, conv_id: ConversationId) -> bool:
        """Open ``conv_id``: it becomes the selected item (the current one if the list has
        the focus)."""
        source = self.source.conversation_index(conv_id)
        if not source.isValid():
            return False
        index = self.proxy.mapFromSource(source)
        if not index.isValid():  # filtered out: clear the filter so it can be shown
            self.filter.clear()
            index = self.proxy.mapFromSource(self.source.conversation_index(conv_id))
        if not index.isValid():
            return False
        if self.tree.hasFocus():
            self.tree.setCurrentIndex(index)
        else:
            self.list_focus.select(index)
            self._activate(index)
        self.tree.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def conversation_order(self) -> list[ConversationId]:
        """Conversations as shown, top to bottom (for Alt+Up/Down)."""
        order = []
        for arow in range(self.proxy.rowCount()):
            parent = self.proxy.index(arow, 0)
            for crow in range(self.proxy.rowCount(parent)):
                order.append(self.proxy.index(crow, 0, parent).data(IdRole))
        return order

    def _current(self) -> QModelIndex:
        """The item one is on, whether or not the list has the focus."""
        return self.list_focus.current()

    def current_conversation(self) -> ConversationId | None:
        index = self._current()
        if index.isValid() and index.data(KindRole) == "conversation":
            conv = index.data(IdRole)
            return conv if isinstance(conv, ConversationId) else None
        return None

    def current_account(self) -> str | None:
        index = self._current()
        if not index.isValid():
            return None
        if index.data(KindRole) == "account":
            return str(index.data(IdRole))
        return str(index.parent().data(IdRole))

    def step(self, delta: int, unread_only: bool = False) -> ConversationId | None:
        """Move to the previous/next conversation (optionally the next with unread messages)."""
        order = self.conversation_order()
        if not order:
            return None
        current = self.current_conversation()
        start = order.index(current) if current in order else (-1 if delta > 0 else len(order))
        for offset in range(1, len(order) + 1):
            i = start + delta * offset
            if not unread_only and not 0 <= i < len(order):
                return None
            candidate = order[i % len(order)]
            if not unread_only:
                self.select_conversation(candidate)
                return candidate
            conv = self.source.conversation(candidate)
            if conv is not None and conv.unread_count and candidate != current:
                self.select_conversation(candidate)
                return candidate
        return None
