"""The compact player drawn inside an audio or voice message: play/pause, a seek slider (with
the voice message's waveform), and the position over the length.

QMediaPlayer (QtMultimedia) is created on the first press of Play, not before: a conversation full
of voice messages costs only these few widgets until one is played.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSlider, QStyle, QToolButton, QWidget

from app.models import Attachment
from app.voice import WAVEFORM_MAX, format_duration
from ui.media.support import (
    follow_position,
    media_title,
    quiet_multimedia_logging,
    tab_within,
)

log = logging.getLogger(__name__)


class WaveformSlider(QSlider):
    """A horizontal seek slider that draws the voice message's waveform as bars, the played part
    in the highlight colour (the position is also in the label and the accessible value: colour
    is never the only cue)."""

    def __init__(self, waveform: tuple[int, ...], parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.waveform = waveform

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.waveform:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        played = palette.color(QPalette.ColorRole.Highlight)
        rest = palette.color(QPalette.ColorRole.PlaceholderText)
        width, height = self.width(), self.height()
        count = len(self.waveform)
        step = width / count
        span = self.maximum() - self.minimum()
        done = (self.value() - self.minimum()) / span if span > 0 else 0.0
        for i, amp in enumerate(self.waveform):
            bar = max(2.0, (amp / WAVEFORM_MAX) * (height - 4))
            x = i * step
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(played if (i + 0.5) / count <= done else rest)
            painter.drawRoundedRect(
                QRectF(
                    QPointF(x + step * 0.15, (height - bar) / 2),
                    QPointF(x + step * 0.85, (height + bar) / 2),
                ),
                1,
                1,
            )
        if self.hasFocus():
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()


class AudioPlayer(QFrame):
    """One audio attachment's player, for a file already downloaded (and decrypted) to ``path``.

    Signals: ``escapePressed()``: Esc in the player (back to the message list).
    """

    escapePressed = Signal()

    def __init__(self, path: Path, attachment: Attachment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audioPlayer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.path = path
        self.attachment = attachment
        self.title = media_title(attachment)
        self.setAccessibleName(self.title)
        self.player: Any = None  # QMediaPlayer, once played
        self._output: Any = None
        self._duration = attachment.duration_ms or 0
        self.error = ""

        self.play_button = QToolButton()
        self.play_button.setObjectName("playButton")
        self.play_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.play_button.setAutoRaise(True)
        self.play_button.clicked.connect(self.toggle)
        self.slider = WaveformSlider(attachment.waveform)
        self.slider.setObjectName("seekSlider")
        self.slider.setMinimumHeight(30)
        self.slider.setRange(0, self._duration)
        self.slider.setSingleStep(1000)
        self.slider.setPageStep(5000)
        self.slider.sliderMoved.connect(self.seek)
        self.slider.actionTriggered.connect(self._slider_action)
        self.time_label = QLabel()
        self.time_label.setObjectName("playTime")
        self.time_label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 6, 2)
        layout.addWidget(self.play_button)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.time_label)
        self.setFocusProxy(self.play_button)
        self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._update_controls(playing=False, position=0)

    # -- state -------------------------------------------------------------------------------

    @property
    def playing(self) -> bool:
        if self.player is None:
            return False
        from PySide6.QtMultimedia import QMediaPlayer

        return bool(self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState)

    def _update_controls(self, playing: bool, position: int) -> None:
        length = format_duration(self._duration) if self._duration else "–:––"
        self.time_label.setText(f"{format_duration(position)} / {length}")
        style = self.style()
        icon = (
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.play_button.setIcon(style.standardIcon(icon))
        kind = self.tr("voice message") if self.attachment.voice else self.tr("audio")
        if playing:
            name = self.tr("Pause {kind}").format(kind=kind)
        else:
            name = self.tr("Play {kind}").format(kind=kind)
        if self._duration:
            name += f", {format_duration(self._duration)}"
        self.play_button.setAccessibleName(name)
        self.play_button.setToolTip(name)
        self.slider.setAccessibleName(self.tr("Position in {title}").format(title=self.title))
        self.slider.setAccessibleDescription(self.time_label.text())
        if self.error:
            self.play_button.setEnabled(False)
            self.play_button.setToolTip(self.error)
            self.time_label.setText(self.error)

    # -- playing -----------------------------------------------------------------------------

    def _ensure_player(self) -> Any:
        if self.player is None:
            quiet_multimedia_logging()
            from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

            self._output = QAudioOutput(self)
            player = QMediaPlayer(self)
            player.setAudioOutput(self._output)
            player.positionChanged.connect(self._position_changed)
            player.durationChanged.connect(self._duration_changed)
            player.playbackStateChanged.connect(self._state_changed)
            player.errorOccurred.connect(self._failed)
            player.setSource(QUrl.fromLocalFile(str(self.path)))
            self.player = player
        return self.player

    @Slot()
    def toggle(self) -> None:
        """Play, or pause if playing (Space or Enter on the button)."""
        player = self._ensure_player()
        if self.playing:
            player.pause()
        else:
            player.play()

    def stop(self) -> None:
        if self.player is not None:
            self.player.stop()

    @Slot(int)
    def seek(self, position: int) -> None:
        self._ensure_player().setPosition(position)
        self._update_controls(self.playing, position)

    @Slot(int)
    def _slider_action(self, _action: int) -> None:
        """Arrow keys, Page Up/Down, Home/End on the slider seek too (not only dragging)."""
        self.seek(self.slider.sliderPosition())

    @Slot("qint64")
    def _position_changed(self, position: int) -> None:
        follow_position(self.slider, position)
        self._update_controls(self.playing, position)

    @Slot("qint64")
    def _duration_changed(self, duration: int) -> None:
        if duration > 0:
            self._duration = duration
            self.slider.setRange(0, duration)
            self._update_controls(self.playing, self.slider.value())

    @Slot(object)
    def _state_changed(self, _state: object) -> None:
        self._update_controls(self.playing, self.slider.value())

    @Slot(object, str)
    def _failed(self, _error: object, message: str) -> None:
        log.info("cannot play %s: %s", self.path.name, message)
        self.error = self.tr("Cannot play: {reason}").format(reason=message or self.tr("unknown"))
        self._update_controls(False, 0)

    def focusNextPrevChild(self, next: bool) -> bool:
        return tab_within((self.play_button, self.slider), next) or super().focusNextPrevChild(next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escapePressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)
