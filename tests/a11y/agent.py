"""The tests' side of :mod:`tests.a11y.atspi_agent`: start it under the system Python, send it
requests, read its answers; plus what the tests ask of the tree (interactive objects, the focused
one, dialogs)."""

from __future__ import annotations

import json
import subprocess
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SYSTEM_PYTHON = "/usr/bin/python3"
AGENT = Path(__file__).with_name("atspi_agent.py")

INTERACTIVE_ROLES = frozenset(
    {
        "push button",
        "toggle button",
        "check box",
        "radio button",
        "combo box",
        "text",
        "password text",
        "entry",
        "spin button",
        "slider",
        "list",
        "tree",
        "tree table",
        "table",
        "page tab",
        "link",
    }
)


@dataclass(frozen=True)
class Node:
    role: str
    name: str
    description: str
    states: frozenset[str]
    path: tuple[int, ...]
    container: tuple[str, str] | None = None  # an item's list (role, name)

    @classmethod
    def of(cls, raw: Mapping[str, Any]) -> Node:
        container = raw.get("container")
        return cls(
            raw["role"],
            raw["name"],
            raw["description"],
            frozenset(raw["states"]),
            tuple(raw.get("path", ())),
            tuple(container) if container else None,  # type: ignore[arg-type]
        )

    @property
    def showing(self) -> bool:
        return "showing" in self.states

    @property
    def focusable(self) -> bool:
        return "focusable" in self.states and "enabled" in self.states

    @property
    def interactive(self) -> bool:
        return self.role in INTERACTIVE_ROLES and self.showing and self.focusable


class Agent:
    """One running agent process; its requests are answered in order."""

    def __init__(self, env: Mapping[str, str], log: Path) -> None:
        self._log = log.open("ab")
        self.proc = subprocess.Popen(
            [SYSTEM_PYTHON, str(AGENT)],
            env=dict(env),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            start_new_session=True,
        )
        self._ids = 0
        self._lock = threading.Lock()
        first = self._read(60)
        assert first.get("result") == "ready", first

    def _read(self, timeout: float) -> dict[str, Any]:
        assert self.proc.stdout is not None
        result: list[bytes] = []
        reader = threading.Thread(target=lambda: result.append(self.proc.stdout.readline()))  # type: ignore[union-attr]
        reader.start()
        reader.join(timeout)
        if not result or not result[0]:
            raise AssertionError(f"the AT-SPI agent did not answer within {timeout} s")
        answer: dict[str, Any] = json.loads(result[0])
        return answer

    def call(self, cmd: str, timeout: float = 60.0, **args: Any) -> Any:
        with self._lock:
            self._ids += 1
            request = {"id": self._ids, "cmd": cmd, **args}
            assert self.proc.stdin is not None
            self.proc.stdin.write(json.dumps(request).encode() + b"\n")
            self.proc.stdin.flush()
            answer = self._read(timeout)
        if not answer.get("ok"):
            raise AssertionError(f"agent {cmd}: {answer.get('error')}\n{answer.get('trace')}")
        return answer["result"]

    # -- convenience ------------------------------------------------------------------------

    def tree(self, app: str, window: int | None = None) -> list[Node]:
        """Every node of ``app`` (or of its top-level window number ``window``)."""
        return [Node.of(raw) for raw in self.call("tree", name=app, window=window)]

    def windows(self, app: str) -> list[Node]:
        return [Node.of(raw) for raw in self.call("windows", name=app)]

    def focus(self) -> Node | None:
        """The object of the last "focused" event, as it is now (what a screen reader follows)."""
        raw = self.call("focus")
        return None if raw is None else Node.of(raw)

    def keys(self, *combos: str, gap: float = 0.08) -> None:
        self.call("keys", keys=list(combos), gap=gap)

    def type(self, text: str) -> None:
        self.call("type", text=text)

    def mark(self) -> int:
        return int(self.call("mark"))

    def events(self, since: int = 0) -> list[dict[str, Any]]:
        return list(self.call("events", since=since))

    def wait_event(
        self,
        predicate: Callable[[dict[str, Any]], bool],
        since: int,
        what: str,
        timeout: float = 20,
    ) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            for event in self.events(since):
                if predicate(event):
                    return event
            if time.monotonic() > deadline:
                seen = "\n".join(
                    f"{e['type']} {e.get('role')} {e.get('name')!r}"
                    for e in self.events(since)[-25:]
                )
                raise AssertionError(f"no {what} within {timeout} s; events:\n{seen}")
            time.sleep(0.1)

    def focus_events(self, since: int) -> list[dict[str, Any]]:
        return [
            e
            for e in self.events(since)
            if e["type"] == "object:state-changed:focused" and e["detail1"] == 1
        ]

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)
        self._log.close()
