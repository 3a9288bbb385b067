"""A server that offers no encryption (no STARTTLS) is refused before the password is sent."""

from __future__ import annotations

import asyncio
from pathlib import Path

from app.backend import FailureKind
from backends.xmpp import XmppBackend
from chinwag.testing import RecordingContext

FEATURES = (
    "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
    "xmlns:stream='http://etherx.jabber.org/streams' id='s1' from='example.org' version='1.0'>"
    "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
    "<mechanism>PLAIN</mechanism><mechanism>SCRAM-SHA-1</mechanism></mechanisms>"
    "</stream:features>"
)


async def test_a_plaintext_only_server_gets_no_password(tmp_path: Path) -> None:
    received = bytearray()
    closed = asyncio.Event()

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while b"<stream:stream" not in received and b"<stream " not in received:
                chunk = await reader.read(4096)
                if not chunk:
                    return
                received.extend(chunk)
            writer.write(FEATURES.encode())
            await writer.drain()
            while chunk := await reader.read(4096):  # whatever the client says next
                received.extend(chunk)
        finally:
            writer.close()
            closed.set()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    rec = RecordingContext(
        "acct",
        {"jid": "me@example.org", "host": "127.0.0.1", "port": port, "tls_mode": "starttls"},
        {"password": "hunter2-secret"},
        tmp_path / "files",
    )
    backend = XmppBackend(rec.build(asyncio.get_running_loop()))
    try:
        async with asyncio.timeout(30):
            result = await backend.connect()
        assert result.failure is not None
        assert result.failure.kind is FailureKind.TLS
        assert "encrypted" in result.failure.message
        async with asyncio.timeout(10):
            await closed.wait()
        assert b"<auth" not in received  # no SASL at all on a plaintext stream
        assert b"hunter2" not in received
    finally:
        await backend.disconnect()
        server.close()
        await server.wait_closed()
