"""Sends what the user wrote, from the account's outbox, in order, exactly once where possible.

Every outgoing message is in the outbox table *before* anything is sent (see
:meth:`AccountDispatcher.queue_outgoing`) and leaves it only when the service confirms it or it fails
for good. After a lost connection or a crash, entries that were handed to the service but never
confirmed are re-sent with the same transaction id only if the backend declares
``Capability.IDEMPOTENT_SEND``; otherwise they are marked failed with a retry action, because
sending them again might deliver them twice.

The outbox's own marks (in flight, sent, failed, queued again) can meet a store that cannot save
for a while (the disk is full, app.save_retry): a transient failure keeps the mark in memory, in
order, and nothing more is handed over until every kept mark is saved (tried again with a
growing pause, or at once by ``retry_now``). So a delivered message is never taken for one still
to send (a duplicate) nor for one that failed, and a queued one is never left behind. While the
session's store cannot save received facts either, nothing is handed over: a backend that saves
its own record before a message leaves (XMPP's send ledger) would wait there for the disk.
Either way the messages wait in the outbox, and the person is told once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import Callable
from typing import Any

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
from app.backoff import Backoff
from app.dispatch import AccountDispatcher
from app.i18n import CoreMessages
from app.models import Attachment, ConversationId, MessageKind
from app.save_retry import StateNotSaved, transient
from app.store.account_store import OUTBOX_IN_FLIGHT, OUTBOX_QUEUED, OutboxEntry
from app.store.worker import StoreWorker

MAX_ATTEMPTS = 8
UNCONFIRMED = CoreMessages.tr(
    "The connection was lost before the server confirmed this message, so it may not have "
    "been delivered."
)
NOT_RECORDED = CoreMessages.tr(
    "This message could not be recorded before sending; it is sent on the next connection."
)


class OutboxSender:
    def __init__(
        self,
        *,
        dispatcher: AccountDispatcher,
        worker: StoreWorker,
        publish: Callable[[ev.Event], None],
        logger: logging.LoggerAdapter[logging.Logger],
        saving_error: Callable[[], sqlite3.Error | None] = lambda: None,
        backoff: Backoff | None = None,
    ) -> None:
        """``saving_error``: why the session's store cannot save received facts now (None:
        it can); nothing is handed over meanwhile."""
        self.dispatcher = dispatcher
        self.writes = dispatcher.commands
        self.store = dispatcher.store
        self.worker = worker
        self.publish = publish
        self.log = logger
        self.saving_error = saving_error
        self.backoff = backoff or Backoff(base=1.0, cap=60.0)
        self._backend: Backend | None = None
        self._sent_this_connection: set[str] = set()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._unsaved: list[tuple[Callable[..., Any], tuple[Any, ...]]] = []  # marks, in order
        self._error: sqlite3.Error | None = None  # set while the outbox's own writes fail
        self._told = False  # the person was told that messages wait

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run(), name="outbox")

    @property
    def failing(self) -> bool:
        """The outbox's own writes fail for now (it tries again by itself)."""
        return self._error is not None

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._unsaved:  # one more try; what still fails is checked again at the next start
            await self._save_unsaved()
            if self._unsaved:
                self.log.error(
                    "stopped with %d outbox marks the store could not save; their messages are"
                    " checked again at the next start (sent again only where that is safe)",
                    len(self._unsaved),
                )
            self._unsaved.clear()
        self._error = None
        self._told = False
        self.backoff.reset()

    def connected(self, backend: Backend) -> None:
        self._backend = backend
        self._sent_this_connection.clear()
        self.wake()

    def disconnected(self) -> None:
        self._backend = None

    def _connected(self) -> bool:
        return self._backend is not None

    def wake(self) -> None:
        self._wake.set()

    def retry_now(self) -> bool:
        """Try the kept marks at once instead of after the pause; False: nothing is kept."""
        if self._error is None:
            return False
        self._told = False  # should it fail again, that is said again
        self._wake.set()
        return True

    async def _run(self) -> None:
        while True:
            if self._error is None:
                await self._wake.wait()
            else:  # try again after a pause, or when woken
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), self.backoff.next_delay())
            self._wake.clear()
            try:
                await self._drain()
            except asyncio.CancelledError:
                raise
            except Exception:
                self.log.exception("outbox drain failed")

    async def _drain(self) -> None:
        if not await self._save_unsaved():
            return  # nothing is handed over before every kept mark is saved
        if not self._connected():
            self._recovered()  # nothing kept to try again: connecting wakes the outbox
            return
        try:
            entries = await self.worker.run(self.store.outbox_entries)
        except sqlite3.Error as exc:
            if not transient(exc):
                raise
            self._failed(exc)
            return
        if not entries:
            self._recovered()
            self._told = False  # nothing waits
            return
        held = self.saving_error()
        if held is not None:  # the session wakes the outbox once its store saves again
            self._recovered()
            self._tell(held)
            return
        for entry in entries:
            backend = self._backend
            if backend is None:
                return
            if entry.local_id in self._sent_this_connection:
                continue  # handed over on this connection; its confirmation is on the way
            if entry.state == OUTBOX_IN_FLIGHT and not (
                effective_capabilities(backend) & Capability.IDEMPOTENT_SEND
            ):
                if not await self._write(self.writes.send_failed, entry.local_id, UNCONFIRMED):
                    return
                continue
            if entry.attempts >= MAX_ATTEMPTS:
                attempts = entry.attempts
                reason = CoreMessages.tr("Gave up after %n attempt(s).", "", attempts)
                if not await self._write(self.writes.send_failed, entry.local_id, reason):
                    return
                continue
            if not await self._send(backend, entry):
                return

    async def _send(self, backend: Backend, entry: OutboxEntry) -> bool:
        """Send one entry; False when the rest must wait (connection or store trouble)."""
        marked = await self._write(
            self.store.outbox_mark, entry.local_id, OUTBOX_IN_FLIGHT, keep=False
        )
        if not marked:
            return False  # not handed over: still queued
        self._sent_this_connection.add(entry.local_id)
        conv = ConversationId(self.store.account_id, entry.conversation)
        try:
            result = await backend.send_message(conv, _outgoing(entry))
        except StateNotSaved:
            # Its own record could not be saved first (updates were dropped past the cap):
            # it did not leave, and goes on the next connection (app.session reconnects).
            self.log.warning("a message waits: the backend could not record it before sending")
            result = SendResult(
                failure=Failure(FailureKind.NOT_CONNECTED, NOT_RECORDED, retryable=True)
            )
        except Exception as exc:  # a backend bug: fail this message, keep the rest going
            self.log.exception("backend crashed while sending")
            result = SendResult(
                failure=Failure(
                    FailureKind.PROTOCOL, CoreMessages.tr("Internal error: %1").arg(exc)
                )
            )
        failure = result.failure
        if failure is None:
            return await self._write(self.writes.send_succeeded, entry.local_id, result)
        if failure.retryable:
            self._sent_this_connection.discard(entry.local_id)
            if not await self._write(self.store.outbox_mark, entry.local_id, OUTBOX_QUEUED):
                return False
            if failure.kind is FailureKind.RATE_LIMITED:
                await asyncio.sleep(failure.retry_after or 1.0)
                self.wake()
            return False
        self._sent_this_connection.discard(entry.local_id)  # a retry must be able to send it
        return await self._write(self.writes.send_failed, entry.local_id, failure.message)

    def forget(self, local_id: str) -> None:
        """The user asked to send this message again: it is no longer "already handed over"."""
        self._sent_this_connection.discard(local_id)
        self.wake()

    # -- the outbox's own writes ---------------------------------------------------------

    async def _write(self, fn: Callable[..., Any], *args: Any, keep: bool = True) -> bool:
        """One of the outbox's writes on the store thread, its events published; True once
        saved. A transient failure keeps it (``keep``) to be saved before anything else."""
        try:
            events = await self.worker.run(fn, *args)
        except sqlite3.Error as exc:
            if not transient(exc):
                raise
            if keep:
                self._unsaved.append((fn, args))
            self._failed(exc)
            return False
        for event in events or ():
            self.publish(event)
        self._recovered()
        self._told = False  # a failure from now on is a new one, and said again
        return True

    async def _save_unsaved(self) -> bool:
        """Save the kept marks, in order; True when none is left."""
        if not self._unsaved:
            return True
        while self._unsaved:
            fn, args = self._unsaved[0]
            try:
                events = await self.worker.run(fn, *args)
            except sqlite3.Error as exc:
                if transient(exc):
                    self._failed(exc)
                    return False
                self.log.exception("dropped an outbox mark the store refuses")
                events = None
            del self._unsaved[0]
            for event in events or ():
                self.publish(event)
        self._recovered()
        self._told = False
        return True

    def _failed(self, exc: sqlite3.Error) -> None:
        if self._error is None:
            self.log.warning("the outbox cannot save (%s); %d marks kept", exc, len(self._unsaved))
        self._error = exc
        self._tell(exc)

    def _recovered(self) -> None:
        """Nothing of the outbox's own is left to try again (the messages show it by their
        state: no notice)."""
        if self._error is None:
            return
        self.log.warning("the outbox saves again")
        self._error = None
        self.backoff.reset()
        self.wake()  # what waited behind the kept marks

    def _tell(self, exc: sqlite3.Error) -> None:
        """Say once (until it works again) that messages wait, and why."""
        if self._told:
            return
        self._told = True
        text = CoreMessages.tr(
            "Your messages wait in the outbox: the message store cannot save now (%1). They are "
            "sent once it can, none of them twice."
        ).arg(exc)
        self.publish(
            ev.Notice(text, self.store.account_id, "warning", action=ev.NOTICE_RETRY_SAVING)
        )


def _outgoing(entry: OutboxEntry) -> OutgoingMessage:
    p = entry.payload
    return OutgoingMessage(
        txn_id=entry.local_id,
        body=str(p.get("body", "")),
        html=p.get("html"),
        kind=MessageKind(p.get("kind", "text")),
        reply_to=p.get("reply_to"),
        thread_root=p.get("thread_root"),
        mentions=tuple(m for m in p.get("mentions", ()) if isinstance(m, str)),
        attachments=tuple(
            Attachment(
                url=a["url"],
                filename=a.get("filename", ""),
                mime_type=a.get("mime_type", ""),
                size=a.get("size"),
                duration_ms=a.get("duration_ms"),
                waveform=tuple(a.get("waveform", ())),
                voice=bool(a.get("voice", False)),
            )
            for a in p.get("attachments", [])
        ),
    )
