"""The interoperable floor over IRC, from the window to InspIRCd and back.

Each test signs the real window in to InspIRCd (with Atheme), acts through the window's own
menus, dialogs, buttons and keys, and checks the effect at a raw IRC socket (the naive peer of
the integration tests, ``tests/integration/irc/peer.py``), then the other way round.

Rows IRC does not have: ``receipts`` (IRC has no delivery or read receipts; echo-message only
confirms that the server took a line) and ``archive`` (no server in Debian offers CHATHISTORY,
see docs/irc.md; the local archive — pruning per account, a kept history imported again — is
the same for every service and tested in tests/ui and tests/unit/app/test_core_floor.py).
"""

from __future__ import annotations

import asyncio
import os
import shlex
import struct
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.models import Role
from tests.e2e.harness import LoopThread, Signed, action, contact_rows, signed_in_window
from tests.integration.irc.helpers import FastIrcBackend, settings_for
from tests.integration.irc.peer import Msg, Peer, unique_channel, unique_nick
from tests.integration.irc.servers import IrcServer
from tests.ui.helpers import results_of
from ui.dialogs.blocked_dialog import BlockedDialog
from ui.dialogs.form_dialog import FormDialog
from ui.dialogs.new_room_dialog import NewRoomDialog
from ui.dialogs.room_settings_dialog import RoomSettingsDialog
from ui.widgets.room_options_form import ACCESS_INVITED

pytestmark = pytest.mark.integration

TEXTS = (
    "مرحبا بالعالم، هذه رسالة عربية",
    "你好，世界！这是一条中文消息。",
    "family: 👩‍👩‍👧‍👦 and 🏳️‍🌈",
    " ".join(f"word{i:04d}" for i in range(440)),  # 4,399 characters, split into several lines
)


class Bot:
    """The raw IRC peer, on the peers' loop, reached from the test."""

    def __init__(self, loop: LoopThread, peer: Peer) -> None:
        self.loop = loop
        self.peer = peer
        self.nick = peer.nick

    def send(self, line: str) -> None:
        self.loop.run(self.peer.send(line))

    def say(self, target: str, text: str) -> None:
        self.loop.run(self.peer.privmsg(target, text))

    def join(self, channel: str, key: str = "") -> None:
        self.loop.run(self.peer.join(channel, key))

    def lines(self, predicate: Callable[[Msg], bool], start: int = 0) -> list[Msg]:
        return [m for m in list(self.peer.lines)[start:] if predicate(m)]

    def mark(self) -> int:
        return len(self.peer.lines)


@pytest.fixture
def me(qtbot: QtBot, inspircd_server: IrcServer, tmp_path: Path) -> Iterator[Signed]:
    settings = settings_for(inspircd_server, unique_nick("me"))
    with signed_in_window(qtbot, tmp_path / "profile", FastIrcBackend, settings, {}) as signed:
        yield signed


@pytest.fixture
def bot(inspircd_server: IrcServer, peer_loop: LoopThread) -> Iterator[Bot]:
    caps = ("away-notify", "extended-join", "multi-prefix")
    peer = peer_loop.run(Peer.connect(inspircd_server.port, unique_nick("bot"), caps=caps))
    yield Bot(peer_loop, peer)
    peer_loop.run(peer.close())


def own_nick(me: Signed) -> str:
    backend = me.core.sessions[me.account_id].backend
    assert backend is not None
    return backend.own_id


def row_of(me: Signed, nick: str) -> str:
    return next((r.strip() for r in contact_rows(me.window) if r.strip().startswith(nick)), "")


# -- presence and contacts ---------------------------------------------------------------------


def test_floor_add_contact(me: Signed, bot: Bot) -> None:
    action(me.window, "C&onversations", "Add a &contact…").trigger()
    form = me.dialog(FormDialog)
    form.edits["who"].setText(bot.nick)
    me.qtbot.keyClick(form.edits["who"], Qt.Key.Key_Return)
    # Watched (MONITOR): the server tells us the bot is online, and when it leaves.
    me.wait(lambda: row_of(me, bot.nick).startswith(f"{bot.nick}, available"))
    bot.send("QUIT :bye")
    me.wait(lambda: row_of(me, bot.nick).startswith(f"{bot.nick}, offline"))


def test_floor_presence(me: Signed, bot: Bot) -> None:
    me.call(me.core.contacts.add_contact(me.account_id, bot.nick))
    me.window.activateWindow()
    me.qtbot.keyClick(me.window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    me.wait(lambda: row_of(me, bot.nick).startswith(f"{bot.nick}, available"))
    bot.send("AWAY :gone fishing")
    me.wait(lambda: row_of(me, bot.nick).startswith(f"{bot.nick}, away, gone fishing"))

    # Back: our status from the window reaches the server (WHOIS shows us away).
    action(me.window, "&Accounts", "My &status", "A&way").trigger()
    start = bot.mark()

    def away_in_whois() -> bool:
        if bot.lines(lambda m: m.command == "301" and m.params[1] == own_nick(me), start):
            return True
        if bot.lines(lambda m: m.command == "318", start):  # a WHOIS ended without it: again
            bot.send(f"WHOIS {own_nick(me)}")
        return False

    bot.send(f"WHOIS {own_nick(me)}")
    me.wait(away_in_whois)


# -- rooms -------------------------------------------------------------------------------------


def channel_modes(bot: Bot, channel: str) -> str:
    start = bot.mark()
    bot.send(f"MODE {channel}")
    found: list[Msg] = []
    bot.loop.run(bot.peer.wait_for(lambda m: m.command == "324", start=start))
    found = bot.lines(lambda m: m.command == "324", start)
    return found[0].params[2]


def test_floor_create_room(me: Signed, bot: Bot) -> None:
    theirs = unique_channel("#theirs")
    bot.join(theirs)  # someone else runs it
    me.window.activateWindow()
    me.qtbot.keyClick(
        me.window,
        Qt.Key.Key_O,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = me.dialog(NewRoomDialog)
    me.wait(dialog.create_button.isEnabled)
    fields = dialog.fields
    assert not fields.encrypted.isVisibleTo(dialog)  # IRC has no end-to-end encryption
    assert fields.access.currentData() == ACCESS_INVITED
    fields.name.setText(theirs)
    fields.password.setText("sesame")
    fields.moderated.setChecked(True)
    me.qtbot.keyClick(fields.name, Qt.Key.Key_Return)
    me.wait(lambda: "someone else runs it" in dialog.error.text())
    fields.password.setText("has a space")
    channel = unique_channel("#floor")
    fields.name.setText(channel)
    me.qtbot.keyClick(fields.name, Qt.Key.Key_Return)
    me.wait(lambda: "no spaces" in dialog.error.text())
    fields.password.setText("sesame")
    fields.topic.setText("Built from the window")
    fields.name.setText(unique_channel("#floor"))
    channel = fields.name.text()
    finished = results_of(dialog)  # a closed dialog is deleted: record how it ended
    me.qtbot.keyClick(fields.name, Qt.Key.Key_Return)
    me.wait(lambda: finished == [QDialog.DialogCode.Accepted.value])
    me.wait(lambda: me.window.pane.conversation == me.conversation(channel.lower()))
    # The bot sees it set up as asked: invited (+i) with the key (+k) it may enter, then the
    # modes and the topic from inside.
    me.type_and_send(f"/invite {bot.nick}")
    me.wait(lambda: bot.lines(lambda m: m.command == "INVITE" and m.params[-1] == channel))
    start = bot.mark()
    bot.join(channel, "sesame")
    topic = bot.lines(lambda m: m.command == "332", start)
    assert topic and topic[0].params[-1] == "Built from the window"
    assert {"i", "k", "m", "s"} <= set(channel_modes(bot, channel))


def test_floor_invite(me: Signed, bot: Bot) -> None:
    from app.backend import RoomOptions

    channel = unique_channel("#inv")
    options = RoomOptions(name=channel, invite_only=True)
    created = me.call(me.core.rooms.create_room(me.account_id, options=options))
    assert created.ok, created.failure
    me.open(channel.lower())
    me.type_and_send(f"/invite {bot.nick}")
    me.wait(lambda: bot.lines(lambda m: m.command == "INVITE" and m.params[-1] == channel))
    bot.join(channel)  # +i, but invited
    me.wait(lambda: bot.nick in me.members())


def test_floor_be_invited(me: Signed, bot: Bot) -> None:
    channel = unique_channel("#theirs")
    bot.join(channel)
    bot.send(f"MODE {channel} +i")
    bot.send(f"INVITE {own_nick(me)} {channel}")
    me.answer_request(lambda r: r.kind == "invite" and r.target == channel.lower())
    me.wait(
        lambda: bot.lines(
            lambda m: m.command == "JOIN" and m.nick == own_nick(me) and m.params[0] == channel
        )
    )
    me.open(channel.lower())
    me.wait(lambda: bot.nick in me.members())


# -- messages ----------------------------------------------------------------------------------


def test_floor_text(me: Signed, bot: Bot) -> None:
    for text in TEXTS[:3]:
        bot.say(own_nick(me), text)
    me.wait(
        lambda: me.window.sidebar_model.conversation_index(
            me.conversation(bot.nick.lower())
        ).isValid()
    )
    me.open(bot.nick.lower())
    me.wait(lambda: [m.body for m in me.messages()] == list(TEXTS[:3]))

    start = bot.mark()
    for text in TEXTS:
        me.type_and_send(f"re: {text}")
    mine = lambda: [  # noqa: E731
        m.params[-1]
        for m in bot.lines(lambda m: m.command == "PRIVMSG" and m.nick == own_nick(me), start)
    ]
    me.wait(
        lambda: any(b.startswith("re: word") for b in mine()) and mine()[-1].endswith("word0439")
    )
    got = mine()
    assert got[:3] == [f"re: {t}" for t in TEXTS[:3]]
    # The long one arrives in several lines cut at spaces, each under the 512-byte limit.
    assert len(got) > 4 and " ".join(got[3:]) == f"re: {TEXTS[3]}"

    # Formatting typed in the composer goes out as IRC codes.
    start = bot.mark()
    me.type_and_send("**bold** and _italic_")
    me.wait(lambda: mine()[-1:] == ["\x02bold\x02 and \x1ditalic"])  # a line ends all codes


def test_a_draft_stays_in_its_channel(me: Signed, bot: Bot) -> None:
    """Typed in #a, then #b opened and Enter pressed there: nothing reaches #b (the first line
    the peer sees there is the one typed there afterwards); back in #a the text waits, and
    Enter sends it to #a."""
    first, second = unique_channel("#drafta"), unique_channel("#draftb")
    for channel in (first, second):
        bot.join(channel)
        assert me.call(me.core.rooms.join(me.account_id, channel)).ok
        me.wait(lambda c=channel: bot.lines(lambda m: m.command == "JOIN" and m.params[0] == c))
    start = bot.mark()
    said = lambda channel: [  # noqa: E731
        m.params[-1]
        for m in bot.lines(
            lambda m: m.command == "PRIVMSG" and m.nick == own_nick(me) and m.params[0] == channel,
            start,
        )
    ]
    composer = me.window.pane.composer_area.composer
    me.open(first.lower())
    composer.setFocus()
    me.qtbot.keyClicks(composer, "only for the first channel")
    me.open(second.lower())
    assert composer.toPlainText() == ""
    me.qtbot.keyClick(composer, Qt.Key.Key_Return)  # nothing to send
    me.type_and_send("typed in the second channel")
    me.wait(lambda: said(second))
    assert said(second) == ["typed in the second channel"]
    me.open(first.lower())
    assert composer.toPlainText() == "only for the first channel"
    me.qtbot.keyClick(composer, Qt.Key.Key_Return)
    me.wait(lambda: said(first))
    assert said(first) == ["only for the first channel"]
    assert said(second) == ["typed in the second channel"]


def test_floor_file(me: Signed, bot: Bot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    me.call(me.core.contacts.add_contact(me.account_id, bot.nick))  # files from a contact
    bot.say(own_nick(me), "send me the plan")
    me.wait(
        lambda: me.window.sidebar_model.conversation_index(
            me.conversation(bot.nick.lower())
        ).isValid()
    )
    me.open(bot.nick.lower())
    content = os.urandom(120_000)
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(content)
    monkeypatch.setattr(
        "ui.conversation_pane.QFileDialog.getOpenFileNames", lambda *a, **k: ([str(plan)], "")
    )
    area = me.window.pane.composer_area
    me.wait(area.attach_button.isEnabled)
    area.composer.setFocus()
    start = bot.mark()
    me.qtbot.keyClick(area.composer, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # A&ttach…
    offers: list[Msg] = []
    me.wait(
        lambda: (
            offers.extend(
                bot.lines(
                    lambda m: m.command == "PRIVMSG" and "\x01DCC SEND" in m.params[-1], start
                )
            )
            or offers
        )
    )
    words = shlex.split(offers[0].params[-1].strip("\x01"))
    assert words[:2] == ["DCC", "SEND"] and words[2] == "plan.pdf"
    host, port, size = _address(words[3]), int(words[4]), int(words[5])
    assert size == len(content)
    assert bot.loop.run(_receive(host, port, size)) == content

    # Back: the bot offers a file; the window asks (not yet trusted for files), then fetches it.
    me.call(me.core.contacts.remove_contact(me.account_id, bot.nick))
    back = os.urandom(90_000)
    sent = bot.loop.run(_offer(bot, own_nick(me), "photos.zip", back))
    me.answer_request(lambda r: r.kind == "file" and "photos.zip" in r.text)
    me.wait(lambda: any(m.attachments for m in me.messages() if not m.outgoing))
    msg = next(m for m in me.messages() if m.attachments and not m.outgoing)
    menu = me.window.pane.messages.message_menu(msg)
    next(a for a in menu.actions() if a.text() == "Download photos.zip").trigger()
    model = me.window.pane.model
    me.wait(lambda: (s := model.download_state(msg.local_id, 0)) is not None and s.finished)
    state = model.download_state(msg.local_id, 0)
    assert state is not None and Path(state.path).read_bytes() == back
    bot.loop.run(asyncio.wait_for(sent, 30))


def _address(text: str) -> str:
    if text.isdigit():
        number = int(text)
        return ".".join(str((number >> s) & 255) for s in (24, 16, 8, 0))
    return text


async def _receive(host: str, port: int, size: int) -> bytes:
    """Take a DCC SEND as any client does: connect, read, acknowledge the running total."""
    reader, writer = await asyncio.open_connection(host, port)
    data = b""
    try:
        while len(data) < size:
            chunk = await asyncio.wait_for(reader.read(65536), 30)
            if not chunk:
                break
            data += chunk
            writer.write(struct.pack("!I", len(data) & 0xFFFFFFFF))
            await writer.drain()
    finally:
        writer.close()
    return data


async def _offer(bot: Bot, nick: str, name: str, data: bytes) -> asyncio.Task[None]:
    """Offer a file by DCC SEND from a listening socket; returns the task that serves it."""
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(data)
        await writer.drain()
        acked = 0
        while acked < len(data):
            got = await reader.readexactly(4)
            acked = struct.unpack("!I", got)[0]
        writer.close()
        if not done.done():
            done.set_result(None)

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    await bot.peer.privmsg(nick, f"\x01DCC SEND {name} 2130706433 {port} {len(data)}\x01")

    async def wait() -> None:
        try:
            await done
        finally:
            server.close()

    return asyncio.get_running_loop().create_task(wait())


def test_floor_block(
    me: Signed, bot: Bot, inspircd_server: IrcServer, peer_loop: LoopThread
) -> None:
    bot.say(own_nick(me), "buy cheap watches")
    me.wait(
        lambda: me.window.sidebar_model.conversation_index(
            me.conversation(bot.nick.lower())
        ).isValid()
    )
    me.open(bot.nick.lower())
    me.wait(lambda: len(me.messages()) == 1)
    me.select_account()
    action(me.window, "&Accounts", "Blocked &people…").trigger()
    dialog = me.dialog(BlockedDialog)
    me.wait(lambda: dialog.pending == 0)
    dialog.entry.setText("*!*@*")
    dialog.block_button.click()
    me.wait(lambda: "would block everyone" in dialog.problem.text())
    dialog.entry.setText("*!*@spam.example")  # a host mask is listed as itself
    dialog.block_button.click()
    me.wait(lambda: dialog.blocked() == ["*!*@spam.example"])
    dialog.entry.setText(f"{bot.nick}!*@*")  # a nick's mask is listed as the person
    dialog.block_button.click()
    me.wait(lambda: sorted(dialog.blocked()) == sorted(["*!*@spam.example", bot.nick.lower()]))

    me.wait(
        lambda: (
            row_of(me, bot.nick).startswith(f"{bot.nick}, ") and "blocked" in row_of(me, bot.nick)
        )
    )
    bot.say(own_nick(me), "are you there?")
    bot.say(own_nick(me), "still there?")
    # A line from someone else after the blocked ones: once it shows, those were dropped.
    other = Bot(peer_loop, peer_loop.run(Peer.connect(inspircd_server.port, unique_nick("other"))))
    try:
        other.say(own_nick(me), "marker")
        me.wait(
            lambda: me.window.sidebar_model.conversation_index(
                me.conversation(other.nick.lower())
            ).isValid()
        )
    finally:
        peer_loop.run(other.peer.close())
    for _ in range(2):
        dialog.list.setCurrentRow(0)
        count = len(dialog.blocked())
        dialog.unblock_button.click()
        me.wait(lambda c=count: len(dialog.blocked()) == c - 1)  # type: ignore[misc]
    bot.say(own_nick(me), "hello again")
    me.wait(lambda: [m.body for m in me.messages()][-1:] == ["hello again"])
    assert [m.body for m in me.messages()] == ["buy cheap watches", "hello again"]


def test_floor_manage_room(me: Signed, bot: Bot) -> None:
    from app.backend import RoomOptions

    channel = unique_channel("#run")
    options = RoomOptions(name=channel, public=True)
    assert me.call(me.core.rooms.create_room(me.account_id, options=options)).ok
    bot.join(channel)
    me.open(channel.lower())
    me.wait(lambda: bot.nick in me.members())
    action(me.window, "C&onversations", "Room se&ttings…").trigger()
    settings = me.dialog(RoomSettingsDialog)
    me.wait(lambda: settings.settings is not None and settings.pending == 0)
    assert not settings.close_room_button.isVisible()  # IRC channels cannot be closed
    assert settings.fields.access.isEnabled()

    settings.fields.moderated.setChecked(True)
    start = bot.mark()
    settings.save_button.click()
    me.wait(lambda: settings.status.text() == "The room's settings were saved.")
    me.wait(lambda: bot.lines(lambda m: m.command == "MODE" and m.params[1:2] == ("+m",), start))

    settings.tabs.setCurrentIndex(1)
    members = settings.members.members()
    row = next(i for i, m in enumerate(members) if m.native_id == bot.nick)
    settings.member_list.setCurrentIndex(settings.members.index(row, 0))
    settings.role.setCurrentIndex(settings.role.findData(Role.MEMBER.value))
    start = bot.mark()
    settings.role_button.click()
    me.wait(
        lambda: bot.lines(lambda m: m.command == "MODE" and m.params[1:] == ("+v", bot.nick), start)
    )

    settings.tabs.setCurrentIndex(2)
    # The role change answered first: its success would clear the ban's problem otherwise.
    me.wait(lambda: settings.pending == 0)
    settings.ban_entry.setText("*!*@*")
    settings.ban_button.click()
    me.wait(lambda: "would ban everyone" in settings.problem.text())
    start = bot.mark()
    settings.ban_entry.setText("*!*@spam.example")
    settings.ban_button.click()
    me.wait(
        lambda: bot.lines(
            lambda m: m.command == "MODE" and m.params[1:] == ("+b", "*!*@spam.example"), start
        )
    )
    me.wait(lambda: settings.ban_list.item(0).data(Qt.ItemDataRole.UserRole) == "*!*@spam.example")
    settings.ban_list.setCurrentRow(0)
    start = bot.mark()
    settings.unban_button.click()
    me.wait(
        lambda: bot.lines(
            lambda m: m.command == "MODE" and m.params[1:] == ("-b", "*!*@spam.example"), start
        )
    )
