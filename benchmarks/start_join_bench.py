"""start → joined, one or more versions of the code alternated in one sitting (issue 16).

``peers_bench.py`` measures the same figure beside HexChat and Pidgin, two runs per invocation,
with floods in between; this runs only the start, many times, against one InspIRCd and one
Prosody, switching between code folders run by run (``--code main=/path/to/main --code
branch=.``) so that the machine's load changes hit every version alike. Each run: a fresh
profile made by ``chinwag_profile.py`` (one account; IRC with its channel, XMPP with the flood
room and ``--channels`` more saved rooms), then ``python -m app --profile P`` from that folder
on its own Xvfb (as the peers benchmark starts it), timed from exec until the server relays its
join of the room; also the time to "main window ready" (the app's log). Optionally HexChat in
the same loop (``--hexchat``), as the peers benchmark starts it.

Prints JSON: every run's figures and each version's median per protocol.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.app_driver import machine_load  # noqa: E402
from benchmarks.peer_clients import (  # noqa: E402
    IRC_PEERS,
    NICKS,
    SESSION_BUS_CONF,
    chinwag_irc_spec,
    chinwag_xmpp_spec,
    compile_code,
    write_chinwag_profile,
)
from benchmarks.peers_bench import IrcSide, XmppSide, Xvfb, log, peer_user  # noqa: E402
from benchmarks.procfs import TAG_VAR, descendants, kill_pids, tagged_pids  # noqa: E402

READY = re.compile(r"^(\S+ \S+),(\d+) INFO .*main window ready", re.M)


def _ready_after(profile: Path, started_wall: float) -> float | None:
    """Seconds from exec to the log's "main window ready" (the log's clock has milliseconds)."""
    log_file = profile / "logs" / "chinwag.log"
    if not log_file.exists():
        return None
    found = READY.findall(log_file.read_text(errors="replace"))
    if not found:
        return None
    stamp, millis = found[-1]
    at = datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S").timestamp() + int(millis) / 1000
    return round(at - started_wall, 3)


def one_chinwag(
    side: Any, protocol: str, code: Path, run_dir: Path, timeout: float
) -> dict[str, Any]:
    nick = NICKS["chinwag"]
    room = "#bench" if protocol == "irc" else "benchstart"
    side.prepare(room) if protocol == "irc" else side.watcher.join([room])
    cfg, home = run_dir / "cfg", run_dir / "home"
    cfg.mkdir(parents=True)
    home.mkdir(parents=True)
    ctx = side.context("chinwag", nick, room, cfg, home)
    profile = cfg / "profile"
    spec = chinwag_irc_spec(ctx) if protocol == "irc" else chinwag_xmpp_spec(ctx)
    key = room
    write_chinwag_profile(profile, spec, code=code)
    side.after_setup(nick)
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700)
    xvfb = Xvfb(f"startjoin-{os.getpid()}")
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "QT_QPA_PLATFORM": "xcb"}
    env.update(DISPLAY=xvfb.display, PYTHONPATH=str(code))
    out = (run_dir / "output.log").open("wb")
    started, started_wall = time.monotonic(), time.time()
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "--profile", str(profile)],
        stdout=out,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        env=env,
        cwd=code,
        start_new_session=True,
    )
    out.close()
    res: dict[str, Any] = {}
    try:
        joined = side.watcher.wait_joins(nick, [key], timeout)
        res["start_s"] = round(joined - started, 3)
        deadline = time.monotonic() + 30
        while (ready := _ready_after(profile, started_wall)) is None:
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
        res["ready_s"] = ready
    except Exception as exc:
        res["error"] = f"{type(exc).__name__}: {exc}"
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            kill_pids([proc.pid])
            proc.wait(10)
        xvfb.stop()
        side.watcher.wait_quit(nick, 20)
        side.watcher.forget(nick)
    return res


def one_hexchat(side: IrcSide, run_dir: Path, timeout: float, uid: Any, gid: Any) -> dict[str, Any]:
    nick = NICKS["hexchat"]
    side.prepare("#bench")
    cfg, home = run_dir / "cfg", run_dir / "home"
    cfg.mkdir(parents=True)
    home.mkdir(parents=True)
    ctx = side.context("hexchat", nick, "#bench", cfg, home)
    ctx.uid, ctx.gid = uid, gid
    launch = IRC_PEERS["hexchat"](ctx)
    if uid is not None:
        for path in [run_dir, *run_dir.rglob("*")]:
            os.chown(path, uid, gid)
    tag = f"startjoin-{os.getpid()}-{time.monotonic_ns()}"
    xvfb = Xvfb(tag)
    env = {"PATH": os.environ["PATH"], "HOME": str(home), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    env.update(
        XDG_CONFIG_HOME=f"{home}/.config",
        XDG_DATA_HOME=f"{home}/.local/share",
        XDG_CACHE_HOME=f"{home}/.cache",
        NO_AT_BRIDGE="1",
        DISPLAY=xvfb.display,
        TERM="xterm-256color",
        **{TAG_VAR: tag},
        **launch.env,
    )
    (cfg / "session.conf").write_text(SESSION_BUS_CONF)
    argv = ["dbus-run-session", "--config-file", str(cfg / "session.conf"), "--", *launch.argv]
    ids: dict[str, Any] = {"user": uid, "group": gid, "extra_groups": []} if uid else {}
    started = time.monotonic()
    proc = subprocess.Popen(
        argv,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env=env,
        cwd=home,
        start_new_session=True,
        **ids,
    )
    res: dict[str, Any] = {}
    try:
        res["start_s"] = round(side.watcher.wait_joins(nick, ["#bench"], timeout) - started, 3)
    except Exception as exc:
        res["error"] = f"{type(exc).__name__}: {exc}"
    finally:
        kill_pids(descendants(proc.pid))
        kill_pids([proc.pid])
        proc.wait(10)
        xvfb.stop()
        kill_pids(tagged_pids(tag))
        side.watcher.wait_quit(nick, 20)
        side.watcher.forget(nick)
    return res


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--code",
        action="append",
        default=[],
        metavar="NAME=DIR",
        help="a version to run (repeat; default: this folder)",
    )
    parser.add_argument("--protocols", default="irc,xmpp")
    parser.add_argument("--runs", type=int, default=5, help="runs of each version")
    parser.add_argument("--channels", type=int, default=50, help="XMPP rooms besides the first")
    parser.add_argument("--hexchat", action="store_true", help="HexChat in the same IRC loop")
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()
    versions = [c.split("=", 1) for c in args.code] or [["this", str(ROOT)]]
    codes: dict[str, Path | None] = {name: Path(path).resolve() for name, path in versions}
    for code in codes.values():
        assert code is not None
        compile_code(code)
    uid = gid = None
    if args.hexchat:
        uid, gid = peer_user("benchpeer")
    work = Path(tempfile.mkdtemp(prefix="chinwag-startjoin-"))
    work.chmod(0o755)
    result: dict[str, Any] = {"benchmark": "start_join", "machine": machine_load(), "runs": []}
    try:
        for protocol in [p for p in args.protocols.split(",") if p]:
            side: Any = IrcSide(work, 0) if protocol == "irc" else XmppSide(work, args.channels)
            try:
                for run in range(args.runs):
                    entrants = list(codes.items())
                    if run % 2:  # alternate which goes first
                        entrants.reverse()
                    if args.hexchat and protocol == "irc":
                        entrants.insert(0, ("hexchat", None))
                    for name, code in entrants:
                        run_dir = work / protocol / f"{name}-{run}"
                        load = os.getloadavg()[0]
                        if code is None:
                            res = one_hexchat(side, run_dir, args.timeout, uid, gid)
                        else:
                            res = one_chinwag(side, protocol, code, run_dir, args.timeout)
                        res.update(protocol=protocol, version=name, run=run, load=load)
                        result["runs"].append(res)
                        log(f"[{protocol}/{name} {run}] {res}")
            finally:
                side.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    medians: dict[str, dict[str, Any]] = {}
    for res in result["runs"]:
        medians.setdefault(f"{res['protocol']}/{res['version']}", {}).setdefault(
            "start_s", []
        ).append(res.get("start_s"))
        medians[f"{res['protocol']}/{res['version']}"].setdefault("ready_s", []).append(
            res.get("ready_s")
        )
    result["medians"] = {
        key: {
            fig: statistics.median(v for v in values if v is not None)
            if any(v is not None for v in values)
            else None
            for fig, values in figs.items()
        }
        for key, figs in medians.items()
    }
    result["machine_after"] = machine_load()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
