"""XEP-0392 colours: the spec's test vectors, and the contrast each theme gets."""

from __future__ import annotations

import pytest

from ui.identity_colors import (
    AA_CONTRAST,
    AAA_CONTRAST,
    color_key,
    contrast_ratio,
    hue_angle,
    initials,
    readable_rgb,
    relative_luminance,
    spec_rgb,
)

# XEP-0392 §A "Test vectors" (no colour-vision-deficiency correction).
VECTORS = [
    ("Romeo", 327.255249, (0.865, 0.000, 0.686)),
    ("juliet@capulet.lit", 209.410400, (0.000, 0.515, 0.573)),
    ("😺", 331.199341, (0.872, 0.000, 0.659)),
    ("council", 359.994507, (0.918, 0.000, 0.394)),
]

WHITE = (1.0, 1.0, 1.0)
DARK = (24 / 255, 25 / 255, 27 / 255)  # ui.theme.dark_palette's Base
BLACK = (0.0, 0.0, 0.0)


@pytest.mark.parametrize(("text", "angle", "rgb"), VECTORS)
def test_spec_vectors(text: str, angle: float, rgb: tuple[float, float, float]) -> None:
    assert hue_angle(text) == pytest.approx(angle, abs=1e-6)
    assert spec_rgb(text) == pytest.approx(rgb, abs=1e-3)


@pytest.mark.parametrize("text", [v[0] for v in VECTORS] + ["@alice:example.org", "bob"])
@pytest.mark.parametrize(
    ("background", "minimum"),
    [(WHITE, AA_CONTRAST), (DARK, AA_CONTRAST), (BLACK, AAA_CONTRAST), (WHITE, AAA_CONTRAST)],
)
def test_readable_on_every_background(
    text: str, background: tuple[float, float, float], minimum: float
) -> None:
    color = readable_rgb(text, background, minimum=minimum)
    assert contrast_ratio(color, background) >= minimum


def test_readable_keeps_the_spec_colour_when_it_already_reads() -> None:
    # HSLuv lightness 50 is ~4.48:1 on white, ~4.7:1 on black, ~3.9:1 on the dark theme's base:
    # kept on black, nudged darker on white, lighter on the dark theme.
    assert readable_rgb("Romeo", BLACK) == spec_rgb("Romeo")
    for background in (WHITE, DARK):
        assert contrast_ratio(spec_rgb("Romeo"), background) < AA_CONTRAST
        assert readable_rgb("Romeo", background) != spec_rgb("Romeo")
    assert relative_luminance(readable_rgb("Romeo", WHITE)) < relative_luminance(spec_rgb("Romeo"))
    assert relative_luminance(readable_rgb("Romeo", DARK)) > relative_luminance(spec_rgb("Romeo"))


def test_readable_keeps_the_hue() -> None:
    import hsluv

    for text, angle, _ in VECTORS:
        for background in (WHITE, DARK):
            h, s, _l = hsluv.rgb_to_hsluv(list(readable_rgb(text, background)))
            if s > 5:  # not pushed to grey
                assert h == pytest.approx(angle, abs=2.0)


def test_different_people_differ() -> None:
    assert hue_angle("alice") != hue_angle("bob")


@pytest.mark.parametrize(
    ("protocol", "sender", "key"),
    [
        ("xmpp", "room@muc.example/Romeo", "Romeo"),
        ("xmpp", "juliet@capulet.lit", "juliet@capulet.lit"),
        ("irc", "NickServ", "nickserv"),
        ("matrix", "@Alice:example.org", "@Alice:example.org"),
    ],
)
def test_color_key_per_service(protocol: str, sender: str, key: str) -> None:
    assert color_key(protocol, sender) == key


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("alice", "A"),
        ("Alice Liddell", "AL"),
        ("#chinwag", "C"),
        ("@bob:example.org", "B"),
        ("😺 cat", "😺"),
        ("", "?"),
        ("   ", "?"),
        ("jean_luc", "JL"),
    ],
)
def test_initials(name: str, expected: str) -> None:
    assert initials(name) == expected
