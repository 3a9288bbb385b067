"""The group chats to rejoin on the next connection, and their passwords.

Kept apart from :mod:`backends.xmpp.rooms` (what happens in a room while connected): this is what
survives a restart. The list (room → our nick) is in the account's state, key ``xmpp.rooms``; a
room's password is a secret, so it is in the keyring (``ctx.secrets``, key
``room-password:<room>``), never in the state. Passwords that older versions kept in the state
move to the keyring once; one the keyring refuses stays where it was until it can move.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from backends.xmpp.session import XmppSession

STATE_ROOMS = "xmpp.rooms"


@dataclass(slots=True)
class SavedRoom:
    """A room to rejoin: our nick, whether the keyring holds a password for it, and whether it
    was ever in our bookmarks (one deleted on another device is then not put back)."""

    nick: str
    has_password: bool = False
    bookmarked: bool = False


class SavedRooms:
    """The rooms one account rejoins, read at sign-in and written on every change."""

    def __init__(self, session: XmppSession) -> None:
        self.session = session
        self.rooms: dict[str, SavedRoom] = {}
        self._passwords: dict[str, str] = {}  # read from the keyring when first needed
        self._legacy: set[str] = set()  # passwords still in the state (the keyring refused them)
        self.changed: Callable[[str, str | None], None] = lambda _room, _nick: None
        """Told of a room we joined anew or with another nick (its nick) or left (None): the
        bookmarks (:mod:`backends.xmpp.bookmarks`) follow it. Rejoins tell nothing."""

    async def load(self) -> None:
        raw = await self.session.ctx.state.get(STATE_ROOMS)
        try:
            data = json.loads(raw) if raw else {}
            entries = {str(k): v for k, v in data.items() if isinstance(v, dict)}
        except (ValueError, AttributeError):
            entries = {}
        self.rooms = {
            room: SavedRoom(
                str(v.get("nick", "")),
                bool(v.get("has_password", False)),
                bool(v.get("bookmarked", False)),
            )
            for room, v in entries.items()
        }
        # Older versions kept room passwords in the state: move them to the keyring, once.
        if not any("password" in v for v in entries.values()):
            return
        for room, v in entries.items():
            password = str(v.get("password") or "")
            if not password:
                continue
            self._passwords[room] = password
            if await self._store_password(room, password):
                self.rooms[room].has_password = True
            else:  # the keyring refused it: leave it where it was until it can move
                self._legacy.add(room)
        await self.save()

    async def save(self) -> None:
        data: dict[str, dict[str, object]] = {}
        for room, saved in self.rooms.items():
            entry: dict[str, object] = {"nick": saved.nick}
            if saved.bookmarked:
                entry["bookmarked"] = True
            if saved.has_password:
                entry["has_password"] = True
            elif room in self._legacy:
                entry["password"] = self._passwords.get(room, "")
            data[room] = entry
        await self.session.ctx.state.set(STATE_ROOMS, json.dumps(data) if data else None)

    async def remember(self, room: str, nick: str, password: str) -> None:
        """A joined room, kept for the next connection; its password goes to the keyring."""
        before = self.rooms.get(room)
        had = before is not None and before.has_password
        has = had
        if password and (not had or self._passwords.get(room) != password):
            has = await self._store_password(room, password)
        elif not password and had:
            await self._store_password(room, "")  # it no longer needs one
            has = False
        self._passwords[room] = password
        self._legacy.discard(room)
        self.rooms[room] = SavedRoom(nick, has, before is not None and before.bookmarked)
        if before is None or before.nick != nick:
            self.changed(room, nick)
        await self.save()

    async def forget(self, room: str, then: Callable[[str], None] = lambda _room: None) -> None:
        """We are no longer in ``room``: drop it, and its password; ``then(room)`` is called once
        it is gone from memory, before the state and the keyring are written."""
        saved = self.rooms.pop(room, None)
        self._passwords.pop(room, None)
        self._legacy.discard(room)
        then(room)
        if saved is not None:
            self.changed(room, None)
        await self.save()
        if saved is not None and saved.has_password:
            await self._store_password(room, "")

    # -- passwords (keyring) -----------------------------------------------------------------

    @staticmethod
    def password_key(room: str) -> str:
        return f"room-password:{room}"

    def known_password(self, room: str) -> str:
        """The password of ``room`` if it was read already ("" if not, or none)."""
        return self._passwords.get(room, "")

    async def password(self, room: str) -> str:
        """The password we joined ``room`` with (from memory, else from the keyring)."""
        if room in self._passwords:
            return self._passwords[room]
        saved = self.rooms.get(room)
        password = ""
        if saved is not None and saved.has_password:
            try:
                password = await self.session.ctx.secrets.get(self.password_key(room)) or ""
            except Exception as exc:  # no keyring: join without, the room will say if it needs one
                self.session.log.warning("could not read a room password from the keyring: %s", exc)
                return ""
        self._passwords[room] = password
        return password

    async def _store_password(self, room: str, password: str) -> bool:
        """Keep (or, with ``""``, forget) a room's password in the keyring; False if it failed."""
        key = self.password_key(room)
        try:
            if password:
                await self.session.ctx.secrets.set(key, password)
            else:
                await self.session.ctx.secrets.delete(key)
        except Exception as exc:
            self.session.log.warning("could not update a room password in the keyring: %s", exc)
            return False
        return True
