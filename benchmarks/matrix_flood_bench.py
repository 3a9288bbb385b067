"""matrix-flood: 5,000 messages flooded into a joined Matrix room, as the peer harness does it.

A real Synapse on loopback (the integration tests' helper starts it). A watcher user makes the
flood room and ``--rooms`` more (public), our account is joined to all of them over the API, and
the real app (core thread + main window, offscreen) signs in in a child process with the flood
room open. A flooder then PUTs ``-n`` ``m.room.message`` events over 4 keep-alive connections
(``/work/shared/bench/matrix.py`` does the same for Nheko), the last one ``END-<token>`` once all
others were accepted. Synapse paces such a flood (a few dozen events a second on these machines),
so the app sees thousands of small ``/sync`` answers: the figure is the cost of one sync, times
thousands.

Figures (JSON): ``flood_cpu_s`` — the app's CPU seconds (every thread, from ``/proc``) from the
first PUT until END is in its store; ``quiet_cpu_s`` — until it next uses < 0.05 CPU-s in a second;
``syncs`` — sync answers it took in that time (from the app's own count), so
``cpu_ms_per_sync``; ``sync`` — how it synced (``--sync``: simplified sliding sync, the default
where Synapse serves it, or ``/sync`` v3); private memory (``RssAnon``, and USS from ``smaps_rollup``) before, at its peak
during the flood (100 ms samples) and ``--after`` seconds after it; ``server_accept_s`` — when
Synapse accepted END (the server's pace); Synapse's own CPU seconds; ``stored`` — messages with the
token in the store (N = nothing lost). ``--py-spy FILE`` records the app with py-spy during the
flood (``--format raw``, all threads) for a flame graph.

Targets (issue 18): flood CPU ≤ a tenth of Nheko's in the same run (Nheko: 170–224 CPU-s, so
≈ 20 CPU-s), private memory growth during the flood ≤ 30 MB, given back afterwards.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.app_driver import (  # noqa: E402
    ChildProcess,
    machine_load,
    process_cpu_ticks,
    process_figures,
    thread_figures,
)

TARGETS = {"flood_cpu_s": 20.0, "private_growth_mb": 30.0}
FILLER = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor"


# -- the app side (child process) ----------------------------------------------------------------


def driver(config_path: str) -> int:
    """Run the app with one Matrix account, open the flood room, report ``READY {json}``, then
    answer ``SYNCS`` with how many ``/sync`` answers the backend has processed, until SIGTERM."""
    import asyncio

    from PySide6.QtCore import QTimer

    from app.models import ConnectionState, ConversationId
    from benchmarks.app_driver import open_app

    config = json.loads(Path(config_path).read_text())
    running = open_app()
    ready: list[Any] = []

    async def setup() -> dict[str, Any]:
        core = running.bridge.core
        account = await core.accounts.add_account("matrix", config["settings"], config["secrets"])
        session = core.sessions[account.id]
        for _ in range(1800):
            backend = session.backend
            if session.state.state is ConnectionState.CONNECTED and backend is not None:
                synced = getattr(backend, "synced", None)
                if synced is None or synced.is_set():
                    break
            await asyncio.sleep(0.1)
        else:
            raise RuntimeError(f"the account did not connect: {session.state}")
        await core.flushed()
        convs = await core.services.worker.run(session.store.conversations)
        return {
            "account": account.id,
            "store": str(core.ctx.paths.account_store(account.id)),
            "conversations": len(convs),
        }

    def when_ready() -> None:
        if not ready:
            QTimer.singleShot(100, when_ready)
            return
        done = ready[0]
        if not done.ok:
            print("READY " + json.dumps({"error": str(done.error)}), flush=True)
            running.app.quit()
            return
        summary = done.value
        running.window.show_conversation(ConversationId(summary["account"], config["room"]))
        summary["pid"] = os.getpid()
        summary["threads"] = {str(t.native_id): t.name for t in threading.enumerate()}
        QTimer.singleShot(1000, lambda: print("READY " + json.dumps(summary), flush=True))

    def figures() -> dict[str, Any]:
        for session in running.bridge.core.sessions.values():
            count = getattr(session.backend, "sync_count", None)
            if isinstance(count, int):
                return {"syncs": count, "mode": getattr(session.backend, "sync_mode", "")}
        return {"syncs": -1, "mode": ""}

    def answer() -> None:
        for line in sys.stdin:
            if line.strip() == "SYNCS":
                print(f"FIGURES {json.dumps(figures())}", flush=True)

    threading.Thread(target=answer, name="bench-stdin", daemon=True).start()
    running.bridge.call(setup(), ready.append)
    QTimer.singleShot(100, when_ready)
    running.app.exec()
    running.close()
    return 0


# -- the harness (parent process) ----------------------------------------------------------------


class Api:
    """One keep-alive HTTP connection to Synapse with one user's token."""

    def __init__(self, port: int, token: str = "") -> None:
        self.port, self.token = port, token
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def __call__(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        headers = {"Content-Type": "application/json"}
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        self.conn.request(method, path, None if body is None else json.dumps(body), headers)
        resp = self.conn.getresponse()
        data = json.loads(resp.read() or b"{}")
        if resp.status != 200:
            raise RuntimeError(f"{method} {path}: {resp.status} {data}")
        return data


def q(part: str) -> str:
    return quote(part, safe="")


def flood(port: int, token: str, room: str, bodies: list[str], conns: int = 4) -> float:
    """PUT every body but the last over ``conns`` connections, then END; returns when END was
    accepted (monotonic)."""
    txn = f"t{time.time_ns()}"
    work = iter(enumerate(bodies[:-1]))
    lock = threading.Lock()

    def worker() -> None:
        api = Api(port, token)
        while True:
            with lock:
                item = next(work, None)
            if item is None:
                return
            i, body = item
            path = f"/_matrix/client/v3/rooms/{q(room)}/send/m.room.message/{txn}-{i}"
            api("PUT", path, {"msgtype": "m.text", "body": body})

    threads = [threading.Thread(target=worker) for _ in range(conns)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    Api(port, token)(
        "PUT",
        f"/_matrix/client/v3/rooms/{q(room)}/send/m.room.message/{txn}-end",
        {"msgtype": "m.text", "body": bodies[-1]},
    )
    return time.monotonic()


class StoreWatch:
    """Rows of the app's store that carry the token (read-only connection, new rows only)."""

    def __init__(self, path: str, token: str) -> None:
        self.path, self.token, self.last, self.count, self.end = path, token, 0, 0, False
        self.con: sqlite3.Connection | None = None

    def poll(self) -> bool:
        if self.con is None:
            self.con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=1)
        try:
            rows = self.con.execute(
                "SELECT seq, body FROM messages WHERE seq > ? ORDER BY seq", (self.last,)
            ).fetchall()
        except sqlite3.Error:
            return self.end
        for seq, body in rows:
            self.last = seq
            if body and self.token in body:
                self.count += 1
                self.end = self.end or body.startswith("END-")
        return self.end

    def final(self) -> int:
        assert self.con is not None
        row = self.con.execute(
            "SELECT count(*) FROM messages WHERE instr(body, ?) > 0", (self.token,)
        ).fetchone()
        return int(row[0])


def thread_cpu(
    before: dict[int, dict[str, Any]], after: dict[int, dict[str, Any]], names: dict[str, str]
) -> dict[str, float]:
    """CPU seconds per thread between two readings, by Python thread name where known (Qt's
    own threads by their kernel name; threads of one name summed)."""
    out: dict[str, float] = {}
    for tid, info in after.items():
        spent = info["cpu_s"] - before.get(tid, {}).get("cpu_s", 0.0)
        name = names.get(str(tid), info["name"])
        out[name] = round(out.get(name, 0.0) + spent, 2)
    return {k: v for k, v in sorted(out.items(), key=lambda kv: -kv[1]) if v > 0}


def private_mb(pid: int) -> dict[str, float]:
    figures = process_figures(pid)
    return {"rss_anon_mb": figures["rss_anon_mb"], "uss_mb": figures.get("uss_mb", 0.0)}


def harness(args: argparse.Namespace) -> dict[str, Any]:
    from tests.integration.matrix.synapse import start_synapse

    load_before = machine_load()
    work = Path(tempfile.mkdtemp(prefix="chinwag-matrix-flood-"))
    synapse = start_synapse(work / "synapse")
    child: ChildProcess | None = None
    spy: subprocess.Popen[bytes] | None = None
    try:
        port = synapse.http_port
        password = uuid.uuid4().hex
        users = {n: synapse.register(synapse.unique_name(n), password) for n in ("w", "f", "me")}
        tokens = {n: synapse.login(u, password) for n, u in users.items()}
        watcher = Api(port, tokens["w"])
        rooms = []
        for i in range(args.rooms + 1):
            made = watcher(
                "POST",
                "/_matrix/client/v3/createRoom",
                {"preset": "public_chat", "name": "bench" if i == 0 else f"c{i}"},
            )
            rooms.append(made["room_id"])
        me = Api(port, tokens["me"])
        for room in rooms:
            me("POST", f"/_matrix/client/v3/join/{q(room)}", {})
        Api(port, tokens["f"])("POST", f"/_matrix/client/v3/join/{q(rooms[0])}", {})
        me("POST", "/_matrix/client/v3/logout", {})
        config = {
            "settings": {
                "user_id": users["me"],
                "homeserver": synapse.base_url,
                "sliding_sync": args.sync == "sliding",
            },
            "secrets": {"password": password},
            "room": rooms[0],
        }
        config_path = work / "config.json"
        config_path.write_text(json.dumps(config))
        child = ChildProcess([sys.executable, __file__, "--child", str(config_path)])
        ready = json.loads(child.expect("READY", 300))
        if "error" in ready:
            raise RuntimeError(ready["error"])
        pid = int(ready["pid"])
        time.sleep(args.settle)

        mode: list[str] = []

        def syncs() -> int:
            assert child is not None
            child.send("SYNCS")
            answer = json.loads(child.expect("FIGURES", 30))
            mode[:] = [str(answer["mode"])]
            return int(answer["syncs"])

        token = uuid.uuid4().hex[:10]
        bodies = [f"{token} {i:06d} {FILLER}" for i in range(1, args.n)]
        bodies.append(f"END-{token} {args.n:06d}")
        watch = StoreWatch(ready["store"], token)
        before = private_mb(pid)
        syncs0 = syncs()
        synapse_pid = synapse.pid or 0
        synapse_cpu0 = process_cpu_ticks(synapse_pid)
        if args.py_spy:
            spy = subprocess.Popen(
                [
                    "py-spy", "record", "--pid", str(pid), "--rate", "100", "--threads",
                    "--format", args.py_spy_format, "-o", args.py_spy, "--nonblocking",
                    *args.py_spy_args.split(),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )  # fmt: skip
        peak = dict(before)
        stop = threading.Event()

        def sample() -> None:
            while not stop.wait(0.1):
                now_mb = private_mb(pid)
                for key, value in now_mb.items():
                    peak[key] = max(peak[key], value)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        threads0 = thread_figures(pid)
        cpu0 = process_cpu_ticks(pid)
        t0 = time.monotonic()
        accepted: list[float] = []
        sender = threading.Thread(
            target=lambda: accepted.append(flood(port, tokens["f"], rooms[0], bodies)),
            daemon=True,
        )
        sender.start()
        deadline = t0 + args.timeout
        while not watch.poll():
            if time.monotonic() > deadline:
                raise RuntimeError(f"END not stored within {args.timeout} s ({watch.count} rows)")
            time.sleep(0.05)
        flood_wall = time.monotonic() - t0
        flood_cpu = process_cpu_ticks(pid) - cpu0
        threads1 = thread_figures(pid)
        flood_syncs = syncs() - syncs0
        sender.join(60)
        synapse_cpu = process_cpu_ticks(synapse_pid) - synapse_cpu0
        if spy is not None:
            spy.send_signal(signal.SIGINT)
            spy.wait(120)
        last = process_cpu_ticks(pid)
        while True:  # quiet: less than 0.05 CPU-s in a second
            time.sleep(1.0)
            cpu = process_cpu_ticks(pid)
            if cpu - last < 0.05:
                break
            last = cpu
        quiet_cpu = cpu - cpu0
        stop.set()
        sampler.join()
        time.sleep(args.after)
        after = private_mb(pid)
        return {
            "benchmark": "matrix_flood",
            "messages": args.n,
            "sync": mode[0] if mode else "",
            "extra_rooms": args.rooms,
            "flood_cpu_s": round(flood_cpu, 2),
            "flood_wall_s": round(flood_wall, 2),
            "quiet_cpu_s": round(quiet_cpu, 2),
            "server_accept_s": round(accepted[0] - t0, 2) if accepted else None,
            "synapse_cpu_s": round(synapse_cpu, 2),
            "syncs": flood_syncs,
            "cpu_ms_per_sync": round(1000 * flood_cpu / flood_syncs, 2)
            if flood_syncs > 0
            else None,
            "stored": watch.final(),
            "thread_cpu_s": thread_cpu(threads0, threads1, ready["threads"]),
            "memory_before_mb": before,
            "memory_peak_mb": peak,
            "memory_after_mb": after,
            "after_s": args.after,
            "private_growth_mb": round(peak["rss_anon_mb"] - before["rss_anon_mb"], 1),
            "private_kept_mb": round(after["rss_anon_mb"] - before["rss_anon_mb"], 1),
            "targets": TARGETS,
            "load_before": load_before,
            "load_after": machine_load(),
        }
    finally:
        if spy is not None and spy.poll() is None:
            spy.kill()
        if child is not None:
            child.stop()
        if synapse.process is not None:
            synapse.process.stop()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("-n", type=int, default=5000, help="messages in the flood")
    parser.add_argument("--rooms", type=int, default=50, help="extra rooms the account is in")
    parser.add_argument("--settle", type=float, default=5.0, help="seconds before the flood")
    parser.add_argument("--after", type=float, default=20.0, help="seconds before memory after")
    parser.add_argument("--timeout", type=float, default=900.0)
    parser.add_argument(
        "--sync", choices=("sliding", "v3"), default="sliding", help="how the app syncs"
    )
    parser.add_argument("--py-spy", default="", help="record the app with py-spy into FILE")
    parser.add_argument("--py-spy-format", default="raw")
    parser.add_argument("--py-spy-args", default="", help="more py-spy options (--gil, --native)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    if args.child:
        return driver(args.child)
    print(json.dumps(harness(args), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
