"""Room commands: finding, joining, creating and running group conversations.

Each command asks the account's backend through :class:`~app.backend.SupportsGroupChat` (or the
room directory) and returns once the facts it caused are stored, so a front end that shows the
room next finds it up to date.
"""

from __future__ import annotations

from app.backend import (
    BanEntry,
    Failure,
    Outcome,
    RoomOptions,
    SupportsGroupChat,
    SupportsRoomAdmin,
    SupportsRoomDirectory,
    as_capable,
)
from app.core.services import CommandError, CoreServices
from app.models import AccountId, ConversationId, Member, Role, RoomListing


class RoomCommands:
    """``core.rooms``: joining and leaving rooms, their members, topic and moderation."""

    def __init__(self, services: CoreServices) -> None:
        self._s = services

    async def join(
        self, account_id: AccountId, room: str, nick: str = "", password: str = ""
    ) -> Outcome:
        """Join ``room``; ``Outcome.value`` is its native id once the service names it."""
        return await self._s.delegate(
            account_id, SupportsGroupChat, lambda b: b.join(room, nick, password)
        )

    async def leave(self, conv: ConversationId, reason: str = "") -> Outcome:
        return await self._s.delegate(
            conv.account_id, SupportsGroupChat, lambda b: b.leave(conv, reason)
        )

    async def create_room(
        self,
        account_id: AccountId,
        name: str,
        *,
        public: bool = False,
        options: RoomOptions | None = None,
    ) -> Outcome:
        """Create a room we run; ``options`` (password, invite only, moderated) are applied
        right after, where the service can (``SupportsRoomAdmin``), else refused."""
        if options is not None:
            public = options.public
        created = await self._s.delegate(
            account_id, SupportsGroupChat, lambda b: b.create_room(name, public=public)
        )
        if options is None or not created.ok or not created.value:
            return created
        conv = ConversationId(account_id, created.value)
        configured = await self.configure_room(conv, options)
        return created if configured.ok else Outcome(configured.failure, created.value)

    async def configure_room(self, conv: ConversationId, options: RoomOptions) -> Outcome:
        return await self._s.delegate(
            conv.account_id, SupportsRoomAdmin, lambda b: b.configure_room(conv, options)
        )

    async def set_role(self, conv: ConversationId, member: str, role: Role) -> Outcome:
        """Give a member exactly ``role`` (IRC: +o, +h, +v…); the change arrives as members."""
        return await self._s.delegate(
            conv.account_id, SupportsRoomAdmin, lambda b: b.set_role(conv, member, role)
        )

    async def ban_list(self, conv: ConversationId) -> tuple[BanEntry, ...]:
        """Who is banned from a room we run."""
        backend = self._s.require(self._s.session(conv.account_id), SupportsRoomAdmin)
        found = await backend.ban_list(conv)
        if isinstance(found, Failure):
            raise CommandError(found.message)
        return found

    async def answer_invite(self, conv: ConversationId, accept: bool) -> Outcome:
        return await self._s.delegate(
            conv.account_id, SupportsGroupChat, lambda b: b.answer_invite(conv, accept)
        )

    async def invite(self, conv: ConversationId, contact: str, reason: str = "") -> Outcome:
        return await self._s.delegate(
            conv.account_id, SupportsGroupChat, lambda b: b.invite(conv, contact, reason)
        )

    async def set_topic(self, conv: ConversationId, topic: str) -> Outcome:
        return await self._s.delegate(
            conv.account_id, SupportsGroupChat, lambda b: b.set_topic(conv, topic)
        )

    # -- members ---------------------------------------------------------------------------

    async def members(self, conv: ConversationId) -> list[Member]:
        """The stored members of a room (the last list the service sent)."""
        session = self._s.session(conv.account_id)
        return await self._s.worker.run(session.store.members, conv.native_id)

    async def refresh_members(self, conv: ConversationId) -> Outcome:
        """Ask for the complete member list (it arrives as a MembersChanged event)."""
        return await self._s.delegate(
            conv.account_id, SupportsGroupChat, lambda b: b.fetch_members(conv)
        )

    async def kick(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        return await self._s.delegate(
            conv.account_id, SupportsGroupChat, lambda b: b.kick(conv, member, reason)
        )

    async def ban(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        return await self._s.delegate(
            conv.account_id, SupportsGroupChat, lambda b: b.ban(conv, member, reason)
        )

    async def unban(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        return await self._s.delegate(
            conv.account_id, SupportsGroupChat, lambda b: b.unban(conv, member, reason)
        )

    # -- directory -------------------------------------------------------------------------

    async def room_directory(
        self, account_id: AccountId, query: str = ""
    ) -> tuple[RoomListing, ...]:
        """Public rooms of an account's service matching ``query``, the most popular first."""
        backend = self._s.require(self._s.session(account_id), SupportsRoomDirectory)
        found = await backend.room_directory(query.strip())
        if isinstance(found, Failure):
            raise CommandError(found.message)
        return found

    async def room_directory_accounts(self) -> list[AccountId]:
        """The connected accounts whose service has a room directory to browse."""
        return [
            account_id
            for account_id, session in self._s.sessions.items()
            if as_capable(session.backend, SupportsRoomDirectory) is not None
        ]
