"""OMEMO end to end against Prosody: both versions, trust, files, rooms, archives, failures.

The other side is another Chinwag backend (two app accounts) or an independent slixmpp-omemo
client (:mod:`tests.integration.xmpp.omemo_peer`) that writes and reads its own XEP-0420 envelopes.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from app import facts as f
from app.backend import OutgoingMessage
from app.models import ConversationId, Trust
from tests.integration.xmpp.conftest import Backends
from tests.integration.xmpp.helpers import Connected
from tests.integration.xmpp.omemo_peer import OLD, SCE, TWO, OmemoPeer
from tests.integration.xmpp.server import Account, ProsodyServer

pytestmark = pytest.mark.integration

OmemoPeers = Callable[..., Awaitable[OmemoPeer]]


@pytest.fixture
async def omemo_peers(prosody: ProsodyServer) -> AsyncIterator[OmemoPeers]:
    started: list[OmemoPeer] = []

    async def start(
        account: Account | None = None, resource: str = "omemo", *, legacy: bool = False
    ) -> OmemoPeer:
        peer = OmemoPeer(prosody, account or prosody.new_account("opeer"), resource, legacy)
        started.append(peer)
        return await peer.start()

    yield start
    for peer in started:
        await peer.stop()


def conv(me: Connected, other: str) -> ConversationId:
    return ConversationId(me.rec.account_id, other)


async def send(me: Connected, to: str, txn: str, text: str) -> None:
    result = await me.backend.send_message(conv(me, to), OutgoingMessage(txn, text))
    assert result.ok, result.failure


async def received(me: Connected, text: str, timeout: float = 30) -> f.MessageReceived:
    return await me.wait(f.MessageReceived, lambda m: m.body == text, timeout=timeout)


def no_empty_messages(me: Connected) -> None:
    """Heartbeats and key-transport messages never show as (empty) messages."""
    assert all(m.body.strip() for m in me.of(f.MessageReceived)), me.of(f.MessageReceived)


async def test_two_app_accounts_talk_omemo2_both_ways(xmpp: Backends) -> None:
    alice, bob = await xmpp.open(), await xmpp.open()
    await alice.backend.open_direct(bob.account.jid)
    on = await alice.wait(f.ConversationUpdated, lambda c: c.encrypted is True, timeout=30)
    assert on.conversation == bob.account.jid and on.trust is Trust.UNVERIFIED
    result = await alice.backend.send_message(
        conv(alice, bob.account.jid), OutgoingMessage("txn-o-1", "secret hello")
    )
    assert result.ok and result.trust is Trust.UNVERIFIED
    got = await received(bob, "secret hello")
    assert got.trust is Trust.UNVERIFIED and got.conversation == alice.account.jid
    await bob.wait(f.ConversationUpdated, lambda c: c.encrypted is True)
    await send(bob, alice.account.jid, "txn-o-2", "secret answer")
    back = await received(alice, "secret answer")
    assert back.trust is Trust.UNVERIFIED
    no_empty_messages(alice)
    no_empty_messages(bob)


async def test_app_and_plain_client_both_versions(xmpp: Backends, omemo_peers: OmemoPeers) -> None:
    me = await xmpp.open()
    peer = await omemo_peers()
    # OMEMO 2, the peer's own envelope → us
    await peer.send_twomemo(me.account.jid, "two from the peer")
    got = await received(me, "two from the peer")
    assert got.trust is Trust.UNVERIFIED
    # OMEMO 0.3 through slixmpp-omemo's own call → us
    await peer.send_oldmemo(me.account.jid, "old from the peer")
    assert (await received(me, "old from the peer")).trust is Trust.UNVERIFIED
    # us → the peer: its device speaks OMEMO 2, so it gets OMEMO 2 with a full envelope
    await send(me, peer.jid, "txn-p-1", "from the app")
    out = await peer.wait_decrypted(lambda d: d.body == "from the app")
    assert out.namespace == TWO and out.envelope is not None
    envelope = out.envelope
    assert envelope.find(f"{{{SCE}}}rpad") is not None
    assert envelope.find(f"{{{SCE}}}time").get("stamp", "").endswith("Z")  # type: ignore[union-attr]
    assert envelope.find(f"{{{SCE}}}to").get("jid") == peer.jid  # type: ignore[union-attr]
    assert envelope.find(f"{{{SCE}}}from").get("jid") == me.account.jid  # type: ignore[union-attr]
    wire = out.stanza
    assert wire.find(f"{{{OLD}}}encrypted") is None  # nobody needed 0.3
    assert wire.find("{jabber:client}body") is None  # XEP-0420: no fallback body
    assert wire.find("{urn:xmpp:hints}store") is not None
    assert wire.find("{urn:xmpp:sid:0}origin-id").get("id") == "txn-p-1"  # type: ignore[union-attr]
    assert peer.failures == []
    no_empty_messages(me)


async def test_legacy_device_gets_omemo_03_and_a_mixed_account_gets_both(
    xmpp: Backends, omemo_peers: OmemoPeers, prosody: ProsodyServer
) -> None:
    me = await xmpp.open()
    bob = prosody.new_account("bob")
    legacy = await omemo_peers(bob, "legacy", legacy=True)
    await send(me, bob.jid, "txn-l-1", "to the old client")
    got = await legacy.wait_decrypted(lambda d: d.body == "to the old client")
    assert got.namespace == OLD
    assert got.stanza.find("{jabber:client}body") is not None  # 0.3 clients expect a fallback
    await legacy.send_oldmemo(me.account.jid, "old answer")
    await received(me, "old answer")
    # bob adds a device that speaks OMEMO 2: one stanza, each device in its newest version
    modern = await omemo_peers(bob, "modern")
    await modern.devices_of(me.account.jid)
    await send(me, bob.jid, "txn-l-2", "to both of bob's devices")
    two = await modern.wait_decrypted(lambda d: d.body == "to both of bob's devices")
    old = await legacy.wait_decrypted(lambda d: d.body == "to both of bob's devices")
    assert two.namespace == TWO and old.namespace == OLD
    wire = two.stanza
    assert wire.find(f"{{{TWO}}}encrypted") is not None
    assert wire.find(f"{{{OLD}}}encrypted") is not None
    assert legacy.failures == [] and modern.failures == []
