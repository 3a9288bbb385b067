"""The keyring of a benchmark that starts the app twice on one profile (``--restart``).

:class:`~chinwag.testing.context.MemorySecretStore` (secrets in memory, as every benchmark child
uses) whose values are also written to a file of the run (mode 0600, removed with it), so the
second start finds the passwords and keys of the first. Import it after ``ui``, as the app's
own modules are (see ``benchmarks.app_driver.open_app``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from chinwag.testing.context import MemorySecretStore


class FileSecrets(MemorySecretStore):
    """In memory, and kept in ``path`` after every change."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        raw = json.loads(path.read_text()) if path.exists() else []
        self.values.update({(a, k): v for a, k, v in raw})

    def set(self, account_id: str, key: str, value: str) -> None:
        super().set(account_id, key, value)
        self._save()

    def delete(self, account_id: str, key: str) -> None:
        super().delete(account_id, key)
        self._save()

    def _save(self) -> None:
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as out:
            json.dump([[a, k, v] for (a, k), v in self.values.items()], out)
