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
from collections.abc import Callable
from typing import Any

from app import facts as f
from app.backend import FailureKind
from backends.matrix import convert as cv
from backends.matrix.encryption import Encryption
from backends.matrix.history import History
from backends.matrix.http import V3
from backends.matrix.rooms import RoomState
from backends.matrix.session import STATE_LAST_EVENT, STATE_SINCE, MatrixSession
from backends.matrix.timeline import Timeline
from backends.matrix.verifying import DeviceVerification

SYNC_TIMEOUT_MS = 30_000
SYNC_FILTER = {
    "room": {
        "state": {"lazy_load_members": True},
        "timeline": {"limit": 20, "lazy_load_members": True},
    },
}
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
        account_data: Callable[[str, object], None] = lambda _type, _content: None,
    ) -> None:
        self.session = session
        self._account_data = account_data  # contacts and blocking (see people.py)
        self.encryption = encryption
        self.verification = verification
        self.timeline = timeline
        self.history = history
        self.log = session.log
        self._label = "Loading your rooms"
        self._last_events: dict[str, str] = {}  # room → newest timeline event, to persist
        self.synced = asyncio.Event()
        """Set once the first sync answer of this session has been reported (tests, UI)."""
        self.resumed = False
        """Whether this session continued from a stored since-token."""

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
        since = await state.get(STATE_SINCE)
        self.resumed = since is not None
        first = True
        self._label = "Catching up" if since else "Loading your rooms"
        session.report(f.Progress(SYNC_TASK, self._label, 0, None))
        while not session.stopped():
            query: dict[str, str | int] = {
                "filter": json.dumps(SYNC_FILTER, separators=(",", ":")),
                "timeout": 0 if first else SYNC_TIMEOUT_MS,
                "set_presence": session.presence,
            }
            if since:
                query["since"] = since
            reply = await session.api.request(
                "GET", f"{V3}/sync", query=query, timeout=SYNC_TIMEOUT_MS / 1000 + 30
            )
            if session.stopped():
                return
            if reply.transport is not None:
                session.lost(
                    reply.transport.message, retryable=reply.transport.kind is not FailureKind.TLS
                )
                return
            if not reply.ok:
                failure = reply.failure()
                if failure.kind is FailureKind.RATE_LIMITED:
                    wait = failure.retry_after or 5.0
                    self.log.info("sync rate limited; waiting %.1f s", wait)
                    await asyncio.sleep(wait)
                    continue
                if failure.kind is FailureKind.NOT_CONNECTED:
                    await session.forget_session(
                        device_too=reply.body.get("soft_logout") is not True
                    )
                elif reply.errcode in ("M_UNKNOWN_POS", "M_INVALID_PARAM") and since:
                    await state.set(STATE_SINCE, None)  # start over rather than loop
                session.lost(failure.message, retryable=failure.kind is not FailureKind.AUTH)
                return
            next_batch = cv.get_str(reply.body, "next_batch")
            if not next_batch:
                session.report(f.BadInput("sync answer without next_batch"))
                session.lost("The homeserver sent an unusable sync answer.")
                return
            await self._before(reply.body, incremental=since is not None)
            self.process(reply.body, initial=since is None, first=first)
            await self._after()
            # Let the core queue these facts before the token moves past them (store order).
            await asyncio.sleep(0)
            await state.set(STATE_SINCE, next_batch)
            since = next_batch
            if first:
                first = False
                self.synced.set()

    async def _before(self, body: dict[str, Any], *, incremental: bool) -> None:
        """What must happen before the answer's timelines are converted: nio sees the new room
        keys and device lists, verification messages move on, and gaps are filled (older)."""
        if self.encryption.active:
            await self.encryption.feed(body)
            self.verification.handle_events(body)
        if incremental:
            await self.history.fill_gaps(body)

    async def _after(self) -> None:
        """Send what encryption queued, decrypt late keys' messages, keep trust and gaps current."""
        state = self.session.ctx.state
        last, self._last_events = self._last_events, {}
        for room_id, event_id in last.items():
            await state.set(STATE_LAST_EVENT + room_id, event_id)
        await self.session.save_encrypted()
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

        def apply_state(event: dict[str, Any]) -> None:
            nonlocal power_changed
            change = room.apply_state(event, self.log)
            if change is None:
                return
            if change.what == "member":
                members[change.user_id] = None
            elif change.what in ("power_levels", "create"):
                power_changed = True

        for event in cv.events_of(data.get("state")):
            apply_state(event)
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
        for fact in facts:
            report(fact)
        if newest is not None:  # saved before the since-token, only once its facts are reported
            self._last_events[room_id] = newest
        self._ephemeral(room, cv.get_dict(data, "ephemeral"))
        counts = cv.get_dict(data, "unread_notifications") or {}
        report(
            f.ConversationUpdated(
                room_id,
                session.kind(room_id),
                title=room.title(session.own_id),
                topic=room.topic,
                encrypted=room.encrypted,
                joined=True,
                unread_count=cv.get_int(counts, "notification_count"),
                mention_count=cv.get_int(counts, "highlight_count"),
                trust=self.encryption.room_trust.get(room_id) if room.encrypted else None,
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
                        reason = f"Banned by {by}" + (f": {why}" if why else "")
                    elif membership == "leave" and by and by != own_id:
                        reason = f"Removed by {by}" + (f": {why}" if why else "")
        self.session.forget_room(room_id)
        self.session.report(f.ConversationLeft(room_id, reason))
