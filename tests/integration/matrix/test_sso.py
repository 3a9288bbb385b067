"""Single sign-on for Matrix with a second factor, for real: Synapse's ``oidc_providers`` pointing
at a LemonLDAP::NG portal on loopback whose people pass a password *and* a TOTP code (the test
computes it from the shared secret). The "browser" is an HTTP client with cookies that types into
the portal's forms; the app's side is our own code: the flows, the preflight, the one-shot
loopback listener and the ``m.login.token`` exchange."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import quote

import nio  # type: ignore[import-untyped]
import pytest

from app import events as ev
from app import facts as f
from app.backend import Credentials, Failure, FailureKind, IdentityProvider
from app.models import ConnectionState
from backends.matrix import MatrixBackend, browser, uia
from backends.matrix.http import MatrixHttp, Reply
from backends.matrix.tokens import TokenKeeper
from chinwag.testing import MemorySecrets as KeyringDict
from chinwag.testing import MemorySecretStore, MemoryState, wait_until
from chinwag.testing.waiting import DEADLINE
from tests.fakes.core_harness import make_core, wait_for
from tests.fakes.fake_backend import FakeServer
from tests.integration.matrix.helpers import (
    Account,
    Session,
    SharedSecrets,
    SharedState,
    make_session,
)
from tests.integration.matrix.sso_provider import (
    ACCESS_TOKEN_LIFETIME,
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


# -- refresh tokens (the auth homeserver's access tokens live ACCESS_TOKEN_LIFETIME seconds) ----


def _keeper(
    http: MatrixHttp, secrets: KeyringDict, state: MemoryState, applied: list[str]
) -> TokenKeeper:
    async def post(path: str, body: dict[str, object]) -> Reply:
        return await http.request("POST", path, body=body, timeout=30, auth=False)

    return TokenKeeper(secrets, state, post, applied.append, LOG)


async def _sso_session(http: MatrixHttp, stack: AuthStack) -> Credentials:
    person = await asyncio.to_thread(stack.idp.new_person)
    made = await browser.sso_sign_in(
        http,
        homeserver=stack.synapse.base_url,
        provider=LLNG,
        open_url=PersonAtTheBrowser(stack, person).open_url,
        device_id="",
        ssl_param=True,
        timeout=60,
    )
    assert isinstance(made, Credentials), made
    return made


async def test_the_access_token_is_renewed_before_it_expires(
    http: MatrixHttp, auth_stack: AuthStack
) -> None:
    made = await _sso_session(http, auth_stack)
    secrets, state, applied = KeyringDict(made.secrets), MemoryState(), []
    tokens = _keeper(http, secrets, state, applied)
    await tokens.signed_in({"refresh_token": made.secrets["refresh_token"], "expires_in_ms": 8000})
    await tokens.start()
    try:
        await wait_until(lambda: applied, what="the token renewed")
    finally:
        tokens.stop()
    new = secrets.values["access_token"]
    assert new == applied[0] != made.secrets["access_token"]
    assert secrets.values["refresh_token"] != made.secrets["refresh_token"]
    me = await _whoami(auth_stack, new)
    assert me["device_id"] == made.secrets["device_id"]  # the same device


async def test_an_expired_token_is_refused_and_a_refresh_revives_the_session(
    http: MatrixHttp, auth_stack: AuthStack
) -> None:
    made = await _sso_session(http, auth_stack)
    old = made.secrets["access_token"]
    _status, body = await wait_until(  # until the server refuses it: M_UNKNOWN_TOKEN, soft logout
        lambda: asyncio.to_thread(
            auth_stack.synapse.request, "GET", "/_matrix/client/v3/account/whoami", None, old
        ),
        ACCESS_TOKEN_LIFETIME + DEADLINE,
        check=lambda answer: answer[0] == 401,
        interval=0.5,
        what="the access token expired",
    )
    assert body["errcode"] == "M_UNKNOWN_TOKEN" and body.get("soft_logout") is True
    secrets, applied = KeyringDict(made.secrets), []
    tokens = _keeper(http, secrets, MemoryState(), applied)
    assert await tokens.refresh() is None
    assert (await _whoami(auth_stack, applied[0]))["device_id"] == made.secrets["device_id"]


async def test_a_refresh_token_used_elsewhere_means_signing_in_again(
    http: MatrixHttp, auth_stack: AuthStack
) -> None:
    """Someone (or something) used our refresh token: ours is refused — a soft logout that keeps
    the device for the next sign-in."""
    made = await _sso_session(http, auth_stack)
    reply = await http.request(
        "POST",
        "/_matrix/client/v3/refresh",
        body={"refresh_token": made.secrets["refresh_token"]},
        auth=False,
    )
    assert reply.ok, reply.body
    await _whoami(auth_stack, reply.body["access_token"])  # the new token used: ours is spent
    secrets = KeyringDict(made.secrets)
    tokens = _keeper(http, secrets, MemoryState(), [])
    failure = await tokens.refresh()
    assert failure is not None and failure.kind is FailureKind.AUTH
    assert failure.detail == "soft_logout"
    assert secrets.values["device_id"] == made.secrets["device_id"]


# -- the backend and the core --------------------------------------------------------------------


def _backend(
    stack: AuthStack, user_id: str, tmp_path: Path, secrets: SharedSecrets, state: SharedState
) -> Session:
    return make_session(
        Account(user_id, ""),
        tmp_path,
        {"homeserver": stack.synapse.base_url},
        secrets=secrets,
        state=state,
    )


async def _signed_in_through_sso(
    stack: AuthStack, tmp_path: Path, person: Person
) -> tuple[Session, SharedSecrets, SharedState]:
    """What the core does: browser sign-in on a throwaway instance, then the real session."""
    probe = _backend(
        stack, stack.mxid(person), tmp_path / "probe", SharedSecrets({}), SharedState()
    )
    at_browser = PersonAtTheBrowser(stack, person)
    made = await probe.backend.sign_in_with_browser(IDP_ID, at_browser.open_url)
    await probe.backend.disconnect()
    assert isinstance(made, Credentials), made
    assert "password" not in made.secrets
    secrets, state = SharedSecrets(dict(made.secrets)), SharedState()
    session = _backend(stack, str(made.settings["user_id"]), tmp_path, secrets, state)
    result = await session.backend.connect()
    assert result.ok, result.failure
    await asyncio.wait_for(session.backend.synced.wait(), 60)
    return session, secrets, state


async def test_the_backend_offers_the_providers_of_the_homeserver(
    auth_stack: AuthStack, tmp_path: Path
) -> None:
    probe = _backend(auth_stack, "@someone:example.org", tmp_path, SharedSecrets({}), SharedState())
    methods = await probe.backend.sign_in_methods()
    await probe.backend.disconnect()
    assert not isinstance(methods, Failure), methods
    assert [p.id for p in methods.providers] == [IDP_ID, DOWN_IDP_ID]


async def test_an_sso_account_syncs_and_its_token_is_renewed_while_connected(
    auth_stack: AuthStack, tmp_path: Path
) -> None:
    person = await asyncio.to_thread(auth_stack.idp.new_person)
    session, secrets, _state = await _signed_in_through_sso(auth_stack, tmp_path, person)
    try:
        # Renewed at once (a browser sign-in on another instance left no expiry), then again
        # on time, before the new token's 8 s are up.
        seen = [secrets.values["access_token"]]

        def renewed_twice() -> bool:
            if secrets.values["access_token"] != seen[-1]:
                seen.append(secrets.values["access_token"])
            return len(seen) >= 3

        await wait_until(renewed_twice, what=lambda: f"two renewals (seen {len(seen) - 1})")
        # The sync loop carries on with the new token: a message from elsewhere arrives.
        token = secrets.values["access_token"]
        room = await _create_room(auth_stack, token)
        status, _ = await asyncio.to_thread(
            auth_stack.synapse.request,
            "PUT",
            f"/_matrix/client/v3/rooms/{quote(room, safe='')}/send/m.room.message/t1",
            {"msgtype": "m.text", "body": "after the refresh"},
            token,
        )
        assert status == 200
        await session.wait_message("after the refresh", timeout=60)
        assert not session.facts(f.ConnectionLost)
    finally:
        await session.backend.disconnect()


async def _create_room(stack: AuthStack, token: str) -> str:
    status, body = await asyncio.to_thread(
        stack.synapse.request, "POST", "/_matrix/client/v3/createRoom", {}, token
    )
    assert status == 200, body
    return str(body["room_id"])


async def test_a_restart_after_the_token_expired_needs_no_password(
    auth_stack: AuthStack, tmp_path: Path
) -> None:
    person = await asyncio.to_thread(auth_stack.idp.new_person)
    session, secrets, state = await _signed_in_through_sso(auth_stack, tmp_path, person)
    device = session.backend.device_id
    await session.backend.disconnect()
    await asyncio.sleep(ACCESS_TOKEN_LIFETIME + 1)  # the stored access token is now expired
    again = _backend(auth_stack, session.backend.own_id, tmp_path, secrets, state)
    result = await again.backend.connect()
    try:
        assert result.ok, result.failure
        assert again.backend.device_id == device
    finally:
        await again.backend.disconnect()


async def test_soft_logout_asks_to_sign_in_again_and_keeps_device_and_keys(
    auth_stack: AuthStack, tmp_path: Path
) -> None:
    person = await asyncio.to_thread(auth_stack.idp.new_person)
    session, secrets, state = await _signed_in_through_sso(auth_stack, tmp_path, person)
    device = session.backend.device_id
    identity = session.backend._session.nio.olm.account.identity_keys["ed25519"]
    user_id = session.backend.own_id
    await session.backend.disconnect()
    # The refresh token is spent elsewhere, and the access token expires: the server ends the
    # session (soft logout).
    spent = await asyncio.to_thread(
        auth_stack.synapse.request,
        "POST",
        "/_matrix/client/v3/refresh",
        {"refresh_token": secrets.values["refresh_token"]},
    )
    assert spent[0] == 200, spent
    await _whoami(auth_stack, str(spent[1]["access_token"]))
    await asyncio.sleep(ACCESS_TOKEN_LIFETIME + 1)
    ended = _backend(auth_stack, user_id, tmp_path, secrets, state)
    result = await ended.backend.connect()
    await ended.backend.disconnect()
    assert result.failure is not None and result.failure.kind is FailureKind.AUTH
    assert result.failure.detail == "soft_logout" and "sign in again" in result.failure.message
    assert secrets.values.get("device_id") == device  # kept for the next sign-in
    # Signing in again through the browser continues the same device, keys included.
    probe = _backend(auth_stack, user_id, tmp_path / "probe2", secrets, SharedState())
    made = await probe.backend.sign_in_with_browser(
        IDP_ID, PersonAtTheBrowser(auth_stack, person).open_url
    )
    await probe.backend.disconnect()
    assert isinstance(made, Credentials), made
    assert made.secrets["device_id"] == device
    secrets.values.update(made.secrets)
    back = _backend(auth_stack, user_id, tmp_path, secrets, state)
    result = await back.backend.connect()
    try:
        assert result.ok, result.failure
        assert back.backend.device_id == device
        assert back.backend._session.nio.olm.account.identity_keys["ed25519"] == identity
    finally:
        await back.backend.disconnect()


async def test_the_core_adds_an_sso_account_that_comes_online(
    auth_stack: AuthStack, tmp_path: Path
) -> None:
    """The app's whole path: core.signin opens the browser (an OpenInBrowser event), the person
    signs in with password and TOTP, the account is added with its session secrets only (no
    password anywhere) and connects."""
    core = make_core(
        tmp_path / "profile", FakeServer(), MemorySecretStore(), extra_classes=(MatrixBackend,)
    )
    await core.start()
    person = await asyncio.to_thread(auth_stack.idp.new_person)
    at_browser = PersonAtTheBrowser(auth_stack, person)
    core.bus.subscribe(ev.OpenInBrowser, lambda e: at_browser.open_url(e.url))
    states: list[ev.ConnectionStateChanged] = []
    core.bus.subscribe(ev.ConnectionStateChanged, states.append)
    try:
        account = await core.signin.sign_in_with_browser(
            "matrix",
            {"user_id": auth_stack.mxid(person), "homeserver": auth_stack.synapse.base_url},
            IDP_ID,
            display_name="Work",
        )
        assert not isinstance(account, Failure), account
        assert account.display_name == "Work"
        assert core.ctx.secrets.get(account.id, "password") is None
        assert core.ctx.secrets.get(account.id, "refresh_token")
        await wait_for(
            lambda: any(
                s.account_id == account.id and s.state is ConnectionState.CONNECTED for s in states
            ),
            timeout=60,
        )
    finally:
        await core.stop()
