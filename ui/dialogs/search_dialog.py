"""Search: across every account (Ctrl+Shift+F) or within one conversation (Ctrl+F).

Each result says which account and conversation it belongs to, who wrote it and when, with the
words found in bold; Enter opens the conversation at that message, in context. Down or Enter in
the search field moves to the results (once they are in); the count is spoken. Searching runs in
the core's reader threads, so typing never waits for it; a search that a newer one replaces is
cancelled, and its answer, if it still comes, is ignored.
"""

from __future__ import annotations

import concurrent.futures
import functools
import html
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.models import ConversationId, Message
from app.runtime import Result
from ui.a11y.verbosity import spoken_time
from ui.a11y.widgets import ListFocus, announce_on_tab, name, name_clear_button
from ui.bridge import CoreBridge
from ui.core_text import core_text
from ui.models.sidebar_model import SidebarModel
from ui.spoilers import guarded_body

ModelIndex = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    def __init__(self, sidebar: SidebarModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._sidebar = sidebar
        self.results: list[Message] = []

    def set_results(self, results: list[Message]) -> None:
        self.beginResetModel()
        self.results = results
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.results)

    def label(self, msg: Message) -> str:
        conv = self._sidebar.conversation(msg.conversation_id)
        where = conv.name if conv else msg.conversation_id.native_id
        account = self._sidebar.account_name(msg.conversation_id.account_id)
        when = msg.timestamp.astimezone().strftime("%Y-%m-%d %H:%M")
        body = " ".join(guarded_body(msg).split())
        if len(body) > 120:
            body = body[:119] + "…"
        return f"{account} · {where} — {msg.sender_name or msg.sender}, {when}: {body}"

    def spoken(self, msg: Message) -> str:
        """The result as a screen reader says it: commas, and the time as it is said."""
        conv = self._sidebar.conversation(msg.conversation_id)
        where = conv.name if conv else msg.conversation_id.native_id
        account = self._sidebar.account_name(msg.conversation_id.account_id)
        local = msg.timestamp.astimezone()
        day = QLocale().toString(
            QDate(local.year, local.month, local.day), QLocale.FormatType.LongFormat
        )
        return self.tr("{sender} in {where}, {account}, {when}. {body}").format(
            sender=msg.sender_name or msg.sender,
            where=where,
            account=account,
            when=spoken_time(msg.timestamp, day),
            body=" ".join(guarded_body(msg).split())[:300],
        )

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.results):
            return None
        msg = self.results[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.label(msg)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.spoken(msg)
        if role == Qt.ItemDataRole.UserRole:
            return msg
        return None


def highlighted(text: str, words: list[str]) -> str:
    """``text`` as rich text with every occurrence of ``words`` in bold."""
    if not words:
        return html.escape(text)
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(html.escape(text[last : match.start()]))
        out.append(f"<b>{html.escape(match.group(0))}</b>")
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


class MatchDelegate(QStyledItemDelegate):
    """Draws a result with the words searched for in bold (not by colour alone)."""

    def __init__(self, words: Callable[[], list[str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words = words

    def _document(self, option: QStyleOptionViewItem, text: str) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(2)
        doc.setHtml(highlighted(text, self._words()))
        width = option.rect.width()
        view = option.widget
        if isinstance(view, QListView):  # a size hint's rect is not the row's yet
            width = view.viewport().width()
        doc.setTextWidth(max(width, 200))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        doc = self._document(opt, text)  # kept alive while its layout draws
        painter.save()
        painter.translate(opt.rect.topLeft())
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, opt.text)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))


class SearchDialog(QDialog):
    def __init__(
        self,
        bridge: CoreBridge,
        sidebar: SidebarModel,
        parent: QWidget | None = None,
        conversation: ConversationId | None = None,
        say: Callable[..., None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("searchDialog")
        self._bridge = bridge
        self._say = say
        self._to_results = False  # Enter came before the results: go there once they are in
        self.conversation = conversation
        self.chosen: Message | None = None
        if conversation is None:
            title = self.tr("Search all accounts")
        else:
            conv = sidebar.conversation(conversation)
            title = self.tr("Search in {name}").format(
                name=conv.name if conv else conversation.native_id
            )
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setAccessibleName(self.tr("Search for"))
        self.query.setPlaceholderText(self.tr("Words to find…"))
        self.query.setClearButtonEnabled(True)
        name_clear_button(self.query, self.tr("Clear the search"))
        self.query.textChanged.connect(self._schedule)
        self.query.returnPressed.connect(self._return_pressed)
        self.query.installEventFilter(self)
        announce_on_tab(self.query)
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.status.setAccessibleName(self.tr("Search status"))
        self.model = SearchResultsModel(sidebar, self)
        self.results = QListView()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Results"))
        self.results.setModel(self.model)
        self.results.setWordWrap(True)
        self.results.setItemDelegate(MatchDelegate(self._words, self.results))
        self.results.activated.connect(self._open)
        self.list_focus = ListFocus(self.results, lambda: self.model.index(0))
        name(self.results, self.tr("Results"))
        label = QLabel(self.tr("&Find:"))
        label.setBuddy(self.query)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.query)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.search)
        self._generation = 0
        self._pending: concurrent.futures.Future[list[Message]] | None = None
        self.finished.connect(self._cancel_pending)
        self.resize(640, 480)

    @Slot()
    def _schedule(self) -> None:
        self._timer.start()

    @Slot()
    def search(self) -> None:
        # A space after the last word is kept: the word is finished, and matched whole.
        text = self.query.text().lstrip()
        self._generation += 1
        generation = self._generation
        self._cancel_pending()  # a search still running is not wanted any more
        if not text.strip():
            self._to_results = False
            self.model.set_results([])
            self.status.setText("")
            return
        self.status.setText(self.tr("Searching…"))
        self._pending = self._bridge.call(
            self._bridge.core.archive.search(text, 100, self.conversation),
            functools.partial(self._found, generation=generation),
        )

    @Slot()
    def _cancel_pending(self) -> None:
        """Stop the search in flight, if any (its answer, "cancelled", is then ignored)."""
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None

    def _found(self, done: Result[list[Message]], generation: int) -> None:
        if generation != self._generation:
            return  # a newer search was asked for since: this answer is stale
        self._pending = None
        results = list(done.value) if done.ok else []
        self.model.set_results(results)
        if not done.ok:
            text = core_text(done.error) or self.tr("The search failed.")
        else:
            text = self.tr("%n result(s)", "", len(results))
        self.status.setText(text)
        self.status.setAccessibleDescription(text)
        if results:
            self.list_focus.select(self.model.index(0))
        if self._to_results and results:
            self._to_results = False
            self.results.setFocus(Qt.FocusReason.TabFocusReason)  # the first result is read
        elif self._say is not None:
            self._say(text, key="search")

    def _words(self) -> list[str]:
        return [w.strip('"*') for w in self.query.text().split() if w.strip('"*')]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.query
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            self._return_pressed()
            return True
        return super().eventFilter(watched, event)

    @Slot()
    def _return_pressed(self) -> None:
        """Enter (or Down): to the results; a search still to run runs now, and the focus
        follows when its results come."""
        if self._timer.isActive() or not self.model.results:
            self._timer.stop()
            self._to_results = True
            self.search()
            return
        self.results.setFocus(Qt.FocusReason.TabFocusReason)

    def _open(self, index: QModelIndex) -> None:
        msg = index.data(Qt.ItemDataRole.UserRole)
        if isinstance(msg, Message):
            self.chosen = msg
            self.accept()
