"""A desktop's notification server on the tests' private session bus (they run inside
dbus-run-session): org.freedesktop.Notifications as the specification describes it, in jeepney.

It records each ``Notify`` and answers with a fresh id; :meth:`click` does what a server does when
the person clicks a notification: ``ActionInvoked(id, action)`` sent to the connection that
showed it (GNOME Shell's way: unicast, not broadcast), then ``NotificationClosed(id, 2)``;
:meth:`expire` says one timed out (``NotificationClosed(id, 1)``).
"""

from __future__ import annotations

import itertools
import queue
import threading
from dataclasses import dataclass
from typing import Any

from jeepney import (
    DBusAddress,
    HeaderFields,
    MatchRule,
    Message,
    new_error,
    new_method_return,
    new_signal,
)
from jeepney.bus_messages import message_bus
from jeepney.io.threading import DBusRouter, Proxy, open_dbus_connection

PATH = "/org/freedesktop/Notifications"
NAME = INTERFACE = "org.freedesktop.Notifications"
EXPIRED, CLOSED_BY_USER = 1, 2


@dataclass(frozen=True)
class Shown:
    """One ``Notify`` call as the server received it."""

    id: int
    sender: str
    app_name: str
    summary: str
    body: str
    actions: list[str]


class FakeNotificationServer:
    """Owns the name org.freedesktop.Notifications while it runs (use as a context manager)."""

    def __init__(self) -> None:
        self.shown: list[Shown] = []
        self._ids = itertools.count(1)
        self._router = DBusRouter(open_dbus_connection(bus="SESSION"))
        self._calls: queue.Queue[Message | None] = queue.Queue()
        rule = MatchRule(type="method_call", interface=INTERFACE, path=PATH)
        self._filter = self._router.filter(rule, queue=self._calls)
        bus = Proxy(message_bus, self._router, timeout=5)
        (answer,) = bus.RequestName(NAME, 4)  # 4: do not queue behind another owner
        assert answer == 1, f"{NAME} is owned already (answer {answer})"
        self._thread = threading.Thread(target=self._serve, name="fake-notifications", daemon=True)
        self._thread.start()

    def __enter__(self) -> FakeNotificationServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _serve(self) -> None:
        while (call := self._calls.get()) is not None:
            member = call.header.fields.get(HeaderFields.member)
            reply: Message
            if member == "Notify":
                app, _replaces, _icon, summary, body, actions, _hints, _timeout = call.body
                shown = Shown(
                    next(self._ids),
                    str(call.header.fields.get(HeaderFields.sender)),
                    app,
                    summary,
                    body,
                    list(actions),
                )
                self.shown.append(shown)
                reply = new_method_return(call, "u", (shown.id,))
            elif member == "GetCapabilities":
                reply = new_method_return(call, "as", (["actions", "body"],))
            elif member == "GetServerInformation":
                reply = new_method_return(call, "ssss", ("fake", "chinwag tests", "1", "1.2"))
            else:
                reply = new_error(call, "org.freedesktop.DBus.Error.UnknownMethod")
            self._router.send(reply)

    def click(self, shown: Shown, action: str = "default") -> None:
        """The person clicks the notification (``action``: which of its actions)."""
        self._signal(shown.sender, "ActionInvoked", "us", (shown.id, action))
        self._signal(shown.sender, "NotificationClosed", "uu", (shown.id, CLOSED_BY_USER))

    def expire(self, shown: Shown) -> None:
        """The notification timed out (a desktop may keep it in its list, still clickable)."""
        self._signal(shown.sender, "NotificationClosed", "uu", (shown.id, EXPIRED))

    def _signal(self, destination: str, member: str, signature: str, body: tuple[Any, ...]) -> None:
        message = new_signal(DBusAddress(PATH, interface=INTERFACE), member, signature, body)
        message.header.fields[HeaderFields.destination] = destination
        self._router.send(message)

    def close(self) -> None:
        self._calls.put(None)
        self._thread.join(timeout=5)
        self._filter.close()
        self._router.close()
        self._router.conn.close()
