"""What stands in place of a removed message: the sender's deletion, or a moderator's removal."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from app.models import ConversationId, Message, MessageId, moderation_note
from ui.models.message_texts import display_body

I18N = Path(__file__).resolve().parents[4] / "ui" / "i18n"
GONE = Message(
    MessageId("a", "l1"),
    ConversationId("a", "room@muc"),
    "alice",
    "alice",
    datetime(2026, 12, 6, tzinfo=UTC),
    "",
    retracted=True,
)


def test_a_deletion_and_a_moderation_read_differently(qapp: QApplication) -> None:
    assert display_body(GONE) == "This message was deleted."
    by_boss = replace(GONE, failure_reason=moderation_note("boss", "spam"))
    assert display_body(by_boss) == "Removed by boss: spam"
    assert display_body(replace(GONE, failure_reason=moderation_note("boss", ""))) == (
        "Removed by boss."
    )
    assert display_body(replace(GONE, failure_reason=moderation_note("", ""))) == (
        "Removed by a moderator."
    )
    # a delivery failure's reason on a message still there is no moderation
    assert replace(by_boss, retracted=False, body="hi").moderation is None
    translator = QTranslator()
    assert translator.load("chinwag_de", str(I18N))
    qapp.installTranslator(translator)
    try:
        assert display_body(by_boss) == "Von boss entfernt: spam"
    finally:
        qapp.removeTranslator(translator)
