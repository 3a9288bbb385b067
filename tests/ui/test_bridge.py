"""The bridge's answers: a command's typed result reaches its callback on the GUI thread, after
the events the command published; failures arrive as ``Failed`` with words for a person."""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
import time
from collections.abc import Coroutine
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from app import events as ev
from app.models import Conversation, ConversationId
from app.runtime import Done, Failed, Result
from tests.fakes.fake_backend import FakeServer
from tests.ui.helpers import sign_in
from tests.ui.waits import UI_WAIT_MS
from ui.bridge import CoreBridge
from ui.main_window import MainWindow

T = TypeVar("T")


def answer_of(qtbot: QtBot, bridge: CoreBridge, coro: Coroutine[Any, Any, T]) -> Result[T]:
    answers: list[Result[T]] = []
    bridge.call(coro, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=UI_WAIT_MS)
    assert len(answers) == 1
    return answers[0]


def test_an_answer_comes_typed_on_the_gui_thread_after_the_events_of_its_command(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    bridge = window.bridge
    seen: list[object] = []
    bridge.events.connect(
        lambda batch: seen.extend(e for e in batch if isinstance(e, ev.ConversationsChanged))
    )
    threads: list[bool] = []

    def answered(done: Result[Conversation]) -> None:
        threads.append(QThread.currentThread() is window.thread())
        seen.append(done)

    bridge.call(bridge.core.conversations.open_direct(account_id, "bob"), answered)
    qtbot.waitUntil(lambda: any(isinstance(s, Done) for s in seen), timeout=UI_WAIT_MS)

    done = seen[-1]
    assert isinstance(done, Done) and isinstance(done.value, Conversation)
    assert done.value.id == ConversationId(account_id, "bob")
    assert done.ok and done.error is None
    assert threads == [True]
    created = [
        e
        for e in seen[:-1]
        if isinstance(e, ev.ConversationsChanged)
        and any(c.id == done.value.id for c in e.conversations)
    ]
    assert created, "the answer came before the event that created the conversation"
    assert window.sidebar_model.conversation_index(done.value.id).isValid()


def test_an_answer_wanted_at_once_is_not_held_for_the_frame_the_events_are(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """Events are delivered at most once a frame (a flood's); an answer someone waits for (a
    page of history, ``at_once``) is not held until the frame is over, and still comes after
    the events of its command."""
    account_id = sign_in(qtbot, window, fake_server)
    bridge = window.bridge
    seen: list[object] = []
    bridge.events.connect(
        lambda batch: seen.extend(e for e in batch if isinstance(e, ev.ConversationsChanged))
    )
    # As if the last batch had just gone (the next frame an hour away), and an event waits
    # for that frame.
    bridge._last_flush = time.monotonic() + 3600
    bridge._enqueue(ev.ConversationsChanged(()))
    qtbot.waitUntil(bridge._timer.isActive, timeout=UI_WAIT_MS)
    bridge.call(
        bridge.core.conversations.open_direct(account_id, "carol"), seen.append, at_once=True
    )
    qtbot.waitUntil(lambda: any(isinstance(s, Done) for s in seen), timeout=UI_WAIT_MS)
    done = seen[-1]
    assert isinstance(done, Done) and isinstance(done.value, Conversation)
    assert any(
        isinstance(e, ev.ConversationsChanged)
        and any(c.id == done.value.id for c in e.conversations)
        for e in seen[:-1]
    ), "the answer came before the event that created the conversation"


def test_a_refused_command_is_failed_with_its_message(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    done = answer_of(qtbot, window.bridge, window.core.conversations.open_direct(account_id, "   "))
    assert done == Failed("Whom do you want to talk to?")
    assert not done.ok


def test_a_crashing_command_is_an_internal_error_and_logged(
    qtbot: QtBot, window: MainWindow, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken() -> int:
        raise ValueError("boom")

    done = answer_of(qtbot, window.bridge, broken())
    assert done == Failed("Internal error: boom")
    assert any(r.exc_info and "boom" in str(r.exc_info[1]) for r in caplog.records)


def test_a_cancelled_command_is_failed_cancelled(qtbot: QtBot, window: MainWindow) -> None:
    async def cancelled() -> int:
        raise asyncio.CancelledError

    assert answer_of(qtbot, window.bridge, cancelled()) == Failed("cancelled")


def test_after_the_core_stopped_a_command_is_not_run_and_answers_cancelled(
    qtbot: QtBot, window: MainWindow
) -> None:
    ran = threading.Event()

    async def late() -> int:
        ran.set()
        return 1

    window.bridge.runner.stop()
    assert answer_of(qtbot, window.bridge, late()) == Failed("cancelled")
    assert not ran.is_set()


def test_after_close_no_answer_is_delivered(qtbot: QtBot, window: MainWindow) -> None:
    bridge = window.bridge
    finished = threading.Event()
    answers: list[Result[int]] = []

    async def quick() -> int:
        finished.set()
        return 1

    bridge.close()
    bridge.call(quick(), answers.append)
    qtbot.waitUntil(finished.is_set, timeout=UI_WAIT_MS)
    qtbot.wait(100)  # give a wrongly queued answer the chance to arrive
    assert answers == []


def test_a_command_finished_before_its_callback_was_added_is_answered_later(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a loaded machine the core can finish a command before ``call`` adds its callback,
    which then runs at once on the GUI thread: the answer must still come on a later turn of
    the event loop (the window's first page was once taken in while it was being opened)."""
    bridge = window.bridge

    def finished_at_once(coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        coro.close()
        future: concurrent.futures.Future[T] = concurrent.futures.Future()
        future.set_result(42)  # type: ignore[arg-type]
        return future

    monkeypatch.setattr(bridge.runner, "submit", finished_at_once)
    answers: list[Result[int]] = []
    bridge.call(asyncio.sleep(0, 42), answers.append)
    assert answers == []  # not inside call()
    qtbot.waitUntil(lambda: bool(answers), timeout=UI_WAIT_MS)
    assert answers == [Done(42)]
