"""The dispatcher's facts about polls: a poll defined on its message, votes and ends.

Each handler updates the poll's record in the store (:class:`~app.store.polls.PollRecords`)
and adds the message, with its new tally, to the batch. :class:`~app.dispatch.AccountDispatcher`
holds one and routes these facts here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from app import events as ev
from app import facts as f
from app.dispatch_batch import Batch
from app.models import Message, to_millis
from app.store.account_store import AccountStore


class PollFacts:
    """Applies poll facts to one account's store."""

    def __init__(self, store: AccountStore, logger: logging.LoggerAdapter[logging.Logger]) -> None:
        self.store = store
        self.log = logger

    def handlers(self) -> dict[type[f.Fact], Callable[[Any, Batch], None]]:
        return {
            f.PollStarted: self._on_started,
            f.PollVoted: self._on_voted,
            f.PollEnded: self._on_ended,
        }

    def _on_started(self, fact: f.PollStarted, batch: Batch) -> None:
        _updated(batch, self.store.polls.define(fact.conversation, fact.remote_id, fact.poll))

    def _on_voted(self, fact: f.PollVoted, batch: Batch) -> None:
        updated = self.store.polls.vote(
            fact.conversation,
            fact.target_remote_id,
            fact.sender,
            to_millis(fact.timestamp),
            fact.selections,
            own=fact.own,
            vote_id=fact.remote_id,
        )
        if updated is None:
            self.log.debug("a vote changed no poll stored here")
        _updated(batch, updated)

    def on_redacted(self, fact: f.MessageRetracted, batch: Batch) -> None:
        """A redaction that names no stored message: perhaps a vote, taken back."""
        updated = self.store.polls.take_back(
            fact.conversation, fact.remote_id, fact.by, moderator=fact.moderator
        )
        if updated is not None:
            self.log.debug("a vote was taken back")
        _updated(batch, updated)

    def _on_ended(self, fact: f.PollEnded, batch: Batch) -> None:
        updated = self.store.polls.end(
            fact.conversation,
            fact.target_remote_id,
            fact.sender,
            to_millis(fact.timestamp),
            moderator=fact.moderator,
        )
        if updated is None:
            self.log.info("an end of a poll changed nothing (not stored, or not its sender's)")
        _updated(batch, updated)


def _updated(batch: Batch, msg: Message | None) -> None:
    if msg is not None:
        batch.add(ev.MessagesUpdated(msg.conversation_id, (msg,)))
