"""Text and formatting against InspIRCd: mIRC codes ↔ HTML, UTF-8 with a Latin-1/cp1252 fallback,
long messages split under 512 bytes on character boundaries, the outgoing token bucket, and bad
input a real server lets through (invalid bytes, over-long lines, floods)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from app import facts as f
from app.backend import OutgoingMessage
from app.models import ConversationId
from tests.integration.irc.helpers import BackendFactory, FastIrcBackend
from tests.integration.irc.peer import Peer
from tests.integration.irc.servers import IrcServer

pytestmark = pytest.mark.integration
OpenPeer = Callable[..., Awaitable[Peer]]


async def test_mirc_codes_arrive_as_html(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made, peer = await asyncio.gather(backends.connected(inspircd_server), peers(inspircd_server))
    await peer.privmsg(made.backend.own_id, "\x02bold\x02 and \x0304red\x03 \x1ditalic\x0f <tag>")
    fact = await made.wait_fact(f.MessageReceived, lambda x: x.body.startswith("bold"))
    assert fact.body == "bold and red italic <tag>"
    assert fact.html == (
        '<b>bold</b> and <font color="#FF0000">red</font> <i>italic</i> &lt;tag&gt;'
    )


async def test_composer_formatting_goes_out_as_codes(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made, peer = await asyncio.gather(backends.connected(inspircd_server), peers(inspircd_server))
    conv = ConversationId(made.rec.account_id, peer.nick.lower())
    await made.backend.send_message(
        conv,
        OutgoingMessage(
            "fmt",
            "bold italic red",
            html='<b>bold</b> <i>italic</i> <font color="#ff0000">red</font>',
        ),
    )
    got = await peer.wait_for(lambda m: m.command == "PRIVMSG" and "bold" in m.params[-1])
    assert got.params[-1] == "\x02bold\x02 \x1ditalic\x1d \x0304red"


async def test_invalid_utf8_is_read_as_latin1(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made, peer = await asyncio.gather(backends.connected(inspircd_server), peers(inspircd_server))
    nick = made.backend.own_id.encode()
    await peer.send_bytes(b"PRIVMSG " + nick + b" :caf\xe9 cr\xe8me \x80 \xff\r\n")
    await peer.send_bytes(b"PRIVMSG " + nick + b" :" + "ok ü ".encode() + b"\xfc\r\n")
    first = await made.wait_fact(f.MessageReceived, lambda x: x.body.startswith("caf"))
    assert first.body == "café crème € ÿ"
    mixed = await made.wait_fact(f.MessageReceived, lambda x: x.body.startswith("ok"))
    assert mixed.body == "ok ü ü"
    assert made.backend.connected


async def test_long_messages_are_split_on_character_boundaries(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made, peer = await asyncio.gather(backends.connected(inspircd_server), peers(inspircd_server))
    conv = ConversationId(made.rec.account_id, peer.nick.lower())
    text = "".join(f"{i} Grüße 你好 👋🏽 " for i in range(120))  # ~3.5 kB of mixed widths
    start = len(peer.lines)
    result = await made.backend.send_message(conv, OutgoingMessage("long", text + "\nsecond line"))
    assert result.ok
    await peer.wait_privmsg("second line")
    parts = [
        (m, size)
        for m, size in zip(peer.lines[start:], peer.raw_sizes[start:], strict=True)
        if m.command == "PRIVMSG" and m.nick == made.backend.own_id
    ]
    bodies = [m.params[-1] for m, _ in parts]
    assert len(bodies) >= 8
    # Cut at spaces, and that space is dropped: a space joins the parts again.
    assert " ".join(bodies[:-1]).rstrip(" ") == text.rstrip(" ")
    assert all("\ufffd" not in body for body in bodies)  # no character was cut in two
    assert max(size for _, size in parts) <= 512  # as relayed, with our full prefix
    assert bodies[-1] == "second line"


class Paced(FastIrcBackend):
    send_burst = 2
    send_rate = 5.0


async def test_the_token_bucket_paces_a_paste(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made, peer = await asyncio.gather(
        backends.connected(inspircd_server, cls=Paced), peers(inspircd_server)
    )
    conv = ConversationId(made.rec.account_id, peer.nick.lower())
    lines = [f"line {i}" for i in range(12)]
    await made.backend.send_message(conv, OutgoingMessage("paste", "\n".join(lines)))
    await peer.wait_privmsg("line 11")
    times = [
        t
        for m, t in zip(peer.lines, peer.arrivals, strict=True)
        if m.command == "PRIVMSG" and m.params[-1].startswith("line ")
    ]
    assert len(times) == 12
    # 2 at once, then 5 a second: the last leaves 10 / 5 = 2 s after the first.
    assert times[-1] - times[0] >= 1.8
    assert made.backend.connected


async def test_what_a_server_lets_through_cannot_break_us(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made, peer = await asyncio.gather(backends.connected(inspircd_server), peers(inspircd_server))
    nick = made.backend.own_id
    await peer.send(f"PRIVMSG {nick} :" + "x" * 10_000)  # the server cuts it to its limit
    await peer.send(f"PRIVMSG {nick} :\x03\x04\x02\x1d\x1f\x0f\x16\x0399,99")  # codes only
    await peer.send(f"PRIVMSG {nick} :\x01")  # a broken CTCP
    await peer.send(f"NOTICE {nick} :\x01UNKNOWN thing\x01")
    await peer.send(f"PRIVMSG {nick} :after the storm")
    await made.wait_fact(f.MessageReceived, lambda x: x.body == "after the storm")
    long = next(x for x in made.of(f.MessageReceived) if x.body.startswith("xxx"))
    assert 100 < len(long.body) < 512
    assert made.backend.connected
    assert not made.of(f.ConnectionLost)
