"""A backend's state writes are ordered with its facts: a resume position is never on disk before
the messages it covers (the crash-safety rule of issue 13)."""

from __future__ import annotations

import asyncio
import logging
import random
import sqlite3

import pytest

from app import events as ev
from app import facts as f
from app.backend import Backend
from app.backoff import Backoff
from app.core import Core
from app.session import AccountSession, StateNotSaved
from tests.fakes.core_harness import Recorder, settle, wait_for
from tests.fakes.disk import fill_disk, free_disk


async def _session(core: Core) -> tuple[AccountSession, Backend]:
    account = await core.accounts.add_account("fake", {"user": "alice"}, {"password": "wonderland"})
    session = core.sessions[account.id]
    await wait_for(lambda: session.backend is not None)
    assert session.backend is not None
    return session, session.backend


def _message(n: int, size: int = 0) -> f.MessageReceived:
    """Message ``n`` from bob; ``size`` more characters in its HTML (to fill pages faster)."""
    html = f"<p>message {n}{'x' * size}</p>" if size else None
    return f.MessageReceived("bob", "bob", f"message {n}", html=html, remote_id=f"m{n}")


def _count(session: AccountSession) -> int:
    row = session.store._conn.execute("SELECT count(*) FROM messages").fetchone()
    return int(row[0])


async def test_a_state_write_lands_after_every_fact_reported_before_it(core: Core) -> None:
    session, backend = await _session(core)
    await settle(core)
    seen: list[tuple[str, int]] = []
    set_state = session.store.set_state

    def spy(key: str, value: str | None) -> None:
        if key.startswith("backend."):  # not the batch's own token (app.commit_check)
            seen.append((key, _count(session)))  # what the same transaction holds then
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
        if key.startswith("backend."):
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


def _fast_retries(session: AccountSession) -> Backoff:
    backoff = Backoff(base=0.01, cap=0.05, rng=random.Random(3))
    session._kept.backoff = backoff
    return backoff


def _bodies(session: AccountSession) -> list[str]:
    rows = session.store._conn.execute("SELECT body FROM messages ORDER BY seq").fetchall()
    return [body for (body,) in rows]


def _texts(recorder: Recorder, part: str) -> list[str]:
    return [n.text for n in recorder.of(ev.Notice) if part in n.text]


async def test_a_full_disk_keeps_the_facts_and_the_position_until_it_works_again(
    core: Core,
) -> None:
    """Before: the batch was dropped (its messages gone for good), and the position with it.
    Now they are kept in order, newer facts behind them, tried again with a growing pause; the
    position is committed with them once the disk works again; one notice each way."""
    session, backend = await _session(core)
    await settle(core)
    recorder = Recorder(core)
    backoff = _fast_retries(session)
    await backend.ctx.state.set("position", "old")
    for n in range(5):
        backend.ctx.report(_message(n))
    await settle(core)
    worker = session.services.worker
    await worker.run(fill_disk, session.store._conn)
    seen: list[tuple[str, int]] = []
    set_state = session.store.set_state

    def spy(key: str, value: str | None) -> None:
        if key.startswith("backend."):
            seen.append((key, _count(session)))
        set_state(key, value)

    session.store.set_state = spy  # type: ignore[method-assign]
    for n in range(5, 305):
        backend.ctx.report(_message(n, size=2000))
    write = asyncio.create_task(backend.ctx.state.set("position", "new"))
    await asyncio.sleep(0)  # the write is queued; the next facts come after it
    for n in range(305, 310):
        backend.ctx.report(_message(n))
    await wait_for(lambda: backoff.attempts >= 3)  # tried three times at least, and failed
    assert _texts(recorder, "Could not save") != [] and not write.done()
    assert _count(session) == 5
    assert await backend.ctx.state.get("position") == "old"
    await core.flushed()  # a command waiting for its facts does not wait for the disk
    for n in range(310, 320):
        backend.ctx.report(_message(n))  # newer: behind the kept ones
    await worker.run(free_disk, session.store._conn)
    await asyncio.wait_for(write, 30)
    await settle(core)
    assert _bodies(session) == [f"message {n}" for n in range(320)]
    assert seen == [("backend.position", 305)]
    assert await backend.ctx.state.get("position") == "new"
    assert len(_texts(recorder, "Could not save incoming messages")) == 1
    assert len(_texts(recorder, "saved again")) == 1


async def test_past_the_cap_the_newest_are_dropped_said_once_and_no_position_skips_them(
    core: Core,
) -> None:
    session, backend = await _session(core)
    await settle(core)
    recorder = Recorder(core)
    _fast_retries(session)
    session._kept.cap = 50
    await backend.ctx.state.set("position", "old")
    await session.services.worker.run(fill_disk, session.store._conn)
    for n in range(40):
        backend.ctx.report(_message(n, size=2000))
    await wait_for(lambda: session._kept.failing)
    for n in range(40, 70):
        backend.ctx.report(_message(n))
    with pytest.raises(StateNotSaved):  # a position now would skip the dropped ones
        await backend.ctx.state.set("position", "new")
    await wait_for(lambda: _texts(recorder, "dropped") != [])
    await session.services.worker.run(free_disk, session.store._conn)
    await wait_for(lambda: _count(session) == 50)
    await settle(core)
    assert _bodies(session) == [f"message {n}" for n in range(50)]
    (dropped,) = _texts(recorder, "dropped")
    assert "20 incoming updates dropped" in dropped and "bob" in dropped
    assert await backend.ctx.state.get("position") == "old"
    await session.stop()
    await session.start()  # a new backend starts from what is stored: positions move again
    await wait_for(lambda: session.backend is not None)
    assert session.backend is not None
    await session.backend.ctx.state.set("position", "newer")
    assert await session.backend.ctx.state.get("position") == "newer"


async def test_after_drops_a_recovered_store_reconnects_so_state_is_saved_again(
    core: Core,
) -> None:
    """Updates past the cap were dropped: the backend's state writes are refused (a position
    would skip them; XMPP's send ledger too, so every send failed) until a new backend starts
    from what is stored. Once the store saves again, that happens by itself."""
    session, backend = await _session(core)
    await settle(core)
    _fast_retries(session)
    session._kept.cap = 10
    await session.services.worker.run(fill_disk, session.store._conn)
    for n in range(10):
        backend.ctx.report(_message(n, size=2000))
    await wait_for(lambda: session._kept.failing)
    for n in range(10, 15):
        backend.ctx.report(_message(n))
    await wait_for(lambda: session._kept.holding_state)
    await session.services.worker.run(free_disk, session.store._conn)
    await wait_for(lambda: not session._kept.failing)
    await wait_for(lambda: session.backend is not None and session.backend is not backend)
    assert session.backend is not None and not session._kept.holding_state
    await session.backend.ctx.state.set("position", "after")
    assert await session.backend.ctx.state.get("position") == "after"
    await session.stop()


async def test_a_message_the_store_refuses_costs_only_itself_and_is_said(core: Core) -> None:
    session, backend = await _session(core)
    await settle(core)
    recorder = Recorder(core)

    def refuse(conn: sqlite3.Connection) -> None:
        conn.execute(
            "CREATE TEMP TRIGGER poison BEFORE INSERT ON messages WHEN new.body = 'message 7'"
            " BEGIN SELECT RAISE(ABORT, 'a bug'); END"
        )

    await session.services.worker.run(refuse, session.store._conn)
    for n in range(20):
        backend.ctx.report(_message(n))
    await backend.ctx.state.set("position", "20")  # committed: the refused one cannot come back
    assert _bodies(session) == [f"message {n}" for n in range(20) if n != 7]
    assert await backend.ctx.state.get("position") == "20"
    (notice,) = _texts(recorder, "Could not save")
    assert "1 incoming update" in notice and "a bug" in notice
    assert not session._kept.failing


async def test_retrying_now_saves_at_once_instead_of_after_the_pause(core: Core) -> None:
    session, backend = await _session(core)
    await settle(core)
    session._kept.backoff = Backoff(base=3600, cap=3600)  # only a retry now wakes it
    await session.services.worker.run(fill_disk, session.store._conn)
    backend.ctx.report(_message(1, size=5000))
    await wait_for(lambda: session._kept.failing)
    await session.services.worker.run(free_disk, session.store._conn)
    session.retry_saving_now()
    await wait_for(lambda: not session._kept.failing)
    assert _bodies(session) == ["message 1"]
    session.retry_saving_now()  # nothing kept: nothing to wake, and no retry loop left behind
    assert not session._retry.is_set()


async def test_stopping_while_the_disk_is_full_tries_once_more_and_does_not_hang(
    core: Core, caplog: pytest.LogCaptureFixture
) -> None:
    session, backend = await _session(core)
    await settle(core)
    session._kept.backoff = Backoff(base=3600, cap=3600)  # only stopping wakes it
    recorder = Recorder(core)
    await session.services.worker.run(fill_disk, session.store._conn)
    backend.ctx.report(_message(1, size=5000))
    write = asyncio.create_task(backend.ctx.state.set("position", "new"))
    await wait_for(lambda: session._kept.failing)
    with caplog.at_level(logging.ERROR):
        await asyncio.wait_for(session.stop(), 30)
    assert "stopped with 2 updates the store could not save" in caplog.text
    # the window was told they were kept: it is told they are lost (the account may be
    # stopped by editing it, with the window open)
    lost = [n for n in recorder.of(ev.Notice) if "they are lost" in n.text]
    assert [(n.account_id, n.level) for n in lost] == [(session.account_id, "error")]
    assert lost[0].text.startswith("1 incoming update could not be saved")
    with pytest.raises(StateNotSaved):
        await write
    assert not session._kept.failing  # a start afresh, should the account start again
    await session.services.worker.run(free_disk, session.store._conn)


async def test_a_write_with_nothing_queued_is_committed_at_once(core: Core) -> None:
    _, backend = await _session(core)
    await backend.ctx.state.set("k", "v")
    assert await backend.ctx.state.get("k") == "v"
    await backend.ctx.state.set("k", None)
    assert await backend.ctx.state.get("k") is None
