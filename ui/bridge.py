"""The one door between the core thread and the GUI thread.

Core → UI: :class:`CoreBridge` subscribes to the core's bus (callbacks run on the core thread),
queues each event, and delivers them on the GUI thread as *batches* through the ``events`` signal,
at most once per frame: a flood of 10,000 messages becomes a few signals, not 10,000.

UI → core: :meth:`CoreBridge.call` schedules a core coroutine on the core loop and returns a request
id at once; the answer comes back as a :class:`~app.events.RequestFinished` in the same stream (and
to an optional callback, also on the GUI thread). The GUI thread never waits for the core.
"""

from __future__ import annotations

import concurrent.futures
import itertools
import logging
import threading
import time
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app.core import CommandError, Core
from app.events import Event, RequestFinished
from app.runtime import CoreStopped, CoreThread
from app.secrets import SecretsUnavailable

FRAME_SECONDS = 0.016
_log = logging.getLogger(__name__)


class CoreBridge(QObject):
    """Signals:

    ``events(list)``: a batch of core events, in order, delivered on the GUI thread.
    """

    events = Signal(list)
    _wake = Signal()

    def __init__(self, runner: CoreThread, parent: QObject | None = None) -> None:
        super().__init__(parent)
        assert runner.core is not None, "start the CoreThread first"
        self.runner = runner
        self.core: Core = runner.core
        self._lock = threading.Lock()
        self._queue: list[Event] = []
        self._scheduled = False
        self._last_flush = 0.0
        self._callbacks: dict[int, Callable[[RequestFinished], None]] = {}
        self._ids = itertools.count(1)
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush)
        self._wake.connect(self._flush)
        # Subscribed before the core starts, so the initial state is never missed.
        self._unsubscribe = self.core.bus.subscribe(Event, self._enqueue)

    def start(self) -> None:
        """Start the core (open stores, publish state, connect) in the core thread."""
        self.call(self.core.start())

    def call(
        self,
        coro: Coroutine[Any, Any, Any],
        on_done: Callable[[RequestFinished], None] | None = None,
    ) -> int:
        """Run a core command; its :class:`RequestFinished` arrives later on the GUI thread."""
        request_id = next(self._ids)
        if on_done is not None:
            self._callbacks[request_id] = on_done
        future = self.runner.submit(coro)
        future.add_done_callback(lambda fut: self._finished(request_id, fut))
        return request_id

    def close(self) -> None:
        """Stop delivering: the windows that asked for answers may be gone."""
        self._closed = True
        self._unsubscribe()
        self._callbacks.clear()
        self._timer.stop()

    # -- core thread -----------------------------------------------------------------------

    def _finished(self, request_id: int, future: concurrent.futures.Future[Any]) -> None:
        try:
            result = future.result()
        except (CommandError, SecretsUnavailable) as exc:
            self._enqueue(RequestFinished(request_id, None, str(exc)))
        except concurrent.futures.CancelledError:
            self._enqueue(RequestFinished(request_id, None, "cancelled"))
        except CoreStopped:
            _log.debug("a command came after the core stopped; dropped")
            self._enqueue(RequestFinished(request_id, None, "cancelled"))
        except Exception as exc:
            _log.error("core command failed", exc_info=exc)
            self._enqueue(RequestFinished(request_id, None, f"Internal error: {exc}"))
        else:
            self._enqueue(RequestFinished(request_id, result))

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
        if wait > 0.001:
            if not self._timer.isActive():
                self._timer.start(int(wait * 1000) + 1)
            return
        with self._lock:
            batch, self._queue = self._queue, []
            self._scheduled = False
        if not batch:
            return
        self._last_flush = time.monotonic()
        self.events.emit(batch)
        for event in batch:
            if isinstance(event, RequestFinished):
                callback = self._callbacks.pop(event.request_id, None)
                if callback is not None:
                    try:
                        callback(event)
                    except Exception:
                        _log.exception("request callback failed")
