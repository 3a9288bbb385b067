"""The wire of one IRC connection: reading and dispatching lines, writing them, labels, batches,
requests that wait for their reply, and the tasks and timers that must end with the connection.

Every service (sign-in, messaging, channels, people, history) registers the commands it handles
here when it is built; a line goes to each handler of its command in the order they registered.
Numerics go to their handlers until one says it handled the line; an error numeric nobody
handled becomes a service notice. Nothing the server sends can raise into the core: each line is
handled inside its own guard and anything unusable becomes a logged :class:`~app.facts.BadInput`.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import itertools
import logging
import secrets
import time
from collections.abc import Callable, Coroutine, Iterable
from dataclasses import dataclass, field
from typing import Any

from app import facts as f
from app.backend import ConnectResult, Failure, FailureKind, Outcome
from app.i18n import CoreMessages
from app.models import ConversationKind
from app.priority import give_way_async
from backends.irc import convert, transport
from backends.irc.protocol import Line, format_line, parse_line, split_message
from backends.irc.ratelimit import TokenBucket
from backends.irc.settings import Tunables
from backends.irc.text import decode

MAX_OPEN_BATCHES = 64
GIVE_WAY_EVERY = 64
"""Lines of a read handled between two points where the reader gives way to the GUI thread
(a millisecond or so of work; app.priority). A read of fewer lines (anything but a flood)
never waits."""
HISTORY_BATCHES = ("chathistory", "draft/chathistory")

LineHandler = Callable[[Line], None]
QuickHandler = Callable[[dict[str, str], str, str, str], bool]
"""``quick(tags, source, target, text)``: a line :func:`~backends.irc.protocol.split_message`
read, before any :class:`Line` is made; True when it did all its handler does with that line."""
Idle = Callable[[], bool]
"""True: a handler or filter has nothing to do with any line now."""
NumericHandler = Callable[[Line, "str | None"], bool]
"""Returns True when it handled the numeric (later handlers do not see it)."""
Report = Callable[[f.Fact], None]
IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass
class Batch:
    kind: str
    params: tuple[str, ...]
    label: str | None
    parent: str | None
    messages: int = 0


@dataclass
class _Waiter:
    """Resolves ``future`` with the first Outcome ``check`` returns for a line (or a label)."""

    check: Callable[[Line, str | None], Outcome | None]
    future: asyncio.Future[Outcome]


@dataclass
class Me:
    """Who we are on the server right now."""

    nick: str = ""
    user: str = ""
    host: str = ""
    account: str | None = None  # the services account we are logged in to


@dataclass
class Caps:
    """IRCv3 capabilities: what the server offers and what it enabled for us."""

    available: dict[str, str] = field(default_factory=dict)
    enabled: set[str] = field(default_factory=set)

    def __contains__(self, name: object) -> bool:
        return name in self.enabled


class IrcSession:
    """One connection's wire; see the module docstring."""

    def __init__(
        self,
        report: Report,
        log: logging.LoggerAdapter[logging.Logger],
        tunables: Tunables,
    ) -> None:
        self._report = report
        self._run: _Run | None = None  # plain messages of the chunk being read, not reported yet
        self.log = log
        self.tunables = tunables
        self.info = convert.ServerInfo()
        self.caps = Caps()
        self.me = Me()
        self.registered = False
        self.connected = False  # registered and handed to the core
        self.closing = False
        self.closed = False
        self.close_reason: str = ""
        self.ended = asyncio.Event()  # set once the connection is over, whoever ended it
        self.signed_in: asyncio.Future[ConnectResult] | None = None
        self.server_address: IpAddress | None = None  # the server's end of our socket
        self.local_address: IpAddress | None = None  # ours, as DCC offers name it
        self._writer: transport.LineWriter | None = None
        self._read_task: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[object]] = set()
        self._timers: list[asyncio.TimerHandle] = []
        self._shutdown_task: asyncio.Task[None] | None = None
        self._waiters: list[_Waiter] = []
        self._labels = itertools.count(1)
        self._last_rx = time.monotonic()
        self.batches: dict[str, Batch] = {}
        self._handlers: dict[str, list[LineHandler]] = {}
        self._numerics: dict[str, list[NumericHandler]] = {}
        self._filters: list[Callable[[Line], bool]] = []
        # What may skip a Line (see on()): quick handlers, and when each handler and filter is
        # idle (None: never said, so never skipped).
        self._quick: dict[str, tuple[LineHandler, QuickHandler]] = {}
        self._idle: dict[LineHandler | Callable[[Line], bool], Idle | None] = {}
        self._quick_checks: dict[str, tuple[QuickHandler, tuple[Idle, ...]] | None] = {}
        for command in ("PONG", "ACK", "SETNAME"):
            self._handlers[command] = []
        self.on("PING", self._on_ping)
        self.on("BATCH", self._on_batch)
        self.on("ERROR", self._on_error)
        for command in ("FAIL", "WARN", "NOTE"):
            self.on(command, self._on_standard_reply)

    # -- registration of handlers --------------------------------------------------------------

    def on(
        self,
        command: str,
        handler: LineHandler,
        *,
        quick: QuickHandler | None = None,
        idle: Idle | None = None,
    ) -> None:
        """``handler`` sees each line of ``command``, after those registered before it.

        For a flood's lines: ``quick`` is the same handler for a line of the common shape (see
        :data:`QuickHandler`), taken before the line is parsed into a :class:`Line`, but only
        while nobody else could want the line: every other handler of the command and every
        filter idle, and no request waiting for a reply. ``idle``: when this handler has nothing
        to do (without it, its command is never quick).
        """
        self._handlers.setdefault(command, []).append(handler)
        self._idle[handler] = idle
        if quick is not None:
            self._quick[command] = (handler, quick)
        self._quick_checks.clear()

    def add_filter(self, drops: Callable[[Line], bool], *, idle: Idle | None = None) -> None:
        """``drops(line)`` True: nobody sees the line (an ignored sender's message). ``idle``:
        when it drops nothing (see :meth:`on`)."""
        self._filters.append(drops)
        self._idle[drops] = idle
        self._quick_checks.clear()

    def _quick_for(self, command: str) -> QuickHandler | None:
        """The quick handler that may take a line of ``command`` now, if any (see :meth:`on`)."""
        if command in self._quick_checks:
            checks = self._quick_checks[command]
        else:
            checks = self._quick_checks[command] = self._quick_conditions(command)
        if checks is None or self._waiters:
            return None
        quick, idles = checks
        for idle in idles:
            if not idle():
                return None
        return quick

    def _quick_conditions(self, command: str) -> tuple[QuickHandler, tuple[Idle, ...]] | None:
        """``command``'s quick handler and what must be idle for it, or None if it has none."""
        entry = self._quick.get(command)
        if entry is None:
            return None
        owner, quick = entry
        idles: list[Idle] = []
        for other in (*self._filters, *self._handlers.get(command, ())):
            if other is not owner:
                idle = self._idle.get(other)
                if idle is None:
                    return None
                idles.append(idle)
        return quick, tuple(idles)

    def on_numeric(self, codes: Iterable[str], handler: NumericHandler) -> None:
        for code in codes:
            self._numerics.setdefault(code, []).append(handler)

    # -- who we are ----------------------------------------------------------------------------

    def is_me(self, nick: str) -> bool:
        return bool(nick) and self.info.fold(nick) == self.info.fold(self.me.nick)

    @property
    def usable(self) -> bool:
        return self.connected and not self.closed

    # -- starting and stopping -----------------------------------------------------------------

    def start(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        loop = asyncio.get_running_loop()
        self.signed_in = loop.create_future()
        bucket = TokenBucket(self.tunables.send_burst, self.tunables.send_rate)
        self._writer = transport.LineWriter(
            writer, bucket, on_error=lambda exc: self.connection_closed(f"Connection lost: {exc}")
        )
        self._writer.start()
        self.server_address = _address(writer.get_extra_info("peername"))
        self.local_address = _address(writer.get_extra_info("sockname"))
        self._last_rx = time.monotonic()
        self._read_task = loop.create_task(self._read_loop(reader), name="irc-reader")

    def finish_signin(self, result: ConnectResult) -> None:
        if self.signed_in is not None and not self.signed_in.done():
            self.signed_in.set_result(result)

    def fail_signin(self, kind: FailureKind, message: str, *, retryable: bool = False) -> None:
        self.finish_signin(ConnectResult(Failure(kind, message, retryable=retryable)))

    async def quit(self, message: str) -> None:
        """Say goodbye (when signed in) and close."""
        if self._shutdown_task is not None:
            with contextlib.suppress(Exception):
                await self._shutdown_task
            return
        if self.closed:
            return
        self.closing = True
        writer = self._writer
        if writer is not None and writer.usable and self.registered:
            writer.submit(format_line("QUIT", message), urgent=True)
            await writer.flush(1.0)
        await self.shutdown()

    async def shutdown(self) -> None:
        self.closing = True
        self.closed = True
        self.connected = False
        self.ended.set()
        for timer in self._timers:
            timer.cancel()
        self._timers.clear()
        current = asyncio.current_task()
        read_task, self._read_task = self._read_task, None
        if read_task is not None and read_task is not current:
            read_task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await read_task
        # Let state writes finish (rejoin lists must not be lost); stop everything else.
        for task in list(self._tasks):
            if task is current:
                continue
            if task.get_name() == "irc-save":
                with contextlib.suppress(Exception):
                    async with asyncio.timeout(2):
                        await task
            else:
                task.cancel()
        for task in list(self._tasks):
            if task is not current:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
        writer, self._writer = self._writer, None
        if writer is not None:
            await writer.close()
        self._fail_waiters(CoreMessages.tr("The connection was closed."))
        self.fail_signin(
            FailureKind.NETWORK, CoreMessages.tr("The connection was closed."), retryable=True
        )

    def connection_closed(self, reason: str) -> None:
        """The socket ended (or failed); report it once, unless we were the ones closing it."""
        if self.closing or self.closed:
            return
        reason = self.close_reason or reason
        if self.signed_in is not None and not self.signed_in.done():
            self.fail_signin(FailureKind.NETWORK, reason, retryable=True)
            return
        self.closed = True
        self.connected = False
        self.ended.set()
        self._fail_waiters(reason)
        self.report(f.ConnectionLost(reason, retryable=True))
        self._shutdown_task = asyncio.get_running_loop().create_task(
            self.shutdown(), name="irc-shutdown"
        )

    def _fail_waiters(self, reason: str) -> None:
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.future.done():
                waiter.future.set_result(
                    Outcome(Failure(FailureKind.NOT_CONNECTED, reason, retryable=True))
                )

    # -- tasks and timers ----------------------------------------------------------------------

    def spawn(self, coro: Coroutine[Any, Any, object], name: str = "irc-task") -> None:
        if self.closed and name != "irc-save":
            coro.close()  # nothing may outlive the connection (a save still may finish)
            return
        task: asyncio.Task[object] = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)

    def _task_done(self, task: asyncio.Task[object]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            self.log.error("IRC background task failed", exc_info=task.exception())

    def later(self, delay: float, callback: Callable[[], None]) -> asyncio.TimerHandle | None:
        """Call ``callback`` after ``delay`` seconds, unless the connection ended first."""

        def guarded() -> None:
            try:
                callback()
            except Exception:
                self.log.exception("IRC timer failed")

        if self.closed:
            return None
        loop = asyncio.get_running_loop()
        now = loop.time()
        self._timers = [t for t in self._timers if not t.cancelled() and t.when() > now]
        handle = loop.call_later(delay, guarded)
        self._timers.append(handle)
        return handle

    async def keepalive(self) -> None:
        """Ping a quiet server; give up (and report the loss) when it stays silent."""
        interval, timeout = self.tunables.ping_interval, self.tunables.ping_timeout
        step = max(0.5, min(interval, timeout) / 3)
        pinged = False
        while not self.closed:
            await asyncio.sleep(step)
            quiet = time.monotonic() - self._last_rx
            if quiet < interval:
                pinged = False
                continue
            if not pinged:
                self.send(format_line("PING", f"chinwag-{int(time.time())}"), urgent=True)
                pinged = True
            elif quiet > interval + timeout:
                self.connection_closed(CoreMessages.tr("The server stopped answering."))
                return

    # -- reporting -----------------------------------------------------------------------------

    def report(self, fact: f.Fact) -> None:
        """Hand a fact to the core, after the plain messages gathered before it (order kept)."""
        if self._run is not None and self._run.rows:
            self._end_run()
        self._report(fact)

    def add_message(
        self,
        conversation: str,
        kind: ConversationKind,
        title: str,
        history: bool,
        message: f.Received,
    ) -> None:
        """A plain incoming message (see :class:`~app.facts.MessagesReceived`). While a chunk
        is read it joins the run of messages to the same conversation, reported as one fact
        when something else comes, the conversation changes or the chunk ends; otherwise it is
        reported at once, as its :class:`~app.facts.MessageReceived`."""
        run = self._run
        if run is None:
            single = f.MessagesReceived(conversation, kind, title, (message,), history)
            self._report(single.each()[0])
            return
        if run.rows and (
            run.conversation != conversation
            or run.title != title
            or run.history != history
            or run.kind is not kind
        ):
            self._end_run()
        if not run.rows:
            run.conversation, run.kind, run.title, run.history = conversation, kind, title, history
        run.rows.append(message)

    def _end_run(self) -> None:
        run = self._run
        assert run is not None
        rows, run.rows = run.rows, []
        if len(rows) == 1:  # alone: reported as what it is
            one = f.MessagesReceived(run.conversation, run.kind, run.title, (rows[0],), run.history)
            self._report(one.each()[0])
        else:
            self._report(
                f.MessagesReceived(run.conversation, run.kind, run.title, tuple(rows), run.history)
            )

    # -- reading -------------------------------------------------------------------------------

    async def _read_loop(self, reader: asyncio.StreamReader) -> None:
        reason = CoreMessages.tr("The server closed the connection.")
        try:
            async for lines in transport.read_chunks(reader, self._overlong):
                self._last_rx = time.monotonic()
                self.handle_chunk(lines[:GIVE_WAY_EVERY])
                for start in range(GIVE_WAY_EVERY, len(lines), GIVE_WAY_EVERY):
                    try:
                        await give_way_async()  # a flood: the window draws first (app.priority)
                    except asyncio.CancelledError:
                        self.handle_chunk(lines[start:])  # read already: never lost to a stop
                        raise
                    self.handle_chunk(lines[start : start + GIVE_WAY_EVERY])
        except asyncio.CancelledError:
            raise
        except OSError as exc:
            reason = CoreMessages.tr("Connection lost: %1").arg(exc.strerror or exc)
        except Exception:
            self.log.exception("IRC reader failed")
            reason = CoreMessages.tr("Connection lost (internal error).")
        self.connection_closed(reason)

    def _overlong(self, size: int) -> None:
        self.log.warning("dropped an overlong line (%d bytes)", size)
        self.report(f.BadInput("overlong IRC line", f"{size} bytes"))

    def handle_chunk(self, lines: list[bytes]) -> None:
        """The lines of one read, in order, each as :meth:`handle_raw` does; plain messages to
        one conversation in a row are reported as one :class:`~app.facts.MessagesReceived`
        (the core stores a flood a chunk at a time instead of a line at a time)."""
        self._run = _Run()
        try:
            for raw in lines:
                self._handle_text(raw, quickly=True)
        finally:
            try:
                if self._run.rows:
                    self._end_run()
            finally:
                self._run = None

    def handle_raw(self, raw: bytes) -> None:
        self._handle_text(raw, quickly=False)

    def _handle_text(self, raw: bytes, *, quickly: bool) -> None:
        try:
            text = decode(raw)
            if quickly:
                parts = split_message(text)
                if parts is not None:
                    quick = self._quick_for(parts[2])
                    if quick is not None and quick(parts[0], parts[1], parts[3], parts[4]):
                        return
            line = parse_line(text)
            if line is None:
                if text.strip():
                    self.log.warning("dropped a malformed line")
                    self.report(f.BadInput("malformed IRC line", text[:200]))
                return
            self.dispatch(line)
        except Exception as exc:
            self.log.exception("failed to handle an IRC line")
            with contextlib.suppress(Exception):
                self.report(f.BadInput("IRC line we could not handle", repr(exc)[:200]))

    def dispatch(self, line: Line) -> None:
        for drops in self._filters:
            if drops(line):
                return
        label = self.label_of(line)
        handlers = self._handlers.get(line.command)
        if handlers is not None:
            for handler in handlers:
                handler(line)
        elif line.command.isdigit():
            self._on_numeric(line, label)
        else:
            self.log.debug("ignored IRC command %s", line.command)
        if self._waiters:
            self._offer(line, label)

    def _on_numeric(self, line: Line, label: str | None) -> None:
        for handler in self._numerics.get(line.command, ()):
            if handler(line, label):
                return
        if is_error(line):
            self._on_error_numeric(line, label)
        else:
            self.log.debug("ignored numeric %s", line.command)

    def _on_error_numeric(self, line: Line, label: str | None) -> None:
        if not self.registered:
            self.log.info("error before registration: %s %s", line.command, line.param(-1))
            return
        if label is not None and self._waiters:
            return  # somebody asked; the waiter turns it into an Outcome
        conversation = None
        if len(line.params) >= 3 and (
            self.info.is_channel(line.param(1)) or line.command in SEND_ERRORS
        ):
            conversation = self.info.fold(line.param(1))
        self.report(f.ServiceNotice(error_text(line), conversation=conversation))

    def _offer(self, line: Line, label: str | None) -> None:
        for waiter in list(self._waiters):
            if waiter.future.done():
                self._waiters.remove(waiter)
                continue
            try:
                outcome = waiter.check(line, label)
            except Exception:
                self.log.exception("IRC waiter failed")
                outcome = Outcome(
                    Failure(FailureKind.PROTOCOL, CoreMessages.tr("Unexpected reply."))
                )
            if outcome is not None:
                waiter.future.set_result(outcome)
                self._waiters.remove(waiter)

    def label_of(self, line: Line) -> str | None:
        tags = line.tags
        if not tags:
            return None
        label = tags.get("label")
        if label:
            return label
        ref = tags.get("batch")
        seen = 0
        while ref and ref in self.batches and seen < 16:
            batch = self.batches[ref]
            if batch.label:
                return batch.label
            ref, seen = batch.parent, seen + 1
        return None

    def batches_of(self, line: Line) -> list[Batch]:
        found: list[Batch] = []
        ref = line.tags.get("batch")
        while ref and ref in self.batches and len(found) < 16:
            batch = self.batches[ref]
            found.append(batch)
            ref = batch.parent
        return found

    def from_history(self, line: Line) -> bool:
        return any(b.kind in HISTORY_BATCHES for b in self.batches_of(line))

    def _on_ping(self, line: Line) -> None:
        self.send(format_line("PONG", line.param(0, "")), urgent=True)

    def _on_batch(self, line: Line) -> None:
        ref = line.param(0)
        if ref.startswith("+") and len(ref) > 1:
            batch = Batch(
                kind=line.param(1).lower(),
                params=line.params[2:],
                label=line.tags.get("label"),
                parent=line.tags.get("batch"),
            )
            bounded_insert(self.batches, ref[1:], batch, MAX_OPEN_BATCHES)
        elif ref.startswith("-"):
            self.batches.pop(ref[1:], None)

    def _on_error(self, line: Line) -> None:
        text = line.param(0, CoreMessages.tr("The server closed the connection."))
        self.close_reason = CoreMessages.tr("Disconnected by the server: %1").arg(text)

    def _on_standard_reply(self, line: Line) -> None:
        if line.command == "FAIL" and self.registered and line.param(0) != "CHATHISTORY":
            self.report(f.ServiceNotice(line.param(-1)))
        else:
            self.log.info("%s %s: %s", line.command, line.param(0), line.param(-1))

    # -- writing -------------------------------------------------------------------------------

    def send(self, line: str, *, urgent: bool = False) -> asyncio.Future[bool]:
        writer = self._writer
        if writer is None:
            future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
            future.set_result(False)
            return future
        return writer.submit(line, urgent=urgent)

    def new_label(self) -> str:
        return f"cw{next(self._labels)}{secrets.token_hex(2)}"

    async def request(
        self,
        line_parts: tuple[str, ...],
        check: Callable[[Line, str | None], Outcome | None],
        *,
        timeout: float | None = None,
        tags: dict[str, str] | None = None,
    ) -> Outcome:
        """Send a command and wait for the reply ``check`` recognises (or its label's reply)."""
        if not self.usable:
            return Outcome(
                Failure(
                    FailureKind.NOT_CONNECTED, CoreMessages.tr("Not connected."), retryable=True
                )
            )
        label = self.new_label() if "labeled-response" in self.caps else None

        def checker(line: Line, got: str | None) -> Outcome | None:
            outcome = check(line, got)
            if outcome is not None or label is None or got != label:
                return outcome
            if line.command in {"BATCH", "ACK"}:
                return None if line.command == "BATCH" else Outcome()
            if is_error(line):
                return Outcome(Failure(FailureKind.REJECTED, error_text(line)))
            return None

        future: asyncio.Future[Outcome] = asyncio.get_running_loop().create_future()
        self._waiters.append(_Waiter(checker, future))
        all_tags = {**(tags or {}), **({"label": label} if label else {})}
        written = await self.send(format_line(*line_parts, tags=all_tags or None))
        if not written:
            future.cancel()
            return Outcome(
                Failure(
                    FailureKind.NOT_CONNECTED, CoreMessages.tr("Not connected."), retryable=True
                )
            )
        try:
            async with asyncio.timeout(timeout or self.tunables.command_timeout):
                return await future
        except TimeoutError:
            return Outcome(
                Failure(
                    FailureKind.NETWORK,
                    CoreMessages.tr("The server did not answer."),
                    retryable=True,
                )
            )
        finally:
            if future in (w.future for w in self._waiters):
                self._waiters = [w for w in self._waiters if w.future is not future]


@dataclass
class _Run:
    """Plain messages to one conversation, in a row, while a chunk is read."""

    conversation: str = ""
    kind: ConversationKind = ConversationKind.GROUP
    title: str = ""
    history: bool = False
    rows: list[f.Received] = field(default_factory=list)


def _address(sockname: object) -> IpAddress | None:
    if isinstance(sockname, tuple) and sockname and isinstance(sockname[0], str):
        with contextlib.suppress(ValueError):
            return ipaddress.ip_address(sockname[0].partition("%")[0])
    return None


SEND_ERRORS = frozenset({"401", "402", "403", "404", "406", "407", "411", "412", "413", "414"})


def bounded_insert(mapping: dict[str, Any], key: str, value: Any, limit: int) -> None:
    """``mapping[key] = value``, dropping the oldest entries to stay within ``limit``."""
    mapping.pop(key, None)
    while len(mapping) >= limit:
        del mapping[next(iter(mapping))]
    mapping[key] = value


def is_error(line: Line) -> bool:
    return line.command.isdigit() and line.command[0] in "45" and line.command not in ("900",)


def error_text(line: Line) -> str:
    detail = line.param(-1)
    subject = line.param(1) if len(line.params) >= 3 else ""
    if subject:
        return f"{subject}: {detail}"
    return detail or CoreMessages.tr("Error %1", "an IRC error numeric").arg(line.command)


def written(ok: bool) -> Outcome:
    if ok:
        return Outcome()
    return Outcome(
        Failure(FailureKind.NOT_CONNECTED, CoreMessages.tr("Not connected."), retryable=True)
    )


def not_connected() -> Outcome:
    return Outcome(
        Failure(FailureKind.NOT_CONNECTED, CoreMessages.tr("Not connected."), retryable=True)
    )
