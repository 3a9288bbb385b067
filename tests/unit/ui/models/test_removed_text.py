"""What stands in place of a removed message: the sender's deletion, or a moderator's removal."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from app.models import ConversationId, Message, MessageId, Moderation
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
    by_boss = replace(GONE, moderation=Moderation("boss", "spam"))
    assert display_body(by_boss) == "Removed by boss: spam"
    assert display_body(replace(GONE, moderation=Moderation("boss"))) == "Removed by boss."
    assert display_body(replace(GONE, moderation=Moderation(""))) == "Removed by a moderator."
    # a send failure's reason is never read as a moderation (it once held the note, marked)
    marked = replace(GONE, failure_reason="\x1eboss\x1fspam")
    assert display_body(marked) == "This message was deleted."
    translator = QTranslator()
    assert translator.load("chinwag_de", str(I18N))
    qapp.installTranslator(translator)
    try:
        assert display_body(by_boss) == "Von boss entfernt: spam"
    finally:
        qapp.removeTranslator(translator)
