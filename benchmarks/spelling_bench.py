"""Spell-check benchmark: what typing costs in a long draft with the real dictionary; prints JSON.

Measures, offscreen, on the composer with spell check on (en_US):
- first_key_ms: the first keystroke in an empty composer, on the UI thread (Enchant and the
                dictionary load on a worker thread meanwhile)
- load_ms:      from that keystroke until the text is checked (Enchant loaded, the dictionary
                opened: once per run of the app)
- fill_ms:      a draft of N lines pasted in at once (every line checked)
- keystroke_ms: one character typed in the middle of that draft, p50 and max over K keys (Qt
                rehighlights only the line that changed; the figure should not grow with N)
- unchecked_keystroke_ms: the same keys with spell check off, for comparison

Usage: python benchmarks/spelling_bench.py [--lines N] [--keys K]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

LINE = (
    "Thsi is a lnog draft with some mispelled words, a link https://example.org/x, "
    "@someone and `code` in it, written to see whether typing stays quick."
)


def keystrokes(composer: object, keys: int) -> list[float]:
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    assert hasattr(composer, "document")
    doc = composer.document()
    middle = doc.findBlockByNumber(doc.blockCount() // 2)
    cursor = QTextCursor(middle)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    times = []
    for i in range(keys):
        started = time.perf_counter()
        cursor.insertText("x" if i % 5 else " ")
        QApplication.processEvents()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=2000)
    parser.add_argument("--keys", type=int, default=200)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from ui.widgets.composer import Composer
    from ui.widgets.spelling import ComposerSpelling, SpellChecker

    app = QApplication.instance() or QApplication([])
    figures: dict[str, object] = {"lines": args.lines, "keys": args.keys}
    with tempfile.TemporaryDirectory() as folder:
        composer = Composer()
        spelling = ComposerSpelling(composer, SpellChecker(Path(folder) / "words.txt"), print)
        spelling.ui_locale = "en_US"
        started = time.perf_counter()
        spelling.apply(enabled=True, choice="")
        composer.insertPlainText("recieve")  # the first keystroke: Enchant loads off the UI thread
        figures["first_key_ms"] = round((time.perf_counter() - started) * 1000, 1)
        deadline = started + 60
        while spelling.highlighter.language is None and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.001)
        figures["load_ms"] = round((time.perf_counter() - started) * 1000, 1)
        figures["language"] = spelling.language
        started = time.perf_counter()
        composer.setPlainText("\n".join([LINE] * args.lines))
        app.processEvents()
        figures["fill_ms"] = round((time.perf_counter() - started) * 1000, 1)
        on = keystrokes(composer, args.keys)
        spelling.apply(enabled=False)
        off = keystrokes(composer, args.keys)
    figures["keystroke_ms"] = {
        "p50": round(statistics.median(on), 3),
        "max": round(max(on), 3),
    }
    figures["unchecked_keystroke_ms"] = {
        "p50": round(statistics.median(off), 3),
        "max": round(max(off), 3),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
