"""Text of both directions side by side: names and bodies kept apart from the words around them."""

from __future__ import annotations

FSI = "\u2068"  # FIRST STRONG ISOLATE: the enclosed text takes its own first strong direction
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE


def isolate(text: str) -> str:
    """``text`` as a Unicode isolate (FSI … PDI): laid out in its own direction, from its first
    strong character, without reordering the text around it (an Arabic name before English, an
    English name in an Arabic sentence)."""
    return f"{FSI}{text}{PDI}" if text else text
