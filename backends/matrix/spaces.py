"""A space's hierarchy (``GET /rooms/{id}/hierarchy``, spec "Spaces"): its rooms and
sub-spaces, joined or not, to browse and join.

The listing is read a page at a time up to :data:`MAX_ROOMS` rooms (:data:`MAX_PAGES` pages):
a space of ten thousand rooms costs that much and is marked incomplete. Each room appears
once whatever the server sends (a space listing itself, or two spaces listing each other, is
a loop the server may not break for us). A room is joined through the servers its parent's
``m.space.child`` names (``via``), which a room version 12 id needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from app.backend import Failure
from app.models import ConversationId, SpaceHierarchy, SpaceRoom
from backends.matrix import convert as cv
from backends.matrix.http import q
from backends.matrix.session import MatrixSession, not_connected

V1 = "/_matrix/client/v1"
MAX_ROOMS = 1_000
MAX_PAGES = 40
PAGE_SIZE = 50
MAX_VIA = 5


def child_vias(rooms: list[Any]) -> dict[str, tuple[str, tuple[str, ...]]]:
    """room id → (the space listing it, its ``via`` servers), from the rooms' ``children_state``."""
    found: dict[str, tuple[str, tuple[str, ...]]] = {}
    for room in rooms:
        if not isinstance(room, dict):
            continue
        parent = cv.get_str(room, "room_id") or ""
        for event in cv.get_list(room, "children_state") or []:
            if not isinstance(event, dict) or cv.get_str(event, "type") != "m.space.child":
                continue
            child = cv.get_str(event, "state_key")
            via = cv.get_list(cv.get_dict(event, "content") or {}, "via") or []
            servers = tuple(v for v in via if isinstance(v, str) and v)[:MAX_VIA]
            if child and child != parent and servers and child not in found:
                found[child] = (parent, servers)
    return found


def join_address(room_id: str, via: tuple[str, ...]) -> str:
    """A room id with the servers to join it through (what ``join`` takes)."""
    return room_id + ("?" + urlencode([("via", v) for v in via]) if via else "")


def space_rooms(
    space: str, rooms: list[Any], joined: set[str], vias: Mapping[str, tuple[str, tuple[str, ...]]]
) -> list[SpaceRoom]:
    """The hierarchy's rooms other than the space itself (pure; malformed entries dropped)."""
    out: list[SpaceRoom] = []
    for room in rooms:
        room_id = cv.get_str(room, "room_id") if isinstance(room, dict) else None
        if not room_id or room_id == space or not room_id.startswith("!"):
            continue
        parent, via = vias.get(room_id, (space, ()))
        alias = cv.get_str(room, "canonical_alias")
        members = cv.get_int(room, "num_joined_members")
        out.append(
            SpaceRoom(
                native_id=room_id,
                address=alias if alias and alias.startswith("#") else join_address(room_id, via),
                name=(cv.get_str(room, "name") or alias or "").strip()[:200],
                topic=(cv.get_str(room, "topic") or "")[:500],
                members=members if members is not None and members >= 0 else None,
                is_space=cv.get_str(room, "room_type") == "m.space",
                joined=room_id in joined,
                parent=parent,
            )
        )
    return out


class Spaces:
    """Space hierarchies for one session."""

    def __init__(self, session: MatrixSession) -> None:
        self.session = session

    async def hierarchy(self, space: ConversationId, limit: int) -> SpaceHierarchy | Failure:
        session = self.session
        if not session.connected():
            return not_connected()
        limit = max(1, min(limit, MAX_ROOMS))
        path = f"{V1}/rooms/{q(space.native_id)}/hierarchy"
        query: dict[str, str | int] = {"limit": PAGE_SIZE}
        seen: dict[str, Any] = {}
        complete = False
        for _ in range(MAX_PAGES):
            reply = await session.api.request("GET", path, query=query, timeout=60)
            if not reply.ok:
                if seen:
                    break  # keep what was read
                return reply.failure()
            for room in cv.get_list(reply.body, "rooms") or []:
                room_id = cv.get_str(room, "room_id") if isinstance(room, dict) else None
                if room_id and room_id not in seen and len(seen) <= limit:
                    seen[room_id] = room
            token = cv.get_str(reply.body, "next_batch")
            if not token or token == query.get("from"):
                complete = True
                break
            if len(seen) > limit:
                break
            query["from"] = token
        rooms = list(seen.values())
        listed = space_rooms(space.native_id, rooms, set(session.joined), child_vias(rooms))
        if len(listed) > limit:
            listed, complete = listed[:limit], False
        if not complete:
            session.log.info("the hierarchy of %s was read in part", space.native_id)
        return SpaceHierarchy(space.native_id, tuple(listed), complete)
