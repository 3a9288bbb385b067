"""Chat both ways with an independent Delta Chat core, through real Dovecot + Postfix on loopback:
plain e-mail chat before keys are known, a SecureJoin (invite link) that makes the chat encrypted
and verified, encrypted 1:1 and group messages both ways, read receipts."""

from __future__ import annotations

import asyncio
import time

from app.api import (
    Capability,
    ConversationId,
    ConversationKind,
    ConversationUpdated,
    DeliveryState,
    DeliveryUpdated,
    MembersChanged,
    MessageReceived,
    OutgoingMessage,
    RoomOptions,
    Trust,
)
from conftest import Backends, Connected, Mailbox, PeerFactory
from dc_peer import Peer
from mail_servers import MailServers


def conv(conn: Connected, native: str) -> ConversationId:
    return ConversationId(conn.rec.account_id, native)


async def received(conn: Connected, text: str, timeout: float = 60.0) -> MessageReceived:
    fact = await conn.rec.wait_for(
        lambda f: isinstance(f, MessageReceived) and f.body == text, timeout
    )
    assert isinstance(fact, MessageReceived)
    return fact


async def pair(conn: Connected, peer: Peer) -> None:
    """The peer opens our invite link (as if scanning our QR code): keys are exchanged and
    verified; our side learns it from the core's SecureJoin progress."""
    outcome = await conn.backend.run_command(None, "invitelink", "")
    assert outcome.ok and outcome.value, outcome.failure
    assert outcome.value.startswith("https://i.delta.chat/")
    started = time.monotonic()
    await asyncio.to_thread(peer.secure_join, outcome.value)
    await conn.rec.wait_for(
        lambda f: (
            isinstance(f, ConversationUpdated)
            and f.conversation == peer.address
            and f.trust is Trust.VERIFIED
        ),
        90,
    )
    print(f"SecureJoin handshake: {time.monotonic() - started:.2f} s")


async def test_plain_mail_both_ways_before_keys_are_known(
    backends: Backends, mailbox, peers: PeerFactory, mail: MailServers
) -> None:
    """Without the other's key nothing can be encrypted: the chat is plain e-mail, and every
    message says so (trust NONE), never a padlock."""
    me: Mailbox = mailbox("me")
    conn = await backends.open(me, allow_unencrypted=True)
    peer = await peers(mailbox("peer"), plain=True)
    chat = await asyncio.to_thread(peer.chat_with, me.address)
    started = time.monotonic()
    await asyncio.to_thread(peer.send_text, chat, "hello over plain mail")
    fact = await received(conn, "hello over plain mail")
    print(f"1:1 delivery peer → us: {time.monotonic() - started:.2f} s")
    assert fact.conversation == peer.address
    assert fact.conversation_kind is ConversationKind.DIRECT
    assert fact.sender == peer.address
    assert not fact.outgoing
    assert fact.trust is Trust.NONE

    result = await conn.backend.send_message(
        conv(conn, peer.address), OutgoingMessage("txn-plain-1", "and back")
    )
    assert result.ok, result.failure
    assert result.state is DeliveryState.PENDING
    msg = await asyncio.to_thread(peer.wait_text, "and back")
    assert not msg["showPadlock"]
    await conn.rec.wait_for(
        lambda f: (
            isinstance(f, DeliveryUpdated)
            and f.txn_id == "txn-plain-1"
            and f.state is DeliveryState.SENT
        )
    )


async def test_without_a_key_nothing_is_sent_in_the_clear(
    backends: Backends, mailbox, mail: MailServers
) -> None:
    """By default (the core's own) a message that cannot be encrypted is refused, with what to
    do about it; nothing leaves unencrypted."""
    conn = await backends.open(mailbox("me"))
    stranger = mailbox("stranger")
    before = len(mail.wire_copies())
    result = await conn.backend.send_message(
        conv(conn, stranger.address), OutgoingMessage("txn-nokey-1", "would be plain")
    )
    assert result.failure is not None
    assert "cannot be encrypted" in result.failure.message
    assert "/invitelink" in result.failure.message
    assert not result.failure.retryable
    await asyncio.sleep(1)  # nothing to wait for: the core refused before any SMTP
    assert all(b"would be plain" not in raw for raw in mail.wire_copies()[before:])


async def test_securejoin_then_encrypted_both_ways(
    backends: Backends, mailbox, peers: PeerFactory, mail: MailServers
) -> None:
    conn = await backends.open(mailbox("me"))
    peer = await peers(mailbox("peer"))
    await pair(conn, peer)

    result = await conn.backend.send_message(
        conv(conn, peer.address), OutgoingMessage("txn-e2e-1", "secret to the peer")
    )
    assert result.ok, result.failure
    msg = await asyncio.to_thread(peer.wait_text, "secret to the peer")
    assert msg["showPadlock"], "the peer got it unencrypted"

    chat = await asyncio.to_thread(peer.chat_with, conn.box.address)
    await asyncio.to_thread(peer.send_text, chat, "secret back")
    fact = await received(conn, "secret back")
    assert fact.conversation == peer.address
    assert fact.trust is Trust.VERIFIED

    wire = b"".join(mail.wire_copies())
    assert b"BEGIN PGP MESSAGE" in wire
    assert b"secret to the peer" not in wire and b"secret back" not in wire


async def test_joining_the_peers_invite_link(
    backends: Backends, mailbox, peers: PeerFactory
) -> None:
    conn = await backends.open(mailbox("me"))
    peer = await peers(mailbox("peer"))
    link = await asyncio.to_thread(peer.invite_link)
    outcome = await conn.backend.join(link)
    assert outcome.ok, outcome.failure
    assert outcome.value == peer.address
    await conn.rec.wait_for(
        lambda f: (
            isinstance(f, ConversationUpdated)
            and f.conversation == peer.address
            and f.trust is Trust.VERIFIED
        ),
        90,
    )
    bad = await conn.backend.join("#not-a-link")
    assert bad.failure is not None and "invite link" in bad.failure.message


async def test_group_both_ways(backends: Backends, mailbox, peers: PeerFactory) -> None:
    conn = await backends.open(mailbox("me"))
    peer = await peers(mailbox("peer"))
    await pair(conn, peer)

    created = await conn.backend.create_room("Book club")
    assert created.ok and created.value, created.failure
    group = conv(conn, created.value)
    assert conn.backend.capabilities(group) & Capability.INVITE
    assert not conn.backend.capabilities(conv(conn, peer.address)) & Capability.INVITE
    assert (await conn.backend.invite(group, peer.address)).ok
    await conn.rec.wait_for(
        lambda f: (
            isinstance(f, MembersChanged)
            and f.conversation == group.native_id
            and peer.address in {m.native_id for m in f.upserted}
        )
    )
    started = time.monotonic()
    result = await conn.backend.send_message(group, OutgoingMessage("txn-g-1", "hello group"))
    assert result.ok, result.failure
    msg = await asyncio.to_thread(peer.wait_text, "hello group")
    print(f"group delivery us → peer: {time.monotonic() - started:.2f} s")
    assert msg["showPadlock"]
    info = await asyncio.to_thread(peer.rpc.get_basic_chat_info, peer.account, msg["chatId"])
    assert info["chatType"] == "Group" and info["name"] == "Book club"

    await asyncio.to_thread(peer.send_text, msg["chatId"], "hello from the peer")
    fact = await received(conn, "hello from the peer")
    assert fact.conversation == group.native_id
    assert fact.conversation_kind is ConversationKind.GROUP
    assert fact.trust is Trust.VERIFIED


async def test_group_created_with_its_members_and_description(
    backends: Backends, mailbox, peers: PeerFactory
) -> None:
    conn = await backends.open(mailbox("me"))
    peer = await peers(mailbox("peer"))
    stranger = mailbox("stranger")
    refused = await conn.backend.create_room_with(
        RoomOptions(name="No keys", encrypted=True, invite=(stranger.address,))
    )
    assert refused.failure is not None and "key" in refused.failure.message
    await pair(conn, peer)
    made = await conn.backend.create_room_with(
        RoomOptions(
            name="Planning", topic="What we do next", encrypted=True, invite=(peer.address,)
        )
    )
    assert made.ok and made.value, made.failure
    sent = await conn.backend.send_message(
        conv(conn, made.value), OutgoingMessage("txn-plan-1", "first item")
    )
    assert sent.ok
    msg = await asyncio.to_thread(peer.wait_text, "first item")
    info = await asyncio.to_thread(peer.rpc.get_full_chat_by_id, peer.account, msg["chatId"])
    assert info["name"] == "Planning" and info["isEncrypted"]
    description = await asyncio.to_thread(
        peer.rpc.get_chat_description, peer.account, msg["chatId"]
    )
    assert description == "What we do next"


async def test_group_made_by_the_peer(backends: Backends, mailbox, peers: PeerFactory) -> None:
    conn = await backends.open(mailbox("me"))
    peer = await peers(mailbox("peer"))
    await pair(conn, peer)
    rpc, acct = peer.rpc, peer.account

    def make_group() -> int:
        chat = int(rpc.create_group_chat(acct, "Peer's group", False))
        rpc.add_contact_to_chat(acct, chat, peer.contact(conn.box.address))
        rpc.send_msg(acct, chat, {"text": "welcome to my group"})
        return chat

    await asyncio.to_thread(make_group)
    fact = await received(conn, "welcome to my group")
    assert fact.conversation.startswith("chat:")
    assert fact.conversation_kind is ConversationKind.GROUP
    assert fact.conversation_title == "Peer's group"
    assert fact.trust is Trust.VERIFIED


async def test_read_receipts_both_ways(backends: Backends, mailbox, peers: PeerFactory) -> None:
    conn = await backends.open(mailbox("me"))
    peer = await peers(mailbox("peer"))
    await pair(conn, peer)
    result = await conn.backend.send_message(
        conv(conn, peer.address), OutgoingMessage("txn-r-1", "read me")
    )
    assert result.ok
    msg = await asyncio.to_thread(peer.wait_text, "read me")
    await asyncio.to_thread(peer.rpc.markseen_msgs, peer.account, [msg["id"]])
    await conn.rec.wait_for(
        lambda f: (
            isinstance(f, DeliveryUpdated)
            and f.txn_id == "txn-r-1"
            and f.state is DeliveryState.READ
        )
    )

    chat = await asyncio.to_thread(peer.chat_with, conn.box.address)
    sent = await asyncio.to_thread(peer.send_text, chat, "did you read this?")
    fact = await received(conn, "did you read this?")
    assert fact.remote_id is not None
    await conn.backend.send_read_marker(conv(conn, peer.address), fact.remote_id)
    await asyncio.to_thread(
        peer.wait_event, lambda e: e.get("kind") == "MsgRead" and e.get("msgId") == sent
    )
