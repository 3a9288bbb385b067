"""The unread count on the tray icon and in the window title, and what is announced to
assistive technology at each read-aloud level (all / mentions and direct / none).

The offscreen platform has no system tray, so the tray's content is checked through
:class:`TrayStatus`, which the real tray icon only mirrors."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from app.models import ConversationId, ConversationKind, NotifyLevel
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import run_core
from tests.ui.helpers import T0, open_conv, room, sign_in, wait_for
from ui.a11y import levels
from ui.main_window import MainWindow
from ui.notifications import TrayStatus, unread_label


def colour_count(image: QImage, colour: QColor) -> int:
    """Pixels of (nearly) exactly this colour."""
    found = 0
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() > 200 and all(
                abs(a - b) < 8 for a, b in zip(pixel.getRgb()[:3], colour.getRgb()[:3], strict=True)
            ):
                found += 1
    return found


def test_tray_and_title_follow_the_unread_count(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # why TrayStatus exists
    status = window.notifications.tray_status
    assert (status.count, status.tooltip, status.label) == (0, "Chinwag", "")
    alice = sign_in(qtbot, window, fake_server, "alice")
    bob = sign_in(qtbot, window, fake_server, "bob")
    fake_server.deliver("alice", "carol", "one", sender="carol")
    fake_server.deliver("alice", "carol", "two", sender="carol")
    room(fake_server, "alice", "#plants", [("dan", "ferns")])
    fake_server.deliver("bob", "erin", "hi bob", sender="erin")
    fake_server.deliver("bob", "erin", "still there?", sender="erin")
    wait_for(qtbot, lambda: status.count == 5)
    assert status.tooltip == "Chinwag — 5 unread"
    assert status.label == "5"
    assert window.windowTitle() == "(5) Chinwag"

    # Reading a conversation lowers both.
    open_conv(qtbot, window, ConversationId(alice, "carol"))
    wait_for(qtbot, lambda: status.count == 3)
    assert status.tooltip == "Chinwag — 3 unread"
    assert window.windowTitle() == "(3) carol — Chinwag"

    # Removing an account takes its unread messages away too (no ConversationsChanged then).
    run_core(
        qtbot, window.bridge, window.bridge.core.accounts.remove_account(bob, keep_history=False)
    )
    wait_for(qtbot, lambda: status.count == 1)
    assert status.tooltip == "Chinwag — 1 unread"  # the singular form
    assert window.windowTitle() == "(1) carol — Chinwag"

    open_conv(qtbot, window, ConversationId(alice, "#plants"))
    wait_for(qtbot, lambda: status.count == 0)
    assert (status.tooltip, status.label) == ("Chinwag", "")
    assert window.windowTitle() == "#plants — Chinwag"


def test_tray_icon_shows_the_count_in_the_palette_colours(qapp: QApplication) -> None:
    palette = QPalette(qapp.palette())
    palette.setColor(QPalette.ColorRole.Highlight, QColor(255, 255, 0))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor(0, 0, 0))
    status = TrayStatus()
    changes: list[int] = []
    status.changed.connect(lambda: changes.append(status.count))
    empty = status.icon(palette).pixmap(64, 64).toImage()
    assert colour_count(empty, QColor(255, 255, 0)) > 1000  # the bubble
    assert colour_count(empty, QColor(0, 0, 0)) == 0  # no text on it
    assert status.set_count(7) and not status.set_count(7)
    assert changes == [7]
    seven = status.icon(palette).pixmap(64, 64).toImage()
    assert colour_count(seven, QColor(0, 0, 0)) > 20  # "7" written in HighlightedText
    assert status.icon(palette) is status.icon(palette)  # drawn once per count and palette
    dark = QPalette(palette)
    dark.setColor(QPalette.ColorRole.Highlight, QColor(0, 0, 255))
    assert colour_count(status.icon(dark).pixmap(64, 64).toImage(), QColor(0, 0, 255)) > 1000
    assert [unread_label(n) for n in (0, 1, 999, 1000, 12345)] == ["", "1", "999", "999+", "999+"]


def test_announcements_follow_the_read_aloud_levels(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """Read aloud: every new message of the open conversation (unless it is set to "nothing");
    in the background, channels by default only when they mention us, direct messages always;
    each conversation and each account can be set otherwise. A direct message from Bob marks
    where each step ends."""
    alice = sign_in(qtbot, window, fake_server)
    crowd = ConversationId(alice, "#crowd")
    room(fake_server, "alice", "#crowd", [("x", "chatter")])
    open_conv(qtbot, window, crowd)
    window.announcer.paced = False  # what is said, not when (pacing: tests/unit/ui/a11y)
    spoken = window.announcer.spoken
    when = iter(T0 + timedelta(days=400, minutes=i) for i in range(100))

    def group_message(body: str, mention: bool = False) -> None:
        fake_server.deliver(
            "alice",
            "#crowd",
            body,
            sender="yan",
            sender_name="Yan",
            kind=ConversationKind.GROUP,
            mentions_me=mention,
            timestamp=next(when),
        )

    def marker(text: str) -> None:
        """A direct message in another conversation: announced, and after what came before."""
        fake_server.deliver("alice", "bob", text, sender="bob", sender_name="Bob")
        wait_for(qtbot, lambda: f"Private message from Bob, {text}." in " ".join(spoken))

    # The open channel: every message, though channels notify only on mentions.
    wait_for(qtbot, lambda: window.sidebar_model.conversation(crowd) is not None)
    assert window.sidebar_model.conversation(crowd).notify is NotifyLevel.MENTIONS
    assert window.pane.header.announce_actions[""].isChecked()  # like the account
    spoken.clear()
    group_message("just chatting")
    wait_for(qtbot, lambda: any("Yan, just chatting." in s for s in spoken))

    # "Nothing" for this conversation: not even a mention.
    window.pane.header.announce_actions[NotifyLevel.NONE.value].trigger()
    wait_for(
        qtbot, lambda: levels.own_level(window.preferences.values(), crowd) is NotifyLevel.NONE
    )
    spoken.clear()
    group_message("alice?", mention=True)
    group_message("more chatter")
    marker("ping")
    assert not any("Yan" in s for s in spoken)

    # Back to the account's default, and the channel in the background: mentions only.
    window.pane.header.announce_actions[""].trigger()
    wait_for(qtbot, lambda: levels.own_level(window.preferences.values(), crowd) is None)
    open_conv(qtbot, window, ConversationId(alice, "bob"))
    spoken.clear()
    group_message("background chatter")
    group_message("alice, look at this", mention=True)
    marker("pong")
    said = " ".join(spoken)
    assert "Yan mentioned you in #crowd, alice, look at this." in said
    assert "background chatter" not in said

    # The account's default raised to every message: background chatter is read too.
    run_core(
        qtbot,
        window.bridge,
        window.bridge.core.preferences.set(levels.account_key(alice), NotifyLevel.ALL.value),
    )
    wait_for(qtbot, lambda: levels.account_level(window.preferences.values(), alice).value == "all")
    spoken.clear()
    group_message("all of it now")
    marker("bye")
    assert "Yan in #crowd, all of it now." in " ".join(spoken)
