"""Catching up after a fresh sign-in: what the archives got while this device was away (XEP-0313).

A resumed stream (XEP-0198) delivers what the server queued for us, and offline storage delivers
what arrived while *no* device was online; neither covers messages that went to another of our
devices while this one was away, nor room messages beyond the room's join history. So the last
archive id seen is kept per archive (our own, and each room we are in) in ``ctx.state``, and after
a fresh sign-in each archive is read forward from it, page by page (:data:`PAGE_SIZE`), to its end; the position
moves after each page, so a crash half-way reads on from there. A room we can catch up on this way is rejoined without join history, so its
messages arrive once, in order, from the archive.

Unread or not: messages that arrived while we were away are *new* (``history=False``: counted as
unread and notified), except what was evidently read on another device — in each conversation,
everything before our own latest message or displayed marker (XEP-0333) in the caught-up span
(``history=True``). That mirrors the core, where our displayed marker from another device marks
the whole conversation read.
"""

from __future__ import annotations

import asyncio
import json
import time
import xml.etree.ElementTree as ET
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from app import facts as f
from app.backend import StateAccess
from app.i18n import CoreMessages
from backends.xmpp import convert
from backends.xmpp.history import ArchiveService
from backends.xmpp.session import IqFailure, XmppSession

STATE_CATCHUP = "xmpp.catchup"
PAGE_SIZE = 100
MAX_PAGES = 1_000  # per archive and sign-in (100,000 messages); the rest follows next time
SAVE_DELAY = 2.0  # seconds: positions move with every message; save them at most this often
MAX_ARCHIVES = 1_000
_UNAVAILABLE = {"feature-not-implemented", "service-unavailable", "forbidden", "not-allowed"}


@dataclass(slots=True)
class Position:
    """The last message read from an archive: its archive id and when it was archived."""

    archive_id: str  # "": the archive was empty, everything in it is new
    ts: float
    behind: bool = False  # the last catch-up stopped early: read on from here next time


class CatchUp:
    """Archive positions of one account, and the catch-up of one connection.

    Crash safety: a position only ever names a message whose facts were reported before the
    position is saved, and the core commits a state write after the facts reported before it
    (:class:`~app.session.AccountState`). So the saved position never runs ahead of the store,
    and a restart after a crash reads on from what was committed.

    A live message moves its archive's position only while that archive is in step. From the
    moment a connection could receive live messages (before the initial presence, before a
    room's join) until the catch-up of that archive has ended, the archive is *held*: live
    messages are noted but the position stays where the catch-up starts; otherwise the first
    live message would jump over everything that arrived while we were away.
    """

    def __init__(
        self,
        session: XmppSession,
        archive: ArchiveService,
        apply: Callable[[convert.ParsedMessage], None],
    ) -> None:
        self.session = session
        self.archive = archive
        self.apply = apply
        self.positions: OrderedDict[str, Position] = OrderedDict()
        self._held: dict[str, Position | None] = {}  # archives not in step → newest live mark
        self._running: set[str] = set()
        self._saver: asyncio.Task[None] | None = None
        self._state: StateAccess = session.ctx.state

    # -- positions ---------------------------------------------------------------------------

    async def load(self) -> None:
        raw = await self._state.get(STATE_CATCHUP)
        try:
            data = json.loads(raw) if raw else {}
            self.positions = OrderedDict(
                (
                    str(archive),
                    Position(str(v["id"]), float(v["ts"]), bool(v.get("behind", False))),
                )
                for archive, v in data.items()
            )
        except (ValueError, TypeError, KeyError, AttributeError):
            self.positions = OrderedDict()

    async def save(self) -> None:
        """Save the positions now (the connection is ending, or the delay is over)."""
        saver, self._saver = self._saver, None
        if saver is not None and saver is not asyncio.current_task() and not saver.done():
            saver.cancel()
        data = {
            archive: {"id": p.archive_id, "ts": p.ts, **({"behind": True} if p.behind else {})}
            for archive, p in self.positions.items()
        }
        await self._state.set(STATE_CATCHUP, json.dumps(data) if data else None)

    async def _save_later(self) -> None:
        await asyncio.sleep(SAVE_DELAY)
        await self.save()

    def _changed(self) -> None:
        if self._saver is None or self._saver.done():
            self._saver = self.session.spawn(self._save_later(), "save-positions")

    def _set(self, archive: str, position: Position) -> None:
        self.positions[archive] = position
        self.positions.move_to_end(archive)
        while len(self.positions) > MAX_ARCHIVES:
            self.positions.popitem(last=False)
        self._changed()

    def knows(self, archive: str) -> bool:
        """Whether ``archive`` can be caught up on (we have read it before)."""
        return archive in self.positions

    def behind(self) -> list[str]:
        """Archives whose last catch-up stopped early."""
        return [archive for archive, p in self.positions.items() if p.behind]

    def hold(self, archive: str) -> None:
        """Live messages of ``archive`` may come before its catch-up: keep its position still
        until :meth:`run` has read the archive (call it before they can arrive)."""
        self._held.setdefault(archive, None)

    def seen(self, mark: convert.ArchiveMark) -> None:
        """A live message carried its archive id: we are up to date with that archive."""
        position = Position(mark.archive_id, _unix(mark.timestamp))
        current = self.positions.get(mark.archive)
        if mark.archive in self._held:
            self._held[mark.archive] = position  # the catch-up decides when it ends
            if current is None:
                # No position yet (a room just joined): there is no gap to jump over, all
                # before this is history. Taken at once, so a loss right now keeps it.
                self._set(mark.archive, position)
            return
        if current is not None and current.behind:
            return  # a gap is still unread: the position stays before it
        self._set(mark.archive, position)

    def forget(self, archive: str) -> None:
        """We left a room: its archive is no concern of ours any more."""
        self._held.pop(archive, None)
        if self.positions.pop(archive, None) is not None:
            self._changed()

    # -- catching up -------------------------------------------------------------------------

    async def run(self, archive: str) -> None:
        """Report what ``archive`` got after our position (or just find the position)."""
        if archive in self._running:
            return  # already under way
        self._running.add(archive)
        self.hold(archive)
        outcome = "incomplete"
        try:
            position = self.positions.get(archive)
            if position is None:
                outcome = await self._establish(archive)
            else:
                outcome = await self._catch_up(archive, position)
        finally:
            self._running.discard(archive)
            live = self._held.pop(archive, None)
        if outcome == "unavailable":
            self.forget(archive)  # this archive is not (or no longer) ours to read
            return
        current = self.positions.get(archive)
        if outcome == "complete" and live is not None and (current is None or live.ts > current.ts):
            # Read to the end of the archive, and live messages came on this connection
            # meanwhile: the newer of the two is where we are (an older one only re-reads).
            self._set(archive, live)

    async def _catch_up(self, archive: str, position: Position) -> str:
        """Read and report the archive after ``position``, page by page, moving the position
        after each page; say how it ended: ``complete``, ``incomplete`` (page limit, or a
        passing failure), ``unavailable``."""
        task = f"catch-up:{archive}"
        label = "Fetching messages from while you were away"
        self.session.log.info(
            "catching up on an archive from %s", position.archive_id or "its start"
        )
        self.session.report(f.Progress(task, label, 0))
        done = 0
        outcome = "incomplete"
        try:
            after: str | None = position.archive_id or None
            start: datetime | None = None
            for _ in range(MAX_PAGES):
                try:
                    try:
                        results, page = await self.archive.query(
                            archive, after=after, start=start, max_items=PAGE_SIZE, read=True
                        )
                    except IqFailure as exc:
                        if exc.condition != "item-not-found" or after != position.archive_id:
                            raise
                        # The archive no longer has that message (expired): go by its time.
                        after, start = None, datetime.fromtimestamp(position.ts, UTC)
                        results, page = await self.archive.query(
                            archive, start=start, max_items=PAGE_SIZE, read=True
                        )
                except IqFailure as exc:
                    self.session.log.info("catching up on an archive failed: %s", exc.condition)
                    outcome = "unavailable" if exc.condition in _UNAVAILABLE else "incomplete"
                    return outcome
                self._report(archive, results)
                done += len(results)
                last = convert.archive_mark(results[-1], archive) if results else None
                if last is not None:
                    # Saved (later) behind this page's facts: a crash reads on from here.
                    position = Position(last.archive_id, _unix(last.timestamp), behind=True)
                    self._set(archive, position)
                self.session.report(f.Progress(task, label, done))
                if page.complete or page.last is None:
                    outcome = "complete"
                    self._set(archive, replace(position, behind=False))
                    return outcome
                after, start = page.last, None
            self._set(archive, replace(position, behind=True))
            return outcome
        finally:
            if outcome != "complete" and archive in self.positions:
                # Not saved from here: this may be the connection's end (saved with it then).
                self.positions[archive] = replace(self.positions[archive], behind=True)
            self.session.report(f.Progress(task, CoreMessages.tr("Fetched"), done, done))
            self.session.log.info("caught up on an archive: %d results, %s", done, outcome)

    def _report(self, archive: str, results: list[ET.Element]) -> None:
        ctx = self.session.parse_context(history=True)
        parsed: list[convert.ParsedMessage] = []
        for result in results:
            try:
                parsed.append(convert.parse_archived(result, archive, ctx))
            except Exception as exc:
                self.session.log.warning("could not parse an archived message", exc_info=True)
                self.session.report(f.BadInput("archive", repr(exc)))
        ids = self.session.ids
        read_up_to: dict[str, int] = {}  # conversation → index of our latest sign of reading
        for index, one in enumerate(parsed):
            for fact in one.facts:
                if isinstance(fact, f.ReadUpTo) or (
                    isinstance(fact, f.MessageReceived) and fact.outgoing
                ):
                    read_up_to[fact.conversation] = index
        for index, one in enumerate(parsed):
            facts: list[f.Fact] = []
            for fact in one.facts:
                if isinstance(fact, f.MessageReceived):
                    if fact.remote_id and ids.knows_remote(fact.conversation, fact.remote_id):
                        continue  # it came live on this connection already (offline storage)
                    was_read = fact.outgoing or index < read_up_to.get(fact.conversation, -1)
                    facts.append(replace(fact, history=was_read))
                else:
                    facts.append(fact)
            self.apply(replace(one, facts=facts))

    async def establish(self, archive: str) -> None:
        """Find and save a first position for ``archive`` if it has none (before anything from
        it can arrive live, so a crash later reads on from here instead of starting over)."""
        if archive in self.positions or archive in self._running:
            return
        if await self._establish(archive) == "complete":
            await self.save()

    async def _establish(self, archive: str) -> str:
        """No position yet (first sign-in, or a room we just joined): start from the newest."""
        try:
            results, _ = await self.archive.query(archive, before="", max_items=1)
        except IqFailure as exc:
            self.session.log.debug("no archive position for a catch-up: %s", exc.condition)
            return "unavailable" if exc.condition in _UNAVAILABLE else "incomplete"
        if archive in self.positions:
            return "complete"  # a live message was quicker: it is newer than what we asked
        mark = convert.archive_mark(results[-1], archive) if results else None
        if mark is not None:
            self._set(archive, Position(mark.archive_id, _unix(mark.timestamp)))
        elif not results:
            self._set(archive, Position("", time.time()))  # empty: all that comes is new
        return "complete"


def _unix(stamp: datetime | None) -> float:
    return stamp.timestamp() if stamp is not None else time.time()
