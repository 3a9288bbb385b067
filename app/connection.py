"""Keeps one account connected: connect, notice the loss, wait with backoff, connect again.

This is the only reconnect logic in Chinwag; backends just report :class:`~app.facts.ConnectionLost`
(or fail :meth:`~app.backend.Backend.connect`) and say whether retrying can help. A wrong password
or an untrusted certificate stops the loop in ``FAILED`` until the user acts.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from app.backend import Backend, ConnectResult, Failure, FailureKind
from app.backoff import Backoff
from app.facts import ConnectionLost
from app.i18n import CoreMessages
from app.models import ConnectionState
from app.secrets import SecretsUnavailable


@dataclass(frozen=True, slots=True)
class StateReport:
    state: ConnectionState
    message: str = ""
    retry_in: float | None = None
    failure: Failure | None = None


class ConnectionSupervisor:
    """Runs the connect/reconnect loop of one account as an asyncio task."""

    def __init__(
        self,
        *,
        create_backend: Callable[[], Awaitable[Backend | None]],
        on_connected: Callable[[Backend], Awaitable[None]],
        on_disconnected: Callable[[], Awaitable[None]],
        on_state: Callable[[StateReport], None],
        logger: logging.LoggerAdapter[logging.Logger],
        backoff: Backoff | None = None,
        connect_timeout: float = 45.0,
        stable_after: float = 60.0,
    ) -> None:
        self._create_backend = create_backend
        self._on_connected = on_connected
        self._on_disconnected = on_disconnected
        self._on_state = on_state
        self.log = logger
        self.backoff = backoff or Backoff()
        self.connect_timeout = connect_timeout
        self.stable_after = stable_after
        self.state = ConnectionState.OFFLINE
        self.backend: Backend | None = None
        self._task: asyncio.Task[None] | None = None
        self._lost: asyncio.Future[ConnectionLost] | None = None
        self._wake: asyncio.Event | None = None
        self._stopping = False

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        if not self.running:
            self._stopping = False
            self._task = asyncio.get_running_loop().create_task(self._run(), name="connection")

    async def stop(self, state: ConnectionState = ConnectionState.OFFLINE) -> None:
        # The flag as well as the cancel: on Python 3.11 a cancellation racing a finishing
        # wait_for/to_thread can be lost, and the loop must end anyway.
        self._stopping = True
        if self._wake is not None:
            self._wake.set()
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await self._teardown()
        self._set(StateReport(state))

    def retry_now(self) -> None:
        """Skip the current wait (the user pressed "reconnect"), or restart after a failure."""
        if self.running and self._wake is not None:
            self._wake.set()
        elif not self.running:
            self.backoff.reset()
            self.start()

    def lost(self, fact: ConnectionLost, backend: Backend) -> None:
        """A backend said its session ended; stale reports from older backends are ignored."""
        if backend is self.backend and self._lost is not None and not self._lost.done():
            self._lost.set_result(fact)

    async def _run(self) -> None:
        while not self._stopped():
            self._set(StateReport(ConnectionState.CONNECTING))
            backend = await self._create_backend()
            if self._stopped():
                return
            if backend is None:
                self._set(
                    StateReport(
                        ConnectionState.FAILED,
                        CoreMessages.tr("This account's service plugin is not available."),
                        failure=Failure(FailureKind.CONFIG, CoreMessages.tr("plugin missing")),
                    )
                )
                return
            self.backend = backend
            self._lost = asyncio.get_running_loop().create_future()
            result = await self._connect(backend)
            if result.failure is None:
                connected_at = time.monotonic()
                self._set(StateReport(ConnectionState.CONNECTED))
                await self._on_connected(backend)
                lost = await self._lost
                self.log.info("connection lost: %s", lost.reason)
                await self._teardown()
                if time.monotonic() - connected_at >= self.stable_after:
                    self.backoff.reset()
                failure = Failure(FailureKind.NETWORK, lost.reason, retryable=lost.retryable)
            else:
                failure = result.failure
                self.log.info("connect failed (%s): %s", failure.kind, failure.message)
                await self._teardown()
            if not failure.retryable:
                self._set(StateReport(ConnectionState.FAILED, failure.message, failure=failure))
                return
            delay = self.backoff.next_delay(failure.retry_after)
            self._set(
                StateReport(
                    ConnectionState.WAITING, failure.message, retry_in=delay, failure=failure
                )
            )
            self._wake = asyncio.Event()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(delay):
                    await self._wake.wait()

    def _stopped(self) -> bool:
        return self._stopping

    async def _connect(self, backend: Backend) -> ConnectResult:
        try:
            async with asyncio.timeout(self.connect_timeout):
                return await backend.connect()
        except TimeoutError:
            return ConnectResult(
                Failure(
                    FailureKind.NETWORK,
                    CoreMessages.tr("The server did not answer in time."),
                    retryable=True,
                )
            )
        except SecretsUnavailable as exc:  # retrying cannot help until the user fixes it
            return ConnectResult(Failure(FailureKind.CONFIG, str(exc)))
        except Exception as exc:  # a bug in the backend; keep retrying with backoff
            self.log.exception("backend crashed while connecting")
            return ConnectResult(
                Failure(
                    FailureKind.PROTOCOL,
                    CoreMessages.tr("Internal error: %1").arg(exc),
                    retryable=True,
                )
            )

    async def _teardown(self) -> None:
        backend, self.backend = self.backend, None
        if backend is None:
            return
        try:
            await self._on_disconnected()
        finally:
            try:
                async with asyncio.timeout(10):
                    await backend.disconnect()
            except Exception:
                self.log.exception("backend failed to disconnect cleanly")

    def _set(self, report: StateReport) -> None:
        self.state = report.state
        self._on_state(report)
