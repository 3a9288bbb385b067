"""Making an XMPP account from the app: in-band registration (XEP-0077) against Prosody's
mod_register, the server found through DNS SRV. A made account then signs in for real."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from app import events as ev
from app.backend import (
    Credentials,
    Failure,
    FailureKind,
    FieldKind,
    NetworkSettings,
    SignUpForm,
)
from app.core import Core
from app.models import ConnectionState
from backends.xmpp import XmppBackend
from chinwag.testing import MemorySecretStore, RecordingContext
from tests.fakes.core_harness import Recorder, make_core, wait_for
from tests.fakes.fake_backend import FakeServer
from tests.integration.xmpp.signup_server import (
    CLOSED,
    DOMAIN,
    NO_SERVICE,
    SignupServer,
    signup_server,
)

__all__ = ["signup_server"]
pytestmark = pytest.mark.integration


def _backend(server: SignupServer, jid: str, password: str, tmp_path: Path) -> XmppBackend:
    rec = RecordingContext(
        "signup",
        {"jid": jid, "ca_file": str(server.tls.ca_cert)},
        {"password": password} if password else {},
        tmp_path / "data",
    )
    ctx = dataclasses.replace(
        rec.build(asyncio.get_running_loop()),
        network=NetworkSettings(dns_servers=tuple(server.nameservers)),
    )
    return XmppBackend(ctx)


async def _signs_in(server: SignupServer, made: Credentials, tmp_path: Path) -> None:
    backend = _backend(server, str(made.settings["jid"]), made.secrets["password"], tmp_path)
    try:
        result = await backend.connect()
        assert result.ok, result.failure
        assert backend.own_id == made.settings["jid"]
    finally:
        await backend.disconnect()


async def test_address_and_password_are_enough_to_make_an_account(
    signup_server: SignupServer, tmp_path: Path
) -> None:
    user = signup_server.unique_user()
    backend = _backend(signup_server, f"{user}@{DOMAIN}", "a good password 123", tmp_path)
    try:
        made = await backend.sign_up({})
    finally:
        await backend.cancel_sign_up()
    assert made == Credentials({"jid": f"{user}@{DOMAIN}"}, {"password": "a good password 123"})
    assert signup_server.exists(user)
    await _signs_in(signup_server, made, tmp_path)


async def test_the_servers_form_is_shown_when_something_is_missing(
    signup_server: SignupServer, tmp_path: Path
) -> None:
    user = signup_server.unique_user()
    backend = _backend(signup_server, f"{user}@{DOMAIN}", "", tmp_path)
    try:
        form = await backend.sign_up({})
        assert isinstance(form, SignUpForm), form
        fields = {f.name: f for f in form.fields}
        assert fields["username"].value == user  # prefilled from the address
        assert fields["password"].kind is FieldKind.PASSWORD
        assert not form.errors
        made = await backend.sign_up({"username": user, "password": "chosen in the form"})
    finally:
        await backend.cancel_sign_up()
    assert isinstance(made, Credentials), made
    assert made.secrets == {"password": "chosen in the form"}
    await _signs_in(signup_server, made, tmp_path)


async def test_a_taken_username_comes_back_with_the_error_next_to_it(
    signup_server: SignupServer, tmp_path: Path
) -> None:
    taken = await asyncio.to_thread(signup_server.new_account, "taken")
    backend = _backend(signup_server, taken.jid, "another password", tmp_path)
    try:
        form = await backend.sign_up({})
        assert isinstance(form, SignUpForm), form
        assert "username" in form.errors, form.errors
        free = signup_server.unique_user("free")
        made = await backend.sign_up({"username": free, "password": "another password"})
    finally:
        await backend.cancel_sign_up()
    assert isinstance(made, Credentials), made
    assert made.settings["jid"] == f"{free}@{DOMAIN}"
    assert signup_server.exists(free)


async def test_a_server_that_refuses_new_accounts_says_so(
    signup_server: SignupServer, tmp_path: Path
) -> None:
    backend = _backend(signup_server, f"someone@{CLOSED}", "password", tmp_path)
    try:
        outcome = await backend.sign_up({})
    finally:
        await backend.cancel_sign_up()
    assert isinstance(outcome, Failure), outcome
    assert outcome.kind is FailureKind.REJECTED
    assert "does not let new accounts be made" in outcome.message


async def test_no_server_no_account(signup_server: SignupServer, tmp_path: Path) -> None:
    backend = _backend(signup_server, f"someone@{NO_SERVICE}", "password", tmp_path)
    try:
        outcome = await backend.sign_up({})
    finally:
        await backend.cancel_sign_up()
    assert isinstance(outcome, Failure), outcome
    assert outcome.kind is FailureKind.CONFIG


# -- through the core -----------------------------------------------------------------------


@pytest.fixture
async def core(signup_server: SignupServer, tmp_path: Path) -> AsyncIterator[Core]:
    core = make_core(
        tmp_path / "profile",
        FakeServer(),
        MemorySecretStore(),
        extra_classes=(XmppBackend,),
        network=NetworkSettings(dns_servers=tuple(signup_server.nameservers)),
    )
    await core.start()
    try:
        yield core
    finally:
        await core.stop()


async def test_the_core_adds_the_new_account_and_signs_it_in(
    core: Core, signup_server: SignupServer
) -> None:
    recorder = Recorder(core)
    user = signup_server.unique_user("core")
    settings = {"jid": f"{user}@{DOMAIN}", "ca_file": str(signup_server.tls.ca_cert)}
    step = await core.signin.begin_sign_up("xmpp", settings, {}, display_name="New me")
    assert step.form is not None, step
    assert "password" in {f.name for f in step.form.fields}
    step = await core.signin.answer_sign_up(
        step.sign_up_id, {"username": user, "password": "typed in the form"}
    )
    assert step.account is not None, step.failure
    assert step.account.display_name == "New me"
    assert step.account.settings["jid"] == f"{user}@{DOMAIN}"
    assert core.ctx.secrets.get(step.account.id, "password") == "typed in the form"
    await wait_for(
        lambda: any(
            e.account_id == step.account.id and e.state is ConnectionState.CONNECTED  # type: ignore[union-attr]
            for e in recorder.of(ev.ConnectionStateChanged)
        ),
        timeout=20,
    )


async def test_the_core_reports_a_refusal_and_adds_nothing(
    core: Core, signup_server: SignupServer
) -> None:
    settings = {"jid": f"someone@{CLOSED}", "ca_file": str(signup_server.tls.ca_cert)}
    step = await core.signin.begin_sign_up("xmpp", settings, {"password": "pw"})
    assert step.failure is not None and step.failure.kind is FailureKind.REJECTED
    assert core.accounts.list_accounts() == []


async def test_bad_settings_name_their_field(core: Core) -> None:
    problems = await core.signin.check_settings("xmpp", {"jid": "not an address"})
    assert set(problems) == {"jid"}
    step = await core.signin.begin_sign_up("xmpp", {"jid": "nope"}, {})
    assert step.failure is not None and step.failure.field == "jid"
