"""When an account's store cannot save (the disk is full): the notice that says so offers "Try
again now", by keyboard, with a name that says what it answers, in the window's language; the
choice goes from the window to the core's command to the account's session (docs/reliability.md,
"When the disk hiccups"). A message the store cannot take comes back to the composer."""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import config as config_module
from app import events as ev
from app.backoff import Backoff
from app.core import PREF_SEND_TYPING, Core
from app.models import ConversationId, NotifyLevel
from tests.fakes.disk import fill_disk, free_disk
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import run_core
from tests.ui.helpers import open_conv, sign_in, wait_for
from ui.dialogs.settings_dialog import SettingsDialog
from ui.main_window import MainWindow
from ui.widgets.notice_bar import NoticeAction, NoticeBar

I18N = Path(__file__).resolve().parents[2] / "ui" / "i18n"


def _core(window: MainWindow) -> Core:
    core = window.bridge.core
    assert isinstance(core, Core)
    return core


def _on_store(qtbot: QtBot, window: MainWindow, account_id: str, change: str) -> None:
    """Fill or free the account store's disk on the store thread (the core's own)."""
    session = _core(window).sessions[account_id]

    async def run() -> None:
        conn = session.store._conn
        if change in ("read-only", "writable"):  # the file cannot be written (SQLITE_READONLY)
            only = int(change == "read-only")
            await session.services.worker.run(conn.execute, f"PRAGMA query_only = {only}")
            return
        if change == "fill":
            session._kept.backoff = Backoff(base=3600, cap=3600)  # only "Try again now" retries
        action = fill_disk if change == "fill" else free_disk
        await session.services.worker.run(action, conn)

    run_core(qtbot, window.bridge, run())


def _bob_open(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, store: str
) -> tuple[str, ConversationId]:
    """Signed in, a message from bob, his conversation open; then the store made to fail
    (``store``: a change for :func:`_on_store`)."""
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "bob", "hi", sender="bob")
    conv = ConversationId(account_id, "bob")
    open_conv(qtbot, window, conv, rows=1)
    _on_store(qtbot, window, account_id, store)
    return account_id, conv


def _stored_bodies(qtbot: QtBot, window: MainWindow, account_id: str) -> list[str]:
    session = _core(window).sessions[account_id]

    async def run() -> list[str]:
        def read(conn: sqlite3.Connection) -> list[str]:
            return [b for (b,) in conn.execute("SELECT body FROM messages ORDER BY seq")]

        return await session.services.worker.run(read, session.store._conn)

    return run_core(qtbot, window.bridge, run())


def test_try_again_now_reaches_the_session_through_the_core(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    core = _core(window)
    asked: list[str] = []
    command = core.accounts.retry_saving

    async def recorded(account: str) -> bool:
        asked.append(account)
        return await command(account)

    monkeypatch.setattr(core.accounts, "retry_saving", recorded)
    _on_store(qtbot, window, account_id, "fill")
    fake_server.deliver("alice", "bob", "kept while full " + "x" * 5000, sender="bob")
    bar = window.notices
    wait_for(qtbot, bar.action.isVisible)
    assert "Could not save incoming messages" in bar.notices[0]
    name = bar.action.accessibleName()
    assert name.startswith("Try again now: ") and "Could not save incoming messages" in name
    assert bar.action.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert bar.action in window.tab_order()  # Tab reaches it, before "Dismiss"
    assert window.tab_order().index(bar.action) < window.tab_order().index(bar.dismiss)
    assert _stored_bodies(qtbot, window, account_id) == []

    _on_store(qtbot, window, account_id, "free")  # the person made room on the disk
    bar.action.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(bar.action, Qt.Key.Key_Space)  # by keyboard

    wait_for(qtbot, lambda: any("saved again" in n for n in bar.notices))
    assert asked == [account_id]  # through the core's command ...
    # ... to the session: with an hour's pause before its next try, only this saves them
    assert _stored_bodies(qtbot, window, account_id) == ["kept while full " + "x" * 5000]
    assert not any("Could not save incoming" in n for n in bar.notices)  # acted on: gone


def test_a_message_the_store_cannot_take_comes_back_to_the_composer(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id, _ = _bob_open(qtbot, window, fake_server, "fill")
    composer = window.pane.composer_area.composer
    text = "a long answer " + "y" * 20_000  # needs pages the full disk does not have
    composer.setPlainText(text)
    composer.submit()
    bar = window.notices
    wait_for(qtbot, lambda: bar.notices)
    assert "could not be saved" in bar.notices[-1] and "not sent" in bar.notices[-1]
    assert "Internal error" not in bar.notices[-1]
    wait_for(qtbot, lambda: composer.toPlainText() == text)  # not lost with the cleared box
    assert fake_server.sent == []
    _on_store(qtbot, window, account_id, "free")


def test_a_notification_level_that_cannot_be_saved_is_said_and_not_left_checked(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id, conv = _bob_open(qtbot, window, fake_server, "read-only")
    actions = window.pane.header.notify_actions
    assert actions[NotifyLevel.ALL].isChecked()
    actions[NotifyLevel.NONE].trigger()  # the menu's "Never" (checked at once by its group)
    bar = window.notices
    wait_for(qtbot, lambda: any("notification level" in n for n in bar.notices))
    notice = next(n for n in bar.notices if "notification level" in n)
    assert notice.endswith("Could not save the notification level: the file may not be written")
    assert "Internal error" not in notice
    wait_for(qtbot, actions[NotifyLevel.ALL].isChecked)  # the stored level again
    assert not actions[NotifyLevel.NONE].isChecked()
    _on_store(qtbot, window, account_id, "writable")
    actions[NotifyLevel.NONE].trigger()
    wait_for(qtbot, lambda: _notify_of(window, conv) is NotifyLevel.NONE)
    assert actions[NotifyLevel.NONE].isChecked()


def test_a_spelling_language_that_cannot_be_saved_is_said_and_not_kept_in_the_composer(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id, _ = _bob_open(qtbot, window, fake_server, "read-only")
    spelling = window.pane.spelling
    main = spelling.composers[0]
    assert main.choice == ""
    main._chosen("off")  # what the composer's menu does with "No spell check here"
    assert main.choice == "off"  # at once, while it is being saved
    bar = window.notices
    wait_for(qtbot, lambda: any("spell-check language" in n for n in bar.notices))
    wait_for(qtbot, lambda: main.choice == "")  # the stored choice again
    _on_store(qtbot, window, account_id, "writable")


def _notify_of(window: MainWindow, conv: ConversationId) -> NotifyLevel | None:
    shown = window.sidebar_model.conversation(conv)
    return shown.notify if shown is not None else None


def test_a_setting_that_cannot_be_saved_is_said_in_the_dialog_and_shown_as_it_was(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in(qtbot, window, fake_server)

    def fsync(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(config_module.os, "fsync", fsync)
    window.open_settings()
    dialog = window.last_dialog
    assert isinstance(dialog, SettingsDialog)
    box = dialog.send_typing
    assert box.isChecked()
    box.setChecked(False)
    wait_for(qtbot, dialog.problem.isVisible)
    assert dialog.problem.text() == "Could not save the setting: the disk is full"
    assert box.isChecked()  # back to what the config file holds
    assert window.preferences.get(PREF_SEND_TYPING) is True
    monkeypatch.undo()
    box.setChecked(False)
    wait_for(qtbot, lambda: window.preferences.get(PREF_SEND_TYPING) is False)
    assert not dialog.problem.isVisible() and not box.isChecked()
    dialog.reject()


@pytest.fixture(params=["de", "fr", "es"])
def translated(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translator = QTranslator()
    assert translator.load(f"chinwag_{request.param}", str(I18N))
    qapp.installTranslator(translator)
    try:
        yield request.param
    finally:
        qapp.removeTranslator(translator)


def test_the_offer_is_said_in_the_window_language(qtbot: QtBot, translated: str) -> None:
    bar = NoticeBar()
    qtbot.addWidget(bar)
    bar.show_notice("…", "error", NoticeAction(ev.NOTICE_RETRY_SAVING, "a"))
    label = bar.action.text()
    assert label and label != "Try again now"  # translated (Tab reaches it: no Alt key to clash)
    name = bar.action.accessibleName()
    assert name.startswith(label) and name.endswith("…")  # and what it answers
