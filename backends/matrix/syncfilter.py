"""The ``/sync`` filter: only what Chinwag shows or needs, so each answer is small to send and parse.

- Room timelines and state carry only the event types the backend converts or tracks
  (:data:`TIMELINE_TYPES`); members are lazy-loaded (the server sends the members of the events
  it sends, not every member of every room).
- Presence only of the people presence is shown for: ourselves (another device of ours may set
  it) and the other person of each direct chat. A room of 5,000 people then costs no presence
  traffic.

The filter is uploaded once (``POST /user/{id}/filter``) and referred to by its id; it is made
again when what it names changes (a new direct chat). Pure parts (:func:`sync_filter`) do no I/O.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from backends.matrix import convert as cv
from backends.matrix.http import V3, MatrixHttp, q
from backends.matrix.polls import POLL_TYPES

STATE_TYPES = (
    "m.room.create",
    "m.room.member",
    "m.room.name",
    "m.room.topic",
    "m.room.avatar",
    "m.room.canonical_alias",
    "m.room.encryption",
    "m.room.power_levels",
    "m.room.join_rules",
    "m.room.tombstone",
    "m.space.child",
    "m.space.parent",
)
"""State the backend tracks (:mod:`.rooms`, :mod:`.spaces`, nio's membership)."""
MESSAGE_TYPES = (
    "m.room.message",
    "m.room.encrypted",
    "m.sticker",
    "m.reaction",
    "m.room.redaction",
    *POLL_TYPES,
)
TIMELINE_TYPES = MESSAGE_TYPES + STATE_TYPES
TIMELINE_LIMIT = 20
MAX_PRESENCE_SENDERS = 1_000


def sync_filter(presence_of: Iterable[str]) -> dict[str, Any]:
    """The filter for people ``presence_of`` (the other side of each direct chat)."""
    senders = sorted(set(presence_of))[:MAX_PRESENCE_SENDERS]
    presence: dict[str, Any] = {"senders": senders} if senders else {"types": []}
    return {
        "presence": presence,
        "room": {
            "state": {"types": list(STATE_TYPES), "lazy_load_members": True},
            "timeline": {
                "types": list(TIMELINE_TYPES),
                "limit": TIMELINE_LIMIT,
                "lazy_load_members": True,
            },
        },
    }


def compact(value: dict[str, Any]) -> str:
    return json.dumps(value, separators=(",", ":"), sort_keys=True)


class SyncFilter:
    """The filter id (or inline JSON) to send with each ``/sync``, made again when it changes."""

    def __init__(self) -> None:
        self._text = ""
        self._id = ""

    async def parameter(self, http: MatrixHttp, user_id: str, presence_of: Iterable[str]) -> str:
        """The ``filter`` query parameter: an uploaded filter's id, or the JSON itself when the
        server would not store it (the answer is the same, the request longer)."""
        text = compact(sync_filter([user_id, *presence_of]))  # ours too: other devices set it
        if text == self._text:
            return self._id or text  # (the server would not store this one: sent inline)
        self._text, self._id = text, ""
        reply = await http.request(
            "POST", f"{V3}/user/{q(user_id)}/filter", body=json.loads(text), timeout=30
        )
        filter_id = cv.get_str(reply.body, "filter_id") if reply.ok else None
        if filter_id and not filter_id.startswith("{"):
            self._id = filter_id
            return filter_id
        return text
