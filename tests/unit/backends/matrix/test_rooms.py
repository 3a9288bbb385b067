"""Room state as far as a session has seen it: titles by the spec's algorithm, names, powers."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from app.models import Role
from backends.matrix.rooms import RoomState

ME = "@me:x"
log = logging.getLogger("test")


def state(etype: str, content: Any, state_key: str = "", sender: str = "@a:x") -> dict[str, Any]:
    return {"type": etype, "state_key": state_key, "content": content, "sender": sender}


def member(user: str, name: str | None = None, membership: str = "join") -> dict[str, Any]:
    content: dict[str, Any] = {"membership": membership}
    if name is not None:
        content["displayname"] = name
    return state("m.room.member", content, user)


def room_with(*events: dict[str, Any], summary: dict[str, Any] | None = None) -> RoomState:
    room = RoomState("!r:x")
    if summary is not None:
        room.apply_summary(summary)
    for event in events:
        room.apply_state(event, log)
    return room


@pytest.mark.parametrize(
    ("events", "summary", "title"),
    [
        ([state("m.room.name", {"name": " Garden "})], None, "Garden"),
        ([state("m.room.canonical_alias", {"alias": "#g:x"})], None, "#g:x"),
        (
            [
                state("m.room.name", {"name": ""}),
                state("m.room.canonical_alias", {"alias": "#g:x"}),
            ],
            None,
            "#g:x",
        ),
        ([member("@a:x", "Alice")], {"m.heroes": ["@a:x"], "m.joined_member_count": 2}, "Alice"),
        (
            [member("@a:x", "Alice"), member("@b:x", "Bob")],
            {"m.heroes": ["@a:x", "@b:x"], "m.joined_member_count": 3},
            "Alice and Bob",
        ),
        (
            [member("@a:x", "Alice")],
            {"m.heroes": ["@a:x", "@b:x"], "m.joined_member_count": 7},
            "Alice, b and 4 others",
        ),
        ([], {"m.heroes": [], "m.joined_member_count": 1}, "Empty room"),
        (
            [member("@a:x", "Alice", "leave")],
            {"m.heroes": ["@a:x"], "m.joined_member_count": 1},
            "Empty room (was Alice)",
        ),
        ([member("@a:x", "Alice")], None, None),  # no summary seen: too little to name it
        ([], None, None),
    ],
)
def test_title(
    events: list[dict[str, Any]], summary: dict[str, Any] | None, title: str | None
) -> None:
    assert room_with(*events, summary=summary).title(ME) == title


def test_same_display_names_are_told_apart() -> None:
    room = room_with(member("@a:x", "Sam"), member("@b:x", "Sam"), member("@c:x", "Kim"))
    assert room.display_name_of("@a:x") == "Sam (@a:x)"
    assert room.display_name_of("@c:x") == "Kim"
    assert room.display_name_of("@unknown:x") == "@unknown:x"
    room.apply_state(member("@b:x", "Sam", "leave"), log)
    assert room.display_name_of("@a:x") == "Sam"


def test_power_levels_roles_and_permissions() -> None:
    levels = {"users": {"@admin:x": 100, "@mod:x": 50, ME: 0}, "kick": 50, "ban": 75, "invite": 0}
    room = room_with(
        state("m.room.create", {"room_version": "11"}, sender="@admin:x"),
        state("m.room.power_levels", levels),
        member("@admin:x", "Admin"),
        member("@mod:x"),
        member(ME),
        member("@gone:x", membership="leave"),
    )
    assert room.role("@admin:x") is Role.ADMIN
    assert room.role("@mod:x") is Role.MODERATOR
    assert room.role(ME) is Role.MEMBER
    assert room.can("@mod:x", "kick") and not room.can("@mod:x", "ban")
    assert room.can(ME, "invite") and not room.can(ME, "kick")
    assert room.can("@mod:x", "m.room.topic") and not room.can(ME, "m.room.topic")
    mod = room.member("acct", "@mod:x")
    assert mod is not None and mod.affiliation == "50" and mod.display_name == ""
    assert room.member("acct", "@gone:x") is None


def test_room_version_12_creators_own_the_room() -> None:
    room = room_with(
        state(
            "m.room.create",
            {"room_version": "12", "additional_creators": ["@co:x", 5]},
            sender="@c:x",
        ),
        state("m.room.power_levels", {"users": {}}),
        member("@c:x"),
        member("@co:x"),
    )
    assert room.role("@c:x") is Role.OWNER and room.role("@co:x") is Role.OWNER
    assert room.can("@c:x", "ban")
    c = room.member("acct", "@c:x")
    assert c is not None and c.affiliation == "creator"


def test_unknown_power_levels_leave_the_decision_to_the_server() -> None:
    assert room_with(member(ME)).can(ME, "ban")


@pytest.mark.parametrize(
    "event",
    [
        {"type": "m.room.member", "state_key": "@a:x", "content": {}},
        {"type": "m.room.name", "content": {"name": "x"}},
        {"type": "m.room.name", "state_key": "", "content": "x"},
        {"state_key": "", "content": {}},
        {"type": "m.room.name", "state_key": "not empty", "content": {"name": "x"}},
    ],
)
def test_malformed_state_changes_nothing(event: dict[str, Any]) -> None:
    room = RoomState("!r:x")
    assert room.apply_state(event, log) is None
    assert room.name is None and room.members == {}


def test_fields_from_state() -> None:
    room = room_with(
        state("m.room.topic", {"topic": "t"}),
        state("m.room.avatar", {"url": "mxc://x/a"}),
        state("m.room.encryption", {"algorithm": "m.megolm.v1.aes-sha2"}),
    )
    assert (room.topic, room.avatar_url, room.encrypted) == ("t", "mxc://x/a", True)


def test_history_names_only_fill_gaps() -> None:
    room = room_with(member("@a:x", "Alice"))
    room.remember_name(member("@a:x", "Old name"))
    room.remember_name(member("@b:x", "Bob", "leave"))
    assert room.display_name_of("@a:x") == "Alice"
    assert room.display_name_of("@b:x") == "Bob"
