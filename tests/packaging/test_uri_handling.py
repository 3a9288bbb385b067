"""Chat links in the running app: the right account opens the right conversation, a missing account
is offered, a bad link is explained — and a second launch hands its link to the running instance."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QLineEdit
from pytestqt.qtbot import QtBot

from app.models import Account, ConnectionState, ConversationId
from app.paths import PROFILE_ENV, AppPaths
from chinwag.testing import MemorySecretStore
from tests.fakes.core_harness import make_core
from tests.fakes.fake_backend import FakeServer
from tests.packaging.conftest import PROTOCOLS, ROOT, add_account, posing_as, start
from ui.main_window import MainWindow
from ui.single_instance import SingleInstance, socket_name
from ui.uri_handler import UriHandler


def opened(qtbot: QtBot, handler: UriHandler, uri: str) -> ConversationId:
    with qtbot.waitSignal(handler.opened, timeout=30000) as blocker:
        handler.open_uri(uri)
    conv = blocker.args[0]
    assert isinstance(conv, ConversationId)
    return conv


def test_each_link_opens_its_conversation_on_the_right_account(
    qtbot: QtBot, chat_window: MainWindow, chat_server: FakeServer
) -> None:
    window = chat_window
    start(qtbot, window)
    xmpp = add_account(qtbot, window, chat_server, "xmpp", "alice", "example.org")
    matrix = add_account(qtbot, window, chat_server, "matrix", "amy", "example.org")
    libera = add_account(qtbot, window, chat_server, "irc", "ann", "irc.libera.chat")
    other = add_account(qtbot, window, chat_server, "irc", "bea", "irc.example.org")
    handler = UriHandler(window)

    conv = opened(qtbot, handler, "xmpp:Carol@example.org?message")
    assert conv == ConversationId(xmpp.id, "carol@example.org")  # the fake folds like IRC
    assert window.pane.conversation == conv

    conv = opened(qtbot, handler, "matrix:r/garden:example.org")
    assert conv == ConversationId(matrix.id, "#garden:example.org")
    assert ("join", ("#garden:example.org", "")) in chat_server.calls
    qtbot.waitUntil(lambda: window.sidebar_model.conversation_index(conv).isValid())
    assert window.sidebar.current_conversation() == conv

    conv = opened(qtbot, handler, "ircs://irc.example.org/#channel")
    assert conv == ConversationId(other.id, "#channel")  # not the Libera account
    conv = opened(qtbot, handler, "irc://irc.libera.chat/python")
    assert conv == ConversationId(libera.id, "#python")
    conv = opened(qtbot, handler, "ircs://irc.libera.chat/NickServ,isnick")
    assert conv == ConversationId(libera.id, "nickserv")

    # A room already joined opens at once, without joining again.
    def joins() -> list[tuple[object, ...]]:
        return [args for call, args in chat_server.calls if call == "join"]

    before = joins()
    assert opened(qtbot, handler, "irc://irc.libera.chat/#python") == ConversationId(
        libera.id, "#python"
    )
    assert joins() == before
    assert window.pane.conversation == ConversationId(libera.id, "#python")
    assert window.notices.notices == []


def test_a_link_for_a_disabled_account_says_so_and_opens_once_it_is_enabled(
    qtbot: QtBot, chat_window: MainWindow, chat_server: FakeServer
) -> None:
    window = chat_window
    start(qtbot, window)
    account = add_account(qtbot, window, chat_server, "matrix", "amy", "example.org")
    window.bridge.call(window.core.accounts.set_account_enabled(account.id, False))
    qtbot.waitUntil(
        lambda: window.sidebar_model.account_state(account.id) is ConnectionState.DISABLED
    )
    handler = UriHandler(window)
    handler.open_uri("matrix:u/bob:example.org")
    assert any("not connected" in n for n in window.notices.notices), window.notices.notices
    window.bridge.call(window.core.accounts.set_account_enabled(account.id, True))
    qtbot.waitUntil(
        lambda: window.sidebar_model.account_state(account.id) is not ConnectionState.DISABLED
    )
    with qtbot.waitSignal(handler.opened, timeout=30000) as blocker:
        handler.open_uri("matrix:u/bob:example.org")
    assert blocker.args[0] == ConversationId(account.id, "@bob:example.org")


def test_a_link_given_at_start_waits_for_the_core_and_the_connection(
    qtbot: QtBot,
    chat_window: MainWindow,
    chat_server: FakeServer,
    chat_secrets: MemorySecretStore,
    profile: Path,
) -> None:
    """``chinwag matrix:…`` at start: the accounts are not known yet, then still connecting."""

    async def earlier_session() -> Account:
        core = make_core(profile, chat_server, chat_secrets, extra_classes=chat_backends)
        await core.start()
        account = await core.accounts.add_account(
            "matrix", {"user": "amy", "server": "example.org"}, {"password": "pw"}
        )
        await core.stop()
        return account

    chat_backends = tuple(posing_as(chat_server, p) for p in PROTOCOLS)
    account = asyncio.run(earlier_session())
    handler = UriHandler(chat_window)
    handler.open_uri("matrix:r/garden:example.org")
    with qtbot.waitSignal(handler.opened, timeout=30000) as blocker:
        chat_window.bridge.start()
    assert blocker.args[0] == ConversationId(account.id, "#garden:example.org")
    assert chat_window.pane.conversation == blocker.args[0]


def test_without_an_account_the_dialog_is_offered_prefilled_and_the_link_opens_after(
    qtbot: QtBot, chat_window: MainWindow, chat_server: FakeServer
) -> None:
    window = chat_window
    start(qtbot, window)
    add_account(qtbot, window, chat_server, "irc", "ann", "irc.libera.chat")
    handler = UriHandler(window)
    handler.open_uri("irc://irc.example.org:6667/#garden")
    notice = window.notices.notices[-1]
    assert "no IRC account on irc.example.org" in notice, notice
    dialog = window.account_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.protocol_id == "irc", timeout=30000)
    server = dialog.findChild(QLineEdit, "field_server")
    qtbot.waitUntil(lambda: server is not None and server.text() == "irc.example.org")
    port = dialog.findChild(QLineEdit, "field_port")
    assert port is not None and port.text() == "6667"
    plain = dialog.findChild(QCheckBox, "field_plain_text")
    assert plain is not None and plain.isChecked()  # irc://, not ircs://
    user = dialog.findChild(QLineEdit, "field_user")
    password = dialog.findChild(QLineEdit, "field_password")
    assert user is not None and password is not None
    user.setText("bea")
    password.setText("pw")
    with qtbot.waitSignal(handler.opened, timeout=30000) as blocker:
        dialog._submit()
    conv = blocker.args[0]
    assert conv.native_id == "#garden"
    account = window.sidebar_model.account(conv.account_id)
    assert account is not None and account.settings["server"] == "irc.example.org"
    assert account.settings["port"] == 6667 and account.settings["plain_text"] is True


def test_a_bad_link_is_explained_and_changes_nothing(
    qtbot: QtBot, chat_window: MainWindow, chat_server: FakeServer
) -> None:
    start(qtbot, chat_window)
    handler = UriHandler(chat_window)
    handler.open_uri("irc://irc.example.org:notaport/#c")
    handler.open_uri("https://example.org/")
    notices = chat_window.notices.notices
    assert "the port in it is not valid" in notices[0], notices
    assert "Chinwag opens xmpp:, matrix:, irc: and ircs: links" in notices[1], notices
    assert chat_window.account_dialog is None


def test_a_second_launch_hands_its_link_to_the_running_instance(
    qtbot: QtBot, chat_window: MainWindow, chat_server: FakeServer, profile: Path
) -> None:
    """The real ``chinwag`` command, started again, exits 0; the running window opens the link."""
    window = chat_window
    start(qtbot, window)
    account = add_account(qtbot, window, chat_server, "irc", "ann", "irc.example.org")
    handler = UriHandler(window)
    running = SingleInstance(socket_name(AppPaths.in_profile(profile)))
    assert running.listen()
    running.received.connect(handler.open_uri)
    try:
        window.showMinimized()
        env = {**os.environ, PROFILE_ENV: str(profile), "QT_QPA_PLATFORM": "offscreen"}
        with qtbot.waitSignal(handler.opened, timeout=30000) as blocker:
            second = subprocess.Popen(
                [sys.executable, "-m", "app", "ircs://irc.example.org/#channel"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
            )
            qtbot.waitUntil(lambda: second.poll() is not None, timeout=30000)
        output = second.communicate()[0].decode(errors="replace")
        assert second.returncode == 0, output
        assert blocker.args[0] == ConversationId(account.id, "#channel")
        assert window.pane.conversation == ConversationId(account.id, "#channel")
        assert not window.isMinimized()

        # Without a link, a second launch only brings the window forward.
        with qtbot.waitSignal(running.received, timeout=30000) as shown:
            again = subprocess.Popen([sys.executable, "-m", "app"], cwd=ROOT, env=env)
            qtbot.waitUntil(lambda: again.poll() is not None, timeout=30000)
        assert again.returncode == 0
        assert shown.args == [""]
    finally:
        running.close()
