"""Property-based tests (hypothesis) of the Matrix event converter: any JSON a homeserver (or a
peer's event content) can carry is converted or dropped, never raises, and yields output in
proportion to the input.

"Bounded work": an event gives a handful of facts whose text is no longer than the event's, and
hypothesis's per-example deadline (generous on purpose) catches anything that goes exponential.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import facts as f
from app.models import ConversationKind
from backends.matrix import convert

PROPERTY_SETTINGS = settings(  # examples: hypothesis's profile (tests/conftest.py)
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ME = "@me:example.org"
ROOM = "!room:example.org"
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    TEXT,
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5), st.dictionaries(TEXT.map(lambda s: s[:20]), inner, max_size=5)
    ),
    max_leaves=30,
)
USERS = st.sampled_from([ME, "@peer:example.org", "", "@x" * 300, "not a user", "@:"])
EVENT_IDS = st.one_of(st.sampled_from(["$e1", "$e2", "", "$" + "e" * 3000]), TEXT)
TYPES = st.sampled_from(
    [
        "m.room.message",
        "m.sticker",
        "m.reaction",
        "m.room.redaction",
        "m.room.encrypted",
        "m.room.member",
        "m.room.name",
        "m.call.invite",
        "x.unknown",
    ]
)
MSGTYPES = st.sampled_from(
    [
        "m.text",
        "m.notice",
        "m.emote",
        "m.image",
        "m.file",
        "m.video",
        "m.audio",
        "m.location",
        "m.bad",
    ]
)


@st.composite
def content(draw: st.DrawFn) -> dict[str, Any]:
    """Message content with the fields the converter reads, each possibly of the wrong type."""
    out: dict[str, Any] = {}

    def maybe(key: str, good: st.SearchStrategy[Any]) -> None:
        choice = draw(st.integers(0, 3))
        if choice == 1:
            out[key] = draw(good)
        elif choice == 2:
            out[key] = draw(JSON)

    maybe("msgtype", MSGTYPES)
    maybe("body", TEXT)
    maybe("format", st.just("org.matrix.custom.html"))
    maybe("formatted_body", TEXT.map(lambda t: f"<b>{t}</b><mx-reply>x</mx-reply>" * 3))
    maybe("url", st.sampled_from(["mxc://example.org/abc", "mxc://", "https://x", ""]))
    maybe(
        "info",
        st.fixed_dictionaries(
            {},
            optional={
                "mimetype": TEXT,
                "size": st.integers(-5, 2**64),
                "w": SCALARS,
                "h": SCALARS,
            },
        ),
    )
    maybe(
        "file",
        st.fixed_dictionaries(
            {"url": TEXT}, optional={"key": JSON, "iv": TEXT, "hashes": JSON, "v": TEXT}
        ),
    )
    maybe(
        "m.relates_to",
        st.fixed_dictionaries(
            {},
            optional={
                "rel_type": st.sampled_from(["m.replace", "m.annotation", "m.thread", "x"]),
                "event_id": EVENT_IDS,
                "key": TEXT,
                "m.in_reply_to": st.fixed_dictionaries({}, optional={"event_id": EVENT_IDS}),
            },
        ),
    )
    maybe("m.new_content", st.fixed_dictionaries({}, optional={"body": TEXT, "msgtype": MSGTYPES}))
    maybe("m.mentions", st.fixed_dictionaries({}, optional={"user_ids": st.lists(USERS)}))
    maybe("redacts", EVENT_IDS)
    return out


@st.composite
def events(draw: st.DrawFn) -> object:
    if draw(st.integers(0, 9)) == 0:
        return draw(JSON)  # anything at all
    event: dict[str, Any] = {}

    def maybe(key: str, good: st.SearchStrategy[Any]) -> None:
        choice = draw(st.integers(0, 5))
        if choice:
            event[key] = draw(good) if choice > 1 else draw(JSON)

    maybe("event_id", EVENT_IDS)
    maybe("sender", USERS)
    maybe("type", TYPES)
    maybe(
        "origin_server_ts",
        st.one_of(st.integers(-(2**63), 2**63), st.sampled_from([0, 1_714_557_600_000])),
    )
    maybe("content", content())
    maybe("unsigned", st.fixed_dictionaries({}, optional={"redacted_because": JSON}))
    if draw(st.integers(0, 4)) == 0:
        event["state_key"] = draw(st.one_of(TEXT, JSON))
    maybe("redacts", EVENT_IDS)
    return event


def _context(history: bool) -> convert.RoomContext:
    return convert.RoomContext(
        room_id=ROOM,
        kind=ConversationKind.GROUP,
        own_id=ME,
        own_names=("me", "Me Myself"),
        history=history,
        log=logging.getLogger("matrix-properties"),
    )


@PROPERTY_SETTINGS
@given(event=events(), history=st.booleans())
def test_any_event_becomes_facts_nothing_or_a_drop(event: object, history: bool) -> None:
    facts = convert.convert_event(event, _context(history))
    if facts is None:
        return
    assert len(facts) <= 4
    size = len(json.dumps(event, default=str))
    for fact in facts:
        if isinstance(fact, f.MessageReceived):
            assert len(fact.body) <= size + len(convert.ENCRYPTED_PLACEHOLDER)
            assert fact.html is None or len(fact.html) <= 2 * size + 100
            assert len(fact.attachments) <= 1


@PROPERTY_SETTINGS
@given(event=JSON, own=USERS)
def test_ephemeral_and_account_data_of_anything(event: object, own: str) -> None:
    mapping = event if isinstance(event, dict) else {"content": event}
    convert.typing_users(mapping)
    convert.receipt_facts(mapping, ROOM, own)
    convert.own_receipt(mapping, own)
    convert.presence_of(mapping)
    convert.direct_rooms(event)
    convert.invite_fact(ROOM, event, own)
    convert.public_rooms(event)
    convert.parse_well_known(200, event)
    convert.user_level(mapping, own)
    convert.role_for(convert.user_level(mapping, own), mapping)


@PROPERTY_SETTINGS
@given(text=TEXT)
def test_reply_fallbacks_and_urls_of_any_text(text: str) -> None:
    assert len(convert.strip_reply_fallback(text)) <= len(text)
    assert len(convert.strip_html_reply_fallback(text)) <= len(text)
    convert.parse_mxc(text)
    convert.split_encrypted_url(text)
    convert.parse_user_id(text)
    convert.localpart(text)
