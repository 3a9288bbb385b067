"""The fake service as a contract harness (proves the suite itself, and the fake, are honest)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import facts as f
from chinwag.testing import wait_until
from tests.fakes.fake_backend import FakeServer


class FakeHarness:
    def __init__(self) -> None:
        self.server = FakeServer(passwords={"alice": "wonderland"})
        self.backend_class = self.server.backend_class()

    def settings(self) -> tuple[dict[str, str | int | bool], dict[str, str]]:
        return {"user": "alice"}, {"password": "wonderland"}

    def with_wrong_password(self) -> tuple[dict[str, str | int | bool], dict[str, str]]:
        return {"user": "alice"}, {"password": "not it"}

    def unreachable(self) -> tuple[dict[str, str | int | bool], dict[str, str]]:
        self.server.reachable = False
        return self.settings()

    @property
    def peer_conversation(self) -> str:
        return "bob"

    @property
    def peer_address(self) -> str:
        return "bob"

    async def room_to_join(self) -> str:
        return "#contract"

    async def peer_send(self, text: str) -> None:
        rid = self.server.deliver("alice", "bob", text, sender="bob")
        # the fake service keeps what it delivered, as a real one's archive would
        archived = f.MessageReceived("bob", "bob", text, remote_id=rid, history=True)
        self.server.archive.setdefault("bob", []).append(archived)

    async def peer_wait_for(self, text: str, timeout: float = 60.0) -> None:
        await wait_until(
            lambda: any(r.message.body == text for r in self.server.sent),
            timeout,
            what=f"the peer getting {text!r}",
        )

    async def close(self) -> None:
        self.server.reachable = True


async def open_harness(request: pytest.FixtureRequest, tmp_path: Path) -> FakeHarness:
    del request, tmp_path
    return FakeHarness()
