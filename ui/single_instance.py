"""One Chinwag per user and profile: a second launch hands its link to the running one and exits.

Clicking an ``xmpp:`` link while Chinwag runs starts ``chinwag xmpp:…`` again. That launch must not
open a second window on the same stores; it connects to the running instance's local socket
(a Unix socket in the user's runtime folder, a named pipe on Windows), sends the link, waits for the
one-line answer and exits 0. The running instance raises its window and opens the link.

The socket's name is derived from the user and the profile's config folder, so two profiles
(``--profile``) run side by side, and two users on one machine never reach each other.
Where that socket is a path, a launch knocks and opens it before Qt is loaded
(:mod:`ui.instance_socket`, same wire format) and serves it without QtNetwork
(:mod:`ui.instance_door`); QtNetwork's ``QLocalServer``/``QLocalSocket`` are imported only where
Qt must knock or listen by name.

Wire format, one exchange per connection: the client sends one JSON object and a newline,
``{"uri": "xmpp:…"}`` (``""``: just show the window); the server answers ``ok`` and a newline.
"""

from __future__ import annotations

import json
import logging
import socket
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from ui.instance_door import DoorServer
from ui.instance_socket import ANSWER as _ANSWER
from ui.instance_socket import MAX_MESSAGE, buffered_message, socket_name

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

__all__ = ["MAX_MESSAGE", "SingleInstance", "socket_name"]  # socket_name: importable from here

_log = logging.getLogger(__name__)


class _Connection(QObject):
    """One client connection: reads its message, answers, then goes away.

    Signals: ``message(str)``: the link the client sent (``""``: only show the window).
    """

    message = Signal(str)

    def __init__(self, socket: QLocalSocket, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.socket = socket
        socket.setParent(self)
        self._buffer = b""
        self._done = False
        socket.readyRead.connect(self._read)
        socket.disconnected.connect(self.deleteLater)

    @Slot()
    def _read(self) -> None:
        if self._done:
            return
        self._buffer += bytes(self.socket.readAll().data())
        done, uri = buffered_message(self._buffer)
        if not done:
            return
        if uri is None:
            self._finish(b"")
            return
        self._finish(_ANSWER)
        self.message.emit(uri)

    def _finish(self, answer: bytes) -> None:
        self._done = True
        if answer:
            self.socket.write(answer)
            self.socket.flush()
        self.socket.disconnectFromServer()


class SingleInstance(QObject):
    """The running instance's door, or the way to knock on it.

    Signals: ``received(str)``: a later launch handed over a link (``""``: only show the window).
    """

    received = Signal(str)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server: QLocalServer | None = None
        self._door: DoorServer | None = None

    def hand_over(self, uri: str | None, timeout_ms: int = 5000) -> bool:
        """Give ``uri`` to a running instance. True: it took it (so exit); False: none answered."""
        from PySide6.QtNetwork import QLocalSocket  # noqa: PLC0415  (see the module's docstring)

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(min(timeout_ms, 1000)):
            return False  # nobody listens (or a crashed instance left its socket behind)
        socket.write(json.dumps({"uri": uri or ""}).encode() + b"\n")
        socket.flush()
        answer = b""
        while len(answer) < len(_ANSWER) and socket.waitForReadyRead(timeout_ms):
            answer += bytes(socket.readAll().data())
        socket.abort()
        if answer.startswith(_ANSWER):
            return True
        _log.warning("the running Chinwag did not answer; starting another one")
        return False

    def listen(self, door: socket.socket | None = None) -> bool:
        """Become the running instance. False (logged): links will not reach this one.

        ``door``: the socket :func:`ui.instance_socket.listen` opened at this name before Qt was
        loaded; it is served as it is (and closed in the end), without QtNetwork."""
        if door is not None:
            self._door = DoorServer(door, self)
            self._door.received.connect(self.received)
            return True
        from PySide6.QtNetwork import QLocalServer  # noqa: PLC0415  (see the module's docstring)

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # A socket left behind by an instance that crashed: nobody answered hand_over().
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                _log.warning("cannot listen for other launches: %s", server.errorString())
                return False
        server.newConnection.connect(self._accept)
        self._server = server
        return True

    def close(self) -> None:
        if self._door is not None:
            self._door.close()
            self._door = None
        if self._server is not None:
            self._server.close()
            self._server = None

    @Slot()
    def _accept(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            connection = _Connection(socket, self)
            connection.message.connect(self.received)
            connection._read()  # the message may have arrived with the connection
