"""One thread's messages for the thread panel: its first message (the root), then its replies.

The same model as the main timeline's (:class:`MessageListModel`: rows, grouping, delivery
words, the delegate's :class:`RowView`), loaded from ``core.threads`` instead: stored replies a
page at a time, and once per opening the service's own copy of the thread (its replies arrive
as events, like any other message, and fall into place here).
"""

from __future__ import annotations

from typing import Any

from app import events as ev
from app.backend import Outcome
from app.core import ThreadPage
from app.models import ConversationId, Cursor, Message
from app.runtime import Result
from ui.bridge import CoreBridge
from ui.models.message_model import MessageListModel


class ThreadListModel(MessageListModel):
    """A thread's root and replies, oldest first (signals as :class:`MessageListModel`)."""

    def __init__(self, bridge: CoreBridge, parent: Any = None) -> None:
        super().__init__(bridge, parent)
        self._root: str | None = None
        self._root_message: Message | None = None
        self._asked_service = False
        self.thread_summaries = False  # the thread itself is what the summary stands for

    @property
    def root(self) -> str | None:
        """The remote id of the open thread's first message."""
        return self._root

    @property
    def root_message(self) -> Message | None:
        return self._root_message

    def belongs(self, msg: Message) -> bool:
        root = self._root
        return root is not None and root in (msg.thread_root, msg.remote_id)

    def set_thread(self, conv: ConversationId | None, root: str | None) -> None:
        """Open the thread under ``root`` (None closes it)."""
        self._root = root if conv is not None else None
        self._root_message = None
        self._asked_service = False
        self._reset(conv if root is not None else None)
        if self._root is not None:
            self._request_page(None)

    def load_older(self) -> None:
        if self.conversation is None or self._root is None or self.loading:
            return
        if not self._store_exhausted:
            self._request_page(self._before)
        elif not self._asked_service:
            self._ask_service()

    # -- loading -----------------------------------------------------------------------------

    def _request_page(self, before: Cursor | None) -> None:
        conv, root = self.conversation, self._root
        assert conv is not None and root is not None
        generation = self._generation
        self._set_loading(True)
        self._bridge.call(
            self._bridge.core.threads.page(conv, root, before, self._page_size),
            lambda done: self._thread_loaded(done, generation, before is None),
        )

    def _thread_loaded(self, done: Result[ThreadPage], generation: int, first: bool) -> None:
        if generation != self._generation:
            return  # another thread (or none) was opened meanwhile
        self._set_loading(False)
        if not done.ok:
            self._store_exhausted = True
            return
        page = done.value
        self._before = page.replies.before
        self._store_exhausted = page.replies.before is None
        found = page.replies.messages
        if page.root is not None:
            self._root_message = page.root
            found = (page.root, *found)
        self._insert(found)
        if first:  # what the service has may be more (or newer) than what is stored
            self._ask_service()

    def _ask_service(self) -> None:
        conv, root = self.conversation, self._root
        if conv is None or root is None:
            return
        self._asked_service = True
        generation = self._generation
        self._set_loading(True)
        self._bridge.call(
            self._bridge.core.threads.fetch_remote(conv, root, self._page_size),
            lambda done: self._service_answered(done, generation),
        )

    def _service_answered(self, done: Result[Outcome], generation: int) -> None:
        if generation != self._generation:
            return
        self._set_loading(False)
        self._server_exhausted = True  # one page of the service's copy per opening

    def _update(self, messages: tuple[Message, ...]) -> None:
        for msg in messages:
            if self._root is not None and msg.remote_id == self._root:
                self._root_message = msg
        super()._update(messages)

    def _added(self, event: ev.MessagesAdded) -> None:
        for msg in event.messages:
            if self._root is not None and msg.remote_id == self._root:
                self._root_message = msg
        super()._added(event)
