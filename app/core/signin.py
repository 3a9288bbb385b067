"""Sign-in beyond a typed password: how a server lets people in, single sign-on in the system
browser, and making a new account from the app.

Each runs on a throwaway backend instance (as "test connection" does) whose settings are what the
person typed so far; nothing is saved until it succeeds. Then the new account is added with the
credentials the service gave (an access token and device for single sign-on, the chosen
password for a registration), or an existing account (signed out by its server, "soft logout")
gets them and reconnects, keeping its store and keys.

The front end learns that a web page must be opened from :class:`~app.events.OpenInBrowser`.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from app import events as ev
from app.backend import (
    Backend,
    Credentials,
    Failure,
    FailureKind,
    SignInMethods,
    SignUpForm,
    SupportsBrowserSignIn,
    SupportsSignUp,
    as_capable,
)
from app.core.services import CoreServices, probe_context, validated_problems
from app.i18n import CoreMessages
from app.models import Account, AccountId

_log = logging.getLogger(__name__)
_ids = itertools.count(1)
SIGN_UP_STEP_TIMEOUT = 120.0
"""At most this long for the server's answer to one sign-up step (not the person's)."""
BROWSER_SIGN_IN_TIMEOUT = 15 * 60.0
"""How long a browser sign-in may take, the person's typing and second factor included."""


class AddAccount(Protocol):
    async def __call__(
        self,
        protocol_id: str,
        settings: Mapping[str, str | int | bool],
        secrets: Mapping[str, str] | None = None,
        *,
        display_name: str = "",
        enabled: bool = True,
        session_secrets: Mapping[str, str] | None = None,
    ) -> Account: ...


@dataclass(frozen=True, slots=True)
class SignUpStep:
    """Where a sign-up stands: a form to fill in, the account it made, or why it ended."""

    sign_up_id: str
    form: SignUpForm | None = None
    account: Account | None = None
    failure: Failure | None = None


@dataclass
class _SignUp:
    protocol_id: str
    settings: dict[str, str | int | bool]
    backend: SupportsSignUp
    display_name: str


class SignInCommands:
    """``core.signin``: sign-in methods, single sign-on, sign-up."""

    def __init__(self, services: CoreServices, add_account: AddAccount) -> None:
        """``add_account``: ``core.accounts.add_account`` (given, not imported: command
        groups build on the shared services alone)."""
        self._s = services
        self._add_account = add_account
        self._sign_ups: dict[str, _SignUp] = {}
        self._browser: set[asyncio.Task[Credentials | Failure]] = set()

    # -- checking ------------------------------------------------------------------------------

    async def check_settings(
        self,
        protocol_id: str,
        settings: Mapping[str, str | int | bool],
        secrets: Mapping[str, str] | None = None,
        *,
        require_secrets: bool = False,
    ) -> dict[str, str]:
        """Field name → what is wrong with it (empty when the settings can be used)."""
        cls = await self._s.backend_class(protocol_id)
        return validated_problems(cls, settings, secrets or {}, require_secrets=require_secrets)

    async def sign_in_methods(
        self, protocol_id: str, settings: Mapping[str, str | int | bool]
    ) -> SignInMethods | Failure:
        """How one signs in where these settings point (password, providers, sign-up)."""
        backend = await self._probe(protocol_id, settings, {}, None)
        if isinstance(backend, Failure):
            return backend
        capable = as_capable(backend, SupportsBrowserSignIn)
        if capable is None:
            return SignInMethods(password=True, sign_up=isinstance(backend, SupportsSignUp))
        try:
            async with asyncio.timeout(self._s.ctx.connect_timeout):
                return await capable.sign_in_methods()
        except TimeoutError:
            return Failure(
                FailureKind.NETWORK, CoreMessages.tr("The server did not answer in time."), True
            )
        finally:
            with contextlib.suppress(Exception):
                await backend.disconnect()

    # -- single sign-on ----------------------------------------------------------------------

    async def sign_in_with_browser(
        self,
        protocol_id: str,
        settings: Mapping[str, str | int | bool],
        provider_id: str,
        *,
        account_id: AccountId | None = None,
        display_name: str = "",
    ) -> Account | Failure:
        """Sign in through ``provider_id``'s page in the browser; add the account, or give an
        existing one (``account_id``) its new session and reconnect it."""
        stored: dict[str, str] = {}
        if account_id is not None:
            entry = self._s.entry(account_id)
            for key in entry.secret_keys:
                value = await asyncio.to_thread(self._s.ctx.secrets.get, account_id, key)
                if value is not None:
                    stored[key] = value
        backend = await self._probe(protocol_id, settings, stored, account_id)
        if isinstance(backend, Failure):
            return backend
        capable = as_capable(backend, SupportsBrowserSignIn)
        if capable is None:
            return Failure(
                FailureKind.UNSUPPORTED,
                CoreMessages.tr("This service has no sign-in in the browser."),
            )

        def open_url(url: str) -> None:
            self._s.publish(ev.OpenInBrowser(url, account_id or "", "sign-in"))

        task = asyncio.get_running_loop().create_task(
            capable.sign_in_with_browser(provider_id, open_url)
        )
        self._browser.add(task)
        try:
            async with asyncio.timeout(BROWSER_SIGN_IN_TIMEOUT):
                outcome = await task
        except TimeoutError:
            return Failure(
                FailureKind.NETWORK, CoreMessages.tr("The sign-in in the browser took too long.")
            )
        except asyncio.CancelledError:
            if task.cancelled() and not _current_cancelled():
                return Failure(FailureKind.REJECTED, CoreMessages.tr("The sign-in was cancelled."))
            raise
        finally:
            self._browser.discard(task)
            with contextlib.suppress(Exception):
                await backend.disconnect()
        if isinstance(outcome, Failure):
            return outcome
        return await self._use(protocol_id, settings, outcome, account_id, display_name)

    async def cancel_browser_sign_in(self) -> None:
        """The person closed the dialog: stop waiting for the browser."""
        for task in list(self._browser):
            task.cancel()

    # -- making an account ------------------------------------------------------------------

    async def begin_sign_up(
        self,
        protocol_id: str,
        settings: Mapping[str, str | int | bool],
        secrets: Mapping[str, str] | None = None,
        *,
        display_name: str = "",
    ) -> SignUpStep:
        """Start making an account with what the person typed; the server's first form (or,
        when nothing more is needed, the new account) comes back."""
        backend = await self._probe(protocol_id, settings, dict(secrets or {}), None)
        sign_up_id = f"signup-{next(_ids)}"
        if isinstance(backend, Failure):
            return SignUpStep(sign_up_id, failure=backend)
        capable = as_capable(backend, SupportsSignUp)
        if capable is None:
            return SignUpStep(
                sign_up_id,
                failure=Failure(
                    FailureKind.UNSUPPORTED,
                    CoreMessages.tr("Accounts for this service cannot be made here."),
                ),
            )
        self._sign_ups[sign_up_id] = _SignUp(protocol_id, dict(settings), capable, display_name)
        return await self._step(sign_up_id, {})

    async def answer_sign_up(
        self, sign_up_id: str, answers: Mapping[str, str | bool]
    ) -> SignUpStep:
        """The person's answers to the last form."""
        if sign_up_id not in self._sign_ups:
            return SignUpStep(
                sign_up_id,
                failure=Failure(
                    FailureKind.PROTOCOL, CoreMessages.tr("This sign-up has already ended.")
                ),
            )
        return await self._step(sign_up_id, answers)

    async def cancel_sign_up(self, sign_up_id: str) -> None:
        sign_up = self._sign_ups.pop(sign_up_id, None)
        if sign_up is not None:
            await _close(sign_up.backend)

    async def _step(self, sign_up_id: str, answers: Mapping[str, str | bool]) -> SignUpStep:
        sign_up = self._sign_ups[sign_up_id]
        try:
            async with asyncio.timeout(SIGN_UP_STEP_TIMEOUT):
                outcome = await sign_up.backend.sign_up(answers)
        except TimeoutError:
            outcome = Failure(
                FailureKind.NETWORK, CoreMessages.tr("The server did not answer in time."), True
            )
        except Exception as exc:
            _log.exception("backend crashed while making an account")
            outcome = Failure(FailureKind.PROTOCOL, CoreMessages.tr("Internal error: %1").arg(exc))
        if isinstance(outcome, SignUpForm):
            return SignUpStep(sign_up_id, form=outcome)
        await self.cancel_sign_up(sign_up_id)
        if isinstance(outcome, Failure):
            return SignUpStep(sign_up_id, failure=outcome)
        account = await self._use(
            sign_up.protocol_id, sign_up.settings, outcome, None, sign_up.display_name
        )
        if isinstance(account, Failure):
            return SignUpStep(sign_up_id, failure=account)
        return SignUpStep(sign_up_id, account=account)

    # -- shared ------------------------------------------------------------------------------

    async def _probe(
        self,
        protocol_id: str,
        settings: Mapping[str, str | int | bool],
        secrets: dict[str, str],
        account_id: AccountId | None,
    ) -> Backend | Failure:
        cls = await self._s.backend_class(protocol_id)
        problems = validated_problems(cls, settings, secrets, require_secrets=False)
        if problems:
            name, message = next(iter(problems.items()))
            return Failure(FailureKind.CONFIG, message, field=name)
        ctx = probe_context(
            account_id or "probe",
            dict(settings),
            secrets,
            self._s.ctx.paths.cache_dir,
            network=self._s.ctx.network,
        )
        return cls(ctx)

    async def _use(
        self,
        protocol_id: str,
        settings: Mapping[str, str | int | bool],
        credentials: Credentials,
        account_id: AccountId | None,
        display_name: str,
    ) -> Account | Failure:
        """Save what a sign-in or sign-up produced: a new account, or new secrets for one."""
        merged = {**settings, **credentials.settings}
        if account_id is None:
            return await self._add_account(
                protocol_id,
                merged,
                {},
                session_secrets=credentials.secrets,
                display_name=display_name,
            )
        for key, value in credentials.secrets.items():
            await asyncio.to_thread(self._s.ctx.secrets.set, account_id, key, value)
            self._s.remember_secret(account_id, key)
        session = self._s.session(account_id)
        self._s.publish(ev.Notice(CoreMessages.tr("Signed in again."), account_id, "info"))
        if session.account.enabled:
            session.supervisor.retry_now()
        return session.account


async def _close(backend: SupportsSignUp) -> None:
    with contextlib.suppress(Exception):
        await backend.cancel_sign_up()
    if isinstance(backend, Backend):
        with contextlib.suppress(Exception):
            await backend.disconnect()


def _current_cancelled() -> bool:
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0
