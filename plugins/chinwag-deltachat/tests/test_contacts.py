"""Contacts, blocking, replies, and the core process dying under us."""

from __future__ import annotations

import asyncio
import os
import signal
import threading

from app.api import (
    ConnectionLost,
    ContactsChanged,
    OutgoingMessage,
    SubscriptionRequested,
)
from conftest import Backends, Connected, PeerFactory
from mail_servers import MailServers
from test_chat import conv, pair, received


def last_contacts(facts: list[object]) -> dict[str, bool]:
    """Address → blocked, from the last complete contact list reported."""
    lists = [f for f in facts if isinstance(f, ContactsChanged) and f.complete]
    assert lists
    return {c.id.native_id: c.blocked for c in lists[-1].upserted}


async def listed_as_blocked(conn: Connected, address: str, blocked: bool, since: int = 0) -> None:
    """Until a complete contact list shows ``address`` blocked (or not)."""
    await conn.rec.wait_for(
        lambda f: (
            isinstance(f, ContactsChanged)
            and f.complete
            and last_contacts(conn.rec.facts).get(address) is blocked
        ),
        since=since,
    )


async def test_contacts_add_rename_remove(backends: Backends, mailbox) -> None:
    conn = await backends.open(mailbox("me"))
    b = conn.backend
    assert (await b.add_contact("Carol@Example.org", "Carol")).ok
    await conn.rec.wait_for(
        lambda f: (
            isinstance(f, ContactsChanged)
            and any(
                c.id.native_id == "carol@example.org" and c.display_name == "Carol"
                for c in f.upserted
            )
        )
    )
    assert (await b.rename_contact("carol@example.org", "Caroline")).ok
    await conn.rec.wait_for(
        lambda f: (
            isinstance(f, ContactsChanged) and any(c.display_name == "Caroline" for c in f.upserted)
        )
    )
    assert (await b.remove_contact("carol@example.org")).ok
    await conn.rec.wait_for(
        lambda f: (
            isinstance(f, ContactsChanged)
            and f.complete
            and "carol@example.org" not in {c.id.native_id for c in f.upserted}
        )
    )
    bad = await b.add_contact("not an address", "")
    assert bad.failure is not None


async def test_blocking_and_replies(
    backends: Backends, mailbox, peers: PeerFactory, mail: MailServers
) -> None:
    conn = await backends.open(mailbox("me"))
    peer = await peers(mailbox("peer"))
    await pair(conn, peer)
    chat = await asyncio.to_thread(peer.chat_with, conn.box.address)

    # replies, both ways
    first = await asyncio.to_thread(peer.send_text, chat, "question?")
    got = await received(conn, "question?")
    assert got.remote_id
    answer = await conn.backend.send_message(
        conv(conn, peer.address),
        OutgoingMessage("txn-reply-1", "answer!", reply_to=got.remote_id),
    )
    assert answer.ok and answer.remote_id
    msg = await asyncio.to_thread(peer.wait_text, "answer!")
    assert msg["quote"]["kind"] == "WithMessage" and msg["quote"]["messageId"] == first

    def reply_back() -> None:
        peer.rpc.send_msg(peer.account, chat, {"text": "thanks", "quotedMessageId": msg["id"]})

    await asyncio.to_thread(reply_back)
    thanks = await received(conn, "thanks")
    assert thanks.reply_to == answer.remote_id

    # blocked: their messages are no longer shown
    assert (await conn.backend.set_blocked(peer.address, True)).ok
    await listed_as_blocked(conn, peer.address, True)
    delivered = len(mail.wire_copies())
    await asyncio.to_thread(peer.send_text, chat, "you cannot see me")
    await asyncio.to_thread(mail.wait_taken, conn.box.address, delivered)
    assert (await conn.backend.set_blocked(peer.address, False)).ok
    await listed_as_blocked(conn, peer.address, False)
    await asyncio.to_thread(peer.send_text, chat, "and now you can")
    await received(conn, "and now you can")
    assert not any(getattr(f, "body", None) == "you cannot see me" for f in conn.rec.facts), (
        "a blocked contact's message was shown"
    )


async def asked(conn: Connected, address: str, since: int = 0) -> SubscriptionRequested:
    fact = await conn.rec.wait_for(
        lambda f: isinstance(f, SubscriptionRequested) and f.contact == address, since=since
    )
    assert isinstance(fact, SubscriptionRequested)
    assert fact.declining_blocks  # declining a Delta Chat contact request blocks the sender
    return fact


async def test_contact_requests_accepted_and_declined(
    backends: Backends, mailbox, peers: PeerFactory, mail: MailServers
) -> None:
    """Mail from someone we never wrote to is a contact request, as in Delta Chat: the person is
    asked, once, and again after a restart while it is pending. Accepted, the core holds an
    ordinary chat (nobody asks again, across a restart); declined, the sender is blocked and
    their later mail is not shown. (Accepting shows nothing at the sender over unencrypted mail:
    the core asks for no read receipt there, as checked on the wire.)"""
    conn = await backends.open(mailbox("me"), allow_unencrypted=True)
    alice = await peers(mailbox("alice"), plain=True)
    bob = await peers(mailbox("bob"), plain=True)

    a_chat = await asyncio.to_thread(alice.chat_with, conn.box.address)
    await asyncio.to_thread(alice.send_text, a_chat, "may I write to you?")
    await received(conn, "may I write to you?")
    request = await asked(conn, alice.address)
    assert request.message == "may I write to you?"
    b_chat = await asyncio.to_thread(bob.chat_with, conn.box.address)
    await asyncio.to_thread(bob.send_text, b_chat, "buy my stuff")
    await received(conn, "buy my stuff")
    await asked(conn, bob.address)
    await asyncio.to_thread(alice.send_text, a_chat, "are you there?")
    await received(conn, "are you there?")
    assert sum(isinstance(f, SubscriptionRequested) for f in conn.rec.facts) == 2

    assert (await conn.backend.answer_subscription(alice.address, True)).ok
    again = await conn.backend.answer_subscription(alice.address, True)
    assert again.failure is not None and "has not asked" in again.failure.message
    nobody = await conn.backend.answer_subscription("nobody@example.org", False)
    assert nobody.failure is not None

    await conn.backend.disconnect()  # a restart: what is pending is asked again, no more
    conn = backends.make(conn.box, data=conn.box.address, allow_unencrypted=True)
    assert (await conn.backend.connect()).ok
    await asked(conn, bob.address)
    assert not any(
        isinstance(f, SubscriptionRequested) and f.contact == alice.address for f in conn.rec.facts
    )

    mark = conn.rec.mark()
    assert (await conn.backend.answer_subscription(bob.address, False)).ok
    await listed_as_blocked(conn, bob.address, True, mark)
    delivered = len(mail.wire_copies())
    await asyncio.to_thread(bob.send_text, b_chat, "still there?")
    await asyncio.to_thread(mail.wait_delivered, conn.box.address, delivered)
    await asyncio.to_thread(alice.send_text, a_chat, "after bob")
    await received(conn, "after bob")  # fetched in order: bob's later mail was dealt with
    assert not any(getattr(f, "body", None) == "still there?" for f in conn.rec.facts), (
        "a declined (blocked) sender's mail was shown"
    )


async def test_the_core_dying_is_a_lost_connection(backends: Backends, mailbox) -> None:
    before = set(threading.enumerate())
    conn = await backends.open(mailbox("me"))
    core = conn.backend._core
    assert core is not None and core._rpc is not None
    (writer,) = [t for t in set(threading.enumerate()) - before if t.name.endswith("(writer_loop)")]
    os.kill(core._rpc.process.pid, signal.SIGKILL)  # our own child, by its pid
    fact = await conn.rec.wait_for(lambda f: isinstance(f, ConnectionLost), 30)
    assert isinstance(fact, ConnectionLost) and fact.retryable
    await conn.backend.disconnect()
    # no thread of the dead core is left to keep the app from exiting
    await asyncio.to_thread(writer.join, 10)
    assert not writer.is_alive()
    again = backends.make(conn.box, data=conn.box.address)
    result = await again.backend.connect()  # the same data: the core's database survived
    assert result.ok, result.failure
