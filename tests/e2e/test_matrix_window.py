"""The interoperable floor over Matrix, from the window to Synapse and back.

Each test signs the real window in to Synapse, acts through the window's own menus, dialogs,
buttons and keys, and checks the effect with the Matrix HTTP API — a matrix-nio client of its own
(``tests/integration/matrix/helpers.py``), and, for what only our account can read (its
account data), a separate login of ours made by hand — then the other way round.

Text, files and receipts are exchanged in rooms the peer makes unencrypted, so the peer reads
them as any client would; the encrypted paths are tested in tests/integration/matrix/test_e2e*.
Secure storage set up in the window is opened by another client (the matrix-js-sdk peer of
tests/integration/matrix/js_peer.py).
"""

from __future__ import annotations

import io
import logging
import os
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import nio  # type: ignore[import-untyped]
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.backend import RoomOptions
from app.models import DeliveryState, Role
from backends.matrix import MatrixBackend, presencepoll
from backends.matrix import crosssign as xs
from backends.matrix import keybackup as kb
from backends.matrix import secretstore as ss
from tests.e2e.harness import LoopThread, Signed, action, contact_rows, signed_in_window
from tests.fakes.core_harness import files_containing
from tests.integration.matrix import js_peer
from tests.integration.matrix.helpers import PASSWORD, Peer, element_poll, png, poll_vote, q
from tests.integration.matrix.synapse import Synapse
from tests.ui.helpers import (
    answer_next_box,
    centre,
    hover,
    message_face,
    poll_answer_point,
    press,
    results_of,
    row_face,
    type_text,
)
from ui.dialogs.blocked_dialog import BlockedDialog
from ui.dialogs.form_dialog import FormDialog
from ui.dialogs.new_room_dialog import NewRoomDialog
from ui.dialogs.room_settings_dialog import RoomSettingsDialog
from ui.dialogs.secure_storage_dialog import SecureStorageDialog
from ui.widgets.room_options_form import ACCESS_INVITED

pytestmark = pytest.mark.integration

TEXTS = (
    "مرحبا بالعالم، هذه رسالة عربية",
    "你好，世界！这是一条中文消息。",
    "family: 👩‍👩‍👧‍👦 and 🏳️‍🌈",
    "".join(chr(0x41 + i % 26) for i in range(3990)) + " the end",
)


class Bot:
    """The peer (matrix-nio) on the peers' loop, reached from the test."""

    def __init__(self, loop: LoopThread, peer: Peer) -> None:
        self.loop = loop
        self.peer = peer
        self.user_id = peer.user_id
        self._since: str | None = None
        self.invites: set[str] = set()
        self.receipts: dict[tuple[str, str], set[str]] = {}

    def run(self, coro: Any, timeout: float = 90.0) -> Any:
        return self.loop.run(coro, timeout)

    def raw(self, method: str, path: str, body: dict[str, Any] | None = None) -> tuple[int, Any]:
        return self.run(self.peer.raw(method, path, body))

    def say(self, room: str, text: str, **extra: Any) -> str:
        return str(self.run(self.peer.say(room, text, **extra)))

    def bodies(self, room: str) -> list[str]:
        events = self.run(self.peer.events(room))
        return [
            str(e["content"]["body"])
            for e in events
            if e.get("type") == "m.room.message" and e.get("sender") != self.user_id
        ]

    def state(self, room: str, event_type: str, key: str = "") -> dict[str, Any]:
        return dict(self.run(self.peer.state(room, event_type, key)))

    def sync(self) -> None:
        """One incremental /sync (Synapse caches identical initial syncs for minutes, so
        polling with fresh full syncs would see nothing new): invites and read receipts seen."""
        path = "/_matrix/client/v3/sync?timeout=0"
        if self._since:
            path += f"&since={q(self._since)}"
        status, body = self.raw("GET", path)
        assert status == 200, body
        self._since = body.get("next_batch")
        rooms = body.get("rooms", {})
        self.invites.update(rooms.get("invite", {}))
        for room_id, data in rooms.get("join", {}).items():
            self.invites.discard(room_id)
            for event in data.get("ephemeral", {}).get("events", []):
                if event.get("type") != "m.receipt":
                    continue
                for event_id, kinds in event.get("content", {}).items():
                    readers = self.receipts.setdefault((room_id, event_id), set())
                    readers.update(kinds.get("m.read", {}))

    def invited_to(self) -> set[str]:
        self.sync()
        return set(self.invites)

    def read_by(self, room: str, event_id: str) -> set[str]:
        self.sync()
        return self.receipts.get((room, event_id), set())


@pytest.fixture
def me_user(synapse: Synapse) -> str:
    return str(synapse.register(synapse.unique_name("me"), PASSWORD))


@pytest.fixture
def me(qtbot: QtBot, synapse: Synapse, me_user: str, tmp_path: Path) -> Iterator[Signed]:
    settings = {"user_id": me_user, "homeserver": synapse.base_url}
    with signed_in_window(
        qtbot, tmp_path / "profile", MatrixBackend, settings, {"password": PASSWORD}
    ) as signed:
        backend = signed.core.sessions[signed.account_id].backend
        assert isinstance(backend, MatrixBackend)
        signed.wait(backend.synced.is_set, timeout=60_000)
        yield signed


@pytest.fixture
def bot(synapse: Synapse, peer_loop: LoopThread) -> Iterator[Bot]:
    peer = peer_loop.run(Peer.create(synapse, "bot"))
    yield Bot(peer_loop, peer)
    peer_loop.run(peer.close())


def own_id(me: Signed) -> str:
    backend = me.core.sessions[me.account_id].backend
    assert backend is not None
    return backend.own_id


def plain_room_with(me: Signed, bot: Bot, *, direct: bool = False) -> str:
    """Set-up: an unencrypted room the bot made and we joined (so the bot reads what we write)."""
    kwargs: dict[str, Any] = {"invite": [own_id(me)], "name": "Plain"}
    if direct:
        kwargs = {"invite": [own_id(me)], "is_direct": True}
    room = str(bot.run(bot.peer.create_room(**kwargs)))
    me.wait(lambda: any(r.target == room for r in me.window.requests.requests))
    me.call(me.core.rooms.answer_invite(me.conversation(room), True))
    return room


def row_of(me: Signed, who: str) -> str:
    return next((r.strip() for r in contact_rows(me.window) if who in r), "")


# -- contacts and presence ---------------------------------------------------------------------


def test_floor_add_contact(me: Signed, bot: Bot) -> None:
    action(me.window, "C&onversations", "Add a &contact…").trigger()
    form = me.dialog(FormDialog)
    form.edits["who"].setText("not a matrix id")
    me.qtbot.keyClick(form.edits["who"], Qt.Key.Key_Return)
    me.wait(lambda: "@name:example.org" in form.error.text())
    assert form.isVisible()
    form.edits["who"].setText(bot.user_id)
    form.edits["name"].setText("Robo")
    finished = results_of(form)  # a closed dialog is deleted: record how it ended
    me.qtbot.keyClick(form.edits["who"], Qt.Key.Key_Return)
    me.wait(lambda: finished == [QDialog.DialogCode.Accepted.value])
    # The bot, independently: invited to a direct chat with us.
    me.wait(bot.invited_to)
    bot.run(bot.peer.join(next(iter(bot.invited_to()))))
    me.wait(lambda: row_of(me, f"Robo ({bot.user_id})").startswith("Robo"))


def test_floor_presence(me: Signed, bot: Bot, monkeypatch: pytest.MonkeyPatch) -> None:
    # With sliding sync presence is asked for on a schedule (every 25 s); the bot does not
    # sync, so Synapse marks it offline 30 s after it set its status. Here: asked every second,
    # and the bot says its status again while we wait, as a client that syncs keeps it.
    monkeypatch.setattr(presencepoll, "INTERVAL", 1.0)
    room = plain_room_with(me, bot, direct=True)
    me.call(me.core.contacts.add_contact(me.account_id, bot.user_id, "Bot"))
    assert room
    said = [0.0]

    def shown() -> bool:
        if time.monotonic() - said[0] > 10:
            bot.raw(
                "PUT",
                f"/_matrix/client/v3/presence/{q(bot.user_id)}/status",
                {"presence": "unavailable", "status_msg": "at lunch"},
            )
            said[0] = time.monotonic()
        return row_of(me, bot.user_id).startswith(f"Bot ({bot.user_id}), away, at lunch")

    me.window.activateWindow()
    me.qtbot.keyClick(me.window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    me.wait(shown, timeout=60_000)

    # Back: our status from the window, as the homeserver tells anyone who asks.
    me.window.presence_all.setChecked(True)
    action(me.window, "&Accounts", "My &status", "A&way").trigger()

    def ours_away() -> bool:
        status, body = bot.raw("GET", f"/_matrix/client/v3/presence/{q(own_id(me))}/status")
        return status == 200 and body.get("presence") == "unavailable"

    me.wait(ours_away)


# -- rooms -------------------------------------------------------------------------------------


def test_floor_create_room(me: Signed, bot: Bot, synapse: Synapse) -> None:
    taken = f"taken{uuid.uuid4().hex[:6]}"
    bot.run(bot.peer.create_room(name="Theirs", alias=taken))
    me.window.activateWindow()
    me.qtbot.keyClick(
        me.window,
        Qt.Key.Key_O,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = me.dialog(NewRoomDialog)
    me.wait(dialog.create_button.isEnabled)
    fields = dialog.fields
    assert fields.access.currentData() == ACCESS_INVITED
    assert fields.encrypted.isChecked()  # private rooms are encrypted by default
    assert not fields.password.isVisibleTo(dialog)  # Matrix rooms have no password
    fields.name.setText("Floor test")
    fields.address.setText(taken)
    fields.topic.setText("Only for the floor")
    fields.invite.setText(bot.user_id)
    me.qtbot.keyClick(fields.name, Qt.Key.Key_Return)
    me.wait(lambda: "already taken" in dialog.error.text())
    fields.address.setText("no spaces allowed")
    me.qtbot.keyClick(fields.name, Qt.Key.Key_Return)
    me.wait(lambda: "cannot be a room address" in dialog.error.text())
    alias = f"floor{uuid.uuid4().hex[:6]}"
    fields.address.setText(alias)
    finished = results_of(dialog)  # a closed dialog is deleted: record how it ended
    me.qtbot.keyClick(fields.name, Qt.Key.Key_Return)
    me.wait(lambda: finished == [QDialog.DialogCode.Accepted.value])
    status, found = bot.raw(
        "GET", f"/_matrix/client/v3/directory/room/{q(f'#{alias}:{synapse.server_name}')}"
    )
    assert status == 200, found
    room = str(found["room_id"])
    me.wait(lambda: me.window.pane.conversation == me.conversation(room))
    me.wait(lambda: room in bot.invited_to())
    bot.run(bot.peer.join(room))
    assert bot.state(room, "m.room.name")["name"] == "Floor test"
    assert bot.state(room, "m.room.topic")["topic"] == "Only for the floor"
    assert bot.state(room, "m.room.join_rules")["join_rule"] == "invite"
    assert bot.state(room, "m.room.encryption")["algorithm"] == "m.megolm.v1.aes-sha2"


def test_floor_invite(me: Signed, bot: Bot) -> None:
    options = RoomOptions(name="Invitations", invite_only=True)
    room = me.call(me.core.rooms.create_room(me.account_id, options=options)).value
    assert room
    me.open(room)
    me.type_and_send(f"/invite {bot.user_id}")
    me.wait(lambda: room in bot.invited_to())
    bot.run(bot.peer.join(room))
    me.wait(lambda: bot.user_id in me.members())


def test_floor_be_invited(me: Signed, bot: Bot) -> None:
    room = str(bot.run(bot.peer.create_room(name="Theirs", invite=[own_id(me)])))
    me.answer_request(lambda r: r.kind == "invite" and r.target == room)
    me.wait(lambda: bot.run(bot.peer.membership(room, own_id(me))) == "join")
    me.open(room)
    me.wait(lambda: bot.user_id in me.members())


# -- messages ----------------------------------------------------------------------------------


def test_floor_text(me: Signed, bot: Bot) -> None:
    room = plain_room_with(me, bot)
    for text in TEXTS:
        bot.say(room, text)
    me.open(room)
    me.wait(lambda: [m.body for m in me.messages() if not m.outgoing] == list(TEXTS))

    for text in TEXTS:
        me.type_and_send(f"re: {text}")
    me.wait(lambda: bot.bodies(room)[-4:] == [f"re: {t}" for t in TEXTS])

    # Formatting typed in the composer goes out as HTML (formatted_body).
    me.type_and_send("**bold** and _italic_")

    def formatted() -> bool:
        events = bot.run(bot.peer.events(room))
        return any(
            e.get("content", {}).get("formatted_body")
            == "<p><strong>bold</strong> and <em>italic</em></p>"
            for e in events
        )

    me.wait(formatted)


def test_hover_bar_delete_redacts_at_the_peer(me: Signed, bot: Bot) -> None:
    """Delete on the hover bar, after the menu's confirmation, redacts the message for everyone:
    the peer's own view of the room (Synapse's /messages) holds the redaction."""
    room = plain_room_with(me, bot)
    bot.say(room, "did you mean to send that here?")
    me.open(room)
    text = "wrong room, sorry"
    me.type_and_send(text)
    # one row, confirmed by the server (the local echo and the synced event are one message)
    me.wait(lambda: [bool(m.remote_id) for m in me.messages() if m.body == text] == [True])
    me.wait(
        lambda: (
            text in [str(e.get("content", {}).get("body")) for e in bot.run(bot.peer.events(room))]
        )
    )
    model = me.window.pane.model
    row = next(i for i, m in enumerate(me.messages()) if m.body == text)
    event_id = model.message(row).remote_id
    me.window.activateWindow()
    bar = me.window.pane.view.hover_bar

    def delete_offered() -> bool:
        # (hovered again until offered: the bar asks at each hover; once, under load, the
        # first hover came before the row or the room's capabilities had settled)
        hover(me.qtbot, me.window, row)
        return bar.buttons["delete"].isVisibleTo(bar)

    me.wait(delete_offered)
    seen = answer_next_box(me.qtbot, QMessageBox.StandardButton.Yes)
    bar.buttons["delete"].click()

    def redacted_at_peer() -> bool:
        return any(
            e.get("type") == "m.room.redaction"
            and event_id in (e.get("redacts"), e.get("content", {}).get("redacts"))
            for e in bot.run(bot.peer.events(room))
        )

    me.wait(redacted_at_peer)
    assert seen == ["Delete this message for everyone in the conversation?"]
    me.wait(lambda: any(m.remote_id == event_id and m.retracted for m in me.messages()))


def test_floor_file(
    me: Signed, bot: Bot, synapse: Synapse, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    room = plain_room_with(me, bot)
    me.open(room)
    content = os.urandom(150_000)
    plan = tmp_path / "plan übersicht.pdf"
    plan.write_bytes(content)
    monkeypatch.setattr(
        "ui.conversation_pane.QFileDialog.getOpenFileNames", lambda *a, **k: ([str(plan)], "")
    )
    area = me.window.pane.composer_area
    me.wait(area.attach_button.isEnabled)
    area.composer.setFocus()
    me.qtbot.keyClick(area.composer, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # A&ttach…

    def sent_file() -> dict[str, Any] | None:
        for event in bot.run(bot.peer.events(room)):
            if event.get("content", {}).get("msgtype") == "m.file":
                return dict(event["content"])
        return None

    me.wait(sent_file)
    sent = sent_file()
    assert sent is not None and sent["body"] == plan.name
    got = bot.run(bot.peer.client.download(mxc=sent["url"]))
    assert isinstance(got, nio.DownloadResponse) and got.body == content

    # Back: the bot shares a file; the window downloads it from its message's menu.
    back = os.urandom(80_000)
    uploaded, _keys = bot.run(
        bot.peer.client.upload(
            lambda *_a: back,
            content_type="application/zip",
            filename="photos.zip",
            filesize=len(back),
        )
    )
    assert isinstance(uploaded, nio.UploadResponse), uploaded
    bot.run(
        bot.peer.send(
            room,
            {
                "msgtype": "m.file",
                "body": "photos.zip",
                "url": uploaded.content_uri,
                "info": {"size": len(back), "mimetype": "application/zip"},
            },
        )
    )
    me.wait(lambda: any(m.attachments for m in me.messages() if not m.outgoing))
    msg = next(m for m in me.messages() if m.attachments and not m.outgoing)
    menu = me.window.pane.messages.message_menu(msg)
    next(a for a in menu.actions() if a.text() == "Download photos.zip").trigger()
    model = me.window.pane.model
    me.wait(lambda: (s := model.download_state(msg.local_id, 0)) is not None and s.finished)
    state = model.download_state(msg.local_id, 0)
    assert state is not None and Path(state.path).read_bytes() == back


def test_floor_receipts(me: Signed, bot: Bot) -> None:
    room = plain_room_with(me, bot)
    event_id = bot.say(room, "hello")
    me.window.activateWindow()
    me.open(room)

    me.wait(lambda: own_id(me) in bot.read_by(room, event_id))

    # Back: our message shows read once the bot sends its receipt.
    me.type_and_send("did you read this?")
    mine = lambda: next(  # noqa: E731
        (m for m in me.messages() if m.body == "did you read this?"), None
    )
    me.wait(lambda: (m := mine()) is not None and m.remote_id is not None)
    message = mine()
    assert message is not None and message.remote_id is not None
    bot.raw("POST", f"/_matrix/client/v3/rooms/{q(room)}/receipt/m.read/{q(message.remote_id)}", {})
    me.wait(lambda: (m := mine()) is not None and m.delivery is DeliveryState.READ)


def test_floor_block(me: Signed, bot: Bot, synapse: Synapse) -> None:
    room = plain_room_with(me, bot)
    bot.say(room, "buy cheap watches")
    me.open(room)
    me.wait(lambda: [m.body for m in me.messages() if not m.outgoing] == ["buy cheap watches"])
    msg = next(m for m in me.messages() if not m.outgoing and m.body == "buy cheap watches")
    menu = me.window.pane.messages.message_menu(msg)
    next(a for a in menu.actions() if a.text().startswith("&Block")).trigger()
    box = me.dialog(QMessageBox)
    next(b for b in box.buttons() if b.text() == "&Block").click()

    # On the server, where every device of ours reads it (our account data, read by hand).
    token = synapse.login(own_id(me), PASSWORD)

    def ignored_on_server() -> bool:
        status, body = synapse.request(
            "GET",
            f"/_matrix/client/v3/user/{q(own_id(me))}/account_data/m.ignored_user_list",
            None,
            token,
        )
        return status == 200 and bot.user_id in body.get("ignored_users", {})

    me.wait(ignored_on_server)
    bot.say(room, "are you there?")
    me.type_and_send("marker")  # ours comes after theirs: once it shows, theirs was dropped
    me.wait(lambda: any(m.body == "marker" and m.remote_id for m in me.messages()))
    me.select_account()
    action(me.window, "&Accounts", "Blocked &people…").trigger()
    dialog = me.dialog(BlockedDialog)
    me.wait(lambda: dialog.blocked() == [bot.user_id])
    dialog.list.setCurrentRow(0)
    dialog.unblock_button.click()
    me.wait(lambda: dialog.blocked() == [])
    me.wait(lambda: not ignored_on_server())
    bot.say(room, "hello again")
    me.wait(lambda: [m.body for m in me.messages() if not m.outgoing][-1:] == ["hello again"])
    assert "are you there?" not in [m.body for m in me.messages()]


def test_floor_manage_room(me: Signed, bot: Bot) -> None:
    options = RoomOptions(name="Run it", public=True)
    room = me.call(me.core.rooms.create_room(me.account_id, options=options)).value
    assert room
    bot.run(bot.peer.join(room))
    me.open(room)
    me.wait(lambda: bot.user_id in me.members())
    action(me.window, "C&onversations", "Room se&ttings…").trigger()
    settings = me.dialog(RoomSettingsDialog)
    me.wait(lambda: settings.settings is not None and settings.pending == 0)
    assert settings.fields.name.text() == "Run it"
    settings.fields.name.setText("Run well")
    settings.fields.topic.setText("Set from the window")
    settings.save_button.click()
    me.wait(lambda: settings.status.text() == "The room's settings were saved.")
    assert bot.state(room, "m.room.name")["name"] == "Run well"
    assert bot.state(room, "m.room.topic")["topic"] == "Set from the window"

    settings.tabs.setCurrentIndex(1)
    me.wait(lambda: any(m.native_id == bot.user_id for m in settings.members.members()))
    row = next(i for i, m in enumerate(settings.members.members()) if m.native_id == bot.user_id)
    settings.member_list.setCurrentIndex(settings.members.index(row, 0))
    settings.role.setCurrentIndex(settings.role.findData(Role.MODERATOR.value))
    settings.role_button.click()
    me.wait(lambda: bot.state(room, "m.room.power_levels").get("users", {}).get(bot.user_id) == 50)

    settings.tabs.setCurrentIndex(2)
    # The role change answered first: its success would clear the ban's problem otherwise.
    me.wait(lambda: settings.pending == 0)
    settings.ban_entry.setText("*")
    settings.ban_button.click()
    me.wait(lambda: "would ban everyone" in settings.problem.text())
    settings.ban_entry.setText(bot.user_id)
    settings.ban_button.click()
    me.wait(lambda: settings.ban_list.item(0).data(Qt.ItemDataRole.UserRole) == bot.user_id)
    # The bot, independently: turned out, and refused when it tries to come back.
    refused = bot.run(bot.peer.client.join(room))
    assert isinstance(refused, nio.JoinError) and "banned" in str(refused.message).lower()
    settings.ban_list.setCurrentRow(0)
    settings.unban_button.click()
    me.wait(lambda: settings.ban_list.item(0).text() == "Nobody is banned.")
    bot.run(bot.peer.join(room))  # welcome again
    me.wait(lambda: bot.user_id in me.members())

    settings.tabs.setCurrentIndex(0)
    finished = results_of(settings)  # a closed dialog is deleted: record how it ended
    settings.close_room_button.click()
    box = settings.confirm_box
    next(b for b in box.buttons() if b.text() == "Close the &room").click()
    me.wait(lambda: finished == [QDialog.DialogCode.Accepted.value])
    assert bot.run(bot.peer.membership(room, bot.user_id)) == "leave"
    rejoin = bot.run(bot.peer.client.join(room))
    assert isinstance(rejoin, nio.JoinError)  # closed for good


def test_floor_archive(me: Signed, bot: Bot) -> None:
    room = plain_room_with(me, bot)
    for i in range(3):
        bot.say(room, f"archived {i}")
    me.open(room)
    me.wait(
        lambda: (
            [m.body for m in me.messages() if m.body.startswith("archived")]
            == [f"archived {i}" for i in range(3)]
        )
    )
    last = max(m.timestamp for m in me.messages())
    me.select_account()
    action(me.window, "&Accounts", "Delete &old history…").trigger()
    prune = me.dialog(QInputDialog)
    prune.setIntValue(0)
    prune.accept()
    me.wait(lambda: any("old message" in n for n in me.notices()))
    me.wait(lambda: not any(m.body.startswith("archived") for m in me.messages()))
    # The server still has them (the bot reads them), and scrolling up brings them back.
    events = bot.run(bot.peer.events(room))
    assert [e["content"]["body"] for e in events if e.get("type") == "m.room.message"][-3:] == [
        f"archived {i}" for i in range(3)
    ]
    me.wait(lambda: datetime.now(UTC) >= last + timedelta(seconds=1.1))
    bot.say(room, "after the clean-up")
    me.wait(
        lambda: [m.body for m in me.messages() if not m.outgoing][-1:] == ["after the clean-up"]
    )
    me.window.pane.model.load_older()
    me.wait(
        lambda: (
            [m.body for m in me.messages() if m.body.startswith(("archived", "after"))]
            == [*(f"archived {i}" for i in range(3)), "after the clean-up"]
        )
    )


# -- faces and service identity ---------------------------------------------------------------


def near(colour: str, wanted: tuple[int, int, int]) -> bool:
    """Within a few steps of ``wanted`` (the server scales the picture into a thumbnail)."""
    got = QColor(colour)
    return all(abs(a - b) <= 8 for a, b in zip(got.getRgb()[:3], wanted, strict=True))


def test_pictures_of_people_and_rooms_show_in_the_window(me: Signed, bot: Bot) -> None:
    """The bot sets its profile picture and the room's (through the media repository, as any
    client does); the window shows them in the sidebar, the header, the member list and beside
    the bot's messages (fetched as thumbnails through authenticated media), and says Matrix."""
    person, cover = (200, 40, 90), (10, 120, 200)

    async def upload(data: bytes) -> str:
        resp, _keys = await bot.peer.client.upload(
            io.BytesIO(data), content_type="image/png", filename="face.png", filesize=len(data)
        )
        assert isinstance(resp, nio.UploadResponse), resp
        return str(resp.content_uri)

    face = bot.run(upload(png(rgb=person)))
    status, _ = bot.raw(
        "PUT", f"/_matrix/client/v3/profile/{q(bot.user_id)}/avatar_url", {"avatar_url": face}
    )
    assert status == 200
    room = plain_room_with(me, bot)
    bot.run(bot.peer.put_state(room, "m.room.avatar", {"url": bot.run(upload(png(rgb=cover)))}))
    bot.say(room, "a room with a face")
    window = me.window
    conv = me.open(room)
    me.wait(lambda: window.avatars.has_picture(me.account_id, room))
    sidebar = window.sidebar
    row = sidebar.proxy.mapFromSource(window.sidebar_model.conversation_index(conv))
    me.wait(lambda: near(row_face(sidebar.delegate, sidebar.tree, row), cover))
    me.wait(lambda: near(centre(window.pane.header.face.pixmap().toImage()), cover))
    me.wait(lambda: (c := message_face(window.pane.view, 0)) is not None and near(c, person))
    window.pane.header.members_button.click()
    members = window.pane.members
    me.wait(lambda: bot.user_id in [m.native_id for m in members.model.members()])
    bot_row = members.model.index([m.native_id for m in members.model.members()].index(bot.user_id))
    me.wait(lambda: near(row_face(members.delegate, members.list, bot_row), person))
    assert window.pane.header.service_icon.accessibleName() == "Matrix"
    assert "Matrix" in window.pane.header.title.accessibleDescription()


def test_voice_messages_recorded_in_the_window_and_played_from_the_peer(
    me: Signed, bot: Bot, tmp_path: Path
) -> None:
    """Alt+G records (fed 1.5 s of tone where there is no microphone: the recorder, encoder and
    upload are the real ones) and the peer gets an MSC3245 voice message; the peer's voice
    message plays in the window."""
    from tests.fakes.media import ToneFeed, write_tone_wav
    from ui.media.audio_player import AudioPlayer
    from ui.media.support import quiet_multimedia_logging

    quiet_multimedia_logging()
    room = plain_room_with(me, bot)
    me.open(room)
    control = me.window.pane.voice_messages
    me.wait(control.button.isVisible)
    feed = ToneFeed(chunks=15)
    control.feed = feed.input
    feed.done = control.finish
    area = me.window.pane.composer_area
    area.composer.setFocus()
    me.qtbot.keyClick(area.composer, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    me.wait(lambda: control.recording)
    feed.start()

    def sent_voice() -> dict[str, Any] | None:
        for event in bot.run(bot.peer.events(room)):
            content = event.get("content", {})
            if "org.matrix.msc3245.voice" in content:
                return dict(content)
        return None

    me.wait(sent_voice)
    sent = sent_voice()
    assert sent is not None and sent["msgtype"] == "m.audio"
    audio = sent["org.matrix.msc1767.audio"]
    assert 1300 <= audio["duration"] <= 1800 and sent["info"]["duration"] == audio["duration"]
    assert len(audio["waveform"]) >= 5 and max(audio["waveform"]) == 1024
    got = bot.run(bot.peer.client.download(mxc=sent["url"]))
    assert isinstance(got, nio.DownloadResponse) and len(got.body) == sent["info"]["size"]

    # Back: the peer's voice message (as Element sends it) plays in the list.
    clip = write_tone_wav(tmp_path / "hello.wav", 1.0)
    data = clip.read_bytes()
    uploaded, _keys = bot.run(
        bot.peer.client.upload(
            lambda *_a: data, content_type="audio/wav", filename="hello.wav", filesize=len(data)
        )
    )
    assert isinstance(uploaded, nio.UploadResponse), uploaded
    bot.run(
        bot.peer.send(
            room,
            {
                "msgtype": "m.audio",
                "body": "Voice message",
                "url": uploaded.content_uri,
                "info": {"duration": 1000, "mimetype": "audio/wav", "size": len(data)},
                "org.matrix.msc1767.audio": {"duration": 1000, "waveform": [10, 500, 1024]},
                "org.matrix.msc3245.voice": {},
            },
        )
    )
    me.wait(lambda: any(m.attachments for m in me.messages() if not m.outgoing))
    model = me.window.pane.model
    row = next(
        r
        for r in range(model.rowCount())
        if model.message(r).attachments and not model.message(r).outgoing
    )
    msg = model.message(row)
    view = me.window.pane.view
    view.setFocus()
    view.setCurrentIndex(model.index(row))
    me.qtbot.keyClick(view, Qt.Key.Key_Return)  # fetched
    me.wait(lambda: (s := model.download_state(msg.local_id, 0)) is not None and s.finished)
    media = me.window.pane.inline_media
    me.wait(lambda: media.player_for(msg, 0) is not None)
    player = media.player_for(msg, 0)
    assert isinstance(player, AudioPlayer)
    assert player.play_button.accessibleName() == "Play voice message, 0:01"
    assert player.slider.waveform == (10, 500, 1024)
    view.setFocus()
    me.qtbot.keyClick(view, Qt.Key.Key_Return)  # played
    me.wait(lambda: player.player is not None and player.play_button.hasFocus())


def test_secure_storage_set_up_with_a_passphrase_opens_at_another_client(
    me: Signed,
    synapse: Synapse,
    me_user: str,
    peer_loop: LoopThread,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Accounts ▸ Set up key backup, "Use a passphrase", typed twice by keyboard: a new device of
    another client (matrix-js-sdk with matrix-rust-sdk's crypto) opens the storage with that
    passphrase and takes our cross-signing keys and backup key; the recovery key the window
    shows opens it too. The passphrase is nowhere in the profile or the keyring."""
    caplog.set_level(logging.DEBUG)
    phrase = f"e2e passphrase {uuid.uuid4().hex[:8]}"
    backend = me.core.sessions[me.account_id].backend
    assert isinstance(backend, MatrixBackend)
    me.wait(backend.cross_signing_checked.is_set, timeout=60_000)
    me.select_account()
    action(me.window, "&Accounts", "Set up &key backup…").trigger()
    dialog = me.dialog(SecureStorageDialog)
    me.wait(dialog.isActiveWindow)
    press(me.qtbot, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    me.wait(dialog.use_passphrase.isChecked)
    press(me.qtbot, Qt.Key.Key_Tab)
    type_text(me.qtbot, phrase)
    press(me.qtbot, Qt.Key.Key_Tab)
    type_text(me.qtbot, phrase)
    press(me.qtbot, Qt.Key.Key_Return)
    box = me.dialog(QMessageBox)  # the key derived, the backup made, the secrets uploaded
    recovery_key = box.informativeText()
    assert "your passphrase opens it" in box.text()
    ours = {key: value for (_account, key), value in me.secrets.values.items()}
    backup_key = ours[kb.SECRET_BACKUP_KEY]

    peer = peer_loop.run(
        js_peer.run("open", synapse.base_url, me_user, PASSWORD, phrase), js_peer.TIMEOUT + 10
    )
    assert peer["opened"] is True
    assert peer["private_keys"] == {
        "masterKey": True,  # rust checked each against the keys the server publishes for us
        "selfSigningKey": True,
        "userSigningKey": True,
    }
    assert peer["cross_signed"] is True
    assert peer["backup_key"] == backup_key
    for name, usage in ((ss.MASTER, xs.MASTER), (ss.SELF_SIGNING, xs.SELF_SIGNING)):
        assert peer["secrets"][name].rstrip("=") == ours[xs.SECRET_KEYS[usage]]
    by_key = peer_loop.run(
        js_peer.run("open", synapse.base_url, me_user, PASSWORD, recovery_key),
        js_peer.TIMEOUT + 10,
    )
    assert by_key["opened"] is True and by_key["backup_key"] == backup_key

    assert files_containing(tmp_path, phrase.encode()) == []
    assert not any(phrase in value for value in me.secrets.values.values())
    assert caplog.records and not any(phrase in r.getMessage() for r in caplog.records)


def test_a_poll_from_element_is_shown_and_our_click_votes_at_the_peer(me: Signed, bot: Bot) -> None:
    """A poll the peer posts as Element does shows in the window with the peer's vote; a click
    on an answer sends our vote, which the peer reads in the room, and the tally counts it."""
    room = plain_room_with(me, bot)
    question = "Which day suits you?"
    start = element_poll(question, {"mon": "Monday", "fri": "Friday"})
    poll_id = str(bot.run(bot.peer.send(room, start, "org.matrix.msc3381.poll.start")))
    bot.run(bot.peer.send(room, poll_vote(poll_id, "mon"), "org.matrix.msc3381.poll.response"))
    me.open(room)

    def poll_row() -> int | None:
        for i, m in enumerate(me.messages()):
            if m.remote_id == poll_id and m.poll is not None:
                return i
        return None

    me.wait(lambda: (row := poll_row()) is not None and me.messages()[row].poll.voters == 1)  # type: ignore[union-attr]
    row = poll_row()
    assert row is not None
    me.window.activateWindow()
    me.qtbot.mouseClick(
        me.window.pane.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=poll_answer_point(me.window, row, "Friday"),
    )

    def our_vote_at_peer() -> list[str] | None:
        for e in bot.run(bot.peer.events(room)):
            if e.get("type") == "org.matrix.msc3381.poll.response" and e.get("sender") == own_id(
                me
            ):
                return list(e["content"]["org.matrix.msc3381.poll.response"]["answers"])
        return None

    me.wait(lambda: our_vote_at_peer() == ["fri"])
    me.wait(
        lambda: (
            (r := poll_row()) is not None
            and (p := me.messages()[r].poll) is not None
            and p.mine == ("fri",)
            and [a.votes for a in p.answers] == [1, 1]
        )
    )
