"""The GUI thread first while it draws (issue 16): busy threads give way to it.

The core, the store and the GUI are threads of one interpreter and take turns holding its lock
(the GIL). During a flood the core and store threads want it all the time, so each time the GUI
thread comes back from Qt into Python (to size or paint a row, to handle a frame's events) it
waits for its turn, up to the switch interval (``ui.main.GIL_SWITCH_INTERVAL``) per call and a
hundred calls a frame: a frame took three or four times its own CPU time, and the window stalled
for 100-400 ms at a time while the flood was stored.

So the GUI thread says when it works (:func:`ui_busy` around the bridge's delivery of a frame's
events and the message view's layouts and paints, :func:`ui_working` from its delegate), and the busy threads give way where they safely can
(:func:`give_way` on the store thread, :func:`give_way_async` in the core loop): they sleep until
the GUI thread has been quiet for :data:`QUIET`, at most :data:`MAX_WAIT` at a time, and after
waiting they run at least :data:`RUN_AT_LEAST` before they wait again, so a GUI that never rests
cannot starve them. Sleeping releases the lock: the GUI thread has it to itself. Nothing is done
twice and nothing more: the same work happens a little later. Without a GUI (tests, headless use)
nobody ever says it works, and giving way costs a comparison.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import sys
import threading
import time
from collections.abc import Iterator

QUIET = 0.015
"""The GUI thread counts as working this long after it last said so (between two rows it sizes
or paints, Qt works in C++ without the lock)."""
MAX_WAIT = 0.050
"""The longest a busy thread waits at one point (a frame of the window during a flood takes
20-50 ms)."""
RUN_AT_LEAST = 0.010
"""How long a thread that waited runs before it waits again."""

BUSY_SWITCH_INTERVAL = 0.0002
"""The interpreter's switch interval while the GUI thread is busy (:func:`ui_busy`). A busy
thread gives way only where it safely can, a few milliseconds of its work apart; until then,
each time the GUI thread comes back from Qt into Python (a row's size or paint) it waited up to
the switch interval for the lock (1 ms, ``ui.main``): a frame's delivery of events took two or
three times its CPU time (docs/performance.md, "The flood's frames")."""

_working_until = 0.0  # time.monotonic() until which the GUI thread counts as working
_busy = 0  # ui_busy() blocks the GUI thread is in
_switch: list[float] = []  # the switch interval before the outermost ui_busy()
_local = threading.local()


def ui_working() -> None:
    """The GUI thread is at work (call it from the GUI thread, as often as is convenient)."""
    global _working_until  # noqa: PLW0603 (one interpreter, one GUI thread: one value)
    if not _busy:
        _working_until = time.monotonic() + QUIET


@contextlib.contextmanager
def ui_busy() -> Iterator[None]:
    """The GUI thread works for the length of the block (a frame's events, a layout, a paint),
    and :data:`QUIET` after it. Meanwhile the interpreter switches threads after
    :data:`BUSY_SWITCH_INTERVAL` (see there)."""
    global _working_until, _busy  # noqa: PLW0603
    _busy += 1
    _working_until = math.inf
    if _busy == 1:
        _switch.append(sys.getswitchinterval())
        sys.setswitchinterval(min(BUSY_SWITCH_INTERVAL, _switch[-1]))
    try:
        yield
    finally:
        _busy -= 1
        if not _busy:
            _working_until = time.monotonic() + QUIET
            sys.setswitchinterval(_switch.pop())


def _waits() -> Iterator[float]:
    """The sleeps of one giving way: until the GUI thread has been quiet for :data:`QUIET`, at
    most :data:`MAX_WAIT` in all; none while the calling thread still has its run after the last
    time it waited."""
    now = time.monotonic()
    if _working_until <= now or now < getattr(_local, "runs_until", 0.0):
        return
    deadline = now + MAX_WAIT
    while (left := min(_working_until, deadline) - now) > 0:
        yield left
        now = time.monotonic()
    _local.runs_until = now + RUN_AT_LEAST


def give_way() -> None:
    """On a busy thread (the store's): wait while the GUI thread works (see the module)."""
    for wait in _waits():
        time.sleep(wait)


async def give_way_async() -> None:
    """In the core loop (a backend reading a flood): :func:`give_way` without blocking the loop."""
    for wait in _waits():
        await asyncio.sleep(wait)


# -- the window's first paint ------------------------------------------------------------------

WINDOW_WAIT = 1.5
"""The longest a backend's import waits for the window's first paint (:func:`window_turn`)."""

_window_shown = threading.Event()
_window_shown.set()  # no window coming (tests, headless use): nobody waits
_expected: set[str] = set()  # the backends the saved accounts will import


def window_coming() -> None:
    """A front end is importing and building its window (call before the core starts)."""
    _window_shown.clear()


def window_shown() -> None:
    """The window has painted and is usable (or will not come): nobody waits any more."""
    _window_shown.set()


def imports_expected(protocols: set[str]) -> None:
    """The backends the enabled accounts will import (the core, before they start)."""
    _expected.clear()
    _expected.update(protocols)


async def window_turn(what: str, limit: float = WINDOW_WAIT) -> None:
    """In the core loop, before importing the backend ``what``: while the window is being built,
    wait until it has painted (at most ``limit`` s), unless ``what`` is the only backend the
    accounts need.

    Importing a backend is CPU work in the interpreter (the XMPP backend 0.4 s, matrix-nio
    more; an IRC account's sign-in itself is mostly waiting on the server), and the window's
    build shares it: at 1,000 rooms over an XMPP, a Matrix and an IRC account the window took
    twice its own time (docs/performance.md, "The first window"). Accounts of one service
    (the usual case, and IRC's start → joined beside HexChat) still connect during the build."""
    if _window_shown.is_set() or _expected <= {what}:
        return
    deadline = time.monotonic() + limit
    while not _window_shown.is_set() and (left := deadline - time.monotonic()) > 0:
        await asyncio.sleep(min(0.01, left))
