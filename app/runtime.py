"""The thread that hosts the core's asyncio loop, so a GUI thread only paints and handles input.

A front end creates a :class:`CoreThread`, starts it, and talks to the core only through
:meth:`CoreThread.submit` (commands) and the core's event bus (whose callbacks run on this thread;
hand events over to your own thread yourself, as ``ui.bridge`` does). :func:`result_of` turns a
finished command into a typed :data:`Result` — the value, or an error meant for a person.
:class:`EventRelay` lets a front end start the core before it is ready to listen: it keeps every
event until the listener attaches.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeAlias, TypeVar

from app.bus import EventBus
from app.core import CommandError, Core
from app.events import Event
from app.i18n import CoreMessages
from app.secrets import SecretsUnavailable

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
_log = logging.getLogger(__name__)
TLS_READ_BUFFER = 64 * 1024
"""Bytes asyncio reads from a TLS socket at once. Its ``SSLProtocol`` gives every TLS connection
a 256 KB read buffer, written through when it is made, so resident while the connection lives:
1 MB for the four connections of an XMPP, a Matrix and an IRC account (docs/performance.md,
"Memory, session 8"). A TLS record is at most 16 KB, and a chat connection idles; 64 KB takes
four records per read."""


def smaller_tls_reads(size: int = TLS_READ_BUFFER) -> None:
    """Lower asyncio's TLS read buffer to ``size`` for connections made from now on (a
    process-wide class attribute; left as it is if the attribute is missing or already smaller)."""
    from asyncio import sslproto  # noqa: PLC0415  (imported with asyncio already)

    current = getattr(sslproto.SSLProtocol, "max_size", None)
    if isinstance(current, int) and current > size:
        sslproto.SSLProtocol.max_size = size


class CoreStopped(RuntimeError):
    """A command came after the core loop had stopped; it was not run."""


@dataclass(frozen=True, slots=True)
class Done(Generic[T_co]):
    """A command that finished: ``value`` is what its coroutine returned."""

    value: T_co

    @property
    def ok(self) -> Literal[True]:
        return True

    @property
    def error(self) -> None:
        return None


@dataclass(frozen=True, slots=True)
class Failed:
    """A command that did not finish: ``error`` says why, in words for a person; ``problems``
    maps account fields to what is wrong with each, when the command was about them."""

    error: str
    problems: Mapping[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> Literal[False]:
        return False


Result: TypeAlias = Done[T] | Failed
"""A command's answer; ``if result.ok`` (or ``result.error is None``) narrows it to :class:`Done`."""

CANCELLED = "cancelled"


def result_of(future: concurrent.futures.Future[T]) -> Result[T]:
    """The typed answer of a finished command future.

    A :class:`~app.core.CommandError` or an unusable keyring is an answer for a person; a
    command cancelled, or refused because the core had stopped, is ``Failed("cancelled")``; any
    other exception is a bug: logged with its traceback and reported as an internal error.
    """
    try:
        return Done(future.result())
    except CommandError as exc:
        return Failed(message_of(exc), exc.problems)
    except SecretsUnavailable as exc:
        return Failed(message_of(exc))
    except concurrent.futures.CancelledError:
        return Failed(CANCELLED)
    except CoreStopped:
        _log.debug("a command came after the core stopped; dropped")
        return Failed(CANCELLED)
    except Exception as exc:
        _log.error("core command failed", exc_info=exc)
        return Failed(CoreMessages.tr("Internal error: %1").arg(exc))


def message_of(exc: Exception) -> str:
    """The exception's message as it was made: ``str(exc)`` would turn a translatable
    :class:`~app.i18n.Text` into a plain string."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, str) else str(exc)


class CoreThread:
    def __init__(self, core_factory: Callable[[], Core]) -> None:
        self._factory = core_factory
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._main, name="chinwag-core", daemon=True)
        self.loop: asyncio.AbstractEventLoop | None = None
        self.core: Core | None = None
        self._startup_error: BaseException | None = None

    def start(self) -> Core:
        """Start the loop and create the core on it; returns once the core object exists.

        The core's ``start()`` coroutine is *not* awaited here; submit it so the caller can
        subscribe to the bus first and see the initial events.
        """
        self._thread.start()
        self._ready.wait()
        if self._startup_error is not None:
            raise self._startup_error
        assert self.core is not None
        return self.core

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        """Run ``coro`` on the core loop. Once the loop has stopped, the coroutine is closed
        unrun and the future fails with :class:`CoreStopped` (a widget's timer may still fire
        while the app shuts down)."""
        assert self.loop is not None
        try:
            return asyncio.run_coroutine_threadsafe(coro, self.loop)
        except RuntimeError:  # the loop is closed
            coro.close()
            stopped: concurrent.futures.Future[T] = concurrent.futures.Future()
            stopped.set_exception(CoreStopped("the core has stopped"))
            return stopped

    def call_soon(self, fn: Callable[..., object], *args: object) -> None:
        assert self.loop is not None
        self.loop.call_soon_threadsafe(fn, *args)

    def stop(self, timeout: float = 15.0) -> None:
        """Stop the core (disconnect, close stores) and the loop; waits up to ``timeout`` s."""
        loop, core = self.loop, self.core
        if loop is None or core is None or not self._thread.is_alive():
            return
        try:
            self.submit(core.stop()).result(timeout)
        except Exception:
            _log.exception("core did not stop cleanly")
        loop.call_soon_threadsafe(loop.stop)
        self._thread.join(timeout)

    def _main(self) -> None:
        smaller_tls_reads()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self.loop = loop
        try:
            self.core = self._factory()
        except BaseException as exc:
            self._startup_error = exc
            self._ready.set()
            return
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
            for task in pending:
                task.cancel()
            if pending:
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()


class EventRelay:
    """Every event of a bus, kept from the moment this is made until a listener attaches.

    The Qt front end starts the core (stores, connecting) before it imports its window, so the
    server's round trips overlap that import; what the core published meanwhile (the accounts,
    their states, joined rooms, messages) reaches the window when it attaches, once and in
    order. Make the relay before the core starts; :meth:`attach` from any thread.
    """

    def __init__(self, bus: EventBus) -> None:
        self._lock = threading.Lock()
        self._held: list[Event] = []
        self._target: Callable[[Event], None] | None = None
        self._closed = False
        self._unsubscribe = bus.subscribe(Event, self._publish)

    @property
    def held(self) -> int:
        """How many events wait for a listener."""
        with self._lock:
            return len(self._held)

    def attach(self, target: Callable[[Event], None]) -> Callable[[], None]:
        """Hand ``target`` every event kept so far, in order, then each later one as it comes
        (on the publisher's thread). One listener only; returns the function that detaches it
        (from then on the relay drops everything and leaves the bus)."""
        with self._lock:
            if self._target is not None or self._closed:
                raise RuntimeError("this relay already has its listener")
            held, self._held = self._held, []
            # Under the lock: the core thread cannot publish the next event in between.
            for event in held:
                target(event)
            self._target = target
        return self.close

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._target = None
            self._held = []
        self._unsubscribe()

    def _publish(self, event: Event) -> None:
        with self._lock:
            if self._target is not None:
                self._target(event)
            elif not self._closed:
                self._held.append(event)
