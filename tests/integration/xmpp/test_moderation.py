"""Room moderation (XEP-0425) against Prosody's mod_muc_moderation, checked by a peer: we remove
a peer's message as the room's owner; a peer-moderator removes messages and they go from our
store and from search, live and, after a restart, from the room's archive."""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from app import facts as f
from app.backend import Capability, RoomOptions
from app.core import Core
from app.models import ConnectionState, ConversationId, Moderation
from backends.xmpp import XmppBackend
from chinwag.testing import MemorySecretStore, wait_until
from tests.fakes.core_harness import make_core, wait_for
from tests.fakes.fake_backend import FakeServer
from tests.integration.xmpp.conftest import Backends, PeerFactory
from tests.integration.xmpp.peer import Peer, body_of
from tests.integration.xmpp.server import ProsodyServer
from tests.integration.xmpp.test_rooms import peer_owned_room

pytestmark = pytest.mark.integration

MOD0 = "urn:xmpp:message-moderate:0"
SID = "{urn:xmpp:sid:0}stanza-id"


def moderation_iq(stanza_id: str, reason: str) -> str:
    """What a moderator's client sends to Prosody's mod_muc_moderation (the :0 form it reads)."""
    return (
        f"<apply-to xmlns='urn:xmpp:fasten:0' id='{stanza_id}'><moderate xmlns='{MOD0}'>"
        f"<retract xmlns='urn:xmpp:message-retract:0'/><reason>{reason}</reason></moderate>"
        "</apply-to>"
    )


def room_id_of(msg: ET.Element, room: str) -> str:
    ids = [s.get("id", "") for s in msg.iter(SID) if s.get("by") == room]
    assert ids, "the room stamped no stanza-id"
    return ids[-1]


async def said(peer: Peer, room: str, text: str) -> str:
    """The peer says ``text`` in ``room``; the room's stanza-id for it (from its echo)."""
    peer.chat(room, text, mtype="groupchat")
    echo = await peer.wait_message(lambda m: body_of(m) == text and m.get("type") == "groupchat")
    return room_id_of(echo, room)


async def test_we_remove_a_peers_message_as_owner(
    prosody: ProsodyServer, xmpp: Backends, peers: PeerFactory
) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    created = await me.backend.create_room_with(RoomOptions(name=f"mod-{uuid.uuid4().hex[:6]}"))
    room = created.value
    assert created.ok and room
    conv = ConversationId(me.rec.account_id, room)
    await peer.join_room(room, "pat")
    await wait_until(
        lambda: bool(me.backend.capabilities(conv) & Capability.MODERATION), what="moderation"
    )
    peer.chat(room, "buy cheap pills", mtype="groupchat")
    got = await me.wait(f.MessageReceived, lambda m: m.body == "buy cheap pills")
    assert got.remote_id

    assert (await me.backend.moderate(conv, got.remote_id, "spam")).ok
    # The peer is told, by the room, which message went, by whom and why.
    notice = await peer.wait_message(lambda m: m.find("{urn:xmpp:fasten:0}apply-to") is not None)
    assert notice.get("from") == room
    fasten = notice.find("{urn:xmpp:fasten:0}apply-to")
    assert fasten is not None and fasten.get("id") == got.remote_id
    assert notice.findtext(f".//{{{MOD0}}}reason") == "spam"
    # We are an occupant too: the same notice removes it here.
    removed = await me.wait(f.MessageModerated, lambda m: m.remote_id == got.remote_id)
    assert removed.reason == "spam" and removed.conversation == room

    gone = await me.backend.moderate(conv, "no-such-id", "")
    assert gone.failure is not None and "no longer has it" in gone.failure.message

    # A contact claiming a moderation in a 1:1 chat is dropped, with a log line.
    peer.send_xml(
        f"<message to='{me.account.jid}' type='chat'><apply-to xmlns='urn:xmpp:fasten:0' "
        f"id='{got.remote_id}'><moderated xmlns='{MOD0}' by='{room}/pat'>"
        "<retract xmlns='urn:xmpp:message-retract:0'/></moderated></apply-to></message>"
    )
    await me.wait(f.BadInput, lambda b: b.what == "moderation")


async def test_a_peer_moderator_removes_messages_live_and_while_we_are_away(
    prosody: ProsodyServer, peers: PeerFactory, tmp_path: Path
) -> None:
    peer: Peer = await peers()
    room = await peer_owned_room(prosody, peer, "pat")  # the owner is a moderator
    account = prosody.new_account("sam")
    secrets = MemorySecretStore()
    root = tmp_path / "profile"
    root.mkdir()

    async def start() -> tuple[Core, Callable[[], Awaitable[Any]]]:
        core = make_core(root, FakeServer(), secrets, extra_classes=(XmppBackend,))
        await core.start()
        return core, core.stop

    core, stop = await start()
    added = await core.accounts.add_account(
        "xmpp", prosody.settings(account), {"password": account.password}
    )
    conv = ConversationId(added.id, room)
    await wait_for(lambda: core.sessions[added.id].state.state is ConnectionState.CONNECTED, 60)
    assert (await core.rooms.join(added.id, room, "sam")).ok

    async def found(word: str) -> list[str]:
        return sorted(m.body for m in await core.archive.search(word, conversation=conv))

    async def found_only(word: str, bodies: list[str]) -> None:
        await wait_until(
            lambda: found(word), check=lambda got: got == bodies, what=f"search {word!r}: {bodies}"
        )

    one = await said(peer, room, "cheap pills one")
    two = await said(peer, room, "cheap pills two")
    await found_only("pills", ["cheap pills one", "cheap pills two"])

    # Live: the room announces the removal; the body leaves the store and search.
    await peer.iq("set", room, moderation_iq(one, "spam"))
    await found_only("pills", ["cheap pills two"])
    page = await core.conversations.fetch_page(conv, None, 200)
    (first,) = [m for m in page.messages if m.remote_id == one]
    assert first.retracted and first.body == "" and first.moderation == Moderation("pat", "spam")

    # Away: removed while we are not connected; after a restart the archive tells us.
    await stop()
    await peer.iq("set", room, moderation_iq(two, "also spam"))
    core, stop = await start()
    try:
        await wait_for(
            lambda: (
                added.id in core.sessions
                and core.sessions[added.id].state.state is ConnectionState.CONNECTED
            ),
            60,
        )
        await found_only("pills", [])
        page = await core.conversations.fetch_page(conv, None, 200)
        (second,) = [m for m in page.messages if m.remote_id == two]
        assert second.retracted and second.moderation == Moderation("pat", "also spam")
    finally:
        await stop()
