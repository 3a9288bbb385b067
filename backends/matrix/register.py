"""Making a Matrix account from the app: ``POST /register`` through user-interactive auth.

The Matrix ID and password typed in the account dialog go first; the stages the homeserver asks
for then follow (:mod:`.uia`): ``m.login.dummy`` silently; a registration token and the terms in
one form; a CAPTCHA on the homeserver's fallback page in the browser; e-mail or phone
confirmation is named as something the app cannot do. A taken or invalid name, a weak password or
a server that makes no accounts comes back as a :class:`~app.backend.Failure` naming the account
dialog's field (``user_id`` or ``password``). The new account asks for a refresh token, like a
sign-in does, and its access token, device and password go to the keyring.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from app.backend import Credentials, Failure, FailureKind, SignUpForm
from app.i18n import CoreMessages
from backends.matrix import uia
from backends.matrix.http import V3, Reply
from backends.matrix.session import SECRET_DEVICE, SECRET_REFRESH, SECRET_TOKEN

Request = Callable[[str, str, dict[str, Any] | None], Awaitable[Reply]]
"""``request(method, path, body)`` on the homeserver, without an access token."""


def register_body(
    localpart: str, password: str, device_name: str, auth: dict[str, Any] | None
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "username": localpart,
        "password": password,
        "initial_device_display_name": device_name,
        "refresh_token": True,
    }
    if auth is not None:
        body["auth"] = auth
    return body


def outcome_of(status: int, body: Mapping[str, Any], password: str) -> Credentials | Failure:
    """The new account's credentials, or why there is none (with the field it is about)."""
    errcode = str(body.get("errcode") or "")
    said = str(body.get("error") or "")
    if 200 <= status < 300:
        user_id, token, device = (
            body.get("user_id"),
            body.get("access_token"),
            body.get("device_id"),
        )
        if not (isinstance(user_id, str) and isinstance(token, str) and isinstance(device, str)):
            return Failure(
                FailureKind.PROTOCOL,
                CoreMessages.tr("The homeserver's answer lacks the new session."),
            )
        secrets = {"password": password, SECRET_TOKEN: token, SECRET_DEVICE: device}
        refresh = body.get("refresh_token")
        if isinstance(refresh, str) and refresh:
            secrets[SECRET_REFRESH] = refresh
        return Credentials({"user_id": user_id}, secrets)
    if errcode == "M_USER_IN_USE":
        return Failure(
            FailureKind.REJECTED,
            CoreMessages.tr("This Matrix ID is taken: choose another name."),
            field="user_id",
        )
    if errcode in ("M_INVALID_USERNAME", "M_EXCLUSIVE"):
        return Failure(
            FailureKind.REJECTED,
            "The homeserver does not accept this name"
            + (f": {said}" if said else ". Use lower-case letters, digits and . _ = - /."),
            field="user_id",
        )
    if errcode == "M_WEAK_PASSWORD":
        return Failure(
            FailureKind.REJECTED,
            "The homeserver finds this password too weak" + (f": {said}" if said else "."),
            field="password",
        )
    if errcode == "M_LIMIT_EXCEEDED" or status == 429:
        return Failure(
            FailureKind.RATE_LIMITED,
            CoreMessages.tr("Too many attempts; try again in a while."),
            retryable=True,
        )
    if errcode == "M_FORBIDDEN" or status == 403:
        return Failure(
            FailureKind.REJECTED,
            "This homeserver does not let new accounts be made from an app"
            + (f" ({said})." if said else "."),
        )
    return Failure(
        FailureKind.PROTOCOL,
        CoreMessages.tr("The homeserver refused the new account: %1.").arg(said or status),
    )


class Registration:
    """One ``/register`` conversation (see the module docstring)."""

    def __init__(
        self,
        request: Request,
        *,
        homeserver: str,
        server_name: str,
        localpart: str,
        password: str,
        device_name: str,
    ) -> None:
        self._request = request
        self._localpart = localpart
        self._password = password
        self._device_name = device_name
        self._interaction = uia.Interaction(
            self._send, homeserver=homeserver, title=f"Create an account on {server_name}"
        )

    async def _send(self, auth: dict[str, Any] | None) -> tuple[int, dict[str, Any]]:
        reply = await self._request(
            "POST",
            f"{V3}/register?kind=user",
            register_body(self._localpart, self._password, self._device_name, auth),
        )
        if reply.transport is not None:
            raise _Unreachable(reply.transport)
        return reply.status, reply.body

    async def step(self, answers: Mapping[str, str | bool]) -> SignUpForm | Credentials | Failure:
        if not self._password:
            return Failure(
                FailureKind.CONFIG,
                CoreMessages.tr("Choose a password for the account."),
                field="password",
            )
        try:
            result = await self._interaction.step(answers)
        except _Unreachable as exc:
            return exc.failure
        if isinstance(result, (SignUpForm, Failure)):
            return result
        status, body = result
        return outcome_of(status, body, self._password)


class _Unreachable(Exception):
    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.message)
        self.failure = failure
