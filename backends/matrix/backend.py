"""The Matrix backend: matrix-nio for the session, our own sync loop, facts for everything else.

One instance is one session (see :class:`app.backend.Backend`): :meth:`MatrixBackend.connect`
signs in (:mod:`.signin`) — reusing the access token and device id kept in the keyring, so a
restart is not a new device — and starts the sync loop (:mod:`.sync`), which is the session from
then on. It never reconnects: the core creates a new instance.

This class only wires the services and answers the core's interface through them (as
``backends/xmpp/`` does): :mod:`.session` (the wire and the room index), :mod:`.encryption` and
:mod:`.verifying`, :mod:`.timeline` (decrypt → convert → track), :mod:`.history` (gaps and
backfill), :mod:`.messaging`, :mod:`.membership` (rooms) and :mod:`.media`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import ClassVar

from app.backend import (
    AccountField,
    AvatarImage,
    Backend,
    BackendContext,
    BanEntry,
    Capability,
    ConnectResult,
    ContactDetails,
    Credentials,
    Failure,
    Outcome,
    OutgoingMessage,
    RoomOptions,
    RoomSettings,
    SendResult,
    SignedInDevice,
    SignInMethods,
    SignUpForm,
    SupportsAvatars,
    SupportsBanning,
    SupportsBlocking,
    SupportsBrowserSignIn,
    SupportsContactDetails,
    SupportsEdits,
    SupportsFiles,
    SupportsGroupChat,
    SupportsHistory,
    SupportsInvites,
    SupportsKeyBackup,
    SupportsKicking,
    SupportsLinkPreviews,
    SupportsLogout,
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
    SupportsSignedInDevices,
    SupportsSignUp,
    SupportsSpaces,
    SupportsThreads,
    SupportsTopic,
    SupportsTyping,
    SupportsVerification,
)
from app.models import (
    ConversationId,
    Device,
    LinkPreview,
    Presence,
    Role,
    RoomListing,
    SpaceHierarchy,
)
from backends.matrix import settings as account_settings
from backends.matrix.access import AccountAccess
from backends.matrix.admin import ROOM_FEATURES, RoomAdmin
from backends.matrix.avatars import MatrixAvatars
from backends.matrix.encryption import Encryption
from backends.matrix.history import (
    GAP_PAGE_SIZE,
    MAX_GAP_PAGES,
    MAX_HISTORY_PAGES,
    MAX_ORPHANS_PER_TARGET,
    History,
    HistoryLimits,
)
from backends.matrix.media import Media
from backends.matrix.membership import RoomService
from backends.matrix.messaging import Messaging
from backends.matrix.people import People
from backends.matrix.pollsend import PollSending
from backends.matrix.previews import Previews
from backends.matrix.session import (
    MAX_INVITES,
    SECRET_DEVICE,
    SECRET_TOKEN,
    STATE_HOMESERVER,
    STATE_LAST_EVENT,
    STATE_SINCE,
    MatrixSession,
)
from backends.matrix.signed_in import SignedInDevices
from backends.matrix.signin import SignIn
from backends.matrix.spaces import Spaces
from backends.matrix.sync import SYNC_TASK, SyncLoop
from backends.matrix.threads import Threads
from backends.matrix.timeline import Timeline
from backends.matrix.verifying import DeviceVerification

__all__ = [  # what the tests (and the docs) read from this module
    "GAP_PAGE_SIZE",
    "MAX_GAP_PAGES",
    "MAX_HISTORY_PAGES",
    "MAX_INVITES",
    "MAX_ORPHANS_PER_TARGET",
    "SECRET_DEVICE",
    "SECRET_TOKEN",
    "STATE_HOMESERVER",
    "STATE_LAST_EVENT",
    "STATE_SINCE",
    "SYNC_TASK",
    "MatrixBackend",
]

BASE_CAPABILITIES = (
    Capability.GROUP_CHAT
    | Capability.INVITE
    | Capability.KICK
    | Capability.BAN
    | Capability.TOPIC
    | Capability.TYPING
    | Capability.READ_RECEIPTS
    | Capability.HISTORY
    | Capability.FILES
    | Capability.EDITS
    | Capability.REPLIES
    | Capability.REACTIONS
    | Capability.POLLS
    | Capability.RETRACTIONS
    | Capability.IDEMPOTENT_SEND
    | Capability.THREADS
    | Capability.LINK_PREVIEWS
    | Capability.BLOCKING
    | Capability.VOICE_MESSAGES
)
_ROOM_POWERS = (
    ("kick", Capability.KICK),
    ("ban", Capability.BAN),
    ("invite", Capability.INVITE),
    ("m.room.topic", Capability.TOPIC),
)


class MatrixBackend(
    Backend,
    SupportsGroupChat,
    SupportsInvites,
    SupportsKicking,
    SupportsBanning,
    SupportsTopic,
    SupportsPresence,
    SupportsTyping,
    SupportsReceipts,
    SupportsHistory,
    SupportsFiles,
    SupportsEdits,
    SupportsReactions,
    SupportsPolls,
    SupportsRetraction,
    SupportsVerification,
    SupportsKeyBackup,
    SupportsRoomDirectory,
    SupportsLogout,
    SupportsThreads,
    SupportsSpaces,
    SupportsLinkPreviews,
    SupportsBrowserSignIn,
    SupportsSignUp,
    SupportsRoster,
    SupportsBlocking,
    SupportsContactDetails,
    SupportsRoomCreation,
    SupportsRoomAdmin,
    SupportsRoomClosing,
    SupportsAvatars,
    SupportsSignedInDevices,
):
    """A Matrix account through matrix-nio, end-to-end encrypted rooms included."""

    protocol_id: ClassVar[str] = "matrix"
    send_features: ClassVar[Capability] = (
        Capability.REPLIES | Capability.IDEMPOTENT_SEND | Capability.VOICE_MESSAGES
    )
    display_name: ClassVar[str] = "Matrix"
    account_fields: ClassVar[tuple[AccountField, ...]] = account_settings.ACCOUNT_FIELDS
    room_features = ROOM_FEATURES

    def __init__(self, ctx: BackendContext) -> None:
        super().__init__(ctx)
        self._session = session = MatrixSession(ctx, max_invites=MAX_INVITES)
        self._encryption = encryption = Encryption(session)
        self._verification = DeviceVerification(session, encryption)
        self._timeline = Timeline(session, encryption)
        self._threads = Threads(session, self._timeline)
        self._history = History(
            session,
            self._timeline,
            HistoryLimits(
                history_pages=MAX_HISTORY_PAGES,
                gap_pages=MAX_GAP_PAGES,
                gap_page_size=GAP_PAGE_SIZE,
                orphans_per_target=MAX_ORPHANS_PER_TARGET,
            ),
            prepare=self._threads.prepare,
        )
        self._media = Media(session, encryption)
        self._avatars = MatrixAvatars(session, self._media, ctx.data_dir / "avatar-transit")
        self._rooms_service = RoomService(session, encryption)
        self._admin = RoomAdmin(session, encryption)
        self._people = People(session, self._rooms_service.open_direct, self._verification.devices)
        self._sync = SyncLoop(
            session,
            encryption,
            self._verification,
            self._timeline,
            self._history,
            threads=self._threads,
            account_data=self._people.account_data,
            room_seen=self._avatars.room_seen,
        )
        self._messaging = Messaging(
            session,
            encryption,
            open_direct=self._rooms_service.open_direct,
            with_size=self._media.with_size,
            thread_relation=self._threads.relation,
        )
        self._polls = PollSending(session, self._messaging)
        self._signin = SignIn(session, encryption)
        self._spaces = Spaces(session)
        self._previews = Previews(session, self._media.thumbnail)
        self._sync_task: asyncio.Task[None] | None = None
        self._access = AccountAccess(session, self._signin)
        self._signed_in = SignedInDevices(session)

    @classmethod
    def validate_settings(cls, settings: Mapping[str, str | int | bool]) -> dict[str, str]:
        return account_settings.problems(settings)

    # -- what the core and tests read ----------------------------------------------------------

    @property
    def own_id(self) -> str:
        return self._session.own_id

    @own_id.setter
    def own_id(self, value: str) -> None:
        self._session.own_id = value

    @property
    def homeserver(self) -> str:
        return self._session.homeserver

    @property
    def device_id(self) -> str:
        return self._session.device_id

    @property
    def synced(self) -> asyncio.Event:
        """Set once the first sync answer of this session has been reported (tests, UI)."""
        return self._sync.synced

    @property
    def sync_mode(self) -> str:
        """Where this session's sync answers come from: "sliding" or "v3" ("" before one)."""
        return self._sync.mode

    @property
    def sync_count(self) -> int:
        """Sync answers processed this session (the flood benchmark's divisor)."""
        return self._sync.count

    @property
    def resumed(self) -> bool:
        """Whether this session continued from a stored since-token."""
        return self._sync.resumed

    @property
    def cross_signing_checked(self) -> asyncio.Event:
        """Set once this session has looked at (and if needed made) its cross-signing keys."""
        return self._encryption.cross_signing_checked

    # -- the session -------------------------------------------------------------------------------

    async def connect(self) -> ConnectResult:
        try:
            failure = await self._signin.run()
        except asyncio.CancelledError:
            await self._close()
            raise
        if failure is not None or self.ctx.probe:
            await self._close()  # a connection test is over once signed in (and out again)
            return ConnectResult(failure)
        await self._people.load()
        self._sync_task = asyncio.get_running_loop().create_task(
            self._sync.run(), name=f"matrix-sync-{self.ctx.account_id}"
        )
        return ConnectResult()

    async def disconnect(self) -> None:
        self._session.closing = True
        task, self._sync_task = self._sync_task, None
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        await self._close()

    async def _close(self) -> None:
        self._signin.stop()
        self._encryption.close()
        await self._session.close_client()

    # -- signing in through the browser, making accounts -------------------------------------

    async def sign_in_methods(self) -> SignInMethods | Failure:
        return await self._access.sign_in_methods()

    async def sign_in_with_browser(
        self, provider_id: str, open_url: Callable[[str], None]
    ) -> Credentials | Failure:
        return await self._access.sign_in_with_browser(provider_id, open_url)

    async def sign_up(
        self, answers: Mapping[str, str | bool]
    ) -> SignUpForm | Credentials | Failure:
        return await self._access.sign_up(answers)

    async def cancel_sign_up(self) -> None:
        self._access.cancel_sign_up()
        await self._close()

    async def logout(self) -> Outcome:
        """Sign this device out on the server and forget its token (account removal, "sign out").

        Works connected or not: without a session it uses the stored token and homeserver.
        """
        outcome = await self._signin.logout()
        await self.disconnect()
        return outcome

    async def signed_in_devices(self) -> tuple[SignedInDevice, ...] | Failure:
        return await self._signed_in.list()

    async def rename_device(self, device_id: str, name: str) -> Outcome:
        return await self._signed_in.rename(device_id, name)

    async def sign_out_devices(self, device_ids: tuple[str, ...]) -> Outcome:
        return await self._signed_in.sign_out(device_ids)

    def capabilities(self, conv: ConversationId | None = None) -> Capability:
        caps = BASE_CAPABILITIES | (
            Capability.ENCRYPTION if self._encryption.active else Capability.NONE
        )
        room = self._session.rooms.get(conv.native_id) if conv is not None else None
        if room is None:
            return caps
        for action, flag in _ROOM_POWERS:
            if not room.can(self._session.own_id, action):
                caps &= ~flag
        return caps

    # -- messages ----------------------------------------------------------------------------------

    async def send_message(self, conv: ConversationId, msg: OutgoingMessage) -> SendResult:
        return await self._messaging.send_message(conv, msg)

    async def edit_message(
        self, conv: ConversationId, target_remote_id: str, msg: OutgoingMessage
    ) -> SendResult:
        return await self._messaging.edit_message(conv, target_remote_id, msg)

    async def react(
        self, conv: ConversationId, target_remote_id: str, keys: tuple[str, ...]
    ) -> Outcome:
        return await self._messaging.react(conv, target_remote_id, keys)

    async def retract(self, conv: ConversationId, target_remote_id: str) -> Outcome:
        return await self._messaging.retract(conv, target_remote_id)

    async def vote_poll(
        self, conv: ConversationId, poll_remote_id: str, answer_ids: tuple[str, ...]
    ) -> Outcome:
        return await self._polls.vote(conv, poll_remote_id, answer_ids)

    async def end_poll(self, conv: ConversationId, poll_remote_id: str) -> Outcome:
        return await self._polls.end(conv, poll_remote_id)

    async def start_poll(
        self,
        conv: ConversationId,
        question: str,
        answers: tuple[str, ...],
        *,
        disclosed: bool = True,
        max_selections: int = 1,
    ) -> SendResult:
        return await self._polls.start(conv, question, answers, disclosed, max_selections)

    async def send_read_marker(self, conv: ConversationId, remote_id: str) -> None:
        await self._messaging.send_read_marker(conv, remote_id)

    async def send_typing(self, conv: ConversationId, typing: bool) -> None:
        await self._messaging.send_typing(conv, typing)

    async def set_presence(self, presence: Presence) -> Outcome:
        return await self._messaging.set_presence(presence)

    async def fetch_history(
        self, conv: ConversationId, before_remote_id: str | None, limit: int
    ) -> Outcome:
        """Backfill with ``/messages``: report up to ``limit`` older events (``history=True``)."""
        return await self._history.fetch(conv, before_remote_id, limit)

    async def fetch_thread(self, conv: ConversationId, root_remote_id: str, limit: int) -> Outcome:
        """A thread's root and newest replies (``/relations``), reported as history."""
        return await self._threads.fetch(conv, root_remote_id, limit)

    async def send_thread_read_marker(
        self, conv: ConversationId, root_remote_id: str, remote_id: str
    ) -> None:
        await self._threads.send_read_marker(conv, root_remote_id, remote_id)

    # -- rooms -------------------------------------------------------------------------------------

    async def join(self, room: str, nick: str = "", password: str = "") -> Outcome:
        """Join by room id or alias (``#room:server``); ``Outcome.value`` is the room id."""
        return await self._rooms_service.join(room)

    async def answer_invite(self, conv: ConversationId, accept: bool) -> Outcome:
        return await self._rooms_service.answer_invite(conv, accept)

    async def leave(self, conv: ConversationId, reason: str = "") -> Outcome:
        return await self._rooms_service.leave(conv, reason)

    async def create_room(self, name: str, *, public: bool = False) -> Outcome:
        return await self._rooms_service.create_room(name, public=public)

    async def room_directory(
        self, query: str = "", limit: int = 500
    ) -> tuple[RoomListing, ...] | Failure:
        return await self._rooms_service.room_directory(query, limit)

    async def space_hierarchy(
        self, space: ConversationId, limit: int = 1000
    ) -> SpaceHierarchy | Failure:
        """The rooms and sub-spaces of a space (``/hierarchy``), read up to a limit."""
        return await self._spaces.hierarchy(space, limit)

    async def open_direct(self, user_id: str) -> Outcome:
        """Our direct chat with ``user_id`` (from m.direct), created and invited if there is none."""
        return await self._rooms_service.open_direct(user_id)

    async def invite(self, conv: ConversationId, contact: str, reason: str = "") -> Outcome:
        return await self._rooms_service.member_action(conv, "invite", contact, reason)

    async def kick(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        return await self._rooms_service.member_action(conv, "kick", member, reason)

    async def ban(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        return await self._rooms_service.member_action(conv, "ban", member, reason)

    async def unban(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        return await self._rooms_service.member_action(conv, "unban", member, reason)

    async def set_topic(self, conv: ConversationId, topic: str) -> Outcome:
        return await self._rooms_service.set_topic(conv, topic)

    async def create_room_with(self, options: RoomOptions) -> Outcome:
        return await self._admin.create(options)

    async def room_settings(self, conv: ConversationId) -> RoomSettings | Failure:
        return await self._admin.settings(conv)

    async def configure_room(self, conv: ConversationId, options: RoomOptions) -> Outcome:
        return await self._admin.configure(conv, options)

    async def set_role(self, conv: ConversationId, member: str, role: Role) -> Outcome:
        return await self._admin.set_role(conv, member, role)

    async def ban_list(self, conv: ConversationId) -> tuple[BanEntry, ...] | Failure:
        return await self._admin.ban_list(conv)

    async def close_room(self, conv: ConversationId, reason: str = "") -> Outcome:
        return await self._admin.close(conv, reason)

    # -- people ------------------------------------------------------------------------------------

    async def add_contact(self, contact: str, name: str = "", message: str = "") -> Outcome:
        return await self._people.add(contact, name)

    async def remove_contact(self, contact: str) -> Outcome:
        return await self._people.remove(contact)

    async def rename_contact(self, contact: str, name: str) -> Outcome:
        return await self._people.rename(contact, name)

    async def set_blocked(self, contact: str, blocked: bool) -> Outcome:
        return await self._people.set_blocked(contact, blocked)

    async def contact_details(self, contact: str) -> ContactDetails | Failure:
        return await self._people.details(contact)

    async def fetch_members(self, conv: ConversationId) -> Outcome:
        return await self._rooms_service.fetch_members(conv)

    def room_avatar(self, conv: ConversationId) -> str | None:
        """The room's avatar (an ``mxc://`` URL) as far as this session knows; fetch with
        :meth:`fetch_thumbnail`. (The core has no avatar field yet.)"""
        room = self._session.rooms.get(conv.native_id)
        return (room.avatar_url or None) if room else None

    # -- files -------------------------------------------------------------------------------------

    async def upload(
        self, conv: ConversationId, path: Path, progress: Callable[[int, int], None]
    ) -> Outcome:
        return await self._media.upload(conv, path, progress)

    async def download(
        self,
        url: str,
        dest: Path,
        progress: Callable[[int, int], None] | None = None,
        *,
        max_bytes: int | None = None,
    ) -> Outcome:
        """Fetch ``mxc://`` media to ``dest`` — only when the user shows it."""
        return await self._media.download(url, dest, progress, max_bytes)

    async def link_preview(self, url: str) -> LinkPreview | Failure:
        """The homeserver's preview of a web link (it fetches the page, we never do)."""
        return await self._previews.preview(url)

    async def preview_image(self, preview: LinkPreview, dest: Path) -> Outcome:
        return await self._previews.image(preview, dest)

    async def fetch_avatar(self, ref: str) -> AvatarImage | Failure:
        return await self._avatars.fetch(ref)

    async def fetch_thumbnail(
        self, url: str, dest: Path, width: int = 320, height: int = 240
    ) -> Outcome:
        return await self._media.thumbnail(url, dest, width, height)

    # -- encryption --------------------------------------------------------------------------------

    async def devices(self, contact: str) -> tuple[Device, ...] | Failure:
        return await self._verification.devices(contact)

    async def start_verification(self, contact: str, device_id: str = "") -> Outcome:
        return await self._verification.start(contact, device_id)

    async def accept_verification(self, verification_id: str) -> Outcome:
        return await self._verification.accept(verification_id)

    async def confirm_verification(self, verification_id: str, match: bool) -> Outcome:
        return await self._verification.confirm(verification_id, match)

    async def cancel_verification(self, verification_id: str) -> Outcome:
        return await self._verification.cancel(verification_id)

    async def create_key_backup(self, passphrase: str = "") -> Outcome:
        """Set up secret storage and a server-side key backup; ``Outcome.value`` is the
        recovery key (shown once), derived from ``passphrase`` when one is given.

        Every Megolm session this device has is uploaded now, new ones after each sync."""
        return await self._encryption.create_backup(passphrase)

    async def restore_key_backup(self, recovery_key: str) -> Outcome:
        """Import the keys of the server's backup (``Outcome.value``: how many were new); the
        messages waiting for them are decrypted in place. A wrong key is a Failure."""
        outcome, imported = await self._encryption.restore_backup(recovery_key)
        if imported:
            self._timeline.report_late_keys()
            await self._timeline.report_restored_keys()
            await self._encryption.save_waiting()
            self._encryption.update_trust()
        return outcome
