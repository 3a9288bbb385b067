"""What one can do with a poll in the message list: vote (a click on an answer, or the
message's menu from the keyboard), take the vote back, end a poll one started.

Kept apart from :class:`~ui.message_actions.MessageActions`, which adds these to a message's
menu and hands clicks on a poll's answers here. Each intent becomes a core command
(``core.polls``); the tally changes when the core reports the message again.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from app.backend import Capability
from app.core import Core
from app.models import Message, PollAnswer
from ui.models.poll_texts import POLL_URL, answer_of_url

Call = Callable[..., None]


class PollActions(QObject):
    """Votes and ends for the open conversation's polls."""

    def __init__(self, core: Core, call: Call, parent: QObject) -> None:
        super().__init__(parent)
        self.core = core
        self._call = call

    @staticmethod
    def is_poll_link(url: str) -> bool:
        return url.startswith(POLL_URL)

    def link_activated(self, msg: Message, url: str) -> None:
        """A click on one of a poll's answers: choose it (or, if chosen, take it back)."""
        answer = answer_of_url(url, msg.poll) if msg.poll is not None else None
        if answer is not None:
            self.choose(msg, answer)

    def choose(self, msg: Message, answer: PollAnswer) -> None:
        """Toggle ``answer`` in our vote: a single-choice poll takes it instead of the one
        chosen; a poll that allows several adds it (the oldest choice gives way at the most)."""
        poll = msg.poll
        if poll is None or poll.ended:
            return
        mine = list(poll.mine)
        if answer.id in mine:
            mine.remove(answer.id)
        elif poll.max_selections == 1:
            mine = [answer.id]
        else:
            mine = [*mine, answer.id][-poll.max_selections :]
        self._run(self.core.polls.vote(msg.id, tuple(mine)))

    def take_back(self, msg: Message) -> None:
        self._run(self.core.polls.vote(msg.id, ()))

    def end(self, msg: Message) -> None:
        self._run(self.core.polls.end(msg.id))

    def add_to_menu(self, menu: QMenu, msg: Message, caps: Capability) -> None:
        """The poll's actions in a message's menu: one (checkable) entry per answer, taking
        the vote back, ending it (ours only); nothing for a poll that has ended."""
        poll = msg.poll
        if poll is None or poll.ended or msg.retracted or not caps & Capability.POLLS:
            return
        vote = menu.addMenu(self.tr("&Vote"))
        vote.menuAction().setData("vote")
        for answer in poll.answers:
            action = vote.addAction(answer.text, functools.partial(self.choose, msg, answer))
            action.setCheckable(True)
            action.setChecked(answer.id in poll.mine)
        if poll.mine:
            vote.addSeparator()
            vote.addAction(self.tr("&Take my vote back"), functools.partial(self.take_back, msg))
        if msg.outgoing:
            end = menu.addAction(self.tr("E&nd poll"), functools.partial(self.end, msg))
            end.setData("end_poll")

    def _run(self, command: Coroutine[Any, Any, Any]) -> None:
        self._call(command)
