"""Busy threads give way to the GUI thread while it works, never for long, and not at all when
nobody draws (app.priority).

On a virtual clock (``priority.time`` replaced): what is asserted is what the module decides to
wait, never how long a loaded machine took to wait it (a timed test is a flaky test)."""

from __future__ import annotations

import asyncio
import sys
import threading
from collections.abc import Callable, Iterator

import pytest

from app import priority


class Clock:
    """``time.monotonic`` and ``time.sleep`` for the module: sleeping moves the clock (and
    calls ``during``: what the GUI thread does meanwhile)."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []
        self.during: Callable[[], None] = lambda: None

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds > 0
        self.slept.append(seconds)
        self.now += seconds
        self.during()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    fake = Clock()
    monkeypatch.setattr(priority, "time", fake)
    monkeypatch.setattr(priority, "_working_until", 0.0)
    monkeypatch.setattr(priority, "_busy", 0)
    monkeypatch.setattr(priority, "_local", threading.local())
    yield fake


def test_nobody_draws_nobody_waits(clock: Clock) -> None:
    """Headless (tests, a core with no window): nobody ever says the GUI works."""
    for _ in range(1000):
        priority.give_way()
    assert clock.slept == []


def test_a_busy_thread_waits_until_the_gui_has_been_quiet_then_runs_a_while(clock: Clock) -> None:
    priority.ui_working()
    priority.give_way()
    assert sum(clock.slept) == pytest.approx(priority.QUIET)
    clock.slept.clear()
    clock.now += priority.RUN_AT_LEAST / 2
    priority.ui_working()  # the GUI works again at once: the thread has its run first
    priority.give_way()
    assert clock.slept == []
    clock.now += priority.RUN_AT_LEAST  # its run is over: it waits again
    priority.ui_working()
    priority.give_way()
    assert sum(clock.slept) == pytest.approx(priority.QUIET)


def test_a_gui_that_never_rests_cannot_hold_a_busy_thread_for_long(clock: Clock) -> None:
    clock.during = priority.ui_working  # the GUI says it works all the time
    priority.ui_working()
    ran = waited = 0.0
    for _ in range(100):  # a busy thread giving way every millisecond of its work
        before = clock.now
        priority.give_way()
        waited += clock.now - before
        clock.now += 0.001
        ran += 0.001
    assert max(clock.slept) <= priority.MAX_WAIT
    # Each wait (at most MAX_WAIT) buys a run of at least RUN_AT_LEAST.
    share = priority.RUN_AT_LEAST / (priority.RUN_AT_LEAST + priority.MAX_WAIT)
    assert ran / (ran + waited) >= share * 0.9


def test_a_block_of_work_holds_the_threads_only_as_long_as_it_lasts(clock: Clock) -> None:
    """ui_busy (nested too): waited for at most MAX_WAIT at a time while it lasts, QUIET after."""
    with priority.ui_busy():
        with priority.ui_busy():
            priority.give_way()
            assert clock.slept == [pytest.approx(priority.MAX_WAIT)]
        clock.now += priority.RUN_AT_LEAST
        clock.slept.clear()
        priority.give_way()  # the outer block still runs
        assert sum(clock.slept) == pytest.approx(priority.MAX_WAIT)
        clock.now += priority.RUN_AT_LEAST
        clock.slept.clear()
    priority.give_way()  # done: only the quiet after it
    assert sum(clock.slept) == pytest.approx(priority.QUIET)


async def test_the_core_loop_goes_on_while_a_reader_gives_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The reader's wait is an asyncio sleep: every other task of the core loop (the outbox, a
    shutdown) runs meanwhile, and cancelling the reader ends its wait at once."""
    monkeypatch.setattr(priority, "_working_until", 0.0)
    monkeypatch.setattr(priority, "_busy", 0)
    monkeypatch.setattr(priority, "_local", threading.local())
    order: list[str] = []

    async def reader() -> None:
        await priority.give_way_async()
        order.append("reader")

    async def other_task() -> None:
        await asyncio.sleep(0)  # a turn of the loop after the reader began to wait
        order.append("other")

    with priority.ui_busy():  # the window works all along: the reader waits MAX_WAIT
        await asyncio.gather(reader(), other_task())
        assert order == ["other", "reader"]
        monkeypatch.setattr(priority, "_local", threading.local())
        waiting = asyncio.get_running_loop().create_task(reader())
        await asyncio.sleep(0)
        waiting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiting
    assert order == ["other", "reader"]


@pytest.fixture
def window_coming() -> Iterator[None]:
    priority.window_coming()
    try:
        yield
    finally:
        priority.window_shown()
        priority.imports_expected(set())


async def test_without_a_window_coming_no_import_waits() -> None:
    priority.imports_expected({"xmpp", "matrix", "irc"})
    try:
        for what in ("xmpp", "matrix", "irc"):
            await asyncio.wait_for(priority.window_turn(what, limit=30), 5)
    finally:
        priority.imports_expected(set())


async def test_accounts_of_one_service_import_it_while_the_window_is_built(
    window_coming: None,
) -> None:
    """A single IRC account connects during the build (start → joined beside HexChat)."""
    priority.imports_expected({"irc"})
    await asyncio.wait_for(priority.window_turn("irc", limit=30), 5)
    await asyncio.wait_for(priority.window_turn("irc", limit=30), 5)


async def test_with_several_services_the_imports_wait_for_the_first_paint(
    window_coming: None,
) -> None:
    priority.imports_expected({"xmpp", "matrix", "irc"})
    waiting = [asyncio.create_task(priority.window_turn(p, limit=30)) for p in ("xmpp", "irc")]
    await asyncio.sleep(0.1)
    assert not any(t.done() for t in waiting)
    priority.window_shown()
    await asyncio.wait_for(asyncio.gather(*waiting), 5)


async def test_a_window_that_never_paints_holds_an_import_only_until_the_limit(
    window_coming: None,
) -> None:
    priority.imports_expected({"xmpp", "matrix"})
    held = asyncio.create_task(priority.window_turn("matrix", limit=0.2))
    await asyncio.sleep(0)
    assert not held.done()
    await asyncio.wait_for(held, 10)  # the window never said it painted: it goes anyway


def test_while_the_gui_is_busy_the_interpreter_switches_threads_sooner(clock: Clock) -> None:
    """A GUI thread coming back into Python waits for the lock at most the switch interval:
    shorter while it is busy, as it was after the outermost block (nested blocks too)."""
    before = sys.getswitchinterval()
    assert before > priority.BUSY_SWITCH_INTERVAL
    with priority.ui_busy():
        assert sys.getswitchinterval() == pytest.approx(priority.BUSY_SWITCH_INTERVAL)
        with priority.ui_busy():
            assert sys.getswitchinterval() == pytest.approx(priority.BUSY_SWITCH_INTERVAL)
        assert sys.getswitchinterval() == pytest.approx(priority.BUSY_SWITCH_INTERVAL)
    assert sys.getswitchinterval() == before
    with pytest.raises(RuntimeError), priority.ui_busy():
        raise RuntimeError("a slot failed")
    assert sys.getswitchinterval() == before
