"""Process-tree figures from ``/proc`` for the peer and scale benchmarks.

A peer client is measured as the tree under its launcher (HexChat forks helpers, WeeChat none,
Chinwag one process with threads): CPU is utime+stime (+ reaped children) of every process in
the tree, memory the summed VmRSS with its anonymous/file/shmem split. Processes started for a
run carry a tag in their environment, so daemons that re-parent to init (a dbus-daemon, a
gnome-keyring) are found and stopped by pid, never by name.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Iterable

CLOCK_TICK = os.sysconf("SC_CLK_TCK")
TAG_VAR = "CHINWAG_BENCH_TAG"
RSS_KEYS = ("VmRSS", "RssAnon", "RssFile", "RssShmem")


def _stat(pid: int) -> tuple[str, str, int, int] | None:
    """(comm, state, ppid, cpu ticks incl. reaped children) of a process, None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            text = f.read()
    except OSError:
        return None
    end = text.rindex(")")
    comm = text[text.index("(") + 1 : end]
    fields = text[end + 2 :].split()
    ticks = int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])
    return comm, fields[0], int(fields[1]), ticks


def all_pids() -> list[int]:
    return [int(p) for p in os.listdir("/proc") if p.isdigit()]


def comm_of(pid: int) -> str | None:
    st = _stat(pid)
    return st[0] if st else None


def alive(pid: int) -> bool:
    st = _stat(pid)
    return st is not None and st[1] != "Z"


def descendants(root: int) -> list[int]:
    """``root`` and every process below it."""
    children: dict[int, list[int]] = {}
    for pid in all_pids():
        st = _stat(pid)
        if st:
            children.setdefault(st[2], []).append(pid)
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def tree_cpu(pids: Iterable[int]) -> float:
    """CPU seconds (user + system, with reaped children) of the given processes."""
    ticks = 0
    for pid in pids:
        st = _stat(pid)
        if st:
            ticks += st[3]
    return ticks / CLOCK_TICK


def tree_rss(pids: Iterable[int]) -> dict[str, int]:
    """VmRSS, RssAnon, RssFile, RssShmem in kB, summed over the processes."""
    total = dict.fromkeys(RSS_KEYS, 0)
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    key = line.split(":", 1)[0]
                    if key in total:
                        total[key] += int(line.split()[1])
        except OSError:
            pass
    return total


def rss_figures(parts: dict[str, int], prefix: str) -> dict[str, float]:
    """``{prefix}_mb`` (VmRSS) and ``{prefix}_anon_mb`` / ``_file_mb`` in MB."""
    return {
        f"{prefix}_mb": round(parts["VmRSS"] / 1024, 1),
        f"{prefix}_anon_mb": round(parts["RssAnon"] / 1024, 1),
        f"{prefix}_file_mb": round(parts["RssFile"] / 1024, 1),
    }


def private_mb(pid: int) -> float | None:
    """USS: the process's private pages (what quitting it would free), from smaps_rollup."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            kb = sum(
                int(line.split()[1])
                for line in f
                if line.startswith(("Private_Clean:", "Private_Dirty:"))
            )
    except OSError:
        return None
    return round(kb / 1024, 1)


def tagged_pids(tag: str) -> list[int]:
    """Processes whose environment carries ``TAG_VAR=tag`` (this process excluded)."""
    needle = f"{TAG_VAR}={tag}".encode()
    found = []
    for pid in all_pids():
        if pid == os.getpid():
            continue
        try:
            with open(f"/proc/{pid}/environ", "rb") as f:
                if needle in f.read().split(b"\0"):
                    found.append(pid)
        except OSError:
            pass
    return found


def kill_pids(pids: Iterable[int], grace: float = 5.0) -> list[int]:
    """SIGTERM each pid, SIGKILL what is left after ``grace`` s; returns the pids killed hard."""
    pids = [p for p in pids if p != os.getpid()]
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline and any(alive(p) for p in pids):
        time.sleep(0.05)
    survivors = [p for p in pids if alive(p)]
    for pid in survivors:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return survivors


def find_process(root: int, names: tuple[str, ...], timeout: float = 20.0) -> int:
    """The pid below ``root`` (itself included) whose comm is one of ``names``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for pid in descendants(root):
            if comm_of(pid) in names:
                return pid
        time.sleep(0.05)
    raise RuntimeError(f"no process named {names} under pid {root}")


def smaps_kinds(pid: int) -> dict[str, float]:
    """Resident MB by kind of mapping: the brk heap (glibc's main arena: the GUI thread's C and
    C++ allocations), anonymous mappings (other malloc arenas, Python's obmalloc arenas, big
    blocks), files (libraries, the database), stacks."""
    kinds = dict.fromkeys(("heap", "anon", "file", "stack", "other"), 0)
    kind = "other"
    try:
        with open(f"/proc/{pid}/smaps") as f:
            for line in f:
                first = line.split(maxsplit=6)
                if "-" in first[0] and len(first) >= 5 and not first[0].endswith(":"):
                    name = first[5].strip() if len(first) > 5 else ""
                    if name == "[heap]":
                        kind = "heap"
                    elif name.startswith("[stack"):
                        kind = "stack"
                    elif name.startswith("/"):
                        kind = "file"
                    elif not name:
                        kind = "anon"
                    else:
                        kind = "other"
                elif first[0] == "Rss:":
                    kinds[kind] += int(first[1])
    except OSError:
        return {}
    return {k: round(v / 1024, 1) for k, v in kinds.items()}


def smaps_top_files(pid: int, top: int = 12) -> dict[str, float]:
    """The mapped files with the most resident MB (libraries, databases), by file name."""
    sizes: dict[str, int] = {}
    name = ""
    try:
        with open(f"/proc/{pid}/smaps") as f:
            for line in f:
                first = line.split(maxsplit=6)
                if "-" in first[0] and len(first) >= 5 and not first[0].endswith(":"):
                    name = first[5].strip() if len(first) > 5 and first[5].startswith("/") else ""
                elif first[0] == "Rss:" and name:
                    base = name.rsplit("/", 1)[-1]
                    sizes[base] = sizes.get(base, 0) + int(first[1])
    except OSError:
        return {}
    ranked = sorted(sizes.items(), key=lambda kv: -kv[1])[:top]
    return {k: round(v / 1024, 1) for k, v in ranked}


def stop_process(proc: subprocess.Popen[bytes], timeout: float = 20.0) -> int | None:
    """SIGTERM (the app quits cleanly, as a person closing it), then SIGKILL after ``timeout``
    seconds; the exit status."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
    return proc.returncode
