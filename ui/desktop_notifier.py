"""Desktop notifications over D-Bus (org.freedesktop.Notifications, via jeepney), and their clicks.

Each notification carries the specification's ``default`` action (what a click on its body does)
and remembers its conversation by the id the notification server returns; a click comes back as
the ``ActionInvoked`` signal with that id, and the window opens the conversation.

Sending and listening share one connection: servers such as GNOME Shell send ``ActionInvoked``
only to the connection that sent the notification (others broadcast it; the match rule catches
those). jeepney's threaded router owns the connection's receiving thread; a notification is sent
from a worker thread, so a slow or missing notification server never stalls the window, and the
signals are read on a third thread and reach the GUI thread as a queued Qt signal.
"""

from __future__ import annotations

import concurrent.futures
import logging
import queue
import sys
import threading
from collections import OrderedDict
from typing import Any, Protocol

try:  # Linux only (a dependency there): the freedesktop notification service lives on D-Bus
    from jeepney import DBusAddress, MatchRule, Message, MessageType, new_method_call
    from jeepney.bus_messages import message_bus
    from jeepney.io.threading import DBusRouter, Proxy, open_dbus_connection
    from jeepney.low_level import HeaderFields
except ImportError:  # pragma: no cover - other platforms use the tray's balloon messages
    open_dbus_connection = None

from PySide6.QtCore import QObject, Signal

_log = logging.getLogger(__name__)

PATH = "/org/freedesktop/Notifications"
NAME = INTERFACE = "org.freedesktop.Notifications"
DEFAULT_ACTION = "default"
"""The action the specification runs when the notification itself is clicked."""
REMEMBERED = 256
"""Notifications whose conversation is kept for a click (servers that never say a notification
closed would otherwise grow the table for the life of the process)."""
TIMEOUT_S = 3.0
EXPIRED = 1
"""``NotificationClosed``'s reason when the notification timed out (not dismissed)."""


class Notifier(Protocol):
    """What :class:`~ui.notifications.NotificationCenter` sends notifications through."""

    def notify(self, title: str, body: str, target: object = None) -> None:
        """Show a notification; ``target`` (a conversation) is what a click on it opens."""
        ...


class FreedesktopNotifier(QObject):
    """org.freedesktop.Notifications on the session bus.

    Signals: ``clicked(object)``: the person clicked a notification (its default action); the
    argument is the ``target`` it was sent with. Emitted on the GUI thread.
    """

    clicked = Signal(object)
    _invoked = Signal(object)  # from the listening thread; Qt queues it to the GUI thread

    def __init__(self, parent: QObject | None = None, bus: str = "SESSION") -> None:
        super().__init__(parent)
        self._bus = bus
        self._executor = concurrent.futures.ThreadPoolExecutor(1, "chinwag-notify")
        self._router: Any = None
        self._signals: queue.Queue[Message | None] | None = None
        self._filter: Any = None
        self._lock = threading.Lock()
        self._targets: OrderedDict[int, object] = OrderedDict()
        self._invoked.connect(self.clicked)
        self.open_label = self.tr("Open conversation")
        """The default action's label (a few servers show it as a button)."""

    def notify(self, title: str, body: str, target: object = None) -> None:
        self._executor.submit(self._send, title, body, target)

    # -- worker thread ---------------------------------------------------------------------

    def _send(self, title: str, body: str, target: object) -> None:
        try:
            router = self._connect()
            address = DBusAddress(PATH, bus_name=NAME, interface=INTERFACE)
            actions = [DEFAULT_ACTION, self.open_label] if target is not None else []
            message = new_method_call(
                address,
                "Notify",
                "susssasa{sv}i",
                ("Chinwag", 0, "chinwag", title, body, actions, {}, -1),
            )
            reply = router.send_and_get_reply(message, timeout=TIMEOUT_S)
            if reply.header.message_type is not MessageType.method_return:
                raise RuntimeError(f"Notify answered {reply.body!r}")
            if target is not None:
                self._remember(int(reply.body[0]), target)
        except Exception as exc:  # no server, no bus: the tray and the title still show it
            _log.debug("desktop notification not shown: %s", exc)
            self._disconnect()

    def _connect(self) -> Any:
        if self._router is not None:
            return self._router
        router = DBusRouter(open_dbus_connection(bus=self._bus))
        rule = MatchRule(type="signal", interface=INTERFACE, path=PATH)
        signals: queue.Queue[Message | None] = queue.Queue(maxsize=64)
        with self._lock:  # kept at once: a failure below is cleaned up by _disconnect
            self._router, self._signals = router, signals
            self._filter = router.filter(rule, queue=signals)
        threading.Thread(
            target=self._listen, args=(signals,), name="chinwag-notify-clicks", daemon=True
        ).start()
        Proxy(message_bus, router, timeout=TIMEOUT_S).AddMatch(rule)  # the broadcast ones too
        return router

    def _remember(self, notification_id: int, target: object) -> None:
        with self._lock:
            self._targets[notification_id] = target
            while len(self._targets) > REMEMBERED:
                self._targets.popitem(last=False)

    def _disconnect(self) -> None:
        with self._lock:  # (the worker after a failure, or close() as the app quits)
            router, signals, handle = self._router, self._signals, self._filter
            self._router = self._signals = self._filter = None
        if signals is not None:
            signals.put(None)  # the listening thread ends
        if handle is not None:
            handle.close()
        if router is not None:
            router.close()
            router.conn.close()

    # -- listening thread ------------------------------------------------------------------

    def _listen(self, signals: queue.Queue[Message | None]) -> None:
        while (message := signals.get()) is not None:
            member = message.header.fields.get(HeaderFields.member)
            try:
                notification_id = int(message.body[0])
                if member == "ActionInvoked" and message.body[1] == DEFAULT_ACTION:
                    with self._lock:
                        target = self._targets.get(notification_id)
                    if target is not None:  # ours (other apps' clicks come here too)
                        self._invoked.emit(target)
                elif member == "NotificationClosed" and message.body[1] != EXPIRED:
                    # (an expired one may still be clicked in a desktop's notification list)
                    with self._lock:
                        self._targets.pop(notification_id, None)
            except (IndexError, TypeError, ValueError) as exc:  # a malformed signal: dropped
                _log.debug("notification signal %s dropped: %s", member, exc)

    def close(self) -> None:
        """Stop sending and listening (the app quits)."""
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._disconnect()


def default_notifier() -> FreedesktopNotifier | None:
    if sys.platform.startswith("linux") and open_dbus_connection is not None:
        return FreedesktopNotifier()
    return None
