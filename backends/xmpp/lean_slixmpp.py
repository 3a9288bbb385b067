"""slixmpp imported without Pygments.

At import, ``slixmpp.xmlstream.tostring`` builds a highlighter for its debug log from Pygments,
if Pygments is installed: the XML lexer and a 256-colour terminal formatter, 41 modules and
4.2 MB resident in every Chinwag with an XMPP account (Pygments is installed as a dependency of
other tools, and nothing in Chinwag uses it). The highlighter only ever adds terminal colour codes
to slixmpp's DEBUG lines, which Chinwag writes to a log file, where they are noise. Without
Pygments slixmpp falls back to plain text, so the import is made to see none.

slixmpp also imports :mod:`importlib.metadata` at import (``slixmpp.version`` asks
``importlib.metadata.version("slixmpp")``): with ``email``, ``zipfile`` and ``csv`` 30 modules and
1.1 MB in every process with an XMPP account, for one string (slixmpp puts it in its entity
capabilities). :func:`version_module` reads that string from the same file importlib.metadata
reads (the ``Version:`` line of slixmpp's ``METADATA``) and ``slixmpp.version`` is made from it.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path


def import_slixmpp() -> None:
    """Import slixmpp with ``import pygments`` failing meanwhile (once, before anything else
    imports slixmpp; a process that has either already is left as it is).

    ``sys.modules[name] = None`` is Python's documented way to make an import of ``name`` raise
    ``ImportError``; it is undone at once. Nothing else in the process imports Pygments."""
    if "slixmpp" in sys.modules or "pygments" in sys.modules:
        return
    sys.modules["pygments"] = None  # type: ignore[assignment]
    version = version_module()
    if version is not None:
        sys.modules["slixmpp.version"] = version
    try:
        import slixmpp  # noqa: PLC0415

        if version is not None:  # what the import system sets for a submodule it loads itself
            slixmpp.version = version
    except BaseException:
        if sys.modules.get("slixmpp.version") is version:
            del sys.modules["slixmpp.version"]
        raise
    finally:
        entry: object = sys.modules.get("pygments", sys)
        if entry is None:  # still the block (not a Pygments imported meanwhile)
            del sys.modules["pygments"]


def installed_version(package_dir: Path, name: str) -> str | None:
    """The ``Version:`` of the distribution ``name`` whose ``.dist-info`` sits beside
    ``package_dir`` (a wheel's layout), None if there is not exactly one or it has none."""
    found = list(package_dir.parent.glob(f"{name}-*.dist-info/METADATA"))
    if len(found) != 1:
        return None
    try:
        with found[0].open(encoding="utf-8") as metadata:
            for line in metadata:
                if line.startswith("Version:"):
                    return line.partition(":")[2].strip() or None
                if not line.strip():  # the headers end at the first empty line
                    break
    except (OSError, UnicodeDecodeError):
        return None
    return None


def version_module() -> types.ModuleType | None:
    """``slixmpp.version`` with what its own code would set (``__version__`` and, for a plain
    ``X.Y.Z``, ``__version_info__``), without importlib.metadata; None where slixmpp is not
    installed from a wheel (its own module then runs as it is)."""
    spec = importlib.util.find_spec("slixmpp")
    if spec is None or not spec.submodule_search_locations:
        return None
    package_dir = Path(next(iter(spec.submodule_search_locations)))
    version = installed_version(package_dir, "slixmpp")
    if version is None:
        return None
    module = types.ModuleType("slixmpp.version")
    module.__file__ = str(package_dir / "version.py")
    module.__version__ = version  # type: ignore[attr-defined]
    parts = version.split(".")[:3]
    info: tuple[int, ...] = (0, 0, 0)
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        info = tuple(int(p) for p in parts)
    module.__version_info__ = info  # type: ignore[attr-defined]
    return module
