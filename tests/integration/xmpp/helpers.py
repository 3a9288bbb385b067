"""Building blocks for the XMPP integration tests: a backend on a recording context, waits."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from app import facts as f
from app.backend import BackendContext
from backends.xmpp import XmppBackend
from chinwag.testing import RecordingContext
from tests.integration.xmpp.server import Account, ProsodyServer

F = TypeVar("F", bound=f.Fact)
_ids = itertools.count(1)


@dataclass
class Connected:
    """Our backend, signed in, with everything it reported."""

    backend: XmppBackend
    rec: RecordingContext
    ctx: BackendContext
    account: Account

    @property
    def facts(self) -> list[f.Fact]:
        return self.rec.facts

    def of(self, kind: type[F]) -> list[F]:
        return [x for x in self.rec.facts if isinstance(x, kind)]

    async def wait(
        self, kind: type[F], predicate: Callable[[F], bool] = lambda _x: True, timeout: float = 60.0
    ) -> F:
        fact = await self.rec.wait_for(
            lambda x: isinstance(x, kind) and predicate(x), timeout=timeout
        )
        assert isinstance(fact, kind)
        return fact


def recording(
    server: ProsodyServer, account: Account, tmp_path: Path, **overrides: str | int | bool
) -> tuple[RecordingContext, BackendContext]:
    rec = RecordingContext(
        f"xmpp{next(_ids)}",
        server.settings(account, **overrides),
        {"password": account.password},
        tmp_path / f"files{next(_ids)}",
    )
    return rec, rec.build(asyncio.get_running_loop())


async def connect(
    server: ProsodyServer, account: Account, tmp_path: Path, **overrides: str | int | bool
) -> Connected:
    rec, ctx = recording(server, account, tmp_path, **overrides)
    backend = XmppBackend(ctx)
    result = await backend.connect()
    assert result.ok, result.failure
    return Connected(backend, rec, ctx, account)


async def reconnect(old: Connected) -> Connected:
    """A new backend instance on the same account state, as the core makes after a loss."""
    backend = XmppBackend(old.ctx)
    result = await backend.connect()
    assert result.ok, result.failure
    return Connected(backend, old.rec, old.ctx, old.account)
