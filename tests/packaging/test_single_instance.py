"""The single-instance door: per user and profile, survives a crashed instance, ignores junk."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot

from app.paths import AppPaths
from ui.single_instance import SingleInstance, socket_name


@pytest.fixture
def short_tmp() -> Iterator[Path]:
    """A short folder: a Unix socket's path must fit in about 100 bytes."""
    with tempfile.TemporaryDirectory(prefix="cw", dir="/tmp" if os.name == "posix" else None) as d:
        yield Path(d)


def test_each_profile_has_its_own_socket_in_the_users_runtime_folder(
    short_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tmp_path = short_tmp
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    monkeypatch.delenv("FLATPAK_ID", raising=False)
    one = socket_name(AppPaths.in_profile(tmp_path / "one"))
    two = socket_name(AppPaths.in_profile(tmp_path / "two"))
    assert one != two
    assert one == socket_name(AppPaths.in_profile(tmp_path / "one"))
    if sys.platform.startswith("linux"):
        assert Path(one).parent == tmp_path and one.endswith(".socket")
        monkeypatch.setenv("FLATPAK_ID", "org.chinwag.Chinwag")
        (tmp_path / "app" / "org.chinwag.Chinwag").mkdir(parents=True)
        flatpak = socket_name(AppPaths.in_profile(tmp_path / "one"))
        assert Path(flatpak).parent == tmp_path / "app" / "org.chinwag.Chinwag"
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "missing"))
    assert "/" not in socket_name(AppPaths.in_profile(tmp_path / "one"))  # Qt's own folder


def test_nobody_running_means_no_hand_over(qtbot: QtBot, short_tmp: Path) -> None:
    tmp_path = short_tmp
    assert not SingleInstance(str(tmp_path / "none.socket")).hand_over("xmpp:a@example.org")


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Unix sockets only")
def test_a_socket_left_by_a_crashed_instance_is_taken_over(qtbot: QtBot, short_tmp: Path) -> None:
    tmp_path = short_tmp
    name = str(tmp_path / "stale.socket")
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(name)  # bound, never listening: what a killed instance leaves behind
    stale.close()
    assert os.path.exists(name)
    later = SingleInstance(name)
    assert not later.hand_over("xmpp:a@example.org", timeout_ms=500)
    running = SingleInstance(name)
    assert running.listen()
    try:
        with qtbot.waitSignal(running.received, timeout=30000) as blocker:
            client = QLocalSocket()
            client.connectToServer(name)
            assert client.waitForConnected(2000)
            client.write(b'{"uri": "xmpp:a@example.org"}\n')
            client.flush()
        assert blocker.args == ["xmpp:a@example.org"]
    finally:
        running.close()


def test_junk_is_dropped_without_a_signal(qtbot: QtBot, short_tmp: Path) -> None:
    tmp_path = short_tmp
    name = str(tmp_path / "junk.socket")
    running = SingleInstance(name)
    assert running.listen()
    got: list[str] = []
    running.received.connect(got.append)
    try:
        for junk in (b"not json\n", b"[1, 2]\n", b'{"uri": 5}\n', b"x" * 70000):
            client = QLocalSocket()
            client.connectToServer(name)
            assert client.waitForConnected(2000)
            client.write(junk)
            client.flush()
            qtbot.waitUntil(
                lambda c=client: c.state() == QLocalSocket.LocalSocketState.UnconnectedState,
                timeout=30000,
            )
        assert got == []
    finally:
        running.close()


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Unix sockets only")
def test_the_door_opened_before_qt_is_taken_over_and_answers_a_launch_without_qt(
    qtbot: QtBot, short_tmp: Path
) -> None:
    """ui.main knocks and opens the door with the standard library before Qt is loaded; Qt's
    server takes the socket over, and a later launch (also without Qt) hands its link to it."""
    import threading

    from ui import instance_socket

    name = str(short_tmp / "early.socket")
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(name)  # what a killed instance leaves behind
    stale.close()
    assert instance_socket.hand_over(name, "irc://x/#a") is False
    door = instance_socket.listen(name)
    assert door is not None
    assert oct(os.stat(name).st_mode & 0o777) == oct(0o600)
    running = SingleInstance(name)
    assert running.listen(door)
    answers: list[bool | None] = []
    try:
        with qtbot.waitSignal(running.received, timeout=30000) as blocker:
            later = threading.Thread(
                target=lambda: answers.append(instance_socket.hand_over(name, "xmpp:a@b?join"))
            )
            later.start()
        qtbot.waitUntil(lambda: bool(answers), timeout=30000)
        later.join(10)
        assert blocker.args == ["xmpp:a@b?join"]
        assert answers == [True]
    finally:
        running.close()
    assert instance_socket.hand_over(name, "") is False  # nobody there any more
    assert instance_socket.hand_over("chinwag-plain-name", "") is None  # Qt's to check


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Unix sockets only")
def test_the_door_drops_junk_and_half_lines_without_a_signal(qtbot: QtBot, short_tmp: Path) -> None:
    """The door served without QtNetwork: junk, an oversized line and a launch that goes away
    mid-line get no answer and no signal; a good launch after them still gets through."""
    from ui import instance_socket

    name = str(short_tmp / "junk.socket")
    door = instance_socket.listen(name)
    assert door is not None
    running = SingleInstance(name)
    assert running.listen(door)
    got: list[str] = []
    running.received.connect(got.append)
    try:
        for junk in (b"not json\n", b"[1, 2]\n", b'{"uri": 5}\n', b"x" * 70000, b'{"uri": "a'):
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
                client.connect(name)
                client.sendall(junk)
                if junk.endswith(b"a"):
                    client.shutdown(socket.SHUT_WR)  # gone before the line's end
                client.settimeout(0.05)
                answer = [b"?"]

                def closed(c: socket.socket = client, answer: list[bytes] = answer) -> bool:
                    try:
                        answer[0] = c.recv(10)
                    except TimeoutError:
                        return False
                    except OSError:  # reset by the server: closed as well
                        answer[0] = b""
                    return True

                qtbot.waitUntil(closed, timeout=30000)
                assert answer[0] == b""  # closed without "ok"
        with (
            qtbot.waitSignal(running.received, timeout=30000) as blocker,
            socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client,
        ):
            client.connect(name)
            client.sendall(b'{"uri": "irc://x/#a"}\n')
        assert blocker.args == ["irc://x/#a"]
        assert got == ["irc://x/#a"]
    finally:
        running.close()
    assert not os.path.exists(name)


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Unix sockets only")
def test_closing_leaves_a_socket_another_instance_put_there(short_tmp: Path) -> None:
    from ui import instance_socket
    from ui.instance_door import DoorServer

    name = str(short_tmp / "replaced.socket")
    door = instance_socket.listen(name)
    assert door is not None
    server = DoorServer(door)
    os.unlink(name)
    other = instance_socket.listen(name)  # a later instance's door at the same path
    assert other is not None
    try:
        server.close()
        assert os.path.exists(name)
    finally:
        other.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the door is a path on Linux")
def test_serving_the_door_does_not_load_qtnetwork(short_tmp: Path) -> None:
    """QtNetwork (2.3 MB resident) is not loaded by a running instance whose door is a path."""
    script = f"""
import sys
import ui
from PySide6.QtCore import QCoreApplication
from ui import instance_socket
from ui.single_instance import SingleInstance
app = QCoreApplication([])
name = {str(short_tmp / "lean.socket")!r}
running = SingleInstance(name)
assert running.listen(instance_socket.listen(name))
running.close()
print("QtNetwork" if "PySide6.QtNetwork" in sys.modules else "without")
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "without"
