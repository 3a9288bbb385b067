"""Table-driven tests of the pure Matrix conversions: events → facts, content → events, errors."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

import pytest

from app import facts as f
from app.backend import FailureKind
from app.models import (
    Attachment,
    ConversationKind,
    DeliveryState,
    MessageKind,
    PresenceState,
    Role,
    Trust,
)
from backends.matrix import convert as cv

ME = "@me:example.org"
BOB = "@bob:example.org"
ROOM = "!room:example.org"
TS = 1_700_000_000_000


FILE_KEYS = {"key": {"k": "K"}, "iv": "IV", "hashes": {"sha256": "H"}, "v": "v2"}


def ctx(**kwargs: Any) -> cv.RoomContext:
    defaults: dict[str, Any] = {
        "room_id": ROOM,
        "kind": ConversationKind.GROUP,
        "own_id": ME,
        "title_of": lambda: "Room",
        "own_names": ("Me Myself", "me"),
        "name_of": lambda user: {BOB: "Bob"}.get(user, user),
    }
    defaults.update(kwargs)
    return cv.RoomContext(**defaults)


def event(
    content: Any, *, type: str = "m.room.message", sender: Any = BOB, **extra: Any
) -> dict[str, Any]:
    return {
        "event_id": "$e1",
        "type": type,
        "sender": sender,
        "origin_server_ts": TS,
        "content": content,
        **extra,
    }


def only_message(facts: list[f.Fact] | None) -> f.MessageReceived:
    assert facts is not None and len(facts) == 1
    assert isinstance(facts[0], f.MessageReceived)
    return facts[0]


# -- well-formed messages ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            {"msgtype": "m.text", "body": "hi"},
            {"body": "hi", "kind": MessageKind.TEXT, "html": None},
        ),
        ({"msgtype": "m.notice", "body": "bot"}, {"kind": MessageKind.NOTICE}),
        ({"msgtype": "m.emote", "body": "waves"}, {"kind": MessageKind.EMOTE}),
        (
            {"msgtype": "org.example.custom", "body": "fallback"},
            {"body": "fallback", "kind": MessageKind.TEXT},
        ),
        (
            {
                "msgtype": "m.text",
                "body": "b",
                "format": "org.matrix.custom.html",
                "formatted_body": "<b>b</b>",
            },
            {"html": "<b>b</b>"},
        ),
        (  # unknown format: the HTML is not used
            {
                "msgtype": "m.text",
                "body": "b",
                "format": "text/x-other",
                "formatted_body": "<b>b</b>",
            },
            {"html": None},
        ),
        (  # a non-text formatted_body is ignored, the message kept
            {
                "msgtype": "m.text",
                "body": "b",
                "format": "org.matrix.custom.html",
                "formatted_body": 5,
            },
            {"body": "b", "html": None},
        ),
        (
            {
                "msgtype": "m.text",
                "body": "> <@bob:example.org> question\n> more\n\nanswer",
                "format": "org.matrix.custom.html",
                "formatted_body": "<mx-reply><blockquote>question</blockquote></mx-reply>answer",
                "m.relates_to": {"m.in_reply_to": {"event_id": "$q"}},
            },
            {"body": "answer", "html": "answer", "reply_to": "$q"},
        ),
        (  # a malformed reply reference drops just the reference
            {"msgtype": "m.text", "body": "x", "m.relates_to": {"m.in_reply_to": "$q"}},
            {"body": "x", "reply_to": None},
        ),
        (  # in a thread: the reply fallback to its latest message is not a real reply
            {
                "msgtype": "m.text",
                "body": "in thread",
                "m.relates_to": {
                    "rel_type": "m.thread",
                    "event_id": "$root",
                    "is_falling_back": True,
                    "m.in_reply_to": {"event_id": "$last"},
                },
            },
            {"thread_root": "$root", "reply_to": None, "body": "in thread"},
        ),
        (  # a real reply inside a thread
            {
                "msgtype": "m.text",
                "body": "> <@bob:example.org> that\n\nyes",
                "m.relates_to": {
                    "rel_type": "m.thread",
                    "event_id": "$root",
                    "is_falling_back": False,
                    "m.in_reply_to": {"event_id": "$that"},
                },
            },
            {"thread_root": "$root", "reply_to": "$that", "body": "yes"},
        ),
        (  # a thread relation to something that is not an event id is no thread
            {
                "msgtype": "m.text",
                "body": "odd",
                "m.relates_to": {"rel_type": "m.thread", "event_id": 5},
            },
            {"thread_root": None, "reply_to": None},
        ),
        (
            {
                "msgtype": "m.text",
                "body": "* fixed",
                "m.new_content": {"msgtype": "m.text", "body": "fixed"},
                "m.relates_to": {"rel_type": "m.replace", "event_id": "$orig"},
            },
            {"body": "fixed", "replaces": "$orig", "reply_to": None},
        ),
    ],
)
def test_messages(content: dict[str, Any], expected: dict[str, Any]) -> None:
    message = only_message(cv.convert_event(event(content), ctx()))
    assert message.conversation == ROOM
    assert message.sender == BOB and message.sender_name == "Bob"
    assert message.remote_id == "$e1"
    assert message.timestamp == datetime.fromtimestamp(TS / 1000, UTC)
    assert message.conversation_title == "Room"
    for name, value in expected.items():
        assert getattr(message, name) == value, name


@pytest.mark.parametrize(
    ("content", "attachment", "body"),
    [
        (
            {
                "msgtype": "m.image",
                "body": "cat.png",
                "url": "mxc://s/cat",
                "info": {"mimetype": "image/png", "size": 10, "w": 4, "h": 3},
            },
            Attachment("mxc://s/cat", "cat.png", "image/png", 10, 4, 3, "mxc://s/cat"),
            "cat.png",
        ),
        (  # a caption (spec 1.10): body differs from filename
            {
                "msgtype": "m.file",
                "body": "the report",
                "filename": "r.pdf",
                "url": "mxc://s/r",
                "info": {
                    "mimetype": "application/pdf",
                    "size": "big",
                    "thumbnail_url": "mxc://s/t",
                },
            },
            Attachment("mxc://s/r", "r.pdf", "application/pdf", None, None, None, "mxc://s/t"),
            "the report",
        ),
        (  # encrypted files carry their key, IV and hash in the URL (to decrypt on download)
            {"msgtype": "m.video", "body": "v.mp4", "file": {"url": "mxc://s/v", **FILE_KEYS}},
            Attachment(cv.encrypted_url("mxc://s/v", FILE_KEYS), "v.mp4"),
            "v.mp4",
        ),
        (  # negative sizes are not sizes; a non-mxc thumbnail is dropped
            {
                "msgtype": "m.image",
                "body": "x.gif",
                "url": "mxc://s/x",
                "info": {"size": -1, "thumbnail_url": "https://tracker.example/t.png"},
            },
            Attachment("mxc://s/x", "x.gif", thumbnail_url="mxc://s/x"),
            "x.gif",
        ),
    ],
)
def test_media(content: dict[str, Any], attachment: Attachment, body: str) -> None:
    message = only_message(cv.convert_event(event(content), ctx()))
    assert message.attachments == (attachment,)
    assert message.body == body


def test_sticker_is_an_image() -> None:
    content = {"body": "wave", "url": "mxc://s/w", "info": {"mimetype": "image/webp"}}
    message = only_message(cv.convert_event(event(content, type="m.sticker"), ctx()))
    assert message.attachments[0].url == "mxc://s/w"


def test_own_message_carries_our_transaction_id() -> None:
    e = event({"msgtype": "m.text", "body": "mine"}, sender=ME, unsigned={"transaction_id": "txn9"})
    message = only_message(cv.convert_event(e, ctx()))
    assert message.outgoing and message.txn_id == "txn9" and not message.mentions_me


def test_someone_elses_transaction_id_is_ignored() -> None:
    e = event({"msgtype": "m.text", "body": "x"}, unsigned={"transaction_id": "theirs"})
    assert only_message(cv.convert_event(e, ctx())).txn_id is None


@pytest.mark.parametrize(
    ("content", "mentioned"),
    [
        ({"msgtype": "m.text", "body": "hi", "m.mentions": {"user_ids": [ME]}}, True),
        ({"msgtype": "m.text", "body": "Me Myself", "m.mentions": {}}, False),  # intentional only
        ({"msgtype": "m.text", "body": "all", "m.mentions": {"room": True}}, True),
        ({"msgtype": "m.text", "body": "ping me Myself!"}, True),  # legacy: display name
        ({"msgtype": "m.text", "body": "hey ME, look"}, True),  # legacy: localpart, any case
        ({"msgtype": "m.text", "body": "meme"}, False),  # not a word match
        ({"msgtype": "m.text", "body": f"cc {ME}"}, True),
    ],
)
def test_mentions(content: dict[str, Any], mentioned: bool) -> None:
    assert only_message(cv.convert_event(event(content), ctx())).mentions_me is mentioned


def test_history_and_kind_come_from_the_context() -> None:
    context = ctx(history=True, kind=ConversationKind.DIRECT)
    message = only_message(cv.convert_event(event({"msgtype": "m.text", "body": "x"}), context))
    assert message.history and message.conversation_kind is ConversationKind.DIRECT


# -- other event types ---------------------------------------------------------------------------


def test_reaction() -> None:
    content = {"m.relates_to": {"rel_type": "m.annotation", "event_id": "$t", "key": "👍"}}
    assert cv.convert_event(event(content, type="m.reaction"), ctx()) == [
        f.ReactionChanged(ROOM, "$t", BOB, "👍", added=True)
    ]


@pytest.mark.parametrize(
    "e",
    [
        event({"reason": "spam"}, type="m.room.redaction", redacts="$t"),  # rooms v1-10
        event({"redacts": "$t"}, type="m.room.redaction"),  # room v11
    ],
)
def test_redaction(e: dict[str, Any]) -> None:
    reason = e["content"].get("reason", "")
    assert cv.convert_event(e, ctx()) == [f.MessageRetracted(ROOM, "$t", by=BOB, reason=reason)]


def test_a_redaction_by_someone_who_may_redact_others_says_so() -> None:
    e = event({"reason": "spam"}, type="m.room.redaction", redacts="$t")
    facts = cv.convert_event(e, ctx(may_redact=lambda user: user == BOB))
    assert facts == [f.MessageRetracted(ROOM, "$t", by=BOB, moderator=True, reason="spam")]


def test_a_message_deleted_before_we_saw_it_keeps_its_place() -> None:
    e = event({}, unsigned={"redacted_because": {"type": "m.room.redaction"}})
    facts = cv.convert_event(e, ctx())
    assert facts is not None and len(facts) == 2
    assert isinstance(facts[0], f.MessageReceived) and facts[0].body == ""
    assert facts[1] == f.MessageRetracted(ROOM, "$e1", by=BOB)


def test_a_removed_reaction_is_nothing() -> None:
    e = event({}, type="m.reaction", unsigned={"redacted_because": {}})
    assert cv.convert_event(e, ctx()) == []


def test_encrypted_events_show_a_placeholder_until_decrypted() -> None:
    e = event({"algorithm": "m.megolm.v1.aes-sha2", "ciphertext": "…"}, type="m.room.encrypted")
    message = only_message(cv.convert_event(e, ctx()))
    assert (
        message.body == cv.ENCRYPTED_PLACEHOLDER == "Waiting for the key to decrypt this message…"
    )
    assert message.kind is MessageKind.TEXT and message.trust is Trust.UNDECRYPTABLE


@pytest.mark.parametrize("rel_type", ["m.replace", "m.annotation"])
def test_encrypted_edits_and_reactions_show_nothing_until_decrypted(rel_type: str) -> None:
    content = {
        "algorithm": "m.megolm.v1.aes-sha2",
        "ciphertext": "…",
        "m.relates_to": {"rel_type": rel_type, "event_id": "$target"},
    }
    assert cv.convert_event(event(content, type="m.room.encrypted"), ctx()) == []


@pytest.mark.parametrize(
    ("ms", "header", "expected"),
    [
        (1500, None, 1.5),
        (10**12, None, cv.MAX_RETRY_AFTER),  # a server asking for 31 years gets five minutes
        (-5, None, 0.0),
        (None, "99999", cv.MAX_RETRY_AFTER),
        (None, "inf", cv.MAX_RETRY_AFTER),
        (None, "nan", None),
        (None, "soon", None),
        (None, None, None),
    ],
)
def test_retry_after_is_clamped(ms: object, header: str | None, expected: float | None) -> None:
    assert cv.retry_after_seconds(ms, header) == expected


def test_a_429_failure_never_asks_for_more_than_five_minutes() -> None:
    failure = cv.error_failure(429, {"errcode": "M_LIMIT_EXCEEDED", "retry_after_ms": 10**9})
    assert failure.retry_after == 300.0


@pytest.mark.parametrize(
    ("url", "allow_http", "refused"),
    [
        ("https://matrix.example.org", False, False),
        ("http://127.0.0.1:8008", False, False),
        ("http://127.5.6.7:8008", False, False),
        ("http://localhost:8008", False, False),
        ("http://[::1]:8008", False, False),
        ("http://matrix.example.org", False, True),
        ("http://10.0.0.2:8008", False, True),
        ("http://localhost.example.org", False, True),
        ("http://matrix.example.org", True, False),
        ("ftp://matrix.example.org", True, False),
        ("ftp://matrix.example.org", False, True),
    ],
)
def test_plain_http_only_on_loopback_or_when_allowed(
    url: str, allow_http: bool, refused: bool
) -> None:
    failure = cv.insecure_homeserver(url, allow_http=allow_http)
    assert (failure is not None) is refused
    if failure is not None:
        assert failure.kind is FailureKind.CONFIG and "https" in failure.message.lower()


def test_own_receipt_time() -> None:
    receipt = {
        "type": "m.receipt",
        "content": {
            "$a": {"m.read": {"@me:x": {"ts": 10}, "@you:x": {"ts": 99}}},
            "$b": {"m.read.private": {"@me:x": {"ts": 20}}},
            "$c": {"m.read": {"@me:x": {"ts": "late"}}},
        },
    }
    assert cv.own_receipt(receipt, "@me:x") == "$b"
    assert cv.own_receipt(receipt, "@nobody:x") is None


@pytest.mark.parametrize(
    "e",
    [
        event({"name": "x"}, type="m.room.name", state_key=""),  # state: handled elsewhere
        event({}, type="m.call.invite"),
        event({"x": 1}, type="org.example.unknown"),
    ],
)
def test_ignored_events(e: dict[str, Any]) -> None:
    assert cv.convert_event(e, ctx()) == []


# -- bad input: None (and a log line), never an exception ------------------------------------------

BAD_EVENTS: list[tuple[str, object]] = [
    ("not a dict", "just a string"),
    ("a list", ["event"]),
    (
        "no event_id",
        {k: v for k, v in event({"msgtype": "m.text", "body": "x"}).items() if k != "event_id"},
    ),
    ("numeric sender", event({"msgtype": "m.text", "body": "x"}, sender=5)),
    ("no type", {k: v for k, v in event({}).items() if k != "type"}),
    ("string timestamp", event({"msgtype": "m.text", "body": "x"}, origin_server_ts="now")),
    ("boolean timestamp", event({"msgtype": "m.text", "body": "x"}, origin_server_ts=True)),
    ("impossible timestamp", event({"msgtype": "m.text", "body": "x"}, origin_server_ts=10**20)),
    ("content is a list", event(["x"])),
    ("content is null", event(None)),
    ("no body", event({"msgtype": "m.text"})),
    ("numeric body", event({"msgtype": "m.text", "body": 42})),
    ("list msgtype", event({"msgtype": ["m.text"], "body": "x"})),
    ("no msgtype", event({"body": "x"})),
    (
        "edit without new content",
        event(
            {
                "msgtype": "m.text",
                "body": "*",
                "m.relates_to": {"rel_type": "m.replace", "event_id": "$o"},
            }
        ),
    ),
    (
        "edit of nothing",
        event(
            {
                "msgtype": "m.text",
                "body": "*",
                "m.new_content": {"msgtype": "m.text", "body": "x"},
                "m.relates_to": {"rel_type": "m.replace"},
            }
        ),
    ),
    (
        "edit with bad new content",
        event(
            {
                "msgtype": "m.text",
                "body": "*",
                "m.new_content": {"body": 3},
                "m.relates_to": {"rel_type": "m.replace", "event_id": "$o"},
            }
        ),
    ),
    ("image without url", event({"msgtype": "m.image", "body": "x.png"})),
    (
        "image with http url",
        event({"msgtype": "m.image", "body": "x.png", "url": "https://x/y.png"}),
    ),
    (
        "image with bad mxc",
        event({"msgtype": "m.image", "body": "x.png", "url": "mxc://onlyserver"}),
    ),
    ("sticker without url", event({"body": "x"}, type="m.sticker")),
    ("reaction without relation", event({}, type="m.reaction")),
    (
        "reaction relation not a dict",
        event({"m.relates_to": "x"}, type="m.reaction"),
    ),
    (
        "reaction without key",
        event({"m.relates_to": {"rel_type": "m.annotation", "event_id": "$t"}}, type="m.reaction"),
    ),
    (
        "reaction with empty key",
        event(
            {"m.relates_to": {"rel_type": "m.annotation", "event_id": "$t", "key": ""}},
            type="m.reaction",
        ),
    ),
    (
        "reaction wrong rel_type",
        event(
            {"m.relates_to": {"rel_type": "m.reference", "event_id": "$t", "key": "k"}},
            type="m.reaction",
        ),
    ),
    (
        "reaction numeric target",
        event(
            {"m.relates_to": {"rel_type": "m.annotation", "event_id": 1, "key": "k"}},
            type="m.reaction",
        ),
    ),
    ("redaction without target", event({}, type="m.room.redaction")),
    ("redaction numeric target", event({"redacts": 5}, type="m.room.redaction")),
]


@pytest.mark.parametrize(("what", "bad"), BAD_EVENTS, ids=[w for w, _ in BAD_EVENTS])
def test_bad_events_become_none_and_a_log_line(
    what: str, bad: object, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    assert cv.convert_event(bad, ctx()) is None, what
    assert any("dropped" in r.getMessage() for r in caplog.records)


# -- ephemeral, presence, direct chats, invites ------------------------------------------------------


def test_receipts() -> None:
    receipt = {
        "type": "m.receipt",
        "content": {
            "$a": {"m.read": {BOB: {"ts": 1}, ME: {"ts": 2}}},
            "$b": {"m.read.private": {ME: {}}, "m.fully_read": {BOB: {}}},
            "$c": "garbage",
            "$d": {"m.read": ["not", "a", "dict"]},
        },
    }
    assert cv.receipt_facts(receipt, ROOM, ME) == [
        f.DeliveryUpdated(ROOM, DeliveryState.READ, "$a", up_to=True),
        f.ReadUpTo(ROOM, "$a"),
        f.ReadUpTo(ROOM, "$b"),
    ]
    assert cv.receipt_facts({"content": []}, ROOM, ME) == []


@pytest.mark.parametrize(
    ("e", "expected"),
    [
        ({"content": {"user_ids": [BOB, 5, ME]}}, {BOB, ME}),
        ({"content": {"user_ids": "bob"}}, None),
        ({"content": None}, None),
    ],
)
def test_typing(e: dict[str, Any], expected: set[str] | None) -> None:
    assert cv.typing_users(e) == expected


@pytest.mark.parametrize(
    ("e", "expected"),
    [
        ({"sender": BOB, "content": {"presence": "online"}}, (BOB, PresenceState.AVAILABLE, "")),
        (
            {"sender": BOB, "content": {"presence": "unavailable", "status_msg": "lunch"}},
            (BOB, PresenceState.AWAY, "lunch"),
        ),
        (
            {"sender": BOB, "content": {"presence": "offline", "status_msg": 3}},
            (BOB, PresenceState.OFFLINE, ""),
        ),
        ({"sender": BOB, "content": {"presence": "busy"}}, (BOB, PresenceState.UNKNOWN, "")),
        ({"sender": BOB, "content": {}}, None),
        ({"content": {"presence": "online"}}, None),
    ],
)
def test_presence(e: dict[str, Any], expected: tuple[str, PresenceState, str] | None) -> None:
    result = cv.presence_of(e)
    if expected is None:
        assert result is None
    else:
        assert result is not None
        assert (result[0], result[1].state, result[1].status) == expected


@pytest.mark.parametrize(
    ("state", "matrix"),
    [
        (PresenceState.AVAILABLE, "online"),
        (PresenceState.CHAT, "online"),
        (PresenceState.AWAY, "unavailable"),
        (PresenceState.DO_NOT_DISTURB, "unavailable"),
        (PresenceState.EXTENDED_AWAY, "unavailable"),
        (PresenceState.OFFLINE, "offline"),
    ],
)
def test_presence_to_matrix(state: PresenceState, matrix: str) -> None:
    from app.models import Presence

    assert cv.presence_to_matrix(Presence(state)) == matrix


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ({BOB: ["!a", "!b"], "@c:x": ["!c"]}, {"!a": BOB, "!b": BOB, "!c": "@c:x"}),
        ({BOB: "!a", "@c:x": [5, "!c"]}, {"!c": "@c:x"}),
        ([], {}),
        (None, {}),
    ],
)
def test_direct_rooms(content: object, expected: dict[str, str]) -> None:
    assert cv.direct_rooms(content) == expected


def _invite_state(content: dict[str, Any], state_key: str = ME) -> dict[str, Any]:
    return {
        "events": [
            {"type": "m.room.name", "state_key": "", "sender": BOB, "content": {"name": "R"}},
            {"type": "m.room.member", "state_key": state_key, "sender": BOB, "content": content},
        ]
    }


@pytest.mark.parametrize(
    ("invite_state", "expected"),
    [
        (
            _invite_state({"membership": "invite", "is_direct": True}),
            f.InviteReceived(ROOM, BOB, "", kind=ConversationKind.DIRECT),
        ),
        (
            _invite_state({"membership": "invite", "reason": "join us"}),
            f.InviteReceived(ROOM, BOB, "join us", kind=ConversationKind.GROUP),
        ),
        (_invite_state({"membership": "invite"}, state_key=BOB), None),
        (_invite_state({"membership": "join"}), None),
        ({"events": "nope"}, None),
        (None, None),
    ],
)
def test_invites(invite_state: object, expected: f.InviteReceived | None) -> None:
    assert cv.invite_fact(ROOM, invite_state, ME) == expected


# -- outgoing content ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("plain words", None),
        ("two\nlines", None),
        ("a & b < c", None),
        ("", None),
        ("**bold**", "<p><strong>bold</strong></p>"),
        ("*em* and `code`", "<p><em>em</em> and <code>code</code></p>"),
        ("<b>typed html</b> *x*", "<p>&lt;b&gt;typed html&lt;/b&gt; <em>x</em></p>"),
        ("[link](https://example.org)", '<p><a href="https://example.org">link</a></p>'),
    ],
)
def test_markdown_to_html(text: str, html: str | None) -> None:
    assert cv.markdown_to_html(text) == html


def test_text_content() -> None:
    assert cv.text_content("hi") == {"msgtype": "m.text", "body": "hi", "m.mentions": {}}
    rich = cv.text_content("**hi**", kind=MessageKind.EMOTE, reply_to="$q")
    assert rich["msgtype"] == "m.emote"
    assert rich["format"] == "org.matrix.custom.html"
    assert rich["formatted_body"] == "<p><strong>hi</strong></p>"
    assert rich["m.relates_to"] == {"m.in_reply_to": {"event_id": "$q"}}
    given = cv.text_content("**hi**", kind=MessageKind.NOTICE, html="<i>given</i>")
    assert given["msgtype"] == "m.notice" and given["formatted_body"] == "<i>given</i>"


def test_edit_content() -> None:
    content = cv.edit_content("$o", "**new**")
    assert content["body"] == "* **new**"
    assert content["m.relates_to"] == {"rel_type": "m.replace", "event_id": "$o"}
    assert content["m.new_content"]["body"] == "**new**"
    assert content["m.new_content"]["formatted_body"] == "<p><strong>new</strong></p>"
    assert content["formatted_body"].startswith("* ")


@pytest.mark.parametrize(
    ("attachment", "caption", "expected"),
    [
        (
            Attachment("mxc://s/a", "a.png", "image/png", 5, 2, 1),
            "",
            {
                "msgtype": "m.image",
                "body": "a.png",
                "filename": "a.png",
                "info": {"mimetype": "image/png", "size": 5, "w": 2, "h": 1},
            },
        ),
        (
            Attachment("mxc://s/b", "b.ogg", "audio/ogg"),
            "listen",
            {
                "msgtype": "m.audio",
                "body": "listen",
                "filename": "b.ogg",
                "info": {"mimetype": "audio/ogg"},
            },
        ),
        (
            Attachment("mxc://s/c", "", ""),
            "",
            {"msgtype": "m.file", "body": "file", "filename": "file", "info": {}},
        ),
    ],
)
def test_media_content(attachment: Attachment, caption: str, expected: dict[str, Any]) -> None:
    content = cv.media_content(attachment, caption)
    assert content["url"] == attachment.url
    for key, value in expected.items():
        assert content[key] == value


# -- failures, discovery, identifiers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "body", "header", "login", "kind", "retryable", "retry_after"),
    [
        (
            429,
            {"errcode": "M_LIMIT_EXCEEDED", "retry_after_ms": 1500},
            None,
            False,
            FailureKind.RATE_LIMITED,
            True,
            1.5,
        ),
        (429, {"errcode": "M_LIMIT_EXCEEDED"}, "3", False, FailureKind.RATE_LIMITED, True, 3.0),
        (429, {}, None, False, FailureKind.RATE_LIMITED, True, 5.0),
        (
            403,
            {"errcode": "M_FORBIDDEN", "error": "Invalid password"},
            None,
            True,
            FailureKind.AUTH,
            False,
            None,
        ),
        (
            403,
            {"errcode": "M_FORBIDDEN", "error": "not allowed"},
            None,
            False,
            FailureKind.REJECTED,
            False,
            None,
        ),
        (403, {"errcode": "M_USER_DEACTIVATED"}, None, True, FailureKind.AUTH, False, None),
        (
            401,
            {"errcode": "M_UNKNOWN_TOKEN", "soft_logout": True},
            None,
            False,
            FailureKind.NOT_CONNECTED,
            True,
            None,
        ),
        (502, "<html>bad gateway</html>", None, False, FailureKind.NETWORK, True, None),
        (404, {"errcode": "M_UNRECOGNIZED"}, None, False, FailureKind.UNSUPPORTED, False, None),
        (404, {"errcode": "M_NOT_FOUND"}, None, False, FailureKind.REJECTED, False, None),
        (
            400,
            {"errcode": "M_TOO_LARGE", "error": "too big"},
            None,
            False,
            FailureKind.REJECTED,
            False,
            None,
        ),
    ],
)
def test_error_failure(
    *,
    status: int,
    body: object,
    header: str | None,
    login: bool,
    kind: FailureKind,
    retryable: bool,
    retry_after: float | None,
) -> None:
    failure = cv.error_failure(status, body, header, login=login)
    assert failure.kind is kind
    assert failure.retryable is retryable
    assert failure.retry_after == retry_after
    assert failure.message


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (
            200,
            {"m.homeserver": {"base_url": "https://matrix.example.org/"}},
            "https://matrix.example.org",
        ),
        (404, {}, None),
        (200, {"m.homeserver": {"base_url": "ftp://x"}}, FailureKind.CONFIG),
        (200, {"m.homeserver": "https://x"}, FailureKind.CONFIG),
        (200, ["not", "json", "object"], FailureKind.CONFIG),
        (503, {}, FailureKind.NETWORK),
        (403, {}, FailureKind.CONFIG),
    ],
)
def test_parse_well_known(status: int, body: object, expected: object) -> None:
    result = cv.parse_well_known(status, body)
    if isinstance(expected, FailureKind):
        assert not isinstance(result, str) and result is not None
        assert result.kind is expected
    else:
        assert result == expected


@pytest.mark.parametrize(
    ("user_id", "expected"),
    [
        ("@alice:example.org", ("alice", "example.org")),
        ("@alice:localhost:8448", ("alice", "localhost:8448")),
        ("alice:example.org", None),
        ("@alice", None),
        ("@al ice:example.org", None),
        ("@alice:exa/mple.org", None),
    ],
)
def test_parse_user_id(user_id: str, expected: tuple[str, str] | None) -> None:
    assert cv.parse_user_id(user_id) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("mxc://server.org/abc", ("server.org", "abc")),
        ("mxc://server.org:8448/abc", ("server.org:8448", "abc")),
        ("mxc://server.org", None),
        ("mxc://server.org/a/b", None),
        ("mxc:///abc", None),
        ("https://server.org/abc", None),
    ],
)
def test_parse_mxc(url: str, expected: tuple[str, str] | None) -> None:
    assert cv.parse_mxc(url) == expected


@pytest.mark.parametrize(
    ("level", "levels", "creator", "role"),
    [
        (100, {}, False, Role.ADMIN),
        (50, {}, False, Role.MODERATOR),
        (0, {}, False, Role.MEMBER),
        (0, {"events_default": 10}, False, Role.VISITOR),
        (0, {}, True, Role.OWNER),
    ],
)
def test_roles(level: int, levels: dict[str, Any], creator: bool, role: Role) -> None:
    assert cv.role_for(level, levels, creator=creator) is role


def test_power_level_lookups_tolerate_garbage() -> None:
    levels = {"users": {BOB: 100, ME: "lots"}, "users_default": True, "kick": "x", "events": []}
    assert cv.user_level(levels, BOB) == 100
    assert cv.user_level(levels, ME) == 0
    assert cv.required_level(levels, "kick") == 50
    assert cv.state_level(levels, "m.room.topic") == 50


@pytest.mark.parametrize(
    ("head", "size"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01,\x00\x00\x00\xc8\x08\x02", (300, 200)),
        (b"GIF89a\x10\x00\x20\x00", (16, 32)),
        (
            b"\xff\xd8\xff\xe0\x00\x04ab\xff\xc0\x00\x11\x08\x00\x30\x00\x40\x03",
            (64, 48),
        ),
        (b"\xff\xd8\x00garbage-----", None),
        (b"not an image", None),
        (b"", None),
    ],
)
def test_image_size(head: bytes, size: tuple[int, int] | None) -> None:
    assert cv.image_size(head) == size


@pytest.mark.parametrize(
    ("body", "stripped"),
    [
        ("> <@a:b> q\n\nanswer", "answer"),
        ("> quote without blank line\nanswer", "answer"),
        ("no fallback", "no fallback"),
        ("> only a quote", ""),
    ],
)
def test_strip_reply_fallback(body: str, stripped: str) -> None:
    assert cv.strip_reply_fallback(body) == stripped


def test_public_rooms_keep_good_entries_and_drop_bad_ones() -> None:
    body = {
        "chunk": [
            {
                "room_id": "!a:hs",
                "canonical_alias": "#plants:hs",
                "name": "Plants",
                "topic": "Ferns",
                "num_joined_members": 12,
            },
            {"room_id": "!b:hs"},  # no alias, name or count: the id stands in
            {"name": "no room id"},
            "not an object",
            {"room_id": "!c:hs", "canonical_alias": "not-an-alias", "num_joined_members": True},
            {"room_id": 7},
        ]
    }
    rooms = cv.public_rooms(body)
    assert [(r.address, r.name, r.topic, r.members) for r in rooms] == [
        ("#plants:hs", "Plants", "Ferns", 12),
        ("!b:hs", "!b:hs", "", None),
        ("!c:hs", "!c:hs", "", None),
    ]
    assert cv.public_rooms({"chunk": "nope"}) == [] and cv.public_rooms(None) == []


def test_the_text_of_a_thread_reply_keeps_its_spoiler_hidden() -> None:
    event = {
        "type": "m.room.message",
        "content": {
            "msgtype": "m.text",
            "body": "It was the butler",
            "format": "org.matrix.custom.html",
            "formatted_body": 'It was <span data-mx-spoiler="who">the butler</span>',
        },
    }
    assert cv.plain_text(event) == "It was Spoiler: who"
    del event["content"]["formatted_body"]  # type: ignore[attr-defined]
    assert cv.plain_text(event) == "It was the butler"
