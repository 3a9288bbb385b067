"""The installed app, started like a user would on an (X11) screen with an empty profile.

It must reach the first-run window, expose it to a screen reader over AT-SPI (read with Debian's
pyatspi, as Orca would), and shut down cleanly on SIGTERM.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from chinwag.testing.support import in_ci, require_binary

ROOT = Path(__file__).resolve().parents[3]
CHINWAG = Path(sys.executable).parent / "chinwag"


def _fail_or_skip(message: str) -> None:
    if in_ci():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture
def x_display(tmp_path: Path) -> Iterator[str]:
    xvfb = require_binary("Xvfb")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        [xvfb, "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "xvfb.log").open("wb"),
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    try:
        assert number, "Xvfb did not report its display"
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(10)


def test_first_start_shows_the_first_run_window_to_a_screen_reader(
    x_display: str, tmp_path: Path
) -> None:
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        _fail_or_skip("no D-Bus session (run the tests through scripts/test)")
    system_python = "/usr/bin/python3"
    if subprocess.run([system_python, "-c", "import pyatspi"], check=False).returncode != 0:
        _fail_or_skip("python3-pyatspi is not installed (bash scripts/setup test)")
    profile = tmp_path / "profile"
    env = {
        **os.environ,
        "DISPLAY": x_display,
        "QT_QPA_PLATFORM": "xcb",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "QT_ACCESSIBILITY": "1",
    }
    started = time.monotonic()
    app = subprocess.Popen(
        [str(CHINWAG), "--profile", str(profile)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        dump = subprocess.run(
            [system_python, str(Path(__file__).with_name("atspi_dump.py")), "Chinwag", "30"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        nodes = [json.loads(line) for line in dump.stdout.splitlines() if line.startswith("{")]
        assert dump.returncode == 0, dump.stdout + dump.stderr
        shown = {(n["role"], n["name"]) for n in nodes if n["showing"]}
        assert ("push button", "Add an account") in shown, shown
        assert ("label", "Welcome to Chinwag") in shown, shown
        assert any(role == "frame" and "Chinwag" in name for role, name in shown), shown
        print(f"first-run window exposed over AT-SPI after {time.monotonic() - started:.2f} s")
    finally:
        app.send_signal(signal.SIGTERM)
        try:
            out, _ = app.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            app.kill()
            out, _ = app.communicate()
    assert app.returncode == 0, out.decode(errors="replace")
    # The empty profile now holds a config folder and a log, and no stray secrets or files.
    assert (profile / "logs" / "chinwag.log").exists()
