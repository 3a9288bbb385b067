"""Signing in through the browser (single sign-on, the homeserver's OAuth 2.0 service) and
making an account (registration): what the façade offers for the account dialog, kept apart from
the connected session's services."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from app.backend import Credentials, Failure, FailureKind, SignInMethods, SignUpForm
from app.i18n import CoreMessages
from backends.matrix import browser, oauth
from backends.matrix import convert as cv
from backends.matrix.http import Reply
from backends.matrix.register import Registration
from backends.matrix.session import DEVICE_NAME, SECRET_DEVICE, SECRET_TOKEN, MatrixSession
from backends.matrix.signin import SignIn


class AccountAccess:
    """Browser sign-in and registration for one account (the registration's state between the
    dialog's steps is kept here)."""

    def __init__(self, session: MatrixSession, signin: SignIn) -> None:
        self.session = session
        self.signin = signin
        self._registration: Registration | None = None

    def cancel_sign_up(self) -> None:
        self._registration = None

    async def sign_in_methods(self) -> SignInMethods | Failure:
        homeserver = await self.signin.find_server()
        if isinstance(homeserver, Failure):
            return homeserver
        return await browser.sign_in_methods(self.session.api, homeserver)

    async def sign_in_with_browser(
        self, provider_id: str, open_url: Callable[[str], None]
    ) -> Credentials | Failure:
        """Single sign-on (or the homeserver's OAuth 2.0 service) in the system browser. After a
        soft logout the stored device id is asked for again, so keys and store stay valid."""
        methods = await self.sign_in_methods()
        if isinstance(methods, Failure):
            return methods
        provider = next((p for p in methods.providers if p.id == provider_id), None)
        if provider is None:
            return Failure(
                FailureKind.CONFIG, CoreMessages.tr("This homeserver does not offer that sign-in.")
            )
        device = await self.session.ctx.secrets.get(SECRET_DEVICE) or ""
        if provider_id == browser.OAUTH_PROVIDER:
            return await self._oauth_sign_in(open_url, device)
        return await browser.sso_sign_in(
            self.session.api,
            homeserver=self.session.homeserver,
            provider=provider,
            open_url=open_url,
            device_id=device,
            ssl_param=self.signin.ssl_param,
        )

    async def _oauth_sign_in(
        self, open_url: Callable[[str], None], device: str
    ) -> Credentials | Failure:
        api = self.session.api
        meta = await browser.server_metadata(api)
        if not isinstance(meta, oauth.ServerMetadata):
            return meta or Failure(
                FailureKind.UNSUPPORTED, CoreMessages.tr("No sign-in service is advertised.")
            )
        made = await browser.oauth_sign_in(
            meta,
            open_url=open_url,
            device_id=device,
            client_id=await self.session.ctx.secrets.get(browser.SECRET_OAUTH_CLIENT) or "",
            client_secret=await self.session.ctx.secrets.get(browser.SECRET_OAUTH_CLIENT_SECRET)
            or "",
            login_hint=self.session.user_id,
            ssl_param=self.signin.ssl_param,
        )
        if isinstance(made, Failure):
            return made
        # Who the token belongs to, from the homeserver itself.
        self.session.nio.access_token = made.secrets[SECRET_TOKEN]
        who = await api.request("GET", "/_matrix/client/v3/account/whoami", timeout=30)
        self.session.nio.access_token = ""
        user_id = who.body.get("user_id") if who.ok else None
        if not isinstance(user_id, str):
            return (
                who.failure()
                if not who.ok
                else Failure(
                    FailureKind.PROTOCOL,
                    CoreMessages.tr("The homeserver does not say who signed in."),
                )
            )
        return Credentials({"user_id": user_id}, made.secrets)

    async def sign_up(
        self, answers: Mapping[str, str | bool]
    ) -> SignUpForm | Credentials | Failure:
        if self._registration is None:
            homeserver = await self.signin.find_server()
            if isinstance(homeserver, Failure):
                return homeserver
            session = self.session
            parsed = cv.parse_user_id(session.user_id)
            assert parsed is not None  # find_server checked it
            api = session.api

            async def request(method: str, path: str, body: dict[str, object] | None) -> Reply:
                return await api.request(method, path, body=body, timeout=30, auth=False)

            self._registration = Registration(
                request,
                homeserver=homeserver,
                server_name=parsed[1],
                localpart=parsed[0],
                password=await self.session.ctx.secrets.get("password") or "",
                device_name=DEVICE_NAME,
            )
        return await self._registration.step(answers)
