"""The IRC backend inside a real core, with a proxy that fails on cue between it and InspIRCd:
reconnect (a *new* backend instance) rejoins the channels and signs in again, what was typed while
offline is delivered, and with echo-message a message is "sent" only once the server echoes it —
and is never sent twice when the echo is lost with the connection."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from app.backoff import Backoff
from app.core import Core, CoreContext
from app.models import (
    ConnectionState,
    ConversationId,
    DeliveryState,
    Message,
    MessageId,
)
from app.paths import AppPaths
from app.registry import BackendRegistry
from backends.irc import IrcBackend
from chinwag.testing import MemorySecretStore, wait_until
from tests.integration.irc.helpers import FastIrcBackend
from tests.integration.irc.peer import Peer, unique_channel, unique_nick
from tests.integration.irc.proxy import FlakyProxy
from tests.integration.irc.servers import PASSWORD, IrcServer

pytestmark = pytest.mark.integration
OpenPeer = Callable[..., Awaitable[Peer]]


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


@pytest.fixture
async def proxy(inspircd_server: IrcServer) -> AsyncIterator[FlakyProxy]:
    assert inspircd_server.tls_port is not None
    p = await FlakyProxy(inspircd_server.tls_port).start()
    try:
        yield p
    finally:
        await p.close()


async def message(core: Core, conv: ConversationId, local: MessageId) -> Message:
    page = await core.conversations.fetch_page(conv, limit=200)
    return next(m for m in page.messages if m.id == local)


async def delivered(
    core: Core, conv: ConversationId, local: MessageId, state: DeliveryState
) -> Message:
    return await wait_until(
        lambda: message(core, conv, local),
        check=lambda msg: msg.delivery is state,
        what=f"the message {state.name}",
    )


def backend_of(core: Core, account_id: str) -> IrcBackend | None:
    backend = core.sessions[account_id].backend
    assert backend is None or isinstance(backend, IrcBackend)
    return backend


async def add_account(core: Core, server: IrcServer, proxy: FlakyProxy) -> str:
    assert server.tls is not None
    account = await core.accounts.add_account(
        "irc",
        {
            "server": server.host,
            "port": proxy.port,
            "nick": unique_nick("Core"),
            "account": "reconnect",
            "ca_file": str(server.tls.ca_cert),
        },
        {"password": PASSWORD},
    )
    await wait_until(
        lambda: core.sessions[account.id].state.state is ConnectionState.CONNECTED, what="connected"
    )
    return account.id


async def test_reconnect_rejoins_signs_in_and_delivers_what_was_typed_offline(
    core: Core, proxy: FlakyProxy, inspircd_server: IrcServer, peers: OpenPeer
) -> None:
    account_id = await add_account(core, inspircd_server, proxy)
    first = backend_of(core, account_id)
    assert first is not None and first.account == "reconnect"
    channel = unique_channel()
    joined = await core.rooms.join(account_id, channel)
    assert joined.ok, joined.failure
    peer = await peers(inspircd_server)
    await peer.join(channel)
    conv = ConversationId(account_id, channel.lower())

    before = await core.messaging.send_message(conv, "before the drop")
    await peer.wait_privmsg("before the drop")
    await delivered(core, conv, before, DeliveryState.SENT)

    await proxy.go_offline()
    await wait_until(
        lambda: core.sessions[account_id].state.state is not ConnectionState.CONNECTED,
        what="the connection lost",
    )
    offline = await core.messaging.send_message(conv, "typed while offline")
    assert (await message(core, conv, offline)).delivery is DeliveryState.PENDING
    seen = len(peer.lines)

    await proxy.go_online()
    await wait_until(
        lambda: (b := backend_of(core, account_id)) is not None and b is not first,
        what="a new backend",
    )
    second = backend_of(core, account_id)
    assert second is not None
    assert second.account == "reconnect"  # signed in again (SASL)
    await peer.wait_for(
        lambda m: m.command == "JOIN" and m.nick == second.own_id, start=seen
    )  # rejoined the channel it was in
    got = await peer.wait_privmsg("typed while offline")
    assert got.nick == second.own_id
    await delivered(core, conv, offline, DeliveryState.SENT)
    texts = [m.params[-1] for m in peer.received("PRIVMSG")]
    assert texts.count("typed while offline") == 1


async def test_sent_only_when_the_server_echoes_it(
    core: Core, proxy: FlakyProxy, inspircd_server: IrcServer, peers: OpenPeer
) -> None:
    account_id = await add_account(core, inspircd_server, proxy)
    peer = await peers(inspircd_server)
    conv = (await core.conversations.open_direct(account_id, peer.nick.lower(), peer.nick)).id

    proxy.hold()  # the server's echo (and everything else it says) waits at the proxy
    held = await core.messaging.send_message(conv, "wait for the echo")
    await peer.wait_privmsg("wait for the echo")  # the server has it...
    assert (await message(core, conv, held)).delivery is DeliveryState.PENDING  # ...we do not
    proxy.release()
    msg = await delivered(core, conv, held, DeliveryState.SENT)
    assert msg.remote_id  # the echo's msgid


async def test_an_echo_lost_with_the_connection_is_never_sent_twice(
    core: Core, proxy: FlakyProxy, inspircd_server: IrcServer, peers: OpenPeer
) -> None:
    account_id = await add_account(core, inspircd_server, proxy)
    first = backend_of(core, account_id)
    peer = await peers(inspircd_server)
    conv = (await core.conversations.open_direct(account_id, peer.nick.lower(), peer.nick)).id

    proxy.hold()
    lost = await core.messaging.send_message(conv, "echo lost on the way")
    await peer.wait_privmsg("echo lost on the way")
    await proxy.go_offline()
    proxy.release()
    await proxy.go_online()
    await wait_until(
        lambda: (b := backend_of(core, account_id)) is not None and b is not first,
        what="a new backend",
    )

    failed = await delivered(core, conv, lost, DeliveryState.FAILED)
    assert "may not have been delivered" in failed.failure_reason
    after = await core.messaging.send_message(conv, "after the reconnect")
    await peer.wait_privmsg("after the reconnect")
    texts = [m.params[-1] for m in peer.received("PRIVMSG")]
    assert texts.count("echo lost on the way") == 1  # IRC cannot de-duplicate: not re-sent
    await delivered(core, conv, after, DeliveryState.SENT)


async def add_direct(core: Core, server: IrcServer) -> str:
    """An account straight to InspIRCd's TLS port (no proxy)."""
    assert server.tls is not None and server.tls_port is not None
    account = await core.accounts.add_account(
        "irc",
        {
            "server": server.host,
            "port": server.tls_port,
            "nick": unique_nick("Core"),
            "ca_file": str(server.tls.ca_cert),
        },
        {},
    )
    await wait_until(
        lambda: core.sessions[account.id].state.state is ConnectionState.CONNECTED, what="connected"
    )
    return account.id


async def test_blocked_people_are_neither_stored_nor_heard_and_typing_obeys_the_setting(
    core: Core, inspircd_server: IrcServer, peers: OpenPeer
) -> None:
    account_id = await add_direct(core, inspircd_server)
    backend = backend_of(core, account_id)
    assert backend is not None
    pest = await peers(inspircd_server)
    friend = await peers(inspircd_server, caps=("message-tags",))
    assert (await core.contacts.set_blocked(account_id, pest.nick, True)).ok
    await pest.privmsg(backend.own_id, "let me in")
    await friend.privmsg(backend.own_id, "hello there")
    friend_conv = ConversationId(account_id, friend.nick.lower())

    async def stored_ids() -> set[str]:
        listed = await core.conversations.list_conversations(account_id)
        return {c.id.native_id for c in listed}

    stored = await wait_until(  # the friend's came after the pest's
        stored_ids, check=lambda ids: friend_conv.native_id in ids, what="the friend's message"
    )
    assert pest.nick.lower() not in stored  # not stored, so never notified either

    await core.preferences.set("privacy.send_typing", False)
    await core.messaging.set_typing(friend_conv, True)
    await core.messaging.send_message(friend_conv, "typed without telling")
    await friend.wait_privmsg("typed without telling")
    assert not friend.received("TAGMSG")
    await core.preferences.set("privacy.send_typing", True)
    await core.messaging.set_typing(friend_conv, True)
    await friend.wait_for(lambda m: m.command == "TAGMSG" and "+typing=active" in m.tags)


async def test_channels_we_run_and_details_through_the_core(
    core: Core, inspircd_server: IrcServer, peers: OpenPeer
) -> None:
    from app.backend import RoomOptions
    from app.models import Role

    account_id = await add_direct(core, inspircd_server)
    channel = unique_channel("#core")
    options = RoomOptions(password="sesame", moderated=True)
    created = await core.rooms.create_room(account_id, channel, options=options)
    assert created.ok and created.value == channel.lower(), created.failure
    peer = await peers(inspircd_server)
    await peer.join(channel, "sesame")
    start = len(peer.lines)
    await peer.send(f"MODE {channel}")
    modes = (await peer.wait_for(lambda m: m.command == "324", start=start)).params[2]
    assert {"s", "k", "m"} <= set(modes)
    conv = ConversationId(account_id, channel.lower())
    assert (await core.rooms.set_role(conv, peer.nick, Role.MEMBER)).ok
    await peer.wait_for(lambda m: m.command == "MODE" and m.params[1:] == ("+v", peer.nick))
    assert (await core.rooms.ban(conv, "*!*@spam.example")).ok
    bans = await core.rooms.ban_list(conv)
    assert [b.mask for b in bans] == ["*!*@spam.example"]
    details = await core.contacts.details(account_id, peer.nick)
    assert details.online and any(c.endswith(channel) for c in details.channels)
