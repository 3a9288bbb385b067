"""Translatable messages from the core and the backends, which must not import Qt.

``CoreMessages.tr("text")`` marks a message for ``pyside6-lupdate`` (which reads ``CoreMessages.tr(…)`` as a
message in the context "CoreMessages", and ``CoreMessages.tr("…%n…", "", n)`` as one with plural forms) and
returns it as :class:`Text`: an ordinary English ``str`` that also remembers its template, number
and arguments, so the front end can show it in the person's language
(``QCoreApplication.translate("CoreMessages", template, None, n)`` then the arguments). Where such a
message passes through a plain ``str`` (the store, a log), the front end still finds a constant
message by its English text.
"""

from __future__ import annotations

import re

CONTEXT = "CoreMessages"
_PLACEHOLDER = re.compile(r"%(\d+)")


class Text(str):
    """An English message that knows how it was made (template, plural number, arguments)."""

    template: str
    disambiguation: str
    n: int
    args: tuple[str, ...]

    def __new__(
        cls, template: str, disambiguation: str = "", n: int = -1, args: tuple[str, ...] = ()
    ) -> Text:
        self = super().__new__(cls, fill(english(template, n), args))
        self.template = template
        self.disambiguation = disambiguation
        self.n = n
        self.args = args
        return self

    def arg(self, *values: object) -> Text:
        """Fill %1, %2 … (as QString.arg does) in English now and in any language later; an
        argument that is itself a :class:`Text` is translated with it."""
        more = tuple(v if isinstance(v, str) else str(v) for v in values)
        return Text(self.template, self.disambiguation, self.n, self.args + more)


def english(template: str, n: int = -1) -> str:
    """The English form: "%n file(s)" is "1 file" or "3 files" (as chinwag_en.ts says)."""
    if n < 0:
        return template
    return template.replace("(s)", "" if n == 1 else "s").replace("%n", str(n))


def fill(text: str, args: tuple[str, ...]) -> str:
    """Replace %1 … %9 by ``args`` in one pass (an argument's own "%2" stays as it is)."""
    if not args:
        return text

    def one(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return args[index] if 0 <= index < len(args) else match.group(0)

    return _PLACEHOLDER.sub(one, text)


class CoreMessages:
    """The translation context of core and backend messages (the name lupdate records)."""

    @staticmethod
    def tr(text: str, disambiguation: str = "", n: int = -1) -> Text:
        return Text(text, disambiguation, n)
