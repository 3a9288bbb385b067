"""A typed publish/subscribe bus: events are dispatched by class, never by a string name.

Subscribing to a base class receives its subclasses too (``Event`` receives everything). Callbacks run
synchronously in the publisher's thread (the core thread); a subscriber that needs another thread
hands the event over itself, as the Qt bridge does. A failing subscriber is logged and does not stop
delivery to the others.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from app.events import Event

E = TypeVar("E", bound=Event)
_log = logging.getLogger(__name__)


class EventBus:
    def __init__(self) -> None:
        self._subscribers: dict[type[Event], list[Callable[[Event], None]]] = {}
        self._resolved: dict[type[Event], tuple[Callable[[Event], None], ...]] = {}

    def subscribe(self, event_type: type[E], callback: Callable[[E], None]) -> Callable[[], None]:
        """Call ``callback`` for every event of ``event_type``; returns an unsubscribe function."""
        cb: Callable[[Event], None] = callback  # type: ignore[assignment]
        self._subscribers.setdefault(event_type, []).append(cb)
        self._resolved.clear()

        def unsubscribe() -> None:
            callbacks = self._subscribers.get(event_type, [])
            if cb in callbacks:
                callbacks.remove(cb)
                self._resolved.clear()

        return unsubscribe

    def publish(self, event: Event) -> None:
        for callback in self._callbacks_for(type(event)):
            try:
                callback(event)
            except Exception:
                _log.exception("event subscriber failed on %s", type(event).__name__)

    def _callbacks_for(self, event_type: type[Event]) -> tuple[Callable[[Event], None], ...]:
        cached = self._resolved.get(event_type)
        if cached is None:
            found: list[Callable[[Event], None]] = []
            for klass in event_type.__mro__:
                found.extend(self._subscribers.get(klass, ()))
            cached = self._resolved[event_type] = tuple(found)
        return cached
