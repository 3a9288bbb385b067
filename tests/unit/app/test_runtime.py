"""The core thread: commands run on its loop; after it stopped they are refused, not lost in a
crash (a widget's timer can still fire while the app shuts down). The relay keeps what the core
published before a front end listened."""

from __future__ import annotations

import asyncio
import concurrent.futures
import gc
import logging
import ssl
import threading
import warnings
from asyncio import sslproto
from pathlib import Path
from typing import Any, cast

import pytest

from app import events as ev
from app.bus import EventBus
from app.core import CommandError, Core
from app.runtime import (
    TLS_READ_BUFFER,
    CoreStopped,
    CoreThread,
    Done,
    EventRelay,
    Failed,
    result_of,
    smaller_tls_reads,
)
from app.secrets import SecretsUnavailable
from chinwag.testing.support import LOOPBACK, make_tls_files


class _Core:
    stopped = False

    async def stop(self) -> None:
        self.stopped = True


async def _answer() -> int:
    return 42


def test_commands_run_on_the_core_loop_and_are_refused_after_stop() -> None:
    core = _Core()
    runner = CoreThread(lambda: cast(Core, core))
    runner.start()
    assert runner.submit(_answer()).result(5) == 42

    runner.stop()
    assert core.stopped
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "coroutine ... was never awaited" would be one
        late = runner.submit(_answer())
        with pytest.raises(CoreStopped):
            late.result(1)
        gc.collect()


def test_a_core_that_fails_to_start_raises_in_start() -> None:
    def broken() -> Any:
        raise ValueError("no store")

    runner = CoreThread(broken)
    with pytest.raises(ValueError, match="no store"):
        runner.start()


def _finished(value: object = None, error: BaseException | None = None) -> Any:
    future: concurrent.futures.Future[object] = concurrent.futures.Future()
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(value)
    return future


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (CommandError("No such account."), Failed("No such account.")),
        (SecretsUnavailable("No keyring."), Failed(str(SecretsUnavailable("No keyring.")))),
        (CoreStopped("the core has stopped"), Failed("cancelled")),
        (ValueError("boom"), Failed("Internal error: boom")),
    ],
)
def test_a_failed_command_becomes_words_for_a_person(
    error: BaseException, expected: Failed, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="app.runtime"):
        assert result_of(_finished(error=error)) == expected
    bug = isinstance(error, ValueError)
    assert any(r.levelno == logging.ERROR and r.exc_info for r in caplog.records) == bug


def test_a_finished_command_is_done_with_its_value_and_a_cancelled_one_failed() -> None:
    done = result_of(_finished([1, 2]))
    assert done == Done([1, 2]) and done.ok and done.error is None
    cancelled: concurrent.futures.Future[int] = concurrent.futures.Future()
    cancelled.cancel()
    failed = result_of(cancelled)
    assert failed == Failed("cancelled") and not failed.ok


# -- EventRelay: the core started before anyone listened -------------------------------------------


def test_the_relay_keeps_events_until_a_listener_attaches_then_passes_them_on() -> None:
    bus = EventBus()
    relay = EventRelay(bus)
    first = [ev.Notice(f"n{i}", None, "info") for i in range(3)]
    for event in first:
        bus.publish(event)
    assert relay.held == 3
    got: list[ev.Event] = []
    detach = relay.attach(got.append)
    assert got == first and relay.held == 0
    later = ev.CoreStarted()
    bus.publish(later)
    assert got == [*first, later]
    with pytest.raises(RuntimeError):
        relay.attach(got.append)  # one listener
    detach()
    bus.publish(ev.Notice("gone", None, "info"))
    assert got == [*first, later] and relay.held == 0


def test_an_attach_while_the_core_publishes_loses_and_repeats_nothing() -> None:
    """The core thread publishes while the GUI thread attaches: every event once, in order."""
    bus = EventBus()
    relay = EventRelay(bus)
    events = [ev.Notice(str(i), None, "info") for i in range(20_000)]
    halfway = threading.Event()

    def publish() -> None:
        for n, event in enumerate(events):
            bus.publish(event)
            if n == 2_000:
                halfway.set()

    publisher = threading.Thread(target=publish)
    publisher.start()
    halfway.wait(10)
    got: list[ev.Event] = []
    relay.attach(got.append)
    publisher.join(30)
    assert len(got) == len(events)
    assert all(a is b for a, b in zip(got, events, strict=True))


async def test_tls_reads_are_smaller_and_a_large_message_still_arrives_whole(
    tmp_path: Path,
) -> None:
    """The core's TLS read buffer (``smaller_tls_reads``) is 64 KB, and a message four times
    that size crosses a TLS connection byte for byte."""
    smaller_tls_reads()
    assert sslproto.SSLProtocol.max_size == TLS_READ_BUFFER
    tls = make_tls_files(tmp_path / "tls")
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(tls.cert, tls.key)
    payload = bytes(range(256)) * (4 * TLS_READ_BUFFER // 256 + 7)

    async def send(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(payload)
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(send, LOOPBACK, 0, ssl=server_ctx)
    try:
        port = server.sockets[0].getsockname()[1]
        client_ctx = ssl.create_default_context(cafile=str(tls.ca_cert))
        reader, writer = await asyncio.open_connection(
            LOOPBACK, port, ssl=client_ctx, server_hostname="localhost"
        )
        received = await reader.readexactly(len(payload))
        writer.close()
    finally:
        server.close()
        await server.wait_closed()
    assert received == payload
