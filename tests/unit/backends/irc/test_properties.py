"""Property-based tests (hypothesis) of what turns IRC lines into facts: whatever a server sends,
no exception escapes, and the work and the output stay in proportion to the input.

"Bounded work" is checked on the output (it grows at most linearly with the line: no run-away
markup, no quadratic expansion) and by hypothesis's per-example deadline, which is generous on
purpose: it catches a parser that goes exponential, not a busy machine.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import facts as f
from backends.irc import convert, ctcp, formatting
from backends.irc.protocol import parse_line, parse_tags

PROPERTY_SETTINGS = settings(  # examples: hypothesis's profile (tests/conftest.py)
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CONTROL = "\x01\x02\x03\x04\x0f\x11\x16\x1d\x1e\x1f"
IRC_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(list(CONTROL + " :@!;=\\,#&+%~*0123456789abcdefABCDEF")),
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\0"),
    ),
    max_size=600,
)
COMMANDS = st.sampled_from(
    [
        "PRIVMSG",
        "NOTICE",
        "JOIN",
        "PART",
        "KICK",
        "MODE",
        "NICK",
        "TOPIC",
        "BATCH",
        "CAP",
        "AUTHENTICATE",
        "TAGMSG",
        "001",
        "005",
        "311",
        "332",
        "353",
        "366",
        "470",
        "730",
        "900",
        "999",
    ]
)


@st.composite
def irc_lines(draw: st.DrawFn) -> str:
    """Lines that look like IRC (tags, a source, a command, parameters, a trailing part) with
    hostile pieces anywhere, or anything at all."""
    if draw(st.booleans()):
        return draw(IRC_TEXT)
    parts: list[str] = []
    if draw(st.booleans()):
        tags = draw(st.lists(st.tuples(IRC_TEXT.map(lambda s: s[:30]), IRC_TEXT), max_size=6))
        parts.append("@" + ";".join(f"{k}={v}".replace(" ", "\\s") for k, v in tags))
    if draw(st.booleans()):
        nick = draw(st.sampled_from(["me", "bob", "Me", "", "x" * 300, "a!b@c", "irc.test"]))
        parts.append(":" + nick + draw(st.sampled_from(["", "!u@h", "@h", "!@", "!u@"])))
    parts.append(draw(st.one_of(COMMANDS, IRC_TEXT.map(lambda s: s[:20]))))
    target = st.sampled_from(["me", "#chan", "@#chan", "bob", "", "*", "#", "&x", "+#y"])
    parts.extend(draw(st.lists(st.one_of(target, IRC_TEXT.map(lambda s: s[:40])), max_size=5)))
    if draw(st.booleans()):
        parts.append(":" + draw(IRC_TEXT))
    return " ".join(p for p in parts if p is not None)


def _info(tokens: list[str]) -> convert.ServerInfo:
    info = convert.ServerInfo()
    info.update(tokens)
    return info


ISUPPORT = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "CASEMAPPING=ascii",
                "CASEMAPPING=",
                "CHANTYPES=",
                "CHANTYPES=#&!+",
                "PREFIX=(qaohv)~&@%+",
                "PREFIX=(ov",
                "PREFIX=",
                "STATUSMSG=@+",
                "CHANMODES=,,,",
                "CHANMODES=beI,k,l,imnpst",
                "MONITOR=",
                "MONITOR=x",
                "LINELEN=-5",
                "NICKLEN=abc",
                "-MONITOR",
            ]
        ),
        IRC_TEXT.map(lambda s: s[:40]),
    ),
    max_size=8,
)


@PROPERTY_SETTINGS
@given(line=irc_lines(), tokens=ISUPPORT, own=st.sampled_from(["me", "Me", "", "bob"]))
def test_any_line_becomes_a_line_or_nothing_and_a_fact_or_nothing(
    line: str, tokens: list[str], own: str
) -> None:
    info = _info(tokens)
    parsed = parse_line(line)
    if parsed is None:
        return
    assert parsed.command and len(parsed.params) <= len(line)
    fact = convert.message_from_line(parsed, info, own)
    if isinstance(fact, f.MessageReceived):
        assert len(fact.body) <= len(line)
        assert fact.html is None or len(fact.html) <= 40 * len(line) + 100
        assert len(fact.conversation) <= len(line)
    convert.parse_names(parsed.param(-1), info)
    convert.parse_mode_changes(parsed.params[1:], info)
    convert.whois_details(parsed.param(1), {parsed.command: parsed.params})
    convert.monitor_targets(parsed.param(-1))
    convert.parse_server_time(parsed.tags.get("time"))
    info.fold(parsed.param(0))
    info.is_channel(parsed.param(0))


@PROPERTY_SETTINGS
@given(text=IRC_TEXT)
def test_formatting_and_ctcp_of_any_text(text: str) -> None:
    body, html = formatting.split(text)
    assert len(body) <= len(text)
    assert html is None or len(html) <= 40 * len(text) + 100
    assert len(formatting.strip(text)) <= len(text)
    formatting.from_html(html or text)
    request = ctcp.parse(text)
    if request is not None:
        ctcp.reply_for(request, version="Chinwag", now_text="now")


@PROPERTY_SETTINGS
@given(raw=IRC_TEXT)
def test_tags_of_any_text(raw: str) -> None:
    tags = parse_tags(raw)
    assert len(tags) <= raw.count(";") + 1
    assert sum(len(k) + len(v) for k, v in tags.items()) <= len(raw)


def test_a_long_run_of_formatting_codes_stays_linear() -> None:
    """The worst case for the HTML rendering: a style change at every character."""
    text = ("\x02a\x1db\x1fc\x034,5d\x0f" * 2_000)[:10_000]
    _body, html = formatting.split(text)
    assert html is not None and len(html) <= 40 * len(text)
