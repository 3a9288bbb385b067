"""Encryption inside a real :class:`app.core.Core`: a restart of the whole app keeps the encrypted
history readable, and a late key updates the stored message in place (against Synapse)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from app.models import Trust
from backends.matrix.crypto import WAITING_BODY
from chinwag.testing import MemorySecretStore, wait_until
from tests.integration.matrix.e2e_helpers import CryptoPeer
from tests.integration.matrix.helpers import Account, Peer, group_with
from tests.integration.matrix.synapse import Synapse
from tests.integration.matrix.test_core import add_account, restart

pytestmark = pytest.mark.integration


@pytest.fixture
async def cpeer(synapse: Synapse, tmp_path: Path) -> AsyncIterator[CryptoPeer]:
    p = await CryptoPeer.create(synapse, tmp_path / "peer-store")
    try:
        yield p
    finally:
        await p.close()


async def test_a_restarted_core_keeps_encrypted_history_readable(
    synapse: Synapse, account: Account, cpeer: CryptoPeer, tmp_path: Path
) -> None:
    profile, secrets = tmp_path / "profile", MemorySecretStore()
    run = await add_account(profile, secrets, account, synapse.base_url)
    try:
        await run.connected()
        conv = await run.core.conversations.open_direct(run.account_id, cpeer.user_id)
        room = conv.id.native_id
        assert room.startswith("!")
        await cpeer.wait_room(room)
        await run.core.messaging.send_message(conv.id, "ours, encrypted")
        await cpeer.wait_text(room, "ours, encrypted")
        await cpeer.say(room, "theirs, encrypted")
        theirs = await run.wait_message(room, "theirs, encrypted")
        assert theirs.trust is Trust.UNVERIFIED
        details = next(
            c for c in await run.core.conversations.list_conversations() if c.id.native_id == room
        )
        assert details.encrypted

        # A key that comes late: the stored placeholder becomes the message, in place.
        event_id, session_id, key = await cpeer.encrypt_without_sharing(room, "late but readable")
        placeholder = await run.wait_message(room, WAITING_BODY)
        assert placeholder.trust is Trust.UNDECRYPTABLE and placeholder.remote_id == event_id
        backend = run.backend
        await cpeer.share_session_key(room, account.user_id, backend.device_id, session_id, key)
        updated = await run.wait_message(room, "late but readable", timeout=30)
        assert updated.local_id == placeholder.local_id and updated.trust is Trust.UNVERIFIED
        assert WAITING_BODY not in [m.body for m in await run.messages(room)]
    finally:
        await run.core.stop()

    await cpeer.say(room, "while Chinwag was closed")
    again = await restart(profile, secrets, run.account_id)
    try:
        await again.connected()
        during = await again.wait_message(room, "while Chinwag was closed")
        assert during.trust is Trust.UNVERIFIED
        await cpeer.say(room, "after the restart")
        await again.wait_message(room, "after the restart")
        bodies = [m.body for m in await again.messages(room)]
        for text in ("ours, encrypted", "theirs, encrypted", "late but readable"):
            assert bodies.count(text) == 1, text
        assert WAITING_BODY not in bodies
        # Sending still works after the restart, and the peer can read it.
        await again.core.messaging.send_message(again.conv(room), "still encrypted")
        await cpeer.wait_text(room, "still encrypted")
        stored = await again.wait_message(room, "still encrypted")
        await wait_until(
            lambda: again.wait_message(room, "still encrypted"),
            check=lambda m: bool(m.remote_id),
            what="'still encrypted' confirmed",
        )
        assert stored.outgoing
        assert secrets.values.get((run.account_id, "e2e_pickle_key"))
    finally:
        await again.core.stop()


async def test_our_messages_are_stored_and_exported_as_they_left(
    synapse: Synapse, account: Account, cpeer: CryptoPeer, peer: Peer, tmp_path: Path
) -> None:
    group = await group_with(synapse, account, peer)  # a plain room, known from the first sync
    profile, secrets = tmp_path / "profile", MemorySecretStore()
    run = await add_account(profile, secrets, account, synapse.base_url)
    try:
        await run.connected()
        dm = await run.core.conversations.open_direct(run.account_id, cpeer.user_id)
        room = dm.id.native_id
        await cpeer.wait_room(room)
        await run.core.messaging.send_message(dm.id, "ours, encrypted")
        await run.core.messaging.send_message(run.conv(group), "ours, in the clear")
        await cpeer.wait_text(room, "ours, encrypted")
        await peer.wait_text(group, "ours, in the clear")
        encrypted = await wait_until(
            lambda: run.wait_message(room, "ours, encrypted"),
            check=lambda m: bool(m.remote_id) and m.trust is not Trust.NONE,
            what="our encrypted message confirmed with its trust",
        )
        plain = await wait_until(
            lambda: run.wait_message(group, "ours, in the clear"),
            check=lambda m: bool(m.remote_id),
            what="our plain message confirmed",
        )
        # Encrypted to the peer's one device, which nobody verified: "encrypted", not "verified".
        assert encrypted.outgoing and encrypted.trust is Trust.UNVERIFIED
        assert plain.trust is Trust.NONE
        out = tmp_path / "export.jsonl"
        await run.core.archive.export_account(run.account_id, out)
        records = [json.loads(line) for line in out.read_text().splitlines()]
        exported = {r.get("body"): r.get("trust") for r in records if r.get("type") == "message"}
        assert exported["ours, encrypted"] == "unverified"  # encrypted, not "unencrypted" any more
        assert exported["ours, in the clear"] is None  # said only when it holds
    finally:
        await run.core.stop()


async def test_a_key_that_comes_after_a_restart_still_decrypts_in_place(
    synapse: Synapse, account: Account, cpeer: CryptoPeer, tmp_path: Path
) -> None:
    """What waits for a key is kept across restarts: the key arriving while the app was closed
    (or at a crash, before the sync position moved) still turns the placeholder into the text."""
    profile, secrets = tmp_path / "profile", MemorySecretStore()
    run = await add_account(profile, secrets, account, synapse.base_url)
    try:
        await run.connected()
        conv = await run.core.conversations.open_direct(run.account_id, cpeer.user_id)
        room = conv.id.native_id
        await cpeer.wait_room(room)
        event_id, session_id, key = await cpeer.encrypt_without_sharing(room, "after a restart")
        placeholder = await run.wait_message(room, WAITING_BODY)
        assert placeholder.remote_id == event_id
        # A later answer comes only after the position (and what waits) past this one is saved.
        await cpeer.say(room, "position saved")
        await run.wait_message(room, "position saved")
        device = run.backend.device_id
    finally:
        await run.core.stop()

    await cpeer.share_session_key(room, account.user_id, device, session_id, key)
    again = await restart(profile, secrets, run.account_id)
    try:
        await again.connected()
        updated = await again.wait_message(room, "after a restart", timeout=30)
        assert updated.local_id == placeholder.local_id and updated.trust is Trust.UNVERIFIED
        assert WAITING_BODY not in [m.body for m in await again.messages(room)]
    finally:
        await again.core.stop()
