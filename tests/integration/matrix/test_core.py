"""The Matrix backend inside a real :class:`app.core.Core`: the outbox delivers exactly once across
lost connections, crashes and 429s; restarts resume the sync and keep the device; incoming HTML is
sanitised; backfill is de-duplicated (against Synapse)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TypeVar

import pytest

from app import events as ev
from app.backend import FailureKind, OutgoingMessage
from app.core import Core
from app.models import ConnectionState, ConversationId, DeliveryState, Message
from app.session import AccountSession
from app.store.account_store import OUTBOX_IN_FLIGHT, OutboxEntry
from backends.matrix import MatrixBackend
from backends.matrix.backend import SECRET_DEVICE, SECRET_TOKEN
from chinwag.testing import MemorySecretStore, wait_until
from tests.fakes.core_harness import Recorder, make_core
from tests.fakes.fake_backend import FakeServer
from tests.integration.matrix.helpers import Account, Peer, group_with
from tests.integration.matrix.proxy import MisbehavingProxy, Rule, any_sync, matches
from tests.integration.matrix.synapse import Synapse

pytestmark = pytest.mark.integration
T = TypeVar("T")


class Running:
    """A started core with one Matrix account, and what it published."""

    def __init__(self, core: Core, account_id: str) -> None:
        self.core = core
        self.account_id = account_id
        self.events = Recorder(core)

    @property
    def session(self) -> AccountSession:
        return self.core.sessions[self.account_id]

    @property
    def backend(self) -> MatrixBackend:
        backend = self.session.backend
        assert isinstance(backend, MatrixBackend)
        return backend

    def conv(self, room: str) -> ConversationId:
        return ConversationId(self.account_id, room)

    async def connected(self, timeout: float = 60.0) -> MatrixBackend:
        await wait_until(
            lambda: (
                self.session.supervisor.state is ConnectionState.CONNECTED
                and self.session.backend is not None
            ),
            timeout,
            what="connected",
        )
        await asyncio.wait_for(self.backend.synced.wait(), timeout)
        await self.core.flushed()
        return self.backend

    async def messages(self, room: str) -> list[Message]:
        page = await self.core.conversations.fetch_page(self.conv(room), limit=500)
        return list(page.messages)

    async def wait_message(self, room: str, body: str, timeout: float = 60.0) -> Message:

        async def stored() -> Message | None:
            return next((m for m in await self.messages(room) if m.body == body), None)

        return await wait_until(stored, timeout, what=f"{body!r} in the store")

    async def outbox(self) -> list[OutboxEntry]:
        return list(await self.core.worker.run(self.session.store.outbox_entries))


async def start_core(
    profile: Path, secrets: MemorySecretStore, *, account_id: str | None = None
) -> Core:
    core = make_core(profile, FakeServer(), secrets, extra_classes=(MatrixBackend,))
    await core.start()
    return core


async def add_account(
    profile: Path, secrets: MemorySecretStore, account: Account, homeserver: str
) -> Running:
    core = await start_core(profile, secrets)
    added = await core.accounts.add_account(
        "matrix",
        {"user_id": account.user_id, "homeserver": homeserver},
        {"password": account.password},
    )
    return Running(core, added.id)


async def restart(profile: Path, secrets: MemorySecretStore, account_id: str) -> Running:
    core = await start_core(profile, secrets)
    return Running(core, account_id)


async def sent_copies(peer: Peer, room: str, body: str) -> int:
    return sum(1 for e in await peer.events(room) if e.get("content", {}).get("body") == body)


async def test_a_send_whose_answer_was_lost_is_delivered_exactly_once(
    synapse: Synapse, account: Account, peer: Peer, proxy: MisbehavingProxy, tmp_path: Path
) -> None:
    room = await group_with(synapse, account, peer)
    run = await add_account(tmp_path / "profile", MemorySecretStore(), account, proxy.url)
    try:
        first_backend = await run.connected()
        # Twice: aiohttp itself retries an idempotent PUT once when a pooled connection dies
        # (harmless here: the same txn id), so the second drop is the one the backend sees.
        drop = proxy.add(Rule(matches("PUT", "/send/m.room.message/"), "drop", times=2))
        local = await run.core.messaging.send_message(run.conv(room), "exactly once, please")

        await wait_until(lambda: drop.hits == 2, what="the dropped answers")
        await peer.wait_text(room, "exactly once, please")
        await wait_until(
            lambda: run.session.backend not in (None, first_backend), what="a new session"
        )
        stored = await run.wait_message(room, "exactly once, please")
        await wait_until(lambda: stored.local_id == local.native_id, what="our local id kept")

        async def confirmed() -> Message:
            msgs = [m for m in await run.messages(room) if m.local_id == local.native_id]
            return msgs[0]

        await wait_until(
            confirmed,
            check=lambda m: m.delivery is DeliveryState.SENT and bool(m.remote_id),
            what="the message sent and confirmed",
        )
        message = await confirmed()
        assert len(proxy.requests("/send/m.room.message/", "PUT")) >= 2  # it was sent again …
        assert await sent_copies(peer, room, "exactly once, please") == 1  # … and delivered once
        theirs = await peer.wait_text(room, "exactly once, please")
        assert message.remote_id == theirs["event_id"]
        assert await run.outbox() == []
        assert [m.body for m in await run.messages(room)].count("exactly once, please") == 1
    finally:
        await run.core.stop()


async def test_a_message_in_flight_during_a_crash_is_delivered_once_after_restart(
    synapse: Synapse, account: Account, peer: Peer, proxy: MisbehavingProxy, tmp_path: Path
) -> None:
    room = await group_with(synapse, account, peer)
    profile, secrets = tmp_path / "profile", MemorySecretStore()
    run = await add_account(profile, secrets, account, proxy.url)
    await run.connected()
    device = secrets.values[(run.account_id, SECRET_DEVICE)]
    # Hold every later sync answer, or the echo of our message (with our txn id) would confirm
    # it before the crash. The long poll already waiting is not held: the nudge ends it (unless
    # something else did — a presence change, say — and the nudge then waits with the next one,
    # which is held; waiting for the nudge to be stored made the test fail then).
    await wait_until(lambda: len(proxy.requests("/sync", None)) >= 2, what="the long poll")
    syncs = proxy.add(Rule(any_sync(), "hold", times=1000))
    await peer.say(room, "nudge")
    await wait_until(lambda: syncs.hits >= 1, what="a held sync")
    hold = proxy.add(Rule(matches("PUT", "/send/m.room.message/"), "hold"))
    await run.core.messaging.send_message(run.conv(room), "sent while crashing")
    await wait_until(lambda: hold.hits == 1, what="the send reaching the server")
    await peer.wait_text(room, "sent while crashing")
    # A crash: the outbox task dies mid-send, so the entry stays "in flight".
    await run.session.outbox.stop()
    entries = await run.outbox()
    assert [e.state for e in entries] == [OUTBOX_IN_FLIGHT]
    await run.core.stop()
    hold.released.set()
    sends = len(proxy.requests("/send/m.room.message/", "PUT"))

    again = await restart(profile, secrets, run.account_id)
    try:
        # Syncs are still held, so only the outbox can confirm it: by sending it again.
        await wait_until(
            lambda: len(proxy.requests("/send/m.room.message/", "PUT")) == sends + 1,
            what="the resend",
        )
        syncs.times = 0
        syncs.released.set()
        await again.connected()
        await wait_until(again.outbox, check=lambda entries: entries == [], what="an empty outbox")
        message = await again.wait_message(room, "sent while crashing")
        await wait_until(
            lambda: again.wait_message(room, "sent while crashing"),
            check=lambda m: m.delivery is DeliveryState.SENT and bool(m.remote_id),
            what="the message sent and confirmed",
        )
        assert await sent_copies(peer, room, "sent while crashing") == 1
        assert message.outgoing
        assert secrets.values[(run.account_id, SECRET_DEVICE)] == device
    finally:
        await again.core.stop()


async def test_a_restart_resumes_the_sync_and_keeps_the_device(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    room = await group_with(synapse, account, peer, name="Resume")
    await peer.say(room, "before")
    profile, secrets = tmp_path / "profile", MemorySecretStore()
    run = await add_account(profile, secrets, account, synapse.base_url)
    await run.connected()
    await run.wait_message(room, "before")
    token = secrets.values[(run.account_id, SECRET_TOKEN)]
    await run.core.stop()

    await peer.say(room, "during")
    again = await restart(profile, secrets, run.account_id)
    try:
        backend = await again.connected()
        assert backend.resumed
        during = await again.wait_message(room, "during")
        assert not during.outgoing
        assert secrets.values[(run.account_id, SECRET_TOKEN)] == token  # same device, no login
        assert [m.body for m in await again.messages(room)].count("before") == 1
        conv = next(
            c for c in await again.core.conversations.list_conversations() if c.id.native_id == room
        )
        assert conv.title == "Resume" and conv.unread_count >= 1
        progress = again.events.of(ev.ProgressChanged)
        assert progress and progress[-1].done == progress[-1].total
    finally:
        await again.core.stop()


async def test_rate_limited_sends_wait_and_arrive_once_in_order(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    room = await group_with(synapse, account, peer)
    admin = await asyncio.to_thread(
        synapse.register, synapse.unique_name("admin"), "adminpw", admin=True
    )
    admin_token = await asyncio.to_thread(synapse.login, admin, "adminpw")
    status, body = await asyncio.to_thread(
        synapse.request,
        "POST",
        f"/_synapse/admin/v1/users/{account.user_id}/override_ratelimit",
        {"messages_per_second": 1, "burst_count": 1},
        admin_token,
    )
    assert status == 200, body
    run = await add_account(tmp_path / "profile", MemorySecretStore(), account, synapse.base_url)
    try:
        await run.connected()
        # Directly: the backend hands the 429 back as a value with the server's delay.
        direct = [
            await run.backend.send_message(
                run.conv(room),
                OutgoingMessage(f"d{i}", f"direct {i}"),
            )
            for i in range(3)
        ]
        limited = [r.failure for r in direct if r.failure is not None]
        assert limited and all(x.kind is FailureKind.RATE_LIMITED and x.retryable for x in limited)
        # The server's own delay, not our 5 s default. Synapse truncates it to whole ms, so a
        # send that comes (on a loaded machine) just before the next allowed one reads 0.
        assert all(x.retry_after is not None and 0 <= x.retry_after <= 2 for x in limited)

        # Through the outbox: every message arrives, once, in order.
        for i in range(3):
            await run.core.messaging.send_message(run.conv(room), f"queued {i}")
        for i in range(3):
            await peer.wait_text(room, f"queued {i}", timeout=30)
        await wait_until(run.outbox, check=lambda entries: entries == [], what="an empty outbox")
        bodies = [e["content"].get("body") for e in await peer.events(room)]
        queued = [b for b in bodies if b and b.startswith("queued")]
        assert queued == ["queued 0", "queued 1", "queued 2"]
    finally:
        await run.core.stop()


async def test_incoming_html_is_sanitised_and_backfill_is_deduplicated(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    room = await group_with(synapse, account, peer, name="Rich")
    for i in range(25):
        await peer.say(room, f"old {i}")
    run = await add_account(tmp_path / "profile", MemorySecretStore(), account, synapse.base_url)
    try:
        await run.connected()
        await peer.send(
            room,
            {
                "msgtype": "m.text",
                "body": "look",
                "format": "org.matrix.custom.html",
                "formatted_body": (
                    "<mx-reply><blockquote>quoted</blockquote></mx-reply>"
                    "<b>look</b><script>alert(1)</script>"
                    '<img src="https://tracker.example/pixel.png" alt="pixel">'
                    f'<img src="mxc://{synapse.server_name}/cat" alt="cat">'
                ),
            },
        )
        rich = await run.wait_message(room, "look")
        assert rich.html is not None
        assert "<b>look</b>" in rich.html
        assert "script" not in rich.html and "alert" not in rich.html
        assert "tracker.example" not in rich.html
        assert f"mxc://{synapse.server_name}/cat" in rich.html
        assert "quoted" not in rich.html

        before = len(await run.messages(room))
        first = await run.core.conversations.fetch_remote_history(run.conv(room), limit=10)
        assert first.ok
        after_one = await run.messages(room)
        assert len(after_one) > before
        # Asking again from the same point (the store's oldest id) continues, never repeats.
        await run.core.conversations.fetch_remote_history(run.conv(room), limit=10)
        await run.core.conversations.fetch_remote_history(run.conv(room), limit=10)
        remote_ids = [m.remote_id for m in await run.messages(room)]
        assert len(remote_ids) == len(set(remote_ids))
        bodies = {m.body for m in await run.messages(room)}
        assert {f"old {i}" for i in range(25)} <= bodies
    finally:
        await run.core.stop()


async def test_a_connection_test_and_removing_the_account_leave_no_device(
    synapse: Synapse, account: Account, tmp_path: Path
) -> None:
    """Issue 13: "test connection" used to leave a second device, with its encryption keys,
    beside the real one; removing the account left the real one."""
    # (Registering through the admin API leaves a device of its own: the baseline.)
    registered = await asyncio.to_thread(synapse.devices_of, account.user_id)
    profile, secrets = tmp_path / "profile", MemorySecretStore()
    run = await add_account(profile, secrets, account, synapse.base_url)
    try:
        await run.connected()
        device = secrets.values[(run.account_id, SECRET_DEVICE)]
        ours = registered | {device}
        assert await asyncio.to_thread(synapse.devices_of, account.user_id) == ours
        settings = {"user_id": account.user_id, "homeserver": synapse.base_url}
        tested = await run.core.accounts.test_connection(
            "matrix", settings, {"password": account.password}
        )
        assert tested.ok, tested.failure
        # Editing the account: its stored password, while the account itself is connected.
        again = await run.core.accounts.test_connection(
            "matrix", settings, account_id=run.account_id
        )
        assert again.ok, again.failure
        wrong = await run.core.accounts.test_connection("matrix", settings, {"password": "not it"})
        assert wrong.failure is not None and wrong.failure.kind is FailureKind.AUTH
        assert await asyncio.to_thread(synapse.devices_of, account.user_id) == ours
        assert not list((profile / "cache").rglob("*.db"))  # no encryption store made either
        assert run.session.supervisor.state is ConnectionState.CONNECTED  # undisturbed

        await run.core.accounts.remove_account(run.account_id)
        assert await asyncio.to_thread(synapse.devices_of, account.user_id) == registered
    finally:
        await run.core.stop()
