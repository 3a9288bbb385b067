"""One Matrix session and what every service of the backend shares: the wire, who we are, the rooms.

The services (:mod:`.signin`, :mod:`.sync`, :mod:`.timeline`, :mod:`.history`, :mod:`.encryption`,
:mod:`.verifying`, :mod:`.messaging`, :mod:`.membership`, :mod:`.media`) share this object instead
of each other. It holds the nio client and :class:`~backends.matrix.http.MatrixHttp` once signed in,
the credentials in the keyring, and the room index: every room this session has seen
(:class:`~backends.matrix.rooms.RoomState`), which of them are direct chats (``m.direct``), which
we are in and which invite us.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable
from typing import Any

from app import facts as f
from app.backend import BackendContext, Failure, FailureKind
from app.i18n import CoreMessages
from app.models import ConversationKind, Member
from backends.matrix import convert as cv
from backends.matrix import sliding
from backends.matrix.bounded import BoundedDict
from backends.matrix.features import Features
from backends.matrix.http import MatrixHttp
from backends.matrix.niotypes import NioClient
from backends.matrix.rooms import RoomState

SECRET_TOKEN = "access_token"
SECRET_DEVICE = "device_id"
SECRET_REFRESH = "refresh_token"
STATE_SINCE = "since"
STATE_HOMESERVER = "homeserver"
STATE_USER = "user_id"
STATE_LAST_EVENT = "last_event:"  # + room id: the newest timeline event this account has seen
STATE_SPACES = "spaces"
"""JSON: the ids of the rooms that are spaces (a resumed sync rarely repeats their creation)."""
STATE_ENCRYPTED = "encrypted_rooms"
"""JSON: room id → when its encryption started (ms, 0 if unknown). Encryption cannot be turned
off (spec), so a message sent in the clear after that time gets a warning, after restarts too."""
DEVICE_NAME = "Chinwag"
MAX_INVITES = 500
MAX_MISSING_ROOTS = 5_000
Logger = logging.LoggerAdapter[logging.Logger]


def not_connected() -> Failure:
    return Failure(
        FailureKind.NOT_CONNECTED, CoreMessages.tr("The account is not connected."), retryable=True
    )


class MatrixSession:
    """The connection and room index shared by the backend's services."""

    def __init__(self, ctx: BackendContext, *, max_invites: int = MAX_INVITES) -> None:
        self.ctx = ctx
        self.log: Logger = ctx.logger
        self.report = ctx.report
        self.user_id = str(ctx.settings.get("user_id", "")).strip()
        self.own_id = ""
        self.homeserver = ""
        self.device_id = ""
        self.client: NioClient | None = None
        self.http: MatrixHttp | None = None
        self.closing = False
        self.presence = "online"  # what the sync loop announces (set_presence)
        self.status_msg = ""  # the status message chosen with it (kept by :mod:`.presencepoll`)
        self.own_names: tuple[str, ...] = ()
        self.rooms: dict[str, RoomState] = {}
        self.direct: dict[str, str] = {}  # room id → the other person (m.direct)
        self.joined: set[str] = set()  # rooms we are in (GET /joined_rooms at connect, then sync)
        self.invites: BoundedDict[str, f.InviteReceived] = BoundedDict(max_invites)
        self.spaces: set[str] = set()  # rooms that are spaces (see STATE_SPACES)
        self.last_events: dict[str, str] = {}  # room → newest event seen (STATE_LAST_EVENT)
        self.features = Features()  # what the homeserver offers (asked once)
        self.missing_roots: BoundedDict[tuple[str, str], None] = BoundedDict(MAX_MISSING_ROOTS)
        """(room, event) of thread roots that do not exist (or cannot be seen): their replies
        stay in the main timeline (see :mod:`.threads`)."""
        self.latest_text: Callable[[str, dict[str, Any]], str | None] = lambda _room, event: (
            cv.plain_text(event)
        )
        """The text of a thread summary's latest reply; :class:`~.timeline.Timeline` puts in
        one that decrypts."""
        self.encrypted_since: dict[str, int] = {}  # see STATE_ENCRYPTED
        self._encrypted_saved: dict[str, int] = {}
        self._lost_reported = False

    # -- the connection ------------------------------------------------------------------------

    def connected(self) -> bool:
        return self.client is not None and self.http is not None and not self.closing

    def stopped(self) -> bool:
        """Whether the session is ending (a call, so checks after an ``await`` are not narrowed
        away)."""
        return self.closing

    @property
    def api(self) -> MatrixHttp:
        """The wire; only called by code that checked :meth:`connected` (a bug otherwise)."""
        if self.http is None:
            raise RuntimeError("the Matrix session has no connection")
        return self.http

    @property
    def nio(self) -> NioClient:
        if self.client is None:
            raise RuntimeError("the Matrix session has no client")
        return self.client

    def lost(self, reason: str, retryable: bool = True) -> None:
        """Tell the core the session is over (once); the core makes a new backend instance."""
        if self.closing or self._lost_reported:
            return
        self._lost_reported = True
        self.log.info("connection lost: %s", reason)
        self.report(f.ConnectionLost(reason, retryable))

    def keep(self, key: str, value: str | None) -> None:
        """Keep a small value across restarts, stored together with the facts reported before
        it (:class:`~app.facts.StateKept`): a sync position is never saved without what it
        covers."""
        self.report(f.StateKept(key, value))

    async def forget_session(self, *, device_too: bool) -> None:
        """Drop the stored access and refresh tokens (and the device, with its since-token)."""
        await self.ctx.secrets.delete(SECRET_TOKEN)
        await self.ctx.secrets.delete(SECRET_REFRESH)
        if device_too:
            await self.ctx.secrets.delete(SECRET_DEVICE)
            # Every sync position (v3, sliding, to-device) belongs to the device.
            for key in (STATE_SINCE, *sliding.STATE_KEYS):
                await self.ctx.state.set(key, None)
                self.keep(key, None)  # after any position still on its way to the store

    async def close_client(self) -> None:
        """Close nio's HTTP session and its encryption store (the session ends)."""
        client, self.client = self.client, None
        if client is None:
            return
        with contextlib.suppress(Exception):
            await client.close()
        database = getattr(client.store, "database", None)
        if database is not None:
            with contextlib.suppress(Exception):
                database.close()

    # -- the room index ------------------------------------------------------------------------

    def kind(self, room_id: str) -> ConversationKind:
        return ConversationKind.DIRECT if room_id in self.direct else ConversationKind.GROUP

    def room(self, room_id: str) -> RoomState:
        room = self.rooms.get(room_id)
        if room is None:
            room = self.rooms[room_id] = RoomState(room_id)
        return room

    def room_context(self, room: RoomState, *, history: bool) -> cv.RoomContext:
        return cv.RoomContext(
            room_id=room.room_id,
            kind=self.kind(room.room_id),
            own_id=self.own_id,
            title_of=lambda: room.title(self.own_id) or "",
            own_names=self.own_names,
            history=history,
            name_of=room.display_name_of,
            log=self.log,
            root_known=lambda root: (room.room_id, root) not in self.missing_roots,
            latest_text=lambda event: self.latest_text(room.room_id, event),
            may_redact=lambda user_id: room.power_levels_known and room.can(user_id, "redact"),
        )

    def set_direct(self, direct: dict[str, str]) -> None:
        """A new ``m.direct``: rooms that became (or stopped being) direct chats are re-told."""
        before, self.direct = self.direct, direct
        for room_id in set(before) ^ set(direct):
            room = self.rooms.get(room_id)
            if room is not None:
                self.report(
                    f.ConversationUpdated(
                        room_id, self.kind(room_id), title=room.title(self.own_id)
                    )
                )

    def existing_direct(self, user_id: str) -> str | None:
        """A room of m.direct with ``user_id`` that we are still in: seen in this session's sync,
        or listed by ``/joined_rooms`` at connect (a resumed sync only names rooms with news, so
        relying on sync alone would make a new DM every session)."""
        candidates = [r for r, other in self.direct.items() if other == user_id]
        for room_id in candidates:
            if room_id in self.rooms:
                return room_id
        for room_id in candidates:
            if room_id in self.joined:
                return room_id
        return None

    def forget_room(self, room_id: str) -> None:
        self.rooms.pop(room_id, None)
        self.encrypted_since.pop(room_id, None)
        self.joined.discard(room_id)
        self.invites.pop(room_id, None)

    def report_members(self, room: RoomState, members: dict[str, None]) -> None:
        upserted: list[Member] = []
        removed: list[str] = []
        for user_id in members:
            member = room.member(self.ctx.account_id, user_id)
            if member is not None:
                upserted.append(member)
            else:
                removed.append(user_id)
        if upserted or removed:
            self.report(f.MembersChanged(room.room_id, tuple(upserted), tuple(removed)))

    def room_members(self, room_id: str) -> set[str]:
        """Who takes part in a room as far as we know (nio's list once synced, else ours)."""
        members: set[str] = set()
        nio_room = self.client.rooms.get(room_id) if self.client is not None else None
        if nio_room is not None:
            members.update(nio_room.users)
        room = self.rooms.get(room_id)
        if room is not None:
            members.update(u for u, i in room.members.items() if i.membership in ("join", "invite"))
        return members

    # -- since when each room is encrypted -----------------------------------------------------------

    def known_encrypted(self, room_id: str) -> bool:
        """Whether this session knows the room to be encrypted (its state now, or before)."""
        room = self.rooms.get(room_id)
        if room is not None and room.encrypted:
            return True
        if room_id in self.encrypted_since:
            return True
        # nio's store remembers encrypted rooms across restarts (with matrix-nio[e2e] only).
        return room_id in getattr(self.client, "encrypted_rooms", ())

    def sent_in_the_clear(self, room_id: str, timestamp_ms: int | None) -> bool:
        """Whether a message that was not encrypted, sent at ``timestamp_ms``, came after the
        room's encryption started: then somebody sent it unencrypted, and it gets a warning."""
        if not self.known_encrypted(room_id):
            return False
        room = self.rooms.get(room_id)
        starts = [s for s in (room.encrypted_since if room else None,) if s is not None]
        if room_id in self.encrypted_since:
            starts.append(self.encrypted_since[room_id])
        since = min(starts, default=0)
        return timestamp_ms is None or timestamp_ms >= since

    def note_encrypted(self, room: RoomState) -> None:
        """Remember (to save) that a room is encrypted, and since when if its state said so."""
        if not room.encrypted:
            return
        since = room.encrypted_since or 0
        known = self.encrypted_since.get(room.room_id)
        if known is None or (since and (not known or since < known)):
            self.encrypted_since[room.room_id] = since

    async def load_spaces(self) -> None:
        text = await self.ctx.state.get(STATE_SPACES)
        try:
            data = json.loads(text) if text else []
        except ValueError:
            data = []
        if isinstance(data, list):
            self.spaces = {s for s in data if isinstance(s, str)}

    async def load_encrypted(self) -> None:
        text = await self.ctx.state.get(STATE_ENCRYPTED)
        try:
            data = json.loads(text) if text else {}
        except ValueError:
            data = {}
        if isinstance(data, dict):
            self.encrypted_since = {
                k: v
                for k, v in data.items()
                if isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
            }
        self._encrypted_saved = dict(self.encrypted_since)

    def save_encrypted(self) -> None:
        if self.encrypted_since != self._encrypted_saved:
            self._encrypted_saved = dict(self.encrypted_since)
            self.keep(STATE_ENCRYPTED, json.dumps(self.encrypted_since, separators=(",", ":")))
