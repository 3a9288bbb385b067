"""A private desktop for the accessibility tests: an X display, a D-Bus session with the AT-SPI
bus, a keyring, a speech server that writes to a file, and Orca.

Everything here is a real program started by the tests and stopped by its own pid:

- ``Xvfb`` (the display), ``dbus-daemon --session`` (a bus of our own, so the AT-SPI bus launcher
  and registry it activates know our display, and no other test's applications appear in the
  tree), ``gnome-keyring-daemon`` (the app keeps secrets only there);
- ``speech-dispatcher`` with one output module, ``sd_generic`` running ``printf`` into a file:
  there is no sound card, and what reaches the speech server is then on disk too;
- ``orca`` (Debian 12: 43.1) with ``--debug-file``: its debug log records every
  ``SPEECH OUTPUT: '…'`` line, which is what a user would hear. Orca writes that log through
  an ordinary Python file, which holds lines back in an 8 KB buffer (a test would wait for
  speech Orca has long said); given a terminal, Python flushes every line, so the "file" is a
  pseudo-terminal whose other end a thread copies to disk.
"""

from __future__ import annotations

import contextlib
import os
import pty
import re
import shutil
import signal
import subprocess
import threading
import time
import tty
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from chinwag.testing.support import require_binary

INSTALL_HINT = "apt-get install xvfb dbus at-spi2-core python3-pyatspi orca speech-dispatcher"
# "12:00:00.000 - SPEECH OUTPUT: 'text'" then maybe " voice=name", then the voice's settings dict
ORCA_CUSTOMIZATIONS = '''"""Chinwag's accessibility tests: Orca logs only what it speaks.

--debug-file turns on every debug line (tens of thousands a minute, each written while Orca
handles its events); that slowed Orca until its event queue overflowed into "deluge" mode, which
a user never sees. The SPEECH OUTPUT lines are all the tests read.
"""
import orca.debug as debug

_println = debug.println


def _speech_only(level, text="", timestamp=False):
    if isinstance(text, str) and text.startswith("SPEECH OUTPUT"):
        _println(debug.LEVEL_SEVERE, text, timestamp)


debug.println = _speech_only
debug.debugLevel = debug.LEVEL_SEVERE
'''
SPEECH = re.compile(r"SPEECH OUTPUT: '(.*)'(?: voice=\S+)? ?(?:\{[^{}]*\})?$", re.MULTILINE)


def _stop(proc: subprocess.Popen[bytes] | None, timeout: float = 10.0) -> None:
    if proc is None or proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


def wait_until(predicate: Callable[[], object], timeout: float, what: str) -> object:
    """Poll ``predicate`` until it returns something true, or fail saying ``what`` was awaited."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.1)


@dataclass
class Desktop:
    """The running session; ``env`` is what every program of it must be started with."""

    root: Path
    env: dict[str, str] = field(default_factory=dict)
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)
    orca_log: Path | None = None
    spoken_file: Path | None = None
    _pty: tuple[int, int] | None = None

    # -- starting -------------------------------------------------------------------------

    def start(self) -> Desktop:
        try:
            self._start_display()
            self._start_bus()
            self._start_keyring()
        except BaseException:
            self.stop()
            raise
        return self

    def _spawn(self, argv: list[str], log: str, **kwargs: object) -> subprocess.Popen[bytes]:
        out = (self.root / log).open("ab")
        proc = subprocess.Popen(
            argv,
            env=self.env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            **kwargs,  # type: ignore[arg-type]
        )
        out.close()
        self.procs.append(proc)
        return proc

    def _start_display(self) -> None:
        xvfb = require_binary("Xvfb", INSTALL_HINT)
        home = self.root / "home"
        runtime = self.root / "runtime"
        for d in (home, runtime):
            d.mkdir(parents=True, exist_ok=True)
            d.chmod(0o700)
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DBUS_", "AT_SPI", "QT_", "GNOME_KEYRING", "SPEECHD"))
        }
        self.env.update(
            HOME=str(home),
            XDG_RUNTIME_DIR=str(runtime),
            XDG_CONFIG_HOME=str(home / ".config"),
            XDG_DATA_HOME=str(home / ".local" / "share"),
            XDG_CACHE_HOME=str(home / ".cache"),
            NO_AT_BRIDGE="0",
            GTK_MODULES="",
            LANG="C.UTF-8",
            LC_ALL="C.UTF-8",
        )
        read_fd, write_fd = os.pipe()
        proc = subprocess.Popen(
            [xvfb, "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=(self.root / "xvfb.log").open("wb"),
            start_new_session=True,
        )
        self.procs.append(proc)
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        assert number, "Xvfb did not report its display"
        self.env["DISPLAY"] = f":{number}"

    def _start_bus(self) -> None:
        daemon = require_binary("dbus-daemon", INSTALL_HINT)
        read_fd, write_fd = os.pipe()
        proc = subprocess.Popen(
            [daemon, "--session", "--nofork", f"--print-address={write_fd}"],
            pass_fds=(write_fd,),
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=(self.root / "dbus.log").open("wb"),
            start_new_session=True,
        )
        self.procs.append(proc)
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            address = pipe.readline().strip()
        assert address, "dbus-daemon did not report its address"
        self.env["DBUS_SESSION_BUS_ADDRESS"] = address

    def _start_keyring(self) -> None:
        keyring = shutil.which("gnome-keyring-daemon")
        if keyring is None:
            return  # the app then shows a notice; nothing in these tests needs a secret
        proc = subprocess.Popen(
            [keyring, "--foreground", "--unlock", "--components=secrets"],
            env=self.env,
            stdin=subprocess.PIPE,
            stdout=(self.root / "keyring.log").open("wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        assert proc.stdin is not None
        proc.stdin.write(b"chinwag-a11y")
        proc.stdin.close()
        self.procs.append(proc)

    def start_speech(self) -> None:
        """speech-dispatcher with one output module that writes what it is asked to say."""
        server = require_binary("speech-dispatcher", INSTALL_HINT)
        conf = self.root / "speechd"
        (conf / "modules").mkdir(parents=True, exist_ok=True)
        self.spoken_file = self.root / "spoken.txt"
        self.spoken_file.touch()
        (conf / "speechd.conf").write_text(
            'AddModule "file" "sd_generic" "file.conf"\n'
            "DefaultModule file\n"
            'LanguageDefaultModule "en" "file"\n'
            'AudioOutputMethod "libao"\n'
        )
        # sd_generic opens an audio device even if its command never plays anything: libao's
        # null driver is one that always opens.
        (Path(self.env["HOME"]) / ".libao").write_text("default_driver=null\n")
        (conf / "modules" / "file.conf").write_text(
            f"GenericExecuteSynth \"printf '%s\\\\n' \\'$DATA\\' >> {self.spoken_file}\"\n"
            'GenericLanguage "en" "en" "utf-8"\n'
            'AddVoice "en" "MALE1" "file"\n'
        )
        socket = self.root / "speechd.sock"
        self.env["SPEECHD_ADDRESS"] = f"unix_socket:{socket}"
        self._spawn(
            [
                server,
                "--run-single",
                "--timeout",
                "0",
                "--config-dir",
                str(conf),
                "--socket-path",
                str(socket),
                "--communication-method",
                "unix_socket",
                "--log-dir",
                str(self.root),
                "--pid-file",
                str(self.root / "speechd.pid"),
            ],
            "speechd.out",
        )
        wait_until(socket.exists, 20, "speech-dispatcher's socket")

    def start_orca(self) -> None:
        """Orca with its debug log (every SPEECH OUTPUT line), our own settings folder."""
        orca = require_binary("orca", INSTALL_HINT)
        self.orca_log = self.root / "orca-debug.log"
        prefs = self.root / "orca-prefs"
        prefs.mkdir(exist_ok=True)
        if not os.environ.get("CHINWAG_ORCA_FULL_DEBUG"):
            (prefs / "orca-customizations.py").write_text(ORCA_CUSTOMIZATIONS)
        master, follower = pty.openpty()
        tty.setraw(follower)  # bytes as written: no "\r\n" for "\n"
        self._pty = (master, follower)
        threading.Thread(
            target=self._copy_log, args=(master, self.orca_log), name="orca-log", daemon=True
        ).start()
        self._spawn(
            [
                orca,
                "--replace",
                "--user-prefs",
                str(prefs),
                "--debug-file",
                os.ttyname(follower),
            ],
            "orca.out",
        )
        wait_until(lambda: "Screen reader on." in self.spoken(), 60, "Orca to start speaking")

    @staticmethod
    def _copy_log(master: int, path: Path) -> None:
        with path.open("ab") as out:
            while True:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the terminal closed (Orca and we are gone)
                    return
                if not chunk:
                    return
                out.write(chunk)
                out.flush()

    # -- what Orca said ----------------------------------------------------------------------

    def spoken(self) -> list[str]:
        """Every SPEECH OUTPUT line of Orca's debug log so far, in order."""
        if self.orca_log is None or not self.orca_log.exists():
            return []
        text = self.orca_log.read_text(errors="replace")
        return [m.group(1) for m in SPEECH.finditer(text)]

    def mark(self) -> int:
        return len(self.spoken())

    def wait_spoken(
        self, predicate: Callable[[str], bool], since: int, what: str, timeout: float = 30.0
    ) -> str:
        """The first line Orca spoke after ``since`` that matches, waiting for it if need be."""

        def found() -> str | None:
            return next((line for line in self.spoken()[since:] if predicate(line)), None)

        try:
            return str(wait_until(found, timeout, what))
        except AssertionError as exc:
            said = "\n".join(self.spoken()[since:][-30:])
            raise AssertionError(f"{exc}; Orca said since:\n{said}") from None

    # -- stopping ----------------------------------------------------------------------------

    def stop(self) -> None:
        for proc in reversed(self.procs):
            _stop(proc)
        self.procs.clear()
        if self._pty is not None:
            for fd in self._pty:
                with contextlib.suppress(OSError):
                    os.close(fd)
            self._pty = None
