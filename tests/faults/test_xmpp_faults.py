"""Faults against a real Prosody: the server killed during a send burst, the app killed (SIGKILL)
mid-send and mid-ingest, and the restart after a crash. The app runs in a child process
(:mod:`tests.faults.child`); what arrived is counted by independent clients and by the server's
own archives, and the account store is read from outside afterwards."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from tests.faults.conftest import AppFactory
from tests.faults.harness import (
    AppProcess,
    Tally,
    bodies,
    integrity_check,
    outbox_size,
    poll,
    read_state,
    read_store,
    scaled,
)
from tests.integration.xmpp.peer import Peer
from tests.integration.xmpp.server import Account, ProsodyServer, start_prosody

pytestmark = pytest.mark.integration

MAM = "urn:xmpp:mam:2"
RSM = "http://jabber.org/protocol/rsm"
BURST = scaled(200)  # messages the app sends while the server is killed three times
INGEST_BURST = scaled(
    600
)  # sent at once; the app is killed early in it (more than 5 archive pages)
INGEST_STREAM = scaled(300)  # sent slowly while the app is killed and started again
RESTART_BUDGET = 5.0  # seconds from the core's start to connected, after a crash


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProsodyServer]:
    """A Prosody of this module's own: these tests kill it."""
    prosody = start_prosody(tmp_path_factory.mktemp("prosody-faults"))
    yield prosody
    prosody.stop()


def kill_server(server: ProsodyServer) -> None:
    proc = server.process.proc
    assert proc is not None
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    server.process.proc = None


def restart_server(server: ProsodyServer) -> None:
    server.process.start(
        wait_ports=[server.c2s_port, server.direct_tls_port, server.https_port], timeout=60
    )


def spec(server: ProsodyServer, account: Account) -> dict[str, Any]:
    return {
        "protocol": "xmpp",
        "settings": server.settings(account),
        "secrets": {"password": account.password},
    }


@contextlib.asynccontextmanager
async def client(
    server: ProsodyServer, account: Account, resource: str, presence: bool = True
) -> AsyncIterator[Peer]:
    peer = Peer(server, account, resource)
    await peer.start(presence=presence)
    try:
        yield peer
    finally:
        await peer.stop()


async def archive_bodies(server: ProsodyServer, account: Account, prefix: str) -> list[str]:
    """Every body starting with ``prefix`` in ``account``'s server archive (XEP-0313), in order,
    read by a separate resource that sends no presence (so nothing is routed to it)."""
    found: list[str] = []
    async with client(server, account, f"audit-{uuid.uuid4().hex[:6]}", presence=False) as audit:
        after = ""
        for _ in range(1_000):
            query_id = uuid.uuid4().hex
            rsm = f"<set xmlns='{RSM}'><max>200</max>" + (
                f"<after>{after}</after></set>" if after else "</set>"
            )
            seen = len(audit.messages)
            iq = await audit.iq(
                "set", None, f"<query xmlns='{MAM}' queryid='{query_id}'>{rsm}</query>"
            )
            for m in audit.messages[seen:]:
                result = m.find(f"{{{MAM}}}result")
                if result is None or result.get("queryid") != query_id:
                    continue
                body = result.find(".//{jabber:client}body")
                if body is not None and (body.text or "").startswith(prefix):
                    found.append(body.text or "")
            fin = iq.find(f"{{{MAM}}}fin")
            assert fin is not None
            last = fin.find(f"{{{RSM}}}set/{{{RSM}}}last")
            if fin.get("complete") == "true" or last is None:
                return found
            after = last.text or ""
    raise AssertionError("the archive never ended")


def stored_bodies(app: AppProcess, prefix: str) -> list[str]:
    return bodies(read_store(app.store_path), prefix)


# -- the server dies ---------------------------------------------------------------------------


async def test_server_killed_three_times_during_a_send_burst(
    server: ProsodyServer, apps: AppFactory
) -> None:
    me, them = server.new_account("burst"), server.new_account("peer")
    app = await apps(spec(server, me)).start()
    await app.connected()
    conv = await app.call("open_direct", contact=them.jid)
    prefix = f"burst-{uuid.uuid4().hex[:6]}-"
    texts = [f"{prefix}{i}" for i in range(BURST)]
    await app.call("send", conversation=conv, bodies=texts)
    for kills, left in enumerate((BURST * 3 // 4, BURST // 2, BURST // 4), start=1):
        await poll(lambda left=left: outbox_size(app.store_path) <= left, 120, "sending")
        before = app.connected_count()
        kill_server(server)
        await asyncio.sleep(0.5)
        restart_server(server)
        await poll(lambda b=before: app.connected_count() > b, 60, f"reconnect after kill {kills}")
    await poll(lambda: outbox_size(app.store_path) == 0, 120, "the outbox emptied")
    stored = read_store(app.store_path)
    at_peer = await archive_bodies(server, them, prefix)
    ours = set(await archive_bodies(server, me, prefix))
    tally = Tally(
        "xmpp: server killed 3x during a send burst",
        texts,
        seen=at_peer,
        failed={m.body for m in stored if m.delivery == "failed"},
        server_dropped={b for b in texts if b in ours and b not in at_peer},
    )
    figures = tally.report()
    assert figures["lost"] == 0 and figures["duplicated"] == 0, figures
    assert figures["failed_visibly"] == 0, figures  # a resumed stream or the archive decides


# -- the app dies ------------------------------------------------------------------------------


async def test_app_killed_mid_send_then_every_message_arrives_once(
    server: ProsodyServer, apps: AppFactory
) -> None:
    me, them = server.new_account("sender"), server.new_account("peer")
    app = await apps(spec(server, me)).start()
    await app.connected()
    conv = await app.call("open_direct", contact=them.jid)
    prefix = f"crash-send-{uuid.uuid4().hex[:6]}-"
    texts = [f"{prefix}{i}" for i in range(BURST)]
    await app.call("send", conversation=conv, bodies=texts)
    await poll(lambda: outbox_size(app.store_path) <= BURST // 2, 120, "half sent")
    await app.kill()
    assert integrity_check(app.store_path) == "ok"
    await app.start()
    await poll(lambda: outbox_size(app.store_path) == 0, 120, "the outbox emptied")
    stored = read_store(app.store_path)
    assert sorted(bodies(stored, prefix)) == sorted(texts)  # each stored once, as sent
    tally = Tally(
        "xmpp: app killed mid-send",
        texts,
        seen=await archive_bodies(server, them, prefix),
        failed={m.body for m in stored if m.delivery == "failed"},
    )
    figures = tally.report()
    assert figures["lost"] == 0 and figures["duplicated"] == 0, figures


async def test_app_killed_twice_mid_ingest_then_catches_up_on_everything(
    server: ProsodyServer, apps: AppFactory
) -> None:
    """Two crashes while a peer writes: the first in a fast burst (most of it arrives while the
    app is down, more than one archive page), the second in a slow stream that goes on while
    the app starts again (live messages meet the catch-up)."""
    me, them = server.new_account("reader"), server.new_account("talker")
    app = await apps(spec(server, me)).start()
    await app.connected()
    prefix = f"ingest-{uuid.uuid4().hex[:6]}-"
    warm = [f"{prefix}warm-{i}" for i in range(10)]
    burst = [f"{prefix}burst-{i}" for i in range(INGEST_BURST)]
    stream = [f"{prefix}stream-{i}" for i in range(INGEST_STREAM)]
    texts = [*warm, *burst, *stream]

    def stored(part: str) -> int:
        return len(stored_bodies(app, prefix + part))

    async with client(server, them, "talker") as peer:
        # First a few, until the app has saved an archive position past them: the crashes then
        # come to an app that has been running, not to a first sign-in.
        for text in warm:
            peer.chat(me.jid, text)
        await poll(lambda: stored("warm") == len(warm), 60, "warm-up stored")
        first = read_state(app.store_path, "backend.xmpp.catchup")
        await poll(lambda: read_state(app.store_path, "backend.xmpp.catchup") != first, 60, "saved")
        for text in burst:
            peer.chat(me.jid, text)
        await poll(lambda: stored("burst") >= 50, 60, "some of the burst", interval=0.02)
        await app.kill()
        assert integrity_check(app.store_path) == "ok"

        async def slowly() -> None:
            for i, text in enumerate(stream):
                peer.chat(me.jid, text)
                if i % 10 == 9:
                    await asyncio.sleep(0.1)

        talking = asyncio.create_task(slowly())  # flows while the app starts again
        await app.start()
        await poll(lambda: stored("stream") >= len(stream) // 2, 60, "half the stream")
        await app.kill()
        assert integrity_check(app.store_path) == "ok"
        await app.start()
        await talking
    archived = await archive_bodies(server, me, prefix)
    assert sorted(archived) == sorted(texts)  # the server has every one
    with contextlib.suppress(AssertionError):  # the tally below says what is missing
        await poll(
            lambda: set(stored_bodies(app, prefix)) >= set(archived), 60, "caught up", interval=0.5
        )
    await app.call("flush")
    tally = Tally("xmpp: app killed twice mid-ingest", texts, seen=stored_bodies(app, prefix))
    figures = tally.report()
    assert figures["lost"] == 0 and figures["duplicated"] == 0, figures


async def test_messages_received_while_the_disk_is_full_are_stored_once_freed_or_after_a_kill(
    server: ProsodyServer, apps: AppFactory
) -> None:
    """The account store's disk fills up (SQLite ``max_page_count``) while a peer writes. Freed
    again, every message received meanwhile is stored, once and in order (before, the failed
    batches were dropped). Full again and the app killed before it is freed: what was kept in
    memory dies with it, but neither the archive position nor the XEP-0198 counter moved past
    it, so the restarted app reads it from the archive."""
    me, them = server.new_account("diskfull"), server.new_account("talker")
    app = await apps(spec(server, me)).start()
    await app.connected()
    prefix = f"full-{uuid.uuid4().hex[:6]}-"
    texts = [f"{prefix}{i} " + "x" * 200 for i in range(60)]
    position = "backend.xmpp.catchup"
    async with client(server, them, "talker") as peer:
        peer.chat(me.jid, f"{prefix}warm")  # a first position saved past something
        await poll(lambda: stored_bodies(app, prefix) == [f"{prefix}warm"], 60, "warm-up")
        await app.call("flush")
        texts.insert(0, f"{prefix}warm")
        await app.call("fill_disk")
        saved = read_state(app.store_path, position)
        for text in texts[1:31]:
            peer.chat(me.jid, text)
        await app.wait_event(
            lambda e: e.get("event") == "notice" and "Could not save" in e["text"], 60
        )
        assert read_state(app.store_path, position) == saved  # not past what is kept
        await app.call("free_disk")
        await poll(lambda: len(stored_bodies(app, prefix)) >= 31, 60, "the first 30 stored")
        await app.call("flush")
        assert stored_bodies(app, prefix) == texts[:31]  # once each, in order
        start = len(app.events)
        await app.call("fill_disk")
        saved = read_state(app.store_path, position)
        for text in texts[31:]:
            peer.chat(me.jid, text)
        await app.wait_event(
            lambda e: e.get("event") == "notice" and "Could not save" in e["text"], 60, since=start
        )
        assert read_state(app.store_path, position) == saved
        await app.kill()  # the kept 30 die with the process; the restart frees the disk
        assert integrity_check(app.store_path) == "ok"
        await app.start()
        await app.connected()
        with contextlib.suppress(AssertionError):  # the tally below says what is missing
            await poll(lambda: len(stored_bodies(app, prefix)) >= 61, 60, "all stored")
        await app.call("flush")
    got = stored_bodies(app, prefix)
    figures = Tally("xmpp: received while the disk is full", texts, seen=got).report()
    assert figures["lost"] == 0 and figures["duplicated"] == 0, figures


async def test_restart_after_a_crash_connects_at_once(
    server: ProsodyServer, apps: AppFactory
) -> None:
    """The new process must not try to resume the dead one's stream (Prosody 0.12 leaves a
    resumption with a stale counter unanswered, and slixmpp waits 30 s for it)."""
    me, them = server.new_account("restart"), server.new_account("peer")
    app = await apps(spec(server, me)).start()
    await app.connected()
    prefix = f"restart-{uuid.uuid4().hex[:6]}-"
    async with client(server, them, "peer") as peer:
        for i in range(30):  # stanzas the app handles and acknowledges before it dies
            peer.chat(me.jid, f"{prefix}{i}")
        await poll(lambda: len(stored_bodies(app, prefix)) == 30, 60, "received")
    await app.kill()
    await app.start()
    took = await app.connected(timeout=60)
    started = next(float(e["t"]) for e in app.events if e.get("event") == "starting")
    states = [e["state"] for e in app.events if e.get("event") == "state"]
    before = states[: states.index("connected")]
    assert set(before) <= {"offline", "connecting"} and before.count("connecting") == 1, before
    Tally(
        "xmpp: restart after a crash",
        [],
        extra={"core_start_to_connected_s": round(took - started, 2), "spawn_to_connected_s": took},
    ).report()
    assert took - started < RESTART_BUDGET
