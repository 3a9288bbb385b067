"""An image from a conversation, shown large: zoom, fit, actual size, save a copy.

The file (already downloaded into the media cache) is decoded in the thread pool, never on the
UI thread, with Qt's allocation limit guarding against a hostile picture that claims huge
dimensions; until then the dialog says it is loading, and a file that is not a picture says so.
Every action has a button and a shortcut (Ctrl++ / Ctrl+- zoom, Ctrl+0 fit, Ctrl+1 actual size,
Ctrl+S save a copy, Escape closes), and Ctrl+wheel zooms; the zoom level is written out.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import (
    QImage,
    QImageReader,
    QKeySequence,
    QPixmap,
    QResizeEvent,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

ZOOM_STEPS = (0.1, 0.25, 0.33, 0.5, 0.67, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0)
MAX_SIDE = 16384  # larger claims are refused before any pixel is decoded


class _Decoded(QObject):
    ready = Signal(QImage, str)


class _DecodeJob(QRunnable):
    def __init__(self, path: str, done: _Decoded) -> None:
        super().__init__()
        self.path, self.done = path, done

    def run(self) -> None:
        reader = QImageReader(self.path)
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid() and (size.width() > MAX_SIDE or size.height() > MAX_SIDE):
            self.done.ready.emit(QImage(), "too large")
            return
        image = reader.read()
        self.done.ready.emit(image, "" if not image.isNull() else reader.errorString())


class _Scroll(QScrollArea):
    """Ctrl+wheel zooms (the wheel alone scrolls)."""

    zoomed = Signal(int)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoomed.emit(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)


class ImageViewer(QDialog):
    """Signals: ``loaded(bool)``: the picture was decoded (or could not be)."""

    loaded = Signal(bool)

    def __init__(
        self,
        path: Path,
        name: str,
        parent: QWidget | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("imageViewer")
        self.path = path
        self.name = name or path.name
        self.setWindowTitle(self.tr("Image: {name}").format(name=self.name))
        self.setAccessibleName(self.tr("Image viewer"))
        self.image = QImage()
        self.scale = 1.0
        self.fit = True
        self.ask_path: Callable[[str], str] = self._ask_path
        """Where to save a copy ("" cancels); tests put an answer here."""

        self.picture = QLabel(self.tr("Loading the image…"))
        self.picture.setObjectName("imagePicture")
        self.picture.setAccessibleName(self.name)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroller = _Scroll()
        self.scroller.setObjectName("imageScroll")
        self.scroller.setAccessibleName(self.tr("Image"))
        self.scroller.setWidget(self.picture)
        self.scroller.setWidgetResizable(False)
        self.scroller.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroller.zoomed.connect(self._wheel_zoom)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("imageZoom")
        self.zoom_label.setAccessibleName(self.tr("Zoom level"))

        self.zoom_in_button = self._button(self.tr("Zoom &in"), self.tr("Zoom in"), "imageZoomIn")
        self.zoom_out_button = self._button(
            self.tr("Zoom &out"), self.tr("Zoom out"), "imageZoomOut"
        )
        self.fit_button = self._button(self.tr("&Fit"), self.tr("Fit to the window"), "imageFit")
        self.actual_button = self._button(
            self.tr("&Actual size"), self.tr("Show at actual size"), "imageActual"
        )
        self.save_button = self._button(
            self.tr("&Save a copy…"), self.tr("Save a copy of the image"), "imageSave"
        )
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_button.clicked.connect(self.fit_to_window)
        self.actual_button.clicked.connect(self.actual_size)
        self.save_button.clicked.connect(self.save_copy)
        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            (QKeySequence("Ctrl+="), self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
            (QKeySequence("Ctrl+0"), self.fit_to_window),
            (QKeySequence("Ctrl+1"), self.actual_size),
            (QKeySequence.StandardKey.Save, self.save_copy),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)

        row = QHBoxLayout()
        for button in (
            self.zoom_out_button,
            self.zoom_in_button,
            self.fit_button,
            self.actual_button,
        ):
            row.addWidget(button)
        row.addWidget(self.zoom_label)
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroller, 1)
        layout.addLayout(row)
        self._set_enabled(False)
        self.resize(900, 680)
        self.scroller.setFocus()

        self._done = _Decoded(self)
        self._done.ready.connect(self._decoded)
        (pool or QThreadPool.globalInstance()).start(_DecodeJob(str(path), self._done))

    def _button(self, text: str, name: str, object_name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(object_name)
        button.setAccessibleName(name)
        return button

    def _set_enabled(self, on: bool) -> None:
        for button in (
            self.zoom_in_button,
            self.zoom_out_button,
            self.fit_button,
            self.actual_button,
            self.save_button,
        ):
            button.setEnabled(on)

    @Slot(QImage, str)
    def _decoded(self, image: QImage, error: str) -> None:
        if image.isNull():
            self.picture.setText(
                self.tr("This file could not be shown as an image ({error}).").format(
                    error=error or self.tr("unknown format")
                )
            )
            self.picture.adjustSize()
            self.loaded.emit(False)
            return
        self.image = image
        self.picture.setAccessibleDescription(
            self.tr("{width} × {height} pixels").format(width=image.width(), height=image.height())
        )
        self._set_enabled(True)
        self.save_button.setEnabled(True)
        self._show()
        self.loaded.emit(True)

    # -- zoom ------------------------------------------------------------------------------

    def fit_scale(self) -> float:
        if self.image.isNull():
            return 1.0
        room = self.scroller.viewport().size() - QSize(4, 4)
        across = room.width() / max(1, self.image.width())
        down = room.height() / max(1, self.image.height())
        return float(min(1.0, across, down))

    def _show(self) -> None:
        if self.image.isNull():
            return
        if self.fit:
            self.scale = self.fit_scale()
        size = QSize(
            max(1, round(self.image.width() * self.scale)),
            max(1, round(self.image.height() * self.scale)),
        )
        ratio = self.devicePixelRatioF()
        scaled = self.image.scaled(
            size * ratio,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        pixmap = QPixmap.fromImage(scaled)
        pixmap.setDevicePixelRatio(ratio)
        self.picture.setPixmap(pixmap)
        self.picture.resize(size)
        percent = round(self.scale * 100)
        text = self.tr("{percent} %").format(percent=percent)
        if self.fit:
            text = self.tr("{percent} % (fitted)").format(percent=percent)
        self.zoom_label.setText(text)

    def _step(self, direction: int) -> None:
        if self.image.isNull():
            return
        current = self.scale
        if direction > 0:
            bigger = [z for z in ZOOM_STEPS if z > current + 1e-6]
            self.scale = bigger[0] if bigger else ZOOM_STEPS[-1]
        else:
            smaller = [z for z in ZOOM_STEPS if z < current - 1e-6]
            self.scale = smaller[-1] if smaller else ZOOM_STEPS[0]
        self.fit = False
        self._show()

    @Slot()
    def zoom_in(self) -> None:
        self._step(1)

    @Slot()
    def zoom_out(self) -> None:
        self._step(-1)

    @Slot(int)
    def _wheel_zoom(self, direction: int) -> None:
        self._step(direction)

    @Slot()
    def fit_to_window(self) -> None:
        self.fit = True
        self._show()

    @Slot()
    def actual_size(self) -> None:
        self.fit = False
        self.scale = 1.0
        self._show()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fit:
            self._show()

    # -- saving ----------------------------------------------------------------------------

    def _ask_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy of the image"), suggested)
        return path

    @Slot()
    def save_copy(self) -> bool:
        """Copy the file as received (not re-encoded: nothing is lost) where the person says."""
        if self.image.isNull():
            return False
        suggested = self.name.replace("/", "_").replace("\\", "_").lstrip(".") or "image"
        target = self.ask_path(suggested)
        if not target:
            return False
        try:
            shutil.copyfile(self.path, target)
        except OSError as error:
            self.zoom_label.setText(
                self.tr("Could not save: {error}").format(error=error.strerror or str(error))
            )
            return False
        return True
