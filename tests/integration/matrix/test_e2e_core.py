"""Encryption inside a real :class:`app.core.Core`: a restart of the whole app keeps the encrypted
history readable, and a late key updates the stored message in place (against Synapse)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from app.models import Trust
from backends.matrix.crypto import WAITING_BODY
from tests.fakes.memory_secrets import MemorySecrets
from tests.integration.matrix.e2e_helpers import CryptoPeer
from tests.integration.matrix.helpers import Account
from tests.integration.matrix.synapse import Synapse
from tests.integration.matrix.test_core import add_account, restart, wait_until_async

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
    profile, secrets = tmp_path / "profile", MemorySecrets()
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
        await wait_until_async(
            lambda: again.wait_message(room, "still encrypted"), lambda m: bool(m.remote_id)
        )
        assert stored.outgoing
        assert secrets.values.get((run.account_id, "e2e_pickle_key"))
    finally:
        await again.core.stop()
