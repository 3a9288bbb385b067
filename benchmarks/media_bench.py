"""media: what inline audio/video (QtMultimedia, from PySide6-Addons) costs in memory.

The real front end (open_app: core thread, main window, offscreen) with one account (the fake
service: the figure wanted is the difference media make, not a protocol's), then step by step in
the same process, each after the event loop has settled:

1. ``idle_mb``: the window, the account connected, a conversation open; QtMultimedia not imported
   (``multimedia_imported`` says so; the add-on is installed but unused);
2. ``imported_mb``: after ``import PySide6.QtMultimedia`` alone;
3. ``audio_playing_mb``: an inline audio player made and playing a 3 s WAV (QMediaPlayer,
   QAudioOutput, the FFmpeg libraries loaded);
4. ``video_shown_mb``: an inline video player (first frame decoded and painted).

Prints JSON (RSS from /proc/self/status; USS/PSS from smaps_rollup). The video file is made by a
separate process first, so its encoder is not counted.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.app_driver import open_app, process_figures  # noqa: E402


class _NoMultimedia:
    """A meta path finder that hides PySide6.QtMultimedia*, as on a machine without the add-on."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name.startswith("PySide6.QtMultimedia"):
            raise ModuleNotFoundError(name)


def make_video(path: Path) -> None:
    """In this process (the child): encode a 1 s test video with the real recorder."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from tests.fakes.media import VideoMaker

    app = QApplication([])
    maker = VideoMaker(path)
    deadline = time.monotonic() + 60
    while not (maker.finished or maker.error) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    if not maker.finished:
        raise SystemExit(f"could not make the video: {maker.error or 'timeout'}")


def settle(app: object, seconds: float, until: Callable[[], bool] = lambda: True) -> None:
    deadline = time.monotonic() + max(seconds, 30.0)
    start = time.monotonic()
    while time.monotonic() < deadline:
        app.processEvents()  # type: ignore[attr-defined]
        if time.monotonic() - start >= seconds and until():
            return
        time.sleep(0.01)
    raise SystemExit("timed out waiting for the app")


def rss() -> dict[str, float]:
    gc.collect()
    figures = process_figures()
    return {k: figures[k] for k in ("rss_mb", "uss_mb", "pss_mb") if k in figures}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--settle", type=float, default=3.0, help="seconds idle before each reading"
    )
    parser.add_argument("--make-video", help=argparse.SUPPRESS)
    parser.add_argument(
        "--without-addons",
        action="store_true",
        help="as if PySide6-Addons were not installed: the idle reading only",
    )
    args = parser.parse_args()
    if args.make_video:
        make_video(Path(args.make_video))
        return 0
    if args.without_addons:
        sys.meta_path.insert(0, _NoMultimedia())

    from app.models import Attachment, ConversationId
    from tests.fakes.fake_backend import FakeServer
    from tests.fakes.media import write_tone_wav

    folder = Path(tempfile.mkdtemp(prefix="chinwag-media-bench-"))
    video = folder / "clip.mp4"
    subprocess.run([sys.executable, __file__, "--make-video", str(video)], check=True, timeout=120)
    audio = write_tone_wav(folder / "clip.wav", 3.0)

    server = FakeServer(passwords={"alice": "wonderland"})
    running = open_app([server.backend_class()])
    core = running.window.bridge.core
    done: list[object] = []
    running.bridge.call(
        core.accounts.add_account("fake", {"user": "alice"}, {"password": "wonderland"}),
        done.append,
    )
    settle(running.app, 0.5, lambda: bool(done) and "alice" in server.online)
    account_id = done[0].value.id  # type: ignore[attr-defined]
    server.deliver("alice", "bob", "hello")
    conv = ConversationId(account_id, "bob")
    settle(
        running.app, 0.2, lambda: running.window.sidebar_model.conversation_index(conv).isValid()
    )
    running.window.sidebar.select_conversation(conv)
    settle(running.app, args.settle, lambda: running.window.pane.model.rowCount() == 1)
    results: dict[str, object] = {
        "benchmark": "media",
        "addons": not args.without_addons,
        "multimedia_imported": "PySide6.QtMultimedia" in sys.modules,
        "idle_mb": rss(),
    }

    if args.without_addons:
        print(json.dumps(results, indent=2))
        running.close()
        shutil.rmtree(folder, ignore_errors=True)
        return 0
    import PySide6.QtMultimedia  # noqa: F401

    settle(running.app, args.settle)
    results["imported_mb"] = rss()

    from ui.media.audio_player import AudioPlayer
    from ui.media.video_player import VideoPlayer

    viewport = running.window.pane.view.viewport()
    player = AudioPlayer(audio, Attachment("x", "clip.wav", "audio/wav"), viewport)
    player.show()
    player.toggle()
    settle(running.app, args.settle, lambda: player.slider.maximum() > 0)
    results["audio_playing_mb"] = rss()
    results["audio_error"] = player.error

    shown = VideoPlayer(video, Attachment("y", "clip.mp4", "video/mp4"), viewport)
    shown.setGeometry(0, 0, 380, 250)
    shown.show()
    settle(running.app, args.settle, lambda: not shown.video.image.isNull())
    results["video_shown_mb"] = rss()
    print(json.dumps(results, indent=2))
    player.stop()
    shown.stop()
    running.close()
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
