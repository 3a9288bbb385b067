"""New messages of the open conversation at a pace the view can follow (issues 16 and 18).

Each batch of new rows costs the message view a relayout of its rows, a scroll to the bottom and
a repaint of what is in sight. A flood delivers a batch every frame (IRC) or every sync answer
(Matrix), far faster than anyone reads; so while the view follows the newest messages, batches
that come less than :data:`FLOOD_INTERVAL` after the last one wait and go in together, at most
ten times a second. During a flood (more than :data:`READING_RATE` new rows a second) they wait
until about a screenful of rows is held, or :data:`FLOOD_PACE` at most: a Matrix flood comes
as two sync answers a second of a dozen messages each, and each answer was a relayout and a
repaint of the whole view. A message after a quiet moment goes in at once: a conversation at a
human pace looks exactly as before.

A screenful held during a flood goes in on a turn of the event loop of its own, not inside the
delivery that completed it: that delivery already updates the sidebar, the notifications and the
title, and the new rows then cost the view a relayout and a paint of a whole screen of new rich
text. Both in one turn were the longest stalls of the GUI thread in a flood (issue 16; see
docs/performance.md, "The flood's frames"); apart, input and timers are served between them.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Slot

from app import events as ev
from app.priority import ui_busy

FLOOD_INTERVAL = 0.1  # seconds between two batches of rows while following a flood
READING_RATE = 10  # messages a second: more, and nobody reads them as they come (a flood)
FLOOD_PACE = 1.0  # seconds at most between two batches during a flood


def merged(events: list[ev.MessagesAdded]) -> list[ev.MessagesAdded]:
    """Consecutive events of one conversation and one kind (live or not) as one event."""
    out: list[ev.MessagesAdded] = []
    for event in events:
        last = out[-1] if out else None
        if last is not None and (last.conversation_id, last.live) == (
            event.conversation_id,
            event.live,
        ):
            out[-1] = ev.MessagesAdded(
                last.conversation_id, last.messages + event.messages, last.live
            )
        else:
            out.append(event)
    return out


class LivePacer(QObject):
    """Holds back batches of new messages that come too fast, then hands them over together.

    ``deliver`` gets the held events (merged) when the interval is over, or at once when
    :meth:`flush` is called: before anything else about the conversation is applied (an edit of
    a held message must find its row), so the order of events never changes."""

    def __init__(
        self,
        deliver: Callable[[list[ev.MessagesAdded]], None],
        parent: QObject | None = None,
        interval: float = FLOOD_INTERVAL,
        pace: float = FLOOD_PACE,
    ) -> None:
        super().__init__(parent)
        self._deliver = deliver
        self._interval = interval
        self._pace = pace
        self._pending: list[ev.MessagesAdded] = []
        self._held = 0  # rows held
        self._last = -math.inf  # the last hand-over: long ago (the clock may start near 0)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        self._recent: deque[tuple[float, int]] = deque()  # (when, how many) over the last second
        self._recent_count = 0

    @property
    def holding(self) -> bool:
        return bool(self._pending)

    @property
    def flooding(self) -> bool:
        """More than :data:`READING_RATE` new rows came in the last second."""
        self.count(0)
        return self._recent_count > READING_RATE

    def count(self, arrived: int) -> None:
        """``arrived`` new rows went in (the model counts what it adds, not what it skips)."""
        now = time.monotonic()
        if arrived:
            self._recent.append((now, arrived))
            self._recent_count += arrived
        while self._recent and self._recent[0][0] < now - 1.0:
            self._recent_count -= self._recent.popleft()[1]

    def offer(self, event: ev.MessagesAdded, steady: bool, enough: int = 20) -> bool:
        """True if ``event`` is taken (held, or delivered with what was held); False: add it
        now. ``steady``: the view follows the newest messages of a loaded window (otherwise
        nothing is held). ``enough``: during a flood, this many held rows go in at once."""
        now = time.monotonic()
        if not steady:
            self.flush()
            self._last = now
            return False
        wait = self._pace if self.flooding else self._interval
        if self._pending or now - self._last < wait:
            self._pending.append(event)
            self._held += len(event.messages)
            if self._held >= enough and now - self._last >= self._interval:
                self._timer.start(0)  # a turn of its own (see the module), before anything due
            elif not self._timer.isActive():
                self._timer.start(max(0, round((self._last + wait - now) * 1000)))
            return True
        self._last = now
        return False

    @Slot()
    def flush(self) -> None:
        """Hand over what is held, now."""
        self._timer.stop()
        pending, self._pending = self._pending, []
        self._held = 0
        if pending:
            self._last = time.monotonic()
            with ui_busy():  # the busy threads give way meanwhile (app.priority)
                self._deliver(merged(pending))

    def drop(self) -> None:
        """Forget what is held (another conversation was opened: its page comes from the store,
        which has these messages already)."""
        self._timer.stop()
        self._pending = []
        self._held = 0
        self._recent.clear()
        self._recent_count = 0
