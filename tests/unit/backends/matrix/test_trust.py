"""Conversation trust is computed from what holds (issue 13): "all devices verified" only when
every other person has a verified device and none unverified — never for a person with no
devices, a device list not answered yet, or after a new device appears. And a message sent in the
clear into an encrypted room is marked ``PLAINTEXT``, before and after a restart."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path
from typing import Any

from nio.crypto import DeviceStore, OlmDevice, TrustState  # type: ignore[import-untyped]

from app import facts as f
from app.models import Trust
from backends.matrix import MatrixBackend
from backends.matrix.crypto import E2E
from backends.matrix.session import STATE_ENCRYPTED
from chinwag.testing import RecordingContext

ME, BOB, CAROL = "@me:x", "@bob:x", "@carol:x"
ROOM = "!room:x"
LOG = logging.getLogger("test")


class FakeOlm:
    """The part of nio's Olm machine ``users_trust`` reads."""

    def __init__(self) -> None:
        self.device_store = DeviceStore()
        self.tracked_users: set[str] = set()
        self.users_for_key_query: set[str] = set()

    def is_device_verified(self, device: OlmDevice) -> bool:
        return bool(device.trust_state is TrustState.verified)

    def is_device_blacklisted(self, device: OlmDevice) -> bool:
        return bool(device.trust_state is TrustState.blacklisted)


class FakeClient:
    user_id = ME
    device_id = "MINE"

    def __init__(self) -> None:
        self.olm = FakeOlm()


def machine() -> tuple[E2E, FakeOlm]:
    client = FakeClient()
    return E2E(client, LOG), client.olm  # type: ignore[arg-type]


def add(olm: FakeOlm, user: str, device: str, state: TrustState = TrustState.unset) -> OlmDevice:
    olm.tracked_users.add(user)
    new = OlmDevice(user, device, {"ed25519": f"ed-{device}", "curve25519": f"cu-{device}"})
    new.trust_state = state
    olm.device_store.add(new)
    return new


def test_nobody_else_is_not_verified() -> None:
    e2e, olm = machine()
    add(olm, ME, "MINE")
    assert e2e.users_trust({ME}) is Trust.UNVERIFIED


def test_a_person_with_no_devices_is_not_verified() -> None:
    e2e, olm = machine()
    olm.tracked_users.add(BOB)  # asked, and the server knows no device of theirs
    assert e2e.users_trust({ME, BOB}) is Trust.UNVERIFIED


def test_an_unknown_or_outdated_device_list_is_not_verified() -> None:
    e2e, olm = machine()
    assert e2e.users_trust({ME, BOB}) is Trust.UNVERIFIED  # never asked
    add(olm, BOB, "B1", TrustState.verified)
    assert e2e.users_trust({ME, BOB}) is Trust.VERIFIED
    olm.users_for_key_query.add(BOB)  # the server said their list changed
    assert e2e.users_trust({ME, BOB}) is Trust.UNVERIFIED


def test_an_unverified_device_and_one_added_later() -> None:
    e2e, olm = machine()
    add(olm, BOB, "B1")
    assert e2e.users_trust({ME, BOB}) is Trust.UNVERIFIED
    olm.device_store[BOB]["B1"].trust_state = TrustState.verified
    assert e2e.users_trust({ME, BOB}) is Trust.VERIFIED
    add(olm, BOB, "B2")  # a new phone
    assert e2e.users_trust({ME, BOB}) is Trust.UNVERIFIED


def test_blocked_devices_get_no_keys_but_do_not_vouch_either() -> None:
    e2e, olm = machine()
    add(olm, BOB, "B1", TrustState.blacklisted)
    assert e2e.users_trust({ME, BOB}) is Trust.UNVERIFIED  # nothing of Bob's is verified
    add(olm, BOB, "B2", TrustState.verified)
    assert e2e.users_trust({ME, BOB}) is Trust.VERIFIED


def test_every_person_and_our_own_other_devices_count() -> None:
    e2e, olm = machine()
    add(olm, BOB, "B1", TrustState.verified)
    add(olm, CAROL, "C1")
    assert e2e.users_trust({ME, BOB, CAROL}) is Trust.UNVERIFIED
    olm.device_store[CAROL]["C1"].trust_state = TrustState.verified
    add(olm, ME, "MINE")  # this device: always trusted
    assert e2e.users_trust({ME, BOB, CAROL}) is Trust.VERIFIED
    add(olm, ME, "LAPTOP")  # another device of ours nobody verified
    assert e2e.users_trust({ME, BOB, CAROL}) is Trust.UNVERIFIED


# -- messages sent in the clear ---------------------------------------------------------------


def event(event_id: str, ts: int, etype: str = "m.room.message", **extra: Any) -> dict[str, Any]:
    content: dict[str, Any] = {}
    if etype == "m.room.message":
        content = {"msgtype": "m.text", "body": event_id}
    elif etype == "m.sticker":
        content = {"body": event_id, "url": "mxc://x/sticker", "info": {"mimetype": "image/png"}}
    return {
        "type": etype,
        "event_id": event_id,
        "sender": BOB,
        "origin_server_ts": ts,
        "content": content,
        **extra,
    }


def encryption_event(ts: int) -> dict[str, Any]:
    return event(
        "$enc",
        ts,
        "m.room.encryption",
        state_key="",
        content={"algorithm": "m.megolm.v1.aes-sha2"},
    )


def sync_with(timeline: list[dict[str, Any]], state: list[dict[str, Any]] | None = None) -> Any:
    room = {"timeline": {"events": timeline}, "state": {"events": state or []}}
    return {"next_batch": "s1", "rooms": {"join": {ROOM: room}}}


async def backend_for(tmp_path: Path) -> tuple[MatrixBackend, RecordingContext]:
    rec = RecordingContext("acct", {"user_id": ME}, {}, tmp_path)
    backend = MatrixBackend(rec.build(asyncio.get_running_loop()))
    backend.own_id = ME
    return backend, rec


def trust_of(rec: RecordingContext) -> dict[str, Trust]:
    return {
        x.remote_id or "": x.trust
        for x in rec.facts
        if isinstance(x, f.MessageReceived) and x.remote_id
    }


async def test_a_message_in_the_clear_after_encryption_is_marked(tmp_path: Path) -> None:
    backend, rec = await backend_for(tmp_path)
    timeline = [
        event("$before", 100),
        encryption_event(200),
        event("$after", 300),
        event("$sticker", 400, "m.sticker"),
    ]
    backend._sync.process(sync_with(timeline), initial=True, first=True)
    got = trust_of(rec)
    assert got["$before"] is Trust.NONE  # older than the room's encryption
    assert got["$after"] is got["$sticker"] is Trust.PLAINTEXT
    assert not [x for x in rec.facts if isinstance(x, f.BadInput)]


async def test_an_encrypted_room_stays_so_and_is_remembered(tmp_path: Path) -> None:
    backend, rec = await backend_for(tmp_path)
    state = [encryption_event(50)]
    # An m.room.encryption event without an algorithm cannot turn encryption off (spec).
    off = encryption_event(60) | {"event_id": "$off", "content": {}}
    backend._sync.process(sync_with([off, event("$m", 70)], state), initial=True, first=True)
    assert trust_of(rec)["$m"] is Trust.PLAINTEXT
    backend._session.save_encrypted()  # kept with the facts (StateKept)
    stored: dict[str, str] = backend.ctx.state.values  # type: ignore[attr-defined]
    saved = json.loads(stored[STATE_ENCRYPTED])
    assert saved == {ROOM: 50}

    # A restart: the resumed sync repeats no state, the saved start still holds.
    again, rec2 = await backend_for(tmp_path)
    again.ctx.state.values.update(stored)  # type: ignore[attr-defined]
    await again._session.load_encrypted()
    again._sync.process(sync_with([event("$later", 90)]), initial=False, first=False)
    assert trust_of(rec2)["$later"] is Trust.PLAINTEXT


async def test_history_before_encryption_is_not_marked(tmp_path: Path) -> None:
    backend, rec = await backend_for(tmp_path)
    room = backend._session.room(ROOM)
    room.encrypted = True  # known encrypted, start not seen yet (say, from nio's store)
    page = [event("$old", 10), encryption_event(20), event("$new", 30)]  # oldest first
    backend._timeline.learn_encryption(room, page)
    backend._history.report_page(room, page)
    got = trust_of(rec)
    assert (got["$old"], got["$new"]) == (Trust.NONE, Trust.PLAINTEXT)
