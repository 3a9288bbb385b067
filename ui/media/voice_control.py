"""The composer's voice message controls: a Record button, and while recording a row with the
elapsed time, Cancel (or Esc) and Send.

Shown only where the conversation takes voice messages (``Capability.VOICE_MESSAGES``; IRC does
not); the button's tooltip says why when it is not offered or no microphone was found.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.voice import VoiceInfo, format_duration
from ui.media.recorder import VoiceRecorder


class RecordingRow(QWidget):
    """What shows while recording. Signals: ``escapePressed()``."""

    escapePressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escapePressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class VoiceMessageControl(QObject):
    """Record, then send or cancel, a voice message.

    Signals: ``sendRequested(object, object)``: the recorded file (Path) and its
    :class:`VoiceInfo`; ``problem(str)``: something to tell the user (no microphone, a failure).
    """

    sendRequested = Signal(object, object)
    problem = Signal(str)

    def __init__(self, parent: QWidget, feed: Any = None) -> None:
        """``feed``: record from this QAudioBufferInput instead of a microphone (tests)."""
        super().__init__(parent)
        self.feed = feed
        self.recorder: VoiceRecorder | None = None
        self.unavailable = ""
        self.button = QPushButton(self.tr("Voice messa&ge…"))
        self.button.setObjectName("recordButton")
        self.button.setAccessibleName(self.tr("Record a voice message"))
        self.button.setToolTip(self.tr("Record a voice message"))
        self.button.clicked.connect(self.start)
        self.row = RecordingRow()
        self.row.setObjectName("recordingRow")
        self.row.escapePressed.connect(self.cancel)
        self.elapsed_label = QLabel()
        self.elapsed_label.setObjectName("recordingElapsed")
        self.elapsed_label.setAccessibleName(self.tr("Recording time"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("recordingCancel")
        self.cancel_button.setAccessibleName(self.tr("Cancel the voice message"))
        self.cancel_button.clicked.connect(self.cancel)
        self.send_button = QPushButton(self.tr("Send voice message"))
        self.send_button.setObjectName("recordingSend")
        self.send_button.setAccessibleName(self.tr("Send the voice message"))
        self.send_button.clicked.connect(self.finish)
        layout = QHBoxLayout(self.row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.elapsed_label, 1)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.send_button)
        self.row.hide()
        self._show_elapsed(0)

    def offer(self, offered: bool, reason: str = "") -> None:
        """Shown where voice messages can be sent; hidden (the reason in its tooltip) elsewhere."""
        if not offered and self.recording:
            self.cancel()
        self.button.setVisible(offered)
        if self.unavailable:
            return
        self.button.setToolTip(self.tr("Record a voice message") if offered else reason)
        self.button.setAccessibleDescription("" if offered else reason)

    @property
    def recording(self) -> bool:
        return self.recorder is not None and self.recorder.recording

    @Slot()
    def start(self) -> None:
        if self.recording:
            return
        recorder = self.recorder or VoiceRecorder(self, feed=self.feed)
        self.recorder = recorder
        recorder.elapsed.connect(self._show_elapsed, Qt.ConnectionType.UniqueConnection)
        recorder.recorded.connect(self._recorded, Qt.ConnectionType.UniqueConnection)
        recorder.failed.connect(self._failed, Qt.ConnectionType.UniqueConnection)
        why = recorder.start()
        if why:
            self.unavailable = why
            self.button.setEnabled(False)
            self.button.setToolTip(why)
            self.button.setAccessibleDescription(why)
            self.problem.emit(why)
            return
        self._show_elapsed(0)
        self.button.setEnabled(False)  # one recording at a time
        self.row.show()
        self.send_button.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def finish(self) -> None:
        if self.recorder is not None and self.recorder.recording:
            self.send_button.setEnabled(False)
            self.elapsed_label.setText(self.tr("Preparing the voice message…"))
            self.recorder.finish()

    @Slot()
    def cancel(self) -> None:
        if self.recorder is not None:
            self.recorder.cancel()
        self._close_row()

    @Slot(int)
    def _show_elapsed(self, ms: int) -> None:
        self.elapsed_label.setText(self.tr("● Recording {time}").format(time=format_duration(ms)))

    @Slot(object, object)
    def _recorded(self, path: Path, info: VoiceInfo) -> None:
        self._close_row()
        self.sendRequested.emit(path, info)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._close_row()
        self.problem.emit(
            self.tr("The voice message was not recorded: {reason}").format(reason=message)
        )

    def _close_row(self) -> None:
        self.send_button.setEnabled(True)
        self.button.setEnabled(not self.unavailable)
        had_focus = (
            self.row.isAncestorOf(self.row.focusWidget()) if self.row.focusWidget() else False
        )
        self.row.hide()
        if had_focus and self.button.isVisible() and self.button.isEnabled():
            self.button.setFocus(Qt.FocusReason.OtherFocusReason)
