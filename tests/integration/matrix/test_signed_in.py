"""Our own sessions against Synapse (Element's "Sessions"): another sign-in of the account is
listed with its name, renamed, and signed out (its token then refused by the server); signing
out answers user-interactive auth with the keyring's password, and a wrong one signs nobody out."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import nio  # type: ignore[import-untyped]
import pytest

from app.backend import Failure, FailureKind, SignedInDevice
from tests.integration.matrix.helpers import Account, Session, connect, raw_request
from tests.integration.matrix.synapse import Synapse

pytestmark = pytest.mark.integration
WHOAMI = "/_matrix/client/v3/account/whoami"


@pytest.fixture
async def other(synapse: Synapse, account: Account) -> AsyncIterator[nio.AsyncClient]:
    """The same account signed in elsewhere ("Old laptop")."""
    client = nio.AsyncClient(synapse.base_url, account.user_id)
    resp = await client.login(account.password, device_name="Old laptop")
    assert isinstance(resp, nio.LoginResponse), resp
    try:
        yield client
    finally:
        await client.close()


async def listed(session: Session) -> tuple[SignedInDevice, ...]:
    found = await session.backend.signed_in_devices()
    assert not isinstance(found, Failure), found
    return found


async def test_list_rename_and_sign_out_another_session(
    synapse: Synapse, account: Account, other: nio.AsyncClient, tmp_path: Path
) -> None:
    session = await connect(synapse, account, tmp_path)
    backend = session.backend
    try:
        found = await listed(session)
        assert found[0].current and found[0].device_id == backend.device_id  # ours first
        theirs = [d for d in found if d.device_id == other.device_id]
        assert len(theirs) == 1 and theirs[0].name == "Old laptop" and not theirs[0].current

        renamed = await backend.rename_device(other.device_id, "  Lost   laptop ")
        assert renamed.ok, renamed.failure
        names = {d.device_id: d.name for d in await listed(session)}
        assert names[other.device_id] == "Lost laptop"

        ours = await backend.sign_out_devices((backend.device_id,))
        assert ours.failure is not None and ours.failure.kind is FailureKind.CONFIG
        assert (await raw_request(other, "GET", WHOAMI))[0] == 200

        out = await backend.sign_out_devices((other.device_id,))
        assert out.ok, out.failure
        status, body = await raw_request(other, "GET", WHOAMI)
        assert status == 401 and body.get("errcode") == "M_UNKNOWN_TOKEN"
        assert other.device_id not in {d.device_id for d in await listed(session)}
        assert (await raw_request(backend_client(session), "GET", WHOAMI))[0] == 200
    finally:
        await backend.disconnect()


async def test_a_wrong_password_signs_nobody_out(
    synapse: Synapse, account: Account, other: nio.AsyncClient, tmp_path: Path
) -> None:
    session = await connect(synapse, account, tmp_path)
    try:
        await session.secrets.set("password", "not the password")
        out = await session.backend.sign_out_devices((other.device_id,))
        assert out.failure is not None and out.failure.kind is FailureKind.AUTH
        assert (await raw_request(other, "GET", WHOAMI))[0] == 200
        assert other.device_id in {d.device_id for d in await listed(session)}
    finally:
        await session.backend.disconnect()


def backend_client(session: Session) -> nio.AsyncClient:
    """The nio client our backend signed in with (its token is checked after the sign-out)."""
    client = session.backend._session.client  # the test looks at the wire
    assert client is not None
    return client
