"""Consistent colours for people (XEP-0392), made readable on the current background.

XEP-0392 maps an identifier to a hue (SHA-1, the first two bytes little-endian, scaled to 360°)
and renders it in HSLuv at saturation 100, lightness 50, so Chinwag, Conversations, Gajim,
Dino and Converse.js all paint "juliet@capulet.lit" the same. The spec applies to any string,
so Matrix user ids and IRC nicks get their colours the same way.

A fixed lightness is unreadable on some backgrounds (blue on a dark theme); the spec allows
adapting it. We keep the hue and move only HSLuv lightness until the colour reaches the WCAG
contrast ratio (4.5:1, or 7:1 in a high-contrast theme) against the background. The colour is
never the only cue: the name is always written beside it.

Pure Python (no Qt), so the spec's test vectors run as plain unit tests.
"""

from __future__ import annotations

import hashlib

import hsluv

RGB = tuple[float, float, float]
"""Red, green, blue in 0..1."""

AA_CONTRAST = 4.5
AAA_CONTRAST = 7.0


def hue_angle(identifier: str) -> float:
    """XEP-0392 §5.1: the hue in degrees for ``identifier`` (UTF-8, no normalisation)."""
    digest = hashlib.sha1(identifier.encode("utf-8"), usedforsecurity=False).digest()
    return (digest[0] + digest[1] * 256) / 65536.0 * 360.0


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


def spec_rgb(identifier: str) -> RGB:
    """XEP-0392 §5.4: the colour with HSLuv saturation 100 and lightness 50."""
    return _hsluv(hue_angle(identifier), 50.0)


def _hsluv(hue: float, lightness: float) -> RGB:
    r, g, b = hsluv.hsluv_to_rgb([hue, 100.0, lightness])
    return (_clamp(r), _clamp(g), _clamp(b))


def relative_luminance(rgb: RGB) -> float:
    """WCAG 2 relative luminance."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: RGB, b: RGB) -> float:
    """WCAG 2 contrast ratio, 1 (none) to 21 (black on white)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def readable_rgb(identifier: str, background: RGB, *, minimum: float = AA_CONTRAST) -> RGB:
    """The identifier's hue at the lightness nearest 50 that reaches ``minimum`` contrast.

    Light backgrounds darken the colour, dark ones lighten it; the hue (what makes two people
    tell apart) never moves. Black or white is the last resort, which always reaches 4.5:1.
    """
    hue = hue_angle(identifier)
    color = _hsluv(hue, 50.0)
    if contrast_ratio(color, background) >= minimum:
        return color
    dark_background = relative_luminance(background) < 0.18
    step = 2.0 if dark_background else -2.0
    lightness = 50.0
    while 0.0 < lightness < 100.0:
        lightness += step
        color = _hsluv(hue, lightness)
        if contrast_ratio(color, background) >= minimum:
            return color
    return (1.0, 1.0, 1.0) if dark_background else (0.0, 0.0, 0.0)


def color_key(protocol_id: str, sender: str) -> str:
    """The string XEP-0392 colours for a sender, per service.

    XMPP: a bare JID, or in a room the occupant's nickname (the resource of ``room@host/nick``),
    as the spec advises when the real JID is unknown. IRC nicks are case-insensitive, so they
    are folded. Matrix user ids are used as they are.
    """
    if protocol_id == "xmpp" and "/" in sender:
        return sender.split("/", 1)[1]
    if protocol_id == "irc":
        return sender.casefold()
    return sender


def initials(name: str) -> str:
    """One or two letters for a generated avatar: the first letter of the first two words,
    skipping sigils (``#``, ``@``, ``!``, ``+``, ``&``) and keeping a whole grapheme when the
    name starts with one that is not a letter (an emoji)."""
    cleaned = name.strip().lstrip("#@!+&~%:")
    if name.strip().startswith("@") or "@" in cleaned:
        cleaned = cleaned.split(":", 1)[0].split("@", 1)[0]  # a Matrix id or a JID: its localpart
    words = [w for w in cleaned.replace("_", " ").split() if w]
    if not words:
        return "?"
    if not words[0][0].isalnum():
        return words[0][0]
    letters = [w[0] for w in words[:2] if w[0].isalnum()]
    return "".join(letters).upper()
