"""What the homeserver offers beyond the basics, asked once per session (``GET /versions``).

Threaded read receipts came with spec v1.4, authenticated media with v1.11; simplified sliding
sync (MSC4186) is announced as ``org.matrix.simplified_msc3575`` in ``unstable_features`` (and
otherwise found by trying it: Synapse serves it without announcing it).
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from typing import Any

from backends.matrix import convert as cv
from backends.matrix.http import MatrixHttp

SLIDING_SYNC_FEATURE = "org.matrix.simplified_msc3575"


def _version(text: str) -> tuple[int, int] | None:
    match = re.fullmatch(r"v(\d+)\.(\d+)", text)
    return (int(match.group(1)), int(match.group(2))) if match else None


@dataclass(frozen=True)
class ServerFeatures:
    """What one ``/versions`` answer says (all False when it could not be read)."""

    threaded_receipts: bool = False
    authenticated_media: bool = False
    sliding_sync: bool | None = None  # None: not announced either way (try it)

    @classmethod
    def parse(cls, body: dict[str, Any]) -> ServerFeatures:
        versions = {v for v in (_version(x) for x in cv.get_list(body, "versions") or []
                                if isinstance(x, str)) if v is not None}  # fmt: skip
        unstable = cv.get_dict(body, "unstable_features") or {}
        sliding = unstable.get(SLIDING_SYNC_FEATURE)
        return cls(
            threaded_receipts=any(v >= (1, 4) for v in versions),
            authenticated_media=any(v >= (1, 11) for v in versions),
            sliding_sync=sliding if isinstance(sliding, bool) else None,
        )


class Features:
    """The homeserver's features for one session, asked for at most once (concurrent callers
    share the one request)."""

    def __init__(self) -> None:
        self._known: ServerFeatures | None = None
        self._lock = asyncio.Lock()

    async def get(self, http: MatrixHttp) -> ServerFeatures:
        async with self._lock:
            if self._known is None:
                reply = await http.request("GET", "/_matrix/client/versions", timeout=15)
                if not reply.ok:
                    return ServerFeatures()  # asked again next time
                self._known = ServerFeatures.parse(reply.body)
            return self._known
