"""Slash commands against InspIRCd. The core (``core.commands``) carries out the generic ones
(/me /join /part /topic /msg …) itself and hands IRC's own (/nick /whois /away /quote /notice /ctcp
/mode /op /voice …) to ``run_command``, which refuses the generic ones; message text is never
interpreted."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from app import facts as f
from app.backend import FailureKind, OutgoingMessage
from app.backoff import Backoff
from app.core import Core, CoreContext
from app.models import ConnectionState, ConversationId, PresenceState
from app.paths import AppPaths
from app.registry import BackendRegistry
from chinwag.testing import MemorySecretStore, wait_until
from tests.integration.irc.helpers import BackendFactory, FastIrcBackend, Made
from tests.integration.irc.peer import Peer, unique_channel, unique_nick
from tests.integration.irc.servers import IrcServer

pytestmark = pytest.mark.integration
OpenPeer = Callable[..., Awaitable[Peer]]


def conv_of(made: Made, native: str) -> ConversationId:
    return ConversationId(made.rec.account_id, native)


async def test_irc_commands(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made, peer = await asyncio.gather(backends.connected(inspircd_server), peers(inspircd_server))
    backend = made.backend
    channel = unique_channel()
    assert (await backend.join(channel)).ok  # first in: op
    await peer.join(channel)
    here = conv_of(made, channel.lower())

    whois = await backend.run_command(here, "whois", peer.nick)
    assert whois.ok and whois.value is not None and peer.nick in whois.value
    notice = await made.wait_fact(f.ServiceNotice, lambda x: x.text.startswith("WHOIS"))
    assert notice.conversation == channel.lower()
    missing = await backend.run_command(here, "whois", "nobody-at-all")
    assert missing.failure is not None and "No such nick" in missing.failure.message

    assert (await backend.run_command(here, "away", "back soon")).ok
    away = await made.wait_fact(f.OwnPresenceChanged)
    assert away.presence.state is PresenceState.AWAY
    assert (await backend.run_command(here, "back", "")).ok
    await made.wait_fact(
        f.OwnPresenceChanged, lambda x: x.presence.state is PresenceState.AVAILABLE
    )

    assert (await backend.run_command(here, "quote", f"PRIVMSG {peer.nick} :raw line")).ok
    await peer.wait_privmsg("raw line")
    assert (await backend.run_command(here, "notice", f"{peer.nick} heads up")).ok
    await peer.wait_for(lambda m: m.command == "NOTICE" and m.params[-1] == "heads up")
    assert (await backend.run_command(here, "ctcp", f"{peer.nick} version")).ok
    await peer.wait_for(lambda m: m.params[-1:] == ("\x01VERSION\x01",))
    assert (await backend.run_command(here, "mode", f"+v {peer.nick}")).ok
    mode = await peer.wait_for(lambda m: m.command == "MODE")
    assert mode.params[1:] == ("+v", peer.nick)
    assert (await backend.run_command(here, "op", peer.nick)).ok  # HexChat's shorthand
    await peer.wait_for(lambda m: m.command == "MODE" and m.params[1:] == ("+o", peer.nick))
    assert (await backend.run_command(here, "devoice", peer.nick)).ok
    await peer.wait_for(lambda m: m.command == "MODE" and m.params[1:] == ("-v", peer.nick))

    new_nick = unique_nick("Renamed")
    assert (await backend.run_command(here, "nick", new_nick)).ok
    assert backend.own_id == new_nick
    await peer.wait_for(lambda m: m.command == "NICK" and m.params[-1] == new_nick)

    # The generic ones have one meaning, the core's: the backend refuses them (and sends nothing).
    for generic in ("me", "topic", "part", "join", "msg", "kick", "invite"):
        refused = await backend.run_command(here, generic, "waves")
        assert refused.failure is not None and refused.failure.kind is FailureKind.UNSUPPORTED
    assert not [m for m in peer.lines if m.command in ("TOPIC", "PART") or "ACTION" in m.raw]


async def test_bad_commands_fail_with_words(
    inspircd_server: IrcServer, backends: BackendFactory
) -> None:
    made = await backends.connected(inspircd_server)
    query = conv_of(made, "someone")
    unknown = await made.backend.run_command(query, "frobnicate", "now")
    assert unknown.failure is not None and unknown.failure.kind is FailureKind.UNSUPPORTED
    usage = await made.backend.run_command(query, "ctcp", "")
    assert usage.failure is not None and usage.failure.message.startswith("Usage: /ctcp")
    raw = await made.backend.run_command(query, "quote", ":::")
    assert raw.failure is not None
    not_here = await made.backend.run_command(query, "part", "")  # a query is not a channel
    assert not_here.failure is not None
    op_here = await made.backend.run_command(query, "op", "someone")  # only in a channel
    assert op_here.failure is not None and "channel" in op_here.failure.message
    taken = await made.backend.run_command(query, "nick", "NickServ")
    assert taken.failure is not None and taken.failure.kind is FailureKind.REJECTED
    assert made.backend.connected


@pytest.fixture
async def core(tmp_path: Path) -> AsyncIterator[Core]:
    ctx = CoreContext(
        paths=AppPaths.in_profile(tmp_path / "profile"),
        registry=BackendRegistry(classes=[FastIrcBackend]),
        secrets=MemorySecretStore(),
        backoff_factory=lambda: Backoff(base=0.1, cap=0.4, rng=random.Random(7)),
        connect_timeout=30.0,
    )
    core = Core(ctx)
    await core.start()
    try:
        yield core
    finally:
        await core.stop()


async def test_commands_through_the_core_and_text_is_never_a_command(
    core: Core, inspircd_server: IrcServer, peers: OpenPeer
) -> None:
    assert inspircd_server.tls is not None and inspircd_server.tls_port is not None
    account = await core.accounts.add_account(
        "irc",
        {
            "server": inspircd_server.host,
            "port": inspircd_server.tls_port,
            "nick": unique_nick("Cmd"),
            "ca_file": str(inspircd_server.tls.ca_cert),
        },
    )
    peer = await peers(inspircd_server)
    await wait_until(
        lambda: core.sessions[account.id].state.state,
        check=lambda state: state is ConnectionState.CONNECTED,
        what="the account connected",
    )
    conv = (await core.conversations.open_direct(account.id, peer.nick.lower(), peer.nick)).id
    assert "whois" in await core.messaging.command_names(conv)
    done = await core.messaging.run_command(conv, "quote", f"PRIVMSG {peer.nick} :via the core")
    assert done.ok, done.failure
    await peer.wait_privmsg("via the core")
    # The generic ones, typed as the window hands them over, carried out by the core.
    channel = unique_channel()
    joined = await core.commands.run(conv, f"/join {channel}")
    assert joined.outcome.ok, joined.outcome.failure
    await peer.join(channel)
    room = ConversationId(account.id, channel.lower())
    assert (await core.commands.run(room, "/me waves")).outcome.ok
    await peer.wait_privmsg("\x01ACTION waves\x01")
    assert (await core.commands.run(room, "/topic Typed topic")).outcome.ok
    await peer.wait_for(lambda m: m.command == "TOPIC" and m.params[-1] == "Typed topic")
    whois = await core.commands.run(room, f"/whois {peer.nick}")  # IRC's own, via the backend
    assert whois.outcome.ok and peer.nick in (whois.outcome.value or "")
    banned = await core.commands.run(room, f"/ban {peer.nick} spamming")
    assert banned.outcome.ok, banned.outcome.failure
    ban = await peer.wait_for(lambda m: m.command == "MODE" and "+b" in m.params)
    mask = ban.params[-1]
    assert mask.lower().startswith(peer.nick.lower())
    await peer.wait_for(lambda m: m.command == "KICK" and m.params[1] == peer.nick)  # and out
    assert mask in [entry.mask for entry in await core.rooms.ban_list(room)]
    assert (await core.commands.run(room, f"/unban {mask}")).outcome.ok
    # The list asked on the same connection after the -b: the server has carried it out.
    assert mask not in [entry.mask for entry in await core.rooms.ban_list(room)]
    await peer.join(channel)  # let back in: a ban still in place would answer 474
    assert (await core.commands.run(room, "/part so long")).outcome.ok
    part = await peer.wait_for(lambda m: m.command == "PART")
    assert part.params[-1] == "so long"
    # What the UI sends as a message is text, even when it starts with a slash ("//x" → "/x").
    await core.messaging.send_message(conv, "/not a command")
    await peer.wait_privmsg("/not a command")


async def test_message_text_is_sent_as_typed(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made, peer = await asyncio.gather(backends.connected(inspircd_server), peers(inspircd_server))
    conv = conv_of(made, peer.nick.lower())
    sent = await made.backend.send_message(conv, OutgoingMessage("lit", "/quote QUIT"))
    assert sent.ok
    await peer.wait_privmsg("/quote QUIT")
    assert made.backend.connected
