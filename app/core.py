"""The headless heart of Chinwag: accounts, stores, sessions, and the commands a front end calls.

:class:`Core` runs on one asyncio loop (see :mod:`app.runtime` for the thread that hosts it). Its
public coroutines are the command API: a front end calls them, and learns about everything else
from typed events on :attr:`Core.bus`. Nothing here imports Qt or a protocol library, so a terminal
or screen-reader-first front end can drive the same core.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import mimetypes
import re
import shutil
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TextIO, TypeVar

from app import events as ev
from app import facts as f
from app.backend import (
    AccountField,
    Backend,
    BackendContext,
    Capability,
    Failure,
    FailureKind,
    FieldKind,
    Outcome,
    OutgoingMessage,
    SupportsBlocking,
    SupportsCommands,
    SupportsEdits,
    SupportsFiles,
    SupportsGroupChat,
    SupportsHistory,
    SupportsKeyBackup,
    SupportsLogout,
    SupportsPresence,
    SupportsReactions,
    SupportsReceipts,
    SupportsRetraction,
    SupportsRoomDirectory,
    SupportsRoster,
    SupportsTyping,
    SupportsVerification,
    as_capable,
)
from app.backoff import Backoff
from app.bus import EventBus
from app.config import AccountEntry, AppConfig, ConfigFile
from app.dispatch import AccountDispatcher, PrivacyPolicy, new_local_id, outgoing_payload
from app.models import (
    Account,
    AccountId,
    Attachment,
    ConnectionState,
    Contact,
    Conversation,
    ConversationId,
    ConversationKind,
    Cursor,
    DeliveryState,
    Device,
    Direction,
    Member,
    Message,
    MessageId,
    MessageKind,
    NotifyLevel,
    Page,
    Presence,
    RoomListing,
    to_millis,
    utc_now,
)
from app.paths import AppPaths
from app.registry import BackendRegistry
from app.sanitize import sanitize_html
from app.secrets import SecretStore, SecretsUnavailable
from app.session import AccountSession, SessionServices, account_logger
from app.store import archive, html_export
from app.store.account_store import AccountStore
from app.store.worker import StoreWorker

_log = logging.getLogger(__name__)
M = TypeVar("M")

PREF_ONLY_CONTACTS = "privacy.only_contacts"
PREF_SEND_RECEIPTS = "privacy.send_read_receipts"
PREF_SEND_TYPING = "privacy.send_typing"


class CommandError(Exception):
    """A command that cannot be carried out as asked; the message is for a person."""


@dataclass(frozen=True, slots=True)
class BackendInfo:
    """What the account dialog needs to know about a service."""

    protocol_id: str
    display_name: str
    fields: tuple[AccountField, ...]


@dataclass(frozen=True, slots=True)
class ConversationDetails:
    """What a front end needs to show an open conversation beyond its messages."""

    conversation: Conversation
    capabilities: Capability
    members: tuple[Member, ...]
    own_id: str
    read_marker: Cursor | None
    connected: bool


@dataclass(frozen=True, slots=True)
class ContextPage:
    """Messages around one message (a search hit), with cursors to page either way."""

    messages: tuple[Message, ...]
    target: MessageId
    before: Cursor | None  # page further back from here; None at the start
    after: Cursor | None  # page forward from here; None when the newest message is included


@dataclass
class CoreContext:
    """Everything the core depends on, passed in so tests need no patching."""

    paths: AppPaths
    registry: BackendRegistry
    secrets: SecretStore
    clock: Callable[[], datetime] = utc_now
    backoff_factory: Callable[[], Backoff] = field(default=Backoff)
    connect_timeout: float = 45.0


class Core:
    """Owns the accounts and their sessions; every public coroutine is a command."""

    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx
        self.bus = EventBus()
        self.worker = StoreWorker()
        self._config_file = ConfigFile(ctx.paths.config_file)
        self.config = AppConfig()
        self.sessions: dict[AccountId, AccountSession] = {}
        self._started = False
        self._config_lock = asyncio.Lock()

    # -- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        """Open the stores and publish the initial state, then start connecting in the background."""
        self.ctx.paths.ensure()
        self.config = await asyncio.to_thread(self._config_file.load)
        for report in self.ctx.registry.problems():
            self.bus.publish(ev.PluginProblem(report.name, report.reason))
        for entry in self.config.accounts:
            await self._open_session(entry.account)
        self._publish_accounts()
        self.bus.publish(ev.PreferencesChanged(dict(self.config.preferences)))
        for session in self.sessions.values():
            self._publish_state(session)
            convs = await self.worker.run(session.store.conversations)
            if convs:
                self.bus.publish(ev.ConversationsChanged(tuple(convs)))
        self._started = True
        self.bus.publish(ev.CoreStarted())
        if self.config.accounts:
            await self._check_secrets()
        for session in self.sessions.values():
            await session.start()

    async def stop(self) -> None:
        """Disconnect every account and close every store. Queued messages stay in the outbox."""
        for session in list(self.sessions.values()):
            await session.stop()
            await self.worker.run(session.store.close)
        self.sessions.clear()
        await asyncio.to_thread(self.worker.shutdown)

    async def flushed(self) -> None:
        """Wait until every reported fact has been stored and published (tests, shutdown)."""
        for session in list(self.sessions.values()):
            await session.flushed()

    # -- backends and accounts -------------------------------------------------------------

    async def backends(self) -> list[BackendInfo]:
        """Every usable backend (imports them all); broken plugins are published as problems."""
        loaded = await asyncio.to_thread(self.ctx.registry.load_all)
        for report in self.ctx.registry.problems():
            self.bus.publish(ev.PluginProblem(report.name, report.reason))
        return [
            BackendInfo(pid, cls.display_name, tuple(cls.account_fields))
            for pid, cls in sorted(loaded.items())
        ]

    def accounts(self) -> list[Account]:
        return [e.account for e in self.config.accounts]

    async def add_account(
        self,
        protocol_id: str,
        settings: Mapping[str, str | int | bool],
        secrets: Mapping[str, str] | None = None,
        *,
        display_name: str = "",
        enabled: bool = True,
    ) -> Account:
        """Add an account: secrets go to the keyring first, so a keyring problem adds nothing."""
        cls = await self._backend_class(protocol_id)
        settings, secrets = _validated(cls, settings, secrets or {})
        account_id = uuid.uuid4().hex[:12]
        for key, value in secrets.items():
            await asyncio.to_thread(self.ctx.secrets.set, account_id, key, value)
        account = Account(
            id=account_id,
            protocol_id=protocol_id,
            display_name=display_name or cls.account_label(settings),
            settings=settings,
            enabled=enabled,
        )
        await self._save(self.config.with_account(AccountEntry(account, tuple(secrets))))
        session = await self._open_session(account)
        self._publish_accounts()
        self._publish_state(session)
        await session.start()
        return account

    async def update_account(
        self,
        account_id: AccountId,
        *,
        settings: Mapping[str, str | int | bool] | None = None,
        secrets: Mapping[str, str] | None = None,
        display_name: str | None = None,
    ) -> Account:
        """Change an account; a running connection restarts with the new settings."""
        entry = self._entry(account_id)
        account = entry.account
        cls = await self._backend_class(account.protocol_id)
        new_settings, new_secrets = _validated(
            cls,
            settings if settings is not None else account.settings,
            secrets or {},
            require_secrets=False,
        )
        for key, value in new_secrets.items():
            await asyncio.to_thread(self.ctx.secrets.set, account_id, key, value)
        account = replace(
            account,
            settings=new_settings,
            display_name=display_name if display_name is not None else account.display_name,
        )
        keys = tuple(dict.fromkeys((*entry.secret_keys, *new_secrets)))
        await self._save(self.config.with_account(AccountEntry(account, keys)))
        session = self.sessions[account_id]
        await session.stop()
        session.with_account(account)
        self._publish_accounts()
        await session.start()
        return account

    async def set_account_enabled(self, account_id: AccountId, enabled: bool) -> Account:
        entry = self._entry(account_id)
        account = replace(entry.account, enabled=enabled)
        await self._save(self.config.with_account(replace(entry, account=account)))
        session = self.sessions[account_id]
        session.with_account(account)
        if enabled:
            await session.start()
        else:
            await session.supervisor.stop(ConnectionState.DISABLED)
        self._publish_accounts()
        return account

    async def remove_account(self, account_id: AccountId, *, keep_history: bool = False) -> None:
        """Sign out and forget an account: its secrets always, its history unless kept.

        Kept history moves to the archive folder, where it can be imported again later.
        """
        entry = self._entry(account_id)
        session = self.sessions.pop(account_id)
        await self._logout(session)
        await session.stop()
        conv_ids = tuple(c.id for c in await self.worker.run(session.store.conversations))
        await self.worker.run(session.store.close)
        for key in entry.secret_keys:
            await asyncio.to_thread(self.ctx.secrets.delete, account_id, key)
        await self._save(self.config.without_account(account_id))
        paths = self.ctx.paths
        store_path = paths.account_store(account_id)
        if keep_history:
            paths.archive_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            stamp = self.ctx.clock().strftime("%Y%m%dT%H%M%S")
            await asyncio.to_thread(
                shutil.move, store_path, paths.archive_dir / f"{account_id}-{stamp}.sqlite3"
            )
        else:
            await asyncio.to_thread(_delete_store_files, store_path)
        await asyncio.to_thread(shutil.rmtree, paths.account_files(account_id), True)
        if conv_ids:
            self.bus.publish(ev.ConversationsRemoved(conv_ids))
        self._publish_accounts()

    async def test_connection(
        self,
        protocol_id: str,
        settings: Mapping[str, str | int | bool],
        secrets: Mapping[str, str] | None = None,
        *,
        account_id: AccountId | None = None,
    ) -> Outcome:
        """Try to sign in with these settings without saving anything, then sign out.

        Secrets not given are taken from the keyring of ``account_id`` (editing an account).
        """
        cls = await self._backend_class(protocol_id)
        clean, given = _validated(cls, settings, secrets or {}, require_secrets=False)
        stored = {}
        if account_id is not None:
            for fld in cls.account_fields:
                if fld.secret and fld.name not in given:
                    value = await asyncio.to_thread(self.ctx.secrets.get, account_id, fld.name)
                    if value is not None:
                        stored[fld.name] = value
        backend = cls(
            _probe_context(
                account_id or "probe", clean, {**stored, **given}, self.ctx.paths.cache_dir
            )
        )
        try:
            async with asyncio.timeout(self.ctx.connect_timeout):
                result = await backend.connect()
        except TimeoutError:
            return Outcome(Failure(FailureKind.NETWORK, "The server did not answer in time.", True))
        except Exception as exc:
            _log.exception("backend crashed while testing a connection")
            return Outcome(Failure(FailureKind.PROTOCOL, f"Internal error: {exc}"))
        finally:
            with contextlib.suppress(Exception):
                await backend.disconnect()
        return Outcome(result.failure)

    async def _logout(self, session: AccountSession) -> None:
        """End the server-side session (a Matrix device) before the secrets are gone."""
        cls = await asyncio.to_thread(self.ctx.registry.get, session.account.protocol_id)
        if cls is None or not issubclass(cls, SupportsLogout):
            return
        backend = as_capable(session.backend, SupportsLogout)
        if backend is None:
            created = await session.create_backend()
            backend = as_capable(created, SupportsLogout)
        if backend is None:
            return
        try:
            async with asyncio.timeout(15):
                outcome = await backend.logout()
            if outcome.failure is not None:
                session.log.warning("logout failed: %s", outcome.failure.message)
        except Exception:
            session.log.exception("logout failed")

    async def reconnect(self, account_id: AccountId) -> None:
        session = self._session(account_id)
        if session.account.enabled:
            session.supervisor.retry_now()

    async def set_preference(self, key: str, value: Any) -> None:
        await self._save(self.config.with_preference(key, value))
        self.bus.publish(ev.PreferencesChanged(dict(self.config.preferences)))
        if key == PREF_ONLY_CONTACTS:
            for session in self.sessions.values():
                session.set_privacy(self._privacy())

    def preference(self, key: str, default: Any = None) -> Any:
        return self.config.preferences.get(key, default)

    # -- conversations and messages --------------------------------------------------------

    async def conversations(self, account_id: AccountId | None = None) -> list[Conversation]:
        found: list[Conversation] = []
        for session in self.sessions.values():
            if account_id is None or session.account_id == account_id:
                found.extend(await self.worker.run(session.store.conversations))
        return found

    async def fetch_page(
        self, conv: ConversationId, before: Cursor | None = None, limit: int = 50
    ) -> Page:
        """A page of stored history, oldest first (the newest page when ``before`` is None)."""
        session = self._session(conv.account_id)
        return await self.worker.run(session.store.page, conv.native_id, before, limit)

    async def fetch_newer(self, conv: ConversationId, after: Cursor, limit: int = 50) -> Page:
        """Stored messages after ``after``, oldest first (``Page.before`` continues forward)."""
        session = self._session(conv.account_id)
        return await self.worker.run(session.store.page_after, conv.native_id, after, limit)

    async def fetch_context(self, message: MessageId, around: int = 25) -> ContextPage:
        """The stored messages around ``message`` (opening a search hit in context)."""
        session = self._session(message.account_id)
        store = session.store

        def run() -> ContextPage:
            target = store.message_by_local_id(message.native_id)
            if target is None:
                raise CommandError("That message is no longer stored.")
            native = target.conversation_id.native_id
            older = store.page(native, target.cursor, around)
            newer = store.page_after(native, target.cursor, around)
            return ContextPage(
                (*older.messages, target, *newer.messages), message, older.before, newer.before
            )

        return await self.worker.run(run)

    async def conversation_details(self, conv: ConversationId) -> ConversationDetails:
        session = self._session(conv.account_id)
        conversation = await self.worker.run(session.store.conversation, conv.native_id)
        if conversation is None:
            raise CommandError("No such conversation.")
        members = await self.worker.run(session.store.members, conv.native_id)
        marker = await self.worker.run(session.store.read_marker, conv.native_id)
        backend = session.backend
        return ConversationDetails(
            conversation=conversation,
            capabilities=session.capabilities(conv),
            members=tuple(members),
            own_id=(backend.own_id if backend else "") or session.account.display_name,
            read_marker=marker,
            connected=backend is not None,
        )

    async def set_notify(self, conv: ConversationId, level: NotifyLevel) -> Conversation:
        """When this conversation may notify (and be announced): all, mentions, none."""
        session = self._session(conv.account_id)

        def run() -> Conversation:
            with session.store.transaction():
                return session.store.update_conversation(conv.native_id, notify=level)

        updated = await self.worker.run(run)
        self.bus.publish(ev.ConversationsChanged((updated,)))
        return updated

    async def run_command(self, conv: ConversationId, name: str, args: str) -> Outcome:
        """A slash command the service itself understands (see ``SupportsCommands``)."""
        session = self._session(conv.account_id)
        backend = self._capable(session, SupportsCommands)
        if isinstance(backend, Outcome):
            return backend
        if name.lower() not in backend.command_names():
            return Outcome(Failure(FailureKind.UNSUPPORTED, f"Unknown command /{name}."))
        outcome = await backend.run_command(conv, name.lower(), args)
        await session.flushed()
        return outcome

    async def command_names(self, conv: ConversationId) -> tuple[str, ...]:
        session = self._session(conv.account_id)
        backend = as_capable(session.backend, SupportsCommands)
        return backend.command_names() if backend is not None else ()

    async def download(self, message: MessageId, index: int, destination: Path) -> Outcome:
        """Fetch attachment ``index`` of a message into ``destination``; progress as events."""
        session = self._session(message.account_id)
        msg = await self.worker.run(session.store.message_by_local_id, message.native_id)
        if msg is None or not 0 <= index < len(msg.attachments):
            raise CommandError("No such attachment.")
        backend = self._capable(session, SupportsFiles)
        if isinstance(backend, Outcome):
            return backend
        attachment = msg.attachments[index]
        task = f"download:{message.native_id}:{index}"
        name = attachment.filename or destination.name

        def progress(done: int, total: int) -> None:
            self.bus.publish(
                ev.ProgressChanged(message.account_id, task, name, done, total or attachment.size)
            )

        destination.parent.mkdir(parents=True, exist_ok=True)
        return await backend.download(attachment.url, destination, progress)

    async def fetch_remote_history(self, conv: ConversationId, limit: int = 50) -> Outcome:
        """Ask the service for messages older than the oldest stored; they arrive as events."""
        session = self._session(conv.account_id)
        backend = as_capable(session.backend, SupportsHistory)
        if backend is None or not session.capabilities(conv) & Capability.HISTORY:
            return Outcome(Failure(FailureKind.UNSUPPORTED, "No server history for this chat."))
        oldest = await self.worker.run(session.store.oldest_remote_id, conv.native_id)
        outcome = await backend.fetch_history(conv, oldest, limit)
        await session.flushed()
        return outcome

    async def mark_read(self, conv: ConversationId) -> None:
        session = self._session(conv.account_id)
        events, remote_id = await self.worker.run(session.dispatcher.mark_read, conv.native_id)
        self._publish_all(events)
        backend = as_capable(session.backend, SupportsReceipts)
        if (
            remote_id
            and backend is not None
            and self.preference(PREF_SEND_RECEIPTS, True)
            and session.capabilities(conv) & Capability.READ_RECEIPTS
        ):
            await self._guard(backend.send_read_marker(conv, remote_id), session)

    async def open_direct(
        self, account_id: AccountId, contact: str, title: str = ""
    ) -> Conversation:
        """The 1:1 conversation with ``contact`` (created, empty, if new).

        While connected the service names it (a Matrix room, a case-folded IRC nick);
        offline it is named after the contact.
        """
        session = self._session(account_id)
        contact = contact.strip()
        if not contact:
            raise CommandError("Whom do you want to talk to?")
        native = contact
        if session.backend is not None:
            outcome = await session.backend.open_direct(contact)
            if outcome.failure is not None:
                raise CommandError(outcome.failure.message)
            native = outcome.value or contact
            await session.flushed()
        conv, events = await self.worker.run(
            session.dispatcher.ensure_conversation,
            native,
            ConversationKind.DIRECT,
            title or (contact if native != contact else ""),
        )
        self._publish_all(events)
        return conv

    async def send_message(
        self,
        conv: ConversationId,
        body: str,
        *,
        html: str | None = None,
        reply_to: str | None = None,
        kind: MessageKind = MessageKind.TEXT,
        attachments: tuple[Attachment, ...] = (),
    ) -> MessageId:
        """Queue a message: stored and in the outbox at once, sent as soon as connected."""
        if not body.strip() and not attachments:
            raise CommandError("Cannot send an empty message.")
        session = self._session(conv.account_id)
        if await self.worker.run(session.store.conversation, conv.native_id) is None:
            raise CommandError("No such conversation.")
        backend = session.backend
        own = (backend.own_id if backend is not None else "") or session.account.display_name
        message = Message(
            id=MessageId(conv.account_id, new_local_id()),
            conversation_id=conv,
            sender=own,
            sender_name=own,
            timestamp=self.ctx.clock(),
            body=body,
            html=sanitize_html(html),
            direction=Direction.OUTGOING,
            kind=kind,
            reply_to=reply_to,
            attachments=attachments,
            delivery=DeliveryState.PENDING,
        )
        events = await self.worker.run(
            session.dispatcher.queue_outgoing, message, outgoing_payload(message)
        )
        self._publish_all(events)
        session.outbox.wake()
        return message.id

    async def retry_message(self, message: MessageId) -> None:
        session = self._session(message.account_id)
        self._publish_all(await self.worker.run(session.dispatcher.requeue, message.native_id))
        session.outbox.forget(message.native_id)

    async def set_typing(self, conv: ConversationId, typing: bool) -> None:
        session = self._session(conv.account_id)
        backend = as_capable(session.backend, SupportsTyping)
        if (
            backend is not None
            and self.preference(PREF_SEND_TYPING, True)
            and session.capabilities(conv) & Capability.TYPING
        ):
            await self._guard(backend.send_typing(conv, typing), session)

    async def join(
        self, account_id: AccountId, room: str, nick: str = "", password: str = ""
    ) -> Outcome:
        return await self._delegate(
            account_id, SupportsGroupChat, lambda b: b.join(room, nick, password)
        )

    async def leave(self, conv: ConversationId, reason: str = "") -> Outcome:
        return await self._delegate(
            conv.account_id, SupportsGroupChat, lambda b: b.leave(conv, reason)
        )

    async def create_room(
        self, account_id: AccountId, name: str, *, public: bool = False
    ) -> Outcome:
        return await self._delegate(
            account_id, SupportsGroupChat, lambda b: b.create_room(name, public=public)
        )

    async def invite(self, conv: ConversationId, contact: str, reason: str = "") -> Outcome:
        return await self._delegate(
            conv.account_id, SupportsGroupChat, lambda b: b.invite(conv, contact, reason)
        )

    async def kick(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        return await self._delegate(
            conv.account_id, SupportsGroupChat, lambda b: b.kick(conv, member, reason)
        )

    async def set_topic(self, conv: ConversationId, topic: str) -> Outcome:
        return await self._delegate(
            conv.account_id, SupportsGroupChat, lambda b: b.set_topic(conv, topic)
        )

    async def ban(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        return await self._delegate(
            conv.account_id, SupportsGroupChat, lambda b: b.ban(conv, member, reason)
        )

    async def unban(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        return await self._delegate(
            conv.account_id, SupportsGroupChat, lambda b: b.unban(conv, member, reason)
        )

    async def refresh_members(self, conv: ConversationId) -> Outcome:
        """Ask for the complete member list (it arrives as a MembersChanged event)."""
        return await self._delegate(
            conv.account_id, SupportsGroupChat, lambda b: b.fetch_members(conv)
        )

    async def room_directory(
        self, account_id: AccountId, query: str = ""
    ) -> tuple[RoomListing, ...]:
        """Public rooms of an account's service matching ``query``, the most popular first."""
        backend = self._capable(self._session(account_id), SupportsRoomDirectory)
        if isinstance(backend, Outcome):
            raise CommandError(backend.failure.message if backend.failure else "")
        found = await backend.room_directory(query.strip())
        if isinstance(found, Failure):
            raise CommandError(found.message)
        return found

    async def room_directory_accounts(self) -> list[AccountId]:
        """The connected accounts whose service has a room directory to browse."""
        return [
            account_id
            for account_id, session in self.sessions.items()
            if as_capable(session.backend, SupportsRoomDirectory) is not None
        ]

    async def answer_invite(self, conv: ConversationId, accept: bool) -> Outcome:
        return await self._delegate(
            conv.account_id, SupportsGroupChat, lambda b: b.answer_invite(conv, accept)
        )

    # -- end-to-end encryption ---------------------------------------------------------------

    async def devices(self, account_id: AccountId, contact: str) -> tuple[Device, ...]:
        """The devices of ``contact`` with their trust (encryption-capable services)."""
        session = self._session(account_id)
        backend = self._capable(session, SupportsVerification)
        if isinstance(backend, Outcome):
            raise CommandError(backend.failure.message if backend.failure else "")
        found = await backend.devices(contact)
        if isinstance(found, Failure):
            raise CommandError(found.message)
        return found

    async def start_verification(
        self, account_id: AccountId, contact: str, device_id: str = ""
    ) -> Outcome:
        return await self._delegate(
            account_id, SupportsVerification, lambda b: b.start_verification(contact, device_id)
        )

    async def accept_verification(self, account_id: AccountId, verification_id: str) -> Outcome:
        return await self._delegate(
            account_id, SupportsVerification, lambda b: b.accept_verification(verification_id)
        )

    async def confirm_verification(
        self, account_id: AccountId, verification_id: str, match: bool
    ) -> Outcome:
        return await self._delegate(
            account_id,
            SupportsVerification,
            lambda b: b.confirm_verification(verification_id, match),
        )

    async def cancel_verification(self, account_id: AccountId, verification_id: str) -> Outcome:
        return await self._delegate(
            account_id, SupportsVerification, lambda b: b.cancel_verification(verification_id)
        )

    async def create_key_backup(self, account_id: AccountId) -> Outcome:
        """Back keys up on the server; the recovery key (``Outcome.value``) is shown once."""
        return await self._delegate(account_id, SupportsKeyBackup, lambda b: b.create_key_backup())

    async def restore_key_backup(self, account_id: AccountId, recovery_key: str) -> Outcome:
        return await self._delegate(
            account_id, SupportsKeyBackup, lambda b: b.restore_key_backup(recovery_key)
        )

    async def members(self, conv: ConversationId) -> list[Member]:
        session = self._session(conv.account_id)
        return await self.worker.run(session.store.members, conv.native_id)

    async def contacts(self, account_id: AccountId) -> list[Contact]:
        session = self._session(account_id)
        return await self.worker.run(session.store.contacts)

    async def add_contact(
        self, account_id: AccountId, contact: str, name: str = "", message: str = ""
    ) -> Outcome:
        return await self._delegate(
            account_id, SupportsRoster, lambda b: b.add_contact(contact, name, message)
        )

    async def remove_contact(self, account_id: AccountId, contact: str) -> Outcome:
        return await self._delegate(account_id, SupportsRoster, lambda b: b.remove_contact(contact))

    async def rename_contact(self, account_id: AccountId, contact: str, name: str) -> Outcome:
        return await self._delegate(
            account_id, SupportsRoster, lambda b: b.rename_contact(contact, name)
        )

    async def answer_subscription(
        self, account_id: AccountId, contact: str, accept: bool
    ) -> Outcome:
        return await self._delegate(
            account_id, SupportsRoster, lambda b: b.answer_subscription(contact, accept)
        )

    async def set_blocked(self, account_id: AccountId, contact: str, blocked: bool) -> Outcome:
        return await self._delegate(
            account_id, SupportsBlocking, lambda b: b.set_blocked(contact, blocked)
        )

    async def edit_message(self, message: MessageId, body: str, html: str | None = None) -> Outcome:
        """Correct one of our sent messages; shown edited here once the service accepts it."""
        session, msg = await self._own_sent_message(message)
        backend = self._capable(session, SupportsEdits)
        if isinstance(backend, Outcome):
            return backend
        assert msg.remote_id is not None
        result = await backend.edit_message(
            msg.conversation_id,
            msg.remote_id,
            OutgoingMessage(txn_id=new_local_id(), body=body, html=sanitize_html(html)),
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
        session, msg = await self._message_with_remote_id(message)
        backend = self._capable(session, SupportsReactions)
        if isinstance(backend, Outcome):
            return backend
        assert msg.remote_id is not None
        outcome = await backend.react(msg.conversation_id, msg.remote_id, keys)
        if outcome.ok:
            own = (
                session.backend.own_id if session.backend else ""
            ) or session.account.display_name
            session.report_local(
                f.ReactionsReplaced(msg.conversation_id.native_id, msg.remote_id, own, keys)
            )
            await session.flushed()
        return outcome

    async def retract(self, message: MessageId) -> Outcome:
        """Delete one of our messages for everyone, where the service allows it."""
        session, msg = await self._own_sent_message(message)
        backend = self._capable(session, SupportsRetraction)
        if isinstance(backend, Outcome):
            return backend
        assert msg.remote_id is not None
        outcome = await backend.retract(msg.conversation_id, msg.remote_id)
        if outcome.ok:
            session.report_local(f.MessageRetracted(msg.conversation_id.native_id, msg.remote_id))
            await session.flushed()
        return outcome

    async def send_file(
        self, conv: ConversationId, path: Path, caption: str = ""
    ) -> MessageId | Outcome:
        """Upload a file (progress arrives as events), then send it as a message."""
        session = self._session(conv.account_id)
        backend = self._capable(session, SupportsFiles)
        if isinstance(backend, Outcome):
            return backend
        if not path.is_file():
            raise CommandError("No such file.")
        size = path.stat().st_size
        task = f"upload:{new_local_id()}"

        def progress(done: int, total: int) -> None:
            self.bus.publish(
                ev.ProgressChanged(conv.account_id, task, path.name, done, total or size)
            )

        outcome = await backend.upload(conv, path, progress)
        if not outcome.ok or not outcome.value:
            return outcome
        mime, _ = mimetypes.guess_type(path.name)
        attachment = Attachment(
            url=outcome.value, filename=path.name, mime_type=mime or "", size=size
        )
        return await self.send_message(conv, caption or path.name, attachments=(attachment,))

    async def _message_with_remote_id(self, message: MessageId) -> tuple[AccountSession, Message]:
        session = self._session(message.account_id)
        msg = await self.worker.run(session.store.message_by_local_id, message.native_id)
        if msg is None:
            raise CommandError("No such message.")
        if msg.remote_id is None:
            raise CommandError("The service has not confirmed this message yet.")
        return session, msg

    async def _own_sent_message(self, message: MessageId) -> tuple[AccountSession, Message]:
        session, msg = await self._message_with_remote_id(message)
        if not msg.outgoing:
            raise CommandError("Only your own messages can be changed.")
        return session, msg

    async def set_presence(self, presence: Presence, account_id: AccountId | None = None) -> None:
        """Set our presence on one account, or on all that support it."""
        for session in self.sessions.values():
            if account_id is not None and session.account_id != account_id:
                continue
            backend = as_capable(session.backend, SupportsPresence)
            if backend is not None:
                outcome = await self._guard(backend.set_presence(presence), session)
                if isinstance(outcome, Outcome) and outcome.ok:
                    self.bus.publish(ev.OwnPresenceChanged(session.account_id, presence))

    async def search(
        self, text: str, limit: int = 50, conversation: ConversationId | None = None
    ) -> list[Message]:
        """Messages matching every word, newest first, across all accounts (each keeps its own)."""
        results: list[Message] = []
        for session in list(self.sessions.values()):
            if conversation is not None and conversation.account_id != session.account_id:
                continue
            native = None if conversation is None else conversation.native_id
            results.extend(await self.worker.run(session.store.search, text, limit, native))
        results.sort(key=lambda m: (m.timestamp, m.seq), reverse=True)
        return results[:limit]

    async def prune_history(self, days: int, account_id: AccountId | None = None) -> int:
        """Delete messages older than ``days`` days; returns how many went."""
        if days < 0:
            raise CommandError("The number of days cannot be negative.")
        cutoff = to_millis(self.ctx.clock() - timedelta(days=days))
        total = 0
        for session in self.sessions.values():
            if account_id is None or session.account_id == account_id:
                total += await self.worker.run(session.store.delete_older_than, cutoff)
        return total

    async def export_account(self, account_id: AccountId, path: Path) -> int:
        """Write the account's history to ``path``: JSON Lines, or readable HTML for ``.html``.

        Returns the number of messages written. JSON Lines can be imported again.
        """
        session = self._session(account_id)
        account = session.account
        progress = self._progress_reporter(account_id, "export", "Exporting")

        def write(out: TextIO) -> int:
            if _is_html(path):
                convs = session.store.conversations()
                return html_export.write_html(
                    out,
                    account.display_name,
                    ((c, session.store.iter_messages(conversation=c.id.native_id)) for c in convs),
                )
            return archive.export_account(session.store, account, out, progress)

        return await self.worker.run(_write_atomically, path, write)

    async def export_conversation(self, conv: ConversationId, path: Path) -> int:
        """One conversation's history, as JSON Lines or (for ``.html``) readable HTML."""
        session = self._session(conv.account_id)
        store = session.store

        def write(out: TextIO) -> int:
            conversation = store.conversation(conv.native_id)
            if conversation is None:
                raise CommandError("No such conversation.")
            messages = store.iter_messages(conversation=conv.native_id)
            if _is_html(path):
                return html_export.write_html(out, conversation.name, [(conversation, messages)])
            count = 0
            for msg in messages:
                out.write(archive.message_json(msg) + "\n")
                count += 1
            return count

        return await self.worker.run(_write_atomically, path, write)

    def _progress_reporter(
        self, account_id: AccountId, task: str, label: str
    ) -> Callable[[int], None]:
        """A callback for worker-thread code that publishes progress on the core loop."""
        loop = asyncio.get_running_loop()

        def publish(done: int) -> None:
            self.bus.publish(ev.ProgressChanged(account_id, task, label, done, None))

        return _threadsafe(publish, loop)

    async def import_account(self, path: Path) -> Account:
        """Create a (disabled) account from an export; sign-in secrets must be entered again."""
        header = await asyncio.to_thread(archive.read_header, path)
        account_id = uuid.uuid4().hex[:12]
        account = Account(
            id=account_id,
            protocol_id=header.protocol_id,
            display_name=header.display_name,
            settings=header.settings,
            enabled=False,
        )
        session = await self._open_session(account)

        def run() -> archive.ImportReport:
            with path.open(encoding="utf-8") as lines:
                return archive.import_account(session.store, lines)

        try:
            report = await self.worker.run(run)
        except Exception:
            self.sessions.pop(account_id, None)
            await self.worker.run(session.store.close)
            await asyncio.to_thread(_delete_store_files, self.ctx.paths.account_store(account_id))
            raise
        await self._save(self.config.with_account(AccountEntry(account)))
        self._publish_accounts()
        self._publish_state(session)
        convs = await self.worker.run(session.store.conversations)
        if convs:
            self.bus.publish(ev.ConversationsChanged(tuple(convs)))
        if report.skipped_lines:
            self.bus.publish(
                ev.Notice(
                    f"{report.skipped_lines} damaged lines were skipped.", account_id, "warning"
                )
            )
        await session.start()
        return account

    def capabilities(self, conv: ConversationId) -> Capability:
        session = self.sessions.get(conv.account_id)
        if session is None or session.backend is None:
            return Capability.NONE
        return session.backend.capabilities(conv)

    # -- internals -------------------------------------------------------------------------

    async def _open_session(self, account: Account) -> AccountSession:
        path = self.ctx.paths.account_store(account.id)
        store = await self.worker.run(AccountStore, account.id, path)
        dispatcher = AccountDispatcher(
            store,
            privacy=self._privacy(),
            now=self.ctx.clock,
            logger=account_logger("chinwag.dispatch", account.id),
        )
        session = AccountSession(account, store, dispatcher, self._services())
        self.sessions[account.id] = session
        return session

    def _services(self) -> SessionServices:
        return SessionServices(
            worker=self.worker,
            registry=self.ctx.registry,
            secrets=self.ctx.secrets,
            publish=self.bus.publish,
            remember_secret=self._remember_secret,
            account_files=self.ctx.paths.account_files,
            backoff_factory=self.ctx.backoff_factory,
            connect_timeout=self.ctx.connect_timeout,
        )

    def _remember_secret(self, account_id: str, key: str) -> None:
        """A backend stored a secret (a token): note its name so removal can delete it."""
        entry = self.config.account(account_id)
        if entry is None or key in entry.secret_keys:
            return
        config = self.config.with_account(replace(entry, secret_keys=(*entry.secret_keys, key)))
        self.config = config
        self._config_file.save(config)

    async def _check_secrets(self) -> None:
        """Say early, and in words, that no keyring is usable (instead of failing accounts one by one)."""
        try:
            await asyncio.to_thread(self.ctx.secrets.check)
        except SecretsUnavailable as exc:
            self.bus.publish(ev.Notice(str(exc), None, "error"))

    def _privacy(self) -> PrivacyPolicy:
        return PrivacyPolicy(only_contacts=bool(self.preference(PREF_ONLY_CONTACTS, False)))

    async def _save(self, config: AppConfig) -> None:
        """Adopt ``config`` at once (the next command builds on it), then write the newest one.

        Commands run concurrently on the loop: without this, two changes in flight would each
        start from the old config and the second write would undo the first.
        """
        self.config = config
        async with self._config_lock:
            await asyncio.to_thread(self._config_file.save, self.config)

    async def _backend_class(self, protocol_id: str) -> type[Backend]:
        cls = await asyncio.to_thread(self.ctx.registry.get, protocol_id)
        if cls is None:
            raise CommandError(f"No usable plugin for {protocol_id!r} is installed.")
        return cls

    def _entry(self, account_id: AccountId) -> AccountEntry:
        entry = self.config.account(account_id)
        if entry is None:
            raise CommandError("No such account.")
        return entry

    def _session(self, account_id: AccountId) -> AccountSession:
        session = self.sessions.get(account_id)
        if session is None:
            raise CommandError("No such account.")
        return session

    async def _delegate(
        self,
        account_id: AccountId,
        mixin: type[M],
        call: Callable[[M], Awaitable[Outcome]],
    ) -> Outcome:
        """Run a command on a backend that has ``mixin``; returns once its facts are stored."""
        session = self._session(account_id)
        backend = self._capable(session, mixin)
        if isinstance(backend, Outcome):
            return backend
        outcome = await call(backend)
        await session.flushed()
        return outcome

    def _capable(self, session: AccountSession, mixin: type[M]) -> M | Outcome:
        if session.backend is None:
            return Outcome(Failure(FailureKind.NOT_CONNECTED, "The account is not connected."))
        backend = as_capable(session.backend, mixin)
        if backend is None:
            return Outcome(Failure(FailureKind.UNSUPPORTED, "The service cannot do that."))
        return backend

    async def _guard(self, coro: Any, session: AccountSession) -> object:
        """Run a backend call whose failure must not break the command that triggered it."""
        try:
            return await coro
        except Exception:
            session.log.exception("backend call failed")
            return None

    def _publish_all(self, events: list[ev.Event]) -> None:
        for event in events:
            self.bus.publish(event)

    def _publish_accounts(self) -> None:
        self.bus.publish(ev.AccountsChanged(tuple(e.account for e in self.config.accounts)))

    def _publish_state(self, session: AccountSession) -> None:
        state = session.state
        self.bus.publish(
            ev.ConnectionStateChanged(
                session.account_id, state.state, state.message, state.retry_in
            )
        )


def _threadsafe(
    fn: Callable[[int], None], loop: asyncio.AbstractEventLoop
) -> Callable[[int], None]:
    def call(value: int) -> None:
        loop.call_soon_threadsafe(fn, value)

    return call


def _is_html(path: Path) -> bool:
    return path.suffix.lower() in (".html", ".htm")


def _write_atomically(path: Path, write: Callable[[TextIO], int]) -> int:
    """Write through a temporary file, so a failed export never leaves half a file behind."""
    tmp = path.with_name(path.name + ".part")
    try:
        with tmp.open("w", encoding="utf-8") as out:
            count = write(out)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count


def _probe_context(
    account_id: str,
    settings: Mapping[str, str | int | bool],
    secrets: Mapping[str, str],
    cache: Path,
) -> BackendContext:
    """A throwaway backend context for "test connection": nothing is stored or published."""

    class _Secrets:
        async def get(self, key: str) -> str | None:
            return secrets.get(key)

        async def set(self, key: str, value: str) -> None:
            return None

        async def delete(self, key: str) -> None:
            return None

    class _State:
        async def get(self, key: str) -> str | None:
            return None

        async def set(self, key: str, value: str | None) -> None:
            return None

    def drop(fact: f.Fact) -> None:
        return None

    folder = cache / "probe"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return BackendContext(
        account_id=account_id,
        settings=dict(settings),
        secrets=_Secrets(),
        state=_State(),
        report=drop,
        report_threadsafe=drop,
        logger=account_logger("chinwag.probe", account_id),
        data_dir=folder,
        probe=True,
    )


def _delete_store_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _validated(
    cls: type[Backend],
    settings: Mapping[str, str | int | bool],
    secrets: Mapping[str, str],
    *,
    require_secrets: bool = True,
) -> tuple[dict[str, str | int | bool], dict[str, str]]:
    """Settings and secrets checked against the backend's fields; CommandError lists problems."""
    problems: dict[str, str] = {}
    clean: dict[str, str | int | bool] = {}
    clean_secrets: dict[str, str] = {}
    for fld in cls.account_fields:
        if fld.secret:
            value = secrets.get(fld.name, "")
            if value:
                clean_secrets[fld.name] = value
            elif fld.required and require_secrets:
                problems[fld.name] = f"{fld.label} is required."
            continue
        raw = settings.get(fld.name, fld.default)
        if raw is None or raw == "":
            if fld.required:
                problems[fld.name] = f"{fld.label} is required."
            continue
        try:
            value_ok = _coerce(fld, raw)
        except ValueError as exc:
            problems[fld.name] = f"{fld.label}: {exc}"
            continue
        clean[fld.name] = value_ok
    unknown = set(settings) - {f.name for f in cls.account_fields}
    if unknown:
        problems[sorted(unknown)[0]] = f"Unknown setting {sorted(unknown)[0]!r}."
    if not problems:
        problems.update(cls.validate_settings(clean))
    if problems:
        raise CommandError("\n".join(problems.values()))
    return clean, clean_secrets


def _coerce(fld: AccountField, raw: str | int | bool) -> str | int | bool:
    if fld.kind is FieldKind.BOOLEAN:
        if isinstance(raw, str):
            return raw.strip().lower() in ("1", "true", "yes", "on")
        return bool(raw)
    if fld.kind is FieldKind.INTEGER:
        try:
            return int(raw)
        except (TypeError, ValueError):
            raise ValueError("must be a whole number") from None
    text = str(raw).strip()
    if fld.kind is FieldKind.CHOICE and fld.choices and text not in fld.choices:
        raise ValueError(f"must be one of {', '.join(fld.choices)}")
    if fld.pattern and not re.fullmatch(fld.pattern, text):
        raise ValueError("has the wrong form")
    return text
