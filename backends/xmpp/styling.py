"""Rich text over XMPP as Message Styling (XEP-0393), both ways; pure functions.

Why XEP-0393 and not XHTML-IM (XEP-0071): XHTML-IM is deprecated, and the clients people use
(Conversations, Dino, Gajim, Monal, Siskin) show styling directives in the plain body instead. So
the composer's HTML goes out as a body with ``*strong*``, ``_emphasis_``, ``~strike~``,
`` `code` ``, fenced blocks and ``>`` quotes — readable as it is by any client that styles
nothing — and a received body with directives is shown formatted. An incoming XHTML-IM body is
still shown (see :mod:`backends.xmpp.convert`); we just never send one.
"""

from __future__ import annotations

import html as html_lib
import re
from html.parser import HTMLParser

_SPAN = {"strong": "*", "b": "*", "em": "_", "i": "_", "del": "~", "s": "~", "strike": "~"}
_SPAN_HTML = {"*": "strong", "_": "em", "~": "s"}
# An opening directive starts the text or follows whitespace or an opening one; its span has no
# whitespace just inside either end and ends before whitespace, punctuation or the end.
_INLINE = re.compile(
    r"(?<![^\s*_~`])(?P<d>[*_~`])(?P<t>[^\s*_~`](?:[^\n]*?[^\s])?)(?P=d)(?=$|[\s.,;:!?)\]'\"*_~`])"
)


class _ToStyling(HTMLParser):
    """Walks the HTML and writes the body line by line (quote prefixes added per line)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.href: list[tuple[str | None, int, int]] = []
        self.pre = 0
        self.quote = 0

    # -- writing -----------------------------------------------------------------------------

    def _write(self, text: str) -> None:
        for i, part in enumerate(text.split("\n")):
            if i:
                self.lines.append("")
            if part:
                if not self.lines[-1] and self.quote:
                    self.lines[-1] = "> " * self.quote
                self.lines[-1] += part

    def _at_line_start(self) -> bool:
        return not self.lines[-1].strip(" >")

    def _newline(self) -> None:
        self.lines.append("")

    def _block(self) -> None:
        """Start a new block: a blank line after any text (quoted lines keep their prefix)."""
        while len(self.lines) > 1 and not self.lines[-1].strip(" >"):
            self.lines.pop()
        last = self.lines[-1]
        if last.strip(" >"):
            depth = (len(last) - len(last.lstrip("> "))) // 2
            self.lines.append("> " * min(depth, self.quote))
            self.lines.append("")

    # -- parsing -----------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SPAN:
            self._write(_SPAN[tag])
        elif tag == "code" and not self.pre:
            self._write("`")
        elif tag == "pre":
            self._block()
            self._write("```\n")
            self.pre += 1
        elif tag == "br":
            self._newline()
        elif tag == "blockquote":
            self._block()
            self.quote += 1
        elif tag in ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "hr"):
            self._block()
        elif tag in ("li", "tr"):
            if not self._at_line_start():
                self._newline()
            if tag == "li":
                self._write("• ")
        elif tag == "a":
            self.href.append((dict(attrs).get("href"), len(self.lines), len(self.lines[-1])))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SPAN:
            self._write(_SPAN[tag])
        elif tag == "code" and not self.pre:
            self._write("`")
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
            if not self._at_line_start():
                self._newline()
            self._write("```")
        elif tag == "blockquote":
            self.quote = max(0, self.quote - 1)
            self._block()
        elif tag == "a" and self.href:
            href, line, col = self.href.pop()
            text = "\n".join([self.lines[line - 1][col:], *self.lines[line:]]).strip()
            if href and href != text and href.removeprefix("mailto:") != text:
                self._write(f" <{href}>")

    def handle_data(self, data: str) -> None:
        if not self.pre:
            data = re.sub(r"\s*\n\s*", " ", data)
            if self._at_line_start():
                data = data.lstrip()
        elif data.endswith("\n"):
            data = data[:-1]  # the fence's own line break follows
        self._write(data)


def html_to_styling(html: str) -> str:
    """The body to send for the (sanitised) HTML the composer made."""
    parser = _ToStyling()
    parser.feed(html)
    parser.close()
    text = "\n".join(line.rstrip() for line in parser.lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def styling_to_html(body: str) -> str | None:
    """HTML for a received body with styling directives; None when it has none (the body is
    then shown as plain text, as most messages are)."""
    if not any(c in body for c in "*_~`>"):
        return None
    out: list[str] = []
    lines = body.split("\n")
    i = 0
    styled = False
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            end = next((j for j in range(i + 1, len(lines)) if lines[j] == "```"), len(lines))
            block = "\n".join(lines[i + 1 : end])
            out.append(f"<pre><code>{html_lib.escape(block, quote=False)}</code></pre>")
            styled = True
            i = end + 1
            continue
        if line.startswith(">"):
            quoted = []
            while i < len(lines) and lines[i].startswith(">"):
                quoted.append(lines[i][1:].removeprefix(" "))
                i += 1
            inner = styling_to_html("\n".join(quoted))
            text = inner if inner is not None else _escape_lines(quoted)
            out.append(f"<blockquote>{text}</blockquote>")
            styled = True
            continue
        spans = _inline(line)
        styled = styled or spans != html_lib.escape(line, quote=False)
        out.append(spans + ("<br>" if i + 1 < len(lines) else ""))
        i += 1
    return "".join(out) if styled else None


def _escape_lines(lines: list[str]) -> str:
    return "<br>".join(html_lib.escape(line, quote=False) for line in lines)


def _inline(line: str) -> str:
    parts: list[str] = []
    pos = 0
    for match in _INLINE.finditer(line):
        parts.append(html_lib.escape(line[pos : match.start()], quote=False))
        directive, text = match.group("d"), match.group("t")
        if directive == "`":
            parts.append(f"<code>{html_lib.escape(text, quote=False)}</code>")
        else:
            tag = _SPAN_HTML[directive]
            parts.append(f"<{tag}>{directive}{_inline(text)}{directive}</{tag}>")
        pos = match.end()
    parts.append(html_lib.escape(line[pos:], quote=False))
    return "".join(parts)
