"""The plugin under Chinwag's real core (store, outbox, dispatch), registered like any plugin, with
an independent Delta Chat core as the other person: what the window would show is what happened."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from app.core import Core, CoreContext
from app.models import (
    ConnectionState,
    ConversationId,
    DeliveryState,
    Message,
    MessageId,
    Trust,
)
from app.paths import AppPaths
from app.registry import BackendRegistry
from chinwag.testing import MemorySecretStore, wait_until
from chinwag_deltachat import DeltaChatBackend
from conftest import Mailbox, PeerFactory, settings_for
from mail_servers import MailServers


@pytest.fixture
async def core(tmp_path: Path) -> AsyncIterator[Core]:
    root = tmp_path / "profile"
    root.mkdir()
    core = Core(
        CoreContext(
            paths=AppPaths.in_profile(root),
            registry=BackendRegistry(classes=[DeltaChatBackend]),
            secrets=MemorySecretStore(),
        )
    )
    await core.start()
    try:
        yield core
    finally:
        await core.stop()


async def messages(core: Core, conv: ConversationId) -> list[Message]:
    return list((await core.conversations.fetch_page(conv, None, 200)).messages)


async def find(core: Core, conv: ConversationId, body: str, timeout: float = 60.0) -> Message:
    found: list[Message] = []

    async def poll() -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while loop.time() < deadline:
            found[:] = [m for m in await messages(core, conv) if m.body == body]
            if found:
                return
            await asyncio.sleep(0.1)
        raise AssertionError(f"{body!r} never stored in {conv.native_id}")

    await poll()
    return found[0]


async def delivery(core: Core, conv: ConversationId, local_id: str, state: DeliveryState) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 60
    while loop.time() < deadline:
        stored = [m for m in await messages(core, conv) if m.local_id == local_id]
        if stored and stored[0].delivery is state:
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"{local_id} never reached {state}")


async def test_through_the_core(
    core: Core, mail: MailServers, mailbox, peers: PeerFactory, tmp_path: Path
) -> None:
    me: Mailbox = mailbox("me")
    added = await core.accounts.add_account(
        "deltachat", settings_for(mail, me), {"password": me.password}
    )
    session = core.sessions[added.id]
    await wait_until(lambda: session.state.state is ConnectionState.CONNECTED, 60)
    peer = await peers(mailbox("peer"))
    conv = (await core.conversations.open_direct(added.id, peer.address)).id
    assert conv.native_id == peer.address

    invite = await core.messaging.run_command(conv, "invitelink", "")
    assert invite.ok and invite.value
    await asyncio.to_thread(peer.secure_join, invite.value)

    sent_id = await core.messaging.send_message(conv, "through the outbox")
    msg = await asyncio.to_thread(peer.wait_text, "through the outbox")
    assert msg["showPadlock"]
    await delivery(core, conv, sent_id.native_id, DeliveryState.SENT)
    await asyncio.to_thread(peer.rpc.markseen_msgs, peer.account, [msg["id"]])
    await delivery(core, conv, sent_id.native_id, DeliveryState.READ)

    chat = await asyncio.to_thread(peer.chat_with, me.address)
    await asyncio.to_thread(peer.send_text, chat, "stored and shown")
    got = await find(core, conv, "stored and shown")
    assert got.trust is Trust.VERIFIED
    assert got.sender == peer.address
    (shown,) = [c for c in await core.conversations.list_conversations(added.id) if c.id == conv]
    assert shown.encrypted and shown.trust is Trust.VERIFIED
    await core.conversations.mark_read(conv)
    await asyncio.to_thread(
        peer.wait_event, lambda e: e.get("kind") == "MsgRead" and e.get("chatId") == chat
    )

    photo = tmp_path / "holiday.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + os.urandom(20_000))
    sent_file = await core.messaging.send_file(conv, photo, "a holiday photo")
    assert isinstance(sent_file, MessageId), sent_file
    arrived = await asyncio.to_thread(peer.wait_text, "a holiday photo")
    assert Path(arrived["file"]).read_bytes() == photo.read_bytes()

    back = tmp_path / "back.bin"
    back.write_bytes(os.urandom(10_000))
    await asyncio.to_thread(peer.send_file, chat, back, "a file back")
    incoming = await find(core, conv, "a file back")
    assert len(incoming.attachments) == 1
    saved = tmp_path / "saved" / "back.bin"
    outcome = await core.messaging.download(incoming.id, 0, saved)
    assert outcome.ok, outcome.failure
    assert saved.read_bytes() == back.read_bytes()
