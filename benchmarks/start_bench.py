"""start: time from process start to a usable main window, on a 5-account, 1M-message profile.

Runs the real app (``python -m app``) on a generated profile, offscreen, and waits for the log
line the main window writes once the stores are open, the conversations listed and the window
painted. Target: ≤ 0.8 s. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.procfs import stop_process  # noqa: E402
from benchmarks.profile_gen import build_profile, describe  # noqa: E402

READY = "main window ready"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def one_start(profile: Path, timeout: float = 30.0) -> tuple[float, float]:
    log = profile / "logs" / "chinwag.log"
    before = log.stat().st_size if log.exists() else 0
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # As installed (pip byte-compiles) and started before: with PYTHONDONTWRITEBYTECODE (set in
    # some shells and test sessions) every start compiled every module and kept none of the
    # start's caches (app.dataclass_code, app.entry_point_cache): 1.6-1.7 s instead of ~0.8.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "--profile", str(profile)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    try:
        while True:
            if log.exists() and log.stat().st_size > before:
                with log.open("rb") as f:
                    f.seek(before)
                    if READY.encode() in f.read():
                        elapsed = time.perf_counter() - started
                        break
            if proc.poll() is not None:
                raise RuntimeError(f"the app exited with {proc.returncode} before it was ready")
            if time.perf_counter() - started > timeout:
                raise TimeoutError("the app did not become ready")
            time.sleep(0.002)
        memory = rss_mb(proc.pid)
    finally:
        stop_process(proc)
    return elapsed, memory


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir", type=Path, help="keep/reuse the generated profile here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="chinwag-start-") as tmp:
        profile = args.dir or Path(tmp)
        built = build_profile(profile, 5, args.messages)
        times, memory = [], []
        for _ in range(args.runs):
            elapsed, rss = one_start(profile)
            times.append(elapsed)
            memory.append(rss)
        warm = times[1:] or times
        print(
            json.dumps(
                {
                    "benchmark": "start",
                    "profile": {**describe(profile), "messages": args.messages, **built},
                    "first_start_s": round(times[0], 3),
                    "warm_start_median_s": round(statistics.median(warm), 3),
                    "warm_start_max_s": round(max(warm), 3),
                    "rss_at_ready_mb": round(statistics.median(memory), 1),
                    "target_s": 0.8,
                },
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
