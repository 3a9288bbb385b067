"""Secret storage (SSSS) against Synapse: what one device stores, another device of the same
person opens with the recovery key or the passphrase.

What crossed the server is read back with raw account-data requests, and the storage is decrypted
in the test with the spec's rules (:mod:`backends.matrix.secretstore`).
"""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from app import facts as f
from app.backend import FailureKind
from app.models import VerificationState
from backends.matrix import crosssign as xs
from backends.matrix import keybackup as kb
from backends.matrix import secretstore as ss
from chinwag.testing import wait_until
from tests.integration.matrix import js_peer
from tests.integration.matrix.e2e_helpers import sas
from tests.integration.matrix.helpers import PASSWORD, Account, Session, connect
from tests.integration.matrix.synapse import Synapse

pytestmark = pytest.mark.integration

V3 = "/_matrix/client/v3"


async def signed_in(synapse: Synapse, account: Account, folder: Path) -> Session:
    session = await connect(synapse, account, folder)
    await asyncio.wait_for(session.backend.cross_signing_checked.wait(), 30)
    return session


async def account_data(session: Session, event_type: str) -> dict[str, Any] | None:
    http = session.backend._session.http
    assert http is not None
    user = quote(session.backend._session.own_id, safe="")
    reply = await http.request("GET", f"{V3}/user/{user}/account_data/{quote(event_type)}")
    return reply.body if reply.ok else None


async def put_account_data(session: Session, event_type: str, content: dict[str, Any]) -> None:
    http = session.backend._session.http
    assert http is not None
    user = quote(session.backend._session.own_id, safe="")
    path = f"{V3}/user/{user}/account_data/{quote(event_type)}"
    reply = await http.request("PUT", path, body=content)
    assert reply.ok, reply.body


async def own_identity(session: Session) -> xs.Identity:
    http = session.backend._session.http
    assert http is not None
    user = session.backend._session.own_id
    reply = await http.request("POST", f"{V3}/keys/query", body={"device_keys": {user: []}})
    assert reply.ok, reply.body
    return xs.parse_identity(reply.body, user)


def held(session: Session) -> dict[str, str]:
    return {
        u: session.secrets.values[n]
        for u, n in xs.SECRET_KEYS.items()
        if n in session.secrets.values
    }


async def test_our_recovery_key_opens_our_storage_on_a_new_device(
    synapse: Synapse, account: Account, tmp_path: Path
) -> None:
    first = await signed_in(synapse, account, tmp_path / "first")
    try:
        created = await first.backend.create_key_backup()
        assert created.ok and created.value, created.failure
        recovery_key = created.value
        key = kb.decode_recovery_key(recovery_key)
        assert isinstance(key, bytes)
        assert recovery_key.replace(" ", "") not in str(first.state.values)
        # What is on the server, read as any other client would.
        default = await account_data(first, ss.DEFAULT_KEY)
        assert default is not None and isinstance(default.get("key"), str)
        key_id = default["key"]
        description = ss.parse_description(
            key_id, await account_data(first, ss.KEY_PREFIX + key_id)
        )
        assert description is not None and ss.key_matches(key, description)
        mine = held(first)
        assert len(mine) == 3
        for name, usage in (
            (ss.MASTER, xs.MASTER),
            (ss.SELF_SIGNING, xs.SELF_SIGNING),
            (ss.USER_SIGNING, xs.USER_SIGNING),
        ):
            stored = ss.open_secret(key_id, key, name, await account_data(first, name))
            seed = xs.SigningKey.from_secret(stored)
            assert seed is not None and seed.public == xs.SigningKey.from_secret(mine[usage]).public  # type: ignore[union-attr]
        backup = ss.open_secret(key_id, key, ss.BACKUP, await account_data(first, ss.BACKUP))
        assert (
            backup is not None and backup.rstrip("=") == first.secrets.values[kb.SECRET_BACKUP_KEY]
        )
    finally:
        await first.backend.disconnect()

    second = await signed_in(synapse, account, tmp_path / "second")
    try:
        assert not held(second)  # made on another device: only used for trust
        identity = await own_identity(second)
        device_id = second.backend._session.nio.device_id
        assert not any(d == device_id for d, _ in identity.signed_devices)

        wrong = await second.backend.restore_key_backup(kb.encode_recovery_key(os.urandom(32)))
        assert wrong.failure is not None and wrong.failure.kind is FailureKind.REJECTED
        assert not held(second)

        opened = await second.backend.restore_key_backup(recovery_key)
        assert opened.ok, opened.failure
        assert held(second) == mine  # the same private keys, now in this device's keyring
        assert (
            second.secrets.values[kb.SECRET_BACKUP_KEY]
            == first.secrets.values[kb.SECRET_BACKUP_KEY]
        )
        identity = await own_identity(second)
        assert any(d == device_id for d, _ in identity.signed_devices)  # it signed itself
    finally:
        await second.backend.disconnect()


async def test_a_passphrase_opens_the_storage_and_a_planted_key_is_refused(
    synapse: Synapse, account: Account, tmp_path: Path
) -> None:
    first = await signed_in(synapse, account, tmp_path / "first")
    try:
        created = await first.backend._encryption.create_backup("correct horse battery staple")
        assert created.ok and created.value, created.failure
        key = kb.decode_recovery_key(created.value)
        assert isinstance(key, bytes)
        default = await account_data(first, ss.DEFAULT_KEY)
        assert default is not None
        key_id = default["key"]
        content = await account_data(first, ss.KEY_PREFIX + key_id)
        assert content is not None and content["passphrase"]["algorithm"] == ss.PBKDF2
        mine = held(first)
        # Someone with the storage key (or a server that rewrote it) plants a master key that is
        # not the account's: it must not be taken.
        planted = xs.SigningKey.generate()
        await put_account_data(
            first, ss.MASTER, ss.encrypted_secret(key_id, key, ss.MASTER, planted.secret())
        )
    finally:
        await first.backend.disconnect()

    second = await signed_in(synapse, account, tmp_path / "second")
    try:
        wrong = await second.backend.restore_key_backup("incorrect horse battery staple")
        assert wrong.failure is not None and wrong.failure.kind is FailureKind.REJECTED
        opened = await second.backend.restore_key_backup("correct horse battery staple")
        assert opened.ok, opened.failure
        taken = held(second)
        assert xs.MASTER not in taken
        assert taken == {u: v for u, v in mine.items() if u != xs.MASTER}
    finally:
        await second.backend.disconnect()


async def test_a_second_device_does_not_replace_storage_it_cannot_fill(
    synapse: Synapse, account: Account, tmp_path: Path
) -> None:
    first = await signed_in(synapse, account, tmp_path / "first")
    try:
        created = await first.backend.create_key_backup()
        assert created.ok, created.failure
        before = await account_data(first, ss.DEFAULT_KEY)
    finally:
        await first.backend.disconnect()
    second = await signed_in(synapse, account, tmp_path / "second")
    try:
        refused = await second.backend.create_key_backup()
        assert refused.failure is not None and refused.failure.kind is FailureKind.REJECTED
        assert "recovery key" in refused.failure.message
        assert await account_data(second, ss.DEFAULT_KEY) == before
    finally:
        await second.backend.disconnect()


async def test_a_new_device_gets_the_secrets_after_verifying_and_an_unverified_one_does_not(
    synapse: Synapse, account: Account, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Secret sharing between two of our own devices (both Chinwag): ``m.secret.request`` after
    SAS, answered over Olm by the verified device only."""
    caplog.set_level(logging.INFO)
    first = await signed_in(synapse, account, tmp_path / "first")
    sessions = [first]
    try:
        created = await first.backend.create_key_backup()
        assert created.ok, created.failure
        mine = held(first)
        assert len(mine) == 3
        second = await signed_in(synapse, account, tmp_path / "second")
        sessions.append(second)
        # Unverified, a request is not answered: ask as a new device would before verifying.
        second.backend._verification.sharing.want_secrets()
        await wait_until(
            lambda: _refused(caplog, second.backend.device_id),
            what="the first device refuses the unverified device",
        )
        assert not held(second)

        await sas(second, first, account.user_id, first.backend.device_id)

        async def got_them() -> bool:
            return held(second) == mine and kb.SECRET_BACKUP_KEY in second.secrets.values

        await wait_until(got_them, what="the verified device receives the secrets")
        assert (
            second.secrets.values[kb.SECRET_BACKUP_KEY]
            == first.secrets.values[kb.SECRET_BACKUP_KEY]
        )
        device_id = second.backend.device_id
        await wait_until(
            lambda: _signed(second, device_id), what="the new device signs itself with them"
        )
        # A third device that never verified anything asks too: refused, nothing reaches it.
        third = await signed_in(synapse, account, tmp_path / "third")
        sessions.append(third)
        third.backend._verification.sharing.want_secrets()
        await wait_until(
            lambda: _refused(caplog, third.backend.device_id),
            what="the first device refuses the third device",
        )
        assert not held(third) and kb.SECRET_BACKUP_KEY not in third.secrets.values
    finally:
        for session in sessions:
            await session.backend.disconnect()


async def _signed(session: Session, device_id: str) -> bool:
    return any(d == device_id for d, _ in (await own_identity(session)).signed_devices)


async def _refused(caplog: pytest.LogCaptureFixture, device_id: str) -> bool:
    return any(
        "did not share" in r.getMessage() and device_id in r.getMessage() for r in caplog.records
    )


# -- the independent peer: matrix-js-sdk with matrix-rust-sdk's crypto -------------------------


async def test_the_js_peer_opens_our_secret_storage(
    synapse: Synapse, account: Account, tmp_path: Path
) -> None:
    first = await signed_in(synapse, account, tmp_path / "first")
    try:
        created = await first.backend.create_key_backup()
        assert created.ok and created.value, created.failure
        mine = held(first)
        backup_key = first.secrets.values[kb.SECRET_BACKUP_KEY]
    finally:
        await first.backend.disconnect()
    wrong = await js_peer.run(
        "open", synapse.base_url, account.user_id, PASSWORD, kb.encode_recovery_key(os.urandom(32))
    )
    assert wrong["opened"] is False
    peer = await js_peer.run("open", synapse.base_url, account.user_id, PASSWORD, created.value)
    assert peer["opened"] is True
    # The rust crypto imported our three private keys (it checks them against the published
    # public keys) and signed its own device with them; it took our backup key.
    assert peer["private_keys_before"] == {
        "masterKey": False,
        "selfSigningKey": False,
        "userSigningKey": False,
    }
    assert peer["private_keys"] == {
        "masterKey": True,
        "selfSigningKey": True,
        "userSigningKey": True,
    }
    assert peer["cross_signed"] is True
    assert peer["backup_key"] == backup_key
    secrets = peer["secrets"]
    for name, usage in (
        (ss.MASTER, xs.MASTER),
        (ss.SELF_SIGNING, xs.SELF_SIGNING),
        (ss.USER_SIGNING, xs.USER_SIGNING),
    ):
        assert secrets[name].rstrip("=") == mine[usage]


async def test_a_recovery_key_made_by_the_js_peer_opens_its_storage_here(
    synapse: Synapse, account: Account, tmp_path: Path
) -> None:
    peer = await js_peer.run("bootstrap", synapse.base_url, account.user_id, PASSWORD)
    assert peer["private_keys"] == {
        "masterKey": True,
        "selfSigningKey": True,
        "userSigningKey": True,
    }
    assert peer["backup_version"]
    recovery_key = peer["recovery_key"]
    assert isinstance(kb.decode_recovery_key(recovery_key), bytes)
    ours = await signed_in(synapse, account, tmp_path / "ours")
    try:
        assert not held(ours)  # made by the peer: only used for trust until opened
        opened = await ours.backend.restore_key_backup(recovery_key)
        assert opened.ok, opened.failure
        taken = held(ours)
        for name, usage in (
            (ss.MASTER, xs.MASTER),
            (ss.SELF_SIGNING, xs.SELF_SIGNING),
            (ss.USER_SIGNING, xs.USER_SIGNING),
        ):
            assert taken[usage] == peer["secrets"][name].rstrip("=")
        assert ours.secrets.values[kb.SECRET_BACKUP_KEY] == peer["secrets"][ss.BACKUP].rstrip("=")
        device_id = ours.backend.device_id
        await wait_until(lambda: _signed(ours, device_id), what="we sign ourselves with its keys")
    finally:
        await ours.backend.disconnect()


async def test_a_passphrase_set_by_the_js_peer_opens_its_storage_here(
    synapse: Synapse, account: Account, tmp_path: Path
) -> None:
    phrase = "a passphrase the peer chose"
    peer = await js_peer.run("bootstrap", synapse.base_url, account.user_id, PASSWORD, phrase)
    ours = await signed_in(synapse, account, tmp_path / "ours")
    try:
        opened = await ours.backend.restore_key_backup(phrase)
        assert opened.ok, opened.failure
        assert held(ours)[xs.MASTER] == peer["secrets"][ss.MASTER].rstrip("=")
    finally:
        await ours.backend.disconnect()


async def test_the_js_peer_gets_our_secrets_after_verifying_with_us(
    synapse: Synapse, account: Account, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A new device of another client (rust crypto) verifies our device by emoji and then asks
    for the secrets: we answer it over Olm, and its rust crypto accepts them."""
    caplog.set_level(logging.INFO)
    ours = await signed_in(synapse, account, tmp_path / "ours")
    peer = await js_peer.Running.start(
        "share", synapse.base_url, account.user_id, PASSWORD, ours.backend.device_id
    )
    try:
        created = await ours.backend.create_key_backup()
        assert created.ok, created.failure
        ready = await peer.next("ready")
        their_device = ready["device_id"]

        def state_is(state: VerificationState) -> Any:
            return lambda x: (
                isinstance(x, f.VerificationChanged)
                and x.verification.device_id == their_device
                and x.verification.state is state
            )

        requested = await ours.wait(state_is(VerificationState.REQUESTED), 90)
        flow_id = requested.verification.id
        accepted = await ours.backend.accept_verification(flow_id)
        assert accepted.ok, accepted.failure
        compare = await ours.wait(state_is(VerificationState.COMPARE), 90)
        shown = await peer.next("sas")
        assert [e for e, _ in compare.verification.emojis] == shown["emojis"]
        confirmed = await ours.backend.confirm_verification(flow_id, True)
        assert confirmed.ok, confirmed.failure
        await ours.wait(state_is(VerificationState.DONE), 60)
        done = await peer.next("done")
        assert done["private_keys"] == {
            "masterKey": True,
            "selfSigningKey": True,
            "userSigningKey": True,
        }
        assert done["backup_key"] == ours.secrets.values[kb.SECRET_BACKUP_KEY]
        shared = [r.getMessage() for r in caplog.records if "shared m." in r.getMessage()]
        assert len(shared) >= 4 and all(their_device in m for m in shared), shared
    finally:
        await peer.close()
        await ours.backend.disconnect()


async def test_our_new_device_gets_the_js_peers_secrets_after_verifying_it(
    synapse: Synapse, account: Account, tmp_path: Path
) -> None:
    """The other direction: the peer (rust crypto) made the account's keys; our new device
    verifies it by emoji, asks for the secrets and takes them (checked against the published
    keys), then signs itself."""
    peer = await js_peer.Running.start("hold", synapse.base_url, account.user_id, PASSWORD)
    sessions: list[Session] = []
    try:
        ready = await peer.next("ready")
        their_device, theirs = ready["device_id"], ready["secrets"]
        assert all(theirs[name] for name in ss.SECRET_NAMES), theirs
        ours = await signed_in(synapse, account, tmp_path / "ours")
        sessions.append(ours)
        assert not held(ours)
        await peer.tell(ours.backend.device_id)
        await peer.next("knows")
        # A request to all our other devices (the peer's is the only one): rust answers requests;
        # a bare m.key.verification.start to one device (what nio understands) it would not show.
        started = await ours.backend.start_verification(account.user_id)
        assert started.ok and started.value, started.failure
        flow_id = started.value

        def state_is(state: VerificationState) -> Any:
            return lambda x: (
                isinstance(x, f.VerificationChanged)
                and x.verification.id == flow_id
                and x.verification.state is state
            )

        compare = await ours.wait(state_is(VerificationState.COMPARE), 90)
        assert compare.verification.device_id == their_device
        shown = await peer.next("sas")
        assert [e for e, _ in compare.verification.emojis] == shown["emojis"]
        confirmed = await ours.backend.confirm_verification(flow_id, True)
        assert confirmed.ok, confirmed.failure
        await ours.wait(state_is(VerificationState.DONE), 60)

        async def got_them() -> bool:
            return len(held(ours)) == 3 and kb.SECRET_BACKUP_KEY in ours.secrets.values

        await wait_until(got_them, what="our device receives the peer's secrets")
        taken = held(ours)
        for name, usage in (
            (ss.MASTER, xs.MASTER),
            (ss.SELF_SIGNING, xs.SELF_SIGNING),
            (ss.USER_SIGNING, xs.USER_SIGNING),
        ):
            assert taken[usage] == theirs[name].rstrip("=")
        assert ours.secrets.values[kb.SECRET_BACKUP_KEY] == theirs[ss.BACKUP].rstrip("=")
        device_id = ours.backend.device_id
        await wait_until(lambda: _signed(ours, device_id), what="our device signs itself")
    finally:
        await peer.close()
        for session in sessions:
            await session.backend.disconnect()
