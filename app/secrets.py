"""Passwords and tokens, kept only in the system keyring (service ``chinwag``).

There is deliberately no fallback: if no trustworthy keyring backend is usable (no Secret Service
on the session bus, a locked keyring, or only a plaintext/"null" backend installed), every call
raises :class:`SecretsUnavailable` whose message tells a person how to get one. Keyring calls block
(D-Bus round trips, maybe an unlock prompt), so the core runs them off its event loop.

``keyring`` itself is imported on the first use, on that worker thread: its import and its
choice of backend (a D-Bus round trip) cost a quarter of a second of CPU that the app's start does
not wait for (``app.core.facade``). The platform's own backend is loaded directly (Secret Service,
Keychain, Credential Manager: :func:`platform_backend`) instead of ``keyring.get_keyring()``'s
discovery, which imports every backend it can find (KWallet with dbus-python, libsecret with
PyGObject, the Windows ones, ``importlib_metadata`` for the entry points: 60 modules, 1 MB
resident in a running Chinwag that keep nothing useful). Where keyring is configured, another
backend could be preferred, or the platform's is not usable, keyring still chooses.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from types import ModuleType
from typing import TYPE_CHECKING, Protocol

from app.i18n import CoreMessages

if TYPE_CHECKING:
    import keyring.backend

SERVICE = "chinwag"
_log = logging.getLogger(__name__)

HOW_TO_GET_A_KEYRING = CoreMessages.tr(
    "Chinwag keeps passwords only in your system keyring and never in a plain file. "
    "Start and unlock a Secret Service provider: GNOME Keyring (Debian/Ubuntu: "
    "'apt install gnome-keyring') or KDE Wallet on Linux; the built-in Keychain on macOS and "
    "Credential Manager on Windows are used automatically. Without a desktop session, run Chinwag "
    "inside 'dbus-run-session' after unlocking one with "
    "'echo -n PASSWORD | gnome-keyring-daemon --unlock --components=secrets'."
)

# What keyring picks when nothing works, and backends that would keep secrets readable on disk.
_ABSENT_MODULES = ("keyring.backends.null", "keyring.backends.fail")
_PLAINTEXT_MODULES = ("keyrings.alt",)
# The backend keyring's discovery picks on each platform when nothing else is installed.
_PLATFORM_BACKENDS = (
    (("linux", "freebsd", "openbsd", "netbsd"), "keyring.backends.SecretService.Keyring"),
    (("darwin",), "keyring.backends.macOS.Keyring"),
    (("win32",), "keyring.backends.Windows.WinVaultKeyring"),
)


class SecretsUnavailable(Exception):
    """No trustworthy keyring can be used; ``str()`` explains how to fix it."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"{reason}\n\n{HOW_TO_GET_A_KEYRING}")
        self.reason = reason


class SecretStore(Protocol):
    def check(self) -> object:
        """Raise :class:`SecretsUnavailable` when secrets cannot be kept safely."""
        ...

    def get(self, account_id: str, key: str) -> str | None: ...

    def set(self, account_id: str, key: str, value: str) -> None: ...

    def delete(self, account_id: str, key: str) -> None: ...


def _username(account_id: str, key: str) -> str:
    return f"{account_id}/{key}"


class KeyringSecrets:
    """:class:`SecretStore` over the ``keyring`` package; thread-safe, blocking."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        """``backend``: this one instead of the one ``keyring`` would choose (tests)."""
        self._backend = backend
        self._checked: keyring.backend.KeyringBackend | None = None
        self._lock = threading.Lock()

    def check(self) -> keyring.backend.KeyringBackend:
        """The usable backend, or :class:`SecretsUnavailable` saying why there is none."""
        with self._lock:
            if self._checked is None:
                backend = self._backend or platform_backend() or _keyring().get_keyring()
                safe = []
                plaintext = []
                for candidate in _chain(backend):
                    module = type(candidate).__module__
                    if module.startswith(_ABSENT_MODULES):
                        continue
                    if module.startswith(_PLAINTEXT_MODULES) or "plaintext" in module.lower():
                        plaintext.append(candidate)
                    else:
                        safe.append(candidate)
                if safe:
                    # Use the best safe backend alone: keyring's own chain would fall back to
                    # a plaintext file when the Secret Service is locked or away.
                    self._checked = safe[0]
                elif plaintext:
                    raise SecretsUnavailable(
                        CoreMessages.tr(
                            "The only keyring available (%1 from %2) would store passwords unprotected."
                        ).arg(type(plaintext[0]).__name__, type(plaintext[0]).__module__)
                    )
                else:
                    raise SecretsUnavailable(
                        CoreMessages.tr("No keyring service is installed or running.")
                    )
            return self._checked

    def get(self, account_id: str, key: str) -> str | None:
        backend = self.check()
        try:
            return backend.get_password(SERVICE, _username(account_id, key))
        except _keyring().errors.KeyringError as exc:
            raise SecretsUnavailable(f"The keyring refused to read a secret: {exc}") from exc

    def set(self, account_id: str, key: str, value: str) -> None:
        backend = self.check()
        try:
            backend.set_password(SERVICE, _username(account_id, key), value)
        except _keyring().errors.KeyringError as exc:
            raise SecretsUnavailable(f"The keyring refused to store a secret: {exc}") from exc

    def delete(self, account_id: str, key: str) -> None:
        backend = self.check()
        errors = _keyring().errors
        try:
            backend.delete_password(SERVICE, _username(account_id, key))
        except errors.PasswordDeleteError:
            pass  # already gone
        except errors.KeyringError as exc:
            raise SecretsUnavailable(f"The keyring refused to delete a secret: {exc}") from exc


def platform_backend() -> keyring.backend.KeyringBackend | None:
    """The platform's own keyring backend, loaded without keyring's discovery, if it is the one
    discovery would choose and it is usable; None: let ``keyring.get_keyring()`` choose.

    Discovery decides when keyring is configured (``PYTHON_KEYRING_BACKEND``, ``keyringrc.cfg``),
    when a backend of another package is installed (it may outrank the platform's), and on KDE
    (keyring prefers KWallet there)."""
    name = next((n for p, n in _PLATFORM_BACKENDS if sys.platform.startswith(p)), None)
    if name is None or os.environ.get("PYTHON_KEYRING_BACKEND"):
        return None
    if "KDE" in os.environ.get("XDG_CURRENT_DESKTOP", "").split(":"):
        return None
    try:
        import importlib.metadata  # noqa: PLC0415  (not on the way to the window)

        plugins = importlib.metadata.entry_points(group="keyring.backends")
        if any(ep.dist is None or ep.dist.name.lower() != "keyring" for ep in plugins):
            return None
        from keyring.util import platform_  # noqa: PLC0415  (see the module's docstring)

        if (platform_.config_root() / "keyringrc.cfg").exists():
            return None
        backend: keyring.backend.KeyringBackend = _keyring().core.load_keyring(name)
    except Exception as exc:  # not usable here (no Secret Service on the bus): keyring decides
        _log.debug("the platform's keyring %s is not usable (%s); keyring chooses", name, exc)
        return None
    return backend


def _chain(backend: keyring.backend.KeyringBackend) -> list[keyring.backend.KeyringBackend]:
    """The backends a (possibly chained) keyring would actually use."""
    inner = getattr(backend, "backends", None)
    if isinstance(inner, list):
        base = _keyring().backend.KeyringBackend
        return [b for b in inner if isinstance(b, base)]
    return [backend]


def _keyring() -> ModuleType:
    """The ``keyring`` package with its ``backend``, ``core`` and ``errors`` modules, imported now."""
    import keyring  # noqa: PLC0415  (see the module's docstring)
    import keyring.backend  # noqa: PLC0415
    import keyring.core  # noqa: PLC0415
    import keyring.errors  # noqa: PLC0415

    return keyring
