"""Poll commands: vote in a poll, end one we started, start one (``core.polls``).

A vote or an end is sent at once (as a reaction is, not through the outbox); once the service
has accepted it, the same fact the echo will bring is applied here, so the tally moves without
waiting for the sync. The rules of the tally are app.polls'.
"""

from __future__ import annotations

from app import facts as f
from app.backend import Failure, FailureKind, Outcome, SendResult, SupportsPolls
from app.core.services import CommandError, CoreServices
from app.i18n import CoreMessages
from app.models import ConversationId, Message, MessageId, utc_now
from app.polls import MAX_ANSWERS, MAX_TEXT
from app.session import AccountSession


class PollCommands:
    """``core.polls``: vote, end, start."""

    def __init__(self, services: CoreServices) -> None:
        self._s = services

    async def vote(self, message: MessageId, answer_ids: tuple[str, ...]) -> Outcome:
        """Vote for exactly ``answer_ids`` in the poll ``message`` carries (empty: take our
        vote back). Answers the poll does not offer, or more than it allows, are refused."""
        session, msg = await self._poll_message(message)
        poll = msg.poll
        assert poll is not None and msg.remote_id is not None
        offered = {a.id for a in poll.answers}
        chosen = tuple(dict.fromkeys(answer_ids))
        if poll.ended:
            return _refused(CoreMessages.tr("This poll has ended."))
        if any(a not in offered for a in chosen) or len(chosen) > poll.max_selections:
            return _refused(CoreMessages.tr("This poll does not offer that choice."))
        backend = self._s.capable(session, SupportsPolls)
        if isinstance(backend, Outcome):
            return backend
        outcome = await backend.vote_poll(msg.conversation_id, msg.remote_id, chosen)
        if outcome.ok:
            own = self._s.own_id(session)
            native = msg.conversation_id.native_id
            session.report_local(
                f.PollVoted(native, msg.remote_id, own, utc_now(), chosen, own=True)
            )
            await session.flushed()
        return outcome

    async def end(self, message: MessageId) -> Outcome:
        """End a poll we started: no vote counts after this."""
        session, msg = await self._poll_message(message)
        assert msg.remote_id is not None
        if not msg.outgoing:
            return _refused(CoreMessages.tr("Only who started a poll can end it."))
        backend = self._s.capable(session, SupportsPolls)
        if isinstance(backend, Outcome):
            return backend
        outcome = await backend.end_poll(msg.conversation_id, msg.remote_id)
        if outcome.ok:
            native = msg.conversation_id.native_id
            session.report_local(
                f.PollEnded(native, msg.remote_id, self._s.own_id(session), utc_now())
            )
            await session.flushed()
        return outcome

    async def start(
        self,
        conv: ConversationId,
        question: str,
        answers: tuple[str, ...],
        *,
        disclosed: bool = True,
        max_selections: int = 1,
    ) -> Outcome:
        """Start a poll; it appears in the conversation when the service sends it back."""
        question = question.strip()
        kept = tuple(a.strip() for a in answers if a.strip())
        if not question or len(kept) < 2:
            return _refused(CoreMessages.tr("A poll needs a question and two answers."))
        if len(kept) > MAX_ANSWERS or max(map(len, (question, *kept))) > MAX_TEXT:
            return _refused(CoreMessages.tr("This poll is too long."))
        session = self._s.session(conv.account_id)
        backend = self._s.capable(session, SupportsPolls)
        if isinstance(backend, Outcome):
            return backend
        result: SendResult = await backend.start_poll(
            conv,
            question,
            kept,
            disclosed=disclosed,
            max_selections=max(1, min(max_selections, len(kept))),
        )
        return Outcome(result.failure)

    async def _poll_message(self, message: MessageId) -> tuple[AccountSession, Message]:
        session = self._s.session(message.account_id)
        msg = await self._s.worker.run(session.store.message_by_local_id, message.native_id)
        if msg is None or msg.poll is None or msg.remote_id is None:
            raise CommandError(CoreMessages.tr("No such poll."))
        return session, msg


def _refused(text: str) -> Outcome:
    return Outcome(Failure(FailureKind.REJECTED, text))
