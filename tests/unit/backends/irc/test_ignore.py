"""Ignore masks: what a typed mask means, what matches it, and what is refused."""

from __future__ import annotations

import pytest

from app.backend import FailureKind
from backends.irc.convert import ServerInfo
from backends.irc.ignore import Ignore, mask_regex, matches_everyone, normalise_mask
from backends.irc.state import plain_nick
from tests.unit.backends.irc.wire import wire


@pytest.mark.parametrize(
    ("typed", "mask"),
    [
        ("bob", "bob!*@*"),
        ("bob!b", "bob!b@*"),
        ("user@host.example", "*!user@host.example"),
        ("*!*@10.0.0.*", "*!*@10.0.0.*"),
        ("  bob  ", "bob!*@*"),
        ("", None),
        ("two words", None),
        ("bob!!x@y", None),
        ("a@b@c", None),
        ("bob!@host", None),
        ("bell\x07", None),
        ("x" * 300, None),
    ],
)
def test_normalise_mask(typed: str, mask: str | None) -> None:
    assert normalise_mask(typed) == mask


@pytest.mark.parametrize(
    ("mask", "everyone"),
    [("*!*@*", True), ("?*!*@*", True), ("*!?@*", True), ("b*!*@*", False), ("*!*@h", False)],
)
def test_matches_everyone(mask: str, everyone: bool) -> None:
    assert matches_everyone(mask) is everyone


def test_matching_folds_case_as_the_server_does() -> None:
    info = ServerInfo()  # rfc1459: [ and { are the same letter
    pattern = mask_regex("Bob[x]!*@*.EXAMPLE", info)
    assert pattern.fullmatch(info.fold("bob{X}!u@host.example"))
    assert not pattern.fullmatch(info.fold("bobx!u@host.example"))
    assert mask_regex("a?c!*@*", info).fullmatch("abc!u@h")
    assert not mask_regex("a.c!*@*", info).fullmatch("abc!u@h")  # a dot is a dot


def test_plain_nick() -> None:
    assert plain_nick("bob!*@*") == "bob"
    assert plain_nick("b*!*@*") is None
    assert plain_nick("bob!u@*") is None


async def test_a_text_that_is_no_mask_is_refused_before_anything_is_sent() -> None:
    w = wire()
    ignore = Ignore(w.session, _Saved([]), "acct", contacts_only=False)  # type: ignore[arg-type]
    outcome = await ignore.set_blocked("two words", True)
    assert outcome.failure is not None and outcome.failure.kind is FailureKind.CONFIG
    assert "'two words'" in str(outcome.failure.message)
    assert w.sent == []


async def test_only_what_the_ignored_say_is_dropped() -> None:
    w = wire()
    Ignore(w.session, _Saved(["pest!*@*"]), "acct", contacts_only=False)  # type: ignore[arg-type]
    seen: list[str] = []
    for command in ("PRIVMSG", "NOTICE", "TAGMSG", "INVITE", "JOIN"):
        w.session.on(command, lambda line: seen.append(f"{line.nick} {line.command}"))
    w.feed(
        ":PEST!p@h PRIVMSG me :hidden",
        ":pest!p@h NOTICE me :hidden",
        "@+typing=active :pest!p@h TAGMSG me",
        ":pest!p@h INVITE me #spam",
        ":pest!p@h JOIN #chan",  # still in the member list: only what they say is dropped
        ":friend!f@h PRIVMSG me :shown",
        ":me!m@h PRIVMSG pest :our own echo",
    )
    assert seen == ["pest JOIN", "friend PRIVMSG", "me PRIVMSG"]


class _Saved:
    def __init__(self, ignored: list[str]) -> None:
        self.ignored = ignored
