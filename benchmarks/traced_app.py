"""Investigation only: ``python -m app`` with hooks: heap snapshots (SIGUSR1), malloc_trim (SIGUSR2).

    CHINWAG_TRACE_DIR=DIR python benchmarks/traced_app.py --profile P

SIGUSR2 runs a garbage collection and glibc's ``malloc_trim(0)`` and writes ``DIR/trim-N.json``
with the RSS before and after: memory that comes back is memory the allocator kept although the
program had freed it; memory that stays is still in use. ``CHINWAG_TRACE_HEAP=0`` leaves
tracemalloc off (then the app runs at full speed and only SIGUSR2 is useful).
``CHINWAG_TRACE_PATCH="pkg.module.NAME=123"`` sets a module constant before the app starts, to test
a hypothesis (e.g. a cache size) without editing the app.

Each SIGUSR1 writes ``DIR/snap-N.pickle`` (a :class:`tracemalloc.Snapshot`) and
``DIR/modules-N.json`` (the imported modules). Tracing starts one frame deep (deeper tracing of
PySide6's thousands of enum classes at import takes minutes); after the first snapshot (taken
idle) it restarts ``CHINWAG_TRACE_DEEP_FRAMES`` (15) deep, so later snapshots hold only what was
allocated since then and is still alive, with its callers: what a flood leaves behind. The app's
own SIGTERM handling wakes its event loop for every signal, so the handler runs promptly.
``peers_bench.py --chinwag-trace DIR`` uses it; tracemalloc slows the app and inflates its memory,
so figures of a traced run are not comparable.
"""

from __future__ import annotations

import json
import os
import runpy
import signal
import sys
import tracemalloc
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    out = Path(os.environ["CHINWAG_TRACE_DIR"])
    out.mkdir(parents=True, exist_ok=True)
    heap = os.environ.get("CHINWAG_TRACE_HEAP", "1") != "0"
    if heap:
        tracemalloc.start(1)
    count = [0]
    trims = [0]

    def trim(_signum: int, _frame: FrameType | None) -> None:
        import ctypes
        import gc

        trims[0] += 1
        before = _rss_kb()
        gc.collect()
        ctypes.CDLL(None).malloc_trim(0)
        result = {
            "rss_before_mb": round(before / 1024, 1),
            "rss_after_mb": round(_rss_kb() / 1024, 1),
        }
        (out / f"trim-{trims[0]}.json").write_text(json.dumps(result))

    signal.signal(signal.SIGUSR2, trim)

    def dump(_signum: int, _frame: FrameType | None) -> None:
        count[0] += 1
        tracemalloc.take_snapshot().dump(str(out / f"snap-{count[0]}.pickle"))
        (out / f"modules-{count[0]}.json").write_text(json.dumps(sorted(sys.modules)))
        if count[0] == 1:
            tracemalloc.stop()
            tracemalloc.start(int(os.environ.get("CHINWAG_TRACE_DEEP_FRAMES", "15")))
            (out / "restarted-after-1").touch()
        (out / f"done-{count[0]}").touch()

    if heap:
        signal.signal(signal.SIGUSR1, dump)
    sys.path.insert(0, str(ROOT))
    for patch in filter(None, os.environ.get("CHINWAG_TRACE_PATCH", "").split(",")):
        import importlib

        target, _, value = patch.partition("=")
        module, _, name = target.rpartition(".")
        setattr(importlib.import_module(module), name, json.loads(value))
    sys.argv = ["chinwag", *sys.argv[1:]]
    runpy.run_module("app", run_name="__main__", alter_sys=True)


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


if __name__ == "__main__":
    main()
