"""The writes commands make outside the fact queue (app.session): the person's outgoing message,
the outbox's marks, marking read, opening a conversation, a conversation's own settings.

Each is one transaction on the store thread that answers the command which asked; received facts
are kept and retried when the store fails (app.save_retry), these are not (the outbox keeps and
retries its own marks, app.outbox). What makes a failed one safe to hand back:

* after a rollback the conversation cache is read again (the transaction may have changed it
  before its COMMIT failed), or marked stale for the dispatcher's next transaction;
* a new outgoing message whose COMMIT raised is looked for before it is called unsaved: told
  "not sent", the person would send it again, and two copies would go (:class:`NotQueued`);
* a conversation's own setting (notify, spell-check language) that raised is looked for in the
  conversation read again: there, it counts as saved; not there, the error goes up and the cache
  holds what the disk holds (app.core.not_saved says it to the person);
* marking read on a store that cannot save is no error for the person (the window sends it by
  itself whenever a conversation is read): the unread count stays as stored, the service still
  hears the read marker.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from typing import Any

from app import events as ev
from app.backend import SendResult
from app.dispatch_batch import Batch
from app.models import (
    Conversation,
    ConversationKind,
    DeliveryState,
    Message,
    to_millis,
)
from app.save_retry import transient
from app.store.account_store import AccountStore

ThreadsStored = Callable[[list[Message], set[str], Batch], list[Message]]
Confirm = Callable[[str, str | None, DeliveryState, Batch], None]


class NotQueued(Exception):
    """The person's new message is not in the outbox: the store refused it for now (``error``,
    transient); ``unsure``: its COMMIT raised and whether it went through cannot be read."""

    def __init__(self, error: sqlite3.Error, *, unsure: bool) -> None:
        super().__init__(str(error))
        self.error = error
        self.unsure = unsure


class CommandWrites:
    """``AccountDispatcher.commands``: the commands' writes, over the dispatcher's store."""

    def __init__(
        self,
        store: AccountStore,
        log: logging.LoggerAdapter[logging.Logger],
        now: Callable[[], datetime],
        *,
        threads_stored: ThreadsStored,
        confirm: Confirm,
        rolled_back: Callable[[], bool],
    ) -> None:
        self.store = store
        self.log = log
        self.now = now
        self._threads_stored = threads_stored
        self._confirm = confirm
        self._rolled_back = rolled_back

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        try:
            with self.store.transaction():
                yield
        except sqlite3.Error:
            self._rolled_back()
            raise

    def queue_outgoing(self, message: Message, payload: Mapping[str, Any]) -> list[ev.Event]:
        """Store a new outgoing message and its outbox entry in one transaction; raises
        :class:`NotQueued` when the store refuses it for now."""
        batch = Batch()
        native = message.conversation_id.native_id
        try:
            with self._transaction():
                inserted = self.store.append([message])
                inserted = self._threads_stored(inserted, set(), batch)
                self.store.outbox_add(
                    message.local_id, native, payload, to_millis(message.timestamp)
                )
                conv = self.store.conversation(native)
                assert conv is not None
                self.store.update_conversation(native, last_activity=message.timestamp)
        except sqlite3.Error as exc:
            if not transient(exc):
                raise
            inserted = [self._queued_anyway(message.local_id, exc)]
        batch.touched[native] = None
        batch.add(ev.MessagesAdded(message.conversation_id, tuple(inserted)))
        return batch.finish(self.store)

    def _queued_anyway(self, local_id: str, exc: sqlite3.Error) -> Message:
        """The message, if the transaction that failed with ``exc`` is stored all the same (its
        COMMIT raised after reaching the disk); else :class:`NotQueued`."""
        try:
            stored = self.store.message_by_local_id(local_id)
            entry = self.store.outbox_entry(local_id)
        except sqlite3.Error:
            raise NotQueued(exc, unsure=True) from exc
        if stored is None or entry is None:
            raise NotQueued(exc, unsure=False) from exc
        self.log.warning(
            "COMMIT reported an error (%s) but the message was saved all the same", exc
        )
        return stored

    def send_succeeded(self, local_id: str, result: SendResult) -> list[ev.Event]:
        batch = Batch()
        with self._transaction():
            if result.trust is not None:
                marked = self.store.set_trust(local_id, result.trust)
                if marked is not None:
                    batch.add(ev.MessagesUpdated(marked.conversation_id, (marked,)))
            if result.confirmed:
                self._confirm(local_id, result.remote_id, result.state, batch)
            elif result.remote_id:
                updated = self.store.update_delivery(
                    local_id, DeliveryState.PENDING, remote_id=result.remote_id
                )
                if updated is not None:
                    batch.add(ev.MessagesUpdated(updated.conversation_id, (updated,)))
        return batch.finish(self.store)

    def send_failed(self, local_id: str, reason: str) -> list[ev.Event]:
        batch = Batch()
        with self._transaction():
            self.store.outbox_remove(local_id)
            updated = self.store.update_delivery(local_id, DeliveryState.FAILED, reason=reason)
            if updated is not None:
                batch.add(ev.MessagesUpdated(updated.conversation_id, (updated,)))
        return batch.finish(self.store)

    def requeue(self, local_id: str) -> list[ev.Event]:
        """Put a failed outgoing message back in the outbox (the user pressed "retry")."""
        msg = self.store.message_by_local_id(local_id)
        if msg is None or not msg.outgoing or msg.delivery is not DeliveryState.FAILED:
            return []
        batch = Batch()
        with self._transaction():
            self.store.outbox_add(
                local_id,
                msg.conversation_id.native_id,
                outgoing_payload(msg),
                to_millis(self.now()),
            )
            updated = self.store.update_delivery(local_id, DeliveryState.PENDING, force=True)
        if updated is not None:
            batch.add(ev.MessagesUpdated(updated.conversation_id, (updated,)))
        return batch.finish(self.store)

    def mark_read(self, native_id: str) -> tuple[list[ev.Event], str | None]:
        """Clear the unread count; returns the events and the newest incoming remote id (for
        the service's read marker), which is still given when the store cannot save."""
        if self.store.conversation(native_id) is None:
            return [], None
        batch = Batch()
        try:
            with self._transaction():
                self.store.mark_read(native_id)
        except sqlite3.Error as exc:
            if not transient(exc):
                raise
            self.log.warning("could not save that a conversation was read: %s", exc)
        else:
            batch.touched[native_id] = None
        try:
            latest = self.store.latest_incoming_remote_id(native_id)
        except sqlite3.Error as exc:
            self.log.warning("could not read the newest message to mark read: %s", exc)
            latest = None
        return batch.finish(self.store), latest

    def update_conversation(self, native_id: str, **changes: Any) -> Conversation:
        """Change a conversation's own settings (``Conversation`` field names) in one
        transaction. When it raises, the conversation is read again from the disk: holding the
        change (its COMMIT raised after reaching the disk), it counts as saved; else the error
        goes up, the cache no longer claiming the change."""
        try:
            with self.store.transaction():
                return self.store.update_conversation(native_id, **changes)
        except sqlite3.Error as exc:
            if not self._rolled_back():  # the disk cannot be read either: nothing is known
                raise
            stored = self.store.conversation(native_id)
            if stored is None or any(getattr(stored, k) != v for k, v in changes.items()):
                raise
            self.log.warning("COMMIT reported an error (%s) but the change was saved", exc)
            return stored

    def ensure_conversation(
        self, native_id: str, kind: ConversationKind, title: str = ""
    ) -> tuple[Conversation, list[ev.Event]]:
        with self._transaction():
            conv, created = self.store.ensure_conversation(native_id, kind, title)
            if not conv.joined:
                conv = self.store.update_conversation(native_id, joined=True)
                created = True
        return conv, ([ev.ConversationsChanged((conv,))] if created else [])


def outgoing_payload(msg: Message, mentions: tuple[str, ...] = ()) -> dict[str, Any]:
    """What the outbox keeps to (re-)build an :class:`~app.backend.OutgoingMessage`;
    ``mentions``: the members picked by name (:attr:`~app.backend.OutgoingMessage.mentions`)."""
    payload: dict[str, Any] = {"body": msg.body, "kind": msg.kind.value}
    if mentions:
        payload["mentions"] = list(mentions)
    if msg.html:
        payload["html"] = msg.html
    if msg.reply_to:
        payload["reply_to"] = msg.reply_to
    if msg.thread_root:
        payload["thread_root"] = msg.thread_root
    if msg.attachments:
        payload["attachments"] = [
            {
                "url": a.url,
                "filename": a.filename,
                "mime_type": a.mime_type,
                "size": a.size,
                **({"duration_ms": a.duration_ms} if a.duration_ms is not None else {}),
                **({"waveform": list(a.waveform), "voice": True} if a.voice else {}),
            }
            for a in msg.attachments
        ]
    return payload
