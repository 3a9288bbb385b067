"""Wires the window's look to its parts: faces from one :class:`~ui.avatars.AvatarStore` in the
sidebar, contact list, header, message view and member list, and the emoji picker's recently used
emoji kept as a preference (through the core, like every preference).

Kept apart from the main window so that file only builds the parts and calls :func:`wire_look`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Slot

from ui.avatars import AvatarStore
from ui.bridge import CoreBridge
from ui.models.sidebar_model import SidebarModel
from ui.preferences import Preferences
from ui.widgets.composer import ComposerArea
from ui.widgets.contact_list import ContactList
from ui.widgets.conversation_header import ConversationHeader
from ui.widgets.member_panel import MemberPanel
from ui.widgets.message_view import MessageView
from ui.widgets.sidebar import Sidebar

RECENT_EMOJI = "ui.recent_emoji"  # the emoji picker's recently used emoji, newest first


@dataclass(frozen=True, slots=True)
class WindowParts:
    sidebar: Sidebar
    contact_list: ContactList
    header: ConversationHeader
    view: MessageView
    members: MemberPanel
    composer_area: ComposerArea


class RecentEmoji(QObject):
    """Keeps the composer's recently used emoji in the preferences and hands them back."""

    def __init__(
        self, bridge: CoreBridge, preferences: Preferences, composer_area: ComposerArea
    ) -> None:
        super().__init__(composer_area)
        self._bridge = bridge
        self._composer_area = composer_area
        preferences.changed.connect(self._preferences_changed)
        composer_area.recentEmojiChanged.connect(self._used)
        self._preferences_changed(dict(preferences.values()))

    @Slot(dict)
    def _preferences_changed(self, values: dict[str, Any]) -> None:
        recent = values.get(RECENT_EMOJI)
        if isinstance(recent, list):
            self._composer_area.set_recent_emoji(recent)

    @Slot(list)
    def _used(self, recent: list[str]) -> None:
        self._bridge.call(self._bridge.core.preferences.set(RECENT_EMOJI, list(recent)))


def wire_look(
    bridge: CoreBridge,
    sidebar_model: SidebarModel,
    preferences: Preferences,
    parts: WindowParts,
    parent: QObject,
) -> AvatarStore:
    """One picture store for the whole window, fed by the core's events (connect before the
    core starts: the first AvatarsChanged lists every stored picture)."""
    avatars = AvatarStore(parent)
    bridge.events.connect(avatars.handle_events)
    parts.sidebar.set_avatars(avatars)
    parts.contact_list.set_avatars(avatars)
    parts.header.set_sources(avatars, sidebar_model.account)
    parts.view.set_avatars(avatars)
    parts.members.set_avatars(avatars)
    RecentEmoji(bridge, preferences, parts.composer_area)
    return avatars
