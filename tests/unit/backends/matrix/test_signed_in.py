"""``GET /devices`` read defensively: malformed entries dropped, ours first, then newest seen."""

from __future__ import annotations

from datetime import UTC, datetime

from backends.matrix.signed_in import MAX_NAME_CHARS, parse_devices


def test_ours_first_then_the_most_recently_seen() -> None:
    body = {
        "devices": [
            {"device_id": "OLD", "display_name": "Old", "last_seen_ts": 1_000},
            {"device_id": "NEVER", "display_name": "Never seen"},
            {"device_id": "ME", "display_name": "Chinwag", "last_seen_ts": 5_000},
            {"device_id": "NEW", "last_seen_ts": 9_000, "last_seen_ip": "192.0.2.7"},
        ]
    }
    found = parse_devices(body, "ME")
    assert [d.device_id for d in found] == ["ME", "NEW", "OLD", "NEVER"]
    assert found[0].current and not any(d.current for d in found[1:])
    assert found[1].name == "" and found[1].last_address == "192.0.2.7"
    assert found[1].last_seen == datetime.fromtimestamp(9, UTC)
    assert found[3].last_seen is None


def test_malformed_answers_are_dropped_not_fatal() -> None:
    body = {
        "devices": [
            "not a device",
            {"device_id": ""},
            {"device_id": 7},
            {"device_id": "A", "display_name": 5, "last_seen_ts": "yesterday", "last_seen_ip": []},
            {"device_id": "B", "last_seen_ts": True},
            {"device_id": "C", "last_seen_ts": 10**20},
            {"device_id": "D", "display_name": "x" * 5000},
        ]
    }
    found = {d.device_id: d for d in parse_devices(body, "")}
    assert set(found) == {"A", "B", "C", "D"}
    assert found["A"].name == "" and found["A"].last_seen is None and found["A"].last_address == ""
    assert found["B"].last_seen is None and found["C"].last_seen is None
    assert len(found["D"].name) == MAX_NAME_CHARS
    assert parse_devices({"devices": "nope"}, "") == ()
    assert parse_devices({}, "") == ()
