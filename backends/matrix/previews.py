"""Link previews through the homeserver (``GET /media/preview_url``, spec "Content repository"):
the server fetches the page and answers with its Open Graph fields, so the people a message
links to never see this client's address. Nothing here fetches a page itself.

The answer is untrusted: every field is cut to a sane length, only an ``mxc://`` image is kept,
and the image is fetched only as a server-made thumbnail of at most :data:`IMAGE_BOX` pixels
and :data:`MAX_IMAGE_BYTES` bytes (a page that names a 30,000 × 30,000 image costs no more).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from app.backend import Failure, FailureKind, Outcome
from app.i18n import CoreMessages
from app.models import LinkPreview
from backends.matrix import convert as cv
from backends.matrix.session import MatrixSession, not_connected

V1_PREVIEW = "/_matrix/client/v1/media/preview_url"  # authenticated media (spec v1.11)
LEGACY_PREVIEW = "/_matrix/media/v3/preview_url"
MAX_URL = 2048
IMAGE_BOX = (320, 240)
MAX_IMAGE_BYTES = 2 * 1024 * 1024
TEXT_LIMITS = {"og:title": 300, "og:description": 1000, "og:site_name": 100}


Thumbnail = Callable[..., Awaitable[Outcome]]
""":meth:`.media.Media.thumbnail` (url, dest, width, height, max_bytes=)."""


def _text(body: dict[str, Any], key: str) -> str:
    value = cv.get_str(body, key) or ""
    return " ".join(value.split())[: TEXT_LIMITS[key]]


def parse_preview(url: str, body: dict[str, Any]) -> LinkPreview | None:
    """A preview from the server's Open Graph answer; None when it says nothing useful."""
    image = cv.get_str(body, "og:image") or ""
    if cv.parse_mxc(image) is None:
        image = ""  # only the server's own copy, never a third-party address
    preview = LinkPreview(
        url=url,
        title=_text(body, "og:title"),
        description=_text(body, "og:description"),
        site_name=_text(body, "og:site_name"),
        image_url=image,
    )
    if not (preview.title or preview.description or preview.image_url):
        return None
    return preview


def previewable(url: str) -> bool:
    return url.startswith(("https://", "http://")) and len(url) <= MAX_URL and " " not in url


class Previews:
    """Link previews for one session."""

    def __init__(self, session: MatrixSession, thumbnail: Thumbnail) -> None:
        self.session = session
        self._thumbnail = thumbnail  # Media.thumbnail(url, dest, width, height, max_bytes=)

    async def preview(self, url: str) -> LinkPreview | Failure:
        session = self.session
        if not session.connected():
            return not_connected()
        if not previewable(url):
            return Failure(FailureKind.CONFIG, CoreMessages.tr("Only web links have previews."))
        features = await session.features.get(session.api)
        query: dict[str, str | int] = {"url": url}
        reply = await session.api.request(
            "GET", V1_PREVIEW if features.authenticated_media else LEGACY_PREVIEW,
            query=query, timeout=60,
        )  # fmt: skip
        if reply.status in (404, 405) and features.authenticated_media:
            reply = await session.api.request("GET", LEGACY_PREVIEW, query=query, timeout=60)
        if not reply.ok:
            return reply.failure()
        found = parse_preview(url, reply.body)
        if found is None:
            return Failure(
                FailureKind.REJECTED, CoreMessages.tr("The page has nothing to preview.")
            )
        return found

    async def image(self, preview: LinkPreview, dest: Path) -> Outcome:
        if not preview.image_url:
            return Outcome(
                Failure(FailureKind.CONFIG, CoreMessages.tr("The preview has no image."))
            )
        width, height = IMAGE_BOX
        return await self._thumbnail(
            preview.image_url, dest, width, height, max_bytes=MAX_IMAGE_BYTES
        )
