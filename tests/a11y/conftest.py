"""Fixtures of the accessibility tests: one private desktop with Orca for the whole package, the
app signed in to InspIRCd (an IRC account in one channel), a bot in that channel, and the AT-SPI
agent that reads the tree and types keys.

Starting Orca and the app takes several seconds, so they are shared by the package's tests; each
test begins by bringing the window back to a known place (:meth:`Scene.reset`).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.config import AccountEntry, AppConfig, ConfigFile
from app.models import Account
from app.paths import AppPaths
from chinwag.testing.support import in_ci
from tests.a11y.agent import SYSTEM_PYTHON, Agent
from tests.a11y.desktop import Desktop
from tests.a11y.irc_bot import IrcBot
from tests.a11y.scene import Scene
from tests.integration.irc.peer import unique_channel, unique_nick
from tests.integration.irc.servers import IrcServer, ensure_plugin

CHINWAG = Path(sys.executable).parent / "chinwag"


def pytest_configure(config: pytest.Config) -> None:
    ensure_plugin(config)  # the session's InspIRCd, shared with the IRC tests


def _require_pyatspi() -> None:
    check = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], check=False)
    if check.returncode != 0:
        message = "python3-pyatspi is not installed (bash scripts/setup test)"
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


@pytest.fixture(scope="package")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desktop]:
    _require_pyatspi()
    session = Desktop(tmp_path_factory.mktemp("desktop"))
    session.start()
    try:
        session.start_speech()
        session.start_orca()
        yield session
    finally:
        session.stop()


def write_profile(profile: Path, server: IrcServer, nick: str, channel: str) -> None:
    """A profile with one IRC account that joins ``channel`` (TLS with the test CA)."""
    assert server.tls is not None and server.tls_port is not None
    paths = AppPaths.in_profile(profile)
    paths.ensure()
    account = Account(
        "irc-a11y",
        "irc",
        "Test network",
        {
            "server": server.host,
            "port": server.tls_port,
            "ca_file": str(server.tls.ca_cert),
            "nick": nick,
            "channels": channel,
        },
    )
    ConfigFile(paths.config_file).save(AppConfig((AccountEntry(account),)))


@pytest.fixture(scope="package")
def scene(
    desktop: Desktop, inspircd_server: IrcServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Scene]:
    root = tmp_path_factory.mktemp("app")
    nick, channel = unique_nick("me"), unique_channel("#a11y")
    bot = IrcBot(inspircd_server.port, unique_nick("bob"))
    bot.join(channel)
    profile = root / "profile"
    write_profile(profile, inspircd_server, nick, channel)
    env = {
        **desktop.env,
        "QT_QPA_PLATFORM": "xcb",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "QT_ACCESSIBILITY": "1",
        "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
    }
    log = (root / "app.log").open("wb")
    app = subprocess.Popen(
        [str(CHINWAG), "--debug", "--profile", str(profile)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    agent = Agent(desktop.env, root / "agent.log")
    scene = Scene(desktop, agent, app, bot, nick, channel, root)
    try:
        agent.call("wait_app", name="Chinwag", timeout=60)
        scene.answer_offer()
        scene.wait_joined()
        yield scene
    finally:
        agent.close()
        app.terminate()
        try:
            app.wait(20)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait(5)
        log.close()
        bot.close()
