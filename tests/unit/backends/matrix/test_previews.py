"""The homeserver's Open Graph answer as a preview: cut to size, only the server's own image,
nothing from a page that says nothing; only web links are asked about."""

from __future__ import annotations

from backends.matrix.previews import parse_preview, previewable

URL = "https://example.org/a"


def test_fields_are_cut_and_only_an_mxc_image_is_kept() -> None:
    found = parse_preview(
        URL,
        {
            "og:title": "  A\n title  " + "x" * 1000,
            "og:description": "d" * 5000,
            "og:site_name": 7,
            "og:image": "https://tracker.example/pixel.png",
            "og:image:width": 10**9,
        },
    )
    assert found is not None
    assert found.title.startswith("A title") and len(found.title) == 300
    assert len(found.description) == 1000
    assert found.site_name == "" and found.image_url == ""
    kept = parse_preview(URL, {"og:image": "mxc://server/id"})
    assert kept is not None and kept.image_url == "mxc://server/id"
    assert parse_preview(URL, {"og:image": "mxc://bad"}) is None
    assert parse_preview(URL, {}) is None


def test_only_web_links_are_previewed() -> None:
    assert previewable("https://example.org/x") and previewable("http://example.org")
    for url in ("ftp://x/y", "file:///etc/passwd", "https://a b", "https://x/" + "a" * 3000):
        assert not previewable(url)
