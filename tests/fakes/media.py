"""Small real media files for tests (no fixtures on disk): a WAV tone made with ``wave``, and a
feed that plays PCM into a QMediaRecorder where the machine has no microphone."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path
from typing import Any


def tone_pcm(frames: int, rate: int, amplitude: int, start: int = 0) -> bytes:
    """Mono signed 16-bit little-endian samples of a 440 Hz tone."""
    return b"".join(
        struct.pack("<h", int(amplitude * math.sin(2 * math.pi * 440 * (start + i) / rate)))
        for i in range(frames)
    )


def write_tone_wav(
    path: Path, seconds: float, rate: int = 8000, loud_second_half: bool = True
) -> Path:
    """A mono 16-bit WAV: a quiet first half and a loud second half (or loud throughout)."""
    frames = int(seconds * rate)
    half = frames // 2 if loud_second_half else 0
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(tone_pcm(half, rate, 3000) + tone_pcm(frames - half, rate, 30000, half))
    return path


class ToneFeed:
    """Feeds ``chunks`` buffers of 100 ms (quiet, then loud) into a QAudioBufferInput, as a
    microphone would, then calls ``done``. Made after QtMultimedia may be imported."""

    def __init__(self, chunks: int = 20, rate: int = 16000) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtMultimedia import QAudioBufferInput, QAudioFormat

        self.format = QAudioFormat()
        self.format.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        self.format.setChannelCount(1)
        self.format.setSampleRate(rate)
        # no format here: with one, the FFmpeg backend (Qt 6.11) never takes a buffer
        self.input = QAudioBufferInput()
        self.chunks, self.rate, self.sent = chunks, rate, 0
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self.push)
        self.done: Any = None

    def start(self) -> None:
        self.timer.start()

    def push(self) -> None:
        from PySide6.QtMultimedia import QAudioBuffer

        n = self.rate // 10
        while self.sent < self.chunks:
            loud = self.sent >= self.chunks // 2
            data = tone_pcm(n, self.rate, 28000 if loud else 3000, self.sent * n)
            if not self.input.sendAudioBuffer(QAudioBuffer(data, self.format)):
                return  # not ready yet: the timer comes back
            self.sent += 1
        self.timer.stop()
        if self.done is not None:
            self.done()
