"""Preference commands: app-wide settings (privacy, appearance) kept in the config file."""

from __future__ import annotations

from typing import Any

from app import events as ev
from app.core.not_saved import saving
from app.core.services import PREF_ONLY_CONTACTS, CoreServices
from app.highlights import PREF_HIGHLIGHT_WORDS
from app.i18n import CoreMessages


class PreferenceCommands:
    """``core.preferences``: read and change one preference; every change is published."""

    def __init__(self, services: CoreServices) -> None:
        self._s = services

    def get(self, key: str, default: Any = None) -> Any:
        return self._s.preference(key, default)

    async def set(self, key: str, value: Any) -> None:
        s = self._s
        await saving(CoreMessages.tr("the setting"), s.save(s.config.with_preference(key, value)))
        s.publish(ev.PreferencesChanged(dict(s.config.preferences)))
        if key == PREF_ONLY_CONTACTS:
            for session in s.sessions.values():
                session.set_privacy(s.privacy())
        elif key == PREF_HIGHLIGHT_WORDS:
            highlights = s.highlights()
            for session in s.sessions.values():
                session.set_highlights(highlights)
