"""A video message played inside the message list, with a button to open it larger.

The frame surface and its QMediaPlayer are made when the player is made, which happens only once
the video has been downloaded and its message is on screen: the first frame is shown paused (the
poster), and Play starts it in place.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRect, Qt, QUrl, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.models import Attachment
from app.voice import format_duration
from ui.media.support import (
    follow_position,
    media_title,
    quiet_multimedia_logging,
    tab_within,
)

log = logging.getLogger(__name__)


class VideoSurface(QWidget):
    """Paints the player's latest frame (from a QVideoSink, converted on the CPU: small inline
    videos, and it works where there is no GPU), with a play sign over it while paused.

    Signals: ``clicked()``.
    """

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.paused = True
        self.setMinimumSize(160, 90)

    @Slot(object)
    def show_frame(self, frame: Any) -> None:
        image = frame.toImage()
        if not image.isNull():
            self.image = image
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Shadow))
        if not self.image.isNull():
            scaled = self.image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, scaled.width(), scaled.height())
            target.moveCenter(self.rect().center())
            painter.drawImage(target, self.image)
        if self.paused:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            radius = min(self.width(), self.height(), 96) / 4
            centre = QPointF(self.rect().center())
            painter.setPen(Qt.PenStyle.NoPen)
            veil = QColor(palette.color(QPalette.ColorRole.Shadow))
            veil.setAlpha(150)
            painter.setBrush(veil)
            painter.drawEllipse(centre, radius, radius)
            painter.setBrush(palette.color(QPalette.ColorRole.BrightText))
            r = radius * 0.5
            painter.drawPolygon(
                QPolygonF(
                    [
                        centre + QPointF(-r * 0.6, -r),
                        centre + QPointF(-r * 0.6, r),
                        centre + QPointF(r, 0),
                    ]
                )
            )
        painter.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class VideoPlayer(QFrame):
    """One video attachment, from the downloaded file at ``path``.

    Signals: ``escapePressed()``: Esc in the player; ``openLargerRequested()``: the "open larger"
    button (the owner opens a :class:`VideoWindow`).
    """

    escapePressed = Signal()
    openLargerRequested = Signal()

    def __init__(
        self,
        path: Path,
        attachment: Attachment,
        parent: QWidget | None = None,
        larger_button: bool = True,
    ) -> None:
        super().__init__(parent)
        quiet_multimedia_logging()
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoSink

        self.setObjectName("videoPlayer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.path = path
        self.attachment = attachment
        self.title = media_title(attachment)
        self.setAccessibleName(self.title)
        self.error = ""
        self._duration = attachment.duration_ms or 0
        self.video = VideoSurface()
        self.video.setObjectName("videoSurface")
        self.video.setAccessibleName(self.title)
        self.video.clicked.connect(self.toggle)
        self._output = QAudioOutput(self)
        self._sink = QVideoSink(self)
        self._sink.videoFrameChanged.connect(self.video.show_frame)
        self.player: Any = QMediaPlayer(self)
        self.player.setAudioOutput(self._output)
        self.player.setVideoSink(self._sink)
        self.player.positionChanged.connect(self._position_changed)
        self.player.durationChanged.connect(self._duration_changed)
        self.player.playbackStateChanged.connect(self._state_changed)
        self.player.errorOccurred.connect(self._failed)
        self.player.setSource(QUrl.fromLocalFile(str(path)))

        self.play_button = QToolButton()
        self.play_button.setObjectName("playButton")
        self.play_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.play_button.clicked.connect(self.toggle)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("seekSlider")
        self.slider.setRange(0, self._duration)
        self.slider.setSingleStep(1000)
        self.slider.setPageStep(5000)
        self.slider.sliderMoved.connect(self.seek)
        self.slider.actionTriggered.connect(self._slider_action)
        self.slider.setAccessibleName(self.tr("Position in {title}").format(title=self.title))
        self.time_label = QLabel()
        self.time_label.setObjectName("playTime")
        self.larger_button = QToolButton()
        self.larger_button.setObjectName("openLargerButton")
        self.larger_button.setText(self.tr("Larger"))
        self.larger_button.setAccessibleName(self.tr("Open the video larger"))
        self.larger_button.setToolTip(self.tr("Open the video larger"))
        self.larger_button.clicked.connect(self.openLargerRequested)
        self.larger_button.setVisible(larger_button)
        controls = QHBoxLayout()
        controls.setContentsMargins(4, 0, 4, 0)
        controls.addWidget(self.play_button)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time_label)
        controls.addWidget(self.larger_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.video, 1)
        layout.addLayout(controls)
        self.setFocusProxy(self.play_button)
        self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._update_controls(0)
        self.player.pause()  # loads it and shows the first frame: the poster

    @property
    def playing(self) -> bool:
        from PySide6.QtMultimedia import QMediaPlayer

        return bool(self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState)

    def _update_controls(self, position: int) -> None:
        playing = self.playing
        self.video.paused = not playing
        self.video.update()
        length = format_duration(self._duration) if self._duration else "–:––"
        self.time_label.setText(f"{format_duration(position)} / {length}")
        icon = (
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.play_button.setIcon(self.style().standardIcon(icon))
        name = self.tr("Pause video") if playing else self.tr("Play video")
        if self._duration:
            name += f", {format_duration(self._duration)}"
        self.play_button.setAccessibleName(name)
        self.play_button.setToolTip(name)
        self.slider.setAccessibleDescription(self.time_label.text())
        if self.error:
            self.play_button.setEnabled(False)
            self.time_label.setText(self.error)

    @Slot()
    def toggle(self) -> None:
        if self.playing:
            self.player.pause()
        else:
            self.player.play()

    def stop(self) -> None:
        self.player.stop()

    @Slot(int)
    def seek(self, position: int) -> None:
        self.player.setPosition(position)
        self._update_controls(position)

    @Slot(int)
    def _slider_action(self, _action: int) -> None:
        self.seek(self.slider.sliderPosition())

    @Slot("qint64")
    def _position_changed(self, position: int) -> None:
        follow_position(self.slider, position)
        self._update_controls(position)

    @Slot("qint64")
    def _duration_changed(self, duration: int) -> None:
        if duration > 0:
            self._duration = duration
            self.slider.setRange(0, duration)
            self._update_controls(self.slider.value())

    @Slot(object)
    def _state_changed(self, _state: object) -> None:
        self._update_controls(self.slider.value())

    @Slot(object, str)
    def _failed(self, _error: object, message: str) -> None:
        log.info("cannot play %s: %s", self.path.name, message)
        self.error = self.tr("Cannot play: {reason}").format(reason=message or self.tr("unknown"))
        self._update_controls(0)

    def focusNextPrevChild(self, next: bool) -> bool:
        return tab_within(
            (self.play_button, self.slider, self.larger_button), next
        ) or super().focusNextPrevChild(next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escapePressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class VideoWindow(QDialog):
    """The video larger, in its own window (Esc closes it), from where the inline one was."""

    def __init__(
        self, path: Path, attachment: Attachment, position: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("videoWindow")
        self.setWindowTitle(media_title(attachment))
        self.player = VideoPlayer(path, attachment, self, larger_button=False)
        self.player.escapePressed.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.player)
        self.resize(960, 600)
        if position:
            self.player.seek(position)
        self.finished.connect(self.player.stop)
