"""mIRC formatting codes ↔ HTML.

Incoming: the control codes (bold ``\\x02``, italic ``\\x1d``, underline ``\\x1f``, strikethrough
``\\x1e``, monospace ``\\x11``, colour ``\\x03FG[,BG]``, hex colour ``\\x04RRGGBB[,RRGGBB]``,
reverse ``\\x16``, reset ``\\x0f``) become HTML for ``MessageReceived.html``. Each run of text
with one style is rendered as its own set of nested tags, so the result is always well formed
whatever order the codes came in. The core sanitises it anyway; we only escape the text.

Outgoing: the composer's (already sanitised) HTML becomes codes again, colours mapped to the
nearest of the 16 standard colours that every client shows.

Colour numbers and values follow https://modern.ircdocs.horse/formatting.html.
"""

from __future__ import annotations

import html as html_lib
import re
from html.parser import HTMLParser
from typing import NamedTuple

BOLD = "\x02"
COLOR = "\x03"
HEX_COLOR = "\x04"
RESET = "\x0f"
MONOSPACE = "\x11"
REVERSE = "\x16"
ITALIC = "\x1d"
STRIKE = "\x1e"
UNDERLINE = "\x1f"
CODES = frozenset(
    BOLD + COLOR + HEX_COLOR + RESET + MONOSPACE + REVERSE + ITALIC + STRIKE + UNDERLINE
)
_CODE = re.compile("[\x02\x03\x04\x0f\x11\x16\x1d\x1e\x1f]")

PALETTE: tuple[str, ...] = (
    # 0-15: the classic mIRC colours
    "FFFFFF", "000000", "00007F", "009300", "FF0000", "7F0000", "9C009C", "FC7F00",
    "FFFF00", "00FC00", "009393", "00FFFF", "0000FC", "FF00FF", "7F7F7F", "D2D2D2",
    # 16-98: the extended palette
    "470000", "472100", "474700", "324700", "004700", "00472C", "004747", "002747",
    "000047", "2E0047", "470047", "47002A", "740000", "743A00", "747400", "517400",
    "007400", "007449", "007474", "004074", "000074", "4B0074", "740074", "740045",
    "B50000", "B56300", "B5B500", "7DB500", "00B500", "00B571", "00B5B5", "0063B5",
    "0000B5", "7500B5", "B500B5", "B5006B", "FF0000", "FF8C00", "FFFF00", "B2FF00",
    "00FF00", "00FFA0", "00FFFF", "008CFF", "0000FF", "A500FF", "FF00FF", "FF0098",
    "FF5959", "FFB459", "FFFF71", "CFFF60", "6FFF6F", "65FFC9", "6DFFFF", "59B4FF",
    "5959FF", "C459FF", "FF66FF", "FF59BC", "FF9C9C", "FFD39C", "FFFF9C", "E2FF9C",
    "9CFF9C", "9CFFDB", "9CFFFF", "9CD3FF", "9C9CFF", "DC9CFF", "FF9CFF", "FF94D3",
    "000000", "131313", "282828", "363636", "4D4D4D", "656565", "818181", "9F9F9F",
    "BCBCBC", "E2E2E2", "FFFFFF",
)  # fmt: skip


class Style(NamedTuple):
    """One combination of formatting (a tuple: cheap to make and compare per run of text)."""

    bold: bool = False
    italic: bool = False
    underline: bool = False
    strike: bool = False
    monospace: bool = False
    fg: str | None = None  # "RRGGBB"
    bg: str | None = None

    @property
    def plain(self) -> bool:
        return self == PLAIN


PLAIN = Style()
_TOGGLES = {
    BOLD: "bold",
    ITALIC: "italic",
    UNDERLINE: "underline",
    STRIKE: "strike",
    MONOSPACE: "monospace",
}


def _palette(number: int) -> str | None:
    return PALETTE[number] if 0 <= number < len(PALETTE) else None  # 99 means "default"


def _read_digits(text: str, pos: int, limit: int = 2) -> tuple[str, int]:
    end = pos
    while end < len(text) and end - pos < limit and text[end].isdigit() and text[end].isascii():
        end += 1
    return text[pos:end], end


def _read_hex(text: str, pos: int) -> tuple[str, int]:
    chunk = text[pos : pos + 6]
    if len(chunk) == 6 and all(c in "0123456789abcdefABCDEF" for c in chunk):
        return chunk.upper(), pos + 6
    return "", pos


def _toggled(style: Style, name: str) -> Style:
    match name:
        case "bold":
            return style._replace(bold=not style.bold)
        case "italic":
            return style._replace(italic=not style.italic)
        case "underline":
            return style._replace(underline=not style.underline)
        case "strike":
            return style._replace(strike=not style.strike)
        case _:
            return style._replace(monospace=not style.monospace)


def _colour(text: str, i: int, style: Style) -> tuple[Style, int]:
    """After ``\x03`` at ``i - 1``: the new style and where the text goes on."""
    fg_digits, j = _read_digits(text, i)
    if not fg_digits:
        return style._replace(fg=None, bg=None), i
    bg = style.bg
    if j + 1 < len(text) and text[j] == "," and text[j + 1].isdigit() and text[j + 1].isascii():
        bg_digits, j = _read_digits(text, j + 1)
        bg = _palette(int(bg_digits))
    return style._replace(fg=_palette(int(fg_digits)), bg=bg), j


def _hex_colour(text: str, i: int, style: Style) -> tuple[Style, int]:
    """After ``\x04`` at ``i - 1``: the new style and where the text goes on."""
    fg_hex, j = _read_hex(text, i)
    if not fg_hex:
        return style._replace(fg=None, bg=None), i
    bg_hex = style.bg
    if j < len(text) and text[j] == ",":
        candidate, k = _read_hex(text, j + 1)
        if candidate:
            bg_hex, j = candidate, k
    return style._replace(fg=fg_hex, bg=bg_hex), j


def parse(text: str) -> list[tuple[Style, str]]:
    """Runs of (style, text) in order; codes are consumed, empty runs dropped."""
    runs: list[tuple[Style, str]] = []
    style = PLAIN
    start = 0
    n = len(text)
    match = _CODE.search(text)
    while match is not None:
        i = match.start()
        if i > start:
            chunk = text[start:i]
            if runs and runs[-1][0] == style:
                runs[-1] = (style, runs[-1][1] + chunk)
            else:
                runs.append((style, chunk))
        ch = text[i]
        i += 1
        if ch in _TOGGLES:
            style = _toggled(style, _TOGGLES[ch])
        elif ch == RESET:
            style = PLAIN
        elif ch == REVERSE:
            style = style._replace(fg=style.bg, bg=style.fg)
        elif ch == COLOR:
            style, i = _colour(text, i, style)
        else:
            style, i = _hex_colour(text, i, style)
        start = i
        match = _CODE.search(text, start)
    if start < n:
        chunk = text[start:]
        if runs and runs[-1][0] == style:
            runs[-1] = (style, runs[-1][1] + chunk)
        else:
            runs.append((style, chunk))
    return runs


def strip(text: str) -> str:
    """The text without any formatting codes (the plain body every message has)."""
    if _CODE.search(text) is None:
        return text
    return "".join(chunk for _, chunk in parse(text))


def _render(style: Style, chunk: str) -> str:
    out = html_lib.escape(chunk, quote=False)
    if style.fg or style.bg:
        attrs = f' color="#{style.fg}"' if style.fg else ""
        if style.bg:
            attrs += f' data-mx-bg-color="#{style.bg}"'
        out = f"<font{attrs}>{out}</font>"
    for flag, tag in (
        (style.monospace, "code"),
        (style.strike, "s"),
        (style.underline, "u"),
        (style.italic, "i"),
        (style.bold, "b"),
    ):
        if flag:
            out = f"<{tag}>{out}</{tag}>"
    return out


def to_html(text: str) -> str | None:
    """HTML for a line with formatting codes; ``None`` when it has none (the body says it all)."""
    return split(text)[1]


def split(text: str) -> tuple[str, str | None]:
    """(plain text, HTML or ``None``) for one line, parsing it once."""
    if _CODE.search(text) is None:
        return text, None
    runs = parse(text)
    plain = "".join(chunk for _, chunk in runs)
    if all(style == PLAIN for style, _ in runs):
        return plain, None
    return plain, "".join(_render(style, chunk) for style, chunk in runs)


# -- HTML → codes ----------------------------------------------------------------------------


def _rgb(hex6: str) -> tuple[int, int, int]:
    return int(hex6[0:2], 16), int(hex6[2:4], 16), int(hex6[4:6], 16)


def nearest_colour(value: str) -> int | None:
    """The nearest of the 16 standard colours to a CSS ``#rgb``/``#rrggbb`` value, if it is one."""
    value = value.strip().lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    if len(value) != 6 or any(c not in "0123456789abcdefABCDEF" for c in value):
        return None
    r, g, b = _rgb(value)
    best = min(
        range(16),
        key=lambda i: sum((x - y) ** 2 for x, y in zip(_rgb(PALETTE[i]), (r, g, b), strict=True)),
    )
    return best


_TAG_FLAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strike",
    "del": "strike",
    "strike": "strike",
    "code": "monospace",
    "tt": "monospace",
}
_BLOCKS = frozenset(
    {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote"}
)


class _ToIrc(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.stack: list[tuple[str, Style]] = []
        self.style = PLAIN
        self.emitted = PLAIN
        self.fg_index: dict[str, int] = {}
        self.links: list[str | None] = []
        self.link_text: list[str] = []

    def _push(self, tag: str, style: Style) -> None:
        self.stack.append((tag, self.style))
        self.style = style

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if tag == "br":
            self._newline()
            return
        if tag in _BLOCKS:
            self._block()
        if tag in _TAG_FLAGS:
            flag = _TAG_FLAGS[tag]
            style = self.style if getattr(self.style, flag) else _toggled(self.style, flag)
            self._push(tag, style)
        elif tag in ("font", "span"):
            fg = attr.get("color") or attr.get("data-mx-color")
            bg = attr.get("data-mx-bg-color")
            style = self.style
            fg_i = nearest_colour(fg) if fg else None
            bg_i = nearest_colour(bg) if bg else None
            if fg_i is not None:
                style = style._replace(fg=f"{fg_i:02d}")
            if bg_i is not None:
                style = style._replace(bg=f"{bg_i:02d}")
            self._push(tag, style)
        elif tag == "a":
            self.links.append(attr.get("href"))
            self._push(tag, self.style)
            self.link_text = []

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._block()
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                self.style = self.stack[index][1]
                del self.stack[index:]
                break
        if tag == "a" and self.links:
            href = self.links.pop()
            text = "".join(self.link_text)
            if href and href not in (text, "mailto:" + text) and not href.startswith("#"):
                self._text(f" ({href})")

    def handle_data(self, data: str) -> None:
        if self.links:
            self.link_text.append(data)
        self._text(data)

    def _text(self, data: str) -> None:
        if not data:
            return
        self._apply(self.style, data[0])
        self.out.append(data)

    def _apply(self, want: Style, first: str) -> None:
        have = self.emitted
        if want == have:
            return
        codes: list[str] = []
        colour_off = (have.fg or have.bg) and not (want.fg or want.bg)
        # A bare colour code followed by a digit or comma would be read as a colour: reset instead.
        if colour_off and (first.isdigit() or first == ","):
            codes.append(RESET)
            have = PLAIN
        for code, name in _TOGGLES.items():
            if getattr(have, name) != getattr(want, name):
                codes.append(code)
        if (want.fg, want.bg) != (have.fg, have.bg):
            if want.fg or want.bg:
                fg = want.fg or "99"
                bg = want.bg or ("99" if first == "," else "")
                codes.append(COLOR + fg + ("," + bg if bg else ""))
            else:
                codes.append(COLOR)
        self.out.append("".join(codes))
        self.emitted = want

    def _newline(self) -> None:
        # Every IRC line starts unformatted: the style is emitted again after the break.
        self.out.append("\n")
        self.emitted = PLAIN

    def _block(self) -> None:
        if self.out and not "".join(self.out).endswith("\n"):
            self._newline()

    def result(self) -> str:
        # No closing codes at the end: every client resets the style at the end of a line.
        return "".join(self.out).strip("\n")


def from_html(html: str) -> str:
    """IRC text with formatting codes for an HTML fragment (line breaks kept as ``\\n``)."""
    parser = _ToIrc()
    parser.feed(html)
    parser.close()
    return parser.result()
