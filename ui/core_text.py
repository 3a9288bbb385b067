"""Show a core or backend message (:mod:`app.i18n`) in the person's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.i18n import CONTEXT, Text, fill


def core_text(text: str | None) -> str:
    """``text`` translated: by its template and arguments when it is a :class:`Text`, else by its
    English words (a constant message that lost its type on the way); unknown text as it is,
    and no text ("" or None) as ""."""
    if not text:
        return ""
    if isinstance(text, Text):
        translated = QCoreApplication.translate(
            CONTEXT, text.template, text.disambiguation or None, text.n
        )
        return fill(
            translated, tuple(core_text(a) if isinstance(a, Text) else a for a in text.args)
        )
    return QCoreApplication.translate(CONTEXT, text)


def shown_body(body: str) -> str:
    """A message's body in the window's language when the core or a backend made it (a system
    message whose body is a :class:`Text`, kept so by the store), else as its sender wrote it:
    a person's words are never translated, even when they equal an English template."""
    return core_text(body) if isinstance(body, Text) else body


class TranslationContext:
    """``Name.tr(text, "", n)`` outside the class ``Name``: pyside6-lupdate records it as a
    message of the context "Name" with plural forms when ``n`` is given (it does not for
    ``QCoreApplication.translate(context, text, "", n)``), so bind such a helper to that name."""

    def __init__(self, name: str) -> None:
        self.name = name

    def tr(self, text: str, disambiguation: str = "", n: int = -1) -> str:
        return QCoreApplication.translate(self.name, text, disambiguation or None, n)
