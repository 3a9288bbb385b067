"""Smoke tests of the benchmark scripts: they run and print their figures (not the figures' size).

The memory/idle and flood benchmarks need the test servers, so here only their shared parts and
their command lines are checked; ``scripts/bench --quick`` runs them for real at tiny sizes.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import threading
import time
from dataclasses import replace
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


def test_save_bench_prints_both_shapes_with_the_load() -> None:
    done = run_script("benchmarks/save_bench.py", "--live", "20", "--batches", "1", "--repeat", "1")
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["benchmark"] == "save"
    assert figures["live_messages_per_s"] > 0 and figures["flood_lines_per_s"] > 0
    assert len(figures["loadavg_before"]) == 3


@pytest.mark.parametrize(
    "script",
    ["memory_bench.py", "flood_bench.py", "start_bench.py", "store_bench.py", "media_bench.py"],
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


# -- peers and scale: their parts that need no server ---------------------------------------------


@pytest.mark.parametrize(
    "script", ["peers_bench.py", "scale_bench.py", "chinwag_profile.py", "history_bench.py"]
)
def test_peer_and_scale_benchmarks_start(script: str) -> None:
    done = run_script(f"benchmarks/{script}", "--help")
    assert done.returncode == 0, done.stderr
    assert "usage:" in done.stdout


def test_scripts_bench_knows_every_benchmark() -> None:
    done = subprocess.run(
        ["bash", str(ROOT / "scripts" / "bench"), "--help"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "peers" in done.stdout and "scale" in done.stdout and "--quick" in done.stdout
    refused = subprocess.run(
        ["bash", str(ROOT / "scripts" / "bench"), "--no-setup", "nonsense"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert refused.returncode == 2 and "unknown argument" in refused.stderr


def test_the_benchmark_inspircd_raises_limits_of_the_test_config(tmp_path: Path) -> None:
    """The benchmark edits the tests' own InspIRCd config: if a value it raises changed there,
    this fails here rather than in a half-hour benchmark run."""
    from benchmarks.bench_servers import OPER_NAME, bench_inspircd_config
    from chinwag.testing.support import make_tls_files

    text = bench_inspircd_config(tmp_path, make_tls_files(tmp_path / "tls"))
    assert 'netbuffersize="65000"' in text and 'netbuffersize="10240"' not in text
    assert 'localmax="20000"' in text and 'maxchans="5000"' in text
    assert '<module name="sajoin">' in text and '<module name="auditorium">' in text
    assert f'<oper name="{OPER_NAME}"' in text


def test_flood_payloads_end_with_the_end_line() -> None:
    from benchmarks.bench_servers import irc_flood, xmpp_flood

    lines = irc_flood("#bench", "Tok", 5).decode().split("\r\n")
    assert lines[-1] == "" and len(lines) == 6
    assert all(line.startswith("PRIVMSG #bench :Tok ") for line in lines[:4])
    assert lines[4] == "PRIVMSG #bench :END-Tok 000005"
    stanzas = xmpp_flood("room@muc.localhost", "Tok", 3).decode()
    assert stanzas.count("<message ") == 3 and stanzas.endswith("END-Tok 000003</body></message>")


def test_a_log_tail_counts_only_new_lines_with_the_token(tmp_path: Path) -> None:
    from benchmarks.peer_clients import LogTail

    log = tmp_path / "logs" / "a" / "#bench.log"
    log.parent.mkdir(parents=True)
    log.write_text("old Tok line\n")
    tail = LogTail(f"{tmp_path}/logs/**/*#bench.log")
    assert tail.poll("Other") == (False, 0)
    with log.open("a") as f:
        f.write("x Tok 1\nunrelated\nx Tok 2\nx END-To")  # the END line is still being written
    assert tail.poll("Tok") == (False, 2)
    with log.open("a") as f:
        f.write("k 3\n")
    assert tail.poll("Tok") == (True, 3)


def test_the_store_detector_reads_the_accounts_store(tmp_path: Path) -> None:
    from app.models import ConversationKind
    from app.store.account_store import AccountStore
    from benchmarks.peer_clients import ChinwagStore
    from benchmarks.store_bench import make_messages

    store = AccountStore("acct", tmp_path / "acct.sqlite3")
    store.ensure_conversation("#bench", ConversationKind.GROUP)
    messages = make_messages(random.Random(1), "acct", "#bench", 0, 3)
    store.append(
        [
            replace(messages[0], body="Tok 1"),
            messages[1],
            replace(messages[2], body="END-Tok 3"),
        ]
    )
    detector = ChinwagStore(tmp_path)
    assert detector.poll("Tok") == (True, 2)
    assert detector.conversations() == {"group/joined=1": 1}
    store.close()


def test_ratios_compare_chinwag_with_the_best_other_client() -> None:
    from benchmarks.peers_bench import irc_targets, ratios, summarize, xmpp_targets

    runs = [
        {"peer": "hexchat", "flood_cpu_s": 1.0, "start_s": 1.2, "idle_rss_mb": 43.0},
        {"peer": "hexchat", "flood_cpu_s": 1.4, "start_s": 1.2, "idle_rss_mb": 43.0},
        {"peer": "pidgin", "flood_cpu_s": 9.0, "start_s": 2.2, "idle_rss_mb": 68.0},
        {"peer": "chinwag", "flood_cpu_s": 3.6, "start_s": 1.3, "idle_rss_mb": 110.0},
        {"peer": "chinwag", "error": "RuntimeError: left out of the medians"},
    ]
    summary = summarize(runs)
    assert summary["hexchat"]["flood_cpu_s"] == 1.2  # the median of its runs
    found = ratios(summary)
    assert found["flood_cpu_s"]["best_peer"] == "hexchat"
    assert found["flood_cpu_s"]["ratio_to_best"] == 3.0
    assert found["flood_cpu_s"]["ratio_to"] == {"hexchat": 3.0, "pidgin": 0.4}
    targets = irc_targets(summary)
    assert targets["flood_cpu_le_hexchat"]["met"] is False
    assert targets["start_le_hexchat_plus_0.2s"]["met"] is True
    assert targets["idle_rss_le_pidgin"] == {"value": 110.0, "limit": 68.0, "met": False}
    xmpp = xmpp_targets(
        {
            "pidgin": {"flood_cpu_s": 4.4},
            "chinwag": {
                "flood_cpu_s": 4.0,
                "idle_rss_mb": 120.0,
                "flood_peak_rss_mb": 228.0,
                "after_rss_mb": 125.0,
            },
        }
    )
    assert xmpp["flood_cpu_le_pidgin"]["met"] is True
    assert xmpp["peak_rss_le_idle_plus_30mb"]["met"] is False
    assert xmpp["memory_given_back_within_10mb"]["met"] is True


def test_bulk_profile_is_the_stores_own_and_searchable(tmp_path: Path) -> None:
    from app.models import ConversationKind
    from app.store.account_store import AccountStore
    from benchmarks.profile_gen import BIG_ROOM, fill_store
    from benchmarks.store_bench import make_messages

    path = tmp_path / "acct.sqlite3"
    assert fill_store("acct", path, 1200, batch=500) == 1200
    store = AccountStore("acct", path)
    try:
        assert store.message_count() == 1200
        page = store.page(BIG_ROOM, None, 50)
        assert len(page.messages) == 50 and page.messages[-1].id.native_id.endswith("1199")
        assert store.search("zebra", 50)  # the rare words are indexed
        # the full-text trigger is back: a new message is found at once
        store.ensure_conversation("new", ConversationKind.DIRECT)
        fresh = make_messages(random.Random(2), "acct", "new", 0, 1)[0]
        store.append([replace(fresh, body="quetzalcoatl")])
        assert [m.body for m in store.search("quetzalcoatl", 5)] == ["quetzalcoatl"]
    finally:
        store.close()


def test_a_kept_profile_gets_its_search_terms_completed(tmp_path: Path) -> None:
    """A profile built before the term table (or with it incomplete) is completed when reused,
    so no app started on it builds the table in the background during a benchmark."""
    import sqlite3

    from app.paths import AppPaths
    from app.store.terms import is_complete
    from benchmarks.profile_gen import account_ids, complete_terms, fill_store

    paths = AppPaths.in_profile(tmp_path)
    paths.ensure()
    (store_id,) = account_ids(1)
    path = paths.account_store(store_id)
    fill_store(store_id, path, 300, batch=100)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("DELETE FROM search_terms")  # as the migration leaves a store with history
    assert not is_complete(con)
    con.close()

    complete_terms(paths, 1)

    con = sqlite3.connect(path)
    try:
        assert is_complete(con)
        assert con.execute("SELECT count(*) FROM search_terms").fetchone()[0] > 10
    finally:
        con.close()


def test_process_tree_figures_and_stopping_by_pid() -> None:
    from benchmarks.procfs import descendants, kill_pids, tree_cpu, tree_rss

    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import subprocess, sys, time; "
            "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); time.sleep(60)",
        ]
    )
    try:
        deadline = time.monotonic() + 20
        while len(descendants(child.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        tree = descendants(child.pid)
        assert len(tree) == 2
        assert tree_rss(tree)["VmRSS"] > 1000
        assert tree_cpu(tree) >= 0
    finally:
        assert kill_pids(descendants(child.pid), grace=10) == []
        child.wait(10)


def test_markdown_tables_come_from_one_run_document(tmp_path: Path) -> None:
    from benchmarks.peers_bench import ratios, summarize

    runs = [
        {"peer": "hexchat", "flood_cpu_s": 1.0, "idle_rss_mb": 43.0, "logged_lines": 20000},
        {"peer": "chinwag", "flood_cpu_s": 3.0, "idle_rss_mb": 110.0, "logged_lines": 20000},
    ]
    summary = summarize(runs)
    doc = {
        "results": {
            "peers": {
                "irc": {
                    "clients": ["hexchat", "chinwag"],
                    "summary": summary,
                    "chinwag_ratios": ratios(summary),
                    "targets": {"flood_cpu_le_hexchat": {"value": 3.0, "limit": 1.0, "met": False}},
                }
            },
            "scale": {
                "history": {
                    "curve": [
                        {
                            "messages": 10_000_000,
                            "profile": {"disk_mb": 2900.0},
                            "window_s": 0.6,
                            "first_page_shown_ms": 40.0,
                            "page_back_ms": [30.0, 45.0],
                            "search_p50_ms": 60.0,
                            "search_p95_ms": 90.0,
                        }
                    ]
                }
            },
        }
    }
    path = tmp_path / "run.json"
    path.write_text(json.dumps(doc))
    done = run_script("benchmarks/bench_tables.py", str(path))
    assert done.returncode == 0, done.stderr
    assert "| flood CPU-s | 1.00 | 3.00 | 3.00 (hexchat) |" in done.stdout
    assert "| flood_cpu_le_hexchat | 3.00 | 1.00 | **no** |" in done.stdout
    assert "| 10,000,000 | 2900.0 | 0.60 | 40.0 | 30.0–45.0 | 60.0 / 90.0 |" in done.stdout


def test_spelling_bench_prints_the_cost_of_a_keystroke_with_the_real_dictionary() -> None:
    done = run_script("benchmarks/spelling_bench.py", "--lines", "20", "--keys", "5")
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["language"] == "en_US"
    assert figures["lines"] == 20
    assert set(figures["keystroke_ms"]) == {"p50", "max"}
    assert figures["load_ms"] > 0
    assert figures["first_key_ms"] > 0  # measured on its own, not inside load_ms's wait


def test_view_bench_prints_the_view_alone_figures() -> None:
    done = run_script("benchmarks/view_bench.py", "--batches", "3", "--every", "0.05", timeout=120)
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["benchmark"] == "view" and len(figures["page_back_ms"]) == 10
    assert 0 < figures["rows_kept"] <= 100 and figures["relayout_ms"] > 0


class _Traced:
    """Slots for the frame trace test (wrapped once, by that test)."""

    def work(self) -> int:
        return self.inner() + 1

    def inner(self) -> int:
        return 1


def test_the_frame_trace_keeps_a_long_gap_with_what_ran_in_it() -> None:
    from benchmarks.frame_trace import FrameTrace

    trace = FrameTrace(threshold=0.0)  # every gap is "long"
    missing = trace.install((f"{__name__}:_Traced.work", f"{__name__}:_Traced.inner", "x:Y.z"))
    assert missing == ["x:Y.z"]
    assert _Traced().work() == 2  # wrapped, it still answers
    trace.tick()
    frame = trace.frames[-1]
    assert [outer[0] for outer in frame["outer"]] == ["_Traced.work"]
    assert set(frame["by_name"]) == {"_Traced.work", "_Traced.inner"}
    assert frame["by_name"]["_Traced.inner"][2] == 1  # called once, inside work
    summary = trace.summary()
    assert summary["gaps_over_threshold"] == 1 and summary["ticks"] == 1
    calls = threading.Thread(target=_Traced().work)  # another thread's calls are not traced
    calls.start()
    calls.join()
    trace.tick()
    assert trace.frames[-1]["by_name"] == {}
