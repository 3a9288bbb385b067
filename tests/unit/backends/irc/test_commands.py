"""Slash commands typed in the composer."""

from __future__ import annotations

import pytest

from backends.irc import commands as c

CASES = [
    ("hello", "hello"),
    ("//not a command", "/not a command"),
    ("/ spaced", "/ spaced"),
    ("/join #chinwag", c.Join("#chinwag")),
    ("/join #secret hunter2", c.Join("#secret", "hunter2")),
    ("/j python", c.Join("#python")),
    ("/join", c.Invalid("join", c.USAGE["join"])),
    ("/part", c.Part(None, "")),
    ("/part #a bye now", c.Part("#a", "bye now")),
    ("/part see you", c.Part(None, "see you")),
    ("/leave", c.Part(None, "")),
    ("/me waves  twice", c.Me("waves  twice")),
    ("/me", c.Invalid("me", c.USAGE["me"])),
    ("/msg bob hi there", c.Msg("bob", "hi there")),
    ("/MSG bob hi", c.Msg("bob", "hi")),
    ("/msg bob", c.Invalid("msg", c.USAGE["msg"])),
    ("/notice bob psst", c.Msg("bob", "psst", notice=True)),
    ("/query bob hi", c.Msg("bob", "hi")),
    ("/nick newnick", c.Nick("newnick")),
    ("/nick two words", c.Invalid("nick", c.USAGE["nick"])),
    ("/topic", c.Topic(None, None)),
    ("/topic new topic here", c.Topic(None, "new topic here")),
    ("/topic #a", c.Topic("#a", None)),
    ("/topic #a the topic", c.Topic("#a", "the topic")),
    ("/whois bob", c.Whois("bob")),
    ("/whois", c.Invalid("whois", c.USAGE["whois"])),
    ("/away", c.Away(None)),
    ("/away gone fishing", c.Away("gone fishing")),
    ("/back", c.Away(None)),
    ("/quote PRIVMSG #a :raw", c.Quote("PRIVMSG #a :raw")),
    ("/raw MODE #a +i", c.Quote("MODE #a +i")),
    ("/quote", c.Invalid("quote", c.USAGE["quote"])),
    ("/kick bob", c.Kick(None, "bob", "")),
    ("/kick #a bob be nice", c.Kick("#a", "bob", "be nice")),
    ("/kick #a", c.Invalid("kick", c.USAGE["kick"])),
    ("/invite bob #a", c.Invite("bob", "#a")),
    ("/invite bob", c.Invite("bob", None)),
    ("/ctcp bob version", c.CtcpRequest("bob", "VERSION")),
    ("/ctcp bob PING 123 456", c.CtcpRequest("bob", "PING", "123 456")),
    ("/ctcp bob", c.Invalid("ctcp", c.USAGE["ctcp"])),
    ("/mode +i", c.Mode(None, "+i")),
    ("/mode #a +o bob", c.Mode("#a", "+o bob")),
    ("/mode #a", c.Mode("#a", "")),
    ("/mode", c.Mode(None, "")),
    ("/op bob", c.Mode(None, "+o bob")),
    ("/deop bob dora", c.Mode(None, "-oo bob dora")),
    ("/voice bob", c.Mode(None, "+v bob")),
    ("/devoice bob", c.Mode(None, "-v bob")),
    ("/halfop bob", c.Mode(None, "+h bob")),
    ("/dehalfop bob", c.Mode(None, "-h bob")),
    ("/op", c.Invalid("op", c.USAGE["op"])),
    ("/frobnicate x", c.Unknown("frobnicate")),
]


@pytest.mark.parametrize(("text", "parsed"), CASES)
def test_parse_input(text: str, parsed: object) -> None:
    assert c.parse_input(text) == parsed


def test_chantypes_decide_what_is_a_channel() -> None:
    assert c.parse_input("/part &local bye", chantypes="#&") == c.Part("&local", "bye")
    assert c.parse_input("/part &local bye", chantypes="#") == c.Part(None, "&local bye")
