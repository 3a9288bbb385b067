"""Rooms we create and run (XEP-0045 §10 owner and §9 admin use cases).

Creating: join the new (locked) room, fill in the owner's configuration form (name, description,
public or members-only, password, persistent, moderated) and submit it, which unlocks it; a
submission the service refuses destroys the half-made room, so nothing locked is left behind.
Running: the settings as the configuration form (owners) or disco#info (everyone else) tell
them, affiliations and roles, the outcast list (bans), and destroying the room.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import replace

from app import facts as f
from app.backend import (
    BanEntry,
    Failure,
    FailureKind,
    Outcome,
    RoomFeature,
    RoomOptions,
    RoomSettings,
)
from app.i18n import CoreMessages
from app.models import ConversationKind, Role
from backends.xmpp import convert, ns, stanzas
from backends.xmpp.ns import q
from backends.xmpp.rooms import RoomService
from backends.xmpp.session import IqFailure, XmppSession

ROOM_FEATURES = (
    RoomFeature.NAME
    | RoomFeature.TOPIC
    | RoomFeature.ADDRESS
    | RoomFeature.PUBLIC
    | RoomFeature.INVITE_ONLY
    | RoomFeature.PASSWORD
    | RoomFeature.PERSISTENT
    | RoomFeature.MODERATED
    | RoomFeature.INVITEES
)
_OWNER_ROLES = (Role.OWNER, Role.ADMIN, Role.MODERATOR, Role.MEMBER, Role.VISITOR)
_ADMIN_ROLES = (Role.MODERATOR, Role.MEMBER, Role.VISITOR)
_MODERATOR_ROLES = (Role.MEMBER, Role.VISITOR)
_ROOMCONFIG = "http://jabber.org/protocol/muc#roomconfig"
_ROOMINFO = "http://jabber.org/protocol/muc#roominfo"
_V = "muc#roomconfig_"


# -- pure helpers ------------------------------------------------------------------------------


def form_values(form: ET.Element | None) -> dict[str, list[str]]:
    """A data form's fields (var → values)."""
    if form is None:
        return {}
    values: dict[str, list[str]] = {}
    for fld in form.findall(q(ns.DATA_FORMS, "field")):
        var = fld.get("var")
        if var:
            values[var] = [v.text or "" for v in fld.findall(q(ns.DATA_FORMS, "value"))]
    return values


def _flag(values: Mapping[str, list[str]], var: str, default: bool = False) -> bool:
    got = values.get(var)
    return default if not got else got[0] in ("1", "true")


def options_from_config(values: Mapping[str, list[str]]) -> RoomOptions:
    """The room's options as its owner configuration form states them."""

    def one(var: str) -> str:
        got = values.get(_V + var)
        return got[0] if got else ""

    password = one("roomsecret")
    if not _flag(values, _V + "passwordprotectedroom", bool(password)):
        password = ""
    return RoomOptions(
        name=one("roomname"),
        topic=one("roomdesc"),
        public=_flag(values, _V + "publicroom"),
        invite_only=_flag(values, _V + "membersonly"),
        password=password,
        persistent=_flag(values, _V + "persistentroom"),
        moderated=_flag(values, _V + "moderatedroom"),
    )


def options_from_disco(info: convert.DiscoInfo) -> RoomOptions:
    """What anyone may learn of a room's setup (its disco#info features and room info)."""
    features = info.features
    roominfo = info.fields.get(_ROOMINFO, {})
    return RoomOptions(
        name=roominfo.get(_V + "roomname") or info.name,
        topic=roominfo.get("muc#roominfo_description") or roominfo.get("muc#roominfo_subject", ""),
        public="muc_public" in features,
        invite_only="muc_membersonly" in features,
        password="",  # never told: only that there is one
        persistent="muc_persistent" in features,
        moderated="muc_moderated" in features,
    )


def config_submission(options: RoomOptions, fields: Sequence[str]) -> dict[str, str]:
    """The form values for ``options``, limited to the fields this service's form has."""
    wanted = {
        "roomname": options.name,
        "roomdesc": options.topic,
        "publicroom": _bit(options.public),
        "membersonly": _bit(options.invite_only),
        "passwordprotectedroom": _bit(bool(options.password)),
        "roomsecret": options.password,
        "persistentroom": _bit(options.persistent),
        "moderatedroom": _bit(options.moderated),
        "enablearchiving": "1",
        "allowinvites": "1",
        # Members-only rooms show who is who to members, as private group chats do (Gajim,
        # Conversations): needed to block a member or encrypt to them.
        "whois": "anyone" if options.invite_only else "moderators",
    }
    present = set(fields)
    return {_V + k: v for k, v in wanted.items() if _V + k in present}


def _bit(value: bool) -> str:
    return "1" if value else "0"


def admin_item(**attrs: str) -> ET.Element:
    query = stanzas.el(ns.MUC_ADMIN, "query")
    reason = attrs.pop("reason", "")
    item = stanzas.el(ns.MUC_ADMIN, "item", **attrs)
    if reason:
        item.append(stanzas.el(ns.MUC_ADMIN, "reason", reason))
    query.append(item)
    return query


def destroy_request(reason: str = "") -> ET.Element:
    query = stanzas.owner_query()
    destroy = stanzas.el(ns.MUC_OWNER, "destroy")
    if reason:
        destroy.append(stanzas.el(ns.MUC_OWNER, "reason", reason))
    query.append(destroy)
    return query


def parse_outcasts(query: ET.Element | None) -> tuple[BanEntry, ...]:
    if query is None:
        return ()
    entries = []
    for item in query.findall(q(ns.MUC_ADMIN, "item")):
        who = convert.jid(item.get("jid"))
        if who is None:
            continue
        reason = item.find(q(ns.MUC_ADMIN, "reason"))
        entries.append(BanEntry(who.full, reason=(reason.text or "") if reason is not None else ""))
    return tuple(sorted(entries, key=lambda e: e.mask))


# -- the service -------------------------------------------------------------------------------


class RoomAdmin:
    """Creating and running rooms of one connection, over its :class:`RoomService`."""

    def __init__(self, session: XmppSession, rooms: RoomService) -> None:
        self.session = session
        self.rooms = rooms

    async def create(self, options: RoomOptions) -> Outcome:
        wanted = options.address.strip() or options.name.strip()
        opened = await self.rooms.open_new(wanted)
        if not opened.ok or not opened.value:
            return opened
        room = opened.value
        try:
            result = await self.session.iq("get", room, stanzas.owner_query())
            fields = form_values(result.find(f"{q(ns.MUC_OWNER, 'query')}/{q(ns.DATA_FORMS, 'x')}"))
            name = options.name.strip() or (wanted if "@" not in wanted else "")
            values = config_submission(replace(options, name=name), [*fields])
            await self.session.iq("set", room, stanzas.room_config(values))
        except IqFailure as exc:
            failure = exc.failure("The server refused the room's settings")
            await self._abandon(room)
            return Outcome(failure)
        if name:
            self.session.report(f.ConversationUpdated(room, ConversationKind.GROUP, title=name))
        if options.topic.strip():
            await self.rooms.set_topic(room, options.topic.strip())
        await self.rooms.reconfigured(room, options.password)
        refused = []
        for who in options.invite:
            if not (await self.rooms.invite(room, who, "")).ok:
                refused.append(who)
        if refused:
            failure = Failure(
                FailureKind.REJECTED,
                "The room was created, but these people could not be invited: "
                + ", ".join(refused),
            )
            return Outcome(failure, room)
        return Outcome(value=room)

    async def _abandon(self, room: str) -> None:
        """A new room whose setup failed: destroy it (it is still locked), else just leave."""
        try:
            await self.session.iq("set", room, destroy_request())
        except IqFailure as exc:
            self.session.log.info("could not destroy a half-made room: %s", exc.condition)
        await self.rooms.leave(room)

    # -- settings ----------------------------------------------------------------------------

    async def settings(self, room: str) -> RoomSettings | Failure:
        affiliation, role = self.rooms.own_standing(room)
        if affiliation is None:
            return Failure(FailureKind.REJECTED, CoreMessages.tr("You are not in this room."))
        if affiliation == "owner":
            try:
                result = await self.session.iq("get", room, stanzas.owner_query())
            except IqFailure as exc:
                return exc.failure("Could not read the room's settings")
            form = result.find(f"{q(ns.MUC_OWNER, 'query')}/{q(ns.DATA_FORMS, 'x')}")
            values = form_values(form)
            options = options_from_config(values)
            editable = _editable(values)
        else:
            try:
                result = await self.session.iq("get", room, ET.Element(q(ns.DISCO_INFO, "query")))
            except IqFailure as exc:
                return exc.failure("Could not read the room's settings")
            options = options_from_disco(
                convert.parse_disco_info(result.find(q(ns.DISCO_INFO, "query")))
            )
            editable = RoomFeature.NONE
        if affiliation == "owner":
            roles: tuple[Role, ...] = _OWNER_ROLES
        elif affiliation == "admin":
            roles = _ADMIN_ROLES
        elif role == "moderator":
            roles = _MODERATOR_ROLES
        else:
            roles = ()
        return RoomSettings(
            options=options,
            editable=editable,
            roles=roles,
            can_ban=affiliation in ("owner", "admin"),
            can_close=affiliation == "owner",
        )

    async def configure(self, room: str, options: RoomOptions) -> Outcome:
        try:
            result = await self.session.iq("get", room, stanzas.owner_query())
            before = form_values(result.find(f"{q(ns.MUC_OWNER, 'query')}/{q(ns.DATA_FORMS, 'x')}"))
            await self.session.iq(
                "set", room, stanzas.room_config(config_submission(options, [*before]))
            )
        except IqFailure as exc:
            return Outcome(exc.failure("Could not change the room's settings"))
        old = options_from_config(before)
        if options.name != old.name:
            title = options.name or room
            self.session.report(f.ConversationUpdated(room, ConversationKind.GROUP, title=title))
        if options.topic != old.topic:
            await self.rooms.set_topic(room, options.topic)
        await self.rooms.reconfigured(room, options.password)
        return Outcome()

    # -- roles and bans ----------------------------------------------------------------------

    async def set_role(self, room: str, member: str, role: Role) -> Outcome:
        occupant = self.rooms.occupant(room, member)
        real = self._real_jid(room, member)
        affiliation = occupant.affiliation if occupant is not None else ""
        changes: list[ET.Element] = []
        if role in (Role.OWNER, Role.ADMIN, Role.MEMBER):
            if real is None:
                return Outcome(_hidden_address(member))
            target = {Role.OWNER: "owner", Role.ADMIN: "admin", Role.MEMBER: "member"}[role]
            if target != affiliation:
                changes.append(admin_item(jid=real, affiliation=target))
            if role is Role.MEMBER and occupant is not None and occupant.role is not Role.MEMBER:
                changes.append(admin_item(nick=member, role="participant"))
        else:
            if occupant is None:
                return Outcome(
                    Failure(
                        FailureKind.REJECTED,
                        CoreMessages.tr("%1 is not in the room right now.").arg(member),
                    )
                )
            if affiliation in ("owner", "admin"):
                if real is None:
                    return Outcome(_hidden_address(member))
                changes.append(admin_item(jid=real, affiliation="member"))
            changes.append(
                admin_item(nick=member, role="moderator" if role is Role.MODERATOR else "visitor")
            )
        try:
            for change in changes:
                await self.session.iq("set", room, change)
        except IqFailure as exc:
            return Outcome(exc.failure("Could not change the role"))
        return Outcome()

    async def ban_list(self, room: str) -> tuple[BanEntry, ...] | Failure:
        try:
            result = await self.session.iq("get", room, admin_item(affiliation="outcast"))
        except IqFailure as exc:
            return exc.failure("Could not read the ban list")
        return parse_outcasts(result.find(q(ns.MUC_ADMIN, "query")))

    async def ban(self, room: str, member: str, reason: str) -> Outcome:
        real = self._real_jid(room, member)
        if real is None:
            return Outcome(_hidden_address(member))
        if real == self.session.own_jid:
            return Outcome(
                Failure(FailureKind.REJECTED, CoreMessages.tr("You cannot ban yourself."))
            )
        try:
            await self.session.iq(
                "set", room, admin_item(jid=real, affiliation="outcast", reason=reason)
            )
        except IqFailure as exc:
            return Outcome(exc.failure("Could not ban"))
        return Outcome()

    async def unban(self, room: str, address: str) -> Outcome:
        who = convert.jid(address)
        if who is None:
            return Outcome(
                Failure(
                    FailureKind.REJECTED,
                    CoreMessages.tr("%1 is not an XMPP address.").arg(repr(address)),
                )
            )
        try:
            await self.session.iq("set", room, admin_item(jid=who.full, affiliation="none"))
        except IqFailure as exc:
            return Outcome(exc.failure("Could not lift the ban"))
        return Outcome()

    async def destroy(self, room: str, reason: str) -> Outcome:
        try:
            await self.session.iq("set", room, destroy_request(reason))
        except IqFailure as exc:
            return Outcome(exc.failure("Could not close the room"))
        # The service tells the occupants (us too) with an unavailable presence; wait for ours
        # so the room is marked left before the answer, as leaving does.
        await self.rooms.wait_gone(room, timeout=10.0)
        return Outcome()

    def _real_jid(self, room: str, member: str) -> str | None:
        """The address behind a nick in ``room``, or ``member`` itself when it is an address."""
        occupant = self.rooms.occupant(room, member)
        if occupant is not None:
            return occupant.contact.native_id if occupant.contact is not None else None
        who = convert.jid(member.strip())
        if who is None or not who.domain or who.resource:
            return None
        if not who.user and "." not in who.domain:
            return None  # a bare word: a nick of someone not here
        return who.bare


def _editable(values: Mapping[str, list[str]]) -> RoomFeature:
    editable = RoomFeature.NONE
    for feature, var in (
        (RoomFeature.NAME, "roomname"),
        (RoomFeature.TOPIC, "roomdesc"),
        (RoomFeature.PUBLIC, "publicroom"),
        (RoomFeature.INVITE_ONLY, "membersonly"),
        (RoomFeature.PASSWORD, "roomsecret"),
        (RoomFeature.PERSISTENT, "persistentroom"),
        (RoomFeature.MODERATED, "moderatedroom"),
    ):
        if _V + var in values:
            editable |= feature
    return editable


def _hidden_address(member: str) -> Failure:
    return Failure(
        FailureKind.REJECTED,
        CoreMessages.tr("The room does not show %1's address, so it cannot be used for that.").arg(
            member
        ),
    )
