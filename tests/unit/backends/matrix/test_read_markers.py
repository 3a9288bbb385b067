"""Read markers of a busy room are coalesced: one at once, then at most one per interval (the
newest), instead of one per sync answer."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from app.models import ConversationId
from backends.matrix import MatrixBackend
from backends.matrix import messaging as mx
from backends.matrix.http import Reply
from chinwag.testing import RecordingContext


class Server:
    def __init__(self) -> None:
        self.markers: list[tuple[str, str]] = []

    async def request(self, method: str, path: str, **kwargs: Any) -> Reply:
        assert path.endswith("/read_markers"), path
        self.markers.append((path.split("/")[-2], kwargs["body"]["m.read"]))
        return Reply(200, {})


async def test_a_burst_of_markers_sends_the_first_and_the_newest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mx, "READ_MARKER_INTERVAL", 0.3)
    rec = RecordingContext("acct", {"user_id": "@me:x"}, {}, tmp_path)
    backend = MatrixBackend(rec.build(asyncio.get_running_loop()))
    server = Server()
    backend._session.http = server  # type: ignore[assignment]
    backend._session.client = object()  # type: ignore[assignment]
    room = ConversationId("acct", "!r:x")
    other = ConversationId("acct", "!o:x")
    for n in range(5):
        await backend.send_read_marker(room, f"$e{n}")
    await backend.send_read_marker(other, "$o1")  # another room is not held back
    assert server.markers == [("%21r%3Ax", "$e0"), ("%21o%3Ax", "$o1")]
    for _ in range(100):
        if len(server.markers) == 3:
            break
        await asyncio.sleep(0.05)
    assert server.markers[2] == ("%21r%3Ax", "$e4")
    await asyncio.sleep(0.4)
    assert len(server.markers) == 3  # nothing more was waiting
