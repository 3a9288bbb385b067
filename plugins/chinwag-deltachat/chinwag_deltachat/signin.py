"""Signing in: the core's account, its configuration (only when the login changed), going online.

Configuring makes the core probe the servers (IMAP login, SMTP login), which takes seconds on a
real provider, so it is done only for a new account or when the address, the servers or the
password in the keyring differ from what the core has configured. Failures come back as the
core's sentences, typed by :func:`convert.configure_failure`.
"""

from __future__ import annotations

import asyncio
import logging

from app.api import Failure, FailureKind
from chinwag_deltachat import convert, settings
from chinwag_deltachat.rpc import CoreError, CoreProcess

ONLINE_TIMEOUT = 25.0
CONNECTIVITY_WORKING = 3000  # connected and fetching
CONNECTIVITY_CONNECTED = 4000  # the inbox is selected and idle: everything new will arrive
POLL = 0.2


class SignIn:
    def __init__(self, core: CoreProcess, log: logging.LoggerAdapter[logging.Logger]) -> None:
        self._core = core
        self._log = log

    async def sign_in(self, values: settings.Settings, password: str) -> int | Failure:
        """The core's account id, configured for ``values``, or why not."""
        core = self._core
        try:
            ids = await core.call("get_all_account_ids")
            account = int(ids[0]) if ids else int(await core.call("add_account"))
            wanted = settings.login_params(values, password)
            transports = []
            if await core.call("is_configured", account):
                transports = await core.call("list_transports", account)
            if not any(settings.same_login(t, wanted) for t in transports):
                self._log.info("configuring the Delta Chat account")
                await core.call("add_or_update_transport", account, wanted)
            name = str(values.get("display_name") or "").strip()
            await core.call("set_config", account, "displayname", name or None)
            forced = "1" if settings.force_encryption(values) else "0"
            await core.call("set_config", account, "force_encryption", forced)
        except CoreError as exc:
            failure = convert.configure_failure(exc.message)
            self._log.info("sign-in failed (%s): %s", failure.kind, failure.message)
            return failure
        return account

    async def go_online(self, account: int) -> Failure | None:
        """Start fetching and sending; wait until the core watches the inbox.

        On its very first look at an inbox the core takes only mail that arrives after it (what
        is already there is someone else's business), so "signed in" must mean "watching",
        or mail sent in between would be skipped. A large mailbox may keep the core busy for a
        while: then being connected and fetching is enough."""
        state = 0
        try:
            await self._core.call("start_io", account)
            loop = asyncio.get_running_loop()
            deadline = loop.time() + ONLINE_TIMEOUT
            while loop.time() < deadline:
                state = int(await self._core.call("get_connectivity", account))
                if state >= CONNECTIVITY_CONNECTED:
                    return None
                await asyncio.sleep(POLL)
        except CoreError as exc:
            return Failure(FailureKind.PROTOCOL, exc.message, retryable=True)
        if state >= CONNECTIVITY_WORKING:
            return None
        return Failure(
            FailureKind.NETWORK, "The mail server did not answer in time.", retryable=True
        )
