"""The XMPP backend under a real :class:`~app.core.Core`: the core's reconnect loop, its outbox
(exactly once across lost connections), its de-duplication and sanitising of what we report."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from app import events as ev
from app.core import Core
from app.models import (
    ConnectionState,
    ConversationId,
    DeliveryState,
    Message,
    MessageId,
)
from backends.xmpp import XmppBackend
from chinwag.testing import MemorySecretStore, wait_until
from chinwag.testing.support import free_port
from tests.fakes.core_harness import Recorder, make_core, wait_for
from tests.fakes.fake_backend import FakeServer
from tests.integration.xmpp.conftest import PeerFactory
from tests.integration.xmpp.peer import Peer
from tests.integration.xmpp.server import Account, ProsodyServer

pytestmark = pytest.mark.integration

CoreFactory = Callable[..., Awaitable["CoreRun"]]
SETTLE = 1.5  # seconds a duplicate would need to show up on loopback, with a wide margin


@dataclasses.dataclass
class CoreRun:
    core: Core
    recorder: Recorder
    account_id: str
    account: Account

    @property
    def session(self) -> Any:
        return self.core.sessions[self.account_id]

    @property
    def backend(self) -> XmppBackend:
        backend = self.session.backend
        assert isinstance(backend, XmppBackend)
        return backend

    def states(self) -> list[ev.ConnectionStateChanged]:
        return [
            e
            for e in self.recorder.of(ev.ConnectionStateChanged)
            if e.account_id == self.account_id
        ]

    async def connected(
        self, other_than: XmppBackend | None = None, timeout: float = 60.0
    ) -> XmppBackend:
        await wait_for(
            lambda: (
                self.session.state.state is ConnectionState.CONNECTED
                and self.session.backend is not None
                and self.session.backend is not other_than
            ),
            timeout,
        )
        return self.backend

    async def message(self, local_id: str, conv: ConversationId) -> Message:
        page = await self.core.conversations.fetch_page(conv, None, 200)
        found = [m for m in page.messages if m.local_id == local_id]
        assert found, f"message {local_id} is not stored"
        return found[0]


@pytest.fixture
async def run_core(prosody: ProsodyServer, tmp_path: Path) -> AsyncIterator[CoreFactory]:
    cores: list[Core] = []

    async def start(account: Account | None = None, **overrides: Any) -> CoreRun:
        account = account or prosody.new_account("core")
        root = tmp_path / f"profile{len(cores)}"
        root.mkdir()
        core = make_core(root, FakeServer(), MemorySecretStore(), extra_classes=(XmppBackend,))
        cores.append(core)
        recorder = Recorder(core)
        await core.start()
        settings = prosody.settings(account, **overrides)
        added = await core.accounts.add_account("xmpp", settings, {"password": account.password})
        return CoreRun(core, recorder, added.id, account)

    yield start
    for core in cores:
        await core.stop()


def drop_acks(backend: XmppBackend) -> None:
    """Fault: the server's XEP-0198 acks never reach us (the messages themselves do arrive)."""
    session = backend._session
    assert session is not None
    session.client.remove_handler("Stream Management Ack")


def swallow_writes_of(backend: XmppBackend, marker: str) -> None:
    """Fault: the stanza containing ``marker`` is lost on the way to the server — and, as on a
    connection that is dying, everything written after it (anything else would let the server
    count later stanzas past the lost one: XEP-0198 counts, it cannot see holes)."""
    session = backend._session
    assert session is not None and session.client.transport is not None
    transport = session.client.transport
    write = transport.write
    lost = False

    def lossy(data: bytes | bytearray | memoryview) -> None:
        nonlocal lost
        lost = lost or marker.encode() in data
        if not lost:
            write(data)

    transport.write = lossy  # type: ignore[method-assign]  # a test-only fault


def expire_stream_on_loss(backend: XmppBackend) -> None:
    """Fault: the stream cannot be resumed afterwards (as if the server had restarted)."""
    services = backend._services
    assert services is not None
    real = services.messages.stream_state

    def expired() -> Any:
        state = real()
        return None if state is None else dataclasses.replace(state, sm_id="expired-stream")

    services.messages.stream_state = expired  # type: ignore[method-assign]


def lose_connection(backend: XmppBackend) -> None:
    session = backend._session
    assert session is not None and session.client.transport is not None
    session.client.transport.abort()


async def send_through_a_loss(
    run: CoreRun,
    peer: Peer,
    text: str,
    faults: list[Callable[[XmppBackend], None]],
    *,
    arrived: bool,
) -> tuple[Message, XmppBackend, XmppBackend]:
    """Send ``text`` through the core, lose the connection before it is confirmed, reconnect.

    ``arrived`` says whether the faults let the first copy reach the peer; it is checked before
    the connection goes, so the rest of the test knows a blind re-send would duplicate (or a
    missing re-send would lose) the message.
    """
    old = await run.connected()
    conv = (await run.core.conversations.open_direct(run.account_id, peer.jid)).id
    for fault in faults:
        fault(old)
    message_id = await run.core.messaging.send_message(conv, text)
    await wait_for(
        lambda: (
            (entry := old.ledger.pending.get(message_id.native_id)) is not None
            and entry.seq is not None
        ),
        10,
    )
    if arrived:
        await peer.wait_body(text)
    else:
        await asyncio.sleep(SETTLE)
        assert count(peer, text) == 0
    assert (await run.message(message_id.native_id, conv)).delivery is DeliveryState.PENDING
    lose_connection(old)
    new = await run.connected(other_than=old)
    await wait_until(
        lambda: run.message(message_id.native_id, conv),
        check=lambda msg: msg.delivery is not DeliveryState.PENDING,
        what="the message out of PENDING",
    )
    await asyncio.sleep(SETTLE)
    return await run.message(message_id.native_id, conv), old, new


def count(peer: Peer, text: str) -> int:
    return peer.bodies().count(text)


async def test_ack_lost_but_message_arrived_is_not_sent_again(
    run_core: CoreFactory, peers: PeerFactory
) -> None:
    peer: Peer = await peers()
    run = await run_core()
    text = "exactly once (arrived, ack lost)"
    old_sm = None

    def note_stream(backend: XmppBackend) -> None:
        nonlocal old_sm
        assert backend._session is not None
        old_sm = backend._session.client.plugin["xep_0198"].sm_id

    message, old, new = await send_through_a_loss(
        run, peer, text, [drop_acks, note_stream], arrived=True
    )
    assert new._session is not None and old._session is None
    assert new._session.client.plugin["xep_0198"].sm_id == old_sm  # resumed
    assert count(peer, text) == 1
    assert message.delivery is not DeliveryState.FAILED


async def test_message_lost_on_the_way_is_sent_again_once(
    run_core: CoreFactory, peers: PeerFactory
) -> None:
    peer: Peer = await peers()
    run = await run_core()
    text = "exactly once (lost on the way)"
    message, _, _ = await send_through_a_loss(
        run, peer, text, [lambda b: swallow_writes_of(b, text)], arrived=False
    )
    await peer.wait_body(text)
    await asyncio.sleep(SETTLE)
    assert count(peer, text) == 1
    assert message.delivery is not DeliveryState.FAILED


async def test_without_resumption_the_archive_proves_it_arrived(
    run_core: CoreFactory, peers: PeerFactory
) -> None:
    peer: Peer = await peers()
    run = await run_core()
    text = "exactly once (arrived, stream expired)"
    message, _, new = await send_through_a_loss(
        run, peer, text, [drop_acks, expire_stream_on_loss], arrived=True
    )
    session = new._session
    assert session is not None and session.client.plugin["xep_0198"].sm_id != "expired-stream"
    assert count(peer, text) == 1
    assert message.delivery is not DeliveryState.FAILED


async def test_without_resumption_the_archive_proves_it_did_not_arrive(
    run_core: CoreFactory, peers: PeerFactory
) -> None:
    peer: Peer = await peers()
    run = await run_core()
    text = "exactly once (lost, stream expired)"
    message, _, _ = await send_through_a_loss(
        run,
        peer,
        text,
        [lambda b: swallow_writes_of(b, text), expire_stream_on_loss],
        arrived=False,
    )
    await peer.wait_body(text)
    await asyncio.sleep(SETTLE)
    assert count(peer, text) == 1
    assert message.delivery is not DeliveryState.FAILED


async def test_wrong_password_stops_in_failed(
    prosody: ProsodyServer, run_core: CoreFactory
) -> None:
    account = prosody.new_account("core")
    wrong = Account(account.jid, account.password + "-nope")
    run = await run_core(wrong)
    await wait_for(lambda: any(s.state is ConnectionState.FAILED for s in run.states()), 20)
    failed = [s for s in run.states() if s.state is ConnectionState.FAILED][-1]
    assert failed.failure_kind == "auth"
    await asyncio.sleep(0.5)
    assert run.states()[-1].state is ConnectionState.FAILED  # no retry behind the person's back


async def test_untrusted_certificate_stops_in_failed_with_the_fingerprint(
    prosody: ProsodyServer,
    run_core: CoreFactory,
) -> None:
    run = await run_core(ca_file="")
    await wait_for(lambda: any(s.state is ConnectionState.FAILED for s in run.states()), 20)
    failed = [s for s in run.states() if s.state is ConnectionState.FAILED][-1]
    assert (failed.failure_kind, failed.detail) == ("tls", prosody.tls.fingerprint_sha256)


async def test_unreachable_server_is_retried_with_backoff(run_core: CoreFactory) -> None:
    run = await run_core(port=free_port())
    await wait_for(
        lambda: len([s for s in run.states() if s.state is ConnectionState.WAITING]) >= 2, 20
    )
    waiting = [s for s in run.states() if s.state is ConnectionState.WAITING]
    assert waiting[0].failure_kind == "network" and waiting[0].retry_in is not None


async def test_history_is_deduplicated_against_live_messages(
    run_core: CoreFactory, peers: PeerFactory
) -> None:
    peer: Peer = await peers()
    run = await run_core()
    await run.connected()
    for i in range(3):
        peer.chat(run.account.jid, f"live {i}")
    conv = ConversationId(run.account_id, peer.jid)

    async def bodies() -> list[str]:
        return [m.body for m in (await run.core.conversations.fetch_page(conv, None, 100)).messages]

    await wait_until(bodies, check=lambda got: "live 2" in got, what="'live 2' stored")
    outcome = await run.core.conversations.fetch_remote_history(conv, 50)
    assert outcome.ok, outcome.failure
    await run.core.flushed()
    assert sorted(await bodies()) == ["live 0", "live 1", "live 2"]


async def test_own_messages_in_history_are_not_duplicated(
    run_core: CoreFactory, peers: PeerFactory
) -> None:
    peer: Peer = await peers()
    run = await run_core()
    await run.connected()
    conv = (await run.core.conversations.open_direct(run.account_id, peer.jid)).id
    await run.core.messaging.send_message(conv, "said once")
    await peer.wait_body("said once")
    await run.core.conversations.fetch_remote_history(conv, 50)
    await run.core.flushed()
    page = await run.core.conversations.fetch_page(conv, None, 100)
    assert [m.body for m in page.messages] == ["said once"]
    assert page.messages[0].outgoing


async def test_hostile_rich_text_is_sanitised_and_huge_bodies_are_kept(
    run_core: CoreFactory, peers: PeerFactory
) -> None:
    peer: Peer = await peers()
    run = await run_core()
    await run.connected()
    peer.chat(
        run.account.jid,
        "look",
        extra="<html xmlns='http://jabber.org/protocol/xhtml-im'><body xmlns='http://www.w3.org/1999/xhtml'>"
        "<p onclick='steal()'>look <script>alert(1)</script><a href='javascript:x()'>here</a></p>"
        "</body></html>",
    )
    huge = "x" * 1_200_000
    peer.chat(run.account.jid, huge)
    conv = ConversationId(run.account_id, peer.jid)

    async def stored() -> list[Message]:
        return (await run.core.conversations.fetch_page(conv, None, 10)).messages

    messages = await wait_until(stored, check=lambda got: len(got) >= 2, what="two messages")
    rich = next(m for m in messages if m.body == "look")
    assert rich.html is not None and "look" in rich.html
    for hostile in ("script", "onclick", "javascript:"):
        assert hostile not in rich.html
    big = next(m for m in messages if m.body.startswith("xxx"))
    assert len(big.body) >= 1_000_000  # stored (the view truncates with "show more")


async def test_send_file_reports_progress_and_sends_the_link(
    run_core: CoreFactory,
    peers: PeerFactory,
    tmp_path: Path,
) -> None:
    peer: Peer = await peers()
    run = await run_core()
    await run.connected()
    conv = (await run.core.conversations.open_direct(run.account_id, peer.jid)).id
    path = tmp_path / "slides.pdf"
    path.write_bytes(b"%PDF" + b"0" * 200_000)
    sent = await run.core.messaging.send_file(conv, path)
    assert isinstance(sent, MessageId), sent
    progress = [e for e in run.recorder.of(ev.ProgressChanged) if e.label == "slides.pdf"]
    assert progress and progress[-1].done == progress[-1].total == path.stat().st_size
    wire = await peer.wait_message(lambda m: m.find("{jabber:x:oob}x") is not None)
    url = wire.findtext("{jabber:x:oob}x/{jabber:x:oob}url")
    assert url and url.endswith("slides.pdf") and wire.findtext("{jabber:client}body") == url
    page = await run.core.conversations.fetch_page(conv, None, 10)
    assert [a.url for a in page.messages[-1].attachments] == [url]
    target = tmp_path / "downloads" / "slides.pdf"
    fetched = await run.core.messaging.download(sent, 0, target)
    assert fetched.ok, fetched.failure
    assert target.read_bytes() == path.read_bytes()


async def test_messages_another_device_got_while_we_were_offline_are_stored_once_as_unread(
    prosody: ProsodyServer, run_core: CoreFactory, peers: PeerFactory
) -> None:
    account = prosody.new_account("core")
    phone: Peer = await peers(account, resource="phone")  # the account stays online meanwhile
    peer: Peer = await peers()
    run = await run_core(account)
    await run.connected()
    conv = ConversationId(run.account_id, peer.jid)
    peer.chat(account.jid, "hi")

    async def bodies() -> list[str]:
        return [m.body for m in (await run.core.conversations.fetch_page(conv, None, 100)).messages]

    async def settled_on(text: str) -> None:
        await wait_until(bodies, check=lambda got: text in got, what=f"{text!r} stored")

    await settled_on("hi")
    await run.core.conversations.mark_read(conv)
    await run.core.accounts.set_account_enabled(
        run.account_id, False
    )  # closes the stream: no resuming
    await wait_for(lambda: run.session.backend is None, 10)
    peer.chat(account.jid, "while away 1")
    peer.chat(account.jid, "while away 2")
    await phone.wait_body("while away 2")

    await run.core.accounts.set_account_enabled(run.account_id, True)
    await run.connected()
    await settled_on("while away 2")
    await asyncio.sleep(SETTLE)
    await run.core.flushed()
    assert await bodies() == ["hi", "while away 1", "while away 2"]
    [conversation] = [
        c for c in await run.core.conversations.list_conversations(run.account_id) if c.id == conv
    ]
    assert conversation.unread_count == 2
