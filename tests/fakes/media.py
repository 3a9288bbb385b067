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


class VideoMaker:
    """Encodes ``frames`` coloured 160×120 frames to an MPEG-4 file with the real recorder
    (QVideoFrameInput); ``finished`` turns True when the file is complete, ``error`` says why not."""

    def __init__(self, path: Path, frames: int = 25) -> None:
        from PySide6.QtCore import QSize, QTimer, QUrl
        from PySide6.QtMultimedia import (
            QMediaCaptureSession,
            QMediaFormat,
            QMediaRecorder,
            QVideoFrameInput,
        )

        self.path, self.frames, self.sent = path, frames, 0
        self.finished, self.error = False, ""
        self.input = QVideoFrameInput()
        self.session = QMediaCaptureSession()
        self.session.setVideoFrameInput(self.input)
        self.recorder = QMediaRecorder()
        self.session.setRecorder(self.recorder)
        fmt = QMediaFormat(QMediaFormat.FileFormat.MPEG4)
        fmt.setVideoCodec(QMediaFormat.VideoCodec.MPEG4)
        self.recorder.setMediaFormat(fmt)
        self.recorder.setVideoResolution(QSize(160, 120))
        self.recorder.setVideoFrameRate(25)
        self.recorder.setOutputLocation(QUrl.fromLocalFile(str(path)))
        self.recorder.recorderStateChanged.connect(self._state)
        self.recorder.errorOccurred.connect(self._error)
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._push)
        self.recorder.record()
        self.timer.start()

    def _push(self) -> None:
        from PySide6.QtGui import QColor, QImage, QPainter
        from PySide6.QtMultimedia import QVideoFrame

        while self.sent < self.frames:
            image = QImage(160, 120, QImage.Format.Format_RGB32)
            image.fill(QColor.fromHsv(200 + self.sent * 2, 160, 200))
            painter = QPainter(image)
            painter.fillRect(20 + self.sent * 4, 40, 40, 40, QColor("#f0c040"))
            painter.end()
            frame = QVideoFrame(image)
            frame.setStartTime(self.sent * 40_000)
            frame.setEndTime((self.sent + 1) * 40_000)
            if not self.input.sendVideoFrame(frame):
                return
            self.sent += 1
        self.timer.stop()
        self.recorder.stop()

    def _state(self, state: object) -> None:
        from PySide6.QtMultimedia import QMediaRecorder

        if state == QMediaRecorder.RecorderState.StoppedState and self.sent >= self.frames:
            self.finished = True

    def _error(self, _error: object, message: str) -> None:
        self.error = message or "error"
