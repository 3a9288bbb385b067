"""Channels and queries against InspIRCd: join (with key), part, topic, NAMES with modes, kick,
invite, the channel list; private queries; NOTICE and ACTION; CTCP answered with a rate limit."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

import pytest

from app import facts as f
from app.backend import FailureKind, OutgoingMessage
from app.i18n import Text
from app.models import ConversationId, ConversationKind, MessageKind, Role
from tests.integration.irc.helpers import BackendFactory, FastIrcBackend
from tests.integration.irc.peer import Peer, unique_channel, unique_nick
from tests.integration.irc.servers import IrcServer

pytestmark = pytest.mark.integration
OpenPeer = Callable[..., Awaitable[Peer]]


async def test_join_with_key_part_and_rejoin_memory(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    channel = unique_channel("#Keyed")
    op = await peers(inspircd_server)
    await op.join(channel)
    await op.send(f"MODE {channel} +k sesame")
    await op.wait_for(lambda m: m.command == "MODE" and "+k" in m.params)
    made = await backends.connected(inspircd_server)
    backend = made.backend

    refused = await backend.join(channel)
    assert refused.failure is not None
    assert refused.failure.kind is FailureKind.REJECTED
    assert "475" not in refused.failure.message  # words for a person, not a numeric

    joined = await backend.join(channel, password="sesame")
    assert joined.ok, joined.failure
    assert joined.value == channel.lower()
    update = await made.wait_fact(f.ConversationUpdated, lambda x: x.joined)
    assert update.conversation == channel.lower()
    assert update.title == channel
    assert update.kind is ConversationKind.GROUP
    await op.wait_for(lambda m: m.command == "JOIN" and m.nick == backend.own_id)
    state = backend.ctx.state
    saved = await state.get("channels") or ""
    assert channel.lower() in saved.lower()  # remembered for the next connect …
    assert "sesame" not in saved  # … but a channel key is a secret: the keyring holds it
    assert "sesame" in backend.ctx.secrets.values.values()  # type: ignore[attr-defined]

    # The next instance (a reconnect or a restart) rejoins with the key from the keyring.
    await backend.disconnect()
    await op.wait_for(lambda m: m.command == "QUIT" and m.nick == backend.own_id)
    seen, mark = len(op.lines), made.mark()
    again = type(backend)(backend.ctx)
    assert (await again.connect()).ok
    await op.wait_for(lambda m: m.command == "JOIN" and m.nick == again.own_id, start=seen)
    rejoined = await made.wait_fact(f.ConversationUpdated, lambda x: x.joined, after=mark)
    assert rejoined.conversation == channel.lower()
    made.backend = backend = again  # the factory disconnects it at the end

    left = await backend.leave(ConversationId(made.rec.account_id, channel.lower()), "bye")
    assert left.ok, left.failure
    await made.wait_fact(f.ConversationLeft, lambda x: x.conversation == channel.lower())
    part = await op.wait_for(lambda m: m.command == "PART" and m.nick == backend.own_id)
    assert part.params[-1] == "bye"
    assert channel.lower() not in (await state.get("channels") or "").lower()


async def test_names_with_modes_and_mode_changes(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    channel = unique_channel()
    op = await peers(inspircd_server, unique_nick("Op"))
    await op.join(channel)
    await op.send(f"MODE {channel} +v {op.nick}")  # op and voice: multi-prefix shows both
    await op.wait_for(lambda m: m.command == "MODE" and "+v" in m.params)
    made = await backends.connected(inspircd_server)
    await made.backend.join(channel)
    names = await made.wait_fact(f.MembersChanged, lambda x: x.complete)
    by_nick = {m.native_id: m for m in names.upserted}
    assert by_nick[op.nick].role is Role.ADMIN
    assert by_nick[op.nick].affiliation == "@+"
    assert by_nick[made.backend.own_id].role is Role.MEMBER

    await op.send(f"MODE {channel} +v {made.backend.own_id}")
    voiced = await made.wait_fact(
        f.MembersChanged,
        lambda x: any(
            m.native_id == made.backend.own_id and m.affiliation == "+" for m in x.upserted
        ),
    )
    assert voiced.conversation == channel.lower()
    assert made.backend.members(channel)[made.backend.own_id] == "+"

    other = await peers(inspircd_server)
    await other.join(channel)
    await made.wait_fact(
        f.MembersChanged, lambda x: any(m.native_id == other.nick for m in x.upserted)
    )
    await other.send(f"NICK {other.nick}x")
    renamed = await made.wait_fact(f.MembersChanged, lambda x: other.nick in x.removed)
    assert [m.native_id for m in renamed.upserted] == [other.nick + "x"]
    await other.send("QUIT :gone")
    await made.wait_fact(f.MembersChanged, lambda x: other.nick + "x" in x.removed)


async def test_topic_set_by_us_and_by_others(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    channel = unique_channel()
    op = await peers(inspircd_server)
    await op.join(channel)
    await set_topic_as(op, channel, "The first topic")
    made = await backends.connected(inspircd_server)
    await made.backend.join(channel)
    first = await made.wait_fact(f.ConversationUpdated, lambda x: x.topic is not None)
    assert first.topic == "The first topic"

    conv = ConversationId(made.rec.account_id, channel.lower())
    refused = await made.backend.set_topic(conv, "mine now")  # +t: only ops may
    assert refused.failure is not None and refused.failure.kind is FailureKind.REJECTED

    await op.send(f"MODE {channel} +o {made.backend.own_id}")
    await made.wait_fact(
        f.MembersChanged,
        lambda x: any(
            m.role is Role.ADMIN for m in x.upserted if m.native_id == made.backend.own_id
        ),
    )
    ours = await made.backend.set_topic(conv, "Set by \x02Chinwag\x02")
    assert ours.ok, ours.failure
    seen = await op.wait_for(lambda m: m.command == "TOPIC" and m.nick == made.backend.own_id)
    assert seen.params[-1] == "Set by \x02Chinwag\x02"

    await set_topic_as(op, channel, "Changed by the peer")
    changed = await made.wait_fact(
        f.ConversationUpdated, lambda x: x.topic == "Changed by the peer"
    )
    assert changed.conversation == channel.lower()
    note = await made.wait_fact(
        f.MessageReceived,
        lambda x: x.kind is MessageKind.SYSTEM and "Changed by the peer" in x.body,
    )
    assert note.sender == op.nick
    # the English words as ever, and how they were made (so the window can translate them)
    assert note.body == f"{op.nick} changed the topic to: Changed by the peer"
    assert isinstance(note.body, Text) and note.body.template == "%1 changed the topic to: %2"


async def test_kick_both_ways(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    channel = unique_channel()
    made = await backends.connected(inspircd_server)
    assert (await made.backend.join(channel)).ok  # first in: we are op
    peer = await peers(inspircd_server)
    await peer.join(channel)
    conv = ConversationId(made.rec.account_id, channel.lower())
    kicked = await made.backend.kick(conv, peer.nick, "out you go")
    assert kicked.ok, kicked.failure
    kick = await peer.wait_for(lambda m: m.command == "KICK")
    assert kick.params[1] == peer.nick and kick.params[-1] == "out you go"
    await made.wait_fact(f.MembersChanged, lambda x: peer.nick in x.removed)
    note = await made.wait_fact(
        f.MessageReceived, lambda x: x.kind is MessageKind.SYSTEM and peer.nick in x.body
    )
    assert note.body == f"{peer.nick} was kicked by {note.sender} (out you go)"
    assert isinstance(note.body, Text) and note.body.args == (peer.nick, note.sender, "out you go")

    not_here = await made.backend.kick(conv, "nobody-here", "")
    assert not_here.failure is not None
    assert not_here.failure.kind is FailureKind.REJECTED

    await peer.join(channel)
    opped = await made.backend.run_command(conv, "mode", f"+o {peer.nick}")
    assert opped.ok, opped.failure
    await peer.wait_for(lambda m: m.command == "MODE" and peer.nick in m.params)
    await peer.send(f"KICK {channel} {made.backend.own_id} :revenge")
    left = await made.wait_fact(f.ConversationLeft, lambda x: x.conversation == channel.lower())
    assert "revenge" in left.reason
    assert channel.lower() not in (await made.backend.ctx.state.get("channels") or "")


async def test_invite_both_ways(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    channel = unique_channel()
    made = await backends.connected(inspircd_server)
    assert (await made.backend.join(channel)).ok
    peer = await peers(inspircd_server)
    conv = ConversationId(made.rec.account_id, channel.lower())
    invited = await made.backend.invite(conv, peer.nick)
    assert invited.ok, invited.failure
    invite = await peer.wait_for(lambda m: m.command == "INVITE")
    assert invite.params[-1].lower() == channel.lower()

    their = unique_channel()
    await peer.join(their)
    await peer.send(f"INVITE {made.backend.own_id} {their}")
    fact = await made.wait_fact(f.InviteReceived)
    assert fact.conversation == their.lower()
    assert fact.inviter == peer.nick
    accepted = await made.backend.answer_invite(
        ConversationId(made.rec.account_id, fact.conversation), True
    )
    assert accepted.ok, accepted.failure
    await peer.wait_for(lambda m: m.command == "JOIN" and m.nick == made.backend.own_id)


async def test_channel_list(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    channel = unique_channel("#listed")
    peer = await peers(inspircd_server)
    await peer.join(channel)
    await set_topic_as(peer, channel, "Come in")
    made = await backends.connected(inspircd_server)
    listing = await made.backend.room_directory()
    assert isinstance(listing, tuple), listing
    row = next(c for c in listing if c.address.lower() == channel.lower())
    assert row.members == 1
    assert row.topic == "Come in"

    # a search matches names and topics, case-insensitively, from the cached list
    by_topic = await made.backend.room_directory("COME IN")
    assert isinstance(by_topic, tuple) and [r.address for r in by_topic] == [row.address]
    assert await made.backend.room_directory("no such channel anywhere") == ()
    # joining what the directory lists works as typed
    assert (await made.backend.join(row.address)).ok


async def test_private_query_both_ways_and_case_mapping(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made, peer = await asyncio.gather(
        backends.connected(inspircd_server), peers(inspircd_server, unique_nick("MiXeD"))
    )
    await peer.privmsg(made.backend.own_id, "hi in private")
    fact = await made.wait_fact(f.MessageReceived, lambda x: x.body == "hi in private")
    assert fact.conversation == peer.nick.lower()
    assert fact.conversation_kind is ConversationKind.DIRECT
    assert fact.sender == peer.nick
    assert not fact.outgoing

    result = await made.backend.send_message(
        ConversationId(made.rec.account_id, fact.conversation), OutgoingMessage("q1", "hello back")
    )
    assert result.ok
    await peer.wait_privmsg("hello back", sender=made.backend.own_id)

    channel = unique_channel("#CaSe")
    await made.backend.join(channel.upper())
    await peer.join(channel.lower())
    await peer.privmsg(channel, "same room")
    got = await made.wait_fact(f.MessageReceived, lambda x: x.body == "same room")
    assert got.conversation == channel.lower()


async def test_notice_and_action_both_ways(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made, peer = await asyncio.gather(backends.connected(inspircd_server), peers(inspircd_server))
    nick = made.backend.own_id
    await peer.send(f"NOTICE {nick} :a notice")
    await peer.send(f"PRIVMSG {nick} :\x01ACTION waves\x01")
    notice = await made.wait_fact(f.MessageReceived, lambda x: x.body == "a notice")
    assert notice.kind is MessageKind.NOTICE
    action = await made.wait_fact(f.MessageReceived, lambda x: x.body == "waves")
    assert action.kind is MessageKind.EMOTE

    conv = ConversationId(made.rec.account_id, peer.nick.lower())
    await made.backend.send_message(conv, OutgoingMessage("n1", "fyi", kind=MessageKind.NOTICE))
    await made.backend.send_message(conv, OutgoingMessage("e1", "nods", kind=MessageKind.EMOTE))
    got_notice = await peer.wait_for(lambda m: m.command == "NOTICE" and m.params[-1] == "fyi")
    assert got_notice.nick == nick
    await peer.wait_privmsg("\x01ACTION nods\x01", sender=nick)


async def set_topic_as(peer: Peer, channel: str, topic: str) -> None:
    """InspIRCd refuses a second topic change in the same second (437): try again until it takes."""
    while True:
        seen = len(peer.lines)
        await peer.send(f"TOPIC {channel} :{topic}")
        answer = await peer.wait_for(
            lambda m: (m.command == "TOPIC" and m.params[-1] == topic) or m.command == "437",
            start=seen,
        )
        if answer.command == "TOPIC":
            return
        # The server compares whole seconds: the change can only take in the next one.
        await asyncio.sleep(1.02 - time.time() % 1)


class SlowCtcp(FastIrcBackend):
    ctcp_burst = 3
    ctcp_rate = 0.01


async def test_ctcp_answered_with_a_rate_limit(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made, peer = await asyncio.gather(
        backends.connected(inspircd_server, cls=SlowCtcp), peers(inspircd_server)
    )
    nick = made.backend.own_id
    await peer.send(f"PRIVMSG {nick} :\x01VERSION\x01")
    version = await peer.wait_for(lambda m: m.command == "NOTICE" and "VERSION" in m.params[-1])
    assert "Chinwag" in version.params[-1]
    await peer.send(f"PRIVMSG {nick} :\x01PING 12345\x01")
    ping = await peer.wait_for(lambda m: m.command == "NOTICE" and "PING" in m.params[-1])
    assert ping.params[-1] == "\x01PING 12345\x01"

    for i in range(40):  # a flood: at most the rest of the burst is answered
        await peer.send(f"PRIVMSG {nick} :\x01PING flood{i}\x01")
    await peer.privmsg(nick, "still alive?")
    await made.wait_fact(f.MessageReceived, lambda x: x.body == "still alive?")
    # Our lines leave in order: once this arrives, every CTCP answer we gave is in.
    conv = ConversationId(made.rec.account_id, peer.nick.lower())
    await made.backend.send_message(conv, OutgoingMessage("sync", "yes"))
    await peer.wait_privmsg("yes")
    answered = [m for m in peer.received("NOTICE") if "flood" in m.params[-1]]
    assert len(answered) <= 1
    assert made.of(f.BadInput)  # the dropped requests were logged
    assert made.backend.connected
