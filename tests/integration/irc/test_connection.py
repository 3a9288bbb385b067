"""Connecting: TLS verified by default, plain text only on request, server password, SASL PLAIN and
EXTERNAL, NickServ as a fallback, alternate nicks — against InspIRCd + Atheme."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from app.backend import FailureKind
from chinwag.testing.support import free_port
from tests.integration.irc.helpers import BackendFactory, settings_for
from tests.integration.irc.peer import Peer, unique_nick
from tests.integration.irc.servers import (
    CERT_ACCOUNT,
    PASSWORD,
    SERVER_PASSWORD,
    IrcServer,
)

pytestmark = pytest.mark.integration
OpenPeer = Callable[..., Awaitable[Peer]]


async def test_tls_with_trusted_ca_and_sasl_plain(
    inspircd_server: IrcServer, backends: BackendFactory
) -> None:
    nick = unique_nick("Tls")
    made = await backends.connected(
        inspircd_server, nick=nick, account="chinwag", secrets={"password": PASSWORD}
    )
    backend = made.backend
    assert backend.own_id == nick
    assert backend.account == "chinwag"  # signed in by SASL before registration finished
    assert "sasl" in backend.caps_enabled


async def test_untrusted_certificate_is_a_tls_failure_with_its_fingerprint(
    inspircd_server: IrcServer, backends: BackendFactory
) -> None:
    assert inspircd_server.tls is not None
    settings = settings_for(inspircd_server)
    del settings["ca_file"]
    result = await backends.attempt(settings)
    assert result.failure is not None
    assert result.failure.kind is FailureKind.TLS
    assert not result.failure.retryable
    assert result.failure.detail == inspircd_server.tls.fingerprint_sha256


async def test_pinned_fingerprint_is_trusted_and_a_wrong_one_is_not(
    inspircd_server: IrcServer, backends: BackendFactory
) -> None:
    assert inspircd_server.tls is not None
    real = inspircd_server.tls.fingerprint_sha256
    settings = settings_for(inspircd_server, trusted_fingerprint=real.lower().replace(":", ""))
    del settings["ca_file"]
    ok = await backends.attempt(settings)
    assert ok.ok, ok.failure

    wrong = "00:" * 31 + "00"
    settings = settings_for(inspircd_server, trusted_fingerprint=wrong)
    del settings["ca_file"]
    result = await backends.attempt(settings)
    assert result.failure is not None
    assert result.failure.kind is FailureKind.TLS
    assert result.failure.detail == real


async def test_plain_text_only_when_the_user_opts_in(
    inspircd_server: IrcServer, backends: BackendFactory
) -> None:
    settings = {"server": inspircd_server.host, "port": inspircd_server.port, "nick": unique_nick()}
    refused = await backends.attempt(settings)  # TLS by default: a plain port does not do TLS
    assert refused.failure is not None
    assert refused.failure.kind is FailureKind.TLS
    accepted = await backends.attempt({**settings, "plain_text": True, "nick": unique_nick()})
    assert accepted.ok, accepted.failure


async def test_wrong_sasl_password_is_an_auth_failure(
    inspircd_server: IrcServer, backends: BackendFactory
) -> None:
    result = await backends.attempt(
        settings_for(inspircd_server, account="chinwag"), {"password": "not the password"}
    )
    assert result.failure is not None
    assert result.failure.kind is FailureKind.AUTH
    assert not result.failure.retryable


async def test_unreachable_server_is_a_retryable_network_failure(
    backends: BackendFactory,
) -> None:
    result = await backends.attempt(
        {"server": "127.0.0.1", "port": free_port(), "nick": "nobody", "plain_text": True}
    )
    assert result.failure is not None
    assert result.failure.kind is FailureKind.NETWORK
    assert result.failure.retryable


async def test_sasl_external_with_a_client_certificate(
    inspircd_server: IrcServer, backends: BackendFactory
) -> None:
    assert inspircd_server.client_cert is not None
    made = await backends.connected(
        inspircd_server, client_cert=str(inspircd_server.client_cert.cert)
    )
    assert made.backend.account == CERT_ACCOUNT  # no password given: the certificate did it


async def test_nickserv_identify_when_sasl_is_not_used(
    inspircd_server: IrcServer, backends: BackendFactory
) -> None:
    made = await backends.connected(
        inspircd_server, auth="nickserv", account="nickserv1", secrets={"password": PASSWORD}
    )
    assert "sasl" not in made.backend.caps_enabled
    assert made.backend.account == "nickserv1"

    result = await backends.attempt(
        settings_for(inspircd_server, auth="nickserv", account="nickserv1"),
        {"password": "wrong"},
    )
    assert result.failure is not None
    assert result.failure.kind is FailureKind.AUTH


async def test_server_password(inspircd_server: IrcServer, backends: BackendFactory) -> None:
    assert inspircd_server.password_port is not None
    settings = {
        "server": inspircd_server.host,
        "port": inspircd_server.password_port,
        "plain_text": True,
        "nick": unique_nick(),
    }
    ok = await backends.attempt(settings, {"server_password": SERVER_PASSWORD})
    assert ok.ok, ok.failure
    wrong = await backends.attempt({**settings, "nick": unique_nick()}, {"server_password": "no"})
    assert wrong.failure is not None
    assert wrong.failure.kind is FailureKind.AUTH
    assert not wrong.failure.retryable


async def test_alternate_nicks_when_the_nick_is_taken(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    taken = unique_nick("Taken")
    alternate = unique_nick("Alt")
    await peers(inspircd_server, taken)
    first = await backends.connected(inspircd_server, nick=taken, alt_nicks=f"{taken} {alternate}")
    assert first.backend.own_id == alternate
    second = await backends.connected(inspircd_server, nick=taken)
    assert second.backend.own_id == taken + "_"


async def test_disconnect_is_polite_and_idempotent(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made, peer = await asyncio.gather(backends.connected(inspircd_server), peers(inspircd_server))
    await peer.send(f"MONITOR + {made.backend.own_id}")
    await peer.wait_for(lambda m: m.command == "730")
    await made.backend.disconnect()
    await made.backend.disconnect()
    await peer.wait_for(lambda m: m.command == "731")  # the server saw us leave
    assert not made.backend.connected
    await asyncio.sleep(0)
