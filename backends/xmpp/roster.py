"""Contacts: the roster, presence (theirs and ours), subscription requests and blocking (XEP-0191).

The store replaces a contact row as a whole, so every contact fact carries the full picture: roster
entry and blocked flag are merged here before they are reported.
"""

from __future__ import annotations

import asyncio
import json
import xml.etree.ElementTree as ET
from collections import OrderedDict
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from slixmpp.types import PresenceShows

from app import facts as f
from app.backend import ContactDetails, Endpoint, Failure, FailureKind, Outcome, StateAccess
from app.i18n import CoreMessages
from app.models import Presence, PresenceState
from backends.xmpp import convert, ns, stanzas
from backends.xmpp.ns import q
from backends.xmpp.session import IqFailure, XmppSession

STATE_PRESENCE = "xmpp.presence"
MAX_PRESENCE_CONTACTS = 5_000  # senders whose devices we track
MAX_RESOURCES = 32  # devices tracked per sender
DETAILS_TIMEOUT = 5.0  # a device that does not say which client it runs is shown without
_SHOW: dict[PresenceState, PresenceShows | None] = {
    PresenceState.AVAILABLE: None,
    PresenceState.CHAT: "chat",
    PresenceState.AWAY: "away",
    PresenceState.EXTENDED_AWAY: "xa",
    PresenceState.DO_NOT_DISTURB: "dnd",
}


def show_of(state: PresenceState) -> PresenceShows | None:
    """The ``<show/>`` value for a presence state (None: plain available)."""
    return _SHOW.get(state)


async def load_own_presence(state: StateAccess) -> Presence:
    raw = await state.get(STATE_PRESENCE)
    try:
        data = json.loads(raw) if raw else {}
        return Presence(PresenceState(data.get("state", "available")), str(data.get("status", "")))
    except (ValueError, TypeError, AttributeError):
        return Presence(PresenceState.AVAILABLE)


class RosterService:
    """Contacts of one connection; keeps the roster and block list to report whole contacts."""

    def __init__(self, session: XmppSession, own_presence: Presence) -> None:
        self.session = session
        self.items: dict[str, convert.RosterItem] = {}
        self.blocked: set[str] = set()
        self.own_presence = own_presence
        # bare JID → resource → (priority, presence); bounded, as anyone can send us presence
        self._resources: OrderedDict[str, OrderedDict[str, tuple[int, Presence]]] = OrderedDict()

    # -- roster ------------------------------------------------------------------------------

    async def fetch(self) -> None:
        """The whole roster and block list, reported as the complete contact list."""
        try:
            result = await self.session.iq("get", None, ET.Element(q(ns.ROSTER, "query")))
            items = convert.parse_roster(result.find(q(ns.ROSTER, "query")))
        except IqFailure as exc:
            self.session.log.warning("could not fetch the roster: %s", exc.condition)
            return
        self.items = {i.jid: i for i in items if not i.removed}
        if self.session.features.blocking:
            try:
                result = await self.session.iq("get", None, stanzas.blocklist_request())
                self.blocked = set(
                    convert.parse_block_items(result.find(q(ns.BLOCKING, "blocklist")))
                )
            except IqFailure as exc:
                self.session.log.warning("could not fetch the block list: %s", exc.condition)
        jids = sorted(set(self.items) | self.blocked)
        self.session.report(f.ContactsChanged(tuple(self._contact(j) for j in jids), complete=True))

    def _contact(self, bare: str) -> Any:
        return convert.contact_of(
            self.items.get(bare), bare, self.session.ctx.account_id, bare in self.blocked
        )

    def on_roster_push(self, iq: Any) -> None:
        if iq["type"] != "set":
            return
        items = convert.parse_roster(iq.xml.find(q(ns.ROSTER, "query")))
        upserted, removed = [], []
        for item in items:
            if item.removed:
                self.items.pop(item.jid, None)
                if item.jid in self.blocked:
                    upserted.append(self._contact(item.jid))
                else:
                    removed.append(item.jid)
            else:
                self.items[item.jid] = item
                upserted.append(self._contact(item.jid))
        if upserted or removed:
            self.session.report(f.ContactsChanged(tuple(upserted), tuple(removed)))

    def on_block_push(self, iq: Any) -> None:
        """The server tells us (any of our devices) blocked or unblocked someone.

        Only our server may say so: a push comes without ``from`` or from our own bare JID (as
        RFC 6121 §2.1.6 requires of roster pushes). Anyone else gets an error and changes nothing.
        """
        if not self.push_is_trusted(iq.xml.get("from")):
            self.session.log.info("ignored a block list push from someone else")
            reply = iq.reply()
            reply["type"] = "error"
            reply["error"]["type"] = "cancel"
            reply["error"]["condition"] = "service-unavailable"
            reply.send()
            return
        block = iq.xml.find(q(ns.BLOCKING, "block"))
        unblock = iq.xml.find(q(ns.BLOCKING, "unblock"))
        iq.reply().send()
        if block is not None:
            self._set_blocked(convert.parse_block_items(block), True)
        elif unblock is not None:
            jids = convert.parse_block_items(unblock) or sorted(self.blocked)  # empty: all
            self._set_blocked(jids, False)

    def push_is_trusted(self, sender: str | None) -> bool:
        """Whether a ``from`` address may push changes of our account: none, or our bare JID."""
        if not sender:
            return True
        who = convert.jid(sender)
        return who is not None and not who.resource and who.bare == self.session.own_jid

    def _set_blocked(self, jids: list[str], blocked: bool) -> None:
        changed: list[str] = []
        for j in jids:
            if (j in self.blocked) != blocked:
                (self.blocked.add if blocked else self.blocked.discard)(j)
                changed.append(j)
        if not changed:
            return
        upserted = [self._contact(j) for j in changed if j in self.items or blocked]
        removed = tuple(j for j in changed if j not in self.items and not blocked)
        self.session.report(f.ContactsChanged(tuple(upserted), removed))

    async def add(self, contact: str, name: str, message: str) -> Outcome:
        who = convert.jid(contact)
        if who is None or not who.user or who.resource:
            return Outcome(
                Failure(
                    FailureKind.REJECTED,
                    CoreMessages.tr("%1 is not an XMPP address.").arg(repr(contact)),
                )
            )
        bare = who.bare
        try:
            await self.session.iq("set", None, stanzas.roster_item(bare, name=name))
        except IqFailure as exc:
            return Outcome(exc.failure("Could not add the contact"))
        self.session.send_presence(
            bare,
            ptype="subscribe",
            status=message or None,
            children=[stanzas.nick(self.session.settings.localpart)],
        )
        return Outcome(value=bare)

    async def remove(self, contact: str) -> Outcome:
        try:
            await self.session.iq("set", None, stanzas.roster_item(contact, remove=True))
        except IqFailure as exc:
            return Outcome(exc.failure("Could not remove the contact"))
        return Outcome()

    async def rename(self, contact: str, name: str) -> Outcome:
        item = self.items.get(contact)
        groups = item.groups if item is not None else ()
        try:
            await self.session.iq(
                "set", None, stanzas.roster_item(contact, name=name, groups=groups)
            )
        except IqFailure as exc:
            return Outcome(exc.failure("Could not rename the contact"))
        return Outcome()

    async def answer_subscription(self, contact: str, accept: bool) -> Outcome:
        if not self.session.connected:
            return Outcome(
                Failure(
                    FailureKind.NOT_CONNECTED, CoreMessages.tr("Not connected."), retryable=True
                )
            )
        if not accept:
            self.session.send_presence(contact, ptype="unsubscribed")
            return Outcome()
        self.session.send_presence(contact, ptype="subscribed")
        item = self.items.get(contact)
        if item is None or (item.subscription in ("none", "from") and not item.ask):
            self.session.send_presence(contact, ptype="subscribe")  # see them back
        return Outcome()

    async def set_blocked(self, contact: str, blocked: bool) -> Outcome:
        if not self.session.features.blocking:
            return Outcome(
                Failure(
                    FailureKind.UNSUPPORTED, CoreMessages.tr("This server cannot block contacts.")
                )
            )
        who = convert.jid(contact)
        if who is None or (not who.user and "." not in who.domain):
            # A bare word is a JID too (a server called "bob"): refuse it rather than block
            # a server nobody meant; a nick in a room that hides addresses ends up here.
            return Outcome(
                Failure(
                    FailureKind.REJECTED,
                    CoreMessages.tr("%1 is not an XMPP address to block.").arg(repr(contact)),
                )
            )
        contact = who.full
        try:
            await self.session.iq("set", None, stanzas.block([contact], blocked=blocked))
        except IqFailure as exc:
            return Outcome(exc.failure("Could not change the block list"))
        self._set_blocked([contact], blocked)  # the server's push to us may come later
        return Outcome()

    # -- details -----------------------------------------------------------------------------

    async def details(self, contact: str) -> ContactDetails | Failure:
        """Someone's devices (resources) with the client each runs (XEP-0092), and when they
        were last seen (XEP-0012) when none is online."""
        who = convert.jid(contact)
        if who is None or not who.user:
            return Failure(
                FailureKind.REJECTED,
                CoreMessages.tr("%1 is not an XMPP address.").arg(repr(contact)),
            )
        bare = who.bare
        resources: Mapping[str, tuple[int, Presence]] = self._resources.get(bare, {})
        clients = await asyncio.gather(
            *(self._client_of(f"{bare}/{resource}") for resource in resources)
        )
        endpoints = tuple(
            Endpoint(resource, client=client, presence=presence)
            for (resource, (_priority, presence)), client in zip(
                resources.items(), clients, strict=True
            )
        )
        presence = (
            convert.best_presence(resources.values())
            if resources
            else Presence(PresenceState.OFFLINE, last_seen=await self._last_seen(bare))
        )
        item = self.items.get(bare)
        return ContactDetails(
            address=bare,
            online=bool(resources),
            real_name=item.name if item is not None else "",
            away=presence.status if presence.state is not PresenceState.AVAILABLE else "",
            presence=presence,
            endpoints=endpoints,
        )

    async def _client_of(self, full: str) -> str:
        try:
            result = await self.session.iq(
                "get", full, ET.Element(q(ns.VERSION, "query")), timeout=DETAILS_TIMEOUT
            )
        except IqFailure:
            return ""
        query = result.find(q(ns.VERSION, "query"))
        if query is None:
            return ""
        parts = [
            (query.findtext(q(ns.VERSION, name)) or "").strip()[:100]
            for name in ("name", "version", "os")
        ]
        name, version, system = parts
        text = " ".join(p for p in (name, version) if p)
        return f"{text} ({system})" if text and system else text

    async def _last_seen(self, bare: str) -> datetime | None:
        try:
            result = await self.session.iq(
                "get", bare, ET.Element(q(ns.LAST, "query")), timeout=DETAILS_TIMEOUT
            )
        except IqFailure:
            return None
        query = result.find(q(ns.LAST, "query"))
        seconds = query.get("seconds", "") if query is not None else ""
        if not seconds.isdigit():
            return None
        return datetime.now(UTC) - timedelta(seconds=int(seconds))

    # -- presence ----------------------------------------------------------------------------

    def on_contact_presence(self, event: convert.ContactPresence) -> None:
        if event.bare == self.session.own_jid:
            return  # our other devices
        resources = self._resources.get(event.bare)
        if resources is None:
            if event.presence.state is PresenceState.OFFLINE:
                self.session.report(f.PresenceChanged(event.bare, event.presence))
                return
            resources = self._resources[event.bare] = OrderedDict()
            while len(self._resources) > MAX_PRESENCE_CONTACTS:
                self._resources.popitem(last=False)  # the longest-quiet sender
        self._resources.move_to_end(event.bare)
        if event.presence.state is PresenceState.OFFLINE:
            resources.pop(event.resource, None)
        else:
            resources[event.resource] = (event.priority, event.presence)
            resources.move_to_end(event.resource)
            while len(resources) > MAX_RESOURCES:
                resources.popitem(last=False)
        presence = (
            convert.best_presence(resources.values())
            if resources
            else Presence(PresenceState.OFFLINE, event.presence.status)
        )
        if not resources:
            self._resources.pop(event.bare, None)
        self.session.report(f.PresenceChanged(event.bare, presence))

    def on_subscription(self, event: convert.SubscriptionPresence) -> None:
        if event.kind != "subscribe" or event.bare in self.blocked:
            return
        item = self.items.get(event.bare)
        if item is not None and item.subscription in ("from", "both"):
            self.session.send_presence(event.bare, ptype="subscribed")  # already approved
            return
        self.session.report(f.SubscriptionRequested(event.bare, event.nick, event.message))

    def broadcast_presence(self, presence: Presence, rooms: dict[str, str]) -> None:
        show = show_of(presence.state)
        status = presence.status or None
        self.session.send_presence(show=show, status=status)
        for room, nick in rooms.items():
            self.session.send_presence(f"{room}/{nick}", show=show, status=status)

    async def set_own(self, presence: Presence, rooms: dict[str, str]) -> Outcome:
        if presence.state not in _SHOW:
            return Outcome(
                Failure(
                    FailureKind.UNSUPPORTED,
                    CoreMessages.tr("Disconnect the account to appear offline."),
                )
            )
        if not self.session.connected:
            return Outcome(
                Failure(
                    FailureKind.NOT_CONNECTED, CoreMessages.tr("Not connected."), retryable=True
                )
            )
        self.own_presence = presence
        self.broadcast_presence(presence, rooms)
        await self.session.ctx.state.set(
            STATE_PRESENCE, json.dumps({"state": presence.state.value, "status": presence.status})
        )
        return Outcome()
