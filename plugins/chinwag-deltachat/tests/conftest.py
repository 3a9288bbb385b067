"""Fixtures of the Delta Chat plugin's tests: the session's Dovecot + Postfix, fresh mailboxes,
peers (independent Delta Chat cores) and our backend under a recording context."""

from __future__ import annotations

import asyncio
import itertools
import shutil
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import mail_servers
from app.api import Fact
from chinwag.testing import RecordingContext
from chinwag.testing.support import require_binary
from chinwag_deltachat import DeltaChatBackend
from dc_peer import Peer, start_peer
from mail_servers import LOOPBACK, MailServers

DOMAIN = "example.org"
_ids = itertools.count(1)


def require_mail_servers() -> None:
    """Dovecot and Postfix are installed: a skip elsewhere, a failure under ``CI=true``."""
    for name in ("dovecot", "postfix"):
        require_binary(name)


@pytest.fixture(scope="session")
def mail() -> Iterator[MailServers]:
    """Dovecot and Postfix for the whole session, under a folder postfix and nobody can reach
    (pytest's own temporary folders are private to their owner)."""
    require_mail_servers()
    base = Path(tempfile.mkdtemp(prefix="chinwag-mail-"))
    servers = mail_servers.start(base, {}, domain=DOMAIN)
    try:
        yield servers
    finally:
        servers.stop()
        shutil.rmtree(base, ignore_errors=True)


@dataclass
class Mailbox:
    address: str
    password: str


@pytest.fixture
def mailbox(mail: MailServers) -> Callable[[str], Mailbox]:
    """``mailbox("me")`` → a fresh address on the loopback servers."""

    def make(name: str) -> Mailbox:
        box = Mailbox(f"{name}{next(_ids)}@{DOMAIN}", f"pw-{name}-{next(_ids)}")
        mail.add_user(box.address, box.password)
        return box

    return make


def settings_for(
    mail: MailServers, box: Mailbox, **overrides: str | int | bool
) -> dict[str, str | int | bool]:
    values: dict[str, str | int | bool] = {
        "address": box.address,
        "imap_server": LOOPBACK,
        "imap_port": mail.ports["imap"],
        "imap_security": "starttls",
        "smtp_server": LOOPBACK,
        "smtp_port": mail.ports["smtp"],
        "smtp_security": "starttls",
        "accept_invalid_certificates": True,
    }
    values.update(overrides)
    return values


@dataclass
class Connected:
    backend: DeltaChatBackend
    rec: RecordingContext
    box: Mailbox

    @property
    def facts(self) -> list[Fact]:
        return self.rec.facts


class Backends:
    """Our backends of one test; all disconnected when it ends."""

    def __init__(self, mail: MailServers, tmp_path: Path) -> None:
        self.mail = mail
        self.tmp_path = tmp_path
        self.opened: list[DeltaChatBackend] = []

    def make(
        self,
        box: Mailbox,
        *,
        password: str | None = None,
        data: str = "",
        **overrides: str | int | bool,
    ) -> Connected:
        rec = RecordingContext(
            f"dc{next(_ids)}",
            settings_for(self.mail, box, **overrides),
            {"password": box.password if password is None else password},
            self.tmp_path / (data or box.address),
        )
        backend = DeltaChatBackend(rec.build(asyncio.get_running_loop()))
        self.opened.append(backend)
        return Connected(backend, rec, box)

    async def open(self, box: Mailbox, **overrides: str | int | bool) -> Connected:
        conn = self.make(box, **overrides)
        result = await conn.backend.connect()
        assert result.ok, result.failure
        return conn

    async def close(self) -> None:
        for backend in self.opened:
            await backend.disconnect()


@pytest.fixture
async def backends(mail: MailServers, tmp_path: Path) -> AsyncIterator[Backends]:
    opened = Backends(mail, tmp_path)
    try:
        yield opened
    finally:
        await opened.close()


PeerFactory = Callable[..., Awaitable[Peer]]
"""``await peers(box)``; ``peers(box, plain=True)`` may also send unencrypted mail."""


@pytest.fixture
async def peers(mail: MailServers, tmp_path: Path) -> AsyncIterator[PeerFactory]:
    started: list[Peer] = []

    async def start(box: Mailbox, *, plain: bool = False) -> Peer:
        peer = await start_peer(
            tmp_path / f"peer-{box.address}", mail, box.address, box.password, plain=plain
        )
        started.append(peer)
        return peer

    try:
        yield start
    finally:
        for peer in started:
            await asyncio.to_thread(peer.stop)
