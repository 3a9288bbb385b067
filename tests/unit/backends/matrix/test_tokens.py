"""Refresh tokens: when to renew, one refresh for many callers, a refused refresh is a soft
logout that keeps the device, a new pair stored before it is used."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from app.backend import FailureKind
from backends.matrix.http import Reply
from backends.matrix.tokens import (
    SECRET_REFRESH,
    STATE_EXPIRES,
    TokenKeeper,
    parse_refresh,
    refresh_delay,
)
from chinwag.testing import MemorySecrets, MemoryState

LOG = logging.LoggerAdapter(logging.getLogger("tokens-test"), {})


class Server:
    def __init__(self, answers: list[Reply]) -> None:
        self.answers = answers
        self.calls: list[dict[str, Any]] = []
        self.gate = asyncio.Event()
        self.gate.set()

    async def post(self, path: str, body: dict[str, Any]) -> Reply:
        assert path == "/_matrix/client/v3/refresh"
        self.calls.append(body)
        await self.gate.wait()
        return self.answers.pop(0)


def keeper(
    server: Server, secrets: MemorySecrets, state: MemoryState, applied: list[str]
) -> TokenKeeper:
    return TokenKeeper(secrets, state, server.post, applied.append, LOG, clock=lambda: 1000.0)


def test_when_to_renew() -> None:
    assert refresh_delay(300_000) == 240.0  # 80 % of five minutes
    assert refresh_delay(3_000) == 2.0  # but a second before it expires
    assert refresh_delay(500) == 0.0
    assert refresh_delay(-5) == 0.0


def test_parse_refresh() -> None:
    assert parse_refresh({"access_token": "a", "refresh_token": "r", "expires_in_ms": 5}) == (
        "a",
        "r",
        5,
    )
    assert parse_refresh({"access_token": "a", "refresh_token": "r"}) == ("a", "r", None)
    assert parse_refresh({"access_token": "a"}) is None


async def test_a_refresh_stores_the_new_pair_then_uses_it() -> None:
    secrets, state, applied = (
        MemorySecrets({SECRET_REFRESH: "r1", "access_token": "a1"}),
        MemoryState(),
        [],
    )
    server = Server(
        [Reply(200, {"access_token": "a2", "refresh_token": "r2", "expires_in_ms": 60_000})]
    )
    tokens = keeper(server, secrets, state, applied)
    assert await tokens.refresh() is None
    assert server.calls == [{"refresh_token": "r1"}]
    assert secrets.values == {SECRET_REFRESH: "r2", "access_token": "a2"}
    assert state.values[STATE_EXPIRES] == str(1000 * 1000 + 60_000)
    assert applied == ["a2"] and tokens.refreshes == 1
    tokens.stop()


async def test_callers_at_once_share_one_refresh() -> None:
    secrets, state, applied = MemorySecrets({SECRET_REFRESH: "r1"}), MemoryState(), []
    server = Server([Reply(200, {"access_token": "a2", "refresh_token": "r2"})])
    server.gate.clear()
    tokens = keeper(server, secrets, state, applied)
    waiting = [asyncio.ensure_future(tokens.refresh()) for _ in range(5)]
    await asyncio.sleep(0.01)
    server.gate.set()
    assert await asyncio.gather(*waiting) == [None] * 5
    assert len(server.calls) == 1


async def test_a_refused_refresh_is_a_soft_logout_that_keeps_the_device() -> None:
    secrets = MemorySecrets({SECRET_REFRESH: "r1", "access_token": "a1", "device_id": "DEV"})
    server = Server([Reply(403, {"errcode": "M_FORBIDDEN", "error": "refresh token expired"})])
    tokens = keeper(server, secrets, MemoryState(), [])
    failure = await tokens.refresh()
    assert failure is not None and failure.kind is FailureKind.AUTH
    assert failure.detail == "soft_logout" and "sign in again" in failure.message
    assert tokens.soft_logged_out
    assert secrets.values == {"device_id": "DEV"}  # the device stays for the next sign-in


async def test_an_unreachable_server_is_not_a_logout() -> None:
    from app.backend import Failure

    secrets = MemorySecrets({SECRET_REFRESH: "r1"})
    down = Failure(FailureKind.NETWORK, "down", True)
    tokens = keeper(Server([Reply(0, transport=down)]), secrets, MemoryState(), [])
    assert await tokens.refresh() == down
    assert not tokens.soft_logged_out and secrets.values[SECRET_REFRESH] == "r1"


async def test_renewal_is_scheduled_from_the_stored_expiry() -> None:
    secrets = MemorySecrets({SECRET_REFRESH: "r1"})
    state = MemoryState({STATE_EXPIRES: str(1000 * 1000 + 50)})  # 50 ms left
    applied: list[str] = []
    server = Server([Reply(200, {"access_token": "a2", "refresh_token": "r2"})])
    tokens = keeper(server, secrets, state, applied)
    await tokens.start()
    for _ in range(100):
        if applied:
            break
        await asyncio.sleep(0.01)
    assert applied == ["a2"]
    tokens.stop()
