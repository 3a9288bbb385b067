"""Summaries of the investigation files the benchmarks can write (JSON on stdout).

python benchmarks/profile_report.py spy FILE.txt [--top 25]
    py-spy ``--format raw`` output (collapsed stacks, one per line with a sample count):
    samples per thread, and per thread the functions with the most samples on top of the
    stack (self) and anywhere in it (inclusive), in % of that thread's samples.

python benchmarks/profile_report.py trace DIR [--top 25]
    the tracemalloc snapshots of ``peers_bench.py --chinwag-trace``: the traced Python heap
    at each point by package and by line, and what grew between the first snapshot (idle)
    and each later one (what a flood leaves behind), by allocating line with its callers.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tracemalloc
from collections import Counter
from pathlib import Path
from typing import Any

_FRAME = re.compile(r"^(?P<func>.*?) \((?P<file>[^()]*?)(?::(?P<line>\d+))?\)$")


def _short(frame: str) -> str:
    """``func (path/to/file.py:12)`` → ``func (file.py)``, native frames left as they are."""
    match = _FRAME.match(frame.strip())
    if not match:
        return frame.strip()
    path = match["file"]
    for marker in ("site-packages/", "/perf-bench/", "/main/", "lib/python3.11/"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    return f"{match['func']} ({path})"


def spy_report(path: Path, top: int) -> dict[str, Any]:
    threads: Counter[str] = Counter()
    own: dict[str, Counter[str]] = {}
    inclusive: dict[str, Counter[str]] = {}
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        frames = stack.split(";")
        thread = frames[0] if frames[0].startswith(("thread", "process")) else "?"
        if frames and frames[0].startswith("process"):
            frames = frames[1:]
            thread = frames[0] if frames and frames[0].startswith("thread") else thread
        body = [_short(f) for f in frames if not f.startswith(("thread", "process"))]
        threads[thread] += n
        if body:
            own.setdefault(thread, Counter())[body[-1]] += n
            for name in set(body):
                inclusive.setdefault(thread, Counter())[name] += n
    total = sum(threads.values()) or 1
    report: dict[str, Any] = {"samples": total, "threads": {}}
    for thread, n in threads.most_common():
        report["threads"][thread] = {
            "share_of_samples_pct": round(100 * n / total, 1),
            "self_pct": {
                k: round(100 * v / n, 1) for k, v in own.get(thread, Counter()).most_common(top)
            },
            "inclusive_pct": {
                k: round(100 * v / n, 1)
                for k, v in inclusive.get(thread, Counter()).most_common(top)
            },
        }
    return report


def _package(filename: str) -> str:
    if "site-packages/" in filename:
        return filename.split("site-packages/", 1)[1].split("/", 1)[0]
    for marker in ("/perf-bench/", "/main/"):
        if marker in filename:
            return filename.split(marker, 1)[1].split("/", 1)[0]
    return "stdlib:" + Path(filename).stem


def trace_report(directory: Path, top: int) -> dict[str, Any]:
    snaps = sorted(directory.glob("snap-*.pickle"), key=lambda p: int(p.stem.split("-")[1]))
    if not snaps:
        raise SystemExit(f"no snapshots in {directory}")
    loaded = [tracemalloc.Snapshot.load(str(p)) for p in snaps]
    labels = []
    for p in snaps:
        label = directory / f"label-{p.stem.split('-')[1]}"
        labels.append(label.read_text() if label.exists() else p.stem)
    report: dict[str, Any] = {"snapshots": {}}
    for label, snap in zip(labels, loaded, strict=True):
        stats = snap.statistics("filename")
        by_package: Counter[str] = Counter()
        for stat in stats:
            by_package[_package(stat.traceback[0].filename)] += stat.size
        report["snapshots"][label] = {
            "traced_mb": round(sum(s.size for s in stats) / 2**20, 1),
            "by_package_mb": {k: round(v / 2**20, 2) for k, v in by_package.most_common(top)},
            "top_lines": [
                {"mb": round(s.size / 2**20, 2), "blocks": s.count, "at": str(s.traceback[0])}
                for s in snap.statistics("lineno")[:top]
            ],
        }
        modules = directory / f"modules-{snaps[labels.index(label)].stem.split('-')[1]}.json"
        if modules.exists():
            names = json.loads(modules.read_text())
            report["snapshots"][label]["modules"] = len(names)
            report["snapshots"][label]["top_level_packages"] = sorted(
                {n.split(".", 1)[0] for n in names if not n.startswith("_")}
            )
    restarted = (directory / "restarted-after-1").exists()
    base = loaded[0]
    for label, snap in zip(labels[1:], loaded[1:], strict=True):
        # after a restart a snapshot holds only what was allocated since the first one
        grown = (
            [(s.size, s.count, s.traceback) for s in snap.statistics("traceback")]
            if restarted
            else [
                (d.size_diff, d.count_diff, d.traceback)
                for d in snap.compare_to(base, "traceback")
                if d.size_diff > 0
            ]
        )
        grown.sort(key=lambda d: -d[0])
        report[f"grown_since_{labels[0]}_to_{label}"] = {
            "total_mb": round(sum(d[0] for d in grown) / 2**20, 1),
            "top": [
                # most recent call first: where it was allocated, then its callers
                {
                    "mb": round(size / 2**20, 2),
                    "blocks": count,
                    "stack": [str(f) for f in tb][::-1][:10],
                }
                for size, count, tb in grown[:top]
            ],
        }
    return report


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("kind", choices=("spy", "trace"))
    parser.add_argument("path", type=Path)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    report = (spy_report if args.kind == "spy" else trace_report)(args.path, args.top)
    json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
