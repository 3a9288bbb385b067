"""The running instance's door served with the standard library's sockets and Qt's event loop.

Where the door is a Unix socket at a path, :mod:`ui.instance_socket` opened it before Qt was
loaded. Handing it to Qt's ``QLocalServer`` imported QtNetwork (its library and bindings, with
Kerberos: 2.3 MB resident in every running Chinwag) for one short message per launch; this
server watches the same socket with a ``QSocketNotifier`` (QtCore) instead. QtNetwork is now
loaded only where Qt must knock or listen by name (a named pipe on Windows, no runtime folder).
Same wire format as :mod:`ui.single_instance`: one JSON line, answered ``ok``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket

from PySide6.QtCore import QObject, QSocketNotifier, Signal, Slot

from ui.instance_socket import ANSWER, MAX_MESSAGE, buffered_message

_log = logging.getLogger(__name__)


class _Client(QObject):
    """One launch's connection: reads its line, answers, closes.

    Signals: ``message(str)``: the link it handed over (``""``: only show the window).
    """

    message = Signal(str)

    def __init__(self, conn: socket.socket, parent: QObject) -> None:
        super().__init__(parent)
        conn.setblocking(False)
        self._conn: socket.socket | None = conn
        self._buffer = b""
        self._notifier = QSocketNotifier(conn.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self.read)

    @Slot()
    def read(self) -> None:
        if self._conn is None:
            return
        try:
            chunk = self._conn.recv(MAX_MESSAGE + 1)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if not chunk:  # the launch gave up (or sent a line without its end)
            self._finish(b"")
            return
        self._buffer += chunk
        done, uri = buffered_message(self._buffer)
        if not done:
            return
        if uri is None:
            self._finish(b"")
            return
        self._finish(ANSWER)
        self.message.emit(uri)

    def _finish(self, answer: bytes) -> None:
        conn, self._conn = self._conn, None
        self._notifier.setEnabled(False)
        if conn is None:
            return
        if answer:
            with contextlib.suppress(OSError):  # three bytes fit any socket buffer
                conn.send(answer)
        conn.close()
        self.deleteLater()


class DoorServer(QObject):
    """Accepts launches on an open, listening Unix socket (the door); closes and removes it.

    Signals: ``received(str)``: a later launch handed over a link (``""``: only show the window).
    """

    received = Signal(str)

    def __init__(self, door: socket.socket, parent: QObject | None = None) -> None:
        super().__init__(parent)
        door.setblocking(False)
        self._door: socket.socket | None = door
        self._path = door.getsockname()
        self._inode = _inode(self._path)
        self._notifier = QSocketNotifier(door.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)

    @Slot()
    def _accept(self) -> None:
        while self._door is not None:
            try:
                conn, _ = self._door.accept()
            except BlockingIOError:
                return
            except OSError as exc:  # out of descriptors, say: the launch hears nothing
                _log.warning("single instance: cannot accept a launch: %s", exc)
                return
            client = _Client(conn, self)
            client.message.connect(self.received)
            client.read()  # the line may have come with the connection

    def close(self) -> None:
        """Stop listening and remove the socket (unless another instance has replaced it)."""
        door, self._door = self._door, None
        if door is None:
            return
        self._notifier.setEnabled(False)
        door.close()
        if isinstance(self._path, str) and self._path and _inode(self._path) == self._inode:
            with contextlib.suppress(OSError):
                os.unlink(self._path)


def _inode(path: object) -> int | None:
    if not isinstance(path, str) or not path:
        return None
    try:
        return os.stat(path).st_ino
    except OSError:
        return None
