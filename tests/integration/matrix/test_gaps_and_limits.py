"""Review fixes against Synapse: the gap of a ``limited`` sync is filled, a direct chat is reused
by a new session (and a resend after a lost answer goes to it), downloads are bounded, and plain
HTTP is refused off loopback."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from app import facts as f
from app.backend import FailureKind, OutgoingMessage
from app.models import ConversationId
from backends.matrix import MatrixBackend
from backends.matrix import backend as backend_module
from backends.matrix import http as http_module
from backends.matrix.backend import STATE_LAST_EVENT
from chinwag.testing import wait_until
from tests.integration.matrix.helpers import (
    Account,
    Peer,
    connect,
    group_with,
    make_session,
    q,
)
from tests.integration.matrix.proxy import MisbehavingProxy, Rule, matches
from tests.integration.matrix.synapse import Synapse

pytestmark = pytest.mark.integration


def gap_messages(session: object, room: str) -> list[f.MessageReceived]:
    facts = session.facts(f.MessageReceived)  # type: ignore[attr-defined]
    return [x for x in facts if x.conversation == room and x.body.startswith("g")]


async def test_the_gap_of_a_limited_sync_is_filled_once_and_live(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    room = await group_with(synapse, account, peer, name="Busy")
    await peer.say(room, "seen")
    first = await connect(synapse, account, tmp_path)
    await first.wait_message("seen")
    await wait_until(lambda: first.state.values.get(STATE_LAST_EVENT + room), what="last seen")
    await first.backend.disconnect()

    ids = [await peer.say(room, f"g{i}") for i in range(30)]  # more than the window of 20
    token = await asyncio.to_thread(synapse.login, account.user_id, account.password)
    status, _ = await asyncio.to_thread(  # read up to g4 on another device meanwhile
        synapse.request,
        "POST",
        f"/_matrix/client/v3/rooms/{q(room)}/receipt/m.read/{q(ids[4])}",
        {},
        token,
    )
    assert status == 200
    again = await connect(synapse, account, tmp_path, secrets=first.secrets, state=first.state)
    try:
        assert again.backend.resumed
        await wait_until(lambda: len(gap_messages(again, room)) == 30, what="all 30 messages")
        got = gap_messages(again, room)
        assert sorted(x.remote_id or "" for x in got) == sorted(ids)  # each exactly once
        by_body = {x.body: x for x in got}
        assert all(by_body[f"g{i}"].history for i in range(5))  # read elsewhere
        assert not any(by_body[f"g{i}"].history for i in range(5, 30))  # live, unread
        assert again.state.values[STATE_LAST_EVENT + room] == ids[-1]
    finally:
        await again.backend.disconnect()


async def test_a_long_gap_is_filled_only_up_to_the_page_limit(
    synapse: Synapse,
    account: Account,
    peer: Peer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(backend_module, "MAX_GAP_PAGES", 2)
    monkeypatch.setattr(backend_module, "GAP_PAGE_SIZE", 2)
    room = await group_with(synapse, account, peer, name="Busier")
    await peer.say(room, "seen")
    first = await connect(synapse, account, tmp_path)
    await first.wait_message("seen")
    await wait_until(lambda: first.state.values.get(STATE_LAST_EVENT + room), what="last seen")
    await first.backend.disconnect()
    ids = [await peer.say(room, f"g{i}") for i in range(30)]
    again = await connect(synapse, account, tmp_path, secrets=first.secrets, state=first.state)
    try:
        await again.wait_message("g29")
        await asyncio.sleep(0.2)
        got = sorted(x.remote_id or "" for x in gap_messages(again, room))
        # The window of 20 plus two pages of two: the rest is left to backfill.
        assert got == sorted(ids[6:])
    finally:
        await again.backend.disconnect()


async def test_a_new_session_reuses_the_direct_chat_and_resends_into_it(
    synapse: Synapse, account: Account, peer: Peer, proxy: MisbehavingProxy, tmp_path: Path
) -> None:
    first = await connect(synapse, account, tmp_path)
    opened = await first.backend.open_direct(peer.user_id)
    assert opened.ok and opened.value
    room = opened.value
    await peer.join(room)
    await first.wait(
        lambda x: (
            isinstance(x, f.MembersChanged)
            and x.conversation == room
            and any(m.native_id == peer.user_id for m in x.upserted)
        )
    )
    await asyncio.sleep(0.3)  # let the since-token move past the join
    await first.backend.disconnect()

    # A resumed session whose sync does not mention the room (nothing happened in it).
    second = await connect(
        synapse,
        account,
        tmp_path,
        settings={"homeserver": proxy.url},
        secrets=first.secrets,
        state=first.state,
    )
    backend = second.backend
    assert backend.resumed and room not in backend._session.rooms
    again = await backend.open_direct(peer.user_id)
    assert again.value == room  # not a second room
    to_person = ConversationId(second.rec.account_id, peer.user_id)
    drop = proxy.add(Rule(matches("PUT", "/send/"), "drop", times=2))
    lost = await backend.send_message(to_person, OutgoingMessage("dm-once", "only one copy"))
    assert lost.failure is not None and lost.failure.retryable
    assert drop.hits >= 1
    await backend.disconnect()

    third = await connect(synapse, account, tmp_path, secrets=first.secrets, state=first.state)
    try:
        resent = await third.backend.send_message(
            to_person, OutgoingMessage("dm-once", "only one copy")
        )
        assert resent.ok, resent.failure
        ours = [
            e
            for e in await peer.events(room)
            if e.get("sender") == account.user_id
            and e.get("type") in ("m.room.message", "m.room.encrypted")
        ]
        assert [e["event_id"] for e in ours] == [resent.remote_id]  # delivered once, same room
        status, joined = await peer.raw("GET", "/_matrix/client/v3/joined_rooms")
        assert status == 200 and joined["joined_rooms"] == [room]  # never invited to another
    finally:
        await third.backend.disconnect()


async def test_downloads_are_bounded_in_size_and_in_silence(
    synapse: Synapse,
    account: Account,
    peer: Peer,
    proxy: MisbehavingProxy,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = await connect(synapse, account, tmp_path, settings={"homeserver": proxy.url})
    backend = session.backend
    try:
        source = tmp_path / "blob.bin"
        source.write_bytes(b"x" * 300_000)
        conv = ConversationId(session.rec.account_id, await group_with(synapse, account, peer))
        uploaded = await backend.upload(conv, source, lambda _d, _t: None)
        assert uploaded.ok and uploaded.value
        dest = tmp_path / "out" / "blob.bin"

        too_big = await backend.download(uploaded.value, dest, max_bytes=100_000)
        assert too_big.failure is not None and too_big.failure.kind is FailureKind.REJECTED
        assert not dest.exists() and not dest.with_name("blob.bin.part").exists()

        fine = await backend.download(uploaded.value, dest)
        assert fine.ok and dest.read_bytes() == source.read_bytes()
        dest.unlink()

        monkeypatch.setattr(http_module, "DOWNLOAD_READ_TIMEOUT", 0.5)
        hold = proxy.add(Rule(matches("GET", "/media/"), "hold", times=5))
        started = asyncio.get_running_loop().time()
        silent = await backend.download(uploaded.value, dest)
        assert silent.failure is not None and silent.failure.kind is FailureKind.NETWORK
        assert asyncio.get_running_loop().time() - started < 10
        assert hold.hits >= 1 and not dest.exists()
        assert not dest.with_name("blob.bin.part").exists()
        hold.released.set()
    finally:
        await backend.disconnect()


async def test_plain_http_is_refused_off_loopback(account: Account, tmp_path: Path) -> None:
    session = make_session(account, tmp_path, {"homeserver": "http://matrix.example.org"})
    result = await session.backend.connect()
    assert result.failure is not None and result.failure.kind is FailureKind.CONFIG
    assert "https" in result.failure.message.lower()
    problems = MatrixBackend.validate_settings(
        {"user_id": account.user_id, "homeserver": "http://matrix.example.org"}
    )
    assert "homeserver" in problems
    assert not MatrixBackend.validate_settings(
        {"user_id": account.user_id, "homeserver": "http://matrix.example.org", "allow_http": True}
    )
    await session.backend.disconnect()
