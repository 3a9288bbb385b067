"""The ``chinwag`` command: parse options, then hand over to a front end found by entry point.

Front ends register under ``chinwag.frontends`` (the Qt one is ``qt``), so the core never imports
Qt and a fork can ship its own front end. ``--list-backends`` needs no front end at all.

The core's modules are imported only in :func:`main`, after :mod:`app.dataclass_code` is
installed: most of their import is the methods of their dataclasses being compiled. The
plugins' entry points are answered from :mod:`app.entry_point_cache` once it knows them.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from app import __version__, dataclass_code, entry_point_cache
from app.paths import PROFILE_ENV

FRONTEND_GROUP = "chinwag.frontends"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chinwag", description="One chat client for XMPP, Matrix and IRC."
    )
    parser.add_argument("--version", action="version", version=f"chinwag {__version__}")
    parser.add_argument(
        "--list-backends",
        action="store_true",
        help="list the service plugins found, and why any was rejected",
    )
    parser.add_argument(
        "--profile",
        type=Path,
        metavar="DIR",
        help=f"keep config, data and logs under DIR (also: ${PROFILE_ENV})",
    )
    parser.add_argument("--frontend", default="qt", help="front end to start (default: qt)")
    parser.add_argument("--debug", action="store_true", help="log at DEBUG level")
    parser.add_argument(
        "--minimized",
        action="store_true",
        help="start with the window hidden in the system tray (where there is one)",
    )
    parser.add_argument("uri", nargs="?", help="an xmpp:, matrix: or irc(s): link to open")
    return parser


def list_backends(out: Callable[[str], None] = print) -> int:
    from app.registry import BackendRegistry  # noqa: PLC0415  (see the module's docstring)

    registry = BackendRegistry.discover()
    registry.load_all()
    reports = registry.reports()
    if not reports:
        out("No backends found (entry-point group 'chinwag.backends').")
        return 0
    width = max(len(r.name) for r in reports)
    for report in reports:
        if report.loaded:
            out(f"{report.name:<{width}}  ok        {report.display_name}  ({report.source})")
        else:
            out(f"{report.name:<{width}}  REJECTED  {report.reason}  ({report.source})")
    return 0


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while the core's and the front end's modules are
    imported. Imports make objects by the hundred thousand and almost no garbage, yet the
    collector ran ~100 young and ~10 middle collections and sometimes a full one over them
    before the window was up: 40-90 ms (docs/performance.md, "The first window, again"). What
    cycles they leave are collected when it is on again.

    A front end whose ``run`` has ``collects_itself`` set runs inside the pause as well (turning
    it on again at once would run a collection over everything the start made): the Qt one
    collects on its own GUI thread from the moment its application exists
    (``ui.gc_on_gui_thread``). Any other runs with the collector on, as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.profile is not None:
        os.environ[PROFILE_ENV] = str(args.profile.expanduser().absolute())
    dataclass_code.install()
    entry_point_cache.install()
    if args.list_backends:
        return list_backends()
    with collection_paused():
        from app.registry import entry_points  # noqa: PLC0415  (see the module's docstring)

        frontends = {ep.name: ep for ep in entry_points(FRONTEND_GROUP)}
        ep = frontends.get(args.frontend)
        if ep is None:
            known = ", ".join(sorted(frontends)) or "none installed"
            print(f"chinwag: no front end {args.frontend!r} (available: {known})", file=sys.stderr)
            return 2
        run = ep.load()
        if not callable(run):
            print(
                f"chinwag: front end {args.frontend!r} is not callable: {ep.value}", file=sys.stderr
            )
            return 2
        if getattr(run, "collects_itself", False):  # its start stays without collections too
            return int(run(args))
    return int(run(args))
