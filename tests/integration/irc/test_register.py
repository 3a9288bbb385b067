"""Registering a nickname with NickServ from the app, against InspIRCd + Atheme: the new
account then signs in with SASL; a registered nick, a bad e-mail and a network without
NickServ are clear refusals."""

from __future__ import annotations

import logging
import secrets

import pytest

from app.backend import Credentials, Failure, FailureKind, SignUpForm
from backends.irc import transport
from backends.irc.register import FIELD_EMAIL, NickServRegistration
from tests.integration.irc.helpers import BackendFactory, settings_for
from tests.integration.irc.servers import IrcServer

pytestmark = pytest.mark.integration
LOG = logging.LoggerAdapter(logging.getLogger("irc-register-test"), {})


def _registration(
    server: IrcServer, nick: str, password: str = "s3cret-pass"
) -> NickServRegistration:
    assert server.tls is not None and server.tls_port is not None
    return NickServRegistration(
        host=server.host,
        port=server.tls_port,
        tls=transport.TlsOptions(ca_file=str(server.tls.ca_cert)),
        nick=nick,
        password=password,
        log=LOG,
    )


def _nick() -> str:
    return "reg" + secrets.token_hex(3)


async def test_register_then_sign_in_with_sasl(
    inspircd_server: IrcServer, backends: BackendFactory
) -> None:
    nick = _nick()
    registration = _registration(inspircd_server, nick)
    form = await registration.step({})
    assert isinstance(form, SignUpForm) and [f.name for f in form.fields] == [FIELD_EMAIL]
    made = await registration.step({FIELD_EMAIL: f"{nick}@example.org"})
    assert made == Credentials({"nick": nick, "account": nick}, {"password": "s3cret-pass"})
    # The account is real: our backend signs in to it with SASL.
    signed = await backends.connected(
        inspircd_server, nick=nick, account=nick, secrets={"password": "s3cret-pass"}
    )
    assert signed.backend.account == nick


async def test_a_registered_nick_is_refused_next_to_the_nick(inspircd_server: IrcServer) -> None:
    nick = _nick()
    first = await _registration(inspircd_server, nick).step({FIELD_EMAIL: f"{nick}@example.org"})
    assert isinstance(first, Credentials), first
    again = await _registration(inspircd_server, nick).step({FIELD_EMAIL: f"{nick}@example.org"})
    assert isinstance(again, Failure) and again.field == "nick", again


async def test_a_bad_email_comes_back_next_to_the_email_field(inspircd_server: IrcServer) -> None:
    registration = _registration(inspircd_server, _nick())
    form = await registration.step({FIELD_EMAIL: "not-an-address"})
    assert isinstance(form, SignUpForm) and FIELD_EMAIL in form.errors
    form = await registration.step({FIELD_EMAIL: "x@"})
    assert isinstance(form, SignUpForm) and FIELD_EMAIL in form.errors, form


async def test_a_password_with_spaces_is_refused_before_connecting(
    inspircd_server: IrcServer,
) -> None:
    outcome = await _registration(inspircd_server, _nick(), "two words").step({})
    assert isinstance(outcome, Failure) and outcome.field == "password"


async def test_a_network_without_nickserv(ngircd_server: IrcServer) -> None:
    registration = NickServRegistration(
        host=ngircd_server.host,
        port=ngircd_server.port,
        tls=None,
        nick=_nick(),
        password="pw",
        log=LOG,
    )
    outcome = await registration.step({FIELD_EMAIL: "a@example.org"})
    assert isinstance(outcome, Failure) and outcome.kind is FailureKind.UNSUPPORTED, outcome


async def test_the_backend_registers_from_the_account_dialogs_settings(
    inspircd_server: IrcServer, backends: BackendFactory
) -> None:
    """What the core's sign-up drives: the nick, server and password typed in the dialog, then
    the e-mail in the form; the credentials then name the services account."""
    nick = _nick()
    made = backends.new(settings_for(inspircd_server, nick), {"password": "typed-in-dialog"})
    try:
        form = await made.backend.sign_up({})
        assert isinstance(form, SignUpForm), form
        done = await made.backend.sign_up({FIELD_EMAIL: f"{nick}@example.org"})
    finally:
        await made.backend.cancel_sign_up()
    assert done == Credentials({"nick": nick, "account": nick}, {"password": "typed-in-dialog"})
    signed = await backends.connected(
        inspircd_server, nick=nick, account=nick, secrets={"password": "typed-in-dialog"}
    )
    assert signed.backend.account == nick
