"""Nothing received is lost when SQLite refuses a batch (docs/reliability.md, "When the disk
hiccups").

Two kinds of failure, told apart by SQLite's result code (``sqlite_errorcode``):

* **Transient** (the disk is full, an I/O error, the file is busy, locked or read-only …): the
  next attempt may well work. The facts not saved are kept in memory, in order, ahead of newer
  ones, and the session tries again with a growing pause (:class:`KeptFacts`); state writes
  behind them stay uncommitted until they are saved.
* **Deterministic** (a constraint, a type a bug let through …): the same facts fail the same way
  every time. The batch is split in halves until the one fact (or the one row of a
  :class:`~app.facts.MessagesReceived`) that trips it is alone; that one is logged and dropped,
  everything around it is saved, in order (:func:`save_in_order`).

This module knows nothing of Qt; :func:`save_in_order` runs on the store thread, :class:`KeptFacts`
on the core's event loop.
"""

from __future__ import annotations

import logging
import sqlite3
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Generic, TypeVar, cast

from app import events as ev
from app import facts as f
from app.backoff import Backoff
from app.i18n import CoreMessages

T = TypeVar("T")

MAX_KEPT = 20_000
"""Facts kept in memory while the store cannot save (a :class:`~app.facts.MessagesReceived`
counts as its messages): four full batches. Past it, newly reported facts are dropped and said
so."""
MAX_KEPT_CHARS = 32_000_000
"""Characters of text (bodies and HTML) kept at most, whatever the count: 20,000 messages of the
largest size stored whole would be gigabytes. Some 32 to 128 MB of memory."""

TRANSIENT_CODES = frozenset(
    {
        sqlite3.SQLITE_BUSY,
        sqlite3.SQLITE_LOCKED,
        sqlite3.SQLITE_NOMEM,
        sqlite3.SQLITE_READONLY,
        sqlite3.SQLITE_IOERR,
        sqlite3.SQLITE_CORRUPT,  # splitting cannot help; keeping may (a repaired file)
        sqlite3.SQLITE_FULL,
        sqlite3.SQLITE_CANTOPEN,
        sqlite3.SQLITE_PROTOCOL,
        sqlite3.SQLITE_NOTADB,
    }
)


DAMAGED_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
"""Transient only in that splitting cannot help: the file will not mend itself while running."""


class StateNotSaved(Exception):
    """A backend's state write was rolled back with the facts before it (the disk is full …),
    or refused because updates before it were dropped (see :attr:`KeptFacts.holding_state`)."""


class RowFailed(sqlite3.DatabaseError):
    """A row of a :class:`~app.facts.MessagesReceived` tripped a bug (not SQLite): the batch is
    rolled back and split like a deterministic failure, so that row alone is skipped."""


def transient(exc: sqlite3.Error) -> bool:
    """Whether trying the same facts again later may work (the primary result code says;
    without one, an ``OperationalError`` is taken as one: "not under the programmer's control")."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return isinstance(exc, sqlite3.OperationalError)
    return code & 0xFF in TRANSIENT_CODES


def weight(fact: object) -> int:
    """What a fact counts against :data:`MAX_KEPT` and a batch's size: its messages, or one."""
    return len(fact.messages) if isinstance(fact, f.MessagesReceived) else 1


def chars(fact: object) -> int:
    """What a fact counts against :data:`MAX_KEPT_CHARS`: the text of its messages."""
    if isinstance(fact, f.MessagesReceived):
        return sum(len(m.body) + len(m.html or "") for m in fact.messages)
    if isinstance(fact, f.MessageReceived):
        return len(fact.body) + len(fact.html or "")
    return 0


@dataclass
class Saved(Generic[T]):
    """What one call of :func:`save_in_order` did."""

    events: list[ev.Event] = field(default_factory=list)
    unsaved: list[T] = field(default_factory=list)
    """The facts not saved, in order, because of a transient failure (``error``)."""
    error: sqlite3.Error | None = None
    dropped: int = 0
    """Facts (or rows) dropped because the store refused them every time."""
    dropped_error: sqlite3.Error | None = None


def _halves(piece: list[T]) -> tuple[list[T], list[T]] | None:
    """``piece`` in two ordered halves; a lone fact of several messages is split by its rows;
    ``None`` when it is one fact (or one row) and cannot be split further."""
    if len(piece) > 1:
        mid = len(piece) // 2
        return piece[:mid], piece[mid:]
    one = piece[0]
    if isinstance(one, f.MessagesReceived) and len(one.messages) > 1:
        mid = len(one.messages) // 2
        return (
            [cast(T, replace(one, messages=one.messages[:mid]))],
            [cast(T, replace(one, messages=one.messages[mid:]))],
        )
    return None


def describe(fact: object) -> str:
    """A fact for a log line: its type and conversation (never a message's text)."""
    where = getattr(fact, "conversation", None) or getattr(fact, "key", None)
    return f"{type(fact).__name__}({where!r})" if where else type(fact).__name__


def save_in_order(
    apply_once: Callable[[list[T]], list[ev.Event]],
    facts: Sequence[T],
    log: logging.LoggerAdapter[logging.Logger],
) -> Saved[T]:
    """Save ``facts`` with ``apply_once`` (one transaction; it raises ``sqlite3.Error`` having
    rolled back): whole if it can, else split around the facts the store refuses every time.

    A transient failure stops at once: what is not saved yet is returned in order, to be kept.
    """
    saved: Saved[T] = Saved()
    todo = [list(facts)]  # pieces still to save, the next one last
    while todo:
        piece = todo.pop()
        try:
            saved.events += apply_once(piece)
        except sqlite3.Error as exc:
            if transient(exc):
                saved.unsaved = piece + [x for rest in reversed(todo) for x in rest]
                saved.error = exc
                return saved
            halves = _halves(piece)
            if halves is None:
                log.error("dropped %s: the store refuses it (%s)", describe(piece[0]), exc)
                saved.dropped += 1
                saved.dropped_error = exc
                continue
            todo += reversed(halves)
    return saved


def poison_notice(saved: Saved[Any], account_id: str) -> list[ev.Event]:
    """A notice for the facts the store refused for good in one call of :func:`save_in_order`."""
    if not saved.dropped:
        return []
    text = CoreMessages.tr(
        "Could not save %n incoming update(s) (%1); the log says which.", "", saved.dropped
    ).arg(saved.dropped_error)
    return [ev.Notice(text, account_id, "error")]


class KeptFacts:
    """The session's bookkeeping while the store cannot save: how long to wait before the next
    attempt, how much is kept, what was dropped past the cap, and the notices (one when saving
    fails, one when it works again; never one per batch).

    After anything was dropped, resume positions must not move past it: :attr:`holding_state`
    tells the session to refuse state writes until the next backend starts from what is stored
    (so a Matrix or XMPP account fetches the dropped messages again then; IRC cannot).
    """

    def __init__(
        self,
        account_id: str,
        log: logging.LoggerAdapter[logging.Logger],
        backoff: Backoff,
        cap: int = MAX_KEPT,
        cap_chars: int = MAX_KEPT_CHARS,
    ) -> None:
        self.account_id = account_id
        self.log = log
        self.backoff = backoff
        self.cap = cap
        self.cap_chars = cap_chars
        self.error: sqlite3.Error | None = None  # set while saving fails
        self.kept = 0  # the weight of the facts queued while failing
        self.kept_chars = 0  # and their text
        self.dropped: Counter[str] = Counter()  # per conversation, since the last notice
        self.holding_state = False
        self.asked = False  # the person asked to try again now: a failure is said again

    @property
    def failing(self) -> bool:
        return self.error is not None

    def failed(self, exc: sqlite3.Error, queued: Sequence[object]) -> list[ev.Event]:
        """Saving ``queued`` (every fact now waiting, in order) failed transiently."""
        self.kept = sum(weight(x) for x in queued)
        self.kept_chars = sum(chars(x) for x in queued)
        self.log.warning("could not save %d updates, kept to retry: %s", self.kept, exc)
        first = self.error is None
        self.error = exc
        if not (first or self.asked):
            return []
        self.asked = False
        if (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF in DAMAGED_CODES:
            # It does not mend itself: promising "as soon as the disk works again" is untrue.
            text = CoreMessages.tr(
                "The message store of this account is damaged (%1). Incoming messages are kept "
                "in memory for now and are lost when Chinwag quits."
            ).arg(exc)
            return [self._notice(text, "error")]
        text = CoreMessages.tr(
            "Could not save incoming messages (%1). They are kept and saved as soon as "
            "the disk works again."
        ).arg(exc)
        return [ev.Notice(text, self.account_id, "error", action=ev.NOTICE_RETRY_SAVING)]

    def saved(self, facts: Sequence[object]) -> bool:
        """``facts`` were saved: they no longer count against the cap. ``True`` once every
        fact kept since saving failed is saved (time for :meth:`recovered`)."""
        if self.error is None:
            return False
        self.kept = max(0, self.kept - sum(weight(x) for x in facts))
        self.kept_chars = max(0, self.kept_chars - sum(chars(x) for x in facts))
        return self.kept == 0

    def delay(self) -> float:
        return self.backoff.next_delay()

    def admit(self, fact: object) -> bool:
        """Whether a newly reported fact may be kept (always, unless saving fails and the cap
        is reached); a refused one is counted for :meth:`dropped_notice`."""
        if self.error is None:
            return True
        count, text = weight(fact), chars(fact)
        if self.kept + count > self.cap or self.kept_chars + text > self.cap_chars:
            where = getattr(fact, "conversation", "") or "-"
            self.dropped[where] += count
            self.holding_state = True
            return False
        self.kept += count
        self.kept_chars += text
        return True

    def dropped_notice(self) -> list[ev.Event]:
        """One notice for what :meth:`admit` refused since the last one (said once per try)."""
        if not self.dropped:
            return []
        total = sum(self.dropped.values())
        where = ", ".join(sorted(self.dropped)[:5]) + (", …" if len(self.dropped) > 5 else "")
        self.log.error(
            "dropped %d updates past the cap of %d kept (%d characters) while the store fails: %s",
            total,
            self.cap,
            self.cap_chars,
            dict(self.dropped),
        )
        self.dropped.clear()
        return [
            self._notice(
                CoreMessages.tr(
                    "%n incoming update(s) dropped: too many were waiting to be saved (in %1).",
                    "",
                    total,
                ).arg(where),
                "error",
            )
        ]

    def recovered(self) -> list[ev.Event]:
        """Everything kept is saved: back to normal, said once."""
        if self.error is None:
            return []
        self.log.warning("the store saves again; every kept update is saved")
        self.error = None
        self.asked = False
        self.kept = self.kept_chars = 0
        self.backoff.reset()
        return [self._notice(CoreMessages.tr("Incoming messages are saved again."), "info")]

    def abandon(self) -> None:
        """What was kept is given up (the session stops): start afresh next time."""
        self.error = None
        self.asked = False
        self.kept = self.kept_chars = 0
        self.backoff.reset()

    def _notice(self, text: str, level: str) -> ev.Notice:
        return ev.Notice(text, self.account_id, level)
