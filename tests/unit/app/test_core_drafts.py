"""``core.drafts``: a conversation's unsent text kept in its store, published, found again after a
restart; what it answers found while it is still there; a store that cannot write says so."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app import events as ev
from app.core import CommandError, Core
from app.models import ConnectionState, ConversationId, Draft, DraftMode
from chinwag.testing import MemorySecretStore
from tests.fakes.core_harness import make_core, wait_for
from tests.fakes.fake_backend import FakeServer


async def _rooms(core: Core) -> tuple[ConversationId, ConversationId]:
    account = await core.accounts.add_account("fake", {"user": "alice"}, {"password": "wonderland"})
    await wait_for(lambda: core.sessions[account.id].state.state is ConnectionState.CONNECTED)
    for name in ("#a", "#b"):
        assert (await core.rooms.join(account.id, name)).ok
    await core.sessions[account.id].flushed()
    return ConversationId(account.id, "#a"), ConversationId(account.id, "#b")


async def test_a_draft_is_kept_published_and_found_after_a_restart(
    profile: Path, fake_server: FakeServer, secrets: MemorySecretStore
) -> None:
    core = make_core(profile, fake_server, secrets)
    await core.start()
    a, b = await _rooms(core)
    seen: list[ev.ConversationsChanged] = []
    core.bus.subscribe(ev.ConversationsChanged, seen.append)
    saved = await core.drafts.save(a, Draft("not finished"))
    assert saved is not None and saved.draft == Draft("not finished")
    assert [c.draft for e in seen for c in e.conversations] == [Draft("not finished")]
    # The same draft again writes and tells nothing.
    await core.drafts.save(a, Draft("not finished"))
    assert len(seen) == 1
    await core.stop()

    core = make_core(profile, fake_server, secrets)
    await core.start()
    convs = {c.id: c for c in await core.conversations.list_conversations()}
    assert convs[a].draft == Draft("not finished")
    assert convs[b].draft is None
    # Blank new text is no draft.
    cleared = await core.drafts.save(a, Draft("  \n"))
    assert cleared is not None and cleared.draft is None
    await core.stop()


async def test_reply_and_edit_targets(core: Core, fake_server: FakeServer) -> None:
    a, b = await _rooms(core)
    sent = await core.messaging.send_message(a, "the one answered")
    reply = Draft("quite so", DraftMode.REPLY, sent.native_id)
    found = await core.drafts.target(a, reply)
    assert found is not None and found.id == sent and found.body == "the one answered"
    # Not in that conversation, gone, or no target: nothing.
    assert await core.drafts.target(b, reply) is None
    assert await core.drafts.target(a, Draft("x", DraftMode.EDIT, "no-such-id")) is None
    assert await core.drafts.target(a, Draft("x", DraftMode.NEW, sent.native_id)) is None
    # A reply with no text yet is still a draft (the reply is what was started).
    kept = await core.drafts.save(a, Draft("", DraftMode.REPLY, sent.native_id))
    assert kept is not None and kept.draft == Draft("", DraftMode.REPLY, sent.native_id)


async def test_a_conversation_or_account_that_is_gone_keeps_nothing(core: Core) -> None:
    a, _ = await _rooms(core)
    gone = ConversationId(a.account_id, "#never-joined")
    assert await core.drafts.save(gone, Draft("lost in space")) is None
    assert await core.drafts.save(ConversationId("removed-account", "#a"), Draft("x")) is None


async def test_a_store_that_cannot_write_says_so_and_keeps_the_old_draft(
    core: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, _ = await _rooms(core)
    await core.drafts.save(a, Draft("first"))
    store = core.sessions[a.account_id].store

    def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "update_conversation", full)
    with pytest.raises(CommandError):
        await core.drafts.save(a, Draft("second"))
    monkeypatch.undo()
    conv = store.conversation(a.native_id)
    assert conv is not None and conv.draft == Draft("first")
