"""flood: 20,000 messages sent into a joined IRC channel as fast as the server relays them.

A real InspIRCd on loopback; the app (core thread + the real main window, offscreen) runs in a
child process with the channel open. A raw client floods the channel while a second raw client
measures how fast the server itself relays. The child reports the rate at which messages reached
the UI's message list model, the CPU seconds it used, and the longest stall of its UI thread
(a 5 ms heartbeat timer). Targets: keeps up with the server, ≥ 5,000 messages/s, stall ≤ 50 ms.
Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHANNEL = "#flood"


# -- the app side (child process) --------------------------------------------------------------


def driver(port: int, count: int) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.core import Core, CoreContext
    from app.models import ConnectionState, ConversationId
    from app.paths import AppPaths
    from app.registry import BackendRegistry
    from app.runtime import CoreThread
    from backends.irc import IrcBackend
    from tests.fakes.memory_secrets import MemorySecrets
    from ui.bridge import CoreBridge
    from ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    profile = Path(tempfile.mkdtemp(prefix="chinwag-flood-"))
    runner = CoreThread(
        lambda: Core(
            CoreContext(
                paths=AppPaths.in_profile(profile),
                registry=BackendRegistry(classes=[IrcBackend]),
                secrets=MemorySecrets(),
            )
        )
    )
    runner.start()
    bridge = CoreBridge(runner)
    window = MainWindow(bridge)
    window.resize(1000, 700)
    window.show()
    bridge.start()
    state: dict[str, float] = {"rows": 0, "max_gap": 0.0}
    go = threading.Event()
    account: list[str] = []

    def read_go() -> None:
        sys.stdin.readline()
        go.set()

    threading.Thread(target=read_go, daemon=True).start()

    def counted(parent: object, first: int, last: int) -> None:
        state["rows"] += last - first + 1

    window.pane.model.rowsInserted.connect(counted)
    last_tick = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        if "start" in state:
            state["max_gap"] = max(state["max_gap"], now - last_tick[0])
        last_tick[0] = now
        if go.is_set() and "start" not in state:
            state["start"] = now
            state["cpu0"] = _cpu()
            state["rows"] = 0
        if "start" in state and state["rows"] >= count and "end" not in state:
            state["end"] = now
            state["cpu1"] = _cpu()
            print(
                json.dumps(
                    {
                        "ui_rate_msgs_per_s": round(count / (state["end"] - state["start"]), 1),
                        "ui_seconds": round(state["end"] - state["start"], 3),
                        "cpu_seconds": round(state["cpu1"] - state["cpu0"], 3),
                        "max_ui_stall_ms": round(state["max_gap"] * 1000, 1),
                        "rss_mb": _rss_mb(),
                        "unread_shown": window.sidebar_model.total_unread(),
                    }
                ),
                flush=True,
            )
            app.quit()

    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(tick)
    heartbeat.start()

    async def setup() -> None:
        core = bridge.core
        acct = await core.add_account(
            "irc", {"server": "127.0.0.1", "port": port, "nick": "bencher", "plain_text": True}
        )
        account.append(acct.id)
        for _ in range(300):
            if core.sessions[acct.id].state.state is ConnectionState.CONNECTED:
                break
            await __import__("asyncio").sleep(0.1)
        outcome = await core.join(acct.id, CHANNEL)
        assert outcome.ok, outcome.failure

    ready = []
    bridge.call(setup(), ready.append)

    def when_ready() -> None:
        if not ready:
            QTimer.singleShot(50, when_ready)
            return
        if not ready[0].ok:
            print(json.dumps({"error": ready[0].error}), flush=True)
            app.quit()
            return
        conv = ConversationId(account[0], CHANNEL)
        window.show_conversation(conv)
        QTimer.singleShot(500, lambda: print("READY", flush=True))

    QTimer.singleShot(50, when_ready)
    app.exec()
    bridge.close()
    runner.stop(5)
    return 0


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


# -- the harness (parent process) ------------------------------------------------------------


class RawClient:
    def __init__(self, port: int, nick: str) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.buffer = b""
        self.send(f"NICK {nick}\r\nUSER {nick} 0 * :{nick}\r\n")
        self.wait_for(f" 001 {nick} ")
        self.send(f"JOIN {CHANNEL}\r\n")
        self.wait_for(" 366 ")

    def send(self, text: str) -> None:
        self.sock.sendall(text.encode())

    def lines(self):  # type: ignore[no-untyped-def]
        while True:
            while b"\r\n" in self.buffer:
                line, self.buffer = self.buffer.split(b"\r\n", 1)
                text = line.decode(errors="replace")
                if text.startswith("PING"):
                    self.send("PONG" + text[4:] + "\r\n")
                yield text
            chunk = self.sock.recv(1 << 16)
            if not chunk:
                return
            self.buffer += chunk

    def wait_for(self, needle: str) -> None:
        for line in self.lines():
            if needle in line:
                return


def harness(count: int) -> dict[str, object]:
    from tests.integration.irc.servers import start_inspircd

    work = Path(tempfile.mkdtemp(prefix="chinwag-flood-server-"))
    server = start_inspircd(work)
    try:
        wrap = os.environ.get("CHINWAG_BENCH_PROFILE", "").split()
        child = subprocess.Popen(
            [*wrap, sys.executable, __file__, "--driver", str(server.port), str(count)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        assert child.stdout is not None and child.stdin is not None
        line = child.stdout.readline()
        if line.strip() != "READY":
            raise RuntimeError(f"the app did not get ready: {line!r}")
        observer = RawClient(server.port, "observer")
        flooder = RawClient(server.port, "flooder")
        relay: dict[str, float] = {}

        def observe() -> None:
            seen = 0
            for text in observer.lines():
                if " PRIVMSG " in text:
                    seen += 1
                    if seen == 1:
                        relay["first"] = time.perf_counter()
                    if seen == count:
                        relay["last"] = time.perf_counter()
                        return

        watcher = threading.Thread(target=observe, daemon=True)
        watcher.start()
        child.stdin.write("GO\n")
        child.stdin.flush()
        time.sleep(0.2)
        started = time.perf_counter()
        payload = "".join(
            f"PRIVMSG {CHANNEL} :flood line {i} with some ordinary chat text in it\r\n"
            for i in range(count)
        )
        flooder.send(payload)
        sent = time.perf_counter() - started
        watcher.join(120)
        result_line = child.stdout.readline()
        child.wait(60)
        result = json.loads(result_line)
        server_rate = count / (relay["last"] - relay["first"]) if "last" in relay else None
        return {
            "benchmark": "flood",
            "messages": count,
            **result,
            "server_relay_msgs_per_s": round(server_rate, 1) if server_rate else None,
            "flooder_write_s": round(sent, 3),
            "keeps_up": bool(server_rate) and result["ui_rate_msgs_per_s"] >= 0.9 * server_rate,
            "targets": {"ui_rate_msgs_per_s": 5000, "max_ui_stall_ms": 50},
        }
    finally:
        server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--driver", nargs=2, metavar=("PORT", "COUNT"))
    args = parser.parse_args()
    if args.driver:
        return driver(int(args.driver[0]), int(args.driver[1]))
    print(json.dumps(harness(args.messages), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
