"""Voice messages over XMPP: sent as Conversations and Gajim send them, an HTTP-uploaded audio
file announced as the bare URL with an out-of-band link (XEP-0066; no standard carries the
duration or waveform, and neither client sends SIMS), and theirs received as playable audio."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from app import facts as f
from app.backend import Capability, OutgoingMessage
from app.models import Attachment, ConversationId
from app.voice import wav_voice_info
from tests.fakes.media import write_tone_wav
from tests.integration.xmpp.conftest import Backends, PeerFactory
from tests.integration.xmpp.server import ProsodyServer
from tests.integration.xmpp.test_files import OOB, download

pytestmark = pytest.mark.integration


async def test_voice_messages_both_ways(
    prosody: ProsodyServer, xmpp: Backends, peers: PeerFactory, tmp_path: Path
) -> None:
    me = await xmpp.open()
    peer = await peers()
    conv = ConversationId(me.rec.account_id, peer.jid)
    assert me.backend.capabilities(conv) & Capability.VOICE_MESSAGES

    clip = write_tone_wav(tmp_path / "voice-message.wav", 1.0)
    info = wav_voice_info(clip)
    url = (await me.backend.upload(conv, clip, lambda _d, _t: None)).value
    assert url
    voice = Attachment(
        url,
        clip.name,
        "audio/x-wav",
        clip.stat().st_size,
        duration_ms=info.duration_ms,
        waveform=info.waveform,
        voice=True,
    )
    sent = await me.backend.send_message(
        conv, OutgoingMessage("txn-voice", clip.name, attachments=(voice,))
    )
    assert sent.ok
    wire = await peer.wait_body(url)  # the bare URL, which Conversations and Gajim play inline
    assert wire.findtext(f"{OOB}x/{OOB}url") == url
    assert await asyncio.to_thread(download, url, prosody.tls.ca_cert) == clip.read_bytes()

    # Conversations' voice message: an uploaded .m4a (or .oga) announced the same way.
    theirs = "https://files.example.org/upload/abc/3b5f0c1d.m4a"
    peer.chat(me.account.jid, theirs, extra=f"<x xmlns='jabber:x:oob'><url>{theirs}</url></x>")
    got = await me.wait(f.MessageReceived, lambda m: bool(m.attachments))
    audio = got.attachments[0]
    assert (audio.url, audio.filename, audio.mime_type) == (theirs, "3b5f0c1d.m4a", "audio/mp4")
