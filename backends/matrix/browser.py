"""Signing in to Matrix through the system browser: single sign-on and OAuth 2.0.

- :func:`sign_in_methods` asks the homeserver how one signs in there (``GET /login`` flows and
  whether it delegates to an OAuth 2.0 authorization server, ``GET /auth_metadata``).
- :func:`sso_sign_in`: ``m.login.sso`` → the browser at the provider (its password and second
  factor are its business) → ``loginToken`` at our loopback listener → ``m.login.token``. Before
  the browser opens, the redirect is followed one step by us: a provider whose server is down is
  said in words instead of leaving the person before an error page.
- :func:`oauth_sign_in`: next-generation auth (:mod:`.oauth`): dynamic client registration,
  authorization code with PKCE at the loopback listener, code exchange.

Both return :class:`~app.backend.Credentials` whose secrets (access token, refresh token, device)
the core puts in the keyring; a device id already known (after a soft logout) is asked for again,
so the device keeps its keys and store.
"""

from __future__ import annotations

import secrets
import ssl
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urljoin, urlsplit

import aiohttp

from app.backend import Credentials, Failure, FailureKind, IdentityProvider, SignInMethods
from app.i18n import CoreMessages
from backends.matrix import oauth, sso
from backends.matrix.http import V3, MatrixHttp
from backends.matrix.session import DEVICE_NAME, SECRET_DEVICE, SECRET_REFRESH, SECRET_TOKEN

BROWSER_TIMEOUT = 10 * 60.0
"""How long the person may take in the browser (password, second factor, consent)."""
PREFLIGHT_TIMEOUT = 15.0
OAUTH_PROVIDER = "oauth"
"""The provider id of "continue with the homeserver's sign-in service" (next-generation auth)."""
SECRET_OAUTH_CLIENT = "oauth_client_id"
SECRET_OAUTH_CLIENT_SECRET = "oauth_client_secret"

Ssl = ssl.SSLContext | aiohttp.Fingerprint | bool


async def sign_in_methods(http: MatrixHttp, homeserver: str) -> SignInMethods | Failure:
    """What ``homeserver`` offers: passwords, identity providers, an authorization server."""
    reply = await http.request("GET", f"{V3}/login", timeout=15, auth=False)
    if reply.transport is not None:
        return reply.transport
    if not reply.ok:
        return Failure(
            FailureKind.PROTOCOL,
            CoreMessages.tr("%1 did not say how to sign in (HTTP %2).").arg(
                homeserver, reply.status
            ),
            field="user_id",
        )
    flows = sso.parse_login_flows(reply.body)
    providers = list(flows.providers)
    if flows.sso and not providers:
        providers.append(IdentityProvider("", "single sign-on"))
    metadata = await server_metadata(http)
    browser = isinstance(metadata, oauth.ServerMetadata)
    if browser:
        assert isinstance(metadata, oauth.ServerMetadata)
        host = urlsplit(metadata.issuer).hostname or metadata.issuer
        providers.insert(0, IdentityProvider(OAUTH_PROVIDER, host))
    return SignInMethods(
        password=flows.password and not browser,
        providers=tuple(providers),
        browser=browser,
        sign_up=True,
        server=homeserver,
    )


async def server_metadata(http: MatrixHttp) -> oauth.ServerMetadata | Failure | None:
    """The authorization server the homeserver delegates to (spec v1.15), or None."""
    reply = await http.request("GET", oauth.AUTH_METADATA_PATH, timeout=15, auth=False)
    if reply.transport is not None or reply.status in (400, 404, 405) or not reply.ok:
        return None
    return oauth.parse_metadata(reply.body)


async def preflight(url: str, provider_name: str, ssl_param: Ssl) -> Failure | None:
    """Follow the SSO redirect one step ourselves: the homeserver must send us on, and the
    provider's server must answer at all. Nothing is signed in (the browser starts afresh)."""
    timeout = aiohttp.ClientTimeout(total=PREFLIGHT_TIMEOUT)
    down = Failure(
        FailureKind.NETWORK,
        CoreMessages.tr(
            "The sign-in service “%1” cannot be reached right now. Try again later, or sign in another way."
        ).arg(provider_name),
        retryable=True,
    )
    try:
        async with aiohttp.ClientSession(timeout=timeout) as session:
            async with session.get(url, allow_redirects=False, ssl=ssl_param) as resp:
                location = resp.headers.get("Location", "")
                if resp.status not in (301, 302, 303, 307, 308) or not location:
                    return down if resp.status >= 500 else None
            target = urljoin(str(resp.url), location)
            async with session.get(target, allow_redirects=False) as answer:
                await answer.read()
    except (aiohttp.ClientConnectionError, TimeoutError, OSError):
        return down
    except aiohttp.ClientError:
        return None  # it answered something: the browser will show it
    return None


async def sso_sign_in(
    http: MatrixHttp,
    *,
    homeserver: str,
    provider: IdentityProvider,
    open_url: Callable[[str], None],
    device_id: str,
    ssl_param: Ssl,
    timeout: float = BROWSER_TIMEOUT,
) -> Credentials | Failure:
    """``m.login.sso`` through the browser, then ``m.login.token`` (see the module docstring)."""
    listener = await sso.LoopbackRedirect().start()
    try:
        url = sso.redirect_url(homeserver, provider.id, listener.url)
        failure = await preflight(url, provider.name, ssl_param)
        if failure is not None:
            return failure
        open_url(url)
        query = await listener.wait(timeout)
    finally:
        await listener.close()
    if isinstance(query, Failure):
        return query
    token = sso.login_token(query)
    if isinstance(token, Failure):
        return token
    reply = await http.request(
        "POST",
        f"{V3}/login",
        body=sso.token_login_body(token, device_id, DEVICE_NAME),
        timeout=30,
        auth=False,
    )
    if not reply.ok:
        return reply.failure(login=True)
    return credentials_of(reply.body)


def credentials_of(body: Mapping[str, Any]) -> Credentials | Failure:
    """The keyring secrets of a ``/login`` answer."""
    user_id, token, device = body.get("user_id"), body.get("access_token"), body.get("device_id")
    if not (isinstance(user_id, str) and isinstance(token, str) and isinstance(device, str)):
        return Failure(
            FailureKind.PROTOCOL, CoreMessages.tr("The homeserver's answer lacks the new session.")
        )
    found = {SECRET_TOKEN: token, SECRET_DEVICE: device}
    refresh = body.get("refresh_token")
    if isinstance(refresh, str) and refresh:
        found[SECRET_REFRESH] = refresh
    return Credentials({"user_id": user_id}, found)


# -- OAuth 2.0 (next-generation auth) ------------------------------------------------------------


async def _post(
    session: aiohttp.ClientSession, url: str, *, json_body: Any = None, form: Any = None
) -> tuple[int, dict[str, Any]] | Failure:
    try:
        async with session.post(url, json=json_body, data=form) as resp:
            try:
                body = await resp.json(content_type=None)
            except ValueError:
                body = {}
            return resp.status, body if isinstance(body, dict) else {}
    except (aiohttp.ClientError, TimeoutError, OSError) as exc:
        return Failure(
            FailureKind.NETWORK,
            CoreMessages.tr("The sign-in service cannot be reached (%1).").arg(
                exc or type(exc).__name__
            ),
            retryable=True,
        )


async def oauth_sign_in(
    meta: oauth.ServerMetadata,
    *,
    open_url: Callable[[str], None],
    device_id: str = "",
    client_id: str = "",
    client_secret: str = "",
    login_hint: str = "",
    create_account: bool = False,
    ssl_param: Ssl = True,
    timeout: float = BROWSER_TIMEOUT,
) -> Credentials | Failure:
    """Authorization code + PKCE through the browser (see :mod:`.oauth`). Returns the tokens and
    the registered client id (needed to refresh); the device id is ours to choose, so a known
    one (after a soft logout) is kept."""
    device = device_id or oauth.new_device_id()
    listener = await sso.LoopbackRedirect().start()
    connector = aiohttp.TCPConnector(ssl=ssl_param)
    async with aiohttp.ClientSession(
        connector=connector, timeout=aiohttp.ClientTimeout(total=30)
    ) as session:
        try:
            if not client_id:
                answer = await _post(
                    session,
                    meta.registration_endpoint,
                    json_body=oauth.client_metadata(listener.url),
                )
                if isinstance(answer, Failure):
                    return answer
                status, body = answer
                if status not in (200, 201):
                    return Failure(
                        FailureKind.PROTOCOL,
                        CoreMessages.tr("The sign-in service did not register the app (%1).").arg(
                            body.get("error") or status
                        ),
                    )
                registered = oauth.client_id_of(body)
                if isinstance(registered, Failure):
                    return registered
                client_id = registered
                client_secret = oauth.client_secret_of(body)
            pkce = oauth.new_pkce()
            state = secrets.token_urlsafe(16)
            open_url(
                oauth.authorization_url(
                    meta,
                    client_id=client_id,
                    redirect_uri=listener.url,
                    pkce=pkce,
                    state=state,
                    device_id=device,
                    create_account=create_account,
                    login_hint=login_hint,
                )
            )
            query = await listener.wait(timeout)
        finally:
            await listener.close()
        if isinstance(query, Failure):
            return query
        code = oauth.code_of(query, state)
        if isinstance(code, Failure):
            return code
        answer = await _post(
            session,
            meta.token_endpoint,
            form=oauth.token_request(
                client_id=client_id,
                code=code,
                redirect_uri=listener.url,
                verifier=pkce.verifier,
                client_secret=client_secret,
            ),
        )
    if isinstance(answer, Failure):
        return answer
    tokens = oauth.tokens_of(*answer)
    if isinstance(tokens, Failure):
        return tokens
    found = {
        SECRET_TOKEN: tokens.access_token,
        SECRET_DEVICE: device,
        SECRET_OAUTH_CLIENT: client_id,
    }
    if tokens.refresh_token:
        found[SECRET_REFRESH] = tokens.refresh_token
    return Credentials({}, found)


async def oauth_refresh(
    meta: oauth.ServerMetadata,
    *,
    client_id: str,
    refresh_token: str,
    client_secret: str = "",
    ssl_param: Ssl = True,
) -> oauth.Tokens | Failure:
    """A new access token (and maybe refresh token) from the token endpoint."""
    connector = aiohttp.TCPConnector(ssl=ssl_param)
    async with aiohttp.ClientSession(
        connector=connector, timeout=aiohttp.ClientTimeout(total=30)
    ) as session:
        answer = await _post(
            session,
            meta.token_endpoint,
            form=oauth.refresh_request(
                client_id=client_id, refresh_token=refresh_token, client_secret=client_secret
            ),
        )
    if isinstance(answer, Failure):
        return answer
    return oauth.tokens_of(*answer, previous_refresh=refresh_token)
