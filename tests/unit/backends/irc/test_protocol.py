"""Line parsing and formatting: tags, source, parameters; bad lines become None, never errors."""

from __future__ import annotations

import pytest

from backends.irc.protocol import (
    JOIN_LINE_BYTES,
    Line,
    escape_tag_value,
    format_line,
    join_lines,
    message_bytes,
    parse_line,
    split_source,
    unescape_tag_value,
)

PARSED = [
    ("PING :irc.test", Line("PING", ("irc.test",))),
    (
        ":alice!a@host PRIVMSG #chan :hello world",
        Line("PRIVMSG", ("#chan", "hello world"), "alice!a@host"),
    ),
    (":irc.test 001 bob :Welcome bob!b@h", Line("001", ("bob", "Welcome bob!b@h"), "irc.test")),
    (
        "@time=2024-01-02T03:04:05.678Z;msgid=abc :a!b@c PRIVMSG bob :hi",
        Line(
            "PRIVMSG",
            ("bob", "hi"),
            "a!b@c",
            {"time": "2024-01-02T03:04:05.678Z", "msgid": "abc"},
        ),
    ),
    ("@a=semi\\:colon\\sspace\\\\back;b;c= :s CMD x", None),  # tags but no... (see below)
    ("privmsg #chan :lower case command", Line("PRIVMSG", ("#chan", "lower case command"))),
    (":s CMD a  b   :  spaced trailing", Line("CMD", ("a", "b", "  spaced trailing"), "s")),
    (":s CMD a b c", Line("CMD", ("a", "b", "c"), "s")),
    (":s PRIVMSG #c ::starts with colon", Line("PRIVMSG", ("#c", ":starts with colon"), "s")),
    (":s PRIVMSG #c :", Line("PRIVMSG", ("#c", ""), "s")),
    ("CMD\r\n", Line("CMD")),
    # malformed: dropped, never an exception
    ("", None),
    ("   ", None),
    (":only-a-source", None),
    (": CMD x", None),
    ("@tags=only", None),
    ("12 short numeric", None),
    ("1234 long numeric", None),
    ("CMD-WITH-DASH x", None),
    (":s :trailing-without-command", None),
    ("\x00\x01\x02", None),
    ("PRIVMSG #c :nul \x00 inside", None),
]
PARSED[4] = (
    "@a=semi\\:colon\\sspace\\\\back;b;c= :s CMD x",
    Line("CMD", ("x",), "s", {"a": "semi;colon space\\back", "b": "", "c": ""}),
)


@pytest.mark.parametrize(("raw", "expected"), PARSED)
def test_parse_line(raw: str, expected: Line | None) -> None:
    assert parse_line(raw) == expected


@pytest.mark.parametrize(
    ("source", "parts"),
    [
        ("nick!user@host", ("nick", "user", "host")),
        ("nick", ("nick", "", "")),
        ("irc.example.org", ("irc.example.org", "", "")),
        ("nick@host", ("nick", "", "host")),
        ("", ("", "", "")),
    ],
)
def test_split_source(source: str, parts: tuple[str, str, str]) -> None:
    assert split_source(source) == parts


@pytest.mark.parametrize(
    ("escaped", "value"),
    [
        ("a\\:b", "a;b"),
        ("a\\sb", "a b"),
        ("a\\\\b", "a\\b"),
        ("a\\r\\n", "a\r\n"),
        ("unknown\\x", "unknownx"),
        ("trailing\\", "trailing"),
        ("plain", "plain"),
    ],
)
def test_tag_escapes(escaped: str, value: str) -> None:
    assert unescape_tag_value(escaped) == value


@pytest.mark.parametrize("value", ["a;b c\\d\r\n", "", "label-1", "ünïcödé"])
def test_tag_escape_round_trip(value: str) -> None:
    assert unescape_tag_value(escape_tag_value(value)) == value


@pytest.mark.parametrize(
    ("args", "tags", "line"),
    [
        (("PRIVMSG", "#c", "hello world"), None, "PRIVMSG #c :hello world"),
        (("PRIVMSG", "#c", "one"), None, "PRIVMSG #c one"),
        (("PRIVMSG", "#c", ""), None, "PRIVMSG #c :"),
        (("PRIVMSG", "#c", ":colon"), None, "PRIVMSG #c ::colon"),
        (("JOIN", "#c", "key"), None, "JOIN #c key"),
        (("PRIVMSG", "#c", "hi"), {"label": "x y"}, "@label=x\\sy PRIVMSG #c hi"),
        (("CAP", "LS", "302"), None, "CAP LS 302"),
    ],
)
def test_format_line(args: tuple[str, ...], tags: dict[str, str] | None, line: str) -> None:
    assert format_line(*args, tags=tags) == line
    assert parse_line(line) is not None


@pytest.mark.parametrize(
    "args",
    [
        ("PRIVMSG", "#c", "injected\r\nQUIT :bye"),
        ("PRIVMSG", "#c", "nul\0"),
        ("PRIVMSG", "two words", "x"),
        ("PRIVMSG", "", "x"),
        ("BAD COMMAND", "x"),
    ],
)
def test_format_line_refuses_injection(args: tuple[str, ...]) -> None:
    with pytest.raises(ValueError):
        format_line(*args)


def test_message_bytes_counts_crlf_not_tags() -> None:
    assert message_bytes("@label=abc PRIVMSG #c :hé") == len("PRIVMSG #c :hé".encode()) + 2


def test_garbage_never_raises() -> None:
    import random

    rng = random.Random(5)
    alphabet = "@:; =!\\#abcXYZ019 \r\n\x01\x02"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        parse_line(text)  # must simply return


def test_join_lines_put_many_channels_on_a_line_keyed_ones_first() -> None:
    lines = join_lines([("#a", ""), ("#b", "sesame"), ("#c", ""), ("#d", "k2")])
    assert lines == ["JOIN #b,#d,#a,#c sesame,k2"]


def test_join_lines_stay_within_the_budget_and_lose_no_channel() -> None:
    channels = [(f"#channel-{i:04d}", "key" if i % 7 == 0 else "") for i in range(1000)]
    lines = join_lines(channels)
    assert all(message_bytes(line) <= JOIN_LINE_BYTES for line in lines)
    assert len(lines) < 60  # not one a channel
    joined: list[str] = []
    for line in lines:
        parsed = parse_line(line)
        names = parsed.params[0].split(",")
        keys = parsed.params[1].split(",") if len(parsed.params) > 1 else []
        assert all(dict(channels)[n] == k for n, k in zip(names, keys, strict=False))
        assert all(dict(channels)[n] == "" for n in names[len(keys) :])
        joined += names
    assert sorted(joined) == sorted(c for c, _k in channels)


def test_join_lines_give_a_key_that_cannot_be_listed_its_own_line() -> None:
    assert join_lines([("#a", ""), ("#odd", "x,y")]) == ["JOIN #a", "JOIN #odd x,y"]
    assert join_lines([]) == []
