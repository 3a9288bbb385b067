"""Signing in: find the homeserver, reuse this device or log in, open its encryption store.

The access token and device id are kept in the keyring, so a restart continues the same device
(its keys, its since-token) instead of becoming a new one; a token the server rejected is
forgotten (and, unless it was a soft logout, the device with it). The homeserver comes from the
account's settings, from the last session, or from ``.well-known`` discovery.
"""

from __future__ import annotations

import asyncio
import ssl
from pathlib import Path
from typing import Any

import aiohttp
import nio  # type: ignore[import-untyped]

from app.backend import Failure, FailureKind, Outcome
from app.i18n import CoreMessages
from backends.matrix import convert as cv
from backends.matrix import settings as account_settings
from backends.matrix.encryption import E2E_AVAILABLE, Encryption
from backends.matrix.http import V3, MatrixHttp, Reply, q
from backends.matrix.niotypes import NioClient
from backends.matrix.session import (
    DEVICE_NAME,
    SECRET_DEVICE,
    SECRET_TOKEN,
    STATE_HOMESERVER,
    STATE_USER,
    MatrixSession,
)
from backends.matrix.tokens import TokenKeeper, soft_logout_failure

if E2E_AVAILABLE:
    from backends.matrix import crypto as e2e


class SignIn:
    """Everything between "connect" and a session ready to sync."""

    def __init__(self, session: MatrixSession, encryption: Encryption) -> None:
        self.session = session
        self.encryption = encryption
        self.log = session.log
        self.settings = session.ctx.settings
        self.tokens: TokenKeeper | None = None
        self.ssl_param: ssl.SSLContext | aiohttp.Fingerprint | bool = True

    def _insecure(self, homeserver: str) -> Failure | None:
        return cv.insecure_homeserver(
            homeserver, allow_http=account_settings.allow_http(self.settings)
        )

    async def find_server(self, *, token_known: bool = False) -> str | Failure:
        """The nio client, the wire and the homeserver (settings, last session, or discovery)
        — everything before signing in. Also what the sign-in methods, browser sign-in and
        registration of a throwaway instance need."""
        session = self.session
        probe = session.ctx.probe
        parsed = cv.parse_user_id(session.user_id)
        if parsed is None:
            return Failure(
                FailureKind.CONFIG,
                CoreMessages.tr("A Matrix ID looks like @name:example.org."),
                field="user_id",
            )
        context = account_settings.ssl_context(self.settings)
        if isinstance(context, Failure):
            return context
        self.ssl_param = context
        state = session.ctx.state
        device = "" if probe else await session.ctx.secrets.get(SECRET_DEVICE) or ""
        override = account_settings.homeserver_override(self.settings)
        homeserver = override or (await state.get(STATE_HOMESERVER) if token_known else None) or ""
        if homeserver:
            insecure = self._insecure(homeserver)
            if insecure is not None:
                return insecure
        store = session.ctx.data_dir / "nio-store"
        if not probe:
            store.mkdir(parents=True, exist_ok=True, mode=0o700)
        config = nio.AsyncClientConfig(
            max_limit_exceeded=0,  # hand 429 answers back to us instead of sleeping inside nio
            max_timeouts=0,  # raise on the first timeout; the core owns retrying
            encryption_enabled=False,  # the Olm store is opened by _open_crypto, not by nio
            store_sync_tokens=False,  # the since-token lives in ctx.state
            request_timeout=60,
        )
        client: NioClient = nio.AsyncClient(
            homeserver or f"https://{parsed[1]}",
            session.user_id,
            device_id=device or None,
            store_path=None if probe else str(store),
            config=config,
            ssl=context,
        )
        session.client = client
        session.http = MatrixHttp(client, self.log)
        if not homeserver:
            found = await self._discover(parsed[1])
            if isinstance(found, Failure):
                return found
            homeserver = found
            insecure = self._insecure(homeserver)
            if insecure is not None:
                return insecure  # .well-known named a plain-HTTP server off this machine
        session.homeserver = homeserver
        client.homeserver = homeserver
        self.tokens = TokenKeeper(
            session.ctx.secrets,
            state,
            self._post_unauthenticated,
            self._use_token,
            self.log,
        )
        return homeserver

    async def _post_unauthenticated(self, path: str, body: dict[str, Any]) -> Reply:
        return await self.session.api.request("POST", path, body=body, timeout=30, auth=False)

    def _use_token(self, token: str) -> None:
        self.session.nio.access_token = token

    async def run(self) -> Failure | None:
        """Sign in (see the module doc); the session's client and wire are set on the way.

        A connection test (``ctx.probe``) signs in with the password as a new device and signs
        that device out again at once (the server deletes it with its keys): no encryption store,
        no token kept, nothing beside the account's real device.
        """
        session = self.session
        probe = session.ctx.probe
        secrets, state = session.ctx.secrets, session.ctx.state
        token = None if probe else await secrets.get(SECRET_TOKEN)
        device = "" if probe else await secrets.get(SECRET_DEVICE) or ""
        stored_user = None if probe else await state.get(STATE_USER)
        if stored_user and stored_user != session.user_id:
            # The account now signs in as someone else: nothing of the old session applies.
            self.log.info("Matrix ID changed; starting a new session")
            token, device = None, ""
            await session.forget_session(device_too=True)
        homeserver = await self.find_server(token_known=bool(token))
        if isinstance(homeserver, Failure):
            return homeserver
        client = session.nio
        store = session.ctx.data_dir / "nio-store"
        failure = await self._sign_in(token, device)
        if failure is not None:
            return failure
        if probe:
            return await self._end_probe()
        if E2E_AVAILABLE:
            failure = await self._open_crypto(store)
            if failure is not None:
                return failure
        session.own_id = session.user_id = str(client.user_id)
        await state.set(STATE_USER, session.own_id)
        await state.set(STATE_HOMESERVER, homeserver)
        await session.load_encrypted()
        failure = await self._load_account()
        if failure is None:
            await self.keeper.start()  # renew the access token on time from now on
            session.api.refresh = self.keeper.refresh
        return failure

    @property
    def keeper(self) -> TokenKeeper:
        if self.tokens is None:
            raise RuntimeError("find_server() first")
        return self.tokens

    def stop(self) -> None:
        if self.tokens is not None:
            self.tokens.stop()

    async def _end_probe(self) -> Failure | None:
        """Sign the connection test's device out (the server deletes it and its keys)."""
        session = self.session
        for _attempt in range(2):  # once more if the answer was lost on the way
            reply = await session.api.request("POST", f"{V3}/logout", body={}, timeout=30)
            if reply.transport is None:
                break
        if reply.ok or reply.errcode == "M_UNKNOWN_TOKEN":
            self.log.info("connection test: device %s signed out again", session.device_id)
        else:
            self.log.warning("connection test: device %s not signed out", session.device_id)
        session.nio.access_token = ""
        return None

    async def _discover(self, server_name: str) -> str | Failure:
        """Client-server spec "Server Discovery": ``.well-known`` first, the server name second."""
        http = self.session.api
        fallback = f"https://{server_name}"
        reply = await http.request("GET", "/.well-known/matrix/client", timeout=15, auth=False)
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
        insecure = self._insecure(homeserver)
        if insecure is not None:
            return insecure
        self.session.nio.homeserver = homeserver
        versions = await http.request("GET", "/_matrix/client/versions", timeout=15, auth=False)
        if not versions.ok:
            if versions.transport is not None:
                return versions.transport
            return Failure(
                FailureKind.CONFIG,
                CoreMessages.tr(
                    "%1 does not look like a Matrix homeserver. Enter the homeserver URL in the advanced settings."
                ).arg(homeserver),
                detail=f"HTTP {versions.status}",
            )
        self.log.info("homeserver discovered: %s", homeserver)
        return homeserver

    async def _sign_in(self, token: str | None, device: str) -> Failure | None:
        """Reuse the stored token (same device) when it still works — renewing it with the
        refresh token when it has expired — else log in with the password."""
        session = self.session
        http, client = session.api, session.nio
        if token and device:
            client.restore_login(session.user_id, device, token)
            reply = await http.request("GET", f"{V3}/account/whoami", timeout=30)
            if (
                reply.errcode == "M_UNKNOWN_TOKEN"
                and await self.keeper.has_refresh_token()
                and await self.keeper.refresh() is None
            ):
                self.log.info("the access token had expired; renewed it")
                reply = await http.request("GET", f"{V3}/account/whoami", timeout=30)
            if reply.ok:
                who = cv.get_str(reply.body, "user_id")
                if who and who != session.user_id:
                    session.user_id = who
                    client.user_id = who
                session.device_id = device
                self.log.info("resumed the session of device %s", device)
                return None
            rejected = reply.failure()
            if rejected.kind is not FailureKind.NOT_CONNECTED:
                return rejected  # unreachable, rate limited …: retry later with the same token
            self.log.info("the stored access token was rejected; signing in again")
            soft = reply.body.get("soft_logout") is True or self.keeper.soft_logged_out
            await session.forget_session(device_too=not soft)
            client.access_token = ""
            if not soft:
                device = ""
                client.device_id = None
        password = await session.ctx.secrets.get("password")
        if not password:
            if device:
                # Soft logout of an account without a password (single sign-on): the person
                # signs in again through the browser; the device and its keys stay.
                return soft_logout_failure()
            return Failure(
                FailureKind.AUTH, CoreMessages.tr("No password is saved for this account.")
            )
        return await self._password_login(password, device)

    async def _password_login(self, password: str, device: str) -> Failure | None:
        """``m.login.password`` asking for a refresh token (nio's login cannot ask)."""
        session = self.session
        client = session.nio
        body: dict[str, Any] = {
            "type": "m.login.password",
            "identifier": {"type": "m.id.user", "user": session.user_id},
            "password": password,
            "initial_device_display_name": DEVICE_NAME,
            "refresh_token": True,
        }
        if device:
            body["device_id"] = device
        reply = await session.api.request("POST", f"{V3}/login", body=body, timeout=30, auth=False)
        if not reply.ok:
            return reply.failure(login=True)
        user_id, token = cv.get_str(reply.body, "user_id"), cv.get_str(reply.body, "access_token")
        device_id = cv.get_str(reply.body, "device_id")
        if not user_id or not token or not device_id:
            return Failure(
                FailureKind.PROTOCOL,
                CoreMessages.tr("The homeserver's sign-in answer is incomplete."),
            )
        client.restore_login(user_id, device_id, token)
        session.user_id = user_id
        session.device_id = device_id
        await session.ctx.secrets.set(SECRET_TOKEN, token)
        await session.ctx.secrets.set(SECRET_DEVICE, device_id)
        await self.keeper.signed_in(reply.body)
        self.log.info("signed in as device %s", device_id)
        return None

    async def _open_crypto(self, store: Path) -> Failure | None:
        """Open this device's Olm/Megolm store, encrypted at rest with the keyring's pickle key.

        A store that cannot be opened (the keyring lost its key, the file is damaged) is moved
        aside and the account signs in as a new device: its old keys are unusable anyway, and
        reusing the device id with a new identity key would be rejected by the server.
        """
        session = self.session
        client = session.nio
        secrets = session.ctx.secrets
        pickle_key = await secrets.get(e2e.SECRET_PICKLE_KEY)
        if not pickle_key:
            pickle_key = e2e.new_pickle_key()
            await secrets.set(e2e.SECRET_PICKLE_KEY, pickle_key)
        client.config = e2e.store_config(client.config, pickle_key)
        for attempt in range(2):
            try:
                client.load_store()
                break
            except Exception as exc:  # vodozemac.PickleException, sqlite errors …
                if attempt:
                    return Failure(
                        FailureKind.PROTOCOL,
                        CoreMessages.tr("The encryption store cannot be opened: %1").arg(exc),
                    )
                self.log.warning("the encryption store cannot be opened (%s); new device", exc)
                stamp = str(int(asyncio.get_running_loop().time()))
                for path in e2e.store_files(store, str(client.user_id), str(client.device_id)):
                    if path.exists():
                        path.replace(path.with_name(f"{path.name}.unreadable-{stamp}"))
                client.store = client.olm = None
                await session.api.request("POST", f"{V3}/logout", body={}, timeout=30)
                await session.forget_session(device_too=True)
                client.access_token = ""
                client.device_id = None
                failure = await self._sign_in(None, "")
                if failure is not None:
                    return failure
        await self.encryption.open()
        return None

    async def _load_account(self) -> Failure | None:
        """What an incremental sync would not repeat: m.direct and our display name."""
        session = self.session
        http = session.api
        reply = await http.request(
            "GET", f"{V3}/user/{q(session.own_id)}/account_data/m.direct", timeout=30
        )
        if reply.ok:
            session.direct = cv.direct_rooms(reply.body, self.log)
        elif reply.transport is not None:
            return reply.transport
        elif reply.status != 404:
            self.log.warning("could not read m.direct: HTTP %s", reply.status)
        joined = await http.request("GET", f"{V3}/joined_rooms", timeout=30)
        if joined.ok:
            rooms = cv.get_list(joined.body, "joined_rooms") or []
            session.joined = {r for r in rooms if isinstance(r, str)}
        elif joined.transport is not None:
            return joined.transport
        else:
            self.log.warning("could not list joined rooms: HTTP %s", joined.status)
        profile = await http.request(
            "GET", f"{V3}/profile/{q(session.own_id)}/displayname", timeout=30
        )
        name = cv.get_str(profile.body, "displayname") if profile.ok else None
        session.own_names = tuple(n for n in (name, cv.localpart(session.own_id)) if n)
        return None

    async def logout(self) -> Outcome:
        """Sign this device out on the server (works connected or not: without a session it
        uses the stored token and homeserver). The credentials are forgotten either way."""
        session = self.session
        ctx = session.ctx
        token = await ctx.secrets.get(SECRET_TOKEN)
        outcome = Outcome()
        if session.client is None and token:
            homeserver = account_settings.homeserver_override(self.settings) or (
                await ctx.state.get(STATE_HOMESERVER) or ""
            )
            device = await ctx.secrets.get(SECRET_DEVICE) or ""
            context = account_settings.ssl_context(self.settings)
            if self._insecure(homeserver) is not None:
                homeserver = ""  # never send the token over plain HTTP off this machine
            if homeserver and not isinstance(context, Failure):
                client: NioClient = nio.AsyncClient(
                    homeserver,
                    session.user_id,
                    config=nio.AsyncClientConfig(max_limit_exceeded=0, max_timeouts=0),
                    ssl=context,
                )
                client.restore_login(session.user_id, device, token)
                session.client = client
                session.http = MatrixHttp(client, self.log)
        if session.client is not None and session.http is not None and session.client.access_token:
            reply = await session.http.request("POST", f"{V3}/logout", body={}, timeout=30)
            if not reply.ok and reply.errcode != "M_UNKNOWN_TOKEN":
                outcome = Outcome(reply.failure())
        await session.forget_session(device_too=True)
        await ctx.state.set(STATE_HOMESERVER, None)
        return outcome
