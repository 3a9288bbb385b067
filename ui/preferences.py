"""The app preferences as the UI sees them: mirrored from the core's PreferencesChanged events,
changed only through the core (``set_preference``), so the config file stays the one source."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from app import events as ev
from app.core import PREF_LINK_PREVIEWS, PREF_ONLY_CONTACTS, PREF_SEND_RECEIPTS, PREF_SEND_TYPING

REMOTE_MEDIA = "privacy.remote_media"  # never | ask | always
THEME = "ui.theme"  # system | light | dark | high-contrast
TEXT_SCALE = "ui.text_scale"  # percent
NOTIFICATIONS = "notifications.enabled"
SPELL_CHECK = "ui.spell_check"  # underline misspelled words in the composer
KEEP_RUNNING = "ui.keep_running"  # closing the window hides it to the tray (ui/background.py)
BACKGROUND_NOTICE_SHOWN = "ui.background_notice_shown"  # "still running" was said once

DEFAULTS: dict[str, Any] = {
    REMOTE_MEDIA: "ask",
    THEME: "system",
    TEXT_SCALE: 100,
    NOTIFICATIONS: True,
    SPELL_CHECK: True,
    KEEP_RUNNING: True,
    BACKGROUND_NOTICE_SHOWN: False,
    PREF_SEND_TYPING: True,
    PREF_SEND_RECEIPTS: True,
    PREF_ONLY_CONTACTS: False,
    PREF_LINK_PREVIEWS: False,
}


class Preferences(QObject):
    """Signals: ``changed(dict)``: the whole set, after any change."""

    changed = Signal(dict)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._values: dict[str, Any] = dict(DEFAULTS)

    def get(self, key: str) -> Any:
        return self._values.get(key, DEFAULTS.get(key))

    def values(self) -> Mapping[str, Any]:
        return dict(self._values)

    @Slot(list)
    def handle_events(self, events: list[ev.Event]) -> None:
        for event in events:
            if isinstance(event, ev.PreferencesChanged):
                self._values = {**DEFAULTS, **event.preferences}
                self.changed.emit(dict(self._values))
