"""Smoke tests of the benchmark scripts: they run and print their figures (not the figures' size).

The memory/idle and flood benchmarks need the test servers, so here only their shared parts and
their command lines are checked; ``scripts/bench --quick`` runs them for real at tiny sizes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from benchmarks.app_driver import ChildProcess, process_figures, thread_figures
from benchmarks.memory_bench import split_rooms

ROOT = Path(__file__).resolve().parents[2]


def run_script(*argv: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_ingest_bench_compares_the_store_with_raw_sqlite_on_the_same_rows() -> None:
    done = run_script(
        "benchmarks/ingest_bench.py", "--messages", "300", "--batch", "100", "--repeat", "1"
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["benchmark"] == "ingest"
    assert figures["store_rows_per_s"] > 0 and figures["raw_rows_per_s"] > 0
    assert figures["ratio"] == pytest.approx(
        figures["store_rows_per_s"] / figures["raw_rows_per_s"], rel=0.01
    )
    assert [b["batch"] for b in figures["by_batch"]] == [100]


@pytest.mark.parametrize(
    "script", ["memory_bench.py", "flood_bench.py", "start_bench.py", "store_bench.py"]
)
def test_server_and_profile_benchmarks_start(script: str) -> None:
    done = run_script(f"benchmarks/{script}", "--help")
    assert done.returncode == 0, done.stderr
    assert "usage:" in done.stdout


def test_rooms_are_shared_out_between_the_services() -> None:
    assert split_rooms(50, ("xmpp", "matrix", "irc")) == {"xmpp": 17, "matrix": 17, "irc": 16}
    assert split_rooms(4, ("irc",)) == {"irc": 4}


def test_process_figures_read_memory_and_threads_from_proc() -> None:
    figures = process_figures()
    assert figures["rss_mb"] > 1
    assert figures["rss_peak_mb"] >= figures["rss_mb"]
    assert "uss_mb" in figures  # smaps_rollup: Linux ≥ 4.14
    started = threading.Event()
    stop = threading.Event()

    def sleeper() -> None:
        started.set()
        stop.wait(10)

    thread = threading.Thread(target=sleeper)
    thread.start()
    started.wait(5)
    try:
        threads = thread_figures(os.getpid())
        assert thread.native_id in threads
        assert threading.main_thread().native_id in threads
        assert all(t["cpu_s"] >= 0 and t["switches"] >= 0 for t in threads.values())
    finally:
        stop.set()
        thread.join()


def test_a_silent_child_times_out_instead_of_hanging() -> None:
    child = ChildProcess(
        [sys.executable, "-c", "import time; print('READY {\"x\": 1}', flush=True); time.sleep(60)"]
    )
    try:
        assert json.loads(child.expect("READY", 20)) == {"x": 1}
        started = time.monotonic()
        with pytest.raises(TimeoutError):
            child.line(0.3)
        assert time.monotonic() - started < 5
    finally:
        code = child.stop(timeout=10)
    assert code is not None  # stopped by SIGTERM, not left behind


def test_a_child_that_exits_is_reported_not_waited_for() -> None:
    child = ChildProcess([sys.executable, "-c", "print('one line')"])
    try:
        assert child.line(20) == "one line"
        with pytest.raises(EOFError):
            child.line(20)
    finally:
        child.stop(grace=10)
