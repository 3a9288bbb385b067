"""The Qt half of the start: the QApplication as Chinwag sets it up, then the window.

``ui.main.run`` starts the core first and only then imports this module (PySide6 and the
window's modules); :func:`open_window` attaches the bridge to the core that is already
connecting, so the window shows what happened before it was there.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import signal
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QSocketNotifier, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from app import dataclass_code
from app.runtime import CoreThread, EventRelay
from ui import gc_on_gui_thread
from ui.bridge import CoreBridge
from ui.desktop_notifier import default_notifier
from ui.english_fallback import LeftToRightFallback
from ui.links import Links
from ui.main import GIL_SWITCH_INTERVAL
from ui.main_window import MainWindow

if TYPE_CHECKING:
    from ui.single_instance import SingleInstance

_log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).parent / "i18n"
START_OVER_MS = 15_000
"""When :mod:`app.dataclass_code` saves what the start compiled and lets go of its table."""
DOOR_AFTER_MS = 250
"""How long after the window is shown Qt takes over the door opened before it was loaded (the
kernel queues a later launch meanwhile): QtNetwork is not needed for the first paint."""


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


def start_minimized(window: MainWindow, wanted: bool) -> bool:
    """Whether the window starts hidden in the tray (``--minimized``, as the login autostart
    entry asks): only where there is a tray to show it from; else it is shown, and the log
    says why."""
    if not wanted:
        return False
    if window.notifications.tray is None:
        _log.warning("--minimized: this desktop has no system tray, so the window is shown")
        return False
    _log.info("started minimized: the window waits in the system tray")
    return True


def open_window(
    args: argparse.Namespace,
    instance_name: str,
    core: tuple[CoreThread, EventRelay] | Callable[[], tuple[CoreThread, EventRelay]],
    door: socket.socket | None = None,
) -> int:
    """Show the window over a core that runs already, and run the event loop; the exit code.

    ``core``: the started core with the relay that kept its events; or, where the door to other
    launches could not be checked without Qt, a function that starts it, called once Qt's
    ``SingleInstance`` found this launch to be the only one. ``door``: the socket opened for
    later launches before Qt was loaded (``None``: listen by name).
    """
    app = create_app(sys.argv[:1])
    instance: SingleInstance | None = None
    if callable(core):
        from ui.single_instance import SingleInstance  # noqa: PLC0415

        instance = SingleInstance(instance_name)
        if instance.hand_over(args.uri):  # one runs already: it shows the link, this launch is done
            return 0
        instance.listen()
        core = core()
    runner, relay = core
    bridge = CoreBridge(runner, relay=relay)  # what the core published so far comes first
    notifier = default_notifier()
    window = MainWindow(bridge, notifier)
    # The window may hide to the tray and dialogs outlive it: the app ends when it closes.
    app.setQuitOnLastWindowClosed(False)
    window.closed.connect(app.quit)
    if not start_minimized(window, args.minimized):
        window.show()
        window.activateWindow()  # what a window manager does for a launched app; Xvfb has none
    links = Links(window, instance_name, instance, door)
    if instance is None:
        QTimer.singleShot(DOOR_AFTER_MS, links.listen)  # after the first paint
    else:
        links.listen()
    if args.uri:
        links.open_uri(args.uri)

    install_quit_signals(app)
    # The start is over by then (window built, backends imported): keep what was compiled.
    QTimer.singleShot(START_OVER_MS, dataclass_code.release)
    QTimer.singleShot(START_OVER_MS, gc_on_gui_thread.freeze_what_started)  # long-lived now

    code = app.exec()
    links.close()
    window.quit_app()  # (closed already, unless the app was asked to quit by a signal)
    if notifier is not None:
        notifier.close()
    runner.stop()
    dataclass_code.release()
    return code
