"""The Matrix backend in the contract suite, against the session's Synapse.

"Us" is a fresh user per harness; the peer is an independent matrix-nio client. Before the backend
connects, the two share a direct chat that is in our ``m.direct`` (as after accepting a DM in
Element), so the peer's messages arrive in a DIRECT conversation whose native id is the room id.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from nio import RoomVisibility

from backends.matrix import MatrixBackend
from chinwag.testing.support import free_port
from tests.integration.matrix.helpers import Account, Peer, direct_chat, new_account
from tests.integration.matrix.synapse import Synapse, ensure_plugin


class MatrixHarness:
    backend_class = MatrixBackend

    def __init__(self, synapse: Synapse, account: Account, peer: Peer, room_id: str) -> None:
        self.synapse = synapse
        self.account = account
        self.peer = peer
        self.room_id = room_id

    def settings(self) -> tuple[dict[str, str | int | bool], dict[str, str]]:
        return (
            {"user_id": self.account.user_id, "homeserver": self.synapse.base_url},
            {"password": self.account.password},
        )

    def with_wrong_password(self) -> tuple[dict[str, str | int | bool], dict[str, str]]:
        settings, _ = self.settings()
        return settings, {"password": "definitely not it"}

    def unreachable(self) -> tuple[dict[str, str | int | bool], dict[str, str]]:
        settings, secrets = self.settings()
        return {**settings, "homeserver": f"http://127.0.0.1:{free_port()}"}, secrets

    @property
    def peer_conversation(self) -> str:
        return self.room_id

    @property
    def peer_address(self) -> str:
        return self.peer.user_id

    async def room_to_join(self) -> str:
        """A public room the peer made."""
        return await self.peer.create_room(name="Contract room", visibility=RoomVisibility.public)

    async def peer_send(self, text: str) -> None:
        await self.peer.say(self.room_id, text)

    async def peer_wait_for(self, text: str, timeout: float = 60.0) -> None:
        event = await self.peer.wait_text(self.room_id, text, timeout)
        assert event["sender"] == self.account.user_id

    async def close(self) -> None:
        await self.peer.close()


async def open_harness(request: pytest.FixtureRequest, tmp_path: Path) -> MatrixHarness:
    del tmp_path
    ensure_plugin(request.config)
    synapse: Synapse = request.getfixturevalue("synapse")
    account = await new_account(synapse, "contract")
    peer = await Peer.create(synapse, "contractpeer")
    room_id = await direct_chat(synapse, account, peer)
    return MatrixHarness(synapse, account, peer, room_id)
