"""The /sync filter names only what is shown: presence of ourselves and direct-chat partners."""

from __future__ import annotations

from typing import Any

from backends.matrix.http import Reply
from backends.matrix.syncfilter import MAX_PRESENCE_SENDERS, SyncFilter, sync_filter


class Uploads:
    def __init__(self) -> None:
        self.bodies: list[dict[str, Any]] = []

    async def request(self, method: str, path: str, **kw: Any) -> Reply:
        self.bodies.append(kw["body"])
        return Reply(200, {"filter_id": str(len(self.bodies))})


async def test_our_own_presence_is_always_asked_for() -> None:
    http = Uploads()
    sf = SyncFilter()
    assert await sf.parameter(http, "@me:hs", []) == "1"  # type: ignore[arg-type]
    assert http.bodies[0]["presence"] == {"senders": ["@me:hs"]}
    assert await sf.parameter(http, "@me:hs", []) == "1"  # unchanged: not uploaded again
    assert await sf.parameter(http, "@me:hs", ["@b:hs"]) == "2"  # type: ignore[arg-type]
    assert http.bodies[1]["presence"] == {"senders": ["@b:hs", "@me:hs"]}


def test_presence_is_bounded_and_off_for_nobody() -> None:
    assert sync_filter([])["presence"] == {"types": []}
    many = sync_filter(f"@u{n}:hs" for n in range(MAX_PRESENCE_SENDERS * 3))
    assert len(many["presence"]["senders"]) == MAX_PRESENCE_SENDERS
