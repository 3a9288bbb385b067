"""OMEMO end to end against Prosody: both versions, trust, files, rooms, archives, failures.

The other side is another Chinwag backend (two app accounts) or an independent slixmpp-omemo
client (:mod:`tests.integration.xmpp.omemo_peer`) that writes and reads its own XEP-0420 envelopes.
"""

from __future__ import annotations

import asyncio
import base64
import uuid
import xml.etree.ElementTree as ET
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from app import facts as f
from app.backend import Failure, OutgoingMessage
from app.models import Attachment, ConversationId, DeviceTrust, Trust
from backends.xmpp.omemo.engine import OmemoEngine
from tests.integration.xmpp.conftest import Backends, PeerFactory
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


class OmemoBackends(Backends):
    """Each instance opened here has started OMEMO before the test goes on (see omemo_ready)."""

    async def open(
        self, account: Account | None = None, **overrides: str | int | bool
    ) -> Connected:
        conn = await super().open(account, **overrides)
        await omemo_ready(conn)
        return conn

    async def reopen(self, old: Connected) -> Connected:
        conn = await super().reopen(old)
        await omemo_ready(conn)
        return conn


@pytest.fixture
async def xmpp(prosody: ProsodyServer, tmp_path: Path) -> AsyncIterator[Backends]:
    backends = OmemoBackends(prosody, tmp_path)
    yield backends
    await backends.close_all()


def conv(me: Connected, other: str) -> ConversationId:
    return ConversationId(me.rec.account_id, other)


async def send(me: Connected, to: str, txn: str, text: str) -> None:
    result = await me.backend.send_message(conv(me, to), OutgoingMessage(txn, text))
    assert result.ok, result.failure


async def received(me: Connected, text: str, timeout: float = 60) -> f.MessageReceived:
    return await me.wait(f.MessageReceived, lambda m: m.body == text, timeout=timeout)


def no_empty_messages(me: Connected) -> None:
    """Heartbeats and key-transport messages never show as (empty) messages."""
    assert all(m.body.strip() for m in me.of(f.MessageReceived)), me.of(f.MessageReceived)


async def omemo_ready(*people: Connected) -> None:
    """OMEMO starts in the background after sign-in (never on the way to being online): wait
    until each has published its devices, as a person who has been online a while has."""
    for me in people:
        services = me.backend._services
        assert services is not None
        assert await services.omemo.engine.wait_ready(timeout=120) is not None


async def test_two_app_accounts_talk_omemo2_both_ways(xmpp: Backends) -> None:
    alice, bob = await xmpp.open(), await xmpp.open()
    await alice.backend.open_direct(bob.account.jid)
    on = await alice.wait(f.ConversationUpdated, lambda c: c.encrypted is True)
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
    # key transport without a payload (OMEMO 0.3): nothing to show, and the new session works
    assert await legacy.send_empty(me.account.jid) == 1
    await legacy.send_oldmemo(me.account.jid, "after an empty message")
    await received(me, "after an empty message")
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
    # the same in OMEMO 2
    assert await modern.send_empty(me.account.jid) == 1
    await modern.send_twomemo(me.account.jid, "after an empty OMEMO 2 message")
    await received(me, "after an empty OMEMO 2 message")
    no_empty_messages(me)
    assert not [m for m in me.of(f.MessageReceived) if m.trust is Trust.UNREADABLE]


async def test_group_chat_members_only_non_anonymous(xmpp: Backends) -> None:
    alice, bob = await xmpp.open(), await xmpp.open()
    outcome = await alice.backend.create_room(f"omemo-{uuid.uuid4().hex[:6]}", public=False)
    assert outcome.ok, outcome.failure
    room = outcome.value
    assert room is not None
    assert (await alice.backend.invite(conv(alice, room), bob.account.jid, "join us")).ok
    await bob.wait(f.InviteReceived, lambda i: i.conversation == room)
    assert (await bob.backend.answer_invite(conv(bob, room), True)).ok
    on = await bob.wait(
        f.ConversationUpdated, lambda c: c.conversation == room and c.encrypted is True
    )
    assert on.trust is Trust.UNVERIFIED
    await alice.wait(
        f.MembersChanged, lambda m: any(x.contact for x in m.upserted if x.native_id != "alice")
    )
    await send(alice, room, "txn-g-1", "room secret")
    got = await received(bob, "room secret")
    assert got.conversation == room and got.trust is Trust.UNVERIFIED and not got.outgoing
    echo = await alice.wait(f.MessageReceived, lambda m: m.txn_id == "txn-g-1" and m.outgoing)
    assert echo.body == "room secret"  # our own echo: not encrypted for us, known to us
    await send(bob, room, "txn-g-2", "room answer")
    back = await received(alice, "room answer")
    assert back.trust is Trust.UNVERIFIED and back.conversation == room
    no_empty_messages(alice)
    no_empty_messages(bob)


async def test_encrypted_file_upload_and_download(
    xmpp: Backends, tmp_path: Path, prosody: ProsodyServer
) -> None:
    alice, bob = await xmpp.open(), await xmpp.open()
    await alice.backend.open_direct(bob.account.jid)
    await alice.wait(f.ConversationUpdated, lambda c: c.encrypted is True)
    source = tmp_path / "très secret.txt"
    plain = ("the plans " * 5000).encode()
    source.write_bytes(plain)
    uploaded = await alice.backend.upload(conv(alice, bob.account.jid), source, lambda *_: None)
    assert uploaded.ok, uploaded.failure
    link = uploaded.value or ""
    assert link.startswith("aesgcm://") and "#" in link
    https = "https://" + link.split("://", 1)[1].split("#", 1)[0]
    # What the server keeps is ciphertext (and the tag).
    raw = tmp_path / "raw"
    fetched = await alice.backend.download(https, raw, lambda *_: None)
    assert fetched.ok, fetched.failure
    assert raw.read_bytes() != plain and len(raw.read_bytes()) == len(plain) + 16
    attachment = Attachment(url=link, filename=source.name)
    result = await alice.backend.send_message(
        conv(alice, bob.account.jid),
        OutgoingMessage("txn-f-1", source.name, attachments=(attachment,)),
    )
    assert result.ok, result.failure
    got = await bob.wait(f.MessageReceived, lambda m: bool(m.attachments))
    assert got.body == source.name and got.trust is Trust.UNVERIFIED
    shared = got.attachments[0]
    assert shared.url == link and shared.filename == source.name
    target = tmp_path / "downloaded.txt"
    done = await bob.backend.download(shared.url, target, lambda *_: None)
    assert done.ok, done.failure
    assert target.read_bytes() == plain
    # An altered key (or file) fails on the tag and leaves nothing behind.
    broken = link[:-1] + ("0" if link[-1] != "0" else "1")
    bad = tmp_path / "bad.txt"
    refused = await bob.backend.download(broken, bad, lambda *_: None)
    assert not refused.ok and not bad.exists()


async def test_restart_keeps_keys_and_sessions(xmpp: Backends) -> None:
    alice, bob = await xmpp.open(), await xmpp.open()
    await send(alice, bob.account.jid, "txn-r-1", "before the restart")
    await received(bob, "before the restart")
    mine = await alice.backend.devices(alice.account.jid)
    assert not isinstance(mine, Failure)
    notices = len(bob.of(f.ServiceNotice))
    await alice.backend.disconnect()
    again = await xmpp.reopen(alice)
    await again.wait(f.ConversationUpdated, lambda c: c.conversation == bob.account.jid)
    after = await again.backend.devices(alice.account.jid)
    assert not isinstance(after, Failure)
    assert [d.device_id for d in after] == [d.device_id for d in mine]  # the same device
    assert after[0].fingerprint == mine[0].fingerprint
    await send(again, bob.account.jid, "txn-r-2", "after the restart")
    await received(bob, "after the restart")
    await send(bob, alice.account.jid, "txn-r-3", "reply after the restart")
    got = await received(again, "reply after the restart")
    assert got.trust is Trust.UNVERIFIED
    assert len(bob.of(f.ServiceNotice)) == notices  # nothing new to announce or decide
    key_files = list((again.ctx.data_dir / "omemo").iterdir())
    assert key_files and all(b"BEGIN" not in p.read_bytes() for p in key_files)


async def test_device_added_later_is_announced_and_reached(xmpp: Backends) -> None:
    alice, bob = await xmpp.open(), await xmpp.open()
    await send(alice, bob.account.jid, "txn-d-1", "to one device")
    await received(bob, "to one device")
    bob2 = await xmpp.open(bob.account)  # the same account on a second computer
    notice = await alice.wait(f.ServiceNotice, lambda n: n.conversation == bob.account.jid)
    assert "has a new device" in notice.text and "Messages are encrypted to it" in notice.text
    own = await bob.wait(f.ServiceNotice, lambda n: "added to your account" in n.text)
    assert own.conversation is None
    await send(alice, bob.account.jid, "txn-d-2", "to both devices")
    await received(bob, "to both devices")
    await received(bob2, "to both devices")
    await send(bob2, alice.account.jid, "txn-d-3", "from the new device")
    assert (await received(alice, "from the new device")).trust is Trust.UNVERIFIED
    # bob's first device sees what his second one sent (a carbon, decrypted as ours)
    mine = await bob.wait(f.MessageReceived, lambda m: m.txn_id == "txn-d-3")
    assert mine.outgoing and mine.body == "from the new device"


async def test_messages_that_cannot_be_read_say_so_and_the_session_is_repaired(
    xmpp: Backends, omemo_peers: OmemoPeers, prosody: ProsodyServer
) -> None:
    me = await xmpp.open()
    peer = await omemo_peers()
    await peer.send_twomemo(me.account.jid, "a good start")
    await received(me, "a good start")
    own_id = await own_device_id(me)

    def corrupt_our_key(element: ET.Element) -> None:
        for key in element.iter(f"{{{TWO}}}key"):
            if key.get("rid") == own_id:
                raw = bytearray(base64.b64decode(key.text or ""))
                raw[-5] ^= 0xFF
                key.text = base64.b64encode(bytes(raw)).decode()

    await peer.send_twomemo(me.account.jid, "altered on the way", tamper=corrupt_our_key)
    broken = await me.wait(f.MessageReceived, lambda m: m.trust is Trust.UNREADABLE)
    assert "could not be decrypted" in broken.body and "altered" not in broken.body
    repaired = await me.backend.repair_encryption(conv(me, peer.jid))
    assert repaired.ok and repaired.value == "1", repaired
    await peer.send_twomemo(me.account.jid, "after the repair")
    assert (await received(me, "after the repair")).trust is Trust.UNVERIFIED

    carol = prosody.new_account("carol")
    await own_device_id(await xmpp.open(carol))  # someone else with OMEMO (published)
    await peer.send_twomemo(me.account.jid, "not for you", recipients={carol.jid})
    other = await me.wait(f.MessageReceived, lambda m: "not for this device" in m.body)
    assert other.trust is Trust.UNREADABLE

    await peer.send_twomemo(me.account.jid, "spoofed", affix_from=carol.jid)
    spoofed = await me.wait(f.MessageReceived, lambda m: "not valid" in m.body)
    assert spoofed.trust is Trust.UNREADABLE
    assert not [m for m in me.of(f.MessageReceived) if m.body in ("spoofed", "not for you")]
    no_empty_messages(me)


async def own_device_id(me: Connected) -> str:
    devices = await me.backend.devices(me.account.jid)
    assert not isinstance(devices, Failure)
    return devices[0].device_id


async def test_verify_and_distrust_devices(xmpp: Backends) -> None:
    alice, bob = await xmpp.open(), await xmpp.open()
    await send(bob, alice.account.jid, "txn-t-1", "hello, verify me")
    assert (await received(alice, "hello, verify me")).trust is Trust.UNVERIFIED
    theirs = await alice.backend.devices(bob.account.jid)
    own_view = await bob.backend.devices(bob.account.jid)
    assert not isinstance(theirs, Failure) and not isinstance(own_view, Failure)
    assert len(theirs) == 1 and theirs[0].fingerprint == own_view[0].fingerprint
    assert len(theirs[0].fingerprint.split()) == 8
    assert theirs[0].uri == (
        f"xmpp:{bob.account.jid}?omemo-sid-{theirs[0].device_id}="
        + theirs[0].fingerprint.replace(" ", "")
    )
    assert theirs[0].trust is DeviceTrust.UNVERIFIED
    ok = await alice.backend.set_device_trust(
        bob.account.jid, theirs[0].device_id, DeviceTrust.VERIFIED
    )
    assert ok.ok, ok.failure
    await alice.wait(
        f.ConversationUpdated,
        lambda c: c.conversation == bob.account.jid and c.trust is Trust.VERIFIED,
    )
    await send(bob, alice.account.jid, "txn-t-2", "now verified")
    assert (await received(alice, "now verified")).trust is Trust.VERIFIED
    result = await alice.backend.send_message(
        conv(alice, bob.account.jid), OutgoingMessage("txn-t-3", "to a verified device")
    )
    assert result.ok and result.trust is Trust.VERIFIED

    # bob gets a new device: nothing goes to it until alice decides
    bob2 = await xmpp.open(bob.account)
    notice = await alice.wait(f.ServiceNotice, lambda n: n.conversation == bob.account.jid)
    assert "until you verify or distrust it" in notice.text
    await alice.wait(
        f.ConversationUpdated,
        lambda c: c.conversation == bob.account.jid and c.trust is Trust.UNVERIFIED,
    )
    refused = await alice.backend.send_message(
        conv(alice, bob.account.jid), OutgoingMessage("txn-t-4", "who is that?")
    )
    assert not refused.ok and "new device" in (refused.failure.message if refused.failure else "")
    devices = await alice.backend.devices(bob.account.jid)
    assert not isinstance(devices, Failure)
    new = next(d for d in devices if d.device_id != theirs[0].device_id)
    blocked = await alice.backend.set_device_trust(
        bob.account.jid, new.device_id, DeviceTrust.BLOCKED
    )
    assert blocked.ok
    await send(alice, bob.account.jid, "txn-t-5", "only to the verified one")
    await received(bob, "only to the verified one")
    await send(bob2, alice.account.jid, "txn-t-6", "from the distrusted device")
    refused_in = await alice.wait(
        f.MessageReceived, lambda m: "distrust" in m.body and m.trust is Trust.UNREADABLE
    )
    assert refused_in.conversation == bob.account.jid
    assert not [m for m in bob2.of(f.MessageReceived) if m.body == "only to the verified one"]


async def test_archive_catch_up_and_carbons_with_our_other_device(xmpp: Backends) -> None:
    alice, bob = await xmpp.open(), await xmpp.open()
    alice2 = await xmpp.open(alice.account)
    await send(bob, alice.account.jid, "txn-c-0", "hello both of you")
    await received(alice, "hello both of you")
    await received(alice2, "hello both of you")
    await send(alice, bob.account.jid, "txn-c-1", "sent from my first device")
    carbon = await alice2.wait(f.MessageReceived, lambda m: m.txn_id == "txn-c-1")
    assert carbon.outgoing and carbon.body == "sent from my first device"
    assert carbon.trust is Trust.UNVERIFIED and carbon.conversation == bob.account.jid
    await alice2.backend.disconnect()
    await send(bob, alice.account.jid, "txn-c-2", "while you were away")
    await received(alice, "while you were away")
    await send(alice, bob.account.jid, "txn-c-3", "answered from the first device")
    await received(bob, "answered from the first device")
    back = await xmpp.reopen(alice2)
    caught = await back.wait(f.MessageReceived, lambda m: m.body == "while you were away")
    assert caught.trust is Trust.UNVERIFIED and not caught.outgoing
    ours = await back.wait(f.MessageReceived, lambda m: m.body == "answered from the first device")
    assert ours.outgoing and ours.trust is Trust.UNVERIFIED
    no_empty_messages(back)


# -- the OMEMO stack is loaded only when needed (issue 16) ----------------------------------


def engine_of(me: Connected) -> OmemoEngine:
    services = me.backend._services
    assert services is not None
    return services.omemo.engine


async def reopen_unloaded(xmpp: Backends, old: Connected) -> Connected:
    """Sign in again without asking for OMEMO: with our device published as we left it, the
    sign-in's look at the server leaves the stack unloaded."""
    await old.backend.disconnect()
    conn = await Backends.reopen(xmpp, old)
    engine = engine_of(conn)
    async with asyncio.timeout(60):
        await engine.checked.wait()
    assert not engine.loading, engine.load_reason
    return conn


async def test_first_run_publishes_and_later_runs_are_reached_without_the_stack(
    xmpp: Backends, omemo_peers: OmemoPeers
) -> None:
    me = await Backends.open(xmpp)
    first = engine_of(me)
    async with asyncio.timeout(60):
        await first.checked.wait()
    assert first.load_reason == "this device has not been published yet"
    await omemo_ready(me)
    again = await reopen_unloaded(xmpp, me)
    # Our device list and bundles stayed on the server's PEP: an independent client encrypts to
    # us while the stack is not loaded; the message waits for it, and a plain one behind it
    # does not overtake.
    peer = await omemo_peers()
    await peer.send_twomemo(me.account.jid, "while you were unloaded")
    peer.client.send_message(mto=me.account.jid, mbody="plain right behind it", mtype="chat")
    secret = await received(again, "while you were unloaded")
    await received(again, "plain right behind it")
    assert secret.trust is Trust.UNVERIFIED
    assert engine_of(again).load_reason == "an encrypted message arrived"
    bodies = [m.body for m in again.of(f.MessageReceived)]
    assert bodies.index("while you were unloaded") < bodies.index("plain right behind it")
    no_empty_messages(again)


async def test_sending_loads_the_stack_only_where_a_message_may_be_encrypted(
    xmpp: Backends, peers: PeerFactory
) -> None:
    alice, bob = await xmpp.open(), await xmpp.open()
    # Encrypted for good, without a message: one would bring the other side's encrypted
    # session-completion message to our archive, and reading that loads the stack, rightly.
    await alice.backend.open_direct(bob.account.jid)
    await alice.wait(f.ConversationUpdated, lambda c: c.encrypted is True)
    alice = await reopen_unloaded(xmpp, alice)
    plain = await peers()  # a client without OMEMO: nothing published
    await send(alice, plain.jid, "txn-l-2", "to someone without OMEMO")
    await plain.wait_body("to someone without OMEMO")
    assert not engine_of(alice).loading, engine_of(alice).load_reason
    await send(alice, bob.account.jid, "txn-l-3", "encrypted after")
    assert engine_of(alice).load_reason == f"a message goes to {bob.account.jid}"
    after = await received(bob, "encrypted after")
    assert after.trust is Trust.UNVERIFIED
