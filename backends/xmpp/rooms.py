"""Group chat (XEP-0045): joining, creating, members, topic, invitations, kicking, leaving.

Rooms we are in are remembered (:mod:`backends.xmpp.saved_rooms`, passwords in the keyring), so
a new connection rejoins them (or, when the stream was resumed, knows it never left). A new room
stays locked on the server until its owner submits a configuration, exactly as RFC-style servers
(Prosody, ejabberd) require; :meth:`create` configures it and :meth:`join` unlocks a room it
happened to create with the default settings.
"""

from __future__ import annotations

import asyncio
import re
import xml.etree.ElementTree as ET
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from app import facts as f
from app.backend import Failure, FailureKind, Outcome
from app.i18n import CoreMessages
from app.models import ConversationKind, Member, Presence, Role, RoomListing
from backends.xmpp import convert, ns, stanzas
from backends.xmpp.ns import q
from backends.xmpp.roster import show_of
from backends.xmpp.saved_rooms import SavedRoom, SavedRooms
from backends.xmpp.session import IqFailure, XmppSession

JOIN_TIMEOUT = 30.0
NICK_ATTEMPTS = 3
MAX_INVITES = 100  # unanswered invitations kept (strangers can send any number)
DIRECTORY_DETAILS = 50  # rooms of a directory search whose details (subject, occupants) are asked
_JOIN_ERRORS = {
    "not-authorized": CoreMessages.tr("This room needs a password (or the password is wrong)."),
    "registration-required": CoreMessages.tr("Only members may join this room."),
    "forbidden": CoreMessages.tr("You are banned from this room."),
    "item-not-found": CoreMessages.tr("This room does not exist or is locked."),
    "service-unavailable": CoreMessages.tr("This room is full."),
    "not-allowed": CoreMessages.tr("This server does not let you create rooms."),
    "jid-malformed": CoreMessages.tr("A nickname is required."),
    "not-acceptable": CoreMessages.tr("This nickname is not allowed here."),
    "conflict": CoreMessages.tr("This nickname is already used in the room."),
}
_LEFT_REASONS = {
    301: CoreMessages.tr("You were banned from the room."),
    307: CoreMessages.tr("You were kicked from the room."),
    321: CoreMessages.tr("Your membership was removed."),
    322: CoreMessages.tr("The room became members-only."),
    332: CoreMessages.tr("The room service is shutting down."),
}


@dataclass(slots=True)
class _JoinReply:
    ok: bool
    nick: str = ""
    codes: frozenset[int] = frozenset()
    condition: str = ""
    text: str = ""


@dataclass(slots=True)
class _Room:
    jid: str
    nick: str
    password: str = ""
    joined: bool = False
    occupants: dict[str, Member] = field(default_factory=dict)
    joining: asyncio.Future[_JoinReply] | None = None
    leaving: asyncio.Future[None] | None = None
    ready: asyncio.Event = field(default_factory=asyncio.Event)  # set when a join attempt ended
    members_only: bool | None = None


@dataclass(frozen=True, slots=True)
class _Invite:
    inviter: str
    password: str


class RoomService:
    """The rooms of one connection: their state, the commands on them, their presence."""

    def __init__(
        self,
        session: XmppSession,
        own_presence: Callable[[], Presence],
        *,
        join_history: Callable[[str], int] = lambda _room: 20,
        on_joined: Callable[[str], None] = lambda _room: None,
        on_left: Callable[[str], None] = lambda _room: None,
        on_configured: Callable[[str], None] = lambda _room: None,
    ) -> None:
        self.session = session
        self.own_presence = own_presence
        self.join_history = join_history  # stanzas asked for on joining
        self.store = SavedRooms(session)
        self.rooms: dict[str, _Room] = {}
        self.known: set[str] = set()  # rooms seen this session, joined or not any more
        self.invites: OrderedDict[str, _Invite] = OrderedDict()
        self.on_joined = on_joined
        self.on_left = on_left
        self.on_configured = on_configured  # a room we created has its configuration

    async def load(self) -> None:
        """Read the rooms to rejoin (and move old passwords to the keyring)."""
        await self.store.load()

    @property
    def saved(self) -> dict[str, SavedRoom]:
        return self.store.rooms

    async def _forget(self, room: str) -> None:
        """We are no longer in ``room``: drop it, and its password, from what survives us."""
        await self.store.forget(room, then=self.on_left)

    # -- queries -----------------------------------------------------------------------------

    def is_room(self, jid: str) -> bool:
        return jid in self.rooms or jid in self.saved or jid in self.known

    def real_jid(self, room: str, nick: str) -> str | None:
        """The real bare JID of an occupant, when the room shows it (non-anonymous rooms)."""
        state = self.rooms.get(room)
        member = None if state is None else state.occupants.get(nick)
        return member.contact.native_id if member is not None and member.contact else None

    def real_jids(self, room: str) -> set[str]:
        """The real bare JIDs of everyone present whose address the room shows."""
        state = self.rooms.get(room)
        if state is None:
            return set()
        return {m.contact.native_id for m in state.occupants.values() if m.contact is not None}

    def joined_nicks(self) -> dict[str, str]:
        return {r.jid: r.nick for r in self.rooms.values() if r.joined}

    async def wait_joined(self, room: str, timeout: float = JOIN_TIMEOUT) -> bool:
        """True once we are in ``room``; waits while a (re)join is under way."""
        state = self.rooms.get(room)
        if state is None:
            return False
        if not state.joined:
            try:
                async with asyncio.timeout(timeout):
                    await state.ready.wait()
            except TimeoutError:
                return False
        return state.joined and self.rooms.get(room) is state

    # -- after connecting --------------------------------------------------------------------

    def resumed(self) -> None:
        """The stream was resumed: the server kept us in every room."""
        for room, saved in self.saved.items():
            state = _Room(room, saved.nick, self.store.known_password(room), joined=True)
            state.ready.set()
            self.rooms[room] = state
            self.known.add(room)
            self.session.room_nicks[room] = state.nick

    def rejoin_all(self) -> None:
        for room, saved in list(self.saved.items()):
            self.session.spawn(self._rejoin(room, saved.nick), f"rejoin {room}")
            self.rooms.setdefault(room, _Room(room, saved.nick))
            self.session.room_nicks.setdefault(room, saved.nick)

    async def _rejoin(self, room: str, nick: str) -> None:
        password = await self.store.password(room)
        outcome = await self.join(room, nick, password, rejoining=True)
        if outcome.failure is not None and outcome.failure.kind is FailureKind.REJECTED:
            await self._forget(room)
            self.session.report(f.ConversationLeft(room, outcome.failure.message))

    # -- joining -----------------------------------------------------------------------------

    def _room_jid(self, name: str) -> str | None:
        text = name.strip()
        if "@" not in text and self.session.features.muc_service:
            local = re.sub(r"[^\w.-]+", "-", text.lower()).strip("-.") or "room"
            text = f"{local}@{self.session.features.muc_service}"
        room = convert.jid(text)
        if room is None or not room.user or room.resource:
            return None
        return room.bare

    def default_nick(self) -> str:
        return self.session.settings.localpart

    async def join(
        self, room: str, nick: str = "", password: str = "", *, rejoining: bool = False
    ) -> Outcome:
        jid = self._room_jid(room)
        if jid is None:
            return Outcome(
                Failure(
                    FailureKind.REJECTED,
                    CoreMessages.tr("%1 is not a room address.").arg(repr(room)),
                )
            )
        if not self.session.connected:
            return Outcome(
                Failure(
                    FailureKind.NOT_CONNECTED, CoreMessages.tr("Not connected."), retryable=True
                )
            )
        current = self.rooms.get(jid)
        if current is not None and current.joined and not rejoining:
            return Outcome(value=jid)
        if not password and jid in self.invites:
            password = self.invites[jid].password
        if not password:
            password = await self.store.password(jid)  # a room we were in before
        if jid not in self.session.features.room_stanza_ids:
            # Before its messages arrive: whether the room's stanza-ids can be believed.
            await self._learn_features(jid)
        reply = await self._join_with_nicks(jid, nick or self.default_nick(), password)
        if not reply.ok:
            message = _JOIN_ERRORS.get(
                reply.condition, reply.text or CoreMessages.tr("Could not join the room.")
            )
            kind = FailureKind.NETWORK if reply.condition == "timeout" else FailureKind.REJECTED
            return Outcome(Failure(kind, message, retryable=kind is FailureKind.NETWORK))
        if 201 in reply.codes:  # we created it by joining: unlock it with the defaults
            await self._configure(jid, None)
        self.invites.pop(jid, None)
        return Outcome(value=jid)

    async def _join_with_nicks(self, room: str, nick: str, password: str) -> _JoinReply:
        """Join, trying ``nick_2``, ``nick_3`` when the nick is taken (XEP-0045 409 conflict)."""
        reply = _JoinReply(False, condition="timeout")
        for attempt in range(NICK_ATTEMPTS):
            tried = nick if attempt == 0 else f"{nick}_{attempt + 1}"
            reply = await self._join_once(room, tried, password)
            if reply.ok or reply.condition != "conflict":
                break
        return reply

    async def _join_once(self, room: str, nick: str, password: str) -> _JoinReply:
        state = self.rooms.get(room)
        if state is None:
            state = _Room(room, nick, password)
            self.rooms[room] = state
        state.nick, state.password, state.joined = nick, password, False
        state.occupants = {}
        state.ready.clear()
        state.joining = asyncio.get_running_loop().create_future()
        self.known.add(room)
        self.session.room_nicks[room] = nick
        own = self.own_presence()
        self.session.send_presence(
            f"{room}/{nick}",
            show=show_of(own.state),
            status=own.status or None,
            children=[stanzas.muc_join(password, max_history=self.join_history(room))],
        )
        try:
            async with asyncio.timeout(JOIN_TIMEOUT):
                reply = await state.joining
        except TimeoutError:
            reply = _JoinReply(False, condition="timeout")
        finally:
            state.joining = None
        if not reply.ok:
            if self.rooms.get(room) is state:
                del self.rooms[room]
                self.session.room_nicks.pop(room, None)
            state.ready.set()
            return reply
        state.nick = reply.nick or nick
        state.joined = True
        self.session.room_nicks[room] = state.nick
        await self.store.remember(room, state.nick, password)
        self.session.report(f.ConversationUpdated(room, ConversationKind.GROUP, joined=True))
        self.session.report(f.MembersChanged(room, tuple(state.occupants.values()), complete=True))
        state.ready.set()
        self.session.spawn(self._describe(room), f"describe {room}")
        self.on_joined(room)
        return reply

    async def _learn_features(self, room: str) -> convert.DiscoInfo | None:
        """The room's disco#info, with what it says about archive and ids noted (None: the
        room does not answer, e.g. it does not exist yet)."""
        try:
            result = await self.session.iq("get", room, ET.Element(q(ns.DISCO_INFO, "query")))
        except IqFailure:
            return None
        info = convert.parse_disco_info(result.find(q(ns.DISCO_INFO, "query")))
        self.session.features.room_mam[room] = ns.MAM in info.features
        self.session.features.room_stanza_ids[room] = ns.SID in info.features
        self.session.features.room_occupant_ids[room] = ns.OCCUPANT_ID in info.features
        moderation = [v for v in (ns.MODERATE, ns.MODERATE_0) if v in info.features]
        self.session.features.room_moderation[room] = moderation[0] if moderation else ""
        return info

    async def _describe(self, room: str) -> None:
        """The room's name and abilities (archive, members-only) from its disco#info."""
        info = await self._learn_features(room)
        if info is None:
            return
        state = self.rooms.get(room)
        if state is not None:
            state.members_only = "muc_membersonly" in info.features
        roominfo = info.fields.get("http://jabber.org/protocol/muc#roominfo", {})
        title = roominfo.get("muc#roomconfig_roomname") or info.name
        if title:
            self.session.report(f.ConversationUpdated(room, ConversationKind.GROUP, title=title))

    async def reconfigured(self, room: str, password: str | None) -> None:
        """We changed the room's setup: read its name and abilities again, and keep a new
        password (``None``: unchanged) for rejoining and for invitations."""
        state = self.rooms.get(room)
        if password is not None and state is not None:
            state.password = password
            await self.store.remember(room, state.nick, password)
        await self._describe(room)

    def occupant(self, room: str, nick: str) -> Member | None:
        state = self.rooms.get(room)
        return None if state is None else state.occupants.get(nick)

    def own_standing(self, room: str) -> tuple[str | None, str]:
        """Our affiliation in a joined room (None: not in it) and our role there."""
        state = self.rooms.get(room)
        own = None if state is None or not state.joined else state.occupants.get(state.nick)
        if own is None:
            return None, ""
        role = {Role.VISITOR: "visitor", Role.MEMBER: "participant"}.get(own.role, "moderator")
        return own.affiliation or "none", role

    async def wait_gone(self, room: str, timeout: float) -> None:
        """Wait until the service has told us we are out of ``room``."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while room in self.rooms and loop.time() < deadline:
            await asyncio.sleep(0.05)

    # -- presence from rooms -----------------------------------------------------------------

    def on_presence(self, event: convert.OccupantPresence) -> None:
        state = self.rooms.get(event.room)
        if state is None:
            return
        if event.member is not None:
            state.occupants[event.nick] = event.member
            if event.is_self and state.joining is not None and not state.joining.done():
                state.joining.set_result(_JoinReply(True, event.nick, event.codes))
            elif state.joined:
                self.session.report(f.MembersChanged(event.room, (event.member,)))
            return
        state.occupants.pop(event.nick, None)
        if event.is_self and 303 in event.codes and event.new_nick:
            state.nick = event.new_nick
            self.session.room_nicks[event.room] = event.new_nick
            if event.room in self.saved:
                self.saved[event.room].nick = event.new_nick
                self.session.spawn(self.store.save(), "save-rooms")
            self.session.report(f.MembersChanged(event.room, removed=(event.nick,)))
            return
        if event.is_self:
            self._self_left(state, event)
            return
        if state.joined:
            self.session.report(f.MembersChanged(event.room, removed=(event.nick,)))

    def _self_left(self, state: _Room, event: convert.OccupantPresence) -> None:
        self.rooms.pop(state.jid, None)
        self.session.room_nicks.pop(state.jid, None)
        if state.leaving is not None and not state.leaving.done():
            state.leaving.set_result(None)
            return
        reason = next((r for c, r in _LEFT_REASONS.items() if c in event.codes), "")
        if event.reason:
            reason = f"{reason} {event.reason}".strip()
        self.session.spawn(self._forget(state.jid), "save-rooms")
        self.session.report(
            f.ConversationLeft(state.jid, reason or CoreMessages.tr("You left the room."))
        )

    def on_presence_error(self, event: convert.PresenceError) -> bool:
        """A join failed; True when the error belonged to a room."""
        room = event.sender.partition("/")[0]
        state = self.rooms.get(room)
        if state is None or state.joining is None or state.joining.done():
            return state is not None
        state.joining.set_result(_JoinReply(False, condition=event.condition, text=event.text))
        return True

    # -- commands ----------------------------------------------------------------------------

    async def leave(self, room: str, reason: str = "") -> Outcome:
        state = self.rooms.get(room)
        await self._forget(room)
        if state is None or not self.session.connected:
            self.rooms.pop(room, None)
            self.session.room_nicks.pop(room, None)
            self.session.report(f.ConversationLeft(room))
            return Outcome()
        state.leaving = asyncio.get_running_loop().create_future()
        self.session.send_presence(
            f"{room}/{state.nick}", ptype="unavailable", status=reason or None
        )
        try:
            async with asyncio.timeout(10):
                await state.leaving
        except TimeoutError:
            self.session.log.info("the room did not confirm that we left")
        self.rooms.pop(room, None)
        self.session.room_nicks.pop(room, None)
        self.session.report(f.ConversationLeft(room))
        return Outcome()

    async def open_new(self, name: str) -> Outcome:
        """Join a room that must not exist yet (the service creates it, locked, with us as its
        owner); ``Outcome.value`` is its address. An existing room is left and refused."""
        if "@" not in name and not self.session.features.muc_service:
            return Outcome(
                Failure(
                    FailureKind.UNSUPPORTED,
                    CoreMessages.tr("This server has no group chat service."),
                )
            )
        room = self._room_jid(name)
        if room is None:
            return Outcome(
                Failure(
                    FailureKind.REJECTED,
                    CoreMessages.tr("%1 cannot be a room address.").arg(repr(name)),
                )
            )
        if room in self.rooms:
            return Outcome(
                Failure(FailureKind.REJECTED, CoreMessages.tr("You are already in this room."))
            )
        reply = await self._join_with_nicks(room, self.default_nick(), "")
        if not reply.ok:
            message = _JOIN_ERRORS.get(
                reply.condition, reply.text or CoreMessages.tr("Could not create the room.")
            )
            return Outcome(Failure(FailureKind.REJECTED, message))
        if 201 not in reply.codes:
            await self.leave(room)
            return Outcome(
                Failure(
                    FailureKind.REJECTED,
                    CoreMessages.tr("A room with the address %1 already exists.").arg(room),
                )
            )
        return Outcome(value=room)

    async def create(self, name: str, public: bool) -> Outcome:
        opened = await self.open_new(name)
        if not opened.ok or not opened.value:
            return opened
        room = opened.value
        title = name if "@" not in name else ""
        await self._configure(room, {"public": public, "title": title})
        state = self.rooms.get(room)
        if state is not None:  # what the join-time disco#info said is out of date now
            state.members_only = not public
        self.on_configured(room)
        if title:
            self.session.report(f.ConversationUpdated(room, ConversationKind.GROUP, title=title))
        self.session.spawn(self._describe(room), f"describe {room}")
        return Outcome(value=room)

    async def _configure(self, room: str, wanted: dict[str, object] | None) -> None:
        """Submit the owner's configuration; this is what unlocks a newly created room."""
        if wanted is not None:
            try:
                result = await self.session.iq("get", room, stanzas.owner_query())
                query = result.find(q(ns.MUC_OWNER, "query"))
                form = None if query is None else query.find(q(ns.DATA_FORMS, "x"))
                fields = {
                    fl.get("var", "")
                    for fl in (form.findall(q(ns.DATA_FORMS, "field")) if form is not None else [])
                }
                public = bool(wanted["public"])
                values: dict[str, str] = {}
                for var, value in (
                    ("muc#roomconfig_roomname", str(wanted.get("title") or "")),
                    ("muc#roomconfig_persistentroom", "1"),
                    ("muc#roomconfig_publicroom", "1" if public else "0"),
                    ("muc#roomconfig_membersonly", "0" if public else "1"),
                    ("muc#roomconfig_enablearchiving", "1"),
                    ("muc#roomconfig_allowinvites", "1"),
                    # A private room shows members' addresses to members, as Conversations'
                    # private groups do: OMEMO needs them (XEP-0384 §7).
                    ("muc#roomconfig_whois", "moderators" if public else "anyone"),
                ):
                    if var in fields and value:
                        values[var] = value
                await self.session.iq("set", room, stanzas.room_config(values))
                return
            except IqFailure as exc:
                self.session.log.warning(
                    "room configuration failed (%s); using defaults", exc.condition
                )
        try:
            await self.session.iq("set", room, stanzas.instant_room())
        except IqFailure as exc:
            self.session.log.warning("could not unlock the new room: %s", exc.condition)

    async def directory(self, query: str, limit: int) -> tuple[RoomListing, ...] | Failure:
        """The public rooms of our server's group chat service whose address, name or subject
        contains ``query``, the busiest first. Each listed room's disco#info (subject, occupants)
        is asked for the first :data:`DIRECTORY_DETAILS` matches only: a big service has
        thousands of rooms."""
        service = self.session.features.muc_service
        if not service:
            return Failure(
                FailureKind.UNSUPPORTED,
                CoreMessages.tr("This server offers no group chat service."),
            )
        try:
            result = await self.session.iq("get", service, ET.Element(q(ns.DISCO_ITEMS, "query")))
        except IqFailure as exc:
            return exc.failure("Could not list the rooms")
        rooms = convert.parse_room_items(result.find(q(ns.DISCO_ITEMS, "query")))
        needle = query.casefold()

        def named(room: RoomListing) -> bool:
            return needle in room.address.casefold() or needle in room.name.casefold()

        # Rooms whose name matches come first; the others are searched by their description
        # only as far as the details reach.
        rooms.sort(key=lambda r: not named(r))
        detailed = await asyncio.gather(*(self._room_details(r) for r in rooms[:DIRECTORY_DETAILS]))
        found = [
            r
            for r in [*detailed, *rooms[DIRECTORY_DETAILS:]]
            if named(r) or needle in r.topic.casefold()
        ]
        found.sort(key=lambda r: (-(r.members or 0), r.name.casefold()))
        return tuple(found[:limit])

    async def _room_details(self, room: RoomListing) -> RoomListing:
        try:
            result = await self.session.iq(
                "get", room.address, ET.Element(q(ns.DISCO_INFO, "query")), timeout=10.0
            )
        except IqFailure:
            return room
        return convert.room_listing(
            room, convert.parse_disco_info(result.find(q(ns.DISCO_INFO, "query")))
        )

    async def invite(self, room: str, contact: str, reason: str) -> Outcome:
        state = self.rooms.get(room)
        if state is None or not state.joined:
            return Outcome(
                Failure(FailureKind.REJECTED, CoreMessages.tr("You are not in this room."))
            )
        who = convert.jid(contact)
        if who is None or not who.user:
            return Outcome(
                Failure(
                    FailureKind.REJECTED,
                    CoreMessages.tr("%1 is not an XMPP address.").arg(repr(contact)),
                )
            )
        if state.members_only is None:
            await self._describe(room)
        if state.members_only:
            # Mediated (XEP-0045 §7.8.2): the room relays it, and grants membership.
            self.session.send_message(
                room, "normal", children=[stanzas.mediated_invite(who.bare, reason)]
            )
        else:
            # Direct (XEP-0249): straight to the person, with the password if the room has one.
            password = state.password or await self.store.password(room)
            self.session.send_message(
                who.bare, "normal", children=[stanzas.direct_invite(room, reason, password)]
            )
        return Outcome()

    def remember_invite(self, fact: f.InviteReceived) -> None:
        """Keep an invitation until it is answered; anyone can send them, so only the newest
        ``MAX_INVITES`` are kept (the core still shows the older ones; accepting one without its
        password then asks for it)."""
        self.invites[fact.conversation] = _Invite(fact.inviter, fact.password)
        self.invites.move_to_end(fact.conversation)
        while len(self.invites) > MAX_INVITES:
            self.invites.popitem(last=False)

    async def answer_invite(self, room: str, accept: bool) -> Outcome:
        invite = self.invites.pop(room, None)
        if accept:
            return await self.join(room, password=invite.password if invite else "")
        if invite is not None and self.session.connected:
            self.session.send_message(
                room, "normal", children=[stanzas.mediated_decline(invite.inviter)]
            )
        return Outcome()

    async def kick(self, room: str, nick: str, reason: str) -> Outcome:
        try:
            await self.session.iq("set", room, stanzas.kick(nick, reason))
        except IqFailure as exc:
            return Outcome(exc.failure("Could not kick"))
        return Outcome()

    async def set_topic(self, room: str, topic: str) -> Outcome:
        state = self.rooms.get(room)
        if state is None or not state.joined:
            return Outcome(
                Failure(FailureKind.REJECTED, CoreMessages.tr("You are not in this room."))
            )
        stanza_id = self.session.client.new_id()
        waiter = self.session.expect_message(
            lambda el: (
                (el.get("type") == "error" and el.get("id") == stanza_id)
                or (
                    el.get("type") == "groupchat"
                    and el.find(q(ns.CLIENT, "subject")) is not None
                    and (el.get("from") or "").partition("/")[0] == room
                )
            )
        )
        msg = self.session.message(room, "groupchat", stanza_id=stanza_id)
        msg["subject"] = topic
        msg.send()
        try:
            async with asyncio.timeout(10):
                answer = await waiter
        except TimeoutError:
            return Outcome(
                Failure(
                    FailureKind.NETWORK, CoreMessages.tr("The room did not answer."), retryable=True
                )
            )
        finally:
            self.session.forget_expectation(waiter)
        if answer.get("type") == "error":
            condition, text = convert.stanza_error(answer)
            return Outcome(IqFailure(condition, text).failure("Could not change the topic"))
        return Outcome()
