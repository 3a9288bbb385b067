"""Intentional mentions and pills we send, and incoming pills shown by name (table-driven)."""

from __future__ import annotations

from typing import Any

import pytest

from app.models import Attachment, ConversationKind
from backends.matrix import convert as cv
from backends.matrix.mentions import Audience, Mentions, find_mentions, named_pills, with_pills

ME = "@me:example.org"
BOB = "@bob:example.org"
CAROL = "@carol:example.org"  # no display name
ANNA = "@anna:example.org"
STRANGER = "@stranger:example.org"  # not a member
ROOM = Audience(
    ME, {ME: "Me Myself", BOB: "Bob Peer", CAROL: "", ANNA: "Anna & Co"}, may_notify_room=True
)


def pill(user_id: str, text: str) -> str:
    return f'<a href="https://matrix.to/#/{user_id}">{text}</a>'


@pytest.mark.parametrize(
    ("body", "picked", "expected"),
    [
        ("Bob Peer: hi", (), (BOB,)),
        ("bob peer, hi", (), (BOB,)),  # names are matched as Element's push rules do: any case
        ("hey @Bob Peer look", (), (BOB,)),
        ("hey @bob, look", (), (BOB,)),  # the localpart
        (f"ask {CAROL}.", (), (CAROL,)),  # the full id, a full stop after it
        ("Bob is not here, peer neither", (), ()),
        ("I met Bob Peer today", (), ()),  # a name in passing is not a mention …
        ("thanks Bob Peer", (BOB,), (BOB,)),  # … unless completion put it there
        ("mail bob@example.org", (), ()),
        (f"{STRANGER}: hi, @stranger", (), ()),  # only members
        ("hi", (STRANGER,), ()),  # a pick that is no member any more
        ("Me Myself: note to self", (ME,), ()),  # never ourselves (spec)
        ("@Anna & Co and @carol:example.org", (), (ANNA, CAROL)),
        (f"{BOB}x and @bobby", (), ()),  # a longer id or localpart is somebody else
    ],
)
def test_who_a_message_mentions(
    body: str, picked: tuple[str, ...], expected: tuple[str, ...]
) -> None:
    assert find_mentions(body, ROOM, picked=picked).user_ids == expected


def test_a_reply_mentions_the_sender_answered_but_not_ourselves() -> None:
    assert find_mentions("ok", ROOM, reply_sender=BOB) == Mentions((BOB,))
    assert find_mentions("ok", ROOM, reply_sender=ME) == Mentions()


@pytest.mark.parametrize(
    ("body", "may", "room"),
    [
        ("@room lunch", True, True),
        ("lunch, @room!", True, True),
        ("@room lunch", False, False),  # below notifications.room: left out
        ("@roommate", True, False),
        ("chat@room.org", True, False),
    ],
)
def test_room_mention_needs_the_power_to_notify(body: str, may: bool, room: bool) -> None:
    audience = Audience(ME, ROOM.names, may_notify_room=may)
    assert find_mentions(body, audience).room is room


def test_mentions_content_and_what_an_edit_adds() -> None:
    assert Mentions().content() == {}
    assert Mentions((BOB,), room=True).content() == {"user_ids": [BOB], "room": True}
    new = Mentions((BOB, CAROL), room=True)
    assert new.added_since(Mentions((BOB,))) == Mentions((CAROL,), room=True)
    assert new.added_since(new) == Mentions()


@pytest.mark.parametrize(
    ("body", "html", "mentioned", "out_body", "out_html"),
    [
        ("Bob Peer: hi", None, (BOB,), "Bob Peer: hi", pill(BOB, "Bob Peer") + ": hi"),
        (
            "hey @bob, a\nb",
            None,
            (BOB,),
            "hey Bob Peer, a\nb",
            f"hey {pill(BOB, 'Bob Peer')}, a<br>b",
        ),
        (f"see {CAROL}", None, (CAROL,), f"see {CAROL}", f"see {pill(CAROL, CAROL)}"),
        (  # HTML-escaped, in the text and as it is searched in HTML
            "@Anna & Co <3",
            None,
            (ANNA,),
            "Anna & Co <3",
            pill(ANNA, "Anna &amp; Co") + " &lt;3",
        ),
        (  # Markdown's HTML: a name in code or in a link stays as it is
            "**Bob Peer** `Bob Peer` [Bob Peer](https://x.org)",
            "<p><strong>Bob Peer</strong> <code>Bob Peer</code> "
            '<a href="https://x.org">Bob Peer</a></p>',
            (BOB,),
            "**Bob Peer** `Bob Peer` [Bob Peer](https://x.org)",
            f"<p><strong>{pill(BOB, 'Bob Peer')}</strong> <code>Bob Peer</code> "
            '<a href="https://x.org">Bob Peer</a></p>',
        ),
        ("ok", None, (BOB,), "ok", None),  # mentioned (a reply) but not written: no pill
        ("ok", None, (STRANGER,), "ok", None),
    ],
)
def test_pills(
    body: str, html: str | None, mentioned: tuple[str, ...], out_body: str, out_html: str | None
) -> None:
    assert with_pills(body, html, Mentions(mentioned), ROOM) == (out_body, out_html)


def test_text_content_carries_mentions_and_pills() -> None:
    content = cv.text_content("Bob Peer: **hi**", mentions=Mentions((BOB,)), audience=ROOM)
    assert content == {
        "msgtype": "m.text",
        "body": "Bob Peer: **hi**",
        "format": "org.matrix.custom.html",
        "formatted_body": f"<p>{pill(BOB, 'Bob Peer')}: <strong>hi</strong></p>",
        "m.mentions": {"user_ids": [BOB]},
    }
    everyone = cv.text_content("@room hi", mentions=Mentions(room=True), audience=ROOM)
    assert everyone == {"msgtype": "m.text", "body": "@room hi", "m.mentions": {"room": True}}


def test_an_edit_mentions_everyone_in_its_new_content_and_only_the_new_ones_outside() -> None:
    content = cv.edit_content(
        "$o",
        "Bob Peer and @carol: see",
        mentions=Mentions((BOB, CAROL)),
        before=Mentions((BOB,)),
        audience=ROOM,
    )
    assert content["m.new_content"]["m.mentions"] == {"user_ids": [BOB, CAROL]}
    assert content["m.mentions"] == {"user_ids": [CAROL]}
    assert content["body"] == f"* Bob Peer and {CAROL}: see"
    assert content["formatted_body"] == f"* {pill(BOB, 'Bob Peer')} and {pill(CAROL, CAROL)}: see"


def test_a_caption_carries_its_mentions() -> None:
    content = cv.media_content(Attachment("mxc://s/a", "a.png"), "for Bob", Mentions((BOB,)))
    assert content["m.mentions"] == {"user_ids": [BOB]}


NAMES = {BOB: "Bob Peer", ANNA: "Anna <3"}


@pytest.mark.parametrize(
    ("html", "shown"),
    [
        (f'<a href="https://matrix.to/#/{BOB}">{BOB}</a>: hi', pill(BOB, "Bob Peer") + ": hi"),
        (  # single quotes (the spec's own example), an encoded id, more attributes
            "<a title='t' href='https://matrix.to/#/%40bob%3Aexample.org'>bob</a>",
            "<a title='t' href='https://matrix.to/#/@bob%3Aexample.org'>Bob Peer</a>",
        ),
        (f'<a href="https://matrix.to/#/{ANNA}">x</a>', pill(ANNA, "Anna &lt;3")),
        (  # nobody we know a name of: the sender's text stays
            f'<a href="https://matrix.to/#/{STRANGER}">Somebody</a>',
            pill(STRANGER, "Somebody"),
        ),
        (  # a room or event link is no pill
            '<a href="https://matrix.to/#/!r:x/$e">In reply to</a>',
            '<a href="https://matrix.to/#/!r:x/$e">In reply to</a>',
        ),
    ],
)
def test_incoming_pills_show_the_members_name(html: str, shown: str) -> None:
    assert named_pills(html, lambda user_id: NAMES.get(user_id, user_id)) == shown


def test_an_incoming_message_shows_its_pills_by_name() -> None:
    content: dict[str, Any] = {
        "msgtype": "m.text",
        "body": f"{BOB}: hi",
        "format": cv.HTML_FORMAT,
        "formatted_body": f'<a href="https://matrix.to/#/{BOB}">{BOB}</a>: hi',
        "m.mentions": {"user_ids": [BOB]},
    }
    event = {
        "event_id": "$e",
        "type": "m.room.message",
        "sender": ANNA,
        "origin_server_ts": 1_700_000_000_000,
        "content": content,
    }
    ctx = cv.RoomContext("!r:x", ConversationKind.GROUP, ME, name_of=lambda u: NAMES.get(u, u))
    facts = cv.convert_event(event, ctx)
    assert facts is not None
    message = facts[0]
    assert getattr(message, "html", None) == pill(BOB, "Bob Peer") + ": hi"
