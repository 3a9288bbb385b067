"""Sends what the user wrote, from the account's outbox, in order, exactly once where possible.

Every outgoing message is in the outbox table *before* anything is sent (see
:meth:`AccountDispatcher.queue_outgoing`) and leaves it only when the service confirms it or it fails
for good. After a lost connection or a crash, entries that were handed to the service but never
confirmed are re-sent with the same transaction id only if the backend declares
``Capability.IDEMPOTENT_SEND``; otherwise they are marked failed with a retry action, because
sending them again might deliver them twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

from app import events as ev
from app.backend import (
    Backend,
    Capability,
    Failure,
    FailureKind,
    OutgoingMessage,
    SendResult,
    effective_capabilities,
)
from app.dispatch import AccountDispatcher
from app.i18n import CoreMessages
from app.models import Attachment, ConversationId, MessageKind
from app.store.account_store import OUTBOX_IN_FLIGHT, OUTBOX_QUEUED, OutboxEntry
from app.store.worker import StoreWorker

MAX_ATTEMPTS = 8
UNCONFIRMED = CoreMessages.tr(
    "The connection was lost before the server confirmed this message, so it may not have "
    "been delivered."
)


class OutboxSender:
    def __init__(
        self,
        *,
        dispatcher: AccountDispatcher,
        worker: StoreWorker,
        publish: Callable[[ev.Event], None],
        logger: logging.LoggerAdapter[logging.Logger],
    ) -> None:
        self.dispatcher = dispatcher
        self.store = dispatcher.store
        self.worker = worker
        self.publish = publish
        self.log = logger
        self._backend: Backend | None = None
        self._sent_this_connection: set[str] = set()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run(), name="outbox")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def connected(self, backend: Backend) -> None:
        self._backend = backend
        self._sent_this_connection.clear()
        self.wake()

    def disconnected(self) -> None:
        self._backend = None

    def wake(self) -> None:
        self._wake.set()

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            try:
                await self._drain()
            except asyncio.CancelledError:
                raise
            except Exception:
                self.log.exception("outbox drain failed")

    async def _drain(self) -> None:
        entries = await self.worker.run(self.store.outbox_entries)
        for entry in entries:
            backend = self._backend
            if backend is None:
                return
            if entry.local_id in self._sent_this_connection:
                continue  # handed over on this connection; its confirmation is on the way
            if entry.state == OUTBOX_IN_FLIGHT and not (
                effective_capabilities(backend) & Capability.IDEMPOTENT_SEND
            ):
                await self._publish(self.dispatcher.send_failed, entry.local_id, UNCONFIRMED)
                continue
            if entry.attempts >= MAX_ATTEMPTS:
                attempts = entry.attempts
                reason = CoreMessages.tr("Gave up after %n attempt(s).", "", attempts)
                await self._publish(self.dispatcher.send_failed, entry.local_id, reason)
                continue
            if not await self._send(backend, entry):
                return

    async def _send(self, backend: Backend, entry: OutboxEntry) -> bool:
        """Send one entry; False when the rest must wait (connection trouble)."""
        await self.worker.run(self.store.outbox_mark, entry.local_id, OUTBOX_IN_FLIGHT)
        self._sent_this_connection.add(entry.local_id)
        conv = ConversationId(self.store.account_id, entry.conversation)
        try:
            result = await backend.send_message(conv, _outgoing(entry))
        except Exception as exc:  # a backend bug: fail this message, keep the rest going
            self.log.exception("backend crashed while sending")
            result = SendResult(
                failure=Failure(
                    FailureKind.PROTOCOL, CoreMessages.tr("Internal error: %1").arg(exc)
                )
            )
        failure = result.failure
        if failure is None:
            await self._publish(self.dispatcher.send_succeeded, entry.local_id, result)
            return True
        if failure.retryable:
            self._sent_this_connection.discard(entry.local_id)
            await self.worker.run(self.store.outbox_mark, entry.local_id, OUTBOX_QUEUED)
            if failure.kind is FailureKind.RATE_LIMITED:
                await asyncio.sleep(failure.retry_after or 1.0)
                self.wake()
            return False
        self._sent_this_connection.discard(entry.local_id)  # a retry must be able to send it
        await self._publish(self.dispatcher.send_failed, entry.local_id, failure.message)
        return True

    def forget(self, local_id: str) -> None:
        """The user asked to send this message again: it is no longer "already handed over"."""
        self._sent_this_connection.discard(local_id)
        self.wake()

    async def _publish(self, fn: Callable[..., list[ev.Event]], *args: object) -> None:
        for event in await self.worker.run(fn, *args):
            self.publish(event)


def _outgoing(entry: OutboxEntry) -> OutgoingMessage:
    p = entry.payload
    return OutgoingMessage(
        txn_id=entry.local_id,
        body=str(p.get("body", "")),
        html=p.get("html"),
        kind=MessageKind(p.get("kind", "text")),
        reply_to=p.get("reply_to"),
        thread_root=p.get("thread_root"),
        attachments=tuple(
            Attachment(
                url=a["url"],
                filename=a.get("filename", ""),
                mime_type=a.get("mime_type", ""),
                size=a.get("size"),
            )
            for a in p.get("attachments", [])
        ),
    )
