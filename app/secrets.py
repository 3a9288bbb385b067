"""Passwords and tokens, kept only in the system keyring (service ``chinwag``).

There is deliberately no fallback: if no trustworthy keyring backend is usable (no Secret Service
on the session bus, a locked keyring, or only a plaintext/"null" backend installed), every call
raises :class:`SecretsUnavailable` whose message tells a person how to get one. Keyring calls block
(D-Bus round trips, maybe an unlock prompt), so the core runs them off its event loop.

``keyring`` itself is imported on the first use, on that worker thread: its import and its
choice of backend (every backend module, a D-Bus round trip) cost a quarter of a second of CPU
that the app's start does not wait for (``app.core.facade``).
"""

from __future__ import annotations

import logging
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
                backend = self._backend or _keyring().get_keyring()
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


def _chain(backend: keyring.backend.KeyringBackend) -> list[keyring.backend.KeyringBackend]:
    """The backends a (possibly chained) keyring would actually use."""
    inner = getattr(backend, "backends", None)
    if isinstance(inner, list):
        base = _keyring().backend.KeyringBackend
        return [b for b in inner if isinstance(b, base)]
    return [backend]


def _keyring() -> ModuleType:
    """The ``keyring`` package with its ``backend`` and ``errors`` modules, imported now."""
    import keyring  # noqa: PLC0415  (see the module's docstring)
    import keyring.backend  # noqa: PLC0415
    import keyring.errors  # noqa: PLC0415

    return keyring
