"""A backend's state writes are ordered with its facts: a resume position is never on disk before
the messages it covers (the crash-safety rule of issue 13)."""

from __future__ import annotations

import asyncio
import sqlite3
from typing import Any

import pytest

from app import facts as f
from app.backend import Backend
from app.core import Core
from app.session import AccountSession, StateNotSaved
from tests.fakes.core_harness import settle, wait_for


async def _session(core: Core) -> tuple[AccountSession, Backend]:
    account = await core.accounts.add_account("fake", {"user": "alice"}, {"password": "wonderland"})
    session = core.sessions[account.id]
    await wait_for(lambda: session.backend is not None)
    assert session.backend is not None
    return session, session.backend


def _message(n: int) -> f.MessageReceived:
    return f.MessageReceived("bob", "bob", f"message {n}", remote_id=f"m{n}")


def _count(session: AccountSession) -> int:
    row = session.store._conn.execute("SELECT count(*) FROM messages").fetchone()
    return int(row[0])


async def test_a_state_write_lands_after_every_fact_reported_before_it(core: Core) -> None:
    session, backend = await _session(core)
    await settle(core)
    seen: list[tuple[str, int]] = []
    set_state = session.store.set_state

    def spy(key: str, value: str | None) -> None:
        seen.append((key, _count(session)))  # what the same transaction holds at that moment
        set_state(key, value)

    session.store.set_state = spy  # type: ignore[method-assign]
    total = 12_001  # more than two batches of the dispatcher
    for n in range(total):
        backend.ctx.report(_message(n))
    await backend.ctx.state.set("position", str(total))
    assert seen == [("backend.position", total)]
    assert await backend.ctx.state.get("position") == str(total)


async def test_writes_interleaved_with_facts_each_follow_their_own_predecessors(
    core: Core,
) -> None:
    session, backend = await _session(core)
    await settle(core)
    seen: list[tuple[str | None, int]] = []
    set_state = session.store.set_state

    def spy(key: str, value: str | None) -> None:
        seen.append((value, _count(session)))
        set_state(key, value)

    session.store.set_state = spy  # type: ignore[method-assign]
    writes: list[asyncio.Task[None]] = []
    for n in range(1, 301):
        backend.ctx.report(_message(n))
        if n % 100 == 0:
            writes.append(asyncio.create_task(backend.ctx.state.set("position", str(n))))
            await asyncio.sleep(0)  # the write is queued; the next facts come after it
    await asyncio.gather(*writes)
    assert seen == [("100", 100), ("200", 200), ("300", 300)]


async def test_a_failed_transaction_keeps_the_old_position_and_says_so(
    core: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, backend = await _session(core)
    await backend.ctx.state.set("position", "old")
    append = session.store.append

    def full_disk(messages: Any) -> Any:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(session.store, "append", full_disk)
    backend.ctx.report(_message(1))
    with pytest.raises(StateNotSaved):
        await backend.ctx.state.set("position", "new")
    monkeypatch.setattr(session.store, "append", append)
    assert await backend.ctx.state.get("position") == "old"
    assert _count(session) == 0


async def test_a_write_with_nothing_queued_is_committed_at_once(core: Core) -> None:
    _, backend = await _session(core)
    await backend.ctx.state.set("k", "v")
    assert await backend.ctx.state.get("k") == "v"
    await backend.ctx.state.set("k", None)
    assert await backend.ctx.state.get("k") is None
