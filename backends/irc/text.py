"""Text on the wire: decoding with a fallback, case mapping, and splitting under the line limit.

IRC has no declared encoding. Modern networks send UTF-8, but old clients and bridges still send
Latin-1 or Windows-1252, so :func:`decode` keeps every valid UTF-8 sequence and reads only the
invalid bytes as cp1252 (Latin-1 for the five bytes cp1252 leaves undefined). A line therefore
never fails to decode and never loses the parts that were fine.

Case mapping decides which names are the same: ``#Chan`` and ``#chan`` are one channel, ``Bob``
and ``bob`` one person. The server announces its rule in ISUPPORT ``CASEMAPPING``; see
:func:`fold`.
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata

_FALLBACK_ERRORS = "chinwag-irc-fallback"


def _fallback_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)  # Latin-1: every byte is a character


def _fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return "".join(_fallback_char(b) for b in bad), exc.end


codecs.register_error(_FALLBACK_ERRORS, _fallback)


def decode(raw: bytes) -> str:
    """UTF-8 where it is valid; each invalid byte read as cp1252 (or Latin-1)."""
    return raw.decode("utf-8", errors=_FALLBACK_ERRORS)


_ASCII_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_LOWER = "abcdefghijklmnopqrstuvwxyz"
_TABLES = {
    "ascii": str.maketrans(_ASCII_UPPER, _ASCII_LOWER),
    "rfc1459": str.maketrans(_ASCII_UPPER + "[]\\~", _ASCII_LOWER + "{}|^"),
    "strict-rfc1459": str.maketrans(_ASCII_UPPER + "[]\\", _ASCII_LOWER + "{}|"),
}


_RFC1459_EXTRA = re.compile(r"[\[\]\\~]")  # what rfc1459 folds besides A–Z (strict: all but ~)


def fold_text(text: str, casemapping: str = "rfc1459") -> str:
    """:func:`fold` for any text (a message body), not remembered.

    ASCII text (nearly every line) takes ``str.lower``, which lowers exactly A–Z there, and a
    table only when one of ``[]\\~`` is in it: a table lookup per character was the slow part.
    """
    if casemapping == "rfc7613":
        return unicodedata.normalize("NFC", text).casefold()
    table = _TABLES.get(casemapping, _TABLES["rfc1459"])
    if not text.isascii():
        return text.translate(table)
    lowered = text.lower()
    if casemapping == "ascii" or not _RFC1459_EXTRA.search(lowered):
        return lowered
    return lowered.translate(table)


@functools.lru_cache(maxsize=4096)
def fold(name: str, casemapping: str = "rfc1459") -> str:
    """The canonical form of a nick or channel name under the server's CASEMAPPING.

    ``ascii`` lowers A–Z only; ``rfc1459`` (the default when a server says nothing) also treats
    ``[]\\~`` as the upper case of ``{}|^``; ``strict-rfc1459`` leaves out ``~``/``^``;
    ``rfc7613`` (PRECIS) uses Unicode case folding. An unknown mapping falls back to rfc1459.
    Remembered: a flood folds the same few nicks and channels several times per line (a fifth
    of the IRC reader's time before); message bodies go through :func:`fold_text` instead.
    """
    return fold_text(name, casemapping)


def _glued_to_previous(ch: str) -> bool:
    """Characters that must stay with the one before them (so an emoji or accent is not cut)."""
    code = ord(ch)
    return (
        unicodedata.combining(ch) != 0
        or ch in "\u200d\ufe0e\ufe0f"
        or 0x1F3FB <= code <= 0x1F3FF  # skin tones
        or 0xE0020 <= code <= 0xE007F  # tag characters (flags)
    )


def split_text(text: str, max_bytes: int) -> list[str]:
    """Split ``text`` into pieces of at most ``max_bytes`` UTF-8 bytes, never inside a character.

    A piece ends at the last space when there is one in its second half, so words stay whole; that
    one space is dropped (each piece becomes its own IRC line, and servers trim trailing blanks),
    so ``" "`` joins pieces cut at a space and ``""`` joins the rest. Combining marks, variation
    selectors, skin tones and zero-width joiners stay with the character before them.
    """
    if max_bytes < 4:
        raise ValueError("max_bytes must leave room for one character")
    if not text:
        return []
    pieces: list[str] = []
    start = 0
    n = len(text)
    while start < n:
        used = 0
        end = start
        while end < n:
            size = len(text[end].encode("utf-8", errors="surrogatepass"))
            if used + size > max_bytes:
                break
            used += size
            end += 1
        if end >= n:
            pieces.append(text[start:])
            break
        cut = end
        # Do not separate a character from what is glued to it (or after a joiner).
        while cut > start + 1 and (_glued_to_previous(text[cut]) or text[cut - 1] == "\u200d"):
            cut -= 1
        if cut == start + 1 and (_glued_to_previous(text[cut]) or text[cut - 1] == "\u200d"):
            cut = end  # one enormous cluster: cut it anyway rather than loop forever
        space = text.rfind(" ", start, cut)
        if space > start and space > start + (cut - start) // 2:
            pieces.append(text[start:space])
            start = space + 1
            continue
        pieces.append(text[start:cut])
        start = cut
    return pieces
