"""matrix-nio imported with pycryptodome on its ctypes backend, not cffi's in-line ABI mode.

matrix-nio imports pycryptodome (``Crypto``: attachment encryption, and our cross-signing's
Ed25519) at import. pycryptodome talks to its native libraries through cffi if the ``cffi``
package is installed (it is: other packages need it), and then in cffi's *in-line ABI mode*:
every ``Crypto`` module hands its C declarations to ``cffi.FFI.cdef()``, which parses them with
pycparser, in Python, at import. That is 11 modules (cffi, pycparser and its parser tables) and
1.2 MB resident in every Chinwag with a Matrix account (docs/performance.md, "Memory, measured
to the page"), for nothing the ctypes backend does not do: pycryptodome falls back to ctypes
whenever cffi cannot be imported, and that is its documented, tested way on an interpreter
without cffi. The calls that cross into C here are few and large (a file's AES-CTR, a signature).

On its ctypes backend pycryptodome asks ``platform.architecture()`` once, only to tell an ELF
library name from a Windows one; that runs the ``file`` command on the interpreter (45 ms here,
on the core thread). On Linux the answer is known, so it is given beforehand.

python-olm and the OMEMO stack's native parts use cffi's *compiled* modules (``_cffi_backend``),
not the ``cffi`` package, so they do not see the block; nothing else in the process imports it.
"""

from __future__ import annotations

import struct
import sys
from types import ModuleType


def import_nio() -> None:
    """Import matrix-nio with ``import cffi`` failing meanwhile (once, before anything else
    imports pycryptodome; a process where either already is is left as it is).

    ``sys.modules[name] = None`` is Python's documented way to make an import of ``name`` raise
    ``ImportError``; it is undone at once, so whoever imports cffi later gets it."""
    if "Crypto.Util._raw_api" in sys.modules or "cffi" in sys.modules:
        return
    sys.modules["cffi"] = None  # type: ignore[assignment]
    try:
        from Crypto.Util import _raw_api  # noqa: PLC0415

        _answer_architecture(_raw_api)
        import nio  # type: ignore[import-untyped]  # noqa: F401, PLC0415
    finally:
        entry: object = sys.modules.get("cffi", sys)
        if entry is None:  # still the block (not a cffi imported meanwhile)
            del sys.modules["cffi"]


def _answer_architecture(raw_api: ModuleType) -> None:
    """Fill pycryptodome's cache of ``platform.architecture()`` on Linux (what it would find
    there: the pointer size and ``ELF``), so it does not run ``file``; anywhere else, or when
    pycryptodome's cache is not the empty list it starts with, it asks as it always did."""
    cache = getattr(raw_api, "cached_architecture", None)
    if sys.platform.startswith("linux") and isinstance(cache, list) and not cache:
        cache[:] = [f"{struct.calcsize('P') * 8}bit", "ELF"]
