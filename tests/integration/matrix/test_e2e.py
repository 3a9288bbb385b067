"""End-to-end encryption against Synapse, with an independent matrix-nio peer (its own vodozemac
store) as the other person: encrypted DMs both ways, a key that arrives late, trust per message and
per conversation, and broken or replayed ciphertexts."""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator
from pathlib import Path

import nio  # type: ignore[import-untyped]
import pytest
from nio.crypto import decrypt_attachment  # type: ignore[import-untyped]

from app import facts as f
from app.backend import Failure, OutgoingMessage
from app.models import (
    Attachment,
    ConversationId,
    ConversationKind,
    DeviceTrust,
    Trust,
    VerificationState,
)
from backends.matrix.crypto import BROKEN_BODY, WAITING_BODY
from chinwag.testing import wait_until
from tests.integration.matrix.e2e_helpers import CryptoPeer, verified_both_ways
from tests.integration.matrix.helpers import Account, Session, connect
from tests.integration.matrix.synapse import Synapse

pytestmark = pytest.mark.integration


@pytest.fixture
async def cpeer(synapse: Synapse, tmp_path: Path) -> AsyncIterator[CryptoPeer]:
    p = await CryptoPeer.create(synapse, tmp_path / "peer-store")
    try:
        yield p
    finally:
        await p.close()


async def encrypted_dm(
    synapse: Synapse, account: Account, cpeer: CryptoPeer, tmp_path: Path
) -> tuple[Session, str]:
    session = await connect(synapse, account, tmp_path)
    opened = await session.backend.open_direct(cpeer.user_id)
    assert opened.ok and opened.value, opened.failure
    await cpeer.wait_room(opened.value)
    return session, opened.value


def conv(session: Session, room: str) -> ConversationId:
    return ConversationId(session.rec.account_id, room)


async def test_an_encrypted_dm_both_ways(
    synapse: Synapse, account: Account, cpeer: CryptoPeer, tmp_path: Path
) -> None:
    session, room = await encrypted_dm(synapse, account, cpeer, tmp_path)
    try:
        sent = await session.backend.send_message(
            conv(session, room), OutgoingMessage("e2e-1", "the **secret** plan")
        )
        assert sent.ok, sent.failure
        got = await cpeer.wait_text(room, "the **secret** plan")
        assert got.event_id == sent.remote_id and got.decrypted
        # What the server holds is ciphertext only.
        _status, raw = await cpeer.raw(
            "GET", f"/_matrix/client/v3/rooms/{room}/event/{sent.remote_id}"
        )
        assert raw["type"] == "m.room.encrypted" and "secret" not in str(raw["content"])

        await cpeer.say(room, "received, burning it")
        reply = await session.wait_message("received, burning it")
        assert reply.trust is Trust.UNVERIFIED and not reply.outgoing  # nobody verified yet
        echo = await session.wait(
            lambda x: isinstance(x, f.MessageReceived) and x.txn_id == "e2e-1"
        )
        assert echo.outgoing and echo.body == "the **secret** plan"
        assert echo.trust is Trust.VERIFIED  # our own device
        # The room's trust comes once the peer's devices are known, which may be after the
        # messages (CI once read none yet): wait for it, then check every one said so far.
        await session.wait(
            lambda x: (
                isinstance(x, f.ConversationUpdated)
                and x.conversation == room
                and x.trust is not None
            )
        )
        trusts = [
            x.trust
            for x in session.facts(f.ConversationUpdated)
            if x.conversation == room and x.trust is not None
        ]
        assert trusts and set(trusts) == {Trust.UNVERIFIED}  # never "verified" by mistake
        last = [x for x in session.facts(f.ConversationUpdated) if x.conversation == room][-1]
        assert last.kind is ConversationKind.DIRECT
        assert session.secrets.values["e2e_pickle_key"]  # the store's key lives in the keyring
    finally:
        await session.backend.disconnect()


async def test_a_late_key_decrypts_the_message_in_place(
    synapse: Synapse, account: Account, cpeer: CryptoPeer, tmp_path: Path
) -> None:
    session, room = await encrypted_dm(synapse, account, cpeer, tmp_path)
    backend = session.backend
    try:
        event_id, session_id, key = await cpeer.encrypt_without_sharing(room, "sent before the key")
        placeholder = await session.wait(
            lambda x: isinstance(x, f.MessageReceived) and x.remote_id == event_id
        )
        assert placeholder.trust is Trust.UNDECRYPTABLE and placeholder.body == WAITING_BODY
        # We asked our other devices for the key (m.room_key_request, via nio's bookkeeping).
        await wait_until(lambda: session_id in backend._session.client.outgoing_key_requests)

        await cpeer.share_session_key(room, account.user_id, backend.device_id, session_id, key)
        decrypted = await session.wait(
            lambda x: isinstance(x, f.MessageDecrypted) and x.remote_id == event_id, 30
        )
        assert decrypted.body == "sent before the key" and decrypted.conversation == room
        assert decrypted.trust is Trust.UNVERIFIED
        copies = [x for x in session.facts(f.MessageReceived) if x.remote_id == event_id]
        assert len(copies) == 1  # updated in place, never a second message
    finally:
        await backend.disconnect()


async def test_corrupted_and_replayed_events_are_undecryptable_never_a_crash(
    synapse: Synapse, account: Account, cpeer: CryptoPeer, tmp_path: Path
) -> None:
    session, room = await encrypted_dm(synapse, account, cpeer, tmp_path)
    backend = session.backend
    try:
        original = await cpeer.say(room, "only once")
        await session.wait_message("only once")
        _status, raw = await cpeer.raw("GET", f"/_matrix/client/v3/rooms/{room}/event/{original}")
        replayed = await cpeer.send_raw_event(room, "m.room.encrypted", raw["content"])
        corrupted_content = copy.deepcopy(raw["content"])
        corrupted_content["ciphertext"] = "AwgAEnA" + corrupted_content["ciphertext"][7:][::-1]
        corrupted = await cpeer.send_raw_event(room, "m.room.encrypted", corrupted_content)
        malformed = await cpeer.send_raw_event(
            room, "m.room.encrypted", {"algorithm": "m.megolm.v1.aes-sha2", "ciphertext": 5}
        )
        unknown = await cpeer.send_raw_event(
            room, "m.room.encrypted", {"algorithm": "org.example.rot13", "ciphertext": "uryyb"}
        )
        for event_id in (replayed, corrupted, malformed, unknown):
            shown = await session.wait(
                lambda x, e=event_id: isinstance(x, f.MessageReceived) and x.remote_id == e
            )
            assert shown.trust is Trust.UNDECRYPTABLE, event_id
            assert shown.body == BROKEN_BODY, event_id
        # The session is still alive and decrypting.
        await cpeer.say(room, "still here")
        after = await session.wait_message("still here")
        assert after.trust is Trust.UNVERIFIED
        assert not [x for x in session.facts(f.ConnectionLost)]
    finally:
        await backend.disconnect()


async def test_a_restart_keeps_old_and_new_messages_readable(
    synapse: Synapse, account: Account, cpeer: CryptoPeer, tmp_path: Path
) -> None:
    session, room = await encrypted_dm(synapse, account, cpeer, tmp_path)
    first = session.backend
    await cpeer.say(room, "before the restart")
    old = await session.wait_message("before the restart")
    # A later message arrives in a later sync, so the since-token is past "before the restart" by
    # then: the restart must find it by backfill, not by a replay of the same sync.
    await cpeer.say(room, "marker")
    await session.wait_message("marker")
    device = first.device_id
    await first.disconnect()

    store = tmp_path / "data" / "nio-store"
    db = next(store.glob("*.db"))
    assert b"before the restart" not in db.read_bytes()  # no plaintext in the key store

    again = await connect(synapse, account, tmp_path, secrets=session.secrets, state=session.state)
    try:
        assert again.backend.device_id == device  # same device, same keys
        await cpeer.say(room, "after the restart")
        new = await again.wait_message("after the restart")
        assert new.trust is Trust.UNVERIFIED
        # Old history is still readable: backfill decrypts with the stored Megolm session.
        outcome = await again.backend.fetch_history(conv(again, room), None, 50)
        assert outcome.ok, outcome.failure
        backfilled = [
            x for x in again.facts(f.MessageReceived) if x.remote_id == old.remote_id and x.history
        ]
        assert backfilled, [
            (x.body, x.history, x.remote_id == old.remote_id)
            for x in again.facts(f.MessageReceived)
        ]
        assert backfilled[0].body == "before the restart"
        assert backfilled[0].trust is Trust.UNVERIFIED
    finally:
        await again.backend.disconnect()


async def test_a_lost_pickle_key_starts_a_new_device_instead_of_failing(
    synapse: Synapse, account: Account, tmp_path: Path
) -> None:
    session = await connect(synapse, account, tmp_path)
    device = session.backend.device_id
    await session.backend.disconnect()
    session.secrets.values["e2e_pickle_key"] = "not the key the store was written with"
    again = await connect(synapse, account, tmp_path, secrets=session.secrets, state=session.state)
    try:
        assert again.backend.device_id != device
        store = tmp_path / "data" / "nio-store"
        assert list(store.glob("*.unreadable-*")), "the old store is kept aside, not deleted"
        assert again.backend.capabilities() & again.backend.capabilities().ENCRYPTION
    finally:
        await again.backend.disconnect()


async def test_sas_verification_we_start(
    synapse: Synapse, account: Account, cpeer: CryptoPeer, tmp_path: Path
) -> None:
    session, room = await encrypted_dm(synapse, account, cpeer, tmp_path)
    backend = session.backend
    try:
        await cpeer.say(room, "hello")  # the peer now knows our device, we know theirs
        await session.wait_message("hello")
        await cpeer.device_of(account.user_id, backend.device_id)
        before = await backend.devices(cpeer.user_id)
        assert not isinstance(before, Failure)
        assert [d.trust for d in before] == [DeviceTrust.UNVERIFIED]
        assert (
            before[0].fingerprint.replace(" ", "")
            == cpeer.client.olm.account.identity_keys["ed25519"]
        )
        started = await backend.start_verification(cpeer.user_id, cpeer.device_id)
        assert started.ok and started.value, started.failure
        sas = await cpeer.wait_sas(lambda s: s.transaction_id == started.value)
        assert not sas.we_started_it
        resp = await cpeer.client.accept_key_verification(started.value)
        assert not isinstance(resp, nio.ToDeviceError), resp
        await verified_both_ways(session, cpeer, started.value, room)
    finally:
        await backend.disconnect()


async def test_sas_verification_the_peer_starts(
    synapse: Synapse, account: Account, cpeer: CryptoPeer, tmp_path: Path
) -> None:
    session, room = await encrypted_dm(synapse, account, cpeer, tmp_path)
    backend = session.backend
    try:
        await cpeer.say(room, "hello")
        await session.wait_message("hello")
        ours = await cpeer.device_of(account.user_id, backend.device_id)
        resp = await cpeer.client.start_key_verification(ours)
        assert not isinstance(resp, nio.ToDeviceError), resp
        incoming = await session.wait(
            lambda x: isinstance(x, f.VerificationChanged) and x.verification.incoming
        )
        flow = incoming.verification
        assert flow.state is VerificationState.REQUESTED
        assert (flow.contact, flow.device_id) == (cpeer.user_id, cpeer.device_id)
        accepted = await backend.accept_verification(flow.id)
        assert accepted.ok, accepted.failure
        await verified_both_ways(session, cpeer, flow.id, room)
    finally:
        await backend.disconnect()


async def test_a_mismatch_cancels_on_both_sides(
    synapse: Synapse, account: Account, cpeer: CryptoPeer, tmp_path: Path
) -> None:
    session, room = await encrypted_dm(synapse, account, cpeer, tmp_path)
    backend = session.backend
    try:
        await cpeer.say(room, "hello")
        await session.wait_message("hello")
        await cpeer.device_of(account.user_id, backend.device_id)
        started = await backend.start_verification(cpeer.user_id)  # a request to all devices
        assert started.ok and started.value, started.failure
        request = await wait_until(
            lambda: next(
                (
                    e
                    for e in cpeer.to_device
                    if getattr(e, "source", {}).get("type") == "m.key.verification.request"
                ),
                None,
            ),
            what="the request reached the peer",
        )
        assert request.source["content"]["transaction_id"] == started.value
        await cpeer.send_to_device(
            "m.key.verification.cancel",
            account.user_id,
            backend.device_id,
            {"transaction_id": started.value, "code": "m.user", "reason": "Not now"},
        )
        cancelled = await session.wait(
            lambda x: (
                isinstance(x, f.VerificationChanged)
                and x.verification.state is VerificationState.CANCELLED
            )
        )
        assert cancelled.verification.reason == "Not now"
        devices = await backend.devices(cpeer.user_id)
        assert not isinstance(devices, Failure) and devices[0].trust is DeviceTrust.UNVERIFIED
    finally:
        await backend.disconnect()


async def test_files_in_an_encrypted_dm_are_encrypted_both_ways(
    synapse: Synapse, account: Account, cpeer: CryptoPeer, tmp_path: Path
) -> None:
    session, room = await encrypted_dm(synapse, account, cpeer, tmp_path)
    backend = session.backend
    try:
        source = tmp_path / "plan.txt"
        source.write_bytes(b"the secret plan\n" * 1000)
        uploaded = await backend.upload(conv(session, room), source, lambda _d, _t: None)
        assert uploaded.ok and uploaded.value and "#e2e=" in uploaded.value
        attachment = Attachment(url=uploaded.value, filename="plan.txt", mime_type="text/plain")
        sent = await backend.send_message(
            conv(session, room), OutgoingMessage("file-1", "plan.txt", attachments=(attachment,))
        )
        assert sent.ok, sent.failure
        got = await wait_until(
            lambda: next(
                (e for r, e in cpeer.file_events if r == room and e.event_id == sent.remote_id),
                None,
            ),
            what="the peer got the file",
        )
        mxc = got.url
        status, stored = await cpeer.raw_media(mxc)
        assert status == 200 and b"secret plan" not in stored  # the server holds ciphertext
        plain = decrypt_attachment(stored, got.key["k"], got.hashes["sha256"], got.iv)
        assert plain == source.read_bytes()

        data = b"their photo bytes" * 500
        event_id = await cpeer.send_file(room, "photo.bin", data)
        message = await session.wait(
            lambda x: isinstance(x, f.MessageReceived) and x.remote_id == event_id
        )
        assert message.trust is Trust.UNVERIFIED and message.attachments
        incoming = message.attachments[0]
        assert "#e2e=" in incoming.url and incoming.filename == "photo.bin"
        dest = tmp_path / "in" / "photo.bin"
        downloaded = await backend.download(incoming.url, dest)
        assert downloaded.ok, downloaded.failure
        assert dest.read_bytes() == data and not list(dest.parent.glob("*.enc"))
        damaged = incoming.url[:-8] + "AAAAAAAA"
        broken = await backend.download(damaged, tmp_path / "in" / "broken.bin")
        assert broken.failure is not None
        assert not (tmp_path / "in" / "broken.bin").exists()
    finally:
        await backend.disconnect()
