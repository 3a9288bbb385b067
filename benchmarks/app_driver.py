"""Shared pieces of the benchmarks that run the real app (core thread + main window, offscreen).

- :func:`open_app` builds what ``ui.main.run`` builds (the same QApplication set-up, core thread,
  bridge, main window and SIGTERM handling), with secrets in memory instead of
  the keyring and an explicit backend list, so a benchmark child process is the app a user runs.
- :func:`process_figures` / :func:`thread_figures` read a process's memory and CPU from ``/proc``.
- :class:`ChildProcess` runs a benchmark child and reads its stdout lines with a deadline, so a
  benchmark never hangs on a child that stopped talking.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import queue
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.procfs import stop_process

ROOT = Path(__file__).resolve().parents[1]
CLOCK_TICK = os.sysconf("SC_CLK_TCK")


def now() -> float:
    """CLOCK_MONOTONIC: one clock shared by every process on the machine (parent and child
    timestamps can be compared)."""
    return time.clock_gettime(time.CLOCK_MONOTONIC)


def cpu_seconds() -> float:
    """CPU time of this whole process (every thread), user + system, at microsecond resolution."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


# -- /proc readings ----------------------------------------------------------------------------


def _kb_fields(path: Path, names: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    try:
        text = path.read_text()
    except OSError:
        return found
    for line in text.splitlines():
        key, _, rest = line.partition(":")
        if key in names:
            found[key] = int(rest.split()[0])
    return found


def process_figures(pid: int | str = "self") -> dict[str, float]:
    """Resident memory in MB: RSS (and its peak), and from smaps_rollup the USS (private pages,
    what quitting would free) and PSS."""
    proc = Path("/proc") / str(pid)
    status = _kb_fields(proc / "status", ("VmRSS", "VmHWM", "RssAnon", "RssFile", "Threads"))
    rollup = _kb_fields(proc / "smaps_rollup", ("Pss", "Private_Clean", "Private_Dirty"))
    figures = {
        "rss_mb": round(status.get("VmRSS", 0) / 1024, 1),
        "rss_peak_mb": round(status.get("VmHWM", 0) / 1024, 1),
        "rss_anon_mb": round(status.get("RssAnon", 0) / 1024, 1),
        "rss_file_mb": round(status.get("RssFile", 0) / 1024, 1),
    }
    if rollup:
        private = rollup.get("Private_Clean", 0) + rollup.get("Private_Dirty", 0)
        figures["uss_mb"] = round(private / 1024, 1)
        figures["pss_mb"] = round(rollup.get("Pss", 0) / 1024, 1)
    return figures


def process_cpu_ticks(pid: int) -> float:
    """User + system CPU seconds of a process (all threads, live and exited), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICK


def thread_figures(pid: int) -> dict[int, dict[str, Any]]:
    """Per thread: its kernel name, CPU seconds and context switches so far."""
    threads: dict[int, dict[str, Any]] = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            stat = (task / "stat").read_text()
            status = (task / "status").read_text()
        except OSError:
            continue  # the thread ended meanwhile
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat.rpartition(")")[2].split()
        switches = {
            key: int(value)
            for key, _, value in (line.partition(":") for line in status.splitlines())
            if key in ("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")
        }
        threads[int(task.name)] = {
            "name": name,
            "cpu_s": (int(fields[11]) + int(fields[12])) / CLOCK_TICK,
            "switches": sum(switches.values()),
        }
    return threads


def machine_load() -> dict[str, float]:
    one, five, fifteen = os.getloadavg()
    return {"cpus": os.cpu_count() or 0, "load_1m": one, "load_5m": five, "load_15m": fifteen}


# -- the app, as ui.main.run builds it -----------------------------------------------------------


@dataclass
class RunningApp:
    app: Any  # QApplication
    runner: Any  # CoreThread
    bridge: Any  # CoreBridge
    window: Any  # MainWindow
    profile: Path
    signals: Any  # ui.main's SIGTERM/SIGINT watcher, kept alive here
    remove_profile: bool = False

    def close(self) -> None:
        self.bridge.close()
        self.window.close()
        self.runner.stop(15)
        if self.remove_profile:
            shutil.rmtree(self.profile, ignore_errors=True)


def open_app(
    backend_classes: Sequence[type] | None = None,
    profile: Path | None = None,
    secrets: Any = None,
) -> RunningApp:
    """The real front end on a throwaway profile, core started, window shown (offscreen unless
    ``QT_QPA_PLATFORM`` says otherwise). SIGTERM quits the event loop, as in the real app.
    ``secrets``: the keyring (default: an empty one in memory)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    importlib.import_module("ui")  # first, as in the app: its lighter PySide6 import hook
    from PySide6.QtCore import QTimer

    from app.core import Core, CoreContext
    from app.logs import setup_logging
    from app.paths import AppPaths
    from app.registry import BackendRegistry
    from app.runtime import CoreThread
    from chinwag.testing.context import MemorySecretStore
    from ui.application import create_app, install_quit_signals
    from ui.bridge import CoreBridge
    from ui.main_window import MainWindow

    app = create_app(sys.argv[:1])
    throwaway = profile is None
    profile = profile or Path(tempfile.mkdtemp(prefix="chinwag-bench-profile-"))
    paths = AppPaths.in_profile(profile)
    setup_logging(paths.log_dir)  # INFO to the profile's log file, as the app does
    registry = (
        BackendRegistry(classes=list(backend_classes))
        if backend_classes is not None
        else BackendRegistry.discover()
    )
    runner = CoreThread(
        lambda: Core(
            CoreContext(paths=paths, registry=registry, secrets=secrets or MemorySecretStore())
        )
    )
    runner.start()
    bridge = CoreBridge(runner)
    window = MainWindow(bridge)  # no desktop notifier: there is no session bus to talk to
    window.resize(1000, 700)
    window.show()
    QTimer.singleShot(0, bridge.start)
    signals = install_quit_signals(app)
    return RunningApp(app, runner, bridge, window, profile, signals, remove_profile=throwaway)


# -- the parent side -----------------------------------------------------------------------------


class ChildProcess:
    """A benchmark child process whose stdout lines are read with a deadline."""

    def __init__(self, argv: Sequence[str], *, env: dict[str, str] | None = None) -> None:
        wrap = os.environ.get("CHINWAG_BENCH_WRAP", "").split()  # e.g. "py-spy record -o x.svg --"
        self.proc = subprocess.Popen(
            [*wrap, *argv],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, **(env or {})},
        )
        self._lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    @property
    def pid(self) -> int:
        return self.proc.pid

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    def line(self, timeout: float) -> str:
        """The next line; TimeoutError after ``timeout`` s, EOFError if the child closed stdout."""
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError(f"no answer from the benchmark child within {timeout} s") from None
        if line is None:
            raise EOFError(f"the benchmark child exited ({self.proc.poll()})")
        return line

    def expect(self, prefix: str, timeout: float) -> str:
        """Skip lines until one starts with ``prefix``; returns the rest of it."""
        deadline = time.monotonic() + timeout
        while True:
            line = self.line(max(0.0, deadline - time.monotonic()))
            if line.startswith(prefix):
                return line[len(prefix) :].strip()

    def send(self, text: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(text + "\n")
        self.proc.stdin.flush()

    def stop(self, timeout: float = 30.0, grace: float = 0.0) -> int | None:
        """Wait ``grace`` s for the child to exit by itself (a wrapping profiler then writes its
        output), then SIGTERM (the app quits cleanly), then SIGKILL after ``timeout`` s."""
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(grace)
        return stop_process(self.proc, timeout)
