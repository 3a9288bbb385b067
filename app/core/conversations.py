"""Conversation commands: the list, opening one, reading its stored and remote history.

Everything a front end needs to *show* a conversation lives here; changing what is in it
(sending, editing, reacting) is :mod:`app.core.messaging`, running a room is :mod:`app.core.rooms`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app import events as ev
from app.backend import (
    Capability,
    Failure,
    FailureKind,
    Outcome,
    SupportsHistory,
    SupportsReceipts,
    as_capable,
    effective_capabilities,
)
from app.core.not_saved import saving
from app.core.services import PREF_SEND_RECEIPTS, CommandError, CoreServices
from app.i18n import CoreMessages, Text
from app.models import (
    AccountId,
    Conversation,
    ConversationId,
    ConversationKind,
    Cursor,
    Member,
    Message,
    MessageId,
    NotifyLevel,
    Page,
)


@dataclass(frozen=True, slots=True)
class ConversationDetails:
    """What a front end needs to show an open conversation beyond its messages."""

    conversation: Conversation
    capabilities: Capability
    members: tuple[Member, ...]
    own_id: str
    read_marker: Cursor | None
    connected: bool


@dataclass(frozen=True, slots=True)
class ContextPage:
    """Messages around one message (a search hit), with cursors to page either way."""

    messages: tuple[Message, ...]
    target: MessageId
    before: Cursor | None  # page further back from here; None at the start
    after: Cursor | None  # page forward from here; None when the newest message is included


class ConversationCommands:
    """``core.conversations``: listing, opening and paging through conversations."""

    def __init__(self, services: CoreServices) -> None:
        self._s = services

    async def list_conversations(self, account_id: AccountId | None = None) -> list[Conversation]:
        """The stored conversations of one account, or of all."""
        s = self._s
        found: list[Conversation] = []
        for session in s.sessions.values():
            if account_id is None or session.account_id == account_id:
                found.extend(await s.worker.run(session.store.conversations))
        return found

    def capabilities(self, conv: ConversationId) -> Capability:
        session = self._s.sessions.get(conv.account_id)
        if session is None or session.backend is None:
            return Capability.NONE
        return effective_capabilities(session.backend, conv)

    async def conversation_details(self, conv: ConversationId) -> ConversationDetails:
        s = self._s
        session = s.session(conv.account_id)
        conversation = await s.worker.run(session.store.conversation, conv.native_id)
        if conversation is None:
            raise CommandError(CoreMessages.tr("No such conversation."))
        if session.backend is not None:
            await session.backend.conversation_opened(conv)
        members = await s.worker.run(session.store.members, conv.native_id)
        marker = await s.worker.run(session.store.read_marker, conv.native_id)
        return ConversationDetails(
            conversation=conversation,
            capabilities=session.capabilities(conv),
            members=tuple(members),
            own_id=s.own_id(session),
            read_marker=marker,
            connected=session.backend is not None,
        )

    async def open_direct(
        self, account_id: AccountId, contact: str, title: str = ""
    ) -> Conversation:
        """The 1:1 conversation with ``contact`` (created, empty, if new).

        While connected the service names it (a Matrix room, a case-folded IRC nick);
        offline it is named after the contact.
        """
        s = self._s
        session = s.session(account_id)
        contact = contact.strip()
        if not contact:
            raise CommandError(CoreMessages.tr("Whom do you want to talk to?"))
        native = contact
        if session.backend is not None:
            outcome = await session.backend.open_direct(contact)
            if outcome.failure is not None:
                raise CommandError(outcome.failure.message)
            native = outcome.value or contact
            await session.flushed()
        conv, events = await saving(
            CoreMessages.tr("the conversation with %1").arg(contact),
            s.worker.run(
                session.dispatcher.commands.ensure_conversation,
                native,
                ConversationKind.DIRECT,
                title or (contact if native != contact else ""),
            ),
        )
        s.publish_all(events)
        return conv

    async def set_notify(self, conv: ConversationId, level: NotifyLevel) -> Conversation:
        """When this conversation may notify (and be announced): all, mentions, none."""
        return await self._update(conv, CoreMessages.tr("the notification level"), notify=level)

    async def set_spell_language(self, conv: ConversationId, language: str) -> Conversation:
        """The composer's spell-check language here: '' (the default), 'off', or a dictionary
        tag; kept with the conversation in its account's store, like ``notify``."""
        return await self._update(
            conv, CoreMessages.tr("the spell-check language"), spell_language=language
        )

    async def _update(self, conv: ConversationId, what: Text, **changes: Any) -> Conversation:
        """One of the conversation's own settings, saved (or a clear error: ``what`` was not
        saved, and nothing in memory claims it was)."""
        s = self._s
        session = s.session(conv.account_id)
        updated = await saving(
            what,
            s.worker.run(
                session.dispatcher.commands.update_conversation, conv.native_id, **changes
            ),
        )
        s.publish(ev.ConversationsChanged((updated,)))
        return updated

    async def activity(self, limit: int = 200) -> list[Message]:
        """The activity inbox: unread mentions and direct messages of every account, newest
        first (each account's store asked in turn, off the loop)."""
        s = self._s
        found: list[Message] = []
        for session in list(s.sessions.values()):
            found.extend(await s.worker.run(session.store.unread_activity, limit))
        found.sort(key=lambda m: (m.timestamp, m.seq), reverse=True)
        return found[:limit]

    async def mark_read(self, conv: ConversationId) -> None:
        """Everything in the conversation is read; tell the service too, if allowed."""
        s = self._s
        session = s.session(conv.account_id)
        events, remote_id = await s.worker.run(
            session.dispatcher.commands.mark_read, conv.native_id
        )
        s.publish_all(events)
        backend = as_capable(session.backend, SupportsReceipts)
        if (
            remote_id
            and backend is not None
            and s.preference(PREF_SEND_RECEIPTS, True)
            and session.capabilities(conv) & Capability.READ_RECEIPTS
        ):
            await s.guard(backend.send_read_marker(conv, remote_id), session)

    # -- history ---------------------------------------------------------------------------

    async def fetch_page(
        self, conv: ConversationId, before: Cursor | None = None, limit: int = 50
    ) -> Page:
        """A page of stored history, oldest first (the newest page when ``before`` is None)."""
        session = self._s.session(conv.account_id)
        return await self._s.worker.run(session.store.page, conv.native_id, before, limit)

    async def fetch_newer(self, conv: ConversationId, after: Cursor, limit: int = 50) -> Page:
        """Stored messages after ``after``, oldest first (``Page.before`` continues forward)."""
        session = self._s.session(conv.account_id)
        return await self._s.worker.run(session.store.page_after, conv.native_id, after, limit)

    async def fetch_context(self, message: MessageId, around: int = 25) -> ContextPage:
        """The stored messages around ``message`` (opening a search hit in context)."""
        store = self._s.session(message.account_id).store

        def run() -> ContextPage:
            target = store.message_by_local_id(message.native_id)
            if target is None:
                raise CommandError(CoreMessages.tr("That message is no longer stored."))
            native = target.conversation_id.native_id
            older = store.page(native, target.cursor, around)
            newer = store.page_after(native, target.cursor, around)
            return ContextPage(
                (*older.messages, target, *newer.messages), message, older.before, newer.before
            )

        return await self._s.worker.run(run)

    async def fetch_remote_history(self, conv: ConversationId, limit: int = 50) -> Outcome:
        """Ask the service for messages older than the oldest stored; they arrive as events."""
        s = self._s
        session = s.session(conv.account_id)
        backend = as_capable(session.backend, SupportsHistory)
        if backend is None or not session.capabilities(conv) & Capability.HISTORY:
            return Outcome(
                Failure(
                    FailureKind.UNSUPPORTED, CoreMessages.tr("No server history for this chat.")
                )
            )
        oldest = await s.worker.run(session.store.oldest_remote_id, conv.native_id)
        outcome = await backend.fetch_history(conv, oldest, limit)
        await session.flushed()
        return outcome
