"""Next-generation auth's OAuth 2.0 client against a real authorization server: LemonLDAP::NG
on loopback (the same portal, password + TOTP). Its metadata is validated, the app registers
itself (RFC 7591), the browser is sent with authorization code + PKCE (S256) to sign in with the
second factor, the code comes back to our one-shot listener with its state, and is exchanged for
a token the server then honours. What cannot be tested here is the Matrix half: no homeserver on
this machine delegates to an authorization server (that needs matrix-authentication-service),
so ``/auth_metadata`` and the Matrix scopes being honoured are covered by unit tests only
(see docs/matrix.md)."""

from __future__ import annotations

import asyncio
import json
import urllib.request
from typing import Any

import aiohttp
import pytest

from app.backend import Credentials, Failure, FailureKind
from backends.matrix import browser, oauth
from tests.integration.matrix.sso_provider import AuthStack, Browser, Person

pytestmark = pytest.mark.integration


async def _metadata(stack: AuthStack) -> oauth.ServerMetadata:
    def get() -> dict[str, Any]:
        with urllib.request.urlopen(stack.idp.url + ".well-known/openid-configuration") as r:
            return dict(json.loads(r.read()))

    meta = oauth.parse_metadata(await asyncio.to_thread(get))
    assert isinstance(meta, oauth.ServerMetadata), meta
    return meta


class AtTheBrowser:
    def __init__(self, stack: AuthStack, person: Person, code: str | None = None) -> None:
        self.stack, self.person, self.code = stack, person, code
        self.urls: list[str] = []
        self.task: asyncio.Task[object] | None = None

    def open_url(self, url: str) -> None:
        self.urls.append(url)

        async def go() -> object:
            async with Browser([self.stack.idp.issuer]) as b:
                return await b.sign_in(url, self.person, code=self.code)

        self.task = asyncio.get_running_loop().create_task(go())


async def test_code_and_pkce_through_the_browser_give_a_token_the_server_honours(
    auth_stack: AuthStack,
) -> None:
    meta = await _metadata(auth_stack)
    person = await asyncio.to_thread(auth_stack.idp.new_person)
    at = AtTheBrowser(auth_stack, person)
    made = await browser.oauth_sign_in(meta, open_url=at.open_url, timeout=60)
    assert at.task is not None
    await at.task
    assert isinstance(made, Credentials), made
    assert "code_challenge_method=S256" in at.urls[0] and "state=" in at.urls[0]
    secrets = made.secrets
    assert secrets["oauth_client_id"] and len(secrets["device_id"]) == 10
    # The token is real: the authorization server answers its userinfo for this person.
    userinfo = await _userinfo(auth_stack, secrets["access_token"])
    assert userinfo.get("preferred_username") == person.uid or userinfo.get("sub") == person.uid


async def test_a_wrong_second_factor_gives_no_token(auth_stack: AuthStack) -> None:
    meta = await _metadata(auth_stack)
    person = await asyncio.to_thread(auth_stack.idp.new_person)
    wrong = f"{(int(person.code()) + 500_000) % 1_000_000:06d}"
    at = AtTheBrowser(auth_stack, person, code=wrong)
    made = await browser.oauth_sign_in(meta, open_url=at.open_url, timeout=3)
    assert isinstance(made, Failure) and made.kind is FailureKind.NETWORK


async def _userinfo(stack: AuthStack, token: str) -> dict[str, Any]:
    async with (
        aiohttp.ClientSession() as session,
        session.get(
            stack.idp.url + "oauth2/userinfo", headers={"Authorization": f"Bearer {token}"}
        ) as resp,
    ):
        assert resp.status == 200, await resp.text()
        return dict(await resp.json(content_type=None))
