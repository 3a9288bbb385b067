"""The sign-in fixture itself, by raw HTTP: the identity provider asks for a password and a TOTP
code, and Synapse signs the person in through it (no Chinwag code involved)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from tests.integration.matrix.sso_provider import (
    DOWN_IDP_ID,
    IDP_ID,
    AuthStack,
    Browser,
    SignInRefused,
    login_token_of,
)
from tests.integration.support import LOOPBACK

pytestmark = pytest.mark.integration


@pytest.fixture
async def app_redirect() -> AsyncIterator[tuple[str, list[str]]]:
    """Stands in for the app's loopback listener: records the URLs it is sent to."""
    seen: list[str] = []

    async def handle(request: web.Request) -> web.Response:
        seen.append(str(request.url))
        return web.Response(text="done")

    app = web.Application()
    app.router.add_get("/{tail:.*}", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, LOOPBACK, 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield f"http://{LOOPBACK}:{port}/done", seen
    finally:
        await runner.cleanup()


def _browser(stack: AuthStack) -> Browser:
    return Browser([stack.synapse.base_url, stack.idp.issuer])


async def test_login_flows_offer_both_identity_providers(auth_stack: AuthStack) -> None:
    status, body = await asyncio.to_thread(
        auth_stack.synapse.request, "GET", "/_matrix/client/v3/login"
    )
    assert status == 200, body
    sso = next(f for f in body["flows"] if f["type"] == "m.login.sso")
    assert {p["id"] for p in sso["identity_providers"]} == {IDP_ID, DOWN_IDP_ID}
    assert {"type": "m.login.password"} in body["flows"]


async def test_sign_in_with_password_and_totp_gives_a_login_token(
    auth_stack: AuthStack, app_redirect: tuple[str, list[str]]
) -> None:
    redirect, seen = app_redirect
    person = await asyncio.to_thread(auth_stack.idp.new_person)
    start = (
        f"{auth_stack.synapse.base_url}/_matrix/client/v3/login/sso/redirect/{IDP_ID}"
        f"?redirectUrl={redirect}"
    )
    async with _browser(auth_stack) as browser:
        page = await browser.sign_in(start, person)
    assert page.text == "done", page.text[:500]
    token = login_token_of(seen[0])
    assert token
    status, body = await asyncio.to_thread(
        auth_stack.synapse.request,
        "POST",
        "/_matrix/client/v3/login",
        {"type": "m.login.token", "token": token},
    )
    assert status == 200, body
    assert body["user_id"] == auth_stack.mxid(person)
    # A login token works once.
    status, body = await asyncio.to_thread(
        auth_stack.synapse.request,
        "POST",
        "/_matrix/client/v3/login",
        {"type": "m.login.token", "token": token},
    )
    assert status == 403, body


async def test_a_wrong_totp_code_never_reaches_the_homeserver(
    auth_stack: AuthStack, app_redirect: tuple[str, list[str]]
) -> None:
    redirect, seen = app_redirect
    person = await asyncio.to_thread(auth_stack.idp.new_person)
    wrong = f"{(int(person.code()) + 500_000) % 1_000_000:06d}"
    start = (
        f"{auth_stack.synapse.base_url}/_matrix/client/v3/login/sso/redirect/{IDP_ID}"
        f"?redirectUrl={redirect}"
    )
    async with _browser(auth_stack) as browser:
        with pytest.raises(SignInRefused):
            await browser.sign_in(start, person, code=wrong)
    assert seen == []


async def test_the_provider_that_is_down_fails_at_the_homeserver(auth_stack: AuthStack) -> None:
    async with _browser(auth_stack) as browser:
        page = await browser.open(
            f"{auth_stack.synapse.base_url}/_matrix/client/v3/login/sso/redirect/{DOWN_IDP_ID}"
            f"?redirectUrl=http://{LOOPBACK}:9/cb"
        )
    assert page.status >= 400


@pytest.mark.parametrize(
    ("ci", "outcome"), [("true", pytest.fail.Exception), ("", pytest.skip.Exception)]
)
def test_a_missing_identity_provider_fails_under_ci(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ci: str, outcome: type[BaseException]
) -> None:
    from tests.integration.matrix import sso_provider

    monkeypatch.setattr(sso_provider, "LLNG_PORTAL_MODULE", tmp_path / "no-such-module.pm")
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="bash scripts/setup test"):
        sso_provider.require_llng()
