"""Settings → "Also mention me for:": typed by keyboard, tidied, saved, and a message holding
one of the words then counts as a mention in the sidebar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.highlights import PREF_HIGHLIGHT_WORDS
from app.models import ConversationId
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import save_screenshot
from tests.ui.helpers import focus, press, sign_in, type_text, wait_for
from ui.dialogs.settings_dialog import SettingsDialog
from ui.main_window import MainWindow


def test_words_typed_in_settings_make_a_mention(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    alice = sign_in(qtbot, window, fake_server)
    window.open_settings()
    dialog = window.last_dialog
    assert isinstance(dialog, SettingsDialog)
    wait_for(qtbot, lambda: dialog.isAncestorOf(focus(qtbot)))
    for _ in range(12):  # by keyboard, as a person would reach it
        if focus(qtbot) is dialog.highlight_words:
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert focus(qtbot) is dialog.highlight_words
    assert dialog.highlight_words.accessibleName() == "Words that count as a mention"
    type_text(qtbot, "release,, Release ,  deploy ")
    press(qtbot, Qt.Key.Key_Tab)  # leaving the field saves it
    wait_for(qtbot, lambda: window.preferences.get(PREF_HIGHLIGHT_WORDS) == ["release", "deploy"])
    assert dialog.highlight_words.text() == "release, deploy"
    save_screenshot(dialog, "settings-highlight-words")
    press(qtbot, Qt.Key.Key_Escape)

    fake_server.deliver("alice", "bob", "deploy is done", sender="bob")
    fake_server.deliver("alice", "bob", "redeployed, too", sender="bob")  # not the word
    conv = ConversationId(alice, "bob")

    def counts() -> tuple[int, int] | None:
        found = window.sidebar_model.conversation(conv)
        return None if found is None else (found.unread_count, found.mention_count)

    wait_for(qtbot, lambda: counts() == (2, 1))
