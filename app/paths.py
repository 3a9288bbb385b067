"""Where Chinwag keeps its files, per platform (platformdirs), or under one profile folder.

A profile folder (``--profile DIR`` or ``CHINWAG_PROFILE``) puts config, data, cache and logs under
one directory: used by tests, benchmarks and anyone who wants a portable or second profile.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "chinwag"
PROFILE_ENV = "CHINWAG_PROFILE"


@dataclass(frozen=True, slots=True)
class AppPaths:
    config_dir: Path
    data_dir: Path
    cache_dir: Path
    log_dir: Path
    root: Path | None = None  # the profile folder, when everything lives under one

    @classmethod
    def default(cls) -> AppPaths:
        profile = os.environ.get(PROFILE_ENV)
        if profile:
            return cls.in_profile(Path(profile))
        return cls(
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            cache_dir=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        )

    @classmethod
    def in_profile(cls, root: Path) -> AppPaths:
        root = root.expanduser().absolute()
        return cls(root / "config", root / "data", root / "cache", root / "logs", root)

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.json"

    @property
    def accounts_dir(self) -> Path:
        return self.data_dir / "accounts"

    @property
    def archive_dir(self) -> Path:
        """Stores of removed accounts whose history the user chose to keep."""
        return self.data_dir / "archive"

    @property
    def personal_words(self) -> Path:
        """The spell checker's personal word list (one word a line, every language)."""
        return self.data_dir / "personal-words.txt"

    def account_store(self, account_id: str) -> Path:
        return self.accounts_dir / f"{account_id}.sqlite3"

    def account_files(self, account_id: str) -> Path:
        """A backend's private folder (encryption keys, media cache …)."""
        return self.accounts_dir / account_id

    def ensure(self) -> None:
        """Create the folders, readable by their owner only (a profile folder too: it holds
        every message; its parents are left as they are)."""
        if self.root is not None:
            self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        for d in (self.config_dir, self.data_dir, self.cache_dir, self.log_dir):
            d.mkdir(parents=True, exist_ok=True, mode=0o700)
