"""python-omemo's storage kept in a dict: for the independent OMEMO peer of the integration tests
and the engine's unit tests (only python-omemo's small core, not the OMEMO stack)."""

from __future__ import annotations

from omemo.storage import Just, Maybe, Nothing, Storage
from omemo.types import JSONType


class MemoryStorage(Storage):
    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, JSONType] = {}

    async def _load(self, key: str) -> Maybe[JSONType]:
        return Just(self.data[key]) if key in self.data else Nothing()

    async def _store(self, key: str, value: JSONType) -> None:
        self.data[key] = value

    async def _delete(self, key: str) -> None:
        self.data.pop(key, None)
