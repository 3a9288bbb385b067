"""matrix-nio imported with pycryptodome on its ctypes backend, not cffi's in-line ABI mode, and
without running what it imports for work a restart does not do (its own HTTP client, proxies,
pycryptodome's ciphers and signatures) until something uses it.

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

matrix-nio also imports, with every client, the libraries of ``nio.HttpClient``, its sans-I/O
client for callers that bring their own sockets: h11 (HTTP/1.1), h2 with hpack and hyperframe
(HTTP/2). The backend talks through ``nio.AsyncClient`` on aiohttp, which never uses them; nio
names them only inside ``HttpClient``'s and its connections' methods (its annotations are not
evaluated). They are 34 modules and 1.5 MB resident (docs/performance.md, "Memory, session 8"),
so the modules nio imports by name are put in ``sys.modules`` as :class:`RunOnFirstUse` modules
beforehand: an ``import`` of them binds the module as usual, and the module's code runs the first
time a name is looked up in it, so whoever does use them gets them as they are. The same for
aiohttp-socks (with python-socks: 32 modules, 0.45 MB), which nio imports for
``ProxyConnector.from_url`` when a client is given a proxy (the backend gives none): nio gets
:class:`ProxyConnectorOnFirstUse`, which imports it then.

nio validates responses and events with jsonschema (36 modules, 2.0 MB): it gets
:mod:`backends.matrix.lean_jsonschema` instead, the Draft 4 keywords its schemas use.

aiohttp makes two TLS contexts at import, for requests that do not bring their own: a verifying
one, and one for ``ssl=False`` that verifies nothing but still reads the system's CA bundle into
its store (``set_default_verify_paths()``: 144 certificates, 0.83 MB). The backend's requests
bring the account's context; the second one is made without the bundle it never reads
(:func:`_import_aiohttp`).
"""

from __future__ import annotations

import _ssl
import importlib.util
import ssl
import struct
import sys
import threading
from types import ModuleType

from backends.matrix import lean_jsonschema

UNUSED_TRANSPORT = ("h11", "h2.config", "h2.connection", "h2.errors", "h2.events", "h2.exceptions")
"""The modules of nio's own HTTP client that nio imports or names (``h2.config`` and
``h2.exceptions`` are reached as attributes of ``h2``, set on it by ``h2.connection``'s import)."""
UNTIL_USED_CRYPTO = (
    "Crypto.Random",
    "Crypto.Cipher.AES",
    "Crypto.Hash.HMAC",
    "Crypto.Hash.SHA256",
    "Crypto.Hash.SHA512",
    "Crypto.Util.Counter",
    "Crypto.PublicKey.ECC",
    "Crypto.Signature.eddsa",
)
"""The pycryptodome modules nio and our cross-signing import by name, for encrypted files, key
export and signatures: each runs when first used (``Crypto.Protocol.KDF`` is not among them:
nio imports a function from it, which runs it)."""
_first_use = threading.RLock()


def import_nio() -> None:
    """Import matrix-nio with ``import cffi`` failing meanwhile and the modules above deferred
    (once, before anything else imports pycryptodome; a process where either already is is left
    as it is).

    ``sys.modules[name] = None`` is Python's documented way to make an import of ``name`` raise
    ``ImportError``; it is undone at once, so whoever imports cffi later gets it."""
    if "Crypto.Util._raw_api" in sys.modules or "cffi" in sys.modules:
        return
    defer_until_used(UNUSED_TRANSPORT)
    schema_modules = {} if "jsonschema" in sys.modules else lean_jsonschema.stand_ins()
    sys.modules.update(schema_modules)
    sys.modules["cffi"] = None  # type: ignore[assignment]
    try:
        from Crypto.Util import _raw_api  # noqa: PLC0415

        _answer_architecture(_raw_api)
        defer_until_used(UNTIL_USED_CRYPTO)
        proxies = defer_until_used(("aiohttp_socks",))
        socks = sys.modules["aiohttp_socks"] if proxies else None
        if socks is not None:  # nio imports the name: it gets the stand-in, later importers
            socks.__dict__["ProxyConnector"] = ProxyConnectorOnFirstUse  # the module's own
        _import_aiohttp()
        import nio  # type: ignore[import-untyped]  # noqa: F401, PLC0415

        if socks is not None:
            del socks.__dict__["ProxyConnector"]
    finally:
        entry: object = sys.modules.get("cffi", sys)
        if entry is None:  # still the block (not a cffi imported meanwhile)
            del sys.modules["cffi"]
        for name, module in schema_modules.items():  # nio keeps them; a later importer of
            if sys.modules.get(name) is module:  # jsonschema gets jsonschema
                del sys.modules[name]


def _skip_when_unverified(context: ssl.SSLContext) -> None:
    """``SSLContext.set_default_verify_paths`` while aiohttp is imported: a context that
    verifies nothing (``CERT_NONE``) gets no CAs; any other gets the system's, as always."""
    if context.verify_mode is ssl.CERT_NONE:
        return
    _ssl._SSLContext.set_default_verify_paths(context)


def _import_aiohttp() -> None:
    """Import aiohttp with its ``ssl=False`` context made without the CA bundle (see the
    module's docstring); a process that has imported it already is left as it is."""
    if "aiohttp.connector" in sys.modules:
        return
    ssl.SSLContext.set_default_verify_paths = _skip_when_unverified  # type: ignore[method-assign,assignment]
    try:
        import aiohttp.connector  # noqa: F401, PLC0415
    finally:
        if ssl.SSLContext.__dict__.get("set_default_verify_paths") is _skip_when_unverified:
            del ssl.SSLContext.set_default_verify_paths  # the inherited one again


def _answer_architecture(raw_api: ModuleType) -> None:
    """Fill pycryptodome's cache of ``platform.architecture()`` on Linux (what it would find
    there: the pointer size and ``ELF``), so it does not run ``file``; anywhere else, or when
    pycryptodome's cache is not the empty list it starts with, it asks as it always did."""
    cache = getattr(raw_api, "cached_architecture", None)
    if sys.platform.startswith("linux") and isinstance(cache, list) and not cache:
        cache[:] = [f"{struct.calcsize('P') * 8}bit", "ELF"]


class RunOnFirstUse(ModuleType):
    """A module whose code runs when a name is first looked up in it (``__getattr__`` is asked
    only for names the module does not have yet). Unlike :class:`importlib.util.LazyLoader`,
    whose modules run at the next ``import`` statement that names them (the import system reads
    ``__spec__`` from them), this one stays unrun until it is used."""

    def __getattr__(self, name: str) -> object:
        with _first_use:  # one thread runs it; another asking meanwhile waits for it
            if type(self) is RunOnFirstUse:
                self.__class__ = ModuleType  # type: ignore[assignment]  # an ordinary one now
                spec = self.__spec__
                assert spec is not None and spec.loader is not None
                try:
                    spec.loader.exec_module(self)
                except BaseException:  # as a failed import: raised here, tried again next time
                    self.__class__ = RunOnFirstUse
                    raise
        return ModuleType.__getattribute__(self, name)


def defer_until_used(names: tuple[str, ...]) -> list[str]:
    """Put each of ``names`` that is not imported yet in ``sys.modules`` as a
    :class:`RunOnFirstUse` module (a submodule also as its package's attribute, as an import
    would); the names deferred. A package of a submodule is imported as usual."""
    deferred: list[str] = []
    for name in names:
        if name in sys.modules:
            continue
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        module.__class__ = RunOnFirstUse
        sys.modules[name] = module
        package, _, leaf = name.rpartition(".")
        if package:
            setattr(sys.modules[package], leaf, module)
        deferred.append(name)
    return deferred


class ProxyConnectorOnFirstUse:
    """What nio's ``from aiohttp_socks import ProxyConnector`` binds: nio only ever calls
    ``ProxyConnector.from_url(proxy)``, for a client given a proxy; this imports aiohttp-socks
    then and hands over to its ``ProxyConnector``."""

    @staticmethod
    def from_url(url: str, **kwargs: object) -> object:
        from aiohttp_socks import ProxyConnector  # noqa: PLC0415  (see the module's docstring)

        return ProxyConnector.from_url(url, **kwargs)
