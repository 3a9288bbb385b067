"""The image viewer: decoded off the UI thread, fitted, zoomed by keyboard and buttons, saved as
a byte-for-byte copy; a file that is not a picture (or claims absurd dimensions) says so."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from tests.ui.conftest import save_screenshot
from tests.ui.waits import UI_WAIT_MS
from ui.dialogs import image_viewer
from ui.dialogs.image_viewer import ImageViewer


def picture(tmp_path: Path, width: int = 1600, height: int = 1200) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a7ab0"))
    path = tmp_path / "photo.png"
    assert image.save(str(path))
    return path


def open_viewer(qtbot: QtBot, path: Path, name: str = "photo.png") -> ImageViewer:
    viewer = ImageViewer(path, name)
    qtbot.addWidget(viewer)
    with qtbot.waitSignal(viewer.loaded, timeout=UI_WAIT_MS):
        viewer.show()
    return viewer


def test_fitted_then_zoomed_by_keyboard_and_saved(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[QThread] = []
    original = image_viewer._DecodeJob.run

    def run(self: image_viewer._DecodeJob) -> None:
        threads.append(QThread.currentThread())
        original(self)

    monkeypatch.setattr(image_viewer._DecodeJob, "run", run)
    path = picture(tmp_path)
    viewer = open_viewer(qtbot, path)
    assert threads and threads[0] is not QThread.currentThread()
    assert viewer.accessibleName() == "Image viewer"
    assert viewer.picture.accessibleName() == "photo.png"
    assert viewer.picture.accessibleDescription() == "1600 × 1200 pixels"
    assert viewer.fit and viewer.scale < 1.0  # a large photo is fitted to the window
    assert "(fitted)" in viewer.zoom_label.text()
    assert viewer.picture.width() <= viewer.scroller.viewport().width()

    qtbot.keyClick(viewer, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert viewer.scale == 1.0 and viewer.picture.width() == 1600
    assert viewer.zoom_label.text() == "100 %"
    qtbot.keyClick(viewer, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.scale == 1.25 and viewer.picture.width() == 2000
    qtbot.keyClick(viewer, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(viewer, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.scale == 0.75 and viewer.zoom_label.text() == "75 %"
    viewer.zoom_in_button.click()
    assert viewer.scale == 1.0
    qtbot.keyClick(viewer, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert viewer.fit and viewer.scale < 1.0
    save_screenshot(viewer, "image-viewer")
    for button, name in (
        (viewer.zoom_in_button, "Zoom in"),
        (viewer.zoom_out_button, "Zoom out"),
        (viewer.fit_button, "Fit to the window"),
        (viewer.actual_button, "Show at actual size"),
        (viewer.save_button, "Save a copy of the image"),
    ):
        assert button.accessibleName() == name and button.isEnabled()

    target = tmp_path / "saved" / "copy.png"
    target.parent.mkdir()
    asked: list[str] = []
    viewer.ask_path = lambda suggested: (asked.append(suggested), str(target))[1]
    qtbot.keyClick(viewer, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["photo.png"]
    assert target.read_bytes() == path.read_bytes()
    viewer.ask_path = lambda suggested: ""  # cancelled: nothing written
    assert viewer.save_copy() is False


def test_a_hostile_name_is_not_a_path(qtbot: QtBot, tmp_path: Path) -> None:
    viewer = open_viewer(qtbot, picture(tmp_path, 40, 30), name="../../.bashrc")
    asked: list[str] = []
    viewer.ask_path = lambda suggested: (asked.append(suggested), "")[1]
    viewer.save_copy()
    assert asked and "/" not in asked[0] and not asked[0].startswith(".")


def test_not_a_picture_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    bad = tmp_path / "notes.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n this is not really a picture")
    viewer = ImageViewer(bad, "notes.png")
    qtbot.addWidget(viewer)
    with qtbot.waitSignal(viewer.loaded, timeout=UI_WAIT_MS) as blocker:
        viewer.show()
    assert blocker.args == [False]
    assert "could not be shown as an image" in viewer.picture.text()
    assert not viewer.save_button.isEnabled() and not viewer.zoom_in_button.isEnabled()


def test_absurd_dimensions_are_refused_before_decoding(qtbot: QtBot, tmp_path: Path) -> None:
    """A PNG header claiming 100000 × 100000 pixels (a decompression bomb) is never decoded."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 100000, 100000, 8, 2, 0, 0, 0)
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1000))
        + chunk(b"IEND", b"")
    )
    viewer = ImageViewer(bomb, "bomb.png")
    qtbot.addWidget(viewer)
    with qtbot.waitSignal(viewer.loaded, timeout=UI_WAIT_MS) as blocker:
        viewer.show()
    assert blocker.args == [False]
    assert "too large" in viewer.picture.text()
