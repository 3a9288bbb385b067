"""Space commands: the spaces of an account, what one holds, joining its rooms.

The spaces one is in come as :class:`~app.events.SpacesChanged` (at start, and whenever one
changes); a front end shows them as a tree over its conversation list. What a space holds —
rooms one has not joined too — is asked from the service (:meth:`SpaceCommands.hierarchy`).
"""

from __future__ import annotations

from app.backend import Failure, Outcome, SupportsGroupChat, SupportsSpaces
from app.core.services import CommandError, CoreServices
from app.models import AccountId, ConversationId, Space, SpaceHierarchy, SpaceRoom


class SpaceCommands:
    """``core.spaces``: spaces, their hierarchy, joining their rooms."""

    def __init__(self, services: CoreServices) -> None:
        self._s = services

    async def spaces(self, account_id: AccountId) -> tuple[Space, ...]:
        """The stored spaces of an account (as the last SpacesChanged said)."""
        store = self._s.session(account_id).store
        return tuple(await self._s.worker.run(store.spaces.all))

    async def hierarchy(self, space: ConversationId, limit: int = 1000) -> SpaceHierarchy:
        """What ``space`` holds as the service lists it (joined or not), read up to ``limit``."""
        backend = self._s.require(self._s.session(space.account_id), SupportsSpaces)
        found = await backend.space_hierarchy(space, limit)
        if isinstance(found, Failure):
            raise CommandError(found.message)
        return found

    async def join(self, account_id: AccountId, room: SpaceRoom) -> Outcome:
        """Join a room listed in a space (through the servers the space names for it)."""
        return await self._s.delegate(account_id, SupportsGroupChat, lambda b: b.join(room.address))
