"""One TLS context per trust, shared by the connections that trust the same certificates.

Every context made with :func:`ssl.create_default_context` parses the system's CA bundle into
a store of its own: 144 certificates, 0.83 MB resident each (docs/performance.md, "Memory,
session 9"). The XMPP, IRC and Matrix backends each made one per sign-in, for the same trust
(the system's CAs, plus an account's CA file). :func:`system_trust` makes one per distinct
CA file and hands the same one to every connection while any of them still uses it; an
``SSLContext`` is made to be shared by many connections.

A shared context must not be changed: a caller that needs its own settings (a client
certificate, a pinned certificate instead of the CAs) makes its own context.
"""

from __future__ import annotations

import os
import ssl
import threading
import weakref

_kept: weakref.WeakValueDictionary[tuple[str, int, int], ssl.SSLContext] = (
    weakref.WeakValueDictionary()
)
_lock = threading.Lock()


def system_trust(ca_file: str | os.PathLike[str] | None = None) -> ssl.SSLContext:
    """A client context trusting the system's CAs and those in ``ca_file``, TLS 1.2 or later,
    the host name checked. Shared: do not change it.

    A CA file is known by its path, size and modification time, so a replaced file is read
    again. Raises :class:`OSError` or :class:`ssl.SSLError` when ``ca_file`` cannot be used
    (nothing is kept then)."""
    path = os.path.abspath(os.path.expanduser(os.fspath(ca_file))) if ca_file else ""
    key = ("", 0, 0)
    if path:
        stat = os.stat(path)
        key = (path, stat.st_size, stat.st_mtime_ns)
    with _lock:
        context = _kept.get(key)
        if context is None:
            context = ssl.create_default_context()
            context.minimum_version = ssl.TLSVersion.TLSv1_2
            if path:
                context.load_verify_locations(cafile=path)
            _kept[key] = context
        return context
