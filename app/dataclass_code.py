"""The methods :mod:`dataclasses` writes for each class, compiled once and kept between runs.

For every dataclass the standard library generates the source of ``__init__``, ``__repr__``,
``__eq__``, ``__hash__`` and, frozen, ``__setattr__``/``__delattr__``, and compiles each with
``exec``: about a millisecond per class, and the app defines some 250 before its window is up
(the core's models, facts and events, a backend, the window's modules): 0.16 s of the 0.52 s
that importing the core takes, all of it before an account can start connecting
(docs/performance.md, "Beside the peers").

:func:`install` gives :mod:`dataclasses` an ``exec`` that looks the code up by its source in a
file kept from earlier runs, compiles only what it has not seen, and :func:`save` writes what was
new. The code is the compiler's own for that source (same flags as the standard library's
``exec``, marshalled as a ``.pyc`` file is), so the classes are the same. The file lives where
Python keeps this package's bytecode (``app/__pycache__``, or under ``PYTHONPYCACHEPREFIX``),
and is written only where Python would write bytecode (not under ``PYTHONDONTWRITEBYTECODE``, not
in a folder it cannot write); it is named after the interpreter and starts with its bytecode
magic number, and one that cannot be read is ignored and replaced. Only an index is read at
start; each code object is unmarshalled when its class is made (a profile with IRC alone never
makes the XMPP backend's). :func:`release` saves and lets go of the file's bytes once the start
is over; later classes are compiled as usual.

:func:`compiled` keeps other code in the same file the same way: PySide6's support modules,
which shiboken compiles from the source embedded in its library at every start (30-40 ms;
:mod:`ui.pyside_import_hook`).
"""

from __future__ import annotations
import __future__

import atexit
import builtins
import contextlib
import dataclasses
import hashlib
import importlib.util
import logging
import marshal
import os
import sys
import threading
from pathlib import Path
from types import CodeType
from typing import Any

_log = logging.getLogger(__name__)

MAGIC = b"chinwag-dataclass-code-2\n" + importlib.util.MAGIC_NUMBER
"""The file's first bytes: this format, then the interpreter's bytecode version."""


class _Table:
    """The code kept in the file (its bytes, and where each source's code is in them) and the
    code this run compiled that the file did not have."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.file: Path | None = None
        self.data = b""
        self.body = 0  # where the code objects start in ``data``
        self.index: dict[bytes, tuple[int, int]] = {}  # spans in the body
        self.made: dict[bytes, CodeType] = {}

    def read(self, file: Path) -> None:
        try:
            data = file.read_bytes()
        except OSError:
            return
        if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 8:
            return
        body = len(MAGIC) + int.from_bytes(data[-8:], "big")
        try:
            index = marshal.loads(data[len(MAGIC) : body])
        except (EOFError, ValueError, TypeError):
            return
        if isinstance(index, dict):
            self.data, self.body, self.index = data, body, index

    def code(self, key: bytes) -> CodeType | None:
        made = self.made.get(key)
        if made is not None:
            return made
        span = self.index.get(key)
        if span is None:
            return None
        try:
            found = marshal.loads(memoryview(self.data)[self.body + span[0] : self.body + span[1]])
        except (EOFError, ValueError, TypeError, IndexError):
            return None
        return found if isinstance(found, CodeType) else None

    def encoded(self) -> bytes:
        """The file's bytes: magic, index, the code objects, the index's length (8 bytes)."""
        chunks: list[bytes] = []
        spans: dict[bytes, tuple[int, int]] = {}
        at = 0
        kept = self.data[self.body : -8]
        blobs = [(k, kept[a:b]) for k, (a, b) in self.index.items() if k not in self.made]
        blobs += [(k, marshal.dumps(code)) for k, code in self.made.items()]
        for key, blob in blobs:
            spans[key] = (at, at + len(blob))
            chunks.append(blob)
            at += len(blob)
        index = marshal.dumps(spans)
        return MAGIC + index + b"".join(chunks) + len(index).to_bytes(8, "big")


_table = _Table()


def default_file() -> Path | None:
    """Beside this package's bytecode; None where Python keeps none (a frozen bundle)."""
    try:
        pyc = importlib.util.cache_from_source(__file__)
    except (NotImplementedError, ValueError):  # no cache_tag, or not a source file
        return None
    return Path(pyc).parent / f"dataclass-code.{sys.implementation.cache_tag}.bin"


def install(file: Path | None = None) -> bool:
    """Use (and fill) the compiled code kept in ``file`` (default: :func:`default_file`);
    True if it was installed. Nothing changes if this Python's :mod:`dataclasses` has no code
    generator this module knows (a later release may differ): its classes are made as usual."""
    if _table.file is not None:
        return True
    file = file or default_file()
    if file is None or not (
        hasattr(dataclasses, "_create_fn") or hasattr(dataclasses, "_FuncBuilder")
    ):
        return False
    _table.read(file)
    _table.file = file
    dataclasses.exec = _exec  # type: ignore[attr-defined]  # shadows the builtin in that module
    atexit.register(save)  # for a front end that never calls release()
    return True


def _exec(
    source: str | bytes | CodeType,
    globals: dict[str, Any] | None = None,
    locals: dict[str, Any] | None = None,
    /,
) -> None:
    if isinstance(source, str):
        key = hashlib.blake2b(source.encode(), digest_size=16).digest()
        code = _table.code(key)
        if code is None:
            # As exec() compiles it from dataclasses.py, which has no __future__ imports.
            code = compile(source, "<string>", "exec", dont_inherit=True)
            with _table.lock:
                _table.made[key] = code
        source = code
    builtins.exec(source, globals, locals)


def compiled(source: bytes, filename: str) -> CodeType:
    """``compile(source, filename, "exec")`` as code compiled in a module with ``from
    __future__ import annotations`` does it (PySide6's loader), kept in the file when it is
    installed."""
    key = hashlib.blake2b(filename.encode() + b"\0" + source, digest_size=16).digest()
    code = _table.code(key) if _table.file is not None else None
    if code is None:
        flags = __future__.annotations.compiler_flag
        code = compile(source, filename, "exec", flags=flags, dont_inherit=True)
        if _table.file is not None:
            with _table.lock:
                _table.made[key] = code
    return code


def save() -> None:
    """Write the file, atomically, if classes were compiled that it did not have."""
    with _table.lock:
        file = _table.file
        if file is None or not _table.made or sys.dont_write_bytecode:
            return
        encoded, count = _table.encoded(), len(_table.made)
    import tempfile  # noqa: PLC0415  (seldom: not on the way to the window)

    tmp = ""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=".dataclass-code-")
        with os.fdopen(fd, "wb") as out:
            out.write(encoded)
        os.replace(tmp, file)
        _log.debug("kept the code of %d more dataclass methods", count)
    except OSError as exc:  # a read-only install: as Python itself, go on without
        _log.debug("could not keep the dataclass code in %s: %s", file, exc)
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return
    with _table.lock:  # what was written is what is read from now on
        _table.data, _table.index, _table.made = b"", {}, {}
        _table.read(file)


def release() -> None:
    """Save what is new, then let go of the file's bytes and of ``dataclasses.exec``."""
    save()
    with _table.lock:
        _table.data, _table.index, _table.made = b"", {}, {}
        _table.body = 0
        _table.file = None
    if getattr(dataclasses, "exec", None) is _exec:
        del dataclasses.exec  # type: ignore[attr-defined]
