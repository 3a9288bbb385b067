"""What the composer's formatting means: Markdown typed by a person becomes sanitised HTML once,
here, and each backend carries that HTML in its own way (Matrix ``formatted_body``, IRC
formatting codes, XMPP message styling, XEP-0393). The plain text stays the body every service
also gets, as typed.
"""

from __future__ import annotations

import html as html_lib
import logging

import markdown  # type: ignore[import-untyped]

from app.sanitize import sanitize_html

_log = logging.getLogger(__name__)


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["fenced_code", "sane_lists", "nl2br"])
    # Raw HTML typed by the user is text, not markup (Python-Markdown passes it through otherwise).
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


_MD = _markdown()


def render_markdown(text: str) -> str | None:
    """HTML for what the user typed (raw HTML in it stays text), or None when the text has no
    formatting. Matrix sends this as ``formatted_body``; the window sanitises it first."""
    if not text.strip():
        return None
    try:
        rendered = str(_MD.reset().convert(text)).strip()
    except Exception:  # Markdown is big; a bug there must not stop a message
        _log.exception("markdown rendering failed")
        return None
    plain = "<p>" + html_lib.escape(text.strip(), quote=False).replace("\n", "<br />\n") + "</p>"
    if rendered == plain:
        return None
    return rendered


def markdown_to_html(text: str) -> str | None:
    """Sanitised HTML for what the user typed, or None when the text has no formatting."""
    rendered = render_markdown(text)
    return None if rendered is None else sanitize_html(rendered)
