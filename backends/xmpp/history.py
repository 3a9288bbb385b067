"""Server archives (XEP-0313): history paged backwards, id look-ups, and proof of what was sent.

Results arrive as ``<message>`` stanzas before the IQ that ends the query; the backend routes them
here by query id, and only accepts them from the archive that was asked (our own account, or the
room), so nobody else can inject "history".
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from app import facts as f
from app.backend import Failure, FailureKind, Outcome
from backends.xmpp import convert, ns, stanzas
from backends.xmpp.convert import IdLink
from backends.xmpp.ledger import SendLedger, Verdict
from backends.xmpp.ns import q
from backends.xmpp.session import IqFailure, XmppSession

LOCATE_PAGES = 20
LOCATE_PAGE_SIZE = 100
VERIFY_PAGES = 10
VERIFY_SLACK = 300.0  # seconds before the first send that the archive search starts at


@dataclass(slots=True)
class _Collector:
    archive: str  # bare JID whose archive answers
    results: list[ET.Element] = field(default_factory=list)


class ArchiveService:
    """Queries the archives (ours, and rooms') for history, ids and proof of delivery."""

    def __init__(
        self,
        session: XmppSession,
        *,
        is_room: Callable[[str], bool],
        apply: Callable[[convert.ParsedMessage], None],
    ) -> None:
        self.session = session
        self.is_room = is_room
        self.apply = apply
        self._collectors: dict[str, _Collector] = {}

    def on_result(self, message: ET.Element, result: ET.Element) -> None:
        """A ``<message>`` carrying an archive result: keep it if it answers one of our queries."""
        collector = self._collectors.get(result.get("queryid") or "")
        sender = convert.jid(message.get("from"))
        archive = sender.bare if sender is not None else self.session.own_jid
        if collector is None or archive != collector.archive:
            self.session.report(
                f.BadInput("archive", f"an unsolicited archive result from {archive!r}")
            )
            return
        collector.results.append(result)

    async def query(
        self,
        archive: str,
        *,
        with_jid: str | None = None,
        before: str | None = None,
        after: str | None = None,
        start: datetime | None = None,
        ids: tuple[str, ...] = (),
        max_items: int = 50,
    ) -> tuple[list[ET.Element], convert.ArchivePage]:
        query_id = self.session.client.new_id()
        collector = _Collector(archive)
        self._collectors[query_id] = collector
        payload = stanzas.mam_query(
            query_id,
            with_jid=with_jid,
            start=start,
            before=before,
            after=after,
            ids=ids,
            max_items=max_items,
        )
        to = None if archive == self.session.own_jid else archive
        try:
            result = await self.session.iq("set", to, payload, timeout=60)
        finally:
            self._collectors.pop(query_id, None)
        return collector.results, convert.parse_mam_fin(result)

    def _where(self, conversation: str) -> tuple[str, str | None]:
        """(archive to ask, ``with`` filter) for a conversation."""
        if self.is_room(conversation):
            return conversation, None
        return self.session.own_jid, conversation

    # -- history for the user ----------------------------------------------------------------

    async def fetch(self, conversation: str, before_remote_id: str | None, limit: int) -> Outcome:
        session = self.session
        if not session.connected:
            return Outcome(Failure(FailureKind.NOT_CONNECTED, "Not connected.", retryable=True))
        archive, with_jid = self._where(conversation)
        if with_jid is not None and not session.features.mam:
            return Outcome(Failure(FailureKind.UNSUPPORTED, "This server keeps no history."))
        anchor = ""
        if before_remote_id:
            link = session.ids.link_for_remote(conversation, before_remote_id)
            anchor = link.archive_id if link is not None and link.archive_id else before_remote_id
        task = f"history:{conversation}"
        session.report(f.Progress(task, "Loading older messages", 0, limit))
        try:
            try:
                results, page = await self.query(
                    archive, with_jid=with_jid, before=anchor, max_items=limit
                )
            except IqFailure as exc:
                if exc.condition != "item-not-found" or not before_remote_id:
                    raise
                # The anchor is not an archive id (one of our own 1:1 messages): find it.
                located = await self._locate(conversation, before_remote_id)
                if located is None:
                    return Outcome(
                        Failure(FailureKind.PROTOCOL, "Could not find this point in the history.")
                    )
                results, page = await self.query(
                    archive, with_jid=with_jid, before=located, max_items=limit
                )
        except IqFailure as exc:
            return Outcome(exc.failure("Could not load the history"))
        finally:
            session.report(f.Progress(task, "Loading older messages", limit, limit))
        ctx = session.parse_context(history=True)
        for result in results:
            try:
                self.apply(convert.parse_archived(result, archive, ctx))
            except Exception as exc:
                session.log.warning("could not parse an archived message", exc_info=True)
                session.report(f.BadInput("archive", repr(exc)))
        return Outcome(value="end" if page.complete else None)

    async def _locate(self, conversation: str, ref: str) -> str | None:
        """The archive id of the message whose sender's id is ``ref``, searching back from now."""
        archive, with_jid = self._where(conversation)
        before = ""
        ctx = self.session.parse_context(history=True)
        for _ in range(LOCATE_PAGES):
            results, page = await self.query(
                archive, with_jid=with_jid, before=before, max_items=LOCATE_PAGE_SIZE
            )
            for result in results:
                link = convert.parse_archived(result, archive, ctx).link
                if link is not None:
                    self.session.ids.remember(link)
                    if ref in (link.ref, link.remote_id):
                        return link.archive_id
            if page.complete or page.first is None:
                return None
            before = page.first
        return None

    async def lookup(self, conversation: str, remote_id: str, group: bool) -> IdLink | None:
        """Both ids of a message we know by ``remote_id``: from memory, else from the archive."""
        session = self.session
        link = session.ids.link_for_remote(conversation, remote_id)
        if link is not None or not session.connected:
            return link
        archive, with_jid = self._where(conversation)
        if with_jid is not None and not session.features.mam:
            return None
        try:
            results, _ = await self.query(archive, ids=(remote_id,), max_items=1)
        except IqFailure:
            return None
        ctx = session.parse_context(history=True)
        for result in results:
            found = convert.parse_archived(result, archive, ctx).link
            if found is not None:
                session.ids.remember(found)
                return found
        return None

    # -- proof for the outbox ----------------------------------------------------------------

    async def verify(self, ledger: SendLedger) -> dict[str, Verdict]:
        """Decide, from the archives, which of the last connection's unacknowledged messages
        the server has (see :mod:`backends.xmpp.ledger`)."""
        verdicts: dict[str, Verdict] = {}
        for txn, entry in list(ledger.previous.items()):
            if ledger.verdict(txn) is not Verdict.UNKNOWN:
                continue
            verdict = await self._search(txn, entry.conversation, entry.group, entry.at)
            ledger.settle(txn, verdict)
            verdicts[txn] = verdict
        return verdicts

    async def _search(self, txn: str, conversation: str, group: bool, at: float) -> Verdict:
        session = self.session
        if not group and not session.features.mam:
            return Verdict.UNKNOWN
        archive = conversation if group else session.own_jid
        with_jid = None if group else conversation
        start = datetime.fromtimestamp(min(at, time.time()) - VERIFY_SLACK, UTC)
        after: str | None = None
        try:
            for _ in range(VERIFY_PAGES):
                results, page = await self.query(
                    archive, with_jid=with_jid, start=start, after=after, max_items=100
                )
                for result in results:
                    if _is_ours(result, txn):
                        return Verdict.RECEIVED
                if page.complete or page.last is None:
                    return Verdict.NOT_RECEIVED
                after = page.last
        except IqFailure as exc:
            session.log.info("archive search for an unconfirmed message failed: %s", exc.condition)
        return Verdict.UNKNOWN


def _is_ours(result: ET.Element, txn: str) -> bool:
    fwd = result.find(q(ns.FORWARD, "forwarded"))
    msg = None if fwd is None else fwd.find(q(ns.CLIENT, "message"))
    if msg is None:
        return False
    origin = msg.find(q(ns.SID, "origin-id"))
    return msg.get("id") == txn or (origin is not None and origin.get("id") == txn)
