"""The TLS contexts of the same trust are one context for the whole process (each holds its own
parse of the system's CA bundle, 0.83 MB): the XMPP, IRC and Matrix backends share it, a
different or replaced CA file gets its own, and it still verifies."""

from __future__ import annotations

import gc
import os
import ssl
from pathlib import Path

import pytest

from app import tls
from backends.irc.transport import TlsOptions
from backends.irc.transport import _context as irc_context
from backends.matrix.settings import ssl_context as matrix_context
from backends.xmpp.tls import TrustConfigError, build_context
from chinwag.testing.support import make_tls_files


def test_the_three_backends_share_one_context_per_ca_file(tmp_path: Path) -> None:
    ca_file = make_tls_files(tmp_path / "one").ca_cert
    other = make_tls_files(tmp_path / "two").ca_cert
    xmpp = build_context(ca_file, "")
    irc = irc_context(TlsOptions(ca_file=str(ca_file)))
    matrix = matrix_context({"ca_file": str(ca_file)})
    assert xmpp is irc is matrix
    assert irc_context(TlsOptions()) is build_context(None, "") is matrix_context({})
    assert build_context(other, "") is not xmpp
    assert build_context(None, "") is not xmpp
    system = build_context(None, "").cert_store_stats()["x509_ca"]
    assert xmpp.cert_store_stats()["x509_ca"] == system + 1  # the system's CAs and the file's
    assert xmpp.verify_mode is ssl.CERT_REQUIRED and xmpp.check_hostname
    assert xmpp.minimum_version is ssl.TLSVersion.TLSv1_2


def test_a_context_with_its_own_settings_is_not_shared(tmp_path: Path) -> None:
    files = make_tls_files(tmp_path / "tls")
    with_cert = irc_context(TlsOptions(client_cert=str(files.cert), client_key=str(files.key)))
    assert with_cert is not tls.system_trust()
    assert with_cert is not irc_context(
        TlsOptions(client_cert=str(files.cert), client_key=str(files.key))
    )
    pinned = build_context(None, ":".join(["AA"] * 32))
    assert pinned is not tls.system_trust() and pinned.verify_mode is ssl.CERT_NONE
    assert tls.system_trust().verify_mode is ssl.CERT_REQUIRED  # not changed by either


def test_a_replaced_ca_file_is_read_again(tmp_path: Path) -> None:
    ca_file = tmp_path / "ca.pem"
    ca_file.write_bytes(make_tls_files(tmp_path / "one").ca_cert.read_bytes())
    first = tls.system_trust(ca_file)
    ca_file.write_bytes(
        ca_file.read_bytes() + make_tls_files(tmp_path / "two").ca_cert.read_bytes()
    )
    os.utime(ca_file, ns=(0, ca_file.stat().st_mtime_ns + 1_000_000_000))
    second = tls.system_trust(ca_file)
    assert second is not first
    assert second.cert_store_stats()["x509_ca"] == first.cert_store_stats()["x509_ca"] + 1


def test_a_ca_file_that_cannot_be_used_is_an_error_and_not_kept(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        tls.system_trust(tmp_path / "missing.pem")
    broken = tmp_path / "broken.pem"
    broken.write_text("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n")
    with pytest.raises(ssl.SSLError):
        tls.system_trust(broken)
    with pytest.raises(TrustConfigError):
        build_context(broken, "")
    assert not any(key[0] == str(broken) for key in tls._kept)


def test_a_context_no_connection_uses_any_more_is_let_go(tmp_path: Path) -> None:
    ca_file = make_tls_files(tmp_path / "tls").ca_cert
    context = tls.system_trust(ca_file)
    assert any(key[0] == str(ca_file) for key in tls._kept)
    del context
    gc.collect()
    assert not any(key[0] == str(ca_file) for key in tls._kept)
