"""The installed plugins' entry points, remembered between starts.

Asking :func:`importlib.metadata.entry_points` imports :mod:`importlib.metadata` (with
``email``, ``zipfile``, ``csv`` …) and reads the metadata of every installed distribution, once
for the front ends and once for the backends: 70-120 ms of a start whose window should be up in
0.35 s (docs/performance.md, "The first window"), for an answer that changes only when a
distribution is installed or removed.

:func:`install` (the ``chinwag`` command does it before it looks for its front end) lets
:func:`app.registry.entry_points` answer from a small file kept beside this package's bytecode
(like :mod:`app.dataclass_code`, and only where Python writes bytecode). An answer is kept with
the folders on ``sys.path`` and their modification times, and the times of the
``entry_points.txt`` of each distribution in them: installing or removing a distribution adds or
removes a folder (its ``.dist-info``) in one of them, which changes that folder's time, and a
legacy editable install rewrites its ``.egg-info`` in place, which changes that file's time;
then the entry points are looked up again and the answer replaced. Without :func:`install`
(tests, embedding) nothing is kept and every call asks :mod:`importlib.metadata`.
"""

from __future__ import annotations

import functools
import importlib
import marshal
import os
import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

MAGIC = b"chinwag-entry-points-1\n"
KEPT_PATHS = 4
"""Answers kept for this many different ``sys.path``s (a venv used from two folders)."""

# importlib.metadata.EntryPoint.pattern: "module", "module:attr.attr", extras ignored.
_VALUE = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")


@dataclass(frozen=True, slots=True)
class KeptEntryPoint:
    """An entry point read from the kept file: what :class:`importlib.metadata.EntryPoint`
    offers the registry and the command (name, value, group, :meth:`load`)."""

    name: str
    value: str
    group: str

    def load(self) -> object:
        """Import the module the value names and return the object it names in it."""
        match = _VALUE.match(self.value)
        if match is None:
            raise ValueError(f"not an entry point: {self.value!r}")
        module = importlib.import_module(match.group("module"))
        attrs = filter(None, (match.group("attr") or "").split("."))
        return functools.reduce(getattr, attrs, module)


Key = tuple[tuple[str, int], ...]
"""What an answer is kept under (:func:`key`)."""


class _Kept:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.file: Path | None = None
        self.answers: dict[Key, dict[str, tuple[tuple[str, str], ...]]] = {}
        self.key: tuple[tuple[str, ...], Key] | None = None  # sys.path and its key, once


_kept = _Kept()


def default_file() -> Path | None:
    """Beside the dataclass code; None where Python keeps no bytecode (a frozen bundle)."""
    from app import dataclass_code  # noqa: PLC0415  (imported already by whoever installs)

    code = dataclass_code.default_file()
    return (
        None if code is None else code.with_name(f"entry-points.{sys.implementation.cache_tag}.bin")
    )


def install(file: Path | None = None) -> bool:
    """Keep answers in ``file`` (default: :func:`default_file`) from now on; True if so."""
    file = file or default_file()
    if file is None:
        return False
    answers: dict[Key, dict[str, tuple[tuple[str, str], ...]]] = {}
    try:
        data = file.read_bytes()
        if data.startswith(MAGIC):
            loaded = marshal.loads(data[len(MAGIC) :])
            if isinstance(loaded, dict):
                answers = loaded
    except (OSError, ValueError, EOFError, TypeError):
        answers = {}
    with _kept.lock:
        _kept.file = file
        _kept.answers = answers
        _kept.key = None
    return True


def uninstall() -> None:
    """Ask :mod:`importlib.metadata` every time again (tests)."""
    with _kept.lock:
        _kept.file = None
        _kept.answers = {}
        _kept.key = None


_METADATA = (".dist-info", ".egg-info")


def _fingerprint() -> Key:
    """Each folder on ``sys.path`` with its time, and in it each distribution's
    ``entry_points.txt`` with its time: an ``.egg-info`` (a legacy editable install, whose
    project folder is on ``sys.path``) is rewritten in place, which changes no folder's time."""
    marks = []
    for entry in sys.path:
        folder = entry or "."
        try:
            marks.append((entry, os.stat(folder).st_mtime_ns))
            with os.scandir(folder) as found:
                names = sorted(e.name for e in found if e.name.endswith(_METADATA))
        except OSError:  # missing, unreadable, or a zip file
            marks.append((entry, -1))
            continue
        for name in names:
            try:
                mark = os.stat(os.path.join(folder, name, "entry_points.txt")).st_mtime_ns
            except OSError:
                mark = -1
            marks.append((name, mark))
    return tuple(marks)


def key() -> Key | None:
    """What an answer is kept under, taken *before* asking :mod:`importlib.metadata` (a
    distribution installed meanwhile then changes the key of the next start, never hides
    behind it); None when nothing is kept (not installed). Taken once per process and
    ``sys.path`` (some 1.6 ms with 120 distributions installed)."""
    with _kept.lock:
        if _kept.file is None:
            return None
        path = tuple(sys.path)
        if _kept.key is None or _kept.key[0] != path:
            _kept.key = (path, _fingerprint())
        return _kept.key[1]


def lookup(group: str, at: Key | None = None) -> list[KeptEntryPoint] | None:
    """The kept answer for ``group`` under ``at`` (default: today's :func:`key`); None if there
    is none (or nothing is kept: not installed)."""
    at = at if at is not None else key()
    if at is None:
        return None
    with _kept.lock:
        if _kept.file is None:
            return None
        answer = _kept.answers.get(at, {}).get(group)
    if answer is None:
        return None
    return [KeptEntryPoint(name, value, group) for name, value in answer]


def remember(group: str, found: list[tuple[str, str]], at: Key | None = None) -> None:
    """Keep ``found`` (name, value pairs) as the answer for ``group`` under ``at``, the
    :func:`key` taken before they were looked up, and write the file (only where Python
    writes bytecode)."""
    at = at if at is not None else key()
    with _kept.lock:
        file = _kept.file
        if file is None or at is None:
            return
        groups = dict(_kept.answers.pop(at, {}))
        groups[group] = tuple(found)
        _kept.answers[at] = groups  # newest last
        while len(_kept.answers) > KEPT_PATHS:
            del _kept.answers[next(iter(_kept.answers))]
        encoded = MAGIC + marshal.dumps(_kept.answers)
    if sys.dont_write_bytecode:
        return
    tmp = file.with_name(f".{file.name}.{os.getpid()}.{threading.get_ident()}")
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(encoded)
        os.replace(tmp, file)
    except OSError:
        tmp.unlink(missing_ok=True)
