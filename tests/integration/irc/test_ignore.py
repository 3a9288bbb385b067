"""Ignoring people through the blocking feature, against the real servers: a nick or a
``nick!user@host`` mask, kept out by the server's SILENCE list on InspIRCd and dropped by the
backend everywhere (ngIRCd has no SILENCE); kept across a reconnect; ``*!*@*`` refused."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from app import facts as f
from app.backend import Capability, FailureKind
from chinwag.testing import wait_until
from tests.integration.irc.helpers import BackendFactory, Made, settings_for
from tests.integration.irc.peer import Peer, unique_channel
from tests.integration.irc.servers import IrcServer

pytestmark = pytest.mark.integration
OpenPeer = Callable[..., Awaitable[Peer]]


def record_raw(made: Made) -> list[bytes]:
    """Every line the server sends this backend, as it arrives (to tell the server's SILENCE
    from the backend's own dropping)."""
    raw: list[bytes] = []
    session = made.backend._session
    handle = session.handle_chunk

    def recording(lines: list[bytes]) -> None:
        raw.extend(lines)
        handle(lines)

    session.handle_chunk = recording  # type: ignore[method-assign]
    return raw


async def until_seen(made: Made, peer: Peer, text: str) -> None:
    await peer.privmsg(made.backend.own_id, text)
    await made.wait_fact(f.MessageReceived, lambda x: x.body == text)


@pytest.mark.parametrize("server_name", ["inspircd", "ngircd"])
async def test_a_blocked_nick_is_not_heard_until_unblocked(
    server_name: str,
    request: pytest.FixtureRequest,
    backends: BackendFactory,
    peers: OpenPeer,
) -> None:
    server: IrcServer = request.getfixturevalue(f"{server_name}_server")
    made = await backends.connected(server)
    assert made.backend.capabilities() & Capability.BLOCKING
    pest, friend = await peers(server), await peers(server)
    raw = record_raw(made)

    outcome = await made.backend.set_blocked(pest.nick, True)
    assert outcome.ok and outcome.value == f"{pest.nick}!*@*"
    blocked = await made.wait_fact(f.ContactsChanged, lambda x: x.upserted)
    assert [(c.id.native_id, c.blocked) for c in blocked.upserted] == [(pest.nick.lower(), True)]
    server_side = "SILENCE" in made.backend.info.raw
    assert server_side is (server_name == "inspircd")

    await pest.privmsg(made.backend.own_id, "buy my stuff")
    await pest.send(f"PRIVMSG {made.backend.own_id} :\x01VERSION\x01")
    await pest.send(f"INVITE {made.backend.own_id} #spam")
    await until_seen(made, friend, "a friend gets through")  # everything before it has arrived
    assert not [x for x in made.of(f.MessageReceived) if x.sender == pest.nick]
    assert not made.of(f.InviteReceived)
    assert not [m for m in pest.received("NOTICE") if "VERSION" in m.params[-1]]  # no answer
    if server_side:  # the server kept it from us: it never reached the socket
        assert not [r for r in raw if b"buy my stuff" in r]

    assert (await made.backend.set_blocked(pest.nick, False)).ok
    await until_seen(made, pest, "sorry, hello")


async def test_a_mask_by_user_and_host(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made = await backends.connected(inspircd_server)
    pest, friend = await peers(inspircd_server), await peers(inspircd_server)
    # Every peer connects from 127.0.0.1, so the user name tells them apart.
    mask = f"*!{pest.nick[:10]}@127.0.0.1"
    assert (await made.backend.set_blocked(mask, True)).ok
    await pest.privmsg(made.backend.own_id, "from the masked one")
    await until_seen(made, friend, "from the other one")
    assert not [x for x in made.of(f.MessageReceived) if x.sender == pest.nick]
    # A mask is no person: it is listed in the "Blocked" list as itself, never as a contact.
    listed = [c for x in made.of(f.ContactsChanged) for c in x.upserted]
    assert [(c.id.native_id, c.blocked) for c in listed] == [(mask, True)]
    assert (await made.backend.set_blocked(mask, False)).ok
    assert made.of(f.ContactsChanged)[-1].removed[0] == mask


@pytest.mark.parametrize("mask", ["*", "*!*@*", "?*!*@*", "*@*"])
async def test_a_mask_that_matches_everyone_is_refused(
    inspircd_server: IrcServer, backends: BackendFactory, mask: str
) -> None:
    made = await backends.connected(inspircd_server)
    refused = await made.backend.set_blocked(mask, True)
    assert refused.failure is not None and refused.failure.kind is FailureKind.REJECTED
    assert "matches everyone" in refused.failure.message
    assert not made.backend._saved.ignored


async def test_ignoring_survives_a_reconnect(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    first = await backends.connected(inspircd_server)
    pest = await peers(inspircd_server)
    assert (await first.backend.set_blocked(pest.nick, True)).ok
    state = dict(first.backend.ctx.state.values)  # type: ignore[attr-defined]
    await first.backend.disconnect()

    second = backends.new(settings_for(inspircd_server), state=state)
    raw = record_raw(second)
    assert (await second.backend.connect()).ok
    listed = await second.wait_fact(f.ContactsChanged, lambda x: x.complete)
    assert [(c.id.native_id, c.blocked) for c in listed.upserted] == [(pest.nick.lower(), True)]
    # The server's list was set again (it lasts one connection only).
    await wait_until(
        lambda: any(b"SILENCE" in r and pest.nick.encode() in r for r in raw),
        what="SILENCE sent again for the pest",
    )
    friend = await peers(inspircd_server)
    await pest.privmsg(second.backend.own_id, "remember me?")
    await until_seen(second, friend, "after the reconnect")
    assert not [x for x in second.of(f.MessageReceived) if x.sender == pest.nick]


@pytest.mark.parametrize("server_name", ["inspircd", "ngircd"])
async def test_only_contacts_may_message_us_privately(
    server_name: str,
    request: pytest.FixtureRequest,
    backends: BackendFactory,
    peers: OpenPeer,
) -> None:
    server: IrcServer = request.getfixturevalue(f"{server_name}_server")
    made = await backends.connected(server, contacts_only=True)
    friend, stranger = await peers(server), await peers(server)
    assert (await made.backend.add_contact(friend.nick)).ok
    raw = record_raw(made)
    callerid = "CALLERID" in made.backend.info.raw
    assert callerid is (server_name == "inspircd")

    await stranger.privmsg(made.backend.own_id, "who are you?")
    if callerid:  # the server refused it and told the stranger (ERR_TARGUMODEG)
        await stranger.wait_for(lambda m: m.command == "716")
    await until_seen(made, friend, "a friend is heard")
    assert not [x for x in made.of(f.MessageReceived) if x.sender == stranger.nick]
    if callerid:
        assert not [r for r in raw if b"who are you?" in r]
    # Channels are not private messages: a stranger is heard there.
    channel = unique_channel()
    await made.backend.join(channel)
    await stranger.join(channel)
    await stranger.privmsg(channel, "hello everyone")
    await made.wait_fact(f.MessageReceived, lambda x: x.body == "hello everyone")
