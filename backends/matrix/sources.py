"""Where sync answers come from: ``/sync`` v3, or simplified sliding sync (MSC4186) when the
homeserver has it — either way an answer in the v3 shape and the position to continue from.

:func:`choose` picks sliding sync unless the account turned it off or ``/versions`` says the
server lacks it; a server that answers the sliding sync request with "unknown endpoint" gets
v3 for the rest of the session (:func:`unsupported`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from app.backend import StateAccess
from backends.matrix import convert as cv
from backends.matrix import sliding
from backends.matrix.http import V3, Reply
from backends.matrix.presencepoll import PresencePoll
from backends.matrix.session import STATE_SINCE, MatrixSession
from backends.matrix.syncfilter import SyncFilter

SYNC_TIMEOUT_MS = 30_000
SETTING = "sliding_sync"  # the account's choice (advanced; on by default)


@dataclass
class Answer:
    """One answer: the body in the v3 shape, its position, and what to keep beside it."""

    body: dict[str, Any]
    position: str
    keep: list[tuple[str, str | None]] = field(default_factory=list)


class SyncSource(Protocol):
    name: str
    state_key: str

    async def load(self, state: StateAccess) -> str | None:
        """The stored position to continue from (None: start afresh)."""

    async def fetch(self, position: str | None, first: bool) -> Reply: ...

    def answer(self, reply: Reply) -> Answer | None:
        """The answer of a successful request; None when it is unusable."""


class V3Source:
    """``GET /sync`` with our filter (:mod:`.syncfilter`)."""

    name = "v3"
    state_key = STATE_SINCE

    def __init__(self, session: MatrixSession) -> None:
        self.session = session
        self._filter = SyncFilter()

    async def load(self, state: StateAccess) -> str | None:
        return await state.get(STATE_SINCE)

    async def fetch(self, position: str | None, first: bool) -> Reply:
        session = self.session
        query: dict[str, str | int] = {
            "filter": await self._filter.parameter(
                session.api, session.own_id, session.direct.values()
            ),
            "timeout": 0 if first else SYNC_TIMEOUT_MS,
            "set_presence": session.presence,
        }
        if position:
            query["since"] = position
        return await session.api.request(
            "GET", f"{V3}/sync", query=query, timeout=SYNC_TIMEOUT_MS / 1000 + 30
        )

    def answer(self, reply: Reply) -> Answer | None:
        next_batch = cv.get_str(reply.body, "next_batch")
        return Answer(reply.body, next_batch) if next_batch else None


class SlidingSource:
    """Simplified sliding sync (:mod:`.sliding`)."""

    name = "sliding"
    state_key = sliding.STATE_POS

    def __init__(self, session: MatrixSession) -> None:
        self.session = session
        self.window = sliding.FIRST_WINDOW
        self.to_device: str | None = None
        self.presence = PresencePoll(session)
        self._presence_events: list[dict[str, Any]] = []

    async def load(self, state: StateAccess) -> str | None:
        self.to_device = await state.get(sliding.STATE_TO_DEVICE)
        window = await state.get(sliding.STATE_WINDOW)
        if window and window.isdigit():
            self.window = max(self.window, int(window))
        return await state.get(sliding.STATE_POS)

    async def fetch(self, position: str | None, first: bool) -> Reply:
        timeout = 0
        if not first:  # (the first answer, the room list, waits for nothing)
            self._presence_events += await self.presence.round()
            left = int(self.presence.seconds_left() * 1000)
            timeout = max(1_000, min(SYNC_TIMEOUT_MS, left))  # back for the next round
        query: dict[str, str | int] = {"timeout": timeout}
        if position:
            query["pos"] = position
        return await self.session.api.request(
            "POST",
            sliding.PATH,
            query=query,
            body=sliding.request_body(self.window, self.to_device),
            timeout=SYNC_TIMEOUT_MS / 1000 + 30,
        )

    def answer(self, reply: Reply) -> Answer | None:
        position = cv.get_str(reply.body, "pos")
        if not position:
            return None
        keep: list[tuple[str, str | None]] = []
        to_device = sliding.to_device_batch(reply.body)
        if to_device and to_device != self.to_device:
            self.to_device = to_device
            keep.append((sliding.STATE_TO_DEVICE, to_device))
        count = sliding.list_count(reply.body)
        if count is not None and count > self.window:  # ask for every room next time
            self.window = min(count, sliding.MAX_ROOMS)
            keep.append((sliding.STATE_WINDOW, str(self.window)))
        body = sliding.to_v3(reply.body, self.session.own_id, position)
        if self._presence_events:
            body["presence"] = {"events": self._presence_events}
            self._presence_events = []
        return Answer(body, position, keep)


def position_unknown(source: SyncSource, reply: Reply) -> bool:
    """A sliding sync position the server does not know (expired, or another device's)."""
    return isinstance(source, SlidingSource) and reply.errcode == "M_UNKNOWN_POS"


def unsupported(reply: Reply) -> bool:
    """The server does not know the sliding sync endpoint."""
    return reply.transport is None and (
        reply.status in (404, 405) or reply.errcode == "M_UNRECOGNIZED"
    )


async def choose(session: MatrixSession) -> SyncSource:
    wanted = session.ctx.settings.get(SETTING, True)
    if wanted is False or str(wanted).lower() in ("false", "0", "no"):
        return V3Source(session)
    features = await session.features.get(session.api)
    if features.sliding_sync is False:
        return V3Source(session)
    return SlidingSource(session)
