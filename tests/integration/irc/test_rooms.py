"""Channels we create and run, against the real InspIRCd, each change checked at a raw peer:
creating (+s), the password, invite-only and moderated modes, roles (+o/+v), the ban list, and
what happens when we are not the operator."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from app.backend import FailureKind, RoomOptions
from app.models import ConversationId, Role
from chinwag.testing import wait_until
from tests.integration.irc.helpers import BackendFactory, Made
from tests.integration.irc.peer import Peer, unique_channel
from tests.integration.irc.servers import IrcServer

pytestmark = pytest.mark.integration
OpenPeer = Callable[..., Awaitable[Peer]]


def conv(made: Made, native: str) -> ConversationId:
    return ConversationId(made.rec.account_id, native.lower())


async def modes_seen_by(peer: Peer, channel: str) -> str:
    start = len(peer.lines)
    await peer.send(f"MODE {channel}")
    reply = await peer.wait_for(lambda m: m.command == "324", start=start)
    return reply.params[2]


async def test_create_a_secret_channel_and_set_it_up(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made = await backends.connected(inspircd_server)
    channel = unique_channel("#made")
    created = await made.backend.create_room(channel)
    assert created.ok and created.value == channel.lower(), created.failure
    assert made.backend.members(channel)[made.backend.own_id] == "@"
    peer = await peers(inspircd_server)
    await peer.join(channel)  # a secret channel's modes show only to its members
    assert "s" in await modes_seen_by(peer, channel)

    where = conv(made, channel)
    options = RoomOptions(password="sesame", invite_only=False, moderated=True)
    assert (await made.backend.configure_room(where, options)).ok
    modes = await modes_seen_by(peer, channel)
    assert {"s", "m", "k"} <= set(modes) and "i" not in modes
    start = len(peer.lines)
    await peer.privmsg(channel, "can anyone hear me?")
    await peer.wait_for(lambda m: m.command == "404", start=start)  # +m: no voice, no say
    late = await peers(inspircd_server)
    start = len(late.lines)
    await late.send(f"JOIN {channel}")
    await late.wait_for(lambda m: m.command == "475", start=start)  # no key: refused
    await late.join(channel, "sesame")

    # Nothing to change: answered at once, not after a timeout.
    assert (await made.backend.configure_room(where, options)).ok
    assert (await made.backend.configure_room(where, RoomOptions(public=True))).ok
    modes = await modes_seen_by(peer, channel)
    assert not {"s", "m", "k", "i"} & set(modes)


async def test_creating_a_channel_someone_else_runs_is_refused(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    owner = await peers(inspircd_server)
    channel = unique_channel("#theirs")
    await owner.join(channel)
    made = await backends.connected(inspircd_server)
    refused = await made.backend.create_room(channel)
    assert refused.failure is not None and refused.failure.kind is FailureKind.REJECTED
    assert "someone else runs it" in refused.failure.message
    where = conv(made, channel)
    denied = await made.backend.set_role(where, owner.nick, Role.MEMBER)
    assert denied.failure is not None and denied.failure.kind is FailureKind.REJECTED
    denied = await made.backend.configure_room(where, RoomOptions(moderated=True))
    assert denied.failure is not None and denied.failure.kind is FailureKind.REJECTED


async def test_roles_are_given_and_taken(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made = await backends.connected(inspircd_server)
    channel = unique_channel("#roles")
    assert (await made.backend.create_room(channel, public=True)).ok
    peer = await peers(inspircd_server)
    await peer.join(channel)
    # The peer's JOIN reaches our connection a moment later: roles are given to known members.
    await wait_until(lambda: peer.nick in made.backend.members(channel), what="the peer a member")
    where = conv(made, channel)
    for role, prefix, change in (
        (Role.ADMIN, "@", "+o"),
        (Role.MEMBER, "+", "+v-o"),
        (Role.VISITOR, "", "-v"),
    ):
        start = len(peer.lines)
        assert (await made.backend.set_role(where, peer.nick, role)).ok
        seen = await peer.wait_for(lambda m: m.command == "MODE", start=start)
        assert seen.params[1] == change
        assert made.backend.members(channel)[peer.nick] == prefix
    missing = await made.backend.set_role(where, "nobody-here", Role.ADMIN)
    assert missing.failure is not None


async def test_the_ban_list(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made = await backends.connected(inspircd_server)
    channel = unique_channel("#bans")
    assert (await made.backend.create_room(channel, public=True)).ok
    pest = await peers(inspircd_server)
    await pest.join(channel)
    await wait_until(lambda: pest.nick in made.backend.members(channel), what="the pest a member")
    where = conv(made, channel)
    assert (await made.backend.ban_list(where)) == ()

    banned = await made.backend.ban(where, pest.nick, "enough")
    assert banned.ok and banned.value == f"{pest.nick}!*@*"
    await pest.wait_for(lambda m: m.command == "KICK" and m.params[1] == pest.nick)
    listed = await made.backend.ban_list(where)
    assert isinstance(listed, tuple)
    assert [(b.mask, b.set_by.split("!")[0]) for b in listed] == [
        (f"{pest.nick}!*@*", made.backend.own_id)
    ]
    assert listed[0].set_at is not None
    start = len(pest.lines)
    await pest.send(f"JOIN {channel}")
    await pest.wait_for(lambda m: m.command == "474", start=start)

    refused = await made.backend.ban(where, "*!*@*")
    assert refused.failure is not None and "matches everyone" in refused.failure.message

    assert (await made.backend.unban(where, f"{pest.nick}!*@*")).ok
    assert (await made.backend.ban_list(where)) == ()
    await pest.join(channel)

    assert (await made.backend.leave(where, "closing")).ok  # closing: we part
    await pest.wait_for(lambda m: m.command == "PART" and m.nick == made.backend.own_id)
