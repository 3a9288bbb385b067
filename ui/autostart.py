"""Starting Chinwag when the person logs in: an XDG autostart entry.

Desktops that follow the freedesktop autostart specification (GNOME, KDE, Xfce, LXQt, Cinnamon …)
start each ``*.desktop`` file in ``$XDG_CONFIG_HOME/autostart`` at login. Ours is the app's own
desktop entry (packaging/org.chinwag.Chinwag.desktop: its fields are repeated here, and a test keeps
the two the same) with ``--minimized``, so Chinwag comes up in the tray (where there is one). The
file is the setting: the check box shows whether it is there, and a desktop's own switch (GNOME's
``X-GNOME-Autostart-enabled=false``, ``Hidden=true``) counts as off.

Plain Python, no Qt: writing a file of a few hundred bytes does not need a worker thread.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path

_log = logging.getLogger(__name__)

FILE_NAME = "chinwag.desktop"
MINIMIZED = "--minimized"

ENTRY_FIELDS: tuple[tuple[str, str], ...] = (
    ("Type", "Application"),
    ("Version", "1.0"),
    ("Name", "Chinwag"),
    ("GenericName", "Chat Client"),
    ("Comment", "Chat over XMPP, Matrix and IRC in one window"),
    ("Icon", "org.chinwag.Chinwag"),
    ("Terminal", "false"),
    ("Categories", "Network;InstantMessaging;Chat;Qt;"),
)
"""The fields of the app's desktop entry that an autostart entry keeps as they are."""


def supported(platform: str = sys.platform, env: Mapping[str, str] = os.environ) -> bool:
    """Whether Chinwag can start itself at login this way: on Linux and the BSDs, outside Flatpak.
    Windows and macOS have their own ways; inside Flatpak, XDG_CONFIG_HOME is the sandbox's own
    folder, which no desktop reads at login (the Background portal's RequestBackground with
    ``autostart`` would be the way). Neither is done yet."""
    return not platform.startswith(("win", "darwin", "cygwin")) and not env.get("FLATPAK_ID")


def autostart_file(env: Mapping[str, str] = os.environ) -> Path:
    """``$XDG_CONFIG_HOME/autostart/chinwag.desktop`` (``~/.config`` when it is unset or not an
    absolute path, as the base directory specification says)."""
    config = env.get("XDG_CONFIG_HOME", "")
    base = Path(config) if config and Path(config).is_absolute() else Path.home() / ".config"
    return base / "autostart" / FILE_NAME


def launch_command() -> list[str]:
    """How this installation of Chinwag is started: a frozen build by its executable, a pip install by the ``chinwag`` script beside its Python (a virtual
    environment's bin is not on the login session's PATH), else ``chinwag`` from the PATH."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    beside = Path(sys.executable).parent / "chinwag"
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside.absolute())]
    found = shutil.which("chinwag")
    return [found or "chinwag"]


def _quote(arg: str) -> str:
    """One Exec argument, quoted as the desktop entry specification asks when it needs it."""
    if arg and not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`"):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'


def entry_text(command: list[str]) -> str:
    """The autostart entry that runs ``command`` with ``--minimized``."""
    exec_line = " ".join(_quote(a) for a in [*command, MINIMIZED])
    lines = ["[Desktop Entry]", *(f"{k}={v}" for k, v in ENTRY_FIELDS)]
    lines += [
        f"Exec={exec_line}",
        "X-GNOME-Autostart-enabled=true",
        "StartupNotify=false",
        "",
    ]
    return "\n".join(lines)


def is_enabled(path: Path | None = None) -> bool:
    """Whether Chinwag starts at login: the entry is there and no desktop switched it off."""
    path = path or autostart_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return False
    except (OSError, UnicodeDecodeError) as exc:
        _log.warning("autostart entry %s unreadable: %s", path, exc)
        return False
    fields = dict(
        line.split("=", 1) for line in text.splitlines() if "=" in line and line[:1] != "#"
    )
    hidden = fields.get("Hidden", "false").strip().lower() == "true"
    off = fields.get("X-GNOME-Autostart-enabled", "true").strip().lower() == "false"
    return not (hidden or off)


def set_enabled(on: bool, path: Path | None = None, command: list[str] | None = None) -> None:
    """Write the entry (``on``) or remove it. Raises ``OSError`` when the file system refuses:
    the caller tells the person (the setting did not change)."""
    path = path or autostart_file()
    if not on:
        path.unlink(missing_ok=True)
        _log.info("autostart entry removed: %s", path)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".desktop.part")  # never a half-written entry at login
    partial.write_text(entry_text(command or launch_command()), encoding="utf-8")
    partial.replace(path)
    _log.info("autostart entry written: %s", path)
