"""What the screen reader is told about new messages: merged, in order of importance, paced.

A screen reader speaks one thing at a time, and a new utterance usually cuts the one before. So
nothing here is said the moment it arrives:

- arrivals are gathered for a moment (:data:`COLLECT_SECONDS`) and said in one sentence:
  "bob: hello" for one message of the open conversation, "5 new messages in #python, from bob and
  2 others" for a burst — never cut down to the first few;
- after saying something the announcer keeps quiet for about as long as speaking it takes
  (:func:`speaking_time`); whatever comes meanwhile is merged into the next sentence;
- direct messages and mentions come first, then the open conversation, then the rest;
- the account is named ("… on Libera") when more than one account is set up.

Other short feedback (the quick switcher's matches, search results) goes through the same queue
with :meth:`Announcer.say`, so it neither cuts a message nor is cut by one.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Slot

from app.models import ConversationId
from ui.a11y.speech import Speech

COLLECT_SECONDS = 0.3
MAX_TEXT = 300


CHARS_PER_SECOND = 15.0  # a screen reader's usual pace, a little on the slow side


def speaking_time(text: str, chars_per_second: float = CHARS_PER_SECOND) -> float:
    """About how long a screen reader takes to say ``text``: at least a second, at most 8."""
    return min(8.0, max(1.0, 0.5 + len(text) / chars_per_second))


def clean(text: str) -> str:
    """One line, no longer than a listener can bear."""
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_TEXT else flat[: MAX_TEXT - 1] + "…"


@dataclass(frozen=True, slots=True)
class Arrival:
    """One new message worth saying, with what the sentence needs to know about it."""

    conversation: ConversationId
    conversation_name: str
    account_name: str
    direct: bool
    sender: str
    text: str
    mention: bool = False
    is_open: bool = False


@dataclass
class _Group:
    """The arrivals of one conversation since the last sentence (counts, not every message)."""

    first: Arrival
    count: int = 0
    mentions: int = 0
    senders: list[str] = field(default_factory=list)
    texts: list[tuple[str, str]] = field(default_factory=list)  # the first two (sender, text)
    known: set[str] = field(default_factory=set)  # ``senders``, to look up

    def add(self, arrival: Arrival) -> None:
        self.add_many((arrival,), 1, int(arrival.mention), (arrival.sender,))

    def add_many(
        self, head: Sequence[Arrival], count: int, mentions: int, senders: Iterable[str]
    ) -> None:
        self.count += count
        self.mentions += mentions
        for sender in senders:
            if sender not in self.known:
                self.known.add(sender)
                self.senders.append(sender)
        for arrival in head[: 2 - len(self.texts)]:
            self.texts.append((arrival.sender, arrival.text))

    @property
    def rank(self) -> int:
        if self.first.direct or self.mentions:
            return 0
        return 1 if self.first.is_open else 2


class Phrasing(QObject):
    """The sentences said about arrivals (a QObject only for ``tr``: plural forms)."""

    def senders(self, senders: list[str]) -> str:
        if len(senders) == 1:
            return self.tr("from {sender}").format(sender=senders[0])
        if len(senders) == 2:
            return self.tr("from {first} and {second}").format(first=senders[0], second=senders[1])
        others = len(senders) - 1
        return self.tr("from {first} and %n other(s)", "", others).format(first=senders[0])

    def sentence(self, group: _Group, many_accounts: bool) -> str:
        first = group.first
        where = first.conversation_name
        who = first.sender
        if many_accounts:
            where = self.tr("{conversation} on {account}").format(
                conversation=where, account=first.account_name
            )
            who = self.tr("{sender} on {account}").format(sender=who, account=first.account_name)
        count = group.count
        if count == 1 or (first.is_open and not first.direct and count == 2):
            return " ".join(
                self._line(group, sender, text, where, who) for sender, text in group.texts
            )
        if first.direct:
            return _end(
                self.tr("%n new private message(s) from {sender}", "", count).format(sender=who)
            )
        text = self.tr("%n new message(s) in {conversation}", "", count).format(conversation=where)
        text += ", " + self.senders(group.senders)
        if group.mentions:
            text += ", " + self.tr("%n mentioning you", "", group.mentions)
        return _end(text)

    def _line(self, group: _Group, sender: str, text: str, where: str, who: str) -> str:
        first = group.first
        if first.direct:
            line = self.tr("Private message from {sender}, {text}").format(
                sender=who if sender == first.sender else sender, text=text
            )
        elif first.is_open:
            line = self.tr("{sender}, {text}").format(sender=sender, text=text)
        elif group.mentions:
            line = self.tr("{sender} mentioned you in {conversation}, {text}").format(
                sender=sender, conversation=where, text=text
            )
        else:
            line = self.tr("{sender} in {conversation}, {text}").format(
                sender=sender, conversation=where, text=text
            )
        return _end(line)


def _end(text: str) -> str:
    return text if text[-1:] in ".!?…" else text + "."


class Pending:
    """Arrivals not yet said, folded per conversation as they come (a flood costs counts)."""

    def __init__(self) -> None:
        self.groups: dict[tuple[ConversationId, bool], _Group] = {}

    def add(self, arrival: Arrival) -> None:
        key = (arrival.conversation, arrival.is_open)  # opened meanwhile: a sentence of its own
        self.groups.setdefault(key, _Group(arrival)).add(arrival)

    def add_many(
        self, head: Sequence[Arrival], count: int, mentions: int, senders: Iterable[str]
    ) -> None:
        """``count`` arrivals of one conversation at once, as if each were added: ``head`` are
        the first of them (two are all a sentence quotes), ``mentions`` of them mention us,
        ``senders`` sent them (in order, repeats allowed). A flood's batch costs one call, not
        an :class:`Arrival` per message."""
        if not count:
            return
        first = head[0]
        key = (first.conversation, first.is_open)
        self.groups.setdefault(key, _Group(first)).add_many(head, count, mentions, senders)

    def __bool__(self) -> bool:
        return bool(self.groups)

    def sentence(self, many_accounts: bool) -> str:
        """Direct messages and mentions first, then the open conversation, then the rest."""
        ordered = sorted(self.groups.values(), key=lambda g: g.rank)  # stable within a rank
        phrasing = Phrasing()
        return " ".join(phrasing.sentence(g, many_accounts) for g in ordered)


def describe(arrivals: list[Arrival], many_accounts: bool) -> str:
    """One sentence for everything that arrived (see :class:`Pending`)."""
    pending = Pending()
    for arrival in arrivals:
        pending.add(arrival)
    return pending.sentence(many_accounts)


class Announcer(QObject):
    """Queues what the screen reader should hear and says it merged and paced (see module)."""

    def __init__(self, speech: Speech, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.speech = speech
        self.many_accounts = False
        self.paced = True
        """Keep quiet while the last sentence is spoken (tests of *what* is said turn it off)."""
        self.collect_seconds = COLLECT_SECONDS
        self._pending = Pending()
        self._texts: dict[str, str] = {}
        self._quiet_until = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush)

    @property
    def spoken(self) -> list[str]:
        return self.speech.spoken

    def add(self, arrivals: list[Arrival]) -> None:
        """New messages to tell about; a flood keeps counts only, never every text."""
        if not arrivals:
            return
        for arrival in arrivals:
            self._pending.add(arrival)
        self._schedule(self.collect_seconds, restart=False)

    def add_many(
        self, head: Sequence[Arrival], count: int, mentions: int, senders: Iterable[str]
    ) -> None:
        """New messages of one conversation, counted rather than listed (see
        :meth:`Pending.add_many`): the same as :meth:`add` with an arrival for each."""
        if not count:
            return
        self._pending.add_many(head, count, mentions, senders)
        self._schedule(self.collect_seconds, restart=False)

    def say(self, text: str, key: str = "", delay: float = 0.0) -> None:
        """Say ``text`` soon; a later text with the same ``key`` replaces it if not yet said
        (``delay`` then works as a debounce: typing in a filter says only the last count)."""
        self._texts.pop(key or text, None)
        self._texts[key or text] = clean(text)
        self._schedule(delay, restart=bool(key))

    def _schedule(self, delay: float, restart: bool) -> None:
        wait = max(delay, self._quiet_until - time.monotonic())
        if self._timer.isActive() and not restart:
            return
        self._timer.start(max(0, int(wait * 1000)))

    @Slot()
    def _flush(self) -> None:
        remaining = self._quiet_until - time.monotonic()
        if remaining > 0.02:
            self._timer.start(int(remaining * 1000) + 1)
            return
        parts = [_end(text) for text in self._texts.values() if text]
        if self._pending:
            parts.append(self._pending.sentence(self.many_accounts))
        self._texts.clear()
        self._pending = Pending()
        text = " ".join(p for p in parts if p)
        if not text:
            return
        self.speech.say(text)
        if self.paced:
            self._quiet_until = time.monotonic() + speaking_time(text)
