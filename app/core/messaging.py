"""Messaging commands: what the composer and a message's menu do.

Sending goes through the outbox (stored first, sent once connected); edits, reactions and
retractions change the stored message only once the service has accepted them.
"""

from __future__ import annotations

import mimetypes
import sqlite3
from pathlib import Path

from app import events as ev
from app import facts as f
from app.backend import (
    Capability,
    Failure,
    FailureKind,
    Outcome,
    OutgoingMessage,
    SupportsCommands,
    SupportsEdits,
    SupportsFileOffers,
    SupportsFiles,
    SupportsModeration,
    SupportsReactions,
    SupportsRetraction,
    SupportsTyping,
    as_capable,
)
from app.core.not_saved import reason
from app.core.services import PREF_SEND_TYPING, CommandError, CoreServices
from app.dispatch import new_local_id
from app.dispatch_commands import NotQueued, outgoing_payload
from app.formatting import markdown_to_html
from app.i18n import CoreMessages
from app.models import (
    AccountId,
    Attachment,
    ConversationId,
    DeliveryState,
    Direction,
    Message,
    MessageId,
    MessageKind,
)
from app.sanitize import sanitize_html
from app.save_retry import transient
from app.session import AccountSession
from app.voice import VoiceInfo


class MessagingCommands:
    """``core.messaging``: sending, correcting, reacting to and fetching messages."""

    def __init__(self, services: CoreServices) -> None:
        self._s = services

    async def send_message(
        self,
        conv: ConversationId,
        body: str,
        *,
        html: str | None = None,
        reply_to: str | None = None,
        kind: MessageKind = MessageKind.TEXT,
        attachments: tuple[Attachment, ...] = (),
        thread_root: str | None = None,
        markdown: bool = False,
        mentions: tuple[str, ...] = (),
    ) -> MessageId:
        """Queue a message: stored and in the outbox at once, sent as soon as connected.

        ``thread_root`` (the remote id of a thread's first message) sends it as a reply in that
        thread, where the service has threads (else it is an ordinary reply to that message).
        ``markdown`` (with no ``html``): the body is what the composer typed, rendered here on
        the core's thread (the first render imports Python-Markdown, ~0.2 s, which the window
        must not wait for); before the first ``await``, so messages keep their order.
        ``mentions``: native ids of members picked by name (the composer's completion)."""
        if markdown and html is None:
            html = markdown_to_html(body)
        if not body.strip() and not attachments:
            raise CommandError(CoreMessages.tr("Cannot send an empty message."))
        s = self._s
        session = s.session(conv.account_id)
        if await s.worker.run(session.store.conversation, conv.native_id) is None:
            raise CommandError(CoreMessages.tr("No such conversation."))
        own = s.own_id(session)
        message = Message(
            id=MessageId(conv.account_id, new_local_id()),
            conversation_id=conv,
            sender=own,
            sender_name=own,
            timestamp=s.ctx.clock(),
            body=body,
            html=sanitize_html(html),
            direction=Direction.OUTGOING,
            kind=kind,
            reply_to=reply_to,
            attachments=attachments,
            delivery=DeliveryState.PENDING,
            thread_root=thread_root,
        )
        try:
            events = await s.worker.run(
                session.dispatcher.commands.queue_outgoing,
                message,
                outgoing_payload(message, mentions),
            )
        except NotQueued as exc:
            if exc.unsure:
                raise CommandError(
                    CoreMessages.tr(
                        "Could not tell whether your message was saved (%1). If it was, it is "
                        "sent once the store can be read again: look before sending it again."
                    ).arg(reason(exc.error))
                ) from exc
            raise CommandError(
                CoreMessages.tr("Your message could not be saved (%1), so it was not sent.").arg(
                    reason(exc.error)
                )
            ) from exc
        s.publish_all(events)
        session.outbox.wake()
        return message.id

    async def retry_message(self, message: MessageId) -> None:
        s = self._s
        session = s.session(message.account_id)
        try:
            events = await s.worker.run(session.dispatcher.commands.requeue, message.native_id)
        except sqlite3.Error as exc:
            if not transient(exc):
                raise
            raise CommandError(
                CoreMessages.tr("Could not put the message back in the outbox (%1).").arg(
                    reason(exc)
                )
            ) from exc
        s.publish_all(events)
        session.outbox.forget(message.native_id)

    async def send_file(
        self, conv: ConversationId, path: Path, caption: str = "", voice: VoiceInfo | None = None
    ) -> MessageId | Outcome:
        """Upload a file (progress arrives as events), then send it as a message; with ``voice``,
        as a voice message (its duration and waveform), where the service has them."""
        s = self._s
        session = s.session(conv.account_id)
        backend = s.capable(session, SupportsFiles)
        if isinstance(backend, Outcome):
            return backend
        if voice is not None and not session.capabilities(conv) & Capability.VOICE_MESSAGES:
            return Outcome(
                Failure(
                    FailureKind.UNSUPPORTED,
                    CoreMessages.tr("This service does not take voice messages."),
                )
            )
        if not path.is_file():
            raise CommandError(CoreMessages.tr("No such file."))
        size = path.stat().st_size
        task = f"upload:{new_local_id()}"

        def progress(done: int, total: int) -> None:
            s.publish(ev.ProgressChanged(conv.account_id, task, path.name, done, total or size))

        outcome = await backend.upload(conv, path, progress)
        if not outcome.ok or not outcome.value:
            return outcome
        mime, _ = mimetypes.guess_type(path.name)
        attachment = Attachment(
            url=outcome.value,
            filename=path.name,
            mime_type=mime or "",
            size=size,
            duration_ms=voice.duration_ms if voice else None,
            waveform=voice.waveform if voice else (),
            voice=voice is not None,
        )
        return await self.send_message(conv, caption or path.name, attachments=(attachment,))

    async def download(self, message: MessageId, index: int, destination: Path) -> Outcome:
        """Fetch attachment ``index`` of a message into ``destination``; progress as events."""
        s = self._s
        session = s.session(message.account_id)
        msg = await s.worker.run(session.store.message_by_local_id, message.native_id)
        if msg is None or not 0 <= index < len(msg.attachments):
            raise CommandError(CoreMessages.tr("No such attachment."))
        backend = s.capable(session, SupportsFiles)
        if isinstance(backend, Outcome):
            return backend
        attachment = msg.attachments[index]
        task = f"download:{message.native_id}:{index}"
        name = attachment.filename or destination.name

        def progress(done: int, total: int) -> None:
            s.publish(
                ev.ProgressChanged(message.account_id, task, name, done, total or attachment.size)
            )

        destination.parent.mkdir(parents=True, exist_ok=True)
        return await backend.download(attachment.url, destination, progress)

    async def answer_file_offer(
        self, account_id: AccountId, offer_id: str, accept: bool
    ) -> Outcome:
        """Yes or no to a file someone not in the contacts offers (``FileOffered``): accepted,
        it arrives as a message with the file attached."""
        return await self._s.delegate(
            account_id, SupportsFileOffers, lambda b: b.answer_file_offer(offer_id, accept)
        )

    async def set_typing(self, conv: ConversationId, typing: bool) -> None:
        s = self._s
        session = s.session(conv.account_id)
        backend = as_capable(session.backend, SupportsTyping)
        if (
            backend is not None
            and s.preference(PREF_SEND_TYPING, True)
            and session.capabilities(conv) & Capability.TYPING
        ):
            await s.guard(backend.send_typing(conv, typing), session)

    async def run_command(self, conv: ConversationId, name: str, args: str) -> Outcome:
        """A slash command the service itself understands (see ``SupportsCommands``)."""
        s = self._s
        session = s.session(conv.account_id)
        backend = s.capable(session, SupportsCommands)
        if isinstance(backend, Outcome):
            return backend
        if name.lower() not in backend.command_names():
            return Outcome(
                Failure(FailureKind.UNSUPPORTED, CoreMessages.tr("Unknown command /%1.").arg(name))
            )
        outcome = await backend.run_command(conv, name.lower(), args)
        await session.flushed()
        return outcome

    async def command_names(self, conv: ConversationId) -> tuple[str, ...]:
        """The service's own commands usable in ``conv`` (none where it narrows COMMANDS)."""
        session = self._s.session(conv.account_id)
        backend = as_capable(session.backend, SupportsCommands)
        if backend is None or not session.capabilities(conv) & Capability.COMMANDS:
            return ()
        return backend.command_names()

    # -- changing sent messages ------------------------------------------------------------

    async def edit_message(
        self,
        message: MessageId,
        body: str,
        html: str | None = None,
        *,
        markdown: bool = False,
        mentions: tuple[str, ...] = (),
    ) -> Outcome:
        """Correct one of our sent messages; shown edited here once the service accepts it.
        ``markdown``: render the body's formatting here, as :meth:`send_message` does;
        ``mentions`` as there."""
        if markdown and html is None:
            html = markdown_to_html(body)
        s = self._s
        session, msg = await self._own_sent_message(message)
        backend = s.capable(session, SupportsEdits)
        if isinstance(backend, Outcome):
            return backend
        assert msg.remote_id is not None
        result = await backend.edit_message(
            msg.conversation_id,
            msg.remote_id,
            OutgoingMessage(
                txn_id=new_local_id(),
                body=body,
                html=sanitize_html(html),
                mentions=mentions,
                replaced_body=msg.body,
            ),
        )
        if result.failure is not None:
            return Outcome(result.failure)
        session.report_local(
            f.MessageReceived(
                conversation=msg.conversation_id.native_id,
                sender=msg.sender,
                body=body,
                html=html,
                replaces=msg.remote_id,
                outgoing=True,
            )
        )
        await session.flushed()
        return Outcome()

    async def react(self, message: MessageId, keys: tuple[str, ...]) -> Outcome:
        """Set our reactions on a message to exactly ``keys`` (empty removes them)."""
        s = self._s
        session, msg = await self._message_with_remote_id(message)
        backend = s.capable(session, SupportsReactions)
        if isinstance(backend, Outcome):
            return backend
        assert msg.remote_id is not None
        outcome = await backend.react(msg.conversation_id, msg.remote_id, keys)
        if outcome.ok:
            session.report_local(
                f.ReactionsReplaced(
                    msg.conversation_id.native_id, msg.remote_id, s.own_id(session), keys
                )
            )
            await session.flushed()
        return outcome

    async def retract(self, message: MessageId) -> Outcome:
        """Delete one of our messages for everyone, where the service allows it."""
        s = self._s
        session, msg = await self._own_sent_message(message)
        backend = s.capable(session, SupportsRetraction)
        if isinstance(backend, Outcome):
            return backend
        assert msg.remote_id is not None
        outcome = await backend.retract(msg.conversation_id, msg.remote_id)
        if outcome.ok:
            session.report_local(f.MessageRetracted(msg.conversation_id.native_id, msg.remote_id))
            await session.flushed()
        return outcome

    async def moderate(self, message: MessageId, reason: str = "") -> Outcome:
        """Remove someone's message in a room we moderate, for everyone. The store changes
        when the room announces the removal (to us too), as it does for every occupant."""
        s = self._s
        session, msg = await self._message_with_remote_id(message)
        backend = s.capable(session, SupportsModeration)
        if isinstance(backend, Outcome):
            return backend
        assert msg.remote_id is not None
        return await backend.moderate(msg.conversation_id, msg.remote_id, reason)

    async def _message_with_remote_id(self, message: MessageId) -> tuple[AccountSession, Message]:
        s = self._s
        session = s.session(message.account_id)
        msg = await s.worker.run(session.store.message_by_local_id, message.native_id)
        if msg is None:
            raise CommandError(CoreMessages.tr("No such message."))
        if msg.remote_id is None:
            raise CommandError(CoreMessages.tr("The service has not confirmed this message yet."))
        return session, msg

    async def _own_sent_message(self, message: MessageId) -> tuple[AccountSession, Message]:
        session, msg = await self._message_with_remote_id(message)
        if not msg.outgoing:
            raise CommandError(CoreMessages.tr("Only your own messages can be changed."))
        return session, msg
