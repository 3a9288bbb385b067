"""Voice messages without Qt: the waveform a recording is drawn with, and how long a WAV file plays.

The window decodes a recording (any format the media backend reads) into peak amplitudes; this
module turns them into the few dozen bars Matrix carries (MSC3246: integers 0..1024) so the same
rule serves every service and is testable without audio hardware.
"""

from __future__ import annotations

import array
import math
import sys
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

WAVEFORM_BARS = 64  # Element sends about this many; enough for a bubble, small in the event
WAVEFORM_MAX = 1024  # MSC3246: amplitudes are integers 0..1024
VOICE_MIME_TYPES = ("audio/ogg", "audio/mp4", "audio/aac", "audio/wav", "audio/x-wav", "audio/webm")


@dataclass(frozen=True, slots=True)
class VoiceInfo:
    """What a recorded voice message says about itself when it is sent."""

    duration_ms: int
    waveform: tuple[int, ...] = ()


def waveform_bars(peaks: Sequence[float], bars: int = WAVEFORM_BARS) -> tuple[int, ...]:
    """Reduce per-chunk peak amplitudes (0.0..1.0, any count) to ``bars`` integers 0..1024.

    Each bar is the loudest peak of its slice, scaled so the loudest bar is full height (a quiet
    recording still shows its shape); silence stays flat. Fewer peaks than bars: one bar each."""
    if not peaks or bars <= 0:
        return ()
    clean = [0.0 if math.isnan(p) else min(max(float(p), 0.0), 1.0) for p in peaks]
    count = min(bars, len(clean))
    out = []
    for i in range(count):
        start = i * len(clean) // count
        end = max((i + 1) * len(clean) // count, start + 1)
        out.append(max(clean[start:end]))
    loudest = max(out)
    if loudest <= 0.0:
        return tuple(0 for _ in out)
    return tuple(round(v / loudest * WAVEFORM_MAX) for v in out)


def pcm16_peak(data: bytes) -> float:
    """The peak amplitude (0.0..1.0) of little-endian signed 16-bit samples."""
    samples = array.array("h")
    samples.frombytes(data[: len(data) - len(data) % 2])
    if sys.byteorder == "big":
        samples.byteswap()
    if not samples:
        return 0.0
    high, low = max(samples), -min(samples)
    return min(max(high, low) / 32767.0, 1.0)


def wav_voice_info(path: Path, chunk_ms: int = 20) -> VoiceInfo:
    """Duration and waveform of a 16-bit PCM WAV file (what the recorder makes where no compressed
    format is offered). Raises ``wave.Error`` / ``EOFError`` for a file that is not one."""
    with wave.open(str(path), "rb") as wav:
        if wav.getsampwidth() != 2:
            raise wave.Error("only 16-bit PCM is read")
        rate, channels, frames = wav.getframerate(), wav.getnchannels(), wav.getnframes()
        if rate <= 0:
            raise wave.Error("no sample rate")
        step = max(rate * chunk_ms // 1000, 1)
        peaks = []
        while chunk := wav.readframes(step):
            peaks.append(pcm16_peak(chunk))
            if len(chunk) < step * channels * 2:
                break
    return VoiceInfo(frames * 1000 // rate, waveform_bars(peaks))


def clean_waveform(values: object, limit: int = 1000) -> tuple[int, ...]:
    """A waveform from the network: integers clamped to 0..1024, at most ``limit`` of them;
    anything else (not a list, non-numbers) gives none."""
    if not isinstance(values, list):
        return ()
    out = []
    for v in values[:limit]:
        if isinstance(v, bool) or not isinstance(v, int | float) or math.isnan(v):
            return ()
        out.append(min(max(int(v), 0), WAVEFORM_MAX))
    return tuple(out)


def format_duration(ms: int | None) -> str:
    """``0:07``, ``12:34``, ``1:02:03``: how players show a length."""
    seconds = max((ms or 0) // 1000, 0)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
