"""Emoji-only messages (drawn large) and the picker's catalogue and search."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.models import Attachment, ConversationId, Message, MessageId, MessageKind
from ui.emoji_text import BIG_EMOJI_MAX, big_emoji, catalogue, emoji_only, entry_for, search
from ui.widgets.emoji_picker import RECENT_MAX, remember


@pytest.mark.parametrize(
    ("text", "only"),
    [
        ("😀", True),
        ("👍🏽", True),  # a skin tone is part of one emoji
        ("🇫🇷", True),  # a flag is two code points, one emoji
        ("👩‍👩‍👧", True),  # a family: a ZWJ sequence
        (" 🎉  🌱\n", True),  # spaces around do not count
        ("😀" * BIG_EMOJI_MAX, True),
        ("😀" * (BIG_EMOJI_MAX + 1), False),
        ("hi 😀", False),
        ("1", False),  # digits are emoji components, not emoji
        ("#", False),
        ("", False),
        ("   ", False),
        (":)", False),
    ],
)
def test_emoji_only(text: str, only: bool) -> None:
    assert emoji_only(text) is only


def message(body: str, **kw: object) -> Message:
    conv = ConversationId("a", "c")
    return Message(
        MessageId("a", "m"), conv, "bob", "Bob", datetime(2026, 1, 1, tzinfo=UTC), body, **kw
    )  # type: ignore[arg-type]


def test_only_plain_text_messages_grow() -> None:
    assert big_emoji(message("🎉"))
    assert not big_emoji(message("🎉", kind=MessageKind.EMOTE))
    assert not big_emoji(message("🎉", retracted=True))
    assert not big_emoji(message("🎉", attachments=(Attachment("mxc://x"),)))


def test_catalogue_has_fully_qualified_emoji_without_skin_tones_faces_first() -> None:
    entries = catalogue()
    assert len(entries) > 1500
    chars = [e.char for e in entries]
    assert len(set(chars)) == len(chars)
    assert "👍🏽" not in chars and "👍" in chars
    assert chars[0] == "😀"
    assert entry_for("❤️") is not None and entry_for("❤️").name == "red heart"  # type: ignore[union-attr]


def test_search_by_words_of_the_name_or_an_alias() -> None:
    assert [e.char for e in search("thumbs up")][:1] == ["👍"]
    assert "👍" in [e.char for e in search("+1")]  # an alias
    hearts = search("HEART")
    assert len(hearts) > 10 and all("heart" in (e.name + " ".join(e.keywords)) for e in hearts)
    assert search("zzzz-nothing") == ()
    assert search("  ") == catalogue()


def test_recent_emoji_move_to_the_front_and_stay_few() -> None:
    recent: list[str] = []
    for char in "😀👍🎉👍":
        recent = remember(char, recent)
    assert recent == ["👍", "🎉", "😀"]
    for entry in catalogue()[:40]:
        recent = remember(entry.char, recent)
    assert len(recent) == RECENT_MAX
