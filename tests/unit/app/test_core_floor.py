"""The core's commands for people and rooms over the fake service (issue 14): contacts with their
presence, blocking (masks that match everyone refused, blocked room members dropped), rooms
created with options and invitees, room settings, roles, bans and closing, pruning one account,
and a history kept at removal imported again."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

import pytest

from app import events as ev
from app import facts as f
from app.backend import RoomFeature, RoomOptions
from app.core import CommandError, Core
from app.core.services import matches_everyone
from app.formatting import markdown_to_html
from app.models import (
    ConnectionState,
    Contact,
    ContactId,
    ConversationId,
    ConversationKind,
    Member,
    Presence,
    PresenceState,
    Role,
    utc_now,
)
from tests.fakes.core_harness import Recorder, settle, wait_for
from tests.fakes.fake_backend import FakeServer


async def signed_in(core: Core, user: str = "alice", password: str = "wonderland") -> str:
    account = await core.accounts.add_account("fake", {"user": user}, {"password": password})
    await wait_for(lambda: core.sessions[account.id].state.state is ConnectionState.CONNECTED)
    return account.id


@pytest.mark.parametrize(
    ("mask", "everyone"),
    [
        ("*", True),
        ("*!*@*", True),
        ("*@*", True),
        (" *!*@*. ", True),
        ("?", True),
        ("*!*@spam.example", False),
        ("bob!*@*", False),
        ("@bob:example.org", False),
        ("bob@example.org", False),
    ],
)
def test_masks_that_match_everyone(mask: str, everyone: bool) -> None:
    assert matches_everyone(mask) is everyone


def test_composer_markdown_becomes_sanitised_html_only_when_formatted() -> None:
    assert markdown_to_html("plain words") is None
    assert markdown_to_html("") is None
    assert markdown_to_html("**bold** _it_") == "<p><strong>bold</strong> <em>it</em></p>"
    assert markdown_to_html("<script>alert(1)</script>") is None  # typed HTML is text
    assert "javascript" not in (markdown_to_html("[x](javascript:alert(1))") or "")


async def test_contacts_carry_presence_only_while_connected(
    core: Core, fake_server: FakeServer
) -> None:
    account_id = await signed_in(core)
    bob = Contact(ContactId(account_id, "bob"), "Bob", subscription="both")
    fake_server.report("alice", f.ContactsChanged((bob,), complete=True))
    fake_server.report("alice", f.PresenceChanged("bob", Presence(PresenceState.AWAY, "out")))
    rec = Recorder(core)
    fake_server.report("alice", f.PresenceChanged("stranger", Presence(PresenceState.AVAILABLE)))
    await settle(core)
    listed = await core.contacts.list_contacts(account_id)
    assert [(c.name, c.presence) for c in listed] == [("Bob", Presence(PresenceState.AWAY, "out"))]
    stranger = rec.of(ev.ContactsChanged)[-1]
    assert stranger.presence_only and stranger.upserted[0].id.native_id == "stranger"
    await core.accounts.set_account_enabled(account_id, False)
    offline = await core.contacts.list_contacts(account_id)
    assert offline[0].presence.state is PresenceState.UNKNOWN  # stale presence is not shown


async def test_blocking_refuses_everyone_and_lists_the_blocked(
    core: Core, fake_server: FakeServer
) -> None:
    account_id = await signed_in(core)
    with pytest.raises(CommandError, match="would block everyone"):
        await core.contacts.set_blocked(account_id, "*!*@*", True)
    with pytest.raises(CommandError):
        await core.contacts.set_blocked(account_id, "  ", True)
    assert (await core.contacts.set_blocked(account_id, "mallory", True)).ok
    assert [c.id.native_id for c in await core.contacts.blocked(account_id)] == ["mallory"]
    assert not any(c[0] == "block" and c[1][0] == "*!*@*" for c in fake_server.calls)


async def test_a_blocked_room_member_is_dropped_by_their_real_address(
    core: Core, fake_server: FakeServer
) -> None:
    account_id = await signed_in(core)
    conv = ConversationId(account_id, "#room")
    mallory = Member(conv, "mal", contact=ContactId(account_id, "mallory@evil.example"))
    fake_server.report("alice", f.MembersChanged("#room", (mallory,), complete=True))
    fake_server.deliver("alice", "#room", "first", sender="mal", kind=ConversationKind.GROUP)
    await settle(core)
    assert (await core.contacts.set_blocked(account_id, "mallory@evil.example", True)).ok
    fake_server.deliver("alice", "#room", "second", sender="mal", kind=ConversationKind.GROUP)
    fake_server.deliver("alice", "#room", "third", sender="bob", kind=ConversationKind.GROUP)
    await settle(core)
    page = await core.conversations.fetch_page(conv)
    assert [m.body for m in page.messages] == ["first", "third"]


async def test_create_room_with_options_settings_roles_bans_and_close(
    core: Core, fake_server: FakeServer
) -> None:
    account_id = await signed_in(core)
    assert await core.rooms.room_features(account_id) & RoomFeature.KNOCK
    with pytest.raises(CommandError, match="name or an address"):
        await core.rooms.create_room(account_id, options=RoomOptions())
    taken = await core.rooms.create_room(account_id, options=RoomOptions(address="taken"))
    assert taken.failure is not None and "taken" in taken.failure.message
    options = RoomOptions(name="Garden", invite_only=True, encrypted=True, invite=("bob",))
    created = await core.rooms.create_room(account_id, options=options)
    assert created.ok and created.value == "garden"
    conv = ConversationId(account_id, "garden")
    convs = {c.id: c for c in await core.conversations.list_conversations(account_id)}
    assert convs[conv].title == "Garden"

    settings = await core.rooms.room_settings(conv)
    assert settings.options == options and settings.can_close
    changed = RoomOptions(name="Garden club", public=True)
    assert (await core.rooms.configure_room(conv, changed)).ok
    assert (await core.rooms.set_role(conv, " bob ", Role.MODERATOR)).ok
    assert ("set_role", ("garden", "bob", Role.MODERATOR)) in fake_server.calls
    with pytest.raises(CommandError, match="would ban everyone"):
        await core.rooms.ban(conv, "*!*@*")
    assert (await core.rooms.ban(conv, "*!*@spam.example", "spam")).ok
    assert [b.mask for b in await core.rooms.ban_list(conv)] == ["*!*@spam.example"]
    assert (await core.rooms.unban(conv, "*!*@spam.example")).ok
    assert await core.rooms.ban_list(conv) == ()
    assert (await core.rooms.close_room(conv)).ok
    convs = {c.id: c for c in await core.conversations.list_conversations(account_id)}
    assert not convs[conv].joined


async def test_invitees_are_invited_by_the_core_when_the_service_cannot_at_creation(
    core: Core, fake_server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    account_id = await signed_in(core)
    backend_class = type(core.sessions[account_id].backend)
    monkeypatch.setattr(backend_class, "room_features", RoomFeature.NAME)
    outcome = await core.rooms.create_room(
        account_id, options=RoomOptions(name="Club", invite=("bob", "nobody"))
    )
    assert outcome.value == "club"
    assert ("invite", ("club", "bob")) in fake_server.calls
    assert outcome.failure is not None and outcome.failure.message.endswith(": nobody")


async def test_prune_one_account_leaves_the_others(core: Core, fake_server: FakeServer) -> None:
    alice = await signed_in(core)
    bob = await signed_in(core, "bob", "builder")
    old = utc_now() - timedelta(days=400)
    fake_server.deliver("alice", "carol", "old for alice", timestamp=old)
    fake_server.deliver("bob", "carol", "old for bob", timestamp=old)
    await settle(core)
    assert await core.archive.prune_history(30, alice) == 1
    assert (await core.conversations.fetch_page(ConversationId(alice, "carol"))).messages == ()
    kept = await core.conversations.fetch_page(ConversationId(bob, "carol"))
    assert [m.body for m in kept.messages] == ["old for bob"]


async def test_a_kept_history_is_imported_again(
    core: Core, fake_server: FakeServer, profile: Path
) -> None:
    account_id = await signed_in(core)
    for i in range(5):
        fake_server.deliver("alice", "bob", f"نص {i} 你好 👩‍👩‍👧")
    await settle(core)
    await core.accounts.remove_account(account_id, keep_history=True)
    kept = await core.archive.kept_histories()
    assert [(k.protocol_id, k.display_name, k.messages) for k in kept] == [("fake", "alice", 5)]
    assert kept[0].settings == {"user": "alice", "server": "fake.local"}

    restored = await core.archive.import_account(kept[0].path)
    assert not restored.enabled and restored.display_name == "alice"
    assert restored.settings == {"user": "alice", "server": "fake.local"}
    page = await core.conversations.fetch_page(ConversationId(restored.id, "bob"))
    assert [m.body for m in page.messages] == [f"نص {i} 你好 👩‍👩‍👧" for i in range(5)]
    assert not list((profile / "data" / "archive").glob("*.sqlite3"))  # taken out of the archive
    assert await core.archive.kept_histories() == []

    # Kept again, and the copy outside the archive folder stays where it was.
    await core.accounts.remove_account(restored.id, keep_history=True)
    again = (await core.archive.kept_histories())[0].path
    outside = profile / "elsewhere.sqlite3"
    outside.write_bytes(again.read_bytes())
    second = await core.archive.import_account(outside)
    assert outside.exists() and second.id != restored.id


async def test_a_file_that_is_no_history_is_refused_in_words(core: Core, tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(CommandError, match=r"junk\.sqlite3"):
        await core.archive.import_account(junk)
    text = tmp_path / "junk.jsonl"
    text.write_text("{}\n")
    with pytest.raises(CommandError, match="cannot be imported"):
        await core.archive.import_account(text)
    assert core.accounts.list_accounts() == []


def test_composer_markdown_renders_the_same_on_each_thread() -> None:
    """The composer (GUI thread) and /me (core thread) both render: each thread has its own
    converter, made on first use, so neither sees the other's half-converted text."""
    results: list[str | None] = []
    threads = [
        threading.Thread(target=lambda: results.append(markdown_to_html("**b** `c`")))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert results == ["<p><strong>b</strong> <code>c</code></p>"] * 4
