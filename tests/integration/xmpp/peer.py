"""The other person in a test: a plain slixmpp client that owes nothing to the backend under test.

It writes its stanzas as literal XML (so the wire format the backend must understand is spelled out
in the tests, not shared with the code under test) and records every stanza it receives.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable
from xml.sax.saxutils import escape, quoteattr

from slixmpp import ClientXMPP
from slixmpp.xmlstream.handler import Callback
from slixmpp.xmlstream.matcher import MatchXPath

from chinwag.testing import wait_until
from tests.integration.xmpp.server import Account, ProsodyServer

C = "{jabber:client}"


def body_of(el: ET.Element) -> str | None:
    body = el.find(f"{C}body")
    return None if body is None else (body.text or "")


class Peer:
    def __init__(
        self,
        server: ProsodyServer,
        account: Account,
        resource: str = "peer",
        *,
        accept_subscriptions: bool = True,
    ) -> None:
        self.server = server
        self.account = account
        self.jid = account.jid
        self.full_jid = f"{account.jid}/{resource}"
        client = ClientXMPP(self.full_jid, account.password)
        client.ssl_context = ssl.create_default_context(cafile=str(server.tls.ca_cert))
        client.enable_direct_tls = False
        client.roster.auto_authorize = True if accept_subscriptions else None  # type: ignore[assignment]
        client.roster.auto_subscribe = False
        client.register_plugin("xep_0030")
        self.client = client
        self.messages: list[ET.Element] = []
        self.presences: list[ET.Element] = []
        client.register_handler(
            Callback(
                "peer messages", MatchXPath(f"{C}message"), lambda s: self.messages.append(s.xml)
            )
        )
        client.register_handler(
            Callback(
                "peer presence", MatchXPath(f"{C}presence"), lambda s: self.presences.append(s.xml)
            )
        )

    async def start(self, *, presence: bool = True) -> Peer:
        started: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

        def on_start(_event: object) -> None:
            if not started.done():
                started.set_result(True)

        self.client.add_event_handler("session_start", on_start)
        self.client.connect(self.server.host, self.server.c2s_port)
        async with asyncio.timeout(20):
            await started
        if presence:
            self.client.send_presence()
            await self.client.get_roster()
        return self

    async def stop(self) -> None:
        client = self.client
        if client.transport is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(client.disconnect(wait=1), 5)
        if client.transport is not None:
            client.abort()
        task = getattr(client, "_run_out_filters", None)
        if isinstance(task, asyncio.Future) and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        with contextlib.suppress(Exception):
            client.cancel_schedule("Whitespace Keepalive")

    # -- sending -----------------------------------------------------------------------------

    def send_xml(self, xml: str) -> None:
        self.client.send_raw(xml)

    def chat(
        self,
        to: str,
        body: str | None,
        *,
        stanza_id: str | None = None,
        extra: str = "",
        mtype: str = "chat",
    ) -> str:
        """Send a message written as XML; returns its id."""
        stanza_id = stanza_id or uuid.uuid4().hex
        body_xml = "" if body is None else f"<body>{escape(body)}</body>"
        self.send_xml(
            f"<message to={quoteattr(to)} type={quoteattr(mtype)} id={quoteattr(stanza_id)}>"
            f"{body_xml}{extra}</message>"
        )
        return stanza_id

    async def iq(
        self, itype: str, to: str | None, payload: str, timeout: float = 60.0
    ) -> ET.Element:
        iq = self.client.make_iq(ito=to, itype=itype)  # type: ignore[arg-type]
        iq.xml.append(ET.fromstring(payload))
        result = await iq.send(timeout=timeout)  # type: ignore[no-untyped-call]
        xml: ET.Element = result.xml
        return xml

    async def join_room(self, room: str, nick: str, password: str = "") -> ET.Element:
        """Join (or create and unlock) a room; returns our self-presence."""
        pw = f"<password>{escape(password)}</password>" if password else ""
        self.send_xml(
            f"<presence to={quoteattr(room + '/' + nick)}>"
            f"<x xmlns='http://jabber.org/protocol/muc'>{pw}<history maxstanzas='0'/></x></presence>"
        )
        own = await self.wait_presence(
            lambda p: p.get("from") == f"{room}/{nick}" and _codes(p) >= {110}
        )
        if 201 in _codes(own):
            await self.iq(
                "set",
                room,
                "<query xmlns='http://jabber.org/protocol/muc#owner'>"
                "<x xmlns='jabber:x:data' type='submit'/></query>",
            )
        return own

    # -- waiting -----------------------------------------------------------------------------

    async def wait_message(
        self, predicate: Callable[[ET.Element], bool], timeout: float = 60.0
    ) -> ET.Element:
        return await _wait(self.messages, predicate, timeout, "message")

    async def wait_body(self, text: str, timeout: float = 60.0) -> ET.Element:
        return await self.wait_message(lambda m: body_of(m) == text, timeout)

    async def wait_presence(
        self, predicate: Callable[[ET.Element], bool], timeout: float = 60.0
    ) -> ET.Element:
        return await _wait(self.presences, predicate, timeout, "presence")

    def bodies(self) -> list[str]:
        return [b for b in (body_of(m) for m in self.messages) if b is not None]


def _codes(presence: ET.Element) -> set[int]:
    x = presence.find("{http://jabber.org/protocol/muc#user}x")
    if x is None:
        return set()
    return {
        int(s.get("code", "0")) for s in x.findall("{http://jabber.org/protocol/muc#user}status")
    }


async def _wait(
    items: list[ET.Element], predicate: Callable[[ET.Element], bool], timeout: float, what: str
) -> ET.Element:
    def last_ones() -> str:
        dump = "\n".join(ET.tostring(i, encoding="unicode")[:300] for i in items[-5:])
        return f"a matching {what}; last ones:\n{dump}"

    return await wait_until(  # an element without children is falsy: checked for None
        lambda: next((item for item in items if predicate(item)), None),
        timeout,
        check=lambda found: found is not None,
        what=last_ones,
    )
