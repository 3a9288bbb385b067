"""Sign-in: SCRAM password, TLS always with verified or pinned trust, clear failures."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from app import facts as f
from app.backend import Capability, ConnectResult, FailureKind
from backends.xmpp import XmppBackend
from chinwag.testing.support import free_port
from tests.integration.xmpp.conftest import Backends
from tests.integration.xmpp.helpers import recording
from tests.integration.xmpp.server import Account, ProsodyServer

pytestmark = pytest.mark.integration


async def _attempt(
    prosody: ProsodyServer, tmp_path: Path, password: str | None = None, **overrides: str | int
) -> ConnectResult:
    """One sign-in of a fresh account (with another password if given); always disconnected."""
    account = prosody.new_account("signin")
    if password is not None:
        account = Account(account.jid, password)
    _, ctx = recording(prosody, account, tmp_path, **overrides)
    backend = XmppBackend(ctx)
    try:
        return await backend.connect()
    finally:
        await backend.disconnect()


async def test_signs_in_with_the_servers_ca_and_reports_its_own_jid(xmpp: Backends) -> None:
    me = await xmpp.open(resource="laptop")
    assert me.backend.own_id == me.account.jid
    session = me.backend._session
    assert session is not None and str(session.client.boundjid.resource).startswith("laptop.")
    assert session.client.is_encrypted()
    mech = session.client.plugin["feature_mechanisms"].mech
    assert mech is not None and mech.name.startswith("SCRAM-"), (
        mech
    )  # never PLAIN when SCRAM is offered
    caps = me.backend.capabilities()
    for cap in (Capability.GROUP_CHAT, Capability.HISTORY, Capability.FILES, Capability.BLOCKING):
        assert cap in caps, cap


async def test_direct_tls_port(prosody: ProsodyServer, xmpp: Backends) -> None:
    me = await xmpp.open(tls_mode="direct", port=prosody.direct_tls_port)
    assert me.backend.own_id == me.account.jid


async def test_wrong_password_is_an_auth_failure_that_stops_retries(
    prosody: ProsodyServer, tmp_path: Path
) -> None:
    result = await _attempt(prosody, tmp_path, password="not the password")
    assert result.failure is not None
    assert result.failure.kind is FailureKind.AUTH
    assert not result.failure.retryable
    assert "password" in result.failure.message


async def test_unreachable_server_is_retryable(prosody: ProsodyServer, tmp_path: Path) -> None:
    result = await _attempt(prosody, tmp_path, port=free_port())
    assert result.failure is not None
    assert result.failure.kind is FailureKind.NETWORK
    assert result.failure.retryable


async def test_untrusted_certificate_fails_with_its_fingerprint(
    prosody: ProsodyServer, tmp_path: Path
) -> None:
    result = await _attempt(prosody, tmp_path, ca_file="")
    assert result.failure is not None
    assert result.failure.kind is FailureKind.TLS
    assert not result.failure.retryable
    assert result.failure.detail == prosody.tls.fingerprint_sha256


async def test_untrusted_certificate_on_direct_tls_also_shows_the_fingerprint(
    prosody: ProsodyServer, tmp_path: Path
) -> None:
    result = await _attempt(
        prosody, tmp_path, ca_file="", tls_mode="direct", port=prosody.direct_tls_port
    )
    assert result.failure is not None
    assert result.failure.kind is FailureKind.TLS
    assert result.failure.detail == prosody.tls.fingerprint_sha256


async def test_pinned_fingerprint_is_trusted_without_a_ca(
    prosody: ProsodyServer, xmpp: Backends
) -> None:
    pin = prosody.tls.fingerprint_sha256.replace(":", "").lower()  # any spelling is accepted
    me = await xmpp.open(ca_file="", trusted_fingerprint=pin)
    assert me.backend.own_id == me.account.jid


async def test_a_different_pinned_fingerprint_is_refused_before_signing_in(
    prosody: ProsodyServer, tmp_path: Path
) -> None:
    wrong = ":".join(["AB"] * 32)
    result = await _attempt(prosody, tmp_path, ca_file="", trusted_fingerprint=wrong)
    assert result.failure is not None
    assert result.failure.kind is FailureKind.TLS
    assert result.failure.detail == prosody.tls.fingerprint_sha256
    # Nothing reached the server: no authentication was even attempted.
    assert "pinned" in result.failure.message


async def test_missing_ca_file_is_a_settings_problem(
    prosody: ProsodyServer, tmp_path: Path
) -> None:
    result = await _attempt(prosody, tmp_path, ca_file=str(tmp_path / "nope.pem"))
    assert result.failure is not None
    assert result.failure.kind is FailureKind.CONFIG
    assert not result.failure.retryable


async def test_disconnect_twice_and_on_a_dead_connection_is_safe(xmpp: Backends) -> None:
    me = await xmpp.open()
    session = me.backend._session
    assert session is not None and session.client.transport is not None
    session.client.transport.abort()  # the network goes away under us
    await me.backend.disconnect()
    await me.backend.disconnect()
    assert me.backend.capabilities() is Capability.NONE


async def test_two_installations_of_one_account_do_not_throw_each_other_out(
    prosody: ProsodyServer, xmpp: Backends
) -> None:
    """Each account state gets its own resource tag (a connection test uses a throwaway one)."""
    first = await xmpp.open()
    second = await xmpp.open(first.account)  # same settings, another account state
    assert first.backend._session is not None and second.backend._session is not None
    assert first.backend._session.client.boundjid != second.backend._session.client.boundjid
    await asyncio.sleep(0.5)
    assert not first.of(f.ConnectionLost) and first.backend._session.connected
