"""The single-instance door without Qt: knock and open it before PySide6 is imported.

``ui.main`` starts the core (and so connects the accounts) before it imports Qt, so whether this
launch is the running instance must be known first, and a later launch must find this one from
then on. Where the door is a Unix socket at a path (Linux with ``$XDG_RUNTIME_DIR``, see
:func:`socket_name`), this module does both with the standard library, speaking the same wire
format as :mod:`ui.single_instance` (one JSON line, answered ``ok``); the socket it binds is
served once Qt is loaded by :class:`ui.instance_door.DoorServer` (``SingleInstance.listen(door)``),
still without QtNetwork. Elsewhere (a plain name,
which Qt maps to its own folder or to a named pipe) it answers ``None`` and Qt decides, before
the core starts.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import hashlib
import json
import logging
import os
import socket
import sys
from pathlib import Path

from app.paths import AppPaths

ANSWER = b"ok\n"
"""What the running instance answers a launch that handed it a link."""
MAX_MESSAGE = 64 * 1024
"""A launch's line longer than this is dropped."""
_UNIX_PATH_MAX = 100  # sun_path holds 108 bytes on Linux, 104 on macOS
_BACKLOG = 50  # Qt's own for a QLocalServer
_log = logging.getLogger(__name__)


def socket_name(paths: AppPaths) -> str:
    """The running instance's address for this user and profile.

    On Linux it is a full path in ``$XDG_RUNTIME_DIR`` (private to the user; inside Flatpak the
    app's own runtime folder, shared by its instances); elsewhere a plain name that Qt places in the
    temporary folder (macOS) or the named-pipe namespace (Windows).
    """
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (containers)
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    key = hashlib.sha256(f"{user}\0{paths.config_dir}".encode()).hexdigest()[:16]
    name = f"chinwag-{key}"
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if sys.platform.startswith("linux") and runtime:
        folder = Path(runtime)
        flatpak_id = os.environ.get("FLATPAK_ID", "")
        if flatpak_id:
            folder = folder / "app" / flatpak_id
        path = folder / f"{name}.socket"
        if folder.is_dir() and len(str(path)) < _UNIX_PATH_MAX:
            return str(path)
    return name


def is_path(name: str) -> bool:
    """Whether the door is a Unix socket at a path this module can reach without Qt."""
    return hasattr(socket, "AF_UNIX") and os.path.isabs(name)


def hand_over(name: str, uri: str | None, timeout: float = 5.0) -> bool | None:
    """Give ``uri`` (``None``: just show the window) to a running instance.

    True: it took it (so exit); False: nobody answered (this launch is the one); None: the door
    is not a path, ask ``SingleInstance.hand_over`` (Qt) instead.
    """
    if not is_path(name):
        return None
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as door:
        door.settimeout(min(timeout, 1.0))
        try:
            door.connect(name)
        except OSError:  # nobody listens (or a crashed instance left its socket behind)
            return False
        answer = b""
        try:
            door.settimeout(timeout)
            door.sendall(json.dumps({"uri": uri or ""}).encode() + b"\n")
            while len(answer) < len(ANSWER):
                chunk = door.recv(len(ANSWER))
                if not chunk:
                    break
                answer += chunk
        except OSError:
            pass
    if answer.startswith(ANSWER):
        return True
    _log.warning("the running Chinwag did not answer; starting another one")
    return False


def message_uri(line: bytes) -> str | None:
    """The link in a launch's line (``""``: only show the window); None: not a valid message."""
    try:
        payload = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    uri = payload.get("uri", "") if isinstance(payload, dict) else None
    return uri if isinstance(uri, str) else None


def buffered_message(buffer: bytes) -> tuple[bool, str | None]:
    """What a launch's bytes so far say, for both servers of the door: ``(False, None)`` while
    its line is not complete; ``(True, uri)`` once it is (``uri`` None: dropped, logged why)."""
    if len(buffer) > MAX_MESSAGE:
        _log.warning("single instance: dropped an oversized message")
        return True, None
    line, newline, _ = buffer.partition(b"\n")
    if not newline:
        return False, None
    uri = message_uri(line)
    if uri is None:
        _log.warning("single instance: dropped a malformed message")
    return True, uri


def listen(name: str) -> socket.socket | None:
    """Open the door at ``name`` (a path), readable by this user only, so that a later launch
    finds this one from now on; ``SingleInstance.listen`` serves it once Qt is loaded.

    None: not a path, or it cannot be opened (logged); Qt then listens by name itself.
    A socket left there by an instance that crashed (nobody answered :func:`hand_over`) is
    replaced.
    """
    if not is_path(name):
        return None
    door = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    bound = False
    try:
        try:
            door.bind(name)
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise
            os.unlink(name)
            door.bind(name)
        bound = True
        os.chmod(name, 0o600)  # what QLocalServer's UserAccessOption gives
        door.listen(_BACKLOG)
    except OSError as exc:
        _log.warning("cannot listen for other launches at %s: %s", name, exc)
        door.close()
        if bound:
            with contextlib.suppress(OSError):
                os.unlink(name)
        return None
    return door
