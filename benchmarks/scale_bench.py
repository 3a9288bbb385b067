"""scale: how the cost grows with rooms, members and stored history. Prints the curves as JSON.

- rooms (``scale_rooms.py``): 50, 200, 1,000 joined rooms across an XMPP, a Matrix and an IRC
  account: start → window, start → all joined, RSS; targets at 1,000: RSS ≤ 200 MB, window
  ≤ 0.5 s, flat growth per room.
- members (``scale_members.py``): an IRC channel of 5,000, a MUC of 1,000, a Matrix room of
  1,000 (lazy-loaded): opening the room with its member list (≤ 1 s), scrolling it (no stall over
  50 ms), memory per member.
- history: 1,000,000 and 10,000,000 stored messages over 5 accounts (generated in bulk with the
  store's schema, ``profile_gen.py``, kept in ``--cache``): start → usable window (the real
  ``python -m app``), the first page and pages back of a 100,000-message conversation, and global
  search p50 (≤ 50 ms), each through the real core, bridge and views (``history_bench.py``).

``--quick`` runs every part at tiny sizes (a smoke run). Needs the test servers (``scripts/bench``
sets them up) and a D-Bus session with an unlocked keyring (``scripts/bench`` provides one).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.app_driver import machine_load  # noqa: E402

FULL = {
    "rooms": [50, 200, 1000],
    "members": {"irc": 5000, "xmpp": 1000, "matrix": 1000},
    "history": [1_000_000, 10_000_000],
}
QUICK = {
    "rooms": [6, 12],
    "members": {"irc": 40, "xmpp": 20, "matrix": 20},
    "history": [20_000, 60_000],
}
HISTORY_TARGETS = {"search_p50_ms": 50, "first_page_ms": 30, "page_back_ms": 30}


def history_curve(cache: Path, sizes: list[int], window_runs: int) -> dict[str, Any]:
    from benchmarks.profile_gen import build_profile, describe
    from benchmarks.start_bench import one_start

    curve = []
    for messages in sizes:
        profile = cache / f"profile-{messages}"
        built = build_profile(profile, 5, messages)
        windows = [one_start(profile) for _ in range(window_runs)]
        done = subprocess.run(
            [
                sys.executable,
                str(ROOT / "benchmarks" / "history_bench.py"),
                "--messages",
                str(messages),
                "--dir",
                str(profile),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=1800,
            check=False,
        )
        if done.returncode:
            raise RuntimeError(f"history_bench failed: {done.stderr[-1500:]}")
        history = json.loads(done.stdout)
        point = {
            "messages": messages,
            "profile": {**describe(profile), **built},
            "window_s": round(statistics.median(w for w, _ in windows), 3),
            "window_runs_s": [round(w, 3) for w, _ in windows],
            "rss_at_window_mb": round(statistics.median(r for _, r in windows), 1),
            **{k: v for k, v in history.items() if k not in ("benchmark", "messages", "targets")},
        }
        curve.append(point)
        print(f"scale history: {json.dumps(point)}", file=sys.stderr, flush=True)
    return {"curve": curve, "targets": HISTORY_TARGETS}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--parts", default="rooms,members,history")
    parser.add_argument("--quick", action="store_true", help="tiny sizes: a smoke run")
    parser.add_argument(
        "--cache", type=Path, help="keep generated history profiles here (default: throwaway)"
    )
    parser.add_argument("--rooms", help="comma-separated room counts (default 50,200,1000)")
    parser.add_argument("--members", help="comma-separated services (default irc,xmpp,matrix)")
    parser.add_argument(
        "--churn", type=int, default=0, help="members: N IRC joins/renames/parts while open"
    )
    parser.add_argument(
        "--history", help="comma-separated stored-message counts (default 1000000,10000000)"
    )
    parser.add_argument("--settle", type=float, help="s after all joined before RSS (20)")
    parser.add_argument("--window-runs", type=int, default=3)
    args = parser.parse_args()
    sizes = QUICK if args.quick else FULL
    rooms = [int(n) for n in args.rooms.split(",")] if args.rooms else sizes["rooms"]
    history = [int(n) for n in args.history.split(",")] if args.history else sizes["history"]
    settle = args.settle if args.settle is not None else (2.0 if args.quick else 20.0)
    parts = [p for p in args.parts.split(",") if p]
    unknown = set(parts) - set(FULL)
    if unknown:
        parser.error(f"unknown part(s) {sorted(unknown)}; choose from {sorted(FULL)}")
    work = Path(tempfile.mkdtemp(prefix="chinwag-scale-"))
    cache = args.cache or work / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"benchmark": "scale", "quick": args.quick, "machine": machine_load()}
    failed = False
    try:
        for part in parts:
            began = time.monotonic()
            try:
                if part == "rooms":
                    from benchmarks.scale_rooms import rooms_bench

                    result["rooms"] = rooms_bench(work, rooms, settle, args.window_runs)
                elif part == "members":
                    from benchmarks.scale_members import members_bench

                    wanted = args.members.split(",") if args.members else list(sizes["members"])
                    chosen = {s: n for s, n in sizes["members"].items() if s in wanted}
                    result["members"] = members_bench(work, chosen, args.churn)
                    failed |= any(
                        "error" in v for v in result["members"].values() if isinstance(v, dict)
                    )
                else:
                    result["history"] = history_curve(cache, history, args.window_runs)
            except Exception as exc:
                result[part] = {"error": f"{type(exc).__name__}: {exc}"}
                failed = True
            result[part]["seconds"] = round(time.monotonic() - began, 1)
            result[part]["load_1m_after"] = round(os.getloadavg()[0], 2)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result["machine_after"] = machine_load()
    print(json.dumps(result, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
