"""The patterns widgets follow: Tab order, list focus, named clear buttons, Tab into fields."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QListView,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui.a11y.speech import LiveNotice, Speech
from ui.a11y.widgets import (
    ListFocus,
    announce_on_tab,
    delete_when_closed,
    name_clear_button,
    tab_target,
)


def test_tab_target_skips_what_cannot_take_the_focus(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    a, b, c, d = (QPushButton(t) for t in "abcd")
    for w in (a, b, c, d):
        layout.addWidget(w)
    window.show()
    b.hide()
    c.setEnabled(False)
    order = [a, b, c, d]
    assert tab_target(order, a, True) is d
    assert tab_target(order, d, True) is a  # round and round
    assert tab_target(order, a, False) is d
    assert tab_target(order, None, True) is None


def test_list_focus_speaks_the_item_and_lets_only_the_focused_view_claim_it(
    qtbot: QtBot,
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    model = QStringListModel(["one", "two", "three"])
    view = QListView()
    view.setModel(model)
    other = QLineEdit()
    layout = QVBoxLayout(window)
    layout.addWidget(view)
    layout.addWidget(other)
    focus = ListFocus(view, lambda: model.index(2))
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.setFocus()
    qtbot.waitUntil(lambda: view.currentIndex().row() == 2)  # the fallback, selected
    assert view.selectionModel().isSelected(model.index(2))
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.currentIndex().row() == 1
    other.setFocus()
    qtbot.waitUntil(lambda: not view.currentIndex().isValid())  # no "focused" item left
    assert focus.current().row() == 1  # remembered
    assert view.selectionModel().isSelected(model.index(1))
    view.setFocus()
    qtbot.waitUntil(lambda: view.currentIndex().row() == 1)  # back where one was


def test_the_clear_button_is_named(qtbot: QtBot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.setAccessibleName("Search for")
    edit.setClearButtonEnabled(True)
    name_clear_button(edit)
    names = [b.accessibleName() for b in edit.findChildren(QToolButton)]
    assert names and all(n == "Clear Search for" for n in names)


def test_tab_into_a_field_does_not_select_its_text(qtbot: QtBot) -> None:
    """Orca 43 takes the select-all's caret event for the focus change and never says the
    field's name; without the select-all there is only the focus event."""
    window = QWidget()
    qtbot.addWidget(window)
    first, second, plain = QLineEdit(), QLineEdit("some text"), QLineEdit("other text")
    layout = QVBoxLayout(window)
    for edit in (first, second, plain):
        layout.addWidget(edit)
    announce_on_tab(second)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    qtbot.waitUntil(second.hasFocus)
    assert not second.hasSelectedText()
    qtbot.keyClick(second, Qt.Key.Key_Tab)
    qtbot.waitUntil(plain.hasFocus)
    assert plain.hasSelectedText()  # Qt's usual behaviour elsewhere


def test_a_closed_dialog_is_deleted(qtbot: QtBot, qapp: QApplication) -> None:
    dialog = QDialog()
    delete_when_closed(dialog)
    dialog.open()
    dialog.reject()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))


def test_notification_objects_when_the_reader_has_no_announcements(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    speech = Speech(window)  # no watch: announcements
    speech.say("as an announcement")
    assert window.findChildren(LiveNotice) == []

    class Orca43:
        class current:
            announcements = False

        def refresh(self) -> None:
            pass

    speech = Speech(window, Orca43())  # type: ignore[arg-type]
    for i in range(5):
        speech.say(f"notice {i}")
    qtbot.waitUntil(lambda: len(window.findChildren(LiveNotice)) == 2)  # old ones deleted
    notice = window.findChildren(LiveNotice)[-1]
    assert notice.accessibleName() == "notice 4" and notice.isVisible()
    iface = QAccessible.queryAccessibleInterface(notice)
    assert iface is not None and iface.role() == QAccessible.Role.Notification
    assert speech.ways == ["announcement", *["notification"] * 5][-len(speech.ways) :]
