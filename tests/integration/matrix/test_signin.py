"""Sign-in: discovery, TLS trust, token and device reuse, failures, logout (against Synapse)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from app import facts as f
from app.backend import FailureKind
from backends.matrix.backend import SECRET_DEVICE, SECRET_TOKEN, STATE_HOMESERVER
from chinwag.testing.support import free_port
from tests.integration.matrix.helpers import (
    Account,
    SharedSecrets,
    SharedState,
    connect,
    make_session,
)
from tests.integration.matrix.synapse import Synapse

pytestmark = pytest.mark.integration


async def _other_devices(synapse: Synapse, account: Account) -> set[str]:
    """The account's devices on the server, apart from the one this helper signs in with."""
    token = await asyncio.to_thread(synapse.login, account.user_id, account.password)
    try:
        _, me = await asyncio.to_thread(
            synapse.request, "GET", "/_matrix/client/v3/account/whoami", None, token
        )
        status, body = await asyncio.to_thread(
            synapse.request, "GET", "/_matrix/client/v3/devices", None, token
        )
        assert status == 200, body
        return {d["device_id"] for d in body["devices"]} - {me["device_id"]}
    finally:
        await asyncio.to_thread(synapse.request, "POST", "/_matrix/client/v3/logout", {}, token)


async def _token_works(synapse: Synapse, token: str) -> bool:
    status, _ = await asyncio.to_thread(
        synapse.request, "GET", "/_matrix/client/v3/account/whoami", None, token
    )
    return status == 200


async def test_discovers_the_homeserver_from_the_user_id_over_tls(
    synapse: Synapse, account: Account, tmp_path: Path
) -> None:
    # No override: @user:localhost:<tls port> → https://localhost:<tls port>/.well-known/matrix/client
    session = await connect(synapse, account, tmp_path, settings={"ca_file": str(synapse.ca_file)})
    try:
        assert session.backend.homeserver == synapse.tls_base_url
        assert session.backend.own_id == account.user_id
        assert session.state.values[STATE_HOMESERVER] == synapse.tls_base_url
    finally:
        await session.backend.disconnect()


async def test_untrusted_certificate_is_a_tls_failure_with_its_fingerprint(
    synapse: Synapse, account: Account, tmp_path: Path
) -> None:
    session = make_session(account, tmp_path, {})
    result = await session.backend.connect()
    await session.backend.disconnect()
    assert result.failure is not None
    assert result.failure.kind is FailureKind.TLS
    assert not result.failure.retryable
    assert result.failure.detail == synapse.tls.fingerprint_sha256


async def test_a_trusted_fingerprint_pins_the_certificate(
    synapse: Synapse, account: Account, tmp_path: Path
) -> None:
    """What the account dialog fills in when the user trusts the certificate of a TLS failure."""
    pinned = await connect(
        synapse,
        account,
        tmp_path,
        settings={"trusted_fingerprint": synapse.tls.fingerprint_sha256},
    )
    await pinned.backend.disconnect()
    assert pinned.backend.homeserver == synapse.tls_base_url

    wrong = make_session(account, tmp_path, {"trusted_fingerprint": ":".join(["AB"] * 32)})
    result = await wrong.backend.connect()
    await wrong.backend.disconnect()
    assert result.failure is not None and result.failure.kind is FailureKind.TLS
    assert result.failure.detail == synapse.tls.fingerprint_sha256


async def test_the_manual_homeserver_wins_over_discovery(
    synapse: Synapse, account: Account, tmp_path: Path
) -> None:
    # Without a CA file, discovery over TLS would fail: connecting proves it was not attempted.
    session = await connect(synapse, account, tmp_path, settings={"homeserver": synapse.base_url})
    try:
        assert session.backend.homeserver == synapse.base_url
    finally:
        await session.backend.disconnect()


async def test_a_restart_reuses_the_token_and_the_device(
    synapse: Synapse, account: Account, tmp_path: Path
) -> None:
    secrets = SharedSecrets({"password": account.password})
    state = SharedState()
    before = await _other_devices(synapse, account)  # registration's own device
    first = await connect(synapse, account, tmp_path, secrets=secrets, state=state)
    device = first.backend.device_id
    token = secrets.values[SECRET_TOKEN]
    assert secrets.values[SECRET_DEVICE] == device
    await first.backend.disconnect()

    second = await connect(synapse, account, tmp_path, secrets=secrets, state=state)
    try:
        assert second.backend.device_id == device
        assert secrets.values[SECRET_TOKEN] == token  # no new login
        assert await _other_devices(synapse, account) - before == {device}
    finally:
        await second.backend.disconnect()


async def test_a_revoked_token_signs_in_again_with_the_password(
    synapse: Synapse, account: Account, tmp_path: Path
) -> None:
    secrets = SharedSecrets(
        {"password": account.password, SECRET_TOKEN: "syt_revoked", SECRET_DEVICE: "OLDDEVICE"}
    )
    session = await connect(synapse, account, tmp_path, secrets=secrets)
    try:
        assert secrets.values[SECRET_TOKEN] != "syt_revoked"
        assert await _token_works(synapse, secrets.values[SECRET_TOKEN])
        assert secrets.values[SECRET_DEVICE] == session.backend.device_id
    finally:
        await session.backend.disconnect()


async def test_a_wrong_password_is_a_permanent_auth_failure(
    synapse: Synapse, account: Account, tmp_path: Path
) -> None:
    secrets = SharedSecrets({"password": "not the password"})
    session = make_session(account, tmp_path, {"homeserver": synapse.base_url}, secrets=secrets)
    result = await session.backend.connect()
    await session.backend.disconnect()
    assert result.failure is not None
    assert result.failure.kind is FailureKind.AUTH
    assert not result.failure.retryable
    assert SECRET_TOKEN not in secrets.values


async def test_an_unreachable_homeserver_is_a_retryable_network_failure(
    account: Account, tmp_path: Path
) -> None:
    session = make_session(account, tmp_path, {"homeserver": f"http://127.0.0.1:{free_port()}"})
    result = await session.backend.connect()
    await session.backend.disconnect()
    assert result.failure is not None
    assert result.failure.kind is FailureKind.NETWORK
    assert result.failure.retryable


async def test_logout_ends_the_device_and_forgets_the_token(
    synapse: Synapse, account: Account, tmp_path: Path
) -> None:
    session = await connect(synapse, account, tmp_path)
    token = session.secrets.values[SECRET_TOKEN]
    device = session.backend.device_id
    outcome = await session.backend.logout()
    assert outcome.ok, outcome.failure
    assert not await _token_works(synapse, token)
    assert device not in await _other_devices(synapse, account)
    assert SECRET_TOKEN not in session.secrets.values
    assert SECRET_DEVICE not in session.secrets.values
    assert not any(isinstance(x, f.ConnectionLost) for x in session.rec.facts)


async def test_logout_works_without_a_connection(
    synapse: Synapse, account: Account, tmp_path: Path
) -> None:
    """Account removal: the core may sign out with a fresh, unconnected instance."""
    secrets = SharedSecrets({"password": account.password})
    state = SharedState()
    session = await connect(synapse, account, tmp_path, secrets=secrets, state=state)
    token = secrets.values[SECRET_TOKEN]
    await session.backend.disconnect()

    fresh = make_session(
        account, tmp_path, {"homeserver": synapse.base_url}, secrets=secrets, state=state
    )
    outcome = await fresh.backend.logout()
    assert outcome.ok, outcome.failure
    assert not await _token_works(synapse, token)
    assert SECRET_TOKEN not in secrets.values
