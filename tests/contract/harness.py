"""What a backend needs to take part in the contract suite.

A harness connects the backend under test to its service (a real server on loopback for the
protocol backends, the fake server for the fake one) and plays the *other person*. To enter a new
backend, add a module under ``tests/contract/harnesses/`` with an ``open_harness`` function; plugin
authors can copy this folder and do the same.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from app import facts as f
from app.backend import Backend, BackendContext


class ContractHarness(Protocol):
    backend_class: type[Backend]

    def settings(self) -> tuple[dict[str, str | int | bool], dict[str, str]]:
        """Settings and secrets of a working account ("us")."""

    def with_wrong_password(self) -> tuple[dict[str, str | int | bool], dict[str, str]]: ...

    def unreachable(self) -> tuple[dict[str, str | int | bool], dict[str, str]]:
        """Settings pointing at a loopback port where nothing listens."""

    @property
    def peer_conversation(self) -> str:
        """The native id of the 1:1 conversation with the peer, as our backend names it."""

    async def peer_send(self, text: str) -> None:
        """The other person sends us ``text`` in a 1:1 conversation."""

    async def peer_wait_for(self, text: str, timeout: float = 60.0) -> None:
        """Wait until the other person has received ``text`` from us."""

    async def close(self) -> None: ...


class _Secrets:
    def __init__(self, values: dict[str, str]) -> None:
        self.values = dict(values)

    async def get(self, key: str) -> str | None:
        return self.values.get(key)

    async def set(self, key: str, value: str) -> None:
        self.values[key] = value

    async def delete(self, key: str) -> None:
        self.values.pop(key, None)


class _State:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

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
    """A backend context without a core: facts are recorded for assertions."""

    account_id: str
    settings: dict[str, str | int | bool]
    secrets: dict[str, str]
    data_dir: Path
    facts: list[f.Fact] = field(default_factory=list)

    def build(self, loop: asyncio.AbstractEventLoop) -> BackendContext:
        state = _State()

        def report(fact: f.Fact) -> None:
            assert isinstance(fact, f.Fact), f"not a fact: {fact!r}"
            if isinstance(fact, f.StateKept):  # what the core's dispatch does with it
                state.keep(fact.key, fact.value)
            self.facts.append(fact)

        def report_threadsafe(fact: f.Fact) -> None:
            loop.call_soon_threadsafe(report, fact)

        self.data_dir.mkdir(parents=True, exist_ok=True)
        return BackendContext(
            account_id=self.account_id,
            settings=self.settings,
            secrets=_Secrets(self.secrets),
            state=state,
            report=report,
            report_threadsafe=report_threadsafe,
            logger=logging.LoggerAdapter(
                logging.getLogger("contract"), {"account": self.account_id}
            ),
            data_dir=self.data_dir,
        )

    async def wait_for(self, predicate: Callable[[f.Fact], bool], timeout: float = 60.0) -> f.Fact:
        deadline = asyncio.get_running_loop().time() + timeout
        seen = 0
        while True:
            for fact in self.facts[seen:]:
                if predicate(fact):
                    return fact
            seen = len(self.facts)
            if asyncio.get_running_loop().time() > deadline:
                kinds = [type(x).__name__ for x in self.facts]
                raise AssertionError(f"no matching fact within {timeout} s; got {kinds}")
            await asyncio.sleep(0.02)
