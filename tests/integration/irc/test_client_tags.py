"""IRCv3 client tags between two backends through the real InspIRCd: typing (``+typing``), replies
(``+draft/reply``) and reactions (``+draft/react`` / ``+draft/unreact``) both ways, and their
absence on ngIRCd, which has no message-tags."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Awaitable, Callable

import pytest

from app import facts as f
from app.backend import Capability, FailureKind, OutgoingMessage
from app.models import ConversationId
from tests.integration.irc.helpers import BackendFactory, Made
from tests.integration.irc.peer import Msg, Peer, unique_channel
from tests.integration.irc.servers import IrcServer

pytestmark = pytest.mark.integration
OpenPeer = Callable[..., Awaitable[Peer]]
TAG_CAPS = Capability.TYPING | Capability.REPLIES | Capability.REACTIONS


def conv(made: Made, native: str) -> ConversationId:
    return ConversationId(made.rec.account_id, native.lower())


async def two(server: IrcServer, backends: BackendFactory) -> tuple[Made, Made]:
    alice, bob = await asyncio.gather(backends.connected(server), backends.connected(server))
    return alice, bob


async def test_typing_both_ways_and_it_lapses(
    inspircd_server: IrcServer, backends: BackendFactory
) -> None:
    alice, bob = await two(inspircd_server, backends)
    a_nick, b_nick = alice.backend.own_id, bob.backend.own_id
    assert alice.backend.capabilities(conv(alice, b_nick)) & TAG_CAPS == TAG_CAPS

    await alice.backend.send_typing(conv(alice, b_nick), True)
    on = await bob.wait_fact(f.TypingChanged, lambda x: x.typing)
    assert (on.conversation, on.sender) == (a_nick.lower(), a_nick)
    mark = bob.mark()
    await alice.backend.send_typing(conv(alice, b_nick), False)
    off = await bob.wait_fact(f.TypingChanged, lambda x: not x.typing, after=mark)
    assert off.sender == a_nick

    await bob.backend.send_typing(conv(bob, a_nick), True)
    back = await alice.wait_fact(f.TypingChanged, lambda x: x.typing)
    assert (back.conversation, back.sender) == (b_nick.lower(), b_nick)
    # Bob's client goes away without saying "done": Alice's view must not say "typing" forever.
    await bob.backend.disconnect()
    lapsed = await alice.wait_fact(f.TypingChanged, lambda x: not x.typing, timeout=15)
    assert lapsed.sender == b_nick


async def test_typing_is_repeated_while_typing_and_no_faster_than_every_3_seconds(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made = await backends.connected(inspircd_server)
    watcher = await peers(inspircd_server, caps=("message-tags",))
    where = conv(made, watcher.nick)
    loop = asyncio.get_running_loop()
    start = loop.time()
    for _ in range(20):  # a person typing: the composer says "typing" on every key press
        await made.backend.send_typing(where, True)

    def active(m: Msg) -> bool:
        return m.command == "TAGMSG" and "+typing=active" in m.tags

    # Still typing after 3 seconds: said again (a receiver forgets it after 6).
    await watcher.wait_for(lambda _m: sum(map(active, watcher.lines)) >= 2, timeout=10)
    await made.backend.send_typing(where, False)
    await watcher.wait_for(lambda m: m.command == "TAGMSG" and "+typing=done" in m.tags)
    actives = [t for m, t in zip(watcher.lines, watcher.arrivals, strict=True) if active(m)]
    assert len(actives) >= 2, "typing is repeated while the person types"
    gaps = [b - a for a, b in itertools.pairwise(actives)]
    assert all(gap > 2.5 for gap in gaps), gaps
    assert len(actives) <= 2 + (loop.time() - start) / 3


async def test_replies_both_ways_in_a_channel(
    inspircd_server: IrcServer, backends: BackendFactory
) -> None:
    alice, bob = await two(inspircd_server, backends)
    channel = unique_channel()
    await alice.backend.join(channel)
    await bob.backend.join(channel)
    sent = await alice.backend.send_message(
        conv(alice, channel), OutgoingMessage("t1", "question?")
    )
    assert sent.ok
    question = await bob.wait_fact(f.MessageReceived, lambda x: x.body == "question?")
    assert question.remote_id

    reply = OutgoingMessage("t2", "answer!", reply_to=question.remote_id)
    assert (await bob.backend.send_message(conv(bob, channel), reply)).ok
    answer = await alice.wait_fact(f.MessageReceived, lambda x: x.body == "answer!")
    assert answer.reply_to == question.remote_id
    # Alice's own copy of the question (its echo) carries the same msgid: the quote finds it.
    confirmed = await alice.wait_fact(f.DeliveryUpdated, lambda x: x.txn_id == "t1")
    assert confirmed.remote_id == question.remote_id

    again = OutgoingMessage("t3", "thanks", reply_to=answer.remote_id)
    assert (await alice.backend.send_message(conv(alice, channel), again)).ok
    thanks = await bob.wait_fact(f.MessageReceived, lambda x: x.body == "thanks")
    assert thanks.reply_to == answer.remote_id


async def test_reactions_both_ways_added_and_taken_back(
    inspircd_server: IrcServer, backends: BackendFactory
) -> None:
    alice, bob = await two(inspircd_server, backends)
    channel = unique_channel()
    await alice.backend.join(channel)
    await bob.backend.join(channel)
    await alice.backend.send_message(conv(alice, channel), OutgoingMessage("t1", "lunch?"))
    lunch = await bob.wait_fact(f.MessageReceived, lambda x: x.body == "lunch?")
    assert lunch.remote_id

    assert (await bob.backend.react(conv(bob, channel), lunch.remote_id, ("👍", "🍕"))).ok
    got = [
        await alice.wait_fact(f.ReactionChanged, lambda x, k=k: x.key == k) for k in ("👍", "🍕")
    ]
    for fact in got:
        assert fact.conversation == channel.lower()
        assert fact.target_remote_id == lunch.remote_id
        assert fact.sender == bob.backend.own_id and fact.added
    mark = alice.mark()
    assert (await bob.backend.react(conv(bob, channel), lunch.remote_id, ("🍕",))).ok
    gone = await alice.wait_fact(f.ReactionChanged, lambda x: not x.added, after=mark)
    assert (gone.key, gone.sender) == ("👍", bob.backend.own_id)
    # Bob does not see his own reactions come back as someone else's.
    assert not [x for x in bob.of(f.ReactionChanged) if x.sender == bob.backend.own_id]

    # And the other way, in a private conversation.
    await bob.backend.send_message(conv(bob, alice.backend.own_id), OutgoingMessage("t9", "hi"))
    hi = await alice.wait_fact(f.MessageReceived, lambda x: x.body == "hi")
    assert hi.remote_id
    assert (await alice.backend.react(conv(alice, bob.backend.own_id), hi.remote_id, ("👋",))).ok
    wave = await bob.wait_fact(f.ReactionChanged, lambda x: x.key == "👋")
    assert wave.conversation == alice.backend.own_id.lower()
    assert wave.target_remote_id == hi.remote_id


async def test_no_client_tags_without_message_tags(
    ngircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made = await backends.connected(ngircd_server)
    peer = await peers(ngircd_server)
    where = conv(made, peer.nick)
    caps = made.backend.capabilities(where)
    assert not caps & TAG_CAPS
    assert not caps & Capability.EDITS  # IRC has no edits anywhere
    await made.backend.send_typing(where, True)  # nothing is faked, nothing breaks
    refused = await made.backend.react(where, "some-id", ("👍",))
    assert refused.failure is not None and refused.failure.kind is FailureKind.UNSUPPORTED
    sent = await made.backend.send_message(where, OutgoingMessage("t1", "plain", reply_to="x"))
    assert sent.ok
    got = await peer.wait_privmsg("plain", sender=made.backend.own_id)
    assert got.tags == ""
    assert not peer.received("TAGMSG")
