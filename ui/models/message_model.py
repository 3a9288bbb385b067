"""The open conversation's messages: a window loaded lazily, a page at a time, from the store.

The model never holds a whole conversation. It starts with the newest page (or, when a search hit
is opened, with the messages around it) and grows at either end as the view scrolls: older pages
from the store and then from the service's history, newer pages from the store until the window
reaches the newest message again ("jump to latest" does that at once). Every request goes through
the bridge, so scrolling never waits on SQLite or the network.

While the view follows the newest messages (``follow_live``), the window keeps at most
:data:`LIVE_ROWS` rows: older ones leave at the top and page back in from the store when the user
scrolls up. A flood of thousands of lines thus costs the layout of one screenful per frame, not of
every line ever received (DESIGN §9).

Besides the messages, it tells the delegate what to draw around them: day separators, group
starts and the "new messages" line (worked out by :mod:`ui.models.row_marks`), the quoted text of
a reply, and each attachment's download state.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)

from app import events as ev
from app.backend import Outcome
from app.core import ContextPage
from app.models import (
    ConversationId,
    Cursor,
    DeliveryState,
    LinkPreview,
    Message,
    MessageId,
    Page,
    to_millis,
)
from app.runtime import Result
from ui.a11y import verbosity
from ui.bridge import CoreBridge
from ui.core_text import core_text
from ui.models.link_previews import LinkPreviews
from ui.models.live_pacer import LivePacer
from ui.models.message_texts import (
    DownloadState,
    MessageTexts,
    delivery_text,
    display_body,
    trust_text,
)
from ui.models.row_marks import RowMarks

ModelIndex = QModelIndex | QPersistentModelIndex

MessageRole = Qt.ItemDataRole.UserRole + 1
SenderRole = Qt.ItemDataRole.UserRole + 2
TimeTextRole = Qt.ItemDataRole.UserRole + 3
DeliveryRole = Qt.ItemDataRole.UserRole + 4
DeliveryTextRole = Qt.ItemDataRole.UserRole + 5
LocalIdRole = Qt.ItemDataRole.UserRole + 6
DayTextRole = Qt.ItemDataRole.UserRole + 7  # a day separator above this message, or ""
GroupStartRole = Qt.ItemDataRole.UserRole + 8  # show sender and time (a new group begins)
UnreadMarkerRole = Qt.ItemDataRole.UserRole + 9  # the "new messages" line goes above this one
ReplyTextRole = Qt.ItemDataRole.UserRole + 10  # "Bob: quoted text" of the message answered
DownloadsRole = Qt.ItemDataRole.UserRole + 11  # {attachment index: DownloadState}
HighlightRole = Qt.ItemDataRole.UserRole + 12  # the message a search opened

PAGE_SIZE = 50
LIVE_ROWS = 100  # rows kept while following the newest messages (a few screens)
FLOOD_ROWS = 40  # rows kept while following a flood, until the view says how many fill it
MAX_WINDOW = 2000  # rows beyond which live messages wait for the user to come back down
HISTORY_ROWS = 250  # rows kept while paging far back (the newest leave at the bottom)


@dataclass(frozen=True, slots=True)
class RowView:
    """Everything the delegate draws for one row, fetched in one Python call.

    The delegate could ask ``index.data(role)`` for each piece, but every such call goes through
    C++ and gives up the GIL; with the core and store threads busy (a flood), each one waited for
    it again and laying out a few hundred rows stalled the window."""

    msg: Message
    shown: str  # the body as displayed
    sender: str
    time: str
    delivery: str
    day: str  # a day separator above this row, or ""
    group_start: bool
    unread_marker: bool
    reply: str
    downloads: tuple[tuple[int, DownloadState], ...]
    highlight: bool
    trust: str = ""  # the message's encryption in words (see trust_text)
    thread: str = ""  # under a thread's first message: its replies in words (see thread_text)
    preview: LinkPreview | None = None  # the card of the first web link (when turned on)


_ROLE_FIELDS = {
    Qt.ItemDataRole.DisplayRole: "shown",
    SenderRole: "sender",
    TimeTextRole: "time",
    DeliveryTextRole: "delivery",
    DayTextRole: "day",
    GroupStartRole: "group_start",
    UnreadMarkerRole: "unread_marker",
    HighlightRole: "highlight",
}
"""Roles answered from the row's cached :class:`RowView` (what the delegate draws)."""


def _key(msg: Message) -> tuple[int, int]:
    """``msg.cursor`` as a tuple, without building the Cursor (a flood sorts 5,000 at a time)."""
    return (to_millis(msg.timestamp), msg.seq)


def _in_order(messages: Sequence[Message]) -> bool:
    """Whether ``messages`` are in :func:`_key` order, seen without working out a key: times
    never going back and each seq above the one before (a flood's batch as the store made it),
    compared in C."""
    times = [m.timestamp for m in messages]
    seqs = [m.seq for m in messages]
    return all(map(operator.le, times, times[1:])) and all(map(operator.lt, seqs, seqs[1:]))


def _keyed(messages: Iterable[Message]) -> list[tuple[tuple[int, int], Message]]:
    """``(_key(m), m)`` for each message: what a flood's batch is sorted and cut by, worked out
    in one pass (to_millis inline: the timestamps are aware, as every stored message's is)."""
    return [((int(m.timestamp.timestamp() * 1000), m.seq), m) for m in messages]


class MessageListModel(QAbstractListModel):
    """Signals:

    ``loadingChanged(bool)``: older history is being fetched (show a progress indicator).
    ``conversationChanged()``: another conversation was opened.
    ``messagesAppended()``: new messages arrived at the bottom (the view may follow them).
    ``atLatestChanged(bool)``: whether the newest message is in the window ("jump to latest").
    ``targetLoaded(int)``: the row of a message opened in context, once it is loaded.
    ``arrived(int)``: that many new messages of this conversation reached the model (shown, or
    already past the top of the kept window during a flood).
    """

    loadingChanged = Signal(bool)
    conversationChanged = Signal()
    messagesAppended = Signal()
    atLatestChanged = Signal(bool)
    targetLoaded = Signal(int)
    arrived = Signal(int)

    def __init__(self, bridge: CoreBridge, parent: Any = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._page_size = page_size
        self._conversation: ConversationId | None = None
        self._messages: list[Message] = []
        self._keys: list[tuple[int, int]] = []
        self._rows: dict[str, int] = {}
        self._by_remote: dict[str, Message] = {}
        self._before: Cursor | None = None
        self._after: Cursor | None = None
        self._at_latest = True
        self._store_exhausted = False
        self._server_exhausted = False
        self._loading = False
        self._loading_newer = False
        self._early: list[ev.MessagesAdded] = []  # arrived while the first page was loading
        self._generation = 0
        self._target: str | None = None
        self._downloads: dict[tuple[str, int], DownloadState] = {}
        self._marks = RowMarks(self.day_text, lambda: self._store_exhausted)
        self._marks.attach(self._messages, self._keys)
        self._views: dict[str, RowView] = {}  # local id → what the delegate draws
        self._verbosity = verbosity.Verbosity.default()
        self._encrypted = False  # the open conversation is end-to-end encrypted
        self.follow_live = True
        """Set by the view: the newest messages are in sight, so the window may drop old rows."""
        self.flood_rows = FLOOD_ROWS
        """Set by the view: rows that fill it twice over. Following a flood, the window keeps
        only these (each kept row is asked its size on every relayout)."""
        self._flooding = False  # adding batches the pacer held back
        self._pacer = LivePacer(self._paced, self)
        self.thread_summaries = True
        """Show a thread's summary under its first message (not inside the thread itself)."""
        self._previews = LinkPreviews(bridge, self.refresh_row)
        self._texts = MessageTexts(
            lambda remote_id: self._by_remote.get(remote_id),  # noqa: PLW0108 (_reset replaces it)
            self._downloads.get,
            self._previews.get,
        )
        self.link_previews = False
        """Ask for previews of web links (the person turned them on; see core.previews)."""

    # -- public API ------------------------------------------------------------------------

    @property
    def conversation(self) -> ConversationId | None:
        return self._conversation

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def at_latest(self) -> bool:
        return self._at_latest

    @property
    def at_start(self) -> bool:
        """Nothing older exists, neither stored nor on the server."""
        return self._store_exhausted and self._server_exhausted

    def message(self, row: int) -> Message:
        return self._messages[row]

    def row_of(self, local_id: str) -> int:
        return self._rows.get(local_id, -1)

    def messages(self) -> list[Message]:
        return list(self._messages)

    def set_conversation(self, conv: ConversationId | None) -> None:
        """Open a conversation at its newest messages."""
        if conv == self._conversation and self._at_latest:
            return
        self._reset(conv)
        if conv is not None:
            self._request_page(None)

    def set_read_marker(self, marker: Cursor | None) -> None:
        """Where the user had read up to when the conversation was opened (the "new" line)."""
        self._marks.read_marker = marker
        if self._messages:
            self._changed(0, len(self._messages) - 1)

    def open_at(self, message: MessageId, conv: ConversationId) -> None:
        """Open ``conv`` around ``message`` (a search hit), which is then highlighted."""
        self._reset(conv)
        self._target = message.native_id
        generation = self._generation
        self._set_loading(True)
        self._bridge.call(
            self._bridge.core.conversations.fetch_context(message, self._page_size // 2),
            lambda done: self._context_loaded(done, generation),
        )

    def jump_to_latest(self) -> None:
        conv = self._conversation
        self._reset(conv)
        if conv is not None:
            self._request_page(None)

    def load_older(self) -> None:
        """Fetch the previous page (from the store, else from the server's history)."""
        if self._conversation is None or self._loading or self.at_start:
            return
        if not self._store_exhausted:
            self._request_page(self._before)
            return
        generation = self._generation
        self._set_loading(True)
        self._bridge.call(
            self._bridge.core.conversations.fetch_remote_history(
                self._conversation, self._page_size
            ),
            lambda done: self._remote_history_done(done, generation),
        )

    def load_newer(self) -> None:
        """Fetch the next page towards the newest message (after opening in context)."""
        after = self._after
        if self._conversation is None or after is None or self._at_latest or self._loading_newer:
            return
        generation = self._generation
        self._loading_newer = True
        self._bridge.call(
            self._bridge.core.conversations.fetch_newer(self._conversation, after, self._page_size),
            lambda done: self._newer_loaded(done, generation),
            at_once=True,  # the reader waits for it, as for an older page
        )

    def set_download(self, local_id: str, index: int, state: DownloadState) -> None:
        self._downloads[(local_id, index)] = state
        row = self._rows.get(local_id)
        if row is not None:
            self._changed(row, row)

    def download_state(self, local_id: str, index: int) -> DownloadState | None:
        return self._downloads.get((local_id, index))

    def last_own_message(self) -> Message | None:
        """The newest message we sent that the service confirmed (what Up edits)."""
        for msg in reversed(self._messages):
            if msg.outgoing and msg.remote_id and not msg.retracted:
                return msg
        return None

    def message_by_remote_id(self, remote_id: str) -> Message | None:
        return self._by_remote.get(remote_id)

    def belongs(self, msg: Message) -> bool:
        """Whether a new message of the open conversation is shown here: the main timeline
        leaves replies in threads to their thread (its root shows a summary)."""
        return msg.thread_root is None

    # -- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._messages)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        view = self.row_view(index.row()) if index.isValid() else None
        if view is None:
            return None
        msg = view.msg
        if (name := _ROLE_FIELDS.get(role)) is not None:
            return getattr(view, name)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.accessible_text(msg)
        if role == MessageRole:
            return msg
        if role == DeliveryRole:
            return msg.delivery
        if role == LocalIdRole:
            return msg.local_id
        if role == ReplyTextRole:
            return self._texts.reply_text(msg)
        if role == DownloadsRole:
            return dict(view.downloads)
        if role == Qt.ItemDataRole.ToolTipRole and msg.delivery is DeliveryState.FAILED:
            return core_text(msg.failure_reason)
        return None

    def row_view(self, row: int) -> RowView | None:
        """What the delegate draws for ``row`` (see :class:`RowView`), kept until the row
        changes: a relayout asks for every row, and building one calls into Qt (times, days)."""
        if not 0 <= row < len(self._messages):
            return None
        msg = self._messages[row]
        cached = self._views.get(msg.local_id)
        if cached is not None and cached.msg is msg:
            return cached
        view = self._views[msg.local_id] = RowView(
            msg=msg,
            shown=self.display_body(msg),
            sender=msg.sender_name or msg.sender,
            time=self._texts.time_text(msg),
            delivery=delivery_text(msg),
            day=self._marks.day_text(row),
            group_start=self._marks.starts_group(row),
            unread_marker=self._marks.unread_marker_here(row),
            reply=self._texts.reply_text(msg, isolated=True),
            downloads=tuple(
                (i, state)
                for i in range(len(msg.attachments))
                if (state := self._downloads.get((msg.local_id, i))) is not None
            ),
            highlight=msg.local_id == self._target,
            trust=trust_text(msg, self._encrypted),
            thread=self.thread_text(msg),
            preview=self._previews.get(msg.local_id),
        )
        return view

    # -- what is shown ---------------------------------------------------------------------

    def day_text(self, day: date, today: date | None = None) -> str:
        return self._texts.day_text(day, today)

    def thread_text(self, msg: Message, *, spoken: bool = False) -> str:
        """Under a thread's first message: how many replies, and the latest ("" if none, and
        inside the thread itself); see :meth:`MessageTexts.thread_text`."""
        return self._texts.thread_text(msg, spoken=spoken) if self.thread_summaries else ""

    def accessible_text(self, msg: Message) -> str:
        """What a screen reader says for the message (see :meth:`MessageTexts.accessible_text`)."""
        return self._texts.accessible_text(
            msg,
            self._verbosity,
            encrypted=self._encrypted,
            thread=self.thread_text(msg, spoken=True),
        )

    def set_verbosity(self, chosen: verbosity.Verbosity) -> None:
        """Read other parts of each message (the accessible names of every row change)."""
        if chosen == self._verbosity:
            return
        self._verbosity = chosen
        if self._messages:
            self.dataChanged.emit(
                self.index(0),
                self.index(len(self._messages) - 1),
                [Qt.ItemDataRole.AccessibleTextRole],
            )

    display_body = staticmethod(display_body)

    # -- events ----------------------------------------------------------------------------

    @Slot(list)
    def handle_events(self, events: list[ev.Event]) -> None:
        conv = self._conversation
        if conv is None:
            return
        for event in events:
            if isinstance(event, ev.MessagesAdded) and event.conversation_id == conv:
                kept = tuple(filter(self.belongs, event.messages))
                if len(kept) < len(event.messages):
                    event = ev.MessagesAdded(conv, kept, event.live)  # noqa: PLW2901
                steady = self.follow_live and self._at_latest and bool(self._messages)
                enough = max(10, self.flood_rows // 2)  # about a screenful
                if kept and not self._pacer.offer(event, steady, enough):
                    self._added(event)
            elif isinstance(event, ev.MessagesUpdated) and event.conversation_id == conv:
                self._pacer.flush()  # an edit of a held message finds its row
                self._update(event.messages)
            elif isinstance(event, ev.ConversationsRemoved) and conv in event.conversation_ids:
                self._reset(None)
            elif isinstance(event, ev.ProgressChanged) and event.task.startswith("download:"):
                self._download_progress(event)

    def _paced(self, events: list[ev.MessagesAdded]) -> None:
        """Batches the pacer held back during a flood, now together."""
        self._flooding = True
        try:
            for event in events:
                self._added(event)
        finally:
            self._flooding = False

    def _added(self, event: ev.MessagesAdded) -> None:
        if self._loading and not self._messages:
            # The first page is on its way. Events can reach us before its answer, even ones
            # the core published before the page was read (a frame may cut a core batch in
            # two): keep them until the page is in, then add only what belongs after it.
            self._early.append(event)
            return
        if not self._at_latest:
            newest = self._keys[-1] if self._keys else None
            # Older than the window's end: it belongs inside the window (history, late arrival).
            fitting = tuple(m for m in event.messages if newest is not None and _key(m) <= newest)
            if fitting:
                self._insert(fitting)
            # The rest waits in the store below the window; it reached us all the same (a flood
            # spread over several batches is counted whole, whichever batch filled the window).
            self.arrived.emit(len(event.messages))
            return
        rows = self._rows
        messages = tuple(m for m in event.messages if m.id.native_id not in rows)
        ordered = _in_order(messages)  # as a rule: then neither keys nor a sort are needed
        keyed: list[tuple[tuple[int, int], Message]] | None = None  # (_key(m), m), once each
        if self._keys and not self._store_exhausted and messages:
            # Older than the first row, with more before it in the store: that part of the
            # history is not in the window; it pages in with the rest (never a row out of place).
            first = self._keys[0]
            if not ordered or _key(messages[0]) < first:
                keyed = [item for item in _keyed(messages) if item[0] >= first]
                messages = tuple(m for _, m in keyed)
        if (
            not self.follow_live
            and self._messages
            and len(self._messages) + len(messages) > MAX_WINDOW
        ):
            # The user reads further up during a flood: the window stops growing; what is newer
            # pages in from the store once they scroll back down ("jump to latest" shows).
            self._after = self._messages[-1].cursor
            self._set_at_latest(False)
            self.arrived.emit(len(event.messages))
            return
        # A flood (more than anyone reads, or one batch more than fills the view): only the
        # newest rows are kept, enough to fill the view twice; the rest page in from the store.
        self._pacer.count(len(messages))
        flood = self._flooding or self._pacer.flooding or len(messages) > self.flood_rows
        keep = min(self.flood_rows, LIVE_ROWS) if flood else LIVE_ROWS
        if self.follow_live and len(messages) > keep:
            # The newest few of thousands: the last ones when they came in order, else by key
            # (worked out once each).
            if ordered and keyed is None:
                messages = messages[-keep:]
            else:
                by_key = sorted(keyed or _keyed(messages), key=itemgetter(0))
                messages = tuple(m for _, m in by_key[-keep:])
        if messages:
            self._insert(messages)
            if self.follow_live:
                self.trim(keep)
        self.arrived.emit(len(event.messages))

    def _download_progress(self, event: ev.ProgressChanged) -> None:
        _, local_id, number = event.task.split(":", 2)
        if local_id in self._rows:
            before = self._downloads.get((local_id, index := int(number)), DownloadState())
            state = DownloadState(event.done, event.total, before.path, before.error)
            self.set_download(local_id, index, state)

    # -- loading ---------------------------------------------------------------------------

    def _reset(self, conv: ConversationId | None) -> None:
        changed = conv != self._conversation
        self._generation += 1
        self._pacer.drop()
        self.beginResetModel()
        self._conversation = conv
        self._messages, self._keys, self._rows, self._by_remote = [], [], {}, {}
        self._marks.attach(self._messages, self._keys)
        self._views = {}
        self._previews.reset()
        self._before = self._after = None
        self._store_exhausted = self._server_exhausted = False
        self._target = None
        self._early = []
        if changed:
            self._marks.read_marker = None
            self._encrypted = False  # until the new conversation's details say
        self.endResetModel()
        self._set_loading(False)
        self._loading_newer = False
        self._set_at_latest(True)
        if changed:
            self.conversationChanged.emit()

    def _request_page(self, before: Cursor | None) -> None:
        assert self._conversation is not None
        generation = self._generation
        self._set_loading(True)
        self._bridge.call(
            self._bridge.core.conversations.fetch_page(self._conversation, before, self._page_size),
            lambda done: self._page_loaded(done, generation),
            at_once=True,  # the reader waits for it (not held for the bridge's frame)
        )

    def _page_loaded(self, done: Result[Page], generation: int) -> None:
        if generation != self._generation:
            return  # the user moved on to another conversation meanwhile
        self._set_loading(False)
        if not done.ok:
            self._store_exhausted = True
        else:
            page = done.value
            self._before = page.before
            self._store_exhausted = page.before is None
            self._insert(page.messages)
        self._replay_early()

    def _replay_early(self) -> None:
        """Add what arrived while the window was still empty, now that it has its rows."""
        early, self._early = self._early, []
        for event in early:
            self._added(event)

    def _context_loaded(self, done: Result[ContextPage], generation: int) -> None:
        if generation != self._generation:
            return
        self._set_loading(False)
        if not done.ok:
            self._target = None
            self.jump_to_latest()
            return
        context = done.value
        self._before = context.before
        self._store_exhausted = context.before is None
        self._after = context.after
        self._set_at_latest(context.after is None)
        self._insert(context.messages)
        self._replay_early()
        row = self._rows.get(context.target.native_id, -1)
        if row >= 0:
            self.targetLoaded.emit(row)

    def _newer_loaded(self, done: Result[Page], generation: int) -> None:
        if generation != self._generation:
            return
        self._loading_newer = False
        if not done.ok:
            return
        page = done.value
        self._insert(page.messages)
        self._after = page.before
        self._set_at_latest(page.before is None)

    def _remote_history_done(self, done: Result[Outcome], generation: int) -> None:
        if generation != self._generation:
            return
        self._set_loading(False)
        if not done.ok or not done.value.ok or done.value.value == "end":
            self._server_exhausted = True
        self._replay_early()

    # -- rows ------------------------------------------------------------------------------

    def _insert(self, messages: tuple[Message, ...]) -> None:
        fresh = [m for m in messages if m.local_id not in self._rows]
        if not fresh:
            return
        fresh.sort(key=_key)
        appended = False
        if not self._keys or _key(fresh[0]) >= self._keys[-1]:
            first = len(self._messages)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            for msg in fresh:
                self._rows[msg.local_id] = len(self._messages)
                self._messages.append(msg)
                self._keys.append(_key(msg))
            self.endInsertRows()
            appended = True
            # Rows above are not touched: what a row draws (its day, whether it starts a group,
            # the "new messages" line) depends on the rows before it, never on those after.
        elif _key(fresh[-1]) <= self._keys[0]:
            self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
            self._messages[0:0] = fresh
            self._keys[0:0] = [_key(m) for m in fresh]
            self.endInsertRows()
            self._reindex()
            after = len(fresh)
            if after < len(self._messages):
                self._changed(after, after)
        else:
            for msg in fresh:  # interleaved (late history, clock skew): one at a time
                key = _key(msg)
                row = bisect.bisect_right(self._keys, key)
                self.beginInsertRows(QModelIndex(), row, row)
                self._messages.insert(row, msg)
                self._keys.insert(row, key)
                self.endInsertRows()
            self._reindex()
            self._changed(0, len(self._messages) - 1)
        for msg in fresh:
            self._remember_ids(msg)
        if self.link_previews and not self._encrypted:
            self._previews.ask(self._conversation, fresh)
        if appended:
            self.messagesAppended.emit()

    def trim(self, keep: int, *, newest: bool = False) -> None:
        """Drop rows so that at most ``keep`` remain: the oldest (following the newest) or the
        newest (read far back: see MessageView); they page in again from the store."""
        extra = len(self._messages) - keep
        if extra <= 0:
            return
        first = keep if newest else 0
        self.beginRemoveRows(QModelIndex(), first, first + extra - 1)
        gone = self._messages[first : first + extra]
        del self._messages[first : first + extra]
        del self._keys[first : first + extra]
        self._reindex()  # before rowsRemoved: its listeners ask row_of (the view's layout cache)
        self.endRemoveRows()
        for msg in gone:
            self._views.pop(msg.local_id, None)
            for key in (msg.remote_id, msg.ref_id, msg.local_id):
                if key and self._by_remote.get(key) is msg:
                    del self._by_remote[key]
        if newest:  # what is newer waits in the store ("jump to latest")
            self._after = self._messages[-1].cursor
            self._set_at_latest(False)
            return
        self._marks.forget_days_before(self._keys[0][0])
        self._before = self._messages[0].cursor
        self._store_exhausted = False
        self._first_row_changed()

    def _first_row_changed(self) -> None:
        """The first row may now start a group or a day: tell the view only if it does (its
        layout, a rich-text document, would be made again for nothing during a flood)."""
        first = self._views.get(self._messages[0].local_id)
        if (
            first is not None
            and first.msg is self._messages[0]
            and first.day == self._marks.day_text(0)
            and first.group_start == self._marks.starts_group(0)
            and first.unread_marker == self._marks.unread_marker_here(0)
        ):
            return
        self._changed(0, 0)

    def refresh_row(self, local_id: str) -> None:
        """Draw (and name) the message again: its preview came, or its spoiler was revealed."""
        row = self._rows.get(local_id)
        if row is not None:
            self._changed(row, row)

    def preview_of(self, msg: Message) -> LinkPreview | None:
        return self._previews.get(msg.local_id)

    def _update(self, messages: tuple[Message, ...]) -> None:
        ids: set[str] = set()
        for msg in messages:
            row = self._rows.get(msg.local_id)
            if row is None:
                continue
            self._messages[row] = msg
            self._remember_ids(msg)
            ids.update(i for i in (msg.remote_id, msg.ref_id, msg.local_id) if i)
            self._changed(row, row)
        if ids:  # replies quoting a changed message show its new text
            for row, reply in enumerate(self._messages):
                if reply.reply_to in ids:
                    self._changed(row, row)

    def set_encrypted(self, encrypted: bool) -> None:
        """Whether the open conversation is end-to-end encrypted (plain messages say so)."""
        if encrypted != self._encrypted:
            self._encrypted = encrypted
            if self._messages:
                self._changed(0, len(self._messages) - 1)

    def _changed(self, first: int, last: int) -> None:
        """Rows whose drawing changed: forget their cached views and tell the view."""
        for row in range(first, last + 1):
            self._views.pop(self._messages[row].local_id, None)
        self.dataChanged.emit(self.index(first), self.index(last))

    def _remember_ids(self, msg: Message) -> None:
        """Every id a reply may point at: remote, second (ref) and, for ours, the local one."""
        for key in (msg.remote_id, msg.ref_id, msg.local_id if msg.outgoing else None):
            if key:
                self._by_remote[key] = msg

    def _reindex(self) -> None:
        self._rows = {m.local_id: i for i, m in enumerate(self._messages)}

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loadingChanged.emit(loading)

    def _set_at_latest(self, value: bool) -> None:
        if value != self._at_latest:
            self._at_latest = value
            self.atLatestChanged.emit(value)
