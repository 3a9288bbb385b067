"""Every visible string goes through Qt's translation functions, and the catalogue is current."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

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
