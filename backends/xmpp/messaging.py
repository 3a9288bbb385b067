"""Messages in and out: conversion of live stanzas, sending with exactly-once bookkeeping, and the
small things around a message (receipts, markers, typing, corrections, reactions, retractions).

How a send is confirmed (see also :mod:`backends.xmpp.ledger`):

- with XEP-0198 on the stream, ``send_message`` returns ``SendResult(confirmed=False)`` once the
  message is written and an ack is requested; the server's ack then becomes
  ``DeliveryUpdated(SENT, txn_id=…)``. In a room, the room's echo of our message (with its stanza-id)
  confirms it too.
- without stream management there is nothing better than TCP, so the send counts as confirmed once
  the stanza was written to a socket that is still open afterwards; if the session died on the way
  the result is a retryable ``NOT_CONNECTED`` and the ledger keeps the message, so the next
  connection asks the archive before anything is sent again.
- a message the previous connection left unconfirmed waits (at most :data:`VERDICT_WAIT`) for the
  archive search that runs after signing in (``verify_unconfirmed`` in backend.py): received →
  confirmed, not received → sent, unknown → failed as "may not have been delivered", never
  re-sent.
- the message's stanza id *and* its origin-id (XEP-0359) are the outbox's ``txn_id``, so echoes,
  carbons and archive copies of it are recognised as ours.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from slixmpp.stanza import Message
from slixmpp.types import MessageTypes

from app import facts as f
from app.backend import Failure, FailureKind, Outcome, OutgoingMessage, SendResult
from app.i18n import CoreMessages
from app.models import ConversationId, DeliveryState, MessageKind
from backends.xmpp import convert, ns, stanzas, styling
from backends.xmpp.convert import IdLink
from backends.xmpp.ledger import SendLedger, StreamState, Verdict
from backends.xmpp.omemo.engine import EngineStopped
from backends.xmpp.omemo.send import Sealed
from backends.xmpp.session import XmppSession

UNCONFIRMED = CoreMessages.tr(
    "The connection was lost before the server confirmed this message, so it may not have "
    "been delivered."
)
STATE_HANDLED = "xmpp.stream_handled"  # inbound stanzas committed (acknowledged to the server)
NUMBERING_TIMEOUT = 10.0
VERDICT_WAIT = 30.0  # longer than the archive search's own deadline


def _live_stamp() -> datetime:
    """When a live message (one without a server stamp) arrived, in whole seconds.

    Archives stamp whole seconds (Prosody does): a live message stamped to the millisecond would
    sort after the messages a catch-up brings from the same second, although it came first. With
    equal stamps the store keeps the order of arrival."""
    return datetime.now(UTC).replace(microsecond=0)


LookupRef = Callable[[str, str, bool], Awaitable[IdLink | None]]
Seal = Callable[[str, bool, str, str | None, list[Any]], Awaitable[Sealed | Failure | None]]
"""(to, group, txn id, body, payload) → the encrypted form, a failure, or None (send as is)."""


class MessageService:
    """Everything about messages for one connection."""

    def __init__(
        self,
        session: XmppSession,
        ledger: SendLedger,
        *,
        is_room: Callable[[str], bool],
        wait_joined: Callable[[str], Awaitable[bool]],
        lookup_ref: LookupRef,
        observe: Callable[[f.Fact], None] = lambda _fact: None,
        archived: Callable[[convert.ArchiveMark], None] = lambda _mark: None,
        sent: Callable[[str, str], None] = lambda _conversation, _txn: None,
        blocked: Callable[[str], bool] = lambda _jid: False,
        seal: Seal | None = None,
    ) -> None:
        self.session = session
        self.observe = observe  # every fact, before it is reported
        self.archived = archived  # a live message's place in an archive
        self.sent = sent  # (conversation, txn id) of a 1:1 message we handed over
        self.seal = seal  # end-to-end encryption (OMEMO), when the connection has it
        self.ledger = ledger
        self.is_room = is_room
        self.wait_joined = wait_joined
        self.lookup_ref = lookup_ref
        self._numbering: dict[str, asyncio.Future[int]] = {}
        self._blocked = blocked  # a bare JID whose messages are dropped
        self.verified = asyncio.Event()  # the archive search about the last connection is over

    # -- stream management ------------------------------------------------------------------

    def number_outgoing(self, stanza: Any) -> Any:
        """``out_sync`` filter after XEP-0198's own: note the number our messages got."""
        if isinstance(stanza, Message):
            txn = str(stanza["id"])
            sm = self.session.client.plugin["xep_0198"]
            seq = int(sm.seq) if sm.enabled_out else -1
            if txn in self.ledger.pending:
                # Recorded here, synchronously: the stanza is written right after this filter.
                # Without stream management the number is -1: "written, on no stream".
                self.ledger.numbered(txn, seq, str(sm.sm_id or "") if seq >= 0 else "")
            waiter = self._numbering.pop(txn, None)
            if waiter is not None and not waiter.done():
                waiter.set_result(seq)
        return stanza

    def on_acked(self, stanza: Any) -> None:
        """XEP-0198 ack for one stanza: our message is with the server."""
        if not isinstance(stanza, Message):
            return
        txn = str(stanza["id"])
        entry = self.ledger.acked(txn)
        if entry is None:
            return
        self.session.report(f.DeliveryUpdated(entry.conversation, DeliveryState.SENT, txn_id=txn))
        self.session.spawn(self.ledger.save_pending(), "save-pending")

    def on_request_ack(self, _request: Any) -> None:
        """The server asks how many of its stanzas we handled (XEP-0198 ``<r/>``).

        slixmpp answers at once with what it has *parsed*; we answer once the facts of those
        stanzas are committed (a state write is committed after every fact reported before it),
        so the server never drops a stanza from its queue that a crash could still lose. Every
        stanza before the request has been through our handlers already: slixmpp runs them in
        stream order.
        """
        sm = self.session.client.plugin["xep_0198"]
        if sm.enabled_in:
            self.session.spawn(self._ack_when_committed(int(sm.handled)), "ack")

    async def _ack_when_committed(self, handled: int) -> None:
        await self.session.ctx.state.set(STATE_HANDLED, str(handled))
        if self.session.alive():
            self.session.client.send_raw(f"<a xmlns='{ns.SM}' h='{handled}'/>")

    def stream_state(self) -> StreamState | None:
        """What a later connection needs to resume this stream, if it can be resumed."""
        client = self.session.client
        sm = client.plugin["xep_0198"]
        if not sm.sm_id or not sm.allow_resume:
            return None
        return StreamState(
            sm_id=str(sm.sm_id),
            jid=str(client.boundjid.full),
            handled=int(sm.handled),
            seq=int(sm.seq),
            last_ack=int(sm.last_ack),
        )

    def stream_managed(self) -> bool:
        sm = self.session.client.plugin["xep_0198"]
        return bool(sm.enabled_out) and "stream_management" in self.session.client.features

    def report_verdicts(self, verdicts: dict[str, Verdict]) -> None:
        """Confirm what the previous connection's server provably received."""
        for txn, verdict in verdicts.items():
            entry = self.ledger.previous.get(txn)
            if verdict is Verdict.RECEIVED and entry is not None:
                self.session.report(
                    f.DeliveryUpdated(entry.conversation, DeliveryState.SENT, txn_id=txn)
                )

    # -- incoming ----------------------------------------------------------------------------

    def on_message(self, el: Any) -> None:
        """A live message stanza (archive results are routed elsewhere before this)."""
        try:
            parsed = convert.parse_message(el, self.session.parse_context())
        except Exception as exc:  # a bug in convert must not take the connection down
            self.session.log.warning("could not parse a message stanza", exc_info=True)
            self.session.report(f.BadInput("message", repr(exc)))
            return
        self.apply(parsed)
        if parsed.receipt_to and parsed.receipt_id:
            sender = convert.jid(parsed.receipt_to)
            if sender is not None and not self._blocked(sender.bare):
                self.session.send_message(
                    parsed.receipt_to, "chat", children=[stanzas.receipt(parsed.receipt_id)]
                )

    def apply(self, parsed: convert.ParsedMessage) -> None:
        if parsed.link is not None:
            self.session.ids.remember(parsed.link)
        if parsed.archived is not None:
            self.archived(parsed.archived)
        for parsed_fact in parsed.facts:
            fact = parsed_fact
            if isinstance(fact, f.MessageReceived) and fact.timestamp is None:
                fact = dataclasses.replace(fact, timestamp=_live_stamp())
            if (
                isinstance(fact, f.MessageReceived)
                and fact.outgoing
                and fact.txn_id
                and self.ledger.acked(fact.txn_id) is not None  # a room echoed our message
            ):
                self.session.spawn(self.ledger.save_pending(), "save-pending")
            self.observe(fact)
            self.session.report(fact)

    # -- sending ------------------------------------------------------------------------------

    async def send(self, conv: ConversationId, msg: OutgoingMessage) -> SendResult:
        session = self.session
        to = conv.native_id
        group = self.is_room(to)
        own_remote = None if group else msg.txn_id
        verdict = self.ledger.verdict(msg.txn_id)
        if verdict is Verdict.UNKNOWN:
            await session.wait_or_down(self.verified.wait(), VERDICT_WAIT)
            if not session.alive():  # whatever was found out: the next connection decides
                return _not_connected()
            verdict = self.ledger.verdict(msg.txn_id)
        if verdict is Verdict.RECEIVED:
            self.ledger.forget(msg.txn_id)
            return SendResult(remote_id=own_remote)
        if verdict is Verdict.UNKNOWN:
            self.ledger.forget(msg.txn_id)
            return SendResult(failure=Failure(FailureKind.NETWORK, UNCONFIRMED))
        if not session.alive():
            return _not_connected()
        self.ledger.forget(msg.txn_id)
        if group and not await self.wait_joined(to):
            return SendResult(
                failure=Failure(
                    FailureKind.REJECTED,
                    CoreMessages.tr("You are not in this room."),
                    retryable=False,
                )
            )
        reply = await self._reply_target(to, msg.reply_to, group) if msg.reply_to else None
        body, urls = _body_and_urls(msg)
        children = stanzas.message_payload(
            msg.txn_id, request_receipt=not group, markable=not group, reply_to=reply, urls=urls
        )
        sealed = await self._sealed(to, group, msg.txn_id, body, children)
        if isinstance(sealed, Failure):
            return SendResult(failure=sealed)
        stanza_body, children, trust = (
            (body, children, None)
            if sealed is None
            else (sealed.body, sealed.children, sealed.trust)
        )
        mtype: MessageTypes = "groupchat" if group else "chat"
        managed = self.stream_managed()
        # Saved before it leaves (crash safety); with its number once it is written.
        await self.ledger.add(msg.txn_id, to, group)
        waiter: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        self._numbering[msg.txn_id] = waiter
        if not session.alive():  # lost while saving: it never left
            self.ledger.forget(msg.txn_id)
            self._numbering.pop(msg.txn_id, None)
            await self.ledger.save_pending()
            return _not_connected()
        session.send_message(to, mtype, body=stanza_body, stanza_id=msg.txn_id, children=children)
        try:
            seq = await session.wait_or_down(waiter, NUMBERING_TIMEOUT)
        finally:
            self._numbering.pop(msg.txn_id, None)
        if not session.alive():
            # The session died on the way: whether the server has it is for the next connection
            # to find out (stream resumption or the archive); the ledger keeps it until then.
            return _not_connected()
        if not managed:
            if seq is None:  # never reached the socket although the session lives: try again
                self.ledger.forget(msg.txn_id)
                await self.ledger.save_pending()
                return _not_connected()
            self.ledger.acked(msg.txn_id)  # written on a live socket: as good as it gets
            await self.ledger.save_pending()
            if not group:
                self.sent(to, msg.txn_id)
            return SendResult(remote_id=own_remote, trust=trust)
        if seq is not None and seq >= 0:
            session.client.plugin["xep_0198"].request_ack()  # type: ignore[no-untyped-call]
        if not group:
            self.sent(to, msg.txn_id)
        return SendResult(
            remote_id=own_remote, confirmed=False, state=DeliveryState.PENDING, trust=trust
        )

    async def edit(self, conv: ConversationId, target: str, msg: OutgoingMessage) -> SendResult:
        to = conv.native_id
        group = self.is_room(to)
        if not self.session.connected:
            return _not_connected()
        link = await self.lookup_ref(to, target, group)
        ref = link.ref if link is not None else target
        children = [
            *stanzas.message_payload(msg.txn_id, request_receipt=False, markable=False),
            stanzas.correction(ref),
        ]
        text = styling.html_to_styling(msg.html) if msg.html else msg.body
        sealed = await self._sealed(to, group, msg.txn_id, text, children)
        if isinstance(sealed, Failure):
            return SendResult(failure=sealed)
        body: str | None = text
        if sealed is not None:
            body, children = sealed.body, sealed.children
        self.session.send_message(
            to,
            "groupchat" if group else "chat",
            body=body,
            stanza_id=msg.txn_id,
            children=children,
        )
        return SendResult(remote_id=None if group else msg.txn_id)

    async def _sealed(
        self, to: str, group: bool, txn: str, body: str | None, children: list[Any]
    ) -> Sealed | Failure | None:
        """The message encrypted, when the conversation is (see :mod:`backends.xmpp.omemo`)."""
        if self.seal is None:
            return None
        try:
            return await self.seal(to, group, txn, body, children)
        except EngineStopped:
            # The connection ended while encrypting (a server restart mid-burst): not sent,
            # so the outbox tries again on the next connection instead of failing it for good.
            return _not_connected().failure

    async def react(self, conv: ConversationId, target: str, keys: tuple[str, ...]) -> Outcome:
        return await self._about(conv, target, lambda ref: stanzas.reactions(ref, keys))

    async def retract(self, conv: ConversationId, target: str) -> Outcome:
        return await self._about(conv, target, stanzas.retraction, body=stanzas.RETRACT_FALLBACK)

    async def _about(
        self,
        conv: ConversationId,
        target: str,
        build: Callable[[str], list[Any]],
        body: str | None = None,
    ) -> Outcome:
        """Send a message that refers to another one (reaction, retraction)."""
        if not self.session.connected:
            return Outcome(_not_connected().failure)
        to = conv.native_id
        group = self.is_room(to)
        ref = await self._ref(to, target, group)
        self.session.send_message(
            to,
            "groupchat" if group else "chat",
            body=body,
            stanza_id=self.session.client.new_id(),
            children=build(ref),
        )
        return Outcome()

    async def _ref(self, conversation: str, remote_id: str, group: bool) -> str:
        """How peers reference a message we know by ``remote_id`` (XEP-0424/0444/0461/0333).

        In a room that is the room's stanza-id, which is our remote id; in 1:1 it is the id its
        sender gave it.
        """
        if group:
            return remote_id
        link = await self.lookup_ref(conversation, remote_id, group)
        return link.ref if link is not None else remote_id

    async def _reply_target(
        self, conversation: str, remote_id: str, group: bool
    ) -> tuple[str, str]:
        link = await self.lookup_ref(conversation, remote_id, group)
        if group:
            nick = link.sender if link is not None and link.sender != self.session.own_jid else ""
            return (f"{conversation}/{nick}" if nick else "", remote_id)
        ref = link.ref if link is not None else remote_id
        author = link.sender if link is not None else ""
        return (author, ref)

    async def typing(self, conv: ConversationId, typing: bool) -> None:
        if not self.session.connected:
            return
        to = conv.native_id
        group = self.is_room(to)
        self.session.send_message(
            to, "groupchat" if group else "chat", children=stanzas.chat_state(typing)
        )

    async def read_marker(self, conv: ConversationId, remote_id: str) -> None:
        to = conv.native_id
        if not self.session.connected or self.is_room(to):
            return
        ref = await self._ref(to, remote_id, False)
        self.session.send_message(to, "chat", children=stanzas.displayed(ref))


def _not_connected() -> SendResult:
    return SendResult(
        failure=Failure(
            FailureKind.NOT_CONNECTED, CoreMessages.tr("Not connected."), retryable=True
        )
    )


def _body_and_urls(msg: OutgoingMessage) -> tuple[str, list[str]]:
    """The body to send, and the attachment links to announce with XEP-0066.

    A lone attachment whose caption is just its file name is sent as the bare URL, which is what
    other clients (Conversations, Dino, Gajim) show inline.
    """
    urls = [a.url for a in msg.attachments if a.url]
    body = styling.html_to_styling(msg.html) if msg.html else msg.body
    if msg.kind is MessageKind.EMOTE and not body.startswith("/me "):
        body = "/me " + body
    if len(urls) == 1 and body.strip() in ("", msg.attachments[0].filename):
        return urls[0], urls
    if urls:
        body = "\n".join([body, *urls]) if body.strip() else "\n".join(urls)
    return body, urls
