"""Actions on a message beyond the keyboard menu: the hover bar (react, reply, edit, more), the
reaction picker searching emoji by name, an image opened in the viewer, and a link to a Matrix
message copied (offered only where the service has message links)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from app.models import Attachment, ConversationId, ConversationKind
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import run_core, save_screenshot
from tests.ui.helpers import add_account_as, focus, open_conv, press, sign_in, type_text, wait_for
from ui.main_window import MainWindow


def hover(qtbot: QtBot, window: MainWindow, row: int) -> None:
    view = window.pane.view
    rect = view.visualRect(window.pane.model.index(row))
    below = view.viewport().rect().bottomLeft() + QPoint(5, -5)  # below the messages
    qtbot.mouseMove(view.viewport(), below)  # a move there, then onto the message
    qtbot.mouseMove(view.viewport(), rect.center())
    wait_for(
        qtbot,
        lambda: (
            view.hover_bar.isVisible() and view.hover_bar.message is window.pane.model.message(row)
        ),
    )


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
    assert shown_actions(window) == ["react", "reply", "more"]  # not ours: no edit
    bar = view.hover_bar
    assert bar.accessibleName() == "Message actions"
    assert [bar.buttons[a].accessibleName() for a in ("react", "reply", "more")] == [
        "React",
        "Reply",
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
    assert "edit" in shown_actions(window)  # ours
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
