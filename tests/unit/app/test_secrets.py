"""The keyring wrapper refuses unsafe or absent backends instead of falling back to plaintext."""

from __future__ import annotations

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.compat import properties

from app.secrets import KeyringSecrets, SecretsUnavailable


class MemoryKeyring(KeyringBackend):
    # keyring registers every subclass globally; a priority that raises keeps this test double
    # from ever being picked by keyring itself in later tests.
    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("test double, never chosen automatically")

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


class FakeChain:
    """Looks like keyring's ChainerBackend (a list of backends) without registering a class."""

    def __init__(self, *backends: KeyringBackend) -> None:
        self.backends = list(backends)


def test_a_chain_uses_its_safe_member_and_never_the_plaintext_one() -> None:
    safe, plain = MemoryKeyring(), PlaintextKeyring()
    secrets = KeyringSecrets(FakeChain(plain, safe))  # type: ignore[arg-type]
    secrets.set("a", "password", "x")
    assert safe.values and not plain.values
    with pytest.raises(SecretsUnavailable, match="unprotected"):
        KeyringSecrets(FakeChain(plain, fail.Keyring())).check()  # type: ignore[arg-type]
