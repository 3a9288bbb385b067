"""Polls in the message view: drawn with counts, bars and our choice, spoken, voted on by a
click on an answer and from the keyboard through the message's menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from app import facts as f
from app.models import ConversationId, Poll, PollAnswer
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import save_screenshot
from tests.ui.helpers import T0, open_conv, poll_answer_point, sign_in, wait_for
from ui.main_window import MainWindow

POLL = Poll(
    "Where do we eat?",
    (PollAnswer("n", "Noodles"), PollAnswer("t", "Tacos"), PollAnswer("s", "Salad")),
    disclosed=True,
)


def post_poll(fake_server: FakeServer, account_id: str) -> str:
    rid = fake_server.deliver(
        "alice", "bob", "Where do we eat?\n1. Noodles\n2. Tacos\n3. Salad", timestamp=T0
    )
    fake_server.report("alice", f.PollStarted("bob", rid, POLL))
    for who, answer in (("bob", "t"), ("carol", "t"), ("dan", "s")):
        fake_server.report("alice", f.PollVoted("bob", rid, who, T0, (answer,)))
    return rid


def test_a_poll_is_drawn_spoken_and_voted_on_by_click_and_keyboard(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    rid = post_poll(fake_server, account_id)
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=1)
    model = window.pane.model
    wait_for(qtbot, lambda: (p := model.message(0).poll) is not None and p.voters == 3)
    spoken = model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Poll, Where do we eat?" in spoken and "Tacos, 2 votes" in spoken
    assert "█" not in spoken  # the bars are drawn, not read out

    # A click on an answer votes for it; the tally and our mark follow.
    qtbot.mouseClick(
        window.pane.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=poll_answer_point(window, 0, "Salad"),
    )
    wait_for(qtbot, lambda: ("vote_poll", ("bob", rid, ("s",))) in fake_server.calls)
    wait_for(qtbot, lambda: (p := model.message(0).poll) is not None and p.mine == ("s",))
    assert "Salad, 2 votes, your choice" in model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    path = save_screenshot(window.pane.view, "poll_in_message_view")
    assert path.stat().st_size > 0

    # From the keyboard: the message's menu (Shift+F10), Vote, the first answer.
    view = window.pane.view
    view.setFocus()
    view.setCurrentIndex(model.index(0))
    qtbot.keyClick(view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    wait_for(qtbot, lambda: window.findChild(QMenu, "messageMenu") is not None)
    menu = window.findChild(QMenu, "messageMenu")
    wait_for(qtbot, lambda: menu.activeAction() is not None)
    assert menu.activeAction().text() == "&Vote"  # the first entry: said at once
    qtbot.keyClick(menu, Qt.Key.Key_Right)
    wait_for(qtbot, lambda: QApplication.activePopupWidget() not in (None, menu))
    submenu = QApplication.activePopupWidget()
    assert submenu is not None
    assert [a.text() for a in submenu.actions() if a.isCheckable()] == [
        "Noodles",
        "Tacos",
        "Salad",
    ]
    assert [a.isChecked() for a in submenu.actions() if a.isCheckable()] == [False, False, True]
    qtbot.keyClick(submenu, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: ("vote_poll", ("bob", rid, ("n",))) in fake_server.calls)
    wait_for(qtbot, lambda: (p := model.message(0).poll) is not None and p.mine == ("n",))


def test_an_ended_undisclosed_poll_shows_its_results_and_offers_no_vote(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    rid = fake_server.deliver("alice", "bob", "Secret?\n1. Yes\n2. No", timestamp=T0)
    secret = Poll("Secret?", (PollAnswer("y", "Yes"), PollAnswer("n", "No")))
    fake_server.report("alice", f.PollStarted("bob", rid, secret))
    fake_server.report("alice", f.PollVoted("bob", rid, "bob", T0, ("y",)))
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=1)
    model = window.pane.model
    wait_for(qtbot, lambda: (p := model.message(0).poll) is not None and p.voters == 1)
    spoken = model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Results will be shown when the poll ends" in spoken and "1 vote" not in spoken
    fake_server.report("alice", f.PollEnded("bob", rid, "bob", T0))
    wait_for(qtbot, lambda: (p := model.message(0).poll) is not None and p.ended)
    spoken = model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Yes, 1 vote" in spoken and "Poll ended" in spoken
    menu = window.pane.messages.message_menu(model.message(0))
    assert "vote" not in {a.data() for a in menu.actions()}


def test_a_poll_is_started_from_the_conversation_menu_with_the_keyboard(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "bob", "hello", timestamp=T0)
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=1)
    header = window.pane.header
    wait_for(qtbot, header.poll_action.isVisible)
    header.poll_action.trigger()
    wait_for(qtbot, lambda: window.pane.conversation_actions.poll_dialog is not None)
    dialog = window.pane.conversation_actions.poll_dialog
    assert dialog is not None
    wait_for(qtbot, lambda: dialog.isVisible() and dialog.isActiveWindow())
    qtbot.keyClicks(dialog.question, "Tea or coffee?")
    qtbot.keyClick(dialog.question, Qt.Key.Key_Tab)
    wait_for(qtbot, dialog.answers.hasFocus)
    qtbot.keyClicks(dialog.answers, "Tea")
    dialog.accept()  # one answer only: refused, said, and the answers get the focus back
    assert dialog.isVisible() and "between 2 and 20" in dialog.problem.text()
    qtbot.keyClick(dialog.answers, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.answers, "Coffee")
    qtbot.keyClick(dialog.answers, Qt.Key.Key_Tab)  # leaves the box: no tab typed
    assert "\t" not in dialog.answers.toPlainText()
    dialog.disclosed.setChecked(False)
    dialog.accept()
    wait_for(qtbot, lambda: window.pane.conversation_actions.poll_dialog is None)
    wait_for(
        qtbot,
        lambda: ("start_poll", ("bob", "Tea or coffee?", ("Tea", "Coffee"))) in fake_server.calls,
    )
