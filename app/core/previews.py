"""Link previews: a card under a message that links to a web page — off unless the person
turns them on (``privacy.link_previews``).

Only the service makes them (the Matrix homeserver fetches the page; this client never
contacts the site), and never in an end-to-end encrypted conversation, where asking the server
would tell it which links were sent. Answers are kept for the session (at most
:data:`MAX_CACHED` links, failures too, so a flood of one link asks once); the image is a small
thumbnail under the cache folder.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import replace

from app.backend import Capability, Failure, SupportsLinkPreviews, as_capable
from app.core.services import PREF_LINK_PREVIEWS, CoreServices
from app.models import ConversationId, LinkPreview

MAX_CACHED = 500


class PreviewCommands:
    """``core.previews``: the preview of a link in a conversation, when allowed."""

    def __init__(self, services: CoreServices) -> None:
        self._s = services
        self._cache: OrderedDict[tuple[str, str], LinkPreview | None] = OrderedDict()

    def enabled(self) -> bool:
        return bool(self._s.preference(PREF_LINK_PREVIEWS, False))

    async def preview(self, conv: ConversationId, url: str) -> LinkPreview | None:
        """The preview of ``url`` sent in ``conv``, or None (turned off, an encrypted
        conversation, a service without previews, or nothing to show)."""
        if not self.enabled():
            return None
        s = self._s
        session = s.session(conv.account_id)
        backend = as_capable(session.backend, SupportsLinkPreviews)
        if backend is None or not session.capabilities(conv) & Capability.LINK_PREVIEWS:
            return None
        stored = await s.worker.run(session.store.conversation, conv.native_id)
        if stored is None or stored.encrypted:
            return None
        key = (conv.account_id, url)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        found = await backend.link_preview(url)
        preview = None if isinstance(found, Failure) else found
        if preview is not None and preview.image_url:
            name = hashlib.sha256(url.encode()).hexdigest()[:32]
            dest = s.ctx.paths.cache_dir / "previews" / conv.account_id / name
            if not dest.exists():
                dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                fetched = await backend.preview_image(preview, dest)
            else:
                fetched = None
            if fetched is None or fetched.ok:
                preview = replace(preview, image_path=str(dest))
        self._cache[key] = preview
        while len(self._cache) > MAX_CACHED:
            self._cache.popitem(last=False)
        return preview
