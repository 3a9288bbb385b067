"""IRC payloads → facts and models (DESIGN §8.7), table-driven on lines as servers send them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app import facts as f
from app.i18n import Text
from app.models import ConversationKind, MessageKind, PresenceState, Role
from backends.irc import convert
from backends.irc.ctcp import Ctcp
from backends.irc.protocol import parse_line

# Recorded from InspIRCd 3 (the test server) and ngIRCd 26.
INSPIRCD_005 = [
    "AWAYLEN=200 CASEMAPPING=rfc1459 CHANLIMIT=#:100 CHANMODES=b,k,Hl,MRimnprst CHANNELLEN=64 "
    "CHANTYPES=# ELIST=CMNTU EXTBAN=,RU HOSTLEN=64 KEYLEN=32 KICKLEN=255 LINELEN=512",
    "MAXLIST=b:100 MAXTARGETS=20 MODES=20 MONITOR=30 NAMELEN=128 NAMESX NETWORK=ChinwagTest "
    "NICKLEN=30 PREFIX=(ov)@+ SAFELIST STATUSMSG=@+ TOPICLEN=307 UHNAMES",
]
NGIRCD_005 = [
    "RFC2812 IRCD=ngIRCd CHARSET=UTF-8 CASEMAPPING=ascii PREFIX=(qaohv)~&@%+ CHANTYPES=#&+ "
    "CHANMODES=beI,k,l,imMnOPQRstVz CHANLIMIT=#&+:0",
]


def info_from(lines: list[str]) -> convert.ServerInfo:
    info = convert.ServerInfo()
    for tokens in lines:
        info.update(tokens.split())
    return info


def test_isupport_inspircd() -> None:
    info = info_from(INSPIRCD_005)
    assert info.casemapping == "rfc1459"
    assert info.chantypes == "#"
    assert (info.prefix_modes, info.prefix_chars) == ("ov", "@+")
    assert info.statusmsg == "@+"
    assert info.chanmodes == ("b", "k", "Hl", "MRimnprst")
    assert info.monitor == 30
    assert info.network == "ChinwagTest"
    assert info.chathistory is None


def test_isupport_ngircd_and_removal() -> None:
    info = info_from(NGIRCD_005)
    assert info.casemapping == "ascii"
    assert info.prefix_chars == "~&@%+"
    assert info.monitor is None
    info.update(["MONITOR=10", "CHATHISTORY=50"])
    assert [info.monitor, info.chathistory] == [10, 50]
    info.update(["-MONITOR", "NICKLEN=notanumber", "PREFIX=(ab)x"])
    assert info.monitor is None
    assert info.nicklen == 30  # the malformed token kept the old value
    assert info.prefix_chars == "~&@%+"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-01-02T03:04:05.678Z", datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=UTC)),
        ("2024-01-02T03:04:05Z", datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)),
        ("2024-01-02T04:04:05.000+01:00", datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_server_time(value: str | None, expected: datetime | None) -> None:
    assert convert.parse_server_time(value) == expected


def test_format_server_time_round_trips() -> None:
    ts = datetime(2024, 5, 6, 7, 8, 9, 123000, tzinfo=UTC)
    assert convert.parse_server_time(convert.format_server_time(ts)) == ts


INFO = info_from(INSPIRCD_005)
ME = "Me"

MESSAGES: list[tuple[str, dict[str, object] | type | None]] = [
    (
        "@time=2024-01-02T03:04:05.678Z;msgid=m1 :Bob!b@h PRIVMSG #Chan :hello Me!",
        {
            "conversation": "#chan",
            "conversation_kind": ConversationKind.GROUP,
            "conversation_title": "#Chan",
            "sender": "Bob",
            "body": "hello Me!",
            "remote_id": "m1",
            "timestamp": datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=UTC),
            "mentions_me": True,
            "outgoing": False,
        },
    ),
    (
        ":Bob!b@h PRIVMSG Me :private [hi]",
        {
            "conversation": "bob",
            "conversation_kind": ConversationKind.DIRECT,
            "conversation_title": "Bob",
            "sender": "Bob",
            "mentions_me": False,
            "remote_id": None,
            "timestamp": None,
        },
    ),
    (
        ":Me!m@h PRIVMSG Bob :my own echo",
        {"conversation": "bob", "outgoing": True, "conversation_kind": ConversationKind.DIRECT},
    ),
    (":Me!m@h PRIVMSG #chan :to the channel", {"conversation": "#chan", "outgoing": True}),
    (":Bob!b@h NOTICE #chan :a notice", {"kind": MessageKind.NOTICE}),
    (":Bob!b@h PRIVMSG #chan :\x01ACTION waves\x01", {"kind": MessageKind.EMOTE, "body": "waves"}),
    (":Bob!b@h PRIVMSG @#chan :ops only", {"conversation": "#chan"}),
    (
        ":Bob!b@h PRIVMSG #chan :\x02bold\x02 text",
        {"body": "bold text", "html": "<b>bold</b> text"},
    ),
    (":Bob!b@h PRIVMSG #chan :mentions MeToo and others", {"mentions_me": False}),
    (":Bob!b@h PRIVMSG #chan :@me: hi", {"mentions_me": True}),
    ("@+draft/reply=m0 :Bob!b@h PRIVMSG #chan :re", {"reply_to": "m0"}),
    (":Bob!b@h PRIVMSG Me :\x01VERSION\x01", convert.CtcpRequest),
    (":Bob!b@h NOTICE Me :\x01VERSION HexChat\x01", convert.CtcpReply),
    (":Me!m@h PRIVMSG Bob :\x01PING 1\x01", None),  # our own CTCP echoed: nothing to show
    (":irc.test PRIVMSG #chan", None),
    (":Bob!b@h JOIN #chan", None),
]


@pytest.mark.parametrize(("raw", "expected"), MESSAGES)
def test_message_from_line(raw: str, expected: dict[str, object] | type | None) -> None:
    line = parse_line(raw)
    assert line is not None
    result = convert.message_from_line(line, INFO, ME)
    if expected is None:
        assert result is None
    elif isinstance(expected, type):
        assert isinstance(result, expected)
    else:
        assert isinstance(result, f.MessageReceived)
        for key, value in expected.items():
            assert getattr(result, key) == value, key


def test_history_flag_is_passed_through() -> None:
    line = parse_line(":Bob!b@h PRIVMSG #chan :old")
    assert line is not None
    result = convert.message_from_line(line, INFO, ME, history=True)
    assert isinstance(result, f.MessageReceived) and result.history


def test_ctcp_request_fields() -> None:
    line = parse_line(":Bob!b@h PRIVMSG Me :\x01PING 42\x01")
    assert line is not None
    result = convert.message_from_line(line, INFO, ME)
    assert result == convert.CtcpRequest("Bob", "Me", Ctcp("PING", "42"))


NGINFO = info_from(NGIRCD_005)


@pytest.mark.parametrize(
    ("info", "text", "entries"),
    [
        (INFO, "@alice +bob carol", [("alice", "@"), ("bob", "+"), ("carol", "")]),
        (INFO, "@+alice!a@host", [("alice", "@+")]),
        (INFO, "+@alice", [("alice", "@+")]),  # any order in, rank order out
        (NGINFO, "~&@%+x %y", [("x", "~&@%+"), ("y", "%")]),
        (INFO, "", []),
        (INFO, "@ @@", []),
    ],
)
def test_parse_names(info: convert.ServerInfo, text: str, entries: list[tuple[str, str]]) -> None:
    assert [(e.nick, e.prefixes) for e in convert.parse_names(text, info)] == entries


def test_parse_names_keeps_userhost() -> None:
    (entry,) = convert.parse_names("@alice!a@example.org", INFO)
    assert (entry.user, entry.host) == ("a", "example.org")


@pytest.mark.parametrize(
    ("info", "prefixes", "role"),
    [
        (NGINFO, "~", Role.OWNER),
        (NGINFO, "&", Role.ADMIN),
        (INFO, "@", Role.ADMIN),
        (INFO, "@+", Role.ADMIN),
        (NGINFO, "%", Role.MODERATOR),
        (INFO, "+", Role.MEMBER),
        (INFO, "", Role.MEMBER),
    ],
)
def test_role_for(info: convert.ServerInfo, prefixes: str, role: Role) -> None:
    assert convert.role_for(prefixes, info) == role


def test_member_model() -> None:
    member = convert.member("acct", "#chan", "Bob", "@+", INFO)
    assert member.conversation_id.native_id == "#chan"
    assert (member.native_id, member.role, member.affiliation) == ("Bob", Role.ADMIN, "@+")
    assert member.contact is not None and member.contact.native_id == "bob"


@pytest.mark.parametrize(
    ("params", "changes"),
    [
        (["+o", "bob"], [(True, "o", "bob")]),
        (["+ov-b", "a", "b", "*!*@x"], [(True, "o", "a"), (True, "v", "b"), (False, "b", "*!*@x")]),
        (["+l", "10"], [(True, "l", "10")]),
        (["-l"], [(False, "l", None)]),
        (["+k-k", "key", "key"], [(True, "k", "key"), (False, "k", "key")]),
        (["+nt"], [(True, "n", None), (True, "t", None)]),
        (["+o"], [(True, "o", None)]),  # missing argument: no crash
        ([], []),
    ],
)
def test_parse_mode_changes(params: list[str], changes: list[tuple[bool, str, str | None]]) -> None:
    parsed = convert.parse_mode_changes(params, INFO)
    assert [(c.adding, c.mode, c.arg) for c in parsed] == changes


@pytest.mark.parametrize(
    ("message", "state"),
    [(None, PresenceState.AVAILABLE), ("lunch", PresenceState.AWAY), ("", PresenceState.AWAY)],
)
def test_presence_from_away(message: str | None, state: PresenceState) -> None:
    assert convert.presence_from_away(message).state is state


@pytest.mark.parametrize(
    ("state", "status", "message"),
    [
        (PresenceState.AVAILABLE, "", None),
        (PresenceState.CHAT, "", None),
        (PresenceState.AWAY, "", "Away"),
        (PresenceState.AWAY, "lunch", "lunch"),
        (PresenceState.EXTENDED_AWAY, "", "Away for a while"),
        (PresenceState.DO_NOT_DISTURB, "", "Busy"),
    ],
)
def test_away_message_for(state: PresenceState, status: str, message: str | None) -> None:
    from app.models import Presence

    assert convert.away_message_for(Presence(state, status)) == message


def test_monitor_targets() -> None:
    assert convert.monitor_targets("alice!a@h,bob,,carol!c@x") == ["alice", "bob", "carol"]


def test_whois_text() -> None:
    text = convert.whois_text(
        "bob",
        {
            "311": ("bob", "b", "host", "*", "Bob B"),
            "330": ("bob", "bobacct", "is logged in as"),
            "319": ("bob", "@#a #b"),
        },
    )
    assert "bob is b@host (Bob B)" in text
    assert "logged in as bobacct" in text
    assert "#a" in text


@pytest.mark.parametrize(
    ("topic", "clean"),
    [
        ("[+nt] Come in", "Come in"),
        ("[+ntk key] Locked", "Locked"),
        ("[+] x", "x"),
        ("No modes [+nt] here", "No modes [+nt] here"),
        ("\x02Bold\x02 topic", "Bold topic"),
    ],
)
def test_list_topic(topic: str, clean: str) -> None:
    assert convert.list_topic(topic) == clean


def test_whois_text_is_a_translatable_message_in_english_until_shown() -> None:
    """The summary reads as before in English, and keeps its templates so the window can show
    it in the person's language (each part translated, joined by a translatable separator)."""
    text = convert.whois_text(
        "bob",
        {
            "311": ("bob", "b", "host", "*", "Bob B"),
            "317": ("bob", "42", "1700000000", "seconds idle"),
            "671": ("bob", "is using a secure connection"),
        },
    )
    assert text == "WHOIS bob; bob is b@host (Bob B); idle 42 s; using a secure connection"
    assert isinstance(text, Text) and text.template == "%1; %2"
    templates: list[str] = []
    part: object = text
    while isinstance(part, Text) and part.template == "%1; %2":
        templates.append(part.args[1].template if isinstance(part.args[1], Text) else "")
        part = part.args[0]
    assert isinstance(part, Text) and part.template == "WHOIS %1"
    assert templates == ["using a secure connection", "idle %1 s", "%1 is %2@%3 (%4)"]
