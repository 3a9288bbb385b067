"""Python's cyclic garbage collector runs on the GUI thread only, while the window is up.

CPython collects reference cycles on whichever thread happens to allocate past the threshold.
When that is the core's or the store's thread and the garbage holds one of the window's Qt
objects, Qt's destructor runs on that thread: it waits for a lock the GUI thread holds, while the
GUI thread waits for the interpreter lock the collecting thread holds. The window froze so (a UI
test under load: the store thread collecting inside a query, the GUI thread inside
``QTextDocument::size``). Automatic collection is therefore switched off and a timer on the GUI
thread collects at the thresholds Python itself would use. Reference counting still frees
everything that is not in a cycle at once, so only cyclic garbage waits, for at most a tick.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, Qt, QTimer

INTERVAL_MS = 2000
"""How often the GUI thread looks at the collector's counts (a very coarse timer: it wakes the
thread at most this often, and with other timers)."""


class GuiThreadCollector(QObject):
    """Collects cyclic garbage on the thread it lives on (create it on the GUI thread)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect)
        self._was_enabled = gc.isenabled()

    def start(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Hand collection back to Python (as it was before :meth:`start`)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()

    def collect(self) -> int:
        """The generation Python would collect now (the oldest one past its threshold), if any;
        returns the number of unreachable objects found."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            limit = thresholds[generation]
            if limit and counts[generation] > limit:
                return gc.collect(generation)
        return 0


def freeze_what_started() -> int:
    """Collect, then move every object alive into Python's permanent generation (``gc.freeze``);
    the number moved. Call it once the start is over (window built, backends imported).

    What is alive then (modules, classes, functions, the window) lives as long as the process, yet
    every full collection walked all of it again: some 110,000 objects, 55 ms of the GUI thread
    each time with the three backends imported, and the collector above runs a full collection
    after every ten of the younger ones (during a flood, every few thousand messages). Frozen
    objects are still freed when their last reference goes; only a cycle among them would stay."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


_installed: GuiThreadCollector | None = None


def install(parent: QObject) -> GuiThreadCollector:
    """Start collecting on the GUI thread (once per process; ``parent`` is the application)."""
    global _installed  # noqa: PLW0603 (one per process, like the collector itself)
    if _installed is None:
        _installed = GuiThreadCollector(parent)
        _installed.start()
    return _installed


def uninstall() -> None:
    """Collect what is due on this (the GUI) thread and hand collection back to Python.

    For a process that outlives its window: tests, where one window's life is one test and the
    tests after it must not run with automatic collection off."""
    global _installed  # noqa: PLW0603
    if _installed is not None:
        _installed.collect()
        _installed.stop()
        _installed.deleteLater()
        _installed = None
