"""An in-memory :class:`~app.secrets.SecretStore` for unit tests (the real keyring is tested too)."""

from __future__ import annotations


class MemorySecrets:
    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str] = {}

    def check(self) -> object:
        return self

    def get(self, account_id: str, key: str) -> str | None:
        return self.values.get((account_id, key))

    def set(self, account_id: str, key: str, value: str) -> None:
        self.values[(account_id, key)] = value

    def delete(self, account_id: str, key: str) -> None:
        self.values.pop((account_id, key), None)
