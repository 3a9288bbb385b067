"""Hostile HTML never survives; harmless formatting does."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from app.sanitize import MAX_HTML_CHARS, sanitize_html


@pytest.mark.parametrize(
    ("html", "must_contain", "must_not_contain"),
    [
        ("<b>bold</b> <i>it</i>", ["<b>bold</b>", "<i>it</i>"], []),
        ("<script>alert(1)</script>hi", ["hi"], ["script", "alert"]),
        ("<style>body{display:none}</style>x", ["x"], ["style", "display"]),
        ('<img src="https://tracker.example/p.gif">', [], ["tracker", "<img"]),
        ('<img src="mxc://server/abc" alt="cat">', ['src="mxc://server/abc"'], []),
        ('<a href="javascript:alert(1)">x</a>', [">x</a>"], ["javascript"]),
        ('<a href="https://ok.example">ok</a>', ['href="https://ok.example"', "noopener"], []),
        ('<p onclick="steal()">p</p>', ["<p>p</p>"], ["onclick", "steal"]),
        ("<mx-reply><blockquote>quoted</blockquote></mx-reply>answer", ["answer"], ["quoted"]),
        ('<iframe src="https://evil"></iframe>', [], ["iframe", "evil"]),
        ('<form action="x"><input name="p"></form>', [], ["form", "input"]),
        ('<code class="language-python">x</code>', ['class="language-python"'], []),
        ('<code class="evil">x</code>', ["<code>x</code>"], ["evil"]),
        ("<!-- secret --><b>x</b>", ["<b>x</b>"], ["secret"]),
        ('<font color="red" data-mx-color="#ff0000">red</font>', ["red"], []),
        ("<svg><script>1</script></svg>", [], ["svg", "script"]),
    ],
)
def test_sanitize(html: str, must_contain: list[str], must_not_contain: list[str]) -> None:
    out = sanitize_html(html) or ""
    for piece in must_contain:
        assert piece in out
    for piece in must_not_contain:
        assert piece not in out


@pytest.mark.parametrize("html", [None, "", "   ", "<script>only</script>"])
def test_nothing_left_is_none(html: str | None) -> None:
    assert sanitize_html(html) is None


def test_oversized_html_is_dropped() -> None:
    assert sanitize_html("<b>" + "x" * (MAX_HTML_CHARS + 1) + "</b>") is None


def test_refused_image_keeps_its_description() -> None:
    out = sanitize_html('<p>look <img src="https://x/cat.png" alt="a cat &amp; a dog"></p>')
    assert out == "<p>look [a cat &amp; a dog]</p>"


def test_nh3_is_loaded_with_the_first_html_to_clean() -> None:
    """The core and the IRC backend come without nh3 (1.4 MB); the first HTML loads it."""
    code = """
import json, sys
import app.core, app.dispatch, backends.irc
from app.sanitize import sanitize_html
before = "nh3" in sys.modules
cleaned = sanitize_html("<b>hi</b><script>x</script>")
print(json.dumps([before, cleaned, "nh3" in sys.modules]))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [False, "<b>hi</b>", True]
