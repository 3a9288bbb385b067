"""``core.encryption.create_key_backup`` with a passphrase (against the fake): the core refuses a
weak one before the service hears of it, carries a good one to the backend, and neither logs
nor keeps it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from app.backend import FailureKind
from app.core import Core
from app.core.encryption import PASSPHRASE_MIN_LENGTH, passphrase_problem
from app.models import ConnectionState
from chinwag.testing import MemorySecretStore
from tests.fakes.core_harness import files_containing, wait_for
from tests.fakes.fake_backend import FakeServer

PHRASE = "correct horse battery staple"


@pytest.mark.parametrize(
    ("passphrase", "problem"),
    [
        ("x" * (PASSPHRASE_MIN_LENGTH - 1), "too short"),
        ("ab" + "\u00e9" * (PASSPHRASE_MIN_LENGTH - 3), "too short"),
        (" " + PHRASE, "begin or end with a space"),
        (PHRASE + "\t", "begin or end with a space"),
        ("x" * PASSPHRASE_MIN_LENGTH, None),
        (PHRASE, None),
        ("pässwörter sind lang", None),
    ],
)
def test_passphrase_problem(passphrase: str, problem: str | None) -> None:
    said = passphrase_problem(passphrase)
    assert (said is None) == (problem is None)
    if problem is not None:
        assert problem in str(said)


async def signed_in(core: Core) -> str:
    account = await core.accounts.add_account("fake", {"user": "alice"}, {"password": "wonderland"})
    await wait_for(lambda: core.sessions[account.id].state.state is ConnectionState.CONNECTED)
    return account.id


async def test_a_weak_passphrase_never_reaches_the_service(
    core: Core, fake_server: FakeServer
) -> None:
    account_id = await signed_in(core)
    refused = await core.encryption.create_key_backup(account_id, "too short")
    assert refused.failure is not None and refused.failure.kind is FailureKind.CONFIG
    assert str(PASSPHRASE_MIN_LENGTH) in refused.failure.message
    assert not [c for c in fake_server.calls if c[0] == "backup"]


async def test_the_passphrase_reaches_the_backend_and_is_neither_logged_nor_kept(
    core: Core,
    fake_server: FakeServer,
    secrets: MemorySecretStore,
    profile: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    account_id = await signed_in(core)
    made = await core.encryption.create_key_backup(account_id, PHRASE)
    assert made.ok and made.value, made.failure
    assert ("backup", (PHRASE,)) in fake_server.calls
    generated = await core.encryption.create_key_backup(account_id)
    assert generated.ok and ("backup", ("",)) in fake_server.calls
    await core.stop()  # everything written out
    assert files_containing(profile, PHRASE.encode()) == []
    assert not any(PHRASE in value for value in secrets.values.values())
    assert not any(PHRASE in record.getMessage() for record in caplog.records)
