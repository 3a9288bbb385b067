"""The keyring wrapper refuses unsafe or absent backends instead of falling back to plaintext."""

from __future__ import annotations

import importlib.metadata
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.compat import properties

from app.secrets import KeyringSecrets, SecretsUnavailable, platform_backend


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


class _EntryPoint:
    def __init__(self, dist: str) -> None:
        self.dist = type("Dist", (), {"name": dist})()


@pytest.fixture
def platform_keyring(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[[], object]:
    """platform_backend() on Linux with nothing configured and the backend's loading recorded
    instead of done (the real Secret Service: tests/integration/app/test_keyring.py)."""
    import keyring.core

    loaded: list[str] = []
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "GNOME")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setattr(keyring.core, "load_keyring", lambda name: loaded.append(name) or name)
    return platform_backend


def test_the_platforms_keyring_is_loaded_without_discovery(
    platform_keyring: Callable[[], object], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert platform_keyring() == "keyring.backends.SecretService.Keyring"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert platform_keyring() == "keyring.backends.macOS.Keyring"
    monkeypatch.setattr(sys, "platform", "win32")
    assert platform_keyring() == "keyring.backends.Windows.WinVaultKeyring"
    monkeypatch.setattr(sys, "platform", "emscripten")
    assert platform_keyring() is None


def test_keyring_chooses_when_configured_or_another_backend_may_be_preferred(
    platform_keyring: Callable[[], object], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with monkeypatch.context() as m:
        m.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.SecretService.Keyring")
        assert platform_keyring() is None
    with monkeypatch.context() as m:
        m.setenv("XDG_CURRENT_DESKTOP", "KDE")  # KWallet outranks the Secret Service there
        assert platform_keyring() is None
    with monkeypatch.context() as m:
        m.setattr(
            importlib.metadata,
            "entry_points",
            lambda group: [_EntryPoint("keyring"), _EntryPoint("keyrings.cryptfile")],
        )
        assert platform_keyring() is None
    config = tmp_path / "python_keyring" / "keyringrc.cfg"
    config.parent.mkdir()
    config.write_text("[backend]\ndefault-keyring=keyring.backends.SecretService.Keyring\n")
    assert platform_keyring() is None


def test_an_unusable_platform_keyring_leaves_the_choice_to_keyring(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No Secret Service on the bus: keyring's discovery runs, and without any keyring the
    person is told how to get one, as before."""
    import keyring.core

    def unusable(name: str) -> object:
        raise RuntimeError("Unable to initialize SecretService")

    monkeypatch.setattr(keyring.core, "load_keyring", unusable)
    assert platform_backend() is None
    monkeypatch.setattr(keyring, "get_keyring", fail.Keyring)
    with pytest.raises(SecretsUnavailable, match="No keyring service"):
        KeyringSecrets().check()
