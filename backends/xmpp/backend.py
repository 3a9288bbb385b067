"""The XMPP backend: signs in with slixmpp and connects the services to the core's interface.

One instance serves one connection (the core makes a new one after every loss and never asks this
one to reconnect). What must outlive an instance — rooms we are in, our presence, the XEP-0198
stream and unacknowledged sends — is kept in the account's state through ``ctx.state``.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import ssl
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from slixmpp.jid import JID
from slixmpp.xmlstream.handler import Callback
from slixmpp.xmlstream.matcher import MatchXPath

from app import facts as f
from app.backend import (
    AvatarImage,
    Backend,
    BackendContext,
    BanEntry,
    Capability,
    ConnectResult,
    ContactDetails,
    Credentials,
    Failure,
    FailureKind,
    Outcome,
    OutgoingMessage,
    RoomOptions,
    RoomSettings,
    SendResult,
    SignUpForm,
    SupportsAvatars,
    SupportsBanning,
    SupportsBlocking,
    SupportsContactDetails,
    SupportsDeviceTrust,
    SupportsEdits,
    SupportsFiles,
    SupportsGroupChat,
    SupportsHistory,
    SupportsInvites,
    SupportsKicking,
    SupportsModeration,
    SupportsPresence,
    SupportsReactions,
    SupportsReceipts,
    SupportsRetraction,
    SupportsRoomAdmin,
    SupportsRoomClosing,
    SupportsRoomCreation,
    SupportsRoomDirectory,
    SupportsRoster,
    SupportsSignUp,
    SupportsTopic,
    SupportsTyping,
)
from app.i18n import CoreMessages
from app.models import (
    ConversationId,
    ConversationKind,
    Device,
    DeviceTrust,
    Presence,
    Role,
    RoomListing,
)
from backends.xmpp import convert, discovery, moderating, ns, register, stanzas, tls
from backends.xmpp import settings as account_settings
from backends.xmpp.avatars import AvatarService
from backends.xmpp.bookmarks import BookmarkService
from backends.xmpp.catchup import CatchUp
from backends.xmpp.client import ChinwagClient
from backends.xmpp.files import FileService
from backends.xmpp.history import VERIFY_DEADLINE, ArchiveService
from backends.xmpp.ledger import SendLedger, StreamState, Verdict
from backends.xmpp.messaging import MessageService
from backends.xmpp.muc_admin import ROOM_FEATURES, RoomAdmin
from backends.xmpp.ns import q
from backends.xmpp.omemo.files import EncryptedFiles
from backends.xmpp.omemo.service import OmemoService
from backends.xmpp.rooms import RoomService
from backends.xmpp.roster import RosterService, load_own_presence
from backends.xmpp.session import IqFailure, XmppSession
from backends.xmpp.signin import SignIn

CLOSE_ACK_WAIT = 2.0
STATE_RESOURCE_TAG = "xmpp.resource_tag"
_FATAL_STREAM_ERRORS = {
    "conflict": CoreMessages.tr("You signed in elsewhere with the same device name.")
}
_CLIENT_FEATURES = (
    ns.RECEIPTS,
    ns.MARKERS,
    ns.CHATSTATES,
    ns.CORRECT,
    ns.REPLY,
    ns.REACTIONS,
    ns.RETRACT,
    ns.OOB,
    ns.CONFERENCE,
    ns.MUC,
    ns.XHTML_IM,
)
_BASE_CAPS = (
    Capability.GROUP_CHAT
    | Capability.INVITE
    | Capability.KICK
    | Capability.BAN
    | Capability.TOPIC
    | Capability.TYPING
    | Capability.READ_RECEIPTS
    | Capability.EDITS
    | Capability.REPLIES
    | Capability.REACTIONS
    | Capability.RETRACTIONS
    | Capability.IDEMPOTENT_SEND
)
_ROOM_ONLY = Capability.INVITE | Capability.KICK | Capability.BAN | Capability.TOPIC
_DIRECT_ONLY = Capability.READ_RECEIPTS


class _Services:
    """The parts of one connection (built together, dropped together)."""

    def __init__(
        self, backend: XmppBackend, session: XmppSession, ssl_context: ssl.SSLContext, own: Presence
    ) -> None:
        self.session = session
        self.roster = RosterService(session, own)
        # A room we have read before is caught up on from its archive, so it needs no join
        # history (which would deliver part of the same messages, out of order, as old). The
        # archive and catch-up are built after the rooms (they ask it what is a room), so the
        # rooms get methods of this object that reach them once they exist.
        self.rooms = RoomService(
            session,
            lambda: self.roster.own_presence,
            join_history=self._join_history,
            on_joined=self._joined,
            on_left=self._forget_room,
            on_configured=self._configured,
        )
        self.omemo = OmemoService(session, self.rooms)
        session.trust_of = self.omemo.trust_of
        self.archive = ArchiveService(
            session,
            is_room=self.rooms.is_room,
            apply=self._apply,
            decrypt=self.omemo.decrypt_results,
        )
        self.admin = RoomAdmin(session, self.rooms)
        self.catchup = CatchUp(session, self.archive, self._apply)
        self.messages = MessageService(
            session,
            backend.ledger,
            is_room=self.rooms.is_room,
            wait_joined=self.rooms.wait_joined,
            lookup_ref=self.archive.lookup,
            observe=self._observe,
            archived=self.catchup.seen,
            sent=lambda conv, txn: self.archive.note_oldest(conv, [txn], time.time()),
            blocked=lambda bare: bare in self.roster.blocked,
            seal=self.omemo.seal,
        )
        self.files = FileService(session, ssl_context)
        self.avatars = AvatarService(session)
        self.bookmarks = BookmarkService(session, self.rooms)
        self.encrypted_files = EncryptedFiles(self.files, session.ctx.data_dir / "omemo-transit")

    async def load(self) -> None:
        """What the account's state keeps for these services (and OMEMO's plugin and keys,
        which must be on the client before its stream starts)."""
        await self.rooms.load()
        await self.archive.anchors.load()
        await self.catchup.load()
        await self.omemo.prepare()

    def rejoin(self) -> None:
        """A fresh session: rejoin the saved rooms, then (not delaying them) read the bookmarks
        our other clients share and join their autojoin rooms."""
        self.rooms.rejoin_all()
        self.session.spawn(self.bookmarks.sync(), "bookmarks")

    def pep_event(self, el: ET.Element) -> bool:
        """A PEP notification we follow (avatars, our bookmarks): True when it was one."""
        return self.avatars.on_message(el) or self.bookmarks.on_message(el)

    def _joined(self, room: str) -> None:
        self.catch_up(room)
        self.omemo.joined(room)

    def _configured(self, room: str) -> None:
        """A room we created has its configuration now (members-only, addresses shown)."""
        self.session.spawn(self.omemo.evaluate(room, True), f"omemo {room}")

    async def upload(self, conv: str, path: Path, progress: Callable[[int, int], None]) -> Outcome:
        """A file for ``conv``: encrypted (XEP-0454) when the conversation is."""
        encrypt = await self.omemo.will_encrypt(conv, self.rooms.is_room(conv))
        if isinstance(encrypt, Failure):
            return Outcome(encrypt)
        if encrypt:
            return await self.encrypted_files.upload(path, progress)
        return await self.files.upload(path, progress)

    async def download(
        self, url: str, destination: Path, progress: Callable[[int, int], None]
    ) -> Outcome:
        if url.lower().startswith("aesgcm:"):
            return await self.encrypted_files.download(url, destination, progress)
        return await self.files.download(url, destination, progress)

    async def save(self) -> None:
        """Keep what the next connection needs (the connection is ending)."""
        await self.catchup.save()
        await self.archive.anchors.save()

    def shown(self, native: str) -> None:
        """A conversation is shown in the window: OMEMO evaluates it in the background (see
        :meth:`XmppBackend.conversation_opened`)."""
        group = self.rooms.is_room(native)
        self.session.spawn(self.omemo.evaluate(native, group), "omemo-shown")

    async def verify_unconfirmed(self, ledger: SendLedger) -> None:
        """After signing in, not within it (the core gives a sign-in 45 s): ask the archives
        about the last connection's unconfirmed messages. Sending one of them waits for this;
        what is still undecided after :data:`VERIFY_DEADLINE` fails as "may not have been
        delivered" and is never re-sent."""
        try:
            async with asyncio.timeout(VERIFY_DEADLINE):
                await self.archive.verify(
                    ledger, lambda txn, v: self.messages.report_verdicts({txn: v})
                )
        except TimeoutError:
            self.session.ctx.logger.info(
                "the archive search for unconfirmed messages ran out of time"
            )
        finally:
            self.messages.verified.set()
            with contextlib.suppress(Exception):
                await ledger.save_pending()

    def _forget_room(self, room: str) -> None:
        self.catchup.forget(room)

    def catch_up(self, archive: str) -> None:
        self.catchup.hold(archive)  # from now until its catch-up has read it
        self.session.spawn(self.catchup.run(archive), f"catch up {archive}")

    def _join_history(self, room: str) -> int:
        """Join history to ask for (called just before the join is sent)."""
        if not self.catchup.knows(room):
            return 20
        self.catchup.hold(room)  # its messages may arrive before its catch-up starts
        return 0

    def _apply(self, parsed: convert.ParsedMessage) -> None:
        self.messages.apply(parsed)

    def _observe(self, fact: f.Fact) -> None:
        if isinstance(fact, f.InviteReceived):
            self.rooms.remember_invite(fact)
        elif (
            isinstance(fact, f.MessageReceived)
            and fact.outgoing
            and not fact.history
            and fact.conversation_kind is ConversationKind.DIRECT
        ):
            # Ours from another device: it may become the core's oldest message there.
            stamp = fact.timestamp.timestamp() if fact.timestamp else time.time()
            self.archive.note_oldest(fact.conversation, [fact.remote_id, fact.txn_id], stamp)


class XmppBackend(
    Backend,
    SupportsGroupChat,
    SupportsInvites,
    SupportsKicking,
    SupportsBanning,
    SupportsTopic,
    SupportsRoster,
    SupportsPresence,
    SupportsTyping,
    SupportsReceipts,
    SupportsHistory,
    SupportsFiles,
    SupportsEdits,
    SupportsReactions,
    SupportsRetraction,
    SupportsModeration,
    SupportsBlocking,
    SupportsRoomDirectory,
    SupportsSignUp,
    SupportsRoomCreation,
    SupportsRoomAdmin,
    SupportsRoomClosing,
    SupportsContactDetails,
    SupportsDeviceTrust,
    SupportsAvatars,
):
    """XMPP (RFC 6120/6121 and the modern XEPs a Conversations/Dino/Gajim user expects)."""

    protocol_id = "xmpp"
    # see ledger.py; a voice message goes as its uploaded audio file (as Conversations sends it)
    send_features = Capability.REPLIES | Capability.IDEMPOTENT_SEND | Capability.VOICE_MESSAGES
    display_name = "XMPP (Jabber)"
    account_fields = account_settings.ACCOUNT_FIELDS
    room_features = ROOM_FEATURES

    def __init__(self, ctx: BackendContext) -> None:
        super().__init__(ctx)
        self.ledger = SendLedger(self.ctx.state)
        self._session: XmppSession | None = None
        self._services: _Services | None = None
        self._closing = False
        self._loss: asyncio.Task[None] | None = None
        self._stream_error = ""
        self._verifying = False
        self._registration: register.Registration | None = None

    @classmethod
    def validate_settings(cls, settings: Mapping[str, str | int | bool]) -> dict[str, str]:
        return account_settings.problems(settings)

    # -- connecting --------------------------------------------------------------------------

    async def connect(self) -> ConnectResult:
        parsed = account_settings.parse(self.ctx.settings)
        if isinstance(parsed, str):
            return ConnectResult(Failure(FailureKind.CONFIG, parsed))
        password = await self.ctx.secrets.get("password") or ""
        if not password and parsed.client_cert is None:
            return ConnectResult(
                Failure(
                    FailureKind.AUTH, CoreMessages.tr("No password is stored for this account.")
                )
            )
        try:
            ssl_context = tls.build_context(
                parsed.ca_file, parsed.fingerprint, parsed.client_cert, parsed.client_key
            )
        except tls.TrustConfigError as exc:
            return ConnectResult(Failure(FailureKind.CONFIG, str(exc)))
        await self.ledger.load()
        stream = self.ledger.stream
        if stream is not None and JID(stream.jid).bare != parsed.jid:
            stream = None
        if self.ledger.stream is not None:
            # One attempt only: a stream that cannot be resumed now never delays a later
            # sign-in, and the next stream is saved when (and only if) this one is lost.
            await self.ledger.save_stream(None)
        resource = f"{parsed.resource}.{await self._resource_tag()}"
        full = stream.jid if stream is not None else f"{parsed.jid}/{resource}"
        client = ChinwagClient(full, password, ssl_context, parsed.fingerprint)
        client.discovery_log = self.ctx.logger
        client.nameservers, client.host_meta_port = discovery.overrides(self.ctx.network)
        if parsed.client_cert is not None:
            # SASL EXTERNAL names who we sign in as: a certificate for someone else (or for
            # several addresses) must not sign us in as them (XEP-0178 §3).
            client.credentials["authzid"] = parsed.jid
        session = XmppSession(self.ctx, client, parsed)
        services = _Services(self, session, ssl_context, await load_own_presence(self.ctx.state))
        self._session, self._services = session, services
        await services.load()
        if stream is not None:
            # Stanzas the server kept for us arrive the moment the stream resumes: be in our
            # rooms already. A fresh session rejoins them instead.
            services.rooms.resumed()
        signin = SignIn(client, parsed, self.ctx.logger)
        self._configure(client, parsed, stream, services, signin)
        result = await signin.run()
        if result.failure is not None:
            await self._drop(session)
            if result.failure.kind is FailureKind.AUTH:
                await self.ledger.save_stream(None)
            return result
        try:
            await self._signed_in(session, services, signin)
        except Exception:  # the session works; a failed extra must not fail the sign-in
            self.ctx.logger.exception("setting up the session failed")
            self._start_verify(session, services)
        return ConnectResult()

    async def _resource_tag(self) -> str:
        """A short random tag kept per account, so that two installations (or a connection test
        beside the running account) never take each other's resource (Conversations does the same)."""
        tag = await self.ctx.state.get(STATE_RESOURCE_TAG)
        if not tag:
            tag = secrets.token_hex(3)
            await self.ctx.state.set(STATE_RESOURCE_TAG, tag)
        return tag

    def _configure(
        self,
        client: ChinwagClient,
        parsed: account_settings.ConnectionSettings,
        stream: StreamState | None,
        services: _Services,
        signin: SignIn,
    ) -> None:
        client.enable_plaintext = False
        custom = bool(parsed.host)
        client.enable_direct_tls = parsed.tls_mode == "direct" or (
            parsed.tls_mode == "auto" and not custom
        )
        client.enable_starttls = parsed.tls_mode != "direct"
        client.register_plugin("xep_0030")
        client.register_plugin("xep_0198", {"window": 50, "allow_resume": True})
        client.register_plugin("xep_0199", {"keepalive": True, "interval": 60, "timeout": 30})
        if stream is not None:
            sm = client.plugin["xep_0198"]
            sm.sm_id = stream.sm_id
            sm.handled = stream.handled
            sm.seq = stream.seq
            sm.last_ack = stream.seq
        for feature in _CLIENT_FEATURES:
            client.plugin["xep_0030"].add_feature(feature)
        services.avatars.prepare(client)
        client.require_encryption(signin.refuse_plaintext)
        client.add_filter("out_sync", services.messages.number_outgoing)
        client.add_event_handler("stanza_acked", services.messages.on_acked)
        client.remove_handler("Stream Management Request Ack")  # acks wait for the store
        client.register_handler(
            Callback(
                "chinwag sm request ack",
                MatchXPath(f"{{{ns.SM}}}r"),
                services.messages.on_request_ack,
                instream=True,
            )
        )
        client.add_event_handler("roster_update", services.roster.on_roster_push)
        client.register_handler(
            Callback("chinwag message", MatchXPath(q(ns.CLIENT, "message")), self._on_message)
        )
        client.register_handler(
            Callback("chinwag presence", MatchXPath(q(ns.CLIENT, "presence")), self._on_presence)
        )
        for verb in ("block", "unblock"):
            client.register_handler(
                Callback(
                    f"chinwag {verb}",
                    MatchXPath(f"{q(ns.CLIENT, 'iq')}/{q(ns.BLOCKING, verb)}"),
                    self._on_block_push,
                )
            )

    async def _signed_in(self, session: XmppSession, services: _Services, signin: SignIn) -> None:
        client = session.client
        session.connected = True
        self.own_id = session.own_jid
        client.add_event_handler("disconnected", self._on_disconnected)
        client.add_event_handler("stream_error", self._on_stream_error)
        session.spawn(services.omemo.signed_in(), "omemo-signed-in")  # never blocking; may load
        roster = services.roster
        if signin.resumed:
            sm = client.plugin["xep_0198"]
            sm.seq = signin.resumed_h
            sm.last_ack = signin.resumed_h
            services.messages.report_verdicts(
                self.ledger.resumed(signin.resumed_h, str(sm.sm_id or ""))
            )
            with contextlib.suppress(ValueError):  # slixmpp's own session_resumed handler may
                client.plugin["xep_0199"].enable_keepalive()  # have been first: already running
            await session.discover()
            for archive in services.catchup.behind():  # what the last catch-up left unread
                services.catch_up(archive)
        else:
            await session.discover()
            if session.features.mam:
                # Live messages start with the initial presence: they must not move our archive
                # position past what arrived while we were away before the catch-up has read it,
                # and a first position must be on disk before them (a crash must not start over
                # "from the newest" and skip what came in between).
                services.catchup.hold(session.own_jid)
                await services.catchup.establish(session.own_jid)
            await roster.fetch()
            with contextlib.suppress(Exception):  # no caps: no avatar notifications, all else works
                await services.avatars.announce()
            roster.broadcast_presence(roster.own_presence, {})  # initial presence, then archives
            if session.features.carbons:
                with contextlib.suppress(IqFailure):
                    await session.iq("set", None, stanzas.carbons_enable())
            services.rejoin()  # each room catches up once it is joined; then bookmarks
            if session.features.mam:
                services.catch_up(session.own_jid)
        self.ctx.report(f.OwnPresenceChanged(roster.own_presence))
        self._start_verify(session, services)
        await self.ledger.save_pending()

    def _start_verify(self, session: XmppSession, services: _Services) -> None:
        """Start deciding about the last connection's unconfirmed messages (once)."""
        if self._verifying:
            return
        self._verifying = True
        if any(self.ledger.verdict(txn) is Verdict.UNKNOWN for txn in self.ledger.previous):
            session.spawn(services.verify_unconfirmed(self.ledger), "verify-unconfirmed")
        else:
            services.messages.verified.set()

    # -- incoming ----------------------------------------------------------------------------

    def _on_message(self, stanza: Any) -> None:
        session, services = self._session, self._services
        if session is None or services is None:
            return
        el: ET.Element = stanza.xml
        try:
            session.check_expectations(el)
            if services.pep_event(el):
                return
            result = el.find(q(ns.MAM, "result"))
            if result is not None:
                services.archive.on_result(el, result)
                return
            if services.omemo.on_device_list(el):  # while the OMEMO stack is not loaded
                return
            if services.omemo.encrypted(el) or services.omemo.busy:
                # decrypted first, in arrival order (plain ones wait behind), then as any other
                services.omemo.later(el, services.messages.on_message)
                return
            services.messages.on_message(el)
        except Exception as exc:
            self.ctx.logger.warning("dropped a message stanza after an error", exc_info=True)
            self.ctx.report(f.BadInput("message", repr(exc)))

    def _on_presence(self, stanza: Any) -> None:
        session, services = self._session, self._services
        if session is None or services is None:
            return
        try:
            services.avatars.on_presence(stanza.xml, services.rooms.is_room)
            event = convert.parse_presence(stanza.xml, session.parse_context())
            if isinstance(event, convert.OccupantPresence):
                services.rooms.on_presence(event)
            elif isinstance(event, convert.ContactPresence):
                if not services.rooms.is_room(event.bare):
                    services.roster.on_contact_presence(event)
            elif isinstance(event, convert.SubscriptionPresence):
                services.roster.on_subscription(event)
            elif isinstance(event, convert.PresenceError) and not services.rooms.on_presence_error(
                event
            ):
                self.ctx.logger.info("presence error from a contact: %s", event.condition)
        except Exception as exc:
            self.ctx.logger.warning("dropped a presence stanza after an error", exc_info=True)
            self.ctx.report(f.BadInput("presence", repr(exc)))

    def _on_block_push(self, iq: Any) -> None:
        if self._services is not None and iq["type"] == "set":
            self._services.roster.on_block_push(iq)

    def _on_stream_error(self, error: Any) -> None:
        with contextlib.suppress(Exception):
            self._stream_error = str(error["condition"])

    def _on_disconnected(self, reason: object) -> None:
        session = self._session
        if session is None or self._closing or not session.connected:
            return
        session.connected = False
        self._loss = asyncio.get_running_loop().create_task(self._lost(session, reason))

    async def _lost(self, session: XmppSession, reason: object) -> None:
        fatal = _FATAL_STREAM_ERRORS.get(self._stream_error)
        services = self._services
        try:
            stream = None if fatal or services is None else services.messages.stream_state()
            self.ledger.mark_unsent()
            await self.ledger.save_stream(stream)
            await self.ledger.save_pending()
            if services is not None:
                await services.save()
        except Exception:
            self.ctx.logger.exception("could not save the stream for resumption")
        text = (
            fatal or (str(reason) if reason else "") or CoreMessages.tr("The connection was lost.")
        )
        self.ctx.report(f.ConnectionLost(text, retryable=fatal is None))

    # -- closing -----------------------------------------------------------------------------

    # -- making an account (XEP-0077) ------------------------------------------------------------

    async def sign_up(
        self, answers: Mapping[str, str | bool]
    ) -> SignUpForm | Credentials | Failure:
        if self._registration is None:
            made = await register.begin(self.ctx)
            if isinstance(made, Failure):
                return made
            self._registration = made
            return await made.start()
        return await self._registration.answer(answers)

    async def cancel_sign_up(self) -> None:
        registration, self._registration = self._registration, None
        if registration is not None:
            await registration.close()

    async def disconnect(self) -> None:
        await self.cancel_sign_up()
        session = self._session
        if session is None:
            return
        self._closing = True
        if self._loss is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(asyncio.shield(self._loss), 5)
        services = self._services
        if session.connected and services is not None:
            session.connected = False
            await self._await_acks(services)
            try:
                self.ledger.mark_unsent()
                await self.ledger.save_stream(None)  # a closed stream cannot be resumed
                await self.ledger.save_pending()
                await services.save()
            except Exception:
                self.ctx.logger.exception("could not save unconfirmed messages")
            with contextlib.suppress(Exception):
                await asyncio.wait_for(session.client.disconnect(wait=CLOSE_ACK_WAIT), 5)
        await self._drop(session)

    async def _await_acks(self, services: _Services) -> None:
        """Give the server a moment to acknowledge what is still in flight."""
        if not self.ledger.pending or not services.messages.stream_managed():
            return
        with contextlib.suppress(Exception):
            services.messages.session.client.plugin["xep_0198"].request_ack()  # type: ignore[no-untyped-call]
        loop = asyncio.get_running_loop()
        deadline = loop.time() + CLOSE_ACK_WAIT
        while self.ledger.pending and loop.time() < deadline:
            await asyncio.sleep(0.05)

    async def _drop(self, session: XmppSession) -> None:
        """Forget the connection: abort the socket and end every task slixmpp or we started."""
        client = session.client
        session.connected = False
        with contextlib.suppress(Exception):
            client.cancel_connection_attempt()
        if client.transport is not None:
            with contextlib.suppress(Exception):
                client.abort()
        await session.cancel_tasks()
        for task in (getattr(client, "_run_out_filters", None),):
            if isinstance(task, asyncio.Future) and not task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
        with contextlib.suppress(Exception):
            client.cancel_schedule("Ping keepalive")
        if self._services is not None:
            await self._services.omemo.stop()
        self._session = None
        self._services = None

    # -- what can be done --------------------------------------------------------------------

    def capabilities(self, conv: ConversationId | None = None) -> Capability:
        session, services = self._session, self._services
        if session is None or services is None or not session.connected:
            return Capability.NONE
        features = session.features
        caps = _BASE_CAPS
        if features.mam:
            caps |= Capability.HISTORY
        if features.upload_service:  # a voice message is an uploaded audio file
            caps |= Capability.FILES | Capability.VOICE_MESSAGES
        if features.blocking:
            caps |= Capability.BLOCKING
        if services.omemo.available:
            caps |= Capability.ENCRYPTION
        if conv is None:
            return caps
        if services.rooms.is_room(conv.native_id):
            return moderating.room_capabilities(
                caps & ~_DIRECT_ONLY, features, services.rooms, conv
            )
        return caps & ~_ROOM_ONLY

    def _ready(self) -> _Services | Failure:
        if self._services is None or self._session is None or not self._session.connected:
            return Failure(
                FailureKind.NOT_CONNECTED, CoreMessages.tr("Not connected."), retryable=True
            )
        return self._services

    # -- messages ----------------------------------------------------------------------------

    async def send_message(self, conv: ConversationId, msg: OutgoingMessage) -> SendResult:
        services = self._services
        if services is None:
            # The outbox may still ask about a message the previous connection sent.
            return SendResult(
                failure=Failure(
                    FailureKind.NOT_CONNECTED, CoreMessages.tr("Not connected."), retryable=True
                )
            )
        return await services.messages.send(conv, msg)

    async def edit_message(
        self, conv: ConversationId, target_remote_id: str, msg: OutgoingMessage
    ) -> SendResult:
        services = self._ready()
        if isinstance(services, Failure):
            return SendResult(failure=services)
        return await services.messages.edit(conv, target_remote_id, msg)

    async def react(
        self, conv: ConversationId, target_remote_id: str, keys: tuple[str, ...]
    ) -> Outcome:
        return await self._call(lambda s: s.messages.react(conv, target_remote_id, keys))

    async def retract(self, conv: ConversationId, target_remote_id: str) -> Outcome:
        return await self._call(lambda s: s.messages.retract(conv, target_remote_id))

    async def moderate(self, conv: ConversationId, target: str, reason: str) -> Outcome:
        return await self._call(lambda s: moderating.moderate(s.session, conv, target, reason))

    async def send_typing(self, conv: ConversationId, typing: bool) -> None:
        services = self._ready()
        if not isinstance(services, Failure):
            await services.messages.typing(conv, typing)

    async def send_read_marker(self, conv: ConversationId, remote_id: str) -> None:
        services = self._ready()
        if not isinstance(services, Failure):
            await services.messages.read_marker(conv, remote_id)

    async def fetch_history(
        self, conv: ConversationId, before_remote_id: str | None, limit: int
    ) -> Outcome:
        return await self._call(lambda s: s.archive.fetch(conv.native_id, before_remote_id, limit))

    async def upload(
        self, conv: ConversationId, path: Path, progress: Callable[[int, int], None]
    ) -> Outcome:
        return await self._call(lambda s: s.upload(conv.native_id, path, progress))

    async def download(
        self, url: str, destination: Path, progress: Callable[[int, int], None]
    ) -> Outcome:
        return await self._call(lambda s: s.download(url, destination, progress))

    # -- end-to-end encryption (OMEMO) -------------------------------------------------------

    async def open_direct(self, contact: str) -> Outcome:
        """A 1:1 conversation is its peer's address; opening it finds out whether it is
        encrypted (the header says so before the first message)."""
        services = self._ready()
        if not isinstance(services, Failure) and "/" not in contact:
            services.session.spawn(services.omemo.evaluate(contact, False), "omemo-open")
        return Outcome(value=contact)

    async def conversation_opened(self, conv: ConversationId) -> None:
        """Shown in the window: an encrypted conversation's trust must be current, so OMEMO
        is loaded for it (and a 1:1 one with someone who has OMEMO devices becomes encrypted)."""
        services = self._ready()
        if not isinstance(services, Failure):
            services.shown(conv.native_id)

    async def devices(self, contact: str) -> tuple[Device, ...] | Failure:
        services = self._ready()
        if isinstance(services, Failure):
            return services
        return await services.omemo.devices(contact)

    async def set_device_trust(self, contact: str, device_id: str, trust: DeviceTrust) -> Outcome:
        return await self._call(lambda s: s.omemo.set_trust(contact, device_id, trust))

    async def repair_encryption(self, conv: ConversationId) -> Outcome:
        return await self._call(lambda s: s.omemo.repair(conv.native_id))

    # -- rooms -------------------------------------------------------------------------------

    async def join(self, room: str, nick: str = "", password: str = "") -> Outcome:
        return await self._call(lambda s: s.rooms.join(room, nick, password))

    async def leave(self, conv: ConversationId, reason: str = "") -> Outcome:
        return await self._call(lambda s: s.rooms.leave(conv.native_id, reason))

    async def create_room(self, name: str, *, public: bool = False) -> Outcome:
        return await self._call(lambda s: s.rooms.create(name, public))

    async def room_directory(
        self, query: str = "", limit: int = 500
    ) -> tuple[RoomListing, ...] | Failure:
        services = self._ready()
        if isinstance(services, Failure):
            return services
        return await services.rooms.directory(query, limit)

    async def invite(self, conv: ConversationId, contact: str, reason: str = "") -> Outcome:
        return await self._call(lambda s: s.rooms.invite(conv.native_id, contact, reason))

    async def kick(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        return await self._call(lambda s: s.rooms.kick(conv.native_id, member, reason))

    async def set_topic(self, conv: ConversationId, topic: str) -> Outcome:
        return await self._call(lambda s: s.rooms.set_topic(conv.native_id, topic))

    async def answer_invite(self, conv: ConversationId, accept: bool) -> Outcome:
        return await self._call(lambda s: s.rooms.answer_invite(conv.native_id, accept))

    async def create_room_with(self, options: RoomOptions) -> Outcome:
        return await self._call(lambda s: s.admin.create(options))

    async def room_settings(self, conv: ConversationId) -> RoomSettings | Failure:
        services = self._ready()
        if isinstance(services, Failure):
            return services
        return await services.admin.settings(conv.native_id)

    async def configure_room(self, conv: ConversationId, options: RoomOptions) -> Outcome:
        return await self._call(lambda s: s.admin.configure(conv.native_id, options))

    async def set_role(self, conv: ConversationId, member: str, role: Role) -> Outcome:
        return await self._call(lambda s: s.admin.set_role(conv.native_id, member, role))

    async def ban_list(self, conv: ConversationId) -> tuple[BanEntry, ...] | Failure:
        services = self._ready()
        if isinstance(services, Failure):
            return services
        return await services.admin.ban_list(conv.native_id)

    async def ban(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        return await self._call(lambda s: s.admin.ban(conv.native_id, member, reason))

    async def unban(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        return await self._call(lambda s: s.admin.unban(conv.native_id, member))

    async def close_room(self, conv: ConversationId, reason: str = "") -> Outcome:
        return await self._call(lambda s: s.admin.destroy(conv.native_id, reason))

    # -- contacts ----------------------------------------------------------------------------

    async def add_contact(self, contact: str, name: str = "", message: str = "") -> Outcome:
        return await self._call(lambda s: s.roster.add(contact, name, message))

    async def remove_contact(self, contact: str) -> Outcome:
        return await self._call(lambda s: s.roster.remove(contact))

    async def fetch_avatar(self, ref: str) -> AvatarImage | Failure:
        services = self._ready()
        if isinstance(services, Failure):
            return services
        return await services.avatars.fetch(ref)

    async def rename_contact(self, contact: str, name: str) -> Outcome:
        return await self._call(lambda s: s.roster.rename(contact, name))

    async def answer_subscription(self, contact: str, accept: bool) -> Outcome:
        return await self._call(lambda s: s.roster.answer_subscription(contact, accept))

    async def set_presence(self, presence: Presence) -> Outcome:
        return await self._call(lambda s: s.roster.set_own(presence, s.rooms.joined_nicks()))

    async def set_blocked(self, contact: str, blocked: bool) -> Outcome:
        return await self._call(lambda s: s.roster.set_blocked(contact, blocked))

    async def contact_details(self, contact: str) -> ContactDetails | Failure:
        services = self._ready()
        if isinstance(services, Failure):
            return services
        return await services.roster.details(contact)

    async def _call(self, command: Callable[[_Services], Any]) -> Outcome:
        services = self._ready()
        if isinstance(services, Failure):
            return Outcome(services)
        outcome: Outcome = await command(services)
        return outcome
