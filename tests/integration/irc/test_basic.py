"""The basics against both servers: InspIRCd (IRCv3) and ngIRCd (none of it), so the backend is
seen to degrade gracefully — no echo-message means a message is confirmed once written, no MONITOR
means ISON, no server-time means "now"."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from app import facts as f
from app.backend import Capability, OutgoingMessage
from app.models import (
    ConversationId,
    ConversationKind,
    DeliveryState,
    MessageKind,
    Presence,
    PresenceState,
    Role,
)
from tests.integration.irc.helpers import BackendFactory, FastIrcBackend
from tests.integration.irc.peer import Peer, unique_channel, unique_nick
from tests.integration.irc.servers import IrcServer

pytestmark = pytest.mark.integration
OpenPeer = Callable[..., Awaitable[Peer]]


class QuickIson(FastIrcBackend):
    ison_interval = 0.5


async def test_channel_conversation_both_ways(
    any_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made = await backends.connected(any_server)
    backend = made.backend
    ircv3 = any_server.kind == "inspircd"
    assert ("echo-message" in backend.caps_enabled) is ircv3
    if not ircv3:
        assert backend.caps_enabled <= {"multi-prefix"}
    assert not backend.capabilities() & Capability.HISTORY

    channel = unique_channel()
    joined = await backend.join(channel)
    assert joined.ok, joined.failure
    names = await made.wait_fact(f.MembersChanged, lambda x: x.complete)
    (me,) = names.upserted
    assert me.native_id == backend.own_id and me.role is Role.ADMIN  # first in: op

    peer = await peers(any_server)
    await peer.join(channel)
    await made.wait_fact(
        f.MembersChanged, lambda x: any(m.native_id == peer.nick for m in x.upserted)
    )
    await peer.privmsg(channel, "hello channel")
    got = await made.wait_fact(f.MessageReceived, lambda x: x.body == "hello channel")
    assert got.conversation == channel.lower()
    assert got.conversation_kind is ConversationKind.GROUP
    assert got.sender == peer.nick
    assert got.timestamp is None or got.timestamp.tzinfo is not None

    conv = ConversationId(made.rec.account_id, channel.lower())
    result = await backend.send_message(conv, OutgoingMessage("basic-1", "hello peer"))
    assert result.ok
    await peer.wait_privmsg("hello peer", sender=backend.own_id)
    if ircv3:
        assert not result.confirmed
        update = await made.wait_fact(f.DeliveryUpdated, lambda x: x.txn_id == "basic-1")
        assert update.state is DeliveryState.SENT
    else:
        assert result.confirmed  # no echo-message: written is as good as it gets

    topic = await backend.set_topic(conv, "Basic topic")
    assert topic.ok, topic.failure
    await made.wait_fact(f.ConversationUpdated, lambda x: x.topic == "Basic topic")

    left = await backend.leave(conv)
    assert left.ok, left.failure
    await made.wait_fact(f.ConversationLeft, lambda x: x.conversation == channel.lower())


async def test_private_messages_notices_and_actions(
    any_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made, peer = await asyncio.gather(
        backends.connected(any_server), peers(any_server, unique_nick("Pal"))
    )
    nick = made.backend.own_id
    await peer.privmsg(nick, "psst")
    await peer.send(f"NOTICE {nick} :note")
    await peer.send(f"PRIVMSG {nick} :\x01ACTION smiles\x01")
    psst = await made.wait_fact(f.MessageReceived, lambda x: x.body == "psst")
    assert psst.conversation == peer.nick.lower()
    assert psst.conversation_kind is ConversationKind.DIRECT
    note = await made.wait_fact(f.MessageReceived, lambda x: x.body == "note")
    assert note.kind is MessageKind.NOTICE
    smile = await made.wait_fact(f.MessageReceived, lambda x: x.body == "smiles")
    assert smile.kind is MessageKind.EMOTE

    conv = ConversationId(made.rec.account_id, psst.conversation)
    await made.backend.send_message(conv, OutgoingMessage("b2", "back at you"))
    await made.backend.send_message(conv, OutgoingMessage("b3", "grins", kind=MessageKind.EMOTE))
    await peer.wait_privmsg("back at you")
    await peer.wait_privmsg("\x01ACTION grins\x01")


async def test_text_encoding_and_splitting(
    any_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made, peer = await asyncio.gather(backends.connected(any_server), peers(any_server))
    await peer.send_bytes(b"PRIVMSG " + made.backend.own_id.encode() + b" :na\xefve\r\n")
    naive = await made.wait_fact(f.MessageReceived, lambda x: x.body.startswith("na"))
    assert naive.body == "naïve"

    conv = ConversationId(made.rec.account_id, peer.nick.lower())
    text = " ".join(["Grüße aus Köln — 你好 — привет — 👋🏽"] * 30)
    await made.backend.send_message(conv, OutgoingMessage("split", text))

    def received() -> str:
        # Split at spaces, the space itself is dropped (servers trim trailing blanks).
        return " ".join(
            x.params[-1] for x in peer.received("PRIVMSG") if x.nick == made.backend.own_id
        )

    await peer.wait_for(lambda m: received() == text)
    assert len([x for x in peer.received("PRIVMSG")]) >= 3
    assert max(peer.raw_sizes) <= 512


async def test_contacts_and_own_away(
    any_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made = await backends.connected(any_server, cls=QuickIson)
    friend = unique_nick("Buddy")
    assert (await made.backend.add_contact(friend)).ok
    uses_monitor = made.backend.info.monitor is not None
    assert uses_monitor is (any_server.kind == "inspircd")  # ngIRCd: ISON instead
    await made.wait_fact(
        f.PresenceChanged,
        lambda x: x.contact == friend.lower() and x.presence.state is PresenceState.OFFLINE,
    )
    peer = await peers(any_server, friend)
    await made.wait_fact(
        f.PresenceChanged,
        lambda x: x.contact == friend.lower() and x.presence.state is PresenceState.AVAILABLE,
    )
    await peer.close()

    def offline_reports() -> int:
        return sum(
            1
            for x in made.of(f.PresenceChanged)
            if x.contact == friend.lower() and x.presence.state is PresenceState.OFFLINE
        )

    await made.wait(lambda _: offline_reports() >= 2)  # offline, online, offline again

    away = await made.backend.set_presence(Presence(PresenceState.AWAY, "out"))
    assert away.ok, away.failure
    own = await made.wait_fact(f.OwnPresenceChanged)
    assert own.presence.state is PresenceState.AWAY
    watcher = await peers(any_server)
    await watcher.send(f"WHOIS {made.backend.own_id}")
    await watcher.wait_for(lambda m: m.command == "301" and m.params[-1] == "out")
    back = await made.backend.set_presence(Presence(PresenceState.AVAILABLE))
    assert back.ok, back.failure
    await made.wait_fact(
        f.OwnPresenceChanged, lambda x: x.presence.state is PresenceState.AVAILABLE
    )
