"""Start the Qt front end: paint the window first, then start the core on its own thread."""

from __future__ import annotations

import argparse
import contextlib
import logging
import signal
import socket
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSocketNotifier, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from app.core import Core, CoreContext
from app.logs import setup_logging
from app.paths import AppPaths
from app.registry import BackendRegistry
from app.runtime import CoreThread
from app.secrets import KeyringSecrets
from ui import gc_on_gui_thread
from ui.bridge import CoreBridge
from ui.english_fallback import LeftToRightFallback
from ui.main_window import MainWindow
from ui.notifications import default_notifier
from ui.single_instance import SingleInstance, socket_name
from ui.uri_handler import UriHandler

I18N_DIR = Path(__file__).parent / "i18n"


def install_translations(app: QApplication, locale: QLocale | None = None) -> None:
    """English plural forms first, then the user's language (searched first, as installed last).

    Under a right-to-left language (Arabic, Hebrew …) the whole window is mirrored, from the
    locale itself: Qt would take it only from a loaded translation's QT_LAYOUT_DIRECTION, and
    there is none for most such languages yet. The English words of such a window are each kept
    left to right (ui.english_fallback)."""
    locale = locale or QLocale()
    english = QTranslator(app)
    if english.load("chinwag_en", str(I18N_DIR)):
        app.installTranslator(english)
    if locale.textDirection() == Qt.LayoutDirection.RightToLeft:
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    if locale.language() in (QLocale.Language.English, QLocale.Language.C):
        return
    native: list[QTranslator] = []
    has_catalogue = False
    for name, directory in (
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ("chinwag", str(I18N_DIR)),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", directory):
            app.installTranslator(translator)
            native.insert(0, translator)  # searched in reverse order of installation
            has_catalogue = has_catalogue or name == "chinwag"
    if app.layoutDirection() == Qt.LayoutDirection.RightToLeft and not has_catalogue:
        app.installTranslator(
            LeftToRightFallback(app, native, None if english.isEmpty() else english)
        )


GIL_SWITCH_INTERVAL = 0.001
"""Seconds a busy thread may hold the GIL while another waits (Python's default is 0.005). The GUI
thread calls into Python for every row it lays out (a delegate's size hint); with the core and
store threads busy in a flood, each call waited up to the default interval, and a layout of a
few hundred rows stalled the window for a second or more."""


def create_app(argv: list[str]) -> QApplication:
    sys.setswitchinterval(GIL_SWITCH_INTERVAL)
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Chinwag")
    app.setApplicationDisplayName("Chinwag")
    app.setDesktopFileName("org.chinwag.Chinwag")  # packaging/org.chinwag.Chinwag.desktop
    install_translations(app)
    gc_on_gui_thread.install(app)
    return app


def install_quit_signals(app: QApplication) -> QSocketNotifier:
    """Let Ctrl+C and SIGTERM close the app cleanly, without waking the GUI thread otherwise.

    Python runs a signal handler only when the interpreter next gets control, and while Qt's
    event loop waits in C it does not. A polling timer would wake the GUI thread forever (at
    250 ms it was most of the app's idle CPU, see docs/performance.md); instead the C-level
    handler writes a byte to a socket (``signal.set_wakeup_fd``) that Qt watches, so the thread
    wakes only when a signal comes.
    Keep the returned notifier alive (it is parented to ``app``).
    """
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def drain() -> None:  # running Python code here lets the pending handler run
        with contextlib.suppress(OSError):
            reader.recv(512)

    notifier.activated.connect(drain)
    _signal_sockets.append((reader, writer))
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: app.quit())
    return notifier


_signal_sockets: list[tuple[socket.socket, socket.socket]] = []
"""Open for the life of the process: ``signal.set_wakeup_fd`` holds the bare descriptor."""


def run(args: argparse.Namespace) -> int:
    paths = AppPaths.default()
    paths.ensure()
    setup_logging(paths.log_dir, logging.DEBUG if args.debug else logging.INFO)
    app = create_app(sys.argv[:1])
    instance = SingleInstance(socket_name(paths))
    if instance.hand_over(args.uri):  # one runs already: it shows the link, this launch is done
        return 0
    instance.listen()

    runner = CoreThread(
        lambda: Core(
            CoreContext(paths=paths, registry=BackendRegistry.discover(), secrets=KeyringSecrets())
        )
    )
    runner.start()
    bridge = CoreBridge(runner)
    window = MainWindow(bridge, default_notifier())
    window.show()
    window.activateWindow()  # what a window manager does for a launched app; Xvfb has none
    links = UriHandler(window)
    instance.received.connect(links.open_uri)
    if args.uri:
        links.open_uri(args.uri)
    QTimer.singleShot(0, bridge.start)  # the window paints before any store is opened

    install_quit_signals(app)

    code = app.exec()
    instance.close()
    window.close()
    runner.stop()
    return code
