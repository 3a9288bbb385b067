"""enum census: which enums the app makes before its main window is ready, what touched them, and
what they cost.

PySide6 (6.11) makes every Qt enum as a Python ``enum`` class through ``enum.EnumType._create_``,
all the enums of a Qt class at once, when the class is first touched. This starts the real app
(``python -m app``, offscreen) on the 5-account profile of ``start_bench.py`` with that method
timed (the creating thread's CPU time, so other threads' turns at the GIL are not counted) and
each call attributed to the innermost line of our own code (``app/``, ``ui/``, ``backends/``)
above it, and prints JSON once the window logs "main window ready". What is timed is the path
the app takes: ``ui.fast_enums`` (installed first), or ``enum``'s own with
``CHINWAG_PLAIN_ENUMS=1``. Investigation only: one
start, figures not comparable with ``start_bench.py`` (the wrapper costs a little per enum).

    python benchmarks/enum_census.py [--dir PROFILE] [--top 25]
"""

from __future__ import annotations

import argparse
import collections
import enum
import json
import logging
import os
import runpy
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
READY = "main window ready"
OURS = tuple(str(ROOT / part) + os.sep for part in ("app", "ui", "backends"))


def _trigger() -> str:
    """The innermost line of our code on the stack (or the innermost outside ``enum``)."""
    frame = sys._getframe(2)
    fallback = ""
    while frame is not None:
        name = frame.f_code.co_filename
        if name.startswith(OURS):
            return f"{os.path.relpath(name, ROOT)}:{frame.f_lineno}"
        if not fallback and not name.endswith(os.sep + "enum.py"):
            fallback = f"{name}:{frame.f_lineno}"
        frame = frame.f_back
    return fallback or "?"


def child(out: Path) -> None:
    """Run the app with ``EnumType._create_`` wrapped; write the census at "ready"."""
    made: list[dict[str, Any]] = []
    sys.path.insert(0, str(ROOT))
    from ui import fast_enums  # its faster path (unless CHINWAG_PLAIN_ENUMS) is what is timed

    fast_enums.install()
    create = enum.EnumType._create_
    depth = [0]

    def timed(cls: Any, class_name: str, names: Any, *args: Any, **kwargs: Any) -> Any:
        depth[0] += 1
        started = time.thread_time()
        try:
            result = create(cls, class_name, names, *args, **kwargs)
        finally:
            depth[0] -= 1
        cpu = time.thread_time() - started
        if depth[0] == 0:
            # shiboken sets the enum's module and qualname (its Qt class) after this returns
            made.append(
                {
                    "enum": result,
                    "members": len(result.__members__),
                    "cpu_ms": cpu * 1000,
                    "trigger": _trigger(),
                }
            )
        return result

    enum.EnumType._create_ = timed  # type: ignore[method-assign]
    log = logging.Logger._log

    def watch(self: logging.Logger, level: int, msg: object, *args: Any, **kwargs: Any) -> None:
        if isinstance(msg, str) and msg.startswith(READY) and not out.exists():
            cpu = time.process_time()
            for item in made:
                item["enum"] = f"{item['enum'].__module__}.{item['enum'].__qualname__}"
            out.write_text(json.dumps({"cpu_s": cpu, "enums": made}))
        log(self, level, msg, *args, **kwargs)

    logging.Logger._log = watch  # type: ignore[method-assign]
    sys.argv = ["chinwag", *sys.argv[1:]]
    runpy.run_module("app", run_name="__main__", alter_sys=True)


def census(profile: Path, timeout: float = 60.0) -> dict[str, Any]:
    """One start of the app on ``profile``; the enums it made before "ready"."""
    with tempfile.TemporaryDirectory(prefix="chinwag-enums-") as tmp:
        out = Path(tmp) / "census.json"
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as start_bench.py: byte-compiled, caches kept
        env["CHINWAG_ENUM_CENSUS"] = str(out)
        proc = subprocess.Popen(
            [sys.executable, __file__, "--profile", str(profile)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=ROOT,
        )
        started = time.monotonic()
        try:
            while not out.exists():
                if proc.poll() is not None:
                    raise RuntimeError(f"the app exited with {proc.returncode} before ready")
                if time.monotonic() - started > timeout:
                    raise TimeoutError("the app did not become ready")
                time.sleep(0.05)
            time.sleep(0.05)  # the file is written in one call; let it be closed
            data: dict[str, Any] = json.loads(out.read_text())
        finally:
            from benchmarks.procfs import stop_process

            stop_process(proc)
    return data


def summary(data: dict[str, Any], top: int) -> dict[str, Any]:
    made = data["enums"]
    triggers: dict[str, dict[str, Any]] = collections.defaultdict(
        lambda: {"enums": 0, "members": 0, "cpu_ms": 0.0, "classes": set()}
    )
    for item in made:
        group = triggers[item["trigger"]]
        group["enums"] += 1
        group["members"] += item["members"]
        group["cpu_ms"] += item["cpu_ms"]
        group["classes"].add(item["enum"].rsplit(".", 1)[0])
    return {
        "benchmark": "enum_census",
        "process_cpu_at_ready_s": round(data["cpu_s"], 3),
        "enums": len(made),
        "members": sum(item["members"] for item in made),
        "enum_cpu_ms": round(sum(item["cpu_ms"] for item in made), 1),
        "largest": [
            {**item, "cpu_ms": round(item["cpu_ms"], 2)}
            for item in sorted(made, key=lambda item: -item["cpu_ms"])[:top]
        ],
        "by_trigger": [
            {
                "trigger": trigger,
                "enums": group["enums"],
                "members": group["members"],
                "cpu_ms": round(group["cpu_ms"], 1),
                "classes": sorted(group["classes"])[:12],
            }
            for trigger, group in sorted(triggers.items(), key=lambda kv: -kv[1]["cpu_ms"])
        ][:top],
    }


def main() -> int:
    if "CHINWAG_ENUM_CENSUS" in os.environ:
        child(Path(os.environ.pop("CHINWAG_ENUM_CENSUS")))
        return 0
    sys.path.insert(0, str(ROOT))
    from benchmarks.profile_gen import build_profile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--dir", type=Path, help="keep/reuse the generated profile here")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="chinwag-start-") as tmp:
        profile = args.dir or Path(tmp)
        build_profile(profile, 5, args.messages)
        print(json.dumps(summary(census(profile), args.top), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
