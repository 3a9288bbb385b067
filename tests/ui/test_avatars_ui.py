"""The window's faces: initials on the person's colour at once, the stored picture once decoded
in the thread pool (never on the UI thread), removal back to initials."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from app import events as ev
from app.models import Account
from tests.ui.waits import UI_WAIT_MS
from ui import avatars
from ui.avatars import AvatarStore, generated_avatar
from ui.identity_colors import readable_rgb


def picture(tmp_path: Path, color: QColor, name: str = "face.png") -> str:
    image = QImage(200, 120, QImage.Format.Format_RGB32)
    image.fill(color)
    path = tmp_path / name
    assert image.save(str(path))
    return str(path)


def centre(pixmap_image: QImage) -> QColor:
    return pixmap_image.pixelColor(pixmap_image.width() // 2, pixmap_image.height() // 2)


def test_initials_first_then_the_picture_decoded_off_the_ui_thread(
    qtbot: QtBot, tmp_path: Path, monkeypatch: object
) -> None:
    threads: list[QThread] = []
    original = avatars._DecodeJob.run

    def run(self: avatars._DecodeJob) -> None:
        threads.append(QThread.currentThread())
        original(self)

    monkeypatch.setattr(avatars._DecodeJob, "run", run)  # type: ignore[attr-defined]
    store = AvatarStore()
    store.handle_events([ev.AccountsChanged((Account("a1", "xmpp", "Me"),))])
    generated = store.pixmap("a1", "bob@example.org", "Bob", 32).toImage()
    r, g, b = readable_rgb("bob@example.org", (1.0, 1.0, 1.0))
    # The ring of the circle (not the letter) is the person's colour.
    assert generated.pixelColor(16, 3).name() == QColor.fromRgbF(r, g, b).name()

    path = picture(tmp_path, QColor(10, 200, 30))
    with qtbot.waitSignal(store.updated, timeout=UI_WAIT_MS):
        store.handle_events([ev.AvatarsChanged("a1", {("", "bob@example.org"): path})])
    assert store.has_picture("a1", "bob@example.org")
    with qtbot.waitSignal(store.updated, timeout=UI_WAIT_MS):
        first = store.pixmap("a1", "bob@example.org", "Bob", 32)  # starts the decode
    assert centre(first.toImage()).name() != QColor(10, 200, 30).name()  # initials meanwhile
    shown = store.pixmap("a1", "bob@example.org", "Bob", 32).toImage()
    assert shown.width() == 32
    assert centre(shown).name() == QColor(10, 200, 30).name()
    assert shown.pixelColor(0, 0).alpha() == 0  # round: the corners are clear
    assert threads and all(t is not QThread.currentThread() for t in threads)

    with qtbot.waitSignal(store.updated, timeout=UI_WAIT_MS):
        store.handle_events([ev.AvatarsChanged("a1", {("", "bob@example.org"): ""})])
    assert not store.has_picture("a1", "bob@example.org")
    again = store.pixmap("a1", "bob@example.org", "Bob", 32).toImage()
    assert centre(again).name() != QColor(10, 200, 30).name()


def test_a_room_members_own_picture_comes_before_their_global_one(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = AvatarStore()
    inside = picture(tmp_path, QColor(0, 0, 255), "inside.png")
    outside = picture(tmp_path, QColor(255, 0, 0), "outside.png")
    store.handle_events(
        [ev.AvatarsChanged("a1", {("room@muc", "Romeo"): inside, ("", "Romeo"): outside})]
    )
    assert store.path("a1", "Romeo", "room@muc") == inside
    assert store.path("a1", "Romeo", "other@muc") == outside
    assert store.path("a2", "Romeo") == ""


def test_a_file_that_is_not_a_picture_keeps_the_initials(qtbot: QtBot, tmp_path: Path) -> None:
    store = AvatarStore()
    bad = tmp_path / "bad.img"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n broken")
    store.handle_events([ev.AvatarsChanged("a1", {("", "eve"): str(bad)})])
    with qtbot.waitSignal(store.updated, timeout=UI_WAIT_MS):
        store.pixmap("a1", "eve", "Eve", 24)
    image = store.pixmap("a1", "eve", "Eve", 24).toImage()
    expected = generated_avatar("eve", "Eve", 24).toImage()
    assert image == expected
