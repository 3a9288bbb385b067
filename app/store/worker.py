"""One thread that owns every store, so the core's event loop never waits on SQLite.

All store and dispatcher calls go through :meth:`StoreWorker.run`; being a single thread, it
serialises writes (SQLite has one writer anyway) and keeps each store's caches consistent without
locks. Reads that might be slow (search over a million messages, export) cannot stall the network.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


class StoreWorker:
    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chinwag-store")

    async def run(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args, **kwargs))

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True)
