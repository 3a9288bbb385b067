"""Blocking (XEP-0191): block and unblock, the server enforces it, and every device hears of it."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import pytest
from slixmpp.exceptions import IqError

from app import facts as f
from tests.integration.xmpp.conftest import Backends, PeerFactory
from tests.integration.xmpp.peer import Peer

pytestmark = pytest.mark.integration


def blocked(contact: str, state: bool) -> Callable[[f.ContactsChanged], bool]:
    return lambda c: (
        any(x.id.native_id == contact and x.blocked is state for x in c.upserted)
        or (not state and contact in c.removed)
    )


async def test_block_and_unblock(xmpp: Backends, peers: PeerFactory) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    assert (await me.backend.set_blocked(peer.jid, True)).ok
    await me.wait(f.ContactsChanged, blocked(peer.jid, True))

    peer.chat(me.account.jid, "can you hear me?")
    error = await peer.wait_message(lambda m: m.get("type") == "error")  # the server refuses it
    assert error.find("{jabber:client}error") is not None
    await asyncio.sleep(0.3)
    assert not [m for m in me.of(f.MessageReceived) if m.body == "can you hear me?"]

    assert (await me.backend.set_blocked(peer.jid, False)).ok
    await me.wait(f.ContactsChanged, blocked(peer.jid, False))
    peer.chat(me.account.jid, "and now?")
    await me.wait(f.MessageReceived, lambda m: m.body == "and now?")


async def test_blocks_from_another_device_and_at_sign_in(
    xmpp: Backends, peers: PeerFactory
) -> None:
    me = await xmpp.open()
    phone: Peer = await peers(me.account, resource="phone")
    await phone.iq(
        "set", None, "<block xmlns='urn:xmpp:blocking'><item jid='spammer@example.org'/></block>"
    )
    await me.wait(f.ContactsChanged, blocked("spammer@example.org", True))

    await me.backend.disconnect()
    again = await xmpp.reopen(me)
    listing = await again.wait(f.ContactsChanged, lambda c: c.complete and bool(c.upserted))
    assert [(c.id.native_id, c.blocked) for c in listing.upserted] == [
        ("spammer@example.org", True)
    ]


async def test_block_pushes_from_anyone_but_our_server_change_nothing(
    xmpp: Backends, peers: PeerFactory, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="chinwag.testing")  # the kit context's logger
    me = await xmpp.open()
    stranger: Peer = await peers()
    friend: Peer = await peers()
    assert (await me.backend.set_blocked("spammer@example.org", True)).ok
    await me.wait(f.ContactsChanged, blocked("spammer@example.org", True))
    session = me.backend._session
    assert session is not None
    our_device = session.client.boundjid.full
    before = len(me.facts)

    for payload in (  # block a friend, unblock everyone, unblock the spammer
        f"<block xmlns='urn:xmpp:blocking'><item jid='{friend.jid}'/></block>",
        "<unblock xmlns='urn:xmpp:blocking'/>",
        "<unblock xmlns='urn:xmpp:blocking'><item jid='spammer@example.org'/></unblock>",
    ):
        with pytest.raises(IqError) as refused:
            await stranger.iq("set", our_device, payload)
        assert refused.value.iq["error"]["condition"] == "service-unavailable"

    await asyncio.sleep(0.3)
    ignored = [r for r in caplog.records if "ignored a block list push" in r.getMessage()]
    assert len(ignored) == 3  # they reached us (the server did not refuse them for us)
    assert not [x for x in me.facts[before:] if isinstance(x, f.ContactsChanged)]
    services = me.backend._services
    assert services is not None and services.roster.blocked == {"spammer@example.org"}
    friend.chat(me.account.jid, "still friends")  # the server was never told to block them
    await me.wait(f.MessageReceived, lambda m: m.body == "still friends")
