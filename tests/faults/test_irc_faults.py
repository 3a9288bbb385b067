"""Faults against a real InspIRCd: the server killed during a send burst, the app killed
(SIGKILL) mid-send and mid-ingest, and the restart after a crash. The app runs in a child
process (:mod:`tests.faults.child`); a raw-socket peer counts what arrives.

IRC keeps nothing for a client that is away: what the server still has after a crash is the
channel's replay on joining (InspIRCd ``chanhistory``, the last 50 lines). An unconfirmed line
cannot be asked about afterwards, so the app marks it failed ("may not have been delivered")
instead of sending it twice; the figures count those apart from losses."""

from __future__ import annotations

import asyncio
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
    integrity_check,
    outbox_size,
    poll,
    read_store,
    scaled,
)
from tests.integration.irc.helpers import settings_for
from tests.integration.irc.peer import Peer, unique_channel, unique_nick
from tests.integration.irc.servers import IrcServer, start_inspircd

pytestmark = pytest.mark.integration

BURST = scaled(200)
HISTORY = 50  # <chanhistory maxlines> in the test server's configuration
RESTART_BUDGET = 5.0


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[IrcServer]:
    """An InspIRCd (with Atheme) of this module's own: these tests kill it."""
    irc = start_inspircd(tmp_path_factory.mktemp("inspircd-faults"))
    yield irc
    irc.stop()


def kill_server(server: IrcServer) -> None:
    ircd = server.processes[0]
    assert ircd.proc is not None
    ircd.proc.send_signal(signal.SIGKILL)
    ircd.proc.wait(10)
    ircd.proc = None


def restart_server(server: IrcServer) -> None:
    ports = [server.port, server.tls_port, server.password_port]
    server.processes[0].start(wait_ports=[p for p in ports if p], timeout=60)


def spec(server: IrcServer, nick: str) -> dict[str, Any]:
    return {
        "protocol": "irc",
        "settings": settings_for(server, nick),
        # The pace of the integration tests' backend (a real network's takes 100 s for 200).
        "backend_attrs": {"send_burst": 20, "send_rate": 50.0, "motd_grace": 3.0},
    }


def privmsgs(peers: list[Peer], prefix: str) -> list[str]:
    return [
        m.params[-1]
        for p in peers
        for m in p.lines
        if m.command == "PRIVMSG" and m.params[-1].startswith(prefix)
    ]


def stored_bodies(app: AppProcess, prefix: str) -> list[str]:
    return bodies(read_store(app.store_path), prefix)


async def test_server_killed_three_times_during_a_send_burst(
    server: IrcServer, apps: AppFactory
) -> None:
    nick = unique_nick("burst")
    app = await apps(spec(server, nick)).start()
    await app.connected()
    listeners = [await Peer.connect(server.port, unique_nick("count"))]
    them = listeners[0].nick
    try:
        conv = await app.call("open_direct", contact=them)
        prefix = f"burst-{uuid.uuid4().hex[:6]}-"
        texts = [f"{prefix}{i}" for i in range(BURST)]
        await app.call("send", conversation=conv, bodies=texts)
        for kills, left in enumerate((BURST * 3 // 4, BURST // 2, BURST // 4), start=1):
            await poll(lambda left=left: outbox_size(app.store_path) <= left, 120, "sending")
            before = app.connected_count()
            kill_server(server)
            await listeners[-1].read_to_end()
            await listeners[-1].close()
            restart_server(server)
            # The peer is back before the app (which waits for its backoff): a line to a nick
            # that is not there fails visibly (401), it is not lost.
            listeners.append(await Peer.connect(server.port, them))
            await poll(lambda b=before: app.connected_count() > b, 60, f"reconnect {kills}")
        await poll(lambda: outbox_size(app.store_path) == 0, 120, "the outbox emptied")
        await poll(
            lambda: (
                len(privmsgs(listeners, prefix))
                + sum(1 for m in read_store(app.store_path) if m.delivery == "failed")
                >= BURST
            ),
            60,
            "every line arrived or failed",
        )
        stored = read_store(app.store_path)
        tally = Tally(
            "irc: server killed 3x during a send burst",
            texts,
            seen=privmsgs(listeners, prefix),
            failed={m.body for m in stored if m.delivery == "failed"},
        )
        figures = tally.report()
        assert figures["lost"] == 0 and figures["duplicated"] == 0, figures
    finally:
        for peer in listeners:
            await peer.close()


async def test_app_killed_mid_send_then_nothing_is_sent_twice(
    server: IrcServer, apps: AppFactory
) -> None:
    app = await apps(spec(server, unique_nick("crash"))).start()
    await app.connected()
    peer = await Peer.connect(server.port, unique_nick("count"))
    try:
        conv = await app.call("open_direct", contact=peer.nick)
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
        await poll(
            lambda: (
                len(privmsgs([peer], prefix))
                + sum(1 for m in read_store(app.store_path) if m.delivery == "failed")
                >= BURST
            ),
            60,
            "every line arrived or failed",
        )
        tally = Tally(
            "irc: app killed mid-send",
            texts,
            seen=privmsgs([peer], prefix),
            failed={m.body for m in read_store(app.store_path) if m.delivery == "failed"},
        )
        figures = tally.report()
        assert figures["lost"] == 0 and figures["duplicated"] == 0, figures
    finally:
        await peer.close()


async def test_app_killed_mid_ingest_then_the_channel_replay_is_stored_once(
    server: IrcServer, apps: AppFactory
) -> None:
    """What the app committed survives the kill; what the server still has (the channel's last
    50 lines, replayed on joining) is stored after the restart, each line exactly once."""
    channel = unique_channel("#faults")
    app = await apps(spec(server, unique_nick("reader"))).start()
    await app.connected()
    peer = await Peer.connect(server.port, unique_nick("talker"))
    try:
        await peer.join(channel)
        await peer.send(f"MODE {channel} +H {HISTORY}:1h")  # the channel keeps its last lines
        await peer.wait_for(lambda m: m.command == "MODE" and "+H" in m.params)
        folded = await app.call("join", room=channel)
        prefix = f"ingest-{uuid.uuid4().hex[:6]}-"
        texts = [f"{prefix}{i}" for i in range(120)]
        for i, text in enumerate(texts[:100]):
            await peer.privmsg(channel, text)
            if i % 20 == 19:
                await asyncio.sleep(0.05)
        await poll(lambda: len(stored_bodies(app, prefix)) >= 90, 60, "90 lines stored")
        await app.kill()
        assert integrity_check(app.store_path) == "ok"
        kept = set(stored_bodies(app, prefix))  # committed before the kill
        for text in texts[100:]:  # while the app is down
            await peer.privmsg(channel, text)
        # The replay (the last 50) overlaps what the app has: each line must still be there once.
        assert set(texts[-HISTORY:]) & kept
        await app.start()
        await app.connected()
        has = set(texts[-HISTORY:])  # what the server replays on joining
        await poll(
            lambda: has <= set(stored_bodies(app, prefix)), 60, "the replay stored", interval=0.3
        )
        live = [f"{prefix}live-{i}" for i in range(20)]
        for text in live:
            await peer.privmsg(channel, text)
        await poll(
            lambda: set(live) <= set(stored_bodies(app, prefix)), 60, "live lines", interval=0.3
        )
        await app.call("flush")
        stored = [m for m in read_store(app.store_path) if m.conversation == folded]
        got = bodies(stored, prefix)
        expected = sorted(kept | has | set(live))
        tally = Tally("irc: app killed mid-ingest", expected, seen=got)
        tally.extra["gone_with_irc"] = len(set(texts) - kept - has)  # IRC kept them nowhere
        figures = tally.report()
        assert kept <= set(got)  # nothing committed was lost
        assert figures["lost"] == 0 and figures["duplicated"] == 0, figures
    finally:
        await peer.close()


async def test_a_flood_while_the_disk_is_full_is_stored_whole_once_it_is_freed(
    server: IrcServer, apps: AppFactory
) -> None:
    """The account store's disk fills up (SQLite ``max_page_count`` at the file's size: every
    write needing a page more fails with SQLITE_FULL) during a channel flood, and is freed later.
    IRC keeps nothing for a client: before, every line of a failed batch was gone for good.
    Now the lines are kept in order, the user is told once, and once the disk is freed every
    line is stored exactly once, in the order it was sent, and the user is told that too."""
    channel = unique_channel("#diskfull")
    app = await apps(spec(server, unique_nick("reader"))).start()
    await app.connected()
    peer = await Peer.connect(server.port, unique_nick("talker"))
    try:
        await peer.join(channel)
        folded = await app.call("join", room=channel)
        prefix = f"full-{uuid.uuid4().hex[:6]}-"
        texts = [f"{prefix}{i} " + "x" * 200 for i in range(BURST)]
        for text in texts[:20]:
            await peer.privmsg(channel, text)
        await poll(lambda: len(stored_bodies(app, prefix)) == 20, 60, "the first lines stored")
        await app.call("fill_disk")
        for i, text in enumerate(texts[20:]):
            await peer.privmsg(channel, text)
            if i % 20 == 19:
                await asyncio.sleep(0.05)
        await app.wait_event(
            lambda e: e.get("event") == "notice" and "Could not save" in e["text"], 60
        )
        await app.call("flush")  # returns although the store fails: what it has is kept
        while_full = len(stored_bodies(app, prefix))
        assert while_full < BURST
        await app.call("free_disk")
        await poll(lambda: len(stored_bodies(app, prefix)) >= BURST, 60, "every line stored")
        await app.wait_event(lambda e: e.get("event") == "notice" and "saved again" in e["text"])
        await app.call("flush")
        got = bodies([m for m in read_store(app.store_path) if m.conversation == folded], prefix)
        tally = Tally("irc: flood while the disk is full", texts, seen=got)
        tally.extra["stored_while_full"] = while_full
        figures = tally.report()
        assert got == texts  # every line, once, in the order sent
        assert figures["lost"] == 0 and figures["duplicated"] == 0, figures
        notices = [e["text"] for e in app.events if e.get("event") == "notice"]
        assert sum("Could not save" in n for n in notices) == 1, notices
        assert sum("saved again" in n for n in notices) == 1, notices
        assert integrity_check(app.store_path) == "ok"
    finally:
        await peer.close()


async def test_restart_after_a_crash_connects_at_once(server: IrcServer, apps: AppFactory) -> None:
    app = await apps(spec(server, unique_nick("restart"))).start()
    await app.connected()
    await app.kill()
    await app.start()
    took = await app.connected(timeout=60)
    started = next(float(e["t"]) for e in app.events if e.get("event") == "starting")
    states = [e["state"] for e in app.events if e.get("event") == "state"]
    before = states[: states.index("connected")]
    Tally(
        "irc: restart after a crash",
        [],
        extra={"core_start_to_connected_s": round(took - started, 2), "spawn_to_connected_s": took},
    ).report()
    assert set(before) <= {"offline", "connecting"} and before.count("connecting") == 1, before
    assert took - started < RESTART_BUDGET
