"""What the open conversation says to a screen reader, apart from its messages' arrival.

Kept out of ConversationPane (one concern, and that class is long enough): the composer and the
message list are named after the conversation ("Message to #python"), so it is heard after every
switch; the message list reads the parts the person chose (verbosity, screen-reader mode); the
header's "Read aloud" menu shows and sets the conversation's level; Ctrl+T says when a message
was sent.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from app.models import ConversationId, Message
from ui.a11y import levels
from ui.a11y.announcer import Announcer
from ui.a11y.verbosity import MESSAGE_PARTS, Verbosity, spoken_time
from ui.models.message_model import MessageListModel
from ui.models.sidebar_model import SidebarModel
from ui.preferences import Preferences
from ui.widgets.conversation_header import ConversationHeader


class ConversationVoice(QObject):
    """The open conversation's spoken side; the pane tells it which conversation is shown."""

    def __init__(
        self,
        preferences: Preferences,
        sidebar: SidebarModel,
        model: MessageListModel,
        header: ConversationHeader,
        *,
        regions: tuple[QWidget, QWidget],
        set_preference: Callable[[str, Any], None],
    ) -> None:
        super().__init__(header)
        self._prefs = preferences
        self._sidebar = sidebar
        self._model = model
        self._header = header
        self._composer, self._view = regions
        self._set_preference = set_preference
        self.announcer: Announcer | None = None  # set by the window
        self.screen_reader_mode = False
        self.conversation: ConversationId | None = None
        preferences.changed.connect(self._preferences_changed)
        header.announceChosen.connect(self.set_announce)

    def shown(self, conv: ConversationId | None) -> None:
        """Another conversation is open: name the regions after it, show its level."""
        self.conversation = conv
        if conv is not None:
            self._header.show_announce(self._announce_state(conv))
        shown = self._sidebar.conversation(conv) if conv is not None else None
        if shown is None:
            self._composer.setAccessibleName(self.tr("Message"))
            self._view.setAccessibleName(self.tr("Messages"))
            return
        self._composer.setAccessibleName(
            self.tr("Message to {conversation}").format(conversation=shown.name)
        )
        self._view.setAccessibleName(
            self.tr("Messages in {conversation}").format(conversation=shown.name)
        )

    def _announce_state(self, conv: ConversationId) -> tuple[str, str]:
        """(this conversation's own read-aloud level or "", its account's level)."""
        prefs = self._prefs.values()
        own = levels.own_level(prefs, conv)
        return (own.value if own else "", levels.account_level(prefs, conv.account_id).value)

    @Slot(str)
    def set_announce(self, level: str) -> None:
        """What of this conversation is read aloud ("" follows the account's default)."""
        if self.conversation is not None:
            self._set_preference(levels.conversation_key(self.conversation), level or None)

    def set_screen_reader_mode(self, on: bool) -> None:
        self.screen_reader_mode = on
        self._preferences_changed(dict(self._prefs.values()))

    @Slot(dict)
    def _preferences_changed(self, values: dict[str, Any]) -> None:
        self._model.set_verbosity(
            Verbosity.from_preference(values.get(MESSAGE_PARTS), self.screen_reader_mode)
        )
        if self.conversation is not None:
            self._header.show_announce(self._announce_state(self.conversation))

    def say_time(self, msg: Message) -> None:
        """Ctrl+T: when the message was sent (in screen-reader mode it is not read with every
        message)."""
        if self.announcer is None:
            return
        day = msg.timestamp.astimezone().date()
        at = spoken_time(msg.timestamp)
        if day == date.today():
            text = self.tr("Sent at {time}").format(time=at)
        elif day == date.today() - timedelta(days=1):
            text = self.tr("Sent yesterday at {time}").format(time=at)
        else:
            text = self.tr("Sent on {day} at {time}").format(day=self._model.day_text(day), time=at)
        self.announcer.say(text, key="time")
