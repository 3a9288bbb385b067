"""Avatars over Matrix: ``avatar_url`` of members (``m.room.member``), rooms (``m.room.avatar``)
and, for a direct chat without a picture of its own, the other person's — as Element shows.

After each room of a sync answer is applied, :meth:`MatrixAvatars.room_seen` compares what the
room's state says with what was reported and reports :class:`~app.facts.AvatarChanged` for the
differences (only members whose state changed in that answer are looked at, so a room of
thousands costs nothing on a quiet sync). The ref is the ``mxc://`` URL itself; the picture is
a server-made 96×96 crop through authenticated media (``/_matrix/client/v1/media/thumbnail``,
with the legacy path as fallback, see :mod:`backends.matrix.media`).
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Iterable
from pathlib import Path

from app import facts as f
from app.backend import AvatarImage, Failure, FailureKind
from app.i18n import CoreMessages
from app.models import ConversationKind
from backends.matrix import convert as cv
from backends.matrix.media import Media
from backends.matrix.rooms import RoomState
from backends.matrix.session import MatrixSession

AVATAR_SIZE = 96
AVATAR_MAX_BYTES = 4 * 1024 * 1024


class MatrixAvatars:
    def __init__(self, session: MatrixSession, media: Media, transit: Path) -> None:
        self.session = session
        self.media = media
        self.transit = transit  # where a thumbnail lands before it is read
        self._users: dict[str, str] = {}
        self._rooms: dict[str, str] = {}

    def room_seen(self, room: RoomState, changed: Iterable[str]) -> None:
        report = self.session.report
        for user_id in changed:
            info = room.members.get(user_id)
            if info is None or info.membership != "join" or info.avatar_url is None:
                continue  # someone who left keeps the picture they had
            url = info.avatar_url if cv.parse_mxc(info.avatar_url) else ""
            if self._users.get(user_id) != url:
                self._users[user_id] = url
                report(f.AvatarChanged(user_id, url))
        picture = self._room_picture(room)
        if picture is not None and self._rooms.get(room.room_id) != picture:
            self._rooms[room.room_id] = picture
            report(f.AvatarChanged(room.room_id, picture))

    def _room_picture(self, room: RoomState) -> str | None:
        if room.avatar_url:
            return room.avatar_url if cv.parse_mxc(room.avatar_url) else ""
        if self.session.kind(room.room_id) is not ConversationKind.DIRECT:
            return room.avatar_url  # None: not known yet; "": none
        others = [
            i
            for u, i in room.members.items()
            if u != self.session.own_id and i.membership == "join"
        ]
        if len(others) != 1:
            return None
        url = others[0].avatar_url or ""
        return url if cv.parse_mxc(url) else ""

    async def fetch(self, ref: str) -> AvatarImage | Failure:
        if cv.parse_mxc(ref) is None:
            return Failure(FailureKind.PROTOCOL, CoreMessages.tr("Not a Matrix media URL."))
        self.transit.mkdir(parents=True, exist_ok=True, mode=0o700)
        dest = self.transit / f"avatar-{secrets.token_hex(8)}"
        try:
            outcome = await self.media.thumbnail(
                ref, dest, AVATAR_SIZE, AVATAR_SIZE, method="crop", max_bytes=AVATAR_MAX_BYTES
            )
            if not outcome.ok:
                assert outcome.failure is not None
                return outcome.failure
            return AvatarImage(await asyncio.to_thread(dest.read_bytes))
        finally:
            dest.unlink(missing_ok=True)
