"""Packaging fixtures: the window over fake services that pose as XMPP, Matrix and IRC (for chat
links), a virtual X screen, and the build outputs (wheel, sdist, bundle), built once and cached."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import events as ev
from app.backend import AccountField, FieldKind
from app.models import Account
from app.runtime import CoreThread, Result
from chinwag.testing import MemorySecretStore
from chinwag.testing.support import require_binary
from tests.fakes.core_harness import make_core
from tests.fakes.fake_backend import FakeBackend, FakeServer
from ui.bridge import CoreBridge
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
PROTOCOLS = {"xmpp": "XMPP", "matrix": "Matrix", "irc": "IRC"}


def posing_as(server: FakeServer, protocol_id: str) -> type[FakeBackend]:
    """The fake service under a real protocol's id, so links find its accounts (IRC's, like the
    real one, with a port and a plain-text switch for a link to fill in)."""
    fields = FakeBackend.account_fields
    if protocol_id == "irc":
        fields = (
            *fields,
            AccountField("port", "Port", FieldKind.INTEGER, default=6697),
            AccountField("plain_text", "Plain text", FieldKind.BOOLEAN, default=False),
        )
    return type(
        f"Fake{PROTOCOLS[protocol_id]}",
        (server.backend_class(),),
        {
            "protocol_id": protocol_id,
            "display_name": PROTOCOLS[protocol_id],
            "account_fields": fields,
        },
    )


def has_event(kind: type[ev.Event]) -> Callable[[list[ev.Event]], bool]:
    return lambda batch: any(isinstance(e, kind) for e in batch)


@pytest.fixture
def chat_server() -> FakeServer:
    return FakeServer(passwords={n: "pw" for n in ("alice", "amy", "ann", "bea", "nick")})


@pytest.fixture
def chat_secrets() -> MemorySecretStore:
    return MemorySecretStore()


@pytest.fixture
def chat_bridge(
    qtbot: QtBot, profile: Path, chat_server: FakeServer, chat_secrets: MemorySecretStore
) -> Iterator[CoreBridge]:
    extra = tuple(posing_as(chat_server, p) for p in PROTOCOLS)
    runner = CoreThread(lambda: make_core(profile, chat_server, chat_secrets, extra_classes=extra))
    runner.start()
    bridge = CoreBridge(runner)
    try:
        yield bridge
    finally:
        bridge.close()
        runner.stop()


@pytest.fixture
def chat_window(qtbot: QtBot, chat_bridge: CoreBridge) -> MainWindow:
    win = MainWindow(chat_bridge)
    qtbot.addWidget(win)
    win.show()
    return win


def start(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(
        window.bridge.events, timeout=30000, check_params_cb=has_event(ev.CoreStarted)
    ):
        window.bridge.start()


def add_account(
    qtbot: QtBot, window: MainWindow, server: FakeServer, protocol: str, user: str, host: str
) -> Account:
    """An account of ``protocol`` on ``host``, signed in."""
    results: list[Result[Account]] = []
    window.bridge.call(
        window.core.accounts.add_account(
            protocol, {"user": user, "server": host}, {"password": "pw"}, display_name=user
        ),
        results.append,
    )
    qtbot.waitUntil(lambda: bool(results), timeout=30000)
    done = results[0]
    assert done.ok, done.error
    account = done.value
    assert isinstance(account, Account)
    qtbot.waitUntil(lambda: user in server.online, timeout=30000)
    return account


@pytest.fixture
def x_display(tmp_path: Path) -> Iterator[str]:
    """A virtual X screen (Xvfb) for a real window."""
    xvfb = require_binary("Xvfb")
    read_fd, write_fd = os.pipe()
    with (tmp_path / "xvfb.log").open("wb") as log:
        proc = subprocess.Popen(
            [xvfb, "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=log,
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
