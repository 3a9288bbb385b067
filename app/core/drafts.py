"""Draft commands: what was written in a conversation's composer and not sent yet.

A front end saves the composer's text (with its reply or edit target) here a moment after the
last keystroke and when it leaves the conversation; it lives with the conversation in the
account's store (:class:`app.models.Draft`), comes back with it at the next start, and reaches
every view as a :class:`~app.events.ConversationsChanged` (the sidebar marks it)."""

from __future__ import annotations

import logging
import sqlite3

from app import events as ev
from app.core.services import CommandError, CoreServices
from app.i18n import CoreMessages
from app.models import Conversation, ConversationId, Draft, DraftMode, Message

_log = logging.getLogger(__name__)


class DraftCommands:
    """``core.drafts``: keeping a conversation's draft, and finding what it answers or edits."""

    def __init__(self, services: CoreServices) -> None:
        self._s = services

    async def save(self, conv: ConversationId, draft: Draft | None) -> Conversation | None:
        """Keep ``draft`` as the conversation's (None, or blank new text, clears it). Returns
        the conversation as stored, or None when it or its account is no longer there (left,
        removed): then there is nothing to keep it with. A store that cannot write says so as
        an error; the front end keeps the text it has."""
        s = self._s
        session = s.sessions.get(conv.account_id)
        if session is None:
            return None
        store = session.store
        if draft is not None and draft.mode is DraftMode.NEW and not draft.text.strip():
            draft = None

        def run() -> tuple[Conversation | None, bool]:
            current = store.conversation(conv.native_id)
            if current is None or current.draft == draft:
                return current, False
            try:
                with store.transaction():
                    return store.update_conversation(conv.native_id, draft=draft), True
            except sqlite3.Error as exc:
                _log.warning("[%s] a draft could not be saved: %s", conv.account_id, exc)
                raise CommandError(CoreMessages.tr("The draft could not be saved.")) from exc

        updated, changed = await s.worker.run(run)
        if updated is not None and changed:
            s.publish(ev.ConversationsChanged((updated,)))
        return updated

    async def target(self, conv: ConversationId, draft: Draft) -> Message | None:
        """The message ``draft`` replies to or edits, if it is still stored in ``conv`` and not
        retracted; None otherwise (the draft then goes on as a new message)."""
        if draft.mode is DraftMode.NEW or not draft.target:
            return None
        store = self._s.session(conv.account_id).store
        msg = await self._s.worker.run(store.message_by_local_id, draft.target)
        if msg is None or msg.conversation_id != conv or msg.retracted:
            return None
        return msg
