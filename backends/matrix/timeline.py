"""Room events into facts, in one place: decrypt → convert → track.

Every timeline event — from a sync answer, a gap, a history page or a late Megolm key — goes
through :meth:`Timeline.facts`: an encrypted event is opened by :class:`~.encryption.Encryption`
(its trust, or the reason it cannot be read, travels with it into :func:`convert.convert_event`),
converted, and tracked (which event added which reaction, so redacting that event removes just
that reaction).
"""

from __future__ import annotations

import collections
import dataclasses
from collections.abc import Iterable
from typing import Any

from app import facts as f
from app.models import Trust
from backends.matrix import convert as cv
from backends.matrix.encryption import Encryption, Opened
from backends.matrix.http import V3, q
from backends.matrix.rooms import RoomState
from backends.matrix.session import MatrixSession

MAX_REMEMBERED_REACTIONS = 20_000
PLAIN_MESSAGE_TYPES = ("m.room.message", "m.sticker")


def event_label(event: object) -> str:
    if isinstance(event, dict):
        return f"{event.get('type')!s} {event.get('event_id')!s}"
    return type(event).__name__


class Timeline:
    """Turns room events into facts (and remembers reactions by the event that added them)."""

    def __init__(self, session: MatrixSession, encryption: Encryption) -> None:
        self.session = session
        self.encryption = encryption
        self._reactions: collections.OrderedDict[str, f.ReactionChanged] = collections.OrderedDict()

    def open(self, room_id: str, event: object) -> Opened:
        """The event ready to convert: decrypted (with its trust) when it is encrypted; marked
        ``PLAINTEXT`` when it is a message sent in the clear into a room already encrypted."""
        if not isinstance(event, dict):
            return Opened(event)
        etype = event.get("type")
        if etype == "m.room.encrypted" and cv.get_str(event, "event_id") is not None:
            return self.encryption.open_event(room_id, event)
        if (
            etype in PLAIN_MESSAGE_TYPES
            and not isinstance(event.get("state_key"), str)
            and self.session.sent_in_the_clear(room_id, cv.get_int(event, "origin_server_ts"))
        ):
            return Opened(event, Trust.PLAINTEXT)
        return Opened(event)

    def learn_encryption(self, room: RoomState, events: Iterable[object]) -> None:
        """Note the ``m.room.encryption`` events of a page before its messages are judged (a
        message older than encryption was not sent in the clear by mistake)."""
        for event in events:
            if isinstance(event, dict) and event.get("type") == "m.room.encryption":
                room.apply_state(event, self.session.log)
        self.session.note_encrypted(room)

    def facts(self, room_id: str, raw: object, ctx: cv.RoomContext) -> tuple[object, list[f.Fact]]:
        """The event as opened (plaintext when decrypted) and its facts; a malformed event is a
        :class:`~app.facts.BadInput`."""
        opened = self.open(room_id, raw)
        converted = cv.convert_event(
            opened.event, ctx, trust=opened.trust, placeholder=opened.placeholder
        )
        if converted is None:
            return opened.event, [f.BadInput("matrix room event", event_label(opened.event))]
        return opened.event, self.track(converted, opened.event)

    def track(self, facts: list[f.Fact], event: object) -> list[f.Fact]:
        """Remember which event added which reaction, so its redaction removes just that."""
        event_id = cv.get_str(event, "event_id") if isinstance(event, dict) else None
        out: list[f.Fact] = []
        for fact in facts:
            if isinstance(fact, f.ReactionChanged) and fact.added and event_id:
                self._reactions[event_id] = fact
                if len(self._reactions) > MAX_REMEMBERED_REACTIONS:
                    self._reactions.popitem(last=False)
            elif isinstance(fact, f.MessageRetracted) and fact.remote_id in self._reactions:
                added = self._reactions.pop(fact.remote_id)
                out.append(dataclasses.replace(added, added=False))
                continue
            out.append(fact)
        return out

    def report_late_keys(self) -> None:
        """Messages whose Megolm key arrived after them: their content replaces the placeholder
        (:class:`~app.facts.MessageDecrypted`); edits and reactions are reported as themselves."""
        report = self.session.report
        for room_id, events in self.encryption.ready_sessions():
            ctx = self.session.room_context(self.session.room(room_id), history=False)
            for raw in events:
                for fact in self._late(room_id, raw, ctx):
                    report(fact)

    async def report_restored_keys(self) -> None:
        """The same for messages an earlier session left waiting: fetched again by id."""
        session = self.session
        for room_id, event_ids in self.encryption.ready_restored():
            ctx = session.room_context(session.room(room_id), history=False)
            for event_id in event_ids:
                reply = await session.api.request(
                    "GET", f"{V3}/rooms/{q(room_id)}/event/{q(event_id)}", timeout=30
                )
                if not reply.ok:
                    session.log.info("waiting message %s not fetched again", event_id)
                    continue
                for fact in self._late(room_id, reply.body, ctx):
                    session.report(fact)

    def _late(self, room_id: str, raw: dict[str, Any], ctx: cv.RoomContext) -> list[f.Fact]:
        event_id = cv.get_str(raw, "event_id") or ""
        opened = self.encryption.open_event(room_id, raw)
        if opened.placeholder is not None:
            return [f.MessageDecrypted(room_id, event_id, opened.placeholder, Trust.UNDECRYPTABLE)]
        converted = cv.convert_event(opened.event, ctx, trust=opened.trust)
        if converted is None:
            return [f.BadInput("matrix room event", event_label(raw))]
        out: list[f.Fact] = []
        for fact in self.track(converted, opened.event):
            if (
                isinstance(fact, f.MessageReceived)
                and fact.remote_id == event_id
                and fact.replaces is None
            ):
                out.append(
                    f.MessageDecrypted(
                        room_id,
                        event_id,
                        fact.body,
                        opened.trust,
                        html=fact.html,
                        kind=fact.kind,
                        attachments=fact.attachments,
                        reply_to=fact.reply_to,
                    )
                )
            else:
                out.append(fact)
        return out
