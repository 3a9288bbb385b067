"""English words in a right-to-left window: each string kept left to right as a whole.

Under Arabic or Hebrew the window is mirrored (see ui.application.install_translations), but with
no catalogue for the language its words are the English source. Laid out in a right-to-left
paragraph, an English label's trailing neutral characters move to its start ("…Topic",
"…Write a message"). This translator, searched first, answers every string: from the
language's own Qt catalogue when that has it (Qt's Arabic "Cancel" stays Arabic), else the
English one (plural forms) or the source, as a left-to-right isolate (LRI … PDI).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QTranslator

LRI = "\u2066"  # LEFT-TO-RIGHT ISOLATE
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE


class LeftToRightFallback(QTranslator):
    """Answers in the order Qt would search ``native`` then ``english``; English isolated."""

    def __init__(
        self, parent: QObject, native: Sequence[QTranslator], english: QTranslator | None
    ) -> None:
        super().__init__(parent)
        self._native = tuple(native)
        self._english = english

    def isEmpty(self) -> bool:
        return False

    def translate(
        self,
        context: str,
        sourceText: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        for translator in self._native:
            found = translator.translate(context, sourceText, disambiguation, n)
            if found:
                return found
        english = (
            self._english.translate(context, sourceText, disambiguation, n)
            if (self._english is not None)
            else ""
        )
        text = english or sourceText
        return f"{LRI}{text}{PDI}" if text else text
