"""The spaces of every account as a tree to filter the conversation list by, with unread counts.

Fed by :class:`~app.events.SpacesChanged` (each account's whole list); the unread counts come
from the sidebar model's conversations. A space may list itself, its own parent or a space of
another tree: every walk here keeps a set of what it has seen and stops at :data:`MAX_NODES`,
so a hostile space costs a bounded amount of work, never a loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from app import events as ev
from app.models import AccountId, ConversationId, Space
from ui.models.sidebar_model import SidebarModel

MAX_NODES = 5_000  # rooms and spaces one walk looks at
MAX_DEPTH = 8  # sub-spaces shown below a space (deeper ones still count for its rooms)


@dataclass(frozen=True, slots=True)
class SpaceEntry:
    """One line of the space tree: a space, how deep it sits, its unread messages."""

    space: Space
    depth: int
    unread: int
    mentions: int


class SpaceTree(QObject):
    """Signals: ``changed()``: the spaces or their unread counts changed."""

    changed = Signal()

    def __init__(self, sidebar: SidebarModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._sidebar = sidebar
        self._spaces: dict[AccountId, dict[str, Space]] = {}

    @property
    def empty(self) -> bool:
        return not any(self._spaces.values())

    @Slot(list)
    def handle_events(self, events: list[ev.Event]) -> None:
        changed = False
        for event in events:
            if isinstance(event, ev.SpacesChanged):
                self._spaces[event.account_id] = {s.id.native_id: s for s in event.spaces}
                changed = True
            elif isinstance(event, ev.ConversationsChanged | ev.AccountsChanged) and not self.empty:
                changed = True  # unread counts (or whose spaces these are) may have moved
        if changed:
            self.changed.emit()

    def entries(self) -> list[SpaceEntry]:
        """Every space once, top-level ones first, each followed by its sub-spaces."""
        out: list[SpaceEntry] = []
        for account_id in self._sidebar.account_ids():
            spaces = self._spaces.get(account_id, {})
            listed = {c for s in spaces.values() for c in s.children if c in spaces}
            roots = [s for s in spaces.values() if s.id.native_id not in listed]
            seen: set[str] = set()
            for root in sorted(roots, key=lambda s: s.title.casefold()) + sorted(
                spaces.values(), key=lambda s: s.title.casefold()
            ):  # spaces only reachable through a loop come last, at the top level
                self._walk(root, 0, spaces, seen, out)
        return out

    def _walk(
        self,
        space: Space,
        depth: int,
        spaces: dict[str, Space],
        seen: set[str],
        out: list[SpaceEntry],
    ) -> None:
        native = space.id.native_id
        if native in seen or len(seen) >= MAX_NODES:
            return
        seen.add(native)
        unread, mentions = self.unread(space.id)
        out.append(SpaceEntry(space, depth, unread, mentions))
        if depth >= MAX_DEPTH:
            return
        for child in space.children:
            sub = spaces.get(child)
            if sub is not None:
                self._walk(sub, depth + 1, spaces, seen, out)

    def rooms(self, space: ConversationId) -> frozenset[ConversationId]:
        """The conversations in a space and its sub-spaces (joined or not)."""
        spaces = self._spaces.get(space.account_id, {})
        found: set[ConversationId] = set()
        seen: set[str] = set()
        todo = [space.native_id]
        while todo and len(seen) < MAX_NODES:
            native = todo.pop()
            if native in seen:
                continue
            seen.add(native)
            sub = spaces.get(native)
            if sub is None:
                found.add(ConversationId(space.account_id, native))
            else:
                todo.extend(reversed(sub.children))
        return frozenset(found)

    def unread(self, space: ConversationId) -> tuple[int, int]:
        """Unread messages and mentions in a space's conversations."""
        unread = mentions = 0
        for conv_id in self.rooms(space):
            conv = self._sidebar.conversation(conv_id)
            if conv is not None:
                unread += conv.unread_count
                mentions += conv.mention_count
        return unread, mentions
