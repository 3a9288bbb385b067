"""The app starts its core before it imports the window (``ui.main``): the saved account connects,
rejoins its room and receives messages with nobody listening yet. When the window's bridge
attaches, it must show all of that, every event once and in the order the core published it,
and go on with what comes later."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pytestqt.qtbot import QtBot

from app import events as ev
from app.models import ConnectionState, ConversationId, ConversationKind
from app.runtime import CoreThread, EventRelay
from chinwag.testing import MemorySecretStore
from tests.fakes.core_harness import Recorder, make_core
from tests.fakes.fake_backend import FakeServer
from tests.ui.helpers import open_conv
from tests.ui.waits import UI_WAIT_MS
from ui.bridge import CoreBridge
from ui.main_window import MainWindow

ROOM = "#early"


def _saved_account_in_a_room(profile: Path, server: FakeServer, secrets: MemorySecretStore) -> str:
    """What a returning user has: an account, enabled, in a room (made by a first run)."""
    runner = CoreThread(lambda: make_core(profile, server, secrets))
    core = runner.start()
    try:
        runner.submit(core.start()).result(10)
        account = runner.submit(
            core.accounts.add_account("fake", {"user": "alice"}, {"password": "wonderland"})
        ).result(10)
        runner.submit(_wait_online(server, "alice")).result(10)
        assert runner.submit(core.rooms.join(account.id, ROOM)).result(10).ok
        runner.submit(core.flushed()).result(10)
    finally:
        runner.stop()
    server.online.clear()
    return account.id


async def _wait_online(server: FakeServer, user: str) -> None:
    while user not in server.online:
        await asyncio.sleep(0.01)


def _say(server: FakeServer, bodies: list[str]) -> None:
    for body in bodies:
        server.deliver("alice", ROOM, body, sender="bob", kind=ConversationKind.GROUP)


def test_what_happened_before_the_window_attached_is_shown_once_and_in_order(
    qtbot: QtBot, profile: Path, fake_server: FakeServer, secrets: MemorySecretStore
) -> None:
    account_id = _saved_account_in_a_room(profile, fake_server, secrets)
    conv = ConversationId(account_id, ROOM)

    # As ui.main.start_core does: the relay first, then the core starts, with no window.
    runner = CoreThread(lambda: make_core(profile, fake_server, secrets))
    core = runner.start()
    relay = EventRelay(core.bus)
    published = Recorder(core)  # everything the core publishes, on its own thread
    runner.submit(core.start())
    runner.submit(_wait_online(fake_server, "alice")).result(10)
    _say(fake_server, ["one", "two", "three"])
    runner.submit(core.flushed()).result(10)
    before = len(published.events)
    assert relay.held == before  # kept, nobody has seen them yet
    kinds = {type(e) for e in published.events}
    assert {ev.CoreStarted, ev.ConnectionStateChanged, ev.MessagesAdded} <= kinds

    bridge = CoreBridge(runner, relay=relay)
    delivered: list[ev.Event] = []
    bridge.events.connect(delivered.extend)  # before the first (queued) delivery
    window = MainWindow(bridge)
    qtbot.addWidget(window)
    window.show()
    try:
        assert relay.held == 0
        qtbot.waitUntil(lambda: len(delivered) >= before, timeout=UI_WAIT_MS)
        _say(fake_server, ["four", "five"])  # after the window attached
        runner.submit(core.flushed()).result(10)
        qtbot.waitUntil(lambda: len(delivered) == len(published.events), timeout=UI_WAIT_MS)

        # Once each, in order: the very objects the core published.
        assert len(delivered) == len(published.events)
        assert all(a is b for a, b in zip(delivered, published.events, strict=True))
        assert sum(isinstance(e, ev.CoreStarted) for e in delivered) == 1

        # And the window shows it: the chat page, the account online, the room with 5 unread.
        qtbot.waitUntil(lambda: window.pages.currentIndex() == MainWindow.PAGE_CHAT, timeout=5000)
        assert window.sidebar_model.account_state(account_id) is ConnectionState.CONNECTED
        shown = window.sidebar_model.conversation(conv)
        assert shown is not None and shown.unread_count == 5
        open_conv(qtbot, window, conv, rows=5)
        bodies = [window.pane.model.message(i).body for i in range(5)]
        assert bodies == ["one", "two", "three", "four", "five"]
    finally:
        bridge.close()
        window.close()
        runner.stop()
