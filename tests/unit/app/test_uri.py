"""Chat links → intents: every supported form, and every malformed one becomes an error value."""

from __future__ import annotations

import pytest

from app.uri import MAX_URI_LENGTH, TargetKind, UriError, UriIntent, UriProblem, parse_uri

D, R, S = TargetKind.DIRECT, TargetKind.ROOM, TargetKind.SERVER

# uri → (protocol, kind, address, server), plus any other fields that must hold
VALID: list[tuple[str, tuple[str, TargetKind, str, str], dict[str, object]]] = [
    # XMPP
    ("xmpp:alice@example.org", ("xmpp", D, "alice@example.org", "example.org"), {}),
    ("xmpp:alice@example.org?message", ("xmpp", D, "alice@example.org", "example.org"), {}),
    ("XMPP:Alice@Example.ORG?message", ("xmpp", D, "Alice@example.org", "example.org"), {}),
    ("xmpp:alice@example.org/phone", ("xmpp", D, "alice@example.org", "example.org"), {}),
    (
        "xmpp:alice@example.org?message;body=Hello%20there;subject=hi",
        ("xmpp", D, "alice@example.org", "example.org"),
        {"body": "Hello there"},
    ),
    ("xmpp:alice@example.org?roster", ("xmpp", D, "alice@example.org", "example.org"), {}),
    (
        "xmpp:Garden@conference.example.org?join",
        ("xmpp", R, "garden@conference.example.org", "conference.example.org"),
        {},
    ),
    (
        "xmpp:garden@muc.example.org?join;password=seeds",
        ("xmpp", R, "garden@muc.example.org", "muc.example.org"),
        {"password": "seeds"},
    ),
    (
        "xmpp://me@example.com/alice@example.org?message",
        ("xmpp", D, "alice@example.org", "example.org"),
        {"account": "me@example.com"},
    ),
    ("xmpp:ren%C3%A9@example.org", ("xmpp", D, "rené@example.org", "example.org"), {}),
    ("xmpp:alice@example.org#frag", ("xmpp", D, "alice@example.org", "example.org"), {}),
    ("  xmpp:alice@example.org  ", ("xmpp", D, "alice@example.org", "example.org"), {}),
    # Matrix
    ("matrix:r/room:example.org", ("matrix", R, "#room:example.org", "example.org"), {}),
    ("matrix:u/alice:example.org", ("matrix", D, "@alice:example.org", "example.org"), {}),
    (
        "matrix:u/alice:example.org?action=chat",
        ("matrix", D, "@alice:example.org", "example.org"),
        {},
    ),
    (
        "matrix:roomid/AbCdEf:example.org?via=example.org&via=other.net",
        ("matrix", R, "!AbCdEf:example.org", "example.org"),
        {"via": ("example.org", "other.net")},
    ),
    (
        "matrix:roomid/AbCdEf:example.org/e/Event1?action=join",
        ("matrix", R, "!AbCdEf:example.org", "example.org"),
        {"event": "$Event1"},
    ),
    (  # room version 12: the id names no server, the link says where to join through
        "matrix:roomid/Hi8REMxOPhjMRT_2zRcCg9FhJf7flO8LtlMpTNQToPc?via=example.org&action=join",
        ("matrix", R, "!Hi8REMxOPhjMRT_2zRcCg9FhJf7flO8LtlMpTNQToPc", ""),
        {"via": ("example.org",)},
    ),
    (
        "matrix:roomid/Hi8REMxOPhjMRT_2zRcCg9FhJf7flO8LtlMpTNQToPc/e/Ev1",
        ("matrix", R, "!Hi8REMxOPhjMRT_2zRcCg9FhJf7flO8LtlMpTNQToPc", ""),
        {"event": "$Ev1"},
    ),
    (
        "matrix:r/room:Example.org:8448",
        ("matrix", R, "#room:Example.org:8448", "example.org:8448"),
        {},
    ),
    ("matrix:room/garden:example.org", ("matrix", R, "#garden:example.org", "example.org"), {}),
    ("matrix:user/bob:example.org", ("matrix", D, "@bob:example.org", "example.org"), {}),
    (
        "matrix:r/f%C3%BCr:example.org",
        ("matrix", R, "#für:example.org", "example.org"),
        {},
    ),
    # IRC
    (
        "ircs://irc.example.org/#channel",
        ("irc", R, "#channel", "irc.example.org"),
        {"port": 6697, "tls": True},
    ),
    (
        "irc://irc.example.org/#channel",
        ("irc", R, "#channel", "irc.example.org"),
        {"port": 6667, "tls": False},
    ),
    (
        "irc://IRC.Example.org:7000/%23chan?key=secret",
        ("irc", R, "#chan", "irc.example.org"),
        {"port": 7000, "password": "secret"},
    ),
    ("irc://irc.example.org/python", ("irc", R, "#python", "irc.example.org"), {}),
    ("irc://irc.example.org/##ops", ("irc", R, "##ops", "irc.example.org"), {}),
    ("irc://irc.example.org/&local", ("irc", R, "&local", "irc.example.org"), {}),
    ("irc://irc.example.org/#chan,needkey", ("irc", R, "#chan", "irc.example.org"), {}),
    ("ircs://irc.example.org/bob,isnick", ("irc", D, "bob", "irc.example.org"), {}),
    ("irc:///#channel", ("irc", R, "#channel", ""), {}),
    ("ircs://irc.example.org", ("irc", S, "", "irc.example.org"), {"port": 6697}),
    ("ircs://irc.example.org/", ("irc", S, "", "irc.example.org"), {}),
    ("irc://[::1]:6697/#loop", ("irc", R, "#loop", "::1"), {"port": 6697}),
]

INVALID: list[tuple[str, UriProblem]] = [
    ("", UriProblem.EMPTY),
    ("   ", UriProblem.EMPTY),
    ("https://example.org/", UriProblem.UNKNOWN_SCHEME),
    ("alice@example.org", UriProblem.UNKNOWN_SCHEME),
    ("mailto:alice@example.org", UriProblem.UNKNOWN_SCHEME),
    ("/home/alice/file.txt", UriProblem.UNKNOWN_SCHEME),
    ("xmpp:", UriProblem.NO_TARGET),
    ("xmpp:?message", UriProblem.NO_TARGET),
    ("xmpp:@example.org", UriProblem.BAD_ADDRESS),
    ("xmpp:alice@", UriProblem.BAD_ADDRESS),
    ("xmpp:al<ice@example.org", UriProblem.BAD_ADDRESS),
    ("xmpp:alice@exa mple.org", UriProblem.MALFORMED),
    ("xmpp:alice@exa\tmple.org", UriProblem.MALFORMED),
    ("xmpp:example.org", UriProblem.UNSUPPORTED),
    ("xmpp:alice@example.org?pubsub", UriProblem.UNSUPPORTED),
    ("xmpp://nobody/alice@example.org", UriProblem.BAD_ADDRESS),
    ("xmpp://me@example.com", UriProblem.NO_TARGET),
    ("matrix:", UriProblem.NO_TARGET),
    ("matrix:r/", UriProblem.NO_TARGET),
    ("matrix:r/room", UriProblem.BAD_ADDRESS),  # an alias always names its server
    ("matrix:u/alice", UriProblem.BAD_ADDRESS),  # so does a user id
    ("matrix:roomid/not%20an%20id", UriProblem.BAD_ADDRESS),
    ("matrix:roomid/a%3Cb%3E", UriProblem.BAD_ADDRESS),
    ("matrix:roomid/" + "x" * 256, UriProblem.BAD_ADDRESS),
    ("matrix:r/%23room:example.org", UriProblem.BAD_ADDRESS),
    ("matrix:r/#room:example.org", UriProblem.NO_TARGET),  # "#" starts a fragment
    ("matrix:r/room:exa mple.org", UriProblem.MALFORMED),
    ("matrix:r/room:example.org/x", UriProblem.MALFORMED),
    ("matrix:u/alice:example.org/e/ev", UriProblem.MALFORMED),
    ("matrix:g/group:example.org", UriProblem.UNSUPPORTED),
    ("matrix://example.org/r/room:example.org", UriProblem.UNSUPPORTED),
    ("matrix:r/room:example.org?action=delete", UriProblem.UNSUPPORTED),
    ("irc:#channel", UriProblem.MALFORMED),
    ("irc://", UriProblem.NO_TARGET),
    ("irc:///", UriProblem.NO_TARGET),
    ("irc://irc.example.org:notaport/#c", UriProblem.BAD_PORT),
    ("irc://irc.example.org:70000/#c", UriProblem.BAD_PORT),
    ("irc://irc.example.org:0/#c", UriProblem.BAD_PORT),
    ("irc://irc.exa_mple.org/#c", UriProblem.BAD_ADDRESS),
    ("irc://irc.example.org/#", UriProblem.BAD_ADDRESS),
    ("irc://irc.example.org/a/b", UriProblem.MALFORMED),
    ("irc://irc.example.org/%23a%20b", UriProblem.BAD_ADDRESS),
    ("irc://irc.example.org/#chan,isnick", UriProblem.BAD_ADDRESS),
    ("irc://irc.example.org/services,isserver", UriProblem.UNSUPPORTED),
    ("irc://[zz::1]/#c", UriProblem.MALFORMED),
    ("xmpp:" + "a" * MAX_URI_LENGTH, UriProblem.TOO_LONG),
]


@pytest.mark.parametrize(("uri", "expected", "extra"), VALID, ids=[v[0] for v in VALID])
def test_links_become_intents(
    uri: str, expected: tuple[str, TargetKind, str, str], extra: dict[str, object]
) -> None:
    intent = parse_uri(uri)
    assert isinstance(intent, UriIntent), intent
    assert (intent.protocol, intent.kind, intent.address, intent.server) == expected
    assert intent.uri == uri.strip()
    for name, value in extra.items():
        assert getattr(intent, name) == value, name


@pytest.mark.parametrize(("uri", "problem"), INVALID, ids=[repr(i[0][:40]) for i in INVALID])
def test_bad_links_become_error_values(uri: str, problem: UriProblem) -> None:
    error = parse_uri(uri)
    assert isinstance(error, UriError), error
    assert error.problem is problem, error.reason
    assert error.reason  # always something to say, in words


@pytest.mark.parametrize(
    "uri",
    ["irc://%zz", "xmpp:%", "matrix:r/%ff%fe:example.org", "irc://[::1/#c", "ircs://:99999999999"],
)
def test_odd_bytes_never_raise(uri: str) -> None:
    assert isinstance(parse_uri(uri), (UriIntent, UriError))


def test_error_reason_names_the_offending_part() -> None:
    error = parse_uri("irc://irc.example.org:notaport/#c")
    assert isinstance(error, UriError)
    assert error.reason == "the port in the link is not valid: notaport"


def test_a_matrix_room_id_is_joined_through_the_link_s_servers() -> None:
    v12 = parse_uri("matrix:roomid/Hi8REMx_-OP?via=a.example&via=b.example")
    assert isinstance(v12, UriIntent)
    assert v12.join_address == "!Hi8REMx_-OP?via=a.example&via=b.example"
    alias = parse_uri("matrix:r/room:example.org?via=a.example")
    assert isinstance(alias, UriIntent) and alias.join_address == "#room:example.org"
