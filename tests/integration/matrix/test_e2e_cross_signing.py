"""Cross-signing and key backup against Synapse.

Cross-signing needs a peer that can cross-sign, which matrix-nio cannot: the other person (and our
own second device) are further Chinwag backends, each with its own keyring and encryption store.
What the server holds is always checked with a raw ``/keys/query`` or ``/room_keys`` request, so
the tests see what really crossed Synapse.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Awaitable
from pathlib import Path
from typing import Any

import pytest

from app import facts as f
from app.backend import Failure, FailureKind, OutgoingMessage
from app.models import ConversationId, DeviceTrust, Trust
from backends.matrix import crosssign as xs
from backends.matrix import keybackup as kb
from backends.matrix.crypto import WAITING_BODY
from chinwag.testing import wait_until
from tests.integration.matrix.e2e_helpers import CryptoPeer, sas
from tests.integration.matrix.helpers import (
    PASSWORD,
    Account,
    Session,
    connect,
    new_account,
)
from tests.integration.matrix.synapse import Synapse

pytestmark = pytest.mark.integration

V3 = "/_matrix/client/v3"


@pytest.fixture
async def cpeer(synapse: Synapse, tmp_path: Path) -> AsyncIterator[CryptoPeer]:
    p = await CryptoPeer.create(synapse, tmp_path / "peer-store")
    try:
        yield p
    finally:
        await p.close()


async def signed_in(synapse: Synapse, account: Account, folder: Path, **kwargs: Any) -> Session:
    """A connected backend whose cross-signing step has run."""
    session = await connect(synapse, account, folder, **kwargs)
    await asyncio.wait_for(session.backend.cross_signing_checked.wait(), 30)
    return session


async def keys_query(session: Session, *users: str) -> dict[str, Any]:
    """A raw ``/keys/query`` with the session's own token (no extra device is made)."""
    http = session.backend._session.http
    assert http is not None
    reply = await http.request(
        "POST", f"{V3}/keys/query", body={"device_keys": {u: [] for u in users}}
    )
    assert reply.ok, reply.body
    return reply.body


async def identity(session: Session, user_id: str) -> xs.Identity:
    return xs.parse_identity(await keys_query(session, user_id), user_id)


async def trust_of(session: Session, user_id: str, device_id: str) -> DeviceTrust | None:
    devices = await session.backend.devices(user_id)
    assert not isinstance(devices, Failure), devices
    return next((d.trust for d in devices if d.device_id == device_id), None)


async def disconnect(*sessions: Session) -> None:
    for session in sessions:
        await session.backend.disconnect()


# -- (a) bootstrap -----------------------------------------------------------------------------


async def test_bootstrap_uploads_keys_and_self_signs_this_device(
    synapse: Synapse, account: Account, tmp_path: Path
) -> None:
    session = await signed_in(synapse, account, tmp_path / "one")
    backend = session.backend
    try:
        me = account.user_id
        body = await keys_query(session, me)
        ours = xs.parse_identity(body, me)
        assert ours.master and ours.self_signing and ours.user_signing
        assert (backend.device_id, backend._encryption.parts.e2e.ed25519) in ours.signed_devices
        # The master key is also signed by this device (spec: optional, helps other clients).
        assert xs.verify_signature(
            body["master_keys"][me], me, backend._encryption.parts.e2e.ed25519, backend.device_id
        )
        # The private keys live in the keyring only, and match what the server has.
        stored = {
            usage: xs.SigningKey.from_secret(session.secrets.values.get(name))
            for usage, name in xs.SECRET_KEYS.items()
        }
        publics = {xs.MASTER: ours.master, xs.SELF_SIGNING: ours.self_signing}
        publics[xs.USER_SIGNING] = ours.user_signing
        for usage, key in stored.items():
            assert key is not None and key.public == publics[usage], usage
        secrets = [session.secrets.values[name].encode() for name in xs.SECRET_KEYS.values()]
        for path in (tmp_path / "one").rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                assert not any(s in data for s in secrets), path
        # Our own device counts as verified; our own identity is trusted.
        assert backend._encryption.parts.cross.own_master() == ours.master
    finally:
        await backend.disconnect()

    # A restart keeps the same identity: nothing is uploaded again.
    again = await signed_in(
        synapse, account, tmp_path / "one", secrets=session.secrets, state=session.state
    )
    # Another device of the account, without the private keys, never replaces them.
    other = await signed_in(synapse, account, tmp_path / "two")
    try:
        after = await identity(other, account.user_id)
        assert after.master == ours.master and after.self_signing == ours.self_signing
        assert (
            again.backend.device_id,
            again.backend._encryption.parts.e2e.ed25519,
        ) in after.signed_devices
        assert (
            other.backend.device_id,
            other.backend._encryption.parts.e2e.ed25519,
        ) not in after.signed_devices
        assert not any(name in other.secrets.values for name in xs.SECRET_KEYS.values())
        assert (
            other.backend._encryption.parts.cross.own_master() is None
        )  # not trusted until verified
    finally:
        await disconnect(again, other)


# -- (b) trust through cross-signing -------------------------------------------------------------


async def test_verifying_a_person_trusts_the_devices_they_signed(
    synapse: Synapse, account: Account, tmp_path: Path
) -> None:
    bob = await new_account(synapse, "bob")
    alice = await signed_in(synapse, account, tmp_path / "alice")
    bob1 = await signed_in(synapse, bob, tmp_path / "bob1")
    sessions = [alice, bob1]
    try:
        me, them = account.user_id, bob.user_id
        opened = await alice.backend.open_direct(them)
        assert opened.ok and opened.value, opened.failure
        room = opened.value
        await bob1.wait(lambda x: isinstance(x, f.InviteReceived) and x.conversation == room)
        joined = await bob1.backend.answer_invite(ConversationId(bob1.rec.account_id, room), True)
        assert joined.ok, joined.failure
        assert await trust_of(alice, them, bob1.backend.device_id) is DeviceTrust.UNVERIFIED

        await sas(alice, bob1, them, bob1.backend.device_id)

        # Alice's user-signing key signed Bob's master key on the server (and the other way).
        async def signed_master(session: Session, signer: str, user_id: str) -> bool:
            usk = (await identity(session, signer)).user_signing
            master = (await identity(session, user_id)).master_key
            return xs.verify_signature(master, signer, usk)

        await wait_until(lambda: signed_master(alice, me, them), what="alice signs bob")
        await wait_until(lambda: signed_master(bob1, them, me), what="bob signs alice")
        assert await trust_of(alice, them, bob1.backend.device_id) is DeviceTrust.VERIFIED

        # Bob signs in on a second device, which is not trusted by anybody yet …
        bob2 = await signed_in(synapse, bob, tmp_path / "bob2")
        sessions.append(bob2)
        new_device = bob2.backend.device_id
        await wait_until(
            lambda: trust_of(alice, them, new_device), what="alice sees bob's new device"
        )
        assert await trust_of(alice, them, new_device) is DeviceTrust.UNVERIFIED
        await alice.wait(
            lambda x: (
                isinstance(x, f.ConversationUpdated)
                and x.conversation == room
                and x.trust is Trust.UNVERIFIED
            )
        )
        # … until Bob verifies it from his first device, which signs it with his self-signing key.
        await sas(bob1, bob2, them, new_device)
        signed = (new_device, bob2.backend._encryption.parts.e2e.ed25519)

        async def new_device_signed() -> bool:
            return signed in (await identity(bob1, them)).signed_devices

        await wait_until(new_device_signed, what="bob's first device signs the second")

        # Alice now trusts the new device without another SAS, and the whole conversation.
        await wait_until(
            lambda: _is(trust_of(alice, them, new_device), DeviceTrust.VERIFIED),
            what="alice trusts bob's second device through cross-signing",
        )
        await alice.wait(
            lambda x: (
                isinstance(x, f.ConversationUpdated)
                and x.conversation == room
                and x.trust is Trust.VERIFIED
            ),
            30,
        )
        assert alice.backend._encryption.parts.e2e.device(them, new_device) is not None
        assert not alice.backend._session.client.olm.is_device_verified(
            alice.backend._encryption.parts.e2e.device(them, new_device)
        )  # trusted through cross-signing, not by a device-level SAS
        # A message from that device is shown as verified.
        await bob2.wait(lambda x: isinstance(x, f.ConversationUpdated) and x.conversation == room)
        sent = await bob2.backend.send_message(
            ConversationId(bob2.rec.account_id, room), OutgoingMessage("x-1", "from my new phone")
        )
        assert sent.ok, sent.failure
        message = await alice.wait_message("from my new phone", 30)
        assert message.trust is Trust.VERIFIED
        # Bob's second device trusts Alice too: it verified Bob's own identity by SAS, and Bob's
        # identity signed Alice's.
        await wait_until(
            lambda: _is(trust_of(bob2, me, alice.backend.device_id), DeviceTrust.VERIFIED),
            what="bob's second device trusts alice",
        )

        # After a restart the trust is worked out again from what the server holds.
        await alice.backend.disconnect()
        alice = await signed_in(
            synapse, account, tmp_path / "alice", secrets=alice.secrets, state=alice.state
        )
        sessions.append(alice)
        assert await trust_of(alice, them, new_device) is DeviceTrust.VERIFIED
        # (a resumed sync names no members: ask, as the member list does when it is opened)
        fetched = await alice.backend.fetch_members(ConversationId(alice.rec.account_id, room))
        assert fetched.ok, fetched.failure
        await bob2.backend.send_message(
            ConversationId(bob2.rec.account_id, room), OutgoingMessage("x-2", "still me")
        )
        message = await alice.wait_message("still me", 30)
        assert message.trust is Trust.VERIFIED
        await alice.wait(
            lambda x: (
                isinstance(x, f.ConversationUpdated)
                and x.conversation == room
                and x.trust is Trust.VERIFIED
            ),
            30,
        )
        mark = len(alice.rec.facts)

        # Bob's identity changes (a reset elsewhere; the new keys even sign his second device):
        # Alice's trust must not carry over to the new identity.
        made, body = xs.new_identity_keys(
            them, bob1.backend.device_id, bob1.backend._session.client.olm.account.sign
        )
        http = bob1.backend._session.http
        assert http is not None
        failure = await xs.upload_signing_keys(http, them, body, PASSWORD)  # UIA with the password
        assert failure is None, failure
        device_keys = (await identity(bob1, them)).devices[new_device]
        resigned = made[xs.SELF_SIGNING].sign_json(xs.signable(device_keys), them)
        reply = await http.request(
            "POST", f"{V3}/keys/signatures/upload", body={them: {new_device: resigned}}
        )
        assert reply.ok and not reply.body.get("failures"), reply.body
        await wait_until(
            lambda: _is(trust_of(alice, them, new_device), DeviceTrust.UNVERIFIED),
            what="alice drops the trust of the changed identity",
        )
        # The device Alice verified by SAS herself stays verified.
        assert await trust_of(alice, them, bob1.backend.device_id) is DeviceTrust.VERIFIED
        await wait_until(
            lambda: any(
                isinstance(x, f.ConversationUpdated)
                and x.conversation == room
                and x.trust is Trust.UNVERIFIED
                for x in alice.rec.facts[mark:]
            ),
            30,
            what="the conversation is no longer verified",
        )
        # … and Alice is told in words, not only by a changed badge.
        await wait_until(
            lambda: any(
                isinstance(x, f.ServiceNotice) and f"identity of {them} changed" in x.text
                for x in alice.rec.facts[mark:]
            ),
            30,
            what="a notice about the changed identity",
        )
    finally:
        await disconnect(*sessions)


async def _is(value: Awaitable[Any], expected: Any) -> bool:
    return (await value) is expected


# -- (c) and (d) key backup ----------------------------------------------------------------------


async def backup_count(session: Session) -> int:
    http = session.backend._session.http
    assert http is not None
    reply = await http.request("GET", f"{V3}/room_keys/version")
    return int(reply.body.get("count", 0)) if reply.ok else -1


async def test_a_new_device_reads_old_history_after_restoring_the_backup(
    synapse: Synapse, account: Account, cpeer: CryptoPeer, tmp_path: Path
) -> None:
    first = await signed_in(synapse, account, tmp_path / "first")
    opened = await first.backend.open_direct(cpeer.user_id)
    assert opened.ok and opened.value, opened.failure
    room = opened.value
    conv = ConversationId(first.rec.account_id, room)
    try:
        await cpeer.wait_room(room)
        old = [await cpeer.say(room, "before the backup")]
        await first.wait_message("before the backup")
        sent = await first.backend.send_message(conv, OutgoingMessage("b-1", "ours, before"))
        assert sent.ok and sent.remote_id, sent.failure
        old.append(sent.remote_id)
        await cpeer.wait_text(room, "ours, before")

        created = await first.backend.create_key_backup()
        assert created.ok and created.value, created.failure
        recovery_key = created.value
        assert isinstance(kb.decode_recovery_key(recovery_key), bytes)
        assert all(len(group) == 4 for group in recovery_key.split()[:-1])
        assert recovery_key.replace(" ", "") not in str(first.state.values)
        assert await backup_count(first) == 2  # both Megolm sessions, uploaded at once

        # A new Megolm session after the backup exists: uploaded after the sync that brought it.
        cpeer.client.olm.outbound_group_sessions.pop(room, None)
        old.append(await cpeer.say(room, "after the backup"))
        await first.wait_message("after the backup")
        await wait_until(lambda: _equals(backup_count(first), 3), what="the new key backed up")
    finally:
        await first.backend.disconnect()

    # A new device of the same account (its own keyring: only the password).
    second = await signed_in(synapse, account, tmp_path / "second")
    try:
        for event_id in old:
            shown = await second.wait(
                lambda x, e=event_id: isinstance(x, f.MessageReceived) and x.remote_id == e
            )
            assert shown.body == WAITING_BODY and shown.trust is Trust.UNDECRYPTABLE

        # (d) Wrong keys: a clear failure, nothing imported, the session goes on.
        wrong = await second.backend.restore_key_backup(kb.encode_recovery_key(os.urandom(32)))
        assert wrong.failure is not None and wrong.failure.kind is FailureKind.REJECTED
        assert "does not belong" in wrong.failure.message
        typo = recovery_key[:-1] + ("a" if recovery_key[-1] != "a" else "b")
        mistyped = await second.backend.restore_key_backup(typo)
        assert mistyped.failure is not None and mistyped.failure.kind is FailureKind.CONFIG
        assert not second.facts(f.MessageDecrypted) and not second.facts(f.ConnectionLost)

        restored = await second.backend.restore_key_backup(recovery_key)
        assert restored.ok and restored.value == "3", restored
        bodies = {}
        for event_id in old:
            decrypted = await second.wait(
                lambda x, e=event_id: isinstance(x, f.MessageDecrypted) and x.remote_id == e
            )
            bodies[event_id] = decrypted.body
            assert decrypted.trust is Trust.UNVERIFIED  # keys from a backup prove nothing
        assert sorted(bodies.values()) == ["after the backup", "before the backup", "ours, before"]

        # This device now backs up to the same backup: its own new session gets there too.
        conv2 = ConversationId(second.rec.account_id, room)
        again = await second.backend.send_message(conv2, OutgoingMessage("b-2", "from the new one"))
        assert again.ok, again.failure
        await cpeer.wait_text(room, "from the new one")
        await wait_until(lambda: _equals(backup_count(second), 4), what="the new device backs up")
    finally:
        await second.backend.disconnect()


async def _equals(value: Awaitable[Any], expected: Any) -> bool:
    return (await value) == expected


async def test_restoring_without_a_backup_or_with_a_wrong_key_fails_clearly(
    synapse: Synapse, account: Account, tmp_path: Path
) -> None:
    session = await signed_in(synapse, account, tmp_path)
    backend = session.backend
    try:
        some_key = kb.encode_recovery_key(os.urandom(32))
        none = await backend.restore_key_backup(some_key)
        assert none.failure is not None and "no key backup" in none.failure.message
        created = await backend.create_key_backup()
        assert created.ok and created.value, created.failure
        for text, kind in (
            (some_key, FailureKind.REJECTED),
            ("not a key at all!", FailureKind.CONFIG),
            ("", FailureKind.CONFIG),
            (created.value[:-3], FailureKind.CONFIG),
        ):
            outcome = await backend.restore_key_backup(text)
            assert outcome.failure is not None and outcome.failure.kind is kind, (text, outcome)
            assert outcome.failure.message
        # The right key of our own backup is fine (nothing new to import).
        ok = await backend.restore_key_backup(created.value)
        assert ok.ok and ok.value == "0", ok
        assert not session.facts(f.ConnectionLost)
    finally:
        await backend.disconnect()
