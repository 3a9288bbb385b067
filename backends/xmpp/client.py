"""slixmpp's client, with the habits Chinwag cannot have taken away from it.

- It never reconnects by itself (slixmpp retries failed connects, follows ``see-other-host`` and
  reconnects on ping timeouts): reconnecting is the core's one loop, with a new backend instance.
- It never authenticates over an unencrypted stream, whatever the server offers.
- A pinned certificate is compared before the stream even starts.
- Its server is found by :mod:`backends.xmpp.discovery` (SRV with XEP-0368, host-meta), through
  a resolver that can be pointed at a given DNS server.
- It is made with the account's TLS context (slixmpp would first build one of its own, reading
  the system's CA certificates twice), and SCRAM's salted password is PBKDF2 in C
  (:func:`_salted_password`): both were CPU on every sign-in's way online.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import ssl
from typing import Any

from slixmpp import ClientXMPP
from slixmpp.util import misc_ops
from slixmpp.util.sasl.mechanisms import SCRAM

from app.i18n import CoreMessages
from backends.xmpp import discovery
from backends.xmpp.tls import fingerprint_of_pem

_log = logging.getLogger(__name__)


_python_hi = SCRAM.Hi


def _salted_password(self: SCRAM, text: str, salt: bytes, iterations: int) -> bytes:
    """SCRAM's ``Hi()`` is PBKDF2 with the mechanism's HMAC and one block (RFC 5802 §2.2):
    hashlib's, in C, instead of slixmpp's loop of 4,096 HMACs in Python (0.1-0.3 s of CPU in
    each sign-in, measured while the window was being built)."""
    hash_function: Any = self.hash  # a hashlib constructor (sha1, sha256 …)
    try:
        return hashlib.pbkdf2_hmac(hash_function().name, misc_ops.bytes(text), salt, iterations)
    except (AttributeError, TypeError, ValueError):  # a hash hashlib cannot run PBKDF2 with
        result: bytes = _python_hi(self, text, salt, iterations)
        return result


SCRAM.Hi = _salted_password  # type: ignore[method-assign]


class TrustFailure(Exception):
    """The server's certificate is not the pinned one / not trusted; carries its fingerprint."""

    def __init__(self, message: str, fingerprint: str) -> None:
        super().__init__(message)
        self.fingerprint = fingerprint


class ChinwagClient(ClientXMPP):
    """One connection attempt. Its outcome is read from :attr:`trust_failure` and events."""

    def __init__(self, jid: str, password: str, ssl_context: ssl.SSLContext, pinned: str) -> None:
        super().__init__(jid, password, ssl_context=ssl_context)
        self.pinned = pinned
        self.trust_failure: TrustFailure | None = None
        self.last_attempt: tuple[str, int, bool] | None = None
        self.nameservers: tuple[str, ...] = ()
        """DNS servers ("ip" or "ip:port") instead of the system's, for discovery."""
        self.host_meta_port = 443
        self.discovered: discovery.Discovery | None = None
        self.discovery_log: logging.LoggerAdapter[logging.Logger] | None = None
        self.roster.auto_authorize = None  # type: ignore[assignment]  # subscription requests are the person's decision
        self.roster.auto_subscribe = False
        self.add_event_handler("ssl_cert", self._check_pin)

    # -- no reconnecting of its own ----------------------------------------------------------

    def reschedule_connection_attempt(self) -> asyncio.Future[Any] | None:
        self._current_connection_attempt = None
        return None

    def reconnect(self, wait: int | float = 2.0, reason: str = "Reconnecting") -> None:
        self.disconnect_reason = reason
        self.abort()

    # -- finding the server ---------------------------------------------------------------------

    async def get_dns_records(
        self, domain: str, port: int | None = None
    ) -> list[tuple[str, str, str, int]]:
        """Used by slixmpp's connect loop when no host is set: our discovery, not its own."""
        log = self.discovery_log or logging.LoggerAdapter(_log, {})
        records, found = await discovery.connection_records(
            domain,
            resolver=discovery.make_resolver(self.nameservers),
            nameservers=self.nameservers,
            log=log,
            ssl_context=self.ssl_context,
            https_port=self.host_meta_port,
            use_ipv6=self.use_ipv6,
        )
        self.discovered = found
        allowed = set()
        if self.enable_direct_tls:
            allowed.add(discovery.DIRECT_TLS_SERVICE)
        if self.enable_starttls:
            allowed.add(discovery.STARTTLS_SERVICE)
        usable = [r for r in records if r[0] in allowed]
        if not usable:
            # Nothing to try: slixmpp would fall back to the bare domain on 5222, which DNS (or
            # the chosen encryption mode) has just ruled out. Without a current attempt each of
            # its tries returns at once (cancelling would cancel this very coroutine).
            self._current_connection_attempt = None
        return usable

    async def _attempt_connection(
        self, host: str, port: int, tls: bool, server_hostname: str | None
    ) -> bool:
        self.last_attempt = (host, port, tls)
        result: bool = await super()._attempt_connection(host, port, tls, server_hostname)
        return result

    # -- trust --------------------------------------------------------------------------------

    def _check_pin(self, pem: str) -> None:
        if not self.pinned:
            return
        seen = fingerprint_of_pem(pem)
        if seen != self.pinned:
            self.trust_failure = TrustFailure(
                CoreMessages.tr("The server's certificate does not match the pinned fingerprint."),
                seen,
            )
            # connection_made() stops before sending the stream header when the attempt is gone.
            self.cancel_connection_attempt()
            self.abort()

    def is_encrypted(self) -> bool:
        return "starttls" in self.features or isinstance(
            self.socket, (ssl.SSLSocket, ssl.SSLObject)
        )

    def require_encryption(self, on_plaintext: Any) -> None:
        """Refuse SASL on a plaintext stream (a server that did not offer STARTTLS)."""
        handler, restart = self._stream_feature_handlers["mechanisms"]

        def guarded(features: Any) -> Any:
            if not self.is_encrypted():
                on_plaintext()
                self.abort()
                return True
            return handler(features)

        self._stream_feature_handlers["mechanisms"] = (guarded, restart)
