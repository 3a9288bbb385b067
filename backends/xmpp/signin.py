"""One sign-in attempt, watched from slixmpp's events and told as a :class:`ConnectResult`.

slixmpp reports the ways a connection can end through a dozen events; the core wants one answer:
connected (fresh or resumed), or a :class:`Failure` that says whether retrying can help. A wrong
password and an untrusted certificate need the person; everything else may pass by itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from app.backend import ConnectResult, Failure, FailureKind
from app.i18n import CoreMessages
from backends.xmpp import tls
from backends.xmpp.client import ChinwagClient
from backends.xmpp.settings import ConnectionSettings

SIGN_IN_TIMEOUT = 40.0
_TRANSIENT_AUTH = {"temporary-auth-failure", "aborted", "malformed-request"}


class SignIn:
    """Watches a client's first connection; :meth:`run` returns how it ended."""

    def __init__(
        self,
        client: ChinwagClient,
        settings: ConnectionSettings,
        logger: logging.LoggerAdapter[logging.Logger],
    ) -> None:
        self.client = client
        self.settings = settings
        self.log = logger
        self.resumed = False
        self.resumed_h = 0
        self._negotiated = False
        self._done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._auth_failed = False
        self._auth_condition = ""
        self._plaintext = False
        self._tls_error: BaseException | None = None
        self._error: object = None
        self._stream_error = ""
        self._handlers: list[tuple[str, Any]] = [
            ("stream_negotiated", self._on_negotiated),
            ("session_resumed", self._on_resumed),
            ("failed_auth", self._on_failed_auth),
            ("failed_all_auth", self._on_failed_all_auth),
            ("ssl_invalid_chain", self._on_invalid_chain),
            ("connection_failed", self._on_connection_failed),
            ("disconnected", self._on_disconnected),
            ("stream_error", self._on_stream_error),
        ]
        for name, handler in self._handlers:
            client.add_event_handler(name, handler)

    def refuse_plaintext(self) -> None:
        self._plaintext = True
        self._finish()

    def _finish(self) -> None:
        if not self._done.done():
            self._done.set_result(None)

    def _on_negotiated(self, _event: Any) -> None:
        self._negotiated = True
        self._finish()

    def _on_resumed(self, resumed: Any) -> None:
        self.resumed = True
        self._negotiated = True
        with contextlib.suppress(TypeError, ValueError, KeyError):
            self.resumed_h = int(resumed["h"])
        self._finish()

    def _on_failed_auth(self, failure: Any) -> None:
        with contextlib.suppress(Exception):
            self._auth_condition = str(failure["condition"])

    def _on_failed_all_auth(self, _event: Any) -> None:
        self._auth_failed = True
        self._finish()

    def _on_invalid_chain(self, error: BaseException) -> None:
        self._tls_error = error
        self.client.abort()
        self._finish()

    def _on_connection_failed(self, error: object) -> None:
        self._error = error
        if isinstance(error, BaseException) and tls.is_certificate_error(error):
            self._tls_error = error

    def _on_disconnected(self, reason: object) -> None:
        if isinstance(reason, BaseException) and tls.is_certificate_error(reason):
            self._tls_error = reason
        elif reason and self._error is None:
            self._error = reason
        self._finish()

    def _on_stream_error(self, error: Any) -> None:
        with contextlib.suppress(Exception):
            self._stream_error = str(error["condition"])

    def detach(self) -> None:
        for name, handler in self._handlers:
            self.client.del_event_handler(name, handler)

    async def run(self, timeout: float = SIGN_IN_TIMEOUT) -> ConnectResult:
        s = self.settings
        try:
            async with asyncio.timeout(timeout):
                attempt = self.client.connect(s.host or None, s.port or None)
                await attempt  # TCP (and direct TLS) done, or every address failed
                if not self.client.is_connected():
                    self._finish()
                await self._done
        except TimeoutError:
            return _fail(
                FailureKind.NETWORK,
                CoreMessages.tr("The server did not answer in time."),
                retryable=True,
            )
        finally:
            self.detach()
        if self.client.is_connected() and self._succeeded():
            return ConnectResult()
        return await self._failure()

    def _succeeded(self) -> bool:
        """Signed in over a verified (or pinned) TLS stream; an earlier failed address is moot."""
        return (
            self._negotiated
            and not self._auth_failed
            and not self._plaintext
            and self.client.trust_failure is None
            and self.client.is_encrypted()
            and bool(self.client.authenticated)
        )

    async def _failure(self) -> ConnectResult:
        trust = self.client.trust_failure
        if trust is not None:
            return _fail(FailureKind.TLS, str(trust), detail=trust.fingerprint)
        if self._plaintext:
            return _fail(
                FailureKind.TLS,
                CoreMessages.tr("The server does not offer an encrypted connection."),
            )
        if self._tls_error is not None:
            fingerprint = await self._probe()
            return _fail(
                FailureKind.TLS,
                CoreMessages.tr("The server's certificate is not trusted (%1).").arg(
                    _reason(self._tls_error)
                ),
                detail=fingerprint,
            )
        if self._auth_failed:
            if self._auth_condition in _TRANSIENT_AUTH:
                return _fail(
                    FailureKind.NETWORK,
                    CoreMessages.tr("The server could not check the password now."),
                    True,
                )
            if self._auth_condition == "account-disabled":
                return _fail(
                    FailureKind.AUTH, CoreMessages.tr("This account is disabled on the server.")
                )
            return _fail(FailureKind.AUTH, CoreMessages.tr("Wrong address or password."))
        found = self.client.discovered
        if found is not None and not found.endpoints:
            return _fail(
                FailureKind.CONFIG,
                " ".join(found.notes)
                or CoreMessages.tr("No XMPP server was found for %1.").arg(self.settings.domain),
                field="jid",
            )
        if self._stream_error == "host-unknown":
            return _fail(
                FailureKind.CONFIG,
                CoreMessages.tr("The server does not serve %1.").arg(self.settings.domain),
                field="jid",
            )
        detail = f" ({_reason(self._error)})" if self._error else ""
        return _fail(
            FailureKind.NETWORK,
            CoreMessages.tr("Cannot reach the server%1.").arg(detail),
            retryable=True,
        )

    async def _probe(self) -> str:
        attempt = self.client.last_attempt
        s = self.settings
        if attempt is not None:
            host, port, direct = attempt
        elif s.host:
            host, port, direct = s.host, s.port, s.tls_mode == "direct"
        else:
            return ""
        return await tls.probe_fingerprint(host, port, s.domain, direct_tls=direct)


def _fail(
    kind: FailureKind, message: str, retryable: bool = False, detail: str = "", field: str = ""
) -> ConnectResult:
    return ConnectResult(Failure(kind, message, retryable, detail, field=field))


def _reason(error: object) -> str:
    if isinstance(error, BaseException):
        text = getattr(error, "verify_message", "") or getattr(error, "strerror", "") or str(error)
        return str(text) or type(error).__name__
    return str(error)
