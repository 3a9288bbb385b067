"""One signed-in XMPP connection and the few things every part of the backend needs from it.

The services (:mod:`messaging`, :mod:`roster`, :mod:`rooms`, :mod:`history`, :mod:`files`) share this
object instead of each other: it sends stanzas, runs IQ requests with their errors turned into
values, reports facts, and owns the background tasks so they all end with the connection.
"""

from __future__ import annotations

import asyncio
import contextlib
import xml.etree.ElementTree as ET
from collections.abc import Awaitable, Callable, Coroutine, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from slixmpp.exceptions import IqError, IqTimeout
from slixmpp.stanza import Message
from slixmpp.types import IqTypes, MessageTypes, PresenceShows, PresenceTypes

from app import facts as f
from app.backend import BackendContext, Failure, FailureKind
from app.i18n import CoreMessages
from app.models import Trust
from backends.xmpp import convert, ns
from backends.xmpp.client import ChinwagClient
from backends.xmpp.ids import MessageIdMap
from backends.xmpp.ns import q
from backends.xmpp.settings import ConnectionSettings

IQ_TIMEOUT = 20.0
T = TypeVar("T")


class IqFailure(Exception):
    """An IQ request came back with an error (or none came back)."""

    def __init__(self, condition: str, text: str = "", *, timeout: bool = False) -> None:
        super().__init__(text or condition)
        self.condition = condition
        self.text = text
        self.timeout = timeout

    def failure(self, what: str) -> Failure:
        """The failure to hand to the core, with a sentence for a person."""
        if self.timeout:
            return Failure(
                FailureKind.NETWORK,
                CoreMessages.tr("%1: the server did not answer.").arg(what),
                True,
            )
        detail = self.text or self.condition.replace("-", " ")
        kind = {
            "forbidden": FailureKind.REJECTED,
            "not-allowed": FailureKind.REJECTED,
            "not-authorized": FailureKind.REJECTED,
            "item-not-found": FailureKind.REJECTED,
            "not-acceptable": FailureKind.REJECTED,
            "conflict": FailureKind.REJECTED,
            "feature-not-implemented": FailureKind.UNSUPPORTED,
            "service-unavailable": FailureKind.UNSUPPORTED,
            "resource-constraint": FailureKind.RATE_LIMITED,
            "policy-violation": FailureKind.RATE_LIMITED,
            "not-connected": FailureKind.NOT_CONNECTED,
        }.get(self.condition, FailureKind.PROTOCOL)
        retryable = kind in (FailureKind.RATE_LIMITED, FailureKind.NOT_CONNECTED)
        return Failure(kind, f"{what}: {detail}.", retryable)


@dataclass
class ServerFeatures:
    """What the server (and our account on it) supports, learnt after signing in."""

    mam: bool = False
    stanza_ids: bool = False  # our account's archive adds (and vouches for) XEP-0359 ids
    carbons: bool = False
    blocking: bool = False
    upload_service: str = ""
    upload_max_size: int | None = None
    muc_service: str = ""
    room_mam: dict[str, bool] = field(default_factory=dict)
    room_stanza_ids: dict[str, bool] = field(default_factory=dict)
    room_occupant_ids: dict[str, bool] = field(default_factory=dict)  # XEP-0421 advertised
    room_moderation: dict[str, str] = field(default_factory=dict)  # XEP-0425 namespace, "": none


class XmppSession:
    """The connection shared by the backend's services."""

    def __init__(
        self, ctx: BackendContext, client: ChinwagClient, settings: ConnectionSettings
    ) -> None:
        self.ctx = ctx
        self.client = client
        self.settings = settings
        self.log = ctx.logger
        self.ids = MessageIdMap()
        self.features = ServerFeatures()
        self.room_nicks: dict[str, str] = {}  # rooms we are in (or joining) → our nick
        self.trust_of: Callable[[ET.Element], Trust] = lambda _message: Trust.NONE
        """How a message stanza was encrypted (OMEMO answers for what it decrypted)."""
        self.down = asyncio.Event()  # set once the session is over (waits can end early)
        self._connected = False
        self._tasks: set[asyncio.Task[Any]] = set()
        self._expected: list[tuple[Callable[[ET.Element], bool], asyncio.Future[ET.Element]]] = []

    @property
    def connected(self) -> bool:
        """Signed in, and no loss or close has been noticed yet."""
        return self._connected

    @connected.setter
    def connected(self, value: bool) -> None:
        self._connected = value
        if value:
            self.down.clear()
        else:
            self.down.set()

    def alive(self) -> bool:
        """Connected right now, socket included (a call, so checks after an ``await`` are not
        narrowed away). The socket can be gone before slixmpp reports the loss."""
        transport = self.client.transport
        return self._connected and transport is not None and not transport.is_closing()

    async def wait_or_down(self, awaitable: Awaitable[T], timeout: float) -> T | None:
        """``awaitable``'s result; None if the session ends or ``timeout`` passes first."""
        task = asyncio.ensure_future(awaitable)
        down = asyncio.ensure_future(self.down.wait())
        try:
            await asyncio.wait({task, down}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        finally:
            down.cancel()
        if task.done() and not task.cancelled() and task.exception() is None:
            return task.result()
        if not task.done():
            task.cancel()
        return None

    @property
    def own_jid(self) -> str:
        return str(self.client.boundjid.bare) or self.settings.jid

    def report(self, fact: f.Fact) -> None:
        self.ctx.report(fact)

    def parse_context(self, *, history: bool = False) -> convert.Context:
        return convert.Context(
            account_id=self.ctx.account_id,
            own_jid=self.own_jid,
            rooms=dict(self.room_nicks),
            resolve=self.ids.remote_for,
            history=history,
            servers=frozenset({self.settings.domain, str(self.client.boundjid.domain)} - {""}),
            stamping=frozenset(
                [self.own_jid] * self.features.stanza_ids
                + [room for room, ok in self.features.room_stanza_ids.items() if ok]
            ),
            occupant_ids=frozenset(
                room for room, ok in self.features.room_occupant_ids.items() if ok
            ),
            trust=self.trust_of,
        )

    # -- waiting for a message ----------------------------------------------------------------

    def expect_message(self, predicate: Callable[[ET.Element], bool]) -> asyncio.Future[ET.Element]:
        """A future for the next incoming message matching ``predicate`` (a room's echo …)."""
        future: asyncio.Future[ET.Element] = asyncio.get_running_loop().create_future()
        self._expected.append((predicate, future))
        return future

    def forget_expectation(self, future: asyncio.Future[ET.Element]) -> None:
        self._expected = [(p, fut) for p, fut in self._expected if fut is not future]

    def check_expectations(self, el: ET.Element) -> None:
        for predicate, future in list(self._expected):
            if future.done():
                continue
            try:
                matched = predicate(el)
            except Exception:  # a predicate reading hostile input must not break the handler
                matched = False
            if matched:
                future.set_result(el)

    # -- tasks -------------------------------------------------------------------------------

    def spawn(self, coro: Coroutine[Any, Any, Any], name: str) -> asyncio.Task[Any]:
        """Run work in the background; its failure is logged, never raised into slixmpp."""
        task = asyncio.get_running_loop().create_task(self._guard(coro, name), name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        # Cancelled before it ever ran (the connection ended at once): close the coroutine, or
        # Python warns that it was never awaited. Closing a finished one does nothing.
        task.add_done_callback(lambda _task: coro.close())
        return task

    async def _guard(self, coro: Coroutine[Any, Any, Any], name: str) -> Any:
        try:
            return await coro
        except asyncio.CancelledError:
            raise
        except Exception:
            self.log.exception("background task %s failed", name)
            return None

    async def cancel_tasks(self) -> None:
        tasks = [t for t in self._tasks if not t.done() and t is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    # -- sending -----------------------------------------------------------------------------

    def message(
        self,
        to: str,
        mtype: MessageTypes,
        *,
        body: str | None = None,
        stanza_id: str | None = None,
        children: Iterable[ET.Element] = (),
    ) -> Message:
        msg: Message = self.client.make_message(mto=to, mtype=mtype)
        if stanza_id:
            msg["id"] = stanza_id
        if body is not None:
            msg["body"] = body
        for child in children:
            msg.xml.append(child)
        return msg

    def send_message(
        self,
        to: str,
        mtype: MessageTypes,
        *,
        body: str | None = None,
        stanza_id: str | None = None,
        children: Iterable[ET.Element] = (),
    ) -> Message:
        msg = self.message(to, mtype, body=body, stanza_id=stanza_id, children=children)
        msg.send()
        return msg

    def send_presence(
        self,
        to: str | None = None,
        *,
        ptype: PresenceTypes | None = None,
        show: PresenceShows | None = None,
        status: str | None = None,
        children: Iterable[ET.Element] = (),
    ) -> None:
        pres = self.client.make_presence(pto=to, ptype=ptype, pshow=show, pstatus=status)
        for child in children:
            pres.xml.append(child)
        pres.send()

    async def iq(
        self, itype: IqTypes, to: str | None, payload: ET.Element, *, timeout: float = IQ_TIMEOUT
    ) -> ET.Element:
        """Send an IQ and return the result's XML; errors raise :class:`IqFailure`."""
        if not self.connected and not self.client.is_connected():
            raise IqFailure("not-connected", "not connected")
        iq = self.client.make_iq(ito=to, itype=itype)
        iq.xml.append(payload)
        try:
            result = await iq.send(timeout=timeout)  # type: ignore[no-untyped-call]
        except IqError as exc:
            condition, text = convert.stanza_error(exc.iq.xml)
            raise IqFailure(condition, text) from None
        except IqTimeout:
            raise IqFailure("remote-server-timeout", timeout=True) from None
        except Exception as exc:  # slixmpp raises NotConnectedError and friends
            raise IqFailure("not-connected", str(exc)) from None
        xml: ET.Element = result.xml
        return xml

    async def discover(self) -> None:
        """What the server offers: carbons, blocking, archive, group chat and upload services."""
        domain = self.settings.domain
        features = self.features

        async def info(jid: str | None) -> convert.DiscoInfo:
            try:
                result = await self.iq("get", jid, ET.Element(q(ns.DISCO_INFO, "query")))
            except IqFailure:
                return convert.DiscoInfo()
            return convert.parse_disco_info(result.find(q(ns.DISCO_INFO, "query")))

        server, account = await asyncio.gather(info(domain), info(self.own_jid))
        features.carbons = ns.CARBONS in server.features
        features.blocking = ns.BLOCKING in server.features
        features.mam = ns.MAM in account.features
        features.stanza_ids = ns.SID in account.features
        try:
            result = await self.iq("get", domain, ET.Element(q(ns.DISCO_ITEMS, "query")))
            items = convert.parse_disco_items(result.find(q(ns.DISCO_ITEMS, "query")))
        except IqFailure:
            items = []
        for jid, item in zip(items, await asyncio.gather(*(info(i) for i in items)), strict=True):
            if ("conference", "text") in item.identities and not features.muc_service:
                features.muc_service = jid
            if ns.UPLOAD in item.features and not features.upload_service:
                features.upload_service = jid
                size = item.fields.get(ns.UPLOAD, {}).get("max-file-size", "")
                features.upload_max_size = int(size) if size.isdigit() else None
