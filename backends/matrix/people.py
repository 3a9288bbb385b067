"""People on Matrix: the contact list is the people we share direct chats with (``m.direct``),
blocking is the server-side ``m.ignored_user_list`` (so every device of ours obeys it, and the
homeserver stops sending their events), and details come from the profile, the presence API
and the device list.

Every change to either account-data event (from any device) reports the whole list again, so
the contact list is always what the server holds. Local names live in the account's state.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

from app import facts as f
from app.backend import ContactDetails, Endpoint, Failure, FailureKind, Outcome
from app.i18n import CoreMessages
from app.models import Contact, ContactId, Device, Presence, PresenceState
from backends.matrix import convert as cv
from backends.matrix.http import V3, q
from backends.matrix.session import MatrixSession, not_connected

IGNORED = "m.ignored_user_list"
STATE_NAMES = "matrix.contact_names"
BAD_USER_ID = CoreMessages.tr("A Matrix ID looks like @name:example.org.")


class People:
    """Contacts, blocking and details of one session."""

    def __init__(
        self,
        session: MatrixSession,
        open_direct: Callable[[str], Awaitable[Outcome]],
        devices: Callable[[str], Awaitable[tuple[Device, ...] | Failure]],
    ) -> None:
        self.session = session
        self._open_direct = open_direct
        self._devices = devices
        self.ignored: set[str] = set()
        self.names: dict[str, str] = {}

    async def load(self) -> None:
        text = await self.session.ctx.state.get(STATE_NAMES)
        try:
            data = json.loads(text) if text else {}
        except ValueError:
            data = {}
        if isinstance(data, dict):
            self.names = {
                k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)
            }

    # -- what the sync tells -----------------------------------------------------------------

    def account_data(self, etype: str, content: object) -> None:
        """An account-data event from the sync (``m.direct`` is already applied)."""
        if etype == IGNORED:
            users = content.get("ignored_users") if isinstance(content, dict) else None
            self.ignored = (
                {u for u in users if isinstance(u, str)} if isinstance(users, dict) else set()
            )
        elif etype != "m.direct":
            return
        self.report()

    def report(self) -> None:
        people = set(self.session.direct.values()) | self.ignored
        people.discard(self.session.own_id)
        self.session.report(
            f.ContactsChanged(tuple(self.contact(u) for u in sorted(people)), complete=True)
        )

    def contact(self, user_id: str) -> Contact:
        return Contact(
            ContactId(self.session.ctx.account_id, user_id),
            self.names.get(user_id) or self._name_in_rooms(user_id),
            blocked=user_id in self.ignored,
        )

    def _name_in_rooms(self, user_id: str) -> str:
        """Their display name in our direct chat (else any room), or their id's local part."""
        rooms = self.session.rooms
        direct = [r for r, u in self.session.direct.items() if u == user_id]
        for room_id in [*direct, *rooms]:
            room = rooms.get(room_id)
            info = room.members.get(user_id) if room is not None else None
            if info is not None and info.displayname:
                return info.displayname
        return cv.localpart(user_id)

    # -- commands ----------------------------------------------------------------------------

    async def add(self, user_id: str, name: str) -> Outcome:
        """A contact on Matrix is a direct chat: found again, or made and the person invited."""
        user_id = user_id.strip()
        if cv.parse_user_id(user_id) is None:
            return Outcome(Failure(FailureKind.CONFIG, BAD_USER_ID))
        if name.strip():
            self.names[user_id] = name.strip()
            await self._save_names()
        outcome = await self._open_direct(user_id)
        if outcome.ok:
            self.report()
        return outcome

    async def remove(self, user_id: str) -> Outcome:
        """No longer a contact: our direct chats with them leave ``m.direct`` (kept as rooms)."""
        content = await self._account_data("m.direct")
        if isinstance(content, Failure):
            return Outcome(content)
        if user_id not in content:
            return Outcome()
        del content[user_id]
        failure = await self._put_account_data("m.direct", content)
        if failure is not None:
            return Outcome(failure)
        self.session.set_direct(cv.direct_rooms(content, self.session.log))
        self.names.pop(user_id, None)
        await self._save_names()
        self.report()
        return Outcome()

    async def rename(self, user_id: str, name: str) -> Outcome:
        if name.strip():
            self.names[user_id] = name.strip()
        else:
            self.names.pop(user_id, None)
        await self._save_names()
        self.report()
        return Outcome()

    async def set_blocked(self, user_id: str, blocked: bool) -> Outcome:
        """Ignore (or stop ignoring) someone in ``m.ignored_user_list``: server side, for every
        device; the homeserver stops sending us their events."""
        user_id = user_id.strip()
        if cv.parse_user_id(user_id) is None:
            return Outcome(Failure(FailureKind.CONFIG, BAD_USER_ID))
        if user_id == self.session.own_id:
            return Outcome(
                Failure(FailureKind.REJECTED, CoreMessages.tr("You cannot block yourself."))
            )
        content = await self._account_data(IGNORED)
        if isinstance(content, Failure):
            return Outcome(content)
        users = content.get("ignored_users")
        users = dict(users) if isinstance(users, dict) else {}
        if blocked:
            users[user_id] = {}
        else:
            users.pop(user_id, None)
        failure = await self._put_account_data(IGNORED, {**content, "ignored_users": users})
        if failure is not None:
            return Outcome(failure)
        self.ignored = set(users)
        self.report()
        return Outcome()

    async def details(self, user_id: str) -> ContactDetails | Failure:
        if not self.session.connected():
            return not_connected()
        if cv.parse_user_id(user_id) is None:
            return Failure(FailureKind.CONFIG, BAD_USER_ID)
        api = self.session.api
        profile, status = await asyncio.gather(
            api.request("GET", f"{V3}/profile/{q(user_id)}", timeout=30),
            api.request("GET", f"{V3}/presence/{q(user_id)}/status", timeout=30),
        )
        if not profile.ok and profile.status == 404:
            return Failure(FailureKind.REJECTED, CoreMessages.tr("%1 does not exist.").arg(user_id))
        presence = _presence(status.body) if status.ok else None
        devices = await self._devices(user_id)
        endpoints = (
            tuple(Endpoint(d.device_id, name=d.display_name) for d in devices)
            if not isinstance(devices, Failure)
            else ()
        )
        return ContactDetails(
            address=user_id,
            online=presence is not None and presence.state is not PresenceState.OFFLINE,
            real_name=cv.get_str(profile.body, "displayname") or "" if profile.ok else "",
            presence=presence,
            endpoints=endpoints,
        )

    # -- plumbing ----------------------------------------------------------------------------

    async def _account_data(self, etype: str) -> dict[str, Any] | Failure:
        if not self.session.connected():
            return not_connected()
        path = f"{V3}/user/{q(self.session.own_id)}/account_data/{etype}"
        reply = await self.session.api.request("GET", path, timeout=30)
        if reply.ok:
            return dict(reply.body)
        if reply.status == 404:
            return {}
        return reply.failure()

    async def _put_account_data(self, etype: str, content: dict[str, Any]) -> Failure | None:
        path = f"{V3}/user/{q(self.session.own_id)}/account_data/{etype}"
        reply = await self.session.api.request("PUT", path, body=content, timeout=30)
        return None if reply.ok else reply.failure()

    async def _save_names(self) -> None:
        await self.session.ctx.state.set(
            STATE_NAMES, json.dumps(self.names, separators=(",", ":")) if self.names else None
        )


def _presence(body: dict[str, Any]) -> Presence | None:
    """``GET /presence/{user}/status`` as a :class:`Presence` (with when they were last active)."""
    if cv.get_str(body, "presence") is None:
        return None
    parsed = cv.presence_of({"sender": "@someone:server", "content": body})
    return parsed[1] if parsed is not None else None
