"""Older messages: the gaps of ``limited`` syncs, and backfill when the person scrolls up.

Both page back through ``/messages`` and hand each event to the :class:`~.timeline.Timeline`.
A gap is filled *before* the sync answer's own timeline is reported (its messages are older); a
backfill page is reported oldest first, each message with its latest edit, and reactions whose
message is older than the page wait (bounded) until that page arrives.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from app import facts as f
from app.backend import Failure, FailureKind, Outcome
from app.i18n import CoreMessages
from app.models import ConversationId
from backends.matrix import convert as cv
from backends.matrix.bounded import BoundedDict
from backends.matrix.http import V1, V3, q
from backends.matrix.rooms import RoomState
from backends.matrix.session import STATE_LAST_EVENT, MatrixSession, not_connected
from backends.matrix.timeline import Timeline

HISTORY_FILTER = {"lazy_load_members": True}
MAX_HISTORY_PAGES = 10
MAX_GAP_PAGES = 5
"""A ``limited`` sync's gap is paged back at most this many ``/messages`` pages (of
``GAP_PAGE_SIZE``); the rest is left to backfill."""
GAP_PAGE_SIZE = 50
MAX_ORPHAN_TARGETS = 2_000  # reactions waiting for an older message, per session
MAX_ORPHANS_PER_TARGET = 100
MAX_HISTORY_TOKENS = 1_000
Related = f.ReactionChanged | f.PollVoted | f.PollEnded
"""What refers to a message and must be reported after it (a reaction, a poll's vote or end)."""
RELATED = (f.ReactionChanged, f.PollVoted, f.PollEnded)
MAX_POLLS_PER_PAGE = 20  # polls of one backfill page whose votes are fetched (relations API)
POLL_VOTES_PAGE = 200  # votes and ends fetched per poll (one page of its references)


@dataclass(frozen=True)
class HistoryLimits:
    """How far one request may page back (bounds on what a server can make us do)."""

    history_pages: int = MAX_HISTORY_PAGES
    gap_pages: int = MAX_GAP_PAGES
    gap_page_size: int = GAP_PAGE_SIZE
    orphans_per_target: int = MAX_ORPHANS_PER_TARGET


def _history_filter() -> str:
    return json.dumps(HISTORY_FILTER, separators=(",", ":"))


class History:
    """Gap filling and backfill for one session."""

    def __init__(
        self,
        session: MatrixSession,
        timeline: Timeline,
        limits: HistoryLimits | None = None,
        prepare: Callable[[str, list[Any]], Awaitable[None]] | None = None,
    ) -> None:
        self.session = session
        self.timeline = timeline
        self.limits = limits or HistoryLimits()
        self._prepare = prepare  # thread roots of a page reported first (Threads.prepare)
        self.tokens: BoundedDict[tuple[str, str], str] = BoundedDict(MAX_HISTORY_TOKENS)
        """(room, oldest message reported) → the ``/messages`` position before it."""
        self.orphans: BoundedDict[tuple[str, str], list[Related]] = BoundedDict(MAX_ORPHAN_TARGETS)
        """(room, target event) → reactions, poll votes and ends that arrived before their
        message did."""
        self.polls_found: list[str] = []
        """Polls the last page reported: their votes are fetched next (:meth:`poll_votes`)."""

    # -- gaps of limited syncs -------------------------------------------------------------------

    async def fill_gaps(self, body: dict[str, Any]) -> None:
        """Page back through the gap of every ``limited`` timeline to the last event we saw.

        Rule for what the gap's messages count as: *live* (unread, notified — like the rest of a
        catch-up sync), except what we already read on another device, which is *history*: when
        this answer carries our own read receipt, every gap event up to the one it points at (all
        of them, if it points into this answer's timeline) is history. At most ``gap_pages``
        pages are read; a gap still open after them is left (logged) — the core's backfill pages
        back from the oldest stored message, so it does not reach that hole.
        """
        rooms = cv.get_dict(body, "rooms") or {}
        for room_id, data in (cv.get_dict(rooms, "join") or {}).items():
            if not isinstance(data, dict):
                continue
            timeline = cv.get_dict(data, "timeline") or {}
            prev_batch = cv.get_str(timeline, "prev_batch")
            if timeline.get("limited") is not True or not prev_batch:
                continue
            last_seen = self.session.last_events.get(room_id) or await self.session.ctx.state.get(
                STATE_LAST_EVENT + room_id
            )
            if not last_seen:
                continue
            events = cv.get_list(timeline, "events") or []
            if any(isinstance(e, dict) and e.get("event_id") == last_seen for e in events):
                continue
            try:
                await self._fill_gap(room_id, data, prev_batch, last_seen)
            except asyncio.CancelledError:
                raise
            except Exception:
                self.session.log.exception("could not fill the gap in %s", room_id)
                self.session.report(f.BadInput("matrix gap", room_id))

    async def _fill_gap(
        self, room_id: str, data: dict[str, Any], prev_batch: str, last_seen: str
    ) -> None:
        session = self.session
        room = session.room(room_id)
        for event in cv.events_of(data.get("state")):
            room.remember_name(event)
        read_up_to: str | None = None
        for event in cv.events_of(data.get("ephemeral")):
            if cv.get_str(event, "type") == "m.receipt":
                read_up_to = cv.own_receipt(event, session.own_id) or read_up_to
        gap, closed = await self._page_back(room, prev_batch, last_seen)
        self.timeline.learn_encryption(room, gap)
        if self._prepare is not None:
            await self._prepare(room_id, gap)
        if not closed:
            session.log.info(
                "the gap of %s is longer than %d pages", room_id, self.limits.gap_pages
            )
        timeline_ids = {
            e.get("event_id")
            for e in cv.get_list(cv.get_dict(data, "timeline") or {}, "events") or []
            if isinstance(e, dict)
        }
        gap_ids = [e.get("event_id") for e in gap]
        if read_up_to is not None and read_up_to in timeline_ids:
            read_count = len(gap)
        elif read_up_to is not None and read_up_to in gap_ids:
            read_count = gap_ids.index(read_up_to) + 1
        else:
            read_count = 0
        for index, event in enumerate(gap):
            if isinstance(event.get("state_key"), str):
                continue
            ctx = session.room_context(room, history=index < read_count)
            _opened, facts = self.timeline.facts(room_id, event, ctx)
            for fact in facts:
                session.report(fact)

    async def _page_back(
        self, room: RoomState, token: str, last_seen: str
    ) -> tuple[list[dict[str, Any]], bool]:
        """The events from ``token`` back to ``last_seen`` (oldest first), and whether the gap
        closed within the page limit."""
        newest_first: list[dict[str, Any]] = []
        closed = False
        for _ in range(self.limits.gap_pages):
            reply = await self.session.api.request(
                "GET",
                f"{V3}/rooms/{q(room.room_id)}/messages",
                query={
                    "dir": "b",
                    "from": token,
                    "limit": self.limits.gap_page_size,
                    "filter": _history_filter(),
                },
                timeout=60,
            )
            if not reply.ok:
                self.session.log.info(
                    "gap of %s not filled: %s", room.room_id, reply.failure().message
                )
                break
            for event in cv.events_of({"events": reply.body.get("state")}):
                room.remember_name(event)
            for event in cv.get_list(reply.body, "chunk") or []:
                if isinstance(event, dict) and event.get("event_id") == last_seen:
                    closed = True
                    break
                if isinstance(event, dict):
                    newest_first.append(event)
            end = cv.get_str(reply.body, "end")
            if closed or not end or end == token:
                closed = closed or not end
                break
            token = end
        return list(reversed(newest_first)), closed

    # -- backfill ----------------------------------------------------------------------------------

    async def fetch(
        self, conv: ConversationId, before_remote_id: str | None, limit: int
    ) -> Outcome:
        """Backfill with ``/messages``: report up to ``limit`` older events (``history=True``)."""
        session = self.session
        if not session.connected():
            return Outcome(not_connected())
        room_id = conv.native_id
        room = session.room(room_id)
        token: str | None = None
        if before_remote_id:
            token = self.tokens.get((room_id, before_remote_id))
            if token is None:
                reply = await session.api.request(
                    "GET",
                    f"{V3}/rooms/{q(room_id)}/context/{q(before_remote_id)}",
                    query={"limit": 0},
                    timeout=30,
                )
                if not reply.ok:
                    return Outcome(reply.failure())
                token = cv.get_str(reply.body, "start")
                if token is None:
                    return Outcome(
                        Failure(
                            FailureKind.PROTOCOL, CoreMessages.tr("The server gave no position.")
                        )
                    )
        else:
            token = room.prev_batch
        task = f"history:{room_id}"
        label = "Loading older messages"
        session.report(f.Progress(task, label, 0, None))
        reported = 0
        end: str | None = token
        oldest: str | None = None
        # Pages without messages (only state events, an empty chunk the server still gives an
        # ``end`` for) show nothing: keep going, so the core's "oldest message" moves. Only a
        # missing ``end`` token is the start of the room (spec: /messages "end" absent = no more).
        for _ in range(self.limits.history_pages):
            query: dict[str, str | int] = {
                "dir": "b",
                "limit": max(1, limit),
                "filter": _history_filter(),
            }
            if end:
                query["from"] = end
            reply = await session.api.request(
                "GET", f"{V3}/rooms/{q(room_id)}/messages", query=query, timeout=60
            )
            if not reply.ok:
                session.report(f.Progress(task, label, reported, reported))
                return Outcome(reply.failure())
            for event in cv.events_of({"events": reply.body.get("state")}):
                room.remember_name(event)
            chunk = cv.get_list(reply.body, "chunk") or []
            self.timeline.learn_encryption(room, chunk)
            if self._prepare is not None:
                await self._prepare(room_id, chunk)
            oldest, count = self.report_page(room, list(reversed(chunk)))
            await self.poll_votes(room)
            reported += count
            previous, end = end, cv.get_str(reply.body, "end")
            if end is not None and end == previous:
                end = None  # the server did not move: treat it as the start, never loop
            if oldest is not None and end:
                self.tokens[(room_id, oldest)] = end
            if not end or oldest is not None:
                break
        if oldest is None and end:
            # Left after pages without messages: the core will ask again from the same message,
            # so the next call must start where this one stopped, not where it started.
            if before_remote_id:
                self.tokens[(room_id, before_remote_id)] = end
            else:
                room.prev_batch = end
        session.report(f.Progress(task, label, reported, reported))
        session.save_encrypted()
        return Outcome(value=None if end else "end")

    def report_page(self, room: RoomState, events: list[object]) -> tuple[str | None, int]:
        """Report one page, oldest first: messages with their latest edit, then reactions and
        poll votes and ends (after their message, even when that is in an older page).

        Returns the event id of the oldest message reported (if any) and how many were.
        """
        ctx = self.session.room_context(room, history=True)
        report = self.session.report
        related: list[Related] = []
        seen: set[str] = set()
        oldest: str | None = None
        orphans = self.orphans
        for raw in events:
            event, facts = self.timeline.facts(room.room_id, raw, ctx)
            arrived: str | None = None
            for fact in facts:
                if isinstance(fact, f.MessageReceived) and fact.replaces is not None:
                    continue  # edits come bundled with their original (below)
                if isinstance(fact, RELATED):
                    related.append(fact)
                    continue
                report(fact)
                if isinstance(fact, f.PollStarted):
                    self.polls_found.append(fact.remote_id)
                if isinstance(fact, f.MessageReceived) and fact.remote_id:
                    seen.add(fact.remote_id)
                    oldest = oldest or fact.remote_id
                    arrived = fact.remote_id
                    edit = self._bundled_edit(event, ctx)
                    if edit is not None:
                        report(edit)
            if arrived is not None:  # after all of its event's facts (a poll's definition)
                for waiting in orphans.pop((room.room_id, arrived), []):
                    report(waiting)
        for fact in related:
            removed = isinstance(fact, f.ReactionChanged) and not fact.added
            if fact.target_remote_id in seen or removed:
                report(fact)
            else:  # its message is older than this page: report it when that page arrives
                queue = orphans.setdefault_new((room.room_id, fact.target_remote_id), list)
                if len(queue) < self.limits.orphans_per_target:
                    queue.append(fact)
        return oldest, len(seen)

    async def poll_votes(self, room: RoomState) -> None:
        """The votes and ends of the polls a backfill page brought (MSC3381 asks clients to
        read them through the relations API): votes that came live before their poll was
        fetched were dropped, and a poll older than the page's own votes has them elsewhere.
        Replays change nothing in the tally; a failure leaves the tally as it is (logged)."""
        found, self.polls_found = self.polls_found[:MAX_POLLS_PER_PAGE], []
        ctx = self.session.room_context(room, history=True)
        for poll_id in found:
            reply = await self.session.api.request(
                "GET",
                f"{V1}/rooms/{q(room.room_id)}/relations/{q(poll_id)}/m.reference",
                query={"limit": POLL_VOTES_PAGE},
                timeout=30,
            )
            if not reply.ok:
                self.session.log.info("votes of poll %s not fetched", poll_id)
                continue
            chunk = cv.get_list(reply.body, "chunk") or []
            for raw in reversed(chunk):  # newest first from the server
                _event, facts = self.timeline.facts(room.room_id, raw, ctx)
                for fact in facts:
                    if isinstance(fact, f.PollVoted | f.PollEnded):
                        self.session.report(fact)

    def _bundled_edit(self, event: object, ctx: cv.RoomContext) -> f.MessageReceived | None:
        """The latest ``m.replace`` the server bundled with an event (spec: server-side
        aggregation of edits), as an edit fact."""
        if not isinstance(event, dict):
            return None
        replacement = cv.path_dict(event, "unsigned", "m.relations", "m.replace")
        if not replacement or "content" not in replacement:
            return None
        converted = cv.convert_event(replacement, ctx) or []
        for fact in converted:
            if isinstance(fact, f.MessageReceived) and fact.replaces:
                return fact
        return None
