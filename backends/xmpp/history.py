"""Server archives (XEP-0313): history paged backwards, id look-ups, and proof of what was sent.

Results arrive as ``<message>`` stanzas before the IQ that ends the query; the backend routes them
here by query id, and only accepts them from the archive that was asked (our own account, or the
room), so nobody else can inject "history".

Paging backwards needs an archive id (XEP-0359 stanza-id) to page from, but the core asks for
"older than my oldest message", and that message may be one of ours, known by the id we sent it
with. So :class:`HistoryAnchors` keeps, per conversation and across restarts (in ``ctx.state``),
the oldest message we reported or sent: its ids, its archive id when known, and its time. A fetch
from an id the archive does not know pages from that archive id, else from that time (XEP-0313
``end``), and only as a last resort searches back from now.
"""

from __future__ import annotations

import json
import time
import xml.etree.ElementTree as ET
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from app import facts as f
from app.backend import Failure, FailureKind, Outcome, StateAccess
from app.i18n import CoreMessages
from backends.xmpp import convert, ns, stanzas
from backends.xmpp.convert import IdLink
from backends.xmpp.ledger import SendLedger, Verdict
from backends.xmpp.ns import q
from backends.xmpp.session import IqFailure, XmppSession

LOCATE_PAGES = 20  # searching back from now for an id with no other clue
LOCATE_PAGE_SIZE = 100
NEAR_PAGES = 3  # searching around a known time
NEAR_SLACK = 600.0  # seconds after a recorded time the archive's own stamp may be (clock skew)
VERIFY_PAGES = 10
VERIFY_SLACK = 86400.0  # the archive search for an unconfirmed send starts a day before it
VERIFY_DEADLINE = 15.0  # seconds for the whole search after signing in
STATE_ANCHORS = "xmpp.history_anchors"
MAX_ANCHORS = 2_000  # conversations whose oldest message is remembered
Decrypt = Callable[[list[ET.Element], str], Awaitable[None]]
"""(archive results, archive) → decrypted in place (see :mod:`backends.xmpp.omemo.receive`)."""


@dataclass(slots=True)
class Anchor:
    """The oldest message of a conversation we reported or sent."""

    ids: list[str]  # what the core may know it by (remote id, sender's id)
    archive_id: str | None  # where backwards paging continues, when known
    ts: float  # unix time (the archive's, or ours when we sent it)


class HistoryAnchors:
    """Per conversation, where the core's oldest message sits in the archive (kept in state)."""

    def __init__(self, state: StateAccess) -> None:
        self._state = state
        self._anchors: OrderedDict[str, Anchor] = OrderedDict()

    async def load(self) -> None:
        raw = await self._state.get(STATE_ANCHORS)
        try:
            data = json.loads(raw) if raw else {}
            self._anchors = OrderedDict(
                (
                    str(conv),
                    Anchor(
                        [str(i) for i in v["ids"]],
                        str(v["archive_id"]) if v.get("archive_id") else None,
                        float(v["ts"]),
                    ),
                )
                for conv, v in data.items()
            )
        except (ValueError, TypeError, KeyError, AttributeError):
            self._anchors = OrderedDict()

    async def save(self) -> None:
        data = {
            conv: {"ids": a.ids, "archive_id": a.archive_id, "ts": a.ts}
            for conv, a in self._anchors.items()
        }
        await self._state.set(STATE_ANCHORS, json.dumps(data) if data else None)

    def get(self, conversation: str, remote_id: str) -> Anchor | None:
        """The anchor of ``conversation`` if the core's oldest message is the one it records."""
        anchor = self._anchors.get(conversation)
        return anchor if anchor is not None and remote_id in anchor.ids else None

    def has(self, conversation: str) -> bool:
        return conversation in self._anchors

    def offer(
        self, conversation: str, ids: Iterable[str | None], archive_id: str | None, ts: float
    ) -> bool:
        """Record a message if it is the oldest seen in its conversation; True if it was."""
        current = self._anchors.get(conversation)
        if current is not None and current.ts <= ts:
            return False
        self._anchors[conversation] = Anchor(
            list(dict.fromkeys(i for i in ids if i)), archive_id, ts
        )
        self._anchors.move_to_end(conversation)
        while len(self._anchors) > MAX_ANCHORS:
            self._anchors.popitem(last=False)
        return True


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
        decrypt: Decrypt | None = None,
    ) -> None:
        self.session = session
        self.is_room = is_room
        self.apply = apply
        self.decrypt = decrypt  # end-to-end encrypted results, before they are converted
        self.anchors = HistoryAnchors(session.ctx.state)
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
        end: datetime | None = None,
        ids: tuple[str, ...] = (),
        max_items: int = 50,
        read: bool = False,
    ) -> tuple[list[ET.Element], convert.ArchivePage]:
        """One page of ``archive``. With ``read`` its messages are about to be reported: the
        encrypted ones are decrypted first (never for id look-ups, which must not use up a
        message key before the message itself is shown)."""
        query_id = self.session.client.new_id()
        collector = _Collector(archive)
        self._collectors[query_id] = collector
        payload = stanzas.mam_query(
            query_id,
            with_jid=with_jid,
            start=start,
            end=end,
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
        if read and self.decrypt is not None:
            await self.decrypt(collector.results, archive)
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
            return Outcome(
                Failure(
                    FailureKind.NOT_CONNECTED, CoreMessages.tr("Not connected."), retryable=True
                )
            )
        archive, with_jid = self._where(conversation)
        if with_jid is not None and not session.features.mam:
            return Outcome(
                Failure(FailureKind.UNSUPPORTED, CoreMessages.tr("This server keeps no history."))
            )
        task = f"history:{conversation}"
        session.report(f.Progress(task, CoreMessages.tr("Loading older messages"), 0, limit))
        try:
            found = await self._page(conversation, before_remote_id, limit)
        except IqFailure as exc:
            return Outcome(exc.failure("Could not load the history"))
        finally:
            session.report(
                f.Progress(task, CoreMessages.tr("Loading older messages"), limit, limit)
            )
        if found is None:
            return Outcome(
                Failure(
                    FailureKind.PROTOCOL,
                    CoreMessages.tr("Could not find this point in the history."),
                )
            )
        results, page = found
        ctx = session.parse_context(history=True)
        oldest: tuple[list[str | None], float] | None = None
        for result in results:
            try:
                parsed = convert.parse_archived(result, archive, ctx)
            except Exception as exc:
                session.log.warning("could not parse an archived message", exc_info=True)
                session.report(f.BadInput("archive", repr(exc)))
                continue
            if oldest is None:
                oldest = _message_ids(parsed)
            self.apply(parsed)
        if oldest is not None and page.first is not None:
            ids, ts = oldest
            if self.anchors.offer(conversation, ids, page.first, ts):
                await self.anchors.save()
        return Outcome(value="end" if page.complete else None)

    async def _page(
        self, conversation: str, before_remote_id: str | None, limit: int
    ) -> tuple[list[ET.Element], convert.ArchivePage] | None:
        """Up to ``limit`` results older than ``before_remote_id``; None if it cannot be placed."""
        archive, with_jid = self._where(conversation)

        async def before(anchor: str) -> tuple[list[ET.Element], convert.ArchivePage]:
            return await self.query(
                archive, with_jid=with_jid, before=anchor, max_items=limit, read=True
            )

        if not before_remote_id:
            return await before("")
        link = self.session.ids.link_for_remote(conversation, before_remote_id)
        if link is not None and link.archive_id:
            return await before(link.archive_id)
        anchor = self.anchors.get(conversation, before_remote_id)
        if anchor is not None and anchor.archive_id:
            return await before(anchor.archive_id)
        if anchor is not None:
            # One of our own messages, never seen in the archive: find it near the time we
            # sent it, else page by that time.
            located = await self._locate(
                conversation, before_remote_id, end=anchor.ts + NEAR_SLACK, pages=NEAR_PAGES
            )
            if located is not None:
                return await before(located)
            end = datetime.fromtimestamp(anchor.ts + 1, UTC)  # "end" is whole seconds
            return await self.query(
                archive, with_jid=with_jid, end=end, before="", max_items=limit, read=True
            )
        try:
            return await before(before_remote_id)  # most remote ids are archive ids
        except IqFailure as exc:
            if exc.condition != "item-not-found":
                raise
        located = await self._locate(conversation, before_remote_id)
        return None if located is None else await before(located)

    async def _locate(
        self, conversation: str, ref: str, *, end: float | None = None, pages: int = LOCATE_PAGES
    ) -> str | None:
        """The archive id of the message known by ``ref``, searching back from ``end`` (or now)."""
        archive, with_jid = self._where(conversation)
        until = None if end is None else datetime.fromtimestamp(min(end, time.time() + 60), UTC)
        before = ""
        ctx = self.session.parse_context(history=True)
        for _ in range(pages):
            results, page = await self.query(
                archive, with_jid=with_jid, end=until, before=before, max_items=LOCATE_PAGE_SIZE
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

    def note_oldest(self, conversation: str, ids: Iterable[str | None], ts: float) -> None:
        """A message of ours in a conversation we know nothing about yet: it may become the
        core's oldest there, so remember its time (its archive id is not known)."""
        if not self.anchors.has(conversation) and self.anchors.offer(conversation, ids, None, ts):
            self.session.spawn(self.anchors.save(), "save-anchors")

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

    async def verify(self, ledger: SendLedger, settled: Callable[[str, Verdict], None]) -> None:
        """Decide, from the archives, which of the last connection's unacknowledged messages
        the server has (see :mod:`backends.xmpp.ledger`); ``settled`` hears each verdict.

        "Not received" needs two things: the archive keeps every message of that conversation
        (our archive's preferences say ``always``; a room says it archives), and the whole
        search window — from a day before the send until now — was read. Anything less is
        "unknown": the message fails as "may not have been delivered" and is never re-sent.
        """
        # One search per conversation for all its unconfirmed messages: a burst cut off by a
        # lost connection leaves dozens, and one scan of the window answers for all of them.
        groups: dict[tuple[str, bool], list[str]] = {}
        for txn, entry in list(ledger.previous.items()):
            if ledger.verdict(txn) is Verdict.UNKNOWN:
                groups.setdefault((entry.conversation, entry.group), []).append(txn)
        for (conversation, group), txns in groups.items():
            keeps = await self._keeps_everything(conversation, group)
            at = min(ledger.previous[txn].at for txn in txns)
            verdicts = await self._search(set(txns), conversation, group, at, keeps)
            for txn in txns:
                verdict = verdicts.get(txn, Verdict.UNKNOWN)
                ledger.settle(txn, verdict)
                settled(txn, verdict)

    async def _keeps_everything(self, conversation: str, group: bool) -> bool:
        session = self.session
        try:
            if group:
                result = await session.iq(
                    "get", conversation, ET.Element(q(ns.DISCO_INFO, "query"))
                )
                info = convert.parse_disco_info(result.find(q(ns.DISCO_INFO, "query")))
                return ns.MAM in info.features
            if not session.features.mam:
                return False
            prefs = convert.parse_mam_prefs(
                await session.iq("get", None, stanzas.mam_prefs_request())
            )
        except IqFailure as exc:
            session.log.info("could not learn what the archive keeps: %s", exc.condition)
            return False
        return prefs is not None and prefs.keeps_everything_with(conversation)

    async def _search(
        self, txns: set[str], conversation: str, group: bool, at: float, keeps_everything: bool
    ) -> dict[str, Verdict]:
        """Which of ``txns`` (sent to ``conversation`` from ``at`` on) the archive has."""
        session = self.session
        if not group and not session.features.mam:
            return dict.fromkeys(txns, Verdict.UNKNOWN)
        archive = conversation if group else session.own_jid
        with_jid = None if group else conversation
        start = datetime.fromtimestamp(min(at, time.time()) - VERIFY_SLACK, UTC)
        before = ""  # newest first: messages sent just before the loss are found at once
        found: set[str] = set()
        absent = Verdict.UNKNOWN
        try:
            for _ in range(VERIFY_PAGES):
                results, page = await self.query(
                    archive, with_jid=with_jid, start=start, before=before, max_items=100
                )
                found.update(txn for result in results for txn in _ours(result, txns))
                if found == txns:
                    break
                if page.complete:
                    absent = Verdict.NOT_RECEIVED if keeps_everything else Verdict.UNKNOWN
                    break
                if page.first is None:
                    break
                before = page.first
        except IqFailure as exc:
            session.log.info("archive search for unconfirmed messages failed: %s", exc.condition)
        return {txn: Verdict.RECEIVED if txn in found else absent for txn in txns}


def _message_ids(parsed: convert.ParsedMessage) -> tuple[list[str | None], float] | None:
    """The ids the core may know a reported message by, and its time (None: not a message)."""
    for fact in parsed.facts:
        if isinstance(fact, f.MessageReceived) and fact.timestamp is not None:
            return [fact.remote_id, fact.ref_id, fact.txn_id], fact.timestamp.timestamp()
    return None


def _ours(result: ET.Element, txns: set[str]) -> set[str]:
    """Which of ``txns`` an archive result is (by its stanza id or origin-id)."""
    fwd = result.find(q(ns.FORWARD, "forwarded"))
    msg = None if fwd is None else fwd.find(q(ns.CLIENT, "message"))
    if msg is None:
        return set()
    origin = msg.find(q(ns.SID, "origin-id"))
    ids = {msg.get("id"), None if origin is None else origin.get("id")}
    return {txn for txn in txns if txn in ids}
