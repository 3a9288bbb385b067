"""Rooms we create and run on Matrix: ``createRoom`` with its options, the room's state as
settings, power levels as roles, bans, and closing a room.

Matrix keeps everything in room state, so settings are state events (``m.room.name``,
``m.room.topic``, ``m.room.join_rules``, ``m.room.encryption``) plus the directory listing; a
role is a power level (Element's reading: 100 admin, 50 moderator, 0 member); the ban list is
the members whose membership is ``ban``. Rooms cannot be deleted: closing one makes it
invite-only, removes everyone else and leaves it.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any

from app import facts as f
from app.backend import (
    BanEntry,
    Failure,
    FailureKind,
    Outcome,
    RoomFeature,
    RoomOptions,
    RoomSettings,
)
from app.i18n import CoreMessages
from app.models import ConversationId, ConversationKind, Role, from_millis
from backends.matrix import convert as cv
from backends.matrix.encryption import Encryption
from backends.matrix.http import V3, Reply, q
from backends.matrix.membership import ENCRYPTION_STATE, created_room
from backends.matrix.session import MatrixSession, not_connected

ROOM_FEATURES = (
    RoomFeature.NAME
    | RoomFeature.TOPIC
    | RoomFeature.ADDRESS
    | RoomFeature.PUBLIC
    | RoomFeature.INVITE_ONLY
    | RoomFeature.KNOCK
    | RoomFeature.ENCRYPTED
    | RoomFeature.INVITEES
)
ALIAS = re.compile(r"[a-z0-9._=\-/+]+", re.IGNORECASE)
"""What a room alias's local part may hold (the spec's grammar for historical user ids)."""
LEVELS = {Role.ADMIN: 100, Role.MODERATOR: 50, Role.MEMBER: 0}
_SETTINGS_STATE = (
    (RoomFeature.NAME, "m.room.name"),
    (RoomFeature.TOPIC, "m.room.topic"),
    (RoomFeature.INVITE_ONLY | RoomFeature.KNOCK | RoomFeature.PUBLIC, "m.room.join_rules"),
    (RoomFeature.ENCRYPTED, "m.room.encryption"),
)
_ALIAS_ERRORS = {
    "M_ROOM_IN_USE": CoreMessages.tr("The address #{alias} is already taken on this server."),
    "M_INVALID_PARAM": "#{alias} cannot be a room address.",
}


def join_rule(options: RoomOptions) -> str:
    if options.invite_only:
        return "knock" if options.knock else "invite"
    return "public"


def create_body(options: RoomOptions, own_id: str, encryption: bool) -> dict[str, Any]:
    """The ``createRoom`` request for ``options`` (pure, for the tests)."""
    body: dict[str, Any] = {
        "preset": "public_chat" if join_rule(options) == "public" else "private_chat",
        "visibility": "public" if options.public else "private",
    }
    if options.name.strip():
        body["name"] = options.name.strip()
    if options.topic.strip():
        body["topic"] = options.topic.strip()
    alias = options.address.strip().lstrip("#").split(":", 1)[0]
    if alias:
        body["room_alias_name"] = alias
    invite = [u.strip() for u in options.invite if u.strip() and u.strip() != own_id]
    if invite:
        body["invite"] = invite
    state: list[dict[str, Any]] = []
    if join_rule(options) == "knock":
        state.append(
            {"type": "m.room.join_rules", "state_key": "", "content": {"join_rule": "knock"}}
        )
    if options.encrypted and encryption:
        state.append(ENCRYPTION_STATE)
    if state:
        body["initial_state"] = state
    return body


class RoomAdmin:
    """Creating and running rooms of one session."""

    def __init__(self, session: MatrixSession, encryption: Encryption) -> None:
        self.session = session
        self.encryption = encryption

    async def _api(self, method: str, path: str, body: dict[str, Any] | None = None) -> Reply:
        return await self.session.api.request(method, f"{V3}{path}", body=body, timeout=30)

    # -- creating ----------------------------------------------------------------------------

    async def create(self, options: RoomOptions) -> Outcome:
        session = self.session
        if not session.connected():
            return Outcome(not_connected())
        bad = [u for u in options.invite if cv.parse_user_id(u.strip()) is None]
        if bad:
            return Outcome(
                Failure(
                    FailureKind.CONFIG,
                    CoreMessages.tr("%1: a Matrix ID is @name:server.").arg(", ".join(bad)),
                )
            )
        if options.encrypted and not self.encryption.active:
            return Outcome(
                Failure(
                    FailureKind.UNSUPPORTED,
                    CoreMessages.tr("Encryption is not available in this session."),
                )
            )
        alias = options.address.strip().lstrip("#").split(":", 1)[0]
        if alias and not ALIAS.fullmatch(alias):
            return Outcome(
                Failure(
                    FailureKind.REJECTED,
                    CoreMessages.tr("#%1 cannot be a room address.").arg(alias),
                )
            )
        body = create_body(options, session.own_id, self.encryption.active)
        reply = await session.api.request("POST", f"{V3}/createRoom", body=body, timeout=60)
        if not reply.ok:
            alias = body.get("room_alias_name", "")
            text = _ALIAS_ERRORS.get(reply.errcode) if alias else None
            if text:
                return Outcome(Failure(FailureKind.REJECTED, text.format(alias=alias)))
            return Outcome(reply.failure())
        room_id = created_room(reply)
        if isinstance(room_id, Failure):
            return Outcome(room_id)
        session.joined.add(room_id)
        encrypted = any(e is ENCRYPTION_STATE for e in body.get("initial_state", ()))
        session.room(room_id).encrypted = encrypted
        session.report(
            f.ConversationUpdated(
                room_id,
                ConversationKind.GROUP,
                title=options.name.strip() or None,
                topic=options.topic.strip() or None,
                joined=True,
                encrypted=encrypted,
            )
        )
        return Outcome(value=room_id)

    # -- settings ----------------------------------------------------------------------------

    async def settings(self, conv: ConversationId) -> RoomSettings | Failure:
        session = self.session
        if not session.connected():
            return not_connected()
        room_id = conv.native_id
        types = (
            "m.room.name",
            "m.room.topic",
            "m.room.join_rules",
            "m.room.canonical_alias",
            "m.room.encryption",
            "m.room.power_levels",
        )
        replies = await asyncio.gather(
            *(self._api("GET", f"/rooms/{q(room_id)}/state/{t}/") for t in types)
        )
        state: dict[tuple[str, str], dict[str, Any]] = {}
        for etype, reply in zip(types, replies, strict=True):
            if reply.ok:
                state[(etype, "")] = dict(reply.body)
            elif reply.status != 404:  # 404: the room has no such state (no name, no topic)
                return reply.failure()
        listed = await self._api("GET", f"/directory/list/room/{q(room_id)}")
        rule = cv.get_str(state.get(("m.room.join_rules", ""), {}), "join_rule") or "invite"
        options = RoomOptions(
            name=cv.get_str(state.get(("m.room.name", ""), {}), "name") or "",
            topic=cv.get_str(state.get(("m.room.topic", ""), {}), "topic") or "",
            address=cv.get_str(state.get(("m.room.canonical_alias", ""), {}), "alias") or "",
            public=listed.ok and cv.get_str(listed.body, "visibility") == "public",
            invite_only=rule in ("invite", "knock", "restricted"),
            knock=rule == "knock",
            encrypted=("m.room.encryption", "") in state,
            persistent=True,
        )
        levels = state.get(("m.room.power_levels", ""), {})
        room = session.room(room_id)
        own = session.own_id
        creator = own in room.creators
        mine = cv.user_level(levels, own)
        editable = RoomFeature.NONE
        for feature, etype in _SETTINGS_STATE:
            if creator or mine >= cv.state_level(levels, etype):
                editable |= feature
        if options.encrypted:
            editable &= ~RoomFeature.ENCRYPTED  # encryption cannot be turned off
        if not (creator or mine >= cv.state_level(levels, "m.room.canonical_alias")):
            editable &= ~RoomFeature.PUBLIC
        can_levels = creator or mine >= cv.state_level(levels, "m.room.power_levels")
        roles = tuple(r for r, lv in LEVELS.items() if can_levels and (creator or lv <= mine))
        can_ban = creator or mine >= cv.required_level(levels, "ban", 50)
        can_kick = creator or mine >= cv.required_level(levels, "kick", 50)
        return RoomSettings(
            options,
            editable=editable,
            roles=roles,
            can_ban=can_ban,
            can_close=can_kick and bool(editable & RoomFeature.INVITE_ONLY),
        )

    async def configure(self, conv: ConversationId, options: RoomOptions) -> Outcome:
        current = await self.settings(conv)
        if isinstance(current, Failure):
            return Outcome(current)
        old = current.options
        room = q(conv.native_id)
        changes: list[tuple[str, str, dict[str, Any]]] = []
        if options.name != old.name:
            changes.append(("PUT", f"/rooms/{room}/state/m.room.name/", {"name": options.name}))
        if options.topic != old.topic:
            changes.append(("PUT", f"/rooms/{room}/state/m.room.topic/", {"topic": options.topic}))
        if join_rule(options) != join_rule(old):
            changes.append(
                (
                    "PUT",
                    f"/rooms/{room}/state/m.room.join_rules/",
                    {"join_rule": join_rule(options)},
                )
            )
        if options.encrypted and not old.encrypted:
            changes.append(
                (
                    "PUT",
                    f"/rooms/{room}/state/m.room.encryption/",
                    {"algorithm": "m.megolm.v1.aes-sha2"},
                )
            )
        if options.public != old.public:
            visibility = "public" if options.public else "private"
            changes.append(("PUT", f"/directory/list/room/{room}", {"visibility": visibility}))
        for method, path, body in changes:
            reply = await self._api(method, path, body)
            if not reply.ok:
                return Outcome(reply.failure())
        if options.name != old.name:
            self.session.report(
                f.ConversationUpdated(conv.native_id, ConversationKind.GROUP, title=options.name)
            )
        return Outcome()

    # -- roles, bans, closing ----------------------------------------------------------------

    async def set_role(self, conv: ConversationId, member: str, role: Role) -> Outcome:
        if cv.parse_user_id(member) is None:
            return Outcome(
                Failure(
                    FailureKind.CONFIG, CoreMessages.tr("A Matrix ID looks like @name:example.org.")
                )
            )
        level = LEVELS.get(role)
        if level is None:
            return Outcome(
                Failure(
                    FailureKind.UNSUPPORTED,
                    CoreMessages.tr("Matrix rooms have no %1 role.").arg(role.value),
                )
            )
        path = f"/rooms/{q(conv.native_id)}/state/m.room.power_levels/"
        reply = await self._api("GET", path)
        if not reply.ok:
            return Outcome(reply.failure())
        levels = dict(reply.body)
        users = dict(levels.get("users") or {})
        if level == cv.required_level(levels, "users_default", 0):
            users.pop(member, None)
        else:
            users[member] = level
        levels["users"] = users
        put = await self._api("PUT", path, levels)
        return Outcome() if put.ok else Outcome(put.failure())

    async def ban_list(self, conv: ConversationId) -> tuple[BanEntry, ...] | Failure:
        reply = await self.session.api.request(
            "GET",
            f"{V3}/rooms/{q(conv.native_id)}/members",
            query=[("membership", "ban")],
            timeout=30,
        )
        if not reply.ok:
            return reply.failure()
        entries = []
        for event in cv.get_list(reply.body, "chunk") or []:
            if not isinstance(event, dict):
                continue
            user = cv.get_str(event, "state_key")
            content = cv.get_dict(event, "content") or {}
            if not user or cv.get_str(content, "membership") != "ban":
                continue
            stamp = cv.get_int(event, "origin_server_ts")
            entries.append(
                BanEntry(
                    user,
                    set_by=cv.get_str(event, "sender") or "",
                    set_at=from_millis(stamp) if stamp is not None else None,
                    reason=cv.get_str(content, "reason") or "",
                )
            )
        return tuple(sorted(entries, key=lambda e: e.mask))

    async def close(self, conv: ConversationId, reason: str) -> Outcome:
        """Invite-only, everyone else removed, then we leave: nobody can come back in."""
        session = self.session
        room_id = conv.native_id
        rules = await self._api(
            "PUT", f"/rooms/{q(room_id)}/state/m.room.join_rules/", {"join_rule": "invite"}
        )
        if not rules.ok:
            return Outcome(rules.failure())
        members = await self._api("GET", f"/rooms/{q(room_id)}/joined_members")
        if not members.ok:
            return Outcome(members.failure())
        why = {"reason": reason or CoreMessages.tr("The room was closed.")}
        for user in cv.get_dict(members.body, "joined") or {}:
            if user == session.own_id:
                continue
            kicked = await self._api("POST", f"/rooms/{q(room_id)}/kick", {"user_id": user, **why})
            if not kicked.ok:
                return Outcome(kicked.failure())
        left = await self._api("POST", f"/rooms/{q(room_id)}/leave", why)
        if not left.ok:
            return Outcome(left.failure())
        session.forget_room(room_id)
        session.report(f.ConversationLeft(room_id, CoreMessages.tr("The room was closed.")))
        return Outcome()
