"""Emoji as text: which messages are only emoji (drawn large), and the catalogue the picker
searches, from the ``emoji`` package's Unicode data (names and aliases, fully-qualified forms).

The package is imported on first need (it costs ~0.16 s and 7 MB: not at start-up), and a
message with any letter, digit or ASCII punctuation is ruled out before it is asked, so laying
out a flood of ordinary messages never pays for it.

No Qt: pure functions, tested as plain unit tests.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from app.models import Message, MessageKind

BIG_EMOJI_MAX = 5
"""At most this many emoji (and nothing else) make a message large, as in Element and Signal."""


@cache
def _emoji() -> ModuleType:
    return importlib.import_module("emoji")


def _could_be_emoji(char: str) -> bool:
    """Cheap: no letter, digit, ASCII or CJK character is ever part of an emoji-only text
    (keycap emoji carry U+20E3, flags regional indicators, so those still pass)."""
    return ord(char) >= 0x80 and not char.isalnum()


def emoji_only(text: str, limit: int = BIG_EMOJI_MAX) -> bool:
    """``text`` is one to ``limit`` emoji and nothing else but spaces."""
    compact = "".join(text.split())
    if not compact or len(compact) > 16 * limit:
        return False
    if not all(_could_be_emoji(c) or c in "#*0123456789" for c in compact):
        return False
    emoji = _emoji()
    if not emoji.purely_emoji(compact):
        return False
    count: int = emoji.emoji_count(compact)
    return 0 < count <= limit


def big_emoji(msg: Message) -> bool:
    """A plain message of only a few emoji (not an edit placeholder, an action or a notice)."""
    return (
        msg.kind is MessageKind.TEXT
        and not msg.retracted
        and not msg.attachments
        and emoji_only(msg.body)
    )


@dataclass(frozen=True, slots=True)
class EmojiEntry:
    """One emoji with the words it is found by."""

    char: str
    name: str  # "grinning face"
    keywords: tuple[str, ...]  # aliases without colons: "grinning"


def _words(code: str) -> str:
    return code.strip(":").replace("_", " ")


def _order(char: str) -> tuple[int, int]:
    """Faces first (the emoticons block), then people, then the rest by code point."""
    first = ord(char[0])
    if 0x1F600 <= first <= 0x1F64F:
        return (0, first)
    if 0x1F900 <= first <= 0x1F9FF:
        return (1, first)
    if 0x1F440 <= first <= 0x1F4FF:
        return (2, first)
    return (3, first)


@cache
def catalogue() -> tuple[EmojiEntry, ...]:
    """Every fully-qualified emoji without skin-tone variants, faces first."""
    emoji = _emoji()
    fully = emoji.STATUS["fully_qualified"]
    entries = []
    for char, data in emoji.EMOJI_DATA.items():
        if data.get("status") != fully or "skin_tone" in data["en"]:
            continue
        aliases = tuple(_words(a) for a in data.get("alias", ()))
        entries.append(EmojiEntry(char, _words(data["en"]), aliases))
    entries.sort(key=lambda e: _order(e.char))
    return tuple(entries)


def search(query: str) -> tuple[EmojiEntry, ...]:
    """Emoji whose name or an alias contains every word of ``query``; names that start with
    the query come first."""
    words = query.casefold().split()
    if not words:
        return catalogue()
    found = []
    for entry in catalogue():
        text = " ".join((entry.name, *entry.keywords)).casefold()
        if all(w in text for w in words):
            found.append(entry)
    joined = " ".join(words)
    found.sort(key=lambda e: not e.name.casefold().startswith(joined))
    return tuple(found)


def entry_for(char: str) -> EmojiEntry | None:
    for entry in catalogue():
        if entry.char == char:
            return entry
    return None
