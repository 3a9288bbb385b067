"""UI fixtures: a real core on its own thread (as in the app) over the fake service, a bridge,
and the main window. Screenshots go to ``test-artifacts/screenshots`` to be looked at."""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app import events as ev
from app.runtime import CoreThread, Result
from chinwag.testing import MemorySecretStore
from tests.fakes.core_harness import make_core
from tests.fakes.fake_backend import FakeServer
from tests.ui.waits import UI_WAIT_MS
from ui import gc_on_gui_thread
from ui.application import install_translations
from ui.bridge import CoreBridge
from ui.main_window import MainWindow

T = TypeVar("T")

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def save_screenshot(widget: QWidget, name: str) -> Path:
    # Lay out what is pending first (after a font change the menu bar still had its old
    # height and showed only its overflow arrow).
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    assert widget.grab().save(str(path)), f"could not write {path}"
    return path


def has_event(kind: type[ev.Event]) -> Callable[[list[ev.Event]], bool]:
    return lambda batch: any(isinstance(e, kind) for e in batch)


@pytest.fixture(autouse=True, scope="session")
def _translations(qapp: QApplication) -> None:
    """As in the app: English plural forms ("1 member" / "2 members")."""
    install_translations(qapp)


@pytest.fixture(autouse=True)
def _gc_on_gui_thread(qapp: QApplication) -> Iterator[None]:
    """As in the app, cyclic garbage is collected on the GUI thread only while a window lives
    (see ui.gc_on_gui_thread); the tests after this one get Python's own collection back."""
    gc_on_gui_thread.install(qapp)
    try:
        yield
    finally:
        gc_on_gui_thread.uninstall()


@pytest.fixture
def bridge(
    qtbot: QtBot, profile: Path, fake_server: FakeServer, secrets: MemorySecretStore
) -> Iterator[CoreBridge]:
    runner = CoreThread(lambda: make_core(profile, fake_server, secrets))
    runner.start()
    bridge = CoreBridge(runner)
    try:
        yield bridge
    finally:
        bridge.close()
        runner.stop()


def show_started(qtbot: QtBot, bridge: CoreBridge) -> MainWindow:
    """The main window over ``bridge``, shown, once its core has started (as the app does)."""
    win = MainWindow(bridge)
    qtbot.addWidget(win)
    win.show()
    start_core(qtbot, bridge)
    return win


def start_core(qtbot: QtBot, bridge: CoreBridge) -> None:
    """Start the core under a window built over ``bridge``, and wait until it has started."""
    with qtbot.waitSignal(
        bridge.events, timeout=UI_WAIT_MS, check_params_cb=has_event(ev.CoreStarted)
    ):
        bridge.start()


@pytest.fixture
def window(qtbot: QtBot, bridge: CoreBridge) -> MainWindow:
    return show_started(qtbot, bridge)


def run_core(
    qtbot: QtBot, bridge: CoreBridge, coro: Coroutine[Any, Any, T], timeout: int = 5000
) -> T:
    """Call a core command from a test and wait (processing Qt events) for its result."""
    results: list[Result[T]] = []
    bridge.call(coro, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=timeout)
    done = results[0]
    assert done.ok, done.error
    return done.value


SERVICES = {"xmpp": "XMPP", "matrix": "Matrix", "irc": "IRC"}


@pytest.fixture
def services_window(
    qtbot: QtBot, profile: Path, fake_server: FakeServer, secrets: MemorySecretStore
) -> Iterator[MainWindow]:
    """The main window over the fake service posing as XMPP, Matrix and IRC (so service
    identity, colours and faces take each service's rules), no account yet."""
    posing = tuple(
        type(
            f"Fake{name}",
            (fake_server.backend_class(),),
            {"protocol_id": pid, "display_name": name},
        )
        for pid, name in SERVICES.items()
    )
    runner = CoreThread(lambda: make_core(profile, fake_server, secrets, extra_classes=posing))
    runner.start()
    bridge = CoreBridge(runner)
    try:
        yield show_started(qtbot, bridge)
    finally:
        bridge.close()
        runner.stop()
