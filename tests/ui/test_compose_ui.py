"""Writing: edit with Up, Tab completion, slash commands, attachments, typing; the header,
members and requests."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from app import facts as f
from app.backend import Capability
from app.core import messaging
from app.formatting import markdown_to_html
from app.models import ConversationId, ConversationKind, Member, MessageKind, Role
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import run_core, save_screenshot
from tests.ui.helpers import open_conv, room, sign_in, wait_for, wait_rows
from ui.main_window import MainWindow


@pytest.fixture
def in_room(qtbot: QtBot, window: MainWindow, fake_server: FakeServer) -> ConversationId:
    account_id = sign_in(qtbot, window, fake_server)
    conv = ConversationId(account_id, "#garden")
    fake_server.report(
        "alice",
        f.ConversationUpdated(
            "#garden", ConversationKind.GROUP, title="Garden club", topic="Tomatoes 🍅"
        ),
    )
    fake_server.report(
        "alice",
        f.MembersChanged(
            "#garden",
            (
                Member(conv, "alice", role=Role.MEMBER),
                Member(conv, "bernadette", role=Role.OWNER),
                Member(conv, "bertrand", role=Role.MODERATOR),
                Member(conv, "charlie"),
            ),
            complete=True,
        ),
    )
    room(
        fake_server,
        "alice",
        "#garden",
        [("bernadette", "Who brings the seeds?"), ("bertrand", "I can"), ("charlie", "me too")],
    )
    open_conv(qtbot, window, conv, rows=3)
    wait_for(qtbot, lambda: len(window.pane.members.model.members()) == 4)
    return conv


def composer(window: MainWindow):  # type: ignore[no-untyped-def]
    return window.pane.composer_area.composer


def test_header_shows_topic_encryption_members_and_allowed_actions(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, in_room: ConversationId
) -> None:
    header = window.pane.header
    assert header.title.text() == "Garden club"
    assert header.topic.text() == "Tomatoes 🍅"
    assert "Not encrypted" in header.info.text() and "4 members" in header.info.text()
    assert header.invite_button.isVisibleTo(window) and header.topic_button.isVisibleTo(window)
    header.members_button.click()
    assert window.pane.members.isVisibleTo(window)
    names = [window.pane.members.model.index(r).data() for r in range(4)]
    assert names == ["bernadette (owner)", "bertrand (moderator)", "alice", "charlie"]
    access = window.pane.members.model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert access == "bernadette, owner, available"
    wait_for(qtbot, lambda: window.sidebar_model.conversation(in_room).unread_count == 0)
    save_screenshot(window, "group-conversation")
    # Without the capability, the action is not offered at all.
    fake_server.conversation_caps["#garden"] = Capability.GROUP_CHAT
    window.pane.refresh_details()
    wait_for(qtbot, lambda: not header.topic_button.isVisibleTo(window))
    assert not header.invite_button.isVisibleTo(window)
    assert not window.pane.members.kick_button.isVisibleTo(window)


def test_kick_invite_topic_and_leave(
    qtbot: QtBot,
    window: MainWindow,
    fake_server: FakeServer,
    in_room: ConversationId,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = iter([("charlie", True), ("spam", True), ("Potatoes", True)])
    monkeypatch.setattr(
        "ui.conversation_actions.QInputDialog.getText", lambda *a, **k: next(answers)
    )
    monkeypatch.setattr(
        "ui.conversation_actions.QMessageBox.question",
        lambda *a, **k: __import__("PySide6.QtWidgets").QtWidgets.QMessageBox.StandardButton.Yes,
    )
    pane = window.pane
    pane.conversation_actions.invite()
    pane.members.list.setCurrentIndex(pane.members.model.index(3))
    pane.members.kick_button.click()
    pane.conversation_actions.change_topic()
    pane.conversation_actions.leave()
    wait_for(qtbot, lambda: ("leave", ("#garden",)) in fake_server.calls)
    wait_for(qtbot, lambda: not window.sidebar_model.conversation(in_room).joined)


def test_up_edits_the_last_own_message(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, in_room: ConversationId
) -> None:
    box = composer(window)
    box.setFocus()
    qtbot.keyClicks(box, "I will bring tomatos")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    wait_rows(qtbot, window, 4)
    wait_for(qtbot, lambda: window.pane.model.message(3).remote_id)
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert box.toPlainText() == "I will bring tomatos"
    assert window.pane.composer_area.banner_row.isVisibleTo(window)
    box.selectAll()
    qtbot.keyClicks(box, "I will bring tomatoes")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: window.pane.model.message(3).body == "I will bring tomatoes")
    assert window.pane.model.message(3).edited
    assert len([r for r in fake_server.sent if r.conversation == "#garden"]) == 1
    # Escape cancels an edit without sending; a second Escape leaves the composer.
    qtbot.keyClick(box, Qt.Key.Key_Up)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.toPlainText() == "" and not window.pane.composer_area.banner_row.isVisibleTo(window)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.pane.view


def test_tab_completes_member_names(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, in_room: ConversationId
) -> None:
    box = composer(window)
    box.setFocus()
    qtbot.keyClicks(box, "ber")
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert box.toPlainText() == "bernadette: "
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert box.toPlainText() == "bertrand: "
    qtbot.keyClicks(box, "and ch")
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert box.toPlainText() == "bertrand: and charlie "
    box.clear()
    qtbot.keyClick(box, Qt.Key.Key_Tab)  # nothing to complete: Tab moves on
    assert QApplication.focusWidget() is not box


def test_members_picked_by_tab_completion_go_with_the_message(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, in_room: ConversationId
) -> None:
    """The service is told whom the person picked (Matrix notifies them: ``m.mentions``); a
    name cycled past, or deleted again before sending, is not picked."""
    box = composer(window)
    box.setFocus()
    qtbot.keyClicks(box, "ber")
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    qtbot.keyClick(box, Qt.Key.Key_Tab)  # bernadette → bertrand
    qtbot.keyClicks(box, "and al")
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    qtbot.keyClicks(box, "ch")
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert box.toPlainText() == "bertrand: and alice charlie "
    for _ in range(len("charlie ")):
        qtbot.keyClick(box, Qt.Key.Key_Backspace)
    qtbot.keyClicks(box, "seeds")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: fake_server.sent)
    sent = fake_server.sent[0].message
    assert sent.body == "bertrand: and alice seeds"
    assert set(sent.mentions) == {"bertrand", "alice"}
    qtbot.keyClicks(box, "plain")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: len(fake_server.sent) == 2)
    assert fake_server.sent[1].message.mentions == ()


@pytest.mark.parametrize(
    ("typed", "expected_call"),
    [
        ("/topic Seeds and soil", ("topic", None)),
        ("/join #compost", ("join", ("#compost", ""))),
        ("/shout hello", ("command", ("shout", "hello"))),
        ("/invite dora", ("invite", None)),
    ],
)
def test_slash_commands(
    qtbot: QtBot,
    window: MainWindow,
    fake_server: FakeServer,
    in_room: ConversationId,
    typed: str,
    expected_call: tuple[str, object],
) -> None:
    box = composer(window)
    box.setPlainText(typed)
    box.submit()
    name, args = expected_call
    if name == "topic":
        wait_for(
            qtbot,
            lambda: "Seeds and soil" in window.pane.header.topic.text() or window.notices.notices,
        )
        assert not window.notices.notices or "cannot" in window.notices.notices[0]
        return
    if name == "invite":
        wait_for(qtbot, lambda: window.notices.notices)
        assert "cannot invite" in window.notices.notices[0]  # the fake's default answer, shown
        return
    wait_for(qtbot, lambda: (name, args) in fake_server.calls)
    assert [r.message.body for r in fake_server.sent] == []  # not sent as text


def test_me_sends_an_emote_and_unknown_commands_are_explained(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, in_room: ConversationId
) -> None:
    box = composer(window)
    box.setPlainText("/me waters the plants")
    box.submit()
    wait_for(qtbot, lambda: fake_server.sent)
    assert fake_server.sent[0].message.kind is MessageKind.EMOTE
    fake_server.conversation_caps["#garden"] = Capability.GROUP_CHAT
    window.pane.refresh_details()
    wait_for(qtbot, lambda: not window.pane.capabilities & Capability.COMMANDS)
    box.setPlainText("/frobnicate")
    box.submit()
    wait_for(qtbot, lambda: window.notices.notices)
    assert "Unknown command /frobnicate" in window.notices.notices[-1]
    box.setPlainText("//shrug")
    box.submit()
    wait_for(qtbot, lambda: len(fake_server.sent) == 2)
    assert fake_server.sent[1].message.body == "/shrug"


def test_attach_by_dialog_drop_and_paste(
    qtbot: QtBot,
    window: MainWindow,
    fake_server: FakeServer,
    in_room: ConversationId,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("compost ratios")
    monkeypatch.setattr(
        "ui.conversation_pane.QFileDialog.getOpenFileNames", lambda *a, **k: ([str(notes)], "")
    )
    window.pane.composer_area.attach_button.click()
    wait_for(qtbot, lambda: len(fake_server.sent) == 1)
    assert fake_server.sent[0].message.attachments[0].filename == "notes.txt"
    # Drag and drop a file onto the composer.
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(notes))])
    box = composer(window)
    drop = QDropEvent(
        QPoint(5, 5).toPointF(),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    box.dropEvent(drop)
    wait_for(qtbot, lambda: len(fake_server.sent) == 2)
    # Paste an image.
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor(0, 128, 0))
    pasted = QMimeData()
    pasted.setImageData(image)
    box.insertFromMimeData(pasted)
    wait_for(qtbot, lambda: len(fake_server.sent) == 3)
    assert fake_server.sent[2].message.attachments[0].mime_type == "image/png"


def test_typing_notifications(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, in_room: ConversationId
) -> None:
    box = composer(window)
    box.setFocus()
    qtbot.keyClicks(box, "hel")
    wait_for(qtbot, lambda: ("typing", ("#garden", True)) in fake_server.calls)
    assert fake_server.calls.count(("typing", ("#garden", True))) == 1
    qtbot.keyClick(box, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: ("typing", ("#garden", False)) in fake_server.calls)
    fake_server.report("alice", f.TypingChanged("#garden", "charlie", True))
    wait_for(qtbot, lambda: window.pane.composer_area.typing_label.text() == "charlie is typing…")


def test_subscription_and_invite_requests(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    sign_in(qtbot, window, fake_server)
    fake_server.report("alice", f.SubscriptionRequested("dora@fake", "Dora", "Hi, it's Dora"))
    fake_server.report("alice", f.InviteReceived("#bakers", "bob", "bread club"))
    panel = window.requests
    wait_for(qtbot, lambda: len(panel.requests) == 2)
    assert panel.isVisibleTo(window)
    assert "Dora (dora@fake) wants to add you" in panel.requests[0].text
    save_screenshot(window, "requests")
    panel._answer(panel.requests[0], True)
    panel._answer(panel.requests[0], True)
    wait_for(qtbot, lambda: ("subscription", ("dora@fake", True)) in fake_server.calls)
    wait_for(qtbot, lambda: ("join", ("#bakers", "")) in fake_server.calls)
    assert not panel.isVisibleTo(window)


def test_a_request_whose_no_blocks_says_block(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """Where declining blocks the sender (Delta Chat), the button says Block, not Decline."""
    sign_in(qtbot, window, fake_server)
    fake_server.report(
        "alice", f.SubscriptionRequested("eve@fake", "Eve", "hello", declining_blocks=True)
    )
    fake_server.report("alice", f.SubscriptionRequested("dora@fake", "Dora"))
    panel = window.requests
    wait_for(qtbot, lambda: len(panel.requests) == 2)
    eve, dora = panel.requests
    labels = {b.accessibleName(): b.text() for b in panel.findChildren(QPushButton)}
    assert labels[f"Block: {eve.text}"] == "Block"
    assert labels[f"Decline: {dora.text}"] == "Decline"
    assert f"Decline: {eve.text}" not in labels and f"Block: {dora.text}" not in labels
    save_screenshot(window, "request-that-blocks")
    block = next(b for b in panel.findChildren(QPushButton) if b.text() == "Block")
    block.setFocus()
    qtbot.keyClick(block, Qt.Key.Key_Space)
    wait_for(qtbot, lambda: ("subscription", ("eve@fake", False)) in fake_server.calls)


def test_a_file_from_a_stranger_is_a_question(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    sign_in(qtbot, window, fake_server)
    fake_server.report("alice", f.FileOffered("Mallory", "o1", "holiday.jpg", 2 * 1024 * 1024))
    fake_server.report("alice", f.FileOffered("Trent", "o2", "notes.txt", 1200))
    panel = window.requests
    wait_for(qtbot, lambda: len(panel.requests) == 2)
    first = panel.requests[0]
    assert first.kind == "file"
    assert "Mallory wants to send you a file" in first.text
    assert "holiday.jpg (2.0 MB)" in first.text and "Accept files from this person?" in first.text
    save_screenshot(window, "file-offer")
    buttons = {b.accessibleName(): b for b in panel.findChildren(QPushButton)}
    accept = buttons[f"Accept: {first.text}"]
    decline = buttons[f"Decline: {panel.requests[1].text}"]
    accept.setFocus()
    qtbot.keyClick(accept, Qt.Key.Key_Space)  # by keyboard, as a screen-reader user would
    wait_for(qtbot, lambda: ("file_offer", ("o1", True)) in fake_server.calls)
    qtbot.mouseClick(decline, Qt.MouseButton.LeftButton)
    wait_for(qtbot, lambda: ("file_offer", ("o2", False)) in fake_server.calls)
    assert not panel.isVisibleTo(window)


def test_add_contact_and_start_conversation_forms(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    window.add_contact()
    dialog = window.last_dialog
    dialog.edits["who"].setText("erin")
    dialog.edits["name"].setText("Erin")
    dialog._check()
    wait_for(qtbot, lambda: ("add_contact", ("erin", "Erin")) in fake_server.calls)
    window.start_conversation()
    dialog = window.last_dialog
    dialog._check()  # empty: refused, in words
    assert "Please fill in" in dialog.error.text()
    dialog.edits["who"].setText("frank")
    dialog._check()
    wait_for(qtbot, lambda: window.pane.conversation == ConversationId(account_id, "frank"))


def test_notify_setting_from_the_header_menu(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, in_room: ConversationId
) -> None:
    from app.models import NotifyLevel

    assert window.pane.header.notify_actions[NotifyLevel.MENTIONS].isChecked()
    window.pane.header.notify_actions[NotifyLevel.NONE].trigger()
    wait_for(qtbot, lambda: window.sidebar_model.conversation(in_room).notify is NotifyLevel.NONE)
    run_core(qtbot, window.bridge, window.bridge.core.conversations.list_conversations())


def test_the_composers_markdown_is_rendered_by_the_core_not_on_the_ui_thread(
    qtbot: QtBot,
    window: MainWindow,
    fake_server: FakeServer,
    in_room: ConversationId,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first render imports Python-Markdown (~0.2 s): the window hands the typed text to
    the core, which renders it on its own thread; every service still gets the HTML."""
    rendered_on: list[threading.Thread] = []

    def render(text: str) -> str | None:
        rendered_on.append(threading.current_thread())
        return markdown_to_html(text)

    monkeypatch.setattr(messaging, "markdown_to_html", render)
    box = composer(window)
    box.setPlainText("**bold** and _it_")
    box.submit()
    wait_for(qtbot, lambda: fake_server.sent)
    sent = fake_server.sent[0].message
    assert sent.body == "**bold** and _it_"
    assert sent.html == "<p><strong>bold</strong> and <em>it</em></p>"
    assert rendered_on and threading.main_thread() not in rendered_on
