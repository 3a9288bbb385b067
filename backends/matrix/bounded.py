"""A dictionary with a size limit, for what other people can make us remember.

Anyone on the federation can send us invites, reactions to messages we have not loaded, or
encrypted events whose keys never come. Everything the backend keeps in memory on their behalf
lives in a :class:`BoundedDict`: past ``limit`` entries the least recently touched one goes, so a
flood costs a fixed amount of memory instead of growing until the session ends.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class BoundedDict(OrderedDict[K, V], Generic[K, V]):
    """An ``OrderedDict`` that forgets its oldest entries beyond ``limit`` (LRU on write/get)."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        if limit < 1:
            raise ValueError("limit must be positive")
        self.limit = limit

    def __setitem__(self, key: K, value: V) -> None:
        if key in self:
            self.move_to_end(key)
        super().__setitem__(key, value)
        while len(self) > self.limit:
            self.popitem(last=False)

    def touch(self, key: K) -> None:
        if key in self:
            self.move_to_end(key)

    def setdefault_new(self, key: K, factory: Callable[[], V]) -> V:
        """The value at ``key``, created with ``factory`` if missing (counts as recent either way)."""
        if key in self:
            self.move_to_end(key)
            return self[key]
        value = factory()
        self[key] = value
        return value
