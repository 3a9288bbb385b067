"""Reading: the message view's separators, groups, rich text, links, media, states, reactions."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QUrl
from pytestqt.qtbot import QtBot

from app import facts as f
from app.backend import Failure, FailureKind
from app.models import Attachment, ConversationId, ConversationKind, DeliveryState
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import run_core, save_screenshot
from tests.ui.helpers import T0, open_conv, room, row_layout, sign_in, wait_for, wait_rows
from tests.ui.waits import UI_WAIT_MS
from ui.main_window import MainWindow
from ui.models.message_model import (
    DayTextRole,
    DeliveryTextRole,
    GroupStartRole,
    ReplyTextRole,
    UnreadMarkerRole,
)


def layout_and_rect(window: MainWindow, row: int):  # type: ignore[no-untyped-def]
    return row_layout(window, row)


def click_part(qtbot: QtBot, window: MainWindow, row: int, point: QPoint) -> None:
    _, rect = layout_and_rect(window, row)
    qtbot.mouseClick(
        window.pane.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.topLeft() + point
    )


def test_day_separators_and_grouping(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    room(
        fake_server,
        "alice",
        "#tea",
        [("bob", "morning"), ("bob", "kettle on"), ("carol", "yes please")],
    )
    room(fake_server, "alice", "#tea", [("bob", "next day")], start=T0 + timedelta(days=1))
    open_conv(qtbot, window, ConversationId(account_id, "#tea"), rows=4)
    days = [window.pane.model.index(r).data(DayTextRole) for r in range(4)]
    groups = [window.pane.model.index(r).data(GroupStartRole) for r in range(4)]
    assert bool(days[0]) and not days[1] and not days[2] and bool(days[3])
    assert days[0] != days[3]
    assert groups == [True, False, True, True]


def test_rich_text_is_sanitised_and_links_open(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        "ui.message_actions.QDesktopServices.openUrl",
        lambda url: opened.append(QUrl(url).toString()),
    )
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver(
        "alice",
        "bob",
        "see https://example.org/docs",
        html='<b>see</b> <a href="https://example.org/docs">the docs</a><script>evil()</script>',
    )
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=1)
    msg = window.pane.model.message(0)
    assert msg.html is not None and "script" not in msg.html
    layout, _ = layout_and_rect(window, 0)
    doc = layout.document
    point = next(
        QPoint(x, y)
        for y in range(0, layout.body.height(), 2)
        for x in range(0, layout.body.width(), 3)
        if doc.documentLayout().anchorAt(QPointF(x, y))
    )
    click_part(qtbot, window, 0, layout.body.topLeft() + point)
    assert opened == ["https://example.org/docs"]


def test_plain_urls_become_links(qtbot: QtBot, window: MainWindow, fake_server: FakeServer) -> None:
    from ui.widgets.message_view import linkify

    assert linkify("a <b> https://x.org/p?q=1. done") == (
        'a &lt;b&gt; <a href="https://x.org/p?q=1">https://x.org/p?q=1</a>. done'
    )


@pytest.mark.parametrize("setting", ["always", "ask", "never"])
def test_images_follow_the_privacy_setting(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, setting: str, tmp_path: Path
) -> None:
    from PySide6.QtGui import QColor, QImage

    image = QImage(200, 120, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 30, 30))
    png = tmp_path / "cat.png"
    image.save(str(png))
    url = "https://files.fake.local/cat.png"
    fake_server.files[url] = png.read_bytes()
    account_id = sign_in(qtbot, window, fake_server)
    run_core(
        qtbot, window.bridge, window.bridge.core.preferences.set("privacy.remote_media", setting)
    )
    wait_for(qtbot, lambda: window.preferences.get("privacy.remote_media") == setting)
    fake_server.deliver(
        "alice",
        "bob",
        "",
        attachments=(Attachment(url, "cat.png", "image/png", len(fake_server.files[url])),),
    )
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=1)
    model = window.pane.model
    local_id = model.message(0).local_id
    if setting == "always":
        wait_for(qtbot, lambda: (s := model.download_state(local_id, 0)) and s.finished)
        layout, _ = layout_and_rect(window, 0)
        assert layout.attachments[0][3] is not None  # a thumbnail is drawn
        save_screenshot(window, "image-message")
        return
    qtbot.wait(100)
    assert model.download_state(local_id, 0) is None  # nothing fetched behind the user's back
    layout, _ = layout_and_rect(window, 0)
    assert "Download" in layout.attachments[0][2]
    click_part(qtbot, window, 0, layout.attachments[0][1].center())
    if setting == "never":
        # "Never" means never, even on a click: the click offers to change the setting.
        wait_for(qtbot, lambda: window.pane.messages.never_box is not None)
        box = window.pane.messages.never_box
        assert box is not None and "never to load images" in box.text()
        qtbot.wait(100)
        assert model.download_state(local_id, 0) is None
        change = next(b for b in box.buttons() if b.text().startswith("&Load when I ask"))
        change.click()
        wait_for(qtbot, lambda: window.preferences.get("privacy.remote_media") == "ask")
    wait_for(qtbot, lambda: (s := model.download_state(local_id, 0)) and s.finished)
    assert Path(model.download_state(local_id, 0).path).read_bytes() == png.read_bytes()


def test_failed_message_says_why_and_retries(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    conv = ConversationId(account_id, "bob")
    run_core(qtbot, window.bridge, window.bridge.core.conversations.open_direct(account_id, "bob"))
    open_conv(qtbot, window, conv)
    fake_server.send_failure = Failure(FailureKind.REJECTED, "Bob does not accept messages.")
    window.pane.composer_area.composer.setPlainText("hello?")
    window.pane.composer_area.composer.submit()
    wait_rows(qtbot, window, 1)
    wait_for(qtbot, lambda: window.pane.model.message(0).delivery is DeliveryState.FAILED)
    assert window.pane.model.index(0).data(DeliveryTextRole) == "not sent"
    layout, _ = layout_and_rect(window, 0)
    assert layout.failure is not None
    save_screenshot(window, "failed-message")
    click_part(qtbot, window, 0, layout.failure.center())
    wait_for(qtbot, lambda: window.pane.model.message(0).delivery is DeliveryState.SENT)
    assert [r.message.body for r in fake_server.sent] == ["hello?"]


def test_replies_are_quoted_and_edits_marked(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    first = fake_server.deliver(
        "alice", "bob", "Shall we meet at noon?", sender="bob", sender_name="Bob"
    )
    fake_server.deliver(
        "alice", "bob", "Or at one", sender="bob", sender_name="Bob", reply_to=first
    )
    fake_server.deliver("alice", "bob", "Shall we meet at 12:30?", sender="bob", replaces=first)
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=2)
    model = window.pane.model
    assert model.index(1).data(ReplyTextRole) == "Bob: Shall we meet at 12:30?"
    assert model.message(0).edited
    text = model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "edited" in text
    assert "in reply to Bob" in model.index(1).data(Qt.ItemDataRole.AccessibleTextRole)


def test_reaction_chips_toggle_our_reaction(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    rid = fake_server.deliver("alice", "bob", "Cake in the kitchen", sender="bob")
    fake_server.report("alice", f.ReactionChanged("bob", rid, "carol", "🎂"))
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=1)
    wait_for(qtbot, lambda: window.pane.model.message(0).reactions)
    layout, _ = layout_and_rect(window, 0)
    assert layout.reactions[0][2] == "🎂 1"
    click_part(qtbot, window, 0, layout.reactions[0][1].center())
    wait_for(qtbot, lambda: ("react", ("bob", rid, ("🎂",))) in fake_server.calls)
    wait_for(qtbot, lambda: window.pane.model.message(0).reactions[0].senders == ("carol", "alice"))
    assert "reactions, 🎂 2" in window.pane.model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)


def test_unread_marker_line_sits_above_the_first_new_message(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    conv = ConversationId(account_id, "bob")
    for i in range(3):
        fake_server.deliver("alice", "bob", f"old {i}", timestamp=T0 + timedelta(minutes=i))
    open_conv(qtbot, window, conv, rows=3)
    wait_for(qtbot, lambda: window.sidebar_model.conversation(conv).unread_count == 0)
    window.pane.open(None)
    for i in range(2):
        fake_server.deliver("alice", "bob", f"new {i}", timestamp=T0 + timedelta(minutes=10 + i))
    wait_for(qtbot, lambda: window.sidebar_model.conversation(conv).unread_count == 2)
    window.pane.open(conv)
    wait_rows(qtbot, window, 5)
    wait_for(qtbot, lambda: window.pane.model.index(3).data(UnreadMarkerRole))
    marks = [window.pane.model.index(r).data(UnreadMarkerRole) for r in range(5)]
    assert marks == [False, False, False, True, False]


def test_server_history_loads_with_a_progress_line(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.archive["#old"] = [
        f.MessageReceived(
            "#old",
            "dan",
            f"archived {i}",
            ConversationKind.GROUP,
            remote_id=f"a{i}",
            timestamp=T0 - timedelta(days=1, minutes=-i),
            history=True,
        )
        for i in range(30)
    ]
    room(fake_server, "alice", "#old", [("dan", "latest")])
    open_conv(qtbot, window, ConversationId(account_id, "#old"), rows=1)
    with qtbot.waitSignal(window.pane.model.loadingChanged, timeout=UI_WAIT_MS) as loading:
        window.pane.model.load_older()
    assert loading.args == [True]
    wait_rows(qtbot, window, 31)
    assert window.pane.model.message(0).body == "archived 0"
    assert window.pane.model.at_start
