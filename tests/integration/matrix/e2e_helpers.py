"""The other person for the end-to-end encryption tests: an independent matrix-nio client with its
own encryption store (vodozemac), syncing in the background like a real client.

Nothing here shares code or keys with the backend under test: the peer uploads its own device
keys, claims ours, shares its Megolm sessions and answers SAS verification through nio's own
machinery, so a test sees only what really crossed Synapse.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nio  # type: ignore[import-untyped]
from nio.crypto import OlmDevice  # type: ignore[import-untyped]
from nio.store import SqliteStore  # type: ignore[import-untyped]

from app import facts as f
from app.backend import Failure
from app.models import DeviceTrust, Trust, VerificationState
from chinwag.testing import wait_until
from tests.integration.matrix.helpers import PASSWORD, Session, q, raw_request
from tests.integration.matrix.synapse import Synapse

MEGOLM = "m.megolm.v1.aes-sha2"


class CryptoPeer:
    """A matrix-nio client with encryption, its sync loop running as a task."""

    def __init__(self, synapse: Synapse, user_id: str, client: nio.AsyncClient) -> None:
        self.synapse = synapse
        self.user_id = user_id
        self.client = client
        self.messages: list[tuple[str, Any]] = []  # (room id, decrypted nio event)
        self.undecrypted: list[tuple[str, Any]] = []
        self.to_device: list[Any] = []
        self.file_events: list[tuple[str, Any]] = []
        self._task: asyncio.Task[None] | None = None

    @classmethod
    async def create(
        cls, synapse: Synapse, store: Path, prefix: str = "e2epeer", *, user_id: str = ""
    ) -> CryptoPeer:
        """A new person, or (``user_id``) one more device of someone who exists."""
        if not user_id:
            user_id = await asyncio.to_thread(
                synapse.register, synapse.unique_name(prefix), PASSWORD
            )
        store.mkdir(parents=True, exist_ok=True)
        config = nio.AsyncClientConfig(
            store=SqliteStore, encryption_enabled=True, store_sync_tokens=True
        )
        client = nio.AsyncClient(synapse.base_url, user_id, store_path=str(store), config=config)
        resp = await client.login(PASSWORD, device_name="e2e peer")
        assert isinstance(resp, nio.LoginResponse), resp
        peer = cls(synapse, user_id, client)
        client.add_event_callback(peer._on_message, nio.RoomMessageText)
        client.add_event_callback(peer._on_megolm, nio.MegolmEvent)
        client.add_event_callback(peer._on_file, nio.RoomEncryptedMedia)
        client.add_event_callback(peer._on_invite, nio.InviteMemberEvent)
        client.add_to_device_callback(peer._on_to_device, nio.ToDeviceEvent)
        if client.should_upload_keys:
            await client.keys_upload()
        peer.start()
        return peer

    @property
    def device_id(self) -> str:
        return str(self.client.device_id)

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(
            self.client.sync_forever(timeout=500, full_state=True)
        )

    async def close(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        await self.client.close()

    async def _on_message(self, room: Any, event: Any) -> None:
        self.messages.append((room.room_id, event))

    async def _on_file(self, room: Any, event: Any) -> None:
        self.file_events.append((room.room_id, event))

    async def _on_megolm(self, room: Any, event: Any) -> None:
        self.undecrypted.append((room.room_id, event))

    async def _on_invite(self, room: Any, event: Any) -> None:
        if event.state_key == self.user_id and event.membership == "invite":
            await self.client.join(room.room_id)

    async def _on_to_device(self, event: Any) -> None:
        self.to_device.append(event)

    # -- rooms and messages -------------------------------------------------------------------

    async def wait_room(self, room_id: str, timeout: float = 60.0) -> Any:
        """nio's room object once the peer has joined and seen that it is encrypted."""
        return await wait_until(
            lambda: (r := self.client.rooms.get(room_id)) is not None and r.encrypted and r,
            timeout,
            what=f"the peer in the encrypted room {room_id}",
        )

    async def say(self, room_id: str, text: str) -> str:
        """Send encrypted (nio shares the Megolm key first, unverified devices included)."""
        await self.wait_room(room_id)
        resp = await self.client.room_send(
            room_id,
            "m.room.message",
            {"msgtype": "m.text", "body": text},
            ignore_unverified_devices=True,
        )
        assert isinstance(resp, nio.RoomSendResponse), resp
        return str(resp.event_id)

    async def wait_text(self, room_id: str, text: str, timeout: float = 60.0) -> Any:
        return await wait_until(
            lambda: next((e for r, e in self.messages if r == room_id and e.body == text), None),
            timeout,
            what=f"the peer decrypting {text!r}",
        )

    async def raw(
        self, method: str, path: str, body: dict[str, Any] | None = None
    ) -> tuple[int, dict[str, Any]]:
        return await raw_request(self.client, method, path, body)

    async def send_raw_event(self, room_id: str, event_type: str, content: dict[str, Any]) -> str:
        status, body = await self.raw(
            "PUT",
            f"/_matrix/client/v3/rooms/{q(room_id)}/send/{q(event_type)}/{uuid.uuid4().hex}",
            content,
        )
        assert status == 200, body
        return str(body["event_id"])

    async def send_to_device(
        self, event_type: str, user: str, device: str, content: dict[str, Any]
    ) -> None:
        status, body = await self.raw(
            "PUT",
            f"/_matrix/client/v3/sendToDevice/{q(event_type)}/{uuid.uuid4().hex}",
            {"messages": {user: {device: content}}},
        )
        assert status == 200, body

    async def send_file(self, room_id: str, name: str, data: bytes) -> str:
        """Upload ``data`` encrypted and send it as an encrypted ``m.file``."""
        await self.wait_room(room_id)
        resp, keys = await self.client.upload(
            io.BytesIO(data),
            content_type="application/octet-stream",
            filename=name,
            encrypt=True,
            filesize=len(data),
        )
        assert isinstance(resp, nio.UploadResponse), resp
        content = {
            "msgtype": "m.file",
            "body": name,
            "filename": name,
            "info": {"size": len(data), "mimetype": "application/octet-stream"},
            "file": {"url": resp.content_uri, **keys},
        }
        sent = await self.client.room_send(
            room_id, "m.room.message", content, ignore_unverified_devices=True
        )
        assert isinstance(sent, nio.RoomSendResponse), sent
        return str(sent.event_id)

    async def raw_media(self, mxc: str) -> tuple[int, bytes]:
        server, _, media_id = mxc.removeprefix("mxc://").partition("/")
        resp = await self.client.send(
            "GET",
            f"/_matrix/client/v1/media/download/{q(server)}/{q(media_id)}",
            None,
            {"Authorization": f"Bearer {self.client.access_token}"},
        )
        try:
            return resp.status, await resp.read()
        finally:
            resp.release()

    # -- keys ------------------------------------------------------------------------------------

    async def device_of(self, user_id: str, device_id: str, timeout: float = 60.0) -> OlmDevice:
        """The other side's device, querying its keys until the server lists it."""

        async def known() -> OlmDevice | None:
            with contextlib.suppress(KeyError):
                return self.client.device_store[user_id][device_id]
            self.client.olm.users_for_key_query.add(user_id)
            await self.client.keys_query()
            return None

        return await wait_until(
            known, timeout, interval=0.2, what=f"the peer knowing device {device_id} of {user_id}"
        )

    async def encrypt_without_sharing(self, room_id: str, text: str) -> tuple[str, str, str]:
        """Send a message with a fresh Megolm session whose key nobody got (yet).

        Returns the event id, the session id and the session key at index 0, to share later
        with :meth:`share_session_key` — a key that arrives late.
        """
        await self.wait_room(room_id)
        olm = self.client.olm
        olm.create_outbound_group_session(room_id)
        session = olm.outbound_group_sessions[room_id]
        session_key = session.session_key  # at message index 0, before encrypting
        session.shared = True
        content = olm.group_encrypt(
            room_id, {"type": "m.room.message", "content": {"msgtype": "m.text", "body": text}}
        )
        event_id = await self.send_raw_event(room_id, "m.room.encrypted", content)
        # Forget it: the next :meth:`say` must start a session that is really shared, not keep
        # encrypting with this one nobody can read yet.
        olm.outbound_group_sessions.pop(room_id, None)
        return event_id, str(session.id), str(session_key)

    async def share_session_key(
        self, room_id: str, user_id: str, device_id: str, session_id: str, session_key: str
    ) -> None:
        """Send ``m.room_key`` for a session to one device, over a (new) Olm session."""
        device = await self.device_of(user_id, device_id)
        if self.client.olm.session_store.get(device.curve25519) is None:
            resp = await self.client.keys_claim({user_id: [device_id]})
            assert isinstance(resp, nio.KeysClaimResponse), resp
        olm_session = self.client.olm.session_store.get(device.curve25519)
        assert olm_session is not None, "no Olm session with our device"
        key = {
            "algorithm": MEGOLM,
            "room_id": room_id,
            "session_id": session_id,
            "session_key": session_key,
        }
        payload = self.client.olm._olm_encrypt(olm_session, device, "m.room_key", key)
        await self.send_to_device("m.room.encrypted", user_id, device_id, payload)

    def sas(self, transaction_id: str) -> Any:
        return self.client.key_verifications.get(transaction_id)

    async def wait_sas(self, predicate: Any, timeout: float = 60.0) -> Any:
        return await wait_until(
            lambda: next((s for s in self.client.key_verifications.values() if predicate(s)), None),
            timeout,
            what="a verification on the peer",
        )


async def verified_both_ways(session: Session, cpeer: CryptoPeer, flow_id: str, room: str) -> None:
    """Compare, confirm on both sides, and check what each side now trusts."""
    backend = session.backend
    compare = await session.wait(
        lambda x: (
            isinstance(x, f.VerificationChanged)
            and x.verification.id == flow_id
            and x.verification.state is VerificationState.COMPARE
        )
    )
    theirs = await cpeer.wait_sas(lambda s: s.transaction_id == flow_id and s.established_sas)
    # The same seven emojis on both screens (names are each client's: the spec says "Spanner"
    # and "Thumbs Up" where nio says "Wrench" and "Thumbs up").
    ours = compare.verification.emojis
    assert [e for e, _ in ours] == [e for e, _ in theirs.get_emoji()] and len(ours) == 7
    assert all(name for _, name in ours)
    assert compare.verification.decimals == tuple(theirs.get_decimals())
    confirmed = await backend.confirm_verification(flow_id, True)
    assert confirmed.ok, confirmed.failure
    resp = await cpeer.client.confirm_short_auth_string(flow_id)
    assert not isinstance(resp, nio.ToDeviceError), resp
    done = await session.wait(
        lambda x: (
            isinstance(x, f.VerificationChanged)
            and x.verification.id == flow_id
            and x.verification.state is VerificationState.DONE
        )
    )
    assert done.verification.contact == cpeer.user_id
    await wait_until(lambda: theirs.verified, what="the peer verified our device")
    devices = await backend.devices(cpeer.user_id)
    assert not isinstance(devices, Failure)
    assert [(d.device_id, d.trust) for d in devices] == [(cpeer.device_id, DeviceTrust.VERIFIED)]
    await session.wait(
        lambda x: (
            isinstance(x, f.ConversationUpdated)
            and x.conversation == room
            and x.trust is Trust.VERIFIED
        )
    )
    await cpeer.say(room, "from a verified device")
    message = await session.wait_message("from a verified device")
    assert message.trust is Trust.VERIFIED


async def sas(starter: Session, other: Session, user_id: str, device_id: str) -> str:
    """Emoji verification between two of our backends, both saying the emojis match."""
    started = await starter.backend.start_verification(user_id, device_id)
    assert started.ok and started.value, started.failure
    flow_id = started.value

    def state_is(state: VerificationState) -> Callable[[f.Fact], bool]:
        return lambda x: (
            isinstance(x, f.VerificationChanged)
            and x.verification.id == flow_id
            and x.verification.state is state
        )

    await other.wait(state_is(VerificationState.REQUESTED))
    accepted = await other.backend.accept_verification(flow_id)
    assert accepted.ok, accepted.failure
    ours = await starter.wait(state_is(VerificationState.COMPARE), 30)
    theirs = await other.wait(state_is(VerificationState.COMPARE), 30)
    assert ours.verification.emojis == theirs.verification.emojis
    for session in (starter, other):
        confirmed = await session.backend.confirm_verification(flow_id, True)
        assert confirmed.ok, confirmed.failure
    for session in (starter, other):
        await session.wait(state_is(VerificationState.DONE), 30)
    return flow_id
