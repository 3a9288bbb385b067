"""Spaces, pure parts and bounds: children of a space from its state, the hierarchy read
within limits whatever the server sends (a 10,000-room space, a loop, junk)."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

from app.models import ConversationId, SpaceHierarchy
from backends.matrix import MatrixBackend
from backends.matrix import spaces as sp
from backends.matrix.http import Reply
from backends.matrix.rooms import MAX_CHILDREN, RoomState
from chinwag.testing import RecordingContext

LOG = logging.LoggerAdapter(logging.getLogger("test"), {})
SPACE = "!space:x"


def child(room: str, via: Any = ("x",), **content: Any) -> dict[str, Any]:
    body = {"via": list(via) if isinstance(via, tuple) else via, **content}
    return {"type": "m.space.child", "state_key": room, "content": body}


def test_children_of_a_space_from_its_state() -> None:
    room = RoomState(SPACE)
    room.apply_state(
        {"type": "m.room.create", "state_key": "", "content": {"type": "m.space"}}, LOG
    )
    assert room.is_space
    for event in (
        child("!b:x", order="b"),
        child("!a:x", order="a"),
        child("!c:x"),
        child(SPACE),  # itself
        child("#alias:x"),  # not a room id
        child("!d:x", via=[]),  # no via: not in the space
        child("!e:x", via="x"),  # via not a list
        child("!f:x", order="\x01bad"),  # an order with control characters counts as none
    ):
        room.apply_state(event, LOG)
    assert room.ordered_children() == ("!a:x", "!b:x", "!c:x", "!f:x")
    change = room.apply_state(child("!a:x", via=[]), LOG)  # taken out
    assert change is not None and change.what == "space" and change.user_id == "!a:x"
    assert "!a:x" not in room.children


def test_a_space_lists_at_most_max_children() -> None:
    room = RoomState(SPACE)
    for n in range(MAX_CHILDREN + 50):
        room.apply_state(child(f"!r{n}:x"), LOG)
    assert len(room.children) == MAX_CHILDREN


class EndlessHierarchy:
    """A server whose space holds ever more rooms (and lists the space and a loop too)."""

    def __init__(self) -> None:
        self.pages = 0

    async def request(self, method: str, path: str, **kwargs: Any) -> Reply:
        assert path.endswith("/hierarchy"), path
        self.pages += 1
        start = int(str(kwargs["query"].get("from", "0")))
        rooms: list[Any] = [{"room_id": SPACE, "children_state": [child(f"!r{start}:x")]}]
        rooms += [{"room_id": f"!r{n}:x", "name": f"R{n}"} for n in range(start, start + 50)]
        rooms += [{"room_id": "!r0:x"}, "junk", {"room_id": 5}]
        return Reply(200, {"rooms": rooms, "next_batch": str(start + 50)})


async def test_a_ten_thousand_room_space_is_read_within_bounds(tmp_path: Path) -> None:
    rec = RecordingContext("acct", {"user_id": "@me:x"}, {}, tmp_path)
    backend = MatrixBackend(rec.build(asyncio.get_running_loop()))
    server = EndlessHierarchy()
    backend._session.http = server  # type: ignore[assignment]
    backend._session.client = object()  # type: ignore[assignment]
    found = await backend.space_hierarchy(ConversationId("acct", SPACE), limit=10_000)
    assert isinstance(found, SpaceHierarchy)
    assert not found.complete
    assert server.pages <= sp.MAX_PAGES
    assert len(found.rooms) <= sp.MAX_ROOMS
    ids = [r.native_id for r in found.rooms]
    assert len(ids) == len(set(ids)) and SPACE not in ids
    first = found.rooms[0]
    assert first.native_id == "!r0:x" and first.address == "!r0:x?via=x" and first.name == "R0"


def test_hierarchy_entries_are_checked() -> None:
    rooms: list[Any] = [
        {"room_id": SPACE, "children_state": [child("!a:x", via=("s1", "s2")), "junk"]},
        {"room_id": "!a:x", "name": "A", "num_joined_members": -5, "room_type": "m.space"},
        {"room_id": "!b:x", "canonical_alias": "#b:x", "topic": "t" * 2000},
        {"room_id": "not-a-room"},
        {"name": "no id"},
    ]
    listed = sp.space_rooms(SPACE, rooms, {"!b:x"}, sp.child_vias(rooms))
    assert [r.native_id for r in listed] == ["!a:x", "!b:x"]
    a, b = listed
    assert a.is_space and a.members is None and a.address == "!a:x?via=s1&via=s2"
    assert b.address == "#b:x" and b.joined and b.name == "#b:x" and len(b.topic) == 500
