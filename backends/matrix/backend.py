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
from collections.abc import AsyncIterator, Callable, Mapping
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
    SupportsPresence,
    SupportsReactions,
    SupportsReceipts,
    SupportsRetraction,
    SupportsTyping,
)
from app.models import Attachment, ConversationId, ConversationKind, Member, Presence
from backends.matrix import convert as cv
from backends.matrix.http import MatrixHttp, Reply, q
from backends.matrix.rooms import RoomState

V3 = "/_matrix/client/v3"
V1 = "/_matrix/client/v1"
MEDIA_V1 = "/_matrix/client/v1/media"  # authenticated media (spec 1.11, MSC3916)
MEDIA_LEGACY = "/_matrix/media/v3"

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
):
    """A Matrix account through matrix-nio (unencrypted rooms; E2E is the next step)."""

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
        self._invites: dict[str, f.InviteReceived] = {}
        self._reactions: collections.OrderedDict[str, f.ReactionChanged] = collections.OrderedDict()
        self._history_tokens: dict[tuple[str, str], str] = {}
        self._orphan_reactions: dict[str, dict[str, list[f.ReactionChanged]]] = {}
        self._image_sizes: dict[str, tuple[int, int]] = {}
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
        return problems

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
        store = self.ctx.data_dir / "nio-store"
        store.mkdir(parents=True, exist_ok=True, mode=0o700)
        config = nio.AsyncClientConfig(
            max_limit_exceeded=0,  # hand 429 answers back to us instead of sleeping inside nio
            max_timeouts=0,  # raise on the first timeout; the core owns retrying
            encryption_enabled=False,  # end-to-end encryption is the next issue
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
        self.homeserver = homeserver
        self._client.homeserver = homeserver
        failure = await self._sign_in(token, device)
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
        if client is not None:
            with contextlib.suppress(Exception):
                await client.close()

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
            self._process_sync(reply.body, initial=since is None, first=first)
            # Let the core queue these facts before the token moves past them (store order).
            await asyncio.sleep(0)
            await self.ctx.state.set(STATE_SINCE, next_batch)
            since = next_batch
            if first:
                first = False
                self.synced.set()

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
            if isinstance(event, dict) and isinstance(event.get("state_key"), str):
                apply_state(event)
                continue
            converted = cv.convert_event(event, ctx)
            if converted is None:
                facts.append(f.BadInput("matrix room event", _event_label(event)))
                continue
            facts.extend(self._track(converted, event))
        if power_changed:
            members.update(
                dict.fromkeys(u for u, i in room.members.items() if i.membership == "join")
            )
        upserted: list[Member] = []
        removed: list[str] = []
        for user_id in members:
            member = room.member(self.ctx.account_id, user_id)
            if member is not None:
                upserted.append(member)
            else:
                removed.append(user_id)
        if upserted or removed:
            report(f.MembersChanged(room_id, tuple(upserted), tuple(removed)))
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
            )
        )

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
        self._invites.pop(room_id, None)
        self.ctx.report(f.ConversationLeft(room_id, reason))

    # -- capabilities ------------------------------------------------------------------------

    def capabilities(self, conv: ConversationId | None = None) -> Capability:
        caps = BASE_CAPABILITIES
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

    def _encrypted_failure(self, room_id: str) -> Failure | None:
        room = self._rooms.get(room_id)
        if room is not None and room.encrypted:
            return Failure(
                FailureKind.UNSUPPORTED,
                "This room is end-to-end encrypted, which this version of Chinwag cannot send "
                "to yet.",
            )
        return None

    async def _room_send(
        self, room_id: str, event_type: str, content: dict[str, Any], txn_id: str
    ) -> SendResult:
        assert self._http is not None
        resp, failure = await self._http.call(
            self._client.room_send(room_id, event_type, content, tx_id=txn_id)
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
        failure = self._encrypted_failure(room_id)
        if failure is not None:
            return SendResult(failure=failure)
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
        failure = self._encrypted_failure(conv.native_id)
        if failure is not None:
            return SendResult(failure=failure)
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
        self.ctx.report(f.ConversationLeft(conv.native_id))
        return Outcome()

    async def create_room(self, name: str, *, public: bool = False) -> Outcome:
        """A new group room; public rooms are joinable by anyone and listed in the directory."""
        body: dict[str, Any] = {
            "name": name,
            "preset": "public_chat" if public else "private_chat",
            "visibility": "public" if public else "private",
        }
        outcome = await self._create(body)
        if outcome.ok and outcome.value:
            self.ctx.report(
                f.ConversationUpdated(
                    outcome.value, ConversationKind.GROUP, title=name, joined=True
                )
            )
        return outcome

    async def open_direct(self, user_id: str) -> Outcome:
        """Our direct chat with ``user_id`` (from m.direct), created and invited if there is none."""
        if not self._connected():
            return Outcome(_not_connected())
        if cv.parse_user_id(user_id) is None:
            return Outcome(Failure(FailureKind.CONFIG, "A Matrix ID looks like @name:example.org."))
        for room_id, other in self._direct.items():
            if other == user_id and room_id in self._rooms:
                return Outcome(value=room_id)
        outcome = await self._create(
            {"preset": "trusted_private_chat", "is_direct": True, "invite": [user_id]}
        )
        if outcome.ok and outcome.value:
            await self._add_direct(user_id, outcome.value)
            self._room(outcome.value)
            self.ctx.report(
                f.ConversationUpdated(
                    outcome.value, ConversationKind.DIRECT, title=cv.localpart(user_id), joined=True
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
        # Pages of only state events (the room's creation) show nothing: keep going, so the
        # core's "oldest message" moves and the start of the room is reached.
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
            end = cv.get_str(reply.body, "end")
            if oldest is not None and end:
                self._history_tokens[(room_id, oldest)] = end
            if not end or not chunk or oldest is not None:
                break
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
        orphans = self._orphan_reactions.setdefault(room.room_id, {})
        for event in events:
            converted = cv.convert_event(event, ctx)
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
                    for waiting in orphans.pop(fact.remote_id, []):
                        report(waiting)
        for reaction in reactions:
            if reaction.target_remote_id in seen or not reaction.added:
                report(reaction)
            else:  # its message is older than this page: report it when that page arrives
                orphans.setdefault(reaction.target_remote_id, []).append(reaction)
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

        def provider(got_429: int, got_timeouts: int) -> AsyncIterator[bytes]:
            return _read_chunks(path, size, progress)

        async def upload() -> Any:
            resp, _decryption_keys = await self._client.upload(
                provider, content_type=mime, filename=path.name, filesize=size
            )
            return resp

        resp, failure = await self._http.call(upload())
        if failure is not None:
            return Outcome(failure)
        url = str(resp.content_uri)
        dims = cv.image_size(head)
        if dims is not None:
            self._image_sizes[url] = dims
        progress(size, size)
        return Outcome(value=url)

    async def download(
        self, url: str, dest: Path, progress: Callable[[int, int], None] | None = None
    ) -> Outcome:
        """Fetch ``mxc://`` media to ``dest`` — only when the user shows it.

        Uses the authenticated endpoint (``/_matrix/client/v1/media/download``, spec 1.11) with the
        access token in the Authorization header; servers from before 1.11 get the legacy
        ``/_matrix/media/v3`` path.
        """
        return await self._media("download", url, dest, progress, {})

    async def fetch_thumbnail(
        self, url: str, dest: Path, width: int = 320, height: int = 240
    ) -> Outcome:
        """A server-made thumbnail of ``mxc://`` media (images), scaled to fit the box."""
        query: dict[str, str | int] = {"width": width, "height": height, "method": "scale"}
        return await self._media("thumbnail", url, dest, None, query)

    async def _media(
        self,
        kind: str,
        url: str,
        dest: Path,
        progress: Callable[[int, int], None] | None,
        query: dict[str, str | int],
    ) -> Outcome:
        if not self._connected():
            return Outcome(_not_connected())
        assert self._http is not None
        parsed = cv.parse_mxc(url)
        if parsed is None:
            return Outcome(Failure(FailureKind.CONFIG, "Not a Matrix media URL."))
        server, media_id = parsed
        suffix = f"/{kind}/{q(server)}/{q(media_id)}"
        reply = await self._http.download(MEDIA_V1 + suffix, dest, progress, query=query)
        if reply.status in (404, 405) and reply.errcode in ("M_UNRECOGNIZED", ""):
            legacy_query = {**query, "allow_redirect": "true"}
            reply = await self._http.download(
                MEDIA_LEGACY + suffix, dest, progress, query=legacy_query
            )
        if not reply.ok:
            return Outcome(reply.failure())
        return Outcome(value=str(dest))


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
