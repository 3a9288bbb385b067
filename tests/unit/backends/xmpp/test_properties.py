"""Property-based tests (hypothesis) of the stanza converter: any message or presence a peer or a
server can get to us — well-formed XML with hostile structure, addresses, ids, stamps and
nesting — is converted or dropped, never raises, and yields output in proportion to the input.

"Bounded work": the facts of one stanza are few and no longer than its text, and hypothesis's
per-example deadline (generous on purpose) catches anything that goes exponential.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import facts as f
from backends.xmpp import convert, ns
from backends.xmpp.ns import q

PROPERTY_SETTINGS = settings(  # examples: hypothesis's profile (tests/conftest.py)
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ME = "me@example.org"
ROOM = "room@muc.example.org"
JIDS = st.sampled_from(
    [
        ME,
        f"{ME}/phone",
        "peer@example.org",
        "peer@example.org/laptop",
        ROOM,
        f"{ROOM}/mynick",
        f"{ROOM}/alice",
        "example.org",
        "evil.example",
        "muc.example.org",
        "",
        "@@",
        "a@b@c",
        "x" * 1100 + "@example.org",
        "\u202e@example.org",
        "peer@example.org/" + "r" * 2000,
    ]
)
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\0"), max_size=300)
IDS = st.one_of(st.sampled_from(["", "m1", "spoof1", "o1", "a" * 5000]), TEXT)
STAMPS = st.one_of(
    st.sampled_from(
        [
            "2024-05-01T10:00:00Z",
            "2024-05-01T10:00:00.123+02:00",
            "not-a-date",
            "9999-12-31T23:59:59Z",
            "0001-01-01T00:00:00Z",
            "2024-13-45T99:99:99Z",
            "",
        ]
    ),
    TEXT,
)


def el(namespace: str, tag: str, **attrs: str) -> ET.Element:
    return ET.Element(q(namespace, tag), {k: v for k, v in attrs.items() if v is not None})


@st.composite
def payload(draw: st.DrawFn, depth: int) -> ET.Element:
    """One child a message may carry, with hostile values."""
    kind = draw(
        st.sampled_from(
            [
                "body",
                "subject",
                "thread",
                "stanza-id",
                "origin-id",
                "delay",
                "replace",
                "reply",
                "fallback",
                "reactions",
                "retract",
                "apply-to",
                "markers",
                "receipt",
                "chatstate",
                "muc-user",
                "conference",
                "oob",
                "html",
                "error",
                "carbon",
                "result",
                "unknown",
            ]
        )
    )
    match kind:
        case "body" | "subject" | "thread":
            child = el(ns.CLIENT, kind)
            child.text = draw(TEXT)
        case "stanza-id":
            child = el(ns.SID, "stanza-id", by=draw(JIDS), id=draw(IDS))
        case "origin-id":
            child = el(ns.SID, "origin-id", id=draw(IDS))
        case "delay":
            child = el(ns.DELAY, "delay", stamp=draw(STAMPS))
        case "replace":
            child = el(ns.CORRECT, "replace", id=draw(IDS))
        case "reply":
            child = el(ns.REPLY, "reply", to=draw(JIDS), id=draw(IDS))
        case "fallback":
            child = el("urn:xmpp:fallback:0", "fallback", **{"for": ns.REPLY})
            body = el("urn:xmpp:fallback:0", "body", start=draw(IDS), end=draw(IDS))
            child.append(body)
        case "reactions":
            child = el(ns.REACTIONS, "reactions", id=draw(IDS))
            for text in draw(st.lists(TEXT, max_size=40)):
                reaction = el(ns.REACTIONS, "reaction")
                reaction.text = text
                child.append(reaction)
        case "retract":
            child = el(ns.RETRACT, "retract", id=draw(IDS))
        case "apply-to":
            child = el(ns.FASTEN, "apply-to", id=draw(IDS))
            child.append(el(ns.RETRACT_0, "retract"))
        case "markers":
            child = el(
                ns.MARKERS,
                draw(st.sampled_from(["displayed", "received", "markable", "acknowledged"])),
                id=draw(IDS),
            )
        case "receipt":
            child = el(ns.RECEIPTS, draw(st.sampled_from(["request", "received"])), id=draw(IDS))
        case "chatstate":
            child = el(ns.CHATSTATES, draw(st.sampled_from(["composing", "paused", "active"])))
        case "muc-user":
            child = el(ns.MUC_USER, "x")
            invite = el(ns.MUC_USER, "invite", **{"from": draw(JIDS)})
            reason = el(ns.MUC_USER, "reason")
            reason.text = draw(TEXT)
            invite.append(reason)
            child.append(invite)
            child.append(el(ns.MUC_USER, "status", code=draw(IDS)))
        case "conference":
            child = el(ns.CONFERENCE, "x", jid=draw(JIDS), reason=draw(TEXT), password=draw(TEXT))
        case "oob":
            child = el(ns.OOB, "x")
            url = el(ns.OOB, "url")
            url.text = draw(st.one_of(st.sampled_from(["https://x/y.png", "javascript:x"]), TEXT))
            child.append(url)
        case "html":
            child = el(ns.XHTML_IM, "html")
            body = el("http://www.w3.org/1999/xhtml", "body")
            body.text = draw(TEXT)
            for _ in range(draw(st.integers(0, 30))):
                body = _nest(body, "http://www.w3.org/1999/xhtml", "span")
            child.append(body)
        case "error":
            child = el(ns.CLIENT, "error", type=draw(st.sampled_from(["cancel", "x"])))
            child.append(el(ns.STANZAS, draw(st.sampled_from(["gone", "text", "x"]))))
        case "carbon" | "result":
            wrap = (
                el(ns.CARBONS, draw(st.sampled_from(["sent", "received"])))
                if kind == "carbon"
                else el(ns.MAM, "result", queryid=draw(IDS), id=draw(IDS))
            )
            forwarded = el(ns.FORWARD, "forwarded")
            if draw(st.booleans()):
                forwarded.append(el(ns.DELAY, "delay", stamp=draw(STAMPS)))
            if depth < 2 and draw(st.booleans()):
                forwarded.append(draw(message(depth + 1)))
            wrap.append(forwarded)
            child = wrap
        case _:
            child = el(f"urn:example:{draw(TEXT)[:20]}", "x")
            for _ in range(draw(st.integers(0, 80))):
                child = _nest(child, "urn:example:deep", "a")
    return child


def _nest(inner: ET.Element, namespace: str, tag: str) -> ET.Element:
    outer = el(namespace, tag)
    outer.append(inner)
    return outer


@st.composite
def message(draw: st.DrawFn, depth: int = 0) -> ET.Element:
    stanza = el(
        ns.CLIENT,
        "message",
        type=draw(st.sampled_from(["chat", "groupchat", "normal", "headline", "error", "x", None])),
        id=draw(st.one_of(st.none(), IDS)),
        **{"from": draw(st.one_of(st.none(), JIDS)), "to": draw(st.one_of(st.none(), JIDS))},
    )
    for child in draw(st.lists(payload(depth), max_size=8)):
        stanza.append(child)
    return stanza


@st.composite
def presence(draw: st.DrawFn) -> ET.Element:
    stanza = el(
        ns.CLIENT,
        "presence",
        type=draw(
            st.sampled_from(
                [None, "unavailable", "subscribe", "subscribed", "unsubscribed", "error", "x"]
            )
        ),
        **{"from": draw(st.one_of(st.none(), JIDS)), "to": draw(st.one_of(st.none(), JIDS))},
    )
    for tag in draw(st.lists(st.sampled_from(["show", "status", "priority", "nick"]), max_size=4)):
        child = el(ns.CLIENT, tag)
        child.text = draw(TEXT)
        stanza.append(child)
    if draw(st.booleans()):
        x = el(ns.MUC_USER, "x")
        x.append(
            el(
                ns.MUC_USER,
                "item",
                affiliation=draw(st.sampled_from(["owner", "member", "god", ""])),
                role=draw(st.sampled_from(["moderator", "participant", "none", "x"])),
                jid=draw(JIDS),
                nick=draw(TEXT),
            )
        )
        for code in draw(st.lists(IDS, max_size=4)):
            x.append(el(ns.MUC_USER, "status", code=code))
        stanza.append(x)
    if draw(st.booleans()):
        stanza.append(el(ns.CLIENT, "error", type="cancel"))
    return stanza


def _contexts() -> st.SearchStrategy[convert.Context]:
    return st.builds(
        convert.Context,
        account_id=st.just("acc"),
        own_jid=st.just(ME),
        rooms=st.sampled_from([{}, {ROOM: "mynick"}]),
        history=st.booleans(),
        servers=st.sampled_from([frozenset(), frozenset({"example.org"})]),
        stamping=st.sampled_from([frozenset(), frozenset({ME}), frozenset({ME, ROOM})]),
    )


def _text_size(stanza: ET.Element) -> int:
    return sum(len(t) for t in stanza.itertext()) + sum(
        len(v) for e in stanza.iter() for v in e.attrib.values()
    )


def _check(parsed: convert.ParsedMessage, stanza: ET.Element) -> None:
    assert len(parsed.facts) <= 4
    size = _text_size(stanza)
    for fact in parsed.facts:
        if isinstance(fact, f.MessageReceived):
            assert len(fact.body) <= size
            assert fact.html is None or len(fact.html) <= convert.MAX_HTML_CHARS + size
        elif isinstance(fact, f.ReactionsReplaced):
            assert len(fact.keys) <= convert.MAX_REACTIONS


@PROPERTY_SETTINGS
@given(stanza=message(), ctx=_contexts())
def test_any_message_stanza_becomes_facts_or_bad_input(
    stanza: ET.Element, ctx: convert.Context
) -> None:
    _check(convert.parse_message(stanza, ctx), stanza)


@PROPERTY_SETTINGS
@given(stanza=message(), ctx=_contexts(), result_id=IDS, archive=JIDS)
def test_any_archive_result_becomes_facts_or_bad_input(
    stanza: ET.Element, ctx: convert.Context, result_id: str, archive: str
) -> None:
    result = el(ns.MAM, "result", id=result_id)
    forwarded = el(ns.FORWARD, "forwarded")
    forwarded.append(stanza)
    result.append(forwarded)
    _check(convert.parse_archived(result, archive, ctx), stanza)
    convert.archive_mark(result, archive)


@PROPERTY_SETTINGS
@given(stanza=presence(), ctx=_contexts())
def test_any_presence_becomes_an_event_or_nothing(stanza: ET.Element, ctx: convert.Context) -> None:
    convert.parse_presence(stanza, ctx)


@PROPERTY_SETTINGS
@given(stanza=message())
def test_stanza_errors_and_disco_of_anything(stanza: ET.Element) -> None:
    convert.stanza_error(stanza)
    convert.parse_disco_info(stanza)
    convert.parse_disco_items(stanza)
    convert.parse_roster(stanza)
    convert.parse_block_items(stanza)
    convert.parse_mam_fin(stanza)
