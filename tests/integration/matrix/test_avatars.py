"""Avatars against Synapse: a member's ``avatar_url``, a room's ``m.room.avatar`` and a direct
chat shown with the other person's picture, each fetched as a server-made thumbnail through
authenticated media (a real PNG, so Synapse can scale it); a picture taken down is said so."""

from __future__ import annotations

import io
from pathlib import Path

import nio  # type: ignore[import-untyped]
import pytest

from app import facts as f
from app.avatars import sniff_image
from app.backend import AvatarImage, Failure
from tests.integration.matrix.helpers import (
    Account,
    Peer,
    connect,
    direct_chat,
    group_with,
    png,
    q,
)
from tests.integration.matrix.synapse import Synapse

pytestmark = pytest.mark.integration


async def upload(peer: Peer, data: bytes) -> str:
    resp, _keys = await peer.client.upload(
        io.BytesIO(data), content_type="image/png", filename="face.png", filesize=len(data)
    )
    assert isinstance(resp, nio.UploadResponse), resp
    return str(resp.content_uri)


async def test_member_room_and_direct_chat_pictures(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    session = await connect(synapse, account, tmp_path)
    backend = session.backend
    try:
        face = await upload(peer, png())
        status, _ = await peer.raw(
            "PUT", f"/_matrix/client/v3/profile/{q(peer.user_id)}/avatar_url", {"avatar_url": face}
        )
        assert status == 200
        room = await group_with(synapse, account, peer, "Pictures")
        member = await session.wait(
            lambda x: isinstance(x, f.AvatarChanged) and x.entity == peer.user_id and x.ref == face
        )
        image = await backend.fetch_avatar(member.ref)
        assert isinstance(image, AvatarImage), image
        assert sniff_image(image.data) is not None and len(image.data) > 0

        cover = await upload(peer, png(rgb=(10, 120, 200)))
        await peer.put_state(room, "m.room.avatar", {"url": cover})
        await session.wait(
            lambda x: isinstance(x, f.AvatarChanged) and x.entity == room and x.ref == cover
        )
        assert isinstance(await backend.fetch_avatar(cover), AvatarImage)

        await peer.put_state(room, "m.room.avatar", {})
        await session.wait(
            lambda x: isinstance(x, f.AvatarChanged) and x.entity == room and x.ref == ""
        )

        # A direct chat has no picture of its own: the other person's stands for it.
        dm = await direct_chat(synapse, account, peer)
        await session.wait(
            lambda x: isinstance(x, f.AvatarChanged) and x.entity == dm and x.ref == face
        )

        missing = await backend.fetch_avatar(
            "mxc://" + peer.user_id.split(":", 1)[1] + "/nothing-here"
        )
        assert isinstance(missing, Failure)
        assert isinstance(await backend.fetch_avatar("https://example.org/face.png"), Failure)
    finally:
        await backend.disconnect()
