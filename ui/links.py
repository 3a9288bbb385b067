"""Links from later launches (the single-instance door) and from the command line.

The door's server (:mod:`ui.single_instance`, QtNetwork) and the link handler
(:mod:`ui.uri_handler`: :mod:`app.uri`, the account dialog) are not needed for the window's first
paint, so they are imported only when needed: the door after the first paint (the socket opened
before Qt was loaded keeps a later launch waiting meanwhile), the handler for the first link
(docs/performance.md, "The first window").
"""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.single_instance import SingleInstance
    from ui.uri_handler import UriHandler


class Links:
    """Opens in ``window`` each link a later launch hands over and each given to :meth:`open_uri`.

    ``instance``: the door, when Qt had to check it before the core started; else one is made
    over ``door`` (the socket opened before Qt; ``None``: Qt listens by ``name``) by
    :meth:`listen`."""

    def __init__(
        self,
        window: MainWindow,
        name: str,
        instance: SingleInstance | None,
        door: socket.socket | None,
    ) -> None:
        self._window = window
        self._name = name
        self._door = door
        self.instance = instance
        self.handler: UriHandler | None = None
        self._closed = False

    def listen(self) -> None:
        """Take over the door (``instance``, or one made now over the socket opened before Qt);
        each link a later launch hands over is opened."""
        if self._closed:
            return
        if self.instance is None:
            from ui.single_instance import SingleInstance  # noqa: PLC0415

            self.instance = SingleInstance(self._name)
            self.instance.listen(self._door)
        self.instance.received.connect(self.open_uri)

    def open_uri(self, uri: str) -> None:
        if self.handler is None:
            from ui.uri_handler import UriHandler  # noqa: PLC0415

            self.handler = UriHandler(self._window)
        self.handler.open_uri(uri)

    def close(self) -> None:
        self._closed = True
        if self.instance is not None:
            self.instance.close()
