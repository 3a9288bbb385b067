"""Rooms as the person manages them: join, leave, create, direct chats, moderation, the directory.

New private rooms and direct chats are encrypted when encryption is available (as in Element).
A direct chat is found again through ``m.direct`` and ``/joined_rooms`` before a new one is made,
and a new one is written to ``m.direct`` at once (before the sync can report it as a group).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

from app import facts as f
from app.backend import Failure, FailureKind, Outcome
from app.i18n import CoreMessages
from app.models import ConversationId, ConversationKind, RoomListing
from backends.matrix import convert as cv
from backends.matrix.encryption import Encryption
from backends.matrix.http import V3, Reply, q
from backends.matrix.session import MatrixSession, not_connected

ENCRYPTION_STATE = {
    "type": "m.room.encryption",
    "state_key": "",
    "content": {"algorithm": "m.megolm.v1.aes-sha2"},
}
BAD_USER_ID = CoreMessages.tr("A Matrix ID looks like @name:example.org.")
MAX_VIA = 5


def created_room(reply: Reply) -> str | Failure:
    """The id of the room a successful ``createRoom`` made (or the failure of a reply without)."""
    room_id = cv.get_str(reply.body, "room_id")
    if room_id is None:
        return Failure(
            FailureKind.PROTOCOL, CoreMessages.tr("The server did not say which room it made.")
        )
    return room_id


class RoomService:
    """Room membership and administration for one session."""

    def __init__(self, session: MatrixSession, encryption: Encryption) -> None:
        self.session = session
        self.encryption = encryption

    async def _membership(self, room_id: str, action: str, body: dict[str, Any]) -> Reply:
        return await self.session.api.request(
            "POST", f"{V3}/rooms/{q(room_id)}/{action}", body=body, timeout=30
        )

    async def join(self, room: str) -> Outcome:
        """Join by room id or alias (``#room:server``); ``Outcome.value`` is the room id.

        A room id may carry the servers to join through, as a ``matrix:`` link does
        (``!id?via=example.org``): a room version 12 id names no server of its own, so a room
        our homeserver is not in yet can only be reached through them.
        """
        session = self.session
        if not session.connected():
            return Outcome(not_connected())
        target = room.strip()
        via: list[str] = []
        if target.startswith("!") and "?" in target:
            target, _, query = target.partition("?")
            via = [v for k, v in parse_qsl(query) if k == "via" and v][:MAX_VIA]
        if not target or target[0] not in "!#":
            return Outcome(
                Failure(
                    FailureKind.CONFIG,
                    CoreMessages.tr("A room is named #alias:server or by its !id."),
                )
            )
        reply = await session.api.request(
            "POST",
            f"{V3}/join/{q(target)}",
            # ``via`` (spec 1.12), and ``server_name`` for servers from before it
            query=[(name, v) for name in ("via", "server_name") for v in via] or None,
            body={},
            timeout=60,
        )
        if not reply.ok:
            return Outcome(reply.failure())
        room_id = cv.get_str(reply.body, "room_id") or target
        session.joined.add(room_id)
        invite = session.invites.pop(room_id, None)
        if invite is not None and invite.kind is ConversationKind.DIRECT:
            await self._add_direct(invite.inviter, room_id)
        session.report(f.ConversationUpdated(room_id, session.kind(room_id), joined=True))
        return Outcome(value=room_id)

    async def answer_invite(self, conv: ConversationId, accept: bool) -> Outcome:
        if accept:
            return await self.join(conv.native_id)
        if not self.session.connected():
            return Outcome(not_connected())
        reply = await self._membership(conv.native_id, "leave", {})
        if not reply.ok:
            return Outcome(reply.failure())
        self.session.invites.pop(conv.native_id, None)
        self.session.report(f.ConversationLeft(conv.native_id, "Invitation declined"))
        return Outcome()

    async def leave(self, conv: ConversationId, reason: str = "") -> Outcome:
        if not self.session.connected():
            return Outcome(not_connected())
        reply = await self._membership(
            conv.native_id, "leave", {"reason": reason} if reason else {}
        )
        if not reply.ok:
            return Outcome(reply.failure())
        self.session.rooms.pop(conv.native_id, None)
        self.session.joined.discard(conv.native_id)
        self.session.report(f.ConversationLeft(conv.native_id))
        return Outcome()

    async def create_room(self, name: str, *, public: bool = False) -> Outcome:
        """A new group room; public rooms are joinable by anyone and listed in the directory."""
        body: dict[str, Any] = {
            "name": name,
            "preset": "public_chat" if public else "private_chat",
            "visibility": "public" if public else "private",
        }
        if self.encryption.active and not public:
            body["initial_state"] = [ENCRYPTION_STATE]  # private rooms too, as in Element
        outcome = await self._create(body)
        if outcome.ok and outcome.value:
            self.session.room(outcome.value).encrypted = "initial_state" in body
            self.session.report(
                f.ConversationUpdated(
                    outcome.value,
                    ConversationKind.GROUP,
                    title=name,
                    joined=True,
                    encrypted="initial_state" in body,
                )
            )
        return outcome

    async def room_directory(self, query: str, limit: int) -> tuple[RoomListing, ...] | Failure:
        """The homeserver's public room directory (``/publicRooms``), searched by the server
        (names, topics, aliases), largest rooms first as the server orders them."""
        if not self.session.connected():
            return not_connected()
        body: dict[str, Any] = {"limit": limit}
        if query:
            body["filter"] = {"generic_search_term": query}
        reply = await self.session.api.request("POST", f"{V3}/publicRooms", body=body, timeout=30)
        if not reply.ok:
            return reply.failure()
        return tuple(cv.public_rooms(reply.body)[:limit])

    async def open_direct(self, user_id: str) -> Outcome:
        """Our direct chat with ``user_id`` (from m.direct), created and invited if there is none."""
        session = self.session
        if not session.connected():
            return Outcome(not_connected())
        if cv.parse_user_id(user_id) is None:
            return Outcome(Failure(FailureKind.CONFIG, BAD_USER_ID))
        existing = session.existing_direct(user_id)
        if existing is not None:
            return Outcome(value=existing)
        encrypted = self.encryption.active
        body: dict[str, Any] = {
            "preset": "trusted_private_chat",
            "is_direct": True,
            "invite": [user_id],
        }
        if encrypted:
            body["initial_state"] = [ENCRYPTION_STATE]  # DMs are encrypted, as in Element
        outcome = await self._create(body)
        if outcome.ok and outcome.value:
            session.direct[outcome.value] = user_id  # before the sync can report it as a group
            await self._add_direct(user_id, outcome.value)
            session.room(outcome.value).encrypted = encrypted
            session.report(
                f.ConversationUpdated(
                    outcome.value,
                    ConversationKind.DIRECT,
                    title=cv.localpart(user_id),
                    joined=True,
                    encrypted=encrypted,
                )
            )
        return outcome

    async def _create(self, body: dict[str, Any]) -> Outcome:
        if not self.session.connected():
            return Outcome(not_connected())
        reply = await self.session.api.request("POST", f"{V3}/createRoom", body=body, timeout=60)
        if not reply.ok:
            return Outcome(reply.failure())
        room_id = created_room(reply)
        if isinstance(room_id, Failure):
            return Outcome(room_id)
        self.session.joined.add(room_id)
        return Outcome(value=room_id)

    async def _add_direct(self, user_id: str, room_id: str) -> None:
        """Mark a room as our direct chat with ``user_id`` in m.direct (read, change, write)."""
        session = self.session
        path = f"{V3}/user/{q(session.own_id)}/account_data/m.direct"
        reply = await session.api.request("GET", path, timeout=30)
        content: dict[str, Any] = dict(reply.body) if reply.ok else {}
        rooms = content.get(user_id)
        rooms = [r for r in rooms if isinstance(r, str)] if isinstance(rooms, list) else []
        if room_id not in rooms:
            rooms.append(room_id)
        content[user_id] = rooms
        put = await session.api.request("PUT", path, body=content, timeout=30)
        if put.ok:
            session.set_direct(cv.direct_rooms(content, session.log))
        else:
            session.log.warning("could not update m.direct: %s", put.failure().message)

    async def member_action(
        self, conv: ConversationId, action: str, user_id: str, reason: str
    ) -> Outcome:
        """invite, kick, ban or unban ``user_id`` (with an optional reason)."""
        if not self.session.connected():
            return Outcome(not_connected())
        if cv.parse_user_id(user_id) is None:
            return Outcome(Failure(FailureKind.CONFIG, BAD_USER_ID))
        body: dict[str, Any] = {"user_id": user_id}
        if reason:
            body["reason"] = reason
        reply = await self._membership(conv.native_id, action, body)
        return Outcome() if reply.ok else Outcome(reply.failure())

    async def set_topic(self, conv: ConversationId, topic: str) -> Outcome:
        if not self.session.connected():
            return Outcome(not_connected())
        reply = await self.session.api.request(
            "PUT",
            f"{V3}/rooms/{q(conv.native_id)}/state/m.room.topic/",
            body={"topic": topic},
            timeout=30,
        )
        return Outcome() if reply.ok else Outcome(reply.failure())

    async def fetch_members(self, conv: ConversationId) -> Outcome:
        """Report the complete member list with roles from power levels (lazy loading skips it).

        ``Outcome.value`` is the number of joined members.
        """
        session = self.session
        if not session.connected():
            return Outcome(not_connected())
        room_id = conv.native_id
        reply = await session.api.request(
            "GET", f"{V3}/rooms/{q(room_id)}/joined_members", timeout=60
        )
        if not reply.ok:
            return Outcome(reply.failure())
        levels = await session.api.request(
            "GET", f"{V3}/rooms/{q(room_id)}/state/m.room.power_levels/", timeout=30
        )
        room = session.room(room_id)
        if levels.ok:
            room.apply_state(
                {"type": "m.room.power_levels", "state_key": "", "content": levels.body},
                session.log,
            )
        joined = cv.get_dict(reply.body, "joined") or {}
        for user_id, info in joined.items():
            if not isinstance(info, dict):
                continue
            room.apply_state(
                {
                    "type": "m.room.member",
                    "state_key": user_id,
                    "content": {
                        "membership": "join",
                        "displayname": info.get("display_name"),
                        "avatar_url": info.get("avatar_url"),
                    },
                },
                session.log,
            )
        members = tuple(
            m for m in (room.member(session.ctx.account_id, u) for u in joined) if m is not None
        )
        session.report(f.MembersChanged(room_id, members, complete=True))
        return Outcome(value=str(len(members)))
