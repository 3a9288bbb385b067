"""Actions on a message beyond the keyboard menu: the hover bar (react, reply, edit, copy text,
delete, more), the
reaction picker searching emoji by name, an image opened in the viewer, and a link to a Matrix
message copied (offered only where the service has message links)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from app.models import Attachment, ConversationId, ConversationKind
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import run_core, save_screenshot
from tests.ui.helpers import (
    add_account_as,
    answer_next_box,
    focus,
    hover,
    open_conv,
    press,
    sign_in,
    type_text,
    wait_for,
)
from ui.main_window import MainWindow


def shown_actions(window: MainWindow) -> list[str]:
    bar = window.pane.view.hover_bar
    return [a for a, b in bar.buttons.items() if b.isVisibleTo(bar)]


def test_hover_bar_reacts_replies_edits_and_opens_the_menu(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "bob", "cake at four?", sender="bob")
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=1)
    area = window.pane.composer_area
    area.composer.setFocus()
    type_text(qtbot, "yes please")
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: window.pane.model.rowCount() == 2)
    wait_for(qtbot, lambda: window.pane.model.message(1).remote_id is not None)
    view = window.pane.view
    window.activateWindow()

    hover(qtbot, window, 0)
    assert shown_actions(window) == ["react", "reply", "copy", "more"]  # not ours: no edit
    bar = view.hover_bar
    assert bar.accessibleName() == "Message actions"
    assert [bar.buttons[a].accessibleName() for a in ("react", "reply", "copy", "more")] == [
        "React",
        "Reply",
        "Copy text",
        "More actions",
    ]
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in bar.buttons.values())
    save_screenshot(window, "hover-bar")

    # React: the picker searches emoji by name; Enter takes the first found.
    bar.buttons["react"].click()
    messages = window.pane.messages
    wait_for(qtbot, lambda: messages.reaction_picker is not None)
    picker = messages.reaction_picker
    assert picker is not None and picker.accessibleName() == "React"
    wait_for(qtbot, lambda: QApplication.focusWidget() is picker.search)
    type_text(qtbot, "party popper")
    press(qtbot, Qt.Key.Key_Return)
    rid = window.pane.model.message(0).remote_id
    wait_for(qtbot, lambda: ("react", ("bob", rid, ("🎉",))) in fake_server.calls)
    wait_for(qtbot, lambda: area.recent_emoji[:1] == ["🎉"])  # offered first next time

    hover(qtbot, window, 0)
    bar.buttons["reply"].click()
    wait_for(qtbot, lambda: area.reply_to is not None and area.reply_to.body == "cake at four?")
    area.cancel_mode()

    hover(qtbot, window, 1)
    assert shown_actions(window) == ["react", "reply", "edit", "copy", "delete", "more"]  # ours
    bar.buttons["edit"].click()
    wait_for(qtbot, lambda: area.editing is not None and area.editing.body == "yes please")
    area.cancel_mode()

    hover(qtbot, window, 0)
    bar.buttons["more"].click()
    wait_for(qtbot, lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    labels = [a.text() for a in QApplication.activePopupWidget().actions()]
    assert "&Reply" in labels and "&Copy text" in labels
    press(qtbot, Qt.Key.Key_Escape)
    wait_for(qtbot, lambda: QApplication.activePopupWidget() is None)

    # The pointer leaves the messages: the bar goes.
    qtbot.mouseMove(window.pane.composer_area.composer, QPoint(5, 5))
    QApplication.sendEvent(view.viewport(), QEvent(QEvent.Type.Leave))
    wait_for(qtbot, lambda: not bar.isVisible())


def test_an_image_opens_in_the_viewer(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, tmp_path: Path
) -> None:
    image = QImage(640, 400, QImage.Format.Format_RGB32)
    image.fill(QColor(30, 160, 90))
    png = tmp_path / "fern.png"
    image.save(str(png))
    url = "https://files.fake.local/fern.png"
    fake_server.files[url] = png.read_bytes()
    account_id = sign_in(qtbot, window, fake_server)
    run_core(
        qtbot, window.bridge, window.bridge.core.preferences.set("privacy.remote_media", "always")
    )
    fake_server.deliver(
        "alice",
        "bob",
        "",
        attachments=(Attachment(url, "fern.png", "image/png", len(png.read_bytes())),),
    )
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=1)
    model = window.pane.model
    local_id = model.message(0).local_id
    wait_for(qtbot, lambda: (s := model.download_state(local_id, 0)) is not None and s.finished)
    view = window.pane.view
    window.activateWindow()
    view.setFocus()
    wait_for(qtbot, lambda: focus(qtbot) is view)
    press(qtbot, Qt.Key.Key_End)
    press(qtbot, Qt.Key.Key_Return)  # Enter on the message: its image, in the viewer
    messages = window.pane.messages
    wait_for(qtbot, lambda: messages.image_viewer is not None)
    viewer = messages.image_viewer
    assert viewer is not None
    wait_for(qtbot, lambda: not viewer.image.isNull())
    assert viewer.picture.accessibleName() == "fern.png"
    assert viewer.picture.accessibleDescription() == "640 × 400 pixels"
    viewer.close()
    wait_for(qtbot, lambda: messages.image_viewer is None)


def test_a_link_to_a_matrix_message_is_copied_not_offered_elsewhere(
    qtbot: QtBot, services_window: MainWindow, fake_server: FakeServer
) -> None:
    window = services_window
    matrix = add_account_as(qtbot, window, fake_server, "matrix", "alice", "Work")
    xmpp = add_account_as(qtbot, window, fake_server, "xmpp", "bob", "Home")
    fake_server.deliver(
        "alice",
        "!dev:example.org",
        "release at noon",
        sender="@dan:example.org",
        kind=ConversationKind.GROUP,
        remote_id="$ev1:example.org",
    )
    fake_server.deliver("bob", "carol@example.org", "hi", sender="carol@example.org")
    messages = window.pane.messages

    open_conv(qtbot, window, ConversationId(matrix.id, "!dev:example.org"), rows=1)
    msg = window.pane.model.message(0)
    menu = messages.message_menu(msg)
    copy = next(a for a in menu.actions() if a.text() == "Copy &link to the message")
    copy.trigger()
    assert QGuiApplication.clipboard().text() == (
        "https://matrix.to/#/!dev:example.org/$ev1:example.org?via=example.org"
    )

    open_conv(qtbot, window, ConversationId(xmpp.id, "carol@example.org"), rows=1)
    menu = messages.message_menu(window.pane.model.message(0))
    assert "Copy &link to the message" not in [a.text() for a in menu.actions()]


def test_hover_bar_copies_text_and_deletes_own_messages_after_asking(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "bob", "the *plan* is set", sender="bob")
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=1)
    area = window.pane.composer_area
    area.composer.setFocus()
    type_text(qtbot, "see you there")
    press(qtbot, Qt.Key.Key_Return)
    model = window.pane.model
    wait_for(qtbot, lambda: model.rowCount() == 2 and model.message(1).remote_id is not None)
    window.activateWindow()
    bar = window.pane.view.hover_bar
    assert bar.buttons["delete"].accessibleName() == "Delete for everyone"
    assert bar.buttons["copy"].toolTip() == "Copy text"

    # Copy: the message's plain text on the clipboard (what the menu's Copy text puts there).
    hover(qtbot, window, 0)
    assert "delete" not in shown_actions(window)  # not ours
    QGuiApplication.clipboard().clear()
    bar.buttons["copy"].click()
    wait_for(
        qtbot, lambda: QGuiApplication.clipboard().text() == model.display_body(model.message(0))
    )
    assert "plan" in QGuiApplication.clipboard().text()
    assert "<" not in QGuiApplication.clipboard().text()

    # Delete: the menu's confirmation; No keeps the message, Yes retracts it.
    hover(qtbot, window, 1)
    save_screenshot(window, "hover-bar-own-message")
    rid = model.message(1).remote_id
    seen = answer_next_box(qtbot, QMessageBox.StandardButton.No)
    bar.buttons["delete"].click()
    wait_for(qtbot, lambda: bool(seen))
    assert seen == ["Delete this message for everyone in the conversation?"]
    assert ("retract", ("bob", rid)) not in fake_server.calls
    hover(qtbot, window, 1)
    seen = answer_next_box(qtbot, QMessageBox.StandardButton.Yes)
    bar.buttons["delete"].click()
    wait_for(qtbot, lambda: ("retract", ("bob", rid)) in fake_server.calls)
    assert seen == ["Delete this message for everyone in the conversation?"]
    wait_for(qtbot, lambda: model.message(1).retracted)
    hover(qtbot, window, 1)
    assert shown_actions(window) == ["more"]  # a deleted message: nothing to copy or delete


def test_copy_and_delete_are_keys_on_the_message_list_too(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """The bar takes no focus: Ctrl+C and Delete on the selected message do the same."""
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "bob", "hi", sender="bob")
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=1)
    area = window.pane.composer_area
    area.composer.setFocus()
    type_text(qtbot, "by keyboard")
    press(qtbot, Qt.Key.Key_Return)
    model = window.pane.model
    wait_for(qtbot, lambda: model.rowCount() == 2 and model.message(1).remote_id is not None)
    view = window.pane.view
    window.activateWindow()
    view.setFocus()
    wait_for(qtbot, lambda: focus(qtbot) is view)
    press(qtbot, Qt.Key.Key_End)
    QGuiApplication.clipboard().clear()
    press(qtbot, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    wait_for(qtbot, lambda: QGuiApplication.clipboard().text() == "by keyboard")
    rid = model.message(1).remote_id
    seen = answer_next_box(qtbot, QMessageBox.StandardButton.Yes)
    press(qtbot, Qt.Key.Key_Delete)
    wait_for(qtbot, lambda: ("retract", ("bob", rid)) in fake_server.calls)
    assert seen == ["Delete this message for everyone in the conversation?"]
