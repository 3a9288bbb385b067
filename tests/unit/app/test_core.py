"""The core end to end over the fake service: accounts, connection, dispatch, outbox, search."""

from __future__ import annotations

import asyncio
import json
import stat
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app import events as ev
from app import facts as f
from app.backend import Capability, Failure, FailureKind, Outcome
from app.core import CommandError, Core
from app.i18n import CoreMessages, Text
from app.models import (
    ConnectionState,
    Contact,
    ContactId,
    ConversationId,
    ConversationKind,
    DeliveryState,
    Message,
    MessageKind,
    NotifyLevel,
    Presence,
    PresenceState,
    utc_now,
)
from app.store.worker import Cancel
from app.voice import VoiceInfo
from chinwag.testing import MemorySecretStore
from tests.fakes.core_harness import Recorder, make_core, settle, wait_for
from tests.fakes.fake_backend import FakeServer


async def add_alice(core: Core, password: str = "wonderland") -> str:
    account = await core.accounts.add_account("fake", {"user": "alice"}, {"password": password})
    return account.id


def state_of(core: Core, account_id: str) -> ConnectionState:
    return core.sessions[account_id].state.state


async def connected(core: Core, account_id: str) -> None:
    await wait_for(lambda: state_of(core, account_id) is ConnectionState.CONNECTED)


async def test_add_account_connects_and_keeps_password_out_of_config(
    core: Core, secrets: MemorySecretStore, profile: Path
) -> None:
    rec = Recorder(core)
    account_id = await add_alice(core)
    await connected(core, account_id)
    assert secrets.get(account_id, "password") == "wonderland"
    config = (profile / "config" / "config.json").read_text()
    assert "wonderland" not in config
    assert json.loads(config)["accounts"][0]["secret_keys"] == ["password"]
    assert stat.S_IMODE((profile / "config" / "config.json").stat().st_mode) == 0o600
    states = [e.state for e in rec.of(ev.ConnectionStateChanged)]
    assert states[-2:] == [ConnectionState.CONNECTING, ConnectionState.CONNECTED]


async def test_invalid_settings_are_refused_before_anything_is_stored(
    core: Core, secrets: MemorySecretStore
) -> None:
    with pytest.raises(CommandError, match="User name"):
        await core.accounts.add_account("fake", {"user": "Not Valid!"}, {"password": "x"})
    with pytest.raises(CommandError, match="Password is required"):
        await core.accounts.add_account("fake", {"user": "alice"}, {})
    with pytest.raises(CommandError, match="No usable plugin"):
        await core.accounts.add_account("nope", {}, {})
    assert core.accounts.list_accounts() == []
    assert secrets.values == {}


async def test_wrong_password_fails_without_retrying(core: Core, fake_server: FakeServer) -> None:
    rec = Recorder(core)
    account_id = await add_alice(core, password="wrong")
    await wait_for(lambda: state_of(core, account_id) is ConnectionState.FAILED)
    await settle(core)
    assert fake_server.connects == 1
    failed = rec.of(ev.ConnectionStateChanged)[-1]
    assert failed.failure_kind == "auth"
    assert "password" in failed.message


async def test_unreachable_server_retries_with_backoff_then_connects(
    core: Core, fake_server: FakeServer
) -> None:
    fake_server.reachable = False
    rec = Recorder(core)
    account_id = await add_alice(core)
    await wait_for(lambda: fake_server.connects >= 3)
    waits = [e for e in rec.of(ev.ConnectionStateChanged) if e.state is ConnectionState.WAITING]
    assert waits and all(e.retry_in is not None and e.retry_in > 0 for e in waits)
    fake_server.reachable = True
    await connected(core, account_id)


async def test_lost_connection_reconnects(core: Core, fake_server: FakeServer) -> None:
    account_id = await add_alice(core)
    await connected(core, account_id)
    fake_server.drop("alice")
    await wait_for(lambda: fake_server.connects == 2 and "alice" in fake_server.online)
    await connected(core, account_id)


async def test_incoming_messages_create_conversation_count_unread_and_dedupe(
    core: Core, fake_server: FakeServer
) -> None:
    rec = Recorder(core)
    account_id = await add_alice(core)
    await connected(core, account_id)
    fake_server.deliver("alice", "bob", "Hallo, wie geht's? 你好 👋", remote_id="m1")
    fake_server.deliver("alice", "bob", "second", remote_id="m2", mentions_me=True)
    fake_server.deliver("alice", "bob", "Hallo again (replayed)", remote_id="m1")  # a replay
    await settle(core)
    conv_id = ConversationId(account_id, "bob")
    page = await core.conversations.fetch_page(conv_id)
    assert [m.body for m in page.messages] == ["Hallo, wie geht's? 你好 👋", "second"]
    conv = (await core.conversations.list_conversations(account_id))[0]
    assert (conv.unread_count, conv.mention_count, conv.kind) == (2, 1, ConversationKind.DIRECT)
    added = [m for e in rec.of(ev.MessagesAdded) for m in e.messages]
    assert len(added) == 2
    await core.conversations.mark_read(conv_id)
    conv = (await core.conversations.list_conversations(account_id))[0]
    assert conv.unread_count == 0
    assert ("read", ("bob", "m2")) in fake_server.calls


async def test_same_address_on_two_accounts_stays_two_conversations(
    core: Core, fake_server: FakeServer
) -> None:
    a1 = await add_alice(core)
    a2 = (await core.accounts.add_account("fake", {"user": "bob"}, {"password": "builder"})).id
    await connected(core, a1)
    await connected(core, a2)
    fake_server.deliver("alice", "carol", "to alice")
    fake_server.deliver("bob", "carol", "to bob")
    await settle(core)
    p1 = await core.conversations.fetch_page(ConversationId(a1, "carol"))
    p2 = await core.conversations.fetch_page(ConversationId(a2, "carol"))
    assert [m.body for m in p1.messages] == ["to alice"]
    assert [m.body for m in p2.messages] == ["to bob"]
    results = await core.archive.search("to")
    assert {(m.id.account_id, m.body) for m in results} == {(a1, "to alice"), (a2, "to bob")}


async def test_search_over_accounts_at_once_orders_as_one_after_another(
    core: Core, fake_server: FakeServer
) -> None:
    a1 = await add_alice(core)
    a2 = (await core.accounts.add_account("fake", {"user": "bob"}, {"password": "builder"})).id
    fake_server.passwords["carol"] = "sesame"
    a3 = (await core.accounts.add_account("fake", {"user": "carol"}, {"password": "sesame"})).id
    for account in (a1, a2, a3):
        await connected(core, account)
    start = datetime(2026, 5, 1, tzinfo=UTC)
    for i in range(30):
        # Same times on every account (ties), and some times shared within one.
        for user in ("alice", "bob", "carol"):
            when = start + timedelta(minutes=i // 2 if user == "bob" else i)
            fake_server.deliver(user, f"peer{i % 3}", f"lunch {user} {i}", timestamp=when)
    await settle(core)
    stores = [core.sessions[a].store for a in (a1, a2, a3)]
    for limit in (5, 17, 50, 200):
        one_after_another = [m for store in stores for m in store.search("lunch", limit)]
        one_after_another.sort(key=lambda m: (m.timestamp, m.seq), reverse=True)
        found = await core.archive.search("lunch", limit)
        assert [m.id for m in found] == [m.id for m in one_after_another[:limit]]
    assert len(await core.archive.search("lunch", 200)) == 90


async def test_a_cancelled_search_stops_the_queries_still_running(
    core: Core, fake_server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    account_id = await add_alice(core)
    await connected(core, account_id)
    store = core.sessions[account_id].store
    began = threading.Event()
    stopped: list[str] = []

    def search(
        text: str, limit: int = 50, conversation: str | None = None, cancel: Cancel | None = None
    ) -> list[Message]:
        assert cancel is not None
        began.set()
        deadline = time.monotonic() + 20
        while not cancel.cancelled and time.monotonic() < deadline:
            time.sleep(0.002)  # a long query, until interrupted
        stopped.append(text if cancel.cancelled else "ran to the end")
        return []

    monkeypatch.setattr(store, "search", search)
    task = asyncio.ensure_future(core.archive.search("coffee"))
    assert await asyncio.to_thread(began.wait, 10)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await wait_for(lambda: stopped == ["coffee"], timeout=5)


async def test_send_goes_pending_then_sent_then_read(core: Core, fake_server: FakeServer) -> None:
    rec = Recorder(core)
    account_id = await add_alice(core)
    await connected(core, account_id)
    conv = await core.conversations.open_direct(account_id, "bob")
    msg_id = await core.messaging.send_message(conv.id, "hello bob")
    await settle(core)
    states = [m.delivery for e in rec.of(ev.MessagesAdded) for m in e.messages]
    assert states == [DeliveryState.PENDING]
    updated = [m for e in rec.of(ev.MessagesUpdated) for m in e.messages]
    assert updated[-1].delivery is DeliveryState.SENT and updated[-1].id == msg_id
    record = fake_server.sent[-1]
    assert record.message.txn_id == msg_id.native_id
    fake_server.receipt(record, DeliveryState.READ, up_to=True)
    await settle(core)
    page = await core.conversations.fetch_page(conv.id)
    assert page.messages[-1].delivery is DeliveryState.READ
    assert page.messages[-1].remote_id == record.remote_id


async def test_message_written_offline_is_sent_once_on_connect(
    profile: Path, fake_server: FakeServer, secrets: MemorySecretStore
) -> None:
    fake_server.reachable = False
    core = make_core(profile, fake_server, secrets)
    await core.start()
    try:
        account_id = await add_alice(core)
        conv = await core.conversations.open_direct(account_id, "bob")
        await core.messaging.send_message(conv.id, "written on a train")
        await settle(core)
        assert fake_server.sent == []
        fake_server.reachable = True
        await core.accounts.reconnect(account_id)
        await wait_for(lambda: len(fake_server.sent) == 1)
        await settle(core)
        page = await core.conversations.fetch_page(conv.id)
        assert page.messages[-1].delivery is DeliveryState.SENT
    finally:
        await core.stop()
    assert len(fake_server.sent) == 1


async def test_outbox_survives_a_restart(
    profile: Path, fake_server: FakeServer, secrets: MemorySecretStore
) -> None:
    fake_server.reachable = False
    core = make_core(profile, fake_server, secrets)
    await core.start()
    account_id = await add_alice(core)
    conv = await core.conversations.open_direct(account_id, "bob")
    await core.messaging.send_message(conv.id, "survive me", mentions=("bob",))
    await core.stop()  # the app is closed (or killed) before the network came back

    fake_server.reachable = True
    core = make_core(profile, fake_server, secrets)
    await core.start()
    try:
        await wait_for(lambda: len(fake_server.sent) == 1)
        assert fake_server.sent[0].message.body == "survive me"
        assert fake_server.sent[0].message.mentions == ("bob",)  # kept in the outbox
        await settle(core)
        page = await core.conversations.fetch_page(conv.id)
        assert page.messages[-1].delivery is DeliveryState.SENT
    finally:
        await core.stop()


async def test_unconfirmed_message_is_not_resent_unless_idempotent(
    core: Core, fake_server: FakeServer
) -> None:
    fake_server.confirm = "later"
    account_id = await add_alice(core)
    await connected(core, account_id)
    conv = await core.conversations.open_direct(account_id, "bob")
    await core.messaging.send_message(conv.id, "maybe delivered")
    await wait_for(lambda: len(fake_server.sent) == 1)
    fake_server.drop("alice")
    await wait_for(
        lambda: fake_server.connects == 2 and state_of(core, account_id).value == "connected"
    )
    await settle(core)
    page = await core.conversations.fetch_page(conv.id)
    assert len(fake_server.sent) == 1
    assert page.messages[-1].delivery is DeliveryState.FAILED
    assert "may not have been delivered" in page.messages[-1].failure_reason
    # The user retries: it goes out again, once.
    fake_server.confirm = "immediate"
    await core.messaging.retry_message(page.messages[-1].id)
    await wait_for(lambda: len(fake_server.sent) == 2)
    await settle(core)
    page = await core.conversations.fetch_page(conv.id)
    assert page.messages[-1].delivery is DeliveryState.SENT


async def test_unconfirmed_message_is_resent_with_same_txn_when_idempotent(
    core: Core, fake_server: FakeServer
) -> None:
    fake_server.confirm = "later"
    fake_server.idempotent = True
    account_id = await add_alice(core)
    await connected(core, account_id)
    conv = await core.conversations.open_direct(account_id, "bob")
    await core.messaging.send_message(conv.id, "exactly once")
    await wait_for(lambda: len(fake_server.sent) == 1)
    fake_server.drop("alice")
    await wait_for(lambda: len(fake_server.sent) == 2)
    first, second = fake_server.sent
    assert first.message.txn_id == second.message.txn_id
    fake_server.confirm_sent(second)
    await settle(core)
    page = await core.conversations.fetch_page(conv.id)
    assert [m.delivery for m in page.messages] == [DeliveryState.SENT]
    assert len(page.messages) == 1


async def test_permanent_send_failure_marks_message_failed(
    core: Core, fake_server: FakeServer
) -> None:
    account_id = await add_alice(core)
    await connected(core, account_id)
    conv = await core.conversations.open_direct(account_id, "bob")
    fake_server.send_failure = Failure(FailureKind.REJECTED, "You are not allowed to write here.")
    await core.messaging.send_message(conv.id, "denied")
    await wait_for(lambda: bool(fake_server.calls))
    await settle(core)
    msg = (await core.conversations.fetch_page(conv.id)).messages[-1]
    assert msg.delivery is DeliveryState.FAILED
    assert msg.failure_reason == "You are not allowed to write here."


async def test_echo_with_txn_id_confirms_instead_of_duplicating(
    core: Core, fake_server: FakeServer
) -> None:
    fake_server.confirm = "later"
    account_id = await add_alice(core)
    await connected(core, account_id)
    conv = await core.conversations.open_direct(account_id, "bob")
    await core.messaging.send_message(conv.id, "echo me")
    await wait_for(lambda: len(fake_server.sent) == 1)
    record = fake_server.sent[0]
    fake_server.deliver(
        "alice",
        "bob",
        "echo me",
        sender="alice",
        outgoing=True,
        txn_id=record.message.txn_id,
        remote_id="srv-1",
    )
    await settle(core)
    page = await core.conversations.fetch_page(conv.id)
    assert len(page.messages) == 1
    assert page.messages[0].delivery is DeliveryState.SENT
    assert page.messages[0].remote_id == "srv-1"


async def test_remote_history_is_fetched_and_deduplicated(
    core: Core, fake_server: FakeServer
) -> None:
    fake_server.archive["room"] = [
        f.MessageReceived(
            "room", "carol", f"old {i}", ConversationKind.GROUP, remote_id=f"h{i}", history=True
        )
        for i in range(5)
    ]
    account_id = await add_alice(core)
    await connected(core, account_id)
    await core.rooms.join(account_id, "room")
    fake_server.deliver(
        "alice", "room", "live", sender="dave", kind=ConversationKind.GROUP, remote_id="h4"
    )  # already in the archive: a replay
    await settle(core)
    conv_id = ConversationId(account_id, "room")
    outcome = await core.conversations.fetch_remote_history(conv_id, limit=3)
    await settle(core)
    bodies = [m.body for m in (await core.conversations.fetch_page(conv_id)).messages]
    assert bodies.count("live") == 1 and "old 4" not in bodies
    assert outcome.ok
    await core.conversations.fetch_remote_history(conv_id, limit=10)
    await settle(core)
    page = await core.conversations.fetch_page(conv_id)
    assert len(page.messages) == 5
    conv = next(c for c in await core.conversations.list_conversations() if c.id == conv_id)
    assert conv.unread_count == 1  # history never counts as unread


async def test_paging_back_through_history(core: Core, fake_server: FakeServer) -> None:
    account_id = await add_alice(core)
    await connected(core, account_id)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for i in range(120):
        fake_server.deliver("alice", "bob", f"m{i}", timestamp=start + timedelta(minutes=i))
    await settle(core)
    conv_id = ConversationId(account_id, "bob")
    seen: list[str] = []
    before = None
    while True:
        page = await core.conversations.fetch_page(conv_id, before, 50)
        seen[:0] = [m.body for m in page.messages]
        if page.before is None:
            break
        before = page.before
    assert seen == [f"m{i}" for i in range(120)]


async def test_remove_account_deletes_history_and_secrets(
    core: Core, secrets: MemorySecretStore, profile: Path, fake_server: FakeServer
) -> None:
    rec = Recorder(core)
    account_id = await add_alice(core)
    await connected(core, account_id)
    fake_server.deliver("alice", "bob", "bye")
    await settle(core)
    store = profile / "data" / "accounts" / f"{account_id}.sqlite3"
    assert store.exists()
    await core.accounts.remove_account(account_id)
    assert not store.exists()
    assert not Path(str(store) + "-wal").exists()
    assert secrets.values == {}
    assert core.accounts.list_accounts() == []
    assert rec.of(ev.ConversationsRemoved)[-1].conversation_ids == (
        ConversationId(account_id, "bob"),
    )
    assert "alice" not in fake_server.online


async def test_remove_account_can_keep_history(core: Core, profile: Path) -> None:
    account_id = await add_alice(core)
    await core.accounts.remove_account(account_id, keep_history=True)
    archived = list((profile / "data" / "archive").glob(f"{account_id}-*.sqlite3"))
    assert len(archived) == 1


async def test_disable_and_enable(core: Core, fake_server: FakeServer) -> None:
    account_id = await add_alice(core)
    await connected(core, account_id)
    await core.accounts.set_account_enabled(account_id, False)
    assert state_of(core, account_id) is ConnectionState.DISABLED
    assert "alice" not in fake_server.online
    await core.accounts.set_account_enabled(account_id, True)
    await connected(core, account_id)


async def test_an_account_is_known_off_before_it_is_shown_disabled(
    core: Core, fake_server: FakeServer
) -> None:
    """A window toggling the account again on seeing "disabled" must read it as off (it read
    the old flag and turned the account off a second time, 1 UI run in 10 under load)."""
    account_id = await add_alice(core)
    await connected(core, account_id)
    seen: list[ev.Event] = []
    core.bus.subscribe(ev.Event, seen.append)
    await core.accounts.set_account_enabled(account_id, False)
    off = next(
        i
        for i, e in enumerate(seen)
        if isinstance(e, ev.ConnectionStateChanged) and e.state is ConnectionState.DISABLED
    )
    flags = [
        a.enabled
        for e in seen[:off]
        if isinstance(e, ev.AccountsChanged)
        for a in e.accounts
        if a.id == account_id
    ]
    assert flags and flags[-1] is False


async def test_only_contacts_policy_and_blocking(core: Core, fake_server: FakeServer) -> None:
    account_id = await add_alice(core)
    fake_server.contacts["alice"] = [
        Contact(ContactId(account_id, "bob"), "Bob"),
        Contact(ContactId(account_id, "mallory"), "Mallory", blocked=True),
    ]
    await core.preferences.set("privacy.only_contacts", True)
    await core.accounts.reconnect(account_id)
    await connected(core, account_id)
    await settle(core)
    fake_server.deliver("alice", "bob", "from a contact")
    fake_server.deliver("alice", "spammer", "buy now")
    fake_server.deliver("alice", "mallory", "blocked")
    await settle(core)
    convs = {c.id.native_id for c in await core.conversations.list_conversations(account_id)}
    assert convs == {"bob"}


async def test_presence_typing_and_events(core: Core, fake_server: FakeServer) -> None:
    rec = Recorder(core)
    account_id = await add_alice(core)
    await connected(core, account_id)
    fake_server.report("alice", f.TypingChanged("bob", "bob", True))
    fake_server.report("alice", f.PresenceChanged("bob", Presence(PresenceState.AWAY, "lunch")))
    await settle(core)
    assert rec.of(ev.TypingChanged)[-1].typing == ("bob",)
    contact = rec.of(ev.ContactsChanged)[-1].upserted[0]
    assert contact.presence == Presence(PresenceState.AWAY, "lunch")
    fake_server.deliver("alice", "bob", "done typing")
    await settle(core)
    assert rec.of(ev.TypingChanged)[-1].typing == ()
    await core.accounts.set_presence(Presence(PresenceState.DO_NOT_DISTURB, "busy"))
    assert ("presence", ("dnd", "busy")) in fake_server.calls
    assert rec.of(ev.OwnPresenceChanged)[-1].presence.state is PresenceState.DO_NOT_DISTURB


async def test_export_import_round_trip(
    core: Core, fake_server: FakeServer, tmp_path: Path
) -> None:
    account_id = await add_alice(core)
    await connected(core, account_id)
    for i in range(30):
        fake_server.deliver("alice", "bob", f"línea {i} ✓")
    await settle(core)
    out = tmp_path / "alice.jsonl"
    assert await core.archive.export_account(account_id, out) == 30
    await core.accounts.remove_account(account_id)
    imported = await core.archive.import_account(out)
    assert not imported.enabled
    assert imported.settings == {"user": "alice", "server": "fake.local"}
    page = await core.conversations.fetch_page(ConversationId(imported.id, "bob"))
    assert [m.body for m in page.messages] == [f"línea {i} ✓" for i in range(30)]


async def test_prune_history(core: Core, fake_server: FakeServer) -> None:
    account_id = await add_alice(core)
    await connected(core, account_id)
    fake_server.deliver("alice", "bob", "ancient", timestamp=utc_now() - timedelta(days=400))
    fake_server.deliver("alice", "bob", "recent", timestamp=utc_now() - timedelta(days=2))
    await settle(core)
    assert await core.archive.prune_history(30) == 1
    page = await core.conversations.fetch_page(ConversationId(account_id, "bob"))
    assert [m.body for m in page.messages] == ["recent"]


async def test_hostile_html_is_sanitised_before_storage(
    core: Core, fake_server: FakeServer
) -> None:
    account_id = await add_alice(core)
    await connected(core, account_id)
    fake_server.deliver(
        "alice",
        "bob",
        "click",
        html='<b>hi</b><script>alert(1)</script><img src="https://track.example/p.gif">'
        '<a href="javascript:alert(1)">x</a><a href="https://ok.example">ok</a>',
    )
    await settle(core)
    msg = (await core.conversations.fetch_page(ConversationId(account_id, "bob"))).messages[0]
    assert msg.html is not None
    assert "<b>hi</b>" in msg.html
    assert "script" not in msg.html and "track.example" not in msg.html
    assert "javascript" not in msg.html and 'href="https://ok.example"' in msg.html


async def test_core_restart_keeps_conversations_and_unread(
    profile: Path, fake_server: FakeServer, secrets: MemorySecretStore
) -> None:
    core = make_core(profile, fake_server, secrets)
    await core.start()
    account_id = await add_alice(core)
    await connected(core, account_id)
    fake_server.deliver("alice", "bob", "persist me")
    await settle(core)
    await core.stop()
    core = make_core(profile, fake_server, secrets)
    rec = Recorder(core)
    await core.start()
    try:
        convs = [c for e in rec.of(ev.ConversationsChanged) for c in e.conversations]
        assert [(c.id.native_id, c.unread_count) for c in convs] == [("bob", 1)]
        assert rec.of(ev.CoreStarted)
    finally:
        await core.stop()


async def _sent_message(core: Core, fake_server: FakeServer) -> tuple[str, ConversationId]:
    account_id = await add_alice(core)
    await connected(core, account_id)
    conv = await core.conversations.open_direct(account_id, "bob")
    await core.messaging.send_message(conv.id, "frist")
    await wait_for(lambda: len(fake_server.sent) == 1)
    await settle(core)
    return account_id, conv.id


async def test_edit_react_retract_own_message(core: Core, fake_server: FakeServer) -> None:
    _, conv = await _sent_message(core, fake_server)
    msg = (await core.conversations.fetch_page(conv)).messages[-1]
    assert (await core.messaging.edit_message(msg.id, "first")).ok
    assert ("edit", ("bob", msg.remote_id, "first")) in fake_server.calls
    edited = (await core.conversations.fetch_page(conv)).messages[-1]
    assert (edited.body, edited.edited) == ("first", True)
    assert (await core.messaging.react(msg.id, ("👍", "🎉"))).ok
    reacted = (await core.conversations.fetch_page(conv)).messages[-1]
    assert {r.key: r.senders for r in reacted.reactions} == {"👍": ("alice",), "🎉": ("alice",)}
    assert (await core.messaging.react(msg.id, ())).ok
    assert (await core.conversations.fetch_page(conv)).messages[-1].reactions == ()
    assert (await core.messaging.retract(msg.id)).ok
    gone = (await core.conversations.fetch_page(conv)).messages[-1]
    assert gone.retracted and gone.body == ""


async def test_cannot_edit_someone_elses_message(core: Core, fake_server: FakeServer) -> None:
    account_id = await add_alice(core)
    await connected(core, account_id)
    fake_server.deliver("alice", "bob", "mine, not yours")
    await settle(core)
    msg = (await core.conversations.fetch_page(ConversationId(account_id, "bob"))).messages[0]
    with pytest.raises(CommandError, match="your own"):
        await core.messaging.edit_message(msg.id, "hacked")
    # Nor may a peer edit ours or another's message through a forged correction.
    fake_server.deliver("alice", "bob", "hacked", sender="mallory", replaces=msg.remote_id)
    await settle(core)
    bodies = [
        m.body
        for m in (await core.conversations.fetch_page(ConversationId(account_id, "bob"))).messages
    ]
    assert bodies == ["mine, not yours"]  # nor kept as a new message marked "edited"


async def test_block_contact_drops_their_messages(core: Core, fake_server: FakeServer) -> None:
    account_id = await add_alice(core)
    await connected(core, account_id)
    assert (await core.contacts.set_blocked(account_id, "mallory", True)).ok
    fake_server.deliver("alice", "mallory", "let me in")
    await settle(core)
    assert await core.conversations.list_conversations(account_id) == []
    assert [c.blocked for c in await core.contacts.list_contacts(account_id)] == [True]


async def test_send_file_uploads_then_sends_attachment(
    core: Core, fake_server: FakeServer, tmp_path: Path
) -> None:
    account_id = await add_alice(core)
    await connected(core, account_id)
    conv = await core.conversations.open_direct(account_id, "bob")
    photo = tmp_path / "holiday.jpg"
    photo.write_bytes(b"\xff\xd8" + b"0" * 1000)
    rec = Recorder(core)
    await core.messaging.send_file(conv.id, photo)
    await wait_for(lambda: len(fake_server.sent) == 1)
    sent = fake_server.sent[0].message
    assert sent.attachments[0].url.endswith("/holiday.jpg")
    assert sent.attachments[0].mime_type == "image/jpeg"
    assert rec.of(ev.ProgressChanged)[-1].done == 1002


async def test_send_voice_message_carries_duration_and_waveform(
    core: Core, fake_server: FakeServer, tmp_path: Path
) -> None:
    account_id = await add_alice(core)
    await connected(core, account_id)
    conv = await core.conversations.open_direct(account_id, "bob")
    clip = tmp_path / "voice.m4a"
    clip.write_bytes(b"0" * 100)
    await core.messaging.send_file(conv.id, clip, voice=VoiceInfo(7_000, (1, 1024)))
    await wait_for(lambda: len(fake_server.sent) == 1)
    sent = fake_server.sent[0].message.attachments[0]
    assert (sent.voice, sent.duration_ms, sent.waveform) == (True, 7_000, (1, 1024))
    stored = (await core.conversations.fetch_page(conv.id)).messages[-1].attachments[0]
    assert (stored.voice, stored.duration_ms, stored.waveform) == (True, 7_000, (1, 1024))
    fake_server.conversation_caps["carol"] = Capability.FILES
    other = await core.conversations.open_direct(account_id, "carol")
    refused = await core.messaging.send_file(other.id, clip, voice=VoiceInfo(1))
    assert isinstance(refused, Outcome) and refused.failure is not None
    assert refused.failure.kind is FailureKind.UNSUPPORTED


async def test_commands_on_a_disconnected_account_fail_politely(core: Core) -> None:
    account_id = await add_alice(core, password="wrong")
    await wait_for(lambda: state_of(core, account_id) is ConnectionState.FAILED)
    outcome = await core.rooms.join(account_id, "room")
    assert outcome.failure is not None and outcome.failure.kind is FailureKind.NOT_CONNECTED
    with pytest.raises(CommandError):
        await core.messaging.send_message(ConversationId(account_id, "nobody"), "hi")
    with pytest.raises(CommandError, match="empty"):
        await core.messaging.send_message(ConversationId(account_id, "nobody"), "   ")


async def test_test_connection_saves_nothing(core: Core, profile: Path) -> None:
    ok = await core.accounts.test_connection("fake", {"user": "alice"}, {"password": "wonderland"})
    assert ok.ok
    bad = await core.accounts.test_connection("fake", {"user": "alice"}, {"password": "nope"})
    assert bad.failure is not None and bad.failure.kind is FailureKind.AUTH
    assert core.accounts.list_accounts() == []
    assert not (profile / "data" / "accounts").exists() or not any(
        (profile / "data" / "accounts").iterdir()
    )


async def test_test_connection_of_an_existing_account_uses_its_stored_password(
    core: Core,
) -> None:
    account_id = await add_alice(core)
    outcome = await core.accounts.test_connection(
        "fake", {"user": "alice"}, {}, account_id=account_id
    )
    assert outcome.ok


async def test_context_and_forward_paging(core: Core, fake_server: FakeServer) -> None:
    account_id = await add_alice(core)
    await connected(core, account_id)
    start = datetime(2026, 5, 1, tzinfo=UTC)
    for i in range(100):
        fake_server.deliver("alice", "bob", f"word{i}", timestamp=start + timedelta(minutes=i))
    await settle(core)
    hit = (await core.archive.search("word40"))[0]
    context = await core.conversations.fetch_context(hit.id, around=10)
    assert [m.body for m in context.messages] == [f"word{i}" for i in range(30, 51)]
    assert context.before is not None and context.after is not None
    newer = await core.conversations.fetch_newer(hit.conversation_id, context.after, 100)
    assert [m.body for m in newer.messages] == [f"word{i}" for i in range(51, 100)]
    assert newer.before is None  # reached the newest


async def test_notify_levels_default_by_kind_and_can_change(
    core: Core, fake_server: FakeServer
) -> None:
    account_id = await add_alice(core)
    await connected(core, account_id)
    fake_server.deliver("alice", "bob", "hi")
    fake_server.deliver("alice", "#room", "hi all", sender="x", kind=ConversationKind.GROUP)
    await settle(core)
    levels = {
        c.id.native_id: c.notify for c in await core.conversations.list_conversations(account_id)
    }
    assert levels == {"bob": NotifyLevel.ALL, "#room": NotifyLevel.MENTIONS}
    changed = await core.conversations.set_notify(
        ConversationId(account_id, "#room"), NotifyLevel.NONE
    )
    assert changed.notify is NotifyLevel.NONE


async def test_the_spell_language_is_kept_per_conversation_and_published(
    core: Core, fake_server: FakeServer
) -> None:
    account_id = await add_alice(core)
    await connected(core, account_id)
    fake_server.deliver("alice", "bob", "hallo")
    fake_server.deliver("alice", "carol", "hi")
    await settle(core)
    seen: list[ev.Event] = []
    core.bus.subscribe(ev.Event, seen.append)
    bob = ConversationId(account_id, "bob")
    changed = await core.conversations.set_spell_language(bob, "de_DE")
    assert changed.spell_language == "de_DE"
    published = [e for e in seen if isinstance(e, ev.ConversationsChanged)]
    assert [c.spell_language for e in published for c in e.conversations] == ["de_DE"]
    languages = {
        c.id.native_id: c.spell_language
        for c in await core.conversations.list_conversations(account_id)
    }
    assert languages == {"bob": "de_DE", "carol": ""}


async def test_exports_of_a_conversation(
    core: Core, fake_server: FakeServer, tmp_path: Path
) -> None:
    account_id = await add_alice(core)
    await connected(core, account_id)
    fake_server.deliver("alice", "bob", "<script>x</script> & friends")
    fake_server.deliver("alice", "carol", "other")
    await settle(core)
    conv = ConversationId(account_id, "bob")
    assert await core.archive.export_conversation(conv, tmp_path / "bob.html") == 1
    page = (tmp_path / "bob.html").read_text()
    assert "&lt;script&gt;x&lt;/script&gt; &amp; friends" in page and "<script>" not in page
    assert await core.archive.export_conversation(conv, tmp_path / "bob.jsonl") == 1
    assert json.loads((tmp_path / "bob.jsonl").read_text())["body"].endswith("& friends")
    assert await core.archive.export_account(account_id, tmp_path / "all.html") == 2
    assert not list(tmp_path.glob("*.part"))


async def test_backend_commands_details_and_downloads(
    core: Core, fake_server: FakeServer, tmp_path: Path
) -> None:
    account_id = await add_alice(core)
    await connected(core, account_id)
    conv = await core.conversations.open_direct(account_id, "bob")
    assert await core.messaging.command_names(conv.id) == ("shout",)
    assert (await core.messaging.run_command(conv.id, "SHOUT", "hello")).ok
    unknown = await core.messaging.run_command(conv.id, "nope", "")
    assert unknown.failure is not None and "Unknown command /nope" in unknown.failure.message
    details = await core.conversations.conversation_details(conv.id)
    assert details.connected and details.own_id == "alice"
    assert ("opened", ("bob",)) in fake_server.calls  # the backend may get ready for it (OMEMO)
    assert details.capabilities & Capability.EDITS
    photo = tmp_path / "p.png"
    photo.write_bytes(b"\x89PNG" + b"1" * 50)
    await core.messaging.send_file(conv.id, photo)
    await wait_for(lambda: len(fake_server.sent) == 1)
    await settle(core)
    sent = (await core.conversations.fetch_page(conv.id)).messages[-1]
    target = tmp_path / "downloads" / "p.png"
    assert (await core.messaging.download(sent.id, 0, target)).ok
    assert target.read_bytes() == photo.read_bytes()


async def test_retry_after_a_permanent_failure_sends_again_on_the_same_connection(
    core: Core, fake_server: FakeServer
) -> None:
    account_id = await add_alice(core)
    await connected(core, account_id)
    conv = await core.conversations.open_direct(account_id, "bob")
    fake_server.send_failure = Failure(FailureKind.REJECTED, "not now")
    await core.messaging.send_message(conv.id, "again")
    await wait_for(lambda: ("send", ("bob", "again")) in fake_server.calls)
    await settle(core)
    msg = (await core.conversations.fetch_page(conv.id)).messages[-1]
    assert msg.delivery is DeliveryState.FAILED
    await core.messaging.retry_message(msg.id)
    await wait_for(lambda: len(fake_server.sent) == 1)
    await settle(core)
    assert (await core.conversations.fetch_page(conv.id)).messages[
        -1
    ].delivery is DeliveryState.SENT


async def test_concurrent_preference_changes_are_all_kept(core: Core, profile: Path) -> None:
    import asyncio

    await asyncio.gather(*(core.preferences.set(f"k{i}", i) for i in range(10)))
    saved = json.loads((profile / "config" / "config.json").read_text())["preferences"]
    assert saved == {f"k{i}": i for i in range(10)}


async def test_service_text_is_kept_as_system_messages(core: Core, fake_server: FakeServer) -> None:
    account_id = await add_alice(core)
    await connected(core, account_id)
    fake_server.deliver("alice", "bob", "hi")
    fake_server.report("alice", f.ServiceNotice("Welcome to the fake network\nBe nice."))
    fake_server.report("alice", f.ServiceNotice("bob is away: lunch", conversation="bob"))
    fake_server.report("alice", f.ServiceNotice("no such room", conversation="#nowhere"))
    await settle(core)
    server = await core.conversations.fetch_page(ConversationId(account_id, ":server"))
    assert [m.body for m in server.messages] == [
        "Welcome to the fake network\nBe nice.",
        "no such room",
    ]
    assert all(m.kind is MessageKind.SYSTEM for m in server.messages)
    in_query = (await core.conversations.fetch_page(ConversationId(account_id, "bob"))).messages
    assert in_query[-1].body == "bob is away: lunch" and in_query[-1].sender_name == "Server"
    convs = {c.id.native_id: c for c in await core.conversations.list_conversations(account_id)}
    assert convs[":server"].title == "Server messages" and convs[":server"].unread_count == 0
    assert convs["bob"].unread_count == 1  # the notice does not count


async def test_a_translatable_service_notice_keeps_its_template(
    core: Core, fake_server: FakeServer
) -> None:
    """A backend's notice made with CoreMessages.tr reaches the store as that Text (so the window
    can show it in the person's language); the English body is the same as ever."""
    account_id = await add_alice(core)
    await connected(core, account_id)
    fake_server.deliver("alice", "bob", "hi")
    refused = CoreMessages.tr("A file from %1 was refused: %2.").arg("bob", "too large")
    fake_server.report("alice", f.ServiceNotice(refused, conversation="bob"))
    await settle(core)
    page = await core.conversations.fetch_page(ConversationId(account_id, "bob"))
    body = page.messages[-1].body
    assert body == "A file from bob was refused: too large."
    assert isinstance(body, Text) and body.args == ("bob", "too large")
    assert not isinstance(page.messages[0].body, Text)  # "hi", as bob wrote it


async def test_open_direct_lets_the_service_name_the_conversation(
    core: Core, fake_server: FakeServer
) -> None:
    account_id = await add_alice(core)
    await connected(core, account_id)
    conv = await core.conversations.open_direct(account_id, "Bob")
    assert conv.id.native_id == "bob" and conv.title == "Bob"
    with pytest.raises(CommandError):
        await core.conversations.open_direct(account_id, "  ")


async def test_removing_an_account_logs_out_first(core: Core, fake_server: FakeServer) -> None:
    account_id = await add_alice(core)
    await connected(core, account_id)
    await core.accounts.remove_account(account_id)
    assert ("logout", ("alice", True)) in fake_server.calls
    # Also when it was not connected: a fresh backend does it.
    fake_server.reachable = False
    second = await add_alice(core)
    await core.accounts.remove_account(second)
    assert ("logout", ("alice", False)) in fake_server.calls


async def test_ban_and_member_refresh_are_refused_in_words_when_unsupported(
    core: Core, fake_server: FakeServer
) -> None:
    account_id = await add_alice(core)
    await connected(core, account_id)
    await core.rooms.join(account_id, "#room")
    outcome = await core.rooms.ban(ConversationId(account_id, "#room"), "mallory")
    assert outcome.failure is not None and "cannot ban" in outcome.failure.message
    assert (await core.rooms.refresh_members(ConversationId(account_id, "#room"))).ok


async def test_activity_gathers_unread_mentions_and_direct_messages_of_every_account(
    core: Core, fake_server: FakeServer
) -> None:
    a1 = await add_alice(core)
    a2 = (await core.accounts.add_account("fake", {"user": "bob"}, {"password": "builder"})).id
    await connected(core, a1)
    await connected(core, a2)
    t0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    fake_server.deliver("alice", "carol", "direct to alice", timestamp=t0)
    fake_server.deliver(
        "bob",
        "#room",
        "hey @bob",
        kind=ConversationKind.GROUP,
        sender="dan",
        mentions_me=True,
        timestamp=t0 + timedelta(minutes=1),
    )
    fake_server.deliver(
        "bob",
        "#room",
        "chatter",
        kind=ConversationKind.GROUP,
        sender="dan",
        timestamp=t0 + timedelta(minutes=2),
    )
    await settle(core)
    found = await core.conversations.activity()
    assert [(m.id.account_id, m.body) for m in found] == [(a2, "hey @bob"), (a1, "direct to alice")]
    await core.conversations.mark_read(ConversationId(a2, "#room"))
    assert [m.body for m in await core.conversations.activity()] == ["direct to alice"]


async def test_disabling_says_the_account_is_disabled_before_its_state(
    core: Core, fake_server: FakeServer
) -> None:
    """A front end toggles by the account's flag: it must never see the "disabled" state while
    the account still reads enabled (a second toggle then disabled it again)."""
    account_id = await add_alice(core)
    await connected(core, account_id)
    rec = Recorder(core)
    await core.accounts.set_account_enabled(account_id, False)
    await settle(core)
    order = [
        "flag"
        if isinstance(e, ev.AccountsChanged)
        and not next(a for a in e.accounts if a.id == account_id).enabled
        else "state"
        for e in rec.events
        if isinstance(e, ev.AccountsChanged)
        or (isinstance(e, ev.ConnectionStateChanged) and e.state is ConnectionState.DISABLED)
    ]
    assert order[:2] == ["flag", "state"]


async def test_a_store_from_before_search_terms_has_them_built_after_start(
    profile: Path, fake_server: FakeServer, secrets: MemorySecretStore
) -> None:
    import sqlite3

    core = make_core(profile, fake_server, secrets)
    await core.start()
    account_id = await add_alice(core)
    assert not core.sessions[account_id].store.terms.building  # a new store: complete already
    path = core.services.ctx.paths.account_store(account_id)
    await core.stop()
    conn = sqlite3.connect(path, isolation_level=None)  # with history from before schema 0009
    conn.execute("INSERT INTO conversations (native_id, kind) VALUES ('bob', 'direct')")
    conn.execute(
        "INSERT INTO messages (conversation, local_id, sender, ts, body)"
        " VALUES (1, 'l1', 'bob', 0, 'from before')"
    )
    conn.execute("INSERT INTO messages_fts(rowid, body) VALUES (1, 'from before')")
    conn.execute("DROP TABLE search_terms")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0009_search_terms'")
    conn.close()
    core = make_core(profile, fake_server, secrets)
    began = time.monotonic()
    await core.start()
    store = core.sessions[account_id].store
    assert store.terms.building and not store.terms.complete()
    await core.stop()  # the build, still waiting for its turn, stops with the store
    assert not store.terms.building
    assert time.monotonic() - began < 8  # it did not wait for the build's 10 s delay


async def test_the_core_says_which_backends_its_enabled_accounts_will_import(
    profile: Path, fake_server: FakeServer, secrets: MemorySecretStore
) -> None:
    """app.priority lets accounts of one service connect while the window is built."""
    from app import priority

    core = make_core(profile, fake_server, secrets)
    await core.start()
    try:
        await add_alice(core)
    finally:
        await core.stop()
    priority.imports_expected(set())
    core = make_core(profile, fake_server, secrets)
    await core.start()
    try:
        assert priority._expected == {"fake"}
    finally:
        await core.stop()
        priority.imports_expected(set())


class CheckedSecrets(MemorySecretStore):
    """Counts how often the core asks whether the keyring is usable (which loads it)."""

    def __init__(self) -> None:
        super().__init__()
        self.checks = 0

    def check(self) -> object:
        self.checks += 1
        return self


async def test_the_keyring_is_not_loaded_when_no_account_has_a_saved_secret(
    tmp_path: Path, fake_server: FakeServer
) -> None:
    """An account that never saved a secret (IRC without a password) starts without the keyring
    being asked (loaded); one with a saved password has it asked at once, as before."""
    for saved in (False, True):
        profile = tmp_path / str(saved)
        first = make_core(profile, fake_server, MemorySecretStore())
        await first.start()
        account_id = await add_alice(first)
        await first.stop()
        if not saved:  # as an account whose service needs no secret has it
            config = profile / "config" / "config.json"
            raw = json.loads(config.read_text())
            raw["accounts"][0]["secret_keys"] = []
            config.write_text(json.dumps(raw))
        secrets = CheckedSecrets()
        again = make_core(profile, fake_server, secrets)
        await again.start()
        try:
            await wait_for(
                lambda c=again, a=account_id: state_of(c, a) is not ConnectionState.OFFLINE
            )
            await settle(again)
            if saved:
                await wait_for(lambda s=secrets: s.checks >= 1)
            else:
                await wait_for(
                    lambda c=again, a=account_id: state_of(c, a) is ConnectionState.FAILED
                )
                assert secrets.checks == 0
        finally:
            await again.stop()
