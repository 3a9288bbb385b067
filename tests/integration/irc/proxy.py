"""A TCP proxy between the backend and the IRC server that fails on cue.

A healthy server does not drop a connection at the moment a test needs it, nor hold back its
echo of a message. Tests put this proxy in front of the server and tell it to cut every connection
(:meth:`cut`), to refuse new ones while "the network is down" (:attr:`online`), or to hold what
the server sends back (:meth:`hold`/:meth:`release`).
"""

from __future__ import annotations

import asyncio
import contextlib

from chinwag.testing.support import LOOPBACK, free_port


class FlakyProxy:
    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.port = free_port()
        self.online = True
        self.connections = 0
        self._server: asyncio.Server | None = None
        self._pipes: list[tuple[asyncio.StreamWriter, asyncio.StreamWriter]] = []
        self._tasks: set[asyncio.Task[None]] = set()
        self._flowing = asyncio.Event()
        self._flowing.set()

    async def start(self) -> FlakyProxy:
        self._server = await asyncio.start_server(self._accept, LOOPBACK, self.port)
        return self

    async def go_offline(self) -> None:
        """Refuse connections (nothing listens) and drop the ones there are."""
        self.online = False
        server, self._server = self._server, None
        if server is not None:
            server.close()
        self.cut()

    async def go_online(self) -> None:
        self.online = True
        if self._server is None:
            await self.start()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if not self.online:
            writer.close()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(LOOPBACK, self.upstream_port)
        except OSError:
            writer.close()
            return
        self.connections += 1
        self._pipes.append((writer, up_writer))
        loop = asyncio.get_running_loop()
        for task in (
            loop.create_task(self._pump(reader, up_writer, hold=False)),
            loop.create_task(self._pump(up_reader, writer, hold=True)),
        ):
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _pump(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, *, hold: bool
    ) -> None:
        try:
            while data := await reader.read(65536):
                if hold:
                    await self._flowing.wait()
                writer.write(data)
                await writer.drain()
        except (OSError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    def hold(self) -> None:
        """Stop passing what the server sends to the client (it is kept, not lost)."""
        self._flowing.clear()

    def release(self) -> None:
        self._flowing.set()

    def cut(self) -> None:
        """Drop every connection at once, as a network failure would."""
        pipes, self._pipes = self._pipes, []
        for client, upstream in pipes:
            for writer in (client, upstream):
                transport = writer.transport
                with contextlib.suppress(Exception):
                    transport.abort()

    async def close(self) -> None:
        self.cut()
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await self._server.wait_closed()
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
