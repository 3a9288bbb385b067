"""Shared steps for UI workflow tests: an account signed in, conversations filled, waiting."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from PySide6.QtCore import QBuffer, QByteArray, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app import facts as f
from app.models import (
    Account,
    Attachment,
    ConversationId,
    ConversationKind,
    Member,
    MessageKind,
    Role,
)
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import run_core
from tests.ui.waits import UI_WAIT_MS
from ui.dialogs.new_room_dialog import NewRoomDialog
from ui.dialogs.settings_dialog import SettingsDialog
from ui.main_window import MainWindow
from ui.widgets.message_view import MessageView

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


D = TypeVar("D", bound=QWidget)


def sign_in(qtbot: QtBot, window: MainWindow, server: FakeServer, user: str = "alice") -> str:
    password = server.passwords[user]
    account = run_core(
        qtbot,
        window.bridge,
        window.bridge.core.accounts.add_account("fake", {"user": user}, {"password": password}),
    )
    assert isinstance(account, Account)
    qtbot.waitUntil(lambda: user in server.online, timeout=5000)
    qtbot.waitUntil(lambda: window.pages.currentIndex() == MainWindow.PAGE_CHAT, timeout=5000)
    return account.id


def open_conv(
    qtbot: QtBot, window: MainWindow, conv: ConversationId, rows: int | None = None
) -> None:
    qtbot.waitUntil(
        lambda: window.sidebar_model.conversation_index(conv).isValid(), timeout=UI_WAIT_MS
    )
    window.sidebar.select_conversation(conv)
    if rows is not None:
        qtbot.waitUntil(lambda: window.pane.model.rowCount() == rows, timeout=UI_WAIT_MS)
    qtbot.waitUntil(
        lambda: window.pane.details is not None and window.pane.details.conversation.id == conv,
        timeout=UI_WAIT_MS,
    )


def room(
    server: FakeServer,
    user: str,
    name: str,
    lines: list[tuple[str, str]],
    start: datetime = T0,
    **extra: object,
) -> None:
    for i, (sender, body) in enumerate(lines):
        server.deliver(
            user,
            name,
            body,
            sender=sender,
            sender_name=sender.capitalize(),
            kind=ConversationKind.GROUP,
            timestamp=start + timedelta(minutes=i),
            **extra,
        )


def wait_rows(qtbot: QtBot, window: MainWindow, n: int) -> None:
    qtbot.waitUntil(lambda: window.pane.model.rowCount() == n, timeout=5000)


def focus(qtbot: QtBot) -> QWidget:
    """Where a key press goes: an open popup menu first, else the focused widget.

    The offscreen platform has no window manager: when a dialog or menu window is destroyed,
    nothing re-activates the main window (every real window manager does). Do what it would.
    """
    widget = QApplication.activePopupWidget() or QApplication.focusWidget()
    if widget is None:
        visible = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w.objectName() == "mainWindow"
        ]
        if visible:
            visible[0].activateWindow()
            qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
            widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(
    qtbot: QtBot, key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key press as a keyboard user makes it: to whatever has the focus."""
    qtbot.keyClick(focus(qtbot), key, mods)


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focus(qtbot), text)


def wait_for(qtbot: QtBot, predicate: Callable[[], object], timeout: int = UI_WAIT_MS) -> None:
    qtbot.waitUntil(lambda: bool(predicate()), timeout=timeout)


def shown_dialog(qtbot: QtBot, window: MainWindow, kind: type[D]) -> D:
    """The dialog of ``kind`` the window opened last, once it is shown and active (a window
    manager would activate it; the screen reader follows)."""
    wait_for(qtbot, lambda: isinstance(window.last_dialog, kind))
    found = window.last_dialog
    assert isinstance(found, kind)
    wait_for(qtbot, lambda: found.isVisible() and found.isActiveWindow())
    return found


def results_of(dialog: QDialog) -> list[int]:
    """The results the dialog finished with, recorded as it finishes: a closed dialog is
    deleted (it must not stay in the accessibility tree), so it cannot be asked afterwards."""
    results: list[int] = []
    dialog.finished.connect(results.append)
    return results


def row_data(window: MainWindow, row: int, role: int) -> object:
    index: QModelIndex = window.pane.model.index(row)
    return index.data(role)


def busy_group(
    server: FakeServer, account_id: str, reactions: tuple[str, str] = ("👍", "🎉")
) -> ConversationId:
    """#plants, a busy group for screenshots: a topic, six members with roles, 34 messages from
    several people over two days (ours among them), replies, reactions, an edit, an emote, a
    link, a mention and an image not loaded yet (remote media "ask")."""
    conv = ConversationId(account_id, "#plants")
    server.report(
        "alice",
        f.ConversationUpdated(
            "#plants", ConversationKind.GROUP, title="#plants", topic="Ferns, mosses, cacti"
        ),
    )
    people = [
        ("carol", Role.OWNER),
        ("dan", Role.MODERATOR),
        ("erin", Role.MEMBER),
        ("frank", Role.MEMBER),
        ("grace", Role.MEMBER),
        ("alice", Role.MEMBER),
    ]
    server.report(
        "alice",
        f.MembersChanged(
            "#plants",
            tuple(Member(conv, n, n.capitalize(), role=r) for n, r in people),
            complete=True,
        ),
    )
    chatter = [
        ("carol", "Morning all! The greenhouse is open today."),
        ("dan", "Is the watering rota up?"),
        ("carol", "On the board by the door."),
        ("erin", "I can take Tuesday and Thursday."),
        ("frank", "Wednesday for me."),
        ("grace", "Does anyone know why my calathea curls its leaves?"),
        ("dan", "Too little humidity, usually. Mist it or put it on a pebble tray."),
        ("grace", "Thanks, I will try the tray."),
        ("erin", "The seed swap is on Saturday, bring envelopes."),
        ("frank", "How many seeds per envelope?"),
        ("erin", "Ten or so; label them with the year."),
        ("carol", "And the variety, please, not just 'tomato'."),
        ("dan", "Ha, that was me last year."),
        ("grace", "Is anyone bringing cuttings?"),
        ("frank", "Pothos and a string of pearls."),
        ("carol", "Lovely."),
        ("erin", "Reminder: the compost bins are full."),
        ("dan", "I will turn them tomorrow."),
        ("grace", "Can I help? I want to learn how."),
        ("dan", "Sure, 9 o'clock."),
    ]
    rids: list[str] = []
    for i, (who, body) in enumerate(chatter):
        rids.append(
            server.deliver(
                "alice",
                "#plants",
                body,
                sender=who,
                sender_name=who.capitalize(),
                kind=ConversationKind.GROUP,
                timestamp=T0 + timedelta(minutes=7 * i),
            )
        )
    day2 = T0 + timedelta(days=1)
    later: list[tuple[str, str, dict[str, object]]] = [
        ("carol", "Good news: the fern society sent us spores.", {}),
        ("dan", "Which kinds?", {}),
        ("carol", "Maidenhair and hart's-tongue, details at https://ferns.example/spores", {}),
        ("alice", "I can sow them this weekend.", {"outgoing": True}),
        ("erin", "Use sterile compost, they mould easily.", {"reply_to": "alice-sow"}),
        ("frank", "waters the seedlings", {"kind": MessageKind.EMOTE}),
        ("grace", "Here is my calathea after a week on the tray:", {}),
        ("grace", "", {"image": True}),
        ("dan", "Much better!", {"reply_to": "grace-photo"}),
        ("carol", "alice, can you bring the spare trays?", {"mentions_me": True}),
        ("alice", "Yes, three of them.", {"outgoing": True}),
        ("erin", "See you all on Saturday then.", {}),
        ("frank", "Don't forget envelopes!", {}),
        ("grace", "Thanks everyone, this group is great.", {}),
    ]
    ids: dict[str, str] = {}
    for i, (who, body, extra) in enumerate(later):
        options: dict[str, object] = {
            k: v for k, v in extra.items() if k in ("outgoing", "kind", "mentions_me")
        }
        if "reply_to" in extra:
            options["reply_to"] = ids[str(extra["reply_to"])]
        if extra.get("image"):
            options["attachments"] = (
                Attachment(
                    "https://files.fake.local/calathea.jpg", "calathea.jpg", "image/jpeg", 240_000
                ),
            )
        rid = server.next_remote_id()
        server.report(
            "alice",
            f.MessageReceived(
                "#plants",
                who,
                body,
                ConversationKind.GROUP,
                sender_name=who.capitalize(),
                remote_id=rid,
                timestamp=day2 + timedelta(minutes=3 * i),
                **options,  # type: ignore[arg-type]
            ),
        )
        if who == "alice" and "sow" in body:
            ids["alice-sow"] = rid
        if extra.get("image"):
            ids["grace-photo"] = rid
        rids.append(rid)
    # Reactions on the photo and the mention, and an edit (the "(edited)" mark).
    photo = ids["grace-photo"]
    for who in ("carol", "dan", "erin"):
        server.report("alice", f.ReactionChanged("#plants", photo, who, reactions[0]))
    server.report("alice", f.ReactionChanged("#plants", photo, "frank", reactions[1]))
    server.report("alice", f.ReactionChanged("#plants", rids[-1], "carol", reactions[1]))
    server.deliver(
        "alice",
        "#plants",
        "Don't forget envelopes and labels!",
        sender="frank",
        sender_name="Frank",
        kind=ConversationKind.GROUP,
        timestamp=day2 + timedelta(minutes=40),
        replaces=rids[-2],
    )
    return conv


def png(color: str, size: tuple[int, int] = (64, 48)) -> bytes:
    """A picture of one colour, as PNG bytes (a face the fake service can serve)."""
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(data.data())


def add_account_as(
    qtbot: QtBot, window: MainWindow, server: FakeServer, protocol: str, user: str, name: str
) -> Account:
    """An account on the fake service posing as ``protocol`` (see ``services_window``)."""
    account = run_core(
        qtbot,
        window.bridge,
        window.bridge.core.accounts.add_account(
            protocol,
            {"user": user, "server": "example.org"},
            {"password": server.passwords[user]},
            display_name=name,
        ),
    )
    assert isinstance(account, Account)
    qtbot.waitUntil(lambda: user in server.online, timeout=UI_WAIT_MS)
    return account


def centre(image: QImage) -> str:
    return image.pixelColor(image.width() // 2, image.height() // 2).name()


def row_face(delegate: QStyledItemDelegate, view: QAbstractItemView, index: QModelIndex) -> str:
    """The centre colour of the picture a delegate gives a row (what it would draw)."""
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    delegate.initStyleOption(option, index)
    return centre(option.icon.pixmap(option.decorationSize).toImage())


def message_face(view: MessageView, row: int) -> str | None:
    """The colour painted at the centre of a message's face (None: the row has no face)."""
    index = view.model().index(row, 0)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    layout = view.message_delegate.layout_for(option, index)
    if layout is None or layout.face is None:
        return None
    shot = view.viewport().grab().toImage()
    ratio = shot.devicePixelRatio()
    point = option.rect.topLeft() + layout.face.center()
    return shot.pixelColor(round(point.x() * ratio), round(point.y() * ratio)).name()


def hover(qtbot: QtBot, window: MainWindow, row: int) -> None:
    """Move the pointer onto message ``row`` and wait for its hover bar."""
    hover_in(qtbot, window.pane.view, row)


def hover_in(qtbot: QtBot, view: MessageView, row: int) -> None:
    """Move the pointer onto message ``row`` of ``view`` and wait for its hover bar."""
    model = view.model()
    assert model is not None
    below = view.viewport().rect().bottomLeft() + QPoint(5, -5)  # below the messages

    def on_it() -> bool:
        shown = view.hover_bar.message
        wanted = model.message(row)  # type: ignore[attr-defined]
        if view.hover_bar.isVisible() and shown is not None and shown.local_id == wanted.local_id:
            return True
        # Where the row is now: rows laid out late (paced, or sized by estimate until in
        # sight) or grown by a reaction move the ones below them.
        rect = view.visualRect(model.index(row, 0))
        qtbot.mouseMove(view.viewport(), below)  # a move there, then onto the message
        qtbot.mouseMove(view.viewport(), rect.center())
        return False

    wait_for(qtbot, on_it)


def answer_next_box(qtbot: QtBot, button: QMessageBox.StandardButton) -> list[str]:
    """Answer the next message box (a modal one runs its own loop) and record its text."""
    seen: list[str] = []
    deadline = time.monotonic() + UI_WAIT_MS / 1000

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if time.monotonic() < deadline:  # (no box: the caller's wait fails, not this)
                QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, answer)
    return seen


def toggle_setting(
    qtbot: QtBot, window: MainWindow, name: str, accessible_name: str | None = None
) -> None:
    """Ctrl+, opens the settings; Tab to the check box (checking its accessible name when
    given); Space toggles it; Escape closes."""
    window.activateWindow()
    press(qtbot, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    wait_for(qtbot, lambda: isinstance(window.last_dialog, SettingsDialog))
    dialog = window.last_dialog
    wait_for(qtbot, lambda: dialog.isAncestorOf(focus(qtbot)))
    for _ in range(16):
        if focus(qtbot).objectName() == name:
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert focus(qtbot).objectName() == name
    if accessible_name is not None:
        assert focus(qtbot).accessibleName() == accessible_name
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Escape)
    wait_for(qtbot, lambda: not dialog.isVisible())


def open_new_room(qtbot: QtBot, window: MainWindow) -> NewRoomDialog:
    """The "new room" dialog, opened by its shortcut."""
    window.activateWindow()
    press(
        qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    wait_for(qtbot, lambda: isinstance(window.last_dialog, NewRoomDialog))
    dialog = window.last_dialog
    assert isinstance(dialog, NewRoomDialog)
    wait_for(qtbot, dialog.create_button.isEnabled)
    return dialog


def row_layout(window: MainWindow, row: int):  # type: ignore[no-untyped-def]
    """The delegate's layout of a row of the open conversation, and the row's rectangle."""
    view = window.pane.view
    index = window.pane.model.index(row)
    view.scrollTo(index)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    rect = view.visualRect(index)
    option.rect = rect
    return view.message_delegate.layout_for(option, index), rect


def poll_answer_point(window: MainWindow, row: int, text: str) -> QPoint:
    """Where a poll's answer ``text`` is drawn in the row (viewport coordinates): the first
    line of its paragraph (its bar is the second)."""
    layout, rect = row_layout(window, row)
    assert layout is not None and layout.document is not None
    cursor = layout.document.find(text)
    assert not cursor.isNull(), f"{text!r} is not drawn"
    block = layout.document.documentLayout().blockBoundingRect(cursor.block())
    first_line = cursor.block().layout().lineAt(0).rect()
    y = int(block.top() + first_line.center().y())
    return rect.topLeft() + layout.body.topLeft() + QPoint(12, y)


def text_point(document: QTextDocument, text: str) -> QPoint:
    """Where, in a row's document, a click lands on ``text`` (two characters into it)."""
    found = document.find(text)
    assert not found.isNull(), f"{text!r} is not in the document"
    block = found.block()
    at = found.selectionStart() + 2 - block.position()
    line = block.layout().lineForTextPosition(at)
    x, _ = line.cursorToX(at)
    y = block.layout().position().y() + line.y() + line.height() / 2
    return QPoint(int(x), int(y))
