"""How a poll reads in the message list: drawn (rich text the delegate lays out, each answer a
link one clicks to vote) and spoken (the sentence a screen reader says).

Results (counts and bars) show when the poll is disclosed or has ended; our own choice is
marked by a filled box and the words "your choice", never by colour alone. Kept apart from
:mod:`ui.widgets.message_view` (which draws it) and :mod:`ui.models.message_texts` (which
speaks it).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from app.models import Poll, PollAnswer
from ui.core_text import TranslationContext

POLL_URL = "chinwag-poll:"
"""Anchors of a drawn poll: ``chinwag-poll:<answer index>`` (see :func:`answer_of_url`)."""
BAR_CELLS = 12
P = '<p style="margin-top:3px; margin-bottom:0px">'  # a line of the poll, close to the next
PollView = TranslationContext("PollView")
"""Plural messages of the poll's context (see :class:`TranslationContext`)."""


def answer_of_url(url: str, poll: Poll) -> PollAnswer | None:
    """The answer a clicked anchor names (None: not a poll's anchor, or no such answer)."""
    if not url.startswith(POLL_URL):
        return None
    index = url[len(POLL_URL) :]
    if not index.isdigit() or int(index) >= len(poll.answers):
        return None
    return poll.answers[int(index)]


def votes_text(n: int) -> str:
    return PollView.tr("%n vote(s)", "", n)


def status_text(poll: Poll) -> str:
    """The poll's state under its answers."""
    n = poll.voters  # lupdate reads a plain name as the count
    voters = PollView.tr("%n voter(s)", "", n)
    if poll.ended:
        return QCoreApplication.translate("PollView", "Poll ended, {voters}").format(voters=voters)
    if not poll.results_shown:
        return QCoreApplication.translate("PollView", "Results will be shown when the poll ends")
    return voters


def _bar(votes: int, voters: int) -> str:
    filled = round(BAR_CELLS * votes / voters) if voters else 0
    return "█" * filled + "░" * (BAR_CELLS - filled)


def poll_html(poll: Poll) -> str:
    """The poll as the delegate draws it: question, answers (links while one can vote),
    counts and bars when the results are shown, our choice marked, the state."""
    single = poll.max_selections == 1
    title = QCoreApplication.translate("PollView", "Poll: {question}").format(
        question=poll.question
    )
    yours = html.escape(QCoreApplication.translate("PollView", "your choice"))
    lines = [P + f"<b>{html.escape(title)}</b></p>"]
    if not poll.ended and not single:
        hint = QCoreApplication.translate("PollView", "Choose up to {n} answers").format(
            n=poll.max_selections
        )
        lines.append(P + f"<i>{html.escape(hint)}</i></p>")
    for i, answer in enumerate(poll.answers):
        mine = answer.id in poll.mine
        box = ("◉" if mine else "○") if single else ("☑" if mine else "☐")
        text = f"{box} {html.escape(answer.text)}"
        if not poll.ended:
            text = f'<a href="{POLL_URL}{i}">{text}</a>'
        if mine:
            text += f" <i>({yours})</i>"
        if poll.results_shown:
            bar = _bar(answer.votes, poll.voters)
            text += f"<br>&nbsp;&nbsp;{bar} {html.escape(votes_text(answer.votes))}"
        lines.append(P + f"{text}</p>")
    lines.append(P + f"<i>{html.escape(status_text(poll))}</i></p>")
    return "".join(lines)


def poll_spoken(poll: Poll) -> str:
    """The poll as a screen reader says it (commas and full stops only)."""
    parts = [
        QCoreApplication.translate("PollView", "Poll, {question}").format(question=poll.question)
    ]
    for answer in poll.answers:
        words = [answer.text]
        if poll.results_shown:
            words.append(votes_text(answer.votes))
        if answer.id in poll.mine:
            words.append(QCoreApplication.translate("PollView", "your choice"))
        parts.append(", ".join(words))
    parts.append(status_text(poll))
    return " ".join(p if p.endswith((".", "?", "!")) else p + "." for p in parts)
