"""Room commands: finding, joining, creating and running group conversations.

Each command asks the account's backend through one narrow interface (joining and membership:
:class:`~app.backend.SupportsGroupChat`; creating: :class:`~app.backend.SupportsRoomCreation`;
settings, roles and bans: :class:`~app.backend.SupportsRoomAdmin`; ending a room:
:class:`~app.backend.SupportsRoomClosing`) and returns once the facts it caused are stored, so
a front end that shows the room next finds it up to date.
"""

from __future__ import annotations

from dataclasses import replace

from app.backend import (
    BanEntry,
    Failure,
    FailureKind,
    Outcome,
    RoomFeature,
    RoomOptions,
    RoomSettings,
    SupportsBanning,
    SupportsGroupChat,
    SupportsInvites,
    SupportsKicking,
    SupportsRoomAdmin,
    SupportsRoomClosing,
    SupportsRoomCreation,
    SupportsRoomDirectory,
    SupportsTopic,
    as_capable,
)
from app.core.services import CommandError, CoreServices, matches_everyone
from app.i18n import CoreMessages
from app.models import AccountId, ConversationId, Member, Role, RoomListing


class RoomCommands:
    """``core.rooms``: joining and leaving rooms, creating and running them, their members."""

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

    # -- creating ----------------------------------------------------------------------------

    async def room_features(self, account_id: AccountId) -> RoomFeature:
        """What the account's service lets a new room be set up with (NONE: it cannot create
        rooms, or is not connected)."""
        session = self._s.sessions.get(account_id)
        backend = session.backend if session else None
        creator = as_capable(backend, SupportsRoomCreation)
        if creator is not None:
            return creator.room_features
        if as_capable(backend, SupportsGroupChat) is not None:
            return RoomFeature.NAME | RoomFeature.PUBLIC  # the plain create_room(name, public)
        return RoomFeature.NONE

    async def create_room(
        self,
        account_id: AccountId,
        name: str = "",
        *,
        public: bool = False,
        options: RoomOptions | None = None,
    ) -> Outcome:
        """Create a room we run, set up as ``options`` from the start; ``Outcome.value`` is its
        native id. People in ``options.invite`` are invited once it exists (by the service
        itself where it can, as Matrix does)."""
        if options is None:
            options = RoomOptions(name=name, public=public)
        elif name.strip() and not (options.name.strip() or options.address.strip()):
            options = replace(options, name=name)
        if not (options.name.strip() or options.address.strip()):
            raise CommandError(CoreMessages.tr("Give the room a name or an address."))
        s = self._s
        session = s.session(account_id)
        creator = as_capable(session.backend, SupportsRoomCreation)
        if creator is not None:
            created = await creator.create_room_with(options)
        else:
            group = s.capable(session, SupportsGroupChat)
            if isinstance(group, Outcome):
                return group
            name = options.address.strip() or options.name.strip()
            created = await group.create_room(name, public=options.public)
        await session.flushed()
        if not created.ok or not created.value:
            return created
        if options.invite and not await self.room_features(account_id) & RoomFeature.INVITEES:
            conv = ConversationId(account_id, created.value)
            refused = [who for who in options.invite if not (await self.invite(conv, who)).ok]
            if refused:
                failure = Failure(
                    FailureKind.REJECTED,
                    "The room was created, but these people could not be invited: "
                    + ", ".join(refused),
                )
                return Outcome(failure, created.value)
        return created

    # -- invitations and topic ---------------------------------------------------------------

    async def answer_invite(self, conv: ConversationId, accept: bool) -> Outcome:
        return await self._s.delegate(
            conv.account_id, SupportsGroupChat, lambda b: b.answer_invite(conv, accept)
        )

    async def invite(self, conv: ConversationId, contact: str, reason: str = "") -> Outcome:
        return await self._s.delegate(
            conv.account_id, SupportsInvites, lambda b: b.invite(conv, contact.strip(), reason)
        )

    async def set_topic(self, conv: ConversationId, topic: str) -> Outcome:
        return await self._s.delegate(
            conv.account_id, SupportsTopic, lambda b: b.set_topic(conv, topic)
        )

    # -- members -----------------------------------------------------------------------------

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
            conv.account_id, SupportsKicking, lambda b: b.kick(conv, member, reason)
        )

    # -- running a room ----------------------------------------------------------------------

    async def room_settings(self, conv: ConversationId) -> RoomSettings:
        """How a room is set up and what we may change in it."""
        backend = self._s.require(self._s.session(conv.account_id), SupportsRoomAdmin)
        found = await backend.room_settings(conv)
        if isinstance(found, Failure):
            raise CommandError(found.message)
        return found

    async def configure_room(self, conv: ConversationId, options: RoomOptions) -> Outcome:
        return await self._s.delegate(
            conv.account_id, SupportsRoomAdmin, lambda b: b.configure_room(conv, options)
        )

    async def set_role(self, conv: ConversationId, member: str, role: Role) -> Outcome:
        """Give a member exactly ``role`` (MUC affiliation or role, Matrix power level, IRC
        +o/+v); the change arrives as members."""
        return await self._s.delegate(
            conv.account_id, SupportsRoomAdmin, lambda b: b.set_role(conv, member.strip(), role)
        )

    async def ban_list(self, conv: ConversationId) -> tuple[BanEntry, ...]:
        """Who is banned from a room we run."""
        backend = self._s.require(self._s.session(conv.account_id), SupportsRoomAdmin)
        found = await backend.ban_list(conv)
        if isinstance(found, Failure):
            raise CommandError(found.message)
        return found

    async def ban(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        """Keep someone out: a member id, an address, or (IRC) a ``nick!user@host`` mask."""
        who = member.strip()
        if not who:
            raise CommandError(CoreMessages.tr("Whom do you want to ban?"))
        if matches_everyone(who):
            raise CommandError(f"“{who}” would ban everyone, you included.")
        return await self._s.delegate(
            conv.account_id, SupportsBanning, lambda b: b.ban(conv, who, reason)
        )

    async def unban(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        return await self._s.delegate(
            conv.account_id, SupportsBanning, lambda b: b.unban(conv, member.strip(), reason)
        )

    async def close_room(self, conv: ConversationId, reason: str = "") -> Outcome:
        """End a room for everyone (MUC destroy; Matrix: everyone out, closed to joins)."""
        return await self._s.delegate(
            conv.account_id, SupportsRoomClosing, lambda b: b.close_room(conv, reason)
        )

    # -- directory ---------------------------------------------------------------------------

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
