"""Spoilers: parts of a message its sender asked to keep hidden until the reader reveals them.

Matrix marks them in the HTML (``<span data-mx-spoiler="reason">``); XMPP (XEP-0382) marks a
whole message, which the XMPP backend turns into the same span around the body, so the store,
the core and the UI know one form. The sanitiser keeps the attribute; hiding happens where the
HTML becomes what is shown (:func:`hide_spoilers`), from the parsed tags, never from the
sender's styling.
"""

from __future__ import annotations

import html as html_lib
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

SPOILER_ATTRIBUTE = "data-mx-spoiler"
MAX_REASON_CHARS = 200
# Tags after which the plain text starts a new line (the rest run on).
_LINE_TAGS = frozenset(
    ("p", "div", "li", "tr", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr")
)
_VOID_TAGS = frozenset(("br", "hr", "img"))


@dataclass(frozen=True, slots=True)
class HiddenSpoilers:
    """A message's HTML and plain text with each spoiler replaced by its placeholder."""

    html: str
    text: str
    reasons: tuple[str, ...]


def has_spoiler(html: str | None) -> bool:
    """Whether sanitised ``html`` carries a spoiler (a cheap test before any parsing)."""
    return html is not None and SPOILER_ATTRIBUTE in html


def spoiler_html(inner_html: str, reason: str) -> str:
    """``inner_html`` (already HTML) marked as one spoiler with ``reason`` (may be "")."""
    reason = " ".join(reason.split())[:MAX_REASON_CHARS]
    return f'<span {SPOILER_ATTRIBUTE}="{html_lib.escape(reason, quote=True)}">{inner_html}</span>'


def hide_spoilers(
    html: str, placeholder_html: Callable[[str], str], placeholder_text: Callable[[str], str]
) -> HiddenSpoilers:
    """``html`` with every spoiler's content left out and the placeholder made from its reason
    put in its place; the plain text is of the same result (for previews and screen readers).

    ``html`` is the sanitiser's output (balanced tags); anything the parser cannot make sense
    of is dropped, never passed through: the result is rebuilt from the parsed tags."""
    parser = _SpoilerPass(placeholder_html, placeholder_text)
    parser.feed(html)
    parser.close()
    text = "".join(parser.text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return HiddenSpoilers(
        "".join(parser.html), "\n".join(line for line in lines if line), tuple(parser.reasons)
    )


class _SpoilerPass(HTMLParser):
    """Rebuilds sanitised HTML and its text, hiding what is inside spoiler spans."""

    def __init__(
        self, placeholder_html: Callable[[str], str], placeholder_text: Callable[[str], str]
    ) -> None:
        super().__init__(convert_charrefs=True)
        self._placeholder_html = placeholder_html
        self._placeholder_text = placeholder_text
        self.html: list[str] = []
        self.text: list[str] = []
        self.reasons: list[str] = []
        self._depth = 0  # > 0: inside a spoiler (counting the spans opened in it)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._depth:
            self._depth += tag == "span"
            return
        values = dict(attrs)
        if tag == "span" and SPOILER_ATTRIBUTE in values:
            reason = " ".join((values[SPOILER_ATTRIBUTE] or "").split())[:MAX_REASON_CHARS]
            self.reasons.append(reason)
            self._depth = 1
            self.html.append(self._placeholder_html(reason))
            self.text.append(f" {self._placeholder_text(reason)} ")
            return
        shown = "".join(
            f' {name}="{html_lib.escape(value or "", quote=True)}"' for name, value in attrs
        )
        self.html.append(f"<{tag}{shown}>")
        if tag == "br":
            self.text.append("\n")
        elif tag == "img" and values.get("alt"):
            self.text.append(values["alt"] or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._depth:
            self._depth -= tag == "span"
            return
        if tag in _VOID_TAGS:
            return
        self.html.append(f"</{tag}>")
        if tag in _LINE_TAGS:
            self.text.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._depth:
            self.html.append(html_lib.escape(data, quote=False))
            self.text.append(data)
