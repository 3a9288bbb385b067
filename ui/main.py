"""Start the Qt front end: the core first, connecting, then Qt and the window.

Importing PySide6 and the window's modules and building the window take over a second of CPU;
a server's sign-in (IRC registration, XMPP's TLS, SASL, bind and room joins) is mostly waiting.
So this module imports no Qt: :func:`run` makes sure this launch is the only one for the
profile (:mod:`ui.instance_socket`), starts the core on its thread (stores, then connecting the
saved, enabled accounts), and only then imports the window (:mod:`ui.application`). What the
core publishes meanwhile waits in an :class:`~app.runtime.EventRelay` and reaches the window,
once and in order, when its bridge attaches.
"""

from __future__ import annotations

import argparse
import logging
import sys

from app import priority
from app.core import Core, CoreContext
from app.logs import setup_logging
from app.paths import AppPaths
from app.registry import BackendRegistry
from app.runtime import CoreThread, EventRelay, result_of
from app.secrets import KeyringSecrets
from ui import instance_socket

GIL_SWITCH_INTERVAL = 0.001
"""Seconds a busy thread may hold the GIL while another waits (Python's default is 0.005). The GUI
thread calls into Python for every row it lays out (a delegate's size hint); with the core and
store threads busy in a flood, each call waited up to the default interval, and a layout of a
few hundred rows stalled the window for a second or more. Set before the core starts: while
the window's modules are imported, the core thread's sign-in gets its turns sooner too."""


def start_core(paths: AppPaths) -> tuple[CoreThread, EventRelay]:
    """Create the core on its thread and start it (open the stores, publish the state, connect);
    returns at once, with the relay that keeps every event until a front end attaches."""
    runner = CoreThread(
        lambda: Core(
            CoreContext(paths=paths, registry=BackendRegistry.discover(), secrets=KeyringSecrets())
        )
    )
    core = runner.start()
    relay = EventRelay(core.bus)  # before start(): the initial state is never missed
    runner.submit(core.start()).add_done_callback(result_of)  # result_of logs a failure
    return runner, relay


def run(args: argparse.Namespace) -> int:
    paths = AppPaths.default()
    paths.ensure()
    setup_logging(paths.log_dir, logging.DEBUG if args.debug else logging.INFO)
    sys.setswitchinterval(GIL_SWITCH_INTERVAL)
    name = instance_socket.socket_name(paths)
    handed = instance_socket.hand_over(name, args.uri)
    if handed:  # one runs already: it shows the link, this launch is done
        return 0
    priority.window_coming()  # a second backend's import waits for the first paint
    if handed is None:  # a door Qt must check: the core waits until Qt said this is the one
        from ui.application import open_window  # noqa: PLC0415

        return open_window(args, name, lambda: start_core(paths))
    door = instance_socket.listen(name)
    # Shiboken's own start walks sys.modules; an import on another thread at that moment (the
    # core's backends, a plugin) aborts the process ("libshiboken/signature: could not
    # initialize part 2"). So it goes first, while this thread is the only one (~50 ms).
    import shiboken6  # noqa: F401, PLC0415

    core = start_core(paths)
    # Qt and the window only now: the accounts' sign-in overlaps their import.
    from ui.application import open_window  # noqa: PLC0415

    return open_window(args, name, core, door)


run.collects_itself = True  # type: ignore[attr-defined]
"""``app.cli`` keeps Python's automatic collection off while this front end starts: once the
application exists, ``ui.gc_on_gui_thread`` collects on the GUI thread (and keeps it off)."""
