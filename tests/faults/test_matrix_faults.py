"""Faults against a real Synapse: the server killed during a send burst, the app killed
(SIGKILL) mid-send and mid-ingest, and the restart after a crash. The app runs in a child
process (:mod:`tests.faults.child`); what arrived is read from the room's timeline on the server
(``/messages``) by an independent client, and the account store is read from outside."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from tests.faults.conftest import AppFactory
from tests.faults.harness import (
    AppProcess,
    Tally,
    bodies,
    conversations,
    integrity_check,
    outbox_size,
    poll,
    read_state,
    read_store,
    scaled,
)
from tests.integration.matrix.helpers import Account, Peer, join_as, new_account, q
from tests.integration.matrix.synapse import Synapse, start_synapse

pytestmark = pytest.mark.integration

BURST = scaled(120)  # Synapse takes ~12 s to restart: three kills cost most of the time
INGEST = scaled(300)
RESTART_BUDGET = 5.0


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Synapse]:
    """A Synapse of this module's own: these tests kill it."""
    synapse = start_synapse(tmp_path_factory.mktemp("synapse-faults"))
    yield synapse
    assert synapse.process is not None
    synapse.process.stop()


def kill_server(server: Synapse) -> None:
    assert server.process is not None and server.process.proc is not None
    server.process.proc.send_signal(signal.SIGKILL)
    server.process.proc.wait(10)
    server.process.proc = None


def restart_server(server: Synapse) -> None:
    assert server.process is not None
    server.process.start(wait_ports=(server.http_port, server.tls_port), timeout=90)
    server.wait_ready()


def spec(server: Synapse, account: Account) -> dict[str, Any]:
    return {
        "protocol": "matrix",
        "settings": {"user_id": account.user_id, "homeserver": server.base_url},
        "secrets": {"password": account.password},
    }


async def timeline_bodies(peer: Peer, room_id: str, prefix: str) -> list[str]:
    """Every body starting with ``prefix`` in the room's timeline on the server, paged back."""
    found: list[str] = []
    token = ""
    for _ in range(1_000):
        path = f"/_matrix/client/v3/rooms/{q(room_id)}/messages?dir=b&limit=500"
        if token:
            path += f"&from={q(token)}"
        status, body = await peer.raw("GET", path)
        assert status == 200, body
        for event in body.get("chunk", []):
            text = event.get("content", {}).get("body", "") if isinstance(event, dict) else ""
            if isinstance(text, str) and text.startswith(prefix):
                found.append(text)
        token = str(body.get("end") or "")
        if not token or not body.get("chunk"):
            return found
    raise AssertionError("the timeline never ended")


def stored_bodies(app: AppProcess, prefix: str) -> list[str]:
    return bodies(read_store(app.store_path), prefix)


async def shared_room(server: Synapse, me: Account, peer: Peer) -> str:
    room_id = await peer.create_room(name="faults", invite=[me.user_id])
    await join_as(server, me, room_id)
    return room_id


async def test_server_killed_three_times_during_a_send_burst(
    server: Synapse, apps: AppFactory
) -> None:
    me = await new_account(server, "burst")
    peer = await Peer.create(server)
    try:
        room_id = await shared_room(server, me, peer)
        app = await apps(spec(server, me)).start()
        await app.connected()
        await poll(
            lambda: any(c == room_id for c in conversations(app.store_path)), 60, "room synced"
        )
        prefix = f"burst-{uuid.uuid4().hex[:6]}-"
        texts = [f"{prefix}{i}" for i in range(BURST)]
        await app.call("send", conversation=room_id, bodies=texts)
        for kills, left in enumerate((BURST * 3 // 4, BURST // 2, BURST // 4), start=1):
            await poll(lambda left=left: outbox_size(app.store_path) <= left, 120, "sending")
            before = app.connected_count()
            kill_server(server)
            restart_server(server)
            await poll(lambda b=before: app.connected_count() > b, 90, f"reconnect {kills}")
        await poll(lambda: outbox_size(app.store_path) == 0, 120, "the outbox emptied")
        stored = read_store(app.store_path)
        tally = Tally(
            "matrix: server killed 3x during a send burst",
            texts,
            seen=await timeline_bodies(peer, room_id, prefix),
            failed={m.body for m in stored if m.delivery == "failed"},
        )
        figures = tally.report()
        assert figures["lost"] == 0 and figures["duplicated"] == 0, figures
        assert figures["failed_visibly"] == 0, figures  # transaction ids make a re-send safe
    finally:
        await peer.close()


async def test_app_killed_mid_send_then_every_message_arrives_once(
    server: Synapse, apps: AppFactory
) -> None:
    me = await new_account(server, "sender")
    peer = await Peer.create(server)
    try:
        room_id = await shared_room(server, me, peer)
        app = await apps(spec(server, me)).start()
        await app.connected()
        await poll(
            lambda: any(c == room_id for c in conversations(app.store_path)), 60, "room synced"
        )
        prefix = f"crash-send-{uuid.uuid4().hex[:6]}-"
        texts = [f"{prefix}{i}" for i in range(BURST)]
        await app.call("send", conversation=room_id, bodies=texts)
        await poll(lambda: outbox_size(app.store_path) <= BURST // 2, 120, "half sent")
        await app.kill()
        assert integrity_check(app.store_path) == "ok"
        await app.start()
        await poll(lambda: outbox_size(app.store_path) == 0, 120, "the outbox emptied")
        stored = read_store(app.store_path)
        assert sorted(bodies(stored, prefix)) == sorted(texts)  # each stored once, as sent
        tally = Tally(
            "matrix: app killed mid-send",
            texts,
            seen=await timeline_bodies(peer, room_id, prefix),
            failed={m.body for m in stored if m.delivery == "failed"},
        )
        figures = tally.report()
        assert figures["lost"] == 0 and figures["duplicated"] == 0, figures
    finally:
        await peer.close()


async def test_app_killed_twice_mid_ingest_then_catches_up_on_everything(
    server: Synapse, apps: AppFactory
) -> None:
    me = await new_account(server, "reader")
    peer = await Peer.create(server)
    try:
        room_id = await shared_room(server, me, peer)
        app = await apps(spec(server, me)).start()
        await app.connected()
        await poll(
            lambda: any(c == room_id for c in conversations(app.store_path)), 60, "room synced"
        )
        prefix = f"ingest-{uuid.uuid4().hex[:6]}-"
        texts = [f"{prefix}{i}" for i in range(INGEST)]

        async def talk() -> None:
            for start in range(0, INGEST, 10):  # ten at a time: a steady stream
                await asyncio.gather(*(peer.say(room_id, t) for t in texts[start : start + 10]))

        talking = asyncio.create_task(talk())
        for kill, share in enumerate((3, 6), start=1):
            await poll(
                lambda share=share: len(stored_bodies(app, prefix)) >= INGEST * share // 10,
                120,
                f"{share}0 % received before kill {kill}",
                interval=0.05,
            )
            await app.kill()
            assert integrity_check(app.store_path) == "ok"
            await app.start()
        await talking
        on_server = await timeline_bodies(peer, room_id, prefix)
        assert sorted(on_server) == sorted(texts)
        with contextlib.suppress(AssertionError):  # the tally below says what is missing
            await poll(
                lambda: set(stored_bodies(app, prefix)) >= set(on_server),
                60,
                "caught up",
                interval=0.5,
            )
        await app.call("flush")
        tally = Tally("matrix: app killed twice mid-ingest", texts, seen=stored_bodies(app, prefix))
        figures = tally.report()
        assert figures["lost"] == 0 and figures["duplicated"] == 0, figures
    finally:
        await peer.close()


async def test_messages_synced_while_the_disk_is_full_are_stored_once_freed_or_after_a_kill(
    server: Synapse, apps: AppFactory
) -> None:
    """The account store's disk fills up (SQLite ``max_page_count``) while a peer talks. Freed
    again, every message synced meanwhile is stored, once and in order: before, the batches
    that failed were dropped and the next sync token moved past them for good. Full again and
    the app killed before it is freed: what was kept in memory dies with it, but the sync token
    never moved past it, so the restarted app fetches it again."""
    me = await new_account(server, "diskfull")
    peer = await Peer.create(server)
    try:
        room_id = await shared_room(server, me, peer)
        app = await apps(spec(server, me)).start()
        await app.connected()
        await poll(
            lambda: any(c == room_id for c in conversations(app.store_path)), 60, "room synced"
        )
        prefix = f"full-{uuid.uuid4().hex[:6]}-"
        texts = [f"{prefix}{i} " + "x" * 200 for i in range(60)]
        await app.call("fill_disk")
        since = read_state(app.store_path, "backend.since")
        for text in texts[:30]:
            await peer.say(room_id, text)
        await app.wait_event(
            lambda e: e.get("event") == "notice" and "Could not save" in e["text"], 60
        )
        assert read_state(app.store_path, "backend.since") == since  # not past what is kept
        await app.call("free_disk")
        await poll(lambda: len(stored_bodies(app, prefix)) >= 30, 60, "the first 30 stored")
        await app.call("flush")
        assert stored_bodies(app, prefix) == texts[:30]  # once each, in order
        start = len(app.events)
        await app.call("fill_disk")
        since = read_state(app.store_path, "backend.since")
        for text in texts[30:]:
            await peer.say(room_id, text)
        await app.wait_event(
            lambda e: e.get("event") == "notice" and "Could not save" in e["text"], 60, since=start
        )
        assert read_state(app.store_path, "backend.since") == since
        await app.kill()  # the kept 30 die with the process; the disk is "freed" by the restart
        assert integrity_check(app.store_path) == "ok"
        await app.start()
        await app.connected()
        await poll(lambda: len(stored_bodies(app, prefix)) >= 60, 60, "all 60 stored")
        await app.call("flush")
        got = stored_bodies(app, prefix)
        figures = Tally("matrix: synced while the disk is full", texts, seen=got).report()
        assert figures["lost"] == 0 and figures["duplicated"] == 0, figures
    finally:
        await peer.close()


async def test_restart_after_a_crash_connects_at_once(server: Synapse, apps: AppFactory) -> None:
    me = await new_account(server, "restart")
    app = await apps(spec(server, me)).start()
    await app.connected()
    await app.kill()
    await app.start()
    took = await app.connected(timeout=60)
    started = next(float(e["t"]) for e in app.events if e.get("event") == "starting")
    states = [e["state"] for e in app.events if e.get("event") == "state"]
    before = states[: states.index("connected")]
    Tally(
        "matrix: restart after a crash",
        [],
        extra={"core_start_to_connected_s": round(took - started, 2), "spawn_to_connected_s": took},
    ).report()
    assert set(before) <= {"offline", "connecting"} and before.count("connecting") == 1, before
    assert took - started < RESTART_BUDGET
