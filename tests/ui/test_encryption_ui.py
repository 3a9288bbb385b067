"""End-to-end encryption in the UI: trust in words, late decryption, verifying a contact by
comparing emojis (both directions), key backup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from app import facts as f
from app.models import (
    ConversationId,
    ConversationKind,
    Trust,
    Verification,
    VerificationState,
)
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import save_screenshot
from tests.ui.helpers import open_conv, sign_in, wait_for
from ui.dialogs.devices_dialog import DevicesDialog
from ui.dialogs.verification_dialog import VerificationDialog
from ui.main_window import MainWindow

EMOJIS = (
    ("🐶", "Dog"),
    ("🔑", "Key"),
    ("🎸", "Guitar"),
    ("🌵", "Cactus"),
    ("🚀", "Rocket"),
    ("🍄", "Mushroom"),
    ("📕", "Book"),
)


def encrypted_dm(qtbot: QtBot, window: MainWindow, server: FakeServer) -> ConversationId:
    account_id = sign_in(qtbot, window, server)
    server.report(
        "alice",
        f.ConversationUpdated(
            "bob", ConversationKind.DIRECT, title="Bob", encrypted=True, trust=Trust.UNVERIFIED
        ),
    )
    server.deliver(
        "alice",
        "bob",
        "hello from a new phone",
        sender="bob",
        sender_name="Bob",
        trust=Trust.UNVERIFIED,
    )
    server.deliver(
        "alice",
        "bob",
        "Waiting for the key to decrypt this message…",
        sender="bob",
        sender_name="Bob",
        remote_id="$late",
        trust=Trust.UNDECRYPTABLE,
    )
    conv = ConversationId(account_id, "bob")
    open_conv(qtbot, window, conv, rows=2)
    return conv


def test_trust_is_shown_in_words_and_late_keys_decrypt_in_place(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    encrypted_dm(qtbot, window, fake_server)
    assert "Encrypted, some devices not verified" in window.pane.header.info.text()
    model = window.pane.model
    first = model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "sent from an unverified device" in first
    assert "waiting for the key" in model.index(1).data(Qt.ItemDataRole.AccessibleTextRole)
    fake_server.report(
        "alice", f.MessageDecrypted("bob", "$late", "the secret plan", Trust.VERIFIED)
    )
    wait_for(qtbot, lambda: model.message(1).body == "the secret plan")
    assert model.rowCount() == 2
    assert "waiting" not in model.index(1).data(Qt.ItemDataRole.AccessibleTextRole)


def test_a_message_sent_in_the_clear_into_an_encrypted_conversation_says_so(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    encrypted_dm(qtbot, window, fake_server)
    fake_server.deliver(
        "alice",
        "bob",
        "anyone on the server can read this",
        sender="bob",
        sender_name="Bob",
        trust=Trust.PLAINTEXT,
    )
    model = window.pane.model
    wait_for(qtbot, lambda: model.rowCount() == 3)
    warning = "not encrypted, in an encrypted conversation"
    assert warning in model.index(2).data(Qt.ItemDataRole.AccessibleTextRole)
    view = window.pane.view.itemDelegate().row_view(model.index(2))
    assert view is not None
    assert warning in window.pane.view.itemDelegate()._meta_text(view)
    for row in (0, 1):  # the encrypted ones carry no such warning
        assert warning not in model.index(row).data(Qt.ItemDataRole.AccessibleTextRole)
    save_screenshot(window, "plaintext_in_encrypted_conversation")


def test_verify_a_contact_by_comparing_emojis(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    encrypted_dm(qtbot, window, fake_server)
    assert window.pane.header.verify_action.isVisible()
    window.pane.header.verify_action.trigger()
    devices = window.pane.devices_dialog
    assert isinstance(devices, DevicesDialog)
    wait_for(qtbot, lambda: devices.list.count() == 2)
    assert "1 of 2 devices verified" in devices.status.text()
    assert "not verified" in devices.list.item(0).text()
    devices.verify_all.click()
    wait_for(qtbot, lambda: isinstance(window.last_dialog, VerificationDialog))
    dialog = window.last_dialog
    assert "Waiting for bob" in dialog.status.text()
    vid = dialog.verification.id
    fake_server.report(
        "alice",
        f.VerificationChanged(
            Verification(vid, "bob", state=VerificationState.COMPARE, emojis=EMOJIS)
        ),
    )
    wait_for(qtbot, dialog.match_button.isVisible)
    names = [w.text() for w in dialog.emoji_area.findChildren(QLabel)]
    assert "Dog" in names and "Mushroom" in names
    assert dialog.emoji_area.accessibleName().startswith("Emojis: Dog, Key, Guitar")
    save_screenshot(dialog, "verification")
    dialog.match_button.click()
    wait_for(qtbot, lambda: ("confirm_verification", (vid, True)) in fake_server.calls)
    wait_for(qtbot, lambda: "is verified" in dialog.status.text())
    assert not dialog.match_button.isVisible()


def test_an_incoming_verification_request_can_be_accepted(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    sign_in(qtbot, window, fake_server)
    fake_server.report(
        "alice",
        f.VerificationChanged(Verification("in-1", "@bob:example.org", "PHONE", incoming=True)),
    )
    wait_for(qtbot, lambda: window.requests.requests)
    request = window.requests.requests[0]
    assert request.kind == "verification" and "@bob:example.org wants to verify" in request.text
    window.requests._answer(request, True)
    wait_for(qtbot, lambda: ("accept_verification", ("in-1",)) in fake_server.calls)
    wait_for(qtbot, lambda: isinstance(window.last_dialog, VerificationDialog))
    fake_server.report(
        "alice",
        f.VerificationChanged(
            Verification(
                "in-1",
                "@bob:example.org",
                state=VerificationState.CANCELLED,
                incoming=True,
                reason="the other side cancelled",
            )
        ),
    )
    wait_for(qtbot, lambda: "the other side cancelled" in window.last_dialog.status.text())


def test_key_backup_shows_the_recovery_key_once(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    sign_in(qtbot, window, fake_server)
    window.sidebar.tree.setCurrentIndex(window.sidebar.proxy.index(0, 0))
    window.set_up_key_backup()
    wait_for(qtbot, lambda: isinstance(window.last_dialog, QMessageBox))
    box = window.last_dialog
    assert box.informativeText() == "EsTc 1234 5678 9abc"
    assert "shown only now" in box.text()
