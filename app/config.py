"""App-level settings: the account list and preferences, in one small JSON file.

Secrets never go here (they live in the keyring); the file holds only the *names* of the secrets
an account has, so removing the account can delete them. Writes are atomic (temp file + rename) and
the file is readable by its owner only.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from app.models import Account

CONFIG_VERSION = 1
_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class AccountEntry:
    account: Account
    secret_keys: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AppConfig:
    accounts: tuple[AccountEntry, ...] = ()
    preferences: Mapping[str, Any] = field(default_factory=dict)

    def account(self, account_id: str) -> AccountEntry | None:
        return next((e for e in self.accounts if e.account.id == account_id), None)

    def with_account(self, entry: AccountEntry) -> AppConfig:
        """Add or replace an account entry, keeping the order."""
        ids = [e.account.id for e in self.accounts]
        if entry.account.id in ids:
            accounts = tuple(
                entry if e.account.id == entry.account.id else e for e in self.accounts
            )
        else:
            accounts = (*self.accounts, entry)
        return replace(self, accounts=accounts)

    def without_account(self, account_id: str) -> AppConfig:
        return replace(self, accounts=tuple(e for e in self.accounts if e.account.id != account_id))

    def with_preference(self, key: str, value: Any) -> AppConfig:
        return replace(self, preferences={**self.preferences, key: value})


class ConfigError(Exception):
    """The config file exists but cannot be read; we refuse to overwrite it silently."""


class ConfigFile:
    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> AppConfig:
        if not self.path.exists():
            return AppConfig()
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            if raw.get("version") != CONFIG_VERSION:
                raise ConfigError(f"unsupported config version {raw.get('version')!r}")
            accounts = tuple(_entry(a) for a in raw.get("accounts", []))
            prefs = raw.get("preferences", {})
            if not isinstance(prefs, dict):
                raise ConfigError("preferences must be an object")
            return AppConfig(accounts, prefs)
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ConfigError(f"cannot read {self.path}: {exc}") from exc

    def save(self, config: AppConfig) -> None:
        data = {
            "version": CONFIG_VERSION,
            "accounts": [
                {
                    "id": e.account.id,
                    "protocol": e.account.protocol_id,
                    "display_name": e.account.display_name,
                    "enabled": e.account.enabled,
                    "settings": dict(e.account.settings),
                    "secret_keys": list(e.secret_keys),
                }
                for e in config.accounts
            ],
            "preferences": dict(config.preferences),
        }
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=".config-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, indent=2, ensure_ascii=False)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _entry(raw: Mapping[str, Any]) -> AccountEntry:
    settings = raw.get("settings", {})
    if not isinstance(settings, dict) or not all(
        isinstance(v, (str, int, bool)) for v in settings.values()
    ):
        raise ValueError(f"account {raw.get('id')!r}: settings must be plain values")
    return AccountEntry(
        Account(
            id=str(raw["id"]),
            protocol_id=str(raw["protocol"]),
            display_name=str(raw.get("display_name", "")),
            settings=settings,
            enabled=bool(raw.get("enabled", True)),
        ),
        tuple(str(k) for k in raw.get("secret_keys", [])),
    )
