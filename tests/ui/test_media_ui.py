"""Audio, video and voice messages in the window: the inline player (its state, keys and
accessible names; headless machines may not play sound, so the widgets are what is asserted),
the fallback without QtMultimedia, and recording and sending a voice message."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from app.backend import Capability
from app.models import Attachment, ConversationId
from tests.fakes.fake_backend import FakeServer
from tests.fakes.media import ToneFeed, VideoMaker, write_tone_wav
from tests.ui.conftest import save_screenshot
from tests.ui.helpers import open_conv, sign_in, wait_for
from tests.ui.waits import UI_WAIT_MS
from ui import message_actions
from ui.main_window import MainWindow
from ui.media import support
from ui.media.audio_player import AudioPlayer

WAVEFORM = tuple([100, 300, 800, 1024, 600, 200] * 6)


def deliver_voice(fake_server: FakeServer, tmp_path: Path) -> str:
    clip = write_tone_wav(tmp_path / "voice.wav", 1.5)
    url = "https://files.fake.local/voice.wav"
    fake_server.files[url] = clip.read_bytes()
    attachment = Attachment(
        url,
        "voice.wav",
        "audio/wav",
        clip.stat().st_size,
        duration_ms=1500,
        waveform=WAVEFORM,
        voice=True,
    )
    return fake_server.deliver("alice", "bob", "voice.wav", attachments=(attachment,))


def open_voice_message(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, tmp_path: Path
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    deliver_voice(fake_server, tmp_path)
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=1)


def download_row(qtbot: QtBot, window: MainWindow, row: int = 0) -> None:
    """Enter on the message: its attachment is fetched (the existing download path)."""
    view = window.pane.view
    view.setFocus()
    view.setCurrentIndex(window.pane.model.index(row))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    model = window.pane.model
    local_id = model.message(row).local_id
    wait_for(qtbot, lambda: (s := model.download_state(local_id, 0)) and s.finished)


def option_for(window: MainWindow, row: int) -> QStyleOptionViewItem:
    view = window.pane.view
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(window.pane.model.index(row))
    return option


def test_the_window_does_not_import_qtmultimedia() -> None:
    """Start-up and idle memory: QtMultimedia is loaded by the first media message, not before."""
    code = (
        "import sys, ui.main_window, ui.conversation_pane, ui.message_actions;"
        "print('PySide6.QtMultimedia' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_voice_message_plays_inline(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, tmp_path: Path
) -> None:
    open_voice_message(qtbot, window, fake_server, tmp_path)
    model = window.pane.model
    spoken = str(model.index(0).data(Qt.ItemDataRole.AccessibleTextRole))
    assert "Voice message, 0:01" in spoken  # before the download, the list says what it is
    download_row(qtbot, window)
    media = window.pane.inline_media
    msg = model.message(0)
    wait_for(qtbot, lambda: (p := media.player_for(msg, 0)) is not None and p.isVisible())
    player = media.player_for(msg, 0)
    assert isinstance(player, AudioPlayer)
    assert player.player is None  # QMediaPlayer only once played
    assert player.play_button.accessibleName() == "Play voice message, 0:01"
    assert player.slider.accessibleName() == "Position in Voice message, 0:01"
    assert player.time_label.text() == "0:00 / 0:01"
    assert player.slider.waveform == WAVEFORM
    # over the slot the delegate left in the row, inside the view
    slot = window.pane.view.attachment_rect(model.index(0), 0)
    assert slot is not None and player.geometry() == slot
    layout = window.pane.view.message_delegate.layout_for(option_for(window, 0), model.index(0))
    assert layout is not None and layout.body.height() == 0  # "voice.wav" is not said twice
    save_screenshot(window, "voice-message")

    # Enter again: the player takes the focus and plays the downloaded file.
    window.pane.view.setFocus()
    qtbot.keyClick(window.pane.view, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: player.player is not None)
    assert player.play_button.hasFocus()
    local = Path(model.download_state(msg.local_id, 0).path)
    assert player.player.source() == QUrl.fromLocalFile(str(local))
    wait_for(qtbot, lambda: player.slider.maximum() >= 1400)  # the real length, read by FFmpeg
    qtbot.keyClick(player.play_button, Qt.Key.Key_Tab)
    assert player.slider.hasFocus()
    qtbot.keyClick(player.slider, Qt.Key.Key_Right)
    assert player.slider.value() == 1000
    assert player.time_label.text().startswith("0:01 / ")
    qtbot.keyClick(player.slider, Qt.Key.Key_Escape)
    assert window.pane.view.hasFocus()


@pytest.fixture
def no_multimedia(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if PySide6-Addons were not installed (asked before the window is made)."""
    monkeypatch.setattr(support, "_installed", lambda: False)


def test_without_qtmultimedia_audio_opens_in_another_program(
    no_multimedia: None,
    qtbot: QtBot,
    window: MainWindow,
    fake_server: FakeServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(message_actions.QDesktopServices, "openUrl", opened.append)
    open_voice_message(qtbot, window, fake_server, tmp_path)
    download_row(qtbot, window)
    media = window.pane.inline_media
    assert not media.enabled and media.players == {}
    view = window.pane.view
    layout = view.message_delegate.layout_for(option_for(window, 0), window.pane.model.index(0))
    assert layout is not None
    assert layout.attachments[0][2].startswith("Voice message, 0:01")  # drawn as before
    assert layout.attachments[0][2].endswith("Open")
    qtbot.keyClick(window.pane.view, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: len(opened) == 1)
    assert opened[0].toLocalFile().endswith("voice.wav")
    assert media.players == {}


def test_record_button_without_a_microphone_says_so(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.media import recorder

    monkeypatch.setattr(recorder, "microphone_missing", lambda: "No microphone was found")
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "bob", "hi")
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=1)
    control = window.pane.voice_messages
    wait_for(qtbot, control.button.isVisible)
    assert control.button.accessibleName() == "Record a voice message"
    control.button.click()
    assert not control.button.isEnabled()
    assert control.button.toolTip() == "No microphone was found"
    assert control.button.accessibleDescription() == "No microphone was found"
    assert not control.row.isVisible()


def test_a_service_without_voice_messages_hides_the_button_with_the_reason(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    fake_server.conversation_caps["carol"] = Capability.FILES
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "carol", "hi")
    open_conv(qtbot, window, ConversationId(account_id, "carol"), rows=1)
    control = window.pane.voice_messages
    assert not control.button.isVisible()
    assert control.button.toolTip() == "Voice messages cannot be sent on this service"


def test_record_and_send_a_voice_message(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """The real recorder and encoder, fed 2 s of tone where there is no microphone; the window
    sends it with its duration and waveform."""
    from ui.media.support import quiet_multimedia_logging

    quiet_multimedia_logging()
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "bob", "hi")
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=1)
    control = window.pane.voice_messages
    feed = ToneFeed(chunks=20)
    control.feed = feed.input
    feed.done = control.finish
    wait_for(qtbot, control.button.isVisible)
    control.button.click()
    assert control.recording and control.row.isVisible()
    assert not control.button.isEnabled()  # one recording at a time
    assert control.send_button.hasFocus()
    assert control.elapsed_label.text().startswith("● Recording 0:0")
    save_screenshot(window, "voice-recording")
    feed.start()
    wait_for(qtbot, lambda: len(fake_server.sent) == 1, timeout=UI_WAIT_MS * 3)
    sent = fake_server.sent[-1].message.attachments[0]
    assert sent.voice
    assert sent.duration_ms is not None and 1800 <= sent.duration_ms <= 2300
    assert len(sent.waveform) >= 10 and max(sent.waveform) == 1024
    assert sent.waveform[0] < sent.waveform[-1] // 2  # quiet first, loud after
    assert sent.filename.startswith("voice-message-")
    assert not control.row.isVisible() and control.button.isEnabled()


def test_esc_cancels_a_recording(qtbot: QtBot, window: MainWindow, fake_server: FakeServer) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "bob", "hi")
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=1)
    control = window.pane.voice_messages
    feed = ToneFeed(chunks=5)
    control.feed = feed.input
    wait_for(qtbot, control.button.isVisible)
    control.button.click()
    feed.start()
    recorder = control.recorder
    assert recorder is not None and recorder.path is not None
    path = recorder.path
    qtbot.keyClick(control.send_button, Qt.Key.Key_Escape)
    assert not control.row.isVisible()
    wait_for(qtbot, lambda: not path.exists() and not recorder.recording)
    assert fake_server.sent == []


# The frames made in the test carry
# no stream frame rate (the encoder uses its default).
# Headless, frames are converted without a GPU (Qt says so once).
# On a loaded machine FFmpeg may warn "Could not open media … Immediate exit requested" when a
# player is stopped while it still opens its file (qt_log_ignore did not catch it): only
# critical Qt messages fail this test; its assertions say what must hold.
@pytest.mark.qt_log_level_fail("CRITICAL")
@pytest.mark.qt_log_ignore("Invalid frameRate 0", "No RHI backend")
def test_video_and_voice_messages_side_by_side(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, tmp_path: Path
) -> None:
    """A video plays inline over its first frame, with a button to open it larger."""
    from ui.media.support import quiet_multimedia_logging
    from ui.media.video_player import VideoPlayer, VideoWindow

    quiet_multimedia_logging()
    maker = VideoMaker(tmp_path / "garden.mp4")
    wait_for(qtbot, lambda: maker.finished or maker.error, timeout=UI_WAIT_MS * 3)
    assert not maker.error
    url = "https://files.fake.local/garden.mp4"
    fake_server.files[url] = maker.path.read_bytes()
    account_id = sign_in(qtbot, window, fake_server)
    deliver_voice(fake_server, tmp_path)
    video = Attachment(
        url, "garden.mp4", "video/mp4", len(fake_server.files[url]), duration_ms=1000
    )
    fake_server.deliver("alice", "bob", "the garden", attachments=(video,))
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=2)
    model = window.pane.model
    assert "Video: garden.mp4, 0:01" in str(model.index(1).data(Qt.ItemDataRole.AccessibleTextRole))
    download_row(qtbot, window, 0)
    download_row(qtbot, window, 1)
    media = window.pane.inline_media
    msg = model.message(1)
    wait_for(qtbot, lambda: (p := media.player_for(msg, 0)) is not None and p.isVisible())
    player = media.player_for(msg, 0)
    assert isinstance(player, VideoPlayer)
    assert player.play_button.accessibleName() == "Play video, 0:01"
    assert player.larger_button.accessibleName() == "Open the video larger"
    assert player.video.accessibleName() == "Video: garden.mp4, 0:01"
    assert player.height() == 250 and player.video.isVisible()
    wait_for(qtbot, lambda: media.player_for(model.message(0), 0) is not None)
    wait_for(qtbot, lambda: not player.video.image.isNull())  # the first frame, paused
    assert player.video.paused
    save_screenshot(window, "voice-and-video-messages")
    window.activateWindow()
    player.play_button.setFocus()
    wait_for(qtbot, player.play_button.hasFocus)
    qtbot.keyClick(player.play_button, Qt.Key.Key_Tab)
    qtbot.keyClick(player.slider, Qt.Key.Key_Tab)
    assert player.larger_button.hasFocus()
    qtbot.keyClick(player.larger_button, Qt.Key.Key_Space)
    wait_for(qtbot, lambda: len(media.windows) == 1)
    larger = media.windows[0]
    assert isinstance(larger, VideoWindow)
    assert larger.player.larger_button.isHidden()
    assert larger.windowTitle() == "Video: garden.mp4, 0:01"
    qtbot.keyClick(larger.player.play_button, Qt.Key.Key_Escape)
    wait_for(qtbot, lambda: not larger.isVisible())


def test_a_voice_message_that_is_not_sent_is_kept(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """Refused by the service after recording: the file stays and the notice says where."""
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver("alice", "bob", "hi")
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=1)
    control = window.pane.voice_messages
    feed = ToneFeed(chunks=5)
    control.feed = feed.input
    feed.done = control.finish
    wait_for(qtbot, control.button.isVisible)
    control.button.click()
    recorder = control.recorder
    assert recorder is not None and recorder.path is not None
    path = recorder.path
    fake_server.conversation_caps["bob"] = Capability.FILES  # no longer takes voice messages
    shown: list[str] = []
    window.pane.notice.connect(lambda text, _level: shown.append(text))
    feed.start()
    wait_for(qtbot, lambda: bool(shown), timeout=UI_WAIT_MS * 3)
    assert shown[0].startswith("The voice message was not sent (")
    assert str(path) in shown[0] and path.exists()
    assert fake_server.sent == []
    shutil.rmtree(path.parent)


def test_the_slider_follows_playback_silently_unless_it_is_being_dragged(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QSlider

    slider = QSlider(Qt.Orientation.Horizontal)
    qtbot.addWidget(slider)
    slider.setRange(0, 5000)
    moved: list[int] = []
    slider.valueChanged.connect(moved.append)
    support.follow_position(slider, 1200)
    assert slider.value() == 1200 and moved == []  # not taken for a seek
    slider.setSliderDown(True)  # the user holds the handle
    support.follow_position(slider, 3000)
    assert slider.value() == 1200
