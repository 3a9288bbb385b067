"""Accessibility in the window (offscreen, fake service): what a message's accessible name says
and in which order (the person's choice, previewed in Settings), screen-reader mode and its
offer, search and the quick switcher by keyboard, messages as keyboard objects, a sidebar that
holds still under the focus and the pointer, notices spoken. What Orca really says is in
tests/a11y/."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from app.models import Attachment, ConversationId, ConversationKind
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import run_core, save_screenshot
from tests.ui.helpers import T0, focus, open_conv, press, room, sign_in, type_text, wait_for
from ui.a11y.mode import EFFECTS, SCREEN_READER_MODE, ScreenReaderOffer
from ui.a11y.probe import AssistiveTech
from ui.a11y.verbosity import MESSAGE_PARTS, TIME, Verbosity, spoken_time
from ui.dialogs.quick_switcher import QuickSwitcher
from ui.dialogs.search_dialog import SearchDialog, highlighted
from ui.dialogs.settings_dialog import SettingsDialog
from ui.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def set_pref(qtbot: QtBot, window: MainWindow, key: str, value: object) -> None:
    run_core(qtbot, window.bridge, window.bridge.core.preferences.set(key, value))
    wait_for(qtbot, lambda: window.preferences.get(key) == value)


def accessible(window: MainWindow, row: int) -> str:
    return str(window.pane.model.index(row).data(Qt.ItemDataRole.AccessibleTextRole))


def test_the_message_name_follows_the_chosen_parts_and_order(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    alice = sign_in(qtbot, window, fake_server)
    first = fake_server.deliver("alice", "bob", "Lunch?", sender="bob", sender_name="Bob")
    fake_server.deliver(
        "alice", "bob", "\n\nAt one", sender="bob", sender_name="Bob", reply_to=first
    )
    open_conv(qtbot, window, ConversationId(alice, "bob"), rows=2)
    time_words = spoken_time(window.pane.model.message(1).timestamp)  # today: no day
    assert accessible(window, 1) == f"Bob, At one. in reply to Bob, Lunch? {time_words}"
    # The time first, then the text; no sender, no reply: a body that started with blank
    # lines (a stripped reply quote) must not make the name start with a newline.
    order = Verbosity.to_preference(
        ["time", "text", "sender", "reply"], {"time": True, "text": True}
    )
    set_pref(qtbot, window, MESSAGE_PARTS, order)
    wait_for(qtbot, lambda: accessible(window, 1) == f"{time_words}. At one")


def test_settings_preview_and_keyboard_order(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    sign_in(qtbot, window, fake_server)
    window.open_settings()
    dialog = window.last_dialog
    assert isinstance(dialog, SettingsDialog)
    page = dialog.accessibility
    dialog.tabs.setCurrentWidget(page)
    assert page.preview.toPlainText().startswith("Bob, Lunch at noon?")
    page.parts.setFocus()
    page.parts.setCurrentRow(page.order().index(TIME))
    for _ in range(len(page.order())):  # Alt+Up takes the time to the top
        qtbot.keyClick(page.parts, Qt.Key.Key_Up, ALT)
    assert page.order()[0] == TIME
    wait_for(qtbot, lambda: Verbosity.order_of(window.preferences.get(MESSAGE_PARTS))[0] == TIME)
    lead = page.preview.toPlainText().split(". ")[0]
    assert lead.replace(" ", "").isdigit() or lead.endswith("M")  # "12 05" or "12 05 PM"
    sender = page.parts.item(page.order().index("sender"))
    sender.setCheckState(Qt.CheckState.Unchecked)
    wait_for(qtbot, lambda: "Bob" not in page.preview.toPlainText())
    wait_for(
        qtbot,
        lambda: (
            "sender" not in Verbosity.from_preference(window.preferences.get(MESSAGE_PARTS)).parts
        ),
    )
    assert page.order()[0] == TIME  # the echoes of the moves did not undo anything
    assert any("Preview, " in s for s in window.announcer._texts.values()) or any(
        "Preview, " in s for s in window.announcer.spoken
    )
    save_screenshot(dialog, "settings-accessibility")


def test_screen_reader_mode_is_offered_once_and_turned_on(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    alice = sign_in(qtbot, window, fake_server)
    room(fake_server, "alice", "#crowd", [("x", "chatter")])
    open_conv(qtbot, window, ConversationId(alice, "#crowd"))
    fake_server.deliver("alice", "bob", "psst", sender="bob")
    wait_for(qtbot, lambda: window.windowTitle().startswith("(1) #crowd"))
    watch = window.assistive_tech
    watch.current = AssistiveTech(screen_reader=True, announcements=False, known=True)
    watch.changed.emit(watch.current)  # a screen reader shows up
    wait_for(qtbot, lambda: isinstance(window.last_dialog, ScreenReaderOffer))
    offer = window.last_dialog
    assert offer.turn_on.isDefault()
    wait_for(qtbot, offer.turn_on.hasFocus)
    save_screenshot(offer, "screen-reader-offer")
    offer.turn_on.click()
    wait_for(qtbot, lambda: window.preferences.get(SCREEN_READER_MODE) is True)
    wait_for(qtbot, lambda: TIME not in window.pane.model._verbosity.parts)
    assert not shiboken6.isValid(offer) or not offer.isVisible()
    assert window.windowTitle() == "#crowd — Chinwag"  # no count: each change would be read
    assert not any(QApplication.isEffectEnabled(e) for e in EFFECTS)
    watch.changed.emit(watch.current)  # asked once only
    qtbot.wait(50)
    assert not any(isinstance(w, ScreenReaderOffer) for w in QApplication.topLevelWidgets())
    set_pref(qtbot, window, SCREEN_READER_MODE, False)
    wait_for(qtbot, lambda: window.windowTitle() == "(1) #crowd — Chinwag")


def test_search_goes_to_highlighted_results_by_keyboard(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    alice = sign_in(qtbot, window, fake_server)
    room(fake_server, "alice", "#plants", [("dan", "The fern needs water"), ("erin", "ok")])
    open_conv(qtbot, window, ConversationId(alice, "#plants"), rows=2)
    window.activateWindow()
    press(qtbot, Qt.Key.Key_F, CTRL | Qt.KeyboardModifier.ShiftModifier)
    wait_for(qtbot, lambda: isinstance(window.last_dialog, SearchDialog))
    dialog = window.last_dialog
    wait_for(qtbot, lambda: focus(qtbot) is dialog.query)
    type_text(qtbot, "fern")
    press(qtbot, Qt.Key.Key_Down)  # runs the search now and follows to the results
    wait_for(qtbot, lambda: focus(qtbot) is dialog.results)
    assert dialog.results.currentIndex().row() == 0
    assert dialog.results.selectionModel().isSelected(dialog.model.index(0))
    spoken = dialog.model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Dan in #plants, alice, ") and spoken.endswith(
        ". The fern needs water"
    )
    assert ":" not in spoken
    assert highlighted("The Fern & the fern", ["fern"]) == ("The <b>Fern</b> &amp; the <b>fern</b>")
    save_screenshot(dialog, "search-highlighted")
    press(qtbot, Qt.Key.Key_Escape)


def test_quick_switcher_speaks_its_matches_and_moves_into_the_list(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    sign_in(qtbot, window, fake_server)
    for name in ("carol", "carlos", "dan"):
        fake_server.deliver("alice", name, "hi", sender=name)
    wait_for(qtbot, lambda: len(window.sidebar.conversation_order()) == 3)
    window.announcer.paced = False
    window.activateWindow()
    press(qtbot, Qt.Key.Key_K, CTRL)
    wait_for(qtbot, lambda: isinstance(window.last_dialog, QuickSwitcher))
    switcher = window.last_dialog
    wait_for(qtbot, lambda: focus(qtbot) is switcher.filter)
    type_text(qtbot, "car")
    wait_for(
        qtbot,
        lambda: any("2 conversations found, first car" in s for s in window.announcer.spoken),
    )
    press(qtbot, Qt.Key.Key_Down)
    assert focus(qtbot) is switcher.list and switcher.list.currentIndex().row() == 0
    press(qtbot, Qt.Key.Key_Down)
    assert switcher.list.currentIndex().row() == 1
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Up)  # from the top: back to the name field
    assert focus(qtbot) is switcher.filter
    press(qtbot, Qt.Key.Key_Down)
    type_text(qtbot, "l")  # typing in the list goes on in the field
    assert focus(qtbot) is switcher.filter and switcher.filter.text() == "carl"
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: window.pane.conversation is not None)
    assert window.pane.conversation.native_id == "carlos"
    wait_for(qtbot, lambda: not shiboken6.isValid(switcher))  # a closed dialog is gone
    assert window.pane.composer_area.composer.accessibleName() == "Message to carlos"
    assert window.pane.view.accessibleName() == "Messages in carlos"


def test_messages_are_keyboard_objects(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, tmp_path: Path
) -> None:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor(20, 120, 20))
    png = tmp_path / "leaf.png"
    image.save(str(png))
    url = "https://files.fake.local/leaf.png"
    fake_server.files[url] = png.read_bytes()
    alice = sign_in(qtbot, window, fake_server)
    for i in range(3):
        fake_server.deliver(
            "alice", "bob", f"note {i}", sender="bob", timestamp=T0 + timedelta(minutes=i)
        )
    fake_server.deliver(
        "alice",
        "bob",
        "",
        sender="bob",
        timestamp=T0 + timedelta(minutes=9),
        attachments=(Attachment(url, "leaf.png", "image/png", len(fake_server.files[url])),),
    )
    open_conv(qtbot, window, ConversationId(alice, "bob"), rows=4)
    view, model = window.pane.view, window.pane.model
    window.announcer.paced = False
    window.activateWindow()
    view.setFocus()
    wait_for(qtbot, lambda: focus(qtbot) is view)
    press(qtbot, Qt.Key.Key_Home)
    assert view.currentIndex().row() == 0
    press(qtbot, Qt.Key.Key_End)
    assert view.currentIndex().row() == 3
    press(qtbot, Qt.Key.Key_Return)  # Enter on an attachment: fetched, then opened
    local_id = model.message(3).local_id
    wait_for(qtbot, lambda: (s := model.download_state(local_id, 0)) is not None and s.finished)
    press(qtbot, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)  # its actions
    wait_for(qtbot, lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert menu.activeAction() is menu.actions()[0]  # highlighted: a screen reader says it
    press(qtbot, Qt.Key.Key_Escape)
    wait_for(qtbot, lambda: QApplication.activePopupWidget() is None)
    wait_for(qtbot, lambda: focus(qtbot) is view)
    press(qtbot, Qt.Key.Key_T, CTRL)  # when was it sent?
    wait_for(qtbot, lambda: any(s.startswith("Sent on ") for s in window.announcer.spoken))
    assert ":" not in window.announcer.spoken[-1]


def test_the_sidebar_holds_still_under_focus_and_pointer(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    alice = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "older", "a", sender="older", timestamp=T0)
    fake_server.deliver("alice", "newer", "b", sender="newer", timestamp=T0 + timedelta(hours=1))
    wait_for(qtbot, lambda: len(window.sidebar.conversation_order()) == 2)

    def order() -> list[str]:
        return [c.native_id for c in window.sidebar.conversation_order()]

    assert order() == ["newer", "older"]
    window.activateWindow()
    window.sidebar.tree.setFocus()
    wait_for(qtbot, window.sidebar.tree.hasFocus)
    fake_server.deliver("alice", "older", "c", sender="older", timestamp=T0 + timedelta(hours=2))
    wait_for(
        qtbot,
        lambda: window.sidebar_model.conversation(ConversationId(alice, "older")).unread_count == 2,
    )
    assert order() == ["newer", "older"]  # not under the focus
    window.sidebar.filter.setFocus()
    wait_for(qtbot, lambda: order() == ["older", "newer"])  # the focus moved on: now

    viewport = window.sidebar.tree.viewport()
    QApplication.sendEvent(viewport, QEvent(QEvent.Type.Enter))
    fake_server.deliver("alice", "newer", "d", sender="newer", timestamp=T0 + timedelta(hours=3))
    wait_for(
        qtbot,
        lambda: window.sidebar_model.conversation(ConversationId(alice, "newer")).unread_count == 2,
    )
    assert order() == ["older", "newer"]  # not under the pointer
    QApplication.sendEvent(viewport, QEvent(QEvent.Type.Leave))
    wait_for(qtbot, lambda: order() == ["newer", "older"])


def test_notices_and_background_messages_are_spoken(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    alice = sign_in(qtbot, window, fake_server)
    bob = sign_in(qtbot, window, fake_server, "bob")
    room(fake_server, "alice", "#crowd", [("x", "chatter")])
    open_conv(qtbot, window, ConversationId(alice, "#crowd"))
    window.announcer.paced = False
    window.notices.show_notice("The server went away", "error")
    wait_for(qtbot, lambda: "Error, The server went away." in " ".join(window.announcer.spoken))
    # Two accounts: the account is named with what comes in the background.
    fake_server.deliver("bob", "erin", "hi bob", sender="erin", sender_name="Erin")
    wait_for(
        qtbot,
        lambda: "Private message from Erin on bob, hi bob." in " ".join(window.announcer.spoken),
    )
    assert bob
    fake_server.deliver(
        "alice",
        "#crowd",
        "in the open one",
        sender="y",
        sender_name="Yan",
        kind=ConversationKind.GROUP,
        timestamp=T0 + timedelta(days=400),
    )
    wait_for(qtbot, lambda: "Yan, in the open one." in " ".join(window.announcer.spoken))
