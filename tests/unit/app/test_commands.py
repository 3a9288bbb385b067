from __future__ import annotations

import pytest

from app.commands import SlashCommand, parse_slash, unescape_slash


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/me waves", SlashCommand("me", "waves")),
        ("/JOIN #chinwag secret", SlashCommand("join", "#chinwag secret")),
        ("/part", SlashCommand("part", "")),
        ("/topic   Tea and  biscuits ", SlashCommand("topic", "Tea and  biscuits")),
        ("//not a command", None),
        ("hello /me", None),
        ("/", None),
        ("/ spaced", None),
        ("/ünïcode x", SlashCommand("ünïcode", "x")),
        ("/path/to/file", None),
    ],
)
def test_parse_slash(text: str, expected: SlashCommand | None) -> None:
    assert parse_slash(text) == expected


def test_split_keeps_the_tail_together() -> None:
    assert SlashCommand("kick", "bob being rude again").split(2) == ["bob", "being rude again"]
    assert SlashCommand("kick", "").split(2) == ["", ""]


def test_double_slash_sends_a_single_one() -> None:
    assert unescape_slash("//shrug") == "/shrug"
    assert unescape_slash("plain") == "plain"
