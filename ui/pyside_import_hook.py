"""PySide6's import hook, made to stop keeping the source of every module in memory.

After ``import PySide6``, shiboken replaces ``__import__`` so that each newly imported module can
be checked for ``from __feature__ import …`` (snake_case, true_property). The check,
``shibokensupport.feature._mod_uses_pyside``, reads the module's source with
``inspect.getsource``, which keeps it in ``linecache`` for the life of the process: about 24 MB
for the ~720 modules this app imports (measured with tracemalloc, docs/performance.md). The
replacement answers the same question ("does the source mention PySide6?") by reading the file
once and keeping nothing. Chinwag uses no ``__feature__``; the answer only tells PySide which
modules to look at.

Whatever the old check kept before this patch (modules imported after PySide6 but before ``ui``)
is dropped from ``linecache`` too. If a PySide6 release changes this internal, nothing is patched
and a debug line says so.

The same finder compiles PySide6's support modules (``shibokensupport``, embedded in shiboken's
library as source and compiled at every start) through :func:`app.dataclass_code.compiled`,
which keeps their code between runs: 30-40 ms of each start (docs/performance.md, "The first
window").

Importing ``ui`` does not import PySide6 itself (the app starts its core before it loads Qt, see
``ui.main``): :func:`lighten_when_imported` patches at once if PySide6 is there, else right after
whoever imports it first.
"""

from __future__ import annotations

import builtins
import importlib.util
import linecache
import logging
import sys
import threading
from collections.abc import Callable
from importlib.machinery import ModuleSpec
from types import CodeType, ModuleType
from typing import Any

from app import dataclass_code

_log = logging.getLogger(__name__)


def _mentions_pyside(module: ModuleType) -> bool:
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def lighten() -> bool:
    """Install the lighter check; True if PySide6's hook was found and patched."""
    if "shibokensupport.feature" not in sys.modules:
        import PySide6.QtCore  # noqa: F401, PLC0415  (installs shiboken's import hook)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        _log.debug("PySide6's feature import hook not found; left as it is")
        return False
    setattr(feature, "_mod_uses_pyside", _mentions_pyside)  # noqa: B010
    # Modules imported between PySide6 and this call (a program that imports PySide6 before
    # ``ui``, as the benchmarks did) went through the old check: let go of what it kept.
    linecache.clearcache()
    return True


def lighten_when_imported() -> None:
    """:func:`lighten` now if PySide6 is imported already, else as soon as it has been."""
    if "PySide6" in sys.modules:
        lighten()
    elif not any(isinstance(finder, _LightenOnArrival) for finder in sys.meta_path):
        sys.meta_path.insert(0, _LightenOnArrival())


class _LightenOnArrival:
    """A finder on ``sys.meta_path`` that finds nothing itself: when PySide6 is looked for, it
    gives the spec the other finders give, with a loader that runs :func:`lighten` once the
    package has run (shiboken's import hook exists from then on), and leaves the path."""

    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> ModuleSpec | None:
        if fullname != "PySide6":
            return None
        if self in sys.meta_path:
            sys.meta_path.remove(self)
        spec = importlib.util.find_spec(fullname)
        loader = spec.loader if spec is not None else None
        if loader is None or not hasattr(loader, "exec_module"):
            return spec
        run_package = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            with _support_code_kept():
                run_package(module)
            lighten()

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


_SUPPORT = "shibokensupport/"
"""The file names shiboken's embedded loader compiles its support modules under."""

_DEFERRED = frozenset({"shibokensupport/signature/lib/pyi_generator.py"})
"""Support modules whose body runs when first used rather than at ``import PySide6``: the
``.pyi`` generator (``pyside6-genpyi``), which nothing at run time calls. Its module-level
regular expressions, classes and ``argparse`` were 25-35 ms of every start (``-X importtime``,
docs/performance.md "The first window"). Its module object is made and published as before;
its first attribute looked up runs the real body in it."""

_PARSER = "shibokensupport/signature/parser.py"
_EAGER_PARSER = b"\narglistParser = ArglistParser()\n"
_LAZY_PARSER = b"""
class _ArglistParserAtFirstUse:
    # chinwag (ui.pyside_import_hook): the pattern is compiled when a signature is first parsed
    def parse(self, argstr):
        global arglistParser
        arglistParser = ArglistParser()
        return arglistParser.parse(argstr)


arglistParser = _ArglistParserAtFirstUse()
"""
"""The signature parser compiles one large regular expression (a 6,000-character brace matcher)
in a module-level ``ArglistParser()``: 7 ms of every start, for parsing a Qt function's text
signature, which nothing does before the first window (``inspect.signature`` of a Qt method,
an error message about wrong arguments). Its module gets an object whose first ``parse`` makes
the real one and takes its place (``_parse_arglist`` looks the name up at each call). Applied
only where that line appears exactly once, as in PySide6 6.11; otherwise the module is as
shipped."""

_STUB = compile(
    "def __getattr__(name):\n"
    "    from ui.pyside_import_hook import _run_deferred\n"
    "    return _run_deferred(globals(), name)\n",
    "<deferred shibokensupport module>",
    "exec",
)
_deferred: dict[str, tuple[bytes, str]] = {}
"""The source and file name of each deferred module not yet run, by module name."""
_deferred_lock = threading.RLock()


class _support_code_kept:
    """While PySide6's package runs (shiboken loads its support modules then), ``compile`` of
    a support module's source comes from :func:`app.dataclass_code.compiled`; any other call,
    from any thread, goes to the builtin unchanged."""

    def __enter__(self) -> None:
        self.builtin: Callable[..., Any] = builtins.compile
        builtin = self.builtin

        def compile(source: Any, filename: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
            if (
                isinstance(source, bytes)
                and isinstance(filename, str)
                and filename.startswith(_SUPPORT)
                and mode == "exec"
                and not args
                and not kwargs
            ):
                return _compiled(source, filename)
            return builtin(source, filename, mode, *args, **kwargs)

        builtins.compile = compile

    def __exit__(self, *exc: object) -> None:
        builtins.compile = self.builtin


def _compiled(source: bytes, filename: str) -> CodeType:
    if filename in _DEFERRED:
        name = filename.removesuffix(".py").replace("/", ".")
        _deferred[name] = (source, filename)
        return _STUB
    if filename == _PARSER and source.count(_EAGER_PARSER) == 1:
        source = source.replace(_EAGER_PARSER, _LAZY_PARSER)
    return dataclass_code.compiled(source, filename)


def _run_deferred(namespace: dict[str, Any], attribute: str) -> Any:
    """Run a deferred module's own body in its namespace (once), then look up ``attribute``."""
    with _deferred_lock:
        entry = _deferred.pop(str(namespace.get("__name__")), None)
        if entry is not None:
            namespace.pop("__getattr__", None)  # the stub's: the body's names answer now
            source, filename = entry
            exec(dataclass_code.compiled(source, filename), namespace)
    try:
        return namespace[attribute]
    except KeyError:
        raise AttributeError(
            f"module {namespace.get('__name__')!r} has no attribute {attribute!r}"
        ) from None
