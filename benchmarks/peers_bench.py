"""peers: Chinwag beside HexChat, WeeChat and Pidgin, same servers, same figures, one invocation.

IRC: HexChat, WeeChat (headless), Pidgin and Chinwag against one InspIRCd; XMPP: Pidgin and
Chinwag against one Prosody (both started with the integration tests' code, see
``bench_servers.py``). Each client is started the way its users start it (GUI clients under their
own Xvfb; Chinwag as ``python -m app --profile P``) and measured as its process tree:

- ``start_s``: exec → the server relays its JOIN of the flood room (IRC: the ~1 s registration
  timer of InspIRCd is inside, for every client);
- ``extra_joins_s``: putting it in 50 more rooms (IRC: SAJOIN by an operator; XMPP: Pidgin is
  told over D-Bus, Chinwag rejoins its saved rooms by itself) until the server saw every join;
- ``idle_cpu_s`` / ``idle_rss_mb``: CPU seconds over ``--idle`` s in those 51 rooms, RSS after;
- the flood: N messages written into the flood room at once by a fresh client, the last one
  ``END-<token>``; ``flood_cpu_s``/``flood_wall_s`` until the client has the END line on disk
  (its log; Chinwag: its store), ``quiet_cpu_s`` until it uses < 0.05 CPU-s in a second,
  ``flood_peak_rss_mb`` (50 ms samples), ``after_rss_mb`` ``--after`` s later (memory given
  back?), ``logged_lines`` (N = nothing dropped), ``server_deliver_s`` (when the watcher got END:
  the server was not the limit if far below ``flood_wall_s``).

Prints one JSON document: every run's figures, each client's median per figure, Chinwag's ratio
to the best other client and to each one, and the issue's targets with met / not met.
Runs as root: the other clients run as the user ``benchpeer`` (created if missing), Chinwag as
root with the benchmark's keyring session. ``scripts/bench peers`` installs what it needs.
"""

from __future__ import annotations

import argparse
import json
import os
import pwd
import random
import shutil
import signal
import statistics
import string
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.app_driver import machine_load  # noqa: E402
from benchmarks.bench_servers import (  # noqa: E402
    IrcBot,
    IrcWatcher,
    XmppBot,
    XmppWatcher,
    irc_flood,
    start_bench_inspircd,
    xmpp_flood,
)
from benchmarks.peer_clients import (  # noqa: E402
    IRC_PEERS,
    NICKS,
    SESSION_BUS_CONF,
    XMPP_PEERS,
    Launch,
    PeerContext,
    pidgin_join_rooms,
)
from benchmarks.procfs import (  # noqa: E402
    TAG_VAR,
    alive,
    descendants,
    find_process,
    kill_pids,
    private_mb,
    rss_figures,
    smaps_kinds,
    smaps_top_files,
    tagged_pids,
    tree_cpu,
    tree_rss,
)

PEER_USER = "benchpeer"
LOWER_IS_BETTER = (
    "start_s",
    "extra_joins_s",
    "idle_cpu_s",
    "idle_rss_mb",
    "flood_cpu_s",
    "flood_wall_s",
    "quiet_cpu_s",
    "flood_peak_rss_mb",
    "after_rss_mb",
)
DEB_VERSIONS = (
    "hexchat",
    "weechat-headless",
    "pidgin",
    "libpurple0",
    "inspircd",
    "prosody",
    "xvfb",
)


def log(*parts: object) -> None:
    print(time.strftime("%H:%M:%S"), *parts, file=sys.stderr, flush=True)


class Xvfb:
    """A private X server for one GUI client; stopped by its pid."""

    def __init__(self, tag: str) -> None:
        n = next(
            n
            for n in range(150, 400)
            if not os.path.exists(f"/tmp/.X11-unix/X{n}") and not os.path.exists(f"/tmp/.X{n}-lock")
        )
        self.display = f":{n}"
        self.proc = subprocess.Popen(
            ["Xvfb", self.display, "-screen", "0", "1280x1024x24", "-nolisten", "tcp", "-ac"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, TAG_VAR: tag},
            start_new_session=True,
        )
        deadline = time.monotonic() + 15
        while not os.path.exists(f"/tmp/.X11-unix/X{n}"):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.05)

    def cpu(self) -> float:
        return tree_cpu([self.proc.pid])

    def screenshot(self, path: Path) -> None:
        subprocess.run(
            ["import", "-display", self.display, "-window", "root", str(path)],
            capture_output=True,
            timeout=30,
            check=False,
        )

    def stop(self) -> None:
        kill_pids([self.proc.pid])
        self.proc.wait(10)


# -- the two protocols ---------------------------------------------------------------------------


class IrcSide:
    """InspIRCd, a watcher operator in every channel, a fresh flooder per flood."""

    protocol = "irc"
    peers = IRC_PEERS

    def __init__(self, work: Path, channels: int) -> None:
        self.server = start_bench_inspircd(work / "inspircd")
        self.port = self.server.port
        self.extra = [f"#c{i}" for i in range(1, channels + 1)]
        self.watcher = IrcWatcher(self.port)
        self.watcher.join(["#bench", *self.extra])
        self.flooder: IrcBot | None = None
        self.floods = 0

    def flood_room(self, peer: str, run: int) -> str:
        return "#bench"

    def prepare(self, room: str) -> None:
        """A fresh flooder (InspIRCd read a second bulk write on one connection at ~85 KB/s),
        joined before the peer starts so the peer sees no JOIN/QUIT of it meanwhile."""
        if self.flooder is not None:
            self.flooder.close()
        self.floods += 1
        self.flooder = IrcBot(self.port, f"flooder{self.floods}")
        self.flooder.oper()  # opers are exempt from the per-user flood penalty
        self.flooder.send(f"JOIN {room}")
        self.watcher.wait_joins(self.flooder.nick, [room], 20)

    def context(self, peer: str, nick: str, room: str, cfg: Path, home: Path) -> PeerContext:
        return PeerContext("irc", self.port, cfg, home, nick, room, list(self.extra), self.server)

    def join_extra(self, ctx: PeerContext, launch: Launch, env: dict[str, str]) -> list[str]:
        self.watcher.force_join(ctx.nick, self.extra)
        return self.extra

    def payload(self, room: str, token: str, count: int) -> bytes:
        return irc_flood(room, token, count)

    def send(self, payload: bytes) -> None:
        assert self.flooder is not None
        self.flooder.sock.sendall(payload)

    def after_setup(self, nick: str) -> None:
        self.watcher.wait_quit(nick, 20)
        self.watcher.forget(nick)

    def cpu(self) -> float:
        return tree_cpu([p.pid for p in self.server.processes if p.pid])

    def stop(self) -> None:
        for bot in (self.flooder, self.watcher.bot):
            if bot is not None:
                bot.close()
        self.server.stop()


class XmppSide:
    """The tests' Prosody; a watcher occupant in every room; a fresh flood room per run (the
    internal archive store caps a room at 10,000 messages, past which Prosody rewrites it every
    100 messages and becomes the bottleneck)."""

    protocol = "xmpp"
    peers = XMPP_PEERS

    def __init__(self, work: Path, channels: int) -> None:
        from tests.integration.xmpp.server import start_prosody

        self.server = start_prosody(work / "prosody")
        self.port = self.server.c2s_port
        self.muc = self.server.muc
        self.ca = self.server.tls.ca_cert
        watcher = self.server.new_account("watcher")
        self.bots = self.server.new_account("flooder")
        self.extra = [f"c{i}" for i in range(1, channels + 1)]
        self.watcher = XmppWatcher(self.port, watcher.jid, watcher.password, self.ca, self.muc)
        self.watcher.join(self.extra)
        self.flooder: XmppBot | None = None
        self.floods = 0

    def flood_room(self, peer: str, run: int) -> str:
        return f"bench{peer}{run}"

    def prepare(self, room: str) -> None:
        self.watcher.join([room])
        if self.flooder is not None:
            self.flooder.close()
        self.floods += 1
        nick = f"flooder{self.floods}"
        self.flooder = XmppBot(self.port, self.bots.jid, self.bots.password, self.ca, resource=nick)
        self.flooder.join(f"{room}@{self.muc}", nick)
        self.watcher.wait_joins(nick, [room], 20)

    def context(self, peer: str, nick: str, room: str, cfg: Path, home: Path) -> PeerContext:
        account = self.server.new_account(nick)
        return PeerContext(
            "xmpp",
            self.port,
            cfg,
            home,
            nick,
            f"{room}@{self.muc}",
            [f"{r}@{self.muc}" for r in self.extra],
            self.server,
            account=account,
        )

    def join_extra(self, ctx: PeerContext, launch: Launch, env: dict[str, str]) -> list[str]:
        if not launch.joins_itself:
            pidgin_join_rooms(ctx, env)
        return self.extra

    def payload(self, room: str, token: str, count: int) -> bytes:
        return xmpp_flood(f"{room}@{self.muc}", token, count)

    def send(self, payload: bytes) -> None:
        assert self.flooder is not None
        self.flooder.sock.sendall(payload)

    def after_setup(self, nick: str) -> None:
        deadline = time.monotonic() + 20  # every room saw it leave
        while time.monotonic() < deadline:
            with self.watcher.cond:
                if not any(k[0] == nick.lower() for k in self.watcher.joins):
                    break
            time.sleep(0.1)
        self.watcher.forget(nick)

    def cpu(self) -> float:
        pid = self.server.process.pid
        return tree_cpu([pid]) if pid else 0.0

    def stop(self) -> None:
        for bot in (self.flooder, self.watcher.bot):
            if bot is not None:
                bot.close()
        self.server.stop()


Side = IrcSide | XmppSide


# -- one client, one run -------------------------------------------------------------------------


class PeerRun:
    """Starts one client, takes its figures, stops everything it started (by pid)."""

    def __init__(self, side: Side, name: str, run: int, args: argparse.Namespace, work: Path):
        self.side, self.name, self.run, self.args = side, name, run, args
        self.dir = work / side.protocol / f"{name}-{run}"
        self.res: dict[str, Any] = {"protocol": side.protocol, "peer": name, "run": run}
        self.tag = f"{side.protocol}-{name}-{run}-{random.randrange(1 << 30)}"
        self.xvfb: Xvfb | None = None
        self.proc: subprocess.Popen[bytes] | None = None
        self.pid = 0

    def execute(self) -> dict[str, Any]:
        try:
            self._measure()
        except Exception as exc:  # report it and go on with the next client
            self.res["error"] = f"{type(exc).__name__}: {exc}"
            log(f"[{self.side.protocol}/{self.name}] ERROR {self.res['error']}")
            if self.xvfb is not None:
                self.xvfb.screenshot(self.dir / "screen-error.png")
                self.res["screenshot"] = str(self.dir / "screen-error.png")
        finally:
            self._stop()
        return self.res

    def _measure(self) -> None:
        side, args, res = self.side, self.args, self.res
        nick = NICKS[self.name]
        room = side.flood_room(self.name, self.run)
        cfg, home = self.dir / "cfg", self.dir / "home"
        shutil.rmtree(self.dir, ignore_errors=True)
        cfg.mkdir(parents=True)
        home.mkdir(parents=True)
        side.prepare(room)
        ctx = side.context(self.name, nick, room, cfg, home)
        ctx.uid, ctx.gid = args.uid, args.gid
        if self.name == "chinwag" and (args.chinwag_trace or args.chinwag_trim):
            base = args.chinwag_trace or (self.dir / "trace")
            ctx.trace_dir = base / f"{side.protocol}-{self.run}"
            ctx.trace_heap = bool(args.chinwag_trace)
        launch = side.peers[self.name](ctx)  # Chinwag: its profile is set up here, untimed
        if launch.setup_online:
            side.after_setup(nick)
        if launch.as_user and args.uid is not None:
            for path in [self.dir, *self.dir.rglob("*")]:
                os.chown(path, args.uid, args.gid)
        env = self._environment(home, launch)
        argv = launch.argv
        if launch.private_bus:
            (cfg / "session.conf").write_text(SESSION_BUS_CONF)
            argv = ["dbus-run-session", "--config-file", str(cfg / "session.conf"), "--", *argv]
        ids: dict[str, Any] = {}
        if launch.as_user and args.uid is not None:
            ids = {"user": args.uid, "group": args.gid, "extra_groups": []}
        out = (self.dir / "output.log").open("wb")
        started = time.monotonic()
        self.proc = subprocess.Popen(
            argv,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=ROOT if not launch.as_user else home,
            start_new_session=True,
            **ids,
        )
        out.close()
        ctx.launcher_pid = self.proc.pid
        joined = side.watcher.wait_joins(nick, [self._key(room)], args.start_timeout)
        res["start_s"] = round(joined - started, 3)
        self.pid = find_process(self.proc.pid, launch.names)
        log(f"[{side.protocol}/{self.name}] in {room} after {res['start_s']} s (pid {self.pid})")

        began = time.monotonic()
        rooms = side.join_extra(ctx, launch, env)
        last = side.watcher.wait_joins(nick, [self._key(r) for r in rooms], 120)
        res["extra_rooms"] = len(rooms)
        res["extra_joins_s"] = round(max(last, began) - began, 3)
        if launch.focus is not None:  # after the client has handled the joins
            time.sleep(2)
            launch.focus(env)
        time.sleep(args.settle)
        self._idle()
        self._snapshot(ctx, "idle")
        self._flood(launch, room, ctx)
        if self.xvfb is not None:
            self.xvfb.screenshot(self.dir / "screen.png")
            res["screenshot"] = str(self.dir / "screen.png")
        if hasattr(launch.detector, "conversations"):
            res["store_conversations"] = launch.detector.conversations()
        res["note"] = launch.note

    def _key(self, room: str) -> str:
        return room if self.side.protocol == "irc" else room.split("@", 1)[0]

    def _environment(self, home: Path, launch: Launch) -> dict[str, str]:
        env = dict(os.environ) if not launch.as_user else {"PATH": os.environ["PATH"]}
        for key in ("DISPLAY", "WAYLAND_DISPLAY"):
            env.pop(key, None)
        if launch.as_user:
            env.update(
                {
                    "HOME": str(home),
                    "XDG_CONFIG_HOME": f"{home}/.config",
                    "XDG_DATA_HOME": f"{home}/.local/share",
                    "XDG_CACHE_HOME": f"{home}/.cache",
                    "LANG": "C.UTF-8",
                    "LC_ALL": "C.UTF-8",
                    "TERM": "xterm-256color",
                    "NO_AT_BRIDGE": "1",
                }
            )
        env[TAG_VAR] = self.tag
        env.update(launch.env)
        if launch.gui:
            self.xvfb = Xvfb(self.tag)
            env["DISPLAY"] = self.xvfb.display
        return env

    def _idle(self) -> None:
        pids = descendants(self.pid)
        cpu0 = tree_cpu(pids)
        time.sleep(self.args.idle)
        pids = descendants(self.pid)
        self.res["idle_cpu_s"] = round(tree_cpu(pids) - cpu0, 3)
        self.res.update(rss_figures(tree_rss(pids), "idle_rss"))
        self.res["idle_uss_mb"] = private_mb(self.pid)
        self.res["idle_smaps_mb"] = smaps_kinds(self.pid)
        self.res["idle_top_files_mb"] = smaps_top_files(self.pid)
        self.res["processes"] = len(pids)
        log(
            f"[{self.side.protocol}/{self.name}] idle {self.res['idle_cpu_s']} CPU-s, "
            f"{self.res['idle_rss_mb']} MB"
        )

    def _trim(self, ctx: PeerContext) -> None:
        """With --chinwag-trim: have the app collect garbage and malloc_trim(0) (SIGUSR2); what
        comes back was freed memory the allocator had kept."""
        if ctx.trace_dir is None:
            return
        number = len(list(ctx.trace_dir.glob("trim-*.json"))) + 1
        os.kill(self.pid, signal.SIGUSR2)
        answer = ctx.trace_dir / f"trim-{number}.json"
        deadline = time.monotonic() + 60
        while not answer.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.2)
        if answer.exists():
            trimmed = json.loads(answer.read_text())
            self.res["after_trim_rss_mb"] = trimmed["rss_after_mb"]
            self.res["after_trim_smaps_mb"] = smaps_kinds(self.pid)

    def _snapshot(self, ctx: PeerContext, label: str) -> None:
        """With --chinwag-trace: have the traced app dump its Python heap (SIGUSR1), and wait."""
        if ctx.trace_dir is None or not ctx.trace_heap:
            return
        number = len(list(ctx.trace_dir.glob("done-*"))) + 1
        os.kill(self.pid, signal.SIGUSR1)
        deadline = time.monotonic() + 300
        while not (ctx.trace_dir / f"done-{number}").exists():
            if time.monotonic() > deadline:
                raise TimeoutError("no heap snapshot from the traced app")
            time.sleep(0.1)
        (ctx.trace_dir / f"label-{number}").write_text(label)

    def _profilers(self) -> list[subprocess.Popen[bytes]]:
        """With --chinwag-py-spy / --chinwag-perf: record Chinwag's flood until stopped (SIGINT).
        py-spy: Python stacks per thread; perf: on-CPU samples per thread and shared library."""
        if self.name != "chinwag":
            return []
        started = []
        name = f"{self.side.protocol}-flood-{self.run}"
        if self.args.chinwag_py_spy:
            out = self.args.chinwag_py_spy
            out.mkdir(parents=True, exist_ok=True)
            extra = os.environ.get("CHINWAG_PY_SPY_ARGS", "--nonblocking").split()
            spy_name = name + ("-native" if "--native" in extra else "")
            argv = [str(Path(sys.executable).with_name("py-spy")), "record", "--pid", str(self.pid)]
            argv += ["--threads", "--rate", "200", "--format", "raw", "--output"]
            argv += [str(out / f"{spy_name}.txt"), *extra]
            started.append(self._recorder(argv, out / f"{spy_name}.log"))
        if self.args.chinwag_perf:
            out = self.args.chinwag_perf
            out.mkdir(parents=True, exist_ok=True)
            argv = [
                "perf",
                "record",
                "-F",
                "499",
                "-p",
                str(self.pid),
                "-o",
                str(out / f"{name}.data"),
            ]
            started.append(self._recorder(argv, out / f"{name}.log"))
        if started:
            time.sleep(1)  # attached before the first line goes out
        return started

    @staticmethod
    def _recorder(argv: list[str], log_file: Path) -> subprocess.Popen[bytes]:
        with log_file.open("wb") as err:
            return subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err)

    def _flood(self, launch: Launch, room: str, ctx: PeerContext) -> None:
        side, args, res = self.side, self.args, self.res
        token = "T" + "".join(random.choices(string.ascii_lowercase, k=8))
        payload = side.payload(room, token, args.messages)
        detector = launch.detector
        detector.poll(token)  # skip what is already in its log
        side.watcher.start_flood(token)
        pids = descendants(self.pid)
        peak = tree_rss(pids)
        server0 = side.cpu()
        xvfb0 = self.xvfb.cpu() if self.xvfb else 0.0
        recorders = self._profilers()
        cpu0 = tree_cpu(pids)
        began = time.monotonic()
        sender = threading.Thread(target=side.send, args=(payload,))
        sender.start()
        end_at = end_cpu = None
        refreshed = began
        while time.monotonic() < began + args.flood_timeout and alive(self.pid):
            if time.monotonic() - refreshed > 1:
                pids, refreshed = descendants(self.pid), time.monotonic()
            sample = tree_rss(pids)
            if sample["VmRSS"] > peak["VmRSS"]:
                peak = sample
            if detector.poll(token)[0]:
                end_at, end_cpu = time.monotonic(), tree_cpu(pids)
                break
            time.sleep(0.05)
        sender.join()
        res["flood_messages"] = args.messages
        res["flood_end_seen"] = end_at is not None
        res["flood_wall_s"] = round(end_at - began, 3) if end_at else None
        res["flood_cpu_s"] = round(end_cpu - cpu0, 3) if end_cpu is not None else None
        # until quiet: less than --quiet-cpu CPU-s within one second
        quiet_at = quiet_cpu = None
        prev_cpu, prev_t = tree_cpu(pids), time.monotonic()
        deadline = prev_t + args.quiet_timeout
        while alive(self.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
            sample = tree_rss(pids)
            if sample["VmRSS"] > peak["VmRSS"]:
                peak = sample
            detector.poll(token)
            if time.monotonic() - prev_t >= 1.0:
                cpu = tree_cpu(pids)
                if cpu - prev_cpu < args.quiet_cpu:
                    quiet_at, quiet_cpu = prev_t, prev_cpu
                    break
                prev_cpu, prev_t = cpu, time.monotonic()
        for recorder in recorders:
            recorder.send_signal(signal.SIGINT)
            recorder.wait(120)
        self._snapshot(ctx, "flood-quiet")
        res["quiet_wall_s"] = round(quiet_at - began, 3) if quiet_at else None
        res["quiet_cpu_s"] = round(quiet_cpu - cpu0, 3) if quiet_cpu is not None else None
        res.update(rss_figures(peak, "flood_peak_rss"))
        res["quiet_rss_mb"] = round(tree_rss(pids)["VmRSS"] / 1024, 1)
        time.sleep(args.after)
        res.update(rss_figures(tree_rss(pids), "after_rss"))
        res["after_smaps_mb"] = smaps_kinds(self.pid)
        self._snapshot(ctx, "after")
        self._trim(ctx)
        res["after_uss_mb"] = private_mb(self.pid)
        res["after_s"] = args.after
        _, count = detector.poll(token)
        res["logged_lines"] = count
        res["dropped_lines"] = args.messages - count
        watcher = side.watcher
        res["server_deliver_s"] = round(watcher.flood_end - began, 3) if watcher.flood_end else None
        res["watcher_got"] = watcher.flood_count
        res["server_cpu_s"] = round(side.cpu() - server0, 3)
        if self.xvfb is not None:
            res["xvfb_cpu_s"] = round(self.xvfb.cpu() - xvfb0, 3)
        res["disconnected"] = NICKS[self.name].lower() in watcher.quits
        log(
            f"[{side.protocol}/{self.name}] flood {res['flood_wall_s']} s wall, "
            f"{res['flood_cpu_s']} CPU-s, peak {res['flood_peak_rss_mb']} MB, "
            f"logged {count}/{args.messages}"
        )

    def _stop(self) -> None:
        nick = NICKS[self.name]
        if self.proc is not None:
            if self.pid:
                kill_pids([self.pid])
            kill_pids(descendants(self.proc.pid))
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                kill_pids([self.proc.pid])
        if self.xvfb is not None:
            self.xvfb.stop()
        left = tagged_pids(self.tag)
        if left:
            self.res["leftovers_stopped"] = len(left)
            kill_pids(left)
        if self.proc is not None:  # the server must have forgotten the nick before the next run
            self.side.watcher.wait_quit(nick, 15)
        self.side.watcher.forget(nick)


# -- figures -------------------------------------------------------------------------------------


def summarize(runs: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Each client's median of each figure over its runs (runs with an error left out)."""
    by_peer: dict[str, list[dict[str, Any]]] = {}
    for r in runs:
        if "error" not in r:
            by_peer.setdefault(r["peer"], []).append(r)
    summary: dict[str, dict[str, float]] = {}
    keys = (
        *LOWER_IS_BETTER,
        "idle_rss_anon_mb",
        "flood_peak_rss_anon_mb",
        "after_rss_anon_mb",
        "quiet_rss_mb",
        "logged_lines",
        "server_deliver_s",
    )
    for peer, items in by_peer.items():
        summary[peer] = {}
        for key in keys:
            values = [r[key] for r in items if isinstance(r.get(key), int | float)]
            if values:
                summary[peer][key] = round(statistics.median(values), 3)
    return summary


def ratios(summary: dict[str, dict[str, float]], me: str = "chinwag") -> dict[str, Any]:
    """Chinwag's figure divided by the best other client's (and by each one's): < 1 is better."""
    mine = summary.get(me, {})
    out: dict[str, Any] = {}
    for key in LOWER_IS_BETTER:
        others = {p: f[key] for p, f in summary.items() if p != me and f.get(key)}
        if key not in mine or not others:
            continue
        best = min(others, key=lambda p: others[p])
        out[key] = {
            "chinwag": mine[key],
            "best_peer": best,
            "best": others[best],
            "ratio_to_best": round(mine[key] / others[best], 2),
            "ratio_to": {p: round(mine[key] / v, 2) for p, v in sorted(others.items())},
        }
    return out


def irc_targets(summary: dict[str, dict[str, float]]) -> dict[str, Any]:
    me, hexchat, pidgin = (
        summary.get("chinwag", {}),
        summary.get("hexchat", {}),
        summary.get("pidgin", {}),
    )
    targets: dict[str, Any] = {}
    if "flood_cpu_s" in me and "flood_cpu_s" in hexchat:
        targets["flood_cpu_le_hexchat"] = _target(me["flood_cpu_s"], hexchat["flood_cpu_s"])
    if "start_s" in me and "start_s" in hexchat:
        targets["start_le_hexchat_plus_0.2s"] = _target(me["start_s"], hexchat["start_s"] + 0.2)
    if "idle_rss_mb" in me and "idle_rss_mb" in pidgin:
        targets["idle_rss_le_pidgin"] = _target(me["idle_rss_mb"], pidgin["idle_rss_mb"])
    return targets


def xmpp_targets(summary: dict[str, dict[str, float]]) -> dict[str, Any]:
    me, pidgin = summary.get("chinwag", {}), summary.get("pidgin", {})
    targets: dict[str, Any] = {}
    if "flood_cpu_s" in me and "flood_cpu_s" in pidgin:
        targets["flood_cpu_le_pidgin"] = _target(me["flood_cpu_s"], pidgin["flood_cpu_s"])
    if "flood_peak_rss_mb" in me and "idle_rss_mb" in me:
        targets["peak_rss_le_idle_plus_30mb"] = _target(
            me["flood_peak_rss_mb"], me["idle_rss_mb"] + 30
        )
    if "after_rss_mb" in me and "idle_rss_mb" in me:  # "given back": within 10 MB of idle
        targets["memory_given_back_within_10mb"] = _target(
            me["after_rss_mb"], me["idle_rss_mb"] + 10
        )
    return targets


def _target(value: float, limit: float) -> dict[str, Any]:
    return {"value": value, "limit": round(limit, 3), "met": value <= limit}


def versions() -> dict[str, Any]:
    found: dict[str, Any] = {}
    for package in DEB_VERSIONS:
        done = subprocess.run(
            ["dpkg-query", "-W", "-f", "${Version}", package],
            capture_output=True,
            text=True,
            check=False,
        )
        found[package] = done.stdout.strip() or None
    found["kernel"] = os.uname().release
    found["python"] = sys.version.split()[0]
    return found


# -- main ----------------------------------------------------------------------------------------


def peer_user(name: str) -> tuple[int | None, int | None]:
    """The unprivileged user the other clients run as (HexChat refuses root)."""
    if os.geteuid() != 0 or not name:
        return None, None
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        subprocess.run(["useradd", "--create-home", "--shell", "/bin/sh", name], check=True)
        entry = pwd.getpwnam(name)
    return entry.pw_uid, entry.pw_gid


def run_side(
    make: Callable[[], Side], names: list[str], args: argparse.Namespace, work: Path
) -> dict[str, Any]:
    load = os.getloadavg()
    side = make()
    runs: list[dict[str, Any]] = []
    try:
        for run in range(1, args.runs + 1):
            for name in names:
                runs.append(PeerRun(side, name, run, args, work).execute())
    finally:
        side.stop()
    summary = summarize(runs)
    targets = irc_targets(summary) if side.protocol == "irc" else xmpp_targets(summary)
    return {
        "clients": names,
        "load_before": [round(x, 2) for x in load],
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "summary": summary,
        "chinwag_ratios": ratios(summary),
        "targets": targets,
        "nothing_dropped": all(r.get("dropped_lines") == 0 for r in runs if "error" not in r),
        "errors": [f"{r['peer']} run {r['run']}: {r['error']}" for r in runs if "error" in r],
        "runs": runs,
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--protocols", default="irc,xmpp", help="irc, xmpp or both")
    parser.add_argument("--irc-peers", default="hexchat,weechat,pidgin,chinwag")
    parser.add_argument("--xmpp-peers", default="pidgin,chinwag")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--irc-messages", type=int, default=20_000)
    parser.add_argument("--xmpp-messages", type=int, default=5_000)
    parser.add_argument("--channels", type=int, default=50, help="rooms besides the flood room")
    parser.add_argument("--idle", type=float, default=30.0, help="idle window, s")
    parser.add_argument("--settle", type=float, default=5.0, help="pause before the idle window")
    parser.add_argument("--after", type=float, default=10.0, help="s after quiet for after_rss")
    parser.add_argument("--start-timeout", type=float, default=60.0)
    parser.add_argument("--flood-timeout", type=float, default=600.0)
    parser.add_argument("--quiet-timeout", type=float, default=300.0)
    parser.add_argument("--quiet-cpu", type=float, default=0.05)
    parser.add_argument("--user", default=PEER_USER, help="run the other clients as this user")
    parser.add_argument("--keep", action="store_true", help="keep configs, logs and screenshots")
    parser.add_argument("--quick", action="store_true", help="tiny sizes: a smoke run")
    parser.add_argument(
        "--chinwag-py-spy",
        type=Path,
        metavar="DIR",
        help="record Chinwag's floods with py-spy (raw files; CHINWAG_PY_SPY_ARGS=--native for "
        "C/C++ frames); investigation: it slows the app",
    )
    parser.add_argument(
        "--chinwag-perf",
        type=Path,
        metavar="DIR",
        help="record Chinwag's floods with perf (on-CPU samples by thread and library)",
    )
    parser.add_argument(
        "--chinwag-trim",
        action="store_true",
        help="after the flood, have Chinwag run gc + malloc_trim(0) and report the RSS then "
        "(is the memory kept in use, or freed but kept by the allocator?)",
    )
    parser.add_argument(
        "--chinwag-trace",
        type=Path,
        metavar="DIR",
        help="run Chinwag under tracemalloc and snapshot its heap at idle, after the flood and "
        "--after s later (benchmarks/trace_report.py reads them); investigation only",
    )
    args = parser.parse_args()
    if args.quick:
        args.runs, args.irc_messages, args.xmpp_messages = 1, 500, 200
        args.channels, args.idle, args.settle, args.after = 3, 2.0, 1.0, 1.0
    protocols = [p for p in args.protocols.split(",") if p]
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # clean up on SIGTERM too
    args.uid, args.gid = peer_user(args.user)
    work = Path(tempfile.mkdtemp(prefix="chinwag-peers-"))
    work.chmod(0o755)  # the peer user reaches its own folders below
    result: dict[str, Any] = {
        "benchmark": "peers",
        "machine": machine_load(),
        "versions": versions(),
        "settings": {
            k: getattr(args, k)
            for k in (
                "runs",
                "irc_messages",
                "xmpp_messages",
                "channels",
                "idle",
                "settle",
                "after",
            )
        },
    }
    try:
        for protocol in protocols:
            if protocol == "irc":
                names = [n for n in args.irc_peers.split(",") if n]
                result["irc"] = run_side(
                    lambda: IrcSide(work, args.channels),
                    names,
                    _with(args, args.irc_messages),
                    work,
                )
            elif protocol == "xmpp":
                names = [n for n in args.xmpp_peers.split(",") if n]
                result["xmpp"] = run_side(
                    lambda: XmppSide(work, args.channels),
                    names,
                    _with(args, args.xmpp_messages),
                    work,
                )
            else:
                parser.error(f"unknown protocol {protocol}")
    finally:
        result["machine_after"] = machine_load()
        if args.keep:
            result["workdir"] = str(work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(result, indent=2))
    broken = [e for side in protocols for e in result.get(side, {}).get("errors", [])]
    return 1 if broken else 0


def _with(args: argparse.Namespace, messages: int) -> argparse.Namespace:
    copy = argparse.Namespace(**vars(args))
    copy.messages = messages
    return copy


if __name__ == "__main__":
    raise SystemExit(main())
