"""The keyring wrapper refuses unsafe or absent backends instead of falling back to plaintext."""

from __future__ import annotations

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from app.secrets import KeyringSecrets, SecretsUnavailable


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if (service, username) not in self.values:
            raise PasswordDeleteError("missing")
        del self.values[(service, username)]


PlaintextKeyring = type("PlaintextKeyring", (MemoryKeyring,), {"__module__": "keyrings.alt.file"})


def test_round_trip_under_service_chinwag() -> None:
    backend = MemoryKeyring()
    secrets = KeyringSecrets(backend)
    secrets.set("acct1", "password", "hunter2")
    assert backend.values == {("chinwag", "acct1/password"): "hunter2"}
    assert secrets.get("acct1", "password") == "hunter2"
    secrets.delete("acct1", "password")
    secrets.delete("acct1", "password")  # already gone: fine
    assert secrets.get("acct1", "password") is None


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
def test_no_keyring_explains_how_to_get_one(backend: KeyringBackend) -> None:
    secrets = KeyringSecrets(backend)
    with pytest.raises(SecretsUnavailable) as info:
        secrets.set("a", "password", "x")
    assert "gnome-keyring" in str(info.value) and "never in a plain file" in str(info.value)


def test_plaintext_keyring_is_refused() -> None:
    with pytest.raises(SecretsUnavailable, match="unprotected"):
        KeyringSecrets(PlaintextKeyring()).set("a", "password", "x")


def test_chain_with_a_plaintext_member_is_refused() -> None:
    chain_cls = type(
        "Chain", (chainer.ChainerBackend,), {"backends": [MemoryKeyring(), PlaintextKeyring()]}
    )
    with pytest.raises(SecretsUnavailable):
        KeyringSecrets(chain_cls()).check()
    safe_chain = type("Chain", (chainer.ChainerBackend,), {"backends": [MemoryKeyring()]})
    assert KeyringSecrets(safe_chain()).check() is not None
