"""Single sign-on for Matrix: the homeserver's login flows, and the browser's way back to us.

Spec (client-server API, "Login" and "Single Sign-On"): ``GET /login`` lists the flows; with
``m.login.sso`` (and, since v1.1, its ``identity_providers``) the client sends the person's browser
to ``/login/sso/redirect[/<idp>]?redirectUrl=<ours>``; after the provider (and its second factor)
the homeserver sends the browser to ``<ours>?loginToken=…``, which the client exchanges with
``m.login.token`` for an access token. The same page-in-a-browser trick serves user-interactive
auth: ``/auth/<stage>/fallback/web?session=…`` (deleting a device of an SSO account, uploading
cross-signing keys when the server wants a fresh sign-in).

"Ours" is a one-shot listener on 127.0.0.1 and a random port (RFC 8252 §7.3), under a random path
so that nothing else on this computer can end the wait; it answers one page saying the window can
be closed, then stops listening. aiohttp's server side (18 modules, 2.2 MB resident) is imported
only then: a signed-in account never needs it.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from app.backend import Failure, FailureKind, IdentityProvider
from app.i18n import CoreMessages

if TYPE_CHECKING:
    from aiohttp import web

LOGIN_SSO = "m.login.sso"
LOGIN_TOKEN = "m.login.token"
LOGIN_PASSWORD = "m.login.password"
V3 = "/_matrix/client/v3"
LOOPBACK = "127.0.0.1"
PAGE_DONE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:sans-serif;max-width:32em;margin:4em auto;line-height:1.5}}</style>
</head><body><h1>{title}</h1><p>{text}</p></body></html>"""


@dataclass(frozen=True, slots=True)
class LoginFlows:
    """What ``GET /login`` says about signing in on a homeserver."""

    password: bool = False
    token: bool = False
    sso: bool = False
    providers: tuple[IdentityProvider, ...] = ()


def parse_login_flows(body: Mapping[str, Any]) -> LoginFlows:
    """The flows of a ``GET /login`` answer; anything malformed is left out, never raised."""
    flows = body.get("flows")
    if not isinstance(flows, list):
        return LoginFlows()
    kinds: set[str] = set()
    providers: list[IdentityProvider] = []
    for flow in flows:
        if not isinstance(flow, dict) or not isinstance(flow.get("type"), str):
            continue
        kind = flow["type"]
        kinds.add(kind)
        if kind != LOGIN_SSO:
            continue
        for idp in flow.get("identity_providers") or ():
            if not isinstance(idp, dict):
                continue
            idp_id, name = idp.get("id"), idp.get("name")
            if isinstance(idp_id, str) and idp_id and isinstance(name, str):
                brand = idp.get("brand")
                providers.append(
                    IdentityProvider(
                        idp_id, name or idp_id, brand if isinstance(brand, str) else ""
                    )
                )
    return LoginFlows(
        password=LOGIN_PASSWORD in kinds,
        token=LOGIN_TOKEN in kinds,
        sso=LOGIN_SSO in kinds,
        providers=tuple(providers),
    )


def redirect_url(homeserver: str, provider_id: str, redirect: str) -> str:
    """Where the browser starts: the homeserver's SSO redirect (for one provider, or its
    default when ``provider_id`` is empty)."""
    base = homeserver.rstrip("/") + f"{V3}/login/sso/redirect"
    if provider_id:
        base += "/" + quote(provider_id, safe="")
    return f"{base}?{urlencode({'redirectUrl': redirect})}"


def fallback_url(homeserver: str, stage: str, session: str) -> str:
    """The web page that does one user-interactive auth stage (spec "Fallback")."""
    return (
        homeserver.rstrip("/")
        + f"{V3}/auth/{quote(stage, safe='')}/fallback/web?{urlencode({'session': session})}"
    )


def token_login_body(token: str, device_id: str, device_name: str) -> dict[str, Any]:
    """``POST /login`` with the ``loginToken`` the browser brought back (asking for a refresh
    token; the same device id after a soft logout, so keys and store stay valid)."""
    body: dict[str, Any] = {
        "type": LOGIN_TOKEN,
        "token": token,
        "initial_device_display_name": device_name,
        "refresh_token": True,
    }
    if device_id:
        body["device_id"] = device_id
    return body


class LoopbackRedirect:
    """A one-shot HTTP listener on 127.0.0.1 that waits for the browser to come back.

    :attr:`url` is what to give the server as the redirect; :meth:`wait` returns the query
    parameters of the first request to that exact path (others get 404 and change nothing).
    """

    def __init__(self, *, title: str = "Signed in", text: str = "") -> None:
        self._path = "/chinwag/" + secrets.token_urlsafe(16)
        self._title = title
        self._text = text or "You can close this window and go back to Chinwag."
        self._runner: web.AppRunner | None = None
        self._result: asyncio.Future[dict[str, str]] | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}{self._path}"

    async def start(self) -> LoopbackRedirect:
        from aiohttp import web  # noqa: PLC0415  (see the module's docstring)

        self._result = asyncio.get_running_loop().create_future()
        app = web.Application()
        app.router.add_get(self._path, self._handle)
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await runner.setup()
        site = web.TCPSite(runner, LOOPBACK, 0)
        await site.start()
        self._runner = runner
        self.port = int(runner.addresses[0][1])
        return self

    async def _handle(self, request: web.Request) -> web.Response:
        from aiohttp import web  # noqa: PLC0415  (imported by start() already)

        query = {k: v for k, v in request.query.items()}
        if self._result is not None and not self._result.done():
            self._result.set_result(query)
        failed = "error" in query and "loginToken" not in query and "code" not in query
        title = "Sign-in not finished" if failed else self._title
        text = (
            "The sign-in was not finished: "
            + html.escape(query.get("error_description") or query.get("error", ""))
            + ". You can close this window."
            if failed
            else self._text
        )
        return web.Response(
            text=PAGE_DONE.format(title=html.escape(title), text=text),
            content_type="text/html",
            headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"},
        )

    async def wait(self, timeout: float) -> dict[str, str] | Failure:
        """The redirect's query, or a failure when the person did not come back in time."""
        assert self._result is not None, "start() first"
        try:
            async with asyncio.timeout(timeout):
                return await asyncio.shield(self._result)
        except TimeoutError:
            return Failure(
                FailureKind.NETWORK,
                CoreMessages.tr(
                    "The browser did not come back: the sign-in was not finished in time."
                ),
                retryable=True,
            )
        finally:
            await self.close()

    async def close(self) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            # The answer page must reach the browser before the server goes away.
            await asyncio.sleep(0)
            with contextlib.suppress(Exception):
                await runner.cleanup()


def login_token(query: Mapping[str, str]) -> str | Failure:
    """The ``loginToken`` of the redirect, or what went wrong in words."""
    token = query.get("loginToken", "")
    if token:
        return token
    if query.get("error"):
        return Failure(
            FailureKind.AUTH,
            "The sign-in was not finished: " + (query.get("error_description") or query["error"]),
        )
    return Failure(
        FailureKind.PROTOCOL,
        CoreMessages.tr("The homeserver sent the browser back without a token."),
    )
