"""Text of both directions side by side: names and bodies kept apart from the words around them."""

from __future__ import annotations

import unicodedata

FSI = "\u2068"  # FIRST STRONG ISOLATE: the enclosed text takes its own first strong direction
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE


def isolate(text: str) -> str:
    """``text`` as a Unicode isolate (FSI … PDI): laid out in its own direction, from its first
    strong character, without reordering the text around it (an Arabic name before English, an
    English name in an Arabic sentence)."""
    return f"{FSI}{text}{PDI}" if text else text


def has_rtl(text: str) -> bool:
    """Whether ``text`` has a right-to-left letter (Hebrew, Arabic …)."""
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def isolate_where_needed(text: str, rtl_window: bool) -> str:
    """``text`` isolated when directions can mix: in a right-to-left window (where
    "@alice:example.org" or "#python" would otherwise show their leading sign at the end), or
    when it holds right-to-left letters; else unchanged."""
    return isolate(text) if rtl_window or has_rtl(text) else text
