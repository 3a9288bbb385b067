"""mIRC codes → HTML (for MessageReceived.html) and the composer's HTML → codes."""

from __future__ import annotations

import pytest

from backends.irc.formatting import from_html, nearest_colour, strip, to_html

TO_HTML = [
    ("plain text", None),
    ("\x02bold\x02 normal", "<b>bold</b> normal"),
    ("\x1ditalic\x1d", "<i>italic</i>"),
    ("\x1funder\x1f", "<u>under</u>"),
    ("\x1estrike", "<s>strike</s>"),
    ("\x11mono", "<code>mono</code>"),
    ("\x0304red\x03 plain", '<font color="#FF0000">red</font> plain'),
    (
        "\x0304,02red on blue",
        '<font color="#FF0000" data-mx-bg-color="#00007F">red on blue</font>',
    ),
    ("\x034one digit", '<font color="#FF0000">one digit</font>'),
    (
        "\x0304,5 bg one digit",
        '<font color="#FF0000" data-mx-bg-color="#7F0000"> bg one digit</font>',
    ),
    ("\x0399default", None),
    ("\x0352extended", '<font color="#FF0000">extended</font>'),
    ("\x04FF8800hex", '<font color="#FF8800">hex</font>'),
    ("\x02\x1dboth\x0f reset", "<b><i>both</i></b> reset"),
    ("\x02bold \x1dand italic\x02 italic", "<b>bold </b><b><i>and italic</i></b><i> italic</i>"),
    ("\x02<script>&", "<b>&lt;script&gt;&amp;</b>"),
    (
        "\x0304,02x\x16y",
        '<font color="#FF0000" data-mx-bg-color="#00007F">x</font><font color="#00007F" data-mx-bg-color="#FF0000">y</font>',
    ),
    ("\x03,05comma only", None),  # a bare colour code: the comma is text
    ("\x02\x02", None),
    ("\x03", None),
]


@pytest.mark.parametrize(("text", "html"), TO_HTML)
def test_to_html(text: str, html: str | None) -> None:
    assert to_html(text) == html


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("\x02bold\x02 \x0304,02red\x03 \x1fu", "bold red u"),
        ("\x0312,99x", "x"),
        ("\x04ABCDEF,123456hex", "hex"),
        ("100\x03 percent", "100 percent"),
        ("\x03,05comma only", ",05comma only"),
        ("no codes", "no codes"),
    ],
)
def test_strip(text: str, plain: str) -> None:
    assert strip(text) == plain


FROM_HTML = [
    ("plain", "plain"),
    ("<b>bold</b> x", "\x02bold\x02 x"),
    ("<strong>s</strong><em>e</em>", "\x02s\x02\x1de"),
    ("<u>u</u><s>s</s><code>c</code>", "\x1fu\x1f\x1es\x1e\x11c"),
    ('<font color="#ff0000">red</font> x', "\x0304red\x03 x"),
    ('<font color="#ff0000">red</font>5', "\x0304red\x0f5"),  # a digit must not join the colour
    ('<font color="#ff0000">red</font>,x', "\x0304red\x0f,x"),
    ('<font color="#ff0000">,x</font>', "\x0304,99,x"),
    ('<span data-mx-color="#0000fc" data-mx-bg-color="#ffffff">b</span>', "\x0312,00b"),
    ("line one<br>line two", "line one\nline two"),
    ("<p>para one</p><p>para two</p>", "para one\npara two"),
    ("<b>bold<br>still bold</b>", "\x02bold\n\x02still bold"),
    ('<a href="https://example.org">site</a>', "site (https://example.org)"),
    ('<a href="https://example.org">https://example.org</a>', "https://example.org"),
    ("a &lt;b&gt; &amp; c", "a <b> & c"),
    ("<b><b>nested</b> still</b> no", "\x02nested still\x02 no"),
]


@pytest.mark.parametrize(("html", "text"), FROM_HTML)
def test_from_html(html: str, text: str) -> None:
    assert from_html(html) == text


@pytest.mark.parametrize(
    "html", ["<b>x</b>", "<i>a <u>b</u></i>", '<font color="#00ff00">g</font>']
)
def test_round_trip_keeps_the_text(html: str) -> None:
    assert strip(from_html(html)) == strip(from_html(html)).strip()
    assert to_html(from_html(html)) is not None


@pytest.mark.parametrize(
    ("css", "index"),
    [("#ff0000", 4), ("#000", 1), ("#FFFFFF", 0), ("#0000fc", 12), ("red", None), ("#12", None)],
)
def test_nearest_colour(css: str, index: int | None) -> None:
    assert nearest_colour(css) == index
