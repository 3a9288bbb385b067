"""A test-only service: :class:`FakeServer` plays the network, :class:`FakeBackend` the plugin.

It implements the whole adapter interface so core, contract and UI tests can drive every path
(receive, send, confirmations, receipts, history, disconnects, wrong passwords) without a server.
It is not registered as an entry point, so users never see it. Tests act as "the other side" through
the server's methods; facts reach the core via ``report_threadsafe``, so this works both when the
core runs on the test's own loop and on a core thread.
"""

from __future__ import annotations

import asyncio
import itertools
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from app import facts as f
from app.backend import (
    TRUSTED_FINGERPRINT_FIELD,
    AccountField,
    AvatarImage,
    Backend,
    BanEntry,
    Capability,
    ConnectResult,
    ContactDetails,
    Credentials,
    Endpoint,
    Failure,
    FailureKind,
    FieldKind,
    IdentityProvider,
    Outcome,
    OutgoingMessage,
    RoomFeature,
    RoomOptions,
    RoomSettings,
    SendResult,
    SignInMethods,
    SignUpForm,
    SupportsAvatars,
    SupportsBanning,
    SupportsBlocking,
    SupportsBrowserSignIn,
    SupportsCommands,
    SupportsContactDetails,
    SupportsDeviceTrust,
    SupportsEdits,
    SupportsFileOffers,
    SupportsFiles,
    SupportsGroupChat,
    SupportsHistory,
    SupportsInvites,
    SupportsKeyBackup,
    SupportsKicking,
    SupportsLinkPreviews,
    SupportsLogout,
    SupportsModeration,
    SupportsPolls,
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
    SupportsSpaces,
    SupportsThreads,
    SupportsTopic,
    SupportsTyping,
    SupportsVerification,
)
from app.models import (
    Contact,
    ContactId,
    ConversationId,
    ConversationKind,
    DeliveryState,
    Device,
    DeviceTrust,
    LinkPreview,
    Member,
    Presence,
    PresenceState,
    Role,
    RoomListing,
    SpaceHierarchy,
    Trust,
    Verification,
    VerificationState,
)
from tests.fakes.fake_signed_in import FakeSignedIn


@dataclass
class SentRecord:
    user: str
    conversation: str
    message: OutgoingMessage
    remote_id: str


@dataclass
class FakeServer:
    """The service the fake backends talk to. Everything is inspectable and scriptable."""

    passwords: dict[str, str] = field(default_factory=dict)
    reachable: bool = True
    confirm: str = "immediate"  # "immediate" | "later" (confirmation arrives as a fact)
    idempotent: bool = False
    ledger: bool = (
        False  # save each message's id through ctx.state before it leaves (XMPP's ledger)
    )
    send_failure: Failure | None = None
    connect_hook: Callable[[FakeBackend], None] | None = None
    online: dict[str, FakeBackend] = field(default_factory=dict)
    sent: list[SentRecord] = field(default_factory=list)
    archive: dict[str, list[f.MessageReceived]] = field(default_factory=dict)
    contacts: dict[str, list[Contact]] = field(default_factory=dict)
    calls: list[tuple[str, tuple[object, ...]]] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    avatars: dict[str, bytes] = field(default_factory=dict)  # ref → picture served
    devices: dict[str, tuple[Device, ...]] = field(default_factory=dict)
    directory: list[RoomListing] = field(default_factory=list)  # the public rooms listed
    connects: int = 0
    tls_fingerprint: str | None = None  # set: the server's certificate must be pinned to connect
    conversation_caps: dict[str, Capability] = field(default_factory=dict)  # per-room overrides
    presence: dict[str, Presence] = field(default_factory=dict)  # our presence, per user
    rooms: dict[str, RoomOptions] = field(default_factory=dict)  # rooms made here, by id
    bans: dict[str, list[str]] = field(default_factory=dict)  # room id → banned masks
    signed_in: dict[str, dict[str, str]] = field(default_factory=dict)  # user → device → name
    # Set to an unset Event: uploads and downloads stop half way, and history fetches and key
    # backup set-up before answering, until the test sets it (so a test can see the progress
    # shown meanwhile).
    hold: threading.Event | None = None
    # Sign-in in the browser and making accounts (the account dialog's other paths):
    sso_providers: list[IdentityProvider] = field(default_factory=list)
    password_login: bool = True  # False: the server signs in only through its web page
    browser_done: threading.Event = field(default_factory=threading.Event)
    browser_user: str = ""  # who the "browser" signed in as (set by the test)
    sign_up_form: SignUpForm | None = None  # the form the server asks, None: nothing to ask
    sign_up_answer: str = "42"  # what the form's "captcha" field must be
    encryption: str = "sas"  # how devices are verified: "sas" (Matrix) or "fingerprints" (OMEMO)
    send_trust: Trust | None = None  # how sent messages went end to end (SendResult.trust)
    threads: dict[str, list[f.Fact]] = field(default_factory=dict)  # root → what fetching gives
    threaded: bool = False  # the service has threads (Capability.THREADS)
    hierarchies: dict[str, SpaceHierarchy] = field(default_factory=dict)  # space → its rooms
    previews: dict[str, LinkPreview] = field(default_factory=dict)  # url → the service's preview
    preview_images: dict[str, bytes] = field(default_factory=dict)  # image url → its thumbnail
    backup_refusal: str = ""  # set: setting up key backup is refused with this message
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def finish_browser(self, user: str) -> None:
        """The person signed in at the provider's page in their browser (as ``user``)."""
        self.browser_user = user
        self.passwords.setdefault(user, "sso-session")
        self.browser_done.set()

    def backend_class(self) -> type[FakeBackend]:
        """A FakeBackend subclass bound to this server (no globals between tests). It verifies
        devices interactively (SAS, as Matrix) unless ``encryption == "fingerprints"`` (OMEMO)."""
        how = SupportsDeviceTrust if self.encryption == "fingerprints" else SupportsVerification
        return type("FakeBackend", (FakeBackend, how), {"server": self})

    def next_remote_id(self) -> str:
        return f"r{next(self._ids)}"

    # -- the other side ----------------------------------------------------------------

    def report(self, user: str, fact: f.Fact) -> None:
        self.online[user].ctx.report_threadsafe(fact)

    def deliver(
        self,
        user: str,
        conversation: str,
        body: str,
        *,
        sender: str | None = None,
        kind: ConversationKind = ConversationKind.DIRECT,
        remote_id: str | None = None,
        timestamp: datetime | None = None,
        **extra: object,
    ) -> str:
        """A message arrives for ``user``; returns its remote id."""
        rid = remote_id or self.next_remote_id()
        self.report(
            user,
            f.MessageReceived(
                conversation=conversation,
                sender=sender or conversation,
                body=body,
                conversation_kind=kind,
                remote_id=rid,
                timestamp=timestamp,
                **extra,  # type: ignore[arg-type]
            ),
        )
        return rid

    def confirm_sent(self, record: SentRecord) -> None:
        self.report(
            record.user,
            f.DeliveryUpdated(
                record.conversation,
                DeliveryState.SENT,
                remote_id=record.remote_id,
                txn_id=record.message.txn_id,
            ),
        )

    def receipt(self, record: SentRecord, state: DeliveryState, *, up_to: bool = False) -> None:
        self.report(
            record.user,
            f.DeliveryUpdated(record.conversation, state, remote_id=record.remote_id, up_to=up_to),
        )

    def drop(self, user: str, *, retryable: bool = True, reason: str = "connection reset") -> None:
        backend = self.online.pop(user)
        backend.connected = False
        backend.ctx.report_threadsafe(f.ConnectionLost(reason, retryable))


class FakeBackend(
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
    SupportsPolls,
    SupportsRetraction,
    SupportsModeration,
    SupportsBlocking,
    SupportsCommands,
    SupportsLogout,
    SupportsKeyBackup,
    SupportsRoomDirectory,
    SupportsBrowserSignIn,
    SupportsSignUp,
    SupportsRoomCreation,
    SupportsRoomAdmin,
    SupportsRoomClosing,
    SupportsContactDetails,
    SupportsFileOffers,
    SupportsThreads,
    SupportsSpaces,
    SupportsLinkPreviews,
    SupportsAvatars,
    FakeSignedIn,
):
    """The plugin side of the fake service (verification mixed in by
    :meth:`FakeServer.backend_class`)."""

    room_features = (
        RoomFeature.NAME
        | RoomFeature.TOPIC
        | RoomFeature.ADDRESS
        | RoomFeature.PUBLIC
        | RoomFeature.INVITE_ONLY
        | RoomFeature.KNOCK
        | RoomFeature.PASSWORD
        | RoomFeature.PERSISTENT
        | RoomFeature.MODERATED
        | RoomFeature.ENCRYPTED
        | RoomFeature.INVITEES
    )

    protocol_id = "fake"
    # narrowed by the server
    send_features = Capability.REPLIES | Capability.IDEMPOTENT_SEND | Capability.VOICE_MESSAGES
    display_name = "Fake chat (tests only)"
    account_fields = (
        AccountField("user", "User name", required=True, pattern=r"[a-z0-9._-]+"),
        AccountField("password", "Password", FieldKind.PASSWORD, required=True, secret=True),
        AccountField("server", "Server", default="fake.local", advanced=True),
        AccountField(TRUSTED_FINGERPRINT_FIELD, "Trusted certificate (SHA-256)", advanced=True),
    )
    server: ClassVar[FakeServer]

    def __init__(self, ctx: object) -> None:
        super().__init__(ctx)  # type: ignore[arg-type]
        self.connected = False
        self.user = str(self.ctx.settings.get("user", ""))

    async def connect(self) -> ConnectResult:
        server = self.server
        server.connects += 1
        await asyncio.sleep(0)
        if not server.reachable:
            return ConnectResult(
                Failure(FailureKind.NETWORK, "The server cannot be reached.", retryable=True)
            )
        if self.ctx.settings.get("server") == "nowhere.invalid":
            return ConnectResult(
                Failure(FailureKind.CONFIG, "There is no such server.", field="server")
            )
        fingerprint = server.tls_fingerprint
        if fingerprint and self.ctx.settings.get(TRUSTED_FINGERPRINT_FIELD) != fingerprint:
            return ConnectResult(
                Failure(FailureKind.TLS, "The certificate is self-signed.", detail=fingerprint)
            )
        password = await self.ctx.secrets.get("password")
        if server.passwords.get(self.user) != password:
            return ConnectResult(Failure(FailureKind.AUTH, "Wrong user name or password."))
        self.connected = True
        self.own_id = self.user
        server.online[self.user] = self
        if server.contacts.get(self.user):
            self.ctx.report(f.ContactsChanged(tuple(server.contacts[self.user]), complete=True))
        if server.connect_hook is not None:
            server.connect_hook(self)
        return ConnectResult()

    async def disconnect(self) -> None:
        if self.server.online.get(self.user) is self:
            del self.server.online[self.user]
        self.connected = False

    def capabilities(self, conv: ConversationId | None = None) -> Capability:
        caps = (
            Capability.GROUP_CHAT
            | Capability.TYPING
            | Capability.READ_RECEIPTS
            | Capability.HISTORY
            | Capability.FILES
            | Capability.EDITS
            | Capability.REACTIONS
            | Capability.POLLS
            | Capability.RETRACTIONS
            | Capability.BLOCKING
            | Capability.COMMANDS
            | Capability.TOPIC
            | Capability.INVITE
            | Capability.KICK
            | Capability.BAN
            | Capability.ENCRYPTION
        )
        if self.server.threaded:
            caps |= Capability.THREADS
        if self.server.previews:
            caps |= Capability.LINK_PREVIEWS
        if self.server.idempotent:
            caps |= Capability.IDEMPOTENT_SEND
        caps |= Capability.REPLIES | Capability.EDITS | Capability.VOICE_MESSAGES
        if conv is not None and conv.native_id in self.server.conversation_caps:
            return self.server.conversation_caps[conv.native_id]
        return caps

    async def send_message(self, conv: ConversationId, msg: OutgoingMessage) -> SendResult:
        server = self.server
        server.calls.append(("send", (conv.native_id, msg.body)))
        if not self.connected:
            return SendResult(
                failure=Failure(FailureKind.NOT_CONNECTED, "Not connected.", retryable=True)
            )
        if server.send_failure is not None:
            failure, server.send_failure = server.send_failure, None
            return SendResult(failure=failure)
        if server.ledger:  # as XMPP's send ledger: saved before it leaves (crash safety)
            await self.ctx.state.set(f"ledger.{msg.txn_id}", "handed over")
        remote_id = server.next_remote_id()
        server.sent.append(SentRecord(self.user, conv.native_id, msg, remote_id))
        peer = server.online.get(conv.native_id)
        if peer is not None and peer is not self:
            peer.ctx.report_threadsafe(
                f.MessageReceived(
                    conversation=self.user,
                    sender=self.user,
                    body=msg.body,
                    html=msg.html,
                    remote_id=remote_id,
                )
            )
        if server.confirm == "later":
            return SendResult(confirmed=False, trust=server.send_trust)
        return SendResult(remote_id=remote_id, trust=server.send_trust)

    async def join(self, room: str, nick: str = "", password: str = "") -> Outcome:
        self.server.calls.append(("join", (room, nick)))
        self.ctx.report(f.ConversationUpdated(room, ConversationKind.GROUP, title=room))
        return Outcome(value=room)

    async def room_directory(
        self, query: str = "", limit: int = 500
    ) -> tuple[RoomListing, ...] | Failure:
        self.server.calls.append(("room_directory", (query,)))
        needle = query.casefold()
        found = [r for r in self.server.directory if needle in f"{r.name} {r.topic}".casefold()]
        return tuple(found[:limit])

    async def leave(self, conv: ConversationId, reason: str = "") -> Outcome:
        self.server.calls.append(("leave", (conv.native_id,)))
        self.ctx.report(f.ConversationLeft(conv.native_id))
        return Outcome()

    async def add_contact(self, contact: str, name: str = "", message: str = "") -> Outcome:
        self.server.calls.append(("add_contact", (contact, name)))
        self.ctx.report(
            f.ContactsChanged((Contact(ContactId(self.ctx.account_id, contact), name),))
        )
        return Outcome()

    async def remove_contact(self, contact: str) -> Outcome:
        self.server.calls.append(("remove_contact", (contact,)))
        self.ctx.report(f.ContactsChanged(removed=(contact,)))
        return Outcome()

    async def open_direct(self, contact: str) -> Outcome:
        """Like IRC: names are case-insensitive, so the conversation uses the folded name."""
        return Outcome(value=contact.lower())

    async def conversation_opened(self, conv: ConversationId) -> None:
        self.server.calls.append(("opened", (conv.native_id,)))

    async def devices(self, contact: str) -> tuple[Device, ...] | Failure:
        self.server.calls.append(("devices", (contact,)))
        return self.server.devices.get(
            contact,
            (
                Device(contact, "PHONE", "Phone", "ABCD EFGH", DeviceTrust.UNVERIFIED),
                Device(contact, "LAPTOP", "Laptop", "IJKL MNOP", DeviceTrust.VERIFIED),
            ),
        )

    async def set_device_trust(self, contact: str, device_id: str, trust: DeviceTrust) -> Outcome:
        self.server.calls.append(("set_device_trust", (contact, device_id, trust)))
        found = self.server.devices.get(contact, ())
        self.server.devices[contact] = tuple(
            replace(d, trust=trust) if d.device_id == device_id else d for d in found
        )
        return Outcome()

    async def repair_encryption(self, conv: ConversationId) -> Outcome:
        self.server.calls.append(("repair_encryption", (conv.native_id,)))
        return Outcome(value="1")

    async def start_verification(self, contact: str, device_id: str = "") -> Outcome:
        vid = f"v{self.server.next_remote_id()}"
        self.server.calls.append(("verify", (contact, device_id)))
        self.ctx.report(f.VerificationChanged(Verification(vid, contact, device_id)))
        return Outcome(value=vid)

    async def accept_verification(self, verification_id: str) -> Outcome:
        self.server.calls.append(("accept_verification", (verification_id,)))
        return Outcome()

    async def confirm_verification(self, verification_id: str, match: bool) -> Outcome:
        self.server.calls.append(("confirm_verification", (verification_id, match)))
        state = VerificationState.DONE if match else VerificationState.CANCELLED
        self.ctx.report(
            f.VerificationChanged(
                Verification(
                    verification_id,
                    "bob",
                    state=state,
                    reason="" if match else "the emojis differed",
                )
            )
        )
        return Outcome()

    async def cancel_verification(self, verification_id: str) -> Outcome:
        self.server.calls.append(("cancel_verification", (verification_id,)))
        return Outcome()

    async def create_key_backup(self, passphrase: str = "") -> Outcome:
        self.server.calls.append(("backup", (passphrase,)))
        await self._held()
        if self.server.backup_refusal:
            return Outcome(Failure(FailureKind.REJECTED, self.server.backup_refusal))
        return Outcome(value="EsTc 1234 5678 9abc")

    async def restore_key_backup(self, recovery_key: str) -> Outcome:
        self.server.calls.append(("restore", (recovery_key,)))
        return Outcome()

    # -- sign-in in the browser, making accounts ------------------------------------------

    async def sign_in_methods(self) -> SignInMethods | Failure:
        server = self.server
        if not server.reachable:
            return Failure(FailureKind.NETWORK, "The server cannot be reached.", retryable=True)
        return SignInMethods(
            password=server.password_login,
            providers=tuple(server.sso_providers),
            sign_up=True,
            server=str(self.ctx.settings.get("server", "fake.local")),
        )

    async def sign_in_with_browser(
        self, provider_id: str, open_url: Callable[[str], None]
    ) -> Credentials | Failure:
        server = self.server
        server.calls.append(("sso", (provider_id, self.user)))
        if provider_id == "down":
            return Failure(
                FailureKind.NETWORK,
                "The sign-in service “Down” cannot be reached right now.",
                retryable=True,
            )
        open_url(f"https://sso.fake.example/{provider_id}?user={self.user}")
        deadline = asyncio.get_running_loop().time() + 20
        while not server.browser_done.is_set():  # polled: cancelling leaves no thread waiting
            if asyncio.get_running_loop().time() > deadline:
                return Failure(FailureKind.NETWORK, "The browser did not come back.", True)
            await asyncio.sleep(0.02)
        server.browser_done.clear()
        user = server.browser_user or self.user
        return Credentials({"user": user}, {"password": server.passwords[user]})

    async def sign_up(
        self, answers: Mapping[str, str | bool]
    ) -> SignUpForm | Credentials | Failure:
        server = self.server
        password = await self.ctx.secrets.get("password") or ""
        if self.user in server.passwords:
            return Failure(FailureKind.REJECTED, "This user name is taken.", field="user")
        form = server.sign_up_form
        if form is not None:
            if not answers:
                return form
            problems = {}
            if answers.get("captcha") != server.sign_up_answer:
                problems["captcha"] = "That is not the text in the picture."
            if answers.get("accept") is not True:
                problems["accept"] = "The server makes accounts only for people who accept."
            if problems:
                return SignUpForm(form.title, form.instructions, form.fields, problems, form.url)
        server.passwords[self.user] = password
        server.calls.append(("sign_up", (self.user,)))
        return Credentials({"user": self.user}, {"password": password})

    async def logout(self) -> Outcome:
        self.server.calls.append(("logout", (self.user, self.connected)))
        return Outcome()

    async def answer_file_offer(self, offer_id: str, accept: bool) -> Outcome:
        self.server.calls.append(("file_offer", (offer_id, accept)))
        return Outcome()

    async def answer_subscription(self, contact: str, accept: bool) -> Outcome:
        self.server.calls.append(("subscription", (contact, accept)))
        return Outcome()

    async def set_presence(self, presence: Presence) -> Outcome:
        self.server.calls.append(("presence", (presence.state.value, presence.status)))
        self.server.presence[self.user] = presence
        return Outcome()

    async def send_typing(self, conv: ConversationId, typing: bool) -> None:
        self.server.calls.append(("typing", (conv.native_id, typing)))

    async def send_read_marker(self, conv: ConversationId, remote_id: str) -> None:
        self.server.calls.append(("read", (conv.native_id, remote_id)))

    async def space_hierarchy(
        self, space: ConversationId, limit: int = 1000
    ) -> SpaceHierarchy | Failure:
        self.server.calls.append(("hierarchy", (space.native_id,)))
        found = self.server.hierarchies.get(space.native_id)
        if found is None:
            return Failure(FailureKind.REJECTED, "No such space.")
        return found

    async def link_preview(self, url: str) -> LinkPreview | Failure:
        self.server.calls.append(("preview", (url,)))
        found = self.server.previews.get(url)
        return found if found is not None else Failure(FailureKind.REJECTED, "No preview.")

    async def preview_image(self, preview: LinkPreview, dest: Path) -> Outcome:
        data = self.server.preview_images.get(preview.image_url)
        if data is None:
            return Outcome(Failure(FailureKind.REJECTED, "No image."))
        dest.write_bytes(data)
        return Outcome(value=str(dest))

    async def fetch_thread(self, conv: ConversationId, root_remote_id: str, limit: int) -> Outcome:
        self.server.calls.append(("thread", (conv.native_id, root_remote_id)))
        for fact in self.server.threads.get(root_remote_id, []):
            self.ctx.report(fact)
        return Outcome(value="end")

    async def send_thread_read_marker(
        self, conv: ConversationId, root_remote_id: str, remote_id: str
    ) -> None:
        self.server.calls.append(("thread_read", (conv.native_id, root_remote_id, remote_id)))

    async def fetch_history(
        self, conv: ConversationId, before_remote_id: str | None, limit: int
    ) -> Outcome:
        self.server.calls.append(("history", (conv.native_id, before_remote_id)))
        await self._held()
        archived = self.server.archive.get(conv.native_id, [])
        ids = [m.remote_id for m in archived]
        end = ids.index(before_remote_id) if before_remote_id in ids else len(archived)
        chunk = archived[max(0, end - limit) : end]
        for fact in chunk:
            self.ctx.report(fact)
        return Outcome(value="end" if end - limit <= 0 else None)

    async def upload(
        self, conv: ConversationId, path: Path, progress: Callable[[int, int], None]
    ) -> Outcome:
        size = path.stat().st_size
        progress(size // 2, size)
        await self._held()
        self.server.files[f"https://files.fake.local/{path.name}"] = path.read_bytes()
        progress(size, size)
        return Outcome(value=f"https://files.fake.local/{path.name}")

    async def download(
        self, url: str, destination: Path, progress: Callable[[int, int], None]
    ) -> Outcome:
        data = self.server.files.get(url)
        if data is None:
            return Outcome(Failure(FailureKind.REJECTED, "No such file on the server."))
        half = len(data) // 2
        progress(half, len(data))
        await self._held()
        destination.write_bytes(data)
        progress(len(data), len(data))
        return Outcome(value=str(destination))

    async def _held(self) -> None:
        """Wait while the test holds transfers (see ``FakeServer.hold``)."""
        hold = self.server.hold
        while hold is not None and not hold.is_set():
            await asyncio.sleep(0.005)

    def command_names(self) -> tuple[str, ...]:
        return ("shout",)

    async def run_command(self, conv: ConversationId | None, name: str, args: str) -> Outcome:
        self.server.calls.append(("command", (name, args)))
        if conv is not None:
            self.ctx.report(
                f.MessageReceived(
                    conv.native_id, "server", args.upper(), remote_id=self.server.next_remote_id()
                )
            )
        return Outcome()

    async def edit_message(
        self, conv: ConversationId, target_remote_id: str, msg: OutgoingMessage
    ) -> SendResult:
        self.server.calls.append(("edit", (conv.native_id, target_remote_id, msg.body)))
        return SendResult(remote_id=self.server.next_remote_id())

    async def react(
        self, conv: ConversationId, target_remote_id: str, keys: tuple[str, ...]
    ) -> Outcome:
        self.server.calls.append(("react", (conv.native_id, target_remote_id, keys)))
        return Outcome()

    async def retract(self, conv: ConversationId, target_remote_id: str) -> Outcome:
        self.server.calls.append(("retract", (conv.native_id, target_remote_id)))
        return Outcome()

    async def moderate(self, conv: ConversationId, target: str, reason: str) -> Outcome:
        """As a room does: the removal is announced to every occupant, us too."""
        self.server.calls.append(("moderate", (conv.native_id, target, reason)))
        self.ctx.report(f.MessageModerated(conv.native_id, target, self.user, reason))
        return Outcome()

    async def vote_poll(
        self, conv: ConversationId, poll_remote_id: str, answer_ids: tuple[str, ...]
    ) -> Outcome:
        self.server.calls.append(("vote_poll", (conv.native_id, poll_remote_id, answer_ids)))
        return Outcome()

    async def end_poll(self, conv: ConversationId, poll_remote_id: str) -> Outcome:
        self.server.calls.append(("end_poll", (conv.native_id, poll_remote_id)))
        return Outcome()

    async def start_poll(
        self,
        conv: ConversationId,
        question: str,
        answers: tuple[str, ...],
        *,
        disclosed: bool = True,
        max_selections: int = 1,
    ) -> SendResult:
        self.server.calls.append(("start_poll", (conv.native_id, question, answers)))
        return SendResult(remote_id=self.server.next_remote_id())

    # -- rooms we run (the address "taken" is always someone else's) --------------------------

    async def create_room_with(self, options: RoomOptions) -> Outcome:
        self.server.calls.append(("create_room", (options,)))
        native = (options.address or options.name).strip().lower().replace(" ", "-")
        if native == "taken" or native in self.server.rooms:
            return Outcome(Failure(FailureKind.REJECTED, f"The address {native} is taken."))
        self.server.rooms[native] = options
        self.ctx.report(
            f.ConversationUpdated(native, ConversationKind.GROUP, title=options.name or native)
        )
        own = Member(ConversationId(self.ctx.account_id, native), self.user, role=Role.OWNER)
        self.ctx.report(f.MembersChanged(native, (own,), complete=True))
        return Outcome(value=native)

    async def room_settings(self, conv: ConversationId) -> RoomSettings | Failure:
        options = self.server.rooms.get(conv.native_id)
        if options is None:
            return RoomSettings(RoomOptions(name=conv.native_id))  # someone else's: read only
        return RoomSettings(
            options,
            editable=self.room_features & ~(RoomFeature.ADDRESS | RoomFeature.INVITEES),
            roles=(Role.OWNER, Role.ADMIN, Role.MODERATOR, Role.MEMBER, Role.VISITOR),
            can_ban=True,
            can_close=True,
        )

    async def configure_room(self, conv: ConversationId, options: RoomOptions) -> Outcome:
        self.server.calls.append(("configure_room", (conv.native_id, options)))
        if options.name == "refused":
            return Outcome(Failure(FailureKind.REJECTED, "The server refused the name."))
        self.server.rooms[conv.native_id] = options
        self.ctx.report(
            f.ConversationUpdated(conv.native_id, ConversationKind.GROUP, title=options.name)
        )
        return Outcome()

    async def set_role(self, conv: ConversationId, member: str, role: Role) -> Outcome:
        self.server.calls.append(("set_role", (conv.native_id, member, role)))
        self.ctx.report(f.MembersChanged(conv.native_id, (Member(conv, member, role=role),)))
        return Outcome()

    async def ban_list(self, conv: ConversationId) -> tuple[BanEntry, ...] | Failure:
        return tuple(
            BanEntry(m, set_by=self.user) for m in self.server.bans.get(conv.native_id, [])
        )

    async def ban(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        if conv.native_id not in self.server.rooms:  # only rooms made here are ours to run
            return Outcome(Failure(FailureKind.REJECTED, "You cannot ban in this room."))
        self.server.calls.append(("ban", (conv.native_id, member, reason)))
        self.server.bans.setdefault(conv.native_id, []).append(member)
        return Outcome()

    async def unban(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        self.server.calls.append(("unban", (conv.native_id, member)))
        bans = self.server.bans.get(conv.native_id, [])
        if member in bans:
            bans.remove(member)
        return Outcome()

    async def close_room(self, conv: ConversationId, reason: str = "") -> Outcome:
        self.server.calls.append(("close_room", (conv.native_id,)))
        self.server.rooms.pop(conv.native_id, None)
        self.ctx.report(f.ConversationLeft(conv.native_id, "The room was closed."))
        return Outcome()

    async def set_topic(self, conv: ConversationId, topic: str) -> Outcome:
        self.server.calls.append(("topic", (conv.native_id, topic)))
        self.ctx.report(f.ConversationUpdated(conv.native_id, ConversationKind.GROUP, topic=topic))
        return Outcome()

    async def kick(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        self.server.calls.append(("kick", (conv.native_id, member, reason)))
        return Outcome()

    async def invite(self, conv: ConversationId, contact: str, reason: str = "") -> Outcome:
        self.server.calls.append(("invite", (conv.native_id, contact)))
        if contact not in self.server.passwords:  # only people with an account here
            return Outcome(
                Failure(FailureKind.REJECTED, f"The service cannot invite {contact}: no such user.")
            )
        return Outcome()

    async def rename_contact(self, contact: str, name: str) -> Outcome:
        self.server.calls.append(("rename_contact", (contact, name)))
        self.ctx.report(
            f.ContactsChanged((Contact(ContactId(self.ctx.account_id, contact), name),))
        )
        return Outcome()

    async def contact_details(self, contact: str) -> ContactDetails | Failure:
        self.server.calls.append(("details", (contact,)))
        return ContactDetails(
            contact,
            real_name=contact.capitalize(),
            presence=Presence(PresenceState.AWAY, "at lunch"),
            endpoints=(Endpoint("phone", client="FakeChat 2.0"),),
        )

    async def set_blocked(self, contact: str, blocked: bool) -> Outcome:
        self.server.calls.append(("block", (contact, blocked)))
        self.ctx.report(
            f.ContactsChanged((Contact(ContactId(self.ctx.account_id, contact), blocked=blocked),))
        )
        return Outcome()

    async def fetch_avatar(self, ref: str) -> AvatarImage | Failure:
        self.server.calls.append(("avatar", (ref,)))
        data = self.server.avatars.get(ref)
        if data is None:
            return Failure(FailureKind.REJECTED, "No such picture.")
        return AvatarImage(data)
