"""Voice messages over Matrix (MSC3245): ours arrive at an independent matrix-nio client as
m.audio with the voice flag, the duration and the waveform; Element's arrive here as voice
messages."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from app import facts as f
from app.backend import Capability, OutgoingMessage
from app.models import Attachment, ConversationId
from app.voice import wav_voice_info
from tests.fakes.media import write_tone_wav
from tests.integration.matrix.helpers import Account, Peer, Session, connect, group_with
from tests.integration.matrix.synapse import Synapse

pytestmark = pytest.mark.integration


@pytest.fixture
async def voice_chat(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> AsyncIterator[tuple[Session, str]]:
    room = await group_with(synapse, account, peer, name="Voice")
    session = await connect(synapse, account, tmp_path)
    try:
        yield session, room
    finally:
        await session.backend.disconnect()


async def test_a_voice_message_arrives_as_one_and_comes_back_as_one(
    voice_chat: tuple[Session, str], peer: Peer, tmp_path: Path
) -> None:
    session, room = voice_chat
    conv = ConversationId(session.rec.account_id, room)
    assert session.backend.capabilities(conv) & Capability.VOICE_MESSAGES
    clip = write_tone_wav(tmp_path / "voice-message.wav", 2.0)
    info = wav_voice_info(clip)
    uploaded = await session.backend.upload(conv, clip, lambda _d, _t: None)
    assert uploaded.ok and uploaded.value
    size = clip.stat().st_size
    attachment = Attachment(
        uploaded.value,
        clip.name,
        "audio/wav",
        size,
        duration_ms=info.duration_ms,
        waveform=info.waveform,
        voice=True,
    )
    sent = await session.backend.send_message(
        conv, OutgoingMessage("voice1", clip.name, attachments=(attachment,))
    )
    assert sent.ok

    content = (await peer.wait_text(room, clip.name))["content"]
    assert content["msgtype"] == "m.audio"
    assert content["org.matrix.msc3245.voice"] == {}
    assert content["org.matrix.msc1767.audio"]["duration"] == 2000
    assert content["org.matrix.msc1767.audio"]["waveform"] == list(info.waveform)
    assert content["info"]["duration"] == 2000
    assert content["info"]["mimetype"] == "audio/wav"
    theirs = await peer.client.download(content["url"])
    assert theirs.body == clip.read_bytes()

    # One as Element sends it (createVoiceMessageContent), from the peer's own upload.
    resp, _ = await peer.client.upload(
        lambda *_: clip.read_bytes(),
        content_type="audio/ogg",
        filename="Voice message.ogg",
        filesize=size,
    )
    await peer.send(
        room,
        {
            "msgtype": "m.audio",
            "body": "Voice message",
            "url": resp.content_uri,
            "info": {"duration": 2345, "mimetype": "audio/ogg", "size": size},
            "org.matrix.msc1767.text": "Voice message",
            "org.matrix.msc1767.file": {"url": resp.content_uri, "name": "Voice message.ogg"},
            "org.matrix.msc1767.audio": {"duration": 2345, "waveform": [0, 400, 1024, 12]},
            "org.matrix.msc3245.voice": {},
        },
    )
    got = await session.wait(
        lambda x: isinstance(x, f.MessageReceived) and bool(x.attachments) and not x.outgoing
    )
    voice = got.attachments[0]
    assert (voice.voice, voice.duration_ms, voice.waveform) == (True, 2345, (0, 400, 1024, 12))
    assert voice.url == resp.content_uri and voice.mime_type == "audio/ogg"
    ours = await session.backend.download(voice.url, tmp_path / "down.ogg")
    assert ours.ok and (tmp_path / "down.ogg").read_bytes() == clip.read_bytes()
