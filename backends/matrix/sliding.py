"""Simplified sliding sync (MSC4186) as a source of sync answers, in the shape of ``/sync`` v3.

Where the homeserver serves it (Synapse does), one list holds every room by recency
(``bump_stamp``), each with the state the backend tracks and its newest few events, and the
extensions bring what v3 has at its top level: to-device messages, end-to-end encryption
(device lists, one-time-key counts), account data, receipts and typing. :func:`to_v3` turns
each answer into the v3 shape, so the rest of the sync pipeline (encryption, gaps, threads,
spaces, facts) is the same for both. The first answer already lists every room (up to
:data:`MAX_ROOMS`), so the room list shows at once, however many rooms there are; history
comes later, when a room is read (each room brings its newest 20 events, as v3 does).

Positions: the answer's ``pos`` (kept as :data:`STATE_POS`) and the to-device extension's own
``next_batch`` (:data:`STATE_TO_DEVICE`, the server deletes to-device messages up to it), kept
together with the facts of the answer. Sliding sync has no presence: :mod:`.presencepoll` asks
for it beside.
"""

from __future__ import annotations

from typing import Any

from backends.matrix import convert as cv
from backends.matrix.syncfilter import STATE_TYPES
from backends.matrix.syncfilter import TIMELINE_LIMIT as V3_TIMELINE_LIMIT

PATH = "/_matrix/client/unstable/org.matrix.simplified_msc3575/sync"
STATE_POS = "sliding_pos"
STATE_TO_DEVICE = "sliding_to_device"
STATE_WINDOW = "sliding_pos:window"  # how many rooms the list asks for (all, once known)
STATE_KEYS = (STATE_POS, STATE_TO_DEVICE, STATE_WINDOW)
CONN_ID = "chinwag"
LIST = "all"
FIRST_WINDOW = 300  # rooms the first request asks for (a later one asks for them all)
MAX_ROOMS = 2_000
TIMELINE_LIMIT = V3_TIMELINE_LIMIT  # as /sync v3: a room opens on the same page either way
REQUIRED_STATE = [
    *([t, "*" if t.startswith("m.space.") else ""] for t in STATE_TYPES if t != "m.room.member"),
    ["m.room.member", "$LAZY"],
    ["m.room.member", "$ME"],
]
EXTENSIONS = ("to_device", "e2ee", "account_data", "receipts", "typing")


def request_body(window: int, to_device_since: str | None) -> dict[str, Any]:
    """One request: the room list from the most recent room to ``window`` rooms, and every
    extension (to-device from ``to_device_since``)."""
    window = max(1, min(window, MAX_ROOMS))
    extensions: dict[str, Any] = {name: {"enabled": True} for name in EXTENSIONS}
    if to_device_since:
        extensions["to_device"]["since"] = to_device_since
    return {
        "conn_id": CONN_ID,
        "lists": {
            LIST: {
                "ranges": [[0, window - 1]],
                "required_state": REQUIRED_STATE,
                "timeline_limit": TIMELINE_LIMIT,
            }
        },
        "extensions": extensions,
    }


def list_count(body: dict[str, Any]) -> int | None:
    """How many rooms the list holds (to ask for all of them next time)."""
    lists = cv.get_dict(body, "lists") or {}
    count = cv.get_int(cv.get_dict(lists, LIST) or {}, "count")
    return count if count is not None and count >= 0 else None


def to_device_batch(body: dict[str, Any]) -> str | None:
    extensions = cv.get_dict(body, "extensions") or {}
    return cv.get_str(cv.get_dict(extensions, "to_device") or {}, "next_batch")


def _events(value: object) -> list[dict[str, Any]]:
    return [e for e in value if isinstance(e, dict)] if isinstance(value, list) else []


def _room_events(value: object) -> list[Any]:
    """A room's events as they came (a list, else none): the v3 pipeline reports each malformed
    one as bad input, as it does for v3 answers, rather than it vanishing here."""
    return list(value) if isinstance(value, list) else []


def _left(room: dict[str, Any], own_id: str) -> bool:
    """Whether the newest membership event of ours in a room's answer is a leave or a ban."""
    membership: str | None = None
    for event in (*_events(room.get("required_state")), *_events(room.get("timeline"))):
        if cv.get_str(event, "type") == "m.room.member" and event.get("state_key") == own_id:
            membership = cv.get_str(cv.get_dict(event, "content") or {}, "membership")
    return membership in ("leave", "ban")


def to_v3(body: dict[str, Any], own_id: str, position: str) -> dict[str, Any]:
    """A sliding sync answer in the shape of a ``/sync`` v3 answer (pure; malformed parts are
    dropped, never raised on)."""
    extensions = cv.get_dict(body, "extensions") or {}
    e2ee = cv.get_dict(extensions, "e2ee") or {}
    account_data = cv.get_dict(extensions, "account_data") or {}
    out: dict[str, Any] = {
        "next_batch": position,
        "to_device": {
            "events": _events((cv.get_dict(extensions, "to_device") or {}).get("events"))
        },
        "device_lists": cv.get_dict(e2ee, "device_lists") or {},
        "device_one_time_keys_count": cv.get_dict(e2ee, "device_one_time_keys_count") or {},
        "device_unused_fallback_key_types": [
            t
            for t in cv.get_list(e2ee, "device_unused_fallback_key_types") or []
            if isinstance(t, str)
        ],
        "account_data": {"events": _events(account_data.get("global"))},
    }
    join: dict[str, Any] = {}
    invite: dict[str, Any] = {}
    leave: dict[str, Any] = {}
    for room_id, room in (cv.get_dict(body, "rooms") or {}).items():
        if not isinstance(room_id, str) or not isinstance(room, dict):
            continue
        stripped = _events(room.get("invite_state"))
        if stripped:
            invite[room_id] = {"invite_state": {"events": stripped}}
            continue
        timeline = {
            "events": _room_events(room.get("timeline")),
            "limited": room.get("limited") is True,
        }
        prev_batch = cv.get_str(room, "prev_batch")
        if prev_batch:
            timeline["prev_batch"] = prev_batch
        entry: dict[str, Any] = {
            "state": {"events": _room_events(room.get("required_state"))},
            "timeline": timeline,
        }
        if _left(room, own_id):
            leave[room_id] = entry
            continue
        summary: dict[str, Any] = {}
        heroes = [cv.get_str(h, "user_id") for h in _events(room.get("heroes"))]
        if heroes:
            summary["m.heroes"] = [h for h in heroes if h]
        for ours, theirs in (
            ("m.joined_member_count", "joined_count"),
            ("m.invited_member_count", "invited_count"),
        ):
            value = cv.get_int(room, theirs)
            if value is not None:
                summary[ours] = value
        if summary:
            entry["summary"] = summary
        # No "unread_notifications": Synapse sends 0 placeholders for notification_count and
        # highlight_count here ("notifications can only really be done correctly on the
        # client"), which would reset every room's unread count on each update. The core counts
        # live messages itself, and our receipts from other devices come as ReadUpTo.
        join[room_id] = entry

    def room_entry(room_id: object) -> dict[str, Any] | None:
        if not isinstance(room_id, str) or room_id in invite or room_id in leave:
            return None
        found: dict[str, Any] = join.setdefault(room_id, {})
        return found

    for room_id, events in (cv.get_dict(account_data, "rooms") or {}).items():
        target = room_entry(room_id)
        if target is not None:
            target["account_data"] = {"events": _events(events)}
    for name in ("receipts", "typing"):
        rooms = cv.get_dict(cv.get_dict(extensions, name) or {}, "rooms") or {}
        for room_id, event in rooms.items():
            if not isinstance(event, dict):
                continue
            target = room_entry(room_id)
            if target is not None:
                target.setdefault("ephemeral", {"events": []})["events"].append(event)
    out["rooms"] = {"join": join, "invite": invite, "leave": leave}
    return out
