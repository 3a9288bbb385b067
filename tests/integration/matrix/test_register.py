"""Making a Matrix account from the app against Synapse: user-interactive auth for real.

The session's main Synapse asks only for ``m.login.dummy``; the auth homeserver (see
:mod:`.sso_provider`) asks for a registration token and acceptance of its terms, in one form."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from app.backend import Credentials, Failure, FailureKind, FieldKind, SignUpForm
from backends.matrix import MatrixBackend, uia
from backends.matrix.http import Reply
from backends.matrix.register import Registration
from chinwag.testing import MemorySecretStore
from tests.fakes.core_harness import make_core
from tests.fakes.fake_backend import FakeServer
from tests.integration.matrix.helpers import (
    PASSWORD,
    Account,
    Session,
    SharedSecrets,
    make_session,
)
from tests.integration.matrix.sso_provider import AuthStack
from tests.integration.matrix.synapse import Synapse

pytestmark = pytest.mark.integration


def _request(base: str):  # type: ignore[no-untyped-def]
    async def request(method: str, path: str, body: dict[str, Any] | None) -> Reply:
        async with (
            aiohttp.ClientSession() as session,
            session.request(
                method, base + path, data=None if body is None else json.dumps(body)
            ) as resp,
        ):
            data = await resp.json(content_type=None)
            return Reply(resp.status, data if isinstance(data, dict) else {})

    return request


def _registration(server: Synapse, localpart: str, password: str = PASSWORD) -> Registration:
    return Registration(
        _request(server.base_url),
        homeserver=server.base_url,
        server_name=server.server_name,
        localpart=localpart,
        password=password,
        device_name="Chinwag",
    )


async def _whoami(server: Synapse, token: str) -> str:
    status, body = await asyncio.to_thread(
        server.request, "GET", "/_matrix/client/v3/account/whoami", None, token
    )
    assert status == 200, body
    return str(body["user_id"])


async def test_a_dummy_stage_needs_nothing_from_the_person(synapse: Synapse) -> None:
    name = synapse.unique_name("new")
    made = await _registration(synapse, name).step({})
    assert isinstance(made, Credentials), made
    assert made.settings == {"user_id": synapse.mxid(name)}
    assert made.secrets["password"] == PASSWORD
    assert await _whoami(synapse, made.secrets["access_token"]) == synapse.mxid(name)
    # The new account also signs in with its password.
    assert await asyncio.to_thread(synapse.login, synapse.mxid(name), PASSWORD)


async def test_a_taken_name_is_said_next_to_the_matrix_id(synapse: Synapse) -> None:
    name = synapse.unique_name("taken")
    await asyncio.to_thread(synapse.register, name, PASSWORD)
    outcome = await _registration(synapse, name).step({})
    assert isinstance(outcome, Failure), outcome
    assert outcome.field == "user_id" and "taken" in outcome.message


async def test_an_invalid_name_is_said_next_to_the_matrix_id(synapse: Synapse) -> None:
    outcome = await _registration(synapse, "Not Valid!").step({})
    assert isinstance(outcome, Failure) and outcome.field == "user_id", outcome


async def test_token_and_terms_are_asked_in_one_form(auth_stack: AuthStack) -> None:
    server = auth_stack.synapse
    name = server.unique_name("tok")
    registration = _registration(server, name)
    form = await registration.step({})
    assert isinstance(form, SignUpForm), form
    fields = {f.name: f for f in form.fields}
    assert set(fields) == {uia.FIELD_TOKEN, uia.FIELD_TERMS}
    assert fields[uia.FIELD_TERMS].kind is FieldKind.BOOLEAN
    assert "/_matrix/consent" in fields[uia.FIELD_TERMS].link
    assert "Terms of service" in fields[uia.FIELD_TERMS].label

    # Not accepting the terms is stopped before anything is sent.
    token = await asyncio.to_thread(auth_stack.new_registration_token)
    form = await registration.step({uia.FIELD_TOKEN: token, uia.FIELD_TERMS: False})
    assert isinstance(form, SignUpForm) and uia.FIELD_TERMS in form.errors

    made = await registration.step({uia.FIELD_TOKEN: token, uia.FIELD_TERMS: True})
    assert isinstance(made, Credentials), made
    assert made.settings["user_id"] == server.mxid(name)
    assert "refresh_token" in made.secrets  # asked for, as a sign-in does
    assert await _whoami(server, made.secrets["access_token"]) == server.mxid(name)


async def test_a_wrong_token_comes_back_next_to_the_token_field(auth_stack: AuthStack) -> None:
    server = auth_stack.synapse
    registration = _registration(server, server.unique_name("wrong"))
    form = await registration.step({})
    assert isinstance(form, SignUpForm)
    form = await registration.step({uia.FIELD_TOKEN: "not-a-token", uia.FIELD_TERMS: True})
    assert isinstance(form, SignUpForm), form
    assert uia.FIELD_TOKEN in form.errors
    token = await asyncio.to_thread(auth_stack.new_registration_token)
    made = await registration.step({uia.FIELD_TOKEN: token, uia.FIELD_TERMS: True})
    assert isinstance(made, Credentials), made


async def test_an_unreachable_homeserver_is_a_network_failure() -> None:
    registration = Registration(
        _unreachable,
        homeserver="http://127.0.0.1:9",
        server_name="nowhere",
        localpart="x",
        password="y",
        device_name="Chinwag",
    )
    outcome = await registration.step({})
    assert isinstance(outcome, Failure) and outcome.kind is FailureKind.NETWORK


async def _unreachable(method: str, path: str, body: dict[str, Any] | None) -> Reply:
    return Reply(0, transport=Failure(FailureKind.NETWORK, "unreachable", True))


# -- the backend and the core ------------------------------------------------------------------


def _session(server: Synapse, user_id: str, password: str, tmp_path: Path) -> Session:
    return make_session(Account(user_id, password), tmp_path, {"homeserver": server.base_url})


async def test_the_backend_makes_the_account_the_dialog_describes(
    synapse: Synapse, tmp_path: Path
) -> None:
    name = synapse.unique_name("dialog")
    probe = _session(synapse, synapse.mxid(name), "typed in the dialog", tmp_path / "probe")
    try:
        made = await probe.backend.sign_up({})
    finally:
        await probe.backend.cancel_sign_up()
    assert isinstance(made, Credentials), made
    assert made.secrets["password"] == "typed in the dialog"
    # The new account signs in with what the core stores (its token and device, no new device).
    secrets = SharedSecrets(dict(made.secrets))
    session = make_session(
        Account(synapse.mxid(name), ""), tmp_path, {"homeserver": synapse.base_url}, secrets=secrets
    )
    result = await session.backend.connect()
    try:
        assert result.ok, result.failure
        assert session.backend.device_id == made.secrets["device_id"]
    finally:
        await session.backend.disconnect()


async def test_the_core_asks_for_the_token_and_terms_then_adds_the_account(
    auth_stack: AuthStack, tmp_path: Path
) -> None:
    server = auth_stack.synapse
    core = make_core(
        tmp_path / "profile", FakeServer(), MemorySecretStore(), extra_classes=(MatrixBackend,)
    )
    await core.start()
    try:
        name = server.unique_name("core")
        step = await core.signin.begin_sign_up(
            "matrix",
            {"user_id": server.mxid(name), "homeserver": server.base_url},
            {"password": "chosen"},
        )
        assert step.form is not None, step
        token = await asyncio.to_thread(auth_stack.new_registration_token)
        step = await core.signin.answer_sign_up(
            step.sign_up_id, {uia.FIELD_TOKEN: token, uia.FIELD_TERMS: True}
        )
        assert step.account is not None, step.failure
        assert step.account.settings["user_id"] == server.mxid(name)
        assert core.ctx.secrets.get(step.account.id, "device_id")
        assert core.ctx.secrets.get(step.account.id, "password") == "chosen"
    finally:
        await core.stop()


async def test_a_refused_registration_adds_nothing(synapse: Synapse, tmp_path: Path) -> None:
    core = make_core(
        tmp_path / "profile", FakeServer(), MemorySecretStore(), extra_classes=(MatrixBackend,)
    )
    await core.start()
    try:
        taken = synapse.unique_name("taken")
        await asyncio.to_thread(synapse.register, taken, PASSWORD)
        step = await core.signin.begin_sign_up(
            "matrix",
            {"user_id": synapse.mxid(taken), "homeserver": synapse.base_url},
            {"password": "x"},
        )
        assert step.failure is not None and step.failure.field == "user_id"
        assert core.accounts.list_accounts() == []
    finally:
        await core.stop()
