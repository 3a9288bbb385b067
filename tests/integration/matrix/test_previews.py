"""Link previews (issue 18, item 6) against Synapse: made by the homeserver from a page served
on loopback — the page's server sees only Synapse, never us — with the image fetched as a small
server-made thumbnail; a page whose image claims to be enormous costs no more."""

from __future__ import annotations

import struct
import threading
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from app.backend import Failure
from app.models import LinkPreview
from backends.matrix.previews import IMAGE_BOX, MAX_IMAGE_BYTES
from tests.integration.matrix.helpers import Account, connect
from tests.integration.matrix.synapse import Synapse
from tests.integration.support import LOOPBACK

pytestmark = pytest.mark.integration


def png(width: int, height: int, *, claimed: tuple[int, int] | None = None) -> bytes:
    rows = b"".join(b"\x00" + b"\xc0\x40\x20" * width for _ in range(height))
    w, h = claimed or (width, height)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    head = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", head)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def page(title: str, image: str) -> bytes:
    return f"""<!doctype html><html><head><title>{title}</title>
<meta property="og:title" content="{title}">
<meta property="og:description" content="A page made for the preview test.">
<meta property="og:site_name" content="Loopback site">
<meta property="og:image" content="{image}">
<meta property="og:image:width" content="90000"><meta property="og:image:height" content="90000">
</head><body><p>Hello</p></body></html>""".encode()


class Site:
    """A web site on loopback that records who asked for what (by User-Agent)."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests.append((self.path, self.headers.get("User-Agent", "")))
                base = f"http://{LOOPBACK}:{site.port}"
                body, kind = {
                    "/tea.html": (page("All about tea", f"{base}/tea.png"), "text/html"),
                    "/tea.png": (png(640, 480), "image/png"),
                    "/bomb.html": (page("A huge picture", f"{base}/bomb.png"), "text/html"),
                    "/bomb.png": (png(8, 8, claimed=(60_000, 60_000)), "image/png"),
                }.get(self.path, (b"", ""))
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", kind or "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer((LOOPBACK, 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://{LOOPBACK}:{self.port}{path}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    try:
        yield s
    finally:
        s.close()


async def test_a_preview_made_by_the_homeserver(
    synapse: Synapse, account: Account, site: Site, tmp_path: Path
) -> None:
    session = await connect(synapse, account, tmp_path)
    try:
        found = await session.backend.link_preview(site.url("/tea.html"))
        assert isinstance(found, LinkPreview), found
        assert found.title == "All about tea"
        assert found.description == "A page made for the preview test."
        assert found.site_name == "Loopback site"
        assert found.image_url.startswith("mxc://")  # the server's copy, not the site's
        dest = tmp_path / "tea-thumb"
        outcome = await session.backend.preview_image(found, dest)
        assert outcome.ok, outcome.failure
        assert 0 < dest.stat().st_size <= MAX_IMAGE_BYTES
        width = (
            int.from_bytes(dest.read_bytes()[16:20], "big")
            if dest.read_bytes()[:4] == b"\x89PNG"
            else 0
        )
        assert width == 0 or width <= IMAGE_BOX[0]  # a thumbnail, not the 640 × 480 original
        # Every request the site saw came from Synapse, none from us.
        assert site.requests and all("Synapse" in agent for _path, agent in site.requests)
        for url in ("ftp://example.org/x", "file:///etc/passwd", "https://x/" + "a" * 3000):
            assert isinstance(await session.backend.link_preview(url), Failure)  # never asked
    finally:
        await session.backend.disconnect()


async def test_a_page_whose_image_claims_to_be_enormous(
    synapse: Synapse, account: Account, site: Site, tmp_path: Path
) -> None:
    session = await connect(synapse, account, tmp_path)
    try:
        found = await session.backend.link_preview(site.url("/bomb.html"))
        assert isinstance(found, LinkPreview), found
        assert found.title == "A huge picture"
        if found.image_url:  # the server kept it: we only ever take a bounded thumbnail
            dest = tmp_path / "bomb-thumb"
            outcome = await session.backend.preview_image(found, dest)
            if outcome.ok:
                assert dest.stat().st_size <= MAX_IMAGE_BYTES
    finally:
        await session.backend.disconnect()
