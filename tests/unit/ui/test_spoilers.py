"""A spoiler's words are in no text made of its message (the row's words, a notification, a
reply's quote) until the reader reveals it; then they are."""

from __future__ import annotations

from datetime import UTC, datetime

from app.models import ConversationId, Message, MessageId, MessageKind
from ui import spoilers
from ui.models.message_texts import display_body
from ui.notifications import _spoken_body

HTML = 'The killer is <span data-mx-spoiler="whodunit">the <b>butler</b></span>.'


def _message(local_id: str, **changes: object) -> Message:
    return Message(
        MessageId("a", local_id),
        ConversationId("a", "!room:example.org"),
        "@bob:example.org",
        "Bob",
        datetime(2026, 12, 6, tzinfo=UTC),
        "The killer is the butler.",
        **{"html": HTML, **changes},  # type: ignore[arg-type]
    )


def test_hidden_until_revealed_then_shown() -> None:
    msg = _message("spoiler-unit-1")
    other = _message("spoiler-unit-2")  # revealing one message reveals only that one
    assert spoilers.is_hidden(msg)
    for text in (spoilers.guarded_body(msg), display_body(msg), _spoken_body(msg)):
        assert "butler" not in text and "Spoiler: whodunit" in text
    shown = spoilers.shown_html(msg)
    assert shown is not None and "butler" not in shown and spoilers.SPOILER_URL in shown

    spoilers.reveal(msg)
    assert not spoilers.is_hidden(msg) and spoilers.is_hidden(other)
    assert display_body(msg) == "The killer is the butler."
    assert spoilers.shown_html(msg) == HTML
    assert "butler" not in display_body(other)


def test_an_emote_and_a_plain_message() -> None:
    emote = _message("spoiler-unit-3", kind=MessageKind.EMOTE)
    assert display_body(emote) == "* Bob The killer is Spoiler: whodunit ."
    plain = _message("spoiler-unit-4", html=None)
    assert not spoilers.is_hidden(plain) and spoilers.shown_html(plain) is None
    assert display_body(plain) == "The killer is the butler."
