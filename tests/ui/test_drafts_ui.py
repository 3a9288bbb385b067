"""Each conversation keeps its own draft: text typed in one room stays with it (with its reply
or edit), the next room's box is empty, sending clears it, and it survives a restart."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.models import ConversationId, Draft, DraftMode
from app.runtime import CoreThread
from chinwag.testing import MemorySecretStore
from tests.fakes.core_harness import make_core
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import save_screenshot, show_started
from tests.ui.helpers import open_conv, room, sign_in, wait_for, wait_rows
from ui.bridge import CoreBridge
from ui.main_window import MainWindow
from ui.models.sidebar_model import DraftRole


@pytest.fixture
def rooms(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> tuple[ConversationId, ConversationId]:
    account_id = sign_in(qtbot, window, fake_server)
    room(fake_server, "alice", "#a", [("bob", "Tomatoes or potatoes?")])
    room(fake_server, "alice", "#b", [("carol", "Anyone for tea?")])
    a, b = ConversationId(account_id, "#a"), ConversationId(account_id, "#b")
    open_conv(qtbot, window, a, rows=1)
    return a, b


def box_text(window: MainWindow) -> str:
    return window.pane.composer_area.composer.toPlainText()


def stored(window: MainWindow, conv: ConversationId) -> Draft | None:
    shown = window.sidebar_model.conversation(conv)
    assert shown is not None
    return shown.draft


def test_switching_keeps_each_rooms_draft_and_enter_sends_nothing_elsewhere(
    qtbot: QtBot,
    window: MainWindow,
    fake_server: FakeServer,
    rooms: tuple[ConversationId, ConversationId],
) -> None:
    a, b = rooms
    box = window.pane.composer_area.composer
    box.setFocus()
    qtbot.keyClicks(box, "meant for room A")
    # Typing goes to the service through the core: wait for it before counting what follows
    # (counted at once, a loaded machine had not sent it yet, and it was taken for the stop).
    wait_for(qtbot, lambda: ("typing", ("#a", True)) in fake_server.calls)
    typing = [c for c in fake_server.calls if c[0] == "typing"]
    open_conv(qtbot, window, b)
    assert box_text(window) == ""  # B never had a draft
    # Enter in B has nothing to send: what was typed for A is not sent to B.
    qtbot.keyClick(box, Qt.Key.Key_Return)
    # Leaving A saved its draft at once (no second's wait), and said typing stopped there.
    wait_for(qtbot, lambda: stored(window, a) == Draft("meant for room A"))
    assert stored(window, b) is None
    assert [c for c in fake_server.calls if c[0] == "typing"][len(typing) :][:1] == [
        ("typing", ("#a", False))
    ]
    qtbot.keyClicks(box, "for B")
    open_conv(qtbot, window, a)
    assert box_text(window) == "meant for room A"
    assert box.textCursor().position() == len("meant for room A")
    open_conv(qtbot, window, b)
    assert box_text(window) == "for B"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: [s.message.body for s in fake_server.sent] == ["for B"])
    assert fake_server.sent[0].conversation == "#b"
    # Sent: B's draft is gone, at once and in the store.
    wait_for(qtbot, lambda: stored(window, b) is None)
    assert box_text(window) == ""
    open_conv(qtbot, window, a)
    assert box_text(window) == "meant for room A"


def test_the_sidebar_marks_a_draft_in_words(
    qtbot: QtBot, window: MainWindow, rooms: tuple[ConversationId, ConversationId]
) -> None:
    a, b = rooms
    box = window.pane.composer_area.composer
    box.setFocus()
    qtbot.keyClicks(box, "Let me think about it")
    # Saved about a second after the last key, without leaving the room.
    wait_for(qtbot, lambda: stored(window, a) == Draft("Let me think about it"))
    model = window.sidebar_model
    row_a, row_b = model.conversation_index(a), model.conversation_index(b)
    assert row_a.data(DraftRole) == "Let me think about it"
    assert row_b.data(DraftRole) is None
    assert row_a.data(Qt.ItemDataRole.AccessibleTextRole).endswith(", unsent draft")
    assert "unsent draft" not in row_b.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Draft: Let me think about it" in row_a.data(Qt.ItemDataRole.ToolTipRole)
    save_screenshot(window.sidebar, "sidebar-draft-open")  # on the selected row
    open_conv(qtbot, window, b)
    save_screenshot(window.sidebar, "sidebar-draft")


def test_a_reply_and_an_edit_in_progress_come_back_with_their_text(
    qtbot: QtBot,
    window: MainWindow,
    fake_server: FakeServer,
    rooms: tuple[ConversationId, ConversationId],
) -> None:
    a, b = rooms
    area = window.pane.composer_area
    asked = window.pane.model.message(0)
    window.pane.messages.reply(asked)
    qtbot.keyClicks(area.composer, "Potatoes")
    open_conv(qtbot, window, b)
    assert area.reply_to is None and not area.banner_row.isVisibleTo(window)
    wait_for(
        qtbot, lambda: stored(window, a) == Draft("Potatoes", DraftMode.REPLY, asked.id.native_id)
    )
    open_conv(qtbot, window, a)
    assert box_text(window) == "Potatoes"
    wait_for(qtbot, lambda: area.reply_to is not None and area.reply_to.id == asked.id)
    assert area.banner.text() == "Replying to Bob: Tomatoes or potatoes?"
    qtbot.keyClick(area.composer, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: len(fake_server.sent) == 1)
    assert fake_server.sent[0].message.reply_to == asked.remote_id
    wait_rows(qtbot, window, 2)
    wait_for(qtbot, lambda: stored(window, a) is None)

    # An edit in progress is a draft too (as in Element), with the text as changed so far.
    own = window.pane.model.message(1)
    window.pane.messages.edit(own)
    area.composer.moveCursor(area.composer.textCursor().MoveOperation.End)
    qtbot.keyClicks(area.composer, ", boiled")
    open_conv(qtbot, window, b)
    assert box_text(window) == "" and area.editing is None
    open_conv(qtbot, window, a)
    assert box_text(window) == "Potatoes, boiled"
    wait_for(qtbot, lambda: area.editing is not None and area.editing.id == own.id)
    qtbot.keyClick(area.composer, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: window.pane.model.message(1).body == "Potatoes, boiled")
    assert len(fake_server.sent) == 1  # an edit, not a new message
    wait_for(qtbot, lambda: stored(window, a) is None)


def test_a_draft_that_cannot_be_saved_stays_in_the_box_and_is_saved_later(
    qtbot: QtBot,
    window: MainWindow,
    rooms: tuple[ConversationId, ConversationId],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    a, b = rooms
    store = window.bridge.core.sessions[a.account_id].store

    def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "update_conversation", full)
    box = window.pane.composer_area.composer
    box.setFocus()
    with caplog.at_level(logging.WARNING, logger="ui.composer_drafts"):
        qtbot.keyClicks(box, "precious words")
        wait_for(qtbot, lambda: any("not saved" in r.message for r in caplog.records))
    assert box_text(window) == "precious words"
    assert all("precious" not in r.getMessage() for r in caplog.records)  # no text in the log
    monkeypatch.undo()
    open_conv(qtbot, window, b)  # leaving tries again
    wait_for(qtbot, lambda: stored(window, a) == Draft("precious words"))
    open_conv(qtbot, window, a)
    assert box_text(window) == "precious words"


def _start(
    qtbot: QtBot, profile: Path, server: FakeServer, secrets: MemorySecretStore
) -> tuple[CoreThread, CoreBridge, MainWindow]:
    runner = CoreThread(lambda: make_core(profile, server, secrets))
    runner.start()
    bridge = CoreBridge(runner)
    return runner, bridge, show_started(qtbot, bridge)


@pytest.fixture
def restartable(
    qtbot: QtBot, profile: Path, fake_server: FakeServer, secrets: MemorySecretStore
) -> Iterator[list[tuple[CoreThread, CoreBridge, MainWindow]]]:
    started: list[tuple[CoreThread, CoreBridge, MainWindow]] = []
    yield started
    for runner, bridge, window in started:
        window.close()
        bridge.close()
        runner.stop()


def test_a_draft_survives_closing_the_window_right_after_typing(
    qtbot: QtBot,
    profile: Path,
    fake_server: FakeServer,
    secrets: MemorySecretStore,
    restartable: list[tuple[CoreThread, CoreBridge, MainWindow]],
) -> None:
    restartable.append(_start(qtbot, profile, fake_server, secrets))
    runner, bridge, window = restartable[0]
    account_id = sign_in(qtbot, window, fake_server)
    room(fake_server, "alice", "#a", [("bob", "Tomatoes or potatoes?")])
    a = ConversationId(account_id, "#a")
    open_conv(qtbot, window, a, rows=1)
    box = window.pane.composer_area.composer
    box.setFocus()
    qtbot.keyClicks(box, "typed just before quitting")
    # Closed before the second's wait is over: the close saves it (as the app does, the core
    # stops after the window closed). The store on disk is all the next start has.
    window.close()
    bridge.close()
    runner.stop()
    restartable.clear()

    restartable.append(_start(qtbot, profile, fake_server, secrets))
    window = restartable[0][2]
    wait_for(qtbot, lambda: window.sidebar_model.conversation_index(a).isValid())
    assert stored(window, a) == Draft("typed just before quitting")
    open_conv(qtbot, window, a)
    assert box_text(window) == "typed just before quitting"
