"""Spoilers are cut out of the HTML and its text, whatever the markup around or inside them."""

from __future__ import annotations

from app.sanitize import sanitize_html
from app.spoilers import has_spoiler, hide_spoilers, spoiler_html


def _hide(html: str) -> tuple[str, str, tuple[str, ...]]:
    hidden = hide_spoilers(html, lambda r: f"<b>[{r}]</b>", lambda r: f"Spoiler: {r}")
    return hidden.html, hidden.text, hidden.reasons


def test_a_spoiler_span_and_what_it_holds_are_replaced() -> None:
    html = sanitize_html(
        '<p>Before <span data-mx-spoiler="plot">Snape <span data-mx-color="#ff0000">kills'
        "</span> <b>Dumbledore</b></span> after &amp; more</p><p>line<br>two</p>"
    )
    assert html is not None and has_spoiler(html)
    shown, text, reasons = _hide(html)
    for word in ("Snape", "kills", "Dumbledore", "ff0000"):
        assert word not in shown and word not in text
    assert shown == "<p>Before <b>[plot]</b> after &amp; more</p><p>line<br>two</p>"
    assert text == "Before Spoiler: plot after & more\nline\ntwo"
    assert reasons == ("plot",)


def test_several_spoilers_and_one_without_a_reason() -> None:
    shown, text, reasons = _hide(
        'a <span data-mx-spoiler="">x</span> b <span data-mx-spoiler="r&lt;2">y</span> c'
    )
    assert shown == "a <b>[]</b> b <b>[r<2]</b> c"  # (the real placeholder escapes it)
    assert reasons == ("", "r<2")
    assert text == "a Spoiler: b Spoiler: r<2 c"


def test_a_span_without_the_attribute_is_kept() -> None:
    html = '<span data-mx-color="#00ff00">green</span>'
    assert not has_spoiler(html) and not has_spoiler(None)
    assert _hide(html)[0] == html


def test_a_marked_body_escapes_its_reason() -> None:
    marked = spoiler_html("the <b>end</b>", 'who"><script>x</script>')
    cleaned = sanitize_html(marked)
    assert cleaned is not None and has_spoiler(cleaned)
    shown, text, reasons = _hide(cleaned)
    assert "end" not in shown and "end" not in text
    assert reasons == ('who"><script>x</script>',)
