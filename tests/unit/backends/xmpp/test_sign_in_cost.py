"""CPU on every XMPP sign-in's way online: the client is made with the account's TLS context
(slixmpp would first build one of its own from the system's CA certificates, twice), and SCRAM's
salted password is PBKDF2 in C, the same bytes as slixmpp's loop in Python."""

from __future__ import annotations

import base64
import hashlib
import hmac
import ssl
from typing import Any

import pytest

from backends.xmpp import client


class _Scram:
    """The parts of slixmpp's SCRAM mechanism that ``Hi`` uses."""

    def __init__(self, hash_function: Any) -> None:
        self.hash = hash_function

    def HMAC(self, key: bytes, msg: bytes) -> bytes:
        return hmac.HMAC(key=key, msg=msg, digestmod=self.hash).digest()


def test_the_salted_password_is_rfc_5802s_and_slixmpps() -> None:
    salt = base64.b64decode("QSXCR+Q6sek8bf92")  # RFC 5802 §5, user "user", password "pencil"
    sha1 = _Scram(hashlib.sha1)
    salted = client._salted_password(sha1, "pencil", salt, 4096)  # type: ignore[arg-type]
    assert salted.hex() == "1d96ee3a529b5a5f9e47c01f229a2cb8a6e15f7d"
    for hash_function in (hashlib.sha1, hashlib.sha256, hashlib.sha512):
        mech = _Scram(hash_function)
        for password in ("pencil", "pässwörd", b"raw bytes"):
            assert client._salted_password(mech, password, salt, 64) == client._python_hi(  # type: ignore[arg-type]
                mech, password, salt, 64
            )


def test_slixmpps_scram_uses_it() -> None:
    from slixmpp.util.sasl.mechanisms import SCRAM

    assert SCRAM.Hi is client._salted_password


def test_the_client_takes_the_accounts_context_and_builds_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)

    def refuse(*args: object, **kwargs: object) -> ssl.SSLContext:
        raise AssertionError("a TLS context of slixmpp's own was built")

    monkeypatch.setattr(ssl, "create_default_context", refuse)
    made = client.ChinwagClient("me@example.org/chinwag", "secret", context, "")
    assert made.ssl_context is context
