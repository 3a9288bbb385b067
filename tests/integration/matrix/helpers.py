"""Test helpers for the Matrix backend: the other person (a matrix-nio client), accounts, backends.

The peer is an independent :class:`nio.AsyncClient`, not our backend, so a test checks what really
crossed the server. Helpers wait on conditions (polling the server or the recorded facts), never on
fixed sleeps.
"""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import json
import logging
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import nio  # type: ignore[import-untyped]

from app import facts as f
from app.backend import BackendContext
from backends.matrix import MatrixBackend
from chinwag.testing import MemorySecrets, MemoryState, RecordingContext, wait_until
from tests.integration.matrix.synapse import Synapse

_accounts = itertools.count(1)
PASSWORD = "correct horse battery staple"


def q(part: str) -> str:
    return quote(part, safe="")


async def raw_request(
    client: nio.AsyncClient, method: str, path: str, body: dict[str, Any] | None = None
) -> tuple[int, dict[str, Any]]:
    """A client-server API call with ``client``'s token: (HTTP status, JSON object or {})."""
    resp = await client.send(
        method,
        path,
        None if body is None else json.dumps(body),
        {"Authorization": f"Bearer {client.access_token}", "Content-Type": "application/json"},
    )
    try:
        data = await resp.json(content_type=None)
    finally:
        resp.release()
    return resp.status, data if isinstance(data, dict) else {}


class Peer:
    """The other person: a matrix-nio client with a few raw-API conveniences."""

    def __init__(self, synapse: Synapse, user_id: str, client: nio.AsyncClient) -> None:
        self.synapse = synapse
        self.user_id = user_id
        self.client = client
        self._since: str | None = None

    @classmethod
    async def create(cls, synapse: Synapse, prefix: str = "peer") -> Peer:
        user_id = await asyncio.to_thread(synapse.register, synapse.unique_name(prefix), PASSWORD)
        client = nio.AsyncClient(synapse.base_url, user_id)
        resp = await client.login(PASSWORD, device_name="test peer")
        assert isinstance(resp, nio.LoginResponse), resp
        return cls(synapse, user_id, client)

    async def close(self) -> None:
        await self.client.close()

    async def raw(
        self, method: str, path: str, body: dict[str, Any] | None = None
    ) -> tuple[int, dict[str, Any]]:
        return await raw_request(self.client, method, path, body)

    # -- rooms ----------------------------------------------------------------------------

    async def create_room(self, **kwargs: Any) -> str:
        resp = await self.client.room_create(**kwargs)
        assert isinstance(resp, nio.RoomCreateResponse), resp
        return str(resp.room_id)

    async def create_dm(self, other: str) -> str:
        return await self.create_room(
            is_direct=True, invite=[other], preset=nio.RoomPreset.trusted_private_chat
        )

    async def join(self, room: str) -> str:
        resp = await self.client.join(room)
        assert isinstance(resp, nio.JoinResponse), resp
        return str(resp.room_id)

    async def invite(self, room_id: str, user_id: str) -> None:
        resp = await self.client.room_invite(room_id, user_id)
        assert isinstance(resp, nio.RoomInviteResponse), resp

    async def state(self, room_id: str, event_type: str, state_key: str = "") -> dict[str, Any]:
        status, body = await self.raw(
            "GET", f"/_matrix/client/v3/rooms/{q(room_id)}/state/{q(event_type)}/{q(state_key)}"
        )
        return body if status == 200 else {}

    async def put_state(
        self, room_id: str, event_type: str, content: dict[str, Any], state_key: str = ""
    ) -> None:
        resp = await self.client.room_put_state(room_id, event_type, content, state_key)
        assert isinstance(resp, nio.RoomPutStateResponse), resp

    async def membership(self, room_id: str, user_id: str) -> str:
        return str((await self.state(room_id, "m.room.member", user_id)).get("membership", ""))

    # -- messages -------------------------------------------------------------------------

    async def send(
        self, room_id: str, content: dict[str, Any], event_type: str = "m.room.message"
    ) -> str:
        resp = await self.client.room_send(room_id, event_type, content)
        assert isinstance(resp, nio.RoomSendResponse), resp
        return str(resp.event_id)

    async def say(self, room_id: str, text: str, **extra: Any) -> str:
        return await self.send(room_id, {"msgtype": "m.text", "body": text, **extra})

    async def redact(self, room_id: str, event_id: str, reason: str | None = None) -> None:
        resp = await self.client.room_redact(room_id, event_id, reason)
        assert isinstance(resp, nio.RoomRedactResponse), resp

    async def events(self, room_id: str, limit: int = 100) -> list[dict[str, Any]]:
        """The room's latest events (raw dicts), oldest first."""
        status, body = await self.raw(
            "GET", f"/_matrix/client/v3/rooms/{q(room_id)}/messages?dir=b&limit={limit}"
        )
        assert status == 200, body
        return [e for e in reversed(body.get("chunk", [])) if isinstance(e, dict)]

    async def wait_event(
        self, room_id: str, predicate: Callable[[dict[str, Any]], bool], timeout: float = 60.0
    ) -> dict[str, Any]:

        async def matching() -> dict[str, Any] | None:
            return next((e for e in await self.events(room_id) if predicate(e)), None)

        return await wait_until(
            matching, timeout, interval=0.1, what=f"the peer seeing a matching event in {room_id}"
        )

    async def wait_text(self, room_id: str, text: str, timeout: float = 60.0) -> dict[str, Any]:
        return await self.wait_event(
            room_id, lambda e: e.get("content", {}).get("body") == text, timeout
        )

    async def sync_until(
        self, predicate: Callable[[dict[str, Any]], Any], timeout: float = 60.0
    ) -> Any:
        """Raw /sync until ``predicate(answer)`` is truthy (for ephemeral events)."""

        async def synced() -> Any:
            path = "/_matrix/client/v3/sync?timeout=1000"
            if self._since:
                path += f"&since={q(self._since)}"
            status, body = await self.raw("GET", path)
            assert status == 200, body
            self._since = body.get("next_batch")
            return predicate(body)

        return await wait_until(synced, timeout, interval=0, what="the peer syncing a match")


@dataclass
class Account:
    """A registered user that our backend signs in as."""

    user_id: str
    password: str = PASSWORD


async def new_account(synapse: Synapse, prefix: str = "me") -> Account:
    user_id = await asyncio.to_thread(synapse.register, synapse.unique_name(prefix), PASSWORD)
    return Account(user_id)


class SharedState(MemoryState):
    """``ctx.state`` that outlives a backend instance (what the core's store does)."""


class SharedSecrets(MemorySecrets):
    """``ctx.secrets`` that outlives a backend instance (the keyring)."""


@dataclass
class Session:
    """Our backend under test with what it reported, and its keyring and state."""

    backend: MatrixBackend
    rec: RecordingContext
    secrets: SharedSecrets
    state: SharedState

    def facts(self, kind: type[Any]) -> list[Any]:
        return [x for x in self.rec.facts if isinstance(x, kind)]

    async def wait(self, predicate: Callable[[f.Fact], bool], timeout: float = 60.0) -> Any:
        return await self.rec.wait_for(predicate, timeout)

    async def wait_message(self, body: str, timeout: float = 60.0) -> f.MessageReceived:
        fact = await self.rec.wait_for(
            lambda x: isinstance(x, f.MessageReceived) and x.body == body, timeout
        )
        assert isinstance(fact, f.MessageReceived)
        return fact


_ids = itertools.count(1)


def make_session(
    account: Account,
    tmp_path: Path,
    settings: dict[str, str | int | bool],
    *,
    secrets: SharedSecrets | None = None,
    state: SharedState | None = None,
) -> Session:
    secrets = secrets or SharedSecrets({"password": account.password})
    state = state or SharedState()
    # the kit's context keeps StateKept values in ``state`` as the core does; the keyring is
    # swapped for one that outlives this instance
    rec = RecordingContext(
        f"mx{next(_ids)}",
        {"user_id": account.user_id, **settings},
        {},
        tmp_path / "data",
        state=state,
    )
    ctx: BackendContext = dataclasses.replace(
        rec.build(asyncio.get_running_loop()),
        secrets=secrets,
        logger=logging.LoggerAdapter(logging.getLogger("matrix-test"), {"account": rec.account_id}),
    )
    return Session(MatrixBackend(ctx), rec, secrets, state)


async def connect(
    synapse: Synapse,
    account: Account,
    tmp_path: Path,
    *,
    settings: dict[str, str | int | bool] | None = None,
    secrets: SharedSecrets | None = None,
    state: SharedState | None = None,
    wait_synced: bool = True,
) -> Session:
    session = make_session(
        account,
        tmp_path,
        settings if settings is not None else {"homeserver": synapse.base_url},
        secrets=secrets,
        state=state,
    )
    result = await session.backend.connect()
    assert result.ok, result.failure
    if wait_synced:
        await asyncio.wait_for(session.backend.synced.wait(), 30)
    return session


async def join_as(synapse: Synapse, account: Account, room: str) -> str:
    """Join a room as ``account`` through a throwaway nio client (setup, before our backend runs)."""
    client = nio.AsyncClient(synapse.base_url, account.user_id)
    try:
        resp = await client.login(account.password, device_name="setup")
        assert isinstance(resp, nio.LoginResponse), resp
        joined = await client.join(room)
        assert isinstance(joined, nio.JoinResponse), joined
        await client.logout()
        return str(joined.room_id)
    finally:
        await client.close()


async def mark_direct(synapse: Synapse, account: Account, other: str, room_id: str) -> None:
    """Put ``room_id`` into ``account``'s m.direct for ``other`` (as Element does on accept)."""
    token = await asyncio.to_thread(synapse.login, account.user_id, account.password)
    try:
        status, body = await asyncio.to_thread(
            synapse.request,
            "PUT",
            f"/_matrix/client/v3/user/{q(account.user_id)}/account_data/m.direct",
            {other: [room_id]},
            token,
        )
        assert status == 200, body
    finally:
        await asyncio.to_thread(synapse.request, "POST", "/_matrix/client/v3/logout", {}, token)


async def direct_chat(synapse: Synapse, account: Account, peer: Peer) -> str:
    """A DM room between ``account`` and ``peer``, joined and in ``account``'s m.direct."""
    room_id = await peer.create_dm(account.user_id)
    await join_as(synapse, account, room_id)
    await mark_direct(synapse, account, peer.user_id, room_id)
    return room_id


async def group_with(synapse: Synapse, account: Account, peer: Peer, name: str = "Room") -> str:
    """A named group room created by ``peer`` that ``account`` has joined."""
    room_id = await peer.create_room(name=name, invite=[account.user_id])
    await join_as(synapse, account, room_id)
    return room_id


async def room_state(
    synapse: Synapse, token: str, room_id: str, event_type: str, state_key: str = ""
) -> dict[str, Any]:
    """A state event's content as seen with ``token`` ({} if absent or not visible)."""
    status, body = await asyncio.to_thread(
        synapse.request,
        "GET",
        f"/_matrix/client/v3/rooms/{q(room_id)}/state/{q(event_type)}/{q(state_key)}",
        None,
        token,
    )
    return body if status == 200 else {}


def png(width: int = 120, height: int = 120, rgb: tuple[int, int, int] = (200, 40, 90)) -> bytes:
    """A real PNG (Synapse decodes it to make thumbnails), written without an image library."""
    row = b"\x00" + bytes(rgb) * width
    raw = row * height

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def element_poll(
    question: str, answers: dict[str, str], *, disclosed: bool = True
) -> dict[str, Any]:
    """A poll's start as Element Web sends it (MSC3381's unstable names): answer id → text."""
    kind = "disclosed" if disclosed else "undisclosed"
    lines = [question] + [f"{n}. {text}" for n, text in enumerate(answers.values(), 1)]
    return {
        "org.matrix.msc3381.poll.start": {
            "question": {"org.matrix.msc1767.text": question, "body": question},
            "kind": f"org.matrix.msc3381.poll.{kind}",
            "max_selections": 1,
            "answers": [
                {"id": key, "org.matrix.msc1767.text": text} for key, text in answers.items()
            ],
        },
        "org.matrix.msc1767.text": "\n".join(lines),
    }


def poll_vote(poll_id: str, *answers: str) -> dict[str, Any]:
    """A vote as Element sends it."""
    return {
        "m.relates_to": {"rel_type": "m.reference", "event_id": poll_id},
        "org.matrix.msc3381.poll.response": {"answers": list(answers)},
    }
