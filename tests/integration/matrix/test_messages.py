"""Messages: Markdown, notices, emotes, HTML, replies, edits, reactions, redactions, files and
images through the (authenticated) media repository, our own echoes (against Synapse)."""

from __future__ import annotations

import struct
import zlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from app import facts as f
from app.backend import FailureKind, OutgoingMessage
from app.models import Attachment, ConversationId, MessageKind, Trust
from backends.matrix.convert import ENCRYPTED_PLACEHOLDER
from tests.integration.matrix.helpers import (
    Account,
    Peer,
    Session,
    connect,
    group_with,
    q,
)
from tests.integration.matrix.synapse import Synapse

pytestmark = pytest.mark.integration


def png(width: int, height: int) -> bytes:
    rows = b"".join(b"\x00" + b"\x20\x80\xc0" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
async def chat(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> AsyncIterator[tuple[Session, str]]:
    room = await group_with(synapse, account, peer, name="Messages")
    session = await connect(synapse, account, tmp_path)
    try:
        yield session, room
    finally:
        await session.backend.disconnect()


def conv(session: Session, room: str) -> ConversationId:
    return ConversationId(session.rec.account_id, room)


async def test_markdown_becomes_formatted_body_and_plain_text_stays_plain(
    chat: tuple[Session, str], peer: Peer
) -> None:
    session, room = chat
    send = session.backend.send_message
    assert (await send(conv(session, room), OutgoingMessage("md1", "**bold** and `code`"))).ok
    assert (await send(conv(session, room), OutgoingMessage("md2", "just words"))).ok
    assert (await send(conv(session, room), OutgoingMessage("md3", "<script>x</script> *hi*"))).ok

    rich = (await peer.wait_text(room, "**bold** and `code`"))["content"]
    assert rich["format"] == "org.matrix.custom.html"
    assert "<strong>bold</strong>" in rich["formatted_body"]
    assert "<code>code</code>" in rich["formatted_body"]
    plain = (await peer.wait_text(room, "just words"))["content"]
    assert "formatted_body" not in plain
    typed_html = (await peer.wait_text(room, "<script>x</script> *hi*"))["content"]
    assert "<script>" not in typed_html["formatted_body"]
    assert "&lt;script&gt;" in typed_html["formatted_body"]


async def test_notices_and_emotes_both_ways(chat: tuple[Session, str], peer: Peer) -> None:
    session, room = chat
    c = conv(session, room)
    assert (
        await session.backend.send_message(
            c, OutgoingMessage("n1", "bot says", kind=MessageKind.NOTICE)
        )
    ).ok
    assert (
        await session.backend.send_message(
            c, OutgoingMessage("e1", "waves", kind=MessageKind.EMOTE)
        )
    ).ok
    assert (await peer.wait_text(room, "bot says"))["content"]["msgtype"] == "m.notice"
    assert (await peer.wait_text(room, "waves"))["content"]["msgtype"] == "m.emote"

    await peer.send(room, {"msgtype": "m.notice", "body": "automated"})
    await peer.send(room, {"msgtype": "m.emote", "body": "dances"})
    assert (await session.wait_message("automated")).kind is MessageKind.NOTICE
    assert (await session.wait_message("dances")).kind is MessageKind.EMOTE


async def test_our_own_messages_come_back_with_our_transaction_id(
    chat: tuple[Session, str],
) -> None:
    session, room = chat
    result = await session.backend.send_message(
        conv(session, room), OutgoingMessage("txn-echo-1", "echo me")
    )
    assert result.ok and result.confirmed and result.remote_id
    echo = await session.wait_message("echo me")
    assert echo.outgoing and echo.txn_id == "txn-echo-1" and echo.remote_id == result.remote_id


async def test_replies_both_ways_without_the_fallback(
    chat: tuple[Session, str], peer: Peer
) -> None:
    session, room = chat
    original = await peer.say(room, "what time?")
    await peer.send(
        room,
        {
            "msgtype": "m.text",
            "body": f"> <{peer.user_id}> what time?\n\nsix o'clock",
            "format": "org.matrix.custom.html",
            "formatted_body": "<mx-reply><blockquote>what time?</blockquote></mx-reply><b>six</b> o'clock",
            "m.relates_to": {"m.in_reply_to": {"event_id": original}},
        },
    )
    reply = await session.wait(
        lambda x: isinstance(x, f.MessageReceived) and x.reply_to == original
    )
    assert reply.body == "six o'clock"
    assert reply.html == "<b>six</b> o'clock"

    sent = await session.backend.send_message(
        conv(session, room), OutgoingMessage("r1", "seven, actually", reply_to=original)
    )
    assert sent.ok
    content = (await peer.wait_text(room, "seven, actually"))["content"]
    assert content["m.relates_to"]["m.in_reply_to"]["event_id"] == original


async def test_edits_both_ways(chat: tuple[Session, str], peer: Peer) -> None:
    session, room = chat
    original = await peer.say(room, "teh typo")
    await peer.send(
        room,
        {
            "msgtype": "m.text",
            "body": "* the typo",
            "m.new_content": {"msgtype": "m.text", "body": "the typo"},
            "m.relates_to": {"rel_type": "m.replace", "event_id": original},
        },
    )
    edit = await session.wait(lambda x: isinstance(x, f.MessageReceived) and x.replaces == original)
    assert edit.body == "the typo"

    mine = await session.backend.send_message(
        conv(session, room), OutgoingMessage("e-orig", "helo")
    )
    assert mine.remote_id
    result = await session.backend.edit_message(
        conv(session, room), mine.remote_id, OutgoingMessage("e-fix", "hello")
    )
    assert result.ok
    event = await peer.wait_event(
        room, lambda e: e.get("content", {}).get("m.new_content", {}).get("body") == "hello"
    )
    assert event["content"]["m.relates_to"] == {"rel_type": "m.replace", "event_id": mine.remote_id}


async def test_reactions_both_ways(chat: tuple[Session, str], peer: Peer) -> None:
    session, room = chat
    target = await peer.say(room, "react to me")
    reaction = await peer.send(
        room,
        {"m.relates_to": {"rel_type": "m.annotation", "event_id": target, "key": "👍"}},
        "m.reaction",
    )
    added = await session.wait(lambda x: isinstance(x, f.ReactionChanged) and x.added)
    assert (added.target_remote_id, added.sender, added.key) == (target, peer.user_id, "👍")
    await peer.redact(room, reaction)
    removed = await session.wait(lambda x: isinstance(x, f.ReactionChanged) and not x.added)
    assert (removed.target_remote_id, removed.key) == (target, "👍")

    c = conv(session, room)
    assert (await session.backend.react(c, target, ("👍", "🎉"))).ok

    async def our_keys() -> set[str]:
        events = await peer.events(room)
        return {
            e["content"]["m.relates_to"]["key"]
            for e in events
            if e["type"] == "m.reaction"
            and e["sender"] == session.backend.own_id
            and "m.relates_to" in e.get("content", {})
        }

    assert await our_keys() == {"👍", "🎉"}
    assert (await session.backend.react(c, target, ("🎉",))).ok
    assert await our_keys() == {"🎉"}


async def test_redactions_both_ways(chat: tuple[Session, str], peer: Peer) -> None:
    session, room = chat
    theirs = await peer.say(room, "oops, wrong room")
    await session.wait_message("oops, wrong room")
    await peer.redact(room, theirs)
    gone = await session.wait(lambda x: isinstance(x, f.MessageRetracted))
    assert gone.remote_id == theirs and gone.by == peer.user_id

    mine = await session.backend.send_message(
        conv(session, room), OutgoingMessage("x1", "delete me")
    )
    assert mine.remote_id
    assert (await session.backend.retract(conv(session, room), mine.remote_id)).ok
    redacted = await peer.wait_event(
        room,
        lambda e: (
            e.get("event_id") == mine.remote_id and "redacted_because" in e.get("unsigned", {})
        ),
    )
    assert "body" not in redacted["content"]


async def test_a_room_moderator_redacting_our_message_is_a_moderation(
    chat: tuple[Session, str], peer: Peer
) -> None:
    """The peer made the room (power 100): its redaction of our message holds, with its reason;
    ours of its message would be refused by the server, so only theirs is tried."""
    session, room = chat
    mine = await session.backend.send_message(
        conv(session, room), OutgoingMessage("x2", "buy cheap watches")
    )
    assert mine.remote_id
    await peer.redact(room, mine.remote_id, reason="spam")
    gone = await session.wait(
        lambda x: isinstance(x, f.MessageRetracted) and x.remote_id == mine.remote_id
    )
    assert gone.by == peer.user_id and gone.moderator and gone.reason == "spam"


async def test_images_and_files_through_the_authenticated_media_repository(
    synapse: Synapse, chat: tuple[Session, str], peer: Peer, tmp_path: Path
) -> None:
    session, room = chat
    image = tmp_path / "sunset.png"
    image.write_bytes(png(300, 200))
    progress: list[tuple[int, int]] = []
    c = conv(session, room)
    uploaded = await session.backend.upload(
        c, image, lambda done, total: progress.append((done, total))
    )
    assert uploaded.ok and uploaded.value and uploaded.value.startswith("mxc://")
    size = image.stat().st_size
    assert progress and progress[-1] == (size, size)

    attachment = Attachment(uploaded.value, "sunset.png", "image/png", size)
    sent = await session.backend.send_message(
        c, OutgoingMessage("img1", "look at this", attachments=(attachment,))
    )
    assert sent.ok
    content = (await peer.wait_text(room, "look at this"))["content"]
    assert content["msgtype"] == "m.image" and content["url"] == uploaded.value
    assert content["filename"] == "sunset.png"
    assert content["info"] == {"mimetype": "image/png", "size": size, "w": 300, "h": 200}

    # Recent Synapse serves new media only through the authenticated endpoints …
    server, media_id = uploaded.value[len("mxc://") :].split("/")
    legacy, _ = await peer.raw("GET", f"/_matrix/media/v3/download/{q(server)}/{q(media_id)}")
    assert legacy == 404
    # … which the peer's nio (0.26) and our backend use.
    theirs = await peer.client.download(uploaded.value)
    assert theirs.body == image.read_bytes()
    ours = await session.backend.download(uploaded.value, tmp_path / "down" / "copy.png")
    assert ours.ok and (tmp_path / "down" / "copy.png").read_bytes() == image.read_bytes()
    thumb = await session.backend.fetch_thumbnail(uploaded.value, tmp_path / "thumb.png", 64, 64)
    assert thumb.ok
    assert (tmp_path / "thumb.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    # A file from the peer arrives as an attachment reference; nothing is downloaded for it.
    resp, _ = await peer.client.upload(
        lambda *_: b"report data", content_type="text/plain", filename="report.txt", filesize=11
    )
    await peer.send(
        room,
        {
            "msgtype": "m.file",
            "body": "report.txt",
            "filename": "report.txt",
            "url": resp.content_uri,
            "info": {"mimetype": "text/plain", "size": 11},
        },
    )
    got = await session.wait(
        lambda x: isinstance(x, f.MessageReceived) and bool(x.attachments) and not x.outgoing
    )
    file = got.attachments[0]
    assert (file.url, file.filename, file.mime_type, file.size) == (
        resp.content_uri,
        "report.txt",
        "text/plain",
        11,
    )
    assert got.body == "report.txt"

    missing = await session.backend.download(f"mxc://{synapse.server_name}/nope", tmp_path / "x")
    assert missing.failure is not None and missing.failure.kind is FailureKind.REJECTED


async def test_a_room_that_turns_encrypted_is_sent_to_encrypted(
    chat: tuple[Session, str], peer: Peer
) -> None:
    session, room = chat
    await peer.put_state(room, "m.room.encryption", {"algorithm": "m.megolm.v1.aes-sha2"})
    await session.wait(
        lambda x: (
            isinstance(x, f.ConversationUpdated) and x.conversation == room and bool(x.encrypted)
        )
    )
    shown = await peer.send(
        room,
        {
            "algorithm": "m.megolm.v1.aes-sha2",
            "ciphertext": "AwgA",
            "sender_key": "k",
            "device_id": "D",
            "session_id": "s",
        },
        "m.room.encrypted",
    )
    placeholder = await session.wait(
        lambda x: isinstance(x, f.MessageReceived) and x.remote_id == shown
    )
    assert placeholder.body == ENCRYPTED_PLACEHOLDER and placeholder.trust is Trust.UNDECRYPTABLE
    result = await session.backend.send_message(conv(session, room), OutgoingMessage("enc1", "hi"))
    assert result.ok, result.failure
    event = await peer.wait_event(room, lambda e: e.get("event_id") == result.remote_id)
    assert event["type"] == "m.room.encrypted" and "hi" not in str(event["content"].get("body"))
