"""The one door between the core thread and the GUI thread.

Core → UI: :class:`CoreBridge` subscribes to the core's bus (callbacks run on the core thread),
queues each event, and delivers them on the GUI thread as *batches* through the ``events`` signal,
at most once per frame: a flood of 10,000 messages becomes a few signals, not 10,000. An answer
someone waits for (``call(..., at_once=True)``: a page of history) is not held for the frame.

UI → core: :meth:`CoreBridge.call` schedules a core coroutine on the core loop and returns at once;
its answer, a typed :data:`~app.runtime.Result` (``Done(value)`` or ``Failed(error)``), goes to an
optional callback on the GUI thread, queued behind the events the command published, so the
callback sees the models already updated. The GUI thread never waits for the core.
"""

from __future__ import annotations

import concurrent.futures
import logging
import threading
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from app.core import Core
from app.events import Event
from app.priority import ui_busy
from app.runtime import CoreThread, EventRelay, Result, result_of

T = TypeVar("T")

FRAME_SECONDS = 0.016
_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Answer(Generic[T]):
    """A command's result waiting in the queue, with the callback that wants it."""

    result: Result[T]
    on_done: Callable[[Result[T]], None]

    def deliver(self) -> None:
        target = getattr(self.on_done, "func", self.on_done)  # a functools.partial's method
        owner = getattr(target, "__self__", None)
        if isinstance(owner, QObject) and not shiboken6.isValid(owner):
            return  # a closed (deleted) dialog asked: nobody is there to answer
        self.on_done(self.result)


class CoreBridge(QObject):
    """Signals:

    ``events(list)``: a batch of core events, in order, delivered on the GUI thread.
    """

    events = Signal(list)
    _wake = Signal()

    def __init__(
        self,
        runner: CoreThread,
        parent: QObject | None = None,
        *,
        relay: EventRelay | None = None,
    ) -> None:
        """``relay``: the core was started before this bridge (``ui.main``); what it published
        meanwhile is delivered first. Without one, subscribe before the core starts
        (:meth:`start`)."""
        super().__init__(parent)
        assert runner.core is not None, "start the CoreThread first"
        self.runner = runner
        self.core: Core = runner.core
        self._lock = threading.Lock()
        self._queue: list[Event] = []
        self._answers: list[_Answer[Any]] = []
        self._scheduled = False
        self._at_once = False  # an answer wanted at once is queued
        self._last_flush = 0.0
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush)
        # Queued even when emitted on the GUI thread: a command that finished before
        # bridge.call() added its callback (a fast core on a loaded machine) must still be
        # answered later, not inside call() while the caller is half-way through its work.
        self._wake.connect(self._flush, Qt.ConnectionType.QueuedConnection)
        if relay is not None:  # the events so far, then the later ones, on the core thread
            self._unsubscribe = relay.attach(self._enqueue)
        else:  # subscribed before the core starts, so the initial state is never missed
            self._unsubscribe = self.core.bus.subscribe(Event, self._enqueue)

    def start(self) -> None:
        """Start the core (open stores, publish state, connect) in the core thread."""
        self.call(self.core.start())

    def call(
        self,
        coro: Coroutine[Any, Any, T],
        on_done: Callable[[Result[T]], None] | None = None,
        *,
        at_once: bool = False,
    ) -> concurrent.futures.Future[T]:
        """Run a core command; ``on_done`` later receives its typed result on the GUI thread.

        Without ``on_done`` the result is dropped (a failure that is a bug is still logged).
        ``at_once``: someone waits for this answer (a page of history): it is delivered as soon
        as it comes, with the events queued before it, not held until the frame is over
        (events are paced to a frame for a flood's sake; so are other answers, which may come
        by the hundred, such as link previews).
        The returned future is only for ``cancel()`` (a search that a newer one replaced): the
        command is cancelled on the core loop and ``on_done`` gets ``Failed("cancelled")``.
        Never wait on it here.
        """
        future = self.runner.submit(coro)
        future.add_done_callback(lambda fut: self._finished(fut, on_done, at_once))
        return future

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` ran (the window quit; nothing reaches it any more)."""
        return self._closed

    def close(self) -> None:
        """Stop delivering: the windows that asked for answers may be gone."""
        self._closed = True
        self._unsubscribe()
        with self._lock:
            self._queue, self._answers = [], []
        self._timer.stop()

    # -- core thread -----------------------------------------------------------------------

    def _finished(
        self,
        future: concurrent.futures.Future[T],
        on_done: Callable[[Result[T]], None] | None,
        at_once: bool = False,
    ) -> None:
        result = result_of(future)  # logs a failure that is a bug, even if nobody listens
        if on_done is None or self._closed:
            return
        with self._lock:
            self._answers.append(_Answer(result, on_done))
            # (events waiting for the next frame do not hold back an answer wanted at once)
            wake = not self._scheduled or (at_once and not self._at_once)
            self._at_once = self._at_once or at_once
            self._scheduled = True
        if wake:
            self._wake.emit()

    def _enqueue(self, event: Event) -> None:
        with self._lock:
            self._queue.append(event)
            if self._scheduled:
                return
            self._scheduled = True
        self._wake.emit()  # queued to the GUI thread: the bridge lives there

    # -- GUI thread ------------------------------------------------------------------------

    @Slot()
    def _flush(self) -> None:
        if self._closed:
            return
        wait = FRAME_SECONDS - (time.monotonic() - self._last_flush)
        # An answer someone waits for goes at once, with the events before it (see call):
        # held to the frame, a page of history asked within 16 ms of the last batch waited out
        # the rest of it (history_bench: every page took 16 ms or more, of 8-10 ms of work).
        if wait > 0.001 and not self._at_once:
            if not self._timer.isActive():
                self._timer.start(int(wait * 1000) + 1)
            return
        with self._lock:
            batch, self._queue = self._queue, []
            answers, self._answers = self._answers, []
            self._scheduled = self._at_once = False
        if not batch and not answers:
            return
        self._last_flush = time.monotonic()
        # The busy threads give way while the window takes this in (app.priority).
        with ui_busy():
            # Events first: an answer's callback then sees the models its command updated.
            if batch:
                self.events.emit(batch)
            for answer in answers:
                try:
                    answer.deliver()
                except Exception:
                    _log.exception("request callback failed")
