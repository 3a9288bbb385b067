"""How the main window looks with a busy group conversation: the screenshot of it, and the
same under a high-contrast palette, where every colour drawn must come from the palette."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app import events as ev
from app import facts as f
from app.models import ConversationId, ConversationKind, Member
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import has_event, save_screenshot
from tests.ui.helpers import busy_group, open_conv, room, sign_in, wait_for, wait_rows
from tests.ui.waits import UI_WAIT_MS
from ui.bridge import CoreBridge
from ui.main_window import MainWindow
from ui.models.message_model import ReplyTextRole
from ui.theme import is_high_contrast

ROWS = 34

BLACK, WHITE = QColor(0, 0, 0), QColor(255, 255, 255)
YELLOW, CYAN = QColor(255, 255, 0), QColor(0, 255, 255)


def high_contrast_palette() -> QPalette:
    """Like the desktops' "high contrast" themes: white on black, yellow selection."""
    p = QPalette()
    for role, colour in {
        QPalette.ColorRole.Window: BLACK,
        QPalette.ColorRole.WindowText: WHITE,
        QPalette.ColorRole.Base: BLACK,
        QPalette.ColorRole.AlternateBase: BLACK,
        QPalette.ColorRole.Text: WHITE,
        QPalette.ColorRole.Button: BLACK,
        QPalette.ColorRole.ButtonText: WHITE,
        QPalette.ColorRole.BrightText: WHITE,
        QPalette.ColorRole.Highlight: YELLOW,
        QPalette.ColorRole.HighlightedText: BLACK,
        QPalette.ColorRole.Link: CYAN,
        QPalette.ColorRole.LinkVisited: CYAN,
        QPalette.ColorRole.ToolTipBase: BLACK,
        QPalette.ColorRole.ToolTipText: WHITE,
        QPalette.ColorRole.PlaceholderText: WHITE,
        QPalette.ColorRole.Light: WHITE,
        QPalette.ColorRole.Midlight: WHITE,
        QPalette.ColorRole.Mid: WHITE,
        QPalette.ColorRole.Dark: WHITE,
        QPalette.ColorRole.Shadow: BLACK,
    }.items():
        p.setColor(role, colour)
    return p


def colours(widget: QWidget) -> Counter[int]:
    """How many pixels of each colour (0xRRGGBB) the widget shows."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(image.constBits())[: image.sizeInBytes()]
    return Counter(v & 0xFFFFFF for v in memoryview(data).cast("I"))


def foreign(histogram: Counter[int]) -> dict[str, int]:
    """Colours that are not a palette colour or a blend of two of them (antialiasing,
    selection): anything but grey (black to white), or a yellow or cyan hue."""
    found = {}
    for rgb, n in histogram.items():
        colour = QColor(rgb)
        if colour.hsvSaturation() < 40 or colour.value() < 40:
            continue  # black, white or a grey between them
        hue = colour.hsvHue()
        if abs(hue - 60) <= 8 or abs(hue - 180) <= 8:
            continue  # yellow (highlight) or cyan (links), or blends with them
        found[colour.name()] = n
    return found


def count(histogram: Counter[int], colour: QColor, tolerance: int = 10) -> int:
    target = colour.getRgb()[:3]
    return sum(
        n
        for rgb, n in histogram.items()
        if all(
            abs(a - b) <= tolerance for a, b in zip(QColor(rgb).getRgb()[:3], target, strict=True)
        )
    )


def show_busy_group(
    qtbot: QtBot, window: MainWindow, server: FakeServer, **options: object
) -> None:
    account_id = sign_in(qtbot, window, server)
    conv = busy_group(server, account_id, **options)  # type: ignore[arg-type]
    wait_for(
        qtbot,
        lambda: (c := window.sidebar_model.conversation(conv)) is not None and c.unread_count > 30,
    )
    server.deliver("alice", "bob", "are you at the greenhouse?", sender="bob", sender_name="Bob")
    open_conv(qtbot, window, conv)
    wait_rows(qtbot, window, ROWS)
    model = window.pane.model
    wait_for(qtbot, lambda: model.message(ROWS - 2).edited and model.message(ROWS - 1).reactions)
    wait_for(qtbot, lambda: window.sidebar_model.conversation(conv).unread_count == 0)
    header = window.pane.header
    wait_for(qtbot, lambda: "6 members" in header.info.text())
    header.members_button.click()
    wait_for(qtbot, lambda: window.pane.members.model.rowCount() == 6)
    view = window.pane.view
    wait_for(qtbot, lambda: view.verticalScrollBar().value() == view.verticalScrollBar().maximum())


def test_busy_group_conversation(qtbot: QtBot, window: MainWindow, fake_server: FakeServer) -> None:
    show_busy_group(qtbot, window, fake_server)
    model = window.pane.model
    senders = {model.message(r).sender for r in range(ROWS)}
    assert senders == {"carol", "dan", "erin", "frank", "grace", "alice"}
    replies = [t for r in range(ROWS) if (t := model.index(r).data(ReplyTextRole))]
    assert replies == ["Alice: I can sow them this weekend.", "Grace: calathea.jpg"]
    image = next(m for m in model.messages() if m.attachments)
    assert [(r.key, len(r.senders)) for r in image.reactions] == [("👍", 3), ("🎉", 1)]
    assert window.pane.header.topic.text() == "Ferns, mosses, cacti"
    assert window.pane.header.info.text() == "Not encrypted · 6 members"
    save_screenshot(window, "busy-group-conversation")


@pytest.fixture
def high_contrast(qapp: QApplication) -> Iterator[QPalette]:
    """The system's palette is a high-contrast one (set before the window starts, as the
    desktop would); the app's own palette comes back afterwards."""
    saved = QPalette(qapp.palette())
    palette = high_contrast_palette()
    qapp.setPalette(palette)
    try:
        yield palette
    finally:
        qapp.setPalette(saved)


@pytest.fixture
def hc_window(qtbot: QtBot, bridge: CoreBridge, high_contrast: QPalette) -> MainWindow:
    win = MainWindow(bridge)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(
        bridge.events, timeout=UI_WAIT_MS, check_params_cb=has_event(ev.CoreStarted)
    ):
        bridge.start()
    return win


def test_high_contrast_palette_is_used_everywhere(
    qtbot: QtBot, hc_window: MainWindow, fake_server: FakeServer, high_contrast: QPalette
) -> None:
    window = hc_window
    # Words, not emoji, for reactions here: a colour emoji font has colours of its own.
    show_busy_group(qtbot, window, fake_server, reactions=("+1", "yay"))
    assert window.theme is not None and window.theme.current == ("system", 100)
    view = window.pane.view
    view.setCurrentIndex(window.pane.model.index(ROWS - 4))  # a selected message, too
    wait_for(qtbot, lambda: view.verticalScrollBar().value() == view.verticalScrollBar().maximum())
    shot = save_screenshot(window, "high-contrast")
    assert shot.exists()

    messages = colours(view.viewport())
    sidebar = colours(window.sidebar.tree.viewport())
    # Backgrounds are the palette's Base, text its Text, the selection its Highlight.
    assert messages.most_common(1)[0][0] == BLACK.rgb() & 0xFFFFFF
    assert sidebar.most_common(1)[0][0] == BLACK.rgb() & 0xFFFFFF
    assert count(messages, WHITE) > 1500
    assert count(messages, YELLOW) > 2000  # the selected message
    assert count(messages, CYAN) > 50  # the link and the reply bars
    assert count(sidebar, YELLOW) > 1000  # selected #plants, bob's unread badge
    # And no colour anywhere that is not the palette's (or a blend of two of its colours).
    assert foreign(colours(window)) == {}


def test_member_count_is_shown_once_known_and_follows_the_list(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """No "0 members" while the service has not said who is there; then the count, kept
    current as people join (it was only read when the conversation was opened)."""
    account_id = sign_in(qtbot, window, fake_server)
    conv = ConversationId(account_id, "#quiet")
    room(fake_server, "alice", "#quiet", [("kim", "anyone here?")])
    open_conv(qtbot, window, conv, rows=1)
    info = window.pane.header.info
    wait_for(qtbot, lambda: info.text() == "Not encrypted")
    fake_server.report(
        "alice",
        f.MembersChanged(
            "#quiet", (Member(conv, "alice"), Member(conv, "kim", "Kim")), complete=True
        ),
    )
    wait_for(qtbot, lambda: info.text() == "Not encrypted · 2 members")
    fake_server.report("alice", f.MembersChanged("#quiet", (Member(conv, "lee"),)))
    wait_for(qtbot, lambda: info.text() == "Not encrypted · 3 members")
    fake_server.report(
        "alice", f.ConversationUpdated("#quiet", ConversationKind.GROUP, encrypted=True)
    )
    wait_for(qtbot, lambda: info.text() == "Encrypted · 3 members")
    assert "3 members" in window.pane.header.title.accessibleDescription()


def test_a_palette_changed_in_place_is_judged_again(qapp: QApplication) -> None:
    """The judgement is kept per palette (rows ask it on every paint); a palette whose colours
    change is a new palette to it, both ways."""
    palette = high_contrast_palette()
    assert is_high_contrast(palette)
    palette.setColor(QPalette.ColorRole.Base, QColor(30, 30, 30))  # an ordinary dark theme
    assert not is_high_contrast(palette)
    palette.setColor(QPalette.ColorRole.Base, BLACK)
    assert is_high_contrast(palette)
    assert not is_high_contrast(QPalette(QColor(240, 240, 240)))
