"""Which assistive technology runs on this desktop, and what it listens to (AT-SPI, Linux).

Two questions decide how Chinwag speaks:

- *Is a screen reader running?* (offer screen-reader mode on first run). GNOME sets
  ``org.a11y.Status.ScreenReaderEnabled``; Orca started by hand does not, but any screen reader
  registers for focus events with the AT-SPI registry.
- *Does it understand announcements?* Qt turns an announcement into AT-SPI's
  ``object:announcement``, which Orca speaks from version 45 on; Orca 43 (Debian 12) and older
  readers never register for it, and Qt then does not even send it. The registry's
  ``GetRegisteredEvents`` lists who registered for what — Qt reads the same list to decide which
  events to emit — so :class:`ui.a11y.speech.Speech` picks its way by it.

The questions are D-Bus calls (jeepney), asked on a worker thread: a slow or missing bus never
stalls the window. Elsewhere than Linux the answers come from Qt (announcements always work).
"""

from __future__ import annotations

import concurrent.futures
import logging
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

try:  # Linux only (a dependency there)
    from jeepney import DBusAddress, Properties, message_bus, new_method_call
    from jeepney.io.blocking import open_dbus_connection
except ImportError:  # pragma: no cover - other platforms
    open_dbus_connection = None

_log = logging.getLogger(__name__)
ANNOUNCEMENT_EVENT = "Object:Announcement"
FOCUS_EVENTS = ("Object:StateChanged:Focused", "Focus:")
REFRESH_SECONDS = 10.0


@dataclass(frozen=True, slots=True)
class AssistiveTech:
    """What the desktop's assistive technology does; ``known`` is False until asked."""

    screen_reader: bool = False
    announcements: bool = not sys.platform.startswith("linux")
    known: bool = False


def registered_for(registrations: Iterable[str], wanted: str) -> bool:
    """Whether a registration in AT-SPI's ``Object:StateChanged:Focused`` form covers
    ``wanted``; a registration may be a prefix (``Object:`` is every object event)."""
    want = [part.lower() for part in wanted.split(":") if part]
    for registered in registrations:
        parts = [part.lower() for part in registered.split(":") if part]
        if want[: len(parts)] == parts:
            return True
    return False


def probe_desktop(timeout: float = 2.0) -> AssistiveTech:
    """Ask the session bus and the AT-SPI registry (blocking: call it off the GUI thread)."""
    if open_dbus_connection is None or not sys.platform.startswith("linux"):
        return AssistiveTech(announcements=True, known=True)
    status = DBusAddress("/org/a11y/bus", bus_name="org.a11y.Bus", interface="org.a11y.Status")
    bus = DBusAddress("/org/a11y/bus", bus_name="org.a11y.Bus", interface="org.a11y.Bus")
    with open_dbus_connection(bus="SESSION") as session:
        # No AT-SPI bus running: no screen reader either (and asking org.a11y.Bus would start one).
        owned = session.send_and_get_reply(
            message_bus.NameHasOwner("org.a11y.Bus"), timeout=timeout
        )
        if not owned.body[0]:
            return AssistiveTech(known=True)
        enabled = session.send_and_get_reply(
            Properties(status).get("ScreenReaderEnabled"), timeout=timeout
        ).body[0][1]
        address = session.send_and_get_reply(new_method_call(bus, "GetAddress"), timeout=timeout)
    registry = DBusAddress(
        "/org/a11y/atspi/registry",
        bus_name="org.a11y.atspi.Registry",
        interface="org.a11y.atspi.Registry",
    )
    with open_dbus_connection(bus=address.body[0]) as a11y:
        reply = a11y.send_and_get_reply(
            new_method_call(registry, "GetRegisteredEvents"), timeout=timeout
        )
    events = [str(event) for _listener, event in reply.body[0]]
    focus = any(registered_for(events, wanted) for wanted in FOCUS_EVENTS)
    return AssistiveTech(
        screen_reader=bool(enabled) or focus,
        announcements=registered_for(events, ANNOUNCEMENT_EVENT),
        known=True,
    )


class AssistiveTechWatch(QObject):
    """Keeps :attr:`current` fresh: asked at start and again (at most every few seconds) when
    something is about to be said, so a reader started later is noticed.

    Signals: ``changed(object)``: a new :class:`AssistiveTech` answer that differs.
    """

    changed = Signal(object)
    _answered = Signal(object)

    def __init__(self, parent: QObject | None = None, prober: Any = probe_desktop) -> None:
        super().__init__(parent)
        self.current = AssistiveTech()
        self._prober = prober
        self._executor = concurrent.futures.ThreadPoolExecutor(1, "chinwag-at-probe")
        self._asked_at = -REFRESH_SECONDS
        self._pending = False
        self._answered.connect(self._adopt)

    def refresh(self, force: bool = False) -> None:
        now = time.monotonic()
        if self._pending or (not force and now - self._asked_at < REFRESH_SECONDS):
            return
        self._asked_at = now
        self._pending = True
        self._executor.submit(self._ask)

    def _ask(self) -> None:
        try:
            answer = self._prober()
        except Exception as exc:  # no bus, no registry: nothing listens
            _log.debug("assistive technology probe failed: %s", exc)
            answer = AssistiveTech(known=True)
        self._answered.emit(answer)  # queued to the GUI thread

    @Slot(object)
    def _adopt(self, answer: AssistiveTech) -> None:
        self._pending = False
        if answer != self.current:
            _log.info(
                "assistive technology: screen reader %s, announcements %s",
                answer.screen_reader,
                answer.announcements,
            )
            self.current = answer
            self.changed.emit(answer)

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
