"""Messages made by the core and the backends (app.i18n) reach the window in its language: a
generic command's usage, the /help lines and a refusal from the core, in German here."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import facts as f
from app.dispatch import SERVER_CONVERSATION
from app.i18n import CoreMessages
from app.models import ConversationId, ConversationKind, MessageKind, Trust
from backends.irc.convert import whois_text
from tests.fakes.fake_backend import FakeServer
from tests.ui.helpers import T0, open_conv, sign_in, wait_for
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


def test_a_kick_in_a_channel_is_shown_in_german_but_a_person_saying_those_words_is_not(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, german: None
) -> None:
    """An IRC-style system message (backends/irc/channels.py) is stored with its template and
    shown, spoken and found in German; the same English words typed by a person stay as typed."""
    account_id = sign_in(qtbot, window, fake_server)
    kick = CoreMessages.tr("%1 was kicked by %2 (%3)").arg("bob", "carol", "too loud")
    topic = CoreMessages.tr("%1 changed the topic to: %2").arg("carol", "tea")
    for i, (body, kind, sender) in enumerate(
        (
            (kick, MessageKind.SYSTEM, "carol"),
            ("bob was kicked by carol (too loud)", MessageKind.TEXT, "dan"),
            (topic, MessageKind.SYSTEM, "carol"),
        )
    ):
        fake_server.report(
            "alice",
            f.MessageReceived(
                conversation="#tea",
                sender=sender,
                body=body,
                conversation_kind=ConversationKind.GROUP,
                kind=kind,
                remote_id=f"r{i}",
                timestamp=T0 + timedelta(seconds=i),
            ),
        )
    conv = ConversationId(account_id, "#tea")
    open_conv(qtbot, window, conv, rows=3)
    model = window.pane.model
    views = [model.row_view(i) for i in range(3)]
    assert [v.shown for v in views if v is not None] == [
        "bob wurde von carol hinausgeworfen (too loud)",
        "bob was kicked by carol (too loud)",  # what dan typed
        "carol hat das Thema geändert in: tea",
    ]
    spoken = model.data(model.index(0, 0), Qt.ItemDataRole.AccessibleTextRole)
    assert "bob wurde von carol hinausgeworfen (too loud)" in spoken
    assert "kicked" not in spoken
    spoken_person = model.data(model.index(1, 0), Qt.ItemDataRole.AccessibleTextRole)
    assert "bob was kicked by carol (too loud)" in spoken_person


def test_a_whois_summary_is_shown_and_spoken_in_german(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, german: None
) -> None:
    """IRC's WHOIS summary (backends/irc/convert.py) reaches the account's server messages as
    a notice, stored with its templates: its words in German, the server's data as it came."""
    account_id = sign_in(qtbot, window, fake_server)
    summary = whois_text(
        "bob",
        {
            "311": ("bob", "b", "host", "*", "Bob B"),
            "330": ("bob", "bobacct", "is logged in as"),
            "671": ("bob", "is using a secure connection"),
        },
    )
    fake_server.report("alice", f.ServiceNotice(summary))
    open_conv(qtbot, window, ConversationId(account_id, SERVER_CONVERSATION), rows=1)
    model = window.pane.model
    view = model.row_view(0)
    assert view is not None
    german_summary = (
        "WHOIS bob; bob ist b@host (Bob B); angemeldet als bobacct; nutzt eine sichere Verbindung"
    )
    assert view.shown == german_summary
    assert german_summary in model.data(model.index(0, 0), Qt.ItemDataRole.AccessibleTextRole)
