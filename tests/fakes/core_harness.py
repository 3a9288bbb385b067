"""Helpers to run a real :class:`~app.core.Core` on the test's own event loop."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from app.backend import NetworkSettings
from app.backoff import Backoff
from app.core import Core, CoreContext
from app.events import Event
from app.paths import AppPaths
from app.registry import BackendRegistry, EntryPointLike
from app.secrets import SecretStore
from chinwag.testing import wait_until
from tests.fakes.fake_backend import FakeServer

E = TypeVar("E", bound=Event)


def make_core(
    root: Path,
    server: FakeServer,
    secrets: SecretStore,
    *,
    extra_classes: tuple[type, ...] = (),
    network: NetworkSettings | None = None,
    entry_points: Iterable[EntryPointLike] = (),
) -> Core:
    registry = BackendRegistry(
        entry_points=entry_points, classes=[server.backend_class(), *extra_classes]
    )
    ctx = CoreContext(
        paths=AppPaths.in_profile(root),
        registry=registry,
        secrets=secrets,
        backoff_factory=lambda: Backoff(base=0.02, cap=0.1, rng=random.Random(7)),
        connect_timeout=5.0,
        network=network or NetworkSettings(),
    )
    return Core(ctx)


class Recorder:
    """Collects every event the core publishes, for assertions."""

    def __init__(self, core: Core) -> None:
        self.events: list[Event] = []
        core.bus.subscribe(Event, self.events.append)

    def of(self, kind: type[E]) -> list[E]:
        return [e for e in self.events if isinstance(e, kind)]

    def clear(self) -> None:
        self.events.clear()


async def settle(core: Core, rounds: int = 5) -> None:
    """Let scheduled callbacks run and every reported fact reach the store and the bus."""
    for _ in range(rounds):
        await asyncio.sleep(0.005)
        await core.flushed()


async def wait_for(predicate: Callable[[], bool], timeout: float = 30.0) -> None:
    """The kit's :func:`chinwag.testing.wait_until`, with this module's deadline and pace."""
    await wait_until(predicate, timeout, interval=0.01, message="condition not met in time")


def files_containing(root: Path, needle: bytes) -> list[Path]:
    """The files under ``root`` (a profile: config, stores, logs) that hold ``needle``: a
    secret must be found in none of them."""
    found = []
    for path in root.rglob("*"):
        if path.is_file() and needle in path.read_bytes():
            found.append(path)
    return found
