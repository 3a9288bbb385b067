"""The installed plugins' entry points, remembered between starts.

Asking :func:`importlib.metadata.entry_points` imports :mod:`importlib.metadata` (with
``email``, ``zipfile``, ``csv`` …) and reads the metadata of every installed distribution, once
for the front ends and once for the backends: 70-120 ms of a start whose window should be up in
0.35 s (docs/performance.md, "The first window"), for an answer that changes only when a
distribution is installed or removed.

:func:`install` (the ``chinwag`` command does it before it looks for its front end) lets
:func:`app.registry.entry_points` answer from a small file kept beside this package's bytecode
(like :mod:`app.dataclass_code`, and only where Python writes bytecode). An answer is kept with
the folders on ``sys.path`` and their modification times: installing or removing a distribution
adds or removes a folder (its ``.dist-info``) in one of them, which changes that folder's time,
and then the entry points are looked up again and the answer replaced. Without :func:`install`
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


class _Kept:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.file: Path | None = None
        self.answers: dict[tuple[tuple[str, int], ...], dict[str, tuple[tuple[str, str], ...]]]
        self.answers = {}


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
    answers: dict[tuple[tuple[str, int], ...], dict[str, tuple[tuple[str, str], ...]]] = {}
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
    return True


def uninstall() -> None:
    """Ask :mod:`importlib.metadata` every time again (tests)."""
    with _kept.lock:
        _kept.file = None
        _kept.answers = {}


def _fingerprint() -> tuple[tuple[str, int], ...]:
    marks = []
    for entry in sys.path:
        try:
            marks.append((entry, os.stat(entry or ".").st_mtime_ns))
        except OSError:
            marks.append((entry, -1))
    return tuple(marks)


def lookup(group: str) -> list[KeptEntryPoint] | None:
    """The kept answer for ``group`` under today's ``sys.path``; None if there is none (or
    nothing is kept: not installed)."""
    with _kept.lock:
        if _kept.file is None:
            return None
        answer = _kept.answers.get(_fingerprint(), {}).get(group)
    if answer is None:
        return None
    return [KeptEntryPoint(name, value, group) for name, value in answer]


def remember(group: str, found: list[tuple[str, str]]) -> None:
    """Keep ``found`` (name, value pairs) as the answer for ``group`` under today's
    ``sys.path``, and write the file (only where Python writes bytecode)."""
    with _kept.lock:
        file = _kept.file
        if file is None:
            return
        key = _fingerprint()
        groups = dict(_kept.answers.pop(key, {}))
        groups[group] = tuple(found)
        _kept.answers[key] = groups  # newest last
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
