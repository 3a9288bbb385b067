"""What we send into rooms: messages and files, edits, reactions, redactions, receipts, typing,
presence.

Every room event leaves through :meth:`Messaging.room_send` with the core's transaction id, so a
resend after a lost answer is recognised by the server instead of delivered twice; in an encrypted
room nio encrypts it after :meth:`~.encryption.Encryption.prepare_room` made sure every member's
devices get the key.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import nio  # type: ignore[import-untyped]

from app.backend import Failure, FailureKind, Outcome, OutgoingMessage, SendResult
from app.i18n import CoreMessages
from app.models import Attachment, ConversationId, Presence
from backends.matrix import convert as cv
from backends.matrix.encryption import Encryption
from backends.matrix.http import V1, V3, q
from backends.matrix.mentions import Audience, find_mentions
from backends.matrix.session import MatrixSession, not_connected

READ_MARKER_INTERVAL = 2.0
"""Read markers of one room leave at most this often (seconds); the newest one waiting is sent
when the interval has passed. Reading a busy room live otherwise posts a marker after every
sync answer (Nheko: ~1,700 in a 5,000-message flood), each a request for us and the server."""


class Messaging:
    """Sending for one session."""

    def __init__(
        self,
        session: MatrixSession,
        encryption: Encryption,
        *,
        open_direct: Callable[[str], Awaitable[Outcome]],
        with_size: Callable[[Attachment], Attachment],
        thread_relation: Callable[[str, str, str | None], dict[str, Any]],
    ) -> None:
        self.session = session
        self.encryption = encryption
        self._open_direct = open_direct  # the direct chat with a user id, made if needed
        self._with_size = with_size  # an uploaded image's measured size
        self._thread_relation = thread_relation  # m.relates_to of a reply in a thread
        self._marker_sent: dict[str, float] = {}  # room → when its last read marker left
        self._marker_waiting: dict[str, str] = {}  # room → the newest marker not sent yet
        self._marker_tasks: set[asyncio.Task[None]] = set()

    async def _target_room(self, native_id: str) -> str | Failure:
        """A room id for a conversation id; a user id means "our direct chat with them"."""
        if not native_id.startswith("@"):
            return native_id
        outcome = await self._open_direct(native_id)
        if outcome.failure is not None or not outcome.value:
            return outcome.failure or Failure(
                FailureKind.PROTOCOL, CoreMessages.tr("No direct chat.")
            )
        return str(outcome.value)

    async def room_send(
        self, room_id: str, event_type: str, content: dict[str, Any], txn_id: str
    ) -> SendResult:
        """Send one event; in an encrypted room nio shares the Megolm key with every device of
        the members first (unverified ones too, as Element does: trust is shown, not enforced)."""
        session = self.session
        encrypted = await self.encryption.prepare_room(room_id)
        if isinstance(encrypted, Failure):
            return SendResult(failure=encrypted)
        try:
            resp, failure = await session.api.call(
                session.nio.room_send(
                    room_id, event_type, content, tx_id=txn_id, ignore_unverified_devices=True
                )
            )
        except (nio.LocalProtocolError, nio.EncryptionError, nio.SendRetryError) as exc:
            session.log.warning("could not encrypt for %s: %s", room_id, exc)
            return SendResult(
                failure=Failure(
                    FailureKind.PROTOCOL,
                    CoreMessages.tr("The message could not be encrypted: %1").arg(exc),
                    retryable=True,
                )
            )
        if failure is not None:
            if failure.kind is FailureKind.NETWORK:
                # The request may or may not have reached the server; the core resends with the
                # same txn id on the next connection, which the server recognises.
                session.lost(failure.message)
            return SendResult(failure=failure)
        # How it went end to end: encrypted, to devices all verified or not (None: in the clear).
        trust = self.encryption.sending_trust(room_id) if encrypted else None
        return SendResult(remote_id=str(resp.event_id), trust=trust)

    async def send_message(self, conv: ConversationId, msg: OutgoingMessage) -> SendResult:
        if not self.session.connected():
            return SendResult(failure=not_connected())
        room_id = await self._target_room(conv.native_id)
        if isinstance(room_id, Failure):
            return SendResult(failure=room_id)
        thread = (
            self._thread_relation(room_id, msg.thread_root, msg.reply_to)
            if msg.thread_root
            else None
        )
        audience = self._audience(room_id)
        reply_sender = await self._sender_of(room_id, msg.reply_to) if msg.reply_to else None
        mentions = find_mentions(msg.body, audience, picked=msg.mentions, reply_sender=reply_sender)
        if not msg.attachments:
            content = cv.text_content(
                msg.body,
                kind=msg.kind,
                html=msg.html,
                reply_to=msg.reply_to,
                mentions=mentions,
                audience=audience,
            )
            if thread is not None:
                content["m.relates_to"] = thread
            return await self.room_send(room_id, "m.room.message", content, msg.txn_id)
        first: SendResult | None = None
        for i, attachment in enumerate(msg.attachments):
            caption = msg.body if i == 0 and msg.body != attachment.filename else ""
            content = cv.media_content(
                self._with_size(attachment), caption, mentions if i == 0 else cv.NO_MENTIONS
            )
            if thread is not None:
                content["m.relates_to"] = thread
            elif msg.reply_to and i == 0:
                content["m.relates_to"] = {"m.in_reply_to": {"event_id": msg.reply_to}}
            txn = msg.txn_id if i == 0 else f"{msg.txn_id}.{i}"
            result = await self.room_send(room_id, "m.room.message", content, txn)
            if result.failure is not None:
                return result
            first = first or result
        assert first is not None
        return first

    async def edit_message(
        self, conv: ConversationId, target_remote_id: str, msg: OutgoingMessage
    ) -> SendResult:
        if not self.session.connected():
            return SendResult(failure=not_connected())
        audience = self._audience(conv.native_id)
        content = cv.edit_content(
            target_remote_id,
            msg.body,
            kind=msg.kind,
            html=msg.html,
            mentions=find_mentions(msg.body, audience, picked=msg.mentions),
            before=find_mentions(msg.replaced_body, audience),
            audience=audience,
        )
        return await self.room_send(conv.native_id, "m.room.message", content, msg.txn_id)

    def _audience(self, room_id: str) -> Audience:
        """Who a message in ``room_id`` can mention, as far as this session knows the room."""
        own = self.session.own_id
        room = self.session.rooms.get(room_id)
        if room is None:
            return Audience(own, {})
        return Audience(own, room.joined_names(), room.may_notify_room(own))

    async def _sender_of(self, room_id: str, event_id: str) -> str | None:
        """Who sent the message answered (a reply mentions them, spec "Mentioning the replied
        to user"); None when it cannot be fetched (the reply still leaves, without it)."""
        session = self.session
        reply = await session.api.request(
            "GET", f"{V3}/rooms/{q(room_id)}/event/{q(event_id)}", timeout=30
        )
        sender = cv.get_str(reply.body, "sender") if reply.ok else None
        if sender is None:
            session.log.info("the sender of %s is unknown: the reply mentions nobody", event_id)
        return sender

    async def react(
        self, conv: ConversationId, target_remote_id: str, keys: tuple[str, ...]
    ) -> Outcome:
        """Make our reactions on a message exactly ``keys``: send the new ones, redact the rest."""
        if not self.session.connected():
            return Outcome(not_connected())
        mine = await self._own_reactions(conv.native_id, target_remote_id)
        if isinstance(mine, Failure):
            return Outcome(mine)
        for key in dict.fromkeys(keys):
            if key in mine:
                continue
            content = cv.reaction_content(target_remote_id, key)
            result = await self.room_send(conv.native_id, "m.reaction", content, uuid.uuid4().hex)
            if result.failure is not None:
                return Outcome(result.failure)
        for key, event_id in mine.items():
            if key not in keys:
                outcome = await self.retract(conv, event_id)
                if outcome.failure is not None:
                    return outcome
        return Outcome()

    async def _own_reactions(self, room_id: str, target: str) -> dict[str, str] | Failure:
        """key → event id of our own annotations on ``target`` (relations API, all pages)."""
        session = self.session
        mine: dict[str, str] = {}
        path = f"{V1}/rooms/{q(room_id)}/relations/{q(target)}/m.annotation/m.reaction"
        query: dict[str, str | int] = {"limit": 100}
        for _ in range(50):
            reply = await session.api.request("GET", path, query=query, timeout=30)
            if not reply.ok:
                return reply.failure()
            for event in cv.get_list(reply.body, "chunk") or []:
                if not isinstance(event, dict) or cv.get_str(event, "sender") != session.own_id:
                    continue
                header = cv.event_header(event, session.log)
                reaction = cv.reaction_of(header, room_id, session.log) if header else None
                if header is not None and reaction is not None:
                    mine.setdefault(reaction.key, header.event_id)
            token = cv.get_str(reply.body, "next_batch")
            if not token:
                break
            query["from"] = token
        return mine

    async def retract(self, conv: ConversationId, target_remote_id: str) -> Outcome:
        if not self.session.connected():
            return Outcome(not_connected())
        path = f"{V3}/rooms/{q(conv.native_id)}/redact/{q(target_remote_id)}/{uuid.uuid4().hex}"
        reply = await self.session.api.request("PUT", path, body={}, timeout=30)
        return Outcome() if reply.ok else Outcome(reply.failure())

    # -- receipts, typing, presence ----------------------------------------------------------------

    async def send_read_marker(self, conv: ConversationId, remote_id: str) -> None:
        """Mark a room read up to ``remote_id``: at once, or — if a marker left for this room
        less than :data:`READ_MARKER_INTERVAL` ago — together with any newer one when the
        interval has passed."""
        if not self.session.connected():
            return
        room = conv.native_id
        loop = asyncio.get_running_loop()
        wait = self._marker_sent.get(room, -READ_MARKER_INTERVAL) + READ_MARKER_INTERVAL
        wait -= loop.time()
        if wait <= 0 and room not in self._marker_waiting:
            await self._post_marker(room, remote_id)
            return
        first = room not in self._marker_waiting
        self._marker_waiting[room] = remote_id
        if first:
            task = loop.create_task(self._marker_later(room, max(0.0, wait)))
            self._marker_tasks.add(task)
            task.add_done_callback(self._marker_tasks.discard)

    async def _marker_later(self, room: str, wait: float) -> None:
        await asyncio.sleep(wait)
        remote_id = self._marker_waiting.pop(room, None)
        if remote_id is not None and self.session.connected():
            await self._post_marker(room, remote_id)

    async def _post_marker(self, room: str, remote_id: str) -> None:
        session = self.session
        self._marker_sent[room] = asyncio.get_running_loop().time()
        reply = await session.api.request(
            "POST",
            f"{V3}/rooms/{q(room)}/read_markers",
            body={"m.fully_read": remote_id, "m.read": remote_id},
            timeout=30,
        )
        if not reply.ok:
            session.log.info("read marker not sent: %s", reply.failure().message)

    async def send_typing(self, conv: ConversationId, typing: bool) -> None:
        session = self.session
        if not session.connected():
            return
        body: dict[str, Any] = {"typing": typing}
        if typing:
            body["timeout"] = 30_000
        reply = await session.api.request(
            "PUT",
            f"{V3}/rooms/{q(conv.native_id)}/typing/{q(session.own_id)}",
            body=body,
            timeout=30,
        )
        if not reply.ok:
            session.log.info("typing notice not sent: %s", reply.failure().message)

    async def set_presence(self, presence: Presence) -> Outcome:
        session = self.session
        if not session.connected():
            return Outcome(not_connected())
        state = cv.presence_to_matrix(presence)
        body: dict[str, Any] = {"presence": state}
        if presence.status:
            body["status_msg"] = presence.status
        # Before the request: a sync starting meanwhile must not flip it back to "online".
        before = session.presence, session.status_msg
        session.presence, session.status_msg = state, presence.status
        reply = await session.api.request(
            "PUT", f"{V3}/presence/{q(session.own_id)}/status", body=body, timeout=30
        )
        if not reply.ok:
            session.presence, session.status_msg = before
            return Outcome(reply.failure())
        return Outcome()
