"""End-to-end encryption in the UI: trust in words, late decryption, verifying a contact by
comparing emojis (both directions), key backup."""

from __future__ import annotations

import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from app import facts as f
from app.models import (
    ConversationId,
    ConversationKind,
    Device,
    DeviceTrust,
    Trust,
    Verification,
    VerificationState,
)
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import run_core, save_screenshot
from tests.ui.helpers import open_conv, sign_in, wait_for
from ui.dialogs.devices_dialog import DevicesDialog
from ui.dialogs.secure_storage_dialog import SecureStorageDialog
from ui.dialogs.verification_dialog import VerificationDialog
from ui.main_window import MainWindow
from ui.widgets.message_view import meta_line

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
    warning = "not encrypted"
    assert warning in model.index(2).data(Qt.ItemDataRole.AccessibleTextRole)
    view = window.pane.view.itemDelegate().row_view(model.index(2))
    assert view is not None
    assert warning in meta_line(view)
    for row in (0, 1):  # the encrypted ones carry no such warning
        assert warning not in model.index(row).data(Qt.ItemDataRole.AccessibleTextRole)
    save_screenshot(window, "plaintext_in_encrypted_conversation")


def test_verify_a_contact_by_comparing_emojis(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    encrypted_dm(qtbot, window, fake_server)
    assert window.pane.header.verify_action.isVisible()
    window.pane.header.verify_action.trigger()
    devices = window.pane.conversation_actions.devices_dialog
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
    wait_for(qtbot, lambda: isinstance(window.last_dialog, SecureStorageDialog))
    window.last_dialog.set_up_button.click()  # a generated recovery key (the default)
    wait_for(qtbot, lambda: isinstance(window.last_dialog, QMessageBox))
    box = window.last_dialog
    assert box.informativeText() == "EsTc 1234 5678 9abc"
    assert "shown only now" in box.text()


# -- OMEMO: devices verified by comparing fingerprints -------------------------------------------

BOB_FP = "3d5a6c1e 9b0f4e77 c1d2e3f4 a5b6c7d8 0123abcd 4567ef01 89abcdef 76543210"
BOB_URI = "xmpp:bob?omemo-sid-1234=" + BOB_FP.replace(" ", "")
OWN_FP = "0f1e2d3c 4b5a6978 8796a5b4 c3d2e1f0 11223344 55667788 99aabbcc ddeeff00"


def decode_qr(image: QImage) -> list[str]:
    """What a phone reads from the picture (zxing-cpp, an independent decoder)."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    raw = bytes(gray.constBits())
    rows = b"".join(raw[y * stride : y * stride + width] for y in range(height))
    return [
        code.text for code in zxingcpp.read_barcodes(memoryview(rows).cast("B", (height, width)))
    ]


@pytest.fixture
def omemo_server(fake_server: FakeServer) -> FakeServer:
    """An account that verifies devices by fingerprint (as XMPP with OMEMO does)."""
    fake_server.encryption = "fingerprints"
    fake_server.devices["bob"] = (
        Device("bob", "1234", "", BOB_FP, DeviceTrust.UNVERIFIED, uri=BOB_URI),
        Device("bob", "5678", "Gajim", OWN_FP.upper(), DeviceTrust.BLOCKED, uri="xmpp:bob?x"),
    )
    fake_server.devices["alice"] = (
        Device("alice", "42", "This device", OWN_FP, DeviceTrust.VERIFIED, uri="xmpp:alice?y"),
    )
    return fake_server


def test_verify_a_device_by_its_fingerprint_and_qr_code(
    qtbot: QtBot, omemo_server: FakeServer, window: MainWindow
) -> None:
    encrypted_dm(qtbot, window, omemo_server)
    assert window.pane.header.verify_action.isVisible()
    window.pane.header.verify_action.trigger()
    dialog = window.pane.conversation_actions.devices_dialog
    assert isinstance(dialog, DevicesDialog)
    wait_for(qtbot, lambda: dialog.list.count() == 3)  # bob's two, then ours
    assert not dialog.verify_button.isVisible() and not dialog.verify_all.isVisible()
    assert dialog.mark_verified.isVisible() and dialog.distrust.isVisible()
    assert "0 of 2 devices verified" in dialog.status.text()
    assert "not verified" in dialog.list.item(0).text()
    assert "distrusted" in dialog.list.item(1).text()
    assert "this device" in dialog.list.item(2).text() and "Yours" in dialog.list.item(2).text()
    # the selected device: fingerprint in words, and a QR code a phone can read
    assert (
        dialog.fingerprint.text()
        == "3d5a6c1e 9b0f4e77 c1d2e3f4 a5b6c7d8\n0123abcd 4567ef01 89abcdef 76543210"
    )
    assert dialog.fingerprint.accessibleDescription() == BOB_FP
    assert dialog.qr.text == BOB_URI and BOB_URI in dialog.qr.accessibleDescription()
    assert decode_qr(dialog.qr.grab().toImage()) == [BOB_URI]
    assert dialog.mark_verified.isEnabled() and dialog.distrust.isEnabled()
    assert not dialog.undo.isEnabled()
    save_screenshot(dialog, "omemo-devices")

    dialog.mark_verified.click()
    wait_for(
        qtbot,
        lambda: ("set_device_trust", ("bob", "1234", DeviceTrust.VERIFIED)) in omemo_server.calls,
    )
    wait_for(qtbot, lambda: "1 of 2 devices verified" in dialog.status.text())
    assert dialog.list.currentRow() == 0 and "— verified" in dialog.list.item(0).text()
    assert dialog.undo.isEnabled() and not dialog.mark_verified.isEnabled()
    dialog.list.setCurrentRow(2)  # this device: nothing to decide
    assert not dialog.mark_verified.isEnabled() and not dialog.distrust.isEnabled()
    assert dialog.fingerprint.accessibleDescription() == OWN_FP
    dialog.list.setCurrentRow(1)
    dialog.undo.click()
    wait_for(
        qtbot,
        lambda: ("set_device_trust", ("bob", "5678", DeviceTrust.UNVERIFIED)) in omemo_server.calls,
    )


def test_each_message_says_how_it_was_encrypted_and_broken_ones_offer_a_repair(
    qtbot: QtBot, omemo_server: FakeServer, window: MainWindow
) -> None:
    conv = encrypted_dm(qtbot, window, omemo_server)
    for text, trust in (
        ("from a verified device", Trust.VERIFIED),
        ("sent in plain into an encrypted chat", Trust.NONE),
        ("This message could not be decrypted.", Trust.UNREADABLE),
    ):
        omemo_server.deliver("alice", "bob", text, sender="bob", sender_name="Bob", trust=trust)
    model = window.pane.model
    wait_for(qtbot, lambda: model.rowCount() == 5)
    words = [model.index(i).data(Qt.ItemDataRole.AccessibleTextRole) for i in range(5)]
    assert "sent from an unverified device" in words[0]
    assert "waiting for the key" in words[1]
    assert "encrypted, verified" in words[2]
    assert "not encrypted" in words[3]
    assert "could not be decrypted" in words[4]
    assert "not encrypted" in meta_line(model.row_view(3))
    menu = window.pane.messages.message_menu(model.message(4))
    repair = [a for a in menu.actions() if a.data() == "repair_encryption"]
    assert repair and "Repair encryption with Bob" in repair[0].text().replace("&", "")
    assert not [
        a
        for a in window.pane.messages.message_menu(model.message(3)).actions()
        if a.data() == "repair_encryption"
    ]
    repair[0].trigger()
    wait_for(qtbot, lambda: ("repair_encryption", (conv.native_id,)) in omemo_server.calls)
    # our own message: the service says it went encrypted, to devices not all verified
    omemo_server.send_trust = Trust.UNVERIFIED
    run_core(qtbot, window.bridge, window.bridge.core.messaging.send_message(conv, "my answer"))
    wait_for(qtbot, lambda: model.rowCount() == 6 and model.message(5).trust is Trust.UNVERIFIED)
    mine = model.index(5).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "encrypted" in mine and "not encrypted" not in mine
    save_screenshot(window, "omemo-messages")
