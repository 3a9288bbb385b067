"""The Matrix backend: matrix-nio for the session, our own sync loop, facts for everything else.

One instance is one session (see :class:`app.backend.Backend`): :meth:`MatrixBackend.connect` finds
the homeserver (``.well-known`` unless overridden), signs in — reusing the access token and device id
kept in the keyring, so a restart is not a new device — and starts a sync loop task. That loop is the
session: it resumes from the since-token kept in ``ctx.state``, turns every sync answer into facts
through :mod:`.convert`, honours 429 ``retry_after`` itself, and when the connection is gone reports
:class:`~app.facts.ConnectionLost` and stops. It never reconnects: the core creates a new instance.

End-to-end encryption (its own issue) plugs in at three places, all prepared here: the nio client
already has its store path under ``ctx.data_dir`` and a stable device id; sending goes through
``AsyncClient.room_send`` (which encrypts when an Olm machine exists); and each raw sync answer is
handed to :meth:`MatrixBackend._process_sync`, where feeding it to nio (``receive_response``) and
converting the decrypted events belongs.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import dataclasses
import json
import mimetypes
import ssl
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from pathlib import Path
from typing import Any, ClassVar

import aiohttp
import nio  # type: ignore[import-untyped]

from app import facts as f
from app.backend import (
    AccountField,
    Backend,
    BackendContext,
    Capability,
    ConnectResult,
    Failure,
    FailureKind,
    FieldKind,
    Outcome,
    OutgoingMessage,
    SendResult,
    SupportsEdits,
    SupportsFiles,
    SupportsGroupChat,
    SupportsHistory,
    SupportsKeyBackup,
    SupportsPresence,
    SupportsReactions,
    SupportsReceipts,
    SupportsRetraction,
    SupportsRoomDirectory,
    SupportsTyping,
    SupportsVerification,
)
from app.models import (
    Attachment,
    ConversationId,
    ConversationKind,
    Device,
    DeviceTrust,
    Member,
    Presence,
    RoomListing,
    Trust,
)
from backends.matrix import convert as cv
from backends.matrix.bounded import BoundedDict
from backends.matrix.http import MAX_DOWNLOAD_BYTES, V3, MatrixHttp, Reply, q
from backends.matrix.rooms import RoomState

try:  # end-to-end encryption needs matrix-nio[e2e] (vodozemac); without it rooms stay plain
    from backends.matrix import crosssign as xs
    from backends.matrix import crypto as e2e
    from backends.matrix import keybackup as kb
    from backends.matrix import verification as sas

    E2E_AVAILABLE = True
except ImportError:  # pragma: no cover - depends on the installed extras
    E2E_AVAILABLE = False

V1 = "/_matrix/client/v1"
MEDIA_V1 = "/_matrix/client/v1/media"  # authenticated media (spec 1.11, MSC3916)
MEDIA_LEGACY = "/_matrix/media/v3"

ENCRYPTION_STATE = {
    "type": "m.room.encryption",
    "state_key": "",
    "content": {"algorithm": "m.megolm.v1.aes-sha2"},
}
SECRET_TOKEN = "access_token"
SECRET_DEVICE = "device_id"
STATE_SINCE = "since"
STATE_HOMESERVER = "homeserver"
STATE_USER = "user_id"
TRUSTED_FINGERPRINT = "trusted_fingerprint"  # the name app.backend.TRUSTED_FINGERPRINT_FIELD gives

SYNC_TIMEOUT_MS = 30_000
SYNC_FILTER = {
    "room": {
        "state": {"lazy_load_members": True},
        "timeline": {"limit": 20, "lazy_load_members": True},
    },
}
HISTORY_FILTER = {"lazy_load_members": True}
DEVICE_NAME = "Chinwag"
SYNC_TASK = "matrix-initial-sync"
MAX_REMEMBERED_REACTIONS = 20_000
MAX_HISTORY_PAGES = 10
MAX_GAP_PAGES = 5
"""A ``limited`` sync's gap is paged back at most this many ``/messages`` pages (of
``GAP_PAGE_SIZE``); the rest is left to backfill."""
GAP_PAGE_SIZE = 50
MAX_ORPHAN_TARGETS = 2_000  # reactions waiting for an older message, per session
MAX_ORPHANS_PER_TARGET = 100
MAX_INVITES = 500
MAX_HISTORY_TOKENS = 1_000
NO_E2E_BODY = "This message is end-to-end encrypted; install matrix-nio[e2e] to read it."
THUMBNAIL_MAX_BYTES = 10 * 1024 * 1024
MAX_NOTES = 5_000  # per-event decryption results waiting to be converted
MAX_CROSS_SIGNING_ATTEMPTS = 3  # per session, when the server could not be reached
STATE_LAST_EVENT = "last_event:"  # + room id: the newest timeline event this account has seen
ALLOW_HTTP = "allow_http"

BASE_CAPABILITIES = (
    Capability.GROUP_CHAT
    | Capability.CREATE_ROOM
    | Capability.INVITE
    | Capability.KICK
    | Capability.BAN
    | Capability.TOPIC
    | Capability.PRESENCE
    | Capability.TYPING
    | Capability.READ_RECEIPTS
    | Capability.HISTORY
    | Capability.FILES
    | Capability.EDITS
    | Capability.REPLIES
    | Capability.REACTIONS
    | Capability.RETRACTIONS
    | Capability.RICH_TEXT
    | Capability.EMOTES
    | Capability.NOTICES
    | Capability.IDEMPOTENT_SEND
)


def _not_connected() -> Failure:
    return Failure(FailureKind.NOT_CONNECTED, "The account is not connected.", retryable=True)


class MatrixBackend(
    Backend,
    SupportsGroupChat,
    SupportsPresence,
    SupportsTyping,
    SupportsReceipts,
    SupportsHistory,
    SupportsFiles,
    SupportsEdits,
    SupportsReactions,
    SupportsRetraction,
    SupportsVerification,
    SupportsKeyBackup,
    SupportsRoomDirectory,
):
    """A Matrix account through matrix-nio, end-to-end encrypted rooms included."""

    protocol_id: ClassVar[str] = "matrix"
    display_name: ClassVar[str] = "Matrix"
    account_fields: ClassVar[tuple[AccountField, ...]] = (
        AccountField(
            "user_id",
            "Matrix ID",
            required=True,
            pattern=r"@[^:\s]+:[^\s/]+",
            placeholder="@alice:example.org",
            help="Your full Matrix ID. The homeserver is found from it.",
        ),
        AccountField("password", "Password", FieldKind.PASSWORD, required=True, secret=True),
        AccountField(
            "homeserver",
            "Homeserver URL",
            placeholder="https://matrix.example.org",
            help="Only if it cannot be discovered from your Matrix ID (.well-known).",
            pattern=r"https?://\S+",
            advanced=True,
        ),
        AccountField(
            "ca_file",
            "Trusted CA certificate",
            FieldKind.FILE,
            help="A PEM file to trust in addition to the system's certificate authorities.",
            advanced=True,
        ),
        AccountField(
            TRUSTED_FINGERPRINT,
            "Trusted certificate fingerprint",
            help="The SHA-256 fingerprint (AA:BB:…) of a certificate to accept as it is.",
            pattern=r"([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}",
            advanced=True,
        ),
        AccountField(
            ALLOW_HTTP,
            "Allow unencrypted HTTP",
            FieldKind.BOOLEAN,
            default=False,
            help="Only for a homeserver you reach safely another way (a VPN, a tunnel). "
            "Password, access token and messages would travel without HTTPS.",
            advanced=True,
        ),
    )

    def __init__(self, ctx: BackendContext) -> None:
        super().__init__(ctx)
        self.log = ctx.logger
        self.user_id = str(ctx.settings.get("user_id", "")).strip()
        self.homeserver = ""
        self.device_id = ""
        self._client: Any = None
        self._http: MatrixHttp | None = None
        self._sync_task: asyncio.Task[None] | None = None
        self._closing = False
        self._lost_reported = False
        self._presence = "online"
        self._sync_label = "Loading your rooms"
        self._own_names: tuple[str, ...] = ()
        self._rooms: dict[str, RoomState] = {}
        self._direct: dict[str, str] = {}  # room id → the other person (m.direct)
        self._joined: set[str] = set()  # rooms we are in (GET /joined_rooms at connect, then sync)
        self._invites: BoundedDict[str, f.InviteReceived] = BoundedDict(MAX_INVITES)
        self._reactions: collections.OrderedDict[str, f.ReactionChanged] = collections.OrderedDict()
        self._history_tokens: BoundedDict[tuple[str, str], str] = BoundedDict(MAX_HISTORY_TOKENS)
        # (room, target event) → reactions that arrived before their message did
        self._orphan_reactions: BoundedDict[tuple[str, str], list[f.ReactionChanged]] = BoundedDict(
            MAX_ORPHAN_TARGETS
        )
        self._image_sizes: dict[str, tuple[int, int]] = {}
        self._last_events: dict[str, str] = {}  # room → newest timeline event, to persist
        self._e2e: Any = None  # crypto.E2E once the Olm store is open
        self._verifications: Any = None  # verification.Verifications
        self._to_send: list[Any] = []  # verification.Outgoing waiting for the sync loop
        self._notes: BoundedDict[str, tuple[Trust, str | None]] = BoundedDict(MAX_NOTES)
        self._room_trust: dict[str, Trust] = {}
        self._encrypted_cache: dict[str, bool] = {}
        self._cross: Any = None  # crosssign.CrossSigning
        self._backup: Any = None  # keybackup.KeyBackup
        self._own_devices_verified: list[str] = []  # ours, proven by SAS: to sign (cross-signing)
        self._cross_attempts = 0
        self.cross_signing_checked = asyncio.Event()
        """Set once this session has looked at (and if needed made) its cross-signing keys."""
        self.synced = asyncio.Event()
        """Set once the first sync answer of this session has been reported (tests, UI)."""
        self.resumed = False
        """Whether this session continued from a stored since-token."""

    # -- settings ---------------------------------------------------------------------------

    @classmethod
    def validate_settings(cls, settings: Mapping[str, str | int | bool]) -> dict[str, str]:
        problems: dict[str, str] = {}
        if cv.parse_user_id(str(settings.get("user_id", "")).strip()) is None:
            problems["user_id"] = "A Matrix ID looks like @name:example.org."
        ca_file = str(settings.get("ca_file", "") or "")
        if ca_file and not Path(ca_file).expanduser().is_file():
            problems["ca_file"] = "The CA certificate file does not exist."
        homeserver = str(settings.get("homeserver", "") or "").strip()
        if homeserver:
            insecure = cv.insecure_homeserver(homeserver, allow_http=bool(settings.get(ALLOW_HTTP)))
            if insecure is not None:
                problems["homeserver"] = insecure.message
        return problems

    def _allow_http(self) -> bool:
        return bool(self.ctx.settings.get(ALLOW_HTTP, False))

    def _ssl_context(self) -> ssl.SSLContext | aiohttp.Fingerprint | Failure:
        pinned = str(self.ctx.settings.get(TRUSTED_FINGERPRINT, "") or "").strip()
        if pinned:
            try:
                return aiohttp.Fingerprint(bytes.fromhex(pinned.replace(":", "")))
            except ValueError as exc:
                return Failure(FailureKind.CONFIG, f"The certificate fingerprint is invalid: {exc}")
        context = ssl.create_default_context()
        ca_file = str(self.ctx.settings.get("ca_file", "") or "")
        if ca_file:
            try:
                context.load_verify_locations(cafile=str(Path(ca_file).expanduser()))
            except (OSError, ssl.SSLError) as exc:
                return Failure(FailureKind.CONFIG, f"The CA certificate file cannot be used: {exc}")
        return context

    # -- sign-in ----------------------------------------------------------------------------

    async def connect(self) -> ConnectResult:
        try:
            failure = await self._connect()
        except asyncio.CancelledError:
            await self._close_client()
            raise
        if failure is not None:
            await self._close_client()
            return ConnectResult(failure)
        return ConnectResult()

    async def _connect(self) -> Failure | None:
        parsed = cv.parse_user_id(self.user_id)
        if parsed is None:
            return Failure(FailureKind.CONFIG, "A Matrix ID looks like @name:example.org.")
        context = self._ssl_context()
        if isinstance(context, Failure):
            return context
        state = self.ctx.state
        token = await self.ctx.secrets.get(SECRET_TOKEN)
        device = await self.ctx.secrets.get(SECRET_DEVICE) or ""
        stored_user = await state.get(STATE_USER)
        if stored_user and stored_user != self.user_id:
            # The account now signs in as someone else: nothing of the old session applies.
            self.log.info("Matrix ID changed; starting a new session")
            token, device = None, ""
            await self._forget_session(device_too=True)
        override = str(self.ctx.settings.get("homeserver", "") or "").strip().rstrip("/")
        homeserver = override or (await state.get(STATE_HOMESERVER) if token else None) or ""
        if homeserver:
            insecure = cv.insecure_homeserver(homeserver, allow_http=self._allow_http())
            if insecure is not None:
                return insecure
        store = self.ctx.data_dir / "nio-store"
        store.mkdir(parents=True, exist_ok=True, mode=0o700)
        config = nio.AsyncClientConfig(
            max_limit_exceeded=0,  # hand 429 answers back to us instead of sleeping inside nio
            max_timeouts=0,  # raise on the first timeout; the core owns retrying
            encryption_enabled=False,  # the Olm store is opened by _open_crypto, not by nio
            store_sync_tokens=False,  # the since-token lives in ctx.state
            request_timeout=60,
        )
        self._client = nio.AsyncClient(
            homeserver or f"https://{parsed[1]}",
            self.user_id,
            device_id=device or None,
            store_path=str(store),
            config=config,
            ssl=context,
        )
        self._http = MatrixHttp(self._client, self.log)
        if not homeserver:
            found = await self._discover(parsed[1])
            if isinstance(found, Failure):
                return found
            homeserver = found
            insecure = cv.insecure_homeserver(homeserver, allow_http=self._allow_http())
            if insecure is not None:
                return insecure  # .well-known named a plain-HTTP server off this machine
        self.homeserver = homeserver
        self._client.homeserver = homeserver
        failure = await self._sign_in(token, device)
        if failure is not None:
            return failure
        if E2E_AVAILABLE:
            failure = await self._open_crypto(store)
            if failure is not None:
                return failure
        self.own_id = self.user_id = str(self._client.user_id)
        await state.set(STATE_USER, self.own_id)
        await state.set(STATE_HOMESERVER, homeserver)
        failure = await self._load_account()
        if failure is not None:
            return failure
        self._sync_task = asyncio.get_running_loop().create_task(
            self._sync_loop(), name=f"matrix-sync-{self.ctx.account_id}"
        )
        return None

    async def _discover(self, server_name: str) -> str | Failure:
        """Client-server spec "Server Discovery": ``.well-known`` first, the server name second."""
        assert self._http is not None
        fallback = f"https://{server_name}"
        reply = await self._http.request(
            "GET", "/.well-known/matrix/client", timeout=15, auth=False
        )
        if reply.transport is not None:
            if reply.transport.kind is FailureKind.TLS:
                return reply.transport
            self.log.info("no .well-known answer from %s; trying it as the homeserver", fallback)
            base: str | Failure | None = None
        else:
            base = cv.parse_well_known(reply.status, reply.body)
        if isinstance(base, Failure):
            return base
        homeserver = base or fallback
        insecure = cv.insecure_homeserver(homeserver, allow_http=self._allow_http())
        if insecure is not None:
            return insecure
        self._client.homeserver = homeserver
        versions = await self._http.request(
            "GET", "/_matrix/client/versions", timeout=15, auth=False
        )
        if not versions.ok:
            if versions.transport is not None:
                return versions.transport
            return Failure(
                FailureKind.CONFIG,
                f"{homeserver} does not look like a Matrix homeserver. "
                "Enter the homeserver URL in the advanced settings.",
                detail=f"HTTP {versions.status}",
            )
        self.log.info("homeserver discovered: %s", homeserver)
        return homeserver

    async def _sign_in(self, token: str | None, device: str) -> Failure | None:
        """Reuse the stored token (same device) when it still works, else log in with the password."""
        assert self._http is not None
        client = self._client
        if token and device:
            client.restore_login(self.user_id, device, token)
            reply = await self._http.request("GET", f"{V3}/account/whoami", timeout=30)
            if reply.ok:
                who = cv.get_str(reply.body, "user_id")
                if who and who != self.user_id:
                    self.user_id = who
                    client.user_id = who
                self.device_id = device
                self.log.info("resumed the session of device %s", device)
                return None
            rejected = reply.failure()
            if rejected.kind is not FailureKind.NOT_CONNECTED:
                return rejected  # unreachable, rate limited …: retry later with the same token
            self.log.info("the stored access token was rejected; signing in again")
            soft = reply.body.get("soft_logout") is True
            await self._forget_session(device_too=not soft)
            client.access_token = ""
            if not soft:
                device = ""
                client.device_id = None
        password = await self.ctx.secrets.get("password")
        if not password:
            return Failure(FailureKind.AUTH, "No password is saved for this account.")
        client.device_id = device or None
        resp, failure = await self._http.call(
            client.login(password, device_name=DEVICE_NAME), login=True
        )
        if failure is not None:
            return failure
        self.user_id = str(resp.user_id)
        self.device_id = str(resp.device_id)
        await self.ctx.secrets.set(SECRET_TOKEN, str(resp.access_token))
        await self.ctx.secrets.set(SECRET_DEVICE, self.device_id)
        self.log.info("signed in as device %s", self.device_id)
        return None

    async def _open_crypto(self, store: Path) -> Failure | None:
        """Open this device's Olm/Megolm store, encrypted at rest with the keyring's pickle key.

        A store that cannot be opened (the keyring lost its key, the file is damaged) is moved
        aside and the account signs in as a new device: its old keys are unusable anyway, and
        reusing the device id with a new identity key would be rejected by the server.
        """
        client = self._client
        pickle_key = await self.ctx.secrets.get(e2e.SECRET_PICKLE_KEY)
        if not pickle_key:
            pickle_key = e2e.new_pickle_key()
            await self.ctx.secrets.set(e2e.SECRET_PICKLE_KEY, pickle_key)
        client.config = e2e.store_config(client.config, pickle_key)
        for attempt in range(2):
            try:
                client.load_store()
                break
            except Exception as exc:  # vodozemac.PickleException, sqlite errors …
                if attempt:
                    return Failure(
                        FailureKind.PROTOCOL, f"The encryption store cannot be opened: {exc}"
                    )
                self.log.warning("the encryption store cannot be opened (%s); new device", exc)
                stamp = str(int(asyncio.get_running_loop().time()))
                for path in e2e.store_files(store, str(client.user_id), str(client.device_id)):
                    if path.exists():
                        path.replace(path.with_name(f"{path.name}.unreadable-{stamp}"))
                client.store = client.olm = None
                assert self._http is not None
                await self._http.request("POST", f"{V3}/logout", body={}, timeout=30)
                await self._forget_session(device_too=True)
                client.access_token = ""
                client.device_id = None
                failure = await self._sign_in(None, "")
                if failure is not None:
                    return failure
        self._e2e = e2e.E2E(client, self.log)
        assert self._http is not None
        self._cross = xs.CrossSigning(
            self._http,
            self.ctx.secrets,
            self.ctx.state,
            self.log,
            user_id=str(client.user_id),
            device_id=str(client.device_id),
            device_ed25519=self._e2e.ed25519,
            device_sign=client.olm.account.sign,
            notice=lambda text: self.ctx.report(f.ServiceNotice(text)),
        )
        self._e2e.extra_trust = self._cross.extra_trust
        self._verifications = sas.Verifications(
            str(client.user_id),
            str(client.device_id),
            self._e2e.ed25519,
            self._device_key,
            own_master=self._cross.own_master,
            their_master=self._cross.their_master,
        )
        self._backup = kb.KeyBackup(
            self._http,
            self.ctx.secrets,
            self.ctx.state,
            self.log,
            olm=client.olm,
            sign_auth_data=self._sign_auth_data,
        )
        await self._backup.load()
        self.log.info("end-to-end encryption ready (device %s)", client.device_id)
        return None

    def _sign_auth_data(self, auth: dict[str, Any]) -> dict[str, Any]:
        """Key backup ``auth_data`` signed by this device and, when we hold it, our master key."""
        client = self._client
        signed = xs.sign_with_device(
            auth, str(client.user_id), str(client.device_id), client.olm.account.sign
        )
        return self._cross.sign_json(signed) if self._cross is not None else signed

    def _device_key(self, user_id: str, device_id: str) -> str | None:
        device = self._e2e.device(user_id, device_id) if self._e2e is not None else None
        return str(device.ed25519) if device is not None else None

    async def _forget_session(self, *, device_too: bool) -> None:
        await self.ctx.secrets.delete(SECRET_TOKEN)
        if device_too:
            await self.ctx.secrets.delete(SECRET_DEVICE)
            await self.ctx.state.set(STATE_SINCE, None)

    async def _load_account(self) -> Failure | None:
        """What an incremental sync would not repeat: m.direct and our display name."""
        assert self._http is not None
        reply = await self._http.request(
            "GET", f"{V3}/user/{q(self.own_id)}/account_data/m.direct", timeout=30
        )
        if reply.ok:
            self._direct = cv.direct_rooms(reply.body, self.log)
        elif reply.transport is not None:
            return reply.transport
        elif reply.status != 404:
            self.log.warning("could not read m.direct: HTTP %s", reply.status)
        joined = await self._http.request("GET", f"{V3}/joined_rooms", timeout=30)
        if joined.ok:
            rooms = cv.get_list(joined.body, "joined_rooms") or []
            self._joined = {r for r in rooms if isinstance(r, str)}
        elif joined.transport is not None:
            return joined.transport
        else:
            self.log.warning("could not list joined rooms: HTTP %s", joined.status)
        profile = await self._http.request(
            "GET", f"{V3}/profile/{q(self.own_id)}/displayname", timeout=30
        )
        name = cv.get_str(profile.body, "displayname") if profile.ok else None
        self._own_names = tuple(n for n in (name, cv.localpart(self.own_id)) if n)
        return None

    async def disconnect(self) -> None:
        self._closing = True
        task, self._sync_task = self._sync_task, None
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        await self._close_client()

    async def _close_client(self) -> None:
        client, self._client = self._client, None
        self._e2e = self._cross = self._backup = None
        if client is not None:
            with contextlib.suppress(Exception):
                await client.close()
            store = getattr(client, "store", None)
            database = getattr(store, "database", None)
            if database is not None:
                with contextlib.suppress(Exception):
                    database.close()

    async def logout(self) -> Outcome:
        """Sign this device out on the server and forget its token (account removal, "sign out").

        Works connected or not: without a session it uses the stored token and homeserver.
        """
        token = await self.ctx.secrets.get(SECRET_TOKEN)
        outcome = Outcome()
        if self._client is None and token:
            homeserver = str(self.ctx.settings.get("homeserver", "") or "").rstrip("/") or (
                await self.ctx.state.get(STATE_HOMESERVER) or ""
            )
            device = await self.ctx.secrets.get(SECRET_DEVICE) or ""
            context = self._ssl_context()
            if cv.insecure_homeserver(homeserver, allow_http=self._allow_http()) is not None:
                homeserver = ""  # never send the token over plain HTTP off this machine
            if homeserver and not isinstance(context, Failure):
                self._client = nio.AsyncClient(
                    homeserver,
                    self.user_id,
                    config=nio.AsyncClientConfig(max_limit_exceeded=0, max_timeouts=0),
                    ssl=context,
                )
                self._client.restore_login(self.user_id, device, token)
                self._http = MatrixHttp(self._client, self.log)
        if self._client is not None and self._http is not None and self._client.access_token:
            reply = await self._http.request("POST", f"{V3}/logout", body={}, timeout=30)
            if not reply.ok and reply.errcode != "M_UNKNOWN_TOKEN":
                outcome = Outcome(reply.failure())
        await self._forget_session(device_too=True)
        await self.ctx.state.set(STATE_HOMESERVER, None)
        await self.disconnect()
        return outcome

    # -- the sync loop ------------------------------------------------------------------------

    def _stopped(self) -> bool:
        return self._closing

    def _lost(self, reason: str, retryable: bool = True) -> None:
        if self._closing or self._lost_reported:
            return
        self._lost_reported = True
        self.log.info("connection lost: %s", reason)
        self.ctx.report(f.ConnectionLost(reason, retryable))

    async def _sync_loop(self) -> None:
        try:
            await self._sync_forever()
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a bug: end the session so the core starts a fresh one
            self.log.exception("the sync loop failed")
            self._lost(f"Internal error: {exc}")

    async def _sync_forever(self) -> None:
        assert self._http is not None
        since = await self.ctx.state.get(STATE_SINCE)
        self.resumed = since is not None
        first = True
        self._sync_label = "Catching up" if since else "Loading your rooms"
        self.ctx.report(f.Progress(SYNC_TASK, self._sync_label, 0, None))
        while not self._stopped():
            query: dict[str, str | int] = {
                "filter": json.dumps(SYNC_FILTER, separators=(",", ":")),
                "timeout": 0 if first else SYNC_TIMEOUT_MS,
                "set_presence": self._presence,
            }
            if since:
                query["since"] = since
            reply = await self._http.request(
                "GET", f"{V3}/sync", query=query, timeout=SYNC_TIMEOUT_MS / 1000 + 30
            )
            if self._stopped():
                return
            if reply.transport is not None:
                self._lost(
                    reply.transport.message, retryable=reply.transport.kind is not FailureKind.TLS
                )
                return
            if not reply.ok:
                failure = reply.failure()
                if failure.kind is FailureKind.RATE_LIMITED:
                    wait = failure.retry_after or 5.0
                    self.log.info("sync rate limited; waiting %.1f s", wait)
                    await asyncio.sleep(wait)
                    continue
                if failure.kind is FailureKind.NOT_CONNECTED:
                    await self._forget_session(device_too=reply.body.get("soft_logout") is not True)
                elif reply.errcode in ("M_UNKNOWN_POS", "M_INVALID_PARAM") and since:
                    await self.ctx.state.set(STATE_SINCE, None)  # start over rather than loop
                self._lost(failure.message, retryable=failure.kind is not FailureKind.AUTH)
                return
            next_batch = cv.get_str(reply.body, "next_batch")
            if not next_batch:
                self.ctx.report(f.BadInput("sync answer without next_batch"))
                self._lost("The homeserver sent an unusable sync answer.")
                return
            await self._before_sync(reply.body, incremental=since is not None)
            self._process_sync(reply.body, initial=since is None, first=first)
            await self._after_sync()
            # Let the core queue these facts before the token moves past them (store order).
            await asyncio.sleep(0)
            await self.ctx.state.set(STATE_SINCE, next_batch)
            since = next_batch
            if first:
                first = False
                self.synced.set()

    async def _before_sync(self, body: dict[str, Any], *, incremental: bool) -> None:
        """What must happen before the answer's timelines are converted: nio sees the new room
        keys and device lists, verification messages move on, and gaps are filled (older)."""
        if self._e2e is not None:
            try:
                await self._e2e.feed(body)
            except Exception:  # nio must never stop the sync; the events show as undecryptable
                self.log.exception("the encryption layer failed on a sync answer")
                self.ctx.report(f.BadInput("matrix sync answer (encryption part)"))
            self._handle_verification_events(body)
        if incremental:
            await self._fill_gaps(body)

    async def _after_sync(self) -> None:
        """Send what encryption queued, decrypt late keys' messages, keep trust and gaps current."""
        state = self.ctx.state
        last, self._last_events = self._last_events, {}
        for room_id, event_id in last.items():
            await state.set(STATE_LAST_EVENT + room_id, event_id)
        if self._e2e is None or self._http is None:
            return
        try:
            changed = await self._e2e.after_sync(self._http.call)
            await self._guarded(self._cross_signing_step(changed), "cross-signing")
            await self._guarded(self._after_verifications(), "signing after verification")
            await self._e2e.request_keys(self._http.call)
            await self._flush_to_device()
            self._report_late_keys()
            if self._backup is not None:
                await self._guarded(self._backup.upload_new(), "key backup")
            if changed or self._e2e.device_lists_changed:
                self._e2e.device_lists_changed = False
            self._update_trust()
            if self._cross is not None and self._cross.wanted:
                # Trust questions about people whose cross-signing keys we never asked for.
                await self._guarded(self._cross.refresh_wanted(), "cross-signing")
                self._update_trust()
        except asyncio.CancelledError:
            raise
        except Exception:
            self.log.exception("the encryption layer failed after a sync answer")

    # -- turning a sync answer into facts -------------------------------------------------------

    def _process_sync(self, body: dict[str, Any], *, initial: bool, first: bool) -> None:
        report = self.ctx.report
        for event in cv.events_of(body.get("account_data")):
            if cv.get_str(event, "type") == "m.direct":
                self._set_direct(cv.direct_rooms(event.get("content"), self.log))
        for event in cv.events_of(body.get("presence")):
            presence = cv.presence_of(event, self.log)
            if presence is None:
                report(f.BadInput("matrix presence event"))
            elif presence[0] == self.own_id:
                report(f.OwnPresenceChanged(presence[1]))
            else:
                report(f.PresenceChanged(*presence))
        rooms = cv.get_dict(body, "rooms") or {}
        for room_id, data in (cv.get_dict(rooms, "invite") or {}).items():
            invite = cv.invite_fact(
                room_id,
                cv.get_dict(data, "invite_state") if isinstance(data, dict) else None,
                self.own_id,
                self.log,
            )
            if invite is None:
                report(f.BadInput("matrix invite", room_id))
                continue
            self._invites[room_id] = invite
            report(invite)
        joined = cv.get_dict(rooms, "join") or {}
        total = len(joined)
        step = max(1, total // 20)
        for done, (room_id, data) in enumerate(joined.items(), start=1):
            if not isinstance(data, dict):
                report(f.BadInput("matrix joined room", room_id))
                continue
            try:
                self._process_joined(room_id, data, history=initial)
            except Exception:  # one room's bug must not stop the others
                self.log.exception("could not process room %s", room_id)
                report(f.BadInput("matrix joined room", room_id))
            if first and done % step == 0 and done < total:
                report(f.Progress(SYNC_TASK, self._sync_label, done, total))
        for room_id, data in (cv.get_dict(rooms, "leave") or {}).items():
            self._process_left(room_id, data if isinstance(data, dict) else {})
        if first:
            report(f.Progress(SYNC_TASK, self._sync_label, total, total))

    def _set_direct(self, direct: dict[str, str]) -> None:
        before, self._direct = self._direct, direct
        for room_id in set(before) ^ set(direct):
            room = self._rooms.get(room_id)
            if room is not None:
                self.ctx.report(
                    f.ConversationUpdated(
                        room_id, self._kind(room_id), title=room.title(self.own_id)
                    )
                )

    def _kind(self, room_id: str) -> ConversationKind:
        return ConversationKind.DIRECT if room_id in self._direct else ConversationKind.GROUP

    def _room(self, room_id: str) -> RoomState:
        room = self._rooms.get(room_id)
        if room is None:
            room = self._rooms[room_id] = RoomState(room_id)
        return room

    def _room_context(self, room: RoomState, *, history: bool) -> cv.RoomContext:
        return cv.RoomContext(
            room_id=room.room_id,
            kind=self._kind(room.room_id),
            own_id=self.own_id,
            title_of=lambda: room.title(self.own_id) or "",
            own_names=self._own_names,
            history=history,
            name_of=room.display_name_of,
            log=self.log,
        )

    def _process_joined(self, room_id: str, data: dict[str, Any], *, history: bool) -> None:
        report = self.ctx.report
        room = self._room(room_id)
        self._joined.add(room_id)
        self._invites.pop(room_id, None)
        summary = cv.get_dict(data, "summary")
        if summary:
            room.apply_summary(summary)
        members: dict[str, None] = {}
        power_changed = False

        def apply_state(event: dict[str, Any]) -> None:
            nonlocal power_changed
            change = room.apply_state(event, self.log)
            if change is None:
                return
            if change.what == "member":
                members[change.user_id] = None
            elif change.what in ("power_levels", "create"):
                power_changed = True

        for event in cv.events_of(data.get("state")):
            apply_state(event)
        timeline = cv.get_dict(data, "timeline") or {}
        prev_batch = cv.get_str(timeline, "prev_batch")
        if prev_batch and room.prev_batch is None:
            room.prev_batch = prev_batch
        ctx = self._room_context(room, history=history)
        facts: list[f.Fact] = []
        raw_events = cv.get_list(timeline, "events") or []
        for event in raw_events:
            if isinstance(event, dict) and isinstance(event.get("event_id"), str):
                self._last_events[room_id] = event["event_id"]
            if isinstance(event, dict) and isinstance(event.get("state_key"), str):
                apply_state(event)
                continue
            opened = self._open(room_id, event)
            converted = self._convert(opened, ctx)
            if converted is None:
                facts.append(f.BadInput("matrix room event", _event_label(opened)))
                continue
            facts.extend(self._track(converted, opened))
        if power_changed:
            members.update(
                dict.fromkeys(u for u, i in room.members.items() if i.membership == "join")
            )
        self._report_members(room, members)
        for fact in facts:
            report(fact)
        self._ephemeral(room, cv.get_dict(data, "ephemeral"))
        counts = cv.get_dict(data, "unread_notifications") or {}
        report(
            f.ConversationUpdated(
                room_id,
                self._kind(room_id),
                title=room.title(self.own_id),
                topic=room.topic,
                encrypted=room.encrypted,
                joined=True,
                unread_count=cv.get_int(counts, "notification_count"),
                mention_count=cv.get_int(counts, "highlight_count"),
                trust=self._room_trust.get(room_id) if room.encrypted else None,
            )
        )

    def _report_members(self, room: RoomState, members: dict[str, None]) -> None:
        upserted: list[Member] = []
        removed: list[str] = []
        for user_id in members:
            member = room.member(self.ctx.account_id, user_id)
            if member is not None:
                upserted.append(member)
            else:
                removed.append(user_id)
        if upserted or removed:
            self.ctx.report(f.MembersChanged(room.room_id, tuple(upserted), tuple(removed)))

    def _track(self, facts: list[f.Fact], event: object) -> list[f.Fact]:
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

    def _ephemeral(self, room: RoomState, ephemeral: dict[str, Any] | None) -> None:
        for event in cv.events_of(ephemeral):
            etype = cv.get_str(event, "type")
            if etype == "m.typing":
                self._typing(room, event)
            elif etype == "m.receipt":
                for fact in cv.receipt_facts(event, room.room_id, self.own_id, self.log):
                    self.ctx.report(fact)

    def _typing(self, room: RoomState, event: dict[str, Any]) -> None:
        users = cv.typing_users(event, self.log)
        if users is None:
            self.ctx.report(f.BadInput("matrix typing notice", room.room_id))
            return
        users.discard(self.own_id)
        for user in sorted(users - room.typing):
            self.ctx.report(f.TypingChanged(room.room_id, user, True))
        for user in sorted(room.typing - users):
            self.ctx.report(f.TypingChanged(room.room_id, user, False))
        room.typing = users

    def _process_left(self, room_id: str, data: dict[str, Any]) -> None:
        reason = ""
        for block in ("timeline", "state"):
            for event in cv.events_of(data.get(block)):
                if (
                    cv.get_str(event, "type") == "m.room.member"
                    and cv.get_str(event, "state_key") == self.own_id
                ):
                    content = cv.get_dict(event, "content") or {}
                    membership = cv.get_str(content, "membership") or ""
                    by = cv.get_str(event, "sender") or ""
                    why = cv.get_str(content, "reason") or ""
                    if membership == "ban":
                        reason = f"Banned by {by}" + (f": {why}" if why else "")
                    elif membership == "leave" and by and by != self.own_id:
                        reason = f"Removed by {by}" + (f": {why}" if why else "")
        self._rooms.pop(room_id, None)
        self._joined.discard(room_id)
        self._invites.pop(room_id, None)
        self.ctx.report(f.ConversationLeft(room_id, reason))

    # -- gaps of limited syncs -------------------------------------------------------------------

    async def _fill_gaps(self, body: dict[str, Any]) -> None:
        """Page back through the gap of every ``limited`` timeline to the last event we saw.

        Rule for what the gap's messages count as: *live* (unread, notified — like the rest of a
        catch-up sync), except what we already read on another device, which is *history*: when
        this answer carries our own read receipt, every gap event up to the one it points at (all
        of them, if it points into this answer's timeline) is history. At most ``MAX_GAP_PAGES``
        pages are read;
        a gap still open after them is left (logged) — the core's backfill pages back from the
        oldest stored message, so it does not reach that hole.
        """
        rooms = cv.get_dict(body, "rooms") or {}
        for room_id, data in (cv.get_dict(rooms, "join") or {}).items():
            if not isinstance(data, dict):
                continue
            timeline = cv.get_dict(data, "timeline") or {}
            prev_batch = cv.get_str(timeline, "prev_batch")
            if timeline.get("limited") is not True or not prev_batch:
                continue
            last_seen = await self.ctx.state.get(STATE_LAST_EVENT + room_id)
            if not last_seen:
                continue
            events = cv.get_list(timeline, "events") or []
            if any(isinstance(e, dict) and e.get("event_id") == last_seen for e in events):
                continue
            try:
                await self._fill_gap(room_id, data, prev_batch, last_seen)
            except asyncio.CancelledError:
                raise
            except Exception:
                self.log.exception("could not fill the gap in %s", room_id)
                self.ctx.report(f.BadInput("matrix gap", room_id))

    async def _fill_gap(
        self, room_id: str, data: dict[str, Any], prev_batch: str, last_seen: str
    ) -> None:
        assert self._http is not None
        room = self._room(room_id)
        for event in cv.events_of(data.get("state")):
            room.remember_name(event)
        read_up_to: str | None = None
        for event in cv.events_of(data.get("ephemeral")):
            if cv.get_str(event, "type") == "m.receipt":
                read_up_to = cv.own_receipt(event, self.own_id) or read_up_to
        newest_first: list[dict[str, Any]] = []
        token, closed = prev_batch, False
        for _ in range(MAX_GAP_PAGES):
            reply = await self._http.request(
                "GET",
                f"{V3}/rooms/{q(room_id)}/messages",
                query={
                    "dir": "b",
                    "from": token,
                    "limit": GAP_PAGE_SIZE,
                    "filter": json.dumps(HISTORY_FILTER, separators=(",", ":")),
                },
                timeout=60,
            )
            if not reply.ok:
                self.log.info("gap of %s not filled: %s", room_id, reply.failure().message)
                break
            for event in cv.events_of({"events": reply.body.get("state")}):
                room.remember_name(event)
            for event in cv.get_list(reply.body, "chunk") or []:
                if isinstance(event, dict) and event.get("event_id") == last_seen:
                    closed = True
                    break
                if isinstance(event, dict):
                    newest_first.append(event)
            end = cv.get_str(reply.body, "end")
            if closed or not end or end == token:
                closed = closed or not end
                break
            token = end
        if not closed:
            self.log.info("the gap of %s is longer than %d pages", room_id, MAX_GAP_PAGES)
        gap = list(reversed(newest_first))
        timeline_ids = {
            e.get("event_id")
            for e in cv.get_list(cv.get_dict(data, "timeline") or {}, "events") or []
            if isinstance(e, dict)
        }
        gap_ids = [e.get("event_id") for e in gap]
        if read_up_to is not None and read_up_to in timeline_ids:
            read_count = len(gap)
        elif read_up_to is not None and read_up_to in gap_ids:
            read_count = gap_ids.index(read_up_to) + 1
        else:
            read_count = 0
        report = self.ctx.report
        for index, event in enumerate(gap):
            if isinstance(event.get("state_key"), str):
                continue
            history = index < read_count
            opened = self._open(room_id, event)
            converted = self._convert(opened, self._room_context(room, history=history))
            if converted is None:
                report(f.BadInput("matrix room event", _event_label(event)))
                continue
            for fact in self._track(converted, opened):
                report(fact)

    # -- encryption: events ----------------------------------------------------------------------

    def _open(self, room_id: str, event: object) -> object:
        """An ``m.room.encrypted`` event decrypted (its trust noted), or left as it is with a note
        saying why it cannot be read. Other events pass through."""
        if not isinstance(event, dict) or event.get("type") != "m.room.encrypted":
            return event
        event_id = cv.get_str(event, "event_id")
        if event_id is None:
            return event
        if self._e2e is None:
            self._notes[event_id] = (Trust.UNDECRYPTABLE, NO_E2E_BODY)
            return event
        result = self._e2e.decrypt(room_id, event)
        if isinstance(result, e2e.Decrypted):
            self._notes[event_id] = (result.trust, None)
            return result.event
        self._notes[event_id] = (Trust.UNDECRYPTABLE, result.body)
        return event

    def _convert(self, event: object, ctx: cv.RoomContext) -> list[f.Fact] | None:
        """:func:`convert.convert_event` with the trust (and placeholder) of decrypted events."""
        converted = cv.convert_event(event, ctx)
        event_id = cv.get_str(event, "event_id") if isinstance(event, dict) else None
        note = self._notes.pop(event_id, None) if event_id else None
        if converted is None or note is None:
            return converted
        trust, body = note
        out: list[f.Fact] = []
        for fact in converted:
            if isinstance(fact, f.MessageReceived) and fact.remote_id == event_id:
                out.append(dataclasses.replace(fact, trust=trust, body=body or fact.body))
            else:
                out.append(fact)
        return out

    def _report_late_keys(self) -> None:
        """Messages whose Megolm key arrived after them: their content replaces the placeholder
        (:class:`~app.facts.MessageDecrypted`); edits and reactions are reported as themselves."""
        if self._e2e is None:
            return
        report = self.ctx.report
        for room_id, events in self._e2e.ready_sessions():
            room = self._room(room_id)
            ctx = self._room_context(room, history=False)
            for raw in events:
                event_id = cv.get_str(raw, "event_id") or ""
                result = self._e2e.decrypt(room_id, raw)
                if not isinstance(result, e2e.Decrypted):
                    report(f.MessageDecrypted(room_id, event_id, result.body, Trust.UNDECRYPTABLE))
                    continue
                converted = cv.convert_event(result.event, ctx)
                if converted is None:
                    report(f.BadInput("matrix room event", _event_label(raw)))
                    continue
                for fact in self._track(converted, result.event):
                    if (
                        isinstance(fact, f.MessageReceived)
                        and fact.remote_id == event_id
                        and fact.replaces is None
                    ):
                        report(
                            f.MessageDecrypted(
                                room_id,
                                event_id,
                                fact.body,
                                result.trust,
                                html=fact.html,
                                kind=fact.kind,
                                attachments=fact.attachments,
                                reply_to=fact.reply_to,
                            )
                        )
                    elif isinstance(fact, f.MessageReceived):
                        report(dataclasses.replace(fact, trust=result.trust))
                    else:
                        report(fact)

    def _room_members(self, room_id: str) -> set[str]:
        """Who takes part in a room as far as we know (nio's list once synced, else ours)."""
        members: set[str] = set()
        nio_room = self._client.rooms.get(room_id) if self._client is not None else None
        if nio_room is not None:
            members.update(nio_room.users)
        room = self._rooms.get(room_id)
        if room is not None:
            members.update(u for u, i in room.members.items() if i.membership in ("join", "invite"))
        return members

    def _update_trust(self) -> None:
        """Report the trust of encrypted conversations whose answer changed."""
        if self._e2e is None:
            return
        # nio's store remembers which rooms are encrypted: after a restart a resumed sync rarely
        # repeats a room's state, yet its trust can change (cross-signing) once members are known.
        known = getattr(self._client, "encrypted_rooms", None) or ()
        for room_id, room in list(self._rooms.items()):
            members = self._room_members(room_id)
            if not room.encrypted and (room_id not in known or not members - {self.own_id}):
                continue
            trust = self._e2e.users_trust(members)
            if self._room_trust.get(room_id) is not trust:
                self._room_trust[room_id] = trust
                self.ctx.report(
                    f.ConversationUpdated(room_id, self._kind(room_id), encrypted=True, trust=trust)
                )

    # -- encryption: sending -----------------------------------------------------------------------

    async def _is_encrypted(self, room_id: str) -> bool | Failure:
        """Whether a room is encrypted; asks the server when this session has not seen its state
        (never send plain text into a room only because we did not look)."""
        room = self._rooms.get(room_id)
        if room is not None and room.encrypted is not None:
            return room.encrypted
        if self._client is not None and room_id in getattr(self._client, "encrypted_rooms", ()):
            return True
        if room_id in self._encrypted_cache:
            return self._encrypted_cache[room_id]
        assert self._http is not None
        reply = await self._http.request(
            "GET", f"{V3}/rooms/{q(room_id)}/state/m.room.encryption/", timeout=30
        )
        if reply.ok:
            encrypted = bool(cv.get_str(reply.body, "algorithm"))
        elif reply.status == 404:
            encrypted = False
        else:
            return reply.failure()
        self._encrypted_cache[room_id] = encrypted
        return encrypted

    async def _prepare_room(self, room_id: str) -> Failure | None:
        """Make nio ready to send to a room: it must know the room, whether it is encrypted and,
        if so, every joined and invited member (whose devices get the Megolm key)."""
        encrypted = await self._is_encrypted(room_id)
        if isinstance(encrypted, Failure):
            return encrypted
        if self._e2e is None:
            if encrypted:
                return Failure(
                    FailureKind.UNSUPPORTED,
                    "This room is end-to-end encrypted, and encryption support (matrix-nio[e2e]) "
                    "is not installed.",
                )
            return None
        client = self._client
        nio_room = client.rooms.get(room_id)
        if nio_room is None:
            nio_room = client.rooms[room_id] = nio.MatrixRoom(room_id, self.own_id, encrypted)
        if not encrypted:
            return None
        nio_room.encrypted = True
        client.encrypted_rooms.add(room_id)
        if not nio_room.members_synced:
            failure = await self._load_members_for_keys(nio_room)
            if failure is not None:
                return failure
        return None

    async def _load_members_for_keys(self, nio_room: Any) -> Failure | None:
        assert self._http is not None
        reply = await self._http.request(
            "GET",
            f"{V3}/rooms/{q(nio_room.room_id)}/members",
            query={"not_membership": "leave"},
            timeout=60,
        )
        if not reply.ok:
            return reply.failure()
        for event in cv.events_of({"events": reply.body.get("chunk")}):
            user = cv.get_str(event, "state_key")
            content = cv.get_dict(event, "content") or {}
            membership = cv.get_str(content, "membership")
            if user is None or membership not in ("join", "invite"):
                continue
            if user not in nio_room.users:
                nio_room.add_member(
                    user,
                    cv.get_str(content, "displayname"),
                    cv.get_str(content, "avatar_url"),
                    membership == "invite",
                )
        nio_room.members_synced = True
        self._client.olm.update_tracked_users(nio_room)
        if self._client.should_query_keys:
            await self._http.call(self._client.keys_query())
        return None

    # -- encryption: verification ------------------------------------------------------------------

    def _handle_verification_events(self, body: dict[str, Any]) -> None:
        if self._verifications is None or self._e2e is None:
            return
        for event in cv.events_of(body.get("to_device")):
            etype = cv.get_str(event, "type") or ""
            sender = cv.get_str(event, "sender")
            content = cv.get_dict(event, "content")
            if not etype.startswith("m.key.verification.") or sender is None or content is None:
                continue
            device = content.get("from_device")
            if isinstance(device, str) and self._e2e.device(sender, device) is None:
                self._client.olm.users_for_key_query.add(sender)  # its key is needed for the MAC
            if self._cross is not None and not self._cross.book.knows(sender):
                self._cross.wanted[sender] = None  # their master key too (cross-signing)
            try:
                flow, out = self._verifications.handle(etype, sender, content)
            except Exception:
                self.log.exception("bad verification message from %s", sender)
                self.ctx.report(f.BadInput("matrix verification message", etype))
                continue
            self._to_send.extend(out)
            if flow is not None:
                self.ctx.report(f.VerificationChanged(flow.snapshot()))
        self._apply_verified()

    def _apply_verified(self) -> None:
        """Devices a finished SAS proved: trusted in nio's store (and outbound keys re-shared)."""
        if self._verifications is None or self._e2e is None:
            return
        verified, self._verifications.verified = self._verifications.verified, []
        for user_id, device_id in verified:
            device = self._e2e.device(user_id, device_id)
            if device is not None:
                self._e2e.verify(device)
                self.log.info("verified device %s of %s", device_id, user_id)
            if user_id == self.own_id:
                self._own_devices_verified.append(device_id)
        if verified:
            self._update_trust()

    async def _guarded(self, step: Awaitable[object], what: str) -> None:
        """Run an encryption side step; a bug in it is logged and costs only that step."""
        try:
            await step
        except asyncio.CancelledError:
            raise
        except Exception:
            self.log.exception("%s failed", what)

    async def _cross_signing_step(self, changed: list[str]) -> None:
        """Set up our cross-signing keys once per session; keep others' current (their device
        lists changed, or a trust question needed them)."""
        cross = self._cross
        if cross is None:
            return
        if not cross.set_up and self._cross_attempts < MAX_CROSS_SIGNING_ATTEMPTS:
            self._cross_attempts += 1
            failure = await cross.set_up_keys()
            if failure is not None:
                self.log.info("cross-signing not set up: %s", failure.message)
                if not failure.retryable:
                    self._cross_attempts = MAX_CROSS_SIGNING_ATTEMPTS
            if failure is None or self._cross_attempts >= MAX_CROSS_SIGNING_ATTEMPTS:
                self.cross_signing_checked.set()
        listed = self._e2e.take_changed_users() if self._e2e is not None else set()
        users = set(changed) | set(cross.wanted) | {u for u in listed if cross.book.knows(u)}
        if users:
            await cross.refresh(users)

    async def _after_verifications(self) -> None:
        """What SAS proved, signed: a person's master key (user-signing key), our own other
        devices (self-signing key) — so the trust reaches every device of ours and theirs."""
        if self._cross is None or self._verifications is None:
            return
        masters, self._verifications.masters_verified = self._verifications.masters_verified, []
        own, self._own_devices_verified = self._own_devices_verified, []
        for user_id, master in masters:
            await self._cross.master_verified(user_id, master)
        for device_id in own:
            await self._cross.sign_own_device(device_id)
        if masters or own:
            self._update_trust()

    async def _flush_to_device(self) -> None:
        pending, self._to_send = self._to_send, []
        for message in pending:
            await self._send_to_device(
                message.type, {message.user: dict.fromkeys(message.devices, message.content)}
            )

    async def _send_to_device(
        self, event_type: str, messages: dict[str, dict[str, Any]]
    ) -> Failure | None:
        assert self._http is not None
        path = f"{V3}/sendToDevice/{q(event_type)}/{uuid.uuid4().hex}"
        reply = await self._http.request("PUT", path, body={"messages": messages}, timeout=30)
        if not reply.ok:
            self.log.info("to-device %s not sent: %s", event_type, reply.failure().message)
            return reply.failure()
        return None

    def _e2e_ready(self) -> Failure | None:
        if not self._connected():
            return _not_connected()
        if self._e2e is None or self._verifications is None:
            return Failure(
                FailureKind.UNSUPPORTED,
                "End-to-end encryption support (matrix-nio[e2e]) is not installed.",
            )
        return None

    async def _query_devices(self, user_id: str) -> Failure | None:
        """Make sure nio has ``user_id``'s device list (a key query if it never asked)."""
        olm = self._client.olm
        queried = False
        if user_id not in olm.tracked_users or user_id in olm.users_for_key_query:
            olm.users_for_key_query.add(user_id)
            assert self._http is not None
            _resp, failure = await self._http.call(self._client.keys_query())
            if failure is not None:
                return failure
            queried = True
        if self._cross is not None and (queried or not self._cross.book.knows(user_id)):
            await self._cross.refresh([user_id])  # cross-signing keys: nio drops them
        return None

    async def devices(self, contact: str) -> tuple[Device, ...] | Failure:
        """``contact``'s devices (ours with our own id) and how far we trust each."""
        failure = self._e2e_ready()
        if failure is not None:
            return failure
        if cv.parse_user_id(contact) is None:
            return Failure(FailureKind.CONFIG, "A Matrix ID looks like @name:example.org.")
        failure = await self._query_devices(contact)
        if failure is not None:
            return failure
        found = [
            Device(
                contact=contact,
                device_id=str(d.id),
                display_name=str(d.display_name or ""),
                fingerprint=e2e.fingerprint(str(d.ed25519)),
                trust=self._e2e.device_trust(d),
            )
            for d in self._e2e.devices_of(contact)
        ]
        if contact == self.own_id:
            found.insert(
                0,
                Device(
                    contact=contact,
                    device_id=str(self._client.device_id),
                    display_name=f"{DEVICE_NAME} (this device)",
                    fingerprint=e2e.fingerprint(self._e2e.ed25519),
                    trust=DeviceTrust.VERIFIED,
                ),
            )
        return tuple(found)

    async def start_verification(self, contact: str, device_id: str = "") -> Outcome:
        """SAS with one device of ``contact`` (started at once, as every client understands), or
        a request to all of them (``m.key.verification.request``; the first to answer wins)."""
        failure = self._e2e_ready()
        if failure is not None:
            return Outcome(failure)
        failure = await self._query_devices(contact)
        if failure is not None:
            return Outcome(failure)
        if self._cross is not None:
            await self._cross.refresh([contact])  # their master key, for the MAC check
        mine = str(self._client.device_id)
        known = [str(d.id) for d in self._e2e.devices_of(contact) if str(d.id) != mine]
        if device_id:
            if device_id not in known:
                return Outcome(
                    Failure(FailureKind.REJECTED, f"{contact} has no device {device_id}.")
                )
            flow, out = self._verifications.start_direct(contact, device_id)
        else:
            if not known:
                return Outcome(Failure(FailureKind.REJECTED, f"{contact} has no device to verify."))
            flow, out = self._verifications.request(contact, tuple(known))
        self._to_send.extend(out)
        await self._flush_to_device()
        self.ctx.report(f.VerificationChanged(flow.snapshot()))
        return Outcome(value=flow.id)

    async def _verification_step(self, flow_id: str, out: list[Any]) -> Outcome:
        flow = self._verifications.flows.get(flow_id)
        if flow is None:
            return Outcome(Failure(FailureKind.REJECTED, "No such verification."))
        self._to_send.extend(out)
        await self._flush_to_device()
        self._apply_verified()
        await self._guarded(self._after_verifications(), "signing after verification")
        self.ctx.report(f.VerificationChanged(flow.snapshot()))
        return Outcome(value=flow.id)

    async def accept_verification(self, verification_id: str) -> Outcome:
        failure = self._e2e_ready()
        if failure is not None:
            return Outcome(failure)
        out = self._verifications.accept(verification_id)
        return await self._verification_step(verification_id, out)

    async def confirm_verification(self, verification_id: str, match: bool) -> Outcome:
        failure = self._e2e_ready()
        if failure is not None:
            return Outcome(failure)
        out = self._verifications.confirm(verification_id, match)
        return await self._verification_step(verification_id, out)

    async def cancel_verification(self, verification_id: str) -> Outcome:
        failure = self._e2e_ready()
        if failure is not None:
            return Outcome(failure)
        out = self._verifications.cancel(verification_id)
        return await self._verification_step(verification_id, out)

    # -- encryption: key backup ------------------------------------------------------------------

    async def create_key_backup(self) -> Outcome:
        """Start a server-side key backup; ``Outcome.value`` is the recovery key (shown once).

        Every Megolm session this device has is uploaded now, new ones after each sync."""
        failure = self._e2e_ready()
        if failure is not None or self._backup is None:
            return Outcome(failure or _not_connected())
        outcome: Outcome = await self._backup.create()
        return outcome

    async def restore_key_backup(self, recovery_key: str) -> Outcome:
        """Import the keys of the server's backup (``Outcome.value``: how many were new); the
        messages waiting for them are decrypted in place. A wrong key is a Failure."""
        failure = self._e2e_ready()
        if failure is not None or self._backup is None:
            return Outcome(failure or _not_connected())
        outcome: Outcome
        outcome, imported = await self._backup.restore(recovery_key)
        if imported:
            self._report_late_keys()
            self._update_trust()
        return outcome

    # -- capabilities ------------------------------------------------------------------------

    def capabilities(self, conv: ConversationId | None = None) -> Capability:
        caps = BASE_CAPABILITIES | (
            Capability.ENCRYPTION if self._e2e is not None else Capability.NONE
        )
        if conv is None:
            return caps
        room = self._rooms.get(conv.native_id)
        if room is None:
            return caps
        for action, flag in (
            ("kick", Capability.KICK),
            ("ban", Capability.BAN),
            ("invite", Capability.INVITE),
            ("m.room.topic", Capability.TOPIC),
        ):
            if not room.can(self.own_id, action):
                caps &= ~flag
        return caps

    # -- sending ----------------------------------------------------------------------------

    def _connected(self) -> bool:
        return self._client is not None and self._http is not None and not self._closing

    async def _target_room(self, native_id: str) -> str | Failure:
        """A room id for a conversation id; a user id means "our direct chat with them"."""
        if not native_id.startswith("@"):
            return native_id
        outcome = await self.open_direct(native_id)
        if outcome.failure is not None or not outcome.value:
            return outcome.failure or Failure(FailureKind.PROTOCOL, "No direct chat.")
        return outcome.value

    async def _room_send(
        self, room_id: str, event_type: str, content: dict[str, Any], txn_id: str
    ) -> SendResult:
        """Send one event; in an encrypted room nio shares the Megolm key with every device of
        the members first (unverified ones too, as Element does: trust is shown, not enforced)."""
        assert self._http is not None
        failure = await self._prepare_room(room_id)
        if failure is not None:
            return SendResult(failure=failure)
        try:
            resp, failure = await self._http.call(
                self._client.room_send(
                    room_id, event_type, content, tx_id=txn_id, ignore_unverified_devices=True
                )
            )
        except (nio.LocalProtocolError, nio.EncryptionError, nio.SendRetryError) as exc:
            self.log.warning("could not encrypt for %s: %s", room_id, exc)
            return SendResult(
                failure=Failure(
                    FailureKind.PROTOCOL,
                    f"The message could not be encrypted: {exc}",
                    retryable=True,
                )
            )
        if failure is not None:
            if failure.kind is FailureKind.NETWORK:
                # The request may or may not have reached the server; the core resends with the
                # same txn id on the next connection, which the server recognises.
                self._lost(failure.message)
            return SendResult(failure=failure)
        return SendResult(remote_id=str(resp.event_id))

    async def send_message(self, conv: ConversationId, msg: OutgoingMessage) -> SendResult:
        if not self._connected():
            return SendResult(failure=_not_connected())
        room_id = await self._target_room(conv.native_id)
        if isinstance(room_id, Failure):
            return SendResult(failure=room_id)
        if not msg.attachments:
            content = cv.text_content(msg.body, kind=msg.kind, html=msg.html, reply_to=msg.reply_to)
            return await self._room_send(room_id, "m.room.message", content, msg.txn_id)
        first: SendResult | None = None
        for i, attachment in enumerate(msg.attachments):
            caption = msg.body if i == 0 and msg.body != attachment.filename else ""
            content = cv.media_content(self._with_size(attachment), caption)
            if msg.reply_to and i == 0:
                content["m.relates_to"] = {"m.in_reply_to": {"event_id": msg.reply_to}}
            txn = msg.txn_id if i == 0 else f"{msg.txn_id}.{i}"
            result = await self._room_send(room_id, "m.room.message", content, txn)
            if result.failure is not None:
                return result
            first = first or result
        assert first is not None
        return first

    def _with_size(self, attachment: Attachment) -> Attachment:
        size = self._image_sizes.get(attachment.url)
        if size is None or attachment.width is not None:
            return attachment
        return Attachment(
            url=attachment.url,
            filename=attachment.filename,
            mime_type=attachment.mime_type,
            size=attachment.size,
            width=size[0],
            height=size[1],
            thumbnail_url=attachment.thumbnail_url,
        )

    async def edit_message(
        self, conv: ConversationId, target_remote_id: str, msg: OutgoingMessage
    ) -> SendResult:
        if not self._connected():
            return SendResult(failure=_not_connected())
        content = cv.edit_content(target_remote_id, msg.body, kind=msg.kind, html=msg.html)
        return await self._room_send(conv.native_id, "m.room.message", content, msg.txn_id)

    async def react(
        self, conv: ConversationId, target_remote_id: str, keys: tuple[str, ...]
    ) -> Outcome:
        """Make our reactions on a message exactly ``keys``: send the new ones, redact the rest."""
        if not self._connected():
            return Outcome(_not_connected())
        mine = await self._own_reactions(conv.native_id, target_remote_id)
        if isinstance(mine, Failure):
            return Outcome(mine)
        for key in dict.fromkeys(keys):
            if key in mine:
                continue
            content = cv.reaction_content(target_remote_id, key)
            result = await self._room_send(conv.native_id, "m.reaction", content, uuid.uuid4().hex)
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
        assert self._http is not None
        mine: dict[str, str] = {}
        path = f"{V1}/rooms/{q(room_id)}/relations/{q(target)}/m.annotation/m.reaction"
        query: dict[str, str | int] = {"limit": 100}
        for _ in range(50):
            reply = await self._http.request("GET", path, query=query, timeout=30)
            if not reply.ok:
                return reply.failure()
            for event in cv.get_list(reply.body, "chunk") or []:
                if not isinstance(event, dict) or cv.get_str(event, "sender") != self.own_id:
                    continue
                header = cv.event_header(event, self.log)
                reaction = cv.reaction_of(header, room_id, self.log) if header else None
                if header is not None and reaction is not None:
                    mine.setdefault(reaction.key, header.event_id)
            token = cv.get_str(reply.body, "next_batch")
            if not token:
                break
            query["from"] = token
        return mine

    async def retract(self, conv: ConversationId, target_remote_id: str) -> Outcome:
        if not self._connected():
            return Outcome(_not_connected())
        assert self._http is not None
        path = f"{V3}/rooms/{q(conv.native_id)}/redact/{q(target_remote_id)}/{uuid.uuid4().hex}"
        reply = await self._http.request("PUT", path, body={}, timeout=30)
        return Outcome() if reply.ok else Outcome(reply.failure())

    # -- receipts, typing, presence ------------------------------------------------------------

    async def send_read_marker(self, conv: ConversationId, remote_id: str) -> None:
        if not self._connected():
            return
        assert self._http is not None
        reply = await self._http.request(
            "POST",
            f"{V3}/rooms/{q(conv.native_id)}/read_markers",
            body={"m.fully_read": remote_id, "m.read": remote_id},
            timeout=30,
        )
        if not reply.ok:
            self.log.info("read marker not sent: %s", reply.failure().message)

    async def send_typing(self, conv: ConversationId, typing: bool) -> None:
        if not self._connected():
            return
        assert self._http is not None
        body: dict[str, Any] = {"typing": typing}
        if typing:
            body["timeout"] = 30_000
        reply = await self._http.request(
            "PUT",
            f"{V3}/rooms/{q(conv.native_id)}/typing/{q(self.own_id)}",
            body=body,
            timeout=30,
        )
        if not reply.ok:
            self.log.info("typing notice not sent: %s", reply.failure().message)

    async def set_presence(self, presence: Presence) -> Outcome:
        if not self._connected():
            return Outcome(_not_connected())
        assert self._http is not None
        state = cv.presence_to_matrix(presence)
        body: dict[str, Any] = {"presence": state}
        if presence.status:
            body["status_msg"] = presence.status
        # Before the request: a sync starting meanwhile must not flip it back to "online".
        before, self._presence = self._presence, state
        reply = await self._http.request(
            "PUT", f"{V3}/presence/{q(self.own_id)}/status", body=body, timeout=30
        )
        if not reply.ok:
            self._presence = before
            return Outcome(reply.failure())
        return Outcome()

    # -- rooms ---------------------------------------------------------------------------------

    async def _membership(self, room_id: str, action: str, body: dict[str, Any]) -> Reply:
        assert self._http is not None
        return await self._http.request(
            "POST", f"{V3}/rooms/{q(room_id)}/{action}", body=body, timeout=30
        )

    async def join(self, room: str, nick: str = "", password: str = "") -> Outcome:
        """Join by room id or alias (``#room:server``); ``Outcome.value`` is the room id."""
        if not self._connected():
            return Outcome(_not_connected())
        assert self._http is not None
        target = room.strip()
        if not target or target[0] not in "!#":
            return Outcome(
                Failure(FailureKind.CONFIG, "A room is named #alias:server or !id:server.")
            )
        reply = await self._http.request("POST", f"{V3}/join/{q(target)}", body={}, timeout=60)
        if not reply.ok:
            return Outcome(reply.failure())
        room_id = cv.get_str(reply.body, "room_id") or target
        self._joined.add(room_id)
        invite = self._invites.pop(room_id, None)
        if invite is not None and invite.kind is ConversationKind.DIRECT:
            await self._add_direct(invite.inviter, room_id)
        self.ctx.report(f.ConversationUpdated(room_id, self._kind(room_id), joined=True))
        return Outcome(value=room_id)

    async def answer_invite(self, conv: ConversationId, accept: bool) -> Outcome:
        if accept:
            return await self.join(conv.native_id)
        if not self._connected():
            return Outcome(_not_connected())
        reply = await self._membership(conv.native_id, "leave", {})
        if not reply.ok:
            return Outcome(reply.failure())
        self._invites.pop(conv.native_id, None)
        self.ctx.report(f.ConversationLeft(conv.native_id, "Invitation declined"))
        return Outcome()

    async def leave(self, conv: ConversationId, reason: str = "") -> Outcome:
        if not self._connected():
            return Outcome(_not_connected())
        reply = await self._membership(
            conv.native_id, "leave", {"reason": reason} if reason else {}
        )
        if not reply.ok:
            return Outcome(reply.failure())
        self._rooms.pop(conv.native_id, None)
        self._joined.discard(conv.native_id)
        self.ctx.report(f.ConversationLeft(conv.native_id))
        return Outcome()

    async def create_room(self, name: str, *, public: bool = False) -> Outcome:
        """A new group room; public rooms are joinable by anyone and listed in the directory."""
        body: dict[str, Any] = {
            "name": name,
            "preset": "public_chat" if public else "private_chat",
            "visibility": "public" if public else "private",
        }
        if self._e2e is not None and not public:
            body["initial_state"] = [ENCRYPTION_STATE]  # private rooms too, as in Element
        outcome = await self._create(body)
        if outcome.ok and outcome.value:
            self._room(outcome.value).encrypted = "initial_state" in body
            self.ctx.report(
                f.ConversationUpdated(
                    outcome.value,
                    ConversationKind.GROUP,
                    title=name,
                    joined=True,
                    encrypted="initial_state" in body,
                )
            )
        return outcome

    async def room_directory(
        self, query: str = "", limit: int = 500
    ) -> tuple[RoomListing, ...] | Failure:
        """The homeserver's public room directory (``/publicRooms``), searched by the server
        (names, topics, aliases), largest rooms first as the server orders them."""
        if not self._connected():
            return _not_connected()
        assert self._http is not None
        body: dict[str, Any] = {"limit": limit}
        if query:
            body["filter"] = {"generic_search_term": query}
        reply = await self._http.request("POST", f"{V3}/publicRooms", body=body, timeout=30)
        if not reply.ok:
            return reply.failure()
        return tuple(cv.public_rooms(reply.body)[:limit])

    def _existing_direct(self, user_id: str) -> str | None:
        """A room of m.direct with ``user_id`` that we are still in: seen in this session's sync,
        or listed by ``/joined_rooms`` at connect (a resumed sync only names rooms with news, so
        relying on sync alone would make a new DM every session)."""
        candidates = [r for r, other in self._direct.items() if other == user_id]
        for room_id in candidates:
            if room_id in self._rooms:
                return room_id
        for room_id in candidates:
            if room_id in self._joined:
                return room_id
        return None

    async def open_direct(self, user_id: str) -> Outcome:
        """Our direct chat with ``user_id`` (from m.direct), created and invited if there is none."""
        if not self._connected():
            return Outcome(_not_connected())
        if cv.parse_user_id(user_id) is None:
            return Outcome(Failure(FailureKind.CONFIG, "A Matrix ID looks like @name:example.org."))
        existing = self._existing_direct(user_id)
        if existing is not None:
            return Outcome(value=existing)
        body: dict[str, Any] = {
            "preset": "trusted_private_chat",
            "is_direct": True,
            "invite": [user_id],
        }
        if self._e2e is not None:
            body["initial_state"] = [ENCRYPTION_STATE]  # DMs are encrypted, as in Element
        outcome = await self._create(body)
        if outcome.ok and outcome.value:
            self._direct[outcome.value] = user_id  # before the sync can report it as a group
            await self._add_direct(user_id, outcome.value)
            self._room(outcome.value).encrypted = self._e2e is not None
            self.ctx.report(
                f.ConversationUpdated(
                    outcome.value,
                    ConversationKind.DIRECT,
                    title=cv.localpart(user_id),
                    joined=True,
                    encrypted=self._e2e is not None,
                )
            )
        return outcome

    async def _create(self, body: dict[str, Any]) -> Outcome:
        if not self._connected():
            return Outcome(_not_connected())
        assert self._http is not None
        reply = await self._http.request("POST", f"{V3}/createRoom", body=body, timeout=60)
        if not reply.ok:
            return Outcome(reply.failure())
        room_id = cv.get_str(reply.body, "room_id")
        if room_id is None:
            return Outcome(
                Failure(FailureKind.PROTOCOL, "The server did not say which room it made.")
            )
        self._joined.add(room_id)
        return Outcome(value=room_id)

    async def _add_direct(self, user_id: str, room_id: str) -> None:
        """Mark a room as our direct chat with ``user_id`` in m.direct (read, change, write)."""
        assert self._http is not None
        path = f"{V3}/user/{q(self.own_id)}/account_data/m.direct"
        reply = await self._http.request("GET", path, timeout=30)
        content: dict[str, Any] = dict(reply.body) if reply.ok else {}
        rooms = content.get(user_id)
        rooms = [r for r in rooms if isinstance(r, str)] if isinstance(rooms, list) else []
        if room_id not in rooms:
            rooms.append(room_id)
        content[user_id] = rooms
        put = await self._http.request("PUT", path, body=content, timeout=30)
        if put.ok:
            self._set_direct(cv.direct_rooms(content, self.log))
        else:
            self.log.warning("could not update m.direct: %s", put.failure().message)

    async def invite(self, conv: ConversationId, contact: str, reason: str = "") -> Outcome:
        return await self._member_action(conv, "invite", contact, reason)

    async def kick(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        return await self._member_action(conv, "kick", member, reason)

    async def ban(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        return await self._member_action(conv, "ban", member, reason)

    async def unban(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        return await self._member_action(conv, "unban", member, reason)

    async def _member_action(
        self, conv: ConversationId, action: str, user_id: str, reason: str
    ) -> Outcome:
        if not self._connected():
            return Outcome(_not_connected())
        if cv.parse_user_id(user_id) is None:
            return Outcome(Failure(FailureKind.CONFIG, "A Matrix ID looks like @name:example.org."))
        body: dict[str, Any] = {"user_id": user_id}
        if reason:
            body["reason"] = reason
        reply = await self._membership(conv.native_id, action, body)
        return Outcome() if reply.ok else Outcome(reply.failure())

    async def set_topic(self, conv: ConversationId, topic: str) -> Outcome:
        if not self._connected():
            return Outcome(_not_connected())
        assert self._http is not None
        reply = await self._http.request(
            "PUT",
            f"{V3}/rooms/{q(conv.native_id)}/state/m.room.topic/",
            body={"topic": topic},
            timeout=30,
        )
        return Outcome() if reply.ok else Outcome(reply.failure())

    async def fetch_members(self, conv: ConversationId) -> Outcome:
        """Report the complete member list with roles from power levels (lazy loading skips it).

        ``Outcome.value`` is the number of joined members.
        """
        if not self._connected():
            return Outcome(_not_connected())
        assert self._http is not None
        room_id = conv.native_id
        reply = await self._http.request(
            "GET", f"{V3}/rooms/{q(room_id)}/joined_members", timeout=60
        )
        if not reply.ok:
            return Outcome(reply.failure())
        levels = await self._http.request(
            "GET", f"{V3}/rooms/{q(room_id)}/state/m.room.power_levels/", timeout=30
        )
        room = self._room(room_id)
        if levels.ok:
            room.apply_state(
                {"type": "m.room.power_levels", "state_key": "", "content": levels.body}, self.log
            )
        joined = cv.get_dict(reply.body, "joined") or {}
        for user_id, info in joined.items():
            if not isinstance(info, dict):
                continue
            room.apply_state(
                {
                    "type": "m.room.member",
                    "state_key": user_id,
                    "content": {
                        "membership": "join",
                        "displayname": info.get("display_name"),
                        "avatar_url": info.get("avatar_url"),
                    },
                },
                self.log,
            )
        members = tuple(
            m for m in (room.member(self.ctx.account_id, u) for u in joined) if m is not None
        )
        self.ctx.report(f.MembersChanged(room_id, members, complete=True))
        return Outcome(value=str(len(members)))

    def room_avatar(self, conv: ConversationId) -> str | None:
        """The room's avatar (an ``mxc://`` URL) as far as this session knows; fetch with
        :meth:`fetch_thumbnail`. (The core has no avatar field yet.)"""
        room = self._rooms.get(conv.native_id)
        return (room.avatar_url or None) if room else None

    # -- history ---------------------------------------------------------------------------------

    async def fetch_history(
        self, conv: ConversationId, before_remote_id: str | None, limit: int
    ) -> Outcome:
        """Backfill with ``/messages``: report up to ``limit`` older events (``history=True``)."""
        if not self._connected():
            return Outcome(_not_connected())
        assert self._http is not None
        room_id = conv.native_id
        room = self._room(room_id)
        token: str | None = None
        if before_remote_id:
            token = self._history_tokens.get((room_id, before_remote_id))
            if token is None:
                reply = await self._http.request(
                    "GET",
                    f"{V3}/rooms/{q(room_id)}/context/{q(before_remote_id)}",
                    query={"limit": 0},
                    timeout=30,
                )
                if not reply.ok:
                    return Outcome(reply.failure())
                token = cv.get_str(reply.body, "start")
                if token is None:
                    return Outcome(Failure(FailureKind.PROTOCOL, "The server gave no position."))
        else:
            token = room.prev_batch
        task = f"history:{room_id}"
        label = "Loading older messages"
        self.ctx.report(f.Progress(task, label, 0, None))
        reported = 0
        end: str | None = token
        oldest: str | None = None
        # Pages without messages (only state events, an empty chunk the server still gives an
        # ``end`` for) show nothing: keep going, so the core's "oldest message" moves. Only a
        # missing ``end`` token is the start of the room (spec: /messages "end" absent = no more).
        for _ in range(MAX_HISTORY_PAGES):
            query: dict[str, str | int] = {
                "dir": "b",
                "limit": max(1, limit),
                "filter": json.dumps(HISTORY_FILTER, separators=(",", ":")),
            }
            if end:
                query["from"] = end
            reply = await self._http.request(
                "GET", f"{V3}/rooms/{q(room_id)}/messages", query=query, timeout=60
            )
            if not reply.ok:
                self.ctx.report(f.Progress(task, label, reported, reported))
                return Outcome(reply.failure())
            for event in cv.events_of({"events": reply.body.get("state")}):
                room.remember_name(event)
            chunk = cv.get_list(reply.body, "chunk") or []
            oldest, count = self._report_history(room, list(reversed(chunk)))
            reported += count
            previous, end = end, cv.get_str(reply.body, "end")
            if end is not None and end == previous:
                end = None  # the server did not move: treat it as the start, never loop
            if oldest is not None and end:
                self._history_tokens[(room_id, oldest)] = end
            if not end or oldest is not None:
                break
        if oldest is None and end:
            # Left after pages without messages: the core will ask again from the same message,
            # so the next call must start where this one stopped, not where it started.
            if before_remote_id:
                self._history_tokens[(room_id, before_remote_id)] = end
            else:
                room.prev_batch = end
        self.ctx.report(f.Progress(task, label, reported, reported))
        return Outcome(value=None if end else "end")

    def _report_history(self, room: RoomState, events: list[object]) -> tuple[str | None, int]:
        """Report one page, oldest first: messages with their latest edit, then reactions.

        Returns the event id of the oldest message reported (if any) and how many were.
        """
        ctx = self._room_context(room, history=True)
        report = self.ctx.report
        reactions: list[f.ReactionChanged] = []
        seen: set[str] = set()
        oldest: str | None = None
        orphans = self._orphan_reactions
        for raw in events:
            event = self._open(room.room_id, raw)
            converted = self._convert(event, ctx)
            if converted is None:
                report(f.BadInput("matrix room event", _event_label(event)))
                continue
            for fact in self._track(converted, event):
                if isinstance(fact, f.MessageReceived) and fact.replaces is not None:
                    continue  # edits come bundled with their original (below)
                if isinstance(fact, f.ReactionChanged):
                    reactions.append(fact)
                    continue
                report(fact)
                if isinstance(fact, f.MessageReceived) and fact.remote_id:
                    seen.add(fact.remote_id)
                    oldest = oldest or fact.remote_id
                    edit = self._bundled_edit(event, ctx)
                    if edit is not None:
                        report(edit)
                    for waiting in orphans.pop((room.room_id, fact.remote_id), []):
                        report(waiting)
        for reaction in reactions:
            if reaction.target_remote_id in seen or not reaction.added:
                report(reaction)
            else:  # its message is older than this page: report it when that page arrives
                queue = orphans.setdefault_new((room.room_id, reaction.target_remote_id), list)
                if len(queue) < MAX_ORPHANS_PER_TARGET:
                    queue.append(reaction)
        return oldest, len(seen)

    def _bundled_edit(self, event: object, ctx: cv.RoomContext) -> f.MessageReceived | None:
        """The latest ``m.replace`` the server bundled with an event (spec: server-side
        aggregation of edits), as an edit fact."""
        if not isinstance(event, dict):
            return None
        replacement = cv.path_dict(event, "unsigned", "m.relations", "m.replace")
        if not replacement or "content" not in replacement:
            return None
        converted = cv.convert_event(replacement, ctx) or []
        for fact in converted:
            if isinstance(fact, f.MessageReceived) and fact.replaces:
                return fact
        return None

    # -- media -------------------------------------------------------------------------------------

    async def upload(
        self, conv: ConversationId, path: Path, progress: Callable[[int, int], None]
    ) -> Outcome:
        """Upload to the media repository; ``Outcome.value`` is the ``mxc://`` URL."""
        if not self._connected():
            return Outcome(_not_connected())
        assert self._http is not None
        try:
            size = path.stat().st_size
            head = await asyncio.to_thread(_read_head, path)
        except OSError as exc:
            return Outcome(Failure(FailureKind.CONFIG, f"The file cannot be read: {exc}"))
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        encrypt = await self._upload_encrypted(conv.native_id)
        if isinstance(encrypt, Failure):
            return Outcome(encrypt)
        keys: dict[str, Any] = {}

        def provider(got_429: int, got_timeouts: int) -> AsyncIterator[bytes]:
            return _read_chunks(path, size, progress)

        async def upload() -> Any:
            resp, decryption = await self._client.upload(
                provider, content_type=mime, filename=path.name, filesize=size, encrypt=encrypt
            )
            keys.update(decryption or {})
            return resp

        resp, failure = await self._http.call(upload())
        if failure is not None:
            return Outcome(failure)
        url = str(resp.content_uri)
        if encrypt:
            url = cv.encrypted_url(url, keys)  # AES-CTR key, IV and hash travel with the URL
        dims = cv.image_size(head)
        if dims is not None:
            self._image_sizes[url] = dims
        progress(size, size)
        return Outcome(value=url)

    async def _upload_encrypted(self, native_id: str) -> bool | Failure:
        """Whether a file for this conversation must be encrypted before it leaves us."""
        if self._e2e is None:
            return False
        if native_id.startswith("@"):
            existing = self._existing_direct(native_id)
            if existing is None:
                return True  # the DM we would create is encrypted
            native_id = existing
        return await self._is_encrypted(native_id)

    async def download(
        self,
        url: str,
        dest: Path,
        progress: Callable[[int, int], None] | None = None,
        *,
        max_bytes: int | None = None,
    ) -> Outcome:
        """Fetch ``mxc://`` media to ``dest`` — only when the user shows it.

        Uses the authenticated endpoint (``/_matrix/client/v1/media/download``, spec 1.11) with the
        access token in the Authorization header; servers from before 1.11 get the legacy
        ``/_matrix/media/v3`` path. At most ``max_bytes`` (the size the message announced, when the
        caller knows it; else ``http.MAX_DOWNLOAD_BYTES``) are accepted.
        """
        return await self._media("download", url, dest, progress, {}, max_bytes=max_bytes)

    async def fetch_thumbnail(
        self, url: str, dest: Path, width: int = 320, height: int = 240
    ) -> Outcome:
        """A server-made thumbnail of ``mxc://`` media (images), scaled to fit the box."""
        query: dict[str, str | int] = {"width": width, "height": height, "method": "scale"}
        return await self._media("thumbnail", url, dest, None, query, max_bytes=THUMBNAIL_MAX_BYTES)

    async def _media(
        self,
        kind: str,
        url: str,
        dest: Path,
        progress: Callable[[int, int], None] | None,
        query: dict[str, str | int],
        *,
        max_bytes: int | None,
    ) -> Outcome:
        if not self._connected():
            return Outcome(_not_connected())
        assert self._http is not None
        url, decryption = cv.split_encrypted_url(url)
        parsed = cv.parse_mxc(url)
        if parsed is None or decryption == {}:
            return Outcome(Failure(FailureKind.CONFIG, "Not a Matrix media URL."))
        if decryption is not None:  # an encrypted thumbnail is a whole (small) file
            return await self._encrypted_media(url, dest, progress, decryption, max_bytes)
        server, media_id = parsed
        suffix = f"/{kind}/{q(server)}/{q(media_id)}"
        limit = max_bytes if max_bytes is not None else MAX_DOWNLOAD_BYTES
        reply = await self._http.download(
            MEDIA_V1 + suffix, dest, progress, query=query, max_bytes=limit
        )
        if reply.status in (404, 405) and reply.errcode in ("M_UNRECOGNIZED", ""):
            legacy_query = {**query, "allow_redirect": "true"}
            reply = await self._http.download(
                MEDIA_LEGACY + suffix, dest, progress, query=legacy_query, max_bytes=limit
            )
        if not reply.ok:
            return Outcome(reply.failure())
        return Outcome(value=str(dest))

    async def _encrypted_media(
        self,
        url: str,
        dest: Path,
        progress: Callable[[int, int], None] | None,
        decryption: dict[str, Any],
        max_bytes: int | None,
    ) -> Outcome:
        """Download the ciphertext, check its SHA-256 and decrypt it (AES-CTR) into ``dest``."""
        sealed = dest.with_name(dest.name + ".enc")
        try:
            outcome = await self._media("download", url, sealed, progress, {}, max_bytes=max_bytes)
            if not outcome.ok:
                return outcome
            try:
                await asyncio.to_thread(_decrypt_file, sealed, dest, decryption)
            except (ValueError, KeyError, TypeError, nio.EncryptionError) as exc:
                return Outcome(
                    Failure(FailureKind.PROTOCOL, f"The encrypted file is damaged: {exc}")
                )
            return Outcome(value=str(dest))
        finally:
            sealed.unlink(missing_ok=True)


def _decrypt_file(sealed: Path, dest: Path, decryption: dict[str, Any]) -> None:
    from nio.crypto import decrypt_attachment  # type: ignore[import-untyped]  # noqa: PLC0415

    plain = decrypt_attachment(
        sealed.read_bytes(),
        decryption["key"]["k"],
        decryption["hashes"]["sha256"],
        decryption["iv"],
    )
    part = dest.with_name(dest.name + ".part")
    part.write_bytes(plain)
    part.replace(dest)


def _event_label(event: object) -> str:
    if isinstance(event, dict):
        return f"{event.get('type')!s} {event.get('event_id')!s}"
    return type(event).__name__


def _read_head(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(64 * 1024)


async def _read_chunks(
    path: Path, size: int, progress: Callable[[int, int], None]
) -> AsyncIterator[bytes]:
    done = 0
    fh = await asyncio.to_thread(path.open, "rb")
    try:
        while True:
            chunk = await asyncio.to_thread(fh.read, 256 * 1024)
            if not chunk:
                break
            done += len(chunk)
            progress(done, size)
            yield chunk
    finally:
        await asyncio.to_thread(fh.close)
