"""Bookmarks (XEP-0402): reading items and notifications, what is published (never a password),
and when the service joins, leaves and publishes, on a stand-in session and rooms."""

from __future__ import annotations

import asyncio
import logging
import xml.etree.ElementTree as ET
from types import SimpleNamespace
from typing import Any, cast

import pytest

from app.backend import Failure, FailureKind, Outcome
from backends.xmpp import bookmarks
from backends.xmpp.bookmarks import Bookmark, BookmarkService
from backends.xmpp.saved_rooms import SavedRoom, SavedRooms
from backends.xmpp.session import IqFailure
from chinwag.testing import MemorySecrets, MemoryState

ME = "me@example.org"
B = "urn:xmpp:bookmarks:1"
PS = "http://jabber.org/protocol/pubsub"
EV = "http://jabber.org/protocol/pubsub#event"


def item(room: str, conference: str, ns: str = PS) -> ET.Element:
    return ET.fromstring(f"<item xmlns='{ns}' id='{room}'>{conference}</item>")


def conf(attrs: str = "autojoin='true'", inner: str = "") -> str:
    return f"<conference xmlns='{B}' {attrs}>{inner}</conference>"


def event(inner: str, sender: str = ME, node: str = B) -> ET.Element:
    return ET.fromstring(
        f"<message xmlns='jabber:client' from='{sender}' to='{ME}/chinwag' type='headline'>"
        f"<event xmlns='{EV}'><items node='{node}'>{inner}</items></event></message>"
    )


def fields_of(parsed: Bookmark | str) -> tuple[str, bool, str, str, str]:
    assert isinstance(parsed, Bookmark), parsed
    return (parsed.room, parsed.autojoin, parsed.nick, parsed.name, parsed.password)


# -- reading -------------------------------------------------------------------------------


def test_a_bookmark_is_read_with_its_nick_name_password_and_extensions() -> None:
    parsed = bookmarks.parse_item(
        item(
            "room@muc.example.org",
            conf(
                "name='The Room' autojoin='1'",
                "<nick> pat </nick><password>pw</password><extensions><x xmlns='e'/></extensions>",
            ),
        )
    )
    assert fields_of(parsed) == ("room@muc.example.org", True, "pat", "The Room", "pw")
    assert parsed.extensions is not None and parsed.extensions.find("{e}x") is not None


@pytest.mark.parametrize(
    ("attrs", "autojoin"),
    [("", False), ("autojoin='false'", False), ("autojoin='0'", False), ("autojoin='TRUE'", True)],
)
def test_autojoin_is_an_xml_boolean_absent_meaning_false(attrs: str, autojoin: bool) -> None:
    parsed = bookmarks.parse_item(item("room@muc.example.org", conf(attrs)))
    assert isinstance(parsed, Bookmark) and parsed.autojoin is autojoin


@pytest.mark.parametrize(
    ("room", "payload"),
    [
        ("muc.example.org", conf()),  # no room name
        ("room@muc.example.org/nick", conf()),  # an occupant, not a room
        ("room@muc.example.org", "<storage xmlns='storage:bookmarks'/>"),  # no <conference>
        ("room@muc.example.org", conf("autojoin='yes'")),
        ("room@muc.example.org", conf(inner=f"<nick>{'x' * 2000}</nick>")),  # no usable nick
    ],
)
def test_malformed_items_are_dropped_with_a_reason(room: str, payload: str) -> None:
    parent = ET.Element(f"{{{PS}}}items")
    parent.append(item(room, payload))
    parent.append(item("good@muc.example.org", conf()))
    found, dropped = bookmarks.parse_items(parent)
    assert [b.room for b in found] == ["good@muc.example.org"]
    assert len(dropped) == 1 and dropped[0]


def test_a_notification_counts_only_from_our_own_account() -> None:
    inner = ET.tostring(item("a@muc.example.org", conf(), EV), encoding="unicode")
    inner += "<retract id='b@muc.example.org'/><retract id='not a jid@@'/>"
    parsed = bookmarks.parse_event(event(inner), ME)
    assert parsed is not None
    ev, dropped = parsed
    assert [b.room for b in ev.published] == ["a@muc.example.org"]
    assert ev.retracted == ("b@muc.example.org",) and len(dropped) == 1
    assert bookmarks.parse_event(event(inner, sender="mallory@example.org"), ME) is None
    assert bookmarks.parse_event(event(inner, sender=f"{ME}/phone"), ME) is None
    assert bookmarks.parse_event(event(inner, node="urn:xmpp:avatar:metadata"), ME) is None


# -- publishing ----------------------------------------------------------------------------


def test_a_published_bookmark_never_carries_a_password_and_asks_for_private_storage() -> None:
    extensions = ET.fromstring(f"<extensions xmlns='{B}'><x xmlns='e'/></extensions>")
    request = bookmarks.publish_request(
        Bookmark("room@muc.example.org", True, "pat", "Room", "secret", extensions)
    )
    text = ET.tostring(request, encoding="unicode")
    assert "secret" not in text and "password" not in text
    published = request.find(f"{{{PS}}}publish")
    assert published is not None and published.get("node") == B
    back = bookmarks.parse_item(cast(ET.Element, published.find(f"{{{PS}}}item")))
    assert fields_of(back) == ("room@muc.example.org", True, "pat", "Room", "")
    assert back.extensions is not None and back.extensions.find("{e}x") is not None
    fields = {
        fl.get("var"): fl.findtext("{jabber:x:data}value")
        for fl in request.iter("{jabber:x:data}field")
    }
    assert fields == {
        "FORM_TYPE": "http://jabber.org/protocol/pubsub#publish-options",
        "pubsub#persist_items": "true",
        "pubsub#max_items": "max",
        "pubsub#send_last_published_item": "never",
        "pubsub#access_model": "whitelist",
    }


# -- the service ---------------------------------------------------------------------------


class Session:
    def __init__(self, answer: ET.Element | IqFailure | None = None) -> None:
        self.own_jid = ME
        self.connected = True
        self.log = logging.LoggerAdapter(logging.getLogger("test.bookmarks"), {})
        self.sent: list[tuple[str, ET.Element]] = []
        self.answer = answer
        self.tasks: list[asyncio.Task[Any]] = []

    async def iq(self, itype: str, to: str, payload: ET.Element) -> ET.Element:
        assert to == ME
        self.sent.append((itype, payload))
        if isinstance(self.answer, IqFailure):
            raise self.answer
        return self.answer if self.answer is not None else ET.Element("iq")

    def spawn(self, coro: Any, name: str) -> asyncio.Task[Any]:
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self.tasks.append(task)
        return task

    async def settle(self) -> None:
        while [t for t in self.tasks if not t.done()]:
            await asyncio.gather(*self.tasks)

    def published(self) -> list[Bookmark]:
        out = []
        for itype, payload in self.sent:
            node = payload.find(f"{{{PS}}}publish/{{{PS}}}item")
            if itype == "set" and node is not None:
                parsed = bookmarks.parse_item(node)
                assert isinstance(parsed, Bookmark)
                out.append(parsed)
        return out


class Rooms:
    def __init__(self) -> None:
        self.rooms: dict[str, object] = {}
        self.saved: dict[str, SavedRoom] = {}
        self.saves = 0
        self.store = SimpleNamespace(changed=None, save=self.save)
        self.joins: list[tuple[str, str, str]] = []
        self.leaves: list[str] = []
        self.locked: set[str] = set()  # refuse the next join (the room is not configured yet)

    async def save(self) -> None:
        self.saves += 1

    async def join(self, room: str, nick: str = "", password: str = "") -> Outcome:
        self.joins.append((room, nick, password))
        if room.startswith("locked") or room in self.locked:
            self.locked.discard(room)
            return Outcome(Failure(FailureKind.REJECTED, "This room does not exist or is locked."))
        self.rooms[room] = object()
        self.store.changed(room, nick or "me")
        return Outcome()

    async def leave(self, room: str) -> None:
        self.leaves.append(room)
        self.rooms.pop(room, None)
        self.store.changed(room, None)


def service(session: Session, rooms: Rooms) -> BookmarkService:
    made = BookmarkService(cast(Any, session), cast(Any, rooms))
    assert rooms.store.changed == made.saved_changed
    return made


def items_result(*items: ET.Element) -> ET.Element:
    iq = ET.Element("{jabber:client}iq")
    pubsub = ET.SubElement(iq, f"{{{PS}}}pubsub")
    parent = ET.SubElement(pubsub, f"{{{PS}}}items", node=B)
    parent.extend(items)
    return iq


async def test_sign_in_joins_autojoin_bookmarks_we_are_not_in_and_publishes_nothing(
    caplog: pytest.LogCaptureFixture,
) -> None:
    session = Session(
        items_result(
            item("new@muc.example.org", conf(inner="<nick>pat</nick><password>pw</password>")),
            item("saved@muc.example.org", conf()),
            item("off@muc.example.org", conf("autojoin='false'")),
            item("bad", conf()),
            item("locked@muc.example.org", conf()),
        )
    )
    rooms = Rooms()
    rooms.saved["saved@muc.example.org"] = SavedRoom("me")
    made = service(session, rooms)
    with caplog.at_level(logging.INFO, "test.bookmarks"):
        await made.sync()
        await session.settle()
    assert rooms.joins == [("new@muc.example.org", "pat", "pw"), ("locked@muc.example.org", "", "")]
    assert session.published() == []  # the bookmark already says autojoin
    logged = [r.getMessage() for r in caplog.records]
    assert any("malformed" in m and "'bad'" in m for m in logged)
    assert any("could not join bookmarked locked@muc.example.org" in m for m in logged)


async def test_joining_publishes_autojoin_and_leaving_turns_it_off_keeping_the_rest() -> None:
    session = Session(
        items_result(item("kept@muc.example.org", conf("name='Kept' autojoin='false'")))
    )
    rooms = Rooms()
    made = service(session, rooms)
    await made.sync()
    made.saved_changed("new@muc.example.org", "me")
    made.saved_changed("kept@muc.example.org", "me")
    await session.settle()
    assert [(b.room, b.autojoin, b.nick) for b in session.published()] == [
        ("new@muc.example.org", True, "me"),
        ("kept@muc.example.org", True, "me"),
    ]
    session.sent.clear()
    made.saved_changed("kept@muc.example.org", None)
    made.saved_changed("never-bookmarked@muc.example.org", None)
    await session.settle()
    assert [(b.room, b.autojoin, b.name) for b in session.published()] == [
        ("kept@muc.example.org", False, "Kept")
    ]


async def test_another_device_joining_and_leaving_is_followed_and_a_retraction_leaves_nothing() -> (
    None
):
    session = Session()
    rooms = Rooms()
    made = service(session, rooms)
    on = ET.tostring(
        item("r@muc.example.org", conf(inner="<nick>pat</nick>"), EV), encoding="unicode"
    )
    assert made.on_message(event(on))
    await session.settle()
    assert rooms.joins == [("r@muc.example.org", "pat", "")] and session.published() == []
    off = ET.tostring(item("r@muc.example.org", conf("autojoin='false'"), EV), encoding="unicode")
    assert made.on_message(event(off))
    await session.settle()
    assert rooms.leaves == ["r@muc.example.org"] and session.published() == []
    # A retraction, or autojoin=false for a room that never said true, leaves us where we are.
    rooms.rooms["s@muc.example.org"] = object()
    assert made.on_message(event("<retract id='s@muc.example.org'/>"))
    other = ET.tostring(item("s@muc.example.org", conf("autojoin='false'"), EV), encoding="unicode")
    assert made.on_message(event(other))
    await session.settle()
    assert rooms.leaves == ["r@muc.example.org"]
    # Someone else's "bookmarks" are not ours.
    assert not made.on_message(event(on.replace("r@", "x@"), sender="mallory@example.org"))


async def test_a_server_without_bookmarks_is_logged_once_and_nothing_is_published(
    caplog: pytest.LogCaptureFixture,
) -> None:
    session = Session(IqFailure("service-unavailable"))
    rooms = Rooms()
    made = service(session, rooms)
    with caplog.at_level(logging.INFO, "test.bookmarks"):
        await made.sync()
        made.saved_changed("r@muc.example.org", "me")
        await session.settle()
    assert len(session.sent) == 1 and rooms.joins == []
    assert len([r for r in caplog.records if "no bookmarks" in r.message]) == 1


async def test_no_bookmark_node_yet_is_not_a_missing_feature() -> None:
    session = Session(IqFailure("item-not-found"))
    made = service(session, Rooms())
    await made.sync()
    session.answer = None
    made.saved_changed("r@muc.example.org", "me")
    await session.settle()
    assert [b.room for b in session.published()] == ["r@muc.example.org"]


async def test_saved_rooms_never_bookmarked_are_bookmarked_once_and_a_deleted_one_stays_deleted() -> (
    None
):
    session = Session(IqFailure("item-not-found"))  # this account never had a bookmark
    rooms = Rooms()
    rooms.saved["old@muc.example.org"] = SavedRoom("me")  # saved by an older version
    rooms.saved["gone@muc.example.org"] = SavedRoom("me", bookmarked=True)  # deleted elsewhere
    made = service(session, rooms)
    await made.sync()
    await session.settle()
    assert [(b.room, b.autojoin, b.nick) for b in session.published()] == [
        ("old@muc.example.org", True, "me")
    ]
    assert rooms.saved["old@muc.example.org"].bookmarked and rooms.saves == 1
    session.sent.clear()
    await service(session, rooms).sync()  # the next sign-in
    await session.settle()
    assert session.published() == [] and rooms.saves == 1


async def test_saved_rooms_tell_of_new_and_left_rooms_only_and_keep_the_bookmarked_mark() -> None:
    ctx = SimpleNamespace(state=MemoryState(), secrets=MemorySecrets())
    store = SavedRooms(cast(Any, SimpleNamespace(ctx=ctx, log=logging.getLogger("t"))))
    told: list[tuple[str, str | None]] = []
    store.changed = lambda room, nick: told.append((room, nick))
    await store.remember("r@muc.example.org", "me", "")
    store.rooms["r@muc.example.org"].bookmarked = True
    await store.remember("r@muc.example.org", "me", "")  # a rejoin: nothing to tell
    again = SavedRooms(cast(Any, SimpleNamespace(ctx=ctx, log=logging.getLogger("t"))))
    await again.load()
    assert again.rooms["r@muc.example.org"].bookmarked
    await store.forget("r@muc.example.org")
    await store.forget("r@muc.example.org")  # already gone: nothing to tell
    assert told == [("r@muc.example.org", "me"), ("r@muc.example.org", None)]


async def test_a_room_another_device_just_made_is_tried_again_once_it_could_be_configured(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(bookmarks, "LOCKED_RETRY", 0.0)
    session = Session()
    rooms = Rooms()
    rooms.locked.add("new@muc.example.org")
    made = service(session, rooms)
    on = ET.tostring(item("new@muc.example.org", conf(), EV), encoding="unicode")
    assert made.on_message(event(on))
    await session.settle()
    assert rooms.joins == [("new@muc.example.org", "", "")] * 2
    assert "new@muc.example.org" in rooms.rooms
    # One that keeps refusing is tried twice, not forever; one no longer bookmarked not again.
    rooms.locked.add("dropped@muc.example.org")
    rooms.joins.clear()
    shut = ET.tostring(item("locked-shut@muc.example.org", conf(), EV), encoding="unicode")
    assert made.on_message(event(shut))
    dropped = ET.tostring(item("dropped@muc.example.org", conf(), EV), encoding="unicode")
    assert made.on_message(event(dropped))
    made.items["dropped@muc.example.org"] = Bookmark("dropped@muc.example.org", False)
    await session.settle()
    assert sorted(rooms.joins) == [
        ("dropped@muc.example.org", "", ""),
        ("locked-shut@muc.example.org", "", ""),
        ("locked-shut@muc.example.org", "", ""),
    ]
