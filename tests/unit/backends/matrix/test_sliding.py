"""Simplified sliding sync answers turned into the /sync v3 shape (pure; malformed parts dropped)."""

from __future__ import annotations

from typing import Any

from backends.matrix.sliding import MAX_ROOMS, list_count, request_body, to_device_batch, to_v3

ME = "@me:hs"


def member(user: str, membership: str) -> dict[str, Any]:
    return {
        "type": "m.room.member",
        "state_key": user,
        "sender": user,
        "event_id": f"${user}{membership}",
        "content": {"membership": membership},
    }


def test_rooms_extensions_and_counts_land_where_v3_has_them() -> None:
    body = {
        "pos": "p1",
        "lists": {"all": {"count": 3, "ops": []}},
        "rooms": {
            "!a:hs": {
                "required_state": [
                    {"type": "m.room.name", "state_key": "", "content": {"name": "A"}}
                ],
                "timeline": [{"type": "m.room.message", "event_id": "$1", "content": {}}],
                "limited": True,
                "prev_batch": "t1",
                "joined_count": 2,
                "heroes": [{"user_id": "@b:hs"}, {"displayname": "no id"}],
                "notification_count": 4,
                "highlight_count": 1,
            },
            "!inv:hs": {"invite_state": [member(ME, "invite")]},
            "!gone:hs": {"timeline": [member(ME, "leave")]},
        },
        "extensions": {
            "to_device": {"next_batch": "td5", "events": [{"type": "m.room_key"}, "junk"]},
            "e2ee": {
                "device_lists": {"changed": ["@b:hs"], "left": []},
                "device_one_time_keys_count": {"signed_curve25519": 50},
                "device_unused_fallback_key_types": ["signed_curve25519", 7],
            },
            "account_data": {
                "global": [{"type": "m.direct", "content": {}}],
                "rooms": {"!a:hs": [{"type": "m.tag", "content": {}}], "!inv:hs": []},
            },
            "receipts": {"rooms": {"!a:hs": {"type": "m.receipt", "content": {}}}},
            "typing": {"rooms": {"!b:hs": {"type": "m.typing", "content": {"user_ids": []}}}},
        },
    }
    v3 = to_v3(body, ME, "p1")
    assert v3["next_batch"] == "p1"
    assert v3["to_device"]["events"] == [{"type": "m.room_key"}]
    assert v3["device_lists"]["changed"] == ["@b:hs"]
    assert v3["device_one_time_keys_count"] == {"signed_curve25519": 50}
    assert v3["device_unused_fallback_key_types"] == ["signed_curve25519"]
    assert v3["account_data"]["events"][0]["type"] == "m.direct"
    join = v3["rooms"]["join"]
    a = join["!a:hs"]
    assert a["state"]["events"][0]["content"]["name"] == "A"
    assert a["timeline"] == {
        "events": [{"type": "m.room.message", "event_id": "$1", "content": {}}],
        "limited": True,
        "prev_batch": "t1",
    }
    assert a["summary"] == {"m.heroes": ["@b:hs"], "m.joined_member_count": 2}
    assert "unread_notifications" not in a  # Synapse's are placeholders (always 0)
    assert a["account_data"]["events"][0]["type"] == "m.tag"
    assert a["ephemeral"]["events"][0]["type"] == "m.receipt"
    assert join["!b:hs"]["ephemeral"]["events"][0]["type"] == "m.typing"  # typing only
    assert "!inv:hs" not in join and "!gone:hs" not in join
    assert v3["rooms"]["invite"]["!inv:hs"]["invite_state"]["events"][0]["state_key"] == ME
    assert "!gone:hs" in v3["rooms"]["leave"]
    assert list_count(body) == 3
    assert to_device_batch(body) == "td5"


def test_a_rejoin_after_a_leave_in_one_answer_is_joined() -> None:
    body = {"rooms": {"!r:hs": {"timeline": [member(ME, "leave"), member(ME, "join")]}}}
    v3 = to_v3(body, ME, "p")
    assert "!r:hs" in v3["rooms"]["join"] and not v3["rooms"]["leave"]


def test_hostile_shapes_are_dropped_not_raised_on() -> None:
    for body in (
        {},
        {"rooms": []},
        {"rooms": {"!x:hs": "not a room", 5: {}}, "extensions": "nope"},
        {"rooms": {"!x:hs": {"timeline": "x", "required_state": [1, None]}}},
        {"extensions": {"receipts": {"rooms": {"!x:hs": ["list"]}}, "e2ee": {"device_lists": 3}}},
        {"lists": {"all": {"count": -4}}},
    ):
        v3 = to_v3(body, ME, "p")
        assert v3["next_batch"] == "p"
        assert isinstance(v3["rooms"]["join"], dict)
        assert list_count(body) is None
    junk = {"extensions": {"receipts": {"rooms": {"!x:hs": ["list"]}}}}
    assert to_v3(junk, ME, "p")["rooms"]["join"] == {}  # no room made up from a bad receipt
    broken = to_v3({"rooms": {"!x:hs": {"timeline": "x", "required_state": [1]}}}, ME, "p")
    assert broken["rooms"]["join"]["!x:hs"]["timeline"]["events"] == []


def test_the_request_window_is_bounded() -> None:
    body = request_body(10**9, "td")
    assert body["lists"]["all"]["ranges"] == [[0, MAX_ROOMS - 1]]
    assert body["extensions"]["to_device"] == {"enabled": True, "since": "td"}
    assert request_body(0, None)["lists"]["all"]["ranges"] == [[0, 0]]
    assert set(body["extensions"]) >= {"to_device", "e2ee", "account_data", "receipts", "typing"}
