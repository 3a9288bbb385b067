"""HTML from the network is never trusted: one allowlist (nh3, a Rust sanitiser) for every service.

What survives is text formatting, links to safe schemes, and images only by ``mxc:`` reference
(fetched later, and only when the privacy setting allows): no scripts, styles, forms, frames or
remote images that would leak that a message was read.

nh3 (a 1.4 MB native library resident once loaded) is imported with the first HTML to clean: an
IRC-only profile, or one whose rooms carry only plain text, never loads it.
"""

from __future__ import annotations

import html as html_lib
import re

ALLOWED_TAGS = {
    "a", "b", "strong", "i", "em", "u", "s", "del", "strike", "code", "pre", "blockquote", "p",
    "br", "ul", "ol", "li", "span", "h1", "h2", "h3", "h4", "h5", "h6", "sup", "sub", "hr",
    "table", "thead", "tbody", "tr", "th", "td", "caption", "details", "summary", "font", "img",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"start"},
    "code": {"class"},
    "span": {"data-mx-color", "data-mx-bg-color", "data-mx-spoiler"},
    "font": {"color", "data-mx-color", "data-mx-bg-color"},
}
URL_SCHEMES = {"http", "https", "mailto", "xmpp", "matrix", "irc", "ircs", "mxc", "geo", "tel"}
# Dropped with everything inside them, not just unwrapped.
CLEAN_CONTENT_TAGS = {"script", "style", "mx-reply", "iframe", "object", "embed", "template"}
MAX_HTML_CHARS = 256 * 1024
# nh3's output is normalised (double-quoted attributes), so this only sees well-formed tags.
_IMG_WITHOUT_SRC = re.compile(r'<img(?![^>]*\ssrc=")(?:\s[^>]*)?>')
_ALT = re.compile(r'\salt="([^"]*)"')


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src" and not value.startswith("mxc://"):
        return None  # remote images would tell the sender when (and from where) we read it
    if tag == "code" and attribute == "class" and not value.startswith("language-"):
        return None
    return value


def sanitize_html(html: str | None) -> str | None:
    """The safe subset of ``html``; None for nothing left (or nothing given)."""
    if not html:
        return None
    if len(html) > MAX_HTML_CHARS:
        return None  # the plain body is shown instead; nobody formats a quarter megabyte
    import nh3  # noqa: PLC0415  (see the module's docstring)

    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=CLEAN_CONTENT_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_attribute_filter,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    cleaned = _IMG_WITHOUT_SRC.sub(_image_placeholder, cleaned)
    return cleaned.strip() or None


def _image_placeholder(match: re.Match[str]) -> str:
    """A remote image we refused: keep its description, if it had one, as text."""
    alt = _ALT.search(match.group(0))
    if alt is None or not alt.group(1).strip():
        return ""
    return "[" + html_lib.escape(html_lib.unescape(alt.group(1)), quote=False) + "]"
