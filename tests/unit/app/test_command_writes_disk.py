"""What a person changing something sees while the disk fails (docs/reliability.md, "The
commands' other writes"): a clear error that says what was not saved and why, never "Internal
error: database or disk is full", and nothing in memory claiming the change. Real SQLite files:
``max_page_count`` at the file's size (the disk is full), ``query_only`` (the file cannot be
written), a transaction rolled back by SQLite after its writes (the cache was ahead), a COMMIT
that raised after it went through; the config file's fsync failing with ENOSPC."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
from pathlib import Path

import pytest

from app import config as config_module
from app import events as ev
from app.core import Core
from app.core.services import CommandError
from app.models import Conversation, ConversationId, NotifyLevel
from app.session import AccountSession
from tests.fakes.core_harness import Recorder, settle, wait_for
from tests.fakes.disk import FailAfterCommit, FailBeforeCommit, fill_disk, free_disk
from tests.fakes.fake_backend import FakeServer
from tests.unit.app.test_session import _session


def _on_file(core: Core, session: AccountSession, sql: str) -> list[tuple[object, ...]]:
    """``sql`` read through a connection of its own: what the file holds, not the cache."""
    conn = sqlite3.connect(core.ctx.paths.account_store(session.account_id))
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


async def _stored(session: AccountSession, conv: ConversationId) -> object:
    return await session.services.worker.run(session.store.conversation, conv.native_id)


async def _opened(core: Core) -> tuple[AccountSession, Conversation, Recorder]:
    """An account, its conversation with bob, and a recorder of what the core says from now."""
    session, _ = await _session(core)
    conv = await core.conversations.open_direct(session.account_id, "bob")
    return session, conv, Recorder(core)


def _changed(recorder: Recorder) -> list[object]:
    return [c for e in recorder.of(ev.ConversationsChanged) for c in e.conversations]


async def test_a_notification_level_the_file_refuses_is_a_clear_error_and_not_kept(
    core: Core,
) -> None:
    session, conv, recorder = await _opened(core)
    worker = session.services.worker
    await worker.run(session.store._conn.execute, "PRAGMA query_only = 1")
    with pytest.raises(CommandError) as refused:
        await core.conversations.set_notify(conv.id, NotifyLevel.NONE)
    assert (
        str(refused.value) == "Could not save the notification level: the file may not be written"
    )
    await worker.run(session.store._conn.execute, "PRAGMA query_only = 0")
    stored = await _stored(session, conv.id)
    assert stored is not None and stored.notify is NotifyLevel.ALL  # type: ignore[attr-defined]
    assert _on_file(core, session, "SELECT notify FROM conversations") == [("all",)]
    assert _changed(recorder) == []  # nothing told the window it changed
    updated = await core.conversations.set_notify(conv.id, NotifyLevel.NONE)  # the disk is back
    assert updated.notify is NotifyLevel.NONE
    assert _on_file(core, session, "SELECT notify FROM conversations") == [("none",)]


async def test_a_setting_rolled_back_by_the_disk_leaves_no_trace_in_the_cache(
    core: Core,
) -> None:
    """Before: the store's cache took the new value before the COMMIT, which failed; the
    conversation then read "off" while the file said the default (and the error was "Internal
    error: disk I/O error")."""
    session, conv, recorder = await _opened(core)
    failing = await session.services.worker.run(FailBeforeCommit, session.store)
    with pytest.raises(CommandError) as refused:
        await core.conversations.set_spell_language(conv.id, "off")
    failing.undo()
    assert str(refused.value) == (
        "Could not save the spell-check language: "
        "the disk could not be written (input/output error)"
    )
    assert failing.raised == 1
    stored = await _stored(session, conv.id)
    assert stored is not None and stored.spell_language == ""  # type: ignore[attr-defined]
    assert _on_file(core, session, "SELECT spell_language FROM conversations") == [("",)]
    assert _changed(recorder) == []


async def test_a_setting_whose_commit_raised_after_reaching_the_disk_counts_as_saved(
    core: Core,
) -> None:
    session, conv, recorder = await _opened(core)
    failing = await session.services.worker.run(FailAfterCommit, session.store)
    updated = await core.conversations.set_notify(conv.id, NotifyLevel.MENTIONS)
    failing.undo()
    assert failing.raised == 1 and updated.notify is NotifyLevel.MENTIONS
    assert _on_file(core, session, "SELECT notify FROM conversations") == [("mentions",)]
    await settle(core)
    assert [c.notify for c in _changed(recorder)] == [NotifyLevel.MENTIONS]  # type: ignore[attr-defined]


async def test_a_new_conversation_on_a_full_disk_is_a_clear_error_and_not_listed(
    core: Core,
) -> None:
    session, _ = await _session(core)
    worker = session.services.worker
    await core.conversations.open_direct(session.account_id, "bob")
    await worker.run(fill_disk, session.store._conn)
    title = "Carol " + "c" * 20_000  # needs pages the full disk does not have
    with pytest.raises(CommandError) as refused:
        await core.conversations.open_direct(session.account_id, "carol", title)
    assert str(refused.value) == "Could not save the conversation with carol: the disk is full"
    listed = await core.conversations.list_conversations(session.account_id)
    assert [c.id.native_id for c in listed] == ["bob"]  # the cache holds what the file holds
    assert _on_file(core, session, "SELECT native_id FROM conversations") == [("bob",)]
    await worker.run(free_disk, session.store._conn)
    opened = await core.conversations.open_direct(session.account_id, "carol", title)
    assert opened.title == title


def _fsync_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """The config file's fsync reports a full disk (where a full disk often shows first)."""

    def fsync(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(config_module.os, "fsync", fsync)


async def test_a_preference_the_config_file_cannot_keep_is_a_clear_error_and_not_kept(
    core: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = Recorder(core)
    await core.preferences.set("privacy.send_typing", True)
    path: Path = core.ctx.paths.config_file
    before = path.read_text()
    with monkeypatch.context() as failing:
        _fsync_fails(failing)
        with pytest.raises(CommandError) as refused:
            await core.preferences.set("privacy.send_typing", False)
    assert str(refused.value) == "Could not save the setting: the disk is full"
    assert core.preferences.get("privacy.send_typing") is True  # memory follows the file
    assert path.read_text() == before
    assert [
        p.preferences.get("privacy.send_typing") for p in recorder.of(ev.PreferencesChanged)
    ] == [True]
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".config-")] == []


async def test_turning_an_account_off_that_cannot_be_saved_leaves_it_on_and_connected(
    core: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, _ = await _session(core)
    with monkeypatch.context() as failing:
        _fsync_fails(failing)
        with pytest.raises(CommandError) as refused:
            await core.accounts.set_account_enabled(session.account_id, False)
    assert str(refused.value) == "Could not save that the account is off: the disk is full"
    [account] = core.accounts.list_accounts()
    assert account.enabled and session.backend is not None
    saved = json.loads(core.ctx.paths.config_file.read_text())
    assert [a["enabled"] for a in saved["accounts"]] == [True]


async def test_deleting_old_messages_the_file_refuses_is_a_clear_error_and_keeps_them(
    core: Core, fake_server: FakeServer
) -> None:
    session, _ = await _session(core)
    fake_server.deliver("alice", "bob", "old news", sender="bob")
    await wait_for(lambda: _on_file(core, session, "SELECT count(*) FROM messages") == [(1,)])
    worker = session.services.worker
    await worker.run(session.store._conn.execute, "PRAGMA query_only = 1")
    with pytest.raises(CommandError) as refused:
        await core.archive.prune_history(0)
    assert str(refused.value) == (
        "Could not save the deletion of old messages: the file may not be written"
    )
    await worker.run(session.store._conn.execute, "PRAGMA query_only = 0")
    assert _on_file(core, session, "SELECT body FROM messages") == [("old news",)]


async def test_removing_an_account_whose_history_cannot_be_kept_removes_nothing(
    core: Core,
) -> None:
    """Before: the account was signed out and forgotten first, then the write failed: gone,
    with its history neither kept nor deleted."""
    session, _ = await _session(core)
    worker = session.services.worker
    await worker.run(session.store._conn.execute, "PRAGMA query_only = 1")
    with pytest.raises(CommandError) as refused:
        await core.accounts.remove_account(session.account_id, keep_history=True)
    assert str(refused.value) == "Could not save the history to keep: the file may not be written"
    await worker.run(session.store._conn.execute, "PRAGMA query_only = 0")
    assert [a.id for a in core.accounts.list_accounts()] == [session.account_id]
    assert core.sessions[session.account_id] is session and session.backend is not None
