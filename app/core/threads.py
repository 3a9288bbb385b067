"""Thread commands: reading a thread apart from the main timeline and marking it read.

A thread is a conversation's first message (its *root*) and the replies gathered under it;
the main timeline's pages leave the replies out (the root shows a summary instead). Answering
in a thread is :meth:`app.core.messaging.MessagingCommands.send_message` with ``thread_root``.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.backend import Capability, Failure, FailureKind, Outcome, SupportsThreads, as_capable
from app.core.services import PREF_SEND_RECEIPTS, CoreServices
from app.i18n import CoreMessages
from app.models import ConversationId, Cursor, Message, Page


@dataclass(frozen=True, slots=True)
class ThreadPage:
    """One page of a thread: its root (None while it is not stored) and replies, oldest first."""

    root: Message | None
    replies: Page


class ThreadCommands:
    """``core.threads``: a thread's stored replies, fetching more, marking it read."""

    def __init__(self, services: CoreServices) -> None:
        self._s = services

    async def page(
        self, conv: ConversationId, root: str, before: Cursor | None = None, limit: int = 50
    ) -> ThreadPage:
        """Stored replies of the thread whose first message has the remote id ``root``."""
        store = self._s.session(conv.account_id).store

        def run() -> ThreadPage:
            return ThreadPage(
                store.message_by_remote_id(conv.native_id, root),
                store.thread_page(conv.native_id, root, before, limit),
            )

        return await self._s.worker.run(run)

    async def fetch_remote(self, conv: ConversationId, root: str, limit: int = 50) -> Outcome:
        """Ask the service for the thread's root and newest replies; they arrive as events."""
        session = self._s.session(conv.account_id)
        backend = as_capable(session.backend, SupportsThreads)
        if backend is None or not session.capabilities(conv) & Capability.THREADS:
            return Outcome(
                Failure(FailureKind.UNSUPPORTED, CoreMessages.tr("This chat has no threads."))
            )
        outcome = await backend.fetch_thread(conv, root, limit)
        await session.flushed()
        return outcome

    async def mark_read(self, conv: ConversationId, root: str) -> None:
        """The thread is read up to its newest reply; the service is told if allowed."""
        s = self._s
        session = s.session(conv.account_id)
        backend = as_capable(session.backend, SupportsThreads)
        if backend is None or not s.preference(PREF_SEND_RECEIPTS, True):
            return
        page = await s.worker.run(session.store.thread_page, conv.native_id, root, None, 1)
        newest = page.messages[-1] if page.messages else None
        if newest is not None and newest.remote_id and not newest.outgoing:
            await s.guard(backend.send_thread_read_marker(conv, root, newest.remote_id), session)
