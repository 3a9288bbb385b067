"""The French and Spanish catalogues in the real window: plural forms by each language's own rule,
no two mnemonics alike in a menu or among the controls of the conversation side (and in the
secure storage dialog, German too), French typography (a non-breaking space before : ; ? ! and
inside « »)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMenu
from pytestqt.qtbot import QtBot

from tests.ui.conftest import save_screenshot
from ui.application import I18N_DIR
from ui.bridge import CoreBridge
from ui.dialogs.secure_storage_dialog import SecureStorageDialog
from ui.main_window import MainWindow

ROOT = I18N_DIR.parents[1]


@contextmanager
def catalogue(qapp: QApplication, lang: str) -> Iterator[None]:
    """The language's catalogue installed over the English one (as under that locale)."""
    translator = QTranslator()
    assert translator.load(f"chinwag_{lang}", str(I18N_DIR))
    qapp.installTranslator(translator)
    try:
        yield
    finally:
        qapp.removeTranslator(translator)


@pytest.fixture(params=["fr", "es"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    with catalogue(qapp, request.param):
        yield request.param


PLURALS = {
    # French: 0 and 1 take the singular; Spanish: only 1 does
    "fr": ("0 membre", "1 membre", "2 membres", "1 message dans le fil", "3 messages dans le fil"),
    "es": (
        "0 miembros",
        "1 miembro",
        "2 miembros",
        "1 mensaje en el hilo",
        "3 mensajes en el hilo",
    ),
}


def test_plural_forms_follow_each_language(language: str) -> None:
    tr = QCoreApplication.translate
    said = tuple(tr("ConversationHeader", "%n member(s)", None, n) for n in (0, 1, 2))
    # a plural message outside a QObject (lupdate must still see it as one)
    said += tuple(tr("MessageListModel", "%n message(s) in thread", "", n) for n in (1, 3))
    assert said == PLURALS[language]


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).upper() if found else None


def clashes(texts: list[str]) -> dict[str, list[str]]:
    by_key: dict[str, list[str]] = {}
    for text in texts:
        key = mnemonic(text)
        if key:
            by_key.setdefault(key, []).append(text)
    return {key: found for key, found in by_key.items() if len(found) > 1}


def test_menus_and_conversation_controls_have_distinct_mnemonics(
    language: str, window: MainWindow
) -> None:
    bar = window.menuBar()
    titles = [action.text() for action in bar.actions()]
    assert "&Accounts" not in titles  # the window was built in the language
    for menu in bar.findChildren(QMenu):
        assert clashes([a.text() for a in menu.actions()]) == {}, menu.title()
    # Alt+letter reaches the menu bar and every control beside the conversation at once
    side = window.pane.findChildren(QAbstractButton) + window.pane.findChildren(QLabel)
    side += window.notices.findChildren(QAbstractButton)
    side += window.sidebar.findChildren(QLabel)
    assert clashes(titles + [w.text() for w in side]) == {}


@pytest.mark.parametrize("lang", ["de", "fr", "es"])
def test_the_secure_storage_dialog_speaks_each_language_with_distinct_mnemonics(
    lang: str, qapp: QApplication, qtbot: QtBot, bridge: CoreBridge
) -> None:
    with catalogue(qapp, lang):
        dialog = SecureStorageDialog(bridge, "account")
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.windowTitle() != "Set up secure storage"
        assert dialog.generate.accessibleName() not in ("", "Generate a recovery key")
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.buddy()]
        texts = labels + [b.text() for b in dialog.findChildren(QAbstractButton)]
        assert clashes(texts) == {}
        assert all(mnemonic(t) for t in texts if t != dialog.cancel_button.text()), texts
        save_screenshot(dialog, f"secure-storage-{lang}")


def test_french_typography() -> None:
    tree = ET.parse(I18N_DIR / "chinwag_fr.ts")
    wrong = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for text in forms:
            if re.search(r" [:;?!»]|« ", text):
                wrong.append(text)
    assert wrong == []


SPOKEN = {
    "fr_FR.UTF-8": [
        "&Quitter",
        "0 membre",
        "5 membres",
        "Le port doit être un nombre.",
        "Impossible de trouver example.org\u00a0: gone",
        "3 lignes endommagées ignorées.",
    ],
    "es_ES.UTF-8": [
        "&Salir",
        "0 miembros",
        "5 miembros",
        "El puerto debe ser un número.",
        "No se encuentra example.org: gone",
        "Se omitieron 3 líneas dañadas.",
    ],
}


@pytest.mark.parametrize("lang", sorted(SPOKEN))
def test_the_app_speaks_the_language_of_the_locale(lang: str) -> None:
    """A fresh process under LANG, as a person starting Chinwag: menus, plural forms and the
    core's messages (arguments filled after translation) in that language."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(LANG=lang, LANGUAGE="", QT_QPA_PLATFORM="offscreen")
    script = (
        "from ui.application import create_app\n"
        "app = create_app(['chinwag'])\n"
        "from PySide6.QtCore import QCoreApplication as Q\n"
        "from app.i18n import CoreMessages\n"
        "from ui.core_text import core_text\n"
        "print(Q.translate('WindowMenus', '&Quit'))\n"
        "print(Q.translate('ConversationHeader', '%n member(s)', None, 0))\n"
        "print(Q.translate('ConversationHeader', '%n member(s)', None, 5))\n"
        "print(core_text(CoreMessages.tr('The port must be a number.')))\n"
        "print(core_text(CoreMessages.tr('Cannot find %1: %2').arg('example.org', 'gone')))\n"
        "print(core_text(CoreMessages.tr('%n damaged line(s) skipped.', '', 3)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == SPOKEN[lang]
