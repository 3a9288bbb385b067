"""flood: 20,000 messages sent into a joined IRC channel as fast as the server relays them.

A real InspIRCd on loopback (the integration tests' helper starts it); the app (core thread + the
real main window, offscreen) runs in a child process with the channel open. Raw clients flood
the channel while another raw client measures how fast the server itself relays. InspIRCd lets
one client burst only a short while before its per-client flood penalty holds it to about 150
lines/s, so the flood comes from many clients, ``--per-client`` (100) lines each, all written
at once and all deaf (user mode +d: the server does not relay the channel back to them, else
it would spend its time writing 20,000 lines to each of 200 clients that never read). That is
what the server can relay, not what one client may send.

Both rates are timed the same way, from the first flood message to the last one, on one clock
(CLOCK_MONOTONIC, shared by both processes): the server's as the observer client receives them,
the UI's as messages reach the message list model (its ``arrived`` signal: while the view follows
the newest messages the model keeps only the newest few hundred rows, so a flood is counted as it
arrives, not as rows that stay; ``view_at_latest`` and ``newest_row`` show what the view holds). Also reported: how long after the
server's last relay the UI got its last row, the app's CPU seconds for the whole flood (from just
before the first line is sent until the last row is in the model), and the longest stall of the
UI thread (the largest gap between ticks of a 5 ms heartbeat timer; 5 ms is the floor).

Never hangs: the app stops waiting once no row has come for ``--quiet`` seconds (rows lost on
the way show up as ``rows_in_model`` < ``messages`` and ``complete: false``), and the harness
gives the app a hard deadline. Targets: keeps up with the server, ≥ 5,000 messages/s, stall
≤ 50 ms. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.app_driver import ChildProcess, cpu_seconds, machine_load, now  # noqa: E402

CHANNEL = "#flood"
HEARTBEAT_MS = 5
FRAMES_ENV = "CHINWAG_FLOOD_FRAMES"  # a file: the app writes its long frames there (--frames)
FRAMES_OVER_ENV = "CHINWAG_FLOOD_FRAMES_OVER"  # ms: a frame longer than this is kept
PROFILE_ENV = "CHINWAG_FLOOD_PROFILE"  # a file: cProfile of the GUI thread over the flood
TARGETS = {"ui_rate_msgs_per_s": 5000, "max_ui_stall_ms": 50}


# -- the app side (child process) --------------------------------------------------------------


def driver(port: int, count: int, quiet: float) -> int:
    from PySide6.QtCore import QTimer

    from app.models import ConnectionState, ConversationId
    from benchmarks.app_driver import open_app, process_figures

    frames = None
    if trace_path := os.environ.get(FRAMES_ENV):  # --frames: what the long frames are made of
        from benchmarks.frame_trace import FrameTrace

        over = float(os.environ.get(FRAMES_OVER_ENV) or TARGETS["max_ui_stall_ms"])
        frames = FrameTrace(over / 1000)
        missing = frames.install()
        if missing:
            print(f"frame trace: not found: {missing}", file=sys.stderr, flush=True)
    profiler = None
    if profile_path := os.environ.get(PROFILE_ENV):  # --profile: the GUI thread in cProfile
        import cProfile

        profiler = cProfile.Profile()
    running = open_app()
    bridge, window = running.bridge, running.window
    model = window.pane.model
    state: dict[str, Any] = {"rows": 0, "max_gap": 0.0, "long_gaps": 0}
    go = threading.Event()
    account: list[str] = []

    def read_go() -> None:
        sys.stdin.readline()
        go.set()

    threading.Thread(target=read_go, daemon=True).start()

    def counted(arrived: int) -> None:
        if "go" not in state:
            return
        stamp = now()
        state.setdefault("first_row", stamp)
        state["last_row"] = state["quiet_since"] = stamp
        state["rows"] += arrived
        if state["rows"] >= count and "cpu1" not in state:
            state["cpu1"] = cpu_seconds()

    window.pane.model.arrived.connect(counted)
    last_tick = [now()]

    def tick() -> None:
        stamp = now()
        gap = stamp - last_tick[0]
        last_tick[0] = stamp
        if frames is not None:
            frames.tick()
        if "go" not in state:
            if go.is_set():
                state["go"] = stamp
                state["cpu0"] = cpu_seconds()
                if frames is not None:
                    frames.reset()  # only the flood's frames
                if profiler is not None:
                    profiler.enable()  # this thread's (the GUI thread's) Python only
            return
        state["max_gap"] = max(state["max_gap"], gap)
        state["long_gaps"] += gap > TARGETS["max_ui_stall_ms"] / 1000
        if gap > 0.5 or "quiet_since" not in state:  # a busy GUI thread is not a quiet one
            state["quiet_since"] = stamp
        done = state["rows"] >= count
        if done or stamp - state["quiet_since"] > quiet:
            heartbeat.stop()
            report(complete=done)

    def report(complete: bool) -> None:
        first, last = state.get("first_row"), state.get("last_row")
        rows = state["rows"]
        span = (last - first) if first is not None and last is not None else None
        result = {
            "complete": complete,
            "rows_in_model": rows,
            "rows_kept_in_view": model.rowCount(),
            "view_at_latest": model.at_latest,
            "newest_row": model.message(model.rowCount() - 1).body if model.rowCount() else None,
            "ui_first_row_at": first,
            "ui_last_row_at": last,
            "ui_seconds": round(span, 3) if span is not None else None,
            "ui_rate_msgs_per_s": round((rows - 1) / span, 1) if span and rows > 1 else None,
            "cpu_seconds": round(state.get("cpu1", cpu_seconds()) - state["cpu0"], 3),
            "max_ui_stall_ms": round(state["max_gap"] * 1000, 1),
            "ui_stalls_over_50ms": state["long_gaps"],
            "rss_mb_after": process_figures()["rss_mb"],
            "unread_shown": window.sidebar_model.total_unread(),
        }
        if frames is not None:
            Path(trace_path).write_text(json.dumps(frames.summary(), indent=1))
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(profile_path)
        print("RESULT " + json.dumps(result), flush=True)
        running.app.quit()

    heartbeat = QTimer()
    heartbeat.setInterval(HEARTBEAT_MS)
    heartbeat.timeout.connect(tick)
    heartbeat.start()

    async def setup() -> None:
        import asyncio

        core = bridge.core
        acct = await core.accounts.add_account(
            "irc", {"server": "127.0.0.1", "port": port, "nick": "bencher", "plain_text": True}
        )
        account.append(acct.id)
        for _ in range(300):
            if core.sessions[acct.id].state.state is ConnectionState.CONNECTED:
                break
            await asyncio.sleep(0.1)
        outcome = await core.rooms.join(acct.id, CHANNEL)
        assert outcome.ok, outcome.failure

    ready: list[Any] = []
    bridge.call(setup(), ready.append)

    def when_ready() -> None:
        if not ready:
            QTimer.singleShot(50, when_ready)
            return
        if not ready[0].ok:
            print("READY " + json.dumps({"error": ready[0].error}), flush=True)
            running.app.quit()
            return
        window.show_conversation(ConversationId(account[0], CHANNEL))
        QTimer.singleShot(500, lambda: print("READY {}", flush=True))

    QTimer.singleShot(50, when_ready)
    running.app.exec()
    running.close()
    return 0


# -- the harness (parent process) ------------------------------------------------------------


class RawClient:
    """A bare IRC client in the flood channel. A ``deaf`` one (user mode +d, InspIRCd's m_deaf)
    only sends: the server relays the channel's messages to it no more."""

    def __init__(self, port: int, nick: str, *, deaf: bool = False) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.buffer = b""
        self.send(f"NICK {nick}\r\nUSER {nick} 0 * :{nick}\r\n")
        self.wait_for(f" 001 {nick} ")
        if deaf:
            self.send(f"MODE {nick} +d\r\n")
        self.send(f"JOIN {CHANNEL}\r\n")
        self.wait_for(" 366 ")

    def send(self, text: str) -> None:
        self.sock.sendall(text.encode())

    def lines(self) -> Iterator[str]:
        while True:
            while b"\r\n" in self.buffer:
                line, self.buffer = self.buffer.split(b"\r\n", 1)
                text = line.decode(errors="replace")
                if text.startswith("PING"):
                    self.send("PONG" + text[4:] + "\r\n")
                yield text
            try:
                chunk = self.sock.recv(1 << 16)
            except OSError:  # the timeout: the server stopped relaying
                return
            if not chunk:
                return
            self.buffer += chunk

    def wait_for(self, needle: str) -> None:
        for line in self.lines():
            if needle in line:
                return
        raise TimeoutError(f"the server never sent {needle!r}")

    def close(self) -> None:
        self.sock.close()


def harness(count: int, quiet: float, per_client: int) -> dict[str, object]:
    from concurrent.futures import ThreadPoolExecutor

    from tests.integration.irc.servers import start_inspircd

    load = machine_load()
    work = Path(tempfile.mkdtemp(prefix="chinwag-flood-server-"))
    server = start_inspircd(work)
    child: ChildProcess | None = None
    clients: list[RawClient] = []
    try:
        child = ChildProcess(
            [sys.executable, __file__, "--driver", str(server.port), str(count), str(quiet)]
        )
        answer = json.loads(child.expect("READY", 120))
        if "error" in answer:
            raise RuntimeError(f"the app did not get ready: {answer['error']}")
        observer = RawClient(server.port, "observer")
        clients.append(observer)
        flooders = (count + per_client - 1) // per_client
        with ThreadPoolExecutor(min(flooders, 32)) as pool:  # each registration takes ~1 s
            clients += pool.map(
                lambda i: RawClient(server.port, f"flooder{i}", deaf=True), range(flooders)
            )
        payloads = [
            "".join(
                f"PRIVMSG {CHANNEL} :flood line {i} with some ordinary chat text in it\r\n"
                for i in range(k * per_client, min(count, (k + 1) * per_client))
            )
            for k in range(flooders)
        ]
        observer.sock.settimeout(quiet)
        relay: dict[str, float] = {}
        seen = [0]

        def observe() -> None:
            for text in observer.lines():
                if " PRIVMSG " in text:
                    stamp = now()
                    relay.setdefault("first", stamp)
                    relay["last"] = stamp
                    seen[0] += 1
                    if seen[0] == count:
                        return

        watcher = threading.Thread(target=observe, daemon=True)
        watcher.start()
        child.send("GO")
        time.sleep(0.2)  # the app takes its CPU reading at its next heartbeat
        started = now()
        for flooder, payload in zip(clients[1:], payloads, strict=True):
            flooder.send(payload)
        sent = now() - started
        result = json.loads(child.expect("RESULT", 60 + count / 500 + quiet))
        watcher.join(quiet + 5)
        relay_span = relay["last"] - relay["first"] if seen[0] > 1 else None
        server_rate = (seen[0] - 1) / relay_span if relay_span else None
        ui_rate = result["ui_rate_msgs_per_s"]
        lag = (
            result["ui_last_row_at"] - relay["last"]
            if result["ui_last_row_at"] is not None and "last" in relay
            else None
        )
        for key in ("ui_first_row_at", "ui_last_row_at"):
            result.pop(key)
        return {
            "benchmark": "flood",
            "messages": count,
            **result,
            "server_relayed": seen[0],
            "server_relay_msgs_per_s": round(server_rate, 1) if server_rate else None,
            "server_relay_seconds": round(relay_span, 3) if relay_span else None,
            "ui_last_row_after_server_last_ms": round(lag * 1000, 1) if lag is not None else None,
            "flooders": flooders,
            "flooder_write_s": round(sent, 3),
            "keeps_up": bool(
                result["complete"] and server_rate and ui_rate and ui_rate >= 0.9 * server_rate
            ),
            "heartbeat_ms": HEARTBEAT_MS,
            "machine_load_before": load,
            "targets": TARGETS,
        }
    finally:
        for client in clients:
            client.close()
        if child is not None:
            child.stop(grace=30)  # it quits after its RESULT
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument(
        "--quiet", type=float, default=10.0, help="give up after this many seconds without a row"
    )
    parser.add_argument(
        "--per-client", type=int, default=100, help="lines each flooding client sends"
    )
    parser.add_argument(
        "--frames",
        type=Path,
        help="write the app's frames over --frames-over ms there, with what ran in each",
    )
    parser.add_argument(
        "--frames-over", type=float, default=50.0, help="ms: the frames --frames keeps"
    )
    parser.add_argument(
        "--profile", type=Path, help="write a cProfile of the GUI thread over the flood there"
    )
    parser.add_argument("--driver", nargs=3, metavar=("PORT", "COUNT", "QUIET"))
    args = parser.parse_args()
    if args.driver:
        port, count, quiet = args.driver
        return driver(int(port), int(count), float(quiet))
    if args.frames is not None:
        os.environ[FRAMES_ENV] = str(args.frames.resolve())  # the app child inherits them
        os.environ[FRAMES_OVER_ENV] = str(args.frames_over)
    if args.profile is not None:
        os.environ[PROFILE_ENV] = str(args.profile.resolve())
    print(json.dumps(harness(args.messages, args.quiet, args.per_client), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
