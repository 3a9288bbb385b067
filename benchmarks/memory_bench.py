"""memory + idle: the app connected to all three services, in 50 rooms, then left alone.

The real app (core thread + main window, offscreen) runs in a child process with one account of
each service on loopback test servers (XMPP on Prosody, Matrix on Synapse, IRC on InspIRCd, all
started with the integration tests' helpers) and joins 50 rooms/channels in total: XMPP and IRC
rooms are created by joining them; the Matrix rooms are made by another user, each with a short
backlog, and joined by alias. One Matrix room is open in the window.

- memory: after ``--settle`` s (30) of idling, the child's RSS (target ≤ 150 MB), with USS and
  PSS from /proc/<pid>/smaps_rollup, and the RSS with only the window open (before connecting).
- idle: CPU seconds used by the whole process (every thread) in the next ``--idle`` s (60),
  as a percentage of one core (target ≤ 0.1 %), with each thread's CPU time and wake-ups per
  second (context switches), to show *who* wakes up.

``--restart``: the app is set up as above, quits, and is started again on the same profile (its
keyring kept in a file of the run); the figures are the second start's, once every account is
connected and its rooms are joined again — a person's every start but the first (the first one
publishes what must be published once, e.g. the XMPP account's OMEMO device).

Prints one JSON document with both. ``--py-spy FILE`` records the idle window with py-spy
(investigation only: the sampling costs the child CPU, so that run's idle figure is not clean).
"""

from __future__ import annotations

import argparse
import asyncio
import ctypes
import gc
import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.app_driver import (  # noqa: E402
    ChildProcess,
    cpu_seconds,
    machine_load,
    process_cpu_ticks,
    process_figures,
    thread_figures,
)
from benchmarks.procfs import smaps_kinds, smaps_top_files  # noqa: E402

SERVICES = ("xmpp", "matrix", "irc")
MEMORY_TARGET_MB = 150
IDLE_TARGET_PERCENT = 0.1


# -- the app side (child process) ----------------------------------------------------------------


def driver(config_path: str) -> int:
    """Run the app, add the accounts, join the rooms, then idle until SIGTERM.

    Talks on stdin/stdout: prints ``READY {json}`` once every room is joined; answers each
    ``MEASURE`` line with ``FIGURES {json}`` (its own CPU time at µs resolution, and memory).
    The reader thread blocks on stdin, so it costs nothing while idle.
    """
    config = json.loads(Path(config_path).read_text())
    if not config.get("without_start_caches"):
        # The entry points kept between starts, as the ``chinwag`` command installs them
        # (app/cli.py): without them the registry imports importlib.metadata, which the app does
        # not. (Its compiled dataclass methods, app.dataclass_code, are not installed: the app
        # lets go of them once the start is over, which this driver would have to copy.)
        from app import entry_point_cache

        entry_point_cache.install()
    if config.get("tracemalloc"):
        import tracemalloc

        tracemalloc.start(int(config.get("tracemalloc_frames", 1)))
    importlib.import_module("ui")  # first, as in the app: its lighter PySide6 import hook
    from PySide6.QtCore import QTimer

    from app.models import AccountId, ConnectionState, ConversationId
    from benchmarks.app_driver import open_app
    from chinwag.testing.context import FileSecretStore

    profile = Path(config["profile"]) if config.get("profile") else None
    secrets = FileSecretStore(Path(config["secrets_file"])) if config.get("secrets_file") else None
    # backends are discovered and imported on demand, as in the app
    running = open_app(profile=profile, secrets=secrets)
    window_only: dict[str, float] = {}
    ready: list[Any] = []

    async def setup() -> dict[str, Any]:
        core = running.bridge.core
        started = time.perf_counter()
        ids: dict[str, str] = {}
        for account in config["accounts"]:
            added = await core.accounts.add_account(
                account["protocol"], account["settings"], account["secrets"]
            )
            ids[account["protocol"]] = added.id
        for _ in range(1200):
            states = {p: core.sessions[i].state.state for p, i in ids.items()}
            if all(s is ConnectionState.CONNECTED for s in states.values()):
                break
            await asyncio.sleep(0.1)
        else:
            raise RuntimeError(f"not all accounts connected: {states}")
        connected_s = time.perf_counter() - started
        joined: dict[str, list[str]] = {}
        failures: list[str] = []
        for account in config["accounts"]:
            account_id = ids[account["protocol"]]
            for room in account["rooms"]:
                outcome = await core.rooms.join(account_id, room)
                if outcome.ok:
                    joined.setdefault(account["protocol"], []).append(str(outcome.value or room))
                else:
                    failures.append(f"{room}: {outcome.failure}")
        await core.flushed()
        return {
            "ids": ids,
            "joined": joined,
            "failures": failures,
            "connect_s": round(connected_s, 2),
            "connect_and_join_s": round(time.perf_counter() - started, 2),
        }

    async def started_again() -> dict[str, Any]:
        """The second start: the accounts connect by themselves and rejoin their rooms."""
        core = running.bridge.core
        started = time.perf_counter()
        ids: dict[str, str] = config["again"]["ids"]
        expected: dict[str, list[str]] = config["again"]["joined"]
        for _ in range(1200):
            states = {p: core.sessions[i].state.state for p, i in ids.items() if i in core.sessions}
            if len(states) == len(ids) and all(
                s is ConnectionState.CONNECTED for s in states.values()
            ):
                break
            await asyncio.sleep(0.1)
        else:
            raise RuntimeError(f"not all accounts connected again: {states}")
        connected_s = time.perf_counter() - started
        joined: dict[str, list[str]] = {}
        for _ in range(1200):
            for protocol, account_id in ids.items():
                convs = await core.conversations.list_conversations(AccountId(account_id))
                names = {c.id.native_id for c in convs if c.joined}
                joined[protocol] = [r for r in expected.get(protocol, []) if r in names]
            if all(len(joined[p]) >= len(expected.get(p, [])) for p in ids):
                break
            await asyncio.sleep(0.1)
        await core.flushed()
        return {
            "ids": ids,
            "joined": joined,
            "failures": [],
            "connect_s": round(connected_s, 2),
            "connect_and_join_s": round(time.perf_counter() - started, 2),
        }

    before_sign_in: list[Any] = []

    def measure_window() -> None:
        window_only.update(process_figures())
        if config.get("tracemalloc"):
            import tracemalloc

            before_sign_in.append(tracemalloc.take_snapshot())
        running.bridge.call(started_again() if config.get("again") else setup(), ready.append)
        QTimer.singleShot(100, when_ready)

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
        opened = config.get("open")
        if opened and opened["protocol"] in summary["ids"]:
            rooms = summary["joined"].get(opened["protocol"], [])
            if rooms:
                running.window.show_conversation(
                    ConversationId(summary["ids"][opened["protocol"]], rooms[0])
                )
        QTimer.singleShot(1000, lambda: report_ready(summary))

    def report_ready(summary: dict[str, Any]) -> None:
        threads = {t.native_id: t.name for t in threading.enumerate()}
        info = {
            "pid": os.getpid(),
            "window_only": window_only,
            "rooms_joined": sum(len(v) for v in summary["joined"].values()),
            "rooms_by_service": {k: len(v) for k, v in summary["joined"].items()},
            "join_failures": summary["failures"][:5],
            "sidebar_conversations": sidebar_conversations(running.window.sidebar_model),
            "connect_s": summary["connect_s"],
            "connect_and_join_s": summary["connect_and_join_s"],
            "python_threads": threads,
            "ids": summary["ids"],
            "joined": summary["joined"],
        }
        print("READY " + json.dumps(info), flush=True)

    def answer() -> None:
        for line in sys.stdin:
            if line.strip() == "CPU":  # as little work as possible inside the idle window
                print(f'FIGURES {{"cpu_s": {cpu_seconds()!r}}}', flush=True)
            elif line.strip() == "MEASURE":
                figures: dict[str, Any] = {"cpu_s": cpu_seconds(), "memory": process_figures()}
                figures["memory"]["modules"] = len(sys.modules)
                figures["memory"]["omemo_stack_loaded"] = "twomemo" in sys.modules
                figures["memory"]["smaps_mb"] = smaps_kinds(os.getpid())
                figures["memory"]["top_files_mb"] = smaps_top_files(os.getpid())
                if config.get("tracemalloc"):
                    figures["python_heap_by_package"] = python_heap_by_package()
                    if before_sign_in:
                        figures["python_heap_grown"] = python_heap_grown(before_sign_in[0])
                print("FIGURES " + json.dumps(figures), flush=True)
            elif line.strip() == "TRIM":  # after the figures: does malloc keep freed memory?
                before = process_figures()
                gc.collect()
                trimmed = ctypes.CDLL(None).malloc_trim(0)
                after = process_figures() | {"returned": bool(trimmed)}
                print("FIGURES " + json.dumps({"before": before, "after": after}), flush=True)
        # stdin closed: the parent is gone or done

    threading.Thread(target=answer, name="bench-stdin", daemon=True).start()
    QTimer.singleShot(1500, measure_window)  # the window painted and the stores opened
    running.app.exec()
    running.close()
    return 0


def python_heap_by_package(top: int = 25) -> dict[str, float]:
    """MB of live Python allocations (tracemalloc) by the top-level package that made them."""
    import tracemalloc

    sizes: dict[str, int] = {}
    for stat in tracemalloc.take_snapshot().statistics("filename"):
        name = stat.traceback[-1].filename  # the innermost frame (a traceback is oldest first)
        marker = "site-packages/"
        if marker in name:
            package = name.split(marker, 1)[1].split("/", 1)[0]
        elif str(ROOT) in name:
            package = name.split(str(ROOT) + "/", 1)[1].split("/", 1)[0]
        else:
            package = "stdlib:" + Path(name).stem
        sizes[package] = sizes.get(package, 0) + stat.size
    ranked = sorted(sizes.items(), key=lambda kv: -kv[1])
    return {"total": round(sum(sizes.values()) / 2**20, 1)} | {
        k: round(v / 2**20, 2) for k, v in ranked[:top]
    }


def python_heap_grown(before: Any, top: int = 40) -> dict[str, Any]:
    """What the Python heap gained since ``before`` (the window alone, before any sign-in).

    Each allocation is put on the innermost frame of its traceback that is the app's code or a
    library's, not the import machinery's, so an import's code objects count for the module that
    was imported (``--tracemalloc-frames`` deep enough to reach it)."""
    import tracemalloc

    def owner(frames: Any) -> str:
        for frame in reversed(frames):  # a traceback is oldest first: innermost first here
            name = frame.filename
            if "importlib" in name or name.startswith("<"):
                continue
            if "site-packages/" in name:
                name = name.split("site-packages/", 1)[1]
            elif str(ROOT) in name:
                name = name.split(str(ROOT) + "/", 1)[1]
            else:
                name = "stdlib:" + name.rsplit("/lib/python", 1)[-1]
            return f"{name}:{frame.lineno}"
        return "?"

    diff = tracemalloc.take_snapshot().compare_to(before, "traceback")
    by_line: dict[str, int] = {}
    by_file: dict[str, int] = {}
    for stat in diff:
        where = owner(stat.traceback)
        by_line[where] = by_line.get(where, 0) + stat.size_diff
        module = where.rsplit(":", 1)[0]
        by_file[module] = by_file.get(module, 0) + stat.size_diff
    total = sum(by_line.values())

    def ranked(sizes: dict[str, int]) -> dict[str, float]:
        best = sorted(sizes.items(), key=lambda kv: -kv[1])[:top]
        return {k: round(v / 2**20, 3) for k, v in best}

    return {
        "total_mb": round(total / 2**20, 2),
        "by_file": ranked(by_file),
        "by_line": ranked(by_line),
    }


# -- the harness (parent process) ----------------------------------------------------------------


class Servers:
    """The test servers the run needs, started with the integration tests' helpers."""

    def __init__(self, work: Path, services: tuple[str, ...]) -> None:
        self.work = work
        self.services = services
        self.prosody: Any = None
        self.synapse: Any = None
        self.irc: Any = None

    def start(self) -> None:
        starters = {"xmpp": self._prosody, "matrix": self._synapse, "irc": self._irc}
        with ThreadPoolExecutor(len(self.services)) as pool:
            jobs = [pool.submit(starters[s]) for s in self.services]
            errors = []
            for job in jobs:
                try:
                    job.result()
                except BaseException as exc:  # pytest.skip() raises a BaseException
                    errors.append(f"{type(exc).__name__}: {exc}")
        if errors:
            self.stop()
            raise RuntimeError("a test server did not start: " + "; ".join(errors))

    def _prosody(self) -> None:
        from tests.integration.xmpp.server import start_prosody

        self.prosody = start_prosody(self.work / "prosody")

    def _synapse(self) -> None:
        from tests.integration.matrix.synapse import SYNAPSE_PYTHON, start_synapse

        if not SYNAPSE_PYTHON.exists():
            raise RuntimeError("Synapse is not installed (bash scripts/setup-synapse)")
        self.synapse = start_synapse(self.work / "synapse")

    def _irc(self) -> None:
        from tests.integration.irc.servers import start_inspircd

        self.irc = start_inspircd(self.work / "inspircd")

    def stop(self) -> None:
        for server in (self.prosody, self.irc):
            if server is not None:
                server.stop()
        if self.synapse is not None and self.synapse.process is not None:
            self.synapse.process.stop()


def split_rooms(total: int, services: tuple[str, ...]) -> dict[str, int]:
    base, extra = divmod(total, len(services))
    return {s: base + (1 if i < extra else 0) for i, s in enumerate(services)}


def matrix_rooms(synapse: Any, count: int, backlog: int) -> list[str]:
    """Rooms made by another user, each with ``backlog`` messages; returns their aliases."""
    owner = synapse.unique_name("owner")
    password = uuid.uuid4().hex
    token = synapse.login(synapse.register(owner, password), password)
    tag = uuid.uuid4().hex[:6]
    aliases = []
    for i in range(count):
        status, room = synapse.request(
            "POST",
            "/_matrix/client/v3/createRoom",
            {"preset": "public_chat", "room_alias_name": f"bench{tag}{i}", "name": f"Bench {i}"},
            token,
        )
        assert status == 200, room
        for n in range(backlog):
            path = f"/_matrix/client/v3/rooms/{quote(room['room_id'])}/send/m.room.message/t{i}-{n}"
            body = {"msgtype": "m.text", "body": f"backlog line {n} in room {i}, plain chat"}
            status, sent = synapse.request("PUT", path, body, token)
            assert status == 200, sent
        aliases.append(f"#bench{tag}{i}:{synapse.server_name}")
    return aliases


def account_config(servers: Servers, rooms: dict[str, int], backlog: int) -> dict[str, Any]:
    accounts: list[dict[str, Any]] = []
    tag = uuid.uuid4().hex[:6]
    if servers.prosody is not None:
        prosody = servers.prosody
        account = prosody.new_account("bench")
        accounts.append(
            {
                "protocol": "xmpp",
                "settings": prosody.settings(account),
                "secrets": {"password": account.password},
                "rooms": [f"bench{tag}{i}@{prosody.muc}" for i in range(rooms["xmpp"])],
            }
        )
    if servers.synapse is not None:
        synapse = servers.synapse
        localpart = synapse.unique_name("bench")
        password = uuid.uuid4().hex
        user_id = synapse.register(localpart, password)
        accounts.append(
            {
                "protocol": "matrix",
                "settings": {
                    "user_id": user_id,
                    "homeserver": synapse.tls_base_url,
                    "ca_file": str(synapse.ca_file),
                },
                "secrets": {"password": password},
                "rooms": matrix_rooms(synapse, rooms["matrix"], backlog),
            }
        )
    if servers.irc is not None:
        irc = servers.irc
        accounts.append(
            {
                "protocol": "irc",
                "settings": {
                    "server": irc.host,
                    "port": irc.tls_port,
                    "nick": f"bench{tag}",
                    "ca_file": str(irc.tls.ca_cert),
                },
                "secrets": {},
                "rooms": [f"#bench{tag}{i}" for i in range(rooms["irc"])],
            }
        )
    opened = "matrix" if servers.synapse is not None else accounts[0]["protocol"]
    return {"accounts": accounts, "open": {"protocol": opened}}


def sidebar_conversations(model: Any) -> int:
    return sum(model.rowCount(model.index(row, 0)) for row in range(model.rowCount()))


def measure(child: ChildProcess, what: str = "MEASURE", timeout: float = 30) -> dict[str, Any]:
    child.send(what)
    return dict(json.loads(child.expect("FIGURES", timeout)))


def harness(args: argparse.Namespace) -> dict[str, Any]:
    services = tuple(s for s in args.services.split(",") if s)
    unknown = set(services) - set(SERVICES)
    if unknown or not services:
        raise SystemExit(f"--services takes a comma-separated subset of {','.join(SERVICES)}")
    load_before = machine_load()
    work = Path(tempfile.mkdtemp(prefix="chinwag-memory-"))
    servers = Servers(work, services)
    started = time.perf_counter()
    servers.start()
    child: ChildProcess | None = None
    try:
        servers_s = time.perf_counter() - started
        config = account_config(servers, split_rooms(args.rooms, services), args.backlog)
        config["tracemalloc"] = args.tracemalloc
        config["tracemalloc_frames"] = args.tracemalloc_frames
        config["without_start_caches"] = args.without_start_caches
        config_path = work / "accounts.json"
        first_start: dict[str, Any] | None = None
        if args.restart:
            (work / "profile").mkdir()
            config["profile"] = str(work / "profile")
            config["secrets_file"] = str(work / "secrets.json")
            config_path.write_text(json.dumps(config))
            child = ChildProcess([sys.executable, __file__, "--driver", str(config_path)])
            first_start = json.loads(child.expect("READY", args.timeout))
            if "error" in first_start:
                raise RuntimeError(f"the app could not set up: {first_start['error']}")
            time.sleep(5)  # what the first start does after joining (publishing) goes on
            child.stop()
            child = None
            config["again"] = {"ids": first_start["ids"], "joined": first_start["joined"]}
        config_path.write_text(json.dumps(config))
        child = ChildProcess([sys.executable, __file__, "--driver", str(config_path)])
        ready = json.loads(child.expect("READY", args.timeout))
        if "error" in ready:
            raise RuntimeError(f"the app could not set up: {ready['error']}")
        if first_start is not None:  # the second start connects at once: no window-only figure
            ready["window_only"] = first_start["window_only"]
        pid = int(ready["pid"])
        time.sleep(args.settle)
        patience = 600 if args.tracemalloc else 30  # tracemalloc's snapshots are slow
        settled = measure(child, timeout=patience)

        profiler = None
        if args.py_spy:
            profiler = subprocess.Popen(
                [
                    str(Path(sys.executable).with_name("py-spy")),
                    "record",
                    "--pid",
                    str(pid),
                    "--duration",
                    str(int(args.idle)),
                    "--threads",
                    *os.environ.get("CHINWAG_PY_SPY_ARGS", "--nonblocking").split(),
                    "--rate",
                    "500",
                    "--format",
                    "raw",
                    "--output",
                    str(args.py_spy),
                ],
                stdout=subprocess.DEVNULL,
            )
        threads0 = thread_figures(pid)
        ticks0 = process_cpu_ticks(pid)
        first = measure(child, "CPU", timeout=patience)
        time.sleep(args.idle)
        last = measure(child, "CPU", timeout=patience)
        ticks1 = process_cpu_ticks(pid)
        threads1 = thread_figures(pid)
        if profiler is not None:
            profiler.wait(args.idle + 60)

        after = measure(child, timeout=patience)["memory"]
        trim = measure(child, "TRIM", timeout=patience) if args.trim else None
        elapsed = args.idle
        cpu = last["cpu_s"] - first["cpu_s"]
        per_thread = []
        names = {int(k): v for k, v in ready["python_threads"].items()}
        for tid, end in threads1.items():
            begin = threads0.get(tid, {"cpu_s": 0.0, "switches": 0})
            per_thread.append(
                {
                    "thread": names.get(tid, end["name"]),
                    "cpu_ms": round((end["cpu_s"] - begin["cpu_s"]) * 1000),
                    "wakeups_per_s": round((end["switches"] - begin["switches"]) / elapsed, 2),
                }
            )
        per_thread.sort(key=lambda t: (-t["wakeups_per_s"], -t["cpu_ms"]))
        memory = {
            "benchmark": "memory",
            "services": list(services),
            "rooms_joined": ready["rooms_joined"],
            "rooms_by_service": ready["rooms_by_service"],
            "join_failures": ready["join_failures"],
            "sidebar_conversations": ready["sidebar_conversations"],
            "matrix_backlog_per_room": args.backlog if "matrix" in services else None,
            "settle_s": args.settle,
            **settled["memory"],
            **(
                {
                    "python_heap_by_package_mb": settled["python_heap_by_package"],
                    "python_heap_grown_since_window": settled.get("python_heap_grown"),
                }
                if args.tracemalloc
                else {}
            ),
            "window_only": ready["window_only"],
            **({"malloc_trim_after_idle": trim} if trim else {}),
            "second_start": args.restart,
            "connect_s": ready["connect_s"],
            "connect_and_join_s": ready["connect_and_join_s"],
            "target_rss_mb": MEMORY_TARGET_MB,
            "meets_target": settled["memory"]["rss_mb"] <= MEMORY_TARGET_MB,
        }
        idle = {
            "benchmark": "idle",
            "idle_s": elapsed,
            "cpu_seconds": round(cpu, 4),
            "cpu_percent_of_one_core": round(100 * cpu / elapsed, 4),
            "cpu_seconds_from_proc_stat": round(ticks1 - ticks0, 2),
            "wakeups_per_s": round(sum(t["wakeups_per_s"] for t in per_thread), 2),
            "threads": per_thread,
            "rss_mb_after": after["rss_mb"],
            "profiled_with_py_spy": bool(args.py_spy),
            "target_percent": IDLE_TARGET_PERCENT,
            "meets_target": 100 * cpu / elapsed <= IDLE_TARGET_PERCENT,
        }
        return {
            "benchmark": "memory_idle",
            "servers_start_s": round(servers_s, 1),
            "machine_load_before": load_before,
            "memory": memory,
            "idle": idle,
        }
    finally:
        if child is not None:
            child.stop()
        servers.stop()
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rooms", type=int, default=50, help="rooms/channels in total")
    parser.add_argument("--services", default=",".join(SERVICES))
    parser.add_argument("--backlog", type=int, default=20, help="messages in each Matrix room")
    parser.add_argument("--settle", type=float, default=30.0, help="idle seconds before memory")
    parser.add_argument("--idle", type=float, default=60.0, help="seconds of idle CPU measured")
    parser.add_argument("--timeout", type=float, default=300.0, help="deadline for the set-up")
    parser.add_argument("--py-spy", type=Path, metavar="FILE", help="record the idle window")
    parser.add_argument(
        "--tracemalloc",
        action="store_true",
        help="attribute the Python heap by package (investigation: inflates the memory figures)",
    )
    parser.add_argument(
        "--tracemalloc-frames",
        type=int,
        default=1,
        help="frames kept per allocation with --tracemalloc (30: what grew since the window "
        "alone is put on the module that made it, not on the import machinery)",
    )
    parser.add_argument(
        "--without-start-caches",
        action="store_true",
        help="as before 2026-12-06 session 9: without the entry points kept between starts that "
        "the chinwag command installs (then the registry imports importlib.metadata, 1.1 MB)",
    )
    parser.add_argument(
        "--restart",
        action="store_true",
        help="measure the second start on the same profile (see the module docstring)",
    )
    parser.add_argument(
        "--trim",
        action="store_true",
        help="at the end, glibc's malloc_trim(0) after a collection: RSS before and after "
        "(investigation: does the allocator keep memory the app freed?)",
    )
    parser.add_argument("--driver", metavar="CONFIG", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.driver:
        return driver(args.driver)
    print(json.dumps(harness(args), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
