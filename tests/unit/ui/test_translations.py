"""Every visible string goes through Qt's translation functions, and the catalogue is current."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[3]
I18N = ROOT / "ui" / "i18n"


def sources(ts: Path) -> set[tuple[str, str]]:
    tree = ET.parse(ts)
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in tree.iter("context")
        for message in context.iter("message")
    }


def test_catalogue_matches_the_sources(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p) for top in ("ui", "app", "backends") for p in (ROOT / top).rglob("*.py"))
    subprocess.run(
        [str(lupdate), "-silent", "-locations", "none", *files, "-ts", str(fresh)],
        check=True,
        cwd=ROOT,
    )
    committed = sources(I18N / "chinwag.ts")
    current = sources(fresh)
    assert current - committed == set(), "run scripts/update-translations"
    assert committed - current == set(), "run scripts/update-translations"
    assert len(current) > 250
    assert not any(context == "" for context, _ in current), "a string without a context"


def test_english_plural_forms(qapp: QApplication) -> None:
    # pytest-qt's QApplication: a bare QCoreApplication here would make every later widget abort
    app = qapp
    translator = QTranslator()
    assert translator.load("chinwag_en", str(I18N))
    app.installTranslator(translator)
    try:
        tr = QCoreApplication.translate
        assert tr("ConversationHeader", "%n member(s)", None, 1) == "1 member"
        assert tr("ConversationHeader", "%n member(s)", None, 4) == "4 members"
    finally:
        app.removeTranslator(translator)


def test_no_hard_coded_colours_outside_the_theme() -> None:
    """High-contrast palettes must keep working: colours come from the palette."""
    offenders = []
    for path in (ROOT / "ui").rglob("*.py"):
        if path.name == "theme.py":
            continue
        text = path.read_text()
        for needle in (
            "setStyleSheet",
            "QColor(0",
            "QColor(1",
            "QColor(2",
            "Qt.GlobalColor.red",
            "#ff",
            "#FF",
        ):
            if needle in text:
                offenders.append(f"{path.relative_to(ROOT)}: {needle}")
    assert offenders == []


# -- shipped languages --------------------------------------------------------------------------

LANGUAGES = sorted(p.stem.removeprefix("chinwag_") for p in I18N.glob("chinwag_*.ts"))
LANGUAGES = [lang for lang in LANGUAGES if lang != "en"]
PLACEHOLDER = re.compile(r"\{\w+\}|%\d|%n")
ACCELERATOR = re.compile(r"&([^&\s])")


def test_german_french_and_spanish_are_shipped() -> None:
    """German at least; French and Spanish join the parametrised checks once their files land."""
    assert "de" in LANGUAGES
    for lang in LANGUAGES:
        assert (I18N / f"chinwag_{lang}.qm").is_file(), f"run scripts/update-translations ({lang})"


def messages(ts: Path) -> list[tuple[str, str, bool, list[str], str | None]]:
    """(context, source, numerus, translated forms, translation type) of every message."""
    out = []
    for context in ET.parse(ts).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            numerus = message.get("numerus") == "yes"
            forms = (
                [form.text or "" for form in translation.iter("numerusform")]
                if numerus
                else [translation.text or ""]
            )
            out.append(
                (name, message.findtext("source") or "", numerus, forms, translation.get("type"))
            )
    return out


@pytest.fixture(scope="module")
def plural_counts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    """How many plural forms Qt wants per language, asked of lupdate itself (a fresh catalogue
    for a one-line source gets one empty form per plural form of its target language)."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    folder = tmp_path_factory.mktemp("plurals")
    source = folder / "plural.py"
    source.write_text('class P:\n    def f(self, n):\n        return self.tr("%n x(s)", "", n)\n')
    counts = {}
    for lang in LANGUAGES:
        ts = folder / f"{lang}.ts"
        subprocess.run(
            [str(lupdate), "-silent", "-target-language", lang, str(source), "-ts", str(ts)],
            check=True,
        )
        counts[lang] = len(list(ET.parse(ts).iter("numerusform")))
    return counts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated_with_its_placeholders(
    lang: str, plural_counts: dict[str, int]
) -> None:
    ts = I18N / f"chinwag_{lang}.ts"
    assert sources(ts) == sources(I18N / "chinwag.ts"), "run scripts/update-translations"
    root = ET.parse(ts).getroot()
    assert (root.get("language") or "").startswith(lang)
    problems = []
    for context, source, numerus, forms, kind in messages(ts):
        where = f"{context}: {source!r}"
        if kind in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{where} is {kind}")
            continue
        if numerus and len(forms) != plural_counts[lang]:
            problems.append(f"{where} has {len(forms)} plural forms, not {plural_counts[lang]}")
        expected = sorted(set(PLACEHOLDER.findall(source)))
        for form in forms:
            if not form.strip():
                problems.append(f"{where} is empty")
                continue
            found = set(PLACEHOLDER.findall(form))
            # a singular may say "one" instead of "%n" (German "eine Nachricht"); the rest stays
            if numerus and form is not forms[-1]:
                found.add("%n")
            if sorted(found) != expected:
                problems.append(f"{where}: {form!r} has {sorted(found)}, not {expected}")
            if len(ACCELERATOR.findall(form)) != len(ACCELERATOR.findall(source)):
                problems.append(f"{where}: {form!r} lost or gained its &accelerator")
            if form.count("\n") != source.count("\n") and "\n\n" not in source:
                problems.append(f"{where}: {form!r} has other line breaks")
    assert problems == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_accelerators_do_not_collide_more_than_in_english(lang: str) -> None:
    """Within a context (a menu bar, one dialog) two items with the same Alt key make one of them
    need two presses; a translation may not add such pairs the English does not have."""
    by_context: dict[str, tuple[list[str], list[str]]] = {}
    for context, source, _numerus, forms, _kind in messages(I18N / f"chinwag_{lang}.ts"):
        english, translated = by_context.setdefault(context, ([], []))
        english.extend(k.casefold() for k in ACCELERATOR.findall(source))
        translated.extend(k.casefold() for form in forms[:1] for k in ACCELERATOR.findall(form))

    def clashes(keys: list[str]) -> int:
        return len(keys) - len(set(keys))

    worse = {
        context: sorted(k for k in set(translated) if translated.count(k) > 1)
        for context, (english, translated) in by_context.items()
        if clashes(translated) > clashes(english)
    }
    assert worse == {}


def run_app(lang: str, code: str) -> str:
    """Run ``code`` after ui.application.create_app in a fresh process with LANG=``lang``, as a
    person starting Chinwag in that language would; its standard output."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(LANG=lang, LANGUAGE="", QT_QPA_PLATFORM="offscreen")
    script = "from ui.application import create_app\napp = create_app(['chinwag'])\n" + code
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
    return done.stdout


def test_the_app_speaks_german_under_a_german_locale() -> None:
    out = run_app(
        "de_DE.UTF-8",
        "from PySide6.QtCore import QCoreApplication as Q\n"
        "from app.i18n import CoreMessages\n"
        "from ui.core_text import core_text\n"
        "print(Q.translate('WindowMenus', '&Quit'))\n"
        "print(Q.translate('ConversationHeader', '%n member(s)', None, 1))\n"
        "print(Q.translate('ConversationHeader', '%n member(s)', None, 5))\n"
        "print(core_text(CoreMessages.tr('The port must be a number.')))\n"
        "print(core_text(CoreMessages.tr('Cannot find %1: %2').arg('example.org', 'gone')))\n"
        "print(core_text(CoreMessages.tr('%n damaged line(s) skipped.', '', 3)))\n"
        "print(core_text(str(CoreMessages.tr('The server did not answer in time.'))))\n"
        "print(app.layoutDirection().name)\n",
    )
    assert out.splitlines() == [
        "&Beenden",
        "1 Mitglied",
        "5 Mitglieder",
        "Der Port muss eine Zahl sein.",
        "example.org nicht gefunden: gone",
        "3 beschädigte Zeilen übersprungen.",
        "Der Server hat nicht rechtzeitig geantwortet.",  # a plain str still found by its words
        "LeftToRight",
    ]


def test_english_core_messages_keep_their_plural_forms() -> None:
    out = run_app(
        "en_GB.UTF-8",
        "from app.i18n import CoreMessages\n"
        "from ui.core_text import core_text\n"
        "print(core_text(CoreMessages.tr('%n damaged line(s) skipped.', '', 1)))\n"
        "print(core_text(CoreMessages.tr('%n damaged line(s) skipped.', '', 2)))\n",
    )
    assert out.splitlines() == ["1 damaged line skipped.", "2 damaged lines skipped."]


@pytest.mark.parametrize("lang", ["ar_EG.UTF-8", "he_IL.UTF-8"])
def test_the_window_is_right_to_left_under_arabic_and_hebrew(lang: str) -> None:
    """There is no Arabic or Hebrew catalogue yet: the direction comes from the locale."""
    out = run_app(lang, "print(app.layoutDirection().name)\n")
    assert out.split() == ["RightToLeft"]


def test_english_words_stay_left_to_right_in_a_mirrored_window() -> None:
    """With no Arabic catalogue the words are English: each string is a left-to-right isolate,
    so "Topic…" does not show as "…Topic"; Qt's own Arabic strings stay Arabic."""
    out = run_app(
        "ar_EG.UTF-8",
        "from PySide6.QtCore import QCoreApplication as Q\n"
        "from app.i18n import CoreMessages\n"
        "from ui.core_text import core_text\n"
        "print(ascii(Q.translate('ConversationHeader', '&Topic…')))\n"
        "print(ascii(Q.translate('ConversationHeader', '%n member(s)', None, 1)))\n"
        "print(ascii(Q.translate('ConversationHeader', '%n member(s)', None, 5)))\n"
        "print(ascii(core_text(CoreMessages.tr('The port must be a number.'))))\n"
        "print(Q.translate('QPlatformTheme', 'Cancel') != 'Cancel')\n",
    )
    assert out.splitlines() == [
        ascii("\u2066&Topic…\u2069"),
        ascii("\u20661 member\u2069"),
        ascii("\u20665 members\u2069"),
        ascii("\u2066The port must be a number.\u2069"),
        "True",
    ]


def test_a_left_to_right_language_is_not_isolated() -> None:
    out = run_app(
        "de_DE.UTF-8",
        "from PySide6.QtCore import QCoreApplication as Q\n"
        "print(ascii(Q.translate('NoSuchContext', 'Left as it is…')))\n",
    )
    assert out.splitlines() == [ascii("Left as it is…")]


def test_core_messages_are_marked_in_the_catalogue() -> None:
    """app/ and backends/ messages are in the catalogue, with plural forms where they count."""
    core = {
        (source, numerus)
        for context, source, numerus, _forms, _kind in messages(I18N / "chinwag.ts")
        if context == "CoreMessages"
    }
    assert ("The port must be a number.", False) in core  # backends/irc
    assert ("Wrong Matrix ID or password.", False) in core  # backends/matrix
    assert ("Nickname", False) in core  # an account field's label
    assert ("/join ROOM [PASSWORD] — join a room or channel", False) in core  # /help
    assert ("%n damaged line(s) skipped.", True) in core  # app/core, with plural forms
    assert len(core) > 250
