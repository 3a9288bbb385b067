"""Refresh tokens (spec v1.3 "Refreshing access tokens"): an access token that expires, renewed
before it does, and again whenever the server says it is no longer valid.

Sign-in asks for a refresh token (``"refresh_token": true``); the answer's ``expires_in_ms`` says
how long the access token lives. :class:`TokenKeeper` renews it at 80 % of that lifetime
(``POST /refresh``), keeps both tokens and the expiry in the keyring/state, and hands the new
access token to the HTTP client. A request answered ``M_UNKNOWN_TOKEN`` (typically with
``soft_logout: true``) asks it to refresh at once; concurrent callers share one refresh. When the
refresh itself is refused, the session is *soft logged out*: the person must sign in again, and the
device (its id, store and keys) is kept for that.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from app.backend import Failure, FailureKind, SecretAccess, StateAccess
from app.i18n import CoreMessages
from backends.matrix.http import V3, Reply
from backends.matrix.session import SECRET_REFRESH, SECRET_TOKEN

STATE_EXPIRES = "access_token_expires_ms"
"""When the access token expires (ms since the epoch), so a restart knows."""
REFRESH_AT = 0.8
"""Renew when this share of the access token's lifetime has passed."""
MIN_LEAD = 1.0
"""…but at least this many seconds before it expires."""

Post = Callable[[str, dict[str, Any]], Awaitable[Reply]]
"""``post(path, body)`` without an access token."""


def soft_logout_failure() -> Failure:
    return Failure(
        FailureKind.AUTH,
        CoreMessages.tr(
            "The server ended this session: sign in again. Your messages and encryption keys on "
            "this device are kept."
        ),
        detail="soft_logout",
    )


def refresh_delay(expires_in_ms: float, lead: float = MIN_LEAD) -> float:
    """Seconds to wait before renewing a token that lives ``expires_in_ms`` from now."""
    lifetime = max(0.0, expires_in_ms / 1000)
    return max(0.0, min(lifetime * REFRESH_AT, lifetime - lead))


def parse_refresh(body: Mapping[str, Any]) -> tuple[str, str, int | None] | None:
    """(access token, refresh token, expires_in_ms) of a ``/refresh`` or ``/login`` answer."""
    access = body.get("access_token")
    refresh = body.get("refresh_token")
    expires = body.get("expires_in_ms")
    if not isinstance(access, str) or not access or not isinstance(refresh, str) or not refresh:
        return None
    return access, refresh, expires if isinstance(expires, int) and expires > 0 else None


class TokenKeeper:
    """Keeps one session's access token fresh (see the module docstring)."""

    def __init__(
        self,
        secrets: SecretAccess,
        state: StateAccess,
        post: Post,
        apply: Callable[[str], None],
        log: Any,
        *,
        clock: Callable[[], float] = time.time,
        secret_token: str = SECRET_TOKEN,
    ) -> None:
        self._secrets = secrets
        self._state = state
        self._post = post
        self._apply = apply
        self._log = log
        self._clock = clock
        self._secret_token = secret_token
        self._task: asyncio.Task[None] | None = None
        self._running: asyncio.Future[Failure | None] | None = None
        self.soft_logged_out = False
        self.refreshes = 0
        """How many times the token was renewed in this session (tests, the log)."""

    async def has_refresh_token(self) -> bool:
        return bool(await self._secrets.get(SECRET_REFRESH))

    async def signed_in(self, body: Mapping[str, Any]) -> None:
        """A login (password, token, registration) answered: keep its refresh token, if any."""
        refresh = body.get("refresh_token")
        expires = body.get("expires_in_ms")
        if isinstance(refresh, str) and refresh:
            await self._secrets.set(SECRET_REFRESH, refresh)
        else:
            await self._secrets.delete(SECRET_REFRESH)
        await self._remember(expires if isinstance(expires, int) and expires > 0 else None)

    async def _remember(self, expires_in_ms: int | None) -> None:
        if expires_in_ms is None:
            await self._state.set(STATE_EXPIRES, None)
            return
        await self._state.set(STATE_EXPIRES, str(int(self._clock() * 1000) + expires_in_ms))

    async def start(self) -> None:
        """Renew on time from now on (reads the expiry a sign-in or a refresh stored)."""
        self.stop()
        if not await self.has_refresh_token():
            return
        stored = await self._state.get(STATE_EXPIRES)
        try:
            left_ms = int(stored) - self._clock() * 1000 if stored else 0.0
        except ValueError:
            left_ms = 0.0
        # Unknown (a sign-in in the browser on another instance): renew now, which tells.
        self._task = asyncio.get_running_loop().create_task(
            self._renew_after(refresh_delay(left_ms)), name="matrix-token-refresh"
        )

    def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()

    async def _renew_after(self, delay: float) -> None:
        await asyncio.sleep(delay)
        self._task = None  # refresh() schedules the next one
        failure = await self.refresh()
        if failure is not None and not self.soft_logged_out:
            # Unreachable for a moment: the next request's M_UNKNOWN_TOKEN will retry.
            self._log.info("could not renew the access token yet: %s", failure.message)

    async def refresh(self) -> Failure | None:
        """Renew now (one refresh at a time; callers meanwhile wait for the same one)."""
        if self._running is not None:
            return await asyncio.shield(self._running)
        self._running = asyncio.get_running_loop().create_future()
        try:
            failure = await self._refresh()
        except BaseException as exc:
            self._running.set_exception(exc)
            self._running.exception()  # retrieved: no "never retrieved" warning
            raise
        finally:
            running, self._running = self._running, None
        if not running.done():
            running.set_result(failure)
        return failure

    async def _refresh(self) -> Failure | None:
        refresh = await self._secrets.get(SECRET_REFRESH)
        if not refresh:
            return soft_logout_failure()
        reply = await self._post(f"{V3}/refresh", {"refresh_token": refresh})
        if reply.transport is not None:
            return reply.transport
        if reply.status in (401, 403) or reply.errcode in ("M_UNKNOWN_TOKEN", "M_FORBIDDEN"):
            self._log.info("the refresh token was refused (%s): soft logout", reply.errcode)
            self.soft_logged_out = True
            with contextlib.suppress(Exception):
                await self._secrets.delete(SECRET_REFRESH)
                await self._secrets.delete(self._secret_token)
            return soft_logout_failure()
        parsed = parse_refresh(reply.body) if reply.ok else None
        if parsed is None:
            return (
                reply.failure()
                if not reply.ok
                else Failure(
                    FailureKind.PROTOCOL,
                    CoreMessages.tr("The homeserver's refresh answer lacks the new tokens."),
                )
            )
        access, new_refresh, expires = parsed
        # The new pair first, then the client: a crash in between leaves a usable keyring.
        await self._secrets.set(SECRET_REFRESH, new_refresh)
        await self._secrets.set(self._secret_token, access)
        await self._remember(expires)
        self._apply(access)
        self.refreshes += 1
        self._log.info("access token renewed")
        if expires is not None:
            self.stop()
            self._task = asyncio.get_running_loop().create_task(
                self._renew_after(refresh_delay(expires)), name="matrix-token-refresh"
            )
        return None
