"""Saying one sentence through whatever screen reader runs, in the way it actually speaks.

Two ways, chosen per sentence by what :mod:`ui.a11y.probe` found:

- the accessibility *announcement* (``QAccessibleAnnouncementEvent``: AT-SPI
  ``object:announcement``, UIA notifications on Windows, VoiceOver announcements on macOS) where
  the reader listens for it — Orca 45 and later, NVDA, VoiceOver;
- otherwise (Orca 43 of Debian 12, and older readers) a *notification object*: a fresh, invisible
  widget whose accessible role is "notification" and whose name is the sentence, shown at once.
  Every Orca release speaks a notification that becomes showing ("notification, bob: hello") and
  keeps it in its notification history. Each sentence gets a new object, as screen readers cache
  names; the previous ones go soon after, so closed notices never pile up in the tree.

Never both: a reader that understands announcements would otherwise say everything twice.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAccessibleWidget, QWidget

from ui.a11y.probe import AssistiveTechWatch

if TYPE_CHECKING:
    from PySide6.QtGui import QAccessibleInterface

# QAccessible is imported where a sentence is said, not here: PySide6 builds all of its enums
# (Role, Event, Text …: 8 enums, 190 members, ~5 ms of the start's CPU) when the class is first
# touched, and nothing needs them before the window is ready (benchmarks/enum_census.py).

_log = logging.getLogger(__name__)
KEEP_NOTICES = 2  # the one being spoken and the one before it (the reader may still read it)


class LiveNotice(QWidget):
    """An invisible widget that a screen reader sees as a notification with one sentence."""

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("liveNotice")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(text)
        self.setGeometry(0, 0, 1, 1)


def _accessible_for(key: str, obj: QObject) -> QAccessibleInterface | None:
    """Qt's accessibility factory: the role of a :class:`LiveNotice` is "notification"."""
    if isinstance(obj, LiveNotice):
        from PySide6.QtGui import QAccessible  # noqa: PLC0415

        return QAccessibleWidget(obj, QAccessible.Role.Notification, obj.accessibleName())
    return None


_installed: list[object] = []


def install_accessible_factory() -> None:
    """Once per process: Qt keeps every factory it is given. Called before the first
    :class:`LiveNotice` is made: Qt asks the factories for an object's interface only once
    the object exists."""
    if not _installed:
        from PySide6.QtGui import QAccessible  # noqa: PLC0415

        QAccessible.installFactory(_accessible_for)
        _installed.append(_accessible_for)


class Speech:
    """Says sentences for the screen reader; ``spoken`` keeps the last ones (tests, logs)."""

    def __init__(self, window: QWidget, watch: AssistiveTechWatch | None = None) -> None:
        self.window = window
        self.watch = watch
        self.spoken: list[str] = []
        self.ways: list[str] = []  # "announcement" or "notification", parallel to ``spoken``
        self._notices: list[LiveNotice] = []

    def say(self, text: str) -> None:
        self.spoken.append(text)
        del self.spoken[:-100]
        if self.watch is not None:
            self.watch.refresh()
        announcements = self.watch is None or self.watch.current.announcements
        self.ways.append("announcement" if announcements else "notification")
        del self.ways[:-100]
        _log.debug("said as %s: %s", self.ways[-1], text)
        from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent  # noqa: PLC0415

        if announcements:
            event = QAccessibleAnnouncementEvent(self.window, text)
            event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
            QAccessible.updateAccessibility(event)
            return
        install_accessible_factory()
        notice = LiveNotice(text, self.window)
        notice.show()
        self._notices.append(notice)
        while len(self._notices) > KEEP_NOTICES:
            self._notices.pop(0).deleteLater()
