"""What a plugin's tests against real servers on loopback need, without Chinwag's own tests/.

- :func:`require_binary` / :func:`require_module`: a missing server or tool *fails* the run under
  ``CI=true`` (CI must never pass by skipping) and skips elsewhere, with the command that installs
  it.
- :func:`make_tls_files`: a per-run CA and a server certificate for ``localhost``/127.0.0.1, so a
  loopback server speaks real TLS that the client verifies against that CA.
- :func:`free_port`: a free TCP port on loopback for a server the test starts.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.util
import ipaddress
import os
import shutil
import socket
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

LOOPBACK = "127.0.0.1"
SETUP_HINT = "bash scripts/setup test"


def in_ci() -> bool:
    """Whether the run is CI's (``CI`` set to 1/true/yes): then nothing may be skipped."""
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def missing(message: str) -> None:
    """Fail under CI, skip elsewhere: a test that cannot run is never a pass in CI."""
    if in_ci():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def require_binary(name: str, install_hint: str = SETUP_HINT) -> str:
    """The path of the program ``name`` (also looked for in /usr/sbin), or fail/skip."""
    path = shutil.which(name) or next(
        (str(p) for p in (Path("/usr/sbin") / name, Path("/usr/bin") / name) if p.exists()), None
    )
    if path is None:
        missing(f"{name} is not installed (install it with: {install_hint})")
        raise AssertionError("unreachable")  # pragma: no cover - missing() raises
    return path


def require_module(name: str, install_hint: str = SETUP_HINT) -> None:
    """The Python module ``name`` is importable, or fail/skip."""
    if importlib.util.find_spec(name) is None:
        missing(f"Python module {name!r} is not installed ({install_hint})")


_handed_out: set[int] = set()
_handed_out_lock = threading.Lock()


def free_port() -> int:
    """A loopback port nothing listens on, never one this process was given before: the
    system may hand the same free port to two calls in a row (an InspIRCd got its plain and its
    TLS port equal, and every IRC test of that CI run failed on a TLS handshake)."""
    while True:
        with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
            s.bind((LOOPBACK, 0))
            port = int(s.getsockname()[1])
        with _handed_out_lock:
            if port not in _handed_out:
                _handed_out.add(port)
                return port


@dataclass(frozen=True)
class TlsFiles:
    ca_cert: Path
    cert: Path
    key: Path
    fingerprint_sha256: str  # of the server certificate, hex with colons


def _write_key(path: Path, key: ec.EllipticCurvePrivateKey) -> None:
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    path.chmod(0o600)


def make_tls_files(
    directory: Path, hostname: str = "localhost", also: Sequence[str] = ()
) -> TlsFiles:
    """A throwaway CA and a server certificate it signed, valid for ``hostname``, the names in
    ``also`` and 127.0.0.1. The CA's key is kept beside it (``ca.key``) to sign client
    certificates."""
    directory.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Chinwag test CA")])
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                key_cert_sign=True,
                crl_sign=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hostname)]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName(
                [
                    x509.DNSName(hostname),
                    *(x509.DNSName(name) for name in also),
                    x509.IPAddress(ipaddress.ip_address(LOOPBACK)),
                ]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    files = TlsFiles(
        ca_cert=directory / "ca.pem",
        cert=directory / "server.pem",
        key=directory / "server.key",
        fingerprint_sha256=":".join(f"{b:02X}" for b in cert.fingerprint(hashes.SHA256())),
    )
    files.ca_cert.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    files.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    _write_key(files.key, key)
    _write_key(directory / "ca.key", ca_key)
    return files
