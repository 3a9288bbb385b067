"""Certificate trust for the XMPP connection (and the upload server).

Two explicit ways to trust a server besides the system's authorities:

- a CA file: added to the system's authorities; the chain *and* the host name are verified;
- a pinned SHA-256 fingerprint: exactly that certificate is accepted. The handshake then cannot
  verify the chain (Python's ``ssl`` has no verification callback), so the pin is checked on the
  certificate the server presented, before a single byte of XMPP (let alone a password) is sent.

When a certificate is *not* trusted, :func:`probe_fingerprint` fetches it once more, without trust and
without sending anything, so the person can be shown its fingerprint and decide to pin it.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import ssl
from pathlib import Path

from app.tls import system_trust
from backends.xmpp import ns

PROBE_TIMEOUT = 10.0


class TrustConfigError(Exception):
    """The configured CA file cannot be used."""


def fingerprint_of_der(der: bytes) -> str:
    """SHA-256 of a DER certificate as ``AA:BB:…``."""
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def fingerprint_of_pem(pem: str) -> str:
    return fingerprint_of_der(ssl.PEM_cert_to_DER_cert(pem))


def build_context(
    ca_file: Path | None,
    pinned: str,
    client_cert: Path | None = None,
    client_key: Path | None = None,
) -> ssl.SSLContext:
    """The client TLS context: system CAs (+ ``ca_file``), or pin-only when ``pinned`` is set;
    with ``client_cert`` (and its key, unless the PEM holds it) presented for SASL EXTERNAL."""
    if pinned:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        # Chain and name are replaced by the pin, which the connection checks on every handshake.
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    elif client_cert is None:  # the process's shared context for this trust (app.tls)
        try:
            return system_trust(ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise TrustConfigError(f"The CA file {ca_file} cannot be used: {exc}") from exc
    else:
        ctx = ssl.create_default_context()
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        if ca_file is not None:
            try:
                ctx.load_verify_locations(cafile=str(ca_file))
            except (OSError, ssl.SSLError) as exc:
                raise TrustConfigError(f"The CA file {ca_file} cannot be used: {exc}") from exc
    if client_cert is not None:
        try:
            ctx.load_cert_chain(str(client_cert), str(client_key) if client_key else None)
        except (OSError, ssl.SSLError) as exc:
            raise TrustConfigError(
                f"The client certificate {client_cert} cannot be used: {exc}"
            ) from exc
    return ctx


def is_certificate_error(exc: BaseException | None) -> bool:
    return isinstance(exc, ssl.SSLCertVerificationError) or (
        isinstance(exc, ssl.SSLError) and "CERTIFICATE_VERIFY_FAILED" in str(exc)
    )


def _untrusting_context() -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


async def probe_fingerprint(host: str, port: int, domain: str, *, direct_tls: bool) -> str:
    """The fingerprint of the certificate the server presents, or ``""`` if it cannot be had.

    Only reads the certificate: nothing but the stream header and the STARTTLS request is sent.
    """
    try:
        async with asyncio.timeout(PROBE_TIMEOUT):
            return await _probe(host, port, domain, direct_tls=direct_tls)
    except (OSError, TimeoutError, ssl.SSLError, ValueError):
        return ""


async def _probe(host: str, port: int, domain: str, *, direct_tls: bool) -> str:
    ctx = _untrusting_context()
    if direct_tls:
        reader, writer = await asyncio.open_connection(host, port, ssl=ctx, server_hostname=domain)
    else:
        reader, writer = await asyncio.open_connection(host, port)
        try:
            writer.write(
                (
                    f"<?xml version='1.0'?><stream:stream to='{domain}' xmlns='{ns.CLIENT}'"
                    f" xmlns:stream='{ns.STREAM}' version='1.0'>"
                ).encode()
            )
            await _read_until(reader, b"</stream:features>")
            writer.write(f"<starttls xmlns='{ns.TLS}'/>".encode())
            await _read_until(reader, b"<proceed")
            await writer.start_tls(ctx, server_hostname=domain)
        except BaseException:
            writer.close()
            raise
    try:
        ssl_object = writer.get_extra_info("ssl_object")
        der = ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None
        return fingerprint_of_der(der) if der else ""
    finally:
        writer.close()
        with contextlib.suppress(OSError, ssl.SSLError):
            await writer.wait_closed()


async def _read_until(reader: asyncio.StreamReader, marker: bytes, limit: int = 65536) -> None:
    seen = b""
    while marker not in seen:
        chunk = await reader.read(4096)
        if not chunk:
            raise ValueError("the server closed the connection")
        seen += chunk
        if len(seen) > limit:
            raise ValueError("no STARTTLS answer")
