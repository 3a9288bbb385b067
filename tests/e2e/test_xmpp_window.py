"""The interoperable floor over XMPP, from the window to Prosody and back.

Each test signs the real window in to Prosody, acts through the window's own menus, dialogs,
buttons and keys, and checks the effect at an independent client (a plain slixmpp client
writing its stanzas as XML, ``tests/integration/xmpp/peer.py``), then the other way round.
"""

from __future__ import annotations

import base64
import hashlib
import os
import ssl
import urllib.request
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app.models import DeliveryState, Role
from backends.xmpp import XmppBackend
from tests.e2e.harness import LoopThread, Signed, action, contact_rows, signed_in_window
from tests.integration.xmpp.peer import Peer, _codes, body_of
from tests.integration.xmpp.server import Account, ProsodyServer
from tests.ui.helpers import (
    answer_next_box,
    centre,
    hover,
    message_face,
    png,
    results_of,
    row_face,
)
from ui.dialogs.blocked_dialog import BlockedDialog
from ui.dialogs.form_dialog import FormDialog
from ui.dialogs.new_room_dialog import NewRoomDialog
from ui.dialogs.room_settings_dialog import RoomSettingsDialog
from ui.widgets.room_options_form import ACCESS_INVITED

pytestmark = pytest.mark.integration

MUC_USER = "{http://jabber.org/protocol/muc#user}"
DISCO = "{http://jabber.org/protocol/disco#info}"
OOB = "{jabber:x:oob}"
TEXTS = (
    "مرحبا بالعالم، هذه رسالة عربية",
    "你好，世界！这是一条中文消息。",
    "family: 👩‍👩‍👧‍👦 and 🏳️‍🌈",
    "".join(chr(0x41 + i % 26) for i in range(3990)) + " the end",
)


class Bot:
    """The independent client: a :class:`Peer` on the peers' loop, reached from the test."""

    def __init__(self, loop: LoopThread, peer: Peer) -> None:
        self.loop = loop
        self.peer = peer
        self.jid = peer.jid

    def do(self, action: Callable[[], Any]) -> Any:
        async def run() -> Any:
            return action()

        return self.loop.run(run())

    def send(self, xml: str) -> None:
        self.do(lambda: self.peer.send_xml(xml))

    def chat(self, to: str, body: str, **kwargs: Any) -> str:
        return str(self.do(lambda: self.peer.chat(to, body, **kwargs)))

    def iq(self, itype: str, to: str | None, payload: str) -> ET.Element:
        return self.loop.run(self.peer.iq(itype, to, payload))

    def join(self, room: str, nick: str, password: str = "") -> ET.Element:
        return self.loop.run(self.peer.join_room(room, nick, password))

    def messages(self, predicate: Callable[[ET.Element], bool]) -> list[ET.Element]:
        return [m for m in list(self.peer.messages) if predicate(m)]

    def presences(self, predicate: Callable[[ET.Element], bool]) -> list[ET.Element]:
        return [p for p in list(self.peer.presences) if predicate(p)]

    def bodies(self) -> list[str]:
        return self.peer.bodies()


@pytest.fixture
def me_account(prosody: ProsodyServer) -> Account:
    return prosody.new_account("me")


@pytest.fixture
def me(
    qtbot: QtBot, prosody: ProsodyServer, me_account: Account, tmp_path: Path
) -> Iterator[Signed]:
    with signed_in_window(
        qtbot,
        tmp_path / "profile",
        XmppBackend,
        prosody.settings(me_account),
        {"password": me_account.password},
    ) as signed:
        yield signed


@pytest.fixture
def bots(prosody: ProsodyServer, peer_loop: LoopThread) -> Iterator[Callable[..., Bot]]:
    started: list[Peer] = []

    def start(**kwargs: Any) -> Bot:
        account = prosody.new_account("bot")

        async def begin() -> Peer:
            peer = Peer(prosody, account, "bot", **kwargs)
            started.append(peer)
            return await peer.start()

        return Bot(peer_loop, peer_loop.run(begin()))

    yield start
    for peer in started:
        peer_loop.run(peer.stop())


@pytest.fixture
def bot(bots: Callable[..., Bot]) -> Bot:
    return bots()


def mutual_contacts(me: Signed, bot: Bot, name: str = "Bot") -> None:
    """Set-up: each in the other's roster with presence both ways."""
    me.call(me.core.contacts.add_contact(me.account_id, bot.jid, name))
    me_jid = me.core.sessions[me.account_id].backend.own_id  # type: ignore[union-attr]
    bot.send(f"<presence to='{me_jid}' type='subscribe'/>")
    me.wait(lambda: any(r.target == bot.jid for r in me.window.requests.requests))
    me.call(me.core.contacts.answer_subscription(me.account_id, bot.jid, True))
    me.wait(lambda: bot.presences(lambda p: p.get("type") == "subscribed"))


def own_jid(me: Signed) -> str:
    backend = me.core.sessions[me.account_id].backend
    assert backend is not None
    return backend.own_id


# -- presence ----------------------------------------------------------------------------------


def test_floor_presence(me: Signed, bot: Bot) -> None:
    mutual_contacts(me, bot)
    bot.send("<presence><show>away</show><status>at lunch</status></presence>")
    me.window.activateWindow()
    me.qtbot.keyClick(me.window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert me.window.left_tabs.currentIndex() == 1
    me.wait(lambda: f"    Bot ({bot.jid}), away, at lunch" in contact_rows(me.window))

    # Back: our status, chosen in the window, reaches the bot.
    me.window.presence_all.setChecked(True)
    action(me.window, "&Accounts", "My &status", "&Do not disturb").trigger()
    me.wait(
        lambda: bot.presences(
            lambda p: (
                (p.get("from") or "").startswith(own_jid(me) + "/")
                and p.findtext("{jabber:client}show") == "dnd"
            )
        )
    )
    bot.send("<presence type='unavailable'/>")
    me.wait(lambda: f"    Bot ({bot.jid}), offline" in contact_rows(me.window))


# -- contacts ----------------------------------------------------------------------------------


def test_floor_add_contact(me: Signed, bot: Bot) -> None:
    action(me.window, "C&onversations", "Add a &contact…").trigger()
    form = me.dialog(FormDialog)
    form.edits["who"].setText(bot.jid)
    form.edits["name"].setText("Robo")
    me.qtbot.keyClick(form.edits["name"], Qt.Key.Key_Return)
    # The bot is asked (it approves by itself), and its roster now lists us as a follower.
    me.wait(
        lambda: bot.presences(
            lambda p: p.get("type") == "subscribe" and p.get("from") == own_jid(me)
        )
    )
    me.wait(lambda: any(f"Robo ({bot.jid}), available" in r for r in contact_rows(me.window)))
    roster = bot.iq("get", None, "<query xmlns='jabber:iq:roster'/>")
    items = {i.get("jid"): i.get("subscription") for i in roster.iter("{jabber:iq:roster}item")}
    assert items.get(own_jid(me)) == "from"

    # Back: the bot asks to add us; the window asks us, and accepting by keyboard tells it.
    bot.send(f"<presence to='{own_jid(me)}' type='subscribe'/>")
    me.wait(lambda: any(r.target == bot.jid for r in me.window.requests.requests))
    request = next(r for r in me.window.requests.requests if r.target == bot.jid)
    accept = next(
        b
        for b in me.window.requests.findChildren(QPushButton)
        if b.accessibleName() == f"Accept: {request.text}"
    )
    accept.setFocus()
    me.qtbot.keyClick(accept, Qt.Key.Key_Space)
    me.wait(lambda: bot.presences(lambda p: p.get("type") == "subscribed"))

    # A bad address is said in words.
    action(me.window, "C&onversations", "Add a &contact…").trigger()
    form = me.dialog(FormDialog)
    form.edits["who"].setText("not an address@@")
    me.qtbot.keyClick(form.edits["who"], Qt.Key.Key_Return)
    me.wait(lambda: "is not an XMPP address" in form.error.text())
    assert form.isVisible()  # said in the dialog, which stays open to correct it


# -- rooms -------------------------------------------------------------------------------------


def test_floor_create_room(me: Signed, bot: Bot, prosody: ProsodyServer) -> None:
    local = f"floor-{uuid.uuid4().hex[:6]}"
    bot.join(f"{local}-taken@{prosody.muc}", "owner")  # someone else's room
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
    fields.name.setText("Floor test")
    fields.address.setText(f"{local}-taken")
    fields.topic.setText("Only for the floor")
    fields.password.setText("s3cret")
    me.qtbot.keyClick(fields.password, Qt.Key.Key_Return)
    me.wait(lambda: "already exists" in dialog.error.text())
    assert dialog.isVisible()
    fields.address.setText("no spaces@@allowed")
    fields.address.textEdited.emit(fields.address.text())
    me.qtbot.keyClick(fields.address, Qt.Key.Key_Return)
    me.wait(lambda: "cannot be a room address" in dialog.error.text())
    fields.address.setText(local)
    finished = results_of(dialog)  # a closed dialog is deleted: record how it ended
    me.qtbot.keyClick(fields.address, Qt.Key.Key_Return)
    me.wait(lambda: finished == [QDialog.DialogCode.Accepted.value])
    room = f"{local}@{prosody.muc}"
    me.wait(lambda: me.window.pane.conversation == me.conversation(room))

    info = bot.iq("get", room, "<query xmlns='http://jabber.org/protocol/disco#info'/>")
    features = {x.get("var") for x in info.iter(f"{DISCO}feature")}
    assert {"muc_membersonly", "muc_passwordprotected", "muc_persistent", "muc_hidden"} <= features
    assert any(i.get("name") == "Floor test" for i in info.iter(f"{DISCO}identity"))


def test_floor_invite(me: Signed, bot: Bot, prosody: ProsodyServer) -> None:
    from app.backend import RoomOptions

    local = f"inv-{uuid.uuid4().hex[:6]}"
    options = RoomOptions(name="Invitations", address=local, invite_only=True)
    room = me.call(me.core.rooms.create_room(me.account_id, options=options)).value
    assert room == f"{local}@{prosody.muc}"
    me.open(room)
    me.type_and_send(f"/invite {bot.jid}")
    invite = None

    def invited() -> bool:
        nonlocal invite
        found = bot.messages(lambda m: m.find(f"{MUC_USER}x/{MUC_USER}invite") is not None)
        invite = found[0] if found else None
        return invite is not None

    me.wait(invited)
    assert invite is not None and invite.get("from") == room
    own = bot.join(room, "botty")  # the invitation made it a member
    assert 110 in _codes(own)
    me.wait(lambda: "botty" in [m.native_id for m in me.window.pane.members.model.members()])


def test_floor_be_invited(me: Signed, bot: Bot, prosody: ProsodyServer) -> None:
    room = f"their-{uuid.uuid4().hex[:6]}@{prosody.muc}"
    bot.join(room, "host")
    bot.iq(
        "set",
        room,
        "<query xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' "
        "type='submit'><field var='FORM_TYPE'><value>http://jabber.org/protocol/muc#roomconfig"
        "</value></field><field var='muc#roomconfig_membersonly'><value>1</value></field>"
        "</x></query>",
    )
    bot.send(
        f"<message to='{room}'><x xmlns='http://jabber.org/protocol/muc#user'>"
        f"<invite to='{own_jid(me)}'><reason>come along</reason></invite></x></message>"
    )
    me.wait(lambda: any(r.kind == "invite" for r in me.window.requests.requests))
    request = next(r for r in me.window.requests.requests if r.kind == "invite")
    assert "come along" in request.text
    accept = next(
        b
        for b in me.window.requests.findChildren(QPushButton)
        if b.accessibleName() == f"Accept: {request.text}"
    )
    accept.setFocus()
    me.qtbot.keyClick(accept, Qt.Key.Key_Space)
    me.wait(
        lambda: bot.presences(
            lambda p: (
                (p.get("from") or "").startswith(room + "/")
                and p.get("type") is None
                and not (p.get("from") or "").endswith("/host")
            )
        )
    )
    conv = me.open(room)
    me.wait(lambda: "host" in [m.native_id for m in me.window.pane.members.model.members()])
    assert me.window.sidebar_model.conversation(conv) is not None


# -- messages ----------------------------------------------------------------------------------


def test_floor_text(me: Signed, bot: Bot) -> None:
    for text in TEXTS:
        bot.chat(own_jid(me), text)
    me.wait(lambda: me.window.sidebar_model.conversation_index(me.conversation(bot.jid)).isValid())
    me.open(bot.jid)
    me.wait(lambda: [m.body for m in me.messages()] == list(TEXTS))

    for text in TEXTS:
        me.type_and_send(f"re: {text}")
    me.wait(
        lambda: [b for b in bot.bodies() if b.startswith("re: ")] == [f"re: {t}" for t in TEXTS]
    )
    assert len(bot.bodies()[-1]) == len(TEXTS[-1]) + 4
    me.wait(lambda: all(m.delivery is not DeliveryState.PENDING for m in me.messages()))

    # Formatting typed in the composer goes out as message styling (XEP-0393).
    me.type_and_send("**bold** and _italic_")
    me.wait(lambda: "*bold* and _italic_" in bot.bodies())


def test_hover_bar_delete_retracts_at_the_peer(me: Signed, bot: Bot) -> None:
    """Delete on the hover bar, after the confirmation, sends the peer a XEP-0424 retraction of
    the very message it received."""
    bot.chat(own_jid(me), "did you mean to send that to me?")
    me.wait(lambda: me.window.sidebar_model.conversation_index(me.conversation(bot.jid)).isValid())
    me.open(bot.jid)
    text = "wrong chat, sorry"
    me.type_and_send(text)
    me.wait(lambda: [bool(m.remote_id) for m in me.messages() if m.body == text] == [True])
    me.wait(lambda: text in bot.bodies())
    (received,) = bot.messages(lambda m: body_of(m) == text)
    ids = {received.get("id")} | {
        e.get("id") for e in received.iter() if e.tag == "{urn:xmpp:sid:0}origin-id"
    }
    row = next(i for i, m in enumerate(me.messages()) if m.body == text)
    remote_id = me.messages()[row].remote_id
    me.window.activateWindow()
    bar = me.window.pane.view.hover_bar

    def delete_offered() -> bool:
        hover(me.qtbot, me.window, row)
        return bar.buttons["delete"].isVisibleTo(bar)

    me.wait(delete_offered)
    seen = answer_next_box(me.qtbot, QMessageBox.StandardButton.Yes)
    bar.buttons["delete"].click()

    def retracted_at_peer() -> bool:
        return any(
            e.tag == "{urn:xmpp:message-retract:1}retract" and e.get("id") in ids
            for m in bot.messages(lambda _m: True)
            for e in m.iter()
        )

    me.wait(retracted_at_peer)
    assert seen == ["Delete this message for everyone in the conversation?"]
    me.wait(lambda: any(m.remote_id == remote_id and m.retracted for m in me.messages()))


def upload_as(bot: Bot, prosody: ProsodyServer, name: str, data: bytes) -> str:
    """The bot shares a file through the server's HTTP upload (XEP-0363), as any client does."""
    slot = bot.iq(
        "get",
        prosody.upload,
        f"<request xmlns='urn:xmpp:http:upload:0' filename='{name}' size='{len(data)}' "
        "content-type='application/octet-stream'/>",
    )
    put = slot.find("{urn:xmpp:http:upload:0}slot/{urn:xmpp:http:upload:0}put")
    get = slot.find("{urn:xmpp:http:upload:0}slot/{urn:xmpp:http:upload:0}get")
    assert put is not None and get is not None
    headers = {"Content-Type": "application/octet-stream"}
    for header in put.findall("{urn:xmpp:http:upload:0}header"):
        headers[header.get("name", "")] = header.text or ""
    context = ssl.create_default_context(cafile=str(prosody.tls.ca_cert))
    request = urllib.request.Request(put.get("url", ""), data=data, method="PUT", headers=headers)
    with urllib.request.urlopen(request, context=context, timeout=30) as response:
        assert response.status in (200, 201)
    return get.get("url", "")


def fetch(url: str, prosody: ProsodyServer) -> bytes:
    context = ssl.create_default_context(cafile=str(prosody.tls.ca_cert))
    with urllib.request.urlopen(url, context=context, timeout=30) as response:
        data: bytes = response.read()
        return data


def test_floor_file(
    me: Signed, bot: Bot, prosody: ProsodyServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot.chat(own_jid(me), "send me the plan")
    me.wait(lambda: me.window.sidebar_model.conversation_index(me.conversation(bot.jid)).isValid())
    me.open(bot.jid)
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
    got: list[ET.Element] = []
    me.wait(lambda: got.extend(bot.messages(lambda m: m.find(f"{OOB}x") is not None)) or got)
    url = got[0].findtext(f"{OOB}x/{OOB}url") or ""
    assert url.startswith("https://") and body_of(got[0]) == url
    assert fetch(url, prosody) == content

    # Back: the bot shares a file; the window downloads it from its message's menu.
    back = os.urandom(80_000)
    shared = upload_as(bot, prosody, "photos.zip", back)
    bot.chat(own_jid(me), shared, extra=f"<x xmlns='jabber:x:oob'><url>{shared}</url></x>")
    me.wait(lambda: any(m.attachments for m in me.messages() if not m.outgoing))
    msg = next(m for m in me.messages() if m.attachments and not m.outgoing)
    menu = me.window.pane.messages.message_menu(msg)
    download = next(a for a in menu.actions() if a.text() == "Download photos.zip")
    download.trigger()
    model = me.window.pane.model
    me.wait(lambda: (s := model.download_state(msg.local_id, 0)) is not None and s.finished)
    state = model.download_state(msg.local_id, 0)
    assert state is not None and Path(state.path).read_bytes() == back


def test_floor_receipts(me: Signed, bot: Bot) -> None:
    bot.chat(
        own_jid(me),
        "hello",
        extra="<request xmlns='urn:xmpp:receipts'/><markable xmlns='urn:xmpp:chat-markers:0'/>",
        stanza_id="bot-1",
    )
    me.wait(lambda: me.window.sidebar_model.conversation_index(me.conversation(bot.jid)).isValid())
    # The bot learns that the message arrived, and that we read it once opened.
    me.wait(
        lambda: bot.messages(
            lambda m: (
                (r := m.find("{urn:xmpp:receipts}received")) is not None and r.get("id") == "bot-1"
            )
        )
    )
    me.window.activateWindow()
    me.open(bot.jid)
    me.wait(
        lambda: bot.messages(
            lambda m: (
                (d := m.find("{urn:xmpp:chat-markers:0}displayed")) is not None
                and d.get("id") == "bot-1"
            )
        )
    )

    # Back: our message is shown delivered, then read, as the bot says so.
    me.type_and_send("did you get this?")
    sent: list[ET.Element] = []
    me.wait(lambda: sent.extend(bot.messages(lambda m: body_of(m) == "did you get this?")) or sent)
    ours = sent[0]
    assert ours.find("{urn:xmpp:receipts}request") is not None
    mid = ours.get("id") or ""
    bot.send(
        f"<message to='{own_jid(me)}' type='chat'><received xmlns='urn:xmpp:receipts' id='{mid}'/>"
        "</message>"
    )
    mine = lambda: next(m for m in me.messages() if m.body == "did you get this?")  # noqa: E731
    me.wait(lambda: mine().delivery is DeliveryState.DELIVERED)
    bot.send(
        f"<message to='{own_jid(me)}' type='chat'>"
        f"<displayed xmlns='urn:xmpp:chat-markers:0' id='{mid}'/></message>"
    )
    me.wait(lambda: mine().delivery is DeliveryState.READ)


def test_floor_block(me: Signed, bot: Bot) -> None:
    bot.chat(own_jid(me), "buy cheap watches")
    me.wait(lambda: me.window.sidebar_model.conversation_index(me.conversation(bot.jid)).isValid())
    me.open(bot.jid)
    me.wait(lambda: len(me.messages()) == 1)
    menu = me.window.pane.messages.message_menu(me.messages()[0])
    block = next(a for a in menu.actions() if a.text().startswith("&Block"))
    block.trigger()
    box = me.dialog(QMessageBox)
    next(b for b in box.buttons() if b.text() == "&Block").click()
    me.wait(lambda: any(f"{bot.jid}, " in r and "blocked" in r for r in contact_rows(me.window)))

    # The server itself now refuses the bot's messages (XEP-0191): it gets an error back.
    sent = bot.chat(own_jid(me), "are you there?")
    me.wait(lambda: bot.messages(lambda m: m.get("type") == "error" and m.get("id") == sent))
    assert [m.body for m in me.messages()] == ["buy cheap watches"]

    # Unblocked from the account's "Blocked" list: the bot gets through again.
    me.select_account()
    action(me.window, "&Accounts", "Blocked &people…").trigger()
    dialog = me.dialog(BlockedDialog)
    me.wait(lambda: dialog.blocked() == [bot.jid])
    dialog.list.setCurrentRow(0)
    dialog.unblock_button.click()
    me.wait(lambda: dialog.blocked() == [])
    bot.chat(own_jid(me), "hello again")
    me.wait(lambda: [m.body for m in me.messages()] == ["buy cheap watches", "hello again"])


def test_floor_manage_room(me: Signed, bot: Bot, prosody: ProsodyServer) -> None:
    from app.backend import RoomOptions

    local = f"run-{uuid.uuid4().hex[:6]}"
    options = RoomOptions(name="Run it", address=local, public=True)
    room = me.call(me.core.rooms.create_room(me.account_id, options=options)).value
    assert room
    bot.join(room, "botty")
    me.open(room)
    me.wait(lambda: "botty" in [m.native_id for m in me.window.pane.members.model.members()])
    action(me.window, "C&onversations", "Room se&ttings…").trigger()
    settings = me.dialog(RoomSettingsDialog)
    me.wait(lambda: settings.settings is not None and settings.pending == 0)
    assert settings.fields.name.text() == "Run it"

    settings.fields.name.setText("Run well")
    settings.fields.moderated.setChecked(True)
    settings.save_button.click()
    me.wait(lambda: settings.status.text() == "The room's settings were saved.")
    info = bot.iq("get", room, "<query xmlns='http://jabber.org/protocol/disco#info'/>")
    assert any(i.get("name") == "Run well" for i in info.iter(f"{DISCO}identity"))
    assert "muc_moderated" in {x.get("var") for x in info.iter(f"{DISCO}feature")}

    settings.tabs.setCurrentIndex(1)
    members = settings.members.members()
    row = next(i for i, m in enumerate(members) if m.native_id == "botty")
    settings.member_list.setCurrentIndex(settings.members.index(row, 0))
    settings.role.setCurrentIndex(settings.role.findData(Role.MODERATOR.value))
    settings.role_button.click()
    me.wait(
        lambda: bot.presences(
            lambda p: (
                p.get("from") == f"{room}/botty"
                and (item := p.find(f"{MUC_USER}x/{MUC_USER}item")) is not None
                and item.get("role") == "moderator"
            )
        )
    )

    settings.tabs.setCurrentIndex(2)
    # The role change answered first: its success would clear the ban's problem otherwise.
    me.wait(lambda: settings.pending == 0)
    settings.ban_entry.setText("*")
    settings.ban_button.click()
    me.wait(lambda: "would ban everyone" in settings.problem.text())
    settings.ban_entry.setText(bot.jid)
    settings.ban_button.click()
    me.wait(
        lambda: bot.presences(
            lambda p: p.get("type") == "unavailable" and 301 in _codes(p) and 110 in _codes(p)
        )
    )
    me.wait(lambda: settings.ban_list.count() == 1 and bot.jid in settings.ban_list.item(0).text())

    settings.tabs.setCurrentIndex(0)
    finished = results_of(settings)  # a closed dialog is deleted: record how it ended
    settings.close_room_button.click()
    box = settings.confirm_box
    next(b for b in box.buttons() if b.text() == "Close the &room").click()
    me.wait(lambda: finished == [QDialog.DialogCode.Accepted.value])
    gone = bot.iq("get", prosody.muc, "<query xmlns='http://jabber.org/protocol/disco#items'/>")
    assert room not in {
        i.get("jid") for i in gone.iter("{http://jabber.org/protocol/disco#items}item")
    }
    conv = me.window.sidebar_model.conversation(me.conversation(room))
    assert conv is not None and not conv.joined


def test_floor_archive(me: Signed, bot: Bot) -> None:
    for i in range(3):
        bot.chat(own_jid(me), f"archived {i}")
    me.wait(lambda: me.window.sidebar_model.conversation_index(me.conversation(bot.jid)).isValid())
    me.open(bot.jid)
    me.wait(lambda: [m.body for m in me.messages()] == [f"archived {i}" for i in range(3)])
    last = max(m.timestamp for m in me.messages())

    # Delete this account's old history from its own menu: gone from the window…
    me.select_account()
    action(me.window, "&Accounts", "Delete &old history…").trigger()
    prune = me.dialog(QInputDialog)
    assert "“" in prune.labelText()
    prune.setIntValue(0)
    prune.accept()
    me.wait(lambda: any("3 old messages" in n for n in me.notices()))
    me.wait(lambda: me.messages() == [])  # the open conversation shows what is stored

    # …but not from the server's archive: the bot's own copy says so, and scrolling up in the
    # window brings them back from it (XEP-0313).
    query = f"q-{uuid.uuid4().hex[:6]}"
    bot.iq(
        "set",
        None,
        f"<query xmlns='urn:xmpp:mam:2' queryid='{query}'><x xmlns='jabber:x:data' type='submit'>"
        "<field var='FORM_TYPE' type='hidden'><value>urn:xmpp:mam:2</value></field>"
        f"<field var='with'><value>{own_jid(me)}</value></field></x></query>",
    )
    results = bot.messages(
        lambda m: (r := m.find("{urn:xmpp:mam:2}result")) is not None and r.get("queryid") == query
    )
    forwarded = "{urn:xmpp:mam:2}result/{urn:xmpp:forward:0}forwarded/{jabber:client}message"
    archived = [body_of(f) for r in results if (f := r.find(forwarded)) is not None]
    assert [b for b in archived if b] == [f"archived {i}" for i in range(3)]
    # The archive stamps to the second: a later second keeps the order unambiguous.
    me.wait(lambda: datetime.now(UTC) >= last + timedelta(seconds=1.1))
    bot.chat(own_jid(me), "after the clean-up")
    me.wait(lambda: [m.body for m in me.messages()] == ["after the clean-up"])
    view = me.window.pane.view
    view.verticalScrollBar().setValue(view.verticalScrollBar().minimum())
    me.window.pane.model.load_older()
    me.wait(
        lambda: (
            [m.body for m in me.messages()]
            == [*(f"archived {i}" for i in range(3)), "after the clean-up"]
        )
    )


# -- faces and service identity ---------------------------------------------------------------


def test_a_contacts_picture_shows_in_the_window(
    me: Signed, bot: Bot, prosody: ProsodyServer
) -> None:
    """The bot publishes a User Avatar (XEP-0084) as any client does; the window shows that
    picture for it in the contact list, the sidebar, the header and beside its messages, and
    says the conversation is on XMPP at this server."""
    mutual_contacts(me, bot)
    data = png("#d04010", (48, 48))
    digest = hashlib.sha1(data).hexdigest()
    bot.iq(
        "set",
        None,
        "<pubsub xmlns='http://jabber.org/protocol/pubsub'><publish node='urn:xmpp:avatar:data'>"
        f"<item id='{digest}'><data xmlns='urn:xmpp:avatar:data'>"
        f"{base64.b64encode(data).decode()}</data></item></publish></pubsub>",
    )
    bot.iq(
        "set",
        None,
        "<pubsub xmlns='http://jabber.org/protocol/pubsub'><publish node='urn:xmpp:avatar:metadata'>"
        f"<item id='{digest}'><metadata xmlns='urn:xmpp:avatar:metadata'>"
        f"<info bytes='{len(data)}' id='{digest}' height='48' width='48' type='image/png'/>"
        "</metadata></item></publish></pubsub>",
    )
    window = me.window
    me.wait(lambda: window.avatars.has_picture(me.account_id, bot.jid))

    window.show_tab(1)
    me.wait(lambda: window.contact_list.select_contact(me.account_id, bot.jid))
    contacts = window.contact_list
    me.wait(
        lambda: (
            row_face(contacts.delegate, contacts.tree, contacts.tree.currentIndex()) == "#d04010"
        )
    )
    window.show_tab(0)

    bot.chat(own_jid(me), "look, a new picture")
    conv = me.open(bot.jid)
    sidebar = window.sidebar
    row = sidebar.proxy.mapFromSource(window.sidebar_model.conversation_index(conv))
    me.wait(lambda: row_face(sidebar.delegate, sidebar.tree, row) == "#d04010")
    header = window.pane.header
    me.wait(lambda: centre(header.face.pixmap().toImage()) == "#d04010")
    me.wait(lambda: message_face(window.pane.view, 0) == "#d04010")
    assert header.service_icon.accessibleName() == "XMPP"
    domain = own_jid(me).split("@", 1)[1]
    assert domain in header.service_text.text() or "127.0.0.1" in header.service_text.text()
    assert "XMPP" in header.title.accessibleDescription()


def test_the_activity_inbox_marks_read_at_the_sender(me: Signed, bot: Bot) -> None:
    """A direct message from the bot shows in the activity inbox (Ctrl+I) with its service;
    marking it read there (Delete) sends the bot the chat marker, as reading it would."""
    bot.chat(
        own_jid(me),
        "did you see the seed list?",
        extra="<markable xmlns='urn:xmpp:chat-markers:0'/>",
        stanza_id="bot-inbox-1",
    )
    window = me.window
    me.wait(lambda: window.sidebar_model.conversation_index(me.conversation(bot.jid)).isValid())
    window.activateWindow()
    window.sidebar.tree.setFocus()
    me.qtbot.keyClick(window.sidebar.tree, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    me.wait(lambda: window.activity.dialog is not None)
    inbox = window.activity.dialog
    assert inbox is not None
    me.wait(lambda: inbox.model.rowCount() == 1)
    spoken = str(inbox.model.index(0).data(Qt.ItemDataRole.AccessibleTextRole))
    assert spoken.startswith("Direct message") and "XMPP" in spoken
    assert "did you see the seed list?" in spoken
    inbox.list.setFocus()
    inbox.list.setCurrentIndex(inbox.model.index(0))
    me.qtbot.keyClick(inbox.list, Qt.Key.Key_Delete)
    me.wait(lambda: inbox.model.rowCount() == 0)
    me.wait(
        lambda: bot.messages(
            lambda m: (
                (d := m.find("{urn:xmpp:chat-markers:0}displayed")) is not None
                and d.get("id") == "bot-inbox-1"
            )
        )
    )
    me.qtbot.keyClick(inbox.list, Qt.Key.Key_Escape)
    me.wait(lambda: window.activity.dialog is None)
