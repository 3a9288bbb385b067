"""Messages made by the core and the backends (app.i18n) reach the window in its language: a
generic command's usage, the /help lines and a refusal from the core, in German here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.models import ConversationId, Trust
from tests.fakes.fake_backend import FakeServer
from tests.ui.helpers import open_conv, sign_in, wait_for
from ui.main_window import MainWindow

I18N = Path(__file__).resolve().parents[2] / "ui" / "i18n"


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load("chinwag_de", str(I18N))
    qapp.installTranslator(translator)
    try:
        yield
    finally:
        qapp.removeTranslator(translator)


def test_core_messages_are_shown_in_german(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, german: None
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "bob", "hi", sender="bob")
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=1)
    notices = window.notices
    composer = window.pane.composer_area.composer

    composer.submitted.emit("/join")  # app/commands.py: the usage of a generic command
    wait_for(qtbot, lambda: len(notices.notices) == 1)
    assert notices.notices == [
        "Warnung: Aufruf: /join RAUM [PASSWORT] — einen Raum oder Kanal betreten"
    ]

    composer.submitted.emit("/help")  # every generic command's line
    wait_for(qtbot, lambda: len(notices.notices) == 2)
    shown = notices.notices[1]
    assert "/help — die Befehle auflisten" in shown
    assert "/msg WER TEXT — eine private Nachricht senden" in shown
    assert "send a private message" not in shown
    # ... and the bar says how many wait, with German plural forms
    assert notices.label.text().endswith("(1 weitere)")


def test_a_stored_placeholder_for_an_unreadable_message_is_shown_in_german(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, german: None
) -> None:
    """The backend stores its English placeholder (backends/matrix/crypto.py) as the body of a
    message it could not decrypt; the window says it in its own language. The sender's own
    words are never looked up."""
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver(
        "alice", "bob", "This message could not be decrypted.", sender="bob", trust=Trust.UNREADABLE
    )
    fake_server.deliver("alice", "bob", "This message could not be decrypted.", sender="bob")
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=2)
    model = window.pane.model
    unreadable, written = model.row_view(0), model.row_view(1)
    assert unreadable is not None and written is not None
    assert unreadable.shown == "Diese Nachricht konnte nicht entschlüsselt werden."
    assert written.shown == "This message could not be decrypted."  # what bob typed
