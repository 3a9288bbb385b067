"""The Delta Chat core as a subprocess (``deltachat-rpc-server``), seen from asyncio.

``deltachat_rpc_client.Rpc`` speaks JSON-RPC to the core over the child's stdin/stdout with its
own reader, writer and event threads and blocking calls. This wraps it for a backend that runs on
the Chinwag core's event loop: calls wait on a small private thread pool (never the loop), and the
core's events are carried into an ``asyncio.Queue`` by one thread per account.

The core is started with its accounts folder inside the backend's ``data_dir`` and stopped by our
own child's pid (``Rpc.close`` ends its stdin; the child exits). Its log goes to a file there,
truncated at every start, so a chatty core cannot fill a pipe nobody reads.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from queue import Empty
from typing import Any, TypeVar

from deltachat_rpc_client import Rpc
from deltachat_rpc_client.rpc import JsonRpcError

T = TypeVar("T")
SERVER = "deltachat-rpc-server"
STOP_TIMEOUT = 10.0
PUMP_POLL = 1.0  # how often the event thread checks that the core is still alive


class CoreError(Exception):
    """The core refused a call; ``message`` is its sentence for people."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def server_path() -> str | None:
    """The ``deltachat-rpc-server`` of this Python's environment, else the one on PATH."""
    here = Path(sys.executable).parent / SERVER
    return str(here) if here.exists() else shutil.which(SERVER)


def _error_text(exc: JsonRpcError) -> str:
    arg = exc.args[0] if exc.args else ""
    if isinstance(arg, dict):
        return str(arg.get("message") or arg)
    return str(arg)


class CoreProcess:
    """One ``deltachat-rpc-server`` child serving one Chinwag account."""

    def __init__(self, accounts_dir: Path, log_path: Path) -> None:
        self.accounts_dir = accounts_dir
        self.log_path = log_path
        self._rpc: Rpc | None = None
        self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="deltachat-rpc")
        self._pump: threading.Thread | None = None
        self._pump_account: int | None = None

    @property
    def running(self) -> bool:
        rpc = self._rpc
        return rpc is not None and rpc.process.poll() is None

    async def start(self) -> None:
        path = server_path()
        if path is None:
            raise CoreError(
                "The Delta Chat core (deltachat-rpc-server) is not installed: "
                "pip install deltachat-rpc-server"
            )
        self.accounts_dir.parent.mkdir(parents=True, exist_ok=True)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("wb")
        try:
            rpc = Rpc(accounts_dir=str(self.accounts_dir), rpc_server_path=path, stderr=log)
            await self._run(rpc.start)
        except JsonRpcError as exc:
            raise CoreError(_error_text(exc)) from exc
        finally:
            log.close()  # the child holds its own descriptor
        self._rpc = rpc

    async def call(self, method: str, *args: Any) -> Any:
        """One JSON-RPC call; a refusal raises :class:`CoreError` with the core's sentence."""
        rpc = self._rpc
        if rpc is None:
            raise CoreError("The Delta Chat core is not running.")
        try:
            return await self._run(getattr(rpc, method), *args)
        except JsonRpcError as exc:
            raise CoreError(_error_text(exc)) from exc

    def pump_events(self, account_id: int, sink: Callable[[dict[str, Any] | None], object]) -> None:
        """Hand every event of ``account_id`` to ``sink`` (from a thread: ``sink`` must be thread
        safe, e.g. ``loop.call_soon_threadsafe``); ``None`` says the core has gone."""
        rpc = self._rpc
        assert rpc is not None and self._pump is None

        queue = rpc.get_queue(account_id)

        def run() -> None:
            while True:
                try:
                    event = queue.get(timeout=PUMP_POLL)
                except Empty:
                    if rpc.process.poll() is None:
                        continue
                    event = None  # the core died: its own event thread ended without a word
                sink(event)
                if event is None:
                    return

        self._pump_account = account_id
        self._pump = threading.Thread(target=run, name="deltachat-events", daemon=True)
        self._pump.start()

    async def stop(self) -> None:
        """Stop the child (safe to call twice): IO first, then close its stdin, by its pid."""
        rpc, self._rpc = self._rpc, None
        if rpc is not None:
            await self._run(self._close, rpc)
        if self._pump is not None:
            await self._run(self._pump.join, STOP_TIMEOUT)
            self._pump = None
        self._pool.shutdown(wait=False)

    def _close(self, rpc: Rpc) -> None:
        if rpc.process.poll() is None:
            with contextlib.suppress(Exception):
                rpc.close()
        else:
            # The core died under us: its reader and event threads end with the pipe, but the
            # client's writer thread (not a daemon) waits for requests for ever and would keep
            # Chinwag from exiting. An empty request ends it.
            rpc.request_queue.put(None)
        with contextlib.suppress(subprocess.TimeoutExpired):
            rpc.process.wait(STOP_TIMEOUT)
        if rpc.process.poll() is None:
            rpc.process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                rpc.process.wait(STOP_TIMEOUT)
        if rpc.process.poll() is None:
            rpc.process.kill()
            rpc.process.wait()
        for stream in (rpc.process.stdout, rpc.process.stdin):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        if self._pump_account is not None:
            rpc.get_queue(self._pump_account).put(None)  # wake the event thread

    async def _run(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn, *args)
