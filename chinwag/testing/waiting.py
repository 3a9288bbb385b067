"""Waiting in a test until a condition holds: the one helper every suite uses.

A test against a real server cannot know when the other side has acted, so it polls what it can
see. The deadline is generous on purpose: these are not timed tests, and the deadline only turns
a hang into a failure (a loaded 2-core machine must never trip it). Between polls the loop runs
the code under test (``asyncio.sleep``), so nothing busy-waits. On failure the message says what
was awaited and the last value seen, which is most of what one needs to read a CI failure.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable
from typing import TypeVar, cast

T = TypeVar("T")

DEADLINE = 120.0
"""Seconds :func:`wait_until` waits by default before it fails."""

INTERVAL = 0.05
"""Seconds between two polls (at least as long as the last poll took, so a condition that asks a
server is not repeated back to back): the loop runs everything else meanwhile."""

_SHOWN = 500  # characters of the last value a failure shows


async def wait_until(
    condition: Callable[[], Awaitable[T | None]] | Callable[[], T | None],
    timeout: float = DEADLINE,
    *,
    check: Callable[[T], object] | None = None,
    what: str | Callable[[], str] = "condition",
    interval: float = INTERVAL,
    message: str | Callable[[], str] | None = None,
) -> T:
    """Poll ``condition`` (a function, or a coroutine function) until its value is truthy, or
    until ``check(value)`` is when ``check`` is given, and return that value.

    ``what`` names what is awaited (a string, or a function that describes it at the time of
    failure); ``message`` is its older name, kept for plugin authors' tests. Fails with an
    ``AssertionError`` after ``timeout`` seconds, naming ``what`` and the last value seen.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        started = loop.time()
        value = condition()
        if inspect.isawaitable(value):
            value = await value
        took = loop.time() - started
        if check(cast(T, value)) if check is not None else value:
            return cast(T, value)
        if loop.time() > deadline:
            label = message if message is not None else what
            awaited = label() if callable(label) else label
            seen = repr(value)
            if len(seen) > _SHOWN:
                seen = seen[:_SHOWN] + "…"
            raise AssertionError(
                f"{awaited}: not reached within {timeout:g} s; last value seen: {seen}"
            )
        await asyncio.sleep(max(interval, took))  # a slow poll (a request) is not repeated at once
