"""Presence while syncing with simplified sliding sync, which carries none.

``/sync`` v3 does two things for presence that sliding sync (MSC4186) does not: its
``set_presence`` keeps this device counted as online (Synapse marks a device that has neither
synced nor set its presence for 30 s offline), and its answers carry the presence of the people
the filter names. With sliding sync this module does both by hand, every :data:`INTERVAL`
seconds: it sets our presence again (with the status message we chose) and asks for the presence
of the people presence is shown for (the other person of each direct chat, and ourselves), at
most :data:`MAX_PEOPLE` of them. Only what changed is passed on, as ``m.presence`` events in the
shape a v3 answer has them, so the sync pipeline reports them as it reports v3 ones.
"""

from __future__ import annotations

import asyncio
from typing import Any

from backends.matrix import convert as cv
from backends.matrix.http import V3, q
from backends.matrix.session import MatrixSession

INTERVAL = 25.0  # below Synapse's 30 s "no sync, no presence update: offline"
MAX_PEOPLE = 100
CONCURRENCY = 4


class PresencePoll:
    """Our presence set again and theirs asked for, on a fixed schedule (see the module)."""

    def __init__(self, session: MatrixSession) -> None:
        self.session = session
        self._due = 0.0  # loop time of the next round (0: at the first chance)
        self._seen: dict[str, tuple[Any, ...]] = {}  # user → what we last passed on

    def seconds_left(self) -> float:
        """Until the next round is due (0 when it is)."""
        return max(0.0, self._due - asyncio.get_running_loop().time())

    async def round(self) -> list[dict[str, Any]]:
        """One round when it is due (else nothing): the ``m.presence`` events that changed."""
        loop = asyncio.get_running_loop()
        if loop.time() < self._due:
            return []
        self._due = loop.time() + INTERVAL
        session = self.session
        await self._keep_ours()
        people = [session.own_id, *sorted(set(session.direct.values()) - {session.own_id})]
        gate = asyncio.Semaphore(CONCURRENCY)

        async def ask(user: str) -> dict[str, Any] | None:
            async with gate:
                reply = await session.api.request(
                    "GET", f"{V3}/presence/{q(user)}/status", timeout=15
                )
            if not reply.ok or cv.get_str(reply.body, "presence") is None:
                return None
            return {"type": "m.presence", "sender": user, "content": reply.body}

        events = [e for e in await asyncio.gather(*map(ask, people[:MAX_PEOPLE])) if e]
        return [e for e in events if self._changed(e)]

    async def _keep_ours(self) -> None:
        session = self.session
        if session.presence == "offline":
            return  # nothing to keep: offline is what the server falls back to
        body: dict[str, Any] = {"presence": session.presence}
        if session.status_msg:
            body["status_msg"] = session.status_msg
        reply = await session.api.request(
            "PUT", f"{V3}/presence/{q(session.own_id)}/status", body=body, timeout=15
        )
        if not reply.ok:
            session.log.info("presence not kept: %s", reply.failure().message)

    def _changed(self, event: dict[str, Any]) -> bool:
        content = event["content"]
        key = tuple(content.get(k) for k in ("presence", "status_msg", "currently_active"))
        user = event["sender"]
        if self._seen.get(user) == key:
            return False
        self._seen[user] = key
        return True
