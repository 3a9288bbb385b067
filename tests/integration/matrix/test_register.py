"""Making a Matrix account from the app against Synapse: user-interactive auth for real.

The session's main Synapse asks only for ``m.login.dummy``; the auth homeserver (see
:mod:`.sso_provider`) asks for a registration token and acceptance of its terms, in one form."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp
import pytest

from app.backend import Credentials, Failure, FailureKind, FieldKind, SignUpForm
from backends.matrix import uia
from backends.matrix.http import Reply
from backends.matrix.register import Registration
from tests.integration.matrix.helpers import PASSWORD
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
