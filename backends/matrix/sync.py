"""The sync loop: the session itself, turning each ``/sync`` answer into facts.

It resumes from the since-token kept in ``ctx.state``, honours 429 ``retry_after`` itself, and when
the connection is gone reports :class:`~app.facts.ConnectionLost` and stops (the core starts a new
backend instance; this loop never reconnects).

Order within one answer, which restarts rely on: encryption sees the room keys first, gaps are
filled (older messages), the answer's own rooms are reported, late-decrypted messages and trust
follow — and only then is the answer's ``next_batch`` saved. Every fact of the answer is reported
before the position that would skip it moves, so a crash at any point resumes at an answer whose
facts may be reported twice (the store de-duplicates by event id) but never lost.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterable
from typing import Any

from app import facts as f
from app.backend import FailureKind
from app.i18n import CoreMessages
from backends.matrix import convert as cv
from backends.matrix import sources
from backends.matrix.encryption import Encryption
from backends.matrix.history import History
from backends.matrix.http import Reply
from backends.matrix.rooms import RoomState
from backends.matrix.session import STATE_LAST_EVENT, STATE_SPACES, MatrixSession
from backends.matrix.threads import Threads
from backends.matrix.timeline import Timeline
from backends.matrix.verifying import DeviceVerification

BUSY_INTERVAL = 0.5
"""After an answer that carried room events, the next ``/sync`` leaves no sooner than this many
seconds after the previous one did: a flood arrives in a few answers a second, each holding many
events, instead of one answer per event (every answer has a fixed cost: a request, a store
transaction, a repaint). A quiet room loses nothing: the long poll answers the first event at once."""
SYNC_TASK = "matrix-initial-sync"


class SyncLoop:
    """``/sync`` until the session ends, each answer reported in order (see the module doc)."""

    def __init__(
        self,
        session: MatrixSession,
        encryption: Encryption,
        verification: DeviceVerification,
        timeline: Timeline,
        history: History,
        *,
        threads: Threads,
        account_data: Callable[[str, object], None] = lambda _type, _content: None,
        room_seen: Callable[[RoomState, Iterable[str]], None] = lambda _room, _changed: None,
    ) -> None:
        self.session = session
        self._room_seen = room_seen  # avatars (see avatars.py)
        self._account_data = account_data  # contacts and blocking (see people.py)
        self.encryption = encryption
        self.verification = verification
        self.timeline = timeline
        self.history = history
        self.threads = threads
        self.log = session.log
        self._label = "Loading your rooms"
        self._last_events: dict[str, str] = {}  # room → newest timeline event, to persist
        self._busy = False  # the last answer carried room events (see BUSY_INTERVAL)
        self.synced = asyncio.Event()
        """Set once the first sync answer of this session has been reported (tests, UI)."""
        self.resumed = False
        """Whether this session continued from a stored since-token."""
        self.count = 0
        """Sync answers processed this session (benchmarks divide their CPU time by it)."""
        self.mode = ""
        """Where the answers come from: "v3" or "sliding" (simplified sliding sync)."""

    async def run(self) -> None:
        try:
            await self._sync_forever()
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a bug: end the session so the core starts a fresh one
            self.log.exception("the sync loop failed")
            self.session.lost(f"Internal error: {exc}")

    async def _sync_forever(self) -> None:
        session = self.session
        state = session.ctx.state
        source = await sources.choose(session)
        since = await source.load(state)
        self.resumed = since is not None
        await session.load_spaces()
        first = True
        self._label = "Catching up" if since else "Loading your rooms"
        session.report(f.Progress(SYNC_TASK, self._label, 0, None))
        while not session.stopped():
            loop = asyncio.get_running_loop()
            sent_at = loop.time()
            reply = await source.fetch(since, first)
            if session.stopped():
                return
            if isinstance(source, sources.SlidingSource) and sources.unsupported(reply):
                self.log.info("the homeserver has no sliding sync: /sync v3 from here on")
                source = sources.V3Source(session)
                since = await source.load(state)
                continue
            if since and sources.position_unknown(source, reply):
                # Sliding sync positions belong to one device's connection and the server drops
                # them as it likes: start over within the session (an initial answer), as the
                # MSC asks, rather than end it.
                self.log.info("the homeserver no longer knows our sliding sync position")
                session.keep(source.state_key, None)
                since = None
                continue
            if not reply.ok:
                if await self._failed(reply, source, since):
                    continue
                return
            answer = source.answer(reply)
            if answer is None:
                session.report(f.BadInput("sync answer without a position"))
                session.lost(CoreMessages.tr("The homeserver sent an unusable sync answer."))
                return
            self.mode = source.name
            await self._before(answer.body, incremental=since is not None)
            self._busy = False
            self.process(answer.body, initial=since is None, first=first)
            await self._after()
            # Stored in the transaction of the facts above (one per answer), never before them.
            for key, value in answer.keep:
                session.keep(key, value)
            session.keep(source.state_key, answer.position)
            since = answer.position
            self.count += 1
            if first:
                first = False
                self.synced.set()
            elif self._busy:
                pause = BUSY_INTERVAL - (loop.time() - sent_at)
                if pause > 0:
                    await asyncio.sleep(pause)

    async def _failed(self, reply: Reply, source: sources.SyncSource, since: str | None) -> bool:
        """An error answer: True to ask again (rate limited), False when the session is over
        (reported as lost; a position the server no longer knows is forgotten first)."""
        session = self.session
        if reply.transport is not None:
            session.lost(
                reply.transport.message, retryable=reply.transport.kind is not FailureKind.TLS
            )
            return False
        failure = reply.failure()
        if failure.kind is FailureKind.RATE_LIMITED:
            wait = failure.retry_after or 5.0
            self.log.info("sync rate limited; waiting %.1f s", wait)
            await asyncio.sleep(wait)
            return True
        if failure.kind is FailureKind.NOT_CONNECTED:
            await session.forget_session(device_too=reply.body.get("soft_logout") is not True)
        elif reply.errcode in ("M_UNKNOWN_POS", "M_INVALID_PARAM") and since:
            session.keep(source.state_key, None)  # start over rather than loop
        session.lost(failure.message, retryable=failure.kind is not FailureKind.AUTH)
        return False

    async def _before(self, body: dict[str, Any], *, incremental: bool) -> None:
        """What must happen before the answer's timelines are converted: nio sees the new room
        keys and device lists, verification messages move on, gaps are filled (older), and
        the roots of threads answered in it are reported (or known to be missing)."""
        if self.encryption.active:
            await self.encryption.feed(body)
            self.verification.handle_events(body)
        if incremental:
            await self.history.fill_gaps(body)
        rooms = cv.get_dict(body, "rooms") or {}
        for room_id, data in (cv.get_dict(rooms, "join") or {}).items():
            timeline = cv.get_dict(data, "timeline") if isinstance(data, dict) else None
            events = cv.get_list(timeline, "events") if timeline else None
            if events:
                await self.threads.prepare(room_id, events)

    async def _after(self) -> None:
        """Send what encryption queued, decrypt late keys' messages, keep trust and gaps current."""
        last, self._last_events = self._last_events, {}
        for room_id, event_id in last.items():
            self.session.last_events[room_id] = event_id
            self.session.keep(STATE_LAST_EVENT + room_id, event_id)
        self.session.save_encrypted()
        if not self.encryption.active or self.session.http is None:
            return
        try:
            await self.encryption.after_sync()
            await self.encryption.watch_rooms_without_members()
            await self.verification.after_sync()
            await self.encryption.request_keys()
            self.timeline.report_late_keys()
            await self.timeline.report_restored_keys()
            await self.encryption.settle()
        except asyncio.CancelledError:
            raise
        except Exception:
            self.log.exception("the encryption layer failed after a sync answer")

    # -- one answer into facts ---------------------------------------------------------------------

    def process(self, body: dict[str, Any], *, initial: bool, first: bool) -> None:
        """Report everything in one sync answer (account data, presence, invites, rooms)."""
        session = self.session
        report = session.report
        for event in cv.events_of(body.get("account_data")):
            etype = cv.get_str(event, "type") or ""
            if etype == "m.direct":
                session.set_direct(cv.direct_rooms(event.get("content"), self.log))
                for room_id in session.direct:  # a direct chat shows its partner's picture
                    if room_id in session.rooms:
                        self._room_seen(session.rooms[room_id], ())
            self._account_data(etype, event.get("content"))
        for event in cv.events_of(body.get("presence")):
            presence = cv.presence_of(event, self.log)
            if presence is None:
                report(f.BadInput("matrix presence event"))
            elif presence[0] == session.own_id:
                report(f.OwnPresenceChanged(presence[1]))
            else:
                report(f.PresenceChanged(*presence))
        rooms = cv.get_dict(body, "rooms") or {}
        for room_id, data in (cv.get_dict(rooms, "invite") or {}).items():
            invite = cv.invite_fact(
                room_id,
                cv.get_dict(data, "invite_state") if isinstance(data, dict) else None,
                session.own_id,
                self.log,
            )
            if invite is None:
                report(f.BadInput("matrix invite", room_id))
                continue
            session.invites[room_id] = invite
            report(invite)
        joined = cv.get_dict(rooms, "join") or {}
        total = len(joined)
        step = max(1, total // 20)
        for done, (room_id, data) in enumerate(joined.items(), start=1):
            if not isinstance(data, dict):
                report(f.BadInput("matrix joined room", room_id))
                continue
            try:
                self._joined(room_id, data, history=initial)
            except Exception:  # one room's bug must not stop the others
                self.log.exception("could not process room %s", room_id)
                report(f.BadInput("matrix joined room", room_id))
            if first and done % step == 0 and done < total:
                report(f.Progress(SYNC_TASK, self._label, done, total))
        for room_id, data in (cv.get_dict(rooms, "leave") or {}).items():
            self._left(room_id, data if isinstance(data, dict) else {})
        if first:
            report(f.Progress(SYNC_TASK, self._label, total, total))

    def _joined(self, room_id: str, data: dict[str, Any], *, history: bool) -> None:
        session = self.session
        report = session.report
        room = session.room(room_id)
        session.joined.add(room_id)
        session.invites.pop(room_id, None)
        summary = cv.get_dict(data, "summary")
        if summary:
            room.apply_summary(summary)
        members: dict[str, None] = {}
        power_changed = False
        space_changes: dict[str, None] = {}  # children added to or taken from a space

        def apply_state(event: dict[str, Any]) -> None:
            nonlocal power_changed
            change = room.apply_state(event, self.log)
            if change is None:
                return
            if change.what == "member":
                members[change.user_id] = None
            elif change.what in ("power_levels", "create"):
                power_changed = True
            elif change.what == "space":
                space_changes[change.user_id] = None

        for event in cv.events_of(data.get("state")):
            apply_state(event)
        room.note_creation(cv.events_of(cv.get_dict(data, "timeline")))  # a new room's
        if room.is_space or room_id in session.spaces:
            self._space(room, data, space_changes, apply_state)
            return
        session.note_encrypted(room)
        timeline = cv.get_dict(data, "timeline") or {}
        prev_batch = cv.get_str(timeline, "prev_batch")
        if prev_batch and room.prev_batch is None:
            room.prev_batch = prev_batch
        ctx = session.room_context(room, history=history)
        facts: list[f.Fact] = []
        newest: str | None = None
        for event in cv.get_list(timeline, "events") or []:
            if isinstance(event, dict) and isinstance(event.get("event_id"), str):
                newest = event["event_id"]
            if isinstance(event, dict) and isinstance(event.get("state_key"), str):
                apply_state(event)
                continue
            facts.extend(self.timeline.facts(room_id, event, ctx)[1])
        session.note_encrypted(room)
        if power_changed:
            members.update(
                dict.fromkeys(u for u, i in room.members.items() if i.membership == "join")
            )
        session.report_members(room, members)
        self._room_seen(room, members)
        for fact in facts:
            report(fact)
        if newest is not None:  # saved before the since-token, only once its facts are reported
            self._last_events[room_id] = newest
            self._busy = True
        self._ephemeral(room, cv.get_dict(data, "ephemeral"))
        self._report_room(room, cv.get_dict(data, "unread_notifications") or {})

    def _report_room(self, room: RoomState, counts: dict[str, Any]) -> None:
        """The joined room as the core shows it, with the server's unread counts."""
        session = self.session
        session.report(
            f.ConversationUpdated(
                room.room_id,
                session.kind(room.room_id),
                title=room.title(session.own_id),
                topic=room.topic,
                encrypted=room.encrypted,
                joined=True,
                unread_count=cv.get_int(counts, "notification_count"),
                mention_count=cv.get_int(counts, "highlight_count"),
                trust=self.encryption.room_trust.get(room.room_id) if room.encrypted else None,
            )
        )

    def _space(
        self,
        room: RoomState,
        data: dict[str, Any],
        changes: dict[str, None],
        apply_state: Callable[[dict[str, Any]], None],
    ) -> None:
        """A space is no conversation: its name, topic and children are reported, its timeline
        only read for state. Its children are all of them once its creation was seen in this
        session (the state came whole), else the changes this answer brings."""
        session = self.session
        timeline = cv.get_dict(data, "timeline") or {}
        for event in cv.events_of(timeline):
            if isinstance(event.get("state_key"), str):
                apply_state(event)
        if room.room_id not in session.spaces:
            session.spaces.add(room.room_id)
            session.keep(STATE_SPACES, json.dumps(sorted(session.spaces)))
        if room.is_space:
            session.report(
                f.SpaceUpdated(
                    room.room_id,
                    title=room.title(session.own_id),
                    topic=room.topic,
                    children=room.ordered_children(),
                )
            )
            return
        session.report(
            f.SpaceUpdated(
                room.room_id,
                title=room.title(session.own_id),
                topic=room.topic,
                added=tuple(c for c in changes if c in room.children),
                removed=tuple(c for c in changes if c not in room.children),
            )
        )

    def _ephemeral(self, room: RoomState, ephemeral: dict[str, Any] | None) -> None:
        for event in cv.events_of(ephemeral):
            etype = cv.get_str(event, "type")
            if etype == "m.typing":
                self._typing(room, event)
            elif etype == "m.receipt":
                for fact in cv.receipt_facts(event, room.room_id, self.session.own_id, self.log):
                    self.session.report(fact)

    def _typing(self, room: RoomState, event: dict[str, Any]) -> None:
        report = self.session.report
        users = cv.typing_users(event, self.log)
        if users is None:
            report(f.BadInput("matrix typing notice", room.room_id))
            return
        users.discard(self.session.own_id)
        for user in sorted(users - room.typing):
            report(f.TypingChanged(room.room_id, user, True))
        for user in sorted(room.typing - users):
            report(f.TypingChanged(room.room_id, user, False))
        room.typing = users

    def _left(self, room_id: str, data: dict[str, Any]) -> None:
        own_id = self.session.own_id
        reason = ""
        for block in ("timeline", "state"):
            for event in cv.events_of(data.get(block)):
                if (
                    cv.get_str(event, "type") == "m.room.member"
                    and cv.get_str(event, "state_key") == own_id
                ):
                    content = cv.get_dict(event, "content") or {}
                    membership = cv.get_str(content, "membership") or ""
                    by = cv.get_str(event, "sender") or ""
                    why = cv.get_str(content, "reason") or ""
                    if membership == "ban":
                        reason = (
                            CoreMessages.tr("Banned by %1: %2").arg(by, why)
                            if why
                            else CoreMessages.tr("Banned by %1").arg(by)
                        )
                    elif membership == "leave" and by and by != own_id:
                        reason = (
                            CoreMessages.tr("Removed by %1: %2").arg(by, why)
                            if why
                            else CoreMessages.tr("Removed by %1").arg(by)
                        )
        if room_id in self.session.spaces:
            self.session.spaces.discard(room_id)
            self.session.keep(STATE_SPACES, json.dumps(sorted(self.session.spaces)))
            self.session.forget_room(room_id)
            self.session.report(f.SpaceLeft(room_id))
            return
        self.session.forget_room(room_id)
        self.session.report(f.ConversationLeft(room_id, reason))
