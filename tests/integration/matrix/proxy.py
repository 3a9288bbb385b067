"""An HTTP proxy in front of Synapse that can misbehave on cue.

Lost connections and 429 answers are hard to get from a healthy server at the right moment, so tests
put this proxy between the backend and Synapse and tell it what to do with the next matching
request: answer 429 with ``retry_after_ms``, forward it but cut the connection before the answer
returns (the request *did* reach the server), hold the answer back, rewrite the answer (what a
misbehaving remote server could get relayed to us), answer 404 as a server that lacks an
endpoint, or go down entirely.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

from chinwag.testing.support import LOOPBACK, free_port

Match = Callable[[web.Request], bool]


def matches(method: str, path_part: str) -> Match:
    return lambda r: r.method == method and path_part in r.path


def any_sync() -> Match:
    """A sync request, either kind: ``GET …/v3/sync`` or ``POST …/simplified_msc3575/sync``."""
    return lambda r: r.path.endswith("/sync") and r.method in ("GET", "POST")


@dataclass
class Rule:
    match: Match
    action: str  # "429" | "404" | "drop" | "hold" | "rewrite"
    times: int = 1
    retry_after_ms: int = 1000
    rewrite: Callable[[dict[str, Any]], bool] | None = None  # edits the JSON; True if it did
    released: asyncio.Event = field(default_factory=asyncio.Event)
    hits: int = 0
    hit_times: list[float] = field(default_factory=list)


class MisbehavingProxy:
    def __init__(self, upstream: str) -> None:
        self.upstream = upstream.rstrip("/")
        self.port = free_port()
        self.rules: list[Rule] = []
        self.log: list[tuple[float, str, str]] = []  # (monotonic time, method, path)
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None
        self._held: list[asyncio.Task[None]] = []

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    async def start(self) -> MisbehavingProxy:
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=None))
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        # In-flight handlers (long polls) are cut at once when the proxy goes down.
        self._runner = web.AppRunner(
            app, access_log=None, handle_signals=False, shutdown_timeout=0.1
        )
        await self._runner.setup()
        await web.TCPSite(self._runner, LOOPBACK, self.port).start()
        return self

    async def down(self) -> None:
        """Stop listening and cut every open connection (a network outage)."""
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

    async def close(self) -> None:
        for rule in self.rules:
            rule.released.set()
        await self.down()
        if self._session is not None:
            await self._session.close()

    def add(self, rule: Rule) -> Rule:
        self.rules.append(rule)
        return rule

    def requests(self, path_part: str, method: str | None = "GET") -> list[float]:
        """When requests with ``path_part`` in their path came (``method`` None: any)."""
        return [t for t, m, p in self.log if method in (None, m) and path_part in p]

    def _rule_for(self, request: web.Request) -> Rule | None:
        for rule in self.rules:
            if rule.hits < rule.times and rule.match(request):
                rule.hits += 1
                rule.hit_times.append(time.monotonic())
                return rule
        return None

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        self.log.append((time.monotonic(), request.method, request.path))
        rule = self._rule_for(request)
        if rule is not None and rule.action == "429":
            return web.json_response(
                {
                    "errcode": "M_LIMIT_EXCEEDED",
                    "error": "Too Many Requests",
                    "retry_after_ms": rule.retry_after_ms,
                },
                status=429,
            )
        if rule is not None and rule.action == "404":  # a server without this endpoint
            return web.json_response(
                {"errcode": "M_UNRECOGNIZED", "error": "Unrecognized request"}, status=404
            )
        body = await request.read()
        headers = {
            k: v
            for k, v in request.headers.items()
            if k.lower() not in ("host", "content-length", "transfer-encoding", "connection")
        }
        assert self._session is not None
        try:
            async with self._session.request(
                request.method,
                self.upstream + request.path_qs,
                data=body or None,
                headers=headers,
                allow_redirects=False,
            ) as upstream:
                payload = await upstream.read()
                status = upstream.status
                content_type = upstream.headers.get("Content-Type", "application/json")
                retry_after = upstream.headers.get("Retry-After")
        except aiohttp.ClientError:  # the proxy is closing
            return web.Response(status=502)
        if rule is not None and rule.action == "drop":
            # The server has handled the request; the client never hears back.
            if request.transport is not None:
                request.transport.abort()
            raise asyncio.CancelledError
        if rule is not None and rule.action == "rewrite" and rule.rewrite is not None:
            answer = json.loads(payload)
            if rule.rewrite(answer):
                payload = json.dumps(answer).encode()
            else:
                rule.hits -= 1  # nothing to change in this answer: try the next one
        if rule is not None and rule.action == "hold":
            with contextlib.suppress(asyncio.CancelledError):
                await rule.released.wait()
        out = web.Response(status=status, body=payload)
        out.headers["Content-Type"] = content_type
        if retry_after:
            out.headers["Retry-After"] = retry_after
        return out
