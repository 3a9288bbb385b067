"""Account commands: the services on offer, adding, changing and removing accounts, sign-in.

Our own presence lives here too: it is a property of an account (Gajim's status per account),
while other people's presence belongs to :mod:`app.core.contacts`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import shutil
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace

from app import events as ev
from app.backend import (
    AccountField,
    Failure,
    FailureKind,
    Outcome,
    SupportsBrowserSignIn,
    SupportsLogout,
    SupportsPresence,
    SupportsSignUp,
    as_capable,
)
from app.config import AccountEntry
from app.core.not_saved import saving
from app.core.services import (
    CommandError,
    CoreServices,
    delete_store_files,
    probe_context,
    validated,
)
from app.i18n import CoreMessages
from app.models import Account, AccountId, ConnectionState, Presence
from app.session import AccountSession
from app.store import archive

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BackendInfo:
    """What the account dialog needs to know about a service."""

    protocol_id: str
    display_name: str
    fields: tuple[AccountField, ...]
    sign_up: bool = False
    """Accounts can be made from the app (:class:`~app.backend.SupportsSignUp`)."""
    browser_sign_in: bool = False
    """The server may offer sign-in in the browser (:class:`~app.backend.SupportsBrowserSignIn`)."""


class AccountCommands:
    """``core.accounts``: everything about the accounts themselves, not what they carry."""

    def __init__(self, services: CoreServices) -> None:
        self._s = services

    async def backends(self) -> list[BackendInfo]:
        """Every usable backend (imports them all); broken plugins are published as problems."""
        registry = self._s.ctx.registry
        loaded = await asyncio.to_thread(registry.load_all)
        for report in registry.problems():
            self._s.publish(ev.PluginProblem(report.name, report.reason))
        return [
            BackendInfo(
                pid,
                cls.display_name,
                tuple(cls.account_fields),
                sign_up=issubclass(cls, SupportsSignUp),
                browser_sign_in=issubclass(cls, SupportsBrowserSignIn),
            )
            for pid, cls in sorted(loaded.items())
        ]

    def list_accounts(self) -> list[Account]:
        return [e.account for e in self._s.config.accounts]

    async def add_account(
        self,
        protocol_id: str,
        settings: Mapping[str, str | int | bool],
        secrets: Mapping[str, str] | None = None,
        *,
        display_name: str = "",
        enabled: bool = True,
        session_secrets: Mapping[str, str] | None = None,
    ) -> Account:
        """Add an account: secrets go to the keyring first, so a keyring problem adds nothing.

        ``session_secrets`` are what a sign-in in the browser left (an access token, a device
        id): kept as they are, and the account's password is then not required."""
        s = self._s
        cls = await s.backend_class(protocol_id)
        settings, secrets = validated(
            cls, settings, secrets or {}, require_secrets=not session_secrets
        )
        secrets = {**secrets, **(session_secrets or {})}
        account_id = uuid.uuid4().hex[:12]
        for key, value in secrets.items():
            await asyncio.to_thread(s.ctx.secrets.set, account_id, key, value)
        account = Account(
            id=account_id,
            protocol_id=protocol_id,
            display_name=display_name or cls.account_label(settings),
            settings=settings,
            enabled=enabled,
        )
        try:
            await saving(
                CoreMessages.tr("the new account"),
                s.save(s.config.with_account(AccountEntry(account, tuple(secrets)))),
            )
        except CommandError:
            for key in secrets:  # no secrets left behind for an account that is not there
                await asyncio.to_thread(s.ctx.secrets.delete, account_id, key)
            raise
        session = await s.open_session(account)
        s.publish_accounts()
        s.publish_state(session)
        await session.start()
        return account

    async def update_account(
        self,
        account_id: AccountId,
        *,
        settings: Mapping[str, str | int | bool] | None = None,
        secrets: Mapping[str, str] | None = None,
        display_name: str | None = None,
    ) -> Account:
        """Change an account; a running connection restarts with the new settings."""
        s = self._s
        entry = s.entry(account_id)
        account = entry.account
        cls = await s.backend_class(account.protocol_id)
        new_settings, new_secrets = validated(
            cls,
            settings if settings is not None else account.settings,
            secrets or {},
            require_secrets=False,
        )
        for key, value in new_secrets.items():
            await asyncio.to_thread(s.ctx.secrets.set, account_id, key, value)
        account = replace(
            account,
            settings=new_settings,
            display_name=display_name if display_name is not None else account.display_name,
        )
        keys = tuple(dict.fromkeys((*entry.secret_keys, *new_secrets)))
        await saving(
            CoreMessages.tr("the account's changes"),
            s.save(s.config.with_account(AccountEntry(account, keys))),
        )
        session = s.sessions[account_id]
        await session.stop()
        session.with_account(account)
        s.publish_accounts()
        await session.start()
        return account

    async def set_account_enabled(self, account_id: AccountId, enabled: bool) -> Account:
        s = self._s
        entry = s.entry(account_id)
        account = replace(entry.account, enabled=enabled)
        await saving(
            CoreMessages.tr("that the account is on")
            if enabled
            else CoreMessages.tr("that the account is off"),
            s.save(s.config.with_account(replace(entry, account=account))),
        )
        session = s.sessions[account_id]
        session.with_account(account)
        # The account's new flag goes out before the state change it causes, so a window that
        # sees "disabled" already knows the account is off (it toggled it on again as "off").
        s.publish_accounts()
        if enabled:
            await session.start()
        else:
            await session.supervisor.stop(ConnectionState.DISABLED)
        return account

    async def remove_account(self, account_id: AccountId, *, keep_history: bool = False) -> None:
        """Sign out and forget an account: its secrets always, its history unless kept.

        Kept history moves to the archive folder, where it can be imported again later.
        """
        s = self._s
        entry = s.entry(account_id)
        if keep_history:  # so it can be imported again (core.archive.import_account); first,
            # so that a disk that refuses it stops the removal before anything is undone
            record = archive.kept_account_record(entry.account, s.ctx.clock())
            session = s.session(account_id)
            await saving(
                CoreMessages.tr("the history to keep"),
                s.worker.run(session.store.set_state, archive.KEPT_ACCOUNT_KEY, record),
            )
        session = s.sessions.pop(account_id)
        await self._logout(session)
        await session.stop()
        conv_ids = tuple(c.id for c in await s.worker.run(session.store.conversations))
        await s.worker.run(session.store.close)
        for key in entry.secret_keys:
            await asyncio.to_thread(s.ctx.secrets.delete, account_id, key)
        await s.save(s.config.without_account(account_id))
        paths = s.ctx.paths
        store_path = paths.account_store(account_id)
        if keep_history:
            paths.archive_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            stamp = s.ctx.clock().strftime("%Y%m%dT%H%M%S")
            await asyncio.to_thread(
                shutil.move, store_path, paths.archive_dir / f"{account_id}-{stamp}.sqlite3"
            )
        else:
            await asyncio.to_thread(delete_store_files, store_path)
        await asyncio.to_thread(shutil.rmtree, paths.account_files(account_id), True)
        if conv_ids:
            s.publish(ev.ConversationsRemoved(conv_ids))
        s.publish_accounts()

    async def test_connection(
        self,
        protocol_id: str,
        settings: Mapping[str, str | int | bool],
        secrets: Mapping[str, str] | None = None,
        *,
        account_id: AccountId | None = None,
    ) -> Outcome:
        """Try to sign in with these settings without saving anything, then sign out.

        Secrets not given are taken from the keyring of ``account_id`` (editing an account).
        """
        s = self._s
        cls = await s.backend_class(protocol_id)
        clean, given = validated(cls, settings, secrets or {}, require_secrets=False)
        stored = {}
        if account_id is not None:
            for fld in cls.account_fields:
                if fld.secret and fld.name not in given:
                    value = await asyncio.to_thread(s.ctx.secrets.get, account_id, fld.name)
                    if value is not None:
                        stored[fld.name] = value
        backend = cls(
            probe_context(
                account_id or "probe",
                clean,
                {**stored, **given},
                s.ctx.paths.cache_dir,
                network=s.ctx.network,
            )
        )
        try:
            async with asyncio.timeout(s.ctx.connect_timeout):
                result = await backend.connect()
        except TimeoutError:
            return Outcome(
                Failure(
                    FailureKind.NETWORK, CoreMessages.tr("The server did not answer in time."), True
                )
            )
        except Exception as exc:
            _log.exception("backend crashed while testing a connection")
            return Outcome(
                Failure(FailureKind.PROTOCOL, CoreMessages.tr("Internal error: %1").arg(exc))
            )
        finally:
            with contextlib.suppress(Exception):
                await backend.disconnect()
        return Outcome(result.failure)

    async def _logout(self, session: AccountSession) -> None:
        """End the server-side session (a Matrix device) before the secrets are gone."""
        cls = await asyncio.to_thread(self._s.ctx.registry.get, session.account.protocol_id)
        if cls is None or not issubclass(cls, SupportsLogout):
            return
        backend = as_capable(session.backend, SupportsLogout)
        if backend is None:
            created = await session.create_backend()
            backend = as_capable(created, SupportsLogout)
        if backend is None:
            return
        try:
            async with asyncio.timeout(15):
                outcome = await backend.logout()
            if outcome.failure is not None:
                session.log.warning("logout failed: %s", outcome.failure.message)
        except Exception:
            session.log.exception("logout failed")

    async def reconnect(self, account_id: AccountId) -> None:
        session = self._s.session(account_id)
        if session.account.enabled:
            session.supervisor.retry_now()

    async def retry_saving(self, account_id: AccountId) -> bool:
        """Try at once to save what the account's store refused for a while (the person freed
        the disk and pressed "Try again now"), instead of after the pause. The outcome is said
        by notices: saved again, or that it still fails. False: nothing was waiting."""
        return self._s.session(account_id).retry_saving_now()

    async def set_presence(self, presence: Presence, account_id: AccountId | None = None) -> None:
        """Set our presence on one account, or on all that support it."""
        s = self._s
        for session in s.sessions.values():
            if account_id is not None and session.account_id != account_id:
                continue
            backend = as_capable(session.backend, SupportsPresence)
            if backend is not None:
                outcome = await s.guard(backend.set_presence(presence), session)
                if isinstance(outcome, Outcome) and outcome.ok:
                    s.publish(ev.OwnPresenceChanged(session.account_id, presence))
