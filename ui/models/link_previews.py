"""The link previews of one message list: asked of the core once per message, kept per local id.

Apart from :class:`~ui.models.message_model.MessageListModel`'s rows; the model tells it when
the conversation changes (:meth:`LinkPreviews.reset`) and is told which row to redraw.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from app.models import ConversationId, LinkPreview, Message
from app.runtime import Result
from ui.bridge import CoreBridge
from ui.spoilers import is_hidden

WEB_LINK = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")


class LinkPreviews:
    """Previews of the first web link of each message, asked once, dropped on reset."""

    def __init__(self, bridge: CoreBridge, loaded: Callable[[str], None]) -> None:
        self._bridge = bridge
        self._loaded = loaded  # called with the local id whose preview arrived
        self._previews: dict[str, LinkPreview] = {}  # local id → its link's preview
        self._asked: set[str] = set()
        self._generation = 0  # answers for an earlier conversation are dropped

    def reset(self) -> None:
        self._previews, self._asked = {}, set()
        self._generation += 1

    def get(self, local_id: str) -> LinkPreview | None:
        return self._previews.get(local_id)

    def ask(self, conv: ConversationId | None, messages: Iterable[Message]) -> None:
        """Ask the core for the preview of each new message's first web link."""
        if conv is None:
            return
        generation = self._generation
        for msg in messages:
            # a link in a hidden spoiler would show (and fetch) what it hides
            if msg.retracted or msg.local_id in self._asked or is_hidden(msg):
                continue
            found = WEB_LINK.search(msg.body)
            if found is None:
                continue
            self._asked.add(msg.local_id)
            self._bridge.call(
                self._bridge.core.previews.preview(conv, found.group(0)),
                functools.partial(self._answered, local_id=msg.local_id, generation=generation),
            )

    def _answered(
        self, done: Result[LinkPreview | None], *, local_id: str, generation: int
    ) -> None:
        if generation != self._generation or not done.ok or done.value is None:
            return
        self._previews[local_id] = done.value
        self._loaded(local_id)
