"""Building IRC backends for tests: settings for each server, a recording context, cleanup."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import facts as f
from app.backend import ConnectResult
from backends.irc import IrcBackend
from chinwag.testing import RecordingContext
from tests.integration.irc.peer import unique_nick
from tests.integration.irc.servers import PASSWORD, IrcServer

_accounts = itertools.count(1)


class FastIrcBackend(IrcBackend):
    """The backend with a livelier pace for tests (the defaults suit real networks)."""

    send_burst = 20
    send_rate = 50.0
    motd_grace = 3.0
    nickserv_timeout = 5.0
    command_timeout = 10.0
    tls_handshake_timeout = 3.0


def settings_for(server: IrcServer, nick: str | None = None, **extra: Any) -> dict[str, Any]:
    """Working settings for ``server``: TLS with its CA on InspIRCd, plain text on ngIRCd."""
    settings: dict[str, Any] = {"server": server.host, "nick": nick or unique_nick("cw")}
    if server.tls_port is not None and server.tls is not None:
        settings.update(port=server.tls_port, ca_file=str(server.tls.ca_cert))
    else:
        settings.update(port=server.port, plain_text=True)
    settings.update(extra)
    return settings


@dataclass
class Made:
    backend: IrcBackend
    rec: RecordingContext

    @property
    def facts(self) -> list[f.Fact]:
        return self.rec.facts

    def of(self, kind: type[Any]) -> list[Any]:
        return [x for x in self.rec.facts if isinstance(x, kind)]

    async def wait(self, predicate: Callable[[Any], bool], timeout: float = 60.0) -> Any:
        return await self.rec.wait_for(predicate, timeout)

    def mark(self) -> int:
        """A position in the facts, for :meth:`wait_fact` ``after``: only what came later."""
        return len(self.rec.facts)

    async def wait_fact(
        self,
        kind: type[Any],
        predicate: Callable[[Any], bool] = lambda x: True,
        timeout: float = 60.0,
        *,
        after: int = 0,
    ) -> Any:
        return await self.rec.wait_for(
            lambda x: isinstance(x, kind) and predicate(x), timeout, since=after
        )


@dataclass
class BackendFactory:
    root: Path
    made: list[Made] = field(default_factory=list)

    def new(
        self,
        settings: dict[str, Any],
        secrets: dict[str, str] | None = None,
        cls: type[IrcBackend] = FastIrcBackend,
        state: dict[str, str] | None = None,
    ) -> Made:
        n = next(_accounts)
        rec = RecordingContext(f"irc{n}", settings, dict(secrets or {}), self.root / f"files{n}")
        ctx = rec.build(asyncio.get_running_loop())
        if state:
            ctx.state.values.update(state)  # type: ignore[attr-defined]
        made = Made(cls(ctx), rec)
        self.made.append(made)
        return made

    async def connected(
        self,
        server: IrcServer,
        *,
        nick: str | None = None,
        secrets: dict[str, str] | None = None,
        cls: type[IrcBackend] = FastIrcBackend,
        **extra: Any,
    ) -> Made:
        made = self.new(settings_for(server, nick, **extra), secrets, cls)
        result = await made.backend.connect()
        assert result.ok, result.failure
        return made

    async def attempt(
        self,
        settings: dict[str, Any],
        secrets: dict[str, str] | None = None,
        cls: type[IrcBackend] = FastIrcBackend,
    ) -> ConnectResult:
        made = self.new(settings, secrets, cls)
        try:
            return await asyncio.wait_for(made.backend.connect(), 40)
        finally:
            await made.backend.disconnect()

    async def close_all(self) -> None:
        for made in self.made:
            await made.backend.disconnect()


def make_factory(root: Path) -> BackendFactory:
    return BackendFactory(root)


def with_password(account: str = "chinwag") -> tuple[dict[str, str], dict[str, str]]:
    """(extra settings, secrets) that sign in to a pre-registered services account."""
    return {"account": account}, {"password": PASSWORD}
