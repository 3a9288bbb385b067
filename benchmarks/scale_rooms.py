"""Scale, rooms: 50, 200, 1,000 joined rooms across one XMPP, one Matrix and one IRC account.

For each size the profile grows (rooms created on the servers, joined through the core, the app
closed: :mod:`benchmarks.chinwag_profile`), then the real app starts on it (``python -m app
--profile P``, offscreen) and the curve gets one point:

- ``window_s``: start → the main window logs that it is painted and usable (median of
  ``--window-runs`` starts; the first is the measured one below);
- ``joined_s``: start → the servers saw the app back in every room (IRC and XMPP: a watcher in
  every room sees the JOIN / presence; Matrix: membership is the server's, so "back" is the first
  sync done: a message posted before the start is in the app's store), per service and overall;
- ``rss_mb`` / ``uss_mb``: ``--settle`` s after everything is joined; ``start_cpu_s``: the app's CPU
  seconds from start until then.

Targets at 1,000 rooms: RSS ≤ 200 MB, window ≤ 0.5 s, growth per room flat (the JSON's
``per_room_kb`` between consecutive sizes).

The measured start is the profile's second at least (the set-up ran the app first, and that first
start published the XMPP account's OMEMO device): ``omemo_stack_loaded`` says whether the OMEMO
stack was loaded in the measured process (the engine's "loading OMEMO: why" log line, the
reasons in ``omemo_load_reasons``); ``xeddsa_mapped`` only that python-omemo's base is imported
(it comes with the XMPP backend, ~1.6 MB). With
``CHINWAG_SCALE_COMPARE=DIR`` (another checkout's code, byte-compiled), the window is also timed
``--window-runs`` more times alternating between this code and that one on the same profile:
``window_alternating_s`` and ``compare_window_runs_s`` (a before/after in one sitting).
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.app_driver import process_figures  # noqa: E402
from benchmarks.memory_bench import split_rooms  # noqa: E402
from benchmarks.procfs import stop_process, tree_cpu  # noqa: E402

SERVICES = ("xmpp", "matrix", "irc")
READY = b"main window ready"
NICK = "scalebench"
TARGETS = {"rss_mb_at_1000": 200, "window_s_at_1000": 0.5}
COMPARE = os.environ.get("CHINWAG_SCALE_COMPARE", "")


def log(*parts: object) -> None:
    print(time.strftime("%H:%M:%S"), "scale rooms:", *parts, file=sys.stderr, flush=True)


class RoomServers:
    """Prosody, Synapse and InspIRCd, a watcher in every IRC channel and XMPP room, a Matrix
    user who owns the Matrix rooms."""

    def __init__(self, work: Path) -> None:
        from benchmarks.bench_servers import IrcWatcher, XmppWatcher, start_bench_inspircd
        from tests.integration.matrix.synapse import start_synapse
        from tests.integration.xmpp.server import start_prosody

        self.irc = start_bench_inspircd(work / "inspircd-rooms")
        self.prosody = start_prosody(work / "prosody-rooms")
        self.synapse = start_synapse(work / "synapse-rooms")
        self.irc_watcher = IrcWatcher(self.irc.port)
        watcher = self.prosody.new_account("watcher")
        self.xmpp_watcher = XmppWatcher(
            self.prosody.c2s_port,
            watcher.jid,
            watcher.password,
            self.prosody.tls.ca_cert,
            self.prosody.muc,
        )
        owner = self.synapse.unique_name("owner")
        self.owner_token = self.synapse.login(self.synapse.register(owner, "owner-pw"), "owner-pw")
        self.tag = uuid.uuid4().hex[:5]
        self.rooms: dict[str, list[str]] = {s: [] for s in SERVICES}
        self.matrix_ids: list[str] = []
        self.xmpp_account = self.prosody.new_account(NICK)  # the app's accounts
        self.matrix_user = self.synapse.register(self.synapse.unique_name(NICK), "scale-pw")

    def grow(self, counts: dict[str, int]) -> dict[str, list[str]]:
        """Create rooms up to ``counts``; returns the new ones per service (as the app joins them)."""
        new: dict[str, list[str]] = {}
        for service in SERVICES:
            have = len(self.rooms[service])
            names = [f"s{self.tag}r{i}" for i in range(have, counts[service])]
            if service == "irc":
                made = [f"#{n}" for n in names]
                if made:
                    self.irc_watcher.join(made)
            elif service == "xmpp":
                if names:
                    self.xmpp_watcher.join(names)
                made = [f"{n}@{self.prosody.muc}" for n in names]
            else:
                made = []
                for n in names:
                    status, room = self.synapse.request(
                        "POST",
                        "/_matrix/client/v3/createRoom",
                        {"preset": "public_chat", "room_alias_name": n, "name": n},
                        self.owner_token,
                    )
                    if status != 200:
                        raise RuntimeError(f"createRoom: {status} {room}")
                    self.matrix_ids.append(room["room_id"])
                    made.append(f"#{n}:{self.synapse.server_name}")
            self.rooms[service] += made
            new[service] = made
        return new

    def post_marker(self, text: str) -> None:
        room = quote(self.matrix_ids[-1])
        path = f"/_matrix/client/v3/rooms/{room}/send/m.room.message/{uuid.uuid4().hex}"
        status, answer = self.synapse.request(
            "PUT", path, {"msgtype": "m.text", "body": text}, self.owner_token
        )
        if status != 200:
            raise RuntimeError(f"marker: {status} {answer}")

    def stop(self) -> None:
        for bot in (self.irc_watcher.bot, self.xmpp_watcher.bot):
            bot.close()
        self.irc.stop()
        self.prosody.stop()
        if self.synapse.process is not None:
            self.synapse.process.stop()


def account_specs(servers: RoomServers, new: dict[str, list[str]]) -> list[dict[str, Any]]:
    prosody, synapse, xmpp = servers.prosody, servers.synapse, servers.xmpp_account
    return [
        {
            "protocol": "xmpp",
            "settings": prosody.settings(xmpp),
            "secrets": {"password": xmpp.password},
            "rooms": new["xmpp"],
            "nick": NICK,
        },
        {
            "protocol": "matrix",
            "settings": {
                "user_id": servers.matrix_user,
                "homeserver": synapse.tls_base_url,
                "ca_file": str(synapse.ca_file),
            },
            "secrets": {"password": "scale-pw"},
            "rooms": new["matrix"],
        },
        {
            "protocol": "irc",
            "settings": {
                "server": "127.0.0.1",
                "port": servers.irc.port,
                "nick": NICK,
                "plain_text": True,
                "auth": "none",
            },
            "rooms": new["irc"],
        },
    ]


class AppStart:
    """One ``python -m app --profile P`` start, timed from exec."""

    def __init__(self, profile: Path, code: Path | None = None) -> None:
        self.log = profile / "logs" / "chinwag.log"
        self.offset = self.log.stat().st_size if self.log.exists() else 0
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        if code is not None:
            env["PYTHONPATH"] = str(code)
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "app", "--profile", str(profile)],
            cwd=code or ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def wait_window(self, timeout: float = 60) -> float:
        while time.monotonic() - self.started < timeout:
            if self.log.exists() and self.log.stat().st_size > self.offset:
                with self.log.open("rb") as f:
                    f.seek(self.offset)
                    if READY in f.read():
                        return time.monotonic() - self.started
            if self.proc.poll() is not None:
                raise RuntimeError(f"the app exited with {self.proc.returncode}")
            time.sleep(0.002)
        raise TimeoutError("no usable window")

    def omemo_load_reasons(self) -> list[str]:
        """Why this start loaded the OMEMO stack (the engine logs "loading OMEMO: why")."""
        if not self.log.exists():
            return []
        with self.log.open("rb") as f:
            f.seek(self.offset)
            text = f.read().decode("utf-8", "replace")
        return [
            line.split("loading OMEMO: ", 1)[1]
            for line in text.splitlines()
            if "loading OMEMO: " in line
        ]

    def stop(self) -> None:
        stop_process(self.proc, 30)


def store_has(profile: Path, account_id: str, text: str) -> bool:
    path = profile / "data" / "accounts" / f"{account_id}.sqlite3"
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            return bool(con.execute("SELECT 1 FROM messages WHERE body = ?", (text,)).fetchone())
        finally:
            con.close()
    except sqlite3.Error:
        return False


def measure_point(
    servers: RoomServers, profile: Path, ids: dict[str, str], settle: float, window_runs: int
) -> dict[str, Any]:
    irc_watcher, xmpp_watcher = servers.irc_watcher, servers.xmpp_watcher
    irc_watcher.forget(NICK)
    xmpp_watcher.forget(NICK)
    marker = f"MARK-{uuid.uuid4().hex}"
    servers.post_marker(marker)
    start = AppStart(profile)
    point: dict[str, Any] = {}
    try:
        windows = [start.wait_window()]
        timeout = 120 + len(servers.rooms["irc"])  # IRC: the client sends ~2 lines/s after a burst
        irc_rooms = [r.lower() for r in servers.rooms["irc"]]
        xmpp_rooms = [r.split("@", 1)[0] for r in servers.rooms["xmpp"]]
        joined = {
            "irc": irc_watcher.wait_joins(NICK, irc_rooms, timeout) - start.started,
            "xmpp": xmpp_watcher.wait_joins(NICK, xmpp_rooms, timeout) - start.started,
        }
        while not store_has(profile, ids["matrix"], marker):
            if time.monotonic() - start.started > timeout:
                raise TimeoutError("the Matrix account never caught up")
            time.sleep(0.05)
        joined["matrix"] = time.monotonic() - start.started
        point["joined_s"] = {k: round(v, 2) for k, v in joined.items()}
        point["all_joined_s"] = round(max(joined.values()), 2)
        point["start_cpu_s"] = round(tree_cpu([start.proc.pid]), 2)
        time.sleep(settle)
        memory = process_figures(start.proc.pid)
        maps = Path(f"/proc/{start.proc.pid}/maps")
        # python-omemo's base (and with it the native xeddsa library) comes with the XMPP
        # backend; the stack proper (slixmpp-omemo, oldmemo, twomemo) is loaded only with a
        # logged reason, so the log of this start says whether, and why.
        point["xeddsa_mapped"] = maps.exists() and "_libxeddsa" in maps.read_text()
        reasons = start.omemo_load_reasons()
        point["omemo_stack_loaded"] = bool(reasons)
        point["omemo_load_reasons"] = reasons
        point.update(
            {k: memory[k] for k in ("rss_mb", "uss_mb", "pss_mb", "rss_anon_mb") if k in memory}
        )
    finally:
        start.stop()
    irc_watcher.wait_quit(NICK, 15)
    for _ in range(window_runs - 1):
        again = AppStart(profile)
        try:
            windows.append(again.wait_window())
        finally:
            again.stop()
    point["window_s"] = round(statistics.median(windows), 3)
    point["window_runs_s"] = [round(w, 3) for w in windows]
    if COMPARE:
        mine: list[float] = []
        theirs: list[float] = []
        for _ in range(window_runs):
            for code, times in ((None, mine), (Path(COMPARE), theirs)):
                again = AppStart(profile, code)
                try:
                    times.append(again.wait_window())
                finally:
                    again.stop()
        point["window_alternating_s"] = [round(w, 3) for w in mine]
        point["compare_code"] = COMPARE
        point["compare_window_runs_s"] = [round(w, 3) for w in theirs]
    return point


def rooms_bench(work: Path, sizes: list[int], settle: float, window_runs: int) -> dict[str, Any]:
    from benchmarks.peer_clients import chinwag_setup

    servers = RoomServers(work)
    profile = work / "profile-rooms"
    curve: list[dict[str, Any]] = []
    try:
        for size in sizes:
            load = os.getloadavg()[0]
            began = time.monotonic()
            new = servers.grow(split_rooms(size, SERVICES))
            setup = chinwag_setup(profile, {"accounts": account_specs(servers, new)}, 3600)
            servers.irc_watcher.wait_quit(NICK, 20)
            point: dict[str, Any] = {
                "rooms": size,
                "by_service": {s: len(servers.rooms[s]) for s in SERVICES},
                "setup_s": round(time.monotonic() - began, 1),
                "load_1m_before": round(load, 2),
            }
            if setup["failures"]:
                point["setup_failures"] = setup["failures"]
            point.update(measure_point(servers, profile, setup["accounts"], settle, window_runs))
            curve.append(point)
            log(point)
    finally:
        servers.stop()
    for prev, point in itertools.pairwise(curve):
        grown = point["rooms"] - prev["rooms"]
        if "rss_mb" in point and "rss_mb" in prev and grown:
            point["per_room_kb"] = round((point["rss_mb"] - prev["rss_mb"]) * 1024 / grown, 1)
    return {"curve": curve, "targets": TARGETS}
