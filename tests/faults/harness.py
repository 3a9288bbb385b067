"""What every fault test needs: the app in a child process it can SIGKILL, a read of the account
store from outside, and the tally of what arrived (sent, stored, lost, duplicated)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sqlite3
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
FIGURES_ENV = "CHINWAG_FAULT_FIGURES"
"""If set, every scenario appends its figures (one JSON object a line) to this file (scripts/soak)."""
SCALE_ENV = "CHINWAG_FAULT_SCALE"
"""A factor on the number of messages of every scenario (scripts/soak runs bigger ones; the
default keeps each scenario well under a minute on a loaded 2-core machine)."""


def scaled(count: int) -> int:
    """``count`` times the scale factor of this run (at least 1)."""
    try:
        factor = float(os.environ.get(SCALE_ENV, "1"))
    except ValueError:
        factor = 1.0
    return max(1, round(count * factor))


class AppProcess:
    """``python -m tests.faults.child PROFILE``: the core with real backends, killable."""

    def __init__(self, profile: Path, spec: dict[str, Any] | None = None) -> None:
        self.profile = profile
        profile.mkdir(parents=True, exist_ok=True)
        if spec is not None:
            (profile / "fault.json").write_text(json.dumps(spec))
        self.proc: asyncio.subprocess.Process | None = None
        self.events: list[dict[str, Any]] = []
        self.account_id = ""
        self._reader: asyncio.Task[None] | None = None
        self._ids = 0
        self.started_at = 0.0

    async def start(self) -> AppProcess:
        self.events = []
        stderr = (self.profile / "child.err").open("ab")
        self.started_at = time.monotonic()
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.faults.child",
            str(self.profile),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=stderr,
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            limit=2**20,
        )
        stderr.close()
        self._reader = asyncio.create_task(self._read(self.proc))
        ready = await self.wait_event(lambda e: e.get("event") == "ready", 60)
        self.account_id = str(ready["account"])
        return self

    async def _read(self, proc: asyncio.subprocess.Process) -> None:
        assert proc.stdout is not None
        while line := await proc.stdout.readline():
            with contextlib.suppress(ValueError):
                self.events.append(json.loads(line))

    async def wait_event(
        self, predicate: Callable[[dict[str, Any]], bool], timeout: float = 30.0, since: int = 0
    ) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            for event in self.events[since:]:
                if predicate(event):
                    return event
            if self.proc is not None and self.proc.returncode is not None:
                raise AssertionError(f"the app exited ({self.proc.returncode}): {self.err_tail()}")
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"no matching event from the app in {timeout} s; last: {self.events[-5:]}\n"
                    f"{self.err_tail()}"
                )
            await asyncio.sleep(0.02)

    async def connected(self, timeout: float = 60.0) -> float:
        """Seconds from the process start to its first CONNECTED state."""
        event = await self.wait_event(
            lambda e: e.get("event") == "state" and e.get("state") == "connected", timeout
        )
        return float(event["t"])

    def connected_count(self) -> int:
        return sum(
            1 for e in self.events if e.get("event") == "state" and e["state"] == "connected"
        )

    async def call(self, op: str, timeout: float = 60.0, **args: Any) -> Any:
        assert self.proc is not None and self.proc.stdin is not None
        self._ids += 1
        command_id = self._ids
        self.proc.stdin.write((json.dumps({"id": command_id, "op": op, **args}) + "\n").encode())
        await self.proc.stdin.drain()
        reply = await self.wait_event(
            lambda e: e.get("event") == "reply" and e.get("id") == command_id, timeout
        )
        if not reply["ok"]:
            raise AssertionError(f"{op} failed in the app: {reply['value']}")
        return reply["value"]

    async def kill(self) -> None:
        """SIGKILL: no clean-up runs, as when the machine's power goes or the OOM killer strikes."""
        proc = self.proc
        if proc is None or proc.returncode is not None:
            return
        os.kill(proc.pid, signal.SIGKILL)
        await proc.wait()
        await self._end_reader()

    async def stop(self, timeout: float = 30.0) -> None:
        proc = self.proc
        if proc is None:
            return
        if proc.returncode is None:
            assert proc.stdin is not None
            with contextlib.suppress(Exception):
                proc.stdin.write(b'{"op": "stop"}\n')
                await proc.stdin.drain()
            try:
                await asyncio.wait_for(proc.wait(), timeout)
            except TimeoutError:
                await self.kill()
        await self._end_reader()

    async def _end_reader(self) -> None:
        if self._reader is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._reader, 5)
            self._reader = None

    def err_tail(self, lines: int = 30) -> str:
        try:
            text = (self.profile / "child.err").read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    @property
    def store_path(self) -> Path:
        return self.profile / "data" / "accounts" / f"{self.account_id}.sqlite3"


@dataclass(frozen=True)
class StoredMessage:
    conversation: str
    body: str
    remote_id: str | None
    outgoing: bool
    delivery: str


def read_store(path: Path) -> list[StoredMessage]:
    """Every message in an account store, read from outside the app (the app may be running)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        rows = conn.execute(
            "SELECT c.native_id, m.body, m.remote_id, m.outgoing, m.delivery FROM messages m "
            "JOIN conversations c ON c.id = m.conversation ORDER BY m.seq"
        ).fetchall()
    except sqlite3.OperationalError:  # not created yet
        return []
    finally:
        conn.close()
    return [StoredMessage(r[0], r[1], r[2], bool(r[3]), r[4]) for r in rows]


def conversations(path: Path) -> list[str]:
    """Native ids of the conversations in an account store ([] before it exists)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    except sqlite3.OperationalError:
        return []
    try:
        return [str(r[0]) for r in conn.execute("SELECT native_id FROM conversations")]
    except sqlite3.OperationalError:
        return []
    finally:
        conn.close()


def outbox_size(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        return int(conn.execute("SELECT count(*) FROM outbox").fetchone()[0])
    finally:
        conn.close()


def read_state(path: Path, key: str) -> str | None:
    """A value the app keeps in the store's state table (a backend's is ``backend.<key>``)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        row = conn.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
    except sqlite3.OperationalError:
        return None
    finally:
        conn.close()
    return None if row is None else str(row[0])


def integrity_check(path: Path) -> str:
    """SQLite's own verdict on the file (run while the app is down, after a kill)."""
    conn = sqlite3.connect(path, timeout=30)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


async def poll(
    predicate: Callable[[], bool], timeout: float, what: str, interval: float = 0.1
) -> float:
    """Wait for a condition; returns the seconds it took. The deadline is generous on purpose."""
    start = time.monotonic()
    while not predicate():
        if time.monotonic() - start > timeout:
            raise AssertionError(f"{what}: not within {timeout} s")
        await asyncio.sleep(interval)
    return time.monotonic() - start


@dataclass
class Tally:
    """What one scenario counted: ``expected`` bodies against those seen at the other end."""

    scenario: str
    expected: list[str]
    seen: list[str] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)  # marked failed in the app ("may not have …")
    server_dropped: set[str] = field(default_factory=set)
    """Accepted by the server (in our own archive) but lost by it on the way to the peer: a server
    killed between writing our copy and the peer's. Counted apart: no client can see it."""
    extra: dict[str, Any] = field(default_factory=dict)

    def figures(self) -> dict[str, Any]:
        counts = Counter(self.seen)
        wanted = set(self.expected)
        missing = [b for b in self.expected if counts[b] == 0]
        return {
            "scenario": self.scenario,
            "sent": len(self.expected),
            "stored": sum(1 for b in wanted if counts[b] > 0),
            "lost": sum(1 for b in missing if b not in self.failed | self.server_dropped),
            "failed_visibly": sum(1 for b in missing if b in self.failed),
            "server_dropped": sum(1 for b in missing if b in self.server_dropped - self.failed),
            "duplicated": sum(c - 1 for b, c in counts.items() if b in wanted and c > 1),
            **self.extra,
        }

    def report(self) -> dict[str, Any]:
        figures = self.figures()
        line = json.dumps(figures)
        print(f"FAULT FIGURES {line}")
        target = os.environ.get(FIGURES_ENV)
        if target:
            with open(target, "a", encoding="utf-8") as out:
                out.write(line + "\n")
        return figures


def bodies(messages: Iterable[StoredMessage], prefix: str) -> list[str]:
    return [m.body for m in messages if m.body.startswith(prefix)]
