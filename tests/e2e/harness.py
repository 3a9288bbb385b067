"""The e2e harness: the real :class:`MainWindow` on a real core (its own thread, as in the app)
with the real backend plugins, signed in to a server on loopback; and a loop thread where the
independent clients (the peers of the integration tests) run.

Peers never share a loop with the core: what they see is what the server delivered. Waits poll
conditions with generous deadlines while Qt keeps processing events, so a loaded machine only
makes a test slower, never wrong.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import random
import threading
import time
from collections.abc import Callable, Coroutine, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QPushButton
from pytestqt.qtbot import QtBot

from app import events as ev
from app.backend import Backend
from app.backoff import Backoff
from app.core import Core, CoreContext
from app.models import Account, ConnectionState, ConversationId, Message
from app.paths import AppPaths
from app.registry import BackendRegistry
from app.runtime import CoreThread, Result
from chinwag.testing import MemorySecretStore
from ui import gc_on_gui_thread
from ui.application import install_translations
from ui.bridge import CoreBridge
from ui.main_window import MainWindow
from ui.widgets.requests_panel import Request

T = TypeVar("T")
D = TypeVar("D")
WAIT_MS = 30_000  # a real server on a loaded 2-core machine: generous, never a fixed sleep


class LoopThread:
    """An asyncio loop on its own thread for the independent clients."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="e2e-peers", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()

    def run(self, coro: Coroutine[Any, Any, T], timeout: float = 60.0) -> T:
        """Run a short peer action and return its result (the peer's own waits included)."""
        future = asyncio.run_coroutine_threadsafe(coro, self.loop)
        try:
            return future.result(timeout)
        except concurrent.futures.TimeoutError:
            future.cancel()
            raise

    def stop(self) -> None:
        async def cancel_all() -> None:
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        if self.loop.is_running():
            asyncio.run_coroutine_threadsafe(cancel_all(), self.loop).result(15)
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(15)
        self.loop.close()


def make_core(root: Path, classes: list[type[Backend]], secrets: MemorySecretStore) -> Core:
    """A core over the real plugins, its data under ``root`` (reconnects kept quick)."""
    return Core(
        CoreContext(
            paths=AppPaths.in_profile(root),
            registry=BackendRegistry(classes=list(classes)),
            secrets=secrets,
            backoff_factory=lambda: Backoff(base=0.2, cap=2.0, rng=random.Random(7)),
            connect_timeout=45.0,
        )
    )


@dataclass
class Signed:
    """The window, signed in to one account."""

    qtbot: QtBot
    window: MainWindow
    bridge: CoreBridge
    account_id: str
    secrets: MemorySecretStore  # the core's keyring

    @property
    def core(self) -> Core:
        return self.bridge.core

    def call(self, coro: Coroutine[Any, Any, T], timeout: int = WAIT_MS) -> T:
        """Set-up only (what the test is not about): a core command, waited for."""
        results: list[Result[T]] = []
        self.bridge.call(coro, results.append)
        self.qtbot.waitUntil(lambda: bool(results), timeout=timeout)
        done = results[0]
        assert done.ok, done.error
        return done.value

    def wait(self, predicate: Callable[[], object], timeout: int = WAIT_MS) -> None:
        self.qtbot.waitUntil(lambda: bool(predicate()), timeout=timeout)

    def conversation(self, native_id: str) -> ConversationId:
        return ConversationId(self.account_id, native_id)

    def open(self, native_id: str) -> ConversationId:
        """Choose a conversation in the sidebar, as a click would, and wait until it shows."""
        conv = self.conversation(native_id)
        self.wait(lambda: self.window.sidebar_model.conversation_index(conv).isValid())
        self.window.show_tab(0)
        self.window.sidebar.select_conversation(conv)
        self.wait(
            lambda: (
                self.window.pane.details is not None
                and self.window.pane.details.conversation.id == conv
            )
        )
        return conv

    def messages(self) -> list[Message]:
        model = self.window.pane.model
        return [model.message(i) for i in range(model.rowCount())]

    def type_and_send(self, text: str) -> None:
        """Type into the composer and press Enter, as a person does."""
        composer = self.window.pane.composer_area.composer
        composer.setFocus()
        composer.setPlainText(text)  # keyClicks of 4,000 characters would take minutes
        composer.moveCursor(composer.textCursor().MoveOperation.End)
        self.qtbot.keyClick(composer, Qt.Key.Key_Return)

    def notices(self) -> list[str]:
        return list(self.window.notices.notices)

    def dialog(self, kind: type[D]) -> D:
        """The dialog of ``kind`` the window opened last, once it shows."""
        self.wait(
            lambda: (
                isinstance(self.window.last_dialog, kind) and self.window.last_dialog.isVisible()
            )
        )
        found = self.window.last_dialog
        assert isinstance(found, kind)
        return found

    def select_account(self) -> None:
        """The account's row in the sidebar (the Accounts menu acts on it)."""
        self.window.show_tab(0)
        self.window.sidebar.tree.setCurrentIndex(self.window.sidebar.proxy.index(0, 0))

    def answer_request(self, predicate: Callable[[Request], bool], accept: bool = True) -> Request:
        """Accept (or decline) a waiting request with its button, by keyboard. Where saying no
        blocks the sender (Delta Chat), that button is "Block"."""
        panel = self.window.requests
        self.wait(lambda: any(predicate(r) for r in panel.requests))
        request = next(r for r in panel.requests if predicate(r))
        no = "Block: " if request.declining_blocks else "Decline: "
        label = ("Accept: " if accept else no) + request.text
        button = next(b for b in panel.findChildren(QPushButton) if b.accessibleName() == label)
        button.setFocus()
        self.qtbot.keyClick(button, Qt.Key.Key_Space)
        return request

    def members(self) -> list[str]:
        return [m.native_id for m in self.window.pane.members.model.members()]


def action(window: MainWindow, *path: str) -> QAction:
    """A menu action of the window by its menu path (texts with their mnemonics)."""
    actions = window.menuBar().actions()
    found: QAction | None = None
    for text in path:
        found = next((a for a in actions if a.text() == text), None)
        assert found is not None, f"no {text!r} in {[a.text() for a in actions]}"
        menu = found.menu()
        actions = menu.actions() if isinstance(menu, QMenu) else []
    assert found is not None
    return found


def contact_rows(window: MainWindow) -> list[str]:
    """The contact list as a screen reader reads it."""
    model = window.contact_list.proxy
    out: list[str] = []

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            out.append("  " * depth + str(index.data(Qt.ItemDataRole.AccessibleTextRole)))
            walk(index, depth + 1)

    walk(QModelIndex(), 0)
    return out


@contextmanager
def signed_in_window(
    qtbot: QtBot,
    root: Path,
    backend: type[Backend],
    settings: Mapping[str, str | int | bool],
    secrets: Mapping[str, str],
) -> Iterator[Signed]:
    """The real window on a real core, with an account of ``backend`` added and connected."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translations(app)
    gc_on_gui_thread.install(app)  # as create_app does
    store = MemorySecretStore()
    runner = CoreThread(lambda: make_core(root, [backend], store))
    runner.start()
    bridge = CoreBridge(runner)
    window = MainWindow(bridge)
    qtbot.addWidget(window)
    window.show()
    try:
        with qtbot.waitSignal(
            bridge.events,
            timeout=WAIT_MS,
            check_params_cb=lambda b: any(isinstance(e, ev.CoreStarted) for e in b),
        ):
            bridge.start()
        results: list[Result[Account]] = []
        bridge.call(
            bridge.core.accounts.add_account(backend.protocol_id, settings, dict(secrets)),
            results.append,
        )
        qtbot.waitUntil(lambda: bool(results), timeout=WAIT_MS)
        assert results[0].ok, results[0].error
        account_id = results[0].value.id
        signed = Signed(qtbot, window, bridge, account_id, store)

        def connected() -> bool:
            session = bridge.core.sessions.get(account_id)
            # The state can say "connected" a moment before the session holds its backend.
            return (
                session is not None
                and session.state.state is ConnectionState.CONNECTED
                and session.backend is not None
            )

        signed.wait(connected, timeout=60_000)
        signed.wait(lambda: window.pages.currentIndex() == MainWindow.PAGE_CHAT)
        yield signed
    finally:
        window.close()
        bridge.close()
        runner.stop()
        gc_on_gui_thread.uninstall()


def until(predicate: Callable[[], object], timeout: float = 30.0, what: str = "") -> None:
    """Poll from a peer-side helper thread (no Qt involved)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        time.sleep(0.02)
