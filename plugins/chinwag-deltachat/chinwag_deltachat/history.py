"""Older messages and catching up, both from the core's own database.

The core keeps every message it fetched (it deletes them from the server), so paging back never
touches the network. Catching up after a restart reports what the core holds beyond the last
message id Chinwag has seen (kept in the account's state); the core's de-duplication by remote id
makes a repeat harmless.
"""

from __future__ import annotations

from app.api import ConversationId, Outcome, StateAccess
from chinwag_deltachat import convert
from chinwag_deltachat.chats import ChatDirectory
from chinwag_deltachat.events import EventTranslator

STATE_LAST_SEEN = "deltachat.last_msg_id"
CATCH_UP_LIMIT = 500
"""At most this many messages per chat are caught up on at sign-in (the rest by paging)."""


class HistoryService:
    def __init__(self, chats: ChatDirectory, events: EventTranslator, state: StateAccess) -> None:
        self._chats = chats
        self._events = events
        self._state = state

    async def _ids(self, chat_id: int) -> list[int]:
        ids = await self._chats.message_ids(chat_id)
        return [i for i in ids if i > convert.LAST_SPECIAL_CHAT]

    async def fetch(self, conv: ConversationId, before: str | None, limit: int) -> Outcome:
        info = await self._chats.chat_for(conv.native_id, create=False)
        if info is None:
            return Outcome(value="end")
        ids = await self._ids(info.chat_id)
        if before is not None and before.isdigit():
            ids = [i for i in ids if i < int(before)]
        page = ids[-limit:] if limit > 0 else []
        for msg_id in page:
            await self._events.report_message(msg_id, history=True, again=True)
        return Outcome(value="end" if len(page) == len(ids) else None)

    async def catch_up(self) -> None:
        raw = await self._state.get(STATE_LAST_SEEN)
        last = int(raw) if raw and raw.isdigit() else 0
        for info in await self._chats.all_chats():
            await self._events.report_chat(info)
            if info.hidden:
                continue
            for msg_id in (await self._ids(info.chat_id))[-CATCH_UP_LIMIT:]:
                if msg_id > last:
                    await self._events.report_message(msg_id)

    async def remember(self) -> None:
        seen = self._events.reported | set(self._events.sent)
        if seen:
            raw = await self._state.get(STATE_LAST_SEEN)
            last = int(raw) if raw and raw.isdigit() else 0
            await self._state.set(STATE_LAST_SEEN, str(max(last, *seen)))
