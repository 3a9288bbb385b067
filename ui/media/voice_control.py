"""The composer's voice message controls: a Record button, and while recording a row with the
elapsed time, Cancel (or Esc) and Send.

Shown only where the conversation takes voice messages (``Capability.VOICE_MESSAGES``; IRC does
not); the button's tooltip says why when it is not offered or no microphone was found.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.backend import Outcome
from app.models import ConversationId
from app.runtime import Result
from app.voice import VoiceInfo, format_duration
from ui.bridge import CoreBridge
from ui.core_text import core_text
from ui.media.recorder import RECORDING_FOLDER_PREFIX, VoiceRecorder


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
    """Record, then send (through the core's ``send_file`` with the voice details) or cancel, a
    voice message in the open conversation.

    Signals: ``problem(str, str)``: something to tell the user (no microphone, a failure) and
    its level ("warning", "error"), as the pane's notices take them.
    """

    problem = Signal(str, str)

    def __init__(
        self,
        parent: QWidget,
        bridge: CoreBridge,
        conversation: Callable[[], ConversationId | None],
        feed: Any = None,
    ) -> None:
        """``feed``: record from this QAudioBufferInput instead of a microphone (tests)."""
        super().__init__(parent)
        self.bridge = bridge
        self._conversation = conversation
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
            self.problem.emit(why, "warning")
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
        conv = self._conversation()
        if conv is None:
            return
        self.bridge.call(
            self.bridge.core.messaging.send_file(conv, path, voice=info),
            lambda done: self._sent(done, path),
        )

    def _sent(self, done: Result[object], path: Path) -> None:
        """Uploaded: the recording goes (only ever our own folder). Not: it stays, and the
        notice says where, so nothing said is lost."""
        outcome = done.value if done.ok and isinstance(done.value, Outcome) else None
        if done.ok and (outcome is None or outcome.failure is None):
            if path.parent.name.startswith(RECORDING_FOLDER_PREFIX):
                shutil.rmtree(path.parent, ignore_errors=True)
            return
        why = core_text(done.error) or (
            core_text(outcome.failure.message) if outcome and outcome.failure else ""
        )
        self.problem.emit(
            self.tr(
                "The voice message was not sent ({why}); the recording is kept in {path}"
            ).format(why=why, path=path),
            "error",
        )

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._close_row()
        self.problem.emit(
            self.tr("The voice message was not recorded: {reason}").format(reason=message),
            "error",
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
