"""Trust words that hold (issue 13), against Synapse: a person with no encryption devices, an
unverified device, a device added later (while we run, and while we were away), and a message sent
in the clear into an encrypted room — each reported as what it is, never as "all verified"."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import nio  # type: ignore[import-untyped]
import pytest

from app import facts as f
from app.models import ConversationId, Trust
from chinwag.testing import wait_until
from tests.integration.matrix.e2e_helpers import CryptoPeer, verified_both_ways
from tests.integration.matrix.helpers import Account, Peer, Session, connect, q
from tests.integration.matrix.synapse import Synapse

pytestmark = pytest.mark.integration


@pytest.fixture
async def cpeer(synapse: Synapse, tmp_path: Path) -> AsyncIterator[CryptoPeer]:
    p = await CryptoPeer.create(synapse, tmp_path / "peer-store")
    try:
        yield p
    finally:
        await p.close()


def trusts(session: Session, room: str) -> list[Trust]:
    return [
        x.trust
        for x in session.facts(f.ConversationUpdated)
        if x.conversation == room and x.trust is not None
    ]


async def send_plain(peer: Peer | CryptoPeer, room: str, text: str) -> str:
    """A message sent without encryption, whatever the room says (a careless or hostile client)."""
    status, body = await peer.raw(
        "PUT",
        f"/_matrix/client/v3/rooms/{q(room)}/send/m.room.message/{uuid.uuid4().hex}",
        {"msgtype": "m.text", "body": text},
    )
    assert status == 200, body
    return str(body["event_id"])


async def test_a_person_without_encryption_is_never_all_verified(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    session = await connect(synapse, account, tmp_path)
    backend = session.backend
    try:
        opened = await backend.open_direct(peer.user_id)  # encrypted, as every new DM
        assert opened.ok and opened.value, opened.failure
        room = opened.value
        await peer.join(room)
        event_id = await send_plain(peer, room, "plain words in an encrypted room")
        message = await session.wait_message("plain words in an encrypted room")
        assert message.remote_id == event_id and message.trust is Trust.PLAINTEXT
        # The peer has no device at all: their (empty) list is asked for and answered.
        devices = await backend.devices(peer.user_id)
        assert devices == ()
        # Each answer's trust is settled before the next answer is reported: two more rounds.
        for text in ("one more", "and another"):
            await peer.say(room, text)
            await session.wait_message(text)
        assert trusts(session, room) and Trust.VERIFIED not in trusts(session, room)
        assert trusts(session, room)[-1] is Trust.UNVERIFIED
    finally:
        await backend.disconnect()


async def test_an_unverified_device_then_verified_then_a_device_added_later(
    synapse: Synapse, account: Account, cpeer: CryptoPeer, tmp_path: Path
) -> None:
    session = await connect(synapse, account, tmp_path)
    backend = session.backend
    second: CryptoPeer | None = None
    try:
        opened = await backend.open_direct(cpeer.user_id)
        assert opened.ok and opened.value, opened.failure
        room = opened.value
        await cpeer.wait_room(room)
        await cpeer.say(room, "hello")
        hello = await session.wait_message("hello")
        assert hello.trust is Trust.UNVERIFIED
        # The room's trust is reported on its own, possibly after the message.
        await wait_until(lambda: bool(trusts(session, room)), 60, what="the room's trust")
        assert trusts(session, room)[-1] is Trust.UNVERIFIED
        await cpeer.device_of(account.user_id, backend.device_id)
        started = await backend.start_verification(cpeer.user_id, cpeer.device_id)
        assert started.ok and started.value, started.failure
        await cpeer.wait_sas(lambda s: s.transaction_id == started.value)
        resp = await cpeer.client.accept_key_verification(started.value)
        assert not isinstance(resp, nio.ToDeviceError), resp
        await verified_both_ways(session, cpeer, started.value, room)
        assert trusts(session, room)[-1] is Trust.VERIFIED
        seen = len(session.rec.facts)

        # The same person signs in on a new phone: nobody verified that one.
        second = await CryptoPeer.create(synapse, tmp_path / "phone", user_id=cpeer.user_id)

        def after() -> list[Trust]:
            return [
                x.trust
                for x in session.rec.facts[seen:]
                if isinstance(x, f.ConversationUpdated) and x.conversation == room and x.trust
            ]

        await wait_until(lambda: bool(after()), 30, what="the trust re-checked")
        assert after()[0] is Trust.UNVERIFIED and Trust.VERIFIED not in after()
    finally:
        if second is not None:
            await second.close()
        await backend.disconnect()


async def test_a_device_added_while_we_were_away_shows_after_the_restart(
    synapse: Synapse, account: Account, cpeer: CryptoPeer, tmp_path: Path
) -> None:
    session = await connect(synapse, account, tmp_path)
    backend = session.backend
    opened = await backend.open_direct(cpeer.user_id)
    assert opened.ok and opened.value, opened.failure
    room = opened.value
    second: CryptoPeer | None = None
    try:
        await cpeer.wait_room(room)
        await cpeer.say(room, "hello")
        await session.wait_message("hello")
        await cpeer.device_of(account.user_id, backend.device_id)
        started = await backend.start_verification(cpeer.user_id, cpeer.device_id)
        assert started.ok and started.value, started.failure
        await cpeer.wait_sas(lambda s: s.transaction_id == started.value)
        await cpeer.client.accept_key_verification(started.value)
        await verified_both_ways(session, cpeer, started.value, room)
        # A later answer is reported only once the position past the last one was saved: the
        # restarted sync has little or nothing to say about this room (no membership: lazy
        # loading), so its members must be looked up for the trust to be computed at all.
        await cpeer.say(room, "position saved")
        await session.wait_message("position saved")
    finally:
        await backend.disconnect()
    try:
        second = await CryptoPeer.create(synapse, tmp_path / "phone", user_id=cpeer.user_id)
        again = await connect(
            synapse, account, tmp_path, secrets=session.secrets, state=session.state
        )
        try:
            await again.wait(
                lambda x: (
                    isinstance(x, f.ConversationUpdated)
                    and x.conversation == room
                    and x.trust is Trust.UNVERIFIED
                ),
                timeout=30,
            )
            assert Trust.VERIFIED not in trusts(again, room)
        finally:
            await again.backend.disconnect()
    finally:
        if second is not None:
            await second.close()


async def test_a_plain_message_in_an_encrypted_room_is_marked_live_and_in_history(
    synapse: Synapse, account: Account, cpeer: CryptoPeer, tmp_path: Path
) -> None:
    session = await connect(synapse, account, tmp_path)
    backend = session.backend
    opened = await backend.open_direct(cpeer.user_id)
    assert opened.ok and opened.value, opened.failure
    room = opened.value
    try:
        await cpeer.wait_room(room)
        await cpeer.say(room, "encrypted words")
        encrypted = await session.wait_message("encrypted words")
        plain_id = await send_plain(cpeer, room, "words in the clear")
        plain = await session.wait_message("words in the clear")
        assert encrypted.trust is Trust.UNVERIFIED
        assert (plain.remote_id, plain.trust) == (plain_id, Trust.PLAINTEXT)
        await cpeer.say(room, "position saved")
        await session.wait_message("position saved")
    finally:
        await backend.disconnect()

    # A restart: the room's state is not repeated, history comes from /messages.
    again = await connect(synapse, account, tmp_path, secrets=session.secrets, state=session.state)
    try:
        outcome = await again.backend.fetch_history(
            ConversationId(again.rec.account_id, room), None, 50
        )
        assert outcome.ok, outcome.failure
        by_id: dict[Any, Trust] = {
            x.remote_id: x.trust for x in again.facts(f.MessageReceived) if x.history
        }
        assert by_id[plain_id] is Trust.PLAINTEXT
        assert by_id[encrypted.remote_id] is Trust.UNVERIFIED
    finally:
        await again.backend.disconnect()
