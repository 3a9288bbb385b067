"""Matrix voice messages (MSC3245 with MSC1767's audio block): the content we send and what we
recognise on the way in."""

from __future__ import annotations

from typing import Any

from app.models import Attachment
from backends.matrix import convert as cv

VOICE = Attachment(
    url="mxc://example.org/abc",
    filename="voice.m4a",
    mime_type="audio/mp4",
    size=4321,
    duration_ms=7_000,
    waveform=(0, 512, 1024),
    voice=True,
)


def test_a_voice_message_is_m_audio_with_the_voice_flag_duration_and_waveform() -> None:
    content = cv.media_content(VOICE)
    assert content["msgtype"] == "m.audio"
    assert content["org.matrix.msc3245.voice"] == {}
    assert content["org.matrix.msc1767.audio"] == {"duration": 7000, "waveform": [0, 512, 1024]}
    assert content["info"] == {"mimetype": "audio/mp4", "size": 4321, "duration": 7000}
    assert content["url"] == "mxc://example.org/abc"


def test_plain_audio_has_its_duration_but_no_voice_flag() -> None:
    content = cv.media_content(
        Attachment(url="mxc://e/x", filename="song.ogg", mime_type="audio/ogg", duration_ms=1)
    )
    assert content["msgtype"] == "m.audio"
    assert content["info"]["duration"] == 1
    assert "org.matrix.msc3245.voice" not in content
    assert "org.matrix.msc1767.audio" not in content


def test_the_sent_content_reads_back_as_the_same_voice_message() -> None:
    back = cv.attachment_of(cv.media_content(VOICE), "m.audio")
    assert back is not None
    assert (back.voice, back.duration_ms, back.waveform) == (True, 7000, (0, 512, 1024))


def _content(**extra: Any) -> dict[str, Any]:
    return {"msgtype": "m.audio", "body": "Voice message", "url": "mxc://e/v", **extra}


def test_element_voice_message_is_recognised() -> None:
    content = _content(
        info={"duration": 2500, "mimetype": "audio/ogg", "size": 9},
        **{
            "org.matrix.msc1767.audio": {"duration": 2500, "waveform": [1, 2, 3]},
            "org.matrix.msc3245.voice": {},
        },
    )
    a = cv.attachment_of(content, "m.audio")
    assert a is not None and a.voice and a.duration_ms == 2500 and a.waveform == (1, 2, 3)


def test_duration_falls_back_to_the_audio_block_and_bad_values_are_dropped() -> None:
    a = cv.attachment_of(_content(**{"org.matrix.msc1767.audio": {"duration": 900}}), "m.audio")
    assert a is not None and a.duration_ms == 900 and not a.voice
    bad = _content(
        info={"duration": -4},
        **{"org.matrix.msc1767.audio": {"waveform": "x"}, "org.matrix.msc3245.voice": "yes"},
    )
    b = cv.attachment_of(bad, "m.audio")
    assert b is not None
    assert (b.duration_ms, b.waveform, b.voice) == (None, (), False)


def test_the_voice_flag_on_a_file_is_not_a_voice_message() -> None:
    a = cv.attachment_of(
        {"msgtype": "m.file", "body": "x", "url": "mxc://e/f", "org.matrix.msc3245.voice": {}},
        "m.file",
    )
    assert a is not None and not a.voice
