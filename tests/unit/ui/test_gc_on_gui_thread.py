"""Cyclic garbage made on another thread is collected on the GUI thread (see
ui.gc_on_gui_thread): a Qt object in it must never be destroyed on the core's or store's thread."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui import gc_on_gui_thread
from ui.gc_on_gui_thread import GuiThreadCollector


class Cyclic:
    """Garbage in a cycle that records on which thread it was finalised."""

    finalised_on: list[str] = []  # noqa: RUF012 (a record shared by the instances)

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cyclic.finalised_on.append(threading.current_thread().name)


@pytest.fixture
def collector(qtbot: QtBot) -> Iterator[GuiThreadCollector]:
    was = gc.isenabled()
    gc.enable()
    gc.collect()
    Cyclic.finalised_on.clear()
    c = GuiThreadCollector(interval_ms=50)
    c.start()
    yield c
    c.stop()
    if not was:
        gc.disable()


def test_cycles_dropped_on_a_worker_are_collected_on_the_gui_thread(
    qtbot: QtBot, collector: GuiThreadCollector
) -> None:
    assert not gc.isenabled()

    kept: list[list[int]] = []

    def worker() -> None:
        Cyclic()  # unreachable at once, but in a cycle: only the collector frees it
        # Allocate (and keep) far past the threshold: with automatic collection this thread
        # would have collected here.
        kept.extend([i] for i in range(10 * gc.get_threshold()[0]))

    thread = threading.Thread(target=worker, name="store-like")
    thread.start()
    thread.join()
    assert Cyclic.finalised_on == []
    qtbot.waitUntil(lambda: bool(Cyclic.finalised_on), timeout=30_000)
    assert Cyclic.finalised_on == [threading.main_thread().name]


def test_stop_hands_collection_back_to_python(collector: GuiThreadCollector) -> None:
    collector.stop()
    assert gc.isenabled()


def test_uninstall_collects_and_hands_collection_back(qtbot: QtBot) -> None:
    """A window's life in a test ends with Python's own collection back on, and the garbage
    that was due collected first, on this thread."""
    was = gc.isenabled()
    gc.enable()
    try:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        gc_on_gui_thread.install(app)
        assert not gc.isenabled()
        Cyclic.finalised_on.clear()
        Cyclic()
        threshold = gc.get_threshold()[0]
        kept = [[i] for i in range(2 * threshold)]
        gc_on_gui_thread.uninstall()
        assert gc.isenabled()
        assert kept and Cyclic.finalised_on == [threading.main_thread().name]
    finally:
        if not was:
            gc.disable()


def test_what_lives_after_the_start_is_frozen_and_new_garbage_still_collected(
    qtbot: QtBot, collector: GuiThreadCollector
) -> None:
    Cyclic()  # garbage from the start: collected before the rest is frozen
    long_lived = [[i] for i in range(1000)]
    try:
        frozen = gc_on_gui_thread.freeze_what_started()
        assert Cyclic.finalised_on == [threading.current_thread().name]
        assert frozen == gc.get_freeze_count() >= len(long_lived)
        walked = {id(x) for x in gc.get_objects(generation=2)}  # what a full collection visits
        assert not walked.intersection(map(id, long_lived))
        Cyclic()  # garbage made later is still the collector's
        long_lived.extend([i] for i in range(2 * gc.get_threshold()[0]))  # past the threshold
        qtbot.waitUntil(lambda: len(Cyclic.finalised_on) == 2, timeout=30000)
    finally:
        gc.unfreeze()
