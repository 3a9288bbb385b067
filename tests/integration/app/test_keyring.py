"""Passwords go to the real Secret Service (gnome-keyring in the test session) and nowhere else."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import keyring
import pytest

from app.models import ConnectionState
from app.secrets import SERVICE, KeyringSecrets, SecretsUnavailable
from chinwag.testing.support import in_ci
from tests.fakes.core_harness import files_containing, make_core, wait_for
from tests.fakes.fake_backend import FakeServer


@pytest.fixture
def real_keyring() -> KeyringSecrets:
    secrets = KeyringSecrets()
    try:
        secrets.check()
        probe = f"probe-{uuid.uuid4().hex}"
        secrets.set(probe, "k", "v")
        secrets.delete(probe, "k")
    except SecretsUnavailable as exc:
        message = f"no usable Secret Service here (run the tests through scripts/test): {exc}"
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return secrets


async def test_password_lives_only_in_the_keyring(
    real_keyring: KeyringSecrets, tmp_path: Path
) -> None:
    password = f"pw-{uuid.uuid4().hex}-ünïcödé"
    server = FakeServer(passwords={"alice": password})
    profile = tmp_path / "profile"
    core = make_core(profile, server, real_keyring)
    await core.start()
    try:
        account = await core.accounts.add_account("fake", {"user": "alice"}, {"password": password})
        # The backend could sign in, so it read the password back from the keyring.
        await wait_for(lambda: core.sessions[account.id].state.state is ConnectionState.CONNECTED)
        assert keyring.get_password(SERVICE, f"{account.id}/password") == password
        conv = await core.conversations.open_direct(account.id, "bob")
        await core.messaging.send_message(conv.id, "hello")
        await wait_for(lambda: len(server.sent) == 1)
    finally:
        await core.stop()
    for needle in (password.encode(), password.encode("utf-16-le"), password.encode("utf-16-be")):
        assert files_containing(profile, needle) == []
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        if os.environ.get(var):  # the app's default dirs, if the run set them
            assert files_containing(Path(os.environ[var]) / "chinwag", password.encode()) == []

    # Removing the account removes its secret from the keyring too.
    core = make_core(profile, server, real_keyring)
    await core.start()
    try:
        await core.accounts.remove_account(account.id)
    finally:
        await core.stop()
    assert keyring.get_password(SERVICE, f"{account.id}/password") is None


def test_the_secret_service_is_used_without_keyrings_discovery(
    real_keyring: KeyringSecrets,
) -> None:
    """A fresh process picks the Secret Service directly: none of the backends keyring's
    discovery imports (KWallet, libsecret, Windows, the chainer) are loaded, and the
    secret it stores is the one keyring itself reads."""
    script = """
import json, sys, uuid
from app.secrets import KeyringSecrets
secrets = KeyringSecrets()
backend = secrets.check()
probe = f"probe-{uuid.uuid4().hex}"
secrets.set(probe, "password", "ünïcödé")
loaded = [m for m in ("keyring.backends.kwallet", "keyring.backends.libsecret",
          "keyring.backends.Windows", "keyring.backends.chainer")
          if m in sys.modules]
import keyring
read = keyring.get_password("chinwag", probe + "/password")  # keyring's own choice
secrets.delete(probe, "password")
print(json.dumps([type(backend).__module__, read, loaded]))
"""
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    module, read, loaded = json.loads(done.stdout.splitlines()[-1])
    assert module == "keyring.backends.SecretService"
    assert read == "ünïcödé"
    assert loaded == []
