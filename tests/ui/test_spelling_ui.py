"""Spell check in the composer, with the real en_US Hunspell dictionary through Enchant:
misspelled words underlined (links, mentions, code and emoji left alone), suggestions in the
context menu that replace the word, a personal word list that outlives the widget, a language
per conversation kept with the conversation, the preference that turns it off, and a menu that
says why when nothing can be checked."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QPainter,
    QPalette,
    QPixmap,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from app.models import ConversationId
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import SCREENSHOTS, run_core
from tests.ui.helpers import open_conv, sign_in, toggle_setting, wait_for
from ui.main_window import MainWindow
from ui.preferences import SPELL_CHECK
from ui.theme import dark_palette, high_contrast_palette, misspelling_colour
from ui.widgets.composer import Composer
from ui.widgets.spelling import ComposerSpelling, SpellChecker, language_label, words

UNDERLINE = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


def underlined(composer: Composer) -> list[str]:
    """The words drawn with the spell-check underline, in order."""
    found = []
    block = composer.document().begin()
    while block.isValid():
        text = block.text()
        units = text.encode("utf-16-le")
        for r in block.layout().formats():
            if r.format.underlineStyle() == UNDERLINE:
                found.append(units[2 * r.start : 2 * (r.start + r.length)].decode("utf-16-le"))
        block = block.next()
    return found


def make_composer(
    qtbot: QtBot, words_file: Path, chosen: list[str] | None = None
) -> tuple[Composer, ComposerSpelling]:
    composer = Composer()
    qtbot.addWidget(composer)
    spelling = ComposerSpelling(
        composer, SpellChecker(words_file), (chosen if chosen is not None else []).append
    )
    spelling.ui_locale = "en_US"
    spelling.apply(enabled=True, choice="")
    composer.show()
    return composer, spelling


def open_menu_at(qtbot: QtBot, composer: Composer, word: str) -> QMenu:
    """The composer's context menu, opened from the keyboard with the text cursor in ``word``."""
    cursor = composer.textCursor()
    text = composer.toPlainText()
    cursor.setPosition(len(text[: text.index(word)].encode("utf-16-le")) // 2 + 1)
    composer.setTextCursor(cursor)
    composer.setFocus()
    rect = composer.cursorRect()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, rect.center(), composer.mapToGlobal(rect.center())
    )
    QApplication.sendEvent(composer.viewport(), event)
    wait_for(qtbot, lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def close_menus(qtbot: QtBot) -> None:
    while (popup := QApplication.activePopupWidget()) is not None:
        popup.close()
    wait_for(qtbot, lambda: QApplication.activePopupWidget() is None)


def suggestion_menu(qtbot: QtBot, composer: Composer, word: str, label: str) -> QAction:
    """The action called ``label`` in the spelling submenu of ``word``."""
    sub = open_menu_at(qtbot, composer, word).actions()[0].menu()
    assert isinstance(sub, QMenu)
    return next(a for a in sub.actions() if a.text() == label)


def composite(window: QWidget, *popups: QWidget) -> QPixmap:
    """The window with its open popups drawn where they are (a grab shows the window only)."""
    area = QRect(QPoint(0, 0), window.size())
    placed = [(window.mapFromGlobal(p.mapToGlobal(QPoint(0, 0))), p.grab()) for p in popups]
    for pos, picture in placed:
        area = area.united(QRect(pos, picture.size()))
    canvas = QPixmap(area.size())
    canvas.fill(window.palette().color(QPalette.ColorRole.Window))
    painter = QPainter(canvas)
    painter.drawPixmap(-area.topLeft(), window.grab())
    for pos, picture in placed:
        painter.drawPixmap(pos - area.topLeft(), picture)
    painter.end()
    return canvas


def texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_words_worth_checking_leave_out_links_mentions_code_and_numbers() -> None:
    line = "see https://exmple.org/pathh and @alise in #chanel, `fnord()` or mail bob@exmple.org"
    assert [w for _i, w in words(line)] == ["see", "and", "in", "or", "mail"]
    assert [w for _i, w in words("it's 3rd of x2 don’t my_var")] == ["it's", "of", "don’t"]


def test_the_underline_colour_follows_the_theme(qtbot: QtBot) -> None:
    light = QApplication.style().standardPalette()
    light.setColor(QPalette.ColorRole.Base, QColor(250, 250, 250))
    light.setColor(QPalette.ColorRole.Text, QColor(20, 20, 20))
    dark, contrast = dark_palette(), high_contrast_palette()
    assert misspelling_colour(light).red() > 150 and misspelling_colour(light).green() < 80
    assert misspelling_colour(dark).lightness() > misspelling_colour(light).lightness()
    assert misspelling_colour(contrast) == contrast.color(QPalette.ColorRole.Text)


def test_the_default_follows_the_ui_locale(tmp_path: Path) -> None:
    checker = SpellChecker(tmp_path / "words.txt")
    assert {"en_US", "de_DE", "fr_FR", "es_ES"} <= set(checker.languages())
    assert checker.default_language("de_DE") == "de_DE"
    assert checker.default_language("de_AT") == "de_DE"  # no Austrian one: German
    assert checker.default_language("es_419") == "es_ES"
    assert checker.default_language("ja_JP") == "en_US"  # none for Japanese here
    assert checker.default_language("C") == "en_US"
    assert language_label("de_DE") == "Deutsch (Deutschland)"
    assert language_label("fr") == "français"


def test_a_misspelled_word_is_underlined_and_replaced_from_the_menu(
    qtbot: QtBot, tmp_path: Path
) -> None:
    composer, spelling = make_composer(qtbot, tmp_path / "words.txt")
    assert spelling.language == "en_US"
    composer.setPlainText(
        "I recieve 🎉 mesages from @alise at https://exmple.org/pathh `fnord` 👍🏽\n"
        "```\nnot chekced in code\n```\nbut agian here"
    )
    # (Enchant and the dictionary load on a worker thread, then the text is checked)
    wait_for(qtbot, lambda: underlined(composer) == ["recieve", "mesages", "agian"])  # after 🎉 too

    menu = open_menu_at(qtbot, composer, "mesages")
    heading = menu.actions()[0]
    assert heading.text() == "&Spelling: 5 suggestions for “mesages”"  # read first
    assert menu.activeAction() is heading  # opened by keyboard: highlighted at once
    assert texts(menu)[-1] == "S&pelling language"  # the language submenu, last
    sub = heading.menu()
    labels = texts(sub)
    suggestions = labels[:5]
    assert "messages" in suggestions
    assert labels[5:] == ["&Add “mesages” to the dictionary", "&Ignore “mesages”"]
    next(a for a in sub.actions() if a.text() == "messages").trigger()
    close_menus(qtbot)
    assert "🎉 messages from" in composer.toPlainText()
    assert underlined(composer) == ["recieve", "agian"]

    suggestion_menu(qtbot, composer, "agian", "&Ignore “agian”").trigger()
    close_menus(qtbot)
    assert underlined(composer) == ["recieve"]

    # The conversation's members' names are never marked.
    composer.setPlainText("ask Zorblatt Quux")
    assert underlined(composer) == ["Zorblatt", "Quux"]
    spelling.highlighter.set_known(["Zorblatt Quux", "@dan:example.org"])
    assert underlined(composer) == []
    composer.setPlainText("recieve messages from me")

    menu = open_menu_at(qtbot, composer, "from")  # a right word: no spelling part
    assert not any(t.startswith("Spelling") for t in texts(menu))
    close_menus(qtbot)


def test_enchant_and_the_dictionary_load_off_the_ui_thread(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first keystroke does not wait for Enchant (50-150 ms): it loads on a worker thread,
    the composer takes keys meanwhile, and the text is checked once the dictionary is open."""
    loading: list[threading.Thread] = []
    release = threading.Event()
    load = SpellChecker._load_enchant

    def slow_load(checker: SpellChecker) -> None:
        loading.append(threading.current_thread())
        assert release.wait(30)  # held until the test has typed on
        load(checker)

    monkeypatch.setattr(SpellChecker, "_load_enchant", slow_load)
    composer, spelling = make_composer(qtbot, tmp_path / "words.txt")
    composer.setFocus()
    qtbot.keyClicks(composer, "recieve")
    wait_for(qtbot, lambda: len(loading) == 1)
    assert loading[0] is not threading.main_thread()
    qtbot.keyClicks(composer, " mesages")  # the UI thread is free while Enchant loads
    assert composer.toPlainText() == "recieve mesages"
    assert underlined(composer) == [] and not spelling.checker.loaded
    release.set()
    wait_for(qtbot, lambda: underlined(composer) == ["recieve", "mesages"])
    assert len(loading) == 1  # one load, however many keys came meanwhile


def test_added_words_persist_across_a_restart_of_the_widget(qtbot: QtBot, tmp_path: Path) -> None:
    words_file = tmp_path / "data" / "personal-words.txt"
    composer, _spelling = make_composer(qtbot, words_file)
    composer.setPlainText("Zorblatt is grate")
    wait_for(qtbot, lambda: underlined(composer) == ["Zorblatt"])
    suggestion_menu(qtbot, composer, "Zorblatt", "&Add “Zorblatt” to the dictionary").trigger()
    close_menus(qtbot)
    assert "Zorblatt" not in underlined(composer)
    assert "Zorblatt" in words_file.read_text(encoding="utf-8").split()
    composer.close()  # (qtbot deletes it at the end of the test)

    again, _spelling = make_composer(qtbot, words_file)  # a new checker reads the list
    again.setPlainText("Zorblatt and Zorblattt")
    wait_for(qtbot, lambda: underlined(again) == ["Zorblattt"])


def test_an_unwritable_word_list_is_logged_and_the_word_accepted_for_the_session(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be")
    checker = SpellChecker(blocker / "personal-words.txt")
    assert not checker.add("Zorblatt")
    assert "personal word list was not written" in caplog.text
    assert checker.check("en_US", "Zorblatt")  # accepted until the app quits
    assert not checker.check("en_US", "Zorblattt")


def test_without_enchant_the_menu_says_why(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "enchant", None)  # import enchant raises ImportError
    composer, spelling = make_composer(qtbot, tmp_path / "words.txt")
    composer.setPlainText("nothing is chekced")
    assert spelling.language is None and underlined(composer) == []
    menu = open_menu_at(qtbot, composer, "chekced")
    sub = next(a.menu() for a in menu.actions() if a.menu() is not None)
    assert texts(sub) == ["Spell check is unavailable: Enchant is not installed."]
    assert not sub.actions()[0].isEnabled()
    close_menus(qtbot)


def test_without_dictionaries_the_menu_says_why(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SpellChecker, "languages", lambda _self: [])
    composer, spelling = make_composer(qtbot, tmp_path / "words.txt")
    assert spelling.language is None
    composer.setPlainText("nothing is chekced")
    menu = open_menu_at(qtbot, composer, "chekced")
    sub = next(a.menu() for a in menu.actions() if a.menu() is not None)
    assert texts(sub) == ["Spell check is unavailable: no dictionaries are installed."]
    close_menus(qtbot)


def language_action(qtbot: QtBot, window: MainWindow, label: str) -> None:
    composer = window.pane.composer_area.composer
    menu = open_menu_at(qtbot, composer, composer.toPlainText().split()[-1])
    sub = menu.actions()[-1].menu()
    assert sub is not None and sub.title() == "S&pelling language"
    next(a for a in sub.actions() if a.text() == label).trigger()
    close_menus(qtbot)


def test_the_language_is_remembered_per_conversation_and_the_preference_turns_it_off(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "bob", "hallo", sender="bob")
    fake_server.deliver("alice", "carol", "hello", sender="carol")
    bob, carol = ConversationId(account_id, "bob"), ConversationId(account_id, "carol")
    pane = window.pane
    composer = pane.composer_area.composer
    spelling = pane.spelling.composers[0]
    spelling.ui_locale = "en_US"  # the default (the test machine's locale is C)
    open_conv(qtbot, window, bob, rows=1)
    window.activateWindow()
    assert not pane.spelling.checker.loaded  # nothing written yet: Enchant not loaded
    composer.setPlainText("Ich habe einen Fehler gemacht")
    wait_for(qtbot, lambda: "Fehler" in underlined(composer))  # loaded off the UI thread
    assert pane.spelling.checker.loaded and spelling.language == "en_US"

    language_action(qtbot, window, "Deutsch (Deutschland)")
    assert spelling.language == "de_DE"
    wait_for(qtbot, lambda: underlined(composer) == [])  # once de_DE is open
    wait_for(
        qtbot,
        lambda: (
            (c := window.sidebar_model.conversation(bob)) is not None
            and c.spell_language == "de_DE"
        ),
    )
    # The window's screenshot with the menu and its spelling submenu drawn where they opened.
    composer.setPlainText("Ich habe einen Fehlr gemacht")
    cursor = composer.textCursor()
    cursor.setPosition(len("Ich habe einen Fehl"))
    at = composer.cursorRect(cursor).center()
    QApplication.sendEvent(
        composer.viewport(),
        # (popped up a line lower than the click, so the picture shows the underline)
        QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, at, composer.viewport().mapToGlobal(at + QPoint(0, 20))
        ),
    )
    wait_for(qtbot, lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    heading = menu.actions()[0]
    assert heading.text() == "&Spelling: 5 suggestions for “Fehlr”"
    menu.setActiveAction(heading)
    sub = heading.menu()
    wait_for(qtbot, sub.isVisible)
    assert "Fehler" in texts(sub)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert composite(window, menu, sub).save(str(SCREENSHOTS / "composer-spelling.png"))
    close_menus(qtbot)

    open_conv(qtbot, window, carol, rows=1)
    assert spelling.language == "en_US"  # another conversation: the default
    assert composer.toPlainText() == ""  # (bob's text is bob's draft)
    composer.setPlainText("Hello there")
    language_action(qtbot, window, "&Off")
    assert spelling.language is None
    wait_for(
        qtbot,
        lambda: (
            (c := window.sidebar_model.conversation(carol)) is not None
            and c.spell_language == "off"
        ),
    )
    open_conv(qtbot, window, bob, rows=1)
    assert spelling.language == "de_DE"  # remembered
    # kept with the conversation in the account's store (what a restart reads)
    store = window.bridge.core.services.session(account_id).store
    stored = store.conversation("bob")
    assert stored is not None and stored.spell_language == "de_DE"

    # The preference turns it off everywhere, and the menu says so.
    run_core(qtbot, window.bridge, window.bridge.core.preferences.set(SPELL_CHECK, False))
    wait_for(qtbot, lambda: spelling.language is None)
    composer.setPlainText("Fehlr")
    assert underlined(composer) == []
    language_action_menu = open_menu_at(qtbot, composer, "Fehlr")
    sub = language_action_menu.actions()[-1].menu()
    assert texts(sub) == ["Spell check is turned off in Settings."]
    close_menus(qtbot)
    run_core(qtbot, window.bridge, window.bridge.core.preferences.set(SPELL_CHECK, True))
    wait_for(qtbot, lambda: spelling.language == "de_DE")
    assert underlined(composer) == ["Fehlr"]


def test_personal_words_live_in_the_data_folder(window: MainWindow) -> None:
    checker = window.pane.spelling.checker
    paths = window.bridge.core.ctx.paths
    assert checker.personal_words.parent == paths.data_dir
    assert checker.personal_words.parent != paths.config_dir


def test_the_cursor_position_maps_past_emoji(qtbot: QtBot, tmp_path: Path) -> None:
    composer, spelling = make_composer(qtbot, tmp_path / "words.txt")
    composer.setPlainText("🎉🎉 wrod")
    cursor = composer.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    assert spelling._word_at(cursor) == ("wrod", 5)  # two emoji: four UTF-16 units, a space


def test_the_setting_is_reached_by_keyboard_and_turns_spelling_off(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "bob", "hi", sender="bob")
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=1)
    spelling = window.pane.spelling.composers[0]
    spelling.ui_locale = "en_US"
    spelling.apply()
    assert spelling.language == "en_US"
    toggle_setting(qtbot, window, "spellCheck", "Check spelling while I type")
    wait_for(qtbot, lambda: window.preferences.get(SPELL_CHECK) is False)
    wait_for(qtbot, lambda: spelling.language is None)
    assert len(window.pane.spelling.composers) == 1  # the thread panel is made on first use
    panel = window.pane.thread_panel  # made now, after the setting changed: it follows it
    thread_composer = window.pane.spelling.composers[1]
    assert thread_composer.composer is panel.composer_area.composer
    assert not thread_composer.enabled
    assert thread_composer.language is None


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
    ],
)
def test_the_menu_opens_from_the_keyboard_on_the_word_at_the_cursor(
    qtbot: QtBot, tmp_path: Path, key: Qt.Key, modifiers: Qt.KeyboardModifier
) -> None:
    composer, _spelling = make_composer(qtbot, tmp_path / "words.txt")
    composer.setPlainText("helo there")
    composer.activateWindow()
    composer.setFocus()
    qtbot.waitUntil(composer.hasFocus)
    cursor = composer.textCursor()
    cursor.setPosition(2)
    composer.setTextCursor(cursor)
    qtbot.keyClick(composer, key, modifiers)
    wait_for(qtbot, lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert menu.actions()[0].text().startswith("&Spelling: ")
    assert menu.activeAction() is menu.actions()[0]
    close_menus(qtbot)
