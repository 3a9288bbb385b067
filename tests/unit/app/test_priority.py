"""Busy threads give way to the GUI thread while it works, never for long, and not at all when
nobody draws (app.priority)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator

import pytest

from app import priority


@pytest.fixture(autouse=True)
def _idle_gui(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(priority, "_working_until", 0.0)
    monkeypatch.setattr(priority, "_local", threading.local())
    yield


def test_nobody_draws_nobody_waits() -> None:
    started = time.monotonic()
    for _ in range(1000):
        priority.give_way()
    assert time.monotonic() - started < 0.05


def test_a_busy_thread_waits_until_the_gui_has_been_quiet_then_runs_a_while() -> None:
    priority.ui_working()
    started = time.monotonic()
    priority.give_way()
    waited = time.monotonic() - started
    assert priority.QUIET * 0.5 <= waited <= priority.MAX_WAIT + 0.05
    priority.ui_working()  # the GUI works again at once: the thread has its run first
    started = time.monotonic()
    priority.give_way()
    assert time.monotonic() - started < priority.QUIET * 0.5


def test_a_gui_that_never_rests_cannot_hold_a_busy_thread_for_long() -> None:
    stop = threading.Event()

    def drawing() -> None:  # a GUI thread saying it works, all the time
        while not stop.is_set():
            priority.ui_working()
            time.sleep(0.001)

    gui = threading.Thread(target=drawing)
    gui.start()
    try:
        time.sleep(0.005)
        started = time.monotonic()
        priority.give_way()
        assert time.monotonic() - started <= priority.MAX_WAIT + 0.05
    finally:
        stop.set()
        gui.join()


async def test_the_core_loop_goes_on_while_a_reader_gives_way() -> None:
    priority.ui_working()
    ticks: list[float] = []

    async def other_task() -> None:
        for _ in range(3):
            ticks.append(time.monotonic())
            await asyncio.sleep(0)

    started = time.monotonic()
    await asyncio.gather(priority.give_way_async(), other_task())
    assert len(ticks) == 3 and ticks[-1] - started < priority.QUIET  # not held up by the wait
    assert time.monotonic() - started >= priority.QUIET * 0.5


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
    started = time.monotonic()
    await asyncio.wait_for(priority.window_turn("matrix", limit=0.2), 10)
    assert time.monotonic() - started >= 0.2
