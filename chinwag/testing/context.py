"""A backend context without a core: in-memory state and secrets, and facts recorded in order."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import tempfile
import threading
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from app.api import BackendContext, Fact, MessagesReceived, StateKept
from chinwag.testing.waiting import wait_until

T = TypeVar("T")


class MemorySecrets:
    """The keyring, as a dict (``values`` is inspectable)."""

    def __init__(self, values: Mapping[str, str] | None = None) -> None:
        self.values: dict[str, str] = dict(values or {})

    async def get(self, key: str) -> str | None:
        return self.values.get(key)

    async def set(self, key: str, value: str) -> None:
        self.values[key] = value

    async def delete(self, key: str) -> None:
        self.values.pop(key, None)


class MemorySecretStore:
    """Chinwag's keyring for all accounts (the core's ``SecretStore``), as a dict keyed by
    (account, key): to run a plugin under Chinwag's real core without the system keyring."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str] = {}

    def check(self) -> object:
        return self

    def get(self, account_id: str, key: str) -> str | None:
        return self.values.get((account_id, key))

    def set(self, account_id: str, key: str, value: str) -> None:
        self.values[(account_id, key)] = value

    def delete(self, account_id: str, key: str) -> None:
        self.values.pop((account_id, key), None)


class FileSecretStore(MemorySecretStore):
    """A :class:`MemorySecretStore` also kept in one JSON file (mode 0600), rewritten atomically
    and synced on every change: a stand-in for the keyring when the app runs more than once on
    one profile (a benchmark's restart, a fault test's SIGKILL), which the keyring survives too.
    Tests and benchmarks only: the app never keeps a secret in a file."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._lock = threading.Lock()  # the core's loop and a test's thread may both write
        raw = json.loads(path.read_text()) if path.exists() else []
        self.values.update({(a, k): v for a, k, v in raw})

    def get(self, account_id: str, key: str) -> str | None:
        with self._lock:
            return super().get(account_id, key)

    def set(self, account_id: str, key: str, value: str) -> None:
        with self._lock:
            super().set(account_id, key, value)
            self._save()

    def delete(self, account_id: str, key: str) -> None:
        with self._lock:
            super().delete(account_id, key)
            self._save()

    def _save(self) -> None:
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".secrets")  # mode 0600
        with os.fdopen(fd, "w") as out:
            json.dump([[a, k, v] for (a, k), v in self.values.items()], out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, self.path)


class MemoryState:
    """The per-account state the core keeps for a backend (sync tokens, positions), as a dict."""

    def __init__(self, values: Mapping[str, str] | None = None) -> None:
        self.values: dict[str, str] = dict(values or {})

    async def get(self, key: str) -> str | None:
        return self.values.get(key)

    async def set(self, key: str, value: str | None) -> None:
        self.keep(key, value)

    def keep(self, key: str, value: str | None) -> None:
        if value is None:
            self.values.pop(key, None)
        else:
            self.values[key] = value


@dataclass
class RecordingContext:
    """Settings, secrets and state for one account; :meth:`build` makes the backend's context.

    Every reported fact is checked to be a :class:`~app.api.Fact` and kept in ``facts``, in the
    order reported (from the loop or, through ``report_threadsafe``, from another thread). A
    :class:`~app.api.MessagesReceived` is kept there as the ``MessageReceived`` of each of its
    messages (what it stands for), so a test finds a message the same way however its backend
    reported it; the batches themselves are also kept in ``batches``.
    """

    account_id: str
    settings: dict[str, str | int | bool]
    secrets: dict[str, str]
    data_dir: Path
    facts: list[Fact] = field(default_factory=list)
    batches: list[MessagesReceived] = field(default_factory=list)
    state: MemoryState = field(default_factory=MemoryState)
    probe: bool = False

    def build(self, loop: asyncio.AbstractEventLoop | None = None) -> BackendContext:
        loop = loop or asyncio.get_running_loop()

        def report(fact: Fact) -> None:
            assert isinstance(fact, Fact), f"not a fact: {fact!r}"
            if isinstance(fact, StateKept):  # what the core does with it: keep the value
                self.state.keep(fact.key, fact.value)
            if isinstance(fact, MessagesReceived):
                self.batches.append(fact)
                self.facts.extend(fact.each())
                return
            self.facts.append(fact)

        def report_threadsafe(fact: Fact) -> None:
            loop.call_soon_threadsafe(report, fact)

        self.data_dir.mkdir(parents=True, exist_ok=True)
        return BackendContext(
            account_id=self.account_id,
            settings=self.settings,
            secrets=MemorySecrets(self.secrets),
            state=self.state,
            report=report,
            report_threadsafe=report_threadsafe,
            logger=logging.LoggerAdapter(
                logging.getLogger("chinwag.testing"), {"account": self.account_id}
            ),
            data_dir=self.data_dir,
            probe=self.probe,
        )

    def mark(self) -> int:
        """A position in ``facts``: pass it to :meth:`wait_for` to look only at later facts."""
        return len(self.facts)

    async def wait_for(
        self, predicate: Callable[[Fact], object], timeout: float = 60.0, *, since: int = 0
    ) -> Fact:
        """The first fact (from ``since`` on) matching ``predicate``, waiting for it to come."""

        def found() -> Fact | None:
            return next((x for x in self.facts[since:] if predicate(x)), None)

        return await wait_until(
            found,
            timeout,
            what=lambda: f"a matching fact; got {[type(x).__name__ for x in self.facts]}",
        )

    def of_type(self, kind: type[T], since: int = 0) -> list[T]:
        return [x for x in self.facts[since:] if isinstance(x, kind)]


async def settle(awaitable: Awaitable[T], timeout: float = 60.0) -> T:
    """``awaitable`` with a deadline, so a backend that hangs fails the test instead."""
    return await asyncio.wait_for(awaitable, timeout)
