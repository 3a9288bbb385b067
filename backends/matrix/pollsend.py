"""What we send about polls: a vote, an end, a new poll (contents in :mod:`.polls`).

Each is one room event sent at once through :meth:`.messaging.Messaging.room_send` (encrypted
where the room is), with a fresh transaction id.
"""

from __future__ import annotations

import uuid
from typing import Any

from app.backend import Outcome, SendResult
from app.models import ConversationId
from backends.matrix import polls
from backends.matrix.messaging import Messaging
from backends.matrix.session import MatrixSession, not_connected


class PollSending:
    """Sends votes, ends and polls into rooms."""

    def __init__(self, session: MatrixSession, messaging: Messaging) -> None:
        self.session = session
        self.messaging = messaging

    async def vote(
        self, conv: ConversationId, poll_remote_id: str, answer_ids: tuple[str, ...]
    ) -> Outcome:
        content = polls.response_content(poll_remote_id, answer_ids)
        return Outcome((await self._send(conv, polls.UNSTABLE_RESPONSE, content)).failure)

    async def end(self, conv: ConversationId, poll_remote_id: str) -> Outcome:
        content = polls.end_content(poll_remote_id, polls.END_TEXT)
        return Outcome((await self._send(conv, polls.UNSTABLE_END, content)).failure)

    async def start(
        self,
        conv: ConversationId,
        question: str,
        answers: tuple[str, ...],
        disclosed: bool,
        max_selections: int,
    ) -> SendResult:
        content = polls.start_content(
            question, answers, disclosed=disclosed, max_selections=max_selections
        )
        return await self._send(conv, polls.UNSTABLE_START, content)

    async def _send(
        self, conv: ConversationId, event_type: str, content: dict[str, Any]
    ) -> SendResult:
        if not self.session.connected():
            return SendResult(failure=not_connected())
        return await self.messaging.room_send(conv.native_id, event_type, content, uuid.uuid4().hex)
