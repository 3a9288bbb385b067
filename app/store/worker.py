"""The threads that own the stores, so the core's event loop never waits on SQLite.

All store and dispatcher calls go through :meth:`StoreWorker.run`; being a single thread, it
serialises writes (SQLite has one writer anyway) and keeps each store's caches consistent without
locks. Reads that might be slow (search over a million messages, export) cannot stall the network.

Search alone runs beside it, through :meth:`StoreWorker.read`: on a few reader threads, each store
on a connection of its own (:meth:`AccountStore.search`), so the accounts' stores are searched at
once rather than one after another, and neither a search nor a write waits for the other. A search
that nobody wants any more is stopped with a :class:`Cancel`.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import sqlite3
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

READERS = 8
"""At most this many searches of account stores run at once. Measured on 2 cores, 5 stores of
2,000,000 messages: one store per thread at once is faster than 2 threads taking turns
(a store's search is SQLite's work with the GIL released, so the 2 cores share it evenly)."""


class Cancelled(Exception):
    """A read was stopped by its :class:`Cancel` (before it began, or interrupted)."""


class Cancel:
    """Stops the reads it is given to, from any thread: one not yet begun does not begin, and a
    query running on a reader connection is interrupted (``sqlite3_interrupt``)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._running: set[sqlite3.Connection] = set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            for conn in self._running:
                conn.interrupt()

    @contextlib.contextmanager
    def running(self, conn: sqlite3.Connection) -> Iterator[None]:
        """While the block runs a query on ``conn``, :meth:`cancel` interrupts it. Only queries
        inside the block can be hit: the connection is forgotten (under the same lock) before
        it is used for anything else. Raises :class:`Cancelled` if cancelled already."""
        with self._lock:
            if self._cancelled:
                raise Cancelled
            self._running.add(conn)
        try:
            yield
        finally:
            with self._lock:
                self._running.discard(conn)


class StoreWorker:
    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chinwag-store")
        # Threads start on the first search, not before.
        self._readers = ThreadPoolExecutor(max_workers=READERS, thread_name_prefix="chinwag-search")

    async def run(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args, **kwargs))

    async def read(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run ``fn`` on a reader thread, beside the store thread and other reads: only for
        what is safe there (:meth:`AccountStore.search`, which has its own connection)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._readers, functools.partial(fn, *args, **kwargs))

    def shutdown(self) -> None:
        self._readers.shutdown(wait=True)
        self._executor.shutdown(wait=True)
