"""What the composer's formatting means: Markdown typed by a person becomes sanitised HTML once,
here, and each backend carries that HTML in its own way (Matrix ``formatted_body``, IRC
formatting codes, XMPP message styling, XEP-0393). The plain text stays the body every service
also gets, as typed.
"""

from __future__ import annotations

import html as html_lib
import logging
import threading
from typing import TYPE_CHECKING

from app.sanitize import sanitize_html

if TYPE_CHECKING:
    import markdown  # type: ignore[import-untyped]

_log = logging.getLogger(__name__)
_local = threading.local()


def _markdown() -> markdown.Markdown:
    """This thread's converter (the composer's thread and the core's both render, and a
    ``Markdown`` object is not safe to share), made on first use: Python-Markdown is imported
    when someone first sends a message, not with the window."""
    md: markdown.Markdown | None = getattr(_local, "md", None)
    if md is not None:
        return md
    import markdown  # noqa: PLC0415

    md = markdown.Markdown(extensions=["fenced_code", "sane_lists", "nl2br"])
    # Raw HTML typed by the user is text, not markup (Python-Markdown passes it through otherwise).
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    _local.md = md
    return md


def render_markdown(text: str) -> str | None:
    """HTML for what the user typed (raw HTML in it stays text), or None when the text has no
    formatting. Matrix sends this as ``formatted_body``; the window sanitises it first."""
    if not text.strip():
        return None
    try:
        rendered = str(_markdown().reset().convert(text)).strip()
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
