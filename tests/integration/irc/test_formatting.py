"""Rich text both ways through InspIRCd: the composer's HTML (as the core sanitises it) goes out
as mIRC formatting codes, and codes a peer sends come back as HTML."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from app import facts as f
from app.backend import OutgoingMessage
from app.models import ConversationId
from app.sanitize import sanitize_html
from tests.integration.irc.helpers import BackendFactory
from tests.integration.irc.peer import Peer
from tests.integration.irc.servers import IrcServer

pytestmark = pytest.mark.integration
OpenPeer = Callable[..., Awaitable[Peer]]

COMPOSED = (
    "<b>bold</b> <i>italic</i> <u>under</u> <s>struck</s> <code>mono</code> "
    '<font color="#ff0000">red</font> <script>alert(1)</script>'
)
ON_THE_WIRE = "\x02bold\x02 \x1ditalic\x1d \x1funder\x1f \x1estruck\x1e \x11mono\x11 \x0304red"


async def test_formatting_out_and_in(
    any_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made = await backends.connected(any_server)
    peer = await peers(any_server)
    where = ConversationId(made.rec.account_id, peer.nick.lower())
    html = sanitize_html(COMPOSED)
    message = OutgoingMessage("t1", "bold italic under struck mono red", html=html)
    assert (await made.backend.send_message(where, message)).ok
    got = await peer.wait_for(lambda m: m.command == "PRIVMSG")
    assert got.params[-1] == ON_THE_WIRE

    await peer.privmsg(made.backend.own_id, "plain \x02strong\x02 \x0312,08blue on yellow")
    fact = await made.wait_fact(f.MessageReceived, lambda x: x.body.startswith("plain"))
    assert fact.body == "plain strong blue on yellow"
    assert fact.html is not None and "<b>strong</b>" in fact.html
    assert "blue on yellow" in fact.html and "color" in fact.html
