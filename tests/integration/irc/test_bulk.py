"""A flood against InspIRCd (issue 16, docs/irc.md "Receiving: a read at a time"): what arrives
in big reads is reported in runs (``MessagesReceived``) and says exactly what it said one line at
a time: every message once, in order, CTCP answered and never shown, and our own message's echo
(echo-message with labeled-response) a confirmation, never a second copy."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from app import facts as f
from app.backend import OutgoingMessage
from app.models import ConversationId, DeliveryState, MessageKind
from tests.integration.irc.helpers import BackendFactory
from tests.integration.irc.peer import Peer
from tests.integration.irc.servers import IrcServer

pytestmark = pytest.mark.integration
OpenPeer = Callable[..., Awaitable[Peer]]


async def test_a_flood_arrives_whole_in_order_and_our_echo_is_confirmed_once(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made, peer = await asyncio.gather(backends.connected(inspircd_server), peers(inspircd_server))
    nick = made.backend.own_id
    lines: list[str] = []
    expected: list[tuple[str, MessageKind]] = []
    for i in range(400):
        if i % 97 == 50:
            lines.append(f"PRIVMSG {nick} :\x01ACTION waves {i}\x01")
            expected.append((f"waves {i}", MessageKind.EMOTE))
        elif i % 97 == 60:
            lines.append(f"NOTICE {nick} :notice {i}")
            expected.append((f"notice {i}", MessageKind.NOTICE))
        elif i % 97 == 70:
            lines.append(f"PRIVMSG {nick} :\x01VERSION\x01")  # answered, never shown
        else:
            lines.append(f"PRIVMSG {nick} :flood {i} \x02bold\x02")
            expected.append((f"flood {i} bold", MessageKind.TEXT))
    conv = ConversationId(made.rec.account_id, peer.nick.lower())
    sent, _ = await asyncio.gather(
        made.backend.send_message(conv, OutgoingMessage("t-bulk", "my own words")),
        peer.send_bytes(("\r\n".join(lines) + "\r\n").encode()),
    )
    assert sent.failure is None
    await made.wait_fact(f.MessageReceived, lambda x: x.body == expected[-1][0])
    await made.wait_fact(f.DeliveryUpdated, lambda x: x.txn_id == "t-bulk")
    await peer.wait_privmsg("my own words", sender=nick)

    theirs = [x for x in made.of(f.MessageReceived) if x.sender == peer.nick]
    assert [(x.body, x.kind) for x in theirs] == expected
    assert {(x.conversation, x.outgoing, x.history) for x in theirs} == {
        (peer.nick.lower(), False, False)
    }
    assert made.rec.batches, "a flood's plain messages come in runs"
    ours = [x for x in made.of(f.MessageReceived) if x.body == "my own words"]
    assert ours == []  # the echo confirmed the message: not a second copy of it
    [confirmed] = [x for x in made.of(f.DeliveryUpdated) if x.txn_id == "t-bulk"]
    assert confirmed.state is DeliveryState.SENT and confirmed.remote_id
    # The CTCP requests were answered (as the rate limit allows) and never shown.
    await peer.wait_for(lambda m: m.command == "NOTICE" and "VERSION" in m.params[-1])
    assert not [x for x in made.of(f.MessageReceived) if "VERSION" in x.body]
    assert made.backend.connected
