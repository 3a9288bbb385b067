"""Single sign-on for Matrix with a second factor, for real: Synapse's ``oidc_providers`` pointing
at a LemonLDAP::NG portal on loopback whose people pass a password *and* a TOTP code (the test
computes it from the shared secret). The "browser" is an HTTP client with cookies that types into
the portal's forms; the app's side is our own code: the flows, the preflight, the one-shot
loopback listener and the ``m.login.token`` exchange."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

import nio  # type: ignore[import-untyped]
import pytest

from app.backend import Credentials, Failure, FailureKind, IdentityProvider
from backends.matrix import browser, uia
from backends.matrix.http import MatrixHttp
from tests.integration.matrix.sso_provider import (
    DOWN_IDP_ID,
    IDP_ID,
    AuthStack,
    Browser,
    Person,
    SignInRefused,
)

pytestmark = pytest.mark.integration
LOG = logging.LoggerAdapter(logging.getLogger("sso-test"), {})
LLNG = IdentityProvider(IDP_ID, "LemonLDAP::NG")


@pytest.fixture
async def http(auth_stack: AuthStack) -> AsyncIterator[MatrixHttp]:
    client = nio.AsyncClient(auth_stack.synapse.base_url, "")
    try:
        yield MatrixHttp(client, LOG)
    finally:
        await client.close()


class PersonAtTheBrowser:
    """Plays the person: when the app opens a URL, signs in there (password, then TOTP)."""

    def __init__(self, stack: AuthStack, person: Person, *, code: str | None = None) -> None:
        self.stack, self.person, self.code = stack, person, code
        self.opened: list[str] = []
        self.visited: list[str] = []
        self.task: asyncio.Task[object] | None = None

    def open_url(self, url: str) -> None:
        self.opened.append(url)
        self.task = asyncio.get_running_loop().create_task(self._sign_in(url))

    async def _sign_in(self, url: str) -> object:
        async with Browser([self.stack.synapse.base_url, self.stack.idp.issuer]) as b:
            try:
                return await b.sign_in(url, self.person, code=self.code)
            finally:
                self.visited = b.visited

    async def finished(self) -> object:
        assert self.task is not None
        return await self.task


async def _whoami(stack: AuthStack, token: str) -> dict[str, object]:
    status, body = await asyncio.to_thread(
        stack.synapse.request, "GET", "/_matrix/client/v3/account/whoami", None, token
    )
    assert status == 200, body
    return body


async def test_the_homeserver_offers_passwords_and_both_providers(
    http: MatrixHttp, auth_stack: AuthStack
) -> None:
    methods = await browser.sign_in_methods(http, auth_stack.synapse.base_url)
    assert not isinstance(methods, Failure), methods
    assert methods.password and not methods.browser
    assert {p.id for p in methods.providers} == {IDP_ID, DOWN_IDP_ID}
    assert methods.server == auth_stack.synapse.base_url


async def test_sso_with_a_totp_second_factor_signs_in(
    http: MatrixHttp, auth_stack: AuthStack
) -> None:
    person = await asyncio.to_thread(auth_stack.idp.new_person)
    at_browser = PersonAtTheBrowser(auth_stack, person)
    made = await browser.sso_sign_in(
        http,
        homeserver=auth_stack.synapse.base_url,
        provider=LLNG,
        open_url=at_browser.open_url,
        device_id="",
        ssl_param=True,
        timeout=60,
    )
    page = await at_browser.finished()
    assert "close this window" in getattr(page, "text", ""), page
    assert isinstance(made, Credentials), made
    assert made.settings == {"user_id": auth_stack.mxid(person)}
    assert {"access_token", "device_id", "refresh_token"} <= set(made.secrets)
    me = await _whoami(auth_stack, made.secrets["access_token"])
    assert me["user_id"] == auth_stack.mxid(person)
    assert me["device_id"] == made.secrets["device_id"]
    # The browser went through the portal's TOTP check, then back to our listener.
    assert any("/totp2fcheck" in line for line in at_browser.visited), at_browser.visited
    assert at_browser.visited[-1].startswith("GET http://127.0.0.1:")
    assert "loginToken=" in at_browser.visited[-1]


async def test_signing_in_again_keeps_the_device(http: MatrixHttp, auth_stack: AuthStack) -> None:
    """After a soft logout the same device signs in again (its keys and store stay valid)."""
    person = await asyncio.to_thread(auth_stack.idp.new_person)
    first = await browser.sso_sign_in(
        http,
        homeserver=auth_stack.synapse.base_url,
        provider=LLNG,
        open_url=PersonAtTheBrowser(auth_stack, person).open_url,
        device_id="",
        ssl_param=True,
        timeout=60,
    )
    assert isinstance(first, Credentials), first
    again = await browser.sso_sign_in(
        http,
        homeserver=auth_stack.synapse.base_url,
        provider=LLNG,
        open_url=PersonAtTheBrowser(auth_stack, person).open_url,
        device_id=first.secrets["device_id"],
        ssl_param=True,
        timeout=60,
    )
    assert isinstance(again, Credentials), again
    assert again.secrets["device_id"] == first.secrets["device_id"]
    assert again.secrets["access_token"] != first.secrets["access_token"]


async def test_a_wrong_totp_code_never_signs_in(http: MatrixHttp, auth_stack: AuthStack) -> None:
    person = await asyncio.to_thread(auth_stack.idp.new_person)
    wrong = f"{(int(person.code()) + 500_000) % 1_000_000:06d}"
    at_browser = PersonAtTheBrowser(auth_stack, person, code=wrong)
    made = await browser.sso_sign_in(
        http,
        homeserver=auth_stack.synapse.base_url,
        provider=LLNG,
        open_url=at_browser.open_url,
        device_id="",
        ssl_param=True,
        timeout=3,  # the person gives up; the app stops waiting
    )
    with pytest.raises(SignInRefused):
        await at_browser.finished()
    assert isinstance(made, Failure) and made.kind is FailureKind.NETWORK
    assert "did not come back" in made.message


async def test_a_provider_that_is_down_is_said_before_any_browser_opens(
    http: MatrixHttp, auth_stack: AuthStack
) -> None:
    opened: list[str] = []
    made = await browser.sso_sign_in(
        http,
        homeserver=auth_stack.synapse.base_url,
        provider=IdentityProvider(DOWN_IDP_ID, "Broken Sign-On"),
        open_url=opened.append,
        device_id="",
        ssl_param=True,
        timeout=10,
    )
    assert isinstance(made, Failure) and made.kind is FailureKind.NETWORK
    assert "“Broken Sign-On” cannot be reached" in made.message
    assert opened == []


async def test_user_interactive_auth_by_the_sso_fallback_deletes_a_device(
    http: MatrixHttp, auth_stack: AuthStack
) -> None:
    """An account without a password confirms "it's you" through its provider (with the second
    factor) on the homeserver's fallback page; the app retries with the session meanwhile."""
    person = await asyncio.to_thread(auth_stack.idp.new_person)
    signed = []
    for _ in range(2):
        made = await browser.sso_sign_in(
            http,
            homeserver=auth_stack.synapse.base_url,
            provider=LLNG,
            open_url=PersonAtTheBrowser(auth_stack, person).open_url,
            device_id="",
            ssl_param=True,
            timeout=60,
        )
        assert isinstance(made, Credentials), made
        signed.append(made)
    token, other = signed[0].secrets["access_token"], signed[1].secrets["device_id"]

    async def send(auth: dict[str, object] | None) -> tuple[int, dict[str, object]]:
        body = {} if auth is None else {"auth": auth}
        return await asyncio.to_thread(
            auth_stack.synapse.request, "DELETE", f"/_matrix/client/v3/devices/{other}", body, token
        )

    at_browser = PersonAtTheBrowser(auth_stack, person)
    interaction = uia.Interaction(
        send,  # type: ignore[arg-type]
        homeserver=auth_stack.synapse.base_url,
        title="Delete a device",
        open_url=at_browser.open_url,
        poll=0.2,
        browser_timeout=60,
    )
    status, body = await interaction.step()  # type: ignore[misc]
    assert status == 200, body
    await at_browser.finished()
    assert "/auth/m.login.sso/fallback/web?session=" in at_browser.opened[0]
    assert any("/totp2fcheck" in line for line in at_browser.visited)
    status, body = await asyncio.to_thread(
        auth_stack.synapse.request, "GET", f"/_matrix/client/v3/devices/{other}", None, token
    )
    assert status == 404, body  # the device is gone
