"""Recording a voice message: QMediaCaptureSession + QAudioInput (or a fed QAudioBufferInput)
+ QMediaRecorder, then its waveform, computed in a worker thread.

The format is the best the media backend offers for speech: Ogg/Opus (what Element and
Conversations send) where the FFmpeg build has an Opus encoder, else MPEG-4 audio with AAC
(.m4a, which Conversations used to send and every client plays), else WAV.
"""

from __future__ import annotations

import contextlib
import logging
import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, QUrl, Signal, Slot

from app.voice import VoiceInfo, pcm16_peak, waveform_bars
from ui.media.support import multimedia_available, quiet_multimedia_logging

log = logging.getLogger(__name__)

RECORDING_FOLDER_PREFIX = "chinwag-voice-"  # each recording in a temporary folder of its own


def recording_format() -> tuple[Any, str]:
    """(QMediaFormat, file suffix) for a voice message, the most compact one on offer."""
    from PySide6.QtMultimedia import QMediaFormat

    encode = QMediaFormat.ConversionMode.Encode
    choices = (
        (QMediaFormat.FileFormat.Ogg, QMediaFormat.AudioCodec.Opus, ".ogg"),
        (QMediaFormat.FileFormat.Mpeg4Audio, QMediaFormat.AudioCodec.AAC, ".m4a"),
        (QMediaFormat.FileFormat.Wave, QMediaFormat.AudioCodec.Wave, ".wav"),
    )
    for file_format, codec, suffix in choices:
        fmt = QMediaFormat(file_format)
        if codec in fmt.supportedAudioCodecs(encode):
            fmt.setAudioCodec(codec)
            return fmt, suffix
    fmt = QMediaFormat(QMediaFormat.FileFormat.Wave)
    return fmt, ".wav"


def microphone_missing() -> str:
    """Why recording cannot start here, or "" when it can."""
    from PySide6.QtCore import QCoreApplication

    if not multimedia_available():
        return QCoreApplication.translate(
            "VoiceRecorder", "Recording needs QtMultimedia (PySide6-Addons), which is not installed"
        )
    quiet_multimedia_logging()
    from PySide6.QtMultimedia import QMediaDevices

    if not QMediaDevices.audioInputs():
        return QCoreApplication.translate("VoiceRecorder", "No microphone was found")
    return ""


class WaveformWorker(QObject):
    """Decodes a recording to 16-bit mono and reduces it to waveform bars; lives in its own
    thread (QAudioDecoder delivers its buffers on the thread it belongs to).

    Signals: ``done(object)``: the bars, a tuple of ints (empty if the file cannot be decoded).
    """

    done = Signal(object)

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.peaks: list[float] = []
        self.decoder: Any = None

    @Slot()
    def run(self) -> None:
        from PySide6.QtMultimedia import QAudioDecoder, QAudioFormat

        fmt = QAudioFormat()
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        fmt.setChannelCount(1)
        fmt.setSampleRate(16000)
        decoder = QAudioDecoder(self)
        decoder.setAudioFormat(fmt)
        decoder.setSource(QUrl.fromLocalFile(str(self.path)))
        decoder.bufferReady.connect(self._buffer)
        decoder.finished.connect(self._finished)
        decoder.error.connect(self._failed)
        self.decoder = decoder
        decoder.start()

    @Slot()
    def _buffer(self) -> None:
        buffer = self.decoder.read()
        data = buffer.constData()
        self.peaks.append(pcm16_peak(bytes(data)))

    @Slot()
    def _finished(self) -> None:
        self.done.emit(waveform_bars(self.peaks))

    @Slot(object)
    def _failed(self, _error: object) -> None:
        log.info("no waveform for %s: %s", self.path.name, self.decoder.errorString())
        self.done.emit(())


class VoiceRecorder(QObject):
    """One recording at a time: ``start()``, then ``finish()`` (to send) or ``cancel()``.

    ``feed``: a QAudioBufferInput to record from instead of the microphone (tests on machines
    with no audio device; the recorder, the encoder and the file are the real ones).

    Signals: ``elapsed(int)``: milliseconds recorded so far; ``recorded(object, object)``: the
    file (Path) and its :class:`VoiceInfo`, once finished and analysed; ``failed(str)``: why
    recording stopped.
    """

    elapsed = Signal(int)
    recorded = Signal(object, object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, feed: Any = None) -> None:
        super().__init__(parent)
        self.feed = feed
        self.session: Any = None
        self.recorder: Any = None
        self.path: Path | None = None
        self._sending = False
        self._started = 0.0
        self._duration = 0
        self._thread: QThread | None = None
        self._worker: WaveformWorker | None = None

    @property
    def recording(self) -> bool:
        return self.recorder is not None

    def start(self) -> str:
        """Start recording; returns why not ("" when it started)."""
        if self.recording:
            return ""
        if self.feed is None:
            missing = microphone_missing()
            if missing:
                return missing
        quiet_multimedia_logging()
        from PySide6.QtMultimedia import QAudioInput, QMediaCaptureSession, QMediaRecorder

        fmt, suffix = recording_format()
        folder = Path(tempfile.mkdtemp(prefix=RECORDING_FOLDER_PREFIX))
        self.path = folder / ("voice-message-" + time.strftime("%Y%m%d-%H%M%S") + suffix)
        session = QMediaCaptureSession(self)
        if self.feed is not None:
            session.setAudioBufferInput(self.feed)
        else:
            session.setAudioInput(QAudioInput(self))
        recorder = QMediaRecorder(self)
        session.setRecorder(recorder)
        recorder.setMediaFormat(fmt)
        recorder.setAudioChannelCount(1)
        recorder.setQuality(QMediaRecorder.Quality.NormalQuality)
        recorder.setOutputLocation(QUrl.fromLocalFile(str(self.path)))
        recorder.durationChanged.connect(self._duration_changed)
        recorder.recorderStateChanged.connect(self._state_changed)
        recorder.errorOccurred.connect(self._error)
        self.session, self.recorder = session, recorder
        self._sending = False
        self._duration = 0
        self._started = time.monotonic()
        recorder.record()
        return ""

    def finish(self) -> None:
        """Stop and, once the file is complete and analysed, emit ``recorded``."""
        if self.recorder is not None:
            self._sending = True
            self.recorder.stop()

    def cancel(self) -> None:
        """Stop and throw the recording away (once the recorder has let go of the file)."""
        if self.recorder is not None:
            self._sending = False
            self.recorder.stop()

    @Slot("qint64")
    def _duration_changed(self, duration: int) -> None:
        self._duration = duration
        self.elapsed.emit(duration)

    @Slot(object)
    def _state_changed(self, state: object) -> None:
        from PySide6.QtMultimedia import QMediaRecorder

        if state != QMediaRecorder.RecorderState.StoppedState or self.recorder is None:
            return
        path, sending = self.path, self._sending
        duration = self._duration or int((time.monotonic() - self._started) * 1000)
        self._release()
        if not sending or path is None:
            self._drop()
            return
        if not path.exists() or path.stat().st_size == 0:
            self.failed.emit(self.tr("Nothing was recorded."))
            return
        self._analyse(path, duration)

    @Slot(object, str)
    def _error(self, _error: object, message: str) -> None:
        log.warning("recording failed: %s", message)
        self._release()
        self._drop()
        self.failed.emit(message or self.tr("Recording failed."))

    def _analyse(self, path: Path, duration: int) -> None:
        thread = QThread(self)
        worker = WaveformWorker(path)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.done.connect(self._analysed)
        self._thread, self._worker = thread, worker
        self._pending = (path, duration)
        thread.start()

    @Slot(object)
    def _analysed(self, bars: tuple[int, ...]) -> None:
        path, duration = self._pending
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread = None
        if self._worker is not None:
            self._worker.deleteLater()
            self._worker = None
        self.recorded.emit(path, VoiceInfo(duration, tuple(bars)))

    def _release(self) -> None:
        if self.recorder is not None:
            self.recorder.deleteLater()
        if self.session is not None:
            self.session.deleteLater()
        self.recorder = self.session = None

    def _drop(self) -> None:
        if self.path is not None:
            self.path.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                self.path.parent.rmdir()
            self.path = None
