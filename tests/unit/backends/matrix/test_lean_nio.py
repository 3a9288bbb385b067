"""matrix-nio comes with pycryptodome on ctypes (no cffi/pycparser parsing at import, 1.2 MB),
and the parts we use from pycryptodome still work on it."""

from __future__ import annotations

import json
import subprocess
import sys


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
