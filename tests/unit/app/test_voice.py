"""Voice message waveforms and durations (app.voice): pure, no audio hardware."""

from __future__ import annotations

import struct
import wave
from pathlib import Path

import pytest

from app.voice import (
    WAVEFORM_MAX,
    clean_waveform,
    format_duration,
    pcm16_peak,
    wav_voice_info,
    waveform_bars,
)
from tests.fakes.media import write_tone_wav


def test_bars_scale_to_the_loudest_and_keep_the_shape() -> None:
    bars = waveform_bars([0.1] * 50 + [0.5] * 50, bars=10)
    assert len(bars) == 10
    assert bars[-1] == WAVEFORM_MAX
    assert bars[0] == round(0.1 / 0.5 * WAVEFORM_MAX)
    assert all(0 <= b <= WAVEFORM_MAX for b in bars)


@pytest.mark.parametrize(
    ("peaks", "expected"),
    [([], ()), ([0.0, 0.0], (0, 0)), ([2.0, -1.0, float("nan")], (1024, 0, 0))],
)
def test_bars_of_silence_bad_values_and_nothing(
    peaks: list[float], expected: tuple[int, ...]
) -> None:
    assert waveform_bars(peaks, bars=64) == expected


def test_pcm16_peak() -> None:
    assert pcm16_peak(struct.pack("<hhh", 0, -32768, 100)) == 1.0
    assert pcm16_peak(struct.pack("<hh", 0, 16384)) == pytest.approx(0.5, abs=0.001)
    assert pcm16_peak(b"") == 0.0
    assert pcm16_peak(b"\x01") == 0.0  # an odd byte is no sample


def test_wav_duration_and_waveform(tmp_path: Path) -> None:
    path = tmp_path / "voice.wav"
    write_tone_wav(path, 2.5)
    info = wav_voice_info(path)
    assert info.duration_ms == 2500
    assert len(info.waveform) == 64
    assert max(info.waveform) == WAVEFORM_MAX
    assert info.waveform[0] < info.waveform[-1] // 4  # the quiet half is drawn lower


def test_a_file_that_is_not_wav_raises_a_wave_error(tmp_path: Path) -> None:
    path = tmp_path / "x.wav"
    path.write_bytes(b"RIFF....not a wave")
    with pytest.raises((wave.Error, EOFError)):
        wav_voice_info(path)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ([0, 512, 2000, -5], (0, 512, 1024, 0)),
        ([1.5, 3], (1, 3)),
        ("nope", ()),
        ([1, "x"], ()),
        ([True], ()),
        (None, ()),
    ],
)
def test_waveforms_from_the_network_are_cleaned(raw: object, expected: tuple[int, ...]) -> None:
    assert clean_waveform(raw) == expected


def test_a_hostile_waveform_is_cut_short() -> None:
    assert len(clean_waveform(list(range(100_000)))) == 1000


@pytest.mark.parametrize(
    ("ms", "text"), [(None, "0:00"), (7_400, "0:07"), (754_000, "12:34"), (3_723_000, "1:02:03")]
)
def test_format_duration(ms: int | None, text: str) -> None:
    assert format_duration(ms) == text
