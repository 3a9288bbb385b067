"""SASL EXTERNAL with a client certificate (RFC 6120 §6.4, XEP-0178) against Prosody's
mod_auth_ccert: no password at all, and a certificate for someone else is refused."""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path

import pytest

from app.backend import FailureKind, NetworkSettings
from backends.xmpp import XmppBackend
from chinwag.testing import RecordingContext
from tests.integration.support import make_client_cert
from tests.integration.xmpp.signup_server import CERTS, SignupServer, signup_server

__all__ = ["signup_server"]
pytestmark = pytest.mark.integration


async def _connect(
    server: SignupServer, jid: str, cert: Path, key: Path, tmp_path: Path
) -> tuple[XmppBackend, object]:
    rec = RecordingContext(
        "ccert",
        {
            "jid": jid,
            "ca_file": str(server.tls.ca_cert),
            "client_cert": str(cert),
            "client_key": str(key),
        },
        {},  # no password in the keyring
        tmp_path / "data",
    )
    ctx = dataclasses.replace(
        rec.build(asyncio.get_running_loop()),
        network=NetworkSettings(dns_servers=tuple(server.nameservers)),
    )
    backend = XmppBackend(ctx)
    return backend, await backend.connect()


async def test_signs_in_with_a_client_certificate_and_no_password(
    signup_server: SignupServer, tmp_path: Path
) -> None:
    jid = f"{signup_server.unique_user('cert')}@{CERTS}"
    cert, key = make_client_cert(signup_server.tls, tmp_path / "cert", jid)
    backend, result = await _connect(signup_server, jid, cert, key, tmp_path)
    try:
        assert result.ok, result.failure  # type: ignore[attr-defined]
        assert backend.own_id == jid
        client = backend._session.client  # type: ignore[union-attr]
        assert client.plugin["feature_mechanisms"].mech.name == "EXTERNAL"
    finally:
        await backend.disconnect()


async def test_a_certificate_for_someone_else_is_refused(
    signup_server: SignupServer, tmp_path: Path
) -> None:
    jid = f"{signup_server.unique_user('me')}@{CERTS}"
    cert, key = make_client_cert(
        signup_server.tls, tmp_path / "cert", f"{signup_server.unique_user('other')}@{CERTS}"
    )
    backend, result = await _connect(signup_server, jid, cert, key, tmp_path)
    await backend.disconnect()
    failure = result.failure  # type: ignore[attr-defined]
    assert failure is not None and failure.kind is FailureKind.AUTH, failure


async def test_an_unreadable_certificate_is_a_config_failure(
    signup_server: SignupServer, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.pem"
    bad.write_text("not a certificate")
    backend, result = await _connect(signup_server, f"x@{CERTS}", bad, bad, tmp_path)
    await backend.disconnect()
    failure = result.failure  # type: ignore[attr-defined]
    assert failure is not None and failure.kind is FailureKind.CONFIG
    assert "client certificate" in failure.message
