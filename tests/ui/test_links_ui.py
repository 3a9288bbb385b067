"""Links after the first paint (``ui.links``): the door opened before Qt was loaded is taken
over later, and a launch that knocked meanwhile is answered; the link handler is made for the
first link."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.waits import UI_WAIT_MS
from ui import instance_socket
from ui.links import Links
from ui.main_window import MainWindow
from ui.uri_handler import UriHandler


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Unix socket at a path")
def test_a_launch_that_knocked_before_qt_listened_is_answered_and_its_link_opened(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = str(tmp_path / "door.socket")
    door = instance_socket.listen(name)
    assert door is not None
    links = Links(window, name, None, door)
    opened: list[str] = []
    monkeypatch.setattr(links, "open_uri", opened.append)
    handed: list[bool | None] = []
    later = threading.Thread(
        target=lambda: handed.append(instance_socket.hand_over(name, "xmpp:ann@example.org"))
    )
    later.start()  # knocks while nobody listens yet: the kernel keeps it waiting
    try:
        links.listen()
        qtbot.waitUntil(lambda: opened == ["xmpp:ann@example.org"], timeout=UI_WAIT_MS)
        qtbot.waitUntil(lambda: bool(handed), timeout=UI_WAIT_MS)
        assert handed == [True]
    finally:
        later.join(10)
        links.close()


def test_the_link_handler_is_made_for_the_first_link_and_kept(
    qtbot: QtBot, window: MainWindow
) -> None:
    links = Links(window, "unused", None, None)
    assert links.handler is None
    links.open_uri("nonsense:thing")
    handler = links.handler
    assert isinstance(handler, UriHandler)
    qtbot.waitUntil(lambda: bool(window.notices.notices), timeout=UI_WAIT_MS)
    assert "xmpp:, matrix:, irc: and ircs:" in window.notices.notices[-1]
    links.open_uri("nonsense:again")
    assert links.handler is handler
