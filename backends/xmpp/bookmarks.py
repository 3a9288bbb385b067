"""Room bookmarks shared with our other clients (XEP-0402 PEP Native Bookmarks).

A bookmark is one item of the PEP node ``urn:xmpp:bookmarks:1`` on our own account, its id the
room's address: ``<conference autojoin='true'><nick>…</nick></conference>``. Gajim, Conversations,
Dino and Converse read and write the same node, so:

- at sign-in, after the saved rooms (:mod:`backends.xmpp.saved_rooms`) were rejoined, every
  bookmark with ``autojoin`` that we are not in is joined, with its nick; a saved room that was
  never bookmarked (saved by an older version) is bookmarked, once;
- a room joined here is published with ``autojoin='true'`` and our nick; leaving it sets
  ``autojoin='false'`` and keeps the bookmark (as Conversations does: the other clients keep
  listing it);
- live, another device's bookmark with ``autojoin='true'`` is joined, and one turned from
  ``true`` to ``false`` is left (Conversations does both; Gajim only joins); a retracted
  bookmark leaves the room as it is (Conversations leaves only destroyed rooms on a retraction).

A room password never goes into a bookmark: passwords stay in the keyring. One another client
put there is used to join, kept in the keyring from then on, and left out when we update that
bookmark. Parts of a bookmark we do not use (its name, ``<extensions>``) are published back as
they were, as XEP-0402 asks.
"""

from __future__ import annotations

import asyncio
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from app.backend import FailureKind
from backends.xmpp import convert, ns
from backends.xmpp.ns import q
from backends.xmpp.session import IqFailure, XmppSession
from backends.xmpp.stanzas import el

if TYPE_CHECKING:
    from backends.xmpp.rooms import RoomService

NOTIFY = f"{ns.BOOKMARKS}+notify"
LOCKED_RETRY = 10.0  # s before a bookmarked room that refused us is tried again (Gajim waits 10 s)
PUBLISH_OPTIONS = (  # XEP-0402 §3: private, kept, every room one item, never pushed unasked
    ("pubsub#persist_items", "true"),
    ("pubsub#max_items", "max"),
    ("pubsub#send_last_published_item", "never"),
    ("pubsub#access_model", "whitelist"),
)
_TRUE, _FALSE = ("true", "1"), ("false", "0", "")


@dataclass(frozen=True, slots=True)
class Bookmark:
    """One room's bookmark as read or to be published."""

    room: str
    autojoin: bool = False
    nick: str = ""
    name: str = ""
    password: str = ""  # only ever read (another client's); never published
    extensions: ET.Element | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class BookmarkEvent:
    """What a notification says: bookmarks published, and rooms whose bookmark was retracted."""

    published: tuple[Bookmark, ...] = ()
    retracted: tuple[str, ...] = ()


def parse_item(item: ET.Element) -> Bookmark | str:
    """A pubsub ``<item>`` → its bookmark, or a sentence saying why it is malformed."""
    room = convert.jid(item.get("id"))
    if room is None or not room.user or room.resource:
        return f"item id {item.get('id')!r} is not a room address"
    conference = item.find(q(ns.BOOKMARKS, "conference"))
    if conference is None:
        return f"{room.bare}: no <conference>"
    flag = (conference.get("autojoin") or "").strip().lower()
    if flag not in _TRUE + _FALSE:
        return f"{room.bare}: autojoin={flag!r}"
    nick = (conference.findtext(q(ns.BOOKMARKS, "nick")) or "").strip()
    if nick and convert.jid(f"{room.bare}/{nick}") is None:
        return f"{room.bare}: nick {nick!r} cannot be used in a room"
    return Bookmark(
        room=room.bare,
        autojoin=flag in _TRUE,
        nick=nick,
        name=conference.get("name") or "",
        password=conference.findtext(q(ns.BOOKMARKS, "password")) or "",
        extensions=conference.find(q(ns.BOOKMARKS, "extensions")),
    )


def parse_items(
    parent: ET.Element | None, namespace: str = ns.PUBSUB
) -> tuple[list[Bookmark], list[str]]:
    """The bookmarks under a pubsub ``<items>`` (result or event), and why any were dropped."""
    found: list[Bookmark] = []
    dropped: list[str] = []
    for item in [] if parent is None else parent.findall(q(namespace, "item")):
        parsed = parse_item(item)
        if isinstance(parsed, Bookmark):
            found.append(parsed)
        else:
            dropped.append(parsed)
    return found, dropped


def parse_event(msg: ET.Element, own_jid: str) -> tuple[BookmarkEvent, list[str]] | None:
    """A bookmarks notification from our own account, or None for any other message (a
    notification claiming to be ours from anyone else is not one)."""
    items = msg.find(f"{q(ns.PUBSUB_EVENT, 'event')}/{q(ns.PUBSUB_EVENT, 'items')}")
    if items is None or items.get("node") != ns.BOOKMARKS:
        return None
    sender = convert.jid(msg.get("from"))
    if sender is None or sender.full != own_jid:
        return None
    published, dropped = parse_items(items, ns.PUBSUB_EVENT)
    retracted = []
    for retract in items.findall(q(ns.PUBSUB_EVENT, "retract")):
        room = convert.jid(retract.get("id"))
        if room is None or not room.user or room.resource:
            dropped.append(f"retraction of {retract.get('id')!r}")
        else:
            retracted.append(room.bare)
    return BookmarkEvent(tuple(published), tuple(retracted)), dropped


def items_request() -> ET.Element:
    pubsub = el(ns.PUBSUB, "pubsub")
    pubsub.append(el(ns.PUBSUB, "items", node=ns.BOOKMARKS))
    return pubsub


def publish_request(bookmark: Bookmark) -> ET.Element:
    """Publish (or replace) one bookmark, with XEP-0402's publish-options. No password, ever."""
    pubsub = el(ns.PUBSUB, "pubsub")
    publish = el(ns.PUBSUB, "publish", node=ns.BOOKMARKS)
    item = el(ns.PUBSUB, "item", id=bookmark.room)
    conference = el(ns.BOOKMARKS, "conference", autojoin="true" if bookmark.autojoin else "false")
    if bookmark.name:
        conference.set("name", bookmark.name)
    if bookmark.nick:
        conference.append(el(ns.BOOKMARKS, "nick", bookmark.nick))
    if bookmark.extensions is not None:
        conference.append(bookmark.extensions)
    item.append(conference)
    publish.append(item)
    pubsub.append(publish)
    options = el(ns.PUBSUB, "publish-options")
    form = el(ns.DATA_FORMS, "x", type="submit")
    for var, value in (
        ("FORM_TYPE", "http://jabber.org/protocol/pubsub#publish-options"),
        *PUBLISH_OPTIONS,
    ):
        node = el(ns.DATA_FORMS, "field", var=var, type="hidden" if var == "FORM_TYPE" else None)
        node.append(el(ns.DATA_FORMS, "value", value))
        form.append(node)
    options.append(form)
    pubsub.append(options)
    return pubsub


class BookmarkService:
    """Our bookmarks on one connection: read at sign-in, followed live, written on join/leave."""

    def __init__(self, session: XmppSession, rooms: RoomService) -> None:
        self.session = session
        self.rooms = rooms
        self.items: dict[str, Bookmark] = {}  # room → its bookmark as last read or published
        self.available = True  # until the server shows it has no PEP bookmarks
        rooms.store.changed = self.saved_changed

    def _unavailable(self, exc: IqFailure) -> None:
        if self.available:
            self.session.log.info(
                "no bookmarks on this server (%s); rooms stay local", exc.condition
            )
        self.available = False

    def _dropped(self, dropped: list[str]) -> None:
        for why in dropped:
            self.session.log.info("dropped a malformed bookmark: %s", why)

    async def sync(self) -> None:
        """Sign-in: read our bookmarks and join the autojoin rooms we are not in (the saved
        rooms' rejoins were sent before: this never delays them)."""
        try:
            result = await self.session.iq("get", self.session.own_jid, items_request())
        except IqFailure as exc:
            if exc.condition != "item-not-found":  # that one: no bookmark was ever published
                self._unavailable(exc)
                return
            result = ET.Element(q(ns.CLIENT, "iq"))
        pubsub_items = result.find(f"{q(ns.PUBSUB, 'pubsub')}/{q(ns.PUBSUB, 'items')}")
        found, dropped = parse_items(pubsub_items)
        self._dropped(dropped)
        for bookmark in found:
            self.items.setdefault(bookmark.room, bookmark)  # a live notification may be newer
        for bookmark in found:
            if bookmark.autojoin:
                self._join(bookmark)
        await self._bookmark_saved_rooms()

    async def _bookmark_saved_rooms(self) -> None:
        """Rooms saved before bookmarks were synced (or while the server had none) get one,
        once: a room whose bookmark was deleted on another device is not bookmarked again."""
        changed = False
        for room, saved in list(self.rooms.saved.items()):
            if saved.bookmarked:
                continue
            saved.bookmarked = changed = True
            if room not in self.items:
                self.items[room] = Bookmark(room, True, saved.nick)
                self.session.spawn(self._publish(self.items[room]), f"bookmark {room}")
        if changed:
            await self.rooms.store.save()

    def _in(self, room: str) -> bool:
        return room in self.rooms.rooms or room in self.rooms.saved

    def _join(self, bookmark: Bookmark, *, live: bool = False) -> None:
        if not self._in(bookmark.room):
            self.session.spawn(self._join_now(bookmark, live), f"bookmark join {bookmark.room}")

    async def _join_now(self, bookmark: Bookmark, live: bool = False) -> None:
        outcome = await self.rooms.join(bookmark.room, bookmark.nick, bookmark.password)
        if outcome.failure is None:
            return
        if live and outcome.failure.kind is FailureKind.REJECTED:
            # Another device may have just made the room: it stays locked until that device
            # has configured it. Try once more, if the bookmark still asks for it.
            await asyncio.sleep(LOCKED_RETRY)
            current = self.items.get(bookmark.room)
            if current is not None and current.autojoin and not self._in(bookmark.room):
                await self._join_now(current)
            return
        self.session.log.info(
            "could not join bookmarked %s: %s", bookmark.room, outcome.failure.message
        )

    def on_message(self, msg: ET.Element) -> bool:
        """A bookmarks notification from our account (True: it was one, nothing else in it)."""
        parsed = parse_event(msg, self.session.own_jid)
        if parsed is None:
            return False
        event, dropped = parsed
        self._dropped(dropped)
        for bookmark in event.published:
            before = self.items.get(bookmark.room)
            self.items[bookmark.room] = bookmark
            if bookmark.autojoin:
                self._join(bookmark, live=True)
            elif before is not None and before.autojoin and bookmark.room in self.rooms.rooms:
                # Left on another device (autojoin true → false): leave here too.
                self.session.spawn(
                    self.rooms.leave(bookmark.room), f"bookmark leave {bookmark.room}"
                )
        for room in event.retracted:
            self.items.pop(room, None)  # the room itself stays as it is
        return True

    def saved_changed(self, room: str, nick: str | None) -> None:
        """A room joined here (``nick``) or left (None): publish its bookmark when that changes
        it. A join our bookmark caused finds it already saying so, and publishes nothing."""
        before = self.items.get(room)
        saved = self.rooms.saved.get(room)
        if nick is not None and saved is not None and self.available:
            saved.bookmarked = True  # written by the store right after telling us
        if nick is not None:
            if before is not None and before.autojoin:
                return
            after = (
                replace(before, autojoin=True, nick=nick) if before else Bookmark(room, True, nick)
            )
        else:
            if before is None or not before.autojoin:
                return
            after = replace(before, autojoin=False)
        after = replace(after, password="")
        self.items[room] = after
        if self.available and self.session.connected:
            self.session.spawn(self._publish(after), f"bookmark {room}")

    async def _publish(self, bookmark: Bookmark) -> None:
        try:
            await self.session.iq("set", self.session.own_jid, publish_request(bookmark))
        except IqFailure as exc:
            if exc.condition in ("feature-not-implemented", "service-unavailable"):
                self._unavailable(exc)
            else:
                self.session.log.info(
                    "could not publish the bookmark of %s: %s", bookmark.room, exc.condition
                )
