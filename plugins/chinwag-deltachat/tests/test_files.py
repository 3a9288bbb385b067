"""Attachments both ways through the real servers (inside the encrypted mail), the size limit,
and corrections, reactions and deletions of sent messages."""

from __future__ import annotations

import asyncio
import hashlib
import os
from pathlib import Path

from app.api import (
    FailureKind,
    MessageReceived,
    MessageRetracted,
    OutgoingMessage,
    ReactionsReplaced,
)
from conftest import Backends, Connected, PeerFactory
from test_chat import conv, pair, received


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def send_file(conn: Connected, native: str, path: Path, caption: str = "") -> str:
    progress: list[tuple[int, int]] = []
    uploaded = await conn.backend.upload(
        conv(conn, native), path, lambda d, t: progress.append((d, t))
    )
    assert uploaded.ok and uploaded.value, uploaded.failure
    assert progress and progress[-1][0] == progress[-1][1] == path.stat().st_size
    from app.api import Attachment

    result = await conn.backend.send_message(
        conv(conn, native),
        OutgoingMessage(
            f"txn-file-{path.name}",
            caption or path.name,
            attachments=(Attachment(uploaded.value, path.name, size=path.stat().st_size),),
        ),
    )
    assert result.ok, result.failure
    return uploaded.value


async def test_files_both_ways(
    backends: Backends, mailbox, peers: PeerFactory, tmp_path: Path
) -> None:
    conn = await backends.open(mailbox("me"))
    peer = await peers(mailbox("peer"))
    await pair(conn, peer)

    ours = tmp_path / "report 2024.pdf"
    ours.write_bytes(os.urandom(300_000))
    staged = await send_file(conn, peer.address, ours, "the report")
    msg = await asyncio.to_thread(peer.wait_text, "the report")
    assert msg["showPadlock"]
    assert msg["fileName"] == "report 2024.pdf"
    assert digest(Path(msg["file"])) == digest(ours)
    assert not Path(staged).exists()  # the staged copy went with the message

    theirs = tmp_path / "minutes.pdf"
    # large enough that the core sends a small pre-message first, the whole file after it
    theirs.write_bytes(b"%PDF-1.4\n" + os.urandom(400_000))
    chat = await asyncio.to_thread(peer.chat_with, conn.box.address)
    await asyncio.to_thread(peer.send_file, chat, theirs, "a picture")
    fact = await received(conn, "a picture")
    assert len(fact.attachments) == 1
    attachment = fact.attachments[0]
    assert attachment.filename == "minutes.pdf"
    assert attachment.size == theirs.stat().st_size
    target = tmp_path / "downloads" / "minutes.pdf"
    done: list[tuple[int, int]] = []
    outcome = await conn.backend.download(attachment.url, target, lambda d, t: done.append((d, t)))
    assert outcome.ok, outcome.failure
    assert digest(target) == digest(theirs)
    assert done[-1] == (theirs.stat().st_size, theirs.stat().st_size)

    bad = await conn.backend.download("dcmsg:../../etc/passwd", tmp_path / "x", lambda d, t: None)
    assert bad.failure is not None


async def test_a_50_mb_file_is_refused_with_the_reason(
    backends: Backends, mailbox, tmp_path: Path
) -> None:
    conn = await backends.open(mailbox("me"))
    big = tmp_path / "film.mkv"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written to disk
    outcome = await conn.backend.upload(conv(conn, "someone@example.org"), big, lambda d, t: None)
    assert outcome.failure is not None
    assert outcome.failure.kind is FailureKind.REJECTED
    assert "50 MB" in outcome.failure.message and "25 MB" in outcome.failure.message
    assert not any((conn.rec.data_dir / "outgoing").glob("*/*"))


async def test_edit_react_delete(backends: Backends, mailbox, peers: PeerFactory) -> None:
    conn = await backends.open(mailbox("me"))
    peer = await peers(mailbox("peer"))
    await pair(conn, peer)
    c = conv(conn, peer.address)
    sent = await conn.backend.send_message(c, OutgoingMessage("txn-edit-1", "teh typo"))
    assert sent.ok and sent.remote_id
    original = await asyncio.to_thread(peer.wait_text, "teh typo")

    edited = await conn.backend.edit_message(c, sent.remote_id, OutgoingMessage("e1", "the typo"))
    assert edited.ok, edited.failure
    await asyncio.to_thread(
        peer.wait_event,
        lambda e: (
            e.get("kind") == "MsgsChanged"
            and e.get("msgId") == original["id"]
            and peer.rpc.get_message(peer.account, original["id"])["text"] == "the typo"
            and peer.rpc.get_message(peer.account, original["id"])["isEdited"]
        ),
    )

    await asyncio.to_thread(peer.rpc.send_reaction, peer.account, original["id"], ["👍"])
    fact = await conn.rec.wait_for(
        lambda f: isinstance(f, ReactionsReplaced) and f.target_remote_id == sent.remote_id
    )
    assert isinstance(fact, ReactionsReplaced)
    assert fact.keys == ("👍",) and fact.sender == peer.address

    chat = original["chatId"]
    theirs = await asyncio.to_thread(peer.send_text, chat, "react to me")
    got = await received(conn, "react to me")
    assert got.remote_id
    assert (await conn.backend.react(c, got.remote_id, ("🎉",))).ok
    await asyncio.to_thread(
        peer.wait_event,
        lambda e: e.get("kind") == "IncomingReaction" and e.get("msgId") == theirs,
    )
    me_at_peer = await asyncio.to_thread(peer.contact, conn.box.address)

    def ours() -> list[str]:
        """Our reactions to ``theirs``, as the peer's core keeps them."""
        reactions = peer.rpc.get_message_reactions(peer.account, theirs) or {}
        return list(reactions.get("reactionsByContact", {}).get(str(me_at_peer), []))

    await asyncio.to_thread(peer.wait_state, lambda: ours() == ["🎉"], 60, "🎉 from us")
    assert (await conn.backend.react(c, got.remote_id, ())).ok
    await asyncio.to_thread(peer.wait_state, lambda: ours() == [], 60, "our reaction taken back")

    assert (await conn.backend.retract(c, sent.remote_id)).ok
    await asyncio.to_thread(
        peer.wait_event,
        lambda e: e.get("kind") == "MsgDeleted" and e.get("msgId") == original["id"],
    )
    await asyncio.to_thread(peer.rpc.delete_messages_for_all, peer.account, [theirs])
    await conn.rec.wait_for(
        lambda f: isinstance(f, MessageRetracted) and f.remote_id == got.remote_id
    )
    assert isinstance(got, MessageReceived)
