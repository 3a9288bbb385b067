"""matrix-nio comes with pycryptodome on ctypes (no cffi/pycparser parsing at import, 1.2 MB),
and the parts we use from pycryptodome still work on it."""

from __future__ import annotations

import builtins
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from backends.matrix.lean_nio import RunOnFirstUse, defer_until_used


def test_the_backend_imports_nio_without_cffi_and_its_crypto_still_works() -> None:
    code = """
import json, sys
import backends.matrix
from Crypto.Util import _raw_api
from Crypto.Cipher import AES
from Crypto.PublicKey import ECC
from Crypto.Signature import eddsa
import nio.crypto
loaded = ["cffi" in sys.modules, "pycparser" in sys.modules]
key = bytes(range(32))
box = AES.new(key, AES.MODE_CTR, nonce=bytes(8), initial_value=bytes(8))
sealed = box.encrypt(b"attachment bytes")
plain = AES.new(key, AES.MODE_CTR, nonce=bytes(8), initial_value=bytes(8)).decrypt(sealed)
signer = ECC.generate(curve="ed25519")
signature = eddsa.new(signer, "rfc8032").sign(b"cross-signing")
eddsa.new(signer.public_key(), "rfc8032").verify(b"cross-signing", signature)
import cffi  # undone after nio's import: whoever needs it later gets it
import platform
print(json.dumps([loaded, _raw_api.backend, plain.decode(), nio.crypto.ENCRYPTION_ENABLED,
                  cffi.__name__, _raw_api.cached_architecture == list(platform.architecture())]))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [
        [False, False],
        "ctypes",
        "attachment bytes",
        True,
        "cffi",
        True,  # the answer given beforehand is the one `file` gives
    ]


def test_nio_s_own_http_client_and_crypto_run_only_when_used() -> None:
    """h11/h2 (nio's sans-I/O client, unused by the backend) and pycryptodome's ciphers are in
    ``sys.modules`` unrun after the backend's import, and work as before once something uses
    them: nio's HTTP/1.1 and HTTP/2 connections, the exception nio catches, AES."""
    code = """
import json, sys
import backends.matrix
from backends.matrix.lean_nio import RunOnFirstUse
names = ["h11", "h2.connection", "h2.events", "h2.exceptions", "Crypto.Cipher.AES",
         "Crypto.PublicKey.ECC"]
unrun = [isinstance(sys.modules[n], RunOnFirstUse) for n in names]
internals = ["h11._connection" in sys.modules, "hpack" in sys.modules]
import h2
import nio
client = nio.HttpClient("https://example.org")
first = client.connect(nio.TransportType.HTTP2)
client.connect(nio.TransportType.HTTP)
from Crypto.Cipher import AES
box = AES.new(bytes(32), AES.MODE_CTR, nonce=bytes(8), initial_value=bytes(8))
run = [type(sys.modules[n]).__name__ for n in names[:5]]
print(json.dumps([unrun, internals, len(first) > 0, issubclass(h2.exceptions.ProtocolError,
                  Exception), run, len(box.encrypt(b"x"))]))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [
        [True] * 6,
        [False, False],
        True,
        True,
        ["module"] * 5,
        1,
    ]


def test_nio_s_proxy_support_is_imported_when_a_proxy_is_asked_for() -> None:
    """aiohttp-socks (with python-socks) is not run at the backend's import; nio's
    ``ProxyConnector.from_url`` still makes aiohttp-socks's connector, and a later importer of
    the module gets the module itself."""
    code = """
import asyncio, json, sys
import backends.matrix
from nio.client import async_client
before = ["python_socks" in sys.modules, type(sys.modules["aiohttp_socks"]).__name__]

async def main():
    connector = async_client.ProxyConnector.from_url("socks5://127.0.0.1:1080")
    import aiohttp_socks
    made = isinstance(connector, aiohttp_socks.ProxyConnector)
    await connector.close()
    return made, aiohttp_socks.ProxyConnector.__module__

made, module = asyncio.run(main())
print(json.dumps([before, made, module]))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [
        [False, "RunOnFirstUse"],
        True,
        "aiohttp_socks.connector",
    ]


def test_a_deferred_module_runs_once_at_its_first_name_and_again_after_a_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``defer_until_used``: an ``import`` statement binds the module unrun (unlike
    ``LazyLoader``), the first name looked up runs it once, a submodule is its package's
    attribute, and a module whose code fails raises at that lookup and runs again at the next."""
    package = tmp_path / "deferred_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "counted.py").write_text(
        "import builtins\nbuiltins.deferred_runs = getattr(builtins, 'deferred_runs', 0) + 1\n"
        "VALUE = 42\n"
    )
    (package / "failing.py").write_text(
        "import builtins\nif not getattr(builtins, 'deferred_ok', False):\n"
        "    raise RuntimeError('not yet')\nVALUE = 7\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    names = ("deferred_pkg.counted", "deferred_pkg.failing")
    for name in names:
        monkeypatch.delitem(sys.modules, name, raising=False)
    monkeypatch.delitem(sys.modules, "deferred_pkg", raising=False)
    monkeypatch.setattr(builtins, "deferred_runs", 0, raising=False)
    monkeypatch.setattr(builtins, "deferred_ok", False, raising=False)
    try:
        assert defer_until_used(names) == list(names)
        assert defer_until_used(names) == []  # already in sys.modules: left as they are
        import deferred_pkg.counted  # type: ignore[import-not-found]

        assert isinstance(deferred_pkg.counted, RunOnFirstUse)
        assert builtins.deferred_runs == 0  # type: ignore[attr-defined]
        assert deferred_pkg.counted.VALUE == 42
        assert deferred_pkg.counted.VALUE == 42
        assert builtins.deferred_runs == 1  # type: ignore[attr-defined]
        assert type(sys.modules["deferred_pkg.counted"]) is ModuleType
        failing = sys.modules["deferred_pkg.failing"]
        with pytest.raises(RuntimeError, match="not yet"):
            _ = failing.VALUE
        assert isinstance(failing, RunOnFirstUse)
        builtins.deferred_ok = True  # type: ignore[attr-defined]
        assert failing.VALUE == 7
    finally:
        for name in names:
            sys.modules.pop(name, None)


def test_aiohttps_unverified_context_comes_without_the_ca_bundle_and_nothing_else_changes() -> None:
    code = """
import json, ssl
import backends.matrix
import aiohttp.connector as connector
unverified = connector._SSL_CONTEXT_UNVERIFIED
verified = connector._SSL_CONTEXT_VERIFIED
later = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
later.check_hostname = False
later.verify_mode = ssl.CERT_NONE
later.set_default_verify_paths()  # after the import: as ever
print(json.dumps([unverified.cert_store_stats()["x509"], unverified.verify_mode == ssl.CERT_NONE,
                  unverified.check_hostname, verified.cert_store_stats()["x509"],
                  verified.verify_mode == ssl.CERT_REQUIRED, later.cert_store_stats()["x509"],
                  "set_default_verify_paths" in vars(ssl.SSLContext)]))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    unverified_cas, unverified_none, checks_host, verified_cas, required, later_cas, patched = (
        result
    )
    assert unverified_cas == 0 and unverified_none and not checks_host
    assert verified_cas > 0 and required
    assert later_cas == verified_cas
    assert patched is False
