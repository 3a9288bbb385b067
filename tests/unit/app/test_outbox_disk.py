"""What a person sending sees while the account's store cannot save (docs/reliability.md, "When
the disk hiccups"): a message is kept in the outbox or refused with a clear error, never stuck in
a backend waiting on the disk; the outbox's own marks (in flight, sent, failed, queued again)
survive a transient failure, so a delivered message is never sent twice and a queued one never
lost. Real SQLite files: ``max_page_count`` at the file's size (the disk is full),
``query_only`` (the file cannot be written), a COMMIT that raises after it went through."""

from __future__ import annotations

import asyncio
import random
import sqlite3
from collections.abc import Awaitable, Callable

import pytest

from app import events as ev
from app.backend import Backend, OutgoingMessage, SendResult
from app.backoff import Backoff
from app.core import Core
from app.core.services import CommandError
from app.models import ConversationId, DeliveryState, Message, MessageId
from app.session import AccountSession
from app.store.account_store import OUTBOX_QUEUED
from tests.fakes.core_harness import Recorder, settle, wait_for
from tests.fakes.disk import FailAfterCommit, fill_disk, free_disk
from tests.fakes.fake_backend import FakeServer
from tests.unit.app.test_session import _message, _session

WAITS = "wait in the outbox"  # what the notice says of the messages held back


def _fast(session: AccountSession, *, outbox_only: bool = False) -> None:
    """Retries within a few hundredths of a second (the outbox's, and the facts' unless told)."""
    session.outbox.backoff = Backoff(base=0.01, cap=0.05, rng=random.Random(5))
    if not outbox_only:
        session._kept.backoff = Backoff(base=0.01, cap=0.05, rng=random.Random(3))


async def _read_only(session: AccountSession, on: bool) -> None:
    """The store's file cannot be written (``SQLITE_READONLY``, transient), or can again."""
    conn = session.store._conn
    await session.services.worker.run(conn.execute, f"PRAGMA query_only = {int(on)}")


async def _stored(core: Core, message: MessageId) -> Message:
    session = core.sessions[message.account_id]
    found = await session.services.worker.run(session.store.message_by_local_id, message.native_id)
    assert found is not None
    return found


async def _outbox(session: AccountSession) -> list[str]:
    entries = await session.services.worker.run(session.store.outbox_entries)
    return [e.state for e in entries]


def _notices(recorder: Recorder, part: str) -> list[ev.Notice]:
    return [n for n in recorder.of(ev.Notice) if part in n.text]


def _after_send(
    backend: Backend,
    monkeypatch: pytest.MonkeyPatch,
    then: Callable[[], Awaitable[None]],
) -> None:
    """Run ``then`` right after the service took a message (before the outbox marks it)."""
    cls = type(backend)
    real = cls.send_message

    async def send(self: Backend, conv: ConversationId, msg: OutgoingMessage) -> SendResult:
        result = await real(self, conv, msg)  # type: ignore[arg-type]
        await then()
        return result

    monkeypatch.setattr(cls, "send_message", send)


async def _reconnected(session: AccountSession, server: FakeServer, before: int) -> None:
    server.drop("alice")
    await wait_for(lambda: server.connects > before and "alice" in server.online)
    await wait_for(lambda: session.backend is not None)


# -- 1. sending while saving fails --------------------------------------------------------------


async def test_a_message_the_store_cannot_take_is_a_clear_error_and_not_sent(
    core: Core, fake_server: FakeServer
) -> None:
    """Before: the command failed with the bare SQLite error, taken for a bug ("Internal
    error: database or disk is full", a traceback in the log)."""
    session, _ = await _session(core)
    conv = await core.conversations.open_direct(session.account_id, "bob")
    await session.services.worker.run(fill_disk, session.store._conn)
    with pytest.raises(CommandError) as refused:
        await core.messaging.send_message(conv.id, "x" * 50_000)  # needs pages the disk lacks
    text = str(refused.value)
    assert "(the disk is full)" in text and "not sent" in text
    await session.services.worker.run(free_disk, session.store._conn)
    await settle(core)
    assert fake_server.sent == [] and await _outbox(session) == []
    page = await core.conversations.fetch_page(conv.id)
    assert page.messages == ()  # neither stored nor shown


async def test_a_send_while_incoming_messages_are_kept_waits_in_the_outbox_not_the_backend(
    core: Core, fake_server: FakeServer
) -> None:
    """A backend that saves its send ledger through ``ctx.state`` before a message leaves (as
    XMPP does) would wait there, behind the kept facts, for as long as the disk fails: the
    outbox's one task stuck in it, nothing said. Now the outbox does not hand messages over
    while the store cannot save; they wait in it (said once) and go once it saves again."""
    fake_server.ledger = True
    session, backend = await _session(core)
    conv = await core.conversations.open_direct(session.account_id, "bob")
    await settle(core)
    recorder = Recorder(core)
    session._kept.backoff = Backoff(base=3600, cap=3600)  # only "try again now" retries
    worker = session.services.worker
    await worker.run(fill_disk, session.store._conn)
    backend.ctx.report(_message(1, size=5000))
    await wait_for(lambda: session._kept.failing)
    # The disk has room again, but the kept facts wait for their next try: what a state write
    # of the backend would wait behind.
    await worker.run(free_disk, session.store._conn)
    sent = await asyncio.wait_for(core.messaging.send_message(conv.id, "while failing"), 5)
    await wait_for(lambda: _notices(recorder, WAITS) != [])
    await settle(core)
    assert ("send", ("bob", "while failing")) not in fake_server.calls  # not in the backend
    assert await _outbox(session) == [OUTBOX_QUEUED]
    assert (await _stored(core, sent)).delivery is DeliveryState.PENDING
    (notice,) = _notices(recorder, WAITS)
    assert notice.level == "warning" and notice.account_id == session.account_id
    session.retry_saving_now()  # the person pressed "Try again now"
    await wait_for(lambda: len(fake_server.sent) == 1)
    await settle(core)
    assert (await _stored(core, sent)).delivery is DeliveryState.SENT
    assert await _outbox(session) == [] and len(fake_server.sent) == 1
    assert len(_notices(recorder, WAITS)) == 1


async def test_a_send_while_state_writes_are_refused_stays_queued_instead_of_failing(
    core: Core, fake_server: FakeServer
) -> None:
    """Past the cap, state writes are refused (``StateNotSaved``) until a new connection: the
    ledger's write failed every send with "Internal error: … was not saved". Now the message
    waits in the outbox and goes on that new connection, once."""
    fake_server.ledger = True
    session, _backend = await _session(core)
    conv = await core.conversations.open_direct(session.account_id, "bob")
    await settle(core)
    session._kept.holding_state = True  # what dropping updates past the cap leaves behind
    sent = await core.messaging.send_message(conv.id, "after the drops")
    await wait_for(lambda: ("send", ("bob", "after the drops")) in fake_server.calls)
    await settle(core)
    stored = await _stored(core, sent)
    assert stored.delivery is DeliveryState.PENDING, stored.failure_reason
    assert fake_server.sent == [] and await _outbox(session) == [OUTBOX_QUEUED]
    await _reconnected(session, fake_server, fake_server.connects)  # positions may move again
    await wait_for(lambda: len(fake_server.sent) == 1)
    await settle(core)
    assert (await _stored(core, sent)).delivery is DeliveryState.SENT
    assert len(fake_server.sent) == 1


async def test_commands_that_wait_for_their_facts_return_while_the_disk_is_full(
    core: Core, fake_server: FakeServer
) -> None:
    """An edit waits for its fact (``session.flushed()``): it returns once the fact is kept,
    not once the disk works (the good behaviour, kept as a test)."""
    session, backend = await _session(core)
    conv = await core.conversations.open_direct(session.account_id, "bob")
    sent = await core.messaging.send_message(conv.id, "typo")
    await wait_for(lambda: len(fake_server.sent) == 1)
    await settle(core)
    session._kept.backoff = Backoff(base=3600, cap=3600)
    await session.services.worker.run(fill_disk, session.store._conn)
    backend.ctx.report(_message(1, size=5000))
    await wait_for(lambda: session._kept.failing)
    outcome = await asyncio.wait_for(core.messaging.edit_message(sent, "typo fixed " * 900), 5)
    assert outcome.ok
    await session.services.worker.run(free_disk, session.store._conn)
    session.retry_saving_now()
    await wait_for(lambda: not session._kept.failing)
    await settle(core)
    assert (await _stored(core, sent)).body.startswith("typo fixed")


# -- 2. the outbox's own writes -------------------------------------------------------------------


@pytest.mark.parametrize("idempotent", [False, True])
async def test_a_delivered_message_whose_sent_mark_fails_is_not_sent_twice(
    core: Core, fake_server: FakeServer, monkeypatch: pytest.MonkeyPatch, idempotent: bool
) -> None:
    """The service took the message, then marking it sent fails. Before: the mark was lost
    ("outbox drain failed" in the log), the entry stayed "in flight"; after a reconnect an
    idempotent backend sent it again (a duplicate), any other marked it "may not have been
    delivered" (and a retry sent it twice). Now the mark is kept, nothing else is sent before
    it is saved, and it lands once the disk works."""
    fake_server.idempotent = idempotent
    session, backend = await _session(core)
    _fast(session, outbox_only=True)
    conv = await core.conversations.open_direct(session.account_id, "bob")
    await settle(core)
    recorder = Recorder(core)

    async def disk_fails() -> None:
        await _read_only(session, True)

    _after_send(backend, monkeypatch, disk_fails)
    sent = await core.messaging.send_message(conv.id, "hello once")
    await wait_for(lambda: len(fake_server.sent) == 1)
    monkeypatch.undo()
    await wait_for(lambda: _notices(recorder, WAITS) != [])
    await _reconnected(session, fake_server, fake_server.connects)
    tries = session.outbox.backoff.attempts
    await wait_for(lambda: session.outbox.backoff.attempts >= tries + 3)  # still read-only
    assert session.outbox.failing and len(fake_server.sent) == 1
    await _read_only(session, False)
    await wait_for(lambda: session.outbox.failing is False)
    await settle(core)
    stored = await _stored(core, sent)
    assert stored.delivery is DeliveryState.SENT and stored.failure_reason == ""
    assert await _outbox(session) == [] and len(fake_server.sent) == 1
    assert len(_notices(recorder, WAITS)) == 1


async def test_a_queued_message_the_outbox_could_not_mark_goes_once_the_disk_works(
    core: Core, fake_server: FakeServer
) -> None:
    """Marking the entry "in flight" before handing it over fails: before, the drain stopped
    (logged) and nothing woke it again once the disk worked: the message stayed "sending"
    until the next reconnect or message. Now the outbox tries again by itself."""
    session, _ = await _session(core)
    _fast(session)
    conv = await core.conversations.open_direct(session.account_id, "bob")
    await settle(core)
    await session.supervisor.stop()  # offline: the message waits in the outbox
    sent = await core.messaging.send_message(conv.id, "written offline")
    await _read_only(session, True)
    session.supervisor.start()
    await wait_for(lambda: session.backend is not None)
    await wait_for(lambda: session.outbox.backoff.attempts >= 3)  # tried, and failed, 3 times
    assert session.outbox.failing and fake_server.sent == []
    await _read_only(session, False)
    await wait_for(lambda: len(fake_server.sent) == 1, timeout=10)
    await settle(core)
    assert (await _stored(core, sent)).delivery is DeliveryState.SENT
    assert len(fake_server.sent) == 1


async def test_a_message_the_service_could_not_take_is_not_called_undelivered_later(
    core: Core, fake_server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The service answered "not connected, try again"; putting the entry back to "queued"
    fails. Before: it stayed "in flight", and the next connection marked it failed, "may not
    have been delivered", though it never left. Now it goes on the next connection, once."""
    from app.backend import Failure, FailureKind

    session, backend = await _session(core)
    _fast(session, outbox_only=True)
    conv = await core.conversations.open_direct(session.account_id, "bob")
    await settle(core)
    fake_server.send_failure = Failure(FailureKind.NOT_CONNECTED, "Not connected.", retryable=True)

    async def disk_fails() -> None:
        await _read_only(session, True)

    _after_send(backend, monkeypatch, disk_fails)
    sent = await core.messaging.send_message(conv.id, "try me again")
    await wait_for(lambda: session.outbox.failing)
    monkeypatch.undo()
    await _read_only(session, False)
    await _reconnected(session, fake_server, fake_server.connects)
    await wait_for(lambda: len(fake_server.sent) == 1)
    await settle(core)
    stored = await _stored(core, sent)
    assert stored.delivery is DeliveryState.SENT, stored.failure_reason
    assert len(fake_server.sent) == 1


async def test_marking_read_on_a_store_that_cannot_save_is_no_internal_error(
    core: Core, fake_server: FakeServer
) -> None:
    """Opening a conversation marks it read (a command the window sends by itself): on a store
    that cannot save it failed as an "Internal error" each time. Now the service still hears
    the read marker, the unread count stays as stored, and the log says why."""
    session, _backend = await _session(core)
    fake_server.deliver("alice", "bob", "unread one")
    await wait_for(lambda: core.sessions[session.account_id].store.conversation("bob") is not None)
    await settle(core)
    conv = ConversationId(session.account_id, "bob")
    await _read_only(session, True)
    await core.conversations.mark_read(conv)  # no error for the person
    assert any(name == "read" for name, _ in fake_server.calls)
    await _read_only(session, False)
    stored = await session.services.worker.run(session.store.conversation, "bob")
    assert stored is not None and stored.unread_count == 1  # the cache is what is stored
    await core.conversations.mark_read(conv)
    stored = await session.services.worker.run(session.store.conversation, "bob")
    assert stored is not None and stored.unread_count == 0


# -- 3. a COMMIT that raises after it went through ----------------------------------------------


async def test_a_message_whose_commit_raises_after_writing_is_queued_once(
    core: Core, fake_server: FakeServer
) -> None:
    """Queuing the person's message: COMMIT raised after the transaction reached the disk.
    Told "not saved", the person would send it again (two copies would go); it is saved, so the
    command says so and it goes once."""
    session, _ = await _session(core)
    conv = await core.conversations.open_direct(session.account_id, "bob")
    await settle(core)
    fault = FailAfterCommit(session.store)
    sent = await core.messaging.send_message(conv.id, "only once")
    fault.undo()
    assert fault.raised == 1
    await wait_for(lambda: len(fake_server.sent) == 1)
    await settle(core)
    assert (await _stored(core, sent)).delivery is DeliveryState.SENT
    assert [m.body for m in (await core.conversations.fetch_page(conv.id)).messages] == [
        "only once"
    ]


async def test_an_irc_flood_whose_commit_raises_after_writing_is_stored_once(
    core: Core,
) -> None:
    """Lines without ids through the session: the COMMIT of their batch raises after it went
    through; every line is stored once, and no "could not save" is said for a saved batch."""
    from app import facts as f
    from app.models import ConversationKind

    session, backend = await _session(core)
    await settle(core)
    recorder = Recorder(core)
    fault = FailAfterCommit(session.store)
    lines = tuple(f.Received("ann", "same words") for _ in range(3)) + tuple(
        f.Received("ann", f"line {i}") for i in range(300)
    )
    backend.ctx.report(f.MessagesReceived("#r", ConversationKind.GROUP, "#r", lines))
    await backend.ctx.state.set("position", "after the flood")
    await settle(core)
    assert fault.raised == 1
    rows = session.store._conn.execute("SELECT body FROM messages ORDER BY seq").fetchall()
    assert [body for (body,) in rows] == [line.body for line in lines]
    assert await backend.ctx.state.get("position") == "after the flood"
    assert _notices(recorder, "Could not save") == []


def test_the_fakes_still_raise_what_sqlite_raises() -> None:
    """The disk helpers raise the codes the retry rules read (a guard for the tests above)."""
    conn = sqlite3.connect(":memory:")
    conn.execute("PRAGMA query_only = 1")
    with pytest.raises(sqlite3.OperationalError) as raised:
        conn.execute("CREATE TABLE t (x)")
    assert raised.value.sqlite_errorcode & 0xFF == sqlite3.SQLITE_READONLY
