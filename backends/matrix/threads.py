"""Threads for one session: finding roots, reading a thread, answering in it, read receipts.

Before the events of a sync answer or a history page are converted, :meth:`Threads.prepare`
looks at the thread replies among them: a root this session has not seen is fetched once
(``GET /rooms/{id}/event/{root}``) and reported as history before its replies, so the thread has
its first message to hang under. A root that does not exist or cannot be seen (404, 403) is
remembered as missing, and its replies are shown as ordinary replies in the main timeline
(:attr:`~.session.MatrixSession.missing_roots`); a redacted root exists (it shows as deleted,
with its thread under it). At most :data:`MAX_ROOT_FETCHES` roots are fetched per answer: a
hostile flood of replies to made-up roots costs that many requests, and the rest stay in the
main timeline.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.backend import Outcome
from app.models import ConversationId
from backends.matrix import convert as cv
from backends.matrix import relations
from backends.matrix.bounded import BoundedDict
from backends.matrix.http import V1, V3, q
from backends.matrix.session import MatrixSession, not_connected
from backends.matrix.timeline import Timeline

MAX_ROOT_FETCHES = 20  # per sync answer or history page
MAX_KNOWN = 20_000  # (room, event) pairs known to exist this session
MAX_THREAD_PAGES = 10


class Threads:
    """Thread roots, thread pages and threaded receipts for one session."""

    def __init__(self, session: MatrixSession, timeline: Timeline) -> None:
        self.session = session
        self.timeline = timeline
        self.known: BoundedDict[tuple[str, str], None] = BoundedDict(MAX_KNOWN)
        """(room, event) pairs that exist: roots fetched, events seen in answers."""
        self.latest: BoundedDict[tuple[str, str], str] = BoundedDict(MAX_KNOWN)
        """(room, root) → the newest event seen in that thread (for the reply fallback)."""

    # -- roots -------------------------------------------------------------------------------------

    async def prepare(self, room_id: str, events: Iterable[object]) -> None:
        """Make sure every thread root the replies among ``events`` name is reported (fetched
        if this session has not seen it) or known to be missing."""
        batch = [e for e in events if isinstance(e, dict)]
        for event in batch:
            event_id = cv.get_str(event, "event_id")
            if event_id:
                self.known[(room_id, event_id)] = None
        roots = relations.thread_roots(batch)
        if not roots:
            return
        budget = MAX_ROOT_FETCHES
        for root in sorted(roots):
            key = (room_id, root)
            if key in self.known or key in self.session.missing_roots:
                continue
            if budget <= 0 or not self.session.connected():
                self.session.missing_roots[key] = None  # not looked at: keep replies visible
                continue
            budget -= 1
            await self._fetch_root(room_id, root)
        for event in batch:
            content = event.get("content")
            rel = content.get("m.relates_to") if isinstance(content, dict) else None
            thread = relations.thread_of(rel) if isinstance(rel, dict) else None
            event_id = cv.get_str(event, "event_id")
            if thread is not None and event_id:
                self.latest[(room_id, thread)] = event_id

    async def _fetch_root(self, room_id: str, root: str) -> None:
        session = self.session
        reply = await session.api.request(
            "GET", f"{V3}/rooms/{q(room_id)}/event/{q(root)}", timeout=30
        )
        if not reply.ok or cv.get_str(reply.body, "event_id") != root:
            session.log.info("thread root %s in %s is not available", root, room_id)
            session.missing_roots[(room_id, root)] = None
            return
        self.known[(room_id, root)] = None
        ctx = session.room_context(session.room(room_id), history=True)
        _event, facts = self.timeline.facts(room_id, reply.body, ctx)
        for fact in facts:
            session.report(fact)

    # -- reading a thread --------------------------------------------------------------------------

    async def fetch(self, conv: ConversationId, root: str, limit: int) -> Outcome:
        """Report the root and up to ``limit`` of the newest replies (``/relations``), as
        history; ``Outcome.value`` is ``"end"`` when the thread has no more."""
        session = self.session
        if not session.connected():
            return Outcome(not_connected())
        room_id = conv.native_id
        await self._fetch_root(room_id, root)
        if (room_id, root) in session.missing_roots:
            return Outcome(value="end")
        path = f"{V1}/rooms/{q(room_id)}/relations/{q(root)}/{relations.THREAD}"
        query: dict[str, str | int] = {"limit": max(1, min(limit, 100)), "dir": "b"}
        newest_first: list[dict[str, object]] = []
        token: str | None = None
        for _ in range(MAX_THREAD_PAGES):
            reply = await session.api.request("GET", path, query=query, timeout=60)
            if not reply.ok:
                return Outcome(reply.failure())
            newest_first.extend(
                e for e in cv.get_list(reply.body, "chunk") or [] if isinstance(e, dict)
            )
            token = cv.get_str(reply.body, "next_batch")
            if not token or len(newest_first) >= limit:
                break
            query["from"] = token
        room = session.room(room_id)
        page: list[object] = list(reversed(newest_first))
        self.timeline.learn_encryption(room, page)
        ctx = session.room_context(room, history=True)
        for raw in page:
            _event, facts = self.timeline.facts(room_id, raw, ctx)
            for fact in facts:
                session.report(fact)
        if newest_first:
            newest = cv.get_str(newest_first[0], "event_id")
            if newest:
                self.latest.setdefault_new((room_id, root), lambda: newest)
        return Outcome(value=None if token else "end")

    # -- answering, receipts -----------------------------------------------------------------------

    def relation(self, room_id: str, root: str, reply_to: str | None) -> dict[str, object]:
        """``m.relates_to`` for a message we send in a thread."""
        return relations.thread_relation(root, self.latest.get((room_id, root)), reply_to)

    async def send_read_marker(self, conv: ConversationId, root: str, event_id: str) -> None:
        """A read receipt inside a thread: threaded (``thread_id``) where the server knows them
        (spec v1.4), else an ordinary one, which also covers the thread."""
        session = self.session
        if not session.connected():
            return
        features = await session.features.get(session.api)
        body: dict[str, object] = {"thread_id": root} if features.threaded_receipts else {}
        reply = await session.api.request(
            "POST",
            f"{V3}/rooms/{q(conv.native_id)}/receipt/m.read/{q(event_id)}",
            body=body,
            timeout=30,
        )
        if not reply.ok:
            session.log.info("thread receipt not sent: %s", reply.failure().message)
